"""Names the web tests share (a plain module: `from conftest import` is ambiguous across test folders)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from frontwire.web import ServeSettings

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "pages"
CANONICAL = ROOT / ".." / "shared" / "pages" / "southfront-2024-05-airstrikes-central-syria.txt"
XSS_PAGE = Path(__file__).resolve().parent / "pages" / "xss-title.html"
PRESS_PAGE = Path(__file__).resolve().parent / "pages" / "press-car-strike.html"
XSS_TITLE = "<img src=x onerror=alert(1)>"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# A server that has not answered within this time is broken, not slow.
START_TIMEOUT_S = 15.0


@dataclass(slots=True)
class Live:
    """A running server: its base URL and the database behind it."""

    url: str
    db: Path
    settings: ServeSettings
