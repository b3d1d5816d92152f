"""Where the learned head overrules the rules, sentence by sentence.

The rules stay in charge of every slot (actors, dates, places, fatalities, claims) and of most types.
The head is asked about candidate sentences only: those where the lexicon found a cue. It

- adds an event where the rules found a cue of a sub-type but too weak a score to count (their most
  frequent miss on text they were not written for), when the head's best reading is that sub-type
  with a probability that clears `add`;
- changes the rules' sub-type to its own when the two sit in one of the rules' known confusions
  (Armed clash / Attack, the protest and riot types, ...), the sentence has a cue of the head's
  sub-type too, and the head's confidence clears `retype`.

Both ask the head to agree with some evidence the rules saw: alone, the head overruled the rules more
often wrongly than rightly on the even half of CASE 2021 dev. The thresholds were chosen there
(NOTES-learned.md) and are stored in the head artifact, so a retrained head carries its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from frontwire.events.rules.classify import EVENT_TYPES, Cue, Typing

# Groups of sub-types the rules confuse among themselves; the head may move a sentence within a group.
CONFUSIONS: tuple[frozenset[str], ...] = (
    frozenset(
        {"Armed clash", "Attack", "Government regains territory", "Non-state actor overtakes territory"}
    ),
    frozenset(
        {
            "Peaceful protest",
            "Protest with intervention",
            "Excessive force against protesters",
            "Violent demonstration",
            "Mob violence",
        }
    ),
    frozenset({"Attack", "Mob violence", "Looting/property destruction", "Abduction/forced disappearance"}),
    frozenset(
        {"Arrests", "Change to group/activity", "Agreement", "Other", "Non-violent transfer of territory"}
    ),
)
# The score a sentence the head adds gets, for choosing a snippet's main event among typed sentences:
# the rules' least event score, so a sentence the rules typed on their own outranks it.
ADDED_SCORE = 2.0
# Chosen on the even half of CASE 2021 dev (rules alone 0.774) with the word table distilled from
# multilingual-e5-small: adding at a best-reading probability of 0.3 / 0.4 / 0.5 / 0.6 / 0.7 scored
# 0.781 / 0.785 / 0.785 / 0.781 / 0.778; adding without a cue of the same sub-type 0.768-0.776. Retyping
# within a confusion group at 0.4 / 0.6 / 0.8 scored 0.776 / 0.774 / 0.774, retyping anywhere 0.744-0.774,
# retyping when the head's reading is 3 / 10 / 30 times as probable as the rules' sub-type 0.788 / 0.774 /
# 0.774 (and 0.788 / 0.801 / 0.820 on the odd half, against 0.825 for the rules), vetoing a rules event
# the head reads as no event at 0.5-0.95 0.773-0.774: so retyping and vetoing stay off (above 1).
DEFAULT_THRESHOLDS = {"add": 0.5, "retype": 1.01}


@dataclass(frozen=True, slots=True)
class Reading:
    """The head's reading of one sentence: its most probable label (a sub-type or NONE) and how sure."""

    label: str
    confidence: float

    @classmethod
    def of(cls, probabilities: np.ndarray, labels: Sequence[str]) -> Reading:
        best = int(np.argmax(probabilities))
        return cls(labels[best], float(probabilities[best]))


def confusable(a: str, b: str) -> bool:
    return any(a in group and b in group for group in CONFUSIONS)


def combine(
    rules: Typing | None, reading: Reading, cues: Sequence[Cue], thresholds: dict[str, float]
) -> Typing | None:
    """The typing to keep: the rules', the rules' with the head's sub-type, or a new one from the head."""
    cued = {c.sub_type for c in cues}
    if rules is None:
        if reading.label in cued and reading.confidence >= thresholds["add"]:
            return Typing(reading.label, EVENT_TYPES[reading.label], ADDED_SCORE, tuple(cues))
        return None
    if rules.sub_type.startswith("none:") or not rules.event_type:
        return rules
    if (
        reading.label in cued
        and reading.label != rules.sub_type
        and reading.confidence >= thresholds["retype"]
        and confusable(reading.label, rules.sub_type)
    ):
        return Typing(reading.label, EVENT_TYPES[reading.label], rules.score, rules.cues)
    return rules
