"""Each unusable --db is a clear error, and nothing is written."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import time
from pathlib import Path

import pytest
from store_samples import monitor_page

from frontwire.errors import ConfigError, StoreError
from frontwire.store import open_store
from frontwire.store.migrations import LATEST_VERSION


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    "url",
    ["mysql://user@localhost/db", "sqlite://relative.db", "   ", "postgresql://user@127.0.0.1:notaport/db"],
)
def test_store_malformed_db_is_config_error(url):
    with pytest.raises(ConfigError):
        open_store(url)


def test_store_unreachable_postgres_is_store_error_and_fast():
    started = time.monotonic()
    with pytest.raises(StoreError, match="cannot connect"):
        open_store("postgresql://frontwire:secret@127.0.0.1:1/nowhere")
    assert time.monotonic() - started < 10


def test_store_error_message_hides_password():
    with pytest.raises(StoreError) as info:
        open_store("postgresql://frontwire:secret@127.0.0.1:1/nowhere")
    assert "secret" not in str(info.value)


def test_store_read_only_file_is_store_error_and_untouched(tmp_path):
    path = tmp_path / "ro.sqlite"
    with open_store(str(path)) as s:
        s.write_page(*monitor_page())
    for extra in tmp_path.glob("ro.sqlite-*"):
        extra.unlink()
    before = _digest(path)
    os.chmod(path, stat.S_IRUSR | stat.S_IRGRP)
    try:
        with pytest.raises(StoreError, match="read-only"):
            open_store(str(path))
        with open_store(str(path), read_only=True) as reader:  # reading still works
            assert reader.count("pages") == 1
            with pytest.raises(StoreError, match="read-only"):
                reader.write_page(*monitor_page())
    finally:
        os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
    assert _digest(path) == before


def test_store_newer_schema_is_store_error_and_untouched(store_url):
    with open_store(store_url) as s:
        s.write_page(*monitor_page())
        with s._transaction():
            s._run(
                "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)", (99, "future", "x")
            )
        before = s.dump()
    with pytest.raises(StoreError, match="newer"):
        open_store(store_url)
    if "://" not in store_url:
        conn = sqlite3.connect(store_url)
        assert conn.execute("SELECT COUNT(*) FROM pages").fetchone() == (1,)
        conn.close()
    else:
        import psycopg

        with psycopg.connect(store_url) as conn:
            assert conn.execute("SELECT MAX(version) FROM schema_version").fetchone() == (99,)
    assert before["schema_version"][-1][0] == 99


def test_store_not_a_database_file_is_store_error_and_untouched(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("this is not a database\n" * 100)
    before = _digest(path)
    with pytest.raises(StoreError, match="SQLite"):
        open_store(str(path))
    assert _digest(path) == before


def test_store_directory_or_missing_parent_is_store_error(tmp_path):
    with pytest.raises(StoreError, match="directory"):
        open_store(str(tmp_path))
    with pytest.raises(StoreError, match="does not exist"):
        open_store(str(tmp_path / "missing" / "db.sqlite"))
    assert not (tmp_path / "missing").exists()


def test_store_default_path_honours_frontwire_data(tmp_path, monkeypatch):
    monkeypatch.setenv("FRONTWIRE_DATA", str(tmp_path / "data"))
    with open_store(None) as s:
        assert Path(s.name) == tmp_path / "data" / "frontwire.sqlite"
        assert s.schema_version() == LATEST_VERSION
