"""Ingest: idempotent writes, corrected pages, crash safety, readers during a write (both backends)."""

from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from store_samples import monitor_page, southfront_page, wire_page

from frontwire.store import open_store, query
from frontwire.store.migrations import LATEST_VERSION

WRITER = Path(__file__).with_name("store_writer.py")
# Wall-clock columns: the only values allowed to differ between two runs over the same input.
CLOCK_COLUMNS = {"pages": ("ingested_at", "superseded_at"), "schema_version": ("applied_at",)}


def _dump_without_clock(store) -> dict:
    out = {}
    for table, _ in store.dump().items():
        rows = store.rows(f"SELECT * FROM {table}")
        drop = CLOCK_COLUMNS.get(table, ())
        out[table] = sorted(tuple(v for k, v in r.items() if k not in drop) for r in rows)
    return out


def test_store_rewrite_changes_nothing(store):
    samples = [southfront_page(), monitor_page(), wire_page()]
    for sample in samples:
        assert store.write_page(*sample).status == "new"
    before = store.dump()
    for sample in samples:
        assert store.write_page(*sample).status == "unchanged"
    assert store.dump() == before
    assert before["pages"] and before["mentions"] and before["incidents"] and before["comments"] == []


def test_store_reopen_keeps_schema_and_rows(store_url):
    with open_store(store_url) as s:
        s.write_page(*monitor_page())
        before = s.dump()
    with open_store(store_url) as s:
        assert s.dump() == before
        assert s.schema_version() == LATEST_VERSION


def test_store_corrected_page_supersedes_and_keeps_history(store):
    page, article, mentions = monitor_page()
    first = store.write_page(page, article, mentions)
    store.write_page(*wire_page())
    corrected_text = article.paragraphs[0].replace("22 members", "24 members")
    page2 = dataclasses.replace(page, content=page.content.replace("22 members", "24 members"))
    article2 = dataclasses.replace(article, paragraphs=[corrected_text, *article.paragraphs[1:]])
    mention2 = dataclasses.replace(mentions[0], fatalities=24, fatalities_low=24)
    second = store.write_page(page2, article2, [mention2])
    assert second.status == "superseded" and second.superseded == first.page_id
    assert store.count("pages") == 2 + 1
    old = store.rows("SELECT version, superseded_by FROM pages WHERE id = ?", (first.page_id,))
    assert old == [{"version": 1, "superseded_by": second.page_id}]
    assert store.count("mentions", "superseded_by IS NOT NULL") == 1  # history kept
    events = query.events(store)
    assert sorted(e.mention.fatalities for e in events) == [22, 24]
    (incident,) = query.incidents(store)
    assert len(incident.mention_ids) == 2
    assert (incident.fatalities_low, incident.fatalities_high) == (22, 24)
    # the old version again is not a new version
    assert store.write_page(page, article, mentions).status == "unchanged"
    assert store.count("pages", "superseded_by IS NULL") == 2


def test_store_a_newer_coder_recodes_an_unchanged_page(store):
    """The same page coded by a newer coder replaces the old coder's events; the same coder again is a no-op."""
    page, article, mentions = monitor_page()
    first = store.write_page(page, article, mentions)
    recoded = [dataclasses.replace(m, coder="frontwire-rules/9.9.9", fatalities=23) for m in mentions]
    second = store.write_page(page, article, recoded)
    assert second.status == "superseded" and second.superseded == first.page_id
    assert [e.mention.fatalities for e in query.events(store)] == [23]
    assert store.write_page(page, article, recoded).status == "unchanged"


def _run_writer(url: str, n: int, kill_after: int | None = None) -> int:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    proc = subprocess.Popen(
        [sys.executable, str(WRITER), url, str(n)], stdout=subprocess.PIPE, text=True, env=env
    )
    committed = 0
    assert proc.stdout is not None
    for _line in proc.stdout:
        committed += 1
        if kill_after is not None and committed >= kill_after:
            os.kill(proc.pid, signal.SIGKILL)
            break
    proc.wait(timeout=120)
    return committed if kill_after is None else proc.returncode


def test_store_sigkill_mid_ingest_then_resume_equals_clean_run(store_url, tmp_path):
    n = 60
    assert _run_writer(store_url, n, kill_after=15) == -signal.SIGKILL
    with open_store(store_url) as s:
        partial = s.count("pages")
        assert 15 <= partial < n
        assert s.count("mentions") == 3 * partial  # every committed page is whole
    assert _run_writer(store_url, n) == n  # resume: re-run the whole batch
    clean = str(tmp_path / "clean.sqlite")
    assert _run_writer(clean, n) == n
    with open_store(store_url) as resumed, open_store(clean) as reference:
        assert resumed.count("pages") == n
        assert _dump_without_clock(resumed) == _dump_without_clock(reference)


def test_store_reader_sees_consistent_data_during_write(store_url):
    with open_store(store_url):
        pass  # migrate before the writer starts
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    writer = subprocess.Popen(
        [sys.executable, str(WRITER), store_url, "80"], stdout=subprocess.DEVNULL, env=env
    )
    checks = 0
    with open_store(store_url, read_only=True) as reader:
        while writer.poll() is None or checks == 0:
            with reader.snapshot():
                pages = reader.count("pages")
                mentions = reader.count("mentions")
                links = reader.count("incident_mentions")
                members = reader.rows("SELECT COALESCE(SUM(n_mentions), 0) AS n FROM incidents")[0]["n"]
            assert mentions == 3 * pages
            assert links == mentions == int(members)
            checks += 1
            time.sleep(0.01)
    assert writer.returncode == 0
    assert checks > 1
