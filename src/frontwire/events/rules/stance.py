"""Sentences that take a stance on events instead of telling one: arms described, conditions and
comparisons with the past.

`filters.non_event_reason` asks `stance_reason` about sentences of a whole article. Each is a way news
English mentions an act without asserting that it happened then and there (codebook: an event is an
occurrence told as having happened):

- arms described, not used: the cue word sits in "armed with rifles and rocket launchers", "carrying
  grenades", "equipped with drones";
- a condition: a sentence that opens on "If" or "Unless" ("If the rebels attack the town, ...");
- a comparison with the past: "was the deadliest attack in the agency's history", "the worst violence
  in months".

A comparison that also tells an act on a day of its own ("the deadliest attack in months killed five
on Monday") is left to report that act. Denials were tried as well (read as a detail of the event
before them): they took more events than they removed, and `claims` handles them as attributions.

Written from how English news phrases these, not from any article.
"""

from __future__ import annotations

import re

from frontwire.events.rules.discourse import told_here

# Words that describe weapons someone holds, in the few words before the cue.
_POSSESSION = re.compile(
    r"\b(?:armed with|equipped with|carrying|carried|possess(?:es|ed|ing)?|arsenal of|stockpiles? of"
    r"|caches? of|supplies of|supplied with|in possession of|fitted with|mounted with)\b[^.;]{0,60}$",
    re.I,
)
_CONDITION = re.compile(r"^[\"“]?(?:if|unless|should the|were the|in the event that)\b", re.I)
_SUPERLATIVES = (
    r"deadliest|bloodiest|worst|largest|biggest|heaviest|fiercest|most (?:deadly|violent|intense|serious)"
    r"|second[- ]deadliest|third[- ]deadliest"
)
_COMPARISON = re.compile(
    rf"\b(?:was|is|were|are|marks?|marked|became|becomes|remains?|been)\s+(?:\w+\s+)?(?:the\s+)?"
    rf"(?:[\w-]+\s+)?(?:{_SUPERLATIVES})\b",
    re.I,
)
# What a vehicle carries when "carrying" is no possession of arms: "a vehicle carrying security
# personnel with an IED" tells the blast, not what the personnel held.
_CARRIED_PEOPLE = re.compile(
    r"\b(?:personnel|soldiers|troops|police(?:men)?|officers|passengers|civilians|pilgrims|workers|people"
    r"|students|children|migrants|refugees|fighters|militants|prisoners|guards|officials|members)\b",
    re.I,
)


def stance_reason(text: str, trigger: tuple[int, int] | None) -> str | None:
    """Why `text` takes a stance on events rather than telling one, or None. `trigger` is the cue's span."""
    held = _POSSESSION.search(text[max(0, trigger[0] - 80) : trigger[0]]) if trigger is not None else None
    if held is not None and not _CARRIED_PEOPLE.search(held.group(0)):
        return "arms described, not used"
    if _CONDITION.match(text):
        return "a condition: what would happen if"
    if _COMPARISON.search(text) and not told_here(text):
        return "comparison with earlier events"
    return None
