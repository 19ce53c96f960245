"""A stamp closing a short article is not its header; a stamp heading a comment still is."""

from __future__ import annotations

from newsdesk.clean.scrape import assign_roles, clean_segment, line_role
from newsdesk.clean.shapes import split_lines

BODY = (
    "The harbour council voted on Monday to reopen the old ferry route after three years of "
    "repairs, the mayor said, and the first boats will sail in May if the weather holds."
)


def test_trailing_stamp_keeps_body() -> None:
    page = "\n".join(
        [
            "Ferry Route To Reopen After Repairs",
            "March 3, 2031",
            BODY,
            "Residents welcomed the news.",
            "First published on March 3, 2031",
            "Share this",
        ]
    )
    lines = split_lines(page)
    out = clean_segment(lines, None)
    kept = [page[s:e] for s, e in out.pieces]
    assert kept == [BODY]
    assert out.roles[4] == "dateline"  # the stamp is still removed as furniture


def test_stamp_heading_next_comment_stays_header() -> None:
    page = "\n".join(
        [
            "Ferry Route To Reopen After Repairs",
            "harbourfan says:",
            "March 3, 2031 at 6:34 am",
            BODY,
            "islander says:",
            "March 3, 2031 at 7:02 am",
        ]
    )
    lines = split_lines(page)
    roles = assign_roles(lines)
    assert roles[5] == "dateline"
    assert clean_segment(lines, None).pieces == []  # as before: the thread has no article


def test_line_role_is_cached_per_text() -> None:
    assert line_role("March 3, 2031") == ("dateline", 1)
    assert line_role(BODY)[0] is None
