"""The watch tests reuse the store tests' `store_url` fixture: a fresh SQLite file or PostgreSQL schema."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location(
    "store_fixtures", Path(__file__).parents[1] / "store" / "conftest.py"
)
assert _spec is not None and _spec.loader is not None
_store_fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_store_fixtures)
store_url = _store_fixtures.store_url
