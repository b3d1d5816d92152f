"""Place-like words that are not the place of an event: demonyms, possessives, weekdays, organisations.

The place rules (places.py) and NER read a capitalised word after "in", "at" or "near" as a place;
in news prose that word is often a nationality ("at the German embassy", "the Palestinian"), a
possessive modifier ("Pakistan's", "Tuesday's"), an organisation ("in UN custody", "People in Need",
"AMISOM"), or a stray token ("U", "an RPG"). ACLED codes an event at a named location; none of these
is one. `is_place_name` says whether a found place may stand as an event's place.
"""

from __future__ import annotations

import re
from dataclasses import replace

from frontwire.events.actors import CountryLexicon
from frontwire.events.rules.places import DATELINE, TOWN, PlaceMention, is_facility, told_as_state

# Nationality adjectives by the English endings that place names seldom have ("Iranian", "Lebanese",
# "Kurdish"; the lexicon knows the rest, "Iraqi", "Somali"): such a word before a noun is an adjective.
_DEMONYM_SHAPE = re.compile(r"^[A-Z][a-z]+(?:ian|ese|ish)$")
# Religious communities and sects name people, not places ("the Shia neighbourhoods", "Sunni areas").
_COMMUNITIES = frozenset(
    "Shia Shias Shiite Shiites Shi'ite Shi’ite Sunni Sunnis Alawite Alawites Druze Christian Christians"
    " Muslim Muslims Jewish Jews Hindu Hindus Sikh Sikhs Buddhist Buddhists Yazidi Yazidis Catholic Catholics"
    " Protestant Protestants Coptic Copts Maronite Maronites Ismaili Ahmadi Ahmadis Salafi Salafist Sufi"
    " Evangelical".split()
)
# A name that opens a compound adjective ("US-based", "Saudi-led", "Iran-backed", "Hamas-run") says who leads,
# backs or hosts something, not where an event happened; a place's own hyphens go on in capitals
# ("Guinea-Bissau", "Port-au-Prince").
_COMPOUND_ADJECTIVE = re.compile(r"-(?:[a-z]+(?:ed|en|ing)|led|held|run|born|made|wide|like|era)\b")
_COMPOUND_END = re.compile(rf"{_COMPOUND_ADJECTIVE.pattern}$")
_FUNCTION_WORDS = frozenset(
    "on in at and or of to for with by from after before when where while was were is are has had have"
    " said says province region city town district".split()
)
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# Words that open a sentence or a weekday, never a capital's name in apposition ("Chad's capital On Monday").
_WEEKDAY_NAMES = frozenset(w.capitalize() for w in _WEEKDAYS) | {"On", "In", "At", "The"}
# A lower-case opening word that is English, not a name's own prefix ("an RPG", not "al-Amur").
_DETERMINERS = frozenset("a an the this that these those his her their its our my".split())
_POSSESSIVE_AFTER = re.compile(r"^['’]s?\b")
_NEXT_WORD = re.compile(r"^\s+([a-z][\w-]*)")
# A site of a town after its possessive: "Ankara's main railway station", "Kabul's international airport".
_TOWN_SITE = re.compile(
    r"['’]s?\s+(?:[a-z][\w-]*\s+){0,3}(?:railway station|(?:bus |train )?station|airport|market|bazaar"
    r"|hospital|university|prison|jail|square|stadium|mosque|church|cathedral|shrine|hotel|embassy|port|harbour"
    r"|city cent(?:re|er)|old city|outskirts|suburbs?|neighbou?rhood)s?\b"
)
# All-capital short names that are not countries ("UN", "AMISOM", "NATO", "ISAF"): organisations.
_ACRONYM = re.compile(r"^[A-Z][A-Z.&-]{0,7}$")
# Shortest usable place name (after a country's own short names, which the lexicon knows).
MIN_NAME = 3


def is_place_name(place: PlaceMention, text: str, countries: CountryLexicon) -> bool:
    """Whether `place` (found in `text`) names a place rather than a people, an owner, a day or a body."""
    name = place.text.strip()
    country = countries.get(name)
    after = text[place.end : place.end + 30]
    bare = re.sub(r"['’]s$", "", name)
    if _POSSESSIVE_AFTER.match(after) or bare != name:
        # "Tuesday's", "Mousavi's headquarters", "Baghdad's Sadr City": a modifier, not the place; a
        # country's ("Israel's southern towns") still places the event in that country. A town's site
        # written after it ("outside Ankara's main railway station") is in that town: the town is the place.
        at = place.end - (len(name) - len(bare))  # where the possessive begins
        if countries.get(bare) is None and _TOWN_SITE.match(text, at) and bare[:1].isupper():
            return len(bare) >= MIN_NAME and not _is_demonym(bare, "", countries)
        return countries.get(bare) is not None
    first = name.split()[0]
    if first.lower() in _WEEKDAYS or first in _DETERMINERS:
        return False
    if _COMPOUND_ADJECTIVE.match(text, place.end) or _COMPOUND_END.search(name):
        return False
    if country is not None:
        return True
    if name in _COMMUNITIES or _is_demonym(name, after, countries):
        return False
    if _ACRONYM.match(name.replace(" ", "")) and place.level != DATELINE:  # "KABUL —" is written in capitals
        return False
    return len(name) >= MIN_NAME


def _is_demonym(name: str, after: str, countries: CountryLexicon) -> bool:
    mentions = countries.find(name)
    if any(m.kind == "demonym" and m.start == 0 and m.end == len(name) for m in mentions):
        return True
    follows = _NEXT_WORD.match(after)
    return bool(
        " " not in name and _DEMONYM_SHAPE.match(name) and follows and follows.group(1) not in _FUNCTION_WORDS
    )


# A place named as the origin of fire ("shells fired from positions near the village of X") is not the
# event's place. The window is a clause of wire prose (characters before the place name).
ORIGIN_WINDOW = 70
_ORIGIN = re.compile(r"\b(?:fired|launched|came|coming|originat\w*)\s+from\b[^.;,]*$", re.I)

# A place that seats a source: "citing the Ministry of Interior in Gaza", "the health ministry in Gaza
# said", "officials in Kyiv told reporters". Only with a citation before or a speech verb right after,
# so "a strike hit the Interior Ministry in Gaza City" keeps its place.
_INSTITUTION = (
    r"(?:ministry|ministries|office|authorities|authority|government|council|officials?|spokes(?:man|woman|person)"
    r"|department|directorate|agency|command|embassy|correspondents?|sources?|media)"
)
_SEAT_BEFORE = re.compile(
    rf"\b{_INSTITUTION}(?:\s+of\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)?)?\s+(?:in|based in)\s+(?:the\s+)?$",
    re.I,
)
_CITING = re.compile(r"\b(?:citing|according to|quoted|quoting|told|cited by)\b[^.;]*$", re.I)
_SAID_AFTER = re.compile(r"^[\w\s'’-]{0,25}?\s(?:said|says|reported|announced|told|stated|confirmed)\b", re.I)


def fired_from(text: str, place: PlaceMention) -> bool:
    """The place is where fire came from ("shells fired from ... X"), not where it landed."""
    return _told_before(_ORIGIN, text, place)


# A place named as a party to trade, talks or ties ("beef imports from the United States", "talks with
# Russia", "deported to Afghanistan"): the other side of a relation, not where the event happened.
_COUNTERPART = re.compile(
    r"\b(?:imports?|exports?|shipments?|trade|ties|relations|talks|negotiations|dialogue|deals?|agreements?"
    r"|treaty|summit|visit|trip|envoy|ambassador|flights?|extradit\w*|deport\w*|repatriat\w*)"
    r"\s+(?:with|from|to|between)\s+(?:the\s+)?$",
    re.I,
)


def counterpart(text: str, place: PlaceMention) -> bool:
    """The place is the other side of a relation the sentence names ("imports from X", "talks with X")."""
    return _told_before(_COUNTERPART, text, place)


# Where the wounded were treated or died later, or were rushed or flown to ("two more died in hospital in
# Maiduguri", "were rushed to a hospital in Quetta", "airlifted to Nairobi"): where victims were cared for,
# not where the event happened.
_CARED_FOR = re.compile(
    r"\b(?:(?:died|treated|admitted|recovering|hospitali[sz]ed|succumbed)\s+(?:[\w-]+\s+){0,5}?(?:hospitals?"
    r"|clinics?|medical (?:centres?|centers?|facilit(?:y|ies)))\s+(?:in|at)"
    r"|(?:rushed|evacuated|airlifted|flown)\s+(?:[\w-]+\s+){0,5}?to"
    r"|(?:rushed|evacuated|airlifted|flown|taken|brought)\s+(?:[\w-]+\s+){0,5}?to\s+(?:an?|the)\s+(?:[\w-]+\s+)?"
    r"(?:hospitals?|clinics?)\s+(?:in|at))\s+(?:the\s+)?(?:(?:city|town)\s+of\s+)?$",
    re.I,
)


def cared_for_at(text: str, place: PlaceMention) -> bool:
    """The place is where victims were treated or flown to, not where the event happened."""
    return _told_before(_CARED_FOR, text, place)


def _told_before(pattern: re.Pattern[str], text: str, place: PlaceMention) -> bool:
    """`pattern` ends right before the place, within ORIGIN_WINDOW characters."""
    return bool(pattern.search(text[max(0, place.start - ORIGIN_WINDOW) : place.start]))


def speaker_seat(text: str, place: PlaceMention) -> bool:
    """The place seats a source quoted about the event ("the health ministry in Gaza said")."""
    before = text[max(0, place.start - ORIGIN_WINDOW) : place.start]
    seat = _SEAT_BEFORE.search(before)
    if seat is None:
        return False
    return bool(_CITING.search(before[: seat.start()]) or _SAID_AFTER.match(text[place.end : place.end + 40]))


# A country's capital named by its role: "the Qatari capital", "Chad's capital (N'Djamena)", "the capital of
# Somalia". ACLED codes such an event at the capital city; the geocoder reads the phrase (geo/capitals.py).
# A name in apposition names the city itself: "the Afghan capital, Kabul", "Chad's capital N'Djamena".
_CAPITAL_AFTER = re.compile(
    r"(?:['’]s)?\s+capital(?:\s+city)?\b(?:,?\s+(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}))?"
)
_CAPITAL_BEFORE = re.compile(r"\bcapital(?:\s+city)?\s+of\s+(?:the\s+)?$")
_CAPITAL_WORD = re.compile(r"\bcapital(?:\s+city)?$|^capital\b")


def capital_named(place: PlaceMention, text: str, countries: CountryLexicon) -> PlaceMention:
    """`place` read as the capital its country names, when the text names a capital by its country (a
    demonym, a country or a country's possessive); else `place` itself."""
    name = re.sub(r"['’]s?$", "", place.text.strip())
    if countries.get(name) is None and not any(
        m.kind in ("demonym", "name") and m.start == 0 and m.end == len(name) for m in countries.find(name)
    ):
        return place
    if (m := _CAPITAL_AFTER.match(text, place.end)) is not None:
        if m.group("name") and m.group("name").split()[0] not in _WEEKDAY_NAMES:
            start = m.start("name")
            return PlaceMention(m.group("name"), start, m.end("name"), TOWN, sentence=place.sentence)
        end = m.end() if not m.group("name") else m.start("name")
        phrase = text[place.start : end].rstrip(" ,")
        return PlaceMention(phrase, place.start, place.start + len(phrase), TOWN, sentence=place.sentence)
    before = _CAPITAL_BEFORE.search(text[max(0, place.start - 30) : place.start])
    if before is not None:
        start = max(0, place.start - 30) + before.start()
        return replace(place, text=text[start : place.end], start=start, level=TOWN)
    return place


def is_capital(place: PlaceMention) -> bool:
    """`place` is a capital named by its role (`capital_named`)."""
    return bool(_CAPITAL_WORD.search(place.text))


# What a demonstration is about, before a place it names: "protested in Doha against the war in Gaza",
# "rallied in solidarity with the people of Rafah". The place where the crowd stood is told elsewhere in the
# sentence; the cause's place is not the event's (ACLED codes where the demonstration happened).
_CAUSE = re.compile(
    r"\b(?:against|protesting|denouncing|condemning|decrying|in\s+solidarity\s+with|in\s+support\s+of)\b"
    r"[^.;,:]{0,50}$",
    re.I,
)


def demonstrated_where(text: str, places: list[PlaceMention]) -> list[PlaceMention]:
    """`places` without those a demonstration's cause names, when the sentence names another place."""
    cause = [p for p in places if _CAUSE.search(text[max(0, p.start - 60) : p.start])]
    return [p for p in places if p not in cause] if cause and len(cause) < len(places) else places


def facilities_in_towns(text: str, places: list[PlaceMention]) -> list[PlaceMention]:
    """`places` with each building or institution read as the town it stands in: dropped when the sentence
    names a town beside it ("In Tel Aviv, 3,000 people demonstrated outside the Defence Ministry"), else
    the town that holds it ("the Interior Ministry in Ankara"), else kept (the geocoder reads a town in
    its name, "Karachi Press Club", or falls back to the article's place)."""
    facility = [is_facility(p.text) for p in places]
    towns = any(p.level == TOWN and not f for p, f in zip(places, facility, strict=True))
    out: list[PlaceMention] = []
    for p, f in zip(places, facility, strict=True):
        if not f:
            out.append(p)
        elif towns:
            continue
        elif p.parent and (at := text.find(p.parent, p.end)) >= 0:
            out.append(PlaceMention(p.parent, at, at + len(p.parent), TOWN, sentence=p.sentence))
        else:
            out.append(p)
    return out


def described_places(text: str, places: list[PlaceMention]) -> list[PlaceMention]:
    """`places` without those a state of people names ("hostages held in Gaza"), when the sentence names
    another place."""
    state = [p for p in places if told_as_state(text, p.start)]
    return [p for p in places if p not in state] if state and len(state) < len(places) else places
