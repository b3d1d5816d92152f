"""Reading a location as written: which name is the place, what is it near, what contains it.

"near the town of al-Sukhna in the eastern Homs countryside" →
    primary al-Sukhna (near, a town), container Homs (a region part: countryside)
"the area of al-Kum, to the north of al-Sukhnah" →
    primary al-Kum (near: the area of), anchor al-Sukhnah (direction: north)
"the mountain ranges of al-Amur in the Homs province" →
    primary al-Amur (feature T), container Homs (admin: province)

The words around each name come from `names.toml` (near words, region and admin nouns,
feature words); nothing here names a particular place.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from frontwire.geo.detect import _chunks, _tokens
from frontwire.geo.names import load_rules

# How far a name's sentence is read for its containers and anchors: longer than any sentence a desk
# writes, short enough that a page of 5,000 names is read in linear time.
SENTENCE_REACH = 400
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_DIRECTION = re.compile(r"\b((?:north|south)?(?:-?(?:east|west))?|north|south)(?:ern)?\s+of\s*$")
_CONTAINED = re.compile(r"\b(?:in|within|inside)\s+(?:the\s+)?(?:[a-z\-]+\s+){0,3}$")
# "the (eastern) countryside of X", "rural X": X names the region around a city, i.e. its province.
_REGION_OF = re.compile(
    r"\b(?:countryside|hinterland|rural areas?|desert|badia)\s+of\s+(?:the\s+)?$|\brural\s+$"
)
# "X neighbourhood of Y", "X refugee camp in Y": Y holds X (a city or town, not only a province).
_PART_OF = re.compile(
    r"\b(?:neighbou?rhoods?|district|quarter|suburbs?|area|camp|street|road|square)\s+(?:of|in)\s+"
    r"(?:the\s+)?(?:(?:city|town)\s+of\s+)?$"
)
_AND = re.compile(r"(?:^|\s)(?:and|or|&)\s*$")
# A clause between two names ends the first one's phrase: in "Tangier, where crowds gathered in the
# centre, in Marrakesh" or "at the port, and in Toulouse", the later name is another place, not the area
# holding the first. So does a count opening the next item of a list ("450,000 in New York, 250,000 in
# Chicago": Chicago does not hold New York).
_NEW_CLAUSE = re.compile(
    r",\s*(?:and|but|while|whereas|where|when)\b|\b(?:where|whereas|while)\b"
    r"|,\s*(?:(?:some|about|around|over|nearly|almost|more than|at least)\s+)?\d"
)
# Only punctuation between two names: "Ipatinga, Minas Gerais", "Kabuta (Al Mansura, Aden)". The later
# name is where the first lies, as ACLED and UCDP write it; a list ("Homs, Hama and Idlib") ends in "and".
_LISTED = re.compile(r"^\s*[,(/]\s*$|^\s*,\s*\(?\s*$")
# The word that closes a list of names: "Homs, Hama and Idlib", "Rome, Paris, and The Hague".
_CLOSES_LIST = re.compile(r"^\s*,?\s*(?:and|or|&)\s+(?:the\s+)?$")
# A place is given inside at most this many areas ("village (district, province, country)"); more names
# after it are a list, not containers (and reading them all would make a long list quadratic).
MAX_CONTAINERS = 3
# How far before and after a name its qualifying words are looked for, in characters.
BEFORE_WINDOW = 48
AFTER_WINDOW = 32
# A stopword starting a name ("South Cotabato", "General Santos City") is kept when it and at most this
# many words minus one after it are a name the gazetteer knows.
MAX_STOP_NAME = 4


@dataclass(frozen=True, slots=True)
class NameRef:
    """One name in a location string, with what the words around it say."""

    text: str
    start: int
    end: int
    near: bool = False
    direction: str | None = None
    admin: bool = False
    feature: str | None = None
    region_part: bool = False
    contained: bool = False
    listed: bool = False  # contained only by punctuation: a hint to check, not a bound to enforce


@dataclass(frozen=True, slots=True)
class PlaceQuery:
    """A parsed location string: the place itself, its containers and its anchors."""

    text: str
    primary: NameRef | None
    containers: tuple[NameRef, ...] = ()
    anchors: tuple[NameRef, ...] = ()

    @property
    def refs(self) -> tuple[NameRef, ...]:
        return tuple(r for r in (self.primary, *self.containers, *self.anchors) if r is not None)


@functools.cache
def _phrase_pattern(phrases: frozenset[str] | tuple[str, ...], at_end: bool) -> re.Pattern[str]:
    """One compiled alternation per phrase list, longest phrase first (so the longest match wins)."""
    body = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"\b(?:{body})\s*$" if at_end else rf"^\s*(?:{body})\b")


def _has_phrase(text: str, phrases: frozenset[str] | tuple[str, ...], *, at_end: bool) -> str | None:
    """The longest of `phrases` that ends (`at_end`) or starts `text`, if any."""
    if not phrases:
        return None
    m = _phrase_pattern(phrases, at_end).search(text)
    return m.group(0).strip() if m else None


def _feature(before: str, after: str) -> str | None:
    """The feature class the words around a name give it ("the mountain ranges of X", "X refugee camp")."""
    feats = load_rules().features
    of_phrase = re.search(r"\bof(?:\s+the)?\s*$", before)
    head = re.sub(r"\s+of(?:\s+the)?\s*$", "", before) if of_phrase else before
    for cls in ("T", "H", "S", "L", "P"):
        if _has_phrase(head, feats[cls], at_end=True) or _has_phrase(after, feats[cls], at_end=False):
            return cls
    return None


def _describe(text: str, tok_start: int, tok_end: int, prev_end: int, next_start: int) -> NameRef:
    rules = load_rules()
    before = text[max(prev_end, tok_start - BEFORE_WINDOW) : tok_start].lower()
    after = re.split(r"[,;.()]", text[tok_end : min(next_start, tok_end + AFTER_WINDOW)].lower())[0]
    direction_m = _DIRECTION.search(before)
    direction = direction_m.group(1) if direction_m and direction_m.group(1) else None
    region_part = bool(_has_phrase(after, rules.region_suffixes, at_end=False) or _REGION_OF.search(before))
    admin = bool(_has_phrase(after, rules.admin_words, at_end=False)) or bool(
        re.search(r"\b(?:" + "|".join(sorted(rules.admin_words)) + r")\s+of\s*(?:the\s+)?$", before)
    )
    near_before = _has_phrase(
        re.sub(r"\s+(?:the\s+)?(?:town|city|village)\s+of\s*$", "", before), rules.near_words, at_end=True
    )
    near = bool(direction or near_before or region_part or re.search(r"\bnear\b", before))
    return NameRef(
        text=text[tok_start:tok_end],
        start=tok_start,
        end=tok_end,
        near=near,
        direction=direction,
        admin=admin,
        feature=_feature(before, after),
        region_part=region_part,
    )


def _named_with(text: str, run: list, known: Callable[[str], bool] | None) -> bool:
    """True when the run's first word (a stopword: "South", "General", "Central") starts a name `known`
    to the gazetteer: "South Cotabato", "North Kivu", "General Santos"."""
    if known is None or len(run) < 2:
        return False
    return any(known(text[run[0].start : run[k].end]) for k in range(1, min(len(run), MAX_STOP_NAME)))


def _refs(text: str, known: Callable[[str], bool] | None = None) -> list[NameRef]:
    """Every name in `text`, in order, with what its neighbouring words say about it. With `known`, a
    leading stopword is kept when it starts a name `known` accepts."""
    stop = load_rules().stopwords
    rules = load_rules()
    kinds = rules.admin_words | rules.region_suffixes
    place_words = rules.features["P"]
    runs = []
    for run in _chunks(text, _tokens(text)):
        while run and (run[0].text.lower() in stop) and not _named_with(text, run, known):
            run = run[1:]
        # "Bagerhat District", "Aleppo Governorate": the kind of area is not part of its name.
        while len(run) > 1 and run[-1].text.lower().replace("-", "") in kinds:
            run = run[:-1]
        run = _town_of_building(text, run, known, rules.building_words)
        if run:
            runs.append(run)
    refs: list[NameRef] = []
    for i, run in enumerate(runs):
        prev_end = runs[i - 1][-1].end if i else 0
        next_start = runs[i + 1][0].start if i + 1 < len(runs) else len(text)
        ref = _describe(text, run[0].start, run[-1].end, prev_end, next_start)
        if refs:
            gap = text[prev_end : run[0].start].lower()
            in_gap = bool(_CONTAINED.search(gap))
            contained = (in_gap and not ref.direction and not ref.near) or (ref.admin and not ref.direction)
            contained = contained or (ref.region_part and in_gap) or bool(_PART_OF.search(gap))
            contained = contained and not _NEW_CLAUSE.search(gap)
            bare = " ".join(w for w in gap.split(" ") if w.replace("-", "") not in kinds | place_words)
            listed = bool(_LISTED.search(bare)) and not ref.direction
            if listed:
                ref = replace(ref, listed=True, near=False)
                contained = True
            if _AND.search(gap) and not ref.feature:
                # "the mountain ranges of X in the A province and Y": Y is what X is.
                peer = next((r for r in reversed(refs) if not r.contained), None)
                if peer is not None:
                    ref = replace(ref, feature=peer.feature, near=ref.near or peer.near)
                contained = False
            ref = replace(ref, contained=contained)
        refs.append(ref)
    return _peers(text, _owned(text, refs, known, kinds | place_words))


# The possessive between an owner and what it owns: "Kampala's Kisenyi", "Sagaing Region's Kani".
_OWNER_GAP = re.compile(r"^(?:\s+[a-z-]+){0,2}['’]s\s+$")


def _owned(
    text: str, refs: list[NameRef], known: Callable[[str], bool] | None, generic: frozenset[str]
) -> list[NameRef]:
    """Names joined by a possessive read as ACLED codes them: "Gazipur's Tongi" is Tongi, in Gazipur (the
    owner is its container); "Kabul's District 5" is Kabul (what it owns is only a kind of area), and so is
    "Kampala's Kisenyi" when the gazetteer lacks Kisenyi (a neighbourhood is coded to its city); a name the
    gazetteer knows whole keeps its "'s" ("Cox's Bazar")."""
    out = list(refs)
    i = 0
    while i + 1 < len(out):
        owner, owned = out[i], out[i + 1]
        gap = text[owner.end : owned.start].lower()
        if not _OWNER_GAP.match(gap) or not all(w in generic for w in re.split(r"['’]", gap)[0].split()):
            i += 1
            continue
        whole = text[owner.start : owned.end]
        if known is not None and known(whole):
            out[i : i + 2] = [replace(owner, text=whole, end=owned.end)]
        elif owned.text.lower() in generic or (known is not None and not known(owned.text)):
            del out[i + 1]
        else:
            out[i : i + 2] = [replace(owned, contained=False), replace(owner, contained=True, listed=False)]
            i += 1
        i += 1
    return out


def _town_of_building(
    text: str, run: list, known: Callable[[str], bool] | None, buildings: frozenset[str]
) -> list:
    """The town a building's name opens with ("Karachi Press Club", "Kabul University" → the town), when
    the gazetteer knows it and not the whole name; else the run itself."""
    if known is None or len(run) < 2 or run[-1].text.lower() not in buildings:
        return run
    if known(text[run[0].start : run[-1].end]):
        return run
    for n in range(len(run) - 1, 0, -1):
        if known(text[run[0].start : run[n - 1].end]):
            return run[:n]
    return run


def _peers(text: str, refs: list[NameRef]) -> list[NameRef]:
    """Names listed with commas and closed by "and" ("in Homs, Hama and Idlib", "Rome, Paris, and The
    Hague") are places side by side, not a place and the areas holding it."""
    out = list(refs)
    i = 0
    while i < len(out):
        if not out[i].listed:
            i += 1
            continue
        j = i
        while j < len(out) and out[j].listed:
            j += 1
        if j < len(out) and _CLOSES_LIST.search(text[out[j - 1].end : out[j].start].lower()):
            out[i:j] = [replace(r, listed=False, contained=False) for r in out[i:j]]
        i = j
    return out


def _arrange(text: str, refs: list[NameRef], primary_index: int = 0) -> PlaceQuery:
    if not refs:
        return PlaceQuery(text=text, primary=None)
    primary = replace(refs[primary_index], contained=False)
    containers, anchors = [], []
    prev_end = primary.end
    for ref in refs[primary_index + 1 :]:
        if ref.contained and len(containers) < MAX_CONTAINERS:
            containers.append(ref)
        elif (ref.direction or ref.near) and not _peer_of(text[prev_end : ref.start], ref):
            anchors.append(ref)
        else:
            break
        prev_end = ref.end
    return PlaceQuery(text=text, primary=primary, containers=tuple(containers), anchors=tuple(anchors))


def _peer_of(gap: str, ref: NameRef) -> bool:
    """ "near A, B and C": C closes a list of places side by side, each near something unnamed; it is not
    what B is near. Only a direction word of its own ("B and north of C") makes it a reference point."""
    return not ref.direction and bool(_CLOSES_LIST.search(gap.lower()))


def parse_location(text: str, known: Callable[[str], bool] | None = None) -> PlaceQuery:
    """Parse a location string into a query: the first name is the place, later ones qualify it."""
    return _arrange(text, _refs(text, known))


def focus(
    sentence: str, start: int, end: int, known: Callable[[str], bool] | None = None
) -> PlaceQuery | None:
    """The query for the name at [start, end) of a sentence, with the containers and anchors after it."""
    refs = _refs(sentence, known)
    for i, ref in enumerate(refs):
        if ref.start < end and start < ref.end:
            return _arrange(sentence, refs, i)
    return None


def sentence_around(text: str, start: int, end: int) -> tuple[str, int]:
    """The sentence of `text` holding [start, end), and its offset; at most SENTENCE_REACH characters
    either side (a run-on list of thousands of names is read near the name, not all of it each time)."""
    lo, hi = max(0, start - SENTENCE_REACH), min(len(text), end + SENTENCE_REACH)
    window = text[lo:hi]
    s = 0
    for m in _SENTENCE_END.finditer(window):
        if m.start() >= end - lo:
            return window[s : m.start()], lo + s
        if m.end() <= start - lo:
            s = m.end()
    return window[s:], lo + s
