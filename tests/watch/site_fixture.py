"""A loopback news site for the watch tests and bench/watch.py: pages, an RSS and an Atom feed, a sitemap
and a t.me/s/ channel preview, all changing while the watcher runs. It answers conditional GETs with 304
and counts what it served, so tests can see what the watcher asked for."""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler

import loopback


@dataclass
class Story:
    slug: str
    title: str
    paragraphs: list[str]
    published: dt.datetime
    outlet: str = "Levant Desk"

    def html(self) -> str:
        body = "".join(f"<p>{html.escape(p)}</p>" for p in self.paragraphs)
        return (
            f'<!doctype html><html><head><meta charset="utf-8"><title>{html.escape(self.title)}</title>'
            f'<meta property="og:site_name" content="{html.escape(self.outlet)}">'
            f'<meta property="article:published_time" content="{self.published.isoformat()}">'
            f"</head><body><nav><a href='/'>Home</a></nav><article><h1>{html.escape(self.title)}</h1>"
            f"{body}</article><footer>&copy; {html.escape(self.outlet)}</footer></body></html>"
        )


@dataclass
class Site:
    """What the server serves; change it from the test while the watcher runs."""

    stories: list[Story] = field(default_factory=list)
    posts: list[tuple[int, str, dt.datetime]] = field(default_factory=list)  # channel posts: id, text, time
    raw: dict[str, tuple[str, bytes]] = field(default_factory=dict)  # path → (content type, body)
    failing: set[str] = field(default_factory=set)  # paths that answer 500
    served: Counter[str] = field(default_factory=Counter)  # "path status" → count
    robots: str = "User-agent: *\nDisallow: /private/\n"
    etags: bool = True  # False: every answer is a full 200 (no validators), as some servers do
    lock: threading.Lock = field(default_factory=threading.Lock)
    base: str = ""

    def add(self, story: Story) -> None:
        with self.lock:
            self.stories.append(story)

    def rss(self) -> bytes:
        items = "".join(
            f"<item><title>{html.escape(s.title)}</title><link>{self.base}/news/{s.slug}.html</link>"
            f"<guid>{self.base}/news/{s.slug}.html</guid><pubDate>{format_datetime(s.published)}</pubDate></item>"
            for s in reversed(self.stories)
        )
        return (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Levant Desk</title>'
            f"<link>{self.base}/</link><description>news</description>{items}</channel></rss>"
        ).encode()

    def atom(self) -> bytes:
        entries = "".join(
            f'<entry><title>{html.escape(s.title)}</title><link href="{self.base}/news/{s.slug}.html"/>'
            f"<id>{self.base}/news/{s.slug}.html</id><updated>{s.published.isoformat()}</updated></entry>"
            for s in reversed(self.stories)
        )
        return (
            '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>Levant Desk</title><id>{self.base}/</id><updated>2026-12-01T00:00:00Z</updated>"
            f"{entries}</feed>"
        ).encode()

    def sitemap(self) -> bytes:
        urls = "".join(
            f"<url><loc>{self.base}/news/{s.slug}.html</loc><news:news><news:publication>"
            "<news:name>Levant Desk</news:name><news:language>en</news:language></news:publication>"
            f"<news:publication_date>{s.published.isoformat()}</news:publication_date>"
            f"<news:title>{html.escape(s.title)}</news:title></news:news></url>"
            for s in self.stories
        )
        return (
            '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
            f' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{urls}</urlset>'
        ).encode()

    def channel(self) -> bytes:
        posts = "".join(
            '<div class="tgme_widget_message_wrap js-widget_message_wrap">'
            f'<div class="tgme_widget_message text_not_supported_wrap js-widget_message" data-post="idlib_now/{n}">'
            '<div class="tgme_widget_message_bubble"><div class="tgme_widget_message_text js-message_text"'
            f' dir="auto">{html.escape(text).replace(chr(10), "<br/>")}</div>'
            '<div class="tgme_widget_message_footer"><div class="tgme_widget_message_info">'
            '<span class="tgme_widget_message_meta"><a class="tgme_widget_message_date"'
            f' href="https://t.me/idlib_now/{n}"><time datetime="{when.isoformat()}" class="time">'
            f"{when:%H:%M}</time></a></span></div></div></div></div></div>"
            for n, text, when in self.posts
        )
        return (
            '<!DOCTYPE html><html><head><meta property="og:title" content="Idlib Now"></head><body>'
            '<header class="tgme_header"><div class="tgme_channel_info_header">'
            '<div class="tgme_channel_info_header_title"><span dir="auto">Idlib Now</span></div></div></header>'
            f'<main class="tgme_main"><section class="tgme_channel_history js-message_history">{posts}'
            "</section></main></body></html>"
        ).encode()

    def answer(self, path: str) -> tuple[int, str, bytes]:
        with self.lock:
            if path in self.failing:
                return 500, "text/plain", b"internal error"
            if path == "/robots.txt":
                return 200, "text/plain", self.robots.encode()
            if path in self.raw:
                kind, body = self.raw[path]
                return 200, kind, body
            if path == "/feed.rss":
                return 200, "application/rss+xml", self.rss()
            if path == "/feed.atom":
                return 200, "application/atom+xml", self.atom()
            if path == "/news-sitemap.xml":
                return 200, "application/xml", self.sitemap()
            if path == "/s/idlib_now":
                return 200, "text/html; charset=utf-8", self.channel()
            for s in self.stories:
                if path == f"/news/{s.slug}.html":
                    return 200, "text/html; charset=utf-8", s.html().encode()
        return 404, "text/plain", b"not found"


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            path = self.path.split("?", 1)[0]
            status, kind, body = site.answer(path)
            etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
            if site.etags and status == 200 and self.headers.get("If-None-Match") == etag:
                site.served[f"{path} 304"] += 1
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            site.served[f"{path} {status}"] += 1
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            if status == 200 and site.etags:
                self.send_header("ETag", etag)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    return Handler


@contextmanager
def serve(site: Site) -> Iterator[str]:
    with loopback.serve(_handler(site)) as base:
        site.base = base
        yield base
