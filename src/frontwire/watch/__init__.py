"""Watch sources as they publish: RSS and Atom feeds, sitemaps, public Telegram channels and plain URLs,
polled politely and durably, every new item sent through the same pipeline as `ingest` into the same store.

    from frontwire.watch import load_sources, watch
    watch(load_sources(Path("sources.toml")), "frontwire.sqlite")

sources.py   the TOML sources file and --feed URLs → `Source`
feeds.py     RSS/Atom → `Item`        sitemaps.py  sitemaps, news sitemaps, indexes → `Item`
telegram.py  t.me/s/<channel> → `Item` (posts carried whole) and the post as a `Page`
poller.py    conditional GET, per-host gap, robots.txt, backoff
state.py     what was seen, validators, failures, the incident change log (store tables)
watcher.py   the loop: due sources → items → pages       run.py  the loop through the ingest pipeline
"""

from frontwire.watch.run import watch
from frontwire.watch.sources import Source, from_urls
from frontwire.watch.sources import load as load_sources

__all__ = ["Source", "from_urls", "load_sources", "watch"]
