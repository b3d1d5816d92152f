"""An event's fatality figure from all of its sentences, including victims listed by name.

Hands one `Fatalities` to the coder. Incident narratives give the toll first and then the victims,
often by name ("Ayman X was killed, along with his sons Ahmad and Mohammed"), with injured people
listed apart. Rules:
- the first sentence that states a figure sets it (ACLED's lowest credible figure, see figures.py);
- a sentence that only names its dead counts them: "A, B and C were killed" is 3, "A was killed with
  two of her sons" is 3, "killing A and his wife B" is 2; descriptions set off by commas ("A, a
  shopkeeper, was killed") are not extra people;
- when the lead gives no figure, named counts of the event's sentences are summed if a sentence
  says it adds victims ("also killed", "in addition"), else the largest count stands (a narrative
  names the same dead more than once); a stated figure later in the event still wins over names.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from frontwire.events.figures import (
    Fatalities,
    find_civilians,
    find_fatalities,
    mask_non_counts,
    parse_number,
)

_KILLED = r"(?:killed|martyred|died|dead)"
_PASSIVE_KILL = re.compile(
    rf"\b(?:was|were)\s+(?:(?:also|reportedly|allegedly|reported|likely|all|later)\s+){{0,2}}{_KILLED}\b",
    re.I,
)
# "killing A and his wife B", "resulting in the death of a father and his daughter" (a caused death,
# not "mourned the death of", which often recalls an earlier one).
_ACTIVE_KILL = re.compile(
    r"\b(?:killing|killed"
    r"|(?:result(?:ed|ing)\s+in|le(?:d|ading)\s+to|caus(?:ed|ing))\s+the\s+(?:deaths?|killings?)\s+of)"
    r"\s+(?=[A-Z]|(?:a|an|his|her|their)\s|(?<=of\s)\s*[a-z]+\s+[A-Z])"
)
_COMPANY = re.compile(r",?\s*(?:along with|alongside|together with|with)\s+", re.I)
_LEADING_CLAUSE = re.compile(
    r"^(?:(?:On|At|In|During|Shortly|Around|Early|Late|Later|Earlier|Before|After)\b[^,]*,\s*)+"
)
_LIST_SPLIT = re.compile(
    r",\s*(?:and\s+)?|\s+(?:and|as well as|along with|alongside|together with|with)\s+|\s*[:;]\s*", re.I
)
_LIST_SPLIT_KEEP = re.compile("(" + _LIST_SPLIT.pattern + ")", re.I)  # the same split, separators kept
# Words that open an aside about the person just named, not another victim.
_ASIDE_START = re.compile(
    r"^(?:from|of|in|at|aged|also|known|nicknamed|originally|who|whose|which|described|identified|named"
    r"|reportedly|a resident|a native|the son|the daughter|the wife|the husband|the father|the mother)\b",
    re.I,
)
_LIST_END = re.compile(
    r",?\s+(?:and\s+)?(?:injur|wound|leaving|in an?\b|in the\b|by an?\b|when\b|after\b)", re.I
)
_RELATIVES = (
    "wife husband son sons daughter daughters child children mother father brother brothers sister sisters"
    " nephew nephews niece nieces cousin cousins grandson granddaughter grandchildren grandmother grandfather"
    " uncle aunt baby infant parents members relatives others"
).split()
_RELATIVE = re.compile(r"\b(?:" + "|".join(_RELATIVES) + r")\b", re.I)
_POSSESSIVE = r"(?:his|her|their|its|the)"
_COUNTED = re.compile(
    rf"\b(?P<n>(?!{_POSSESSIVE}\b)\w+)\s+(?:(?:of\s+)?{_POSSESSIVE}\s+)?(?:other\s+)?(?:\w+\s+)?"
    rf"(?:{'|'.join(_RELATIVES)})\b",
    re.I,
)
_NAME = re.compile(r"\b[A-Z][a-z'’-]+(?:\s+(?:al-|Al-|el-|Abu\s+|bin\s+)?[A-Z][\w'’-]+)*")
_DESCRIPTION = re.compile(r"^(?:a|an|the)\s+[a-z]", re.I)
# "her infant daughter, Musk": a singular relative set off before a name is that person, once.
_ONE_RELATIVE = re.compile(
    r"^(?:his|her|their)\s+(?:[a-z-]+\s+)?(?:wife|husband|son|daughter|child|mother|father"
    r"|brother|sister|nephew|niece|cousin|grandson|granddaughter|grandmother|grandfather|uncle|aunt|baby|infant)$"
)
_ADDS = re.compile(r"\b(?:also|too|in addition|additionally|another|as well)\b", re.I)


def count_named_dead(text: str) -> int | None:
    """How many people a sentence names as killed, or None when it lists none."""
    clean = mask_non_counts(re.sub(r"\([^)]*\)", lambda m: " " * len(m.group(0)), text))
    passive = _PASSIVE_KILL.search(clean)
    if passive:
        span = _LEADING_CLAUSE.sub("", clean[: passive.start()].strip())
        company = _COMPANY.match(clean[passive.end() :])
        if company:  # "A was killed, along with his sons B and C"
            rest = clean[passive.end() + company.end() :]
            end = _LIST_END.search(rest)
            span += " and " + (rest[: end.start()] if end else rest.split(".")[0])
    else:
        active = _ACTIVE_KILL.search(clean)
        if not active:
            return None
        rest = clean[active.end() :]
        end = _LIST_END.search(rest)
        span = rest[: end.start()] if end else rest.split(".")[0]
    parts = _LIST_SPLIT_KEEP.split(span)
    total, prev_was_person, named_ahead, described = 0, False, 0, False
    for k in range(0, len(parts), 2):
        item = parts[k].strip(" ,–—-")
        comma_before = k > 0 and parts[k - 1].lstrip().startswith(",") and "and" not in parts[k - 1]
        if not item:
            continue
        if prev_was_person and _ASIDE_START.match(item):
            continue  # "A, from Rafah, was killed", "A, also known as B": the same person
        count = _item_count(item, prev_was_person)
        if count == 1 and described and comma_before and _NAME.match(item) and not _RELATIVE.search(item):
            described = False  # "a nurse, Huda X, was killed": the description and the name are one
            continue
        if count == 1 and named_ahead and not _RELATIVE.search(item):
            named_ahead -= 1  # "two of her sons Adam and Mahmoud": the names are the two counted
            continue
        if count:
            described = count == 1 and (
                (bool(_DESCRIPTION.match(item)) and not _NAME.search(item.split()[-1]))
                or bool(_ONE_RELATIVE.match(item))
            )
        named_ahead = count if count > 1 else 0
        prev_was_person = prev_was_person or count > 0
        total += count
    return total or None


def _item_count(item: str, after_person: bool) -> int:
    for counted in _COUNTED.finditer(item):  # "her three sons": the count, not "her"
        n = parse_number(counted["n"])
        if n is not None and n > 0:
            return n
    if _DESCRIPTION.match(item) and after_person and not _RELATIVE.search(item):
        return 0  # an apposition: "A, a shopkeeper, was killed"
    if _RELATIVE.search(item) or _NAME.search(item):
        return 1
    if re.match(r"^(?:a|an|one)\s", item, re.I):
        return 1
    return 0


def event_fatalities(texts: Sequence[str]) -> Fatalities:
    """The fatalities of one event reported across its sentences `texts` (in text order), with the
    civilians among them when the sentences up to the one giving the figure count them apart."""
    fat, used = _event_figure(texts)
    if used and fat.value is not None:
        fat = dataclasses.replace(fat, sentence=used - 1)
    for text in texts[:used]:
        civilians = find_civilians(text)
        if civilians is not None and (fat.value is None or civilians <= fat.value):
            return dataclasses.replace(fat, civilians=civilians)
    return fat


def _event_figure(texts: Sequence[str]) -> tuple[Fatalities, int]:
    """The event's figure and how many of its sentences were read to find it."""
    named: list[tuple[int, bool, str]] = []
    for i, text in enumerate(texts):
        fat = find_fatalities(text)
        count = count_named_dead(text)
        if fat.value is not None and count and count > fat.value:
            fat = Fatalities(value=count, as_written=f"{count} named or described victims")
        if fat.value is not None or fat.rejected:
            if not named or (fat.value or 0) >= _named_total(named):
                return fat, i + 1
            break
        if count:
            named.append((count, bool(_ADDS.search(text)), text))
    if not named:
        return Fatalities(), 0
    total = _named_total(named)
    return Fatalities(value=total, as_written=f"{total} named or described victims"), 0


def _named_total(named: Sequence[tuple[int, bool, str]]) -> int:
    total = named[0][0]
    for count, adds, _ in named[1:]:
        total = total + count if adds else max(total, count)
    return total
