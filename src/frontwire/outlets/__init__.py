"""The outlet registry: who published a page, who owns them, and which labels public sources give them.

    registry_for(settings).identify(url, page_text)  -> Outlet | None
    independent(a, b)                                 -> bool
    social_page("https://t.me/s/rybar/1").key         -> "t.me/rybar"

On a social-media platform (Telegram, X, Facebook, YouTube...) the outlet is the account, keyed
"<platform domain>/<account>" (see `frontwire.outlets._social` for the platform table).

The default registry ships as `frontwire/data/outlets.toml`; `Settings.outlets_file` names a user
file of the same shape merged over it (see `frontwire.outlets._load` for the shape and `LABELS`
for the label vocabulary, `frontwire.outlets._independence` for the independence rule).
"""

from __future__ import annotations

import functools
from pathlib import Path

from frontwire.config import Settings
from frontwire.errors import ConfigError
from frontwire.outlets._independence import affiliations, independent
from frontwire.outlets._load import AFFILIATION_LABELS, LABELS
from frontwire.outlets._registry import Registry
from frontwire.outlets._social import PLATFORMS, Platform, SocialPage, social_page


def registry_for(settings: Settings) -> Registry:
    """The registry for these settings, loaded once per outlets file (reloaded if the file changes)."""
    path = settings.outlets_file
    if path is None:
        return _cached(None, 0)
    path = Path(path).expanduser().resolve()
    try:
        stamp = path.stat().st_mtime_ns
    except OSError as exc:
        raise ConfigError(str(path), f"cannot read outlet registry: {exc.strerror or exc}") from exc
    return _cached(path, stamp)


@functools.lru_cache(maxsize=8)
def _cached(path: Path | None, stamp: int) -> Registry:
    return Registry.with_user_file(path)


__all__ = [
    "AFFILIATION_LABELS",
    "LABELS",
    "PLATFORMS",
    "Platform",
    "Registry",
    "SocialPage",
    "affiliations",
    "independent",
    "registry_for",
    "social_page",
]
