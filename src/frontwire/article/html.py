"""HTML page → Article: metadata, captions and reader comments read by us, the body by trafilatura.

The page is parsed once with lxml. Then, in order:
1. reader comments are parsed into `Comment`s and every comment container is cut out (`_html_comments`);
2. captions are read and cut out (`_html_captions`);
3. metadata (title, site name, canonical URL, date, authors) is read (`_html_meta`);
4. the body comes from an explicit extractor chain (`_html_body`, trafilatura first) and is tidied of
   leftover chrome lines (`_html_tidy`), one paragraph a line.
Because comments and captions leave the tree before the body extractor sees it, neither can reach
the body. `Article.chrome_dropped` approximates the number of text blocks dropped as chrome: the
page's block elements holding text of their own (p, li, td, div, span, headings, …), minus the body
paragraphs, captions and comments kept (so menus, footers, widgets and tidied lines count).
Hands an `Article` to `frontwire.article.extract`; raises `ExtractionError` when no body is found.
"""

from __future__ import annotations

import re

import lxml.etree

from frontwire.article._html_body import DEFAULT_CHAIN, TRAFILATURA_VERSION, chain_from, extract_body
from frontwire.article._html_captions import read_captions
from frontwire.article._html_comments import read_comments
from frontwire.article._html_meta import read_meta
from frontwire.article._html_tidy import tidy
from frontwire.article._html_tree import index_page, parse_html
from frontwire.article.stories import headline_stories
from frontwire.config import DEFAULT, Settings
from frontwire.errors import ExtractionError, TooLarge
from frontwire.records import Article, Page

EXTRACTOR_VERSION = "0.1"
# A body needs at least this many words: a leftover menu link ("Home") is not an article, while the
# shortest wire items ("Explosion reported in central Homs") still pass.
MIN_BODY_WORDS = 4
_WORD = re.compile(r"\w+")
EXTRACTOR = f"frontwire-html/{EXTRACTOR_VERSION}+trafilatura-{TRAFILATURA_VERSION}"


def extract_html(page: Page, settings: Settings = DEFAULT) -> Article:
    """One HTML page → one Article. Raises `ExtractionError` (naming `page.source`) when no body is found."""
    if len(page.content) > settings.max_page_bytes:
        raise TooLarge(page.source, f"HTML page of {len(page.content)} characters exceeds max_page_bytes")
    chain = chain_from(settings.extra, page.source)
    tree = parse_html(page.source, page.content)
    try:
        index = index_page(tree)
        comments, _ = read_comments(tree, index)
        captions, _ = read_captions(tree, index)
        meta = read_meta(tree, page.url)
        body = extract_body(tree, page.url or meta.canonical_url, chain)
    except (RecursionError, lxml.etree.LxmlError, ValueError, TypeError) as exc:
        reason = f"HTML could not be processed: {type(exc).__name__}: {exc}"
        raise ExtractionError(page.source, reason) from exc
    tidied = tidy(body.lines, meta.title, captions)
    if sum(len(_WORD.findall(p)) for p in tidied.paragraphs) < MIN_BODY_WORDS:
        raise ExtractionError(page.source, "no article body found in the HTML page")
    return Article(
        stories=headline_stories(meta.title, tidied.paragraphs),
        source=page.source,
        id=page.id,
        url=page.url,
        title=meta.title,
        canonical_url=meta.canonical_url,
        site_name=meta.site_name,
        published=meta.published or page.published,
        authors=meta.authors,
        captions=captions,
        paragraphs=tidied.paragraphs,
        comments=comments,
        chrome_dropped=max(0, index.text_blocks - len(tidied.paragraphs) - len(captions) - len(comments)),
        extractor=EXTRACTOR if body.step == DEFAULT_CHAIN[0] else f"{EXTRACTOR}:{body.step}",
    )


__all__ = ["EXTRACTOR", "extract_html"]
