"""Sentences that only state an event's toll, as conflict monitors' event notes write them.

Notes close on a casualty line of their own: "5 fatalities.", "1 fatality.", "Fatalities coded as 10.",
"3 fatalities (2 soldiers and 1 civilian).", "No fatalities reported.", "Fatalities unknown.". Such a
sentence has no event cue, so it would never join the event told just before it; `is_toll_statement`
says which sentences are these, and the coder joins them to that event as a detail (grouping.py), where
they give the fatalities (figures.py reads the idioms). Written from the codebook's fatality rules and
the usual form of event notes, not from any evaluation row.
"""

from __future__ import annotations

import re

from frontwire.events.numbers import NUM
from frontwire.events.rules.classify import Typing

# The typing of a toll line: it joins the event just reported as a detail and never starts one.
TOLL_DETAIL = Typing("none:toll", "", 0.0, ())

# The whole sentence is a casualty line: a count or "no"/"unknown" with fatality or death words, and
# at most a parenthesis or a short tail ("were reported on both sides", "in this event").
_TOLL_LINE = re.compile(
    rf"^\s*(?:(?:at least|about|around|some|over|nearly)\s+)?(?:{NUM}|no|zero)\s+"
    r"(?:(?:reported|confirmed|recorded|total)\s+)?(?:fatalit(?:y|ies)|deaths?|casualties)\b"
    r"|^\s*fatalit(?:y|ies)(?:\s+(?:were|are|was))?\s+"
    r"(?:coded|unknown|not known|unreported|reported|estimated|:|count)"
    r"|^\s*(?:no|zero)\s+(?:one|people|persons|person)\s+(?:was|were)\s+(?:reported\s+)?(?:killed|dead)"
    r"|^\s*(?:there\s+were\s+)?no\s+(?:reported\s+)?(?:fatalit(?:y|ies)|deaths|casualties)",
    re.I,
)
# A casualty line is short: a longer sentence with such a start tells more (an act) and is typed itself.
_MAX_WORDS = 16


def is_toll_statement(text: str) -> bool:
    """Whether `text` only states a toll ("6 fatalities.", "Fatalities coded as 10.", "No fatalities.")."""
    return len(text.split()) <= _MAX_WORDS and bool(_TOLL_LINE.search(text))
