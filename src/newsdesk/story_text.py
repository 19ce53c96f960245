"""Render a story as readable text for ``newsdesk show``: brief, disputes, quotes, sources."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence

from newsdesk.model import Article, Cite, Story


def _who(cites: Sequence[Cite], by_id: Mapping[str, Article]) -> str:
    names = []
    for c in cites:
        a = by_id.get(c.article)
        name = (a.outlet if a else None) or c.article
        if name not in names:
            names.append(name)
    return ", ".join(names)


def format_story(story: Story, articles: Sequence[Article], origins: Mapping[str, str]) -> str:
    """Return the story as plain text, every statement followed by the outlets it cites."""
    by_id = {a.id: a for a in articles}
    wrap = textwrap.TextWrapper(width=100, subsequent_indent="    ")
    lines = [story.title, "=" * min(100, len(story.title)), ""]
    outlets = sorted({a.outlet or "?" for a in articles})
    lines.append(
        f"{len(articles)} article(s) from {len(outlets)} outlet(s); {story.origins} independent origin(s)"
    )
    lines.append("")
    if story.brief:
        lines.append("Brief")
        for b in story.brief:
            lines.append(wrap.fill(f"  • {b.text} [{_who(b.cites, by_id)}]"))
        lines.append("")
    disputed = [c for c in story.claims if c.status == "disputed"]
    if disputed:
        lines.append("Disputed")
        for c in disputed:
            lines.append(wrap.fill(f"  • {c.text}"))
            for p in c.positions:
                lines.append(
                    wrap.fill(f"      {p.value}: {_who(p.cites, by_id)} — “{p.cites[0].quote}”")
                )
        lines.append("")
    single = [c for c in story.claims if c.status == "single-source"]
    if single:
        lines.append("Single source")
        for c in single[:15]:
            lines.append(wrap.fill(f"  • {c.text} [{_who(c.positions[0].cites, by_id)}]"))
        lines.append("")
    corroborated = [c for c in story.claims if c.status == "corroborated"]
    if corroborated:
        lines.append("Corroborated")
        for c in corroborated[:15]:
            lines.append(wrap.fill(f"  • {c.text} ({c.independent_sources} independent sources)"))
        lines.append("")
    if story.quotes:
        lines.append("Who said what")
        for q in story.quotes:
            lines.append(wrap.fill(f"  • {q.speaker or 'unknown'}: “{q.text}”"))
            for v in q.variants[1:]:
                lines.append(wrap.fill(f"      also: “{v.text}” [{_who(v.cites, by_id)}]"))
        lines.append("")
    if story.timeline:
        lines.append("Timeline")
        for t in story.timeline:
            lines.append(wrap.fill(f"  {t.when}  {t.text} [{_who(t.cites, by_id)}]"))
        lines.append("")
    lines.append("Articles by origin")
    groups: dict[str, list[Article]] = {}
    for a in articles:
        groups.setdefault(origins.get(a.id, a.id), []).append(a)
    for origin, members in groups.items():
        head = by_id.get(origin, members[0])
        lines.append(
            f"  ◆ {head.outlet or '?'} — {head.title or '(untitled)'} ({head.published or 'undated'}) [{head.id}]"
        )
        for a in members:
            if a.id == head.id:
                continue
            how = "copy" if a.duplicate_of else "rewrite"
            lines.append(f"      └ {how}: {a.outlet or '?'} — {a.title or '(untitled)'} [{a.id}]")
    return "\n".join(lines)
