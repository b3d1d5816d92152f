"""Fatality figures read from a sentence, coded by ACLED's conservative rule.

Hands a `Fatalities` (value, low, high, the words as written, or a rejection reason) to the extractor.

Rules: the lowest credible figure ("at least 21" -> 21, "between 3 and 7" -> 3 with low 3, high 7);
"tens" 10, "dozens"/"a dozen" 12, "hundreds" 100, "scores" 20, "thousands" 1000 (ACLED's FAQ for the
first three; the others follow the same lowest-reading logic). Words with no number are coded to the
smallest count they can mean: "several" 3, "a few", "many", "multiple", "a number of" 2. Injuries are
never counted; "killed or injured" lumps both and is skipped. A single named or described victim
("a young man was killed") is 1.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The deadliest single-day, single-place events in ACLED's and UCDP's data are in the low tens of
# thousands; a larger figure for one event is a typo, rhetoric or a cumulative total.
MAX_EVENT_FATALITIES = 50_000

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_VAGUE = {
    "a dozen": 12, "dozens": 12, "dozens of": 12, "tens": 10, "tens of": 10, "hundreds": 100, "hundreds of": 100,
    "scores": 20, "scores of": 20, "thousands": 1000, "thousands of": 1000, "several": 3, "a few": 2, "many": 2,
    "multiple": 2, "a number of": 2, "numerous": 2, "an unknown number of": 2, "an unspecified number of": 2,
    "an undetermined number of": 2, "an unconfirmed number of": 2,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}

_WORDNUM = (
    r"(?:(?:"
    + "|".join(_TENS)
    + r")(?:[- ](?:"
    + "|".join(k for k in _UNITS if _UNITS[k] < 10 and k != "zero")
    + r"))?"
    r"|" + "|".join(sorted(_UNITS, key=len, reverse=True)) + r")"
)
_NUM = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|" + _WORDNUM + r")(?:\s+(?:hundred|thousand|million|billion))?"
    r"|a dozen|dozens(?: of)?|tens(?: of)?|hundreds(?: of)?|scores(?: of)?|thousands(?: of)?|several|a few|many"
    r"|multiple|a number of|numerous|an (?:unknown|unspecified|undetermined|unconfirmed) number of"
)
_QUALIFIER = (
    r"(?:at least|more than|over|nearly|almost|about|around|some|approximately|roughly|up to|as many as|an estimated"
    r"|a total of|a minimum of|at most|no fewer than|no less than)"
)
_RANGE = (
    rf"(?:(?:{_QUALIFIER}\s+)?(?:between\s+)?(?P<a>{_NUM})"
    rf"(?:\s*(?:-|–|—|to|and|or)\s*(?:{_QUALIFIER}\s+)?(?P<b>{_NUM}))?)"
)
_KILL = (
    r"(?:killed|dead|died|slain|martyred|murdered|executed|massacred|shot dead|gunned down|lost their lives"
    r"|perished|beheaded|burned to death|beaten to death|hacked to death|stabbed to death)"
)
# Words allowed between a figure and its kill verb ("10 people from three generations of the X family
# were killed"): 12 covers the longest descriptions in our own snippets; injuries in between disqualify.
_VICTIM_WORDS = r"(?:[\w'’-]+,?\s+){0,12}?"
_REPORTED = r"(?:(?:reportedly|reported(?: to have been)?|also|allegedly|all|later|confirmed|likely)\s+){0,2}"
_AUX = r"(?:were|was|have been|had been|are|being|got)"
_PATTERNS = (
    re.compile(rf"\bdeath toll\s+(?:\w+\s+){{0,3}}?(?:to|at|of|reached|is|was)\s+{_RANGE}", re.I),
    re.compile(
        rf"\b{_RANGE}\s+{_VICTIM_WORDS}(?:{_AUX}\s+)?{_REPORTED}(?:\w+ly\s+)?{_KILL}\b",
        re.I,
    ),
    re.compile(
        rf"\b(?:killing|killed|kill|claimed the lives of|leaving|left|massacred|executed|deaths? of"
        rf"|killed alongside|lost|a family of)\s+{_RANGE}\b",
        re.I,
    ),
    re.compile(
        rf"\b{_RANGE}\s+(?:\w+\s+)?(?:deaths|fatalities|bodies|corpses|casualties were killed)\b", re.I
    ),
)
_SINGLE = re.compile(
    r"\b(?:a|an|one)\s+(?:[\w-]+\s+){0,3}?(?:man|woman|boy|girl|child|person|civilian|journalist|teenager|farmer"
    r"|soldier|officer|policeman|doctor|paramedic|nurse|teacher|student|worker|infant|baby|fighter|militant)\b"
    r"[^.;]{0,60}?\b(?:was|has been|had been)\s+(?:\w+ly\s+)?" + _KILL + r"\b",
    re.I,
)
_INJURY_NEAR = re.compile(r"\b(?:injur\w*|wound\w*|hurt)\b", re.I)
_LUMPED = re.compile(r"\b(?:killed|dead)\s+(?:or|and/or)\s+(?:injured|wounded)\b", re.I)
_PARENTHETICAL = re.compile(
    r",\s*(?:including|among them|a|an|the|most of them|mostly)\s+[^,]*,|\([^)]*\)|\s[—–]\s[^—–]*\s[—–]\s"
)
# An aside set off by commas is blanked only when it reports no killing: ", an airstrike killed 20
# civilians," is the main clause of "On 10 May, an airstrike killed 20 civilians, including ...".
_KILL_IN_ASIDE = re.compile(rf"\b(?:{_KILL}|killing|kill)\b", re.I)


def _blank_asides(text: str) -> str:
    def blank(m: re.Match[str]) -> str:
        return m.group(0) if _KILL_IN_ASIDE.search(m.group(0)) else " " * len(m.group(0))

    return _PARENTHETICAL.sub(blank, text)


# Numbers that are not counts of people: clock times, years, ages, and "including ..." breakdowns
# ("at least 25 civilians, including seven women and ten children, were killed": 25, not 7).
_MONTH_NAMES = "January February March April May June July August September October November December".split()
_NOT_COUNTS = re.compile(
    r"\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?(?!\w)"
    r"|\b(?:19|20)\d\d\b(?!\s+(?:people|persons|civilians|dead|were|killed))"
    r"|\b(?:" + "|".join(_MONTH_NAMES) + r")\s+\d{1,2}(?:st|nd|rd|th)?\b(?:,?\s+(?:19|20)\d\d\b)?"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:" + "|".join(_MONTH_NAMES) + r")\b(?:,?\s+(?:19|20)\d\d\b)?"
    r"|\b(?:aged\s+)?(?:\d{1,3}|a|an|" + _WORDNUM + r")(?:\s+|-)(?:years?|months?|weeks?|days?)(?:\s+|-)old\b"
    r"|\baged\s+\d{1,3}\b"
    r"|,?\s+(?:including|among them|among whom)\b[^.;]*?,?(?=\s+(?:were|was|have been|had been)\s)",
    re.I,
)


def mask_non_counts(text: str) -> str:
    """`text` with times, dates, years, ages and "including ..." breakdowns blanked (same length)."""
    return _NOT_COUNTS.sub(lambda m: " " * len(m.group(0)), text)


@dataclass(frozen=True, slots=True)
class Fatalities:
    value: int | None = None
    low: int | None = None
    high: int | None = None
    as_written: str | None = None
    rejected: str | None = None
    civilians: int | None = None  # civilians among the dead, when the text counts them apart


def parse_number(text: str) -> int | None:
    """A count written in digits or words ("21", "1,200", "twenty-one", "dozens") as an int, or None."""
    t = text.strip().lower()
    if t in _VAGUE:
        return _VAGUE[t]
    parts = t.split()
    scale = 1
    if len(parts) > 1 and parts[-1] in _SCALES:
        scale = _SCALES[parts[-1]]
        t = " ".join(parts[:-1])
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?", t):
        return int(float(t.replace(",", "")) * scale)
    t = t.replace("-", " ")
    words = t.split()
    if len(words) == 1 and words[0] in _UNITS:
        return _UNITS[words[0]] * scale
    if words and words[0] in _TENS:
        unit = _UNITS.get(words[1], 0) if len(words) > 1 else 0
        return (_TENS[words[0]] + unit) * scale
    return None


def find_fatalities(text: str) -> Fatalities:
    """The fatality figure a sentence reports, or an empty `Fatalities` when it reports none."""
    if _LUMPED.search(text):
        return Fatalities()
    clean = _blank_asides(mask_non_counts(text))
    best: tuple[int, re.Match[str]] | None = None
    for pattern in _PATTERNS:
        for m in pattern.finditer(clean):
            if _INJURY_NEAR.search(m.group(0)):
                continue
            if best is None or m.start() < best[1].start():
                best = (0, m)
            break
    if best is None:
        single = _SINGLE.search(clean)
        if single and not _INJURY_NEAR.search(single.group(0)):
            return Fatalities(value=1, as_written=single.group(0))
        return Fatalities()
    m = best[1]
    written = " ".join(text[m.start() : m.end()].split())
    a = parse_number(m.group("a"))
    b = parse_number(m.group("b")) if m.group("b") else None
    if a is None:
        return Fatalities()
    if max(a, b or 0) > MAX_EVENT_FATALITIES:
        return Fatalities(as_written=written, rejected=f"implausible figure for one event: {written!r}")
    if b is not None and b >= a:
        return Fatalities(value=a, low=a, high=b, as_written=written)
    return Fatalities(value=a, as_written=written)


# A count of civilians among the dead, stated apart from combatants: "six members, five of them
# civilians"; "a commander was killed alongside at least 24 civilians"; "19 civilians and two militants".
_CIVILIAN_NOUN = r"(?:civilians?|non-combatants?|bystanders?)"
_CIVILIANS = (
    re.compile(rf"\b(?P<a>{_NUM})\s+of\s+(?:them|whom)\s+(?:were\s+)?(?:\w+\s+)?{_CIVILIAN_NOUN}\b", re.I),
    re.compile(
        rf"\b{_RANGE}\s+(?:(?:identified|confirmed|named|other|more|further)\s+)?{_CIVILIAN_NOUN}\b", re.I
    ),
)
_COMBATANT_WORDS = "militants? combatants? fighters? commanders? operatives? members\\s+of\\s+(?:the\\s+)?\\w+\\s+(?:wing|brigades?)"
_COMBATANT = re.compile(r"\b(?:" + "|".join(_COMBATANT_WORDS.split()) + r")\b", re.I)


def find_civilians(text: str) -> int | None:
    """How many of a sentence's dead it says were civilians: "N of them civilians", or a civilian
    figure in a sentence that also counts combatants among the dead."""
    if not _KILL_IN_ASIDE.search(text):
        return None
    clean = mask_non_counts(text)
    for pattern, needs_combatant in zip(_CIVILIANS, (False, True), strict=True):
        if needs_combatant and not _COMBATANT.search(clean):
            continue
        m = pattern.search(clean)
        tail = re.split(r"[,.;]", clean[m.end() : m.end() + 25])[0] if m else ""
        if m and not _INJURY_NEAR.search(m.group(0) + tail):
            return parse_number(m.group("a"))
    return None
