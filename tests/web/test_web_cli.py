"""`frontwire serve` options: an example in the help, tile URLs checked, the policy widened only for tiles."""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from frontwire.errors import ConfigError
from frontwire.web.cli import register
from frontwire.web.security import content_security_policy
from frontwire.web.settings import ServeSettings, check_tiles

OSM = "https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png"


def test_serve_is_documented_with_an_example() -> None:
    parser = argparse.ArgumentParser(prog="frontwire")
    register(parser.add_subparsers(dest="command"))
    sub = parser._subparsers._group_actions[0].choices["serve"]  # type: ignore[union-attr]
    assert "Example: frontwire serve" in sub.description
    args = parser.parse_args(["serve", "--db", "x.sqlite"])
    assert (args.host, args.port, args.token_file, args.tiles) == ("127.0.0.1", 8000, None, None)


def test_tile_urls_are_checked() -> None:
    assert check_tiles(OSM) == OSM
    for bad in ("javascript:alert(1)//{z}{x}{y}", "https://tiles.example/{z}/{x}.png", "ftp://a/{z}/{x}/{y}"):
        with pytest.raises(ConfigError):
            check_tiles(bad)


def test_policy_allows_the_tile_host_only_for_images() -> None:
    policy = content_security_policy(OSM)
    assert "img-src 'self' data: https://*.tile.openstreetmap.org" in policy
    assert "script-src 'self';" in policy and "connect-src 'self';" in policy
    assert "openstreetmap" not in content_security_policy(None)
    assert ServeSettings(tiles=OSM).tile_origin == "https://a.tile.openstreetmap.org"


def test_serve_command_runs_and_refuses_a_missing_database(web_db: Path, tmp_path: Path) -> None:
    bad = subprocess.run(
        [sys.executable, "-m", "frontwire.web.cli", "serve", "--db", str(tmp_path / "none.sqlite")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert bad.returncode == 2 and "no such database" in bad.stderr
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "frontwire.web.cli", "serve", "--db", str(web_db), "--port", str(port)],
        stderr=subprocess.PIPE,
    )
    r = None
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        assert r is not None and r.status_code == 200 and r.json()["incidents"] > 0
        assert httpx.post(f"http://127.0.0.1:{port}/api/pages", json={}).status_code in (404, 405)
    finally:
        proc.terminate()
        proc.wait(10)
