"""Public Telegram channel previews (`https://t.me/s/<channel>`) → one `Item` per post.

A post is an article whole: its text is the body, the channel is its outlet (the outlet registry names
channels by their `t.me/<channel>` key, `frontwire.outlets`), and the post's time is its publication date.
`post_page` turns a post into a text page, so it goes through the same pipeline as any
fetched page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import lxml.html

from frontwire.errors import SourceError
from frontwire.ingest.text import text_page
from frontwire.records import Page
from frontwire.watch.items import Item, digest, too_many


@dataclass(slots=True, frozen=True)
class Channel:
    title: str | None
    items: list[Item]


def parse_channel(body: bytes, source: str) -> Channel:
    """The posts of a channel preview page. Raises SourceError for a page of another shape (no channel
    header and no posts: a login wall, a changed layout, a private channel)."""
    try:
        doc = lxml.html.document_fromstring(body)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise SourceError(source, f"not a Telegram channel page: {exc}") from None
    posts = doc.xpath('//div[contains(concat(" ", @class, " "), " tgme_widget_message ") and @data-post]')
    header = doc.xpath('//*[contains(@class, "tgme_channel_info_header_title")]')
    if not posts and not header:
        raise SourceError(
            source, "not a t.me/s/ channel preview (no channel header and no posts: another page shape)"
        )
    problem = too_many(source, len(posts))
    if problem:
        raise SourceError(source, problem)
    title = " ".join(header[0].text_content().split()) if header else None
    items = []
    for post in posts:
        ref = post.get("data-post", "")
        texts = post.xpath('.//div[contains(@class, "tgme_widget_message_text")]')
        if not ref or "/" not in ref or not texts:
            continue  # a photo or a sticker without words: nothing to code
        text = _text(texts[0])
        if not text:
            continue
        stamp = post.xpath('.//a[contains(@class, "tgme_widget_message_date")]//time/@datetime')
        published = _date(stamp[0]) if stamp else None
        url = f"https://t.me/{ref}"
        edited = bool(
            post.xpath('.//*[contains(@class, "tgme_widget_message_meta")]//*[contains(., "edited")]')
        )
        items.append(
            Item(url=url, version=digest(text, str(edited)), title=title, published=published, content=text)
        )
    return Channel(title=title, items=items)


def _text(node: lxml.html.HtmlElement) -> str:
    for br in node.iter("br"):
        br.tail = "\n" + (br.tail or "")
    lines = [" ".join(line.split()) for line in node.text_content().split("\n")]
    return "\n".join(line for line in lines if line)


def _date(text: str) -> dt.datetime | None:
    try:
        value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def post_page(url: str, text: str, published: dt.datetime | None) -> Page:
    """A channel post as a plain-text page (what `ingest` makes of a saved post): the post's URL names
    the channel as its outlet, the post time is its date."""
    page = text_page(text.encode("utf-8"), url, declared="utf-8", url=url)
    page.published = published.date() if published else None
    return page
