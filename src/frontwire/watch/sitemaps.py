"""Sitemaps → `Item`s: sitemaps.org `urlset` files (with `lastmod`), Google News sitemaps (with
`news:publication_date` and `news:title`) and sitemap indexes, which `read_sitemaps` follows without
ever reading one file twice in a poll (a loop is an error for that source) and no deeper than
MAX_DEPTH."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from lxml import etree

from frontwire.errors import SourceError
from frontwire.watch.items import MAX_ITEMS_PER_POLL, Item, too_many

# An index of indexes of sitemaps is as deep as real sites go (sitemaps.org allows one level).
MAX_DEPTH = 3
# Child sitemaps read per poll: news sites split by day or section into tens, not hundreds.
MAX_CHILDREN = 50
_SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
_NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


@dataclass(slots=True, frozen=True)
class Parsed:
    items: list[Item]
    children: list[str]  # the sitemaps an index lists


def parse_sitemap(body: bytes, source: str) -> Parsed:
    """One sitemap file: its URLs (as items) or, for an index, the sitemaps it lists."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError as exc:
        raise SourceError(source, f"malformed sitemap XML: {exc}") from None
    tag = etree.QName(root).localname
    if tag == "sitemapindex":
        children = [urljoin(source, loc.strip()) for loc in _texts(root, "sitemap", "loc") if loc.strip()]
        return Parsed(items=[], children=children)
    if tag != "urlset":
        raise SourceError(
            source, f"not a sitemap: its root element is <{tag}>, not <urlset> or <sitemapindex>"
        )
    entries = [el for el in root if etree.QName(el).localname == "url"]
    problem = too_many(source, len(entries))
    if problem:
        raise SourceError(source, problem)
    items = []
    for el in entries:
        loc = _child_text(el, "loc")
        if not loc or urlsplit(urljoin(source, loc)).scheme not in ("http", "https"):
            continue
        news = el.find(f"{_NEWS}news")
        published_text = _child_text(news, "publication_date", _NEWS) if news is not None else None
        title = _child_text(news, "title", _NEWS) if news is not None else None
        lastmod = _child_text(el, "lastmod")
        version = lastmod or published_text or ""
        items.append(
            Item(
                url=urljoin(source, loc),
                version=version,
                title=title,
                published=_date(published_text or lastmod),
            )
        )
    return Parsed(items=items, children=[])


def read_sitemaps(url: str, fetch: Callable[[str], bytes | None]) -> list[Item] | None:
    """The items of the sitemap at `url`, following indexes. `fetch(url)` gives a file's bytes, or None
    when the file is unchanged since the last poll (a 304) - then None is returned for the root, and an
    unchanged child contributes nothing. Raises SourceError for a loop, too deep an index, or too many."""
    seen: set[str] = set()
    items: list[Item] = []

    def visit(current: str, depth: int, via: str | None) -> bool:
        if current in seen:
            raise SourceError(url, f"sitemap loop: {via} lists {current}, which this poll has already read")
        if depth > MAX_DEPTH:
            raise SourceError(url, f"sitemap indexes nested more than {MAX_DEPTH} deep (at {current})")
        if len(seen) > MAX_CHILDREN:
            raise SourceError(url, f"more than {MAX_CHILDREN} sitemap files in one poll")
        seen.add(current)
        body = fetch(current)
        if body is None:
            return False
        parsed = parse_sitemap(body, current)
        items.extend(parsed.items)
        if len(items) > MAX_ITEMS_PER_POLL:
            raise SourceError(url, too_many(url, len(items)) or "")
        for child in parsed.children:
            visit(child, depth + 1, current)
        return True

    return items if visit(url, 0, None) else None


def _texts(root: etree._Element, parent: str, child: str) -> list[str]:
    out = []
    for el in root:
        if etree.QName(el).localname == parent:
            text = _child_text(el, child)
            if text:
                out.append(text)
    return out


def _child_text(el: etree._Element, name: str, ns: str = _SM) -> str | None:
    found = el.find(f"{ns}{name}")
    if found is None:
        found = el.find(name)  # sitemaps written without the namespace
    return found.text.strip() if found is not None and found.text and found.text.strip() else None


def _date(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    try:
        value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
