"""Read an HTML page's metadata: title, authors, dates, outlet, language, URL, paywall.

JSON-LD and meta tags are read directly (not through trafilatura) so that dates keep the
UTC offset the page states; htmldate is the date fallback. The body is read by
:mod:`newsdesk.clean.html`, which calls these before it prunes the tree.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import re
from collections.abc import Iterator
from html import unescape
from typing import Any
from urllib.parse import urljoin

from htmldate import find_date
from lxml.etree import _Element
from lxml.html import HtmlElement

from newsdesk.clean import html_patterns as pat

_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")
# A body shorter than this (chars) on a page with paywall markup is taken for a teaser.
_TEASER_CHARS = 1500
# Below this many characters of body, language identification is a guess.
_MIN_LANGID_CHARS = 100


def flatten_text(element: _Element) -> str:
    """Return the text of ``element`` and its descendants, whitespace runs made one space."""
    return " ".join("".join(element.itertext()).split())


def normalize_words(text: str) -> str:
    """Return the lower-cased words of ``text`` joined by single spaces (to compare lines).

    >>> normalize_words("By  Jane Doe, in Paris.")
    'by jane doe in paris'
    """
    return " ".join(_WORD.findall(text.lower()))


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


def extract_description(article: dict[str, Any], meta: dict[str, str]) -> str | None:
    """Return the summary the page states: description meta tags, then JSON-LD."""
    return _first(meta, pat.META_DESCRIPTION) or _text_of(article.get("description"))


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
    h1s = [t for t in (flatten_text(h) for h in tree.iterfind(".//h1")) if t]
    if len(h1s) == 1:
        return h1s[0]
    head = tree.find(".//head/title")
    text = flatten_text(head) if head is not None else ""
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
    site = normalize_words(sitename or "")
    for chunk in raw:
        names += [n for n in split_authors(chunk) if not site or normalize_words(n) not in site]
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
    for el in _iter_byline_elements(tree):
        text = el.get("content") or flatten_text(el)
        if text and len(text) <= 120:
            return text
    return None


def _iter_byline_elements(tree: HtmlElement) -> Iterator[_Element]:
    """Yield byline elements (rel/itemprop "author", author or byline classes) in page order.

    A Python walk that stops at the first good byline costs half the XPath
    ``//body//*[@rel='author' or ... contains(@class, 'byline__name')]`` it replaces.
    """
    for body in tree.iter("body"):
        for el in body.iterdescendants():
            if not isinstance(el.tag, str):
                continue
            cls = el.get("class")
            if (
                el.get("rel") == "author"
                or el.get("itemprop") == "author"
                or (
                    cls is not None
                    and (cls in pat.BYLINE_CLASSES or any(p in cls for p in pat.BYLINE_PARTS))
                )
            ):
                yield el


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
