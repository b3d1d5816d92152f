"""Words of armed groups' and forces' names that are also towns somewhere: no place of the text.

"Haram" in "Boko Haram" is a village in Norway, "Shabaab" in "al-Shabaab" one in Iran, "Peninsula" in
"al-Qaeda in the Arabian Peninsula" a town in the United States, and "Taliban" a village in Turkey. Told in
an article, each such word voted for its town's country and could decide where a story with no country
named is set.

The names are the actor lexicon's (data/actors.toml: each group's name and aliases), the names the event
coder knows. A span is dropped only when it lies inside one of them as written in the text and its name
is no country or province: "Kenya" in "Kenya Defence Forces" and "Balochistan" in "Balochistan Liberation
Army" still tell where the story is. A one-word name told as a place ("in Fano", "the town of Azov") is the
place: Fano is a city in Italy as well as an Ethiopian militia.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections import defaultdict
from importlib import resources

_PARENTHESIS = re.compile(r"\s*\([^)]*\)")
_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
# Words that tell a place right before a name: "in Fano", "the town of Azov".
_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|outside|into|(?:town|city|village|port) of)\s+$")


@functools.cache
def organisation_names() -> dict[str, tuple[str, ...]]:
    """Each lower-cased word of a group's name or alias -> the lower-cased names that hold it."""
    raw = resources.files("frontwire").joinpath("data/actors.toml").read_text(encoding="utf-8")
    names: set[str] = set()
    for entry in tomllib.loads(raw).get("actor", []):
        for name in [entry.get("name", ""), *entry.get("aliases", [])]:
            name = _PARENTHESIS.sub("", name.split(": ", 1)[-1]).strip()
            if name and "{" not in name:
                names.add(name.lower())
    by_word: defaultdict[str, set[str]] = defaultdict(set)
    for name in names:
        for word in _WORD.findall(name):
            by_word[word].add(name)
    return {word: tuple(sorted(held, key=len, reverse=True)) for word, held in by_word.items()}


def inside_organisation(lowered: str, start: int, end: int) -> bool:
    """The span `start:end` of a text (given lower-cased) lies inside a group's name written there."""
    table = organisation_names()
    words = _WORD.findall(lowered[start:end])
    if not words:
        return False
    names = table.get(words[0], ())
    if not names:
        return False
    placed = _PLACE_BEFORE.search(lowered, max(0, start - 30), start) is not None
    for name in names:
        if placed and " " not in name:
            continue  # "a protest in Fano": a one-word name told as a place is the place (Fano, Italy)
        lo = max(0, end - len(name))
        at = lowered.find(name, lo, start + len(name))
        while at != -1 and at <= start:
            stop = at + len(name)
            if stop >= end and _bounded(lowered, at, stop):
                return True
            at = lowered.find(name, at + 1, start + len(name))
    return False


def _bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or after.isalnum())
