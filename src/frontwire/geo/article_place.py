"""An article's events placed in the article's context: the hand-off from the coder to the resolver.

- An event's place is read in the sentence that tells it (`told_in`), not at the name's first mention.
- A country the event's sentences do not write (the coder named it from an actor's nationality, "Sudanese
  troops", or from the article's demonyms) says nothing of where the event is: it goes where the article
  is (`article_place`: its focus province, else its main country, precision 3).
- A country the article is about, written as the place, is coded at country level: not a town abroad that
  lists its name among its alternates (Arak, Iran: "Iraq"), nor the own name of an area or town in another
  country the article is about ("Georgia" in a report from the United States).
- A large city abroad, named as the place ("protests outside embassies in Rome, Paris and The Hague" in
  an article about Iran), is that city when no place of the name lies in the article's countries and no
  namesake elsewhere comes near its size: not the article's own province. It must be written where a
  place is ("in", "at", "outside" it, or in a list after them): a capital standing for its government
  ("Moscow's strikes", "Washington said") places nothing. A country's capital needs its namesakes only
  CAPITAL_RATIO times smaller ("in east Athens" is not Athens, Georgia).
- A name the gazetteer lacks that would fall back to the article's country is placed at the town its own
  sentence names as a place ("In Busan, ... in the Seomyeon shopping district"), not at a list's neighbour.
- A facility the gazetteer lacks, named after a large city abroad ("Kuala Lumpur International Airport" in a
  story about North Korea), is in that city, under the same conditions as a city abroad.
- A country whose police the event's sentence names by nationality ("Peruvian police have arrested ...",
  in a digest whose other stories are Russian) is where the event is: police act in their own state.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from frontwire.events.actors import POLICE_NOUNS
from frontwire.geo.capitals import capital_names
from frontwire.geo.context import DOMINANT_RATIO, GeoContext, country_words, named_countries
from frontwire.geo.detect import gazetteer_spans
from frontwire.geo.gazetteer import Place
from frontwire.geo.names import name_key
from frontwire.geo.query import parse_location
from frontwire.records import Article, EventMention, Location, story_at
from frontwire.store.countries import acled_country

if TYPE_CHECKING:
    from frontwire.geo.resolver import Resolver


# Geo-precision of a town or a part of one (2: near it, or a district's seat).
TOWN_PRECISION = 2
# The resolver's note when an unknown name falls back to the article's main country (resolver._fallback).
COUNTRY_FALLBACK = "coded to the country the article is about"
# A state's police as ACLED names them: "Police Forces of the Philippines (2016-2022)".
_POLICE = re.compile(r"Police Forces of (?:the )?(.+?)(?: \(\d{4}-(?:\d{4})?\))?$")
# The nouns after a nationality that name a state's police (events.actors' demonym forces), longest first.
_POLICE_NOUN = re.compile(
    r"\s+(?:" + "|".join(re.escape(n) for n in sorted(POLICE_NOUNS, key=len, reverse=True)) + r")\b", re.I
)
# Where a name is written as a place: after "in", "at", "outside" ..., alone or in a list.
_LIST_ITEM = r"(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}(?:\s*,\s*(?:and\s+)?|\s+and\s+))"
# A part of a town told by its side: "in east Athens", "in northern Baghdad", "in central Kabul".
_SIDE = r"(?:(?i:(?:north|south)(?:-?(?:east|west))?(?:ern)?|east(?:ern)?|west(?:ern)?|central|downtown)\s+)?"
_LOCATIVE = (
    rf"\b(?:in|at|outside|inside|near|across|throughout)\s+(?:the\s+)?{_SIDE}{_LIST_ITEM}{{0,12}}(?:and\s+)?"
    rf"(?:[Tt]he\s+)?"
)
# A name written right after a locative preposition, the sentence's first word or not ("In Busan, ...").
_AT = r"\b(?i:in|at|near|outside|inside)\s+(?:the\s+)?" + _SIDE
# What joins a name to the town that holds it: "the Knesset in Jerusalem", "Zorbal Square, Marseille".
_HOLDER = re.compile(r"(?:\s*,\s*|\s+in\s+)(?:the\s+)?")
# What stands between two names of one list: "Chittagong, Rajshahi and Sylhet".
_SIBLINGS = re.compile(r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|[A-Z][\w'’-]*|\s+)*")
# A city of at least this many people, named abroad, is the city a reader knows by that name (The Hague,
# 474,000, is among the smallest seats of government news names on their own); its namesakes elsewhere
# must be DOMINANT_RATIO times smaller (London, Ontario is 21 times smaller than London).
WORLD_CITY_POP = 300_000
# A country's capital needs its namesakes elsewhere only this many times smaller: "clashes in Athens" in a
# digest of other countries' news is Greece's capital (664,000), not Athens, Georgia (127,000).
CAPITAL_RATIO = 4


def city_abroad(name: str, cands: list[Place], ctx: GeoContext) -> Place | None:
    """The large city `name` gives when none of its places lies in the article's countries. Towns that
    bear the name as their own outrank those that list it among alternate names (Lomé: "Rome")."""
    if not ctx.countries or any(c.country_code in ctx.countries for c in cands):
        return None
    if not re.search(_LOCATIVE + re.escape(name) + r"\b", ctx.text or ""):
        return None
    key = name_key(name)
    towns = [c for c in cands if c.fclass == "P"]
    towns = sorted([c for c in towns if name_key(c.name) == key] or towns, key=lambda c: -c.population)
    if not towns or towns[0].population < WORLD_CITY_POP:
        return None
    top = towns[0]
    rivals = [c.population for c in towns[1:] if c.country_code != top.country_code]
    capital = name_key(capital_names().get(top.country_code or "", "")) == name_key(top.name)
    ratio = CAPITAL_RATIO if capital else DOMINANT_RATIO
    return top if all(top.population >= ratio * r for r in rivals) else None


def city_of_facility(resolver: Resolver, name: str, ctx: GeoContext) -> Place | None:
    """The large city abroad a facility is named after, when the gazetteer lacks the facility ("Kuala
    Lumpur International Airport", "Kabul University" in an article about another country): the city the
    name's place words give, under `city_abroad`'s conditions."""
    primary = parse_location(name, resolver._known_name).primary
    if primary is None or name_key(primary.text) == name_key(name):
        return None
    return city_abroad(primary.text, resolver.gazetteer.lookup(name_key(primary.text)), ctx)


def policed_by(ev: EventMention, country: Place) -> bool:
    """The event's sentences name the police of `country` by nationality ("Peruvian police have arrested
    ...") and the coder made them an actor: police act in their own state, so the country is where the
    event is, not a nationality that says nothing of it. A generic "police" the coder gave the article's
    country is no such evidence."""
    names = {name_key(country.name), name_key(acled_country(country.country_code or "", country.name))}
    forces = (_POLICE.match(actor or "") for actor in (ev.actor1, ev.actor2))
    if not any(f is not None and name_key(f.group(1)) in names for f in forces):
        return False
    for e in ev.evidence:
        for m in country_words().find(e.text):
            ours = m.kind == "demonym" and name_key(m.country.name) in names
            if ours and _POLICE_NOUN.match(e.text, m.end):
                return True
    return False


def told_in(ev: EventMention, ctx: GeoContext) -> GeoContext:
    """The article's context read at the event's own sentence: the words around its place name there
    (containers, anchors, a list it stands in) are the ones that qualify it."""
    told = next((e.text for e in ev.evidence if ev.location_text and ev.location_text in e.text), None)
    return replace(ctx, text=told) if told else ctx


def _own_country(resolver: Resolver, ev: EventMention, ctx: GeoContext, placed: Location) -> Location:
    """A name that resolved to nothing falls back to the article's main country; when the event's own
    sentences name another country by its name ("Ukraine's president declared a truce after a violent
    evening in Kiev's Independence Square", in a digest whose other stories are Australian), the name is
    read again with that country first, and the town it finds there is the event's place."""
    if not placed.note or COUNTRY_FALLBACK not in placed.note or not ctx.countries:
        return placed
    own = named_countries(" ".join(e.text for e in ev.evidence), resolver.gazetteer)
    if not own or own[0] == ctx.countries[0]:
        return placed
    # The name read again with the event's own countries first: kept when it finds a town there; a mere
    # country-level guess is no better than the article's.
    countries = (*own, *(c for c in ctx.countries if c not in own))
    own_ctx = replace(ctx, countries=countries, focus=None, provinces=())
    again = resolver.resolve(ev.location_text or "", own_ctx)
    if again.geo_precision is not None and again.geo_precision <= TOWN_PRECISION and again.iso in own:
        return again
    return placed


def _town_around(resolver: Resolver, ev: EventMention, told: GeoContext, placed: Location) -> Location:
    """A name the gazetteer lacks, coded to the article's country, is often a part of a town the same
    sentence names as a place ("In Busan, about 8,000 people gathered in the Seomyeon shopping district"):
    the event is in that town, when it lies in one of the article's countries, rather than in the country
    the article is about. A name beside it in a list ("in Chittagong, Rajshahi and Sylhet") is no container.
    (Read against an article's focus province instead, the rule cost an unstudied event.) A large city
    abroad (`city_abroad`) holds it as well: "in the suburb of Peania, in east Athens", in a story whose
    other places are elsewhere."""
    text = ev.location_text or ""
    at = told.text.find(text) if told.text else -1
    if not placed.note or COUNTRY_FALLBACK not in placed.note or not text or at < 0:
        return placed
    # The town that holds it ("outside the Knesset in Jerusalem") first; then the town written before it,
    # nearest first ("in Lyon and Nice, and in Marseille students rallied in Zorbal Square": Marseille),
    # then those after it.
    spans = gazetteer_spans(told.text, resolver.gazetteer)
    holder = _HOLDER.match(told.text, at + len(text))
    spans.sort(key=lambda s: (not (holder and s.start == holder.end()), s.start > at, abs(s.start - at)))
    for span in spans:
        if text in span.text or not re.search(_AT + re.escape(span.text) + r"\b", told.text):
            continue
        between = told.text[span.end : at] if span.end <= at else told.text[at + len(text) : span.start]
        if _SIBLINGS.fullmatch(between):
            continue  # "in Chittagong, Rajshahi and Sylhet": a list's names are places side by side
        note = f"{text!r} is not in the gazetteer: coded to {span.text}, named with it"
        town = resolver.resolve(span.text, told)
        precise = town.geo_precision is not None and town.geo_precision <= TOWN_PRECISION
        if precise and town.iso in told.countries:
            return replace(town, note=note)
        abroad = city_abroad(span.text, resolver.gazetteer.lookup(name_key(span.text)), told)
        if abroad is not None:  # "in the suburb of Peania, in east Athens", in a digest of other countries
            return resolver._location(abroad, TOWN_PRECISION, note)
    return placed


def article_place(resolver: Resolver, ctx: GeoContext) -> Location | None:
    """Where an article is, for an event it places nowhere more precise: its focus province, else its
    main country (precision 3); None when the article says nothing of where it is."""
    if ctx.focus is not None:
        area = resolver.gazetteer.admin1_area(*ctx.focus)
        if area is not None:
            return resolver._location(area, 3, "no place named: coded to the province the article is about")
    if ctx.countries:
        country = resolver.gazetteer.country(ctx.countries[0])
        if country is not None:
            return resolver._location(country, 3, "no place named: coded to the country the article is about")
    return None


def place_event(resolver: Resolver, ev: EventMention, ctx: GeoContext) -> Location:
    """Where one event of the article is (see the module docstring)."""
    text = ev.location_text or ""
    told = told_in(ev, ctx)
    key = name_key(text)
    cands = resolver.gazetteer.lookup(key)
    country = next((c for c in cands if c.is_country and c.country_code), None)
    if country is None:
        abroad = city_abroad(text, cands, told)
        if abroad is None and not cands:
            abroad = city_of_facility(resolver, text, told)
        if abroad is not None:
            return resolver._location(abroad, 1, f"a city abroad: no {text!r} in the article's countries")
        placed = _own_country(resolver, ev, told, resolver.resolve(text, told))
        return _town_around(resolver, ev, told, placed)
    if policed_by(ev, country):
        return resolver._location(country, 3, f"a country: its police act in it ({country.name})")
    if ev.evidence and not any(text in e.text for e in ev.evidence):
        here = article_place(resolver, ctx)
        if here is not None:
            return here
    if country.country_code not in ctx.countries:
        return resolver.resolve(text, told)
    for c in cands:
        home = c.country_code in ctx.countries and c.country_code != country.country_code
        if home and not c.is_country and name_key(c.name) == key:
            return resolver.resolve(text, told)
    return resolver._location(country, 3, f"a country: coded to {country.name}")


def place_article_events(
    resolver: Resolver, article: Article, events: list[EventMention]
) -> list[EventMention]:
    """Fill `.place` of each event with a location string; one bad name never empties the others. On a digest
    of brief reports (`Article.stories`) each event is read in its own story's context, not in the page's
    mixture."""
    ctx = resolver.context(article)
    spans = article.story_spans()
    stories = [resolver.context(article.body[a:b]) for a, b in spans] if len(spans) > 1 else []
    for ev in events:
        if not ev.location_text:
            continue
        story = story_at(spans, ev.evidence[0].start) if stories and ev.evidence else None
        try:
            ev.place = place_event(resolver, ev, ctx if story is None else stories[story])
        except Exception as exc:  # noqa: BLE001 - isolate the fragile: one event's failure is noted
            ev.place = Location(
                location=ev.location_text, note=f"not resolved: {exc}", gazetteer=resolver.gazetteer.name
            )
    return events
