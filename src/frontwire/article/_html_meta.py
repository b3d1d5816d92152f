"""Page metadata: title, site name, canonical URL, publication date and authors.

Reads, in order of trust: JSON-LD (`NewsArticle` and kin), OpenGraph / `article:*` / Dublin Core
`<meta>` tags, `<link rel=canonical>`, microdata, byline markup, then `<title>` and `<h1>`. The date
falls back to htmldate's quick search. Hands a `PageMeta` record to `frontwire.article.html`.
Must run after the comment section is removed, so a commenter is never taken for the author.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import lxml.html

from frontwire.article._html_tree import clean_text, has_class, text_of

_ARTICLE_TYPES = frozenset(
    {"article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "blogposting", "report"}
    | {"opinionnewsarticle", "backgroundnewsarticle", "liveblogposting", "scholarlyarticle", "webpage"}
)
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})")
# Names longer than this are a sentence or a blurb caught by a loose byline selector, not a person.
MAX_AUTHOR_CHARS = 80
# A title suffix like " - WSJ" or " | Site name" is cut when the part kept is at least this long.
MIN_TITLE_CHARS = 12
_TITLE_SEPARATORS = re.compile(r"\s+[|–—-]\s+|\s+::\s+|\s+»\s+")
_BYLINE_PREFIX = re.compile(r"^(by|von|par|por|di|door)\s+", re.IGNORECASE)

_META_DATE_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "parsely-pub-date",
    "sailthru.date",
    "article.published",
    "published-date",
    "og:published_time",
)
_META_AUTHOR_KEYS = ("author", "article:author", "dc.creator", "parsely-author", "sailthru.author", "byl")
_BYLINE_XPATH = (
    "//*[@rel='author' or @itemprop='author']",
    f"//*[{has_class('byline', 'author', 'author-name', 'byline__name', 'article-author', 'post-author')}]",
)


@dataclass(slots=True)
class PageMeta:
    title: str | None = None
    site_name: str | None = None
    canonical_url: str | None = None
    published: dt.date | None = None
    authors: list[str] = field(default_factory=list)


def read_meta(tree: lxml.html.HtmlElement, url: str | None) -> PageMeta:
    """Everything the page says about itself, from its head and its byline."""
    metas = _meta_tags(tree)
    ld = _json_ld_article(tree)
    meta = PageMeta()
    meta.title = _title(tree, ld, metas)
    meta.site_name = _first(
        _ld_name(ld.get("publisher")) if ld else None,
        metas.get("og:site_name"),
        metas.get("application-name"),
        metas.get("twitter:site", "").lstrip("@") or None,
    )
    meta.canonical_url = _first(
        *tree.xpath("//link[translate(@rel, 'CANONICAL', 'canonical')='canonical']/@href"),
        metas.get("og:url"),
        ld.get("url") if ld and isinstance(ld.get("url"), str) else None,
    )
    meta.published = _published(tree, ld, metas, url)
    meta.authors = _authors(tree, ld, metas)
    return meta


def parse_date(value: str | None) -> dt.date | None:
    """A calendar date from an ISO-like or compact (YYYYMMDD) timestamp, or None."""
    if not value:
        return None
    value = value.strip()
    found = _ISO_DATE.search(value) or _COMPACT_DATE.match(value)
    if not found:
        return None
    try:
        return dt.date(int(found[1]), int(found[2]), int(found[3]))
    except ValueError:
        return None


# --- sources ---------------------------------------------------------------------------------


def _meta_tags(tree: lxml.html.HtmlElement) -> dict[str, str]:
    tags: dict[str, str] = {}
    for node in tree.iterfind(".//meta"):
        key = node.get("property") or node.get("name") or node.get("itemprop")
        value = node.get("content")
        if key and value and value.strip():
            tags.setdefault(key.strip().lower(), clean_text(value))
    return tags


def _json_ld_article(tree: lxml.html.HtmlElement) -> dict[str, Any]:
    """The first JSON-LD object of an article type (searching `@graph` and lists), or {}."""
    for script in tree.xpath("//script[contains(translate(@type, 'JSON', 'json'), 'ld+json')]"):
        try:
            data = json.loads(script.text or "", strict=False)
        except (ValueError, RecursionError):
            continue
        for item in _ld_items(data):
            types = item.get("@type")
            types = types if isinstance(types, list) else [types]
            if any(isinstance(t, str) and t.lower() in _ARTICLE_TYPES for t in types):
                return item
    return {}


def _ld_items(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data:
            yield from _ld_items(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _ld_items(data["@graph"], depth + 1)


def _ld_name(value: Any) -> str | None:
    if isinstance(value, str):
        return clean_text(value) or None
    if isinstance(value, dict):
        return _ld_name(value.get("name"))
    if isinstance(value, list) and value:
        return _ld_name(value[0])
    return None


def _first(*values: str | None) -> str | None:
    for value in values:
        if value and value.strip():
            return clean_text(value)
    return None


# --- fields ----------------------------------------------------------------------------------


def _title(tree: lxml.html.HtmlElement, ld: dict[str, Any], metas: dict[str, str]) -> str | None:
    h1 = next((text_of(h) for h in tree.iterfind(".//h1") if text_of(h)), None)
    headline = ld.get("headline") if isinstance(ld.get("headline"), str) else None
    found = _first(headline, metas.get("og:title"), metas.get("twitter:title"), h1)
    if found:
        return found
    title = tree.find(".//title")
    return _strip_site_suffix(text_of(title)) if title is not None else None


def _strip_site_suffix(title: str) -> str | None:
    """'Headline - Site' → 'Headline' (the longest part, when it is long enough to be a headline)."""
    parts = _TITLE_SEPARATORS.split(title)
    longest = max(parts, key=len) if parts else ""
    return (longest if len(longest) >= MIN_TITLE_CHARS else title) or None


def _published(
    tree: lxml.html.HtmlElement, ld: dict[str, Any], metas: dict[str, str], url: str | None
) -> dt.date | None:
    candidates = [ld.get("datePublished"), ld.get("dateCreated")]
    candidates += [metas.get(key) for key in _META_DATE_KEYS]
    candidates += tree.xpath(
        "//*[@itemprop='datePublished']/@datetime | //*[@itemprop='datePublished']/@content"
    )
    candidates += tree.xpath("(//article//time/@datetime | //time[@pubdate]/@datetime)[1]")
    for value in candidates:
        found = parse_date(value) if isinstance(value, str) else None
        if found:
            return found
    return _htmldate(tree, url)


def _htmldate(tree: lxml.html.HtmlElement, url: str | None) -> dt.date | None:
    """htmldate's quick search (URL, headers, visible date patterns), with no extensive scan."""
    from htmldate import find_date

    try:
        found = find_date(tree, extensive_search=False, original_date=True, url=url)
    except Exception:  # htmldate is a heuristic helper: a failure here only means "no date"
        return None
    return parse_date(found)


def _authors(tree: lxml.html.HtmlElement, ld: dict[str, Any], metas: dict[str, str]) -> list[str]:
    names: list[str] = []
    ld_authors = ld.get("author") if ld else None
    for item in ld_authors if isinstance(ld_authors, list) else [ld_authors]:
        names.append(_ld_name(item) or "")
    for key in _META_AUTHOR_KEYS:
        value = metas.get(key)
        if value and not value.startswith("http"):
            names.extend(re.split(r"\s*(?:,|\band\b|&)\s*", value))
    if not any(names):
        for xpath in _BYLINE_XPATH:
            for node in tree.xpath(xpath)[:3]:
                inner = node.xpath(".//*[@itemprop='name']")
                names.append(text_of(inner[0]) if inner else text_of(node))
            if any(names):
                break
    return _unique_names(names)


def _unique_names(names: list[str]) -> list[str]:
    out: list[str] = []
    for name in names:
        name = _BYLINE_PREFIX.sub("", clean_text(name)).strip(" ,;|")
        if name and len(name) <= MAX_AUTHOR_CHARS and not name.startswith("http") and name not in out:
            out.append(name)
    return out
