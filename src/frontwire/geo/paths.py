"""Where the gazetteer index lives: `$FRONTWIRE_DATA/geo/`, else the user's data directory."""

from __future__ import annotations

import os
from pathlib import Path

from frontwire.geo.gazetteer import SqliteGazetteer

INDEX_NAME = "gazetteer.sqlite"


def data_dir() -> Path:
    """frontwire's data directory: $FRONTWIRE_DATA, else platformdirs' (or XDG's) user data dir."""
    env = os.environ.get("FRONTWIRE_DATA")
    if env:
        return Path(env)
    try:
        import platformdirs

        return Path(platformdirs.user_data_dir("frontwire", appauthor=False))
    except ImportError:
        base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
        return Path(base) / "frontwire"


def default_index_path() -> Path:
    return data_dir() / "geo" / INDEX_NAME


def default_gazetteer(path: str | Path | None = None) -> SqliteGazetteer:
    """The gazetteer at `path` (or the default path), built from package data on first use if absent."""
    return SqliteGazetteer(path or default_index_path(), build_if_missing=True)
