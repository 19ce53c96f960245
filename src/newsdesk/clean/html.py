"""Read one HTML document: the article body text and its metadata.

trafilatura finds the body (precision mode, recall mode when precision under-delivers);
this module then drops the page furniture trafilatura keeps (headline, datelines, bylines,
related links, share and newsletter lines). :mod:`newsdesk.clean.html_meta` reads the
metadata from JSON-LD and meta tags itself, so dates keep the UTC offset the page states.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from lxml import etree
from lxml.html import HtmlComment, HtmlElement, HtmlEntity, HtmlProcessingInstruction
from trafilatura import bare_extraction
from trafilatura.settings import Extractor
from trafilatura.utils import repair_faulty_html

from newsdesk.clean import html_patterns as pat
from newsdesk.clean.html_meta import (
    detect_locked,
    detect_preview,
    extract_authors,
    extract_description,
    extract_language,
    extract_published,
    extract_sitename,
    extract_title,
    extract_updated,
    extract_url,
    first_article,
    flatten_text,
    has_paywall_markup,
    identify_language,
    is_person_name,
    normalize_datetime,
    normalize_words,
    read_json_ld,
    read_meta,
    split_authors,
)

__all__ = [
    "RULES",
    "BodyRules",
    "HtmlExtract",
    "detect_locked",
    "detect_preview",
    "expose_embedded_posts",
    "extract_authors",
    "extract_html",
    "extract_language",
    "extract_published",
    "extract_sitename",
    "extract_title",
    "extract_updated",
    "extract_url",
    "filter_lines",
    "first_article",
    "has_paywall_markup",
    "identify_language",
    "is_person_name",
    "is_tag_list",
    "normalize_datetime",
    "parse_html",
    "prepare_tree",
    "read_anchor_texts",
    "read_body_lines",
    "read_json_ld",
    "read_meta",
    "read_title_variants",
    "run_trafilatura",
    "split_authors",
]

_WORD = re.compile(r"\w+")
# Characters libxml2 refuses (trafilatura's INVALID_XML_CHARS), one UTF-8 byte each.
_CONTROL_BYTES = tuple(bytes([c]) for c in (*range(0, 9), 11, 12, *range(14, 32)))
# trafilatura's parser options, but every element made an HtmlElement by a C-level lookup:
# lxml.html's per-tag lookup is a Python call per element proxy, a fifth of trafilatura's time.
_PARSER = etree.HTMLParser(
    collect_ids=False,
    default_doctype=False,
    encoding="utf-8",
    remove_comments=True,
    remove_pis=True,
)
_PARSER.set_element_class_lookup(
    etree.ElementDefaultClassLookup(
        element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity
    )
)
# Embedded social posts (quoted by the article) that trafilatura drops as widgets.
_EMBED_XPATH = etree.XPath("//blockquote[contains(@class, 'twitter-tweet')]")
# Credit, contact and promotion lines up to this many words are dropped.
_MAX_CLOSING_WORDS = 50
# Links longer than this (in words) are never taken for pointers, whatever BodyRules says.
_MAX_LINK_WORDS = 40


@dataclass(frozen=True)
class BodyRules:
    """Thresholds of the body cleaner (bench/html_eval.py cross-validates them by domain)."""

    short_body: int = 800  # precision output shorter than this (chars) is checked in recall mode
    recall_gain: float = 2.0  # recall output wins only when this many times longer
    short_line: int = 20  # pattern filters only drop lines of at most this many words
    link_words: int = 25  # a line this short that is a link's text is a pointer elsewhere


RULES = BodyRules()


@dataclass(frozen=True)
class HtmlExtract:
    """What one HTML page says: body text (paragraphs joined by a blank line) and metadata."""

    text: str
    title: str | None
    authors: tuple[str, ...]
    published: str | None
    updated: str | None
    sitename: str | None
    language: str | None
    url: str | None
    description: str | None
    partial: bool


def extract_html(html: str, url: str | None = None) -> HtmlExtract:
    """Return the article body and metadata of one HTML document.

    >>> page = "<html lang='en'><head><title>Hi</title></head><body><article>"
    >>> page += "<p>" + "A sentence that is long enough to be kept as body text. " * 6 + "</p>"
    >>> page += "</article></body></html>"
    >>> x = extract_html(page)
    >>> x.text.startswith("A sentence"), x.language, x.partial
    (True, 'en', False)
    """
    tree = parse_html(html)
    if tree is None:
        return HtmlExtract("", None, (), None, None, None, None, url, None, False)
    records = read_json_ld(tree)
    meta = read_meta(tree)
    article = first_article(records)
    title = extract_title(tree, article, meta)
    sitename = extract_sitename(records, meta)
    authors = extract_authors(tree, article, meta, sitename)
    published = extract_published(tree, article, meta, url)
    updated = extract_updated(article, meta)
    description = extract_description(article, meta)
    canonical = extract_url(tree, meta, url)
    titles = read_title_variants(tree, title, meta)
    locked = detect_locked(records, meta)
    lines = read_body_lines(tree, url)
    # after pruning: the links left are those near the body, where pointer lines come from
    anchors = read_anchor_texts(tree)
    text = "\n\n".join(filter_lines(lines, titles, authors, anchors))
    return HtmlExtract(
        text=text,
        title=title,
        authors=authors,
        published=published,
        updated=updated if updated != published else None,
        sitename=sitename,
        language=extract_language(tree, meta) or identify_language(text),
        url=canonical,
        description=description,
        partial=locked or detect_preview(html, lines, text),
    )


def parse_html(html: str) -> HtmlElement | None:
    """Return the lxml tree of ``html`` (repairing what lxml can), or None if there is none.

    >>> parse_html("<p>Hi<p>there").tag, parse_html("  ") is None
    ('html', True)
    """
    if not html or not html.strip():
        return None
    data = html.encode("utf-8", "surrogatepass")
    if _needs_repair(html, data):
        html = repair_faulty_html(html, html[:50].lower())
        data = html.encode("utf-8", "surrogatepass")
    # libxml2 reads UTF-8 bytes a third faster than a str (which lxml hands over re-encoded)
    try:
        tree = etree.fromstring(data, _PARSER)
    except (ValueError, etree.ParserError):
        return None
    return tree if isinstance(tree, HtmlElement) else None


def _needs_repair(html: str, data: bytes) -> bool:
    """Return True when trafilatura's ``repair_faulty_html`` would change ``html``.

    Its control-character regex costs a millisecond per page and almost never matches;
    a byte search finds the same characters in a tenth of that.
    """
    if any(b in data for b in _CONTROL_BYTES) or b"\xef\xbf\xbe" in data or b"\xef\xbf\xbf" in data:
        return True
    if "doctype" in html[:50].lower() and "/" in html.partition("\n")[0]:
        return True
    return any("<html" in line and line.endswith("/>") for line in html[:4096].splitlines()[:4])


# --- body -----------------------------------------------------------------------------------


def read_body_lines(tree: HtmlElement, url: str | None, rules: BodyRules = RULES) -> list[str]:
    """Return trafilatura's body lines of ``tree``: precision mode, recall mode if that is thin.

    The tree is pruned in place first: read metadata before calling this.
    """
    prepare_tree(tree)
    text = run_trafilatura(tree, url, precision=True)
    if len(text) < rules.short_body:
        wider = run_trafilatura(tree, url, precision=False)
        if len(wider) > rules.recall_gain * len(text):
            text = wider
    return [ln.strip() for ln in text.split("\n") if ln.strip()]


def prepare_tree(tree: HtmlElement) -> None:
    """Drop elements that never hold body text and unwrap embedded posts, in place."""
    # trafilatura drops these anyway, but only after several XPath passes over the whole
    # tree; removing them first makes those passes cheaper.
    etree.strip_elements(tree, *pat.NEVER_BODY, with_tail=False)
    expose_embedded_posts(tree)


def expose_embedded_posts(tree: HtmlElement) -> None:
    """Unwrap embedded social posts (tweets) so trafilatura keeps them as quotes.

    An article that embeds a post quotes it; trafilatura drops it with the "social" widget
    wrapper around it. The post's blockquote replaces its wrappers and loses its class.
    """
    for quote in _EMBED_XPATH(tree):
        quote.attrib.pop("class", None)
        size = len(flatten_text(quote))
        top = quote
        parent = top.getparent()
        while parent is not None and parent.tag == "div" and len(flatten_text(parent)) <= size + 5:
            top, parent = parent, parent.getparent()
        if top is not quote and parent is not None:
            quote.tail = top.tail
            parent.replace(top, quote)


def run_trafilatura(tree: HtmlElement, url: str | None, precision: bool) -> str:
    """Return trafilatura's body text of ``tree`` in precision or recall mode, or ""."""
    doc = bare_extraction(tree, url=url, options=_extractor(precision))
    text = getattr(doc, "text", None)
    return text if isinstance(text, str) else ""


@functools.cache
def _extractor(precision: bool) -> Extractor:
    # One options object per mode: building it per page (config reads, date bounds) costs
    # about a millisecond. It holds no URL, which trafilatura only needs to rewrite links.
    # fast=True skips the readability/jusText comparison: it halves the time and, on news
    # pages, the comparison more often swaps in a whole-page dump than it rescues a body.
    # include_links=True would let us test link density on the output tree, but in fast
    # mode it loses the text before some links, so links are matched by text instead.
    return Extractor(
        output_format="python",
        fast=True,
        precision=precision,
        recall=not precision,
        comments=False,
        tables=True,
    )


def read_anchor_texts(tree: HtmlElement) -> set[str]:
    """Return the normalised texts of the page's short links (to spot pointer lines)."""
    found = set()
    for a in tree.iter("a"):
        norm = normalize_words(flatten_text(a))
        if 2 <= norm.count(" ") + 1 <= _MAX_LINK_WORDS:
            found.add(norm)
    return found


def filter_lines(
    lines: list[str],
    titles: set[str],
    authors: tuple[str, ...],
    anchors: set[str],
    rules: BodyRules = RULES,
) -> list[str]:
    """Drop headline, dateline, byline, related-link, share and newsletter lines.

    >>> lines = ["Big news", "By Ann Lee", "Body text here.", "Read more: Other", "A link here"]
    >>> filter_lines(lines, {"big news"}, (), {"a link here"})
    ['Body text here.']
    """
    kept: list[str] = []
    names = {normalize_words(a) for a in authors}
    for raw in lines:
        # the share-button regex is slow on long lines; its words are rarely there
        line = pat.GLUED_SUFFIX.sub("", raw) if "Tweet" in raw or "Share on" in raw else raw
        words = _WORD.findall(line)
        if not words:
            continue
        norm = normalize_words(line)
        # the headline repeated anywhere in the body is furniture (teasers, sticky headers)
        if norm in titles:
            continue
        if len(words) <= rules.short_line and _is_furniture(line, words, norm, names):
            continue
        # credits, contact lines and promotions run longer than other furniture
        if len(words) <= _MAX_CLOSING_WORDS and _is_closing(line):
            continue
        # a bare URL as link text is a reference the author typed, not a pointer
        if len(words) <= rules.link_words and norm in anchors and "://" not in line:
            continue
        kept.append(line)
    return kept


def _is_closing(line: str) -> bool:
    # Substring tests first: most lines hold none of the words CLOSING_LINE needs, and its
    # case-insensitive alternation costs far more than a few `in` tests.
    lower = line.lower()
    if "@" in line and pat.EMAIL.search(line):
        return True
    return any(cue in lower for cue in pat.CLOSING_CUES) and bool(pat.CLOSING_LINE.search(line))


def _is_furniture(line: str, words: list[str], norm: str, names: set[str]) -> bool:
    if pat.RELATED_PREFIX.match(line) or pat.FURNITURE_LINE.match(line):
        return True
    if pat.SHORTCODE_LINE.match(line) or is_tag_list(line):
        return True
    if pat.NEWSLETTER.search(line):
        return True
    if len(words) <= 12 and pat.YEAR.search(line) and pat.CLOCK.search(line):
        return True
    return len(words) <= 8 and bool(pat.BYLINE.match(line) or (names and norm in names))


def is_tag_list(line: str) -> bool:
    """Return True for a comma-separated run of short keywords with no sentence in it.

    >>> is_tag_list("ferry pier, eastwick council, harbour works, transport levy")
    True
    >>> is_tag_list("He bought eggs, flour, milk, and sugar, then went home.")
    False
    """
    parts = [p for p in line.split(",") if p.strip()]
    if len(parts) < 4 or re.search(r"[.!?;:]\s*$", line):
        return False
    return (
        all(len(p.split()) <= 6 for p in parts)
        and sum(p.strip()[:1].islower() for p in parts) >= len(parts) // 2
    )


def read_title_variants(tree: HtmlElement, title: str | None, meta: dict[str, str]) -> set[str]:
    """Return normalised forms of every headline the page states (to drop it from the body)."""
    found = [title, *(meta.get(k) for k in pat.META_TITLE)]
    found += [flatten_text(h) for h in tree.iterfind(".//h1")]
    head = tree.find(".//head/title")
    if head is not None and head.text:
        found.append(head.text)
        found += re.split(r"\s+[|–—:-]\s+", head.text)
    return {n for n in (normalize_words(t) for t in found if t) if n}
