"""Read one HTML document: the article body text and its metadata.

trafilatura finds the body (precision mode, recall mode when precision under-delivers);
this module then drops the page furniture trafilatura keeps (headline, datelines, bylines,
related links, share and newsletter lines) and reads the metadata from JSON-LD and meta
tags itself, so dates keep the UTC offset the page states. htmldate is the date fallback.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import functools
import json
import re
from dataclasses import dataclass
from html import unescape
from typing import Any
from urllib.parse import urljoin

from htmldate import find_date
from lxml import etree
from lxml.etree import _Element
from lxml.html import HtmlComment, HtmlElement, HtmlEntity, HtmlProcessingInstruction
from trafilatura import bare_extraction
from trafilatura.settings import Extractor
from trafilatura.utils import repair_faulty_html

from newsdesk.clean import html_patterns as pat

_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")
# Byline elements, for pages whose JSON-LD and meta tags name no author.
_BYLINE_XPATH = etree.XPath(
    "//body//*[@rel='author' or @itemprop='author' or @class='author' or @class='byline'"
    " or contains(@class, 'author-name') or contains(@class, 'byline__name')]"
)
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
# A body shorter than this (chars) on a page with paywall markup is taken for a teaser.
_TEASER_CHARS = 1500
# Links longer than this (in words) are never taken for pointers, whatever BodyRules says.
_MAX_LINK_WORDS = 40
# Below this many characters of body, language identification is a guess.
_MIN_LANGID_CHARS = 100


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
    description = _first(meta, pat.META_DESCRIPTION) or _text_of(article.get("description"))
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
    html = repair_faulty_html(html, html[:50].lower())
    try:
        tree = etree.fromstring(html, _PARSER)
    except (ValueError, etree.ParserError):
        # a str with an encoding declaration or other oddities: libxml2 takes bytes
        try:
            tree = etree.fromstring(html.encode("utf-8", "surrogatepass"), _PARSER)
        except (ValueError, etree.ParserError):
            return None
    return tree if isinstance(tree, HtmlElement) else None


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
        size = len(_plain(quote))
        top = quote
        parent = top.getparent()
        while parent is not None and parent.tag == "div" and len(_plain(parent)) <= size + 5:
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


def _plain(element: _Element) -> str:
    return " ".join("".join(element.itertext()).split())


def read_anchor_texts(tree: HtmlElement) -> set[str]:
    """Return the normalised texts of the page's short links (to spot pointer lines)."""
    found = set()
    for a in tree.iter("a"):
        norm = _norm(_plain(a))
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
    names = {_norm(a) for a in authors}
    for raw in lines:
        line = pat.GLUED_SUFFIX.sub("", raw)
        words = _WORD.findall(line)
        if not words:
            continue
        # the headline repeated anywhere in the body is furniture (teasers, sticky headers)
        if _norm(line) in titles:
            continue
        if len(words) <= rules.short_line and _is_furniture(line, words, names):
            continue
        # credits, contact lines and promotions run longer than other furniture
        if len(words) <= _MAX_CLOSING_WORDS and pat.CLOSING_LINE.search(line):
            continue
        # a bare URL as link text is a reference the author typed, not a pointer
        if len(words) <= rules.link_words and _norm(line) in anchors and "://" not in line:
            continue
        kept.append(line)
    return kept


def _is_furniture(line: str, words: list[str], names: set[str]) -> bool:
    if pat.RELATED_PREFIX.match(line) or pat.FURNITURE_LINE.match(line):
        return True
    if pat.SHORTCODE_LINE.match(line) or is_tag_list(line):
        return True
    if pat.NEWSLETTER.search(line):
        return True
    if len(words) <= 12 and pat.YEAR.search(line) and pat.CLOCK.search(line):
        return True
    return len(words) <= 8 and bool(pat.BYLINE.match(line) or (names and _norm(line) in names))


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


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def read_title_variants(tree: HtmlElement, title: str | None, meta: dict[str, str]) -> set[str]:
    """Return normalised forms of every headline the page states (to drop it from the body)."""
    found = [title, *(meta.get(k) for k in pat.META_TITLE)]
    found += [_plain(h) for h in tree.iterfind(".//h1")]
    head = tree.find(".//head/title")
    if head is not None and head.text:
        found.append(head.text)
        found += re.split(r"\s+[|–—:-]\s+", head.text)
    return {n for n in (_norm(t) for t in found if t) if n}


# --- metadata --------------------------------------------------------------------------------


def read_json_ld(tree: HtmlElement) -> list[dict[str, Any]]:
    """Return every JSON-LD object of the page, ``@graph`` members flattened."""
    out: list[dict[str, Any]] = []
    for script in tree.iterfind(".//script[@type='application/ld+json']"):
        raw = (script.text or "").strip()
        if not raw:
            continue
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                out.append(item)
                graph = item.get("@graph")
                stack.extend(graph if isinstance(graph, list) else [])
            elif isinstance(item, list):
                stack.extend(item)
    return out


def read_meta(tree: HtmlElement) -> dict[str, str]:
    """Return the page's meta tags as {lower-cased name/property/itemprop: first content}."""
    meta: dict[str, str] = {}
    for el in tree.iterfind(".//meta"):
        key = el.get("property") or el.get("name") or el.get("itemprop")
        value = el.get("content") or el.get("datetime")
        if key and value and value.strip():
            meta.setdefault(key.strip().lower(), unescape(value.strip()))
    return meta


def first_article(records: list[dict[str, Any]]) -> dict[str, Any]:
    """Return the JSON-LD object describing the article itself, or {}."""
    # The article object beats a WebPage object: a WebPage's dates are often the page's.
    ranked = sorted(
        (r for r in records if _types(r) & pat.ARTICLE_TYPES),
        key=lambda r: "WebPage" in _types(r),
    )
    return ranked[0] if ranked else {}


def _types(record: dict[str, Any]) -> set[str]:
    t = record.get("@type")
    return {str(x) for x in t} if isinstance(t, list) else {str(t)}


def _first(meta: dict[str, str], keys: tuple[str, ...]) -> str | None:
    return next((meta[k] for k in keys if meta.get(k)), None)


def _text_of(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name")
    if not isinstance(value, str):
        return None
    return _SPACE.sub(" ", unescape(value)).strip() or None


def extract_title(tree: HtmlElement, article: dict[str, Any], meta: dict[str, str]) -> str | None:
    """Return the headline: JSON-LD, then og/twitter meta, then a lone h1, then <title>."""
    title = _text_of(article.get("headline")) or _first(meta, pat.META_TITLE)
    if title:
        return title
    h1s = [t for t in (_plain(h) for h in tree.iterfind(".//h1")) if t]
    if len(h1s) == 1:
        return h1s[0]
    head = tree.find(".//head/title")
    text = _plain(head) if head is not None else ""
    return re.split(r"\s+[|–—-]\s+", text)[0] or (h1s[0] if h1s else None)


def extract_authors(
    tree: HtmlElement, article: dict[str, Any], meta: dict[str, str], sitename: str | None = None
) -> tuple[str, ...]:
    """Return the person names the page credits, split into one name each (not the outlet)."""
    raw: list[str] = []
    value = article.get("author") or article.get("creator")
    for item in value if isinstance(value, list) else [value]:
        if name := _text_of(item):
            raw.append(name)
    if not raw:
        raw = [v for k in pat.META_AUTHOR if (v := meta.get(k)) and not v.startswith("http")][:1]
    if not raw:
        raw = [found] if (found := _read_byline(tree)) else []
    names: list[str] = []
    site = _norm(sitename or "")
    for chunk in raw:
        names += [n for n in split_authors(chunk) if not site or _norm(n) not in site]
    return tuple(dict.fromkeys(n for n in names if is_person_name(n)))


def is_person_name(name: str) -> bool:
    """Return False for credits that name a desk or a wire agency, not a person.

    >>> is_person_name("Jane Doe"), is_person_name("Reuters"), is_person_name("Staff Reports")
    (True, False, False)
    """
    if name.lower() in pat.NEWS_AGENCIES or pat.NOT_PERSON.search(name):
        return False
    return " " in name or name[:1].isupper()


def _read_byline(tree: HtmlElement) -> str | None:
    for el in _BYLINE_XPATH(tree):
        text = el.get("content") or _plain(el)
        if text and len(text) <= 120:
            return text
    return None


def split_authors(text: str) -> list[str]:
    """Return the names in a byline string.

    >>> split_authors("By Jane Doe and John Roe")
    ['Jane Doe', 'John Roe']
    """
    names = []
    for part in pat.AUTHOR_SPLIT.split(pat.AUTHOR_PREFIX.sub("", text)):
        part = pat.AUTHOR_PREFIX.sub("", part).strip(" .:-–—")
        if part and not pat.AUTHOR_NOISE.search(part) and len(part.split()) <= 5:
            names.append(part)
    return names


def extract_published(
    tree: HtmlElement, article: dict[str, Any], meta: dict[str, str], url: str | None
) -> str | None:
    """Return the publication time as stated (with its offset), else a date, else None."""
    for raw in (
        article.get("datePublished"),
        article.get("dateCreated"),
        *_metas(meta, pat.META_PUBLISHED),
    ):
        if isinstance(raw, str) and (found := normalize_datetime(raw)):
            return found
    # htmldate weighs <time> elements, URLs and text (and keeps a stated offset with %z)
    guess = find_date(
        tree,
        url=url,
        original_date=True,
        extensive_search=True,
        outputformat="%Y-%m-%dT%H:%M:%S%z",
    )
    return normalize_datetime(guess) if guess else None


def extract_updated(article: dict[str, Any], meta: dict[str, str]) -> str | None:
    """Return the last-modified time the page states, or None."""
    for raw in (article.get("dateModified"), *_metas(meta, pat.META_UPDATED)):
        if isinstance(raw, str) and (found := normalize_datetime(raw)):
            return found
    return None


def _metas(meta: dict[str, str], keys: tuple[str, ...]) -> list[str]:
    return [meta[k] for k in keys if k in meta]


def normalize_datetime(raw: str) -> str | None:
    """Return ``raw`` as ISO 8601 keeping its UTC offset; a date only when it has no offset.

    >>> normalize_datetime("2025-07-03T16:33:00+07:00")
    '2025-07-03T16:33:00+07:00'
    >>> normalize_datetime("2025-07-03T16:33:00"), normalize_datetime("Thu, 03 Jul 2025 09:00:00 GMT")
    ('2025-07-03', '2025-07-03T09:00:00+00:00')
    """
    raw = raw.strip()
    parsed: dt.datetime | None = None
    try:
        parsed = dt.datetime.fromisoformat(raw.replace(" ", "T", 1) if len(raw) > 10 else raw)
    except ValueError:
        try:
            parsed = email.utils.parsedate_to_datetime(raw)
        except (TypeError, ValueError, IndexError):
            parsed = None
    if parsed is None or not 1990 <= parsed.year <= 2100:
        return None
    if parsed.tzinfo is None or len(raw) <= 10:
        # No offset stated: the local time alone cannot be placed, so keep the day only.
        return parsed.date().isoformat()
    return parsed.replace(microsecond=0).isoformat()


def extract_sitename(records: list[dict[str, Any]], meta: dict[str, str]) -> str | None:
    """Return the outlet name: JSON-LD publisher, then og:site_name and similar meta."""
    names = [_text_of(r.get("publisher")) for r in records] + [_first(meta, pat.META_SITENAME)]
    for name in names:
        if name and "://" not in name:
            return name.lstrip("@")
    return None


def extract_language(tree: HtmlElement, meta: dict[str, str]) -> str | None:
    """Return the ISO 639-1 code the page declares (html lang, then meta), or None."""
    code = (
        tree.get("lang")
        or tree.get("xml:lang")
        or meta.get("content-language")
        or meta.get("og:locale")
    )
    code = (code or "").strip().replace("_", "-").split("-")[0].lower()
    return code if re.fullmatch(r"[a-z]{2,3}", code) else None


def identify_language(text: str) -> str | None:
    """Return the ISO 639-1 code py3langid reads in ``text``, or None if it is too short."""
    if len(text) < _MIN_LANGID_CHARS:
        return None
    import py3langid  # loads its model on import: only pages that declare no language pay

    code, _ = py3langid.classify(text[:2000])
    return str(code)


def extract_url(tree: HtmlElement, meta: dict[str, str], url: str | None) -> str | None:
    """Return the canonical URL the page states (made absolute), else ``url``."""
    link = tree.find(".//link[@rel='canonical']")
    found = (link.get("href") if link is not None else None) or meta.get("og:url")
    if not found or not found.strip():
        return url
    found = found.strip()
    return urljoin(url, found) if url else found


def detect_locked(records: list[dict[str, Any]], meta: dict[str, str]) -> bool:
    """Return True if the page's markup says its body is locked or only a preview."""
    for record in records:
        for part in [record, *(p for p in _as_list(record.get("hasPart")) if isinstance(p, dict))]:
            if str(part.get("isAccessibleForFree", "")).strip().lower() in {"false", "0", "no"}:
                return True
    return (meta.get("article:content_tier") or "").lower() in pat.LOCKED_TIERS


def detect_preview(html: str, lines: list[str], text: str) -> bool:
    """Return True if the body reads as a teaser: a paywall phrase, or paywall markup on a short body."""
    # The phrase is looked for in the unfiltered lines: the line filter drops it as furniture.
    if any(pat.PAYWALL_TEXT.search(line) for line in lines[-4:]):
        return True
    # Metered sites put paywall containers on every page, so markup alone is not enough.
    return len(text) < _TEASER_CHARS and has_paywall_markup(html)


def has_paywall_markup(html: str) -> bool:
    """Return True if a class or id attribute of the page names a paywall."""
    # str.find on the lowered page costs far less than a tree walk or a regex scan.
    low = html.lower()
    for word in pat.PAYWALL_CLASSES:
        at = low.find(word)
        while at != -1:
            before = low[max(0, at - 200) : at]
            quote = max(before.rfind('"'), before.rfind("'"))
            if quote > 0 and ">" not in before[quote:] and _ATTR_OPEN.search(before[:quote]):
                return True
            at = low.find(word, at + 1)
    return False


_ATTR_OPEN = re.compile(r"(?:class|id)\s*=\s*$")


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]
