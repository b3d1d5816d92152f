"""Options that used to hide their cause (0 events and exit 0, or "serving on" then exit 3) now stop the
command with one line naming the cause and a non-zero exit. Real processes, real sockets on loopback."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "examples" / "pages" / "hama-shelling-wordpress.html"


def _frontwire(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "frontwire.cli", *args], capture_output=True, text=True, timeout=timeout
    )


def _bad_files(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """Each kind of bad user file, with the words its error must say."""
    broken = tmp_path / "broken.toml"
    broken.write_text("this is [not toml\n", encoding="utf-8")
    typo = tmp_path / "typo.toml"  # valid TOML, but the tables are misnamed: nothing would be loaded
    typo.write_text('[[actors]]\nname = "Local Militia"\n[[identities]]\nname = "Medics"\n', encoding="utf-8")
    return {
        "missing": (tmp_path / "absent.toml", "no such file"),
        "broken": (broken, "cannot read"),
        "typo": (typo, "no [["),
    }


@pytest.mark.parametrize("command", ["extract", "ingest"])
@pytest.mark.parametrize("option", ["--actors", "--identities"])
@pytest.mark.parametrize("kind", ["missing", "broken", "typo"])
def test_bad_lexicon_file_is_an_error_naming_it(tmp_path: Path, command: str, option: str, kind: str) -> None:
    path, words = _bad_files(tmp_path)[kind]
    args = [command, str(PAGE), option, str(path)]
    if command == "ingest":
        args += ["--db", str(tmp_path / "x.sqlite")]
    done = _frontwire(*args)
    assert done.returncode != 0, done.stderr
    assert str(path) in done.stderr and words in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout == ""  # nothing extracted with the user's dictionary silently missing


def test_a_good_lexicon_file_still_works(tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text(
        '[[actor]]\nname = "Hama Youth Brigade"\ninter = 3\naliases = ["Hama Youth Brigade"]\n', encoding="utf-8"
    )
    done = _frontwire("extract", str(PAGE), "--actors", str(mine), "--format", "json")
    assert done.returncode == 0, done.stderr
    assert '"event_type"' in done.stdout


def _closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("url", ["http://127.0.0.1:{port}/v1", "http://no-such-host.invalid/v1"])
@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_unreachable_llm_url_is_an_error_naming_it(tmp_path: Path, url: str, command: str) -> None:
    url = url.format(port=_closed_port())
    args = [command, str(PAGE), "--extractor", "openai-compatible", "--llm-url", url, "--llm-model", "m"]
    if command == "ingest":
        args += ["--db", str(tmp_path / "x.sqlite")]
    done = _frontwire(*args, timeout=120)
    assert done.returncode != 0, done.stderr
    assert url.rstrip("/") in done.stderr and "cannot be reached" in done.stderr, done.stderr
    assert "0 failed" not in done.stderr


def test_serve_on_a_port_in_use_says_so(tmp_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        db = tmp_path / "empty.sqlite"
        assert _frontwire("ingest", str(PAGE), "--db", str(db)).returncode == 0
        done = _frontwire("serve", "--db", str(db), "--port", str(port), timeout=60)
    assert done.returncode not in (0, 3), done.stderr
    assert f"127.0.0.1:{port}" in done.stderr and "in use" in done.stderr, done.stderr
    assert "serving" not in done.stderr
