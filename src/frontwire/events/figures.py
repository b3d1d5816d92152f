"""Fatality figures read from a sentence, coded by ACLED's conservative rule.

Hands a `Fatalities` (value, low, high, the words as written, or a rejection reason) to the extractor.

Rules: the lowest credible figure ("at least 21" -> 21, "between 3 and 7" -> 3 with low 3, high 7;
vague words as numbers.py reads them). A figure counts only when a death word is bound to it
("N were killed", "killing N", "death toll of N", "N bodies"); counts of households, homes,
buildings, vehicles or weapons, and of people wounded, displaced, arrested or left without power,
are never fatalities. ACLED counts the dead of all sides: "six attackers and two soldiers were
killed" is 8. Injuries are never counted; "killed or injured" lumps both and is skipped. A single
named or described victim ("a young man was killed") is 1.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from frontwire.events.numbers import NUM, QUALIFIER, RANGE, WORDNUM, parse_number

__all__ = ["Fatalities", "find_civilians", "find_fatalities", "mask_non_counts", "parse_number"]

# The deadliest single-day, single-place events in ACLED's and UCDP's data are in the low tens of
# thousands; a larger figure for one event is a typo, rhetoric or a cumulative total.
MAX_EVENT_FATALITIES = 50_000
# A figure above this for one event is read only when its death word sits right next to it (at most
# BIG_FIGURE_MAX_GAP words between: "1,200 people were killed"): large numbers in news are mostly
# households, people displaced or cumulative totals. Set from ACLED's event sizes (single events
# above a thousand dead are rare) and our own snippets.
BIG_FIGURE = 1_000
BIG_FIGURE_MAX_GAP = 3

_KILL_WORDS = (
    "killed", "dead", "died", "slain", "martyred", "murdered", "executed", "massacred", "shot dead",
    "gunned down", "lost their lives", "perished", "beheaded", "burned to death", "beaten to death",
    "hacked to death", "stabbed to death",
)  # fmt: skip
_KILL = "(?:" + "|".join(sorted(_KILL_WORDS, key=len, reverse=True)) + ")"
# Things counted in news that are not people: a number followed by one of these is never a toll.
_THINGS = (
    "households homes houses buildings structures apartments flats shops stores markets schools hospitals"
    " mosques churches tents vehicles cars trucks buses boats ships aircraft planes jets helicopters tanks"
    " drones uavs missiles rockets shells mortars bombs projectiles munitions rounds weapons rifles guns"
    " airstrikes strikes raids attacks sorties targets positions sites facilities posts checkpoints villages"
    " towns hectares acres km kilometres kilometers metres meters miles hours minutes days weeks months years"
    " times percent dollars tons tonnes cattle sheep animals"
    " instances incidents occasions episodes cases events"
).split()
# Words saying what happened to people other than death: the figure they bind to is not a toll.
_NOT_DEAD = (
    r"injur\w* wound\w* hurt displaced evacuat\w* affected arrest\w* detain\w* captur\w* abduct\w*"
    r" kidnap\w* missing rescued without homeless stranded hospitali[sz]ed"
).split()
# Case-sensitive: a capitalised word is part of a name ("Facilities Protection Service personnel").
_THING = re.compile(r"^\s*(?:[\w'’-]+\s+)?(?:" + "|".join(_THINGS) + r")\b")
_SPEECH = re.compile(
    r"\b(?:said|says|say|reported|reports|quoted|quoting|told|stated|announced|added|claimed)\b", re.I
)
_ANY_NUMBER = re.compile(rf"\b(?:{NUM})\b", re.I)
_NOT_DEAD_WORD = re.compile(r"\b(?:" + "|".join(_NOT_DEAD) + r")\b", re.I)
_INJURY_NEAR = re.compile(r"\b(?:injur\w*|wound\w*|hurt)\b", re.I)

# Words allowed between a figure and its kill verb ("10 people from three generations of the X family
# were killed"): 12 covers the longest descriptions in our own snippets; injuries in between disqualify.
_VICTIM_WORDS = r"(?:[\w'’-]+,?\s+){0,12}?"
_REPORTED = r"(?:(?:reportedly|reported(?: to have been)?|also|allegedly|all|later|confirmed|likely)\s+){0,2}"
_AUX = r"(?:were|was|have been|had been|are|being|got)"
_ACTIVE_KILL = (
    "killing", "killed", "kill", "claimed the lives of", "massacred", "executed", "deaths of", "death of",
    "killed alongside", "lost", "a family of", "shot dead", "shooting dead", "gunned down", "murdered",
    "beheaded", "shot and killed", "stabbed to death",
)  # fmt: skip
_TOLL, _PASSIVE, _ACTIVE, _NOUN = range(4)
_PATTERNS = (
    re.compile(
        rf"\b(?:(?:death toll|number of (?:those |people |civilians |victims )?(?:killed|dead))"
        rf"\s+(?:[\w-]+\s+){{0,5}}?(?:to|at|of|reached|is|was)"
        # Event notes' own idiom: "Fatalities coded as 10", "fatalities were coded at 3".
        rf"|fatalit(?:y|ies)\s+(?:(?:were|was|are|is)\s+)?coded\s+(?:as|at))\s+{RANGE}",
        re.I,
    ),
    re.compile(
        rf"\b{RANGE}\s+(?P<victims>{_VICTIM_WORDS})(?:{_AUX}\s+)?{_REPORTED}(?:\w+ly\s+)?{_KILL}\b", re.I
    ),
    re.compile(rf"\b(?:{'|'.join(sorted(_ACTIVE_KILL, key=len, reverse=True))})\s+{RANGE}\b", re.I),
    re.compile(
        rf"\b{RANGE}\s+(?:\w+\s+)?(?:deaths|fatalit(?:y|ies)|bodies|corpses|casualties were killed)\b", re.I
    ),
)
_SINGLE = re.compile(
    r"\b(?:a|an|one)\s+(?:[\w-]+\s+){0,3}?(?:man|woman|boy|girl|child|person|civilian|journalist|teenager|farmer"
    r"|soldier|officer|policeman|doctor|paramedic|nurse|teacher|student|worker|infant|baby|fighter|militant"
    r"|shepherd|herder|fisherman|driver|resident|pedestrian)\b"
    r"[^.;]{0,60}?\b(?:(?:was|has been|had been)\s+(?:\w+ly\s+)?" + _KILL + r"|(?:later|subsequently)\s+died"
    r"|died\s+(?:of|from)\s+(?:his|her|their)\s+(?:injuries|wounds)|succumbed\s+to\s+(?:his|her)\s+(?:injuries|wounds))\b",
    re.I,
)
# "was injured ... and later died", "died of his wounds": an injury that became a death.
_DIED_OF_INJURIES = re.compile(
    r"\b(?:later|subsequently)\s+died\b|\b(?:died|succumbed)\s+(?:of|from|to)\b", re.I
)
# A statement that no one died ("No fatalities reported.", "There were no casualties", "no one was
# killed"): ACLED codes 0. Not "no fatalities among the soldiers": a figure bound elsewhere wins first.
_NO_DEATHS = re.compile(
    r"\b(?:no|zero)\s+(?:reported\s+|confirmed\s+)?(?:fatalit(?:y|ies)|deaths|casualties)\b(?!\s+(?:among|on\s+the))"
    r"|\bno\s*(?:one|body|-one)\s+(?:was|were|has been)\s+(?:reported\s+)?(?:killed|hurt|injured)\b",
    re.I,
)
_NO_ONE = re.compile(r"\bno[\s-]*(?:one|body)\b", re.I)
_LUMPED = re.compile(r"\b(?:killed|dead)\s+(?:or|and/or)\s+(?:injured|wounded)\b", re.I)
_PARENTHETICAL = re.compile(
    r",\s*(?:including|among them|a|an|the|most of them|mostly)\s+[^,]*,|\([^)]*\)|\s[—–]\s[^—–]*\s[—–]\s"
)
# An aside set off by commas is blanked only when it reports no killing: ", an airstrike killed 20
# civilians," is the main clause of "On 10 May, an airstrike killed 20 civilians, including ...".
_KILL_IN_ASIDE = re.compile(rf"\b(?:{_KILL}|killing|kill|deaths?|fatalities)\b", re.I)

# A count right after the kill verb is its object: the verb is active, and the figure before it is the
# killers' ("three gunmen shot dead ten journalists"), unless the count is of time ("killed two days ago").
# One space only: an aside blanked out before the count ("killed, including ten children,") is not an object.
_OBJECT_COUNT = re.compile(rf" (?:{QUALIFIER}\s+)?(?:{NUM})\b", re.I)

# Coordinated counts of the dead ("six attackers and two soldiers", "three soldiers, two policemen and
# a civilian"): the list is split on commas and "and"; each item after the first is a count and a noun.
_LIST_SEP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+", re.I)
_LIST_ITEM = re.compile(
    rf"(?:{QUALIFIER}\s+)?(?P<n>{NUM}|an?)\s+(?P<noun>(?!of\b)(?:[\w'’-]+\s+){{0,3}}?[\w'’-]+)", re.I
)
# Where the object of an active kill verb ends: a clause or a prepositional phrase begins.
_OBJECT_END = re.compile(
    r"[.;:()]|\s(?:in|on|at|near|when|while|after|during|as|from|with|including|among|according|who|which"
    r"|that|before|by|since|inside|outside|across)\b",
    re.I,
)
_FIRST_ITEM = re.compile(r",|\band\b", re.I)
_HEAD_WORDS_READ = 3  # words after an active verb's figure read for "homeless", "injured"
_HEAD_MAX_WORDS = 6  # "members of the armed wing": the first item's noun phrase, at most this long


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
    r"|\b(?:aged\s+)?(?:\d{1,3}|a|an|" + WORDNUM + r")(?:\s+|-)(?:years?|months?|weeks?|days?)(?:\s+|-)old\b"
    r"|\baged\s+\d{1,3}\b"
    r"|,?\s+(?:including|among them|among whom)\b[^.;]*?,?(?=\s+(?:were|was|have been|had been)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:killed|dead|died|slain|martyred|injured|wounded|hurt)\b)",
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
    sentence: int | None = None  # which of the event's sentences stated the figure (victims.py)


def find_fatalities(text: str) -> Fatalities:
    """The fatality figure a sentence reports, or an empty `Fatalities` when it reports none."""
    if _LUMPED.search(text):
        return Fatalities()
    clean = _blank_asides(mask_non_counts(text))
    none = _NO_DEATHS.search(clean)
    clean = _NO_ONE.sub(lambda m: " " * len(m.group(0)), clean)  # "no one was killed" counts nobody
    best: tuple[int, re.Match[str]] | None = None
    for kind, pattern in enumerate(_PATTERNS):
        m = _first_bound(kind, pattern, clean)
        if m is not None and (best is None or m.start() < best[1].start()):
            best = (kind, m)
    if best is None:
        if none:
            return Fatalities(value=0, as_written=none.group(0))
        single = _SINGLE.search(clean)
        if single and (not _INJURY_NEAR.search(single.group(0)) or _DIED_OF_INJURIES.search(single.group(0))):
            return Fatalities(value=1, as_written=single.group(0))
        return Fatalities()
    kind, m = best
    a = parse_number(m.group("a"))
    b = parse_number(m.group("b")) if m.group("b") else None
    if a is None:
        return Fatalities()
    extra = _more_counts(kind, m, clean) if b is None else []
    end = extra[-1][1] if extra else m.end()
    written = " ".join(text[m.start() : max(end, m.end())].split())
    if max(a, b or 0) > MAX_EVENT_FATALITIES:
        return Fatalities(as_written=written, rejected=f"implausible figure for one event: {written!r}")
    if b is not None and b >= a:
        return Fatalities(value=a, low=a, high=b, as_written=written)
    return Fatalities(value=a + sum(n for n, _ in extra), as_written=written)


def _first_bound(kind: int, pattern: re.Pattern[str], clean: str) -> re.Match[str] | None:
    """The first match of `pattern` whose figure counts dead people; a rejected match is retried from
    just after its first number ("5,000 people were displaced and 3 killed" -> "3 killed")."""
    pos = 0
    while (m := pattern.search(clean, pos)) is not None:
        if _is_bound(kind, m, clean):
            return m
        pos = m.end("a")
    return None


def _is_bound(kind: int, m: re.Match[str], clean: str) -> bool:
    if _INJURY_NEAR.search(m.group(0)):
        return False
    after = clean[m.end("b") if m.group("b") else m.end("a") :]
    if kind in (_PASSIVE, _ACTIVE) and _THING.match(after):
        return False  # "killing 9,000 households", "12 homes and killed"
    if kind == _ACTIVE and _NOT_DEAD_WORD.search(_first_item(after)):
        return False  # "left 40 people homeless"
    if kind == _PASSIVE:
        obj = _OBJECT_COUNT.match(clean, m.end())
        if obj and not _THING.match(clean[obj.end() :]):
            return False  # "three gunmen shot dead ten journalists": the figure counts the killers
        victims = m.group("victims")
        for word in (_SPEECH, _NOT_DEAD_WORD):
            # "two sources said five were killed", "5,000 were displaced and 3 killed": the figure is the
            # second one; "six children who they said were killed", "abducted and shot dead" stand.
            found = word.search(victims)
            if found and _ANY_NUMBER.search(victims, found.end()):
                return False
    value = parse_number(m.group("a")) or 0
    if value > BIG_FIGURE and kind == _PASSIVE and len(m.group("victims").split()) > BIG_FIGURE_MAX_GAP:
        return False
    return True


def _first_item(text: str) -> str:
    """The first words of the object that follows an active verb's figure, up to a list separator."""
    return " ".join(_FIRST_ITEM.split(_noun_phrase(text))[0].split()[:_HEAD_WORDS_READ])


def _noun_phrase(text: str) -> str:
    end = _OBJECT_END.search(text)
    return text[: end.start()] if end else text


def _more_counts(kind: int, m: re.Match[str], clean: str) -> list[tuple[int, int]]:
    """Counts coordinated with the figure ("six attackers and two soldiers were killed"), each with the
    offset where it ends; ACLED sums the dead of all sides. Reading stops at the first item that is not
    a count of people."""
    if kind == _PASSIVE:
        seg_start, segment = m.start("victims"), m.group("victims")
    elif kind == _ACTIVE:
        seg_start, segment = m.end(), _noun_phrase(clean[m.end() :])
    else:
        return []
    pieces = _LIST_SEP.split(segment.rstrip(" ,"))
    seps = _LIST_SEP.findall(segment.rstrip(" ,"))
    head = pieces[0]
    if (
        len(pieces) < 2
        or len(head.split()) > _HEAD_MAX_WORDS
        or _THING.match(head)
        or _ANY_NUMBER.search(head)
    ):
        return []
    out: list[tuple[int, int]] = []
    pending: list[tuple[int, int]] = []  # ", B" items count only when an "and C" closes the list
    offset = seg_start + len(head)
    for piece, sep in zip(pieces[1:], seps, strict=True):
        item = _LIST_ITEM.fullmatch(piece.strip())
        if item is None or _THING.match(item["noun"]) or _NOT_DEAD_WORD.search(item["noun"]):
            break
        n = 1 if item["n"].lower() in ("a", "an") else parse_number(item["n"])
        if n is None:
            break
        offset = clean.find(piece, offset) + len(piece)
        pending.append((n, offset))
        if "and" in sep.lower():
            out, pending = out + pending, []
    first = parse_number(m.group("a")) or 0
    singles = [n for n, _ in out]
    if first > 1 and set(singles) == {1} and len(singles) == first:
        return []  # "two boys, an eight-year-old and a six-year-old": the two, described one by one
    return out


# A count of civilians among the dead, stated apart from combatants: "six members, five of them
# civilians"; "a commander was killed alongside at least 24 civilians"; "19 civilians and two militants".
_CIVILIAN_NOUN = r"(?:civilians?|non-combatants?|bystanders?)"
_CIVILIANS = (
    re.compile(rf"\b(?P<a>{NUM})\s+of\s+(?:them|whom)\s+(?:were\s+)?(?:\w+\s+)?{_CIVILIAN_NOUN}\b", re.I),
    re.compile(
        rf"\b{RANGE}\s+(?:(?:identified|confirmed|named|other|more|further)\s+)?{_CIVILIAN_NOUN}\b", re.I
    ),
)
_COMBATANT_WORDS = (
    "militants? combatants? fighters? commanders? operatives?"
    " members\\s+of\\s+(?:the\\s+)?\\w+\\s+(?:wing|brigades?)"
)
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
