"""Where an event happened, as written: place names read from a sentence.

Hands `PlaceMention`s (text, offsets, level, the container it was placed in) to the extractor.
Level 1 is a town, village, camp, neighbourhood or natural feature; 2 a place given only as a
reference point ("north of X", "X near Y": Y) or as where fire came from ("shells fired from
positions near X"); 3 a province, governorate, region or country; 4 the dateline's city ("BACOLOD CITY
—"), where the report was filed. The extractor keeps the finest level an event's sentences give, one
event per place.

A place phrase is read as ACLED codes it: "X in (eastern) Y", "X, in Y province", "X in the Y
countryside" name one place, X, inside a container Y (kept as `parent`, never an event place of its
own); only coordinated places ("in A and B", "the villages of A and B", "in A, B and C") are several.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace


def _words(text: str) -> str:
    """A regex alternation of the space-separated `text` (entries with "_" stand for a space)."""
    return "(?:" + "|".join(w.replace("_", r"\s+") for w in text.split()) + ")"


_PREFIXES = _words(
    "al el ad ar as ash at az an ed es ez ul bin ibn abu umm beit deir tal tell ain jabal jebel wadi khan bir"
)
_NAME_WORD = rf"(?:{_PREFIXES}[-‘'’ ]?)?[A-Z][\w'’‘-]*"
# A day or a month written after a place is when, not part of its name: "killed in Basra Saturday".
_WHEN_WORD = _words(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July"
    " August September October November December"
)
_NAME = rf"{_NAME_WORD}(?:\s+(?!{_WHEN_WORD}\b)(?:al-|el-|de\s|of\s)?(?!{_WHEN_WORD}\b){_NAME_WORD}){{0,3}}"
_FEATURE = _words(
    "town village city area district sub-?district province governorate region neighbou?rhood camp"
    " refugee_camp mountain_ranges? mountains? countryside outskirts suburbs? municipality county state"
    " valley desert hills? hinterlands? border_town locality settlement quarter island port market"
    " marketplace hospital school mosque street road square airport air_?base military_base bridge"
    " centre center city_centre city_center heart streets"
)
_REGION_WORD = re.compile(r"\b(?:province|governorate|region|countryside|state|county|district)s?\b", re.I)
# After a name only these make it a region: "the Harib district" stays the district's own name (ACLED
# codes a named district at its own place), "the Homs countryside" is the province's.
_REGION_AFTER = re.compile(r"\b(?:province|governorate|region|countryside|state)s?\b", re.I)
_DIRECTION = _words(
    "northern southern eastern western central north-?eastern north-?western south-?eastern"
    " south-?western rural"
)
_COMPASS = r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?"
# "in Egyptian cities including Alexandria, Cairo and Suez": places of a kind, then the places themselves.
_KIND_LIST = " ".join(
    f"{kind}_{intro}"
    for kind in ("cities", "towns", "villages", "provinces", "regions", "areas", "districts", "governorates")
    for intro in ("including", "such_as", "like")
)
_PREP = _words(
    f"in near at around outside inside into from across through on_the_outskirts_of close_to"
    f" {_COMPASS}_of nearby {_KIND_LIST}"
)
# "the Syrian province of X", "the Homs neighbourhood of X": the name after "of" is the place. Before a
# district, county or municipality a capitalised word is the unit's own name instead ("the Chuhuiv
# district of Kharkiv region" is Chuhuiv, in Kharkiv): demonyms seldom stand there.
_ADMIN_UNIT = _words("district sub-?district county municipality")
_UNIT_NAME = rf"(?:al-|el-)?[A-Z][\w'’]*(?:-[A-Z][\w'’]*)*\s+{_ADMIN_UNIT}s?\s+of\b"
_FEATURE_OF = rf"(?:(?!{_UNIT_NAME})[\w'’-]+\s+){{0,3}}?{_FEATURE}s?\s+of\s+(?:the\s+)?"
# A phrase opens with a preposition ("near the town of X", "in eastern X") or with a feature word
# ("fire on the villages of A and B"), then one name; what follows it is read by `_read_tail`.
# A sentence may open on its place: "In Belgrade, several thousand people gathered".
_OPENING_PREP = r"(?:(?<=^)|(?<=^[\"“]))(?:In|At|Near|Outside)"
_PHRASE = re.compile(
    rf"\b(?<!['’])(?:(?P<prep>{_PREP}|{_OPENING_PREP})\s+(?:the\s+)?(?:{_FEATURE_OF}){{0,2}}|[Tt]he\s+(?:{_FEATURE_OF}){{1,2}})"
    rf"(?:{_DIRECTION}\s+)?(?P<name>{_NAME})(?P<feature>\s+{_FEATURE}s?\b)?"
)
_OWN_FEATURE = rf"(?P<feature>\s+{_FEATURE}s?\b)?"
_IN_CONTAINER = re.compile(
    rf",?\s+(?:in|of)\s+(?:the\s+)?(?P<dir>{_DIRECTION}\s+)?(?:{_FEATURE}\s+of\s+(?:the\s+)?)?(?P<name>{_NAME}){_OWN_FEATURE}"
)
# "in Rome, Paris and The Hague": a name in a list may carry its own article, which is not part of it.
_COORDINATED = re.compile(
    rf"(?P<sep>\s*,\s*(?:and\s+)?|\s+and\s+)(?:(?:the\s+)?{_FEATURE}s?\s+of\s+(?:the\s+)?|[Tt]he\s+)?"
    rf"(?P<name>{_NAME}){_OWN_FEATURE}"
)
# "X near Y", "X, near Y", "X, about 40 kilometres from Y": Y only locates X (a distance may stand before
# the reference word).
_DISTANCE = (
    r"(?:(?:about|some|around|roughly|nearly|approximately|just|only)\s+)?\d[\d,.]*\s*"
    r"(?:km|kilometres|kilometers|miles)\s+(?:away\s+)?(?:from|outside|" + _COMPASS + r"\s+of)"
)
# The reference may be a capital told by its country first ("near Nigeria's capital Abuja", "on the
# outskirts of the capital, Kabul").
_CAPITAL_ROLE = r"(?:(?:the|[A-Z][\w'’-]*['’]s)\s+capital(?:\s+city)?,?\s+)"
_NEAR = re.compile(
    rf"(?:\s*,)?\s+(?:{_DISTANCE}|near|outside|close\s+to|on\s+the\s+outskirts\s+of|{_COMPASS}\s+of)\s+"
    rf"(?:the\s+)?(?:{_FEATURE}\s+of\s+(?:the\s+)?)?{_CAPITAL_ROLE}?(?P<name>{_NAME})"
)
_REFERENCE = re.compile(rf"\b{_COMPASS}\s+of\s*$", re.I)
# Where fire came from is not where the event happened (ACLED codes the target's location).
_TARGET_WORD = _words("at on toward towards into against targeting hitting striking")
_ORIGIN = re.compile(
    rf"\b(?:fired|launched|shot|came)\s+from\b(?:(?!\b{_TARGET_WORD}\b)[^.,;]){{0,60}}$", re.I
)
_REFERENCE_PREPS = frozenset(("from",))
_NOT_PLACES = frozenset(
    "January February March April May June July August September October November December Monday Tuesday"
    " Wednesday Thursday Friday Saturday Sunday The A An He She They It His Her Their This That These"
    " Those".split()
)
TOWN, REFERENCE, REGION = 1, 2, 3
# The dateline's city ("BACOLOD CITY —", "KABUL, March 3 (Reuters) -") is where the report was filed: an
# event's place only when its sentences name no other, so it ranks below every other level.
DATELINE = 4
_DATELINE = re.compile(
    r"^[\"“]?(?P<name>[A-Z][A-Z'’.-]{2,}(?:\s+[A-Z][A-Z'’.-]+){0,3})\s*(?:,[^—–\n]{0,40}?)?\s+[—–-]{1,2}\s"
)
# A place followed by the areas that hold it in parentheses, as ACLED's notes and UCDP's locations write it.
# A kind word may stand between ("Kherson city (Kherson, Kherson)", "Shevchenko village (...)"), and a part
# of a town follows it after a dash ("Sanaa - Old City (Amanat al Asimah, Amanat al Asimah)").
_NOTE_KIND = (
    r"(?:\s+(?:city|town|village|camp|district|sub-district|area|neighbourhood|neighborhood|market))?"
)
_NOTE_PLACE = re.compile(
    rf"(?<![\w-])(?P<name>{_NAME}(?:\s+-\s+{_NAME})?){_NOTE_KIND}"
    rf"\s+\((?P<areas>{_NAME}(?:,\s*{_NAME}){{1,2}})\)"
)


@dataclass(frozen=True, slots=True)
class PlaceMention:
    text: str
    start: int
    end: int
    level: int
    parent: str | None = None
    sentence: int = -1  # which of the event's sentences names it (set by the extractor)


@dataclass(slots=True)
class _Item:
    start: int
    end: int
    level: int
    parent: str | None = None


def find_places(
    text: str, ner_spans: Sequence[tuple[int, int, str]] = (), exclude: Sequence[tuple[int, int]] = ()
) -> list[PlaceMention]:
    """Place names in `text`: place phrases ("near the town of X in Y"), plus NER GPE/LOC/FAC spans."""
    out: list[PlaceMention] = []

    def blocked(s: int, e: int) -> bool:
        return any(a < e and s < b for a, b in exclude) or any(p.start < e and s < p.end for p in out)

    for m in _NOTE_PLACE.finditer(text):
        if _usable(text, m.start("name"), m.end("name")) and not blocked(m.start("name"), m.end("name")):
            # ACLED's own way of writing a place, "Nikopol (Nikopolskyi, Dnipropetrovsk)": the place and the
            # areas holding it, kept together for the geocoder to read (geo/query.py)
            start = m.start("name")
            out.append(PlaceMention(text[start : m.end()], start, m.end(), TOWN, m.group("areas")))
    pos = 0
    while (m := _PHRASE.search(text, pos)) is not None:
        pos = m.end()
        if not _usable(text, m.start("name"), m.end("name")) or blocked(m.start("name"), m.end("name")):
            pos = m.start("name") + 1 if m.start("name") >= m.start() else m.end()
            continue
        level = _intro_level(text, m)
        items, pos = _read_tail(text, m, level, blocked)
        for it in items:
            out.append(PlaceMention(text[it.start : it.end], it.start, it.end, it.level, it.parent))
    dateline = _DATELINE.match(text)
    if dateline and not blocked(dateline.start("name"), dateline.end("name")):
        s, e = dateline.span("name")
        out.append(PlaceMention(text[s:e], s, e, DATELINE))
    for s, e, label in ner_spans:
        if label in ("GPE", "LOC", "FAC") and not blocked(s, e):
            name = re.sub(r"^the\s+", "", text[s:e])
            if not name or name.split()[0] in _NOT_PLACES:
                continue
            held = next((i for i, p in enumerate(out) if _holds(text, p, s, e, out)), None)
            if held is not None:  # "El Paso, Texas": Texas holds El Paso, it is no place of its own
                out[held] = replace(out[held], parent=out[held].parent or name)
                continue
            out.append(PlaceMention(name, s + (e - s - len(name)), e, TOWN if label == "FAC" else REFERENCE))
    out.sort(key=lambda p: p.start)
    return _opening_container(text, out)


# "In Guanajuato, gunmen burst into a bar in Irapuato": a place the sentence opens on, followed in the same
# clause by a town, sets the scene; the town is where the act happened.
_OPENING = re.compile(rf"^[\"“]?{_OPENING_PREP}\s")
_NEXT_CLAUSE = re.compile(r";|,\s*(?:and|but|while|whereas)\s+(?:in|at)\s")
# What stands between two places of one list: "A, B", "A and B", "B, and The C".
_LIST_GAP = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+)(?:[Tt]he\s+)?$")


def _opening_container(text: str, found: list[PlaceMention]) -> list[PlaceMention]:
    """`found` with the sentence's opening place made the container of the towns its clause names later (not
    of names listed with it, nor of those after a semicolon: "In Ramallah, ...; in Nablus, ...")."""
    if len(found) < 2 or not _OPENING.match(text) or found[0].level != TOWN:
        return found
    first = found[0]
    # The clause ends at a semicolon or where another place's clause begins: "In Medellin, 350,000
    # marched, while in Cali 150,000 gathered" tells two places, neither inside the other.
    clause = _NEXT_CLAUSE.search(text, first.end)
    clause_end = clause.start() if clause else len(text)
    # Names listed with the first ("In Pokhara, Butwal and Biratnagar, ...") are places of their own.
    listed, end = 1, first.end
    while listed < len(found) and _LIST_GAP.fullmatch(text[end : found[listed].start]):
        end = found[listed].end
        listed += 1
    later = [
        p
        for p in found[listed:]
        if p.level == TOWN and p.start < clause_end and not told_as_state(text, p.start)
    ]
    if listed > 1 or not later or all(is_facility(p.text) for p in later):
        return found  # "In Tel Aviv, ... outside the Defence Ministry": a building in the town, not a town
    inner = [replace(p, parent=first.text) if p in later and p.parent is None else p for p in found[1:]]
    return [replace(first, level=REGION), *inner]


# People's whereabouts told as their state ("families of hostages held in Gaza", "fighters based in Syria",
# "refugees living in Lebanon"): a description of whom a sentence is about, not where its act happened.
_STATE_OF = re.compile(
    r"\b(?:(?:hostages?|captives?|prisoners?|detainees?|soldiers|citizens|nationals)\s+(?:still\s+|being\s+)?held"
    r"|based|stationed|living|stranded|trapped|exiled)\s+(?:in|at|inside)\s+(?:the\s+)?$",
    re.I,
)
# Buildings and bodies: a name that ends in one of these words ("the Defence Ministry", "Government House",
# "Karachi Press Club") or opens with one and "of" ("the Ministry of Environment", "the University of
# Khartoum") names a building or an institution, not a town. ACLED codes an act at one at the town it
# stands in.
_BODY_WORDS = (
    "ministry ministries parliament embassy consulate palace house headquarters office offices council court"
    " courthouse assembly congress senate commission committee government movement party front university"
    " college school academy institute hospital clinic stadium arena mosque church cathedral temple shrine"
    " monument memorial club hotel prison jail mall tower building compound secretariat"
)
_BODY_ALTERNATION = "|".join(_BODY_WORDS.split())
_BODY_END = re.compile(rf"\s(?:{_BODY_ALTERNATION})$", re.I)
_BODY_START = re.compile(rf"^(?:the\s+)?(?:{_BODY_ALTERNATION})\s+of\s", re.I)


# "A, B" closes when B is followed by neither another name nor "and"/"or": "in Dayton, Ohio, killing nine"
# is a town and its state; "in Portland, Oregon, and Seattle" and "in Aleppo, Homs, Hama" are lists.
_COMMA_ONLY = re.compile(r"\s*,\s*")
_LIST_GOES_ON = re.compile(r"\s*,?\s*(?:and|or|&)\s|\s*,\s*(?:the\s+)?[A-Z]")


def _holds(text: str, place: PlaceMention, s: int, e: int, found: Sequence[PlaceMention]) -> bool:
    """The name at `s:e` is written right after `place`, set off by a comma, and closes the phrase: it is
    the area holding `place` ("El Paso, Texas", "Kano, Nigeria"), unless `place` itself ends a list."""
    return (
        place.end < s
        and place.parent is None
        and _COMMA_ONLY.fullmatch(text[place.end : s]) is not None
        and _LIST_GOES_ON.match(text, e) is None
        and not any(q.end < place.start and _COMMA_ONLY.fullmatch(text[q.end : place.start]) for q in found)
    )


def is_facility(name: str) -> bool:
    """`name` names a building or an institution ("Defence Ministry", "Ministry of Environment")."""
    name = name.strip()
    return bool(_BODY_END.search(name) or _BODY_START.match(name))


def told_as_state(text: str, start: int) -> bool:
    """The place at `start` says where people are held, based or stranded ("hostages held in Gaza")."""
    return bool(_STATE_OF.search(text[max(0, start - 40) : start]))


# "in the U.S. border city": a letter of an initialism is no name
_INITIALISM_GOES_ON = re.compile(r"\.[A-Z]")


def _usable(text: str, s: int, e: int) -> bool:
    return text[s:e].split()[0] not in _NOT_PLACES and not _INITIALISM_GOES_ON.match(text, e)


def _region_feature(m: re.Match[str]) -> bool:
    return bool(m.group("feature") and _REGION_AFTER.search(m.group("feature")))


def _intro_level(text: str, m: re.Match[str]) -> int:
    if _REGION_WORD.search(text[m.start() : m.start("name")]) or (
        m.group("feature") and _REGION_AFTER.search(m.group("feature"))
    ):
        return REGION
    prep = (m.group("prep") or "").lower()
    before = text[max(0, m.start() - 80) : m.start("name")]
    if _REFERENCE.search(before[-30:]) or re.fullmatch(rf"{_COMPASS}\s+of", prep) or prep in _REFERENCE_PREPS:
        return REFERENCE
    if _ORIGIN.search(text[max(0, m.start() - 80) : m.start()]):
        return REFERENCE
    return TOWN


def _read_tail(text: str, m: re.Match[str], level: int, blocked) -> tuple[list[_Item], int]:  # noqa: ANN001
    """The places of one phrase: its first name, names coordinated with it, each with its container.
    Returns them and the offset where the phrase ends."""
    places = [_Item(m.start("name"), m.end("name"), level)]
    run = [places[0]]  # names coordinated with each other, waiting for a container or a plural feature
    pending: list[_Item] = []  # ", B" items: places if an "and C" closes the list, else B is a container
    pos = m.end()
    after_container = False
    while True:
        if (c := _IN_CONTAINER.match(text, pos)) and _usable(text, c.start("name"), c.end("name")):
            if pending:
                break
            if level == REFERENCE and not blocked(c.start("name"), c.end("name")):
                # "north of Baghdad in Samarra", "from IS in eastern Homs": a reference point does not
                # contain the place that follows it; that place is read on its own.
                level = REGION if c.group("dir") or _region_feature(c) else TOWN
                item = _Item(c.start("name"), c.end("name"), level)
                places.append(item)
                pos, run, after_container = c.end(), [item], False
                continue
            for it in run:
                it.parent = it.parent or text[c.start("name") : c.end("name")]
            pos, after_container, run = c.end(), True, []
            continue
        if (n := _NEAR.match(text, pos)) and not pending and not blocked(n.start("name"), n.end("name")):
            if _usable(text, n.start("name"), n.end("name")) and level == TOWN:
                places.append(_Item(n.start("name"), n.end("name"), REFERENCE))
                pos = n.end()
                continue
        k = _COORDINATED.match(text, pos)
        if k is None or not _usable(text, k.start("name"), k.end("name")):
            break
        if blocked(k.start("name"), k.end("name")):
            break
        own_level = REGION if _region_feature(k) else level
        item = _Item(k.start("name"), k.end("name"), own_level)
        comma_only = "and" not in k.group("sep")
        if after_container and not _IN_CONTAINER.match(text, k.end()):
            break  # "X in Idlib and Hama provinces": Hama is another container, not a second place
        if comma_only:
            pending.append(item)
            pos = k.end()
            continue
        places.extend(pending + [item])
        run.extend(pending + [item])
        if own_level == REGION:  # "in Homs and Hama provinces": the plural feature covers the list
            for it in run:
                it.level = REGION
        pending, pos, after_container = [], k.end(), False
    if pending:  # "in Kafr Nabudah, Hama": the first comma name contains the ones before it
        for it in run:
            it.parent = it.parent or text[pending[0].start : pending[0].end]
        pos = pending[0].end
    return places, pos


def listed_together(text: str, places: Sequence[PlaceMention]) -> bool:
    """True when `places` are named side by side in one list of `text` ("in A, B and C", "the villages
    of A and B in the Idlib countryside"): a total the sentence gives is then spread over them."""
    ordered = sorted(places, key=lambda p: p.start)
    if len(ordered) < 2 or len({p.parent for p in ordered}) > 1 or len({p.level for p in ordered}) > 1:
        return False
    return all(_LIST_GAP.match(text[a.end : b.start]) for a, b in zip(ordered, ordered[1:], strict=False))
