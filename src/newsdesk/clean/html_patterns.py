"""Patterns the HTML cleaner matches, kept as data (like trafilatura's ``xpaths.py``).

Written by hand from general knowledge of news-site furniture; nothing here is mined from
the evaluation pages.
"""

from __future__ import annotations

import re

# A body line that opens with one of these is a pointer to another page, not article text.
RELATED_PREFIX = re.compile(
    r"^\s*[\[(]?\s*(?:related(?: articles?| stories| coverage| content)?|read more|read also|read next|"
    r"more on this|see also|also on [\w.]+|also read|also|more|watch|listen|recommended|"
    r"leia (?:também|mais)|veja (?:também|mais)|saiba mais|leggi anche|vedi anche|"
    r"lire aussi|à lire aussi|lesen sie auch|mehr zum thema|lea también|ver también|"
    r"baca juga|читайте также|смотрите также|关联|関連記事)\s*[:：|>»-]",
    re.IGNORECASE,
)

# Whole lines that are page furniture wherever they appear.
FURNITURE_LINE = re.compile(
    r"^\s*(?:\d+\s+)?(?:comments?|comentários?|commenti|коммент\w*|tags?|categor(?:y|ies|ias)|"
    r"share(?: this)?(?: article| story| post)?|advertisement|publicidade|sponsored|"
    r"you may also like|you might also like|most read(?: in [\w ]+)?|most popular|trending|"
    r"tell us what you think|like this story\? share it with a friend!|"
    r"(?:reading time|tempo de leitura|tempo di lettura)\s*:.*|filed under\s*:.*|"
    r"something to consider|related(?: articles| stories)?|more stories|"
    r"(?:posted|published|publicado|pubblicato|updated)\s+(?:on|em|il|by|por)?\s*:?.{0,60}"
    r")\s*[.…:!]*\s*$",
    re.IGNORECASE,
)

# Calls to sign up or subscribe; only a short line made of them is dropped.
NEWSLETTER = re.compile(
    r"\b(?:newsletters?|sign up|subscribe|subscribing|subscription|inbox|assine|inscreva)\b",
    re.IGNORECASE,
)

# Credits, contact lines and promotions that close an article; dropped when short.
CLOSING_LINE = re.compile(
    r"(?:^\W*(?:additional |with )?(?:reporting|writing|editing|compiled|research) by\b|"
    r"\bediting by\b|\bfollow (?:him|her|them|us|me)\b|"
    r"\bfollow (?:\w+ )?on (?:twitter|facebook|instagram)\b|\bclick here\b|"
    r"\bif you (?:enjoyed|liked) this (?:article|story|post)\b|\bhave a (?:news )?tip\?)",
    re.IGNORECASE,
)
# Every CLOSING_LINE match holds one of these (lower-cased).
CLOSING_CUES = ("by", "follow", "click", "if you", "tip")
# An e-mail address (a contact line). Apart from CLOSING_LINE and only tried on lines with
# an "@": its leading [\w.+-]+ backtracks over every word of a line, a millisecond a page.
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
# WordPress-style shortcodes left in the text: [button link=...]Label[/button].
SHORTCODE_LINE = re.compile(r"^\s*\[(\w+)[^\]]*\].*\[/\1\]\s*$")

# Buttons glued to the end of a sentence by share widgets.
GLUED_SUFFIX = re.compile(r"\s*(?:Click (?:To|to) Tweet|Tweet this|Share on \w+)\s*$")

# A line that is a timestamp (with a year and a clock time) is a dateline, not body.
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
CLOCK = re.compile(r"\b\d{1,2}[:h]\d\d\b")
BYLINE = re.compile(r"^\s*(?:by|por|di|von|par|oleh|автор)\s+\S", re.IGNORECASE)

# Author strings: separators between names, and prefixes/affixes that are not names.
AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|\||/|&|\band\b|\bund\b|\bet\b|\be\b|\by\b|\bи\b)\s*")
AUTHOR_PREFIX = re.compile(
    r"^\s*(?:written|posted|reporting|analysis|opinion|story|text|texto|photos?)?\s*"
    r"(?:by|por|di|von|par|oleh|автор)\s*:?\s+",
    re.IGNORECASE,
)
AUTHOR_NOISE = re.compile(r"https?://|www\.|@|\d", re.IGNORECASE)
# Credits that name a desk or an agency rather than a person.
NOT_PERSON = re.compile(
    r"\b(?:staff|reports?|desk|team|editors?|editorial|wire|agency|news service|newsroom|"
    r"redaksi|redação|redacao|redazione|rédaction|redaktion|редакция|admin|administrator|guest|"
    r"гость|contributor|correspondent|news|media|press|business|humans|analysis)\b|\.\w{2,4}$",
    re.IGNORECASE,
)
NEWS_AGENCIES = frozenset(
    {
        "reuters",
        "ap",
        "associated press",
        "afp",
        "agence france-presse",
        "rt",
        "pti",
        "ians",
        "ani",
        "bloomberg",
        "dpa",
        "ansa",
        "efe",
        "xinhua",
        "tass",
        "ria novosti",
        "upi",
        "cnn",
        "bbc",
        "agência brasil",
        "agencia brasil",
        "antara",
        "kyodo",
        "yonhap",
    }
)

# Paywall signals: JSON-LD or meta values, element classes/ids, and visible phrases.
PAYWALL_CLASSES = (
    "paywall",
    "subscriber-only",
    "subscribers-only",
    "premium-content",
    "regwall",
    "article-locked",
    "content-locked",
)
PAYWALL_TEXT = re.compile(
    r"(?:subscribe (?:now )?to (?:continue|keep) reading|to continue reading,? (?:please )?"
    r"(?:subscribe|log ?in|sign in)|this (?:article|story|content) is (?:only )?(?:available )?"
    r"(?:for|to) (?:subscribers|members)|already a subscriber\?|subscribers only|"
    r"exclusivo para assinantes|riservato agli abbonati|réservé aux abonnés)",
    re.IGNORECASE,
)
LOCKED_TIERS = frozenset({"locked", "premium", "subscriber", "metered-locked"})

# JSON-LD types that describe the article itself.
ARTICLE_TYPES = frozenset(
    {
        "Article",
        "NewsArticle",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "BackgroundNewsArticle",
        "ReviewNewsArticle",
        "BlogPosting",
        "LiveBlogPosting",
        "SocialMediaPosting",
        "TechArticle",
        "ScholarlyArticle",
        "Report",
        "WebPage",
    }
)

# Meta tag names (name, property or itemprop), best first, per field.
META_PUBLISHED = (
    "article:published_time",
    "datepublished",
    "og:article:published_time",
    "article.published",
    "pubdate",
    "publishdate",
    "publish-date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.created",
    "dc.date",
    "date",
)
META_UPDATED = (
    "article:modified_time",
    "datemodified",
    "og:updated_time",
    "article.updated",
    "lastmod",
    "dcterms.modified",
)
META_AUTHOR = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl")
META_TITLE = ("og:title", "twitter:title", "headline", "parsely-title", "dc.title")
META_SITENAME = ("og:site_name", "application-name", "publisher", "twitter:site")
META_DESCRIPTION = ("description", "og:description", "twitter:description")

# Byline elements, for pages whose JSON-LD and meta tags name no author: rel or itemprop
# "author", a class equal to one of these, or a class containing one of the parts.
BYLINE_CLASSES = frozenset({"author", "byline"})
BYLINE_PARTS = ("author-name", "byline__name")

# Elements that never hold article body text; dropped before body extraction.
NEVER_BODY = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "iframe",
    "nav",
    "aside",
    "footer",
    "button",
    "select",
    "textarea",
    "link",
    "head",
    "input",
    "img",
    "picture",
    "source",
    "video",
    "audio",
    "canvas",
    "object",
    "embed",
)
