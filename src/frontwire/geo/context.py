"""What an article says about where it is: the countries and provinces it names, the places in it."""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from frontwire.events.actors import CountryLexicon
from frontwire.geo.detect import find_places
from frontwire.geo.gazetteer import Gazetteer, Place
from frontwire.geo.names import load_rules, name_key

# A country named by its name or another name of it ("the Gaza Strip") counts 1. Demonyms ("Syrian",
# "Saudi-led", "Russian shelling") count nothing: they name actors as often as places.
ALIAS_WEIGHT = 1.0
# A province named by its own name ("West Darfur", "Idlib province") says which country an article is
# about (Darfur villages reported beside one mention of Chad are in Sudan); a demonym ("Sudanese troops")
# never does. Half a country name: province names are also people's names and a TV channel's ("Al
# Jazeera" is a state of Sudan), and two of them outweigh a country named once in passing. Not counted
# when the feed gives the countries (set on the even halves of Wikinews and Airwars).
PROVINCE_WEIGHT = 0.5
# With no country named, the towns of one country outvote the provinces named only when they are at
# least this many (known towns or areas, a hamlet a quarter): one or two towns beside a province say as
# little as the province does (set after a short-snippet guard fell with any number).
TOWNS_OUTVOTE = 3.0
# The outlet's country counts as one more mention: a local outlet mostly reports its own country, but
# an article naming another country twice is about that one.
OUTLET_WEIGHT = 1.0
# A name whose most populous candidate has at least this many times the people of every candidate in
# other countries votes for that candidate's country ("Kherson" → Ukraine, though a Kherson exists
# elsewhere); set so a city of 300k outvotes villages of 5k.
DOMINANT_RATIO = 20
# A hamlet whose name is also a word ("Four" in France, "Statte" read from "State") is weak evidence of
# the article's country; an admin area or a town of this size is what a reader would recognise.
KNOWN_PLACE_POP = 15_000
HAMLET_VOTE = 0.25
# Countries mentioned at least this share of the most-mentioned country's weight are kept as
# context; set so that a Syria article naming the Russian air force keeps only Syria.
COUNTRY_KEEP_SHARE = 0.5
# An article is focused on one province when at least this share of its located place mentions
# (and at least FOCUS_MIN_MENTIONS of them) lie in it: a Gaza article naming Gaza, Rafah and
# Nuseirat is, a Syria round-up naming Homs, Idlib and Aleppo is not. Set on sentences written
# for the tests; the share leaves room for one stray namesake in a short text.
FOCUS_SHARE = 0.6
FOCUS_MIN_MENTIONS = 2
# A province named as such ("the Gaza Strip", "Idlib province") or a city of FOCUS_CITY_POP people
# or more says more about where an article is than a village that may be a namesake: it counts double.
FOCUS_STRONG_WEIGHT = 2
FOCUS_CITY_POP = 100_000
# Countries known from outside the text (the outlet, the feed) lead the context: adjectives in the
# text ("Israeli strikes") name actors as often as places.
KNOWN_COUNTRY_WEIGHT = 1000.0
# A town a reader knows by its name (KNOWN_PLACE_POP people or more, no namesake elsewhere within
# DOMINANT_RATIO of its size) counts as much as its country named, but only to order the countries the
# article names: "the Paris offices" put France before a "Yemen" named twice (set on our training articles:
# the main country wrong on 61 of 496 of them, 40 with this, 44 at half the weight).
TOWN_WEIGHT = 1.0


# A word after a country's name that makes the two a region's or a river's name ("the Niger Delta", "Niger
# State" in Nigeria, "the Congo River"): not the country.
_NAMED_AFTER_COUNTRY = re.compile(r"\s+(?:Delta|River|State|Basin|Valley|Region|Province)\b")


# A state's police, authorities and prosecutors act in its own territory ("South Korean police clamp down on
# protests", "Australian Federal Police arrested six"): the demonym before them says where the article is,
# as the country's name would. Other demonyms ("Syrian troops", "Russian shelling") still count nothing.
_HOME_NOUNS = r"(?:police|policemen|authorities|prosecutors)\b"
_HOME_STATE = re.compile(
    rf"\s+(?:(?:riot|anti-riot|federal|national|state|border|local|provincial)\s+)?{_HOME_NOUNS}", re.I
)
_ANY_HOME_NOUN = re.compile(rf"\b{_HOME_NOUNS}", re.I)


@functools.cache
def country_words() -> CountryLexicon:
    """The country names and demonyms (events.actors), loaded once per process."""
    return CountryLexicon.load()


def home_state_votes(text: str, gazetteer: Gazetteer) -> Counter[str]:
    """The countries whose police or authorities `text` names by their demonym, once per mention."""
    votes: Counter[str] = Counter()
    if not _ANY_HOME_NOUN.search(text):
        return votes  # most pages: no demonym scan
    for m in country_words().find(text):
        if m.kind != "demonym" or not _HOME_STATE.match(text, m.end):
            continue
        country = next((c for c in gazetteer.lookup(name_key(m.country.name)) if c.is_country), None)
        if country is not None and country.country_code:
            votes[country.country_code] += ALIAS_WEIGHT
    return votes


@dataclass(frozen=True, slots=True)
class GeoContext:
    """Where an article is: countries (most named first), provinces (cc, admin1), and other places' points."""

    countries: tuple[str, ...] = ()
    provinces: tuple[tuple[str, str], ...] = ()
    points: tuple[tuple[float, float], ...] = ()
    text: str = ""
    focus: tuple[str, str] | None = None
    # Countries known from outside the text (the feed's): a place the text names outside them is a
    # namesake even when a container name agrees with it ("Balad (Balad district)" in a Somalia feed).
    known: tuple[str, ...] = ()
    # The towns behind `points`, in the order the text names them (for placing a village the gazetteer
    # lacks at a town the article names in the same area).
    places: tuple[Place, ...] = ()


@functools.cache
def _alias_pattern(aliases: tuple[str, ...]) -> re.Pattern[str]:
    """Every country alias as one pattern, longest first ("Saudi Arabian" before "Saudi")."""
    body = "|".join(re.escape(a) for a in sorted(aliases, key=len, reverse=True))
    return re.compile(rf"\b(?:{body})\b")


def without_country_possessive(text: str) -> str:
    """ "Democratic Republic of Congo's Ituri" → "Ituri": a country named by an alias the gazetteer lacks,
    as a possessive before the place, says only where the place is (the article's context has it)."""
    m = _country_possessive(tuple(load_rules().country_aliases)).match(text)
    return text[m.end() :] if m and m.end() < len(text) else text


@functools.cache
def _country_possessive(aliases: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"^(?:the\s+)?{_alias_pattern(aliases).pattern}['’]s\s+(?=[A-Z])")


def named_countries(text: str, gazetteer: Gazetteer) -> tuple[str, ...]:
    """The countries `text` names by their own names or aliases ("Ukraine's president", "in Peru"), in
    the order it names them; towns and demonyms name none."""
    rules = load_rules()
    found: list[tuple[int, str]] = [
        (m.start(), rules.country_aliases[m.group(0)])
        for m in _alias_pattern(tuple(rules.country_aliases)).finditer(text)
    ]
    for sp in find_places(text, gazetteer, use_spacy=False):
        if sp.source != "gazetteer":
            continue
        key = name_key(sp.text)
        country = next((c for c in gazetteer.lookup(key) if c.is_country and c.country_code), None)
        if country is not None and name_key(country.name) == key:
            found.append((sp.start, country.country_code))
    out: list[str] = []
    for _, cc in sorted(found):
        if cc not in out:
            out.append(cc)
    return tuple(out)


def build_context(
    text: str, gazetteer: Gazetteer, *, countries: tuple[str, ...] = (), outlet_country: str | None = None
) -> GeoContext:
    """The context of `text`; `countries` adds countries known for sure (the feed's), `outlet_country`
    the outlet's country, which weighs as one mention."""
    rules = load_rules()
    weights: Counter[str] = Counter({cc: KNOWN_COUNTRY_WEIGHT for cc in countries})
    aliased: list[tuple[tuple[int, int], str]] = []
    for m in _alias_pattern(tuple(rules.country_aliases)).finditer(text):
        weights[rules.country_aliases[m.group(0)]] += ALIAS_WEIGHT
        aliased.append((m.span(), rules.country_aliases[m.group(0)]))
    weights.update(home_state_votes(text, gazetteer))
    # A name inside an alias is the alias's ("Congo" in "Democratic Republic of Congo" is not the Republic
    # of the Congo), and so is the same name told alone in that article ("eastern Congo").
    spans, redirect = [], {}
    for sp in find_places(text, gazetteer, use_spacy=False):
        if sp.source != "gazetteer":
            continue
        if _NAMED_AFTER_COUNTRY.match(text, sp.end) and any(
            c.is_country for c in gazetteer.lookup(name_key(sp.text))
        ):
            continue  # "the Niger Delta", "Niger State", "the Congo River": a region named after a country
        inside = next((cc for (a, b), cc in aliased if a < sp.end and sp.start < b), None)
        if inside is not None:
            redirect[name_key(sp.text)] = inside
        else:
            spans.append(sp)
    found = [(key, gazetteer.lookup(key)) for key in (name_key(s.text) for s in spans)]
    named = bool(weights)  # a country given or written by its name
    by_name = set(weights)  # the countries given or written by their names
    town_votes: Counter[str] = Counter()
    town_names: defaultdict[str, set[str]] = defaultdict(set)
    for key, cands in found:
        if key in redirect:
            weights[redirect[key]] += 1.0
            continue
        for c in cands:
            if c.is_country and c.country_code:
                weights[c.country_code] += 1.0
                by_name.add(c.country_code)
                named = True
                break
        else:
            if not countries and (cc := _province_country(key, cands)) is not None:
                weights[cc] += PROVINCE_WEIGHT
            elif not countries and (cc := _known_town_country(key, cands)) is not None:
                town_votes[cc] += TOWN_WEIGHT
                town_names[cc].add(key)
    if not weights:
        weights = _countries_of_places(found)
    elif named and not countries:
        # Known towns of a country the text never names ("Tottenham", "Brixton", "London" in a riot story
        # that names Italy once in passing) make it a country of the article, as often as they are named.
        # Only TOWNS_OUTVOTE different towns do: one name told again and again may be a person's or a
        # militia's ("Morsi", "Fano"). A province of it named as well ("New Jersey") adds to them: it names
        # the country no more than they do.
        for cc, n in town_votes.items():
            if cc not in by_name and len(town_names[cc]) >= TOWNS_OUTVOTE:
                weights[cc] += n * TOWN_WEIGHT
    elif not named and sum((votes := _countries_of_places(found)).values()) >= TOWNS_OUTVOTE:
        # No country named: a province named once in passing ("talks in Oslo") no longer outweighs many
        # towns and districts of another country.
        weights.update(votes)
    if outlet_country and outlet_country not in countries:
        weights[outlet_country] += OUTLET_WEIGHT
    if not weights:
        return GeoContext(text=text, known=countries)
    top = max(w for cc, w in weights.items() if cc not in countries) if len(weights) > len(countries) else 0
    top = top or max(weights.values())
    kept = tuple(cc for cc, w in weights.most_common() if cc in countries or w >= COUNTRY_KEEP_SHARE * top)
    if named and town_votes and not countries:
        # The towns the article names order the countries it names: "Paris offices" before an "al-Qaeda in
        # Yemen" told twice. They choose among the countries kept, and add none.
        order = weights + Counter({cc: n for cc, n in town_votes.items() if cc in kept})
        kept = tuple(sorted(kept, key=lambda cc: -order[cc]))
    provinces: list[tuple[str, str]] = []
    points: list[tuple[float, float]] = []
    towns_named: list[Place] = []
    mentions: Counter[tuple[str, str]] = Counter()
    for _key, cands in found:
        local = [c for c in cands if c.country_code in kept]
        for c in local:
            if c.is_admin1 and c.admin1_code and (c.country_code, c.admin1_code) not in provinces:
                provinces.append((c.country_code, c.admin1_code))
        areas = [c for c in local if c.is_admin1]
        towns = [c for c in local if c.fclass == "P"]
        if towns:
            best = max(towns, key=lambda c: c.population)
            points.append((best.lat, best.lon))
            towns_named.append(best)
        named = areas[0] if areas else (best if towns else None)
        if named is not None and named.admin1_code:
            strong = named.is_admin1 or named.population >= FOCUS_CITY_POP
            mentions[(named.country_code or "", named.admin1_code)] += FOCUS_STRONG_WEIGHT if strong else 1
    return GeoContext(
        countries=kept,
        provinces=tuple(provinces),
        points=tuple(points),
        text=text,
        focus=_focus(mentions),
        known=countries,
        places=tuple(towns_named),
    )


def _province_country(key: str, cands: list[Place]) -> str | None:
    """The country of a province the text names by its own name ("West Darfur", "North Kivu"), when every
    place that bears the name as its own lies in that country; None for a town, an alternate name, or a
    name shared across borders ("Gaza", a province of Mozambique and a city in Palestine)."""
    own = [c for c in cands if name_key(c.name) == key]
    codes = {c.country_code for c in own}
    if len(codes) != 1 or not any(c.is_admin1 for c in own):
        return None
    return codes.pop()


def _countries_of_places(found: list) -> Counter[str]:
    """Countries for an article that names none, read off its unambiguous places: a name whose every
    gazetteer entry lies in one country votes for it; only the most-voted country is kept."""
    votes: Counter[str] = Counter()
    for key, cands in found:
        # The places that bear the name as their own outvote those that list it among alternate names
        # ("Islamabad" is Pakistan's, though Chattogram was once called so; "Baku" Azerbaijan's).
        cands = [c for c in cands if name_key(c.name) == key] or cands
        codes = {c.country_code for c in cands}
        if len(codes) == 1 and (code := codes.pop()):
            votes[code] += _vote(cands)
        elif cands:
            top = max(cands, key=lambda c: c.population)
            if top.country_code and _outweighs(top, cands):
                votes[top.country_code] += _vote([top])
    if not votes:
        return votes
    top = max(votes.values())
    return Counter({cc: n for cc, n in votes.items() if n == top})


def _known_town_country(key: str, cands: list[Place]) -> str | None:
    """The country of a town a reader knows by the name: one of KNOWN_PLACE_POP people or more that bears
    it as its own name, whose namesakes in other countries are DOMINANT_RATIO times smaller."""
    own = [c for c in cands if name_key(c.name) == key and c.fclass == "P"]
    if not own:
        return None
    top = max(own, key=lambda c: c.population)
    known = top.population >= KNOWN_PLACE_POP and _outweighs(top, cands)
    return (top.country_code or None) if known else None


def _outweighs(top: Place, cands: list[Place]) -> bool:
    """`top` has DOMINANT_RATIO times the people of every candidate of the name in another country."""
    rest = max((c.population for c in cands if c.country_code != top.country_code), default=0)
    return top.population >= DOMINANT_RATIO * max(rest, 1)


def _vote(cands: list) -> float:
    """A name's vote for its country: full for an area or a known town, little for a hamlet."""
    known = any(c.is_area or c.population >= KNOWN_PLACE_POP for c in cands)
    return 1.0 if known else HAMLET_VOTE


def _focus(mentions: Counter[tuple[str, str]]) -> tuple[str, str] | None:
    """The province most place mentions lie in, when they clearly concentrate there."""
    if not mentions:
        return None
    (area, n), total = mentions.most_common(1)[0], sum(mentions.values())
    return area if n >= FOCUS_MIN_MENTIONS and n >= FOCUS_SHARE * total else None
