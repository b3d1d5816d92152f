"""The sources a watcher polls: from `--feed URL` options or a TOML file.

    # sources.toml
    [defaults]
    interval = 60                     # seconds between polls of each source

    [[source]]
    name = "Northern Desk"
    url = "https://northern-desk.example/feed.xml"    # RSS or Atom
    tags = ["syria"]

    [[source]]
    url = "https://t.me/s/idlib_now"                  # a public Telegram channel preview
    interval = 30
    outlet = "Idlib Now"                              # overrides the outlet name of its articles

    [[source]]
    kind = "sitemap"
    url = "https://wire.example/news-sitemap.xml"

    [[source]]
    name = "ministry statements"
    urls = ["https://ministry.example/statements"]   # plain pages re-checked each poll

`kind` is "feed", "sitemap", "telegram" or "urls"; without it a t.me/s/ URL is a channel and any other
URL is read as a feed or a sitemap, whichever its XML turns out to be.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from frontwire.errors import ConfigError

KINDS = ("feed", "sitemap", "telegram", "urls")
# One minute between polls is what feed readers default to for news (and what most CDNs cache for);
# `--interval` goes down to MIN_INTERVAL_S for a desk that needs seconds.
DEFAULT_INTERVAL_S = 60.0
MIN_INTERVAL_S = 1.0
_KEYS = {"name", "url", "urls", "kind", "interval", "tags", "outlet"}


@dataclass(slots=True, frozen=True, kw_only=True)
class Source:
    """One watched source. `id` is its URL (for a URL list: the first URL) and keys its state."""

    id: str
    kind: str  # "auto" (feed or sitemap, by content), "feed", "sitemap", "telegram", "urls"
    name: str
    urls: tuple[str, ...]
    interval_s: float = DEFAULT_INTERVAL_S
    tags: tuple[str, ...] = ()
    outlet: str | None = None

    @property
    def url(self) -> str:
        return self.urls[0]


def guess_kind(url: str) -> str:
    parts = urlsplit(url)
    if parts.netloc.lower() in ("t.me", "telegram.me") and parts.path.startswith("/s/"):
        return "telegram"
    return "auto"


def check_url(url: object, where: str) -> str:
    if not isinstance(url, str) or urlsplit(url).scheme.lower() not in ("http", "https"):
        raise ConfigError(where, f"not an http(s) URL: {url!r}")
    if not urlsplit(url).netloc:
        raise ConfigError(where, f"URL without a host: {url!r}")
    return url


def from_urls(urls: list[str], interval_s: float) -> list[Source]:
    """`--feed URL` sources."""
    return [
        Source(id=u, kind=guess_kind(u), name=u, urls=(u,), interval_s=interval_s)
        for u in (check_url(u, "--feed") for u in urls)
    ]


def load(path: Path, interval_s: float | None = None) -> list[Source]:
    """The sources of a TOML file; `interval_s` (from --interval) applies where a source names none."""
    where = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(where, f"cannot read the sources file: {exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(where, f"not valid TOML: {exc}") from None
    defaults = data.get("defaults", {})
    default_interval = _interval(defaults.get("interval", interval_s or DEFAULT_INTERVAL_S), where)
    entries = data.get("source", [])
    if not isinstance(entries, list) or not entries:
        raise ConfigError(where, "no [[source]] entries")
    out = [_source(entry, f"{where} [[source]] #{i}", default_interval) for i, entry in enumerate(entries, 1)]
    ids = [s.id for s in out]
    duplicated = sorted({i for i in ids if ids.count(i) > 1})
    if duplicated:
        raise ConfigError(where, f"the same source twice: {', '.join(duplicated)}")
    return out


def _interval(value: object, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value < MIN_INTERVAL_S:
        raise ConfigError(where, f"interval must be a number of seconds >= {MIN_INTERVAL_S:g}, not {value!r}")
    return float(value)


def _source(entry: object, where: str, default_interval: float) -> Source:
    if not isinstance(entry, dict):
        raise ConfigError(where, "not a table")
    unknown = sorted(set(entry) - _KEYS)
    if unknown:
        raise ConfigError(where, f"unknown keys {', '.join(unknown)} (known: {', '.join(sorted(_KEYS))})")
    if ("url" in entry) == ("urls" in entry):
        raise ConfigError(where, 'give either url = "…" or urls = ["…", …]')
    if "urls" in entry:
        raw = entry["urls"]
        if not isinstance(raw, list) or not raw:
            raise ConfigError(where, "urls must be a non-empty list")
        urls = tuple(check_url(u, where) for u in raw)
        kind = entry.get("kind", "urls")
    else:
        urls = (check_url(entry["url"], where),)
        kind = entry.get("kind", guess_kind(urls[0]))
    if kind not in (*KINDS, "auto") or (kind == "urls") != ("urls" in entry):
        raise ConfigError(
            where, f"kind {kind!r} does not fit (kinds: {', '.join(KINDS)}; urls = [...] is 'urls')"
        )
    tags = entry.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise ConfigError(where, "tags must be a list of strings")
    outlet = entry.get("outlet")
    if outlet is not None and (not isinstance(outlet, str) or not outlet.strip()):
        raise ConfigError(where, "outlet must be a non-empty string")
    name = entry.get("name", urls[0])
    return Source(
        id=urls[0],
        kind=kind,
        name=str(name),
        urls=urls,
        interval_s=_interval(entry.get("interval", default_interval), where),
        tags=tuple(tags),
        outlet=outlet.strip() if outlet else None,
    )
