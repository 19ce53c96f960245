"""Tests of the HTML cleaner on small fictional pages written for these tests."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.clean.html import HtmlExtract, extract_html, normalize_datetime, split_authors

PARAGRAPHS = [
    "The harbour council of Eastwick voted on Tuesday to rebuild the old ferry pier, "
    "ending a debate that had run for more than three years.",
    "Councillor Mara Quill said the new pier would open in the spring and carry twice "
    "as many passengers as the wooden structure it replaces.",
    "Residents had complained that the pier was closed for repairs for most of last "
    "winter, forcing commuters onto a long detour around the bay.",
    "The council expects the work to cost about four million crowns, paid from the "
    "regional transport fund and a small levy on ferry tickets.",
]


def make_page(
    head: str = "",
    before: str = "",
    after: str = "",
    paragraphs: list[str] | None = None,
    lang: str = "en",
) -> str:
    """Return a fictional news page with a headline, a byline slot and body paragraphs."""
    body = "".join(f"<p>{p}</p>" for p in (PARAGRAPHS if paragraphs is None else paragraphs))
    return (
        f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'>"
        f"<title>Eastwick votes to rebuild ferry pier | Eastwick Gazette</title>{head}</head>"
        "<body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>Eastwick votes to rebuild ferry pier</h1>{before}{body}{after}</article>"
        "<footer><p>Copyright Eastwick Gazette. All rights reserved.</p></footer></body></html>"
    )


def json_ld(obj: dict[str, object]) -> str:
    return f"<script type='application/ld+json'>{json.dumps(obj)}</script>"


def test_body_is_paragraphs_without_headline_or_footer() -> None:
    x = extract_html(make_page())
    assert x.text.split("\n\n") == PARAGRAPHS
    assert "ferry pier" in (x.title or "")
    assert x.language == "en"


def test_json_ld_date_keeps_its_offset_and_updated_is_apart() -> None:
    head = json_ld(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": "Eastwick votes to rebuild ferry pier",
            "datePublished": "2025-07-03T16:33:00+07:00",
            "dateModified": "2025-07-03T18:05:00+07:00",
            "publisher": {"@type": "Organization", "name": "Eastwick Gazette"},
        }
    )
    x = extract_html(make_page(head=head))
    assert x.published == "2025-07-03T16:33:00+07:00"
    assert x.updated == "2025-07-03T18:05:00+07:00"
    assert x.sitename == "Eastwick Gazette"


def test_json_ld_graph_is_read() -> None:
    head = json_ld(
        {
            "@context": "https://schema.org",
            "@graph": [
                {"@type": "WebSite", "name": "Eastwick Gazette"},
                {"@type": "NewsArticle", "datePublished": "2025-07-03T09:00:00Z"},
            ],
        }
    )
    assert extract_html(make_page(head=head)).published == "2025-07-03T09:00:00+00:00"


def test_meta_date_without_time_stays_a_date() -> None:
    head = "<meta property='article:published_time' content='2025-07-03'>"
    x = extract_html(make_page(head=head))
    assert x.published == "2025-07-03"


def test_time_without_offset_is_not_made_utc() -> None:
    head = "<meta property='article:published_time' content='2025-07-03T16:33:00'>"
    assert extract_html(make_page(head=head)).published == "2025-07-03"


def test_url_date_fallback_is_a_date_only() -> None:
    x = extract_html(make_page(), url="https://gazette.example/2025/07/03/ferry-pier/")
    # htmldate answers "2025-07-03T00:00:00" here: a day, not midnight UTC
    assert x.published == "2025-07-03"


def test_byline_with_two_authors() -> None:
    head = "<meta name='author' content='By Jane Doe and John Roe'>"
    before = "<p class='byline'>By Jane Doe and John Roe</p>"
    x = extract_html(make_page(head=head, before=before))
    assert x.authors == ("Jane Doe", "John Roe")
    assert "Jane Doe" not in x.text


def test_json_ld_author_list_and_agency_dropped() -> None:
    authors = [
        {"@type": "Person", "name": "Jane Doe"},
        {"@type": "Organization", "name": "Reuters"},
    ]
    head = json_ld({"@type": "NewsArticle", "author": authors})
    assert extract_html(make_page(head=head)).authors == ("Jane Doe",)


def test_split_authors() -> None:
    assert split_authors("By Jane Doe, John Roe & Ann Lee") == ["Jane Doe", "John Roe", "Ann Lee"]
    assert split_authors("jane@example.org") == []


def test_paywall_json_ld_marks_partial() -> None:
    head = json_ld({"@type": "NewsArticle", "isAccessibleForFree": False})
    x = extract_html(make_page(head=head, paragraphs=PARAGRAPHS[:2]))
    assert x.partial is True
    assert extract_html(make_page()).partial is False


def test_paywall_teaser_phrase_marks_partial() -> None:
    after = "<p>Subscribe now to continue reading this story and all of our coverage.</p>"
    x = extract_html(make_page(after=after, paragraphs=PARAGRAPHS[:2]))
    assert x.partial is True


def test_paywall_markup_on_short_body_marks_partial() -> None:
    after = "<div class='article-paywall'><p>Get full access for one crown a week.</p></div>"
    x = extract_html(make_page(after=after, paragraphs=PARAGRAPHS[:2]))
    assert x.partial is True


def test_malformed_html_does_not_crash() -> None:
    page = (
        "<html><body><div><p>" + PARAGRAPHS[0] + "<p>" + PARAGRAPHS[1] + "<div><b>" + PARAGRAPHS[2]
    )
    x = extract_html(page)
    assert isinstance(x, HtmlExtract)
    assert "ferry pier" in x.text


def test_xml_declaration_in_a_str_is_parsed() -> None:
    page = "<?xml version='1.0' encoding='utf-8'?>" + make_page()
    assert extract_html(page).text.split("\n\n") == PARAGRAPHS


def test_time_element_with_offset_is_kept() -> None:
    before = "<p class='date'><time datetime='2025-07-03T16:33:00+02:00'>3 July</time></p>"
    assert extract_html(make_page(before=before)).published == "2025-07-03T16:33:00+02:00"


def test_empty_and_non_html_inputs() -> None:
    assert extract_html("").text == ""
    assert extract_html("   ", url="https://gazette.example/a").url == "https://gazette.example/a"
    assert extract_html("<html><body></body></html>").text == ""


def test_script_and_onerror_give_plain_text_only() -> None:
    before = (
        "<script>alert('x')</script>"
        "<p>Officials <img src=x onerror=\"alert('boom')\"> confirmed the vote "
        "<span onclick='steal()'>late on Tuesday</span> after a long public session in the town hall.</p>"
    )
    x = extract_html(make_page(before=before))
    assert "confirmed the vote late on Tuesday" in x.text
    for bad in ("<", ">", "alert", "onerror", "steal", "script"):
        assert bad not in x.text


def test_related_and_newsletter_lines_are_dropped() -> None:
    after = (
        "<p>Related: <a href='/other'>Ferry fares to rise in autumn</a></p>"
        "<p>Sign up for our morning newsletter to get the news in your inbox.</p>"
    )
    x = extract_html(make_page(after=after))
    assert "Ferry fares" not in x.text
    assert "newsletter" not in x.text
    assert x.text.split("\n\n") == PARAGRAPHS


def test_canonical_url_wins_over_given_url() -> None:
    head = "<link rel='canonical' href='/2025/07/03/ferry-pier/'>"
    x = extract_html(make_page(head=head), url="https://gazette.example/amp/ferry?x=1")
    assert x.url == "https://gazette.example/2025/07/03/ferry-pier/"


def test_language_identified_when_not_declared() -> None:
    page = make_page(lang="").replace(" lang=''", "")
    assert extract_html(page).language == "en"


def test_normalize_datetime_forms() -> None:
    assert normalize_datetime("2025-07-03T16:33:00.000+0530") == "2025-07-03T16:33:00+05:30"
    assert normalize_datetime("2025-07-03 16:33:00-04:00") == "2025-07-03T16:33:00-04:00"
    assert normalize_datetime("Thu, 03 Jul 2025 16:33:00 +0200") == "2025-07-03T16:33:00+02:00"
    assert normalize_datetime("yesterday") is None
    assert normalize_datetime("1700-01-01") is None


@settings(max_examples=30, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>/=\"' abcdpscript&;#\n")), max_size=300))
def test_any_markup_soup_gives_an_extract(soup: str) -> None:
    x = extract_html(soup)
    assert isinstance(x.text, str)
    assert "<script" not in x.text
