"""Sources files, plain URLs re-checked, robots.txt and the watcher state on both backends."""

from __future__ import annotations

from pathlib import Path

import pytest
from site_fixture import Site, serve
from stories import DARAA, SARMADA

from frontwire.errors import ConfigError
from frontwire.store import open_store
from frontwire.watch import Source, load_sources, watch
from frontwire.watch.sources import from_urls


def test_a_sources_file_names_interval_tags_and_outlet(tmp_path: Path) -> None:
    path = tmp_path / "sources.toml"
    path.write_text(
        '[defaults]\ninterval = 30\n\n[[source]]\nname = "Desk"\nurl = "https://desk.example/feed.xml"\n'
        'tags = ["syria", "wire"]\noutlet = "Levant Desk"\n\n[[source]]\nurl = "https://t.me/s/idlib_now"\n'
        'interval = 5\n\n[[source]]\nurls = ["https://ministry.example/a", "https://ministry.example/b"]\n'
    )
    desk, channel, pages = load_sources(path)
    assert (desk.name, desk.kind, desk.interval_s, desk.tags, desk.outlet) == (
        "Desk", "auto", 30.0, ("syria", "wire"), "Levant Desk"
    )  # fmt: skip
    assert (channel.kind, channel.interval_s) == ("telegram", 5.0)
    assert (pages.kind, pages.urls) == ("urls", ("https://ministry.example/a", "https://ministry.example/b"))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[source]\n", "not valid TOML"),
        ("[[source]]\nurl = 'ftp://x.example/feed'\n", "not an http(s) URL"),
        ("[[source]]\nurl = 'https://x.example/f'\nevery = 3\n", "unknown keys every"),
        ("[[source]]\nurl = 'https://x.example/f'\ninterval = 0\n", "interval must be"),
        (
            "[[source]]\nurl = 'https://x.example/f'\n[[source]]\nurl = 'https://x.example/f'\n",
            "the same source",
        ),
        ("[defaults]\ninterval = 5\n", "no [[source]] entries"),
    ],
)
def test_a_bad_sources_file_is_a_clear_error(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text)
    with pytest.raises(ConfigError) as caught:
        load_sources(path)
    assert message in str(caught.value) and str(path) in str(caught.value)


def test_a_rechecked_url_that_changes_is_a_new_version_and_robots_is_respected(store_url: str) -> None:
    site = Site(stories=[SARMADA, DARAA])
    with serve(site) as base:
        page = f"{base}/news/{DARAA.slug}.html"
        site.raw["/private/leak.html"] = ("text/html", b"<html><body><p>not for crawlers</p></body></html>")
        sources = [
            Source(id=page, kind="urls", name="re-check", urls=(page,), outlet="Daraa Desk"),
            Source(
                id=f"{base}/private/feed.rss", kind="feed", name="private", urls=(f"{base}/private/feed.rss",)
            ),
        ]
        lines: list[str] = []
        watch(sources, store_url, once=True, report=lines.append, gap_s=0.05)
        watch(sources, store_url, once=True, report=lines.append, gap_s=0.05)  # unchanged: nothing new
        DARAA.paragraphs.append("A second soldier died of his wounds on Thursday, the network said.")
        try:
            watch(sources, store_url, once=True, report=lines.append, gap_s=0.05)
        finally:
            DARAA.paragraphs.pop()
    assert not any(k.startswith("/private/") for k in site.served), site.served
    with open_store(store_url) as store:
        versions = store.rows(
            "SELECT version, superseded_by FROM pages WHERE url = ? ORDER BY version", (page,)
        )
        assert [v["version"] for v in versions] == [1, 2] and versions[0]["superseded_by"] is not None
        (outlet,) = store.rows("SELECT DISTINCT o.name FROM articles a JOIN outlets o ON o.id = a.outlet_id")
        assert outlet["name"] == "Daraa Desk"
        (private,) = store.rows("SELECT last_error FROM watch_sources WHERE name = 'private'")
        assert "robots.txt" in private["last_error"]
        assert store.rows("SELECT COUNT(*) AS n FROM watch_changes")[0]["n"] >= 2


def test_from_urls_guesses_channels() -> None:
    feed, channel = from_urls(["https://desk.example/rss", "https://t.me/s/idlib_now"], 2)
    assert (feed.kind, channel.kind, channel.interval_s) == ("auto", "telegram", 2)
    with pytest.raises(ConfigError):
        from_urls(["desk.example/rss"], 2)


def test_a_feed_over_the_size_cap_is_not_read(tmp_path: Path) -> None:
    import dataclasses

    from frontwire.config import DEFAULT

    site = Site(stories=[SARMADA, DARAA])
    site.raw["/big.rss"] = (
        "application/rss+xml",
        b"<rss version='2.0'><channel>" + b" " * 50_000 + b"</channel></rss>",
    )
    with serve(site) as base:
        lines: list[str] = []
        polls, _ = watch(
            from_urls([f"{base}/big.rss", f"{base}/feed.rss"], 60),
            str(tmp_path / "cap.sqlite"),
            dataclasses.replace(DEFAULT, max_page_bytes=20_000),
            once=True,
            report=lines.append,
            gap_s=0.05,
        )
    assert polls.poll_errors == 1 and polls.stored == 2, lines
    assert any("big.rss: error: larger than the 20,000-byte limit" in line for line in lines), lines
