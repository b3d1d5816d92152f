"""Counts as news writes them: digits, number words, vague quantities, with their qualifiers.

Hands regex fragments (`NUM`, `QUALIFIER`, `RANGE`) and `parse_number` to the fatality reader
(figures.py) and the victim counter (victims.py).

Vague words are read at the lowest count they can mean (ACLED's conservative rule): "tens" 10,
"dozens"/"a dozen" 12, "hundreds" 100 (ACLED's FAQ), "scores" 20, "thousands" 1000 (the same logic),
"several" 3, "a few", "many", "multiple", "a number of" 2.
"""

from __future__ import annotations

import re

UNITS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"
        " sixteen seventeen eighteen nineteen".split()
    )
}
TENS = {w: 10 * i for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)}
# The lowest count each vague word can mean; "_" stands for a space.
VAGUE = {
    w.replace("_", " "): n
    for n, words in (
        (12, "a_dozen dozens dozens_of"),
        (10, "tens tens_of"),
        (100, "hundreds hundreds_of"),
        (20, "scores scores_of"),
        (1000, "thousands thousands_of"),
        (3, "several"),
        (2, "a_few many multiple a_number_of numerous an_unknown_number_of an_unspecified_number_of"),
        (2, "an_undetermined_number_of an_unconfirmed_number_of"),
    )
    for w in words.split()
}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
_QUALIFIERS = [
    q.replace("_", " ")
    for q in (
        "at_least more_than over nearly almost about around some approximately roughly up_to as_many_as"
        " an_estimated a_total_of a_minimum_of at_most no_fewer_than no_less_than"
    ).split()
]


def _alternation(words: object) -> str:
    return "|".join(re.escape(w).replace(r"\ ", " ") for w in sorted(words, key=len, reverse=True))  # type: ignore[arg-type]


WORDNUM = (
    rf"(?:(?:{_alternation(TENS)})(?:[- ](?:{_alternation(k for k in UNITS if 0 < UNITS[k] < 10)}))?"
    rf"|{_alternation(UNITS)})"
)
NUM = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|{WORDNUM})(?:\s+(?:{_alternation(SCALES)}))?"
    rf"|{_alternation(VAGUE)}"
)
QUALIFIER = rf"(?:{_alternation(_QUALIFIERS)})"
RANGE = (
    rf"(?:(?:{QUALIFIER}\s+)?(?:between\s+)?(?P<a>{NUM})"
    rf"(?:\s*(?:-|–|—|to|and|or)\s*(?:{QUALIFIER}\s+)?(?P<b>{NUM}))?)"
)


def parse_number(text: str) -> int | None:
    """A count written in digits or words ("21", "1,200", "twenty-one", "dozens") as an int, or None."""
    t = text.strip().lower()
    if t in VAGUE:
        return VAGUE[t]
    parts = t.split()
    scale = 1
    if len(parts) > 1 and parts[-1] in SCALES:
        scale = SCALES[parts[-1]]
        t = " ".join(parts[:-1])
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?", t):
        return int(float(t.replace(",", "")) * scale)
    words = t.replace("-", " ").split()
    if len(words) == 1 and words[0] in UNITS:
        return UNITS[words[0]] * scale
    if words and words[0] in TENS:
        unit = UNITS.get(words[1], 0) if len(words) > 1 else 0
        return (TENS[words[0]] + unit) * scale
    return None
