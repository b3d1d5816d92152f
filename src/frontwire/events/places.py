"""Where an event happened, as written: place names read from a sentence.

Hands `PlaceMention`s (text, offsets, level, the country it names if it is a country) to the
extractor. Level 1 is a town, village, camp, neighbourhood or natural feature; 2 a place given only
as a reference point ("north of X"); 3 a province, governorate, region or country. The extractor
keeps the finest level an event's sentences give, one event per place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_NAME_WORD = r"(?:(?:al|el|ad|ar|as|ash|at|az|an|ed|es|ez|ul|bin|ibn|abu|umm|beit|deir|tal|tell|ain|jabal|jebel|wadi|khan|bir)[-‘'’ ]?)?[A-Z][\w'’‘-]*"
_NAME = rf"{_NAME_WORD}(?:\s+(?:al-|el-|de\s|of\s)?{_NAME_WORD}){{0,3}}"
_FEATURE = (
    r"(?:town|village|city|area|district|sub-?district|province|governorate|region|neighbou?rhood|camp|refugee camp"
    r"|mountain ranges?|mountains?|countryside|outskirts|suburbs?|municipality|county|state|valley|desert|hills?"
    r"|border town|locality|settlement|quarter|island|port)"
)
_REGION_WORD = re.compile(r"\b(?:province|governorate|region|countryside|state|county|district)s?\b", re.I)
_PREP = r"(?:in|near|at|around|outside|inside|into|from|across|on the outskirts of|close to|west of|east of|north of|south of|nearby)"
_PHRASE = re.compile(
    rf"\b(?P<prep>{_PREP})\s+(?:the\s+)?(?:(?:[\w-]+\s+){{0,3}}?{_FEATURE}s?\s+of\s+(?:the\s+)?){{0,2}}"
    rf"(?:(?:northern|southern|eastern|western|central|north-?eastern|north-?western|south-?eastern|south-?western|rural)\s+)?"
    rf"(?P<name>{_NAME})(?P<tail>(?:\s+(?:in|and)\s+(?:the\s+)?(?:{_NAME})(?:\s+{_FEATURE})?)*)"
)
_REFERENCE = re.compile(
    r"\b(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?\s+of\s*$", re.I
)
_NOT_PLACES = frozenset(
    "January February March April May June July August September October November December Monday Tuesday Wednesday "
    "Thursday Friday Saturday Sunday The A An He She They It His Her Their This That These Those".split()
)


@dataclass(frozen=True, slots=True)
class PlaceMention:
    text: str
    start: int
    end: int
    level: int
    parent: str | None = None


def find_places(
    text: str, ner_spans: Sequence[tuple[int, int, str]] = (), exclude: Sequence[tuple[int, int]] = ()
) -> list[PlaceMention]:
    """Place names in `text`: prepositional phrases ("near the town of X"), plus NER GPE/LOC/FAC spans."""
    out: list[PlaceMention] = []

    def blocked(s: int, e: int) -> bool:
        return any(a < e and s < b for a, b in exclude) or any(p.start < e and s < p.end for p in out)

    for m in _PHRASE.finditer(text):
        names = [(m.start("name"), m.end("name"))]
        for sub in re.finditer(rf"(?P<conj>in|and)\s+(?:the\s+)?(?P<n>{_NAME})", m.group("tail") or ""):
            off = m.start("tail")
            names.append((off + sub.start("n"), off + sub.end("n"), sub.group("conj")))  # type: ignore[arg-type]
        phrase = text[m.start() : m.end()]
        region_phrase = bool(_REGION_WORD.search(text[m.start() : m.start("name")]))
        reference = bool(_REFERENCE.search(text[max(0, m.start() - 30) : m.start("name")])) or m.group("prep").lower() in (
            "north of", "south of", "east of", "west of", "from",
        )  # fmt: skip
        last_level1: str | None = None
        for item in names:
            s, e = item[0], item[1]
            conj = item[2] if len(item) > 2 else None
            name = text[s:e]
            if name.split()[0] in _NOT_PLACES or blocked(s, e):
                continue
            after = text[e : e + 25]
            is_region = region_phrase or bool(
                re.match(r"\s+(?:province|governorate|region|countryside|state)\b", after)
            )
            if conj == "in" and last_level1:
                out.append(PlaceMention(name, s, e, 3, None))
                continue
            level = 3 if is_region else (2 if reference else 1)
            out.append(PlaceMention(name, s, e, level))
            if level == 1:
                last_level1 = name
        del phrase
    for s, e, label in ner_spans:
        if label in ("GPE", "LOC", "FAC") and not blocked(s, e):
            name = re.sub(r"^the\s+", "", text[s:e])
            if name and name.split()[0] not in _NOT_PLACES:
                out.append(PlaceMention(name, s + (e - s - len(name)), e, 1 if label == "FAC" else 2))
    out.sort(key=lambda p: p.start)
    return out
