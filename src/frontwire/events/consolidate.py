"""One event per real event in an article: mentions of one occurrence become one record.

A news article names its main event in the headline, again in the lead, and again in follow-up
paragraphs ("The bombings ...", "The explosion destroyed ..."). The coder reads each of those as it
comes; after places are resolved, this step joins the mentions that ACLED would code as one event:
one event type, one day, one place (codebook: "one event per type, date and location").

Two mentions of one article are one event when they have the same event type and the same date and
- the same resolved place (the gazetteer id, else the name), or
- one is placed only at country level (no place of its own, geo-precision 3) in the other's country:
  the country-level mention is the same act told without its place.
- one is placed at a named place the gazetteer resolved, and the other at a name it did not know (coded
  only to the region that holds the first) whose own sentence sets it inside the first ("two car bombs
  went off in Karrada in central Baghdad"): a part of the town told apart, not another event.
- one is placed at a name the gazetteer did not know, coded only to a region, and its own sentences
  name the other's resolved place in that region ("shelling kills civilians in Kashmir's Poonch", "a
  bomb struck a Puntland vehicle on the road to Qandala"): the same act told at a coarser place word.
- one is placed at a province or district, the other at a resolved place inside it, and one sentence tells
  both, the area after the town as what holds it ("a camp at Plaine Savo in Djugu territory"): the act is
  at the finer place.
A mention whose sentences write no date at all (its day was taken from the event told before it) and
another of the same sub-type at the same place (finer than a country) are one event too, whatever day
the first was given: the undated one re-tells the dated one ("The raid on the camp ..." after an aside
about an older event).
Two strikes or blasts the text tells apart ("another air strike hit a school") stay two, even on one
day at one place: the reader is told they are two acts.
A generic attack known only by its outcome ("30 people were killed") on the day of an explosion or a
strike in the same country is that explosion or strike told by its toll (ACLED codes the weapon; the
toll is often given for a city or the country while the blasts are placed at their sites).
A protest and a violent demonstration on one day at one place are one crowd told as it turned (codebook:
one event, coded by what happened at it): the violent demonstration's coding leads when both are placed at
the same place (a riot told only at country level may be another city's, and the first telling is kept).
Property burned or looted on the day of a riot, a raid, a battle or a strike at its place is that act's, whose
coding leads (ACLED codes looting and property destruction on its own only when no other event holds it).
Two names of one sentence that the gazetteer did not know ("in the Hamdallaye and Bambeto neighbourhoods"),
both coded to the same area, are one event: once coded they are one location; so are two such names of one
act's sentences, coded to one location.
A headline that tells deaths only ("14 rebels killed in two-day encounter"), with no date of its own, and
a battle or an explosion in the same country told in the body are one event: the headline sums up the
story the body tells, and the event takes the body's coding and day.
Weapons seized or recovered, or missiles intercepted (Disrupted weapons use), on the day of a battle, an
explosion or an attack at the same place, or told with no place of their own in its country, are part of
that event (codebook: weapons seized in the course of a clash belong to the clash; an interception of a
strike that hit belongs to the strike): the event keeps the violent coding whichever came first. So
are arrests told in one breath with the operation's dead ("60 suspects were killed and 81 arrested").

The event keeps the first mention's coding (the headline or lead reads the event as a whole), takes
a finer place and a death toll from the others when it has none, and gathers every evidence span.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from frontwire.records import EventMention

# The generic sub-type of an attack told by its outcome, and the event types whose specific weapon
# sub-types it defers to.
GENERIC_ATTACK = "Attack"
WEAPON_EVENT_TYPES = frozenset(("Explosions/Remote violence",))
# An attack told with a means of its own (gunfire, a blade, beating, burning) is not an explosion's toll:
# "gunmen shot dead twelve people" stays an attack on a day the article also tells a bombing.
_OWN_MEANS = re.compile(
    r"\b(?:shot|shoot(?:ing|ings|er|ers)?|gunm[ae]n|gunfire|opened fire|rifles?|pistols?|Kalashnikovs?"
    r"|AK-47s?|stabb(?:ed|ing|ings)|knife|knives|machetes?|hacked|beaten|lynch(?:ed|ing)|hanged|beheaded"
    r"|strangled|burned alive)\b",
    re.I,
)
# Passes over an article's events: a second one finds what the first one's joins made alike (a region-level
# mention that took its town's place); the bound keeps a page of many mentions to a few quadratic passes.
MAX_PASSES = 3
VIOLENT_DEMONSTRATION = "Violent demonstration"
LOOTING = "Looting/property destruction"
# The event types a headline's toll defers to.
HEADLINE_TOLL_TYPES = frozenset(("Battles", "Explosions/Remote violence"))
# The sub-type of seizures and interceptions, and the event types whose course they can be part of.
DISRUPTED = "Disrupted weapons use"
VIOLENT_EVENT_TYPES = frozenset(("Battles", "Explosions/Remote violence", "Violence against civilians"))
# Words that tell weapons taken or stopped in the course of an act: a hand-over or a surrender is not.
_SEIZED = re.compile(
    r"\b(?:seiz|recover|confiscat|captur|intercept|shot down|downed|defus|found|impound)\w*", re.I
)
# The events a wrecking told on their day and at their place is part of.
WRECKING_EVENT_TYPES = VIOLENT_EVENT_TYPES | {"Riots"}
# Arrests told in one breath with the dead of an operation: its tally, not an arrest campaign of its own.
ARRESTS = "Arrests"
_TALLY = re.compile(r"\b(?:killed|dead|died)\b[^.;]{0,60}\b(?:arrested|detained|captured)\b", re.I)
# Words that set an act apart from one told before in the article ("another air strike hit a school",
# "in a separate attack"); an ordinal may count the blasts of one act ("a third explosion occurred"
# after "three car bombs"), so it is no such word here.
_OTHER_ACT = re.compile(r"\b(?:another|separate|separately|again|fresh)\b", re.I)
COUNTRY_LEVEL = 3  # ACLED geo_precision: the region or country only
# Words that date a sentence: a weekday, a month, a relative day, a year.
_DATE_WORDS = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|overnight"
    r"|last (?:night|week|month|year)|this (?:morning|week|month|year)|earlier|(?:19|20)\d\d"
    r"|jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?"
    r"|nov(?:ember)?|dec(?:ember)?)\b",
    re.I,
)
# Words that set a part of a town inside it: "in west Baghdad", "in downtown Kabul".
_SIDES = (
    "north|south|east|west|central|northern|southern|eastern|western|north-western|north-eastern"
    "|south-western|south-eastern|downtown|greater|old"
)


def consolidate(events: Iterable[EventMention]) -> list[EventMention]:
    """The article's events with each real event once; evidence of the joined mentions is kept. A join
    can make a kept event match one told before it (a region-level mention that took its town's place):
    the pass runs again while it joins anything, at most MAX_PASSES times."""
    out = _join(events)
    for _ in range(MAX_PASSES - 1):
        again = _join(out)
        if len(again) == len(out):
            break
        out = again
    return out


def _join(events: Iterable[EventMention]) -> list[EventMention]:
    out: list[EventMention] = []
    for ev in events:
        at = next((i for i, kept in enumerate(out) if same_event(kept, ev)), None)
        if at is None:
            out.append(ev)
        elif _leads(ev, out[at]):
            _absorb(ev, out[at])  # the violent event (the body's telling) leads; what came first joins it
            out[at] = ev
        else:
            _absorb(out[at], ev)
    return out


def _leads(new: EventMention, kept: EventMention) -> bool:
    """`new` takes the lead of the event `kept` began: the act a seizure, a headline's toll, a protest
    that turned or a wrecking was part of."""
    return _seizure_in(kept, new) or _headline_toll(kept, new) or _turned(kept, new) or _wrecked_in(kept, new)


def same_event(a: EventMention, b: EventMention) -> bool:
    """Whether two mentions in one article code the same occurrence (type, day, place)."""
    if _headline_toll(a, b) or _headline_toll(b, a):
        return _same_place(a, b) or _same_country(a, b)
    if _told_apart(a, b):
        return False
    if a.event_date != b.event_date:
        if writes_date(a) and writes_date(b) or a.sub_event_type != b.sub_event_type:
            return False
        # A country is too wide to tell a re-telling from another act there.
        town = not (_country_level(a) or _country_level(b))
        return town and _key(a) is not None and _key(a) == _key(b)
    if _one_demonstration(a, b):
        return _same_place(a, b)
    if _wrecked_in(a, b) or _wrecked_in(b, a):
        return _same_place(a, b)
    if _seizure_in(a, b) or _seizure_in(b, a):
        seizure = a if a.sub_event_type == DISRUPTED else b
        return _same_place(a, b) or (_no_place_written(seizure) and _same_country(a, b))
    if a.event_type == b.event_type:
        return (
            _same_place(a, b)
            or _inside(a, b)
            or _inside(b, a)
            or _coarser(a, b)
            or _coarser(b, a)
            or _region_of(a, b)
            or _region_of(b, a)
            or _qualifier_of(a, b)
            or _qualifier_of(b, a)
        )
    if _toll_of_weapon(a, b) or _toll_of_weapon(b, a):
        return _same_place(a, b) or _same_country(a, b)
    return False


def _told_apart(a: EventMention, b: EventMention) -> bool:
    """Two strikes or blasts, the later told as another act ("another air strike hit a school in the
    town", "in a separate attack, a drone ..."): two acts, even on one day at one place. Only explosions
    and strikes: news tells a second wave of one battle or one massacre the same way (held to these
    types after the wider rule split a development-half Wikinews event)."""
    if a.event_type not in WEAPON_EVENT_TYPES or b.event_type not in WEAPON_EVENT_TYPES:
        return False
    later = b if (b.evidence and a.evidence and b.evidence[0].start > a.evidence[0].start) else a
    return bool(later.evidence) and bool(_OTHER_ACT.search(later.evidence[0].text))


def _one_demonstration(a: EventMention, b: EventMention) -> bool:
    """A protest and a violent demonstration: the same crowd told as it turned (codebook: one event, coded
    by what happened at it; the first telling's coding is kept, as for every join here)."""
    kinds = {a.sub_event_type, b.sub_event_type}
    return VIOLENT_DEMONSTRATION in kinds and {a.event_type, b.event_type} == {"Protests", "Riots"}


def _turned(protest: EventMention, riot: EventMention) -> bool:
    """`protest` a protest and `riot` a violent demonstration told after it at the same place (a riot told
    only at country level may be another city's): the crowd turned, and the event is coded by what
    happened at it (codebook: protests are demonstrations whose participants are not violent)."""
    same = _key(protest) is not None and _key(protest) == _key(riot)
    return same and protest.event_type == "Protests" and riot.sub_event_type == VIOLENT_DEMONSTRATION


def _wrecked_in(wreck: EventMention, act: EventMention) -> bool:
    """`wreck` codes property burned or looted, `act` a riot or a violent act (a raid, a battle, a strike):
    told on one day at one place, the wrecking is the act's ("Several vehicles parked at the building were
    also torched", after protesters stormed it; "Houses were looted", after gunmen raided a village).
    The act's coding leads."""
    return wreck.sub_event_type == LOOTING and act.event_type in WRECKING_EVENT_TYPES


def _headline_toll(headline: EventMention, body: EventMention) -> bool:
    """`headline` is a generic attack told only in the article's first sentence, with no date; `body` a
    battle or an explosion told with one."""
    first_only = len(headline.evidence) == 1 and headline.evidence[0].start == 0
    return (
        first_only
        and headline.sub_event_type == GENERIC_ATTACK
        and body.event_type in HEADLINE_TOLL_TYPES
        and not writes_date(headline)
        and writes_date(body)
    )


def _seizure_in(seizure: EventMention, violent: EventMention) -> bool:
    """`seizure` codes weapons seized or intercepted, or arrests tallied with the dead of an operation
    ("60 suspects were killed and 81 arrested"); `violent` a battle, an explosion or an attack."""
    if violent.event_type not in VIOLENT_EVENT_TYPES or violent.sub_event_type == DISRUPTED:
        return False
    if seizure.sub_event_type == DISRUPTED:
        return any(_SEIZED.search(e.text) for e in seizure.evidence)
    return seizure.sub_event_type == ARRESTS and any(_TALLY.search(e.text) for e in seizure.evidence)


def _no_place_written(ev: EventMention) -> bool:
    """None of the mention's sentences writes its place name ("Weapons were recovered from the site"):
    its place was taken from the article, not told."""
    name = (ev.location_text or "").strip().lower()
    return not name or not any(name in e.text.lower() for e in ev.evidence)


def writes_date(ev: EventMention) -> bool:
    """Whether any of the mention's sentences writes a date (a day, a month, "yesterday")."""
    return any(_DATE_WORDS.search(e.text) for e in ev.evidence)


def _same_country(a: EventMention, b: EventMention) -> bool:
    ca = a.place.country if a.place is not None else None
    cb = b.place.country if b.place is not None else None
    return ca is not None and ca == cb


def _toll_of_weapon(generic: EventMention, weapon: EventMention) -> bool:
    return (
        generic.sub_event_type == GENERIC_ATTACK
        and weapon.event_type in WEAPON_EVENT_TYPES
        and not any(_OWN_MEANS.search(e.text) for e in generic.evidence)
    )


def _key(ev: EventMention) -> str | None:
    """The event's place: its gazetteer id, else its name as written (a name the gazetteer did not know
    may have been coded to its province, which two different places share)."""
    if ev.place is not None and ev.place.geonameid is not None:
        return str(ev.place.geonameid)
    name = ev.location_text or (ev.place.location if ev.place is not None else None)
    return name.strip().lower() if name else None


def _one_list_one_area(a: EventMention, b: EventMention) -> bool:
    """Two names of one sentence, both coded to the same area only: names the gazetteer did not know ("in the
    Hamdallaye and Bambeto neighbourhoods"), or, in the sentence that starts both mentions, an unknown name
    and the area that holds it ("in Jos South Local Government Area of Plateau State"). One act at what is,
    once coded, one location (codebook: one event per type, date and location)."""
    if not (_area_only(a) and _area_only(b) and a.evidence and b.evidence):
        return False
    assert a.place is not None and b.place is not None
    if (a.place.location, a.place.admin1) != (b.place.location, b.place.admin1):
        return False
    if a.evidence[0].start != b.evidence[0].start:
        return False
    names = (a.location_text or "", b.location_text or "")
    told = a.evidence if _fell_back(a) and _fell_back(b) else a.evidence[:1]
    return any(all(n and n in e.text for n in names) for e in told)


# The words of another act, and those a sentence joined to an event may tell one by ("There was a subsequent
# attack at Maelbeek", "gunmen also attacked").
_ANOTHER_ACT = re.compile(rf"{_OTHER_ACT.pattern}|\b(?:subsequent|second|later|also)\b", re.I)
# The geocoder's notes for a name it did not find (geo/resolver.py, geo/article_place.py).
_NOT_FOUND = re.compile(r"\bis not in the gazetteer\b|^no place called\b")


def _one_act_unknown_names(a: EventMention, b: EventMention) -> bool:
    """One act told in the same sentences with two place words the gazetteer did not know, both coded to one
    location ("clashes in the Harib district south of Marib city ... when Houthi units attacked positions in
    the Al-Kasara area", both coded to Ma'rib): once coded, one location (codebook: one event per type, date
    and location)."""
    if not (_unknown_name(a) and _unknown_name(b) and a.evidence and b.evidence):
        return False
    assert a.place is not None and b.place is not None
    same_sentences = [e.start for e in a.evidence] == [e.start for e in b.evidence]
    if not same_sentences or (a.place.location, a.place.admin1) != (b.place.location, b.place.admin1):
        return False
    # A name written in a sentence that tells another act ("There was a subsequent attack at Maelbeek") is
    # that act's place, though the coder joined the sentences.
    names = [n for n in (a.location_text, b.location_text) if n]
    named = [e.text for e in a.evidence if any(n in e.text for n in names)]
    return not any(_ANOTHER_ACT.search(text) for text in named)


def _unknown_name(ev: EventMention) -> bool:
    """The event's place name was not in the gazetteer, and the geocoder placed it by what the text says it
    is near or inside, or at the article's area ("'Harib' is not in the gazetteer; placed at Ma'rib")."""
    note = ev.place.note if ev.place is not None else None
    return bool(ev.location_text and note and _NOT_FOUND.search(note))


def _area_only(ev: EventMention) -> bool:
    """The event is coded to an area (a province, a district), with no point of its own in the gazetteer."""
    place = ev.place
    return place is not None and place.geonameid is None and place.geo_precision >= COUNTRY_LEVEL


def _fell_back(ev: EventMention) -> bool:
    """The event's place name was not found and the event was coded to an area around it."""
    place = ev.place
    return place is not None and place.geo_precision >= COUNTRY_LEVEL and "gazetteer" in (place.note or "")


def _country_level(ev: EventMention) -> bool:
    """Placed only in a country: no place, or a place that is the country itself (a region placed at
    geo-precision 3 is still a place of its own)."""
    place = ev.place
    if place is None:
        return not ev.location_text  # a name the gazetteer did not know is still a place of its own
    names = {(ev.location_text or "").strip().lower(), place.location.strip().lower()}
    return place.geo_precision >= COUNTRY_LEVEL and (place.country or "").lower() in names


def _same_place(a: EventMention, b: EventMention) -> bool:
    if _key(a) is not None and _key(a) == _key(b):
        return True
    if _one_list_one_area(a, b) or _one_act_unknown_names(a, b):
        return True
    if not (_country_level(a) or _country_level(b)):
        return False
    ca = a.place.country if a.place is not None else None
    cb = b.place.country if b.place is not None else None
    return ca is None or cb is None or ca == cb


def _inside(town: EventMention, part: EventMention) -> bool:
    """`part` is placed at a name the gazetteer did not know, coded to the region of `town` (a resolved
    place), and its own sentence writes that name inside `town` ("in west Baghdad", "Baghdad's")."""
    if not _in_region_of(part, town):
        return False
    name = re.escape(town.location_text or "")
    within = re.compile(rf"\b(?:in|of)\s+(?:(?:{_SIDES})\s+)?{name}\b|\b{name}['’]s\b", re.I)
    return bool(within.search(part.evidence[0].text))


def _coarser(coarse: EventMention, fine: EventMention) -> bool:
    """`coarse` is placed at a name the gazetteer did not know, coded to a region only, and its first
    sentence names `fine`'s resolved place, which lies in that region."""
    region = coarse.place
    if region is None or region.geo_precision < COUNTRY_LEVEL or not _in_region_of(coarse, fine):
        return False
    if (region.admin1 or "").lower() not in (coarse.location_text or "").lower():
        return False
    name = re.compile(rf"\b{re.escape(fine.location_text or '')}\b", re.I)
    return bool(name.search(coarse.evidence[0].text))


# How far after a town its sentence may name the area that holds it ("Dogo Nahawa, a mainly Berom village in
# Jos South Local Government Area of Plateau State").
_HOLDS_REACH = 100


def _region_of(region: EventMention, town: EventMention) -> bool:
    """`region` is placed at a province or district (no point of its own), `town` at a resolved place
    inside it, and one sentence tells both: "an attack on a camp at Plaine Savo in Djugu territory", "the
    attack on Dogo Nahawa ... in Jos South, Plateau State" is one act at the finer place, not one more at the
    area that holds it (codebook: the most precise location)."""
    r, t = region.place, town.place
    if r is None or t is None or r.geonameid is not None or t.geonameid is None:
        return False
    if r.geo_precision < COUNTRY_LEVEL:
        return False
    if not r.admin1 or r.admin1 != t.admin1 or (r.admin2 and r.admin2 != t.admin2):
        return False
    told = {e.start for e in town.evidence}
    shared = [e.text for e in region.evidence if e.start in told]
    name, area = town.location_text or "", region.location_text or ""
    return any(_holds(text, name, area) for text in shared)


def _holds(text: str, town: str, area: str) -> bool:
    """The sentence writes `area` after `town` as what holds it ("at Plaine Savo in Djugu territory",
    "Bukuru, in Jos South, Plateau State"), not beside it in a list ("in Bukuru and Plateau State")."""
    at, inside = text.find(town), text.rfind(area)
    if not town or not area or at < 0 or inside <= at:
        return False
    between = text[at + len(town) : inside]
    return len(between) <= _HOLDS_REACH and not re.search(r"\b(?:and|or|while|but)\b|[;.]", between)


def _qualifier_of(qualifier: EventMention, town: EventMention) -> bool:
    """`qualifier` is written right after `town` and a comma, in the sentence that starts both, and names
    the province, district or country `town` was coded in ("El Paso, Texas", "in Mbinga, Ruvuma Region"):
    it qualifies the town's name and is no place of its own (and may have been coded to a namesake
    elsewhere: "Texas", a village in Mexico, in an article that names Mexican victims)."""
    t = town.place
    if t is None or t.geonameid is None or not qualifier.evidence or not town.evidence:
        return False
    name, qual = town.location_text or "", qualifier.location_text or ""
    told = qualifier.evidence[0]
    if not name or not qual or told.start != town.evidence[0].start or f"{name}, {qual}" not in told.text:
        return False
    return any(_names_area(qual, area) for area in (t.admin1, t.admin2, t.country))


def _names_area(written: str, area: str | None) -> bool:
    """`written` is the area's name, alone or with one word after it ("Texas", "Ruvuma Region")."""
    w, a = written.casefold(), (area or "").casefold()
    return bool(a) and (w == a or (w.startswith(a + " ") and " " not in w[len(a) + 1 :]))


def _in_region_of(part: EventMention, town: EventMention) -> bool:
    """`town` is placed at a resolved place, and `part` (with evidence) only at a name the gazetteer did
    not know, coded to the region that holds `town`."""
    t, r = town.place, part.place
    if t is None or t.geonameid is None or not town.location_text or not t.admin1:
        return False
    return r is not None and r.geonameid is None and bool(part.evidence) and r.admin1 == t.admin1


def _absorb(kept: EventMention, other: EventMention) -> None:
    """Fold `other` into `kept`: the day `other` writes when `kept` writes none, a finer place, a death
    toll when `kept` has none, every evidence span."""
    if kept.event_date != other.event_date and not writes_date(kept) and writes_date(other):
        kept.event_date, kept.time_precision = other.event_date, other.time_precision  # the day written
    finer = _coarser(kept, other) or _region_of(kept, other) or _qualifier_of(kept, other)
    if _country_level(kept) and not _country_level(other) or finer:
        kept.place, kept.location_text = other.place, other.location_text
    if kept.event_type != other.event_type and other.event_type in WEAPON_EVENT_TYPES:
        kept.event_type, kept.sub_event_type = other.event_type, other.sub_event_type
    if kept.fatalities is None and other.fatalities is not None:
        kept.fatalities = other.fatalities
        kept.fatalities_low, kept.fatalities_high = other.fatalities_low, other.fatalities_high
    seen = {(e.start, e.end) for e in kept.evidence}
    kept.evidence.extend(e for e in other.evidence if (e.start, e.end) not in seen)
    kept.evidence.sort(key=lambda e: e.start)
