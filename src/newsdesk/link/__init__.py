"""Link stage: near-duplicates, rewrites of wire copy, and incremental story clustering."""

from newsdesk.link.linker import LinkState, link_articles
from newsdesk.link.origins import count_origins, group_origins

__all__ = ["LinkState", "count_origins", "group_origins", "link_articles"]
