"""Small helpers to build the typing regexes from word lists (one alternation, longest first)."""

from __future__ import annotations

from collections.abc import Iterable


def alternation(patterns: Iterable[str]) -> str:
    """`a|b|c` of regex fragments, each in a non-capturing group, longest first so the longest wins."""
    return "|".join(f"(?:{p})" for p in sorted(set(patterns), key=len, reverse=True))
