"""Telling people's names from place names: "36-year-old Omar Fares" is a person, not ‘Omer in Israel.

A place span found in text is a person's name when

- a person cue stands right before it ("Mr", "his son", "the journalist", "36-year-old", "aged 19"),
- a family cue or an age stands right after it ("the Al-Dous family", "Nazir Shaaban (36 years old)"),
- it is a name particle on its own ("Abu", "Umm": the start of a kunya whose rest is no place),
- or it lies in a run of two or more capitalised words that starts with a common given name
  ("Omar Fares Abu Shawish"), unless the span is that whole run.

The cue words are data (`frontwire/data/geo/persons.toml`), read once on first use.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from importlib import resources

# How far before a name its person cue is looked for, in characters ("his 12-year-old son").
BEFORE_WINDOW = 40
AFTER_WINDOW = 24
_AGE_BEFORE = re.compile(r"\b\d{1,3}[- ]years?[- ]old\s*$|\baged\s+\d{1,3},?\s*$")
_AGE_AFTER = re.compile(
    r"^\s*(?:,\s*(?:aged\s+)?\d{1,3}\s*[,.)]|\(\s*(?:aged\s+)?\d{1,3}\s*(?:years?(?:\s+old)?)?\s*\))"
)


@dataclass(frozen=True)
class PersonRules:
    """Person cues, as read from persons.toml."""

    before: tuple[str, ...]
    after: tuple[str, ...]
    particles: frozenset[str]
    given_names: frozenset[str]

    @functools.cached_property
    def before_pattern(self) -> re.Pattern[str]:
        """Any `before` cue ending the text (longest first), as one compiled pattern."""
        body = "|".join(re.escape(c) for c in self.before)
        return re.compile(rf"(?:^|[^\w-])({body})\.?\s+(?:the\s+)?$")


@functools.cache
def load_person_rules() -> PersonRules:
    """The packaged person cues (read once per process; immutable)."""
    raw = tomllib.loads(resources.files("frontwire").joinpath("data/geo/persons.toml").read_text("utf-8"))
    return PersonRules(
        before=tuple(sorted(raw["cues"]["before"], key=len, reverse=True)),
        after=tuple(sorted(raw["cues"]["after"], key=len, reverse=True)),
        particles=frozenset(raw["cues"]["particles"]),
        given_names=frozenset(raw["given_names"]["names"]),
    )


def _name_run(text: str, start: int, end: int) -> tuple[int, int]:
    """The run of capitalised words (with name particles) around [start, end), as offsets."""
    word = r"(?:[A-Z][\w'’]*(?:-[\w'’]+)*|al|el|bin|ibn|abu|abo|umm|bint)"
    left = re.search(rf"(?:{word}[\s-])+$", text[max(0, start - 80) : start])
    right = re.match(rf"(?:[\s-]{word})+", text[end : end + 80])
    run_start = start - (len(left.group()) if left else 0)
    run_end = end + (len(right.group()) if right else 0)
    return run_start, run_end


def person_reason(text: str, start: int, end: int, *, gazetteer_run: bool = False) -> str | None:
    """Why the name at text[start:end] is a person's (None when nothing says so).

    `gazetteer_run` says the span is already the longest gazetteer name at that place in the
    text, so a run starting with a given name that the gazetteer knows whole ("Hassan Kheyl") stays.
    """
    rules = load_person_rules()
    span = text[start:end]
    if span.lower().strip() in rules.particles:
        return "name particle"
    before = text[max(0, start - BEFORE_WINDOW) : start].lower()
    if _AGE_BEFORE.search(before):
        return "age before the name"
    found = rules.before_pattern.search(before) if rules.before else None
    if found:
        return f"person cue {found.group(1)!r}"
    run_start, run_end = _name_run(text, start, end)
    after = text[run_end : run_end + AFTER_WINDOW]
    if _AGE_AFTER.match(after):
        return "age after the name"
    low_after = after.lower().lstrip()
    for cue in rules.after:
        if low_after.startswith(cue):
            return f"person cue {cue!r}"
    words = re.findall(r"[\w'’]+", text[run_start:run_end])
    whole_run_known = gazetteer_run and (run_start, run_end) == (start, end)
    if len(words) >= 2 and words[0].lower() in rules.given_names and not whole_run_known:
        return f"part of a person's name starting with {words[0]!r}"
    return None
