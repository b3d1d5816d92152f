"""Content-hash ids: the same content always gets the same id, so writing it twice changes nothing.

Every id is a prefix naming the table plus the sha256 of normalised content (NFC, whitespace collapsed),
cut to 32 hex digits (128 bits: collisions are not a practical concern at any corpus size).
"""

from __future__ import annotations

import hashlib
import unicodedata
from urllib.parse import urlsplit, urlunsplit

from frontwire.records import Article, Comment, EventMention, Outlet, Page

ID_HEX_DIGITS = 32
_SEP = "\x1f"


def normalise_text(text: str | None) -> str:
    """Text as hashed: Unicode NFC, runs of whitespace made one space, ends stripped."""
    return " ".join(unicodedata.normalize("NFC", text or "").split())


def digest(*parts: object) -> str:
    """sha256 of the parts (None as empty), joined by a unit separator, as hex."""
    joined = _SEP.join("" if p is None else normalise_text(str(p)) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:ID_HEX_DIGITS]


def normalise_url(url: str) -> str:
    """A URL as an identity: scheme and host lower-cased, fragment and trailing slash dropped."""
    parts = urlsplit(url.strip())
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, parts.query, ""))


def document_key(page: Page, article: Article | None = None) -> str:
    """What makes two pages versions of one document: the page's id, else its (canonical) URL, else its
    normalised content. Where a page without a URL was read from (a path, a copy, stdin, a POST) says
    nothing about which document it is: one text is one page however it arrives, and two texts are two
    documents, never versions of each other."""
    if page.id:
        return f"id:{page.id}"
    url = (article.canonical_url if article else None) or page.url or (article.url if article else None)
    if url:
        return f"url:{normalise_url(url)}"
    return f"content:{digest(page.content)}"


def page_version_id(doc_key: str, content: str, coder: str = "") -> str:
    """One version of one document, as coded by `coder` (a page coded again by a newer event coder is
    a new version, and its events replace the old coder's; "" for a page with no events)."""
    return "pg-" + digest(doc_key, content, *([coder] if coder else []))


def article_id(page_id: str, article: Article) -> str:
    return "ar-" + digest(page_id, article.title, article.body)


def comment_id(article_id_: str, position: int, comment: Comment) -> str:
    return "cm-" + digest(article_id_, position, comment.author, comment.text)


def outlet_id(outlet: Outlet) -> str:
    return outlet.domain.strip().casefold()


def mention_id(article_id_: str, m: EventMention) -> str:
    """One event as one article reports it: the article plus the coded fields and the evidence."""
    place = m.place
    return "ev-" + digest(
        article_id_,
        m.event_date.isoformat() if m.event_date else None,
        m.time_precision,
        m.event_type,
        m.sub_event_type,
        m.actor1,
        m.actor2,
        m.location_text,
        place.location if place else None,
        m.fatalities,
        m.attribution,
        " ".join(e.text for e in m.evidence),
    )
