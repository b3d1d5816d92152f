"""One rule for every CSV cell we write: a cell a spreadsheet would run as a formula is made inert.

safe_cell('=HYPERLINK("http://evil.example")')  -> "'=HYPERLINK(\"http://evil.example\")"
safe_cell(12) -> "12";  safe_cell(None) -> ""

OWASP's rule for CSV injection: a cell starting with = + - @, a tab or a carriage return gets a leading
apostrophe, which spreadsheets show as text and do not evaluate. Numbers are written as numbers (a negative
longitude stays "-3.5"): only text is neutralised.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """`value` as CSV cell text that no spreadsheet evaluates."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, int | float):
        return str(value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text
