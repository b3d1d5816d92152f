"""Fixtures for the store tests: every `store_url`/`store` test runs against SQLite and PostgreSQL.

PostgreSQL tests read a DSN from FRONTWIRE_TEST_PG (start a server with `tests/store/pg_start.sh`); each
test gets a schema of its own, dropped afterwards.
"""

from __future__ import annotations

import os
import sys
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from frontwire.store import open_store  # noqa: E402

PG_ENV = "FRONTWIRE_TEST_PG"


def _pg_url(base: str, schema: str) -> str:
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options={quote(f'-c search_path={schema}')}"


@pytest.fixture(params=["sqlite", "postgres"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path):
    """A fresh, empty database: a SQLite file, or a PostgreSQL schema of its own."""
    if request.param == "sqlite":
        yield str(tmp_path / "frontwire.sqlite")
        return
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(
            f"{PG_ENV} is not set: no PostgreSQL server to test against (see tests/store/pg_start.sh)"
        )
    import psycopg

    schema = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        yield _pg_url(base, schema)
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def store(store_url: str):
    """An open, migrated store on a fresh database."""
    s = open_store(store_url)
    yield s
    s.close()
