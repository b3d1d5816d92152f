"""The guard stops a really hung parser and goes on with a fresh worker."""

import re
import time
from pathlib import Path

import pytest

from frontwire.config import Settings
from frontwire.errors import ExtractionError, ExtractionTimeout
from frontwire.records import Article, Page
from frontwire.run.batch import BatchStats, result_to_dict, run_batch
from frontwire.run.guard import Guard

PAGE = Page(source="inputs/ambush.txt", kind="text", content="Gunmen ambushed a patrol near Palmyra.\n")
# Catastrophic backtracking: matching this against a long run of "a" followed by "!" never ends in
# practice, and the regex engine holds the GIL in C code, so nothing inside the process can stop it.
EVIL = re.compile(r"^(a+)+$")


def first_line(page: Page, settings: Settings) -> Article:
    return Article(source=page.source, title=page.content.splitlines()[0], extractor="test-first-line")


def hang_on_marker(page: Page, settings: Settings) -> Article:
    if "HANG" in page.content:
        EVIL.match("a" * 64 + "!")
    return first_line(page, settings)


def fail(page: Page, settings: Settings) -> Article:
    raise ValueError("parser exploded")


def test_guard_runs_the_callable_in_a_worker() -> None:
    with Guard(Settings(page_timeout_s=10), first_line) as guard:
        assert guard(PAGE).title == "Gunmen ambushed a patrol near Palmyra."
        assert guard(PAGE).extractor == "test-first-line"
        assert guard.restarts == 1  # one long-lived worker


def test_hung_page_is_stopped_and_the_next_page_runs() -> None:
    hung = Page(source="inputs/hostile.html", kind="html", content="HANG " + "<div>" * 1000)
    with Guard(Settings(page_timeout_s=2.0), hang_on_marker) as guard:
        guard(PAGE)
        started = time.monotonic()
        with pytest.raises(ExtractionTimeout, match="longer than 2 s") as info:
            guard(hung)
        assert time.monotonic() - started < 8
        assert info.value.source == "inputs/hostile.html"
        assert guard(PAGE).title.startswith("Gunmen")
        assert guard.restarts == 2


def test_errors_in_the_callable_name_the_page() -> None:
    with Guard(Settings(page_timeout_s=10), fail) as guard, pytest.raises(ExtractionError) as info:
        guard(PAGE)
    assert str(info.value) == "inputs/ambush.txt: ValueError: parser exploded"


def test_batch_counts_failures_and_goes_on(tmp_path: Path) -> None:
    from frontwire.records import Failure

    items = [
        PAGE,
        Failure(source="missing.txt", message="no such file or directory"),
        Page(source="hostile.html", kind="html", content="HANG", id="h1"),
        Page(source="b.txt", kind="text", content="Shelling hit Idlib.\n", id="b"),
    ]
    stats = BatchStats()
    results = list(run_batch(items, Settings(page_timeout_s=2.0), hang_on_marker, stats))
    assert [r.ok for r in results] == [True, False, False, True]
    assert results[2].id == "h1" and results[2].error.stage == "extract"
    assert (stats.inputs, stats.articles, stats.failed) == (4, 2, 2)
    assert stats.failures == {"read": 1, "extract": 1}
    row = result_to_dict(results[3])
    assert row["id"] == "b" and row["error"] is None and row["article"]["title"] == "Shelling hit Idlib."
    assert row["article"]["body"] == ""
    assert result_to_dict(results[1])["error"] == "no such file or directory"
