"""Placing events as an analyst would: the named place, else what the text says it is near, else
the smallest area the text supports, with ACLED's geo_precision and a note saying which.

Candidates for a name are scored on the article's context (`GeoContext`): the countries and
provinces it names, distance to the other places it names and to the anchors of the location
string ("north of X"), population, and feature class (populated places and admin areas unless
the text says mountain, river, ...).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from pathlib import Path

from frontwire.errors import ConfigError
from frontwire.geo.admin_match import Container, former_areas, read_container, renamed
from frontwire.geo.article_place import place_article_events
from frontwire.geo.builtin import km
from frontwire.geo.capitals import capital_country, capital_town
from frontwire.geo.context import GeoContext, build_context, without_country_possessive
from frontwire.geo.gazetteer import Gazetteer, Place
from frontwire.geo.lines import place_on_line, read_line
from frontwire.geo.names import alike, compass, name_key, skeleton_key
from frontwire.geo.paths import default_gazetteer
from frontwire.geo.query import NameRef, PlaceQuery, focus, parse_location, sentence_around
from frontwire.records import Article, EventMention, Location
from frontwire.store.countries import acled_country

RESOLVER_NAME = "frontwire-geo/0.1"

# Score weights (set by hand on sentences written for the tests, then checked on the dev sets).
COUNTRY_BONUS = 2.0  # candidate in a country the article names
COUNTRY_PENALTY = -3.0  # ... and outside all of them: outweighs population up to ~10M
CONTAINER_BONUS = 2.5  # in the province the location string names ("in the Homs province")
PROVINCE_BONUS = 0.5  # in a province the article names elsewhere
# In an area (or near a town) the location string names after the place: "Pulka (Gwoza, Borno)". Per
# name agreeing, so a village in the named district and province outranks a city namesake of 10M
# people; set on sentences written for the tests, checked on the even half of UCDP GED.
ADMIN_MATCH_BONUS = 2.0
CLASS_BONUS = 0.5  # populated place / admin area when no feature word is given
CLASS_PENALTY = -1.0
# A bare name that is both a town and an area ("Kiev", "Homs") is the town, as ACLED codes it, even when
# the area's towns together outnumber the town: more than the population of a few times the people.
BARE_AREA_PENALTY = 1.5
POP_WEIGHT = 0.25  # per decade of population
# With no country in context, a place that bears the name as its own outranks one that lists it among its
# alternate names unless that one is ten times as populous: a bare "Gao" is Mali's city, not Guantánamo (whose
# short form GeoNames lists), and "Pattani" the Thai town, not Putney. (Given to every article, it cost an
# unstudied event: in context, the article's countries decide.)
OWN_NAME_BONUS = POP_WEIGHT
NEAR_KM, NEAR_BONUS = 50.0, 1.5  # within this distance of another place the article names
REGION_KM, REGION_BONUS = 150.0, 0.75
LOOSE_PENALTY = -1.0  # matched on the consonant skeleton only
# Loose matches must also look alike: difflib ratio of the strict keys (set on transliteration pairs
# like kum/kawm 0.86; a person's name against a village, salama/salim, scores 0.73).
LOOSE_MIN_RATIO = 0.8
MIN_SCORE = 0.0  # below this no candidate is taken: a foreign namesake is not a guess worth making
# A place said to be "north of X" or "near X" is this close to X at most.
ANCHOR_MAX_KM = 60.0
# A place said to be in a town or city ("the Rimal neighbourhood of Gaza City") lies this close
# to it at most: the radius of the largest cities whose neighbourhoods news names (Baghdad, Aleppo).
CONTAINER_TOWN_KM = 20.0
# When the article is focused on one province (GeoContext.focus), a small populated place outside
# it is a namesake, not the place meant: a person's name matching a West Bank village in a Gaza
# report. Kept: places near the province's seat (border towns), cities of FOCUS_KEEP_POP people
# or more (a Gaza report may name Tel Aviv), and any place when the location string names its area.
FOCUS_BONUS = 1.0
FOCUS_NEAR_KM = 30.0
FOCUS_KEEP_POP = 100_000
# Where an area named as the place is coded. ACLED's codebook (geo precision 3): "coded to its capital",
# the default, since frontwire codes in ACLED's codebook. UCDP GED (where_prec 3-6): "a point representing
# it (typically the centroid)": the mean point of the gazetteer's towns in it, unless its seat is within
# SEAT_KM of that centre, UCDP's own radius for "a known point" (precision 2), within which the capital
# stands for the area as well (the Gaza Strip is coded to Gaza City, as Airwars' analysts do). Measured on
# UCDP GED, all events within 50 km, even / odd half: "centre" 0.859 / 0.845 (a country at its Factbook
# point), "seat" 0.826 / 0.821.
AREA_POINTS = ("seat", "centre")
SEAT_KM = 25.0


@dataclass(frozen=True, slots=True)
class _Hit:
    place: Place
    score: float
    loose: bool = False  # matched on the consonant skeleton only


def _own_area_kept(town: Place, hits: list[_Hit]) -> bool:
    """Among the candidates is the town's own district or municipality ("Vanadzor Municipality" for
    Vanadzor), which the focus keeps as an area: the two are one place, so the focus keeps the town too
    and the town, not its area, is coded."""
    key = name_key(town.name)
    return any(
        h.place.is_admin2
        and (h.place.country_code, h.place.admin1_code) == (town.country_code, town.admin1_code)
        and name_key(h.place.name).startswith(key)
        for h in hits
    )


def _within_area(p: Place, area: Place) -> bool:
    if area.is_country:
        return p.country_code == area.country_code
    if area.is_admin2:
        return (p.country_code, p.admin1_code, p.admin2_code) == (
            area.country_code,
            area.admin1_code,
            area.admin2_code,
        )
    return (p.country_code, p.admin1_code) == (area.country_code, area.admin1_code)


class Resolver:
    """Resolves location strings to `Location`s. Picklable: the gazetteer opens on first use."""

    name = RESOLVER_NAME

    def __init__(self, gazetteer: Gazetteer | str | Path | None = None, *, area_point: str = "seat") -> None:
        if area_point not in AREA_POINTS:
            raise ConfigError("area point", f"{area_point!r}: expected one of {', '.join(AREA_POINTS)}")
        if gazetteer is None or isinstance(gazetteer, (str, Path)):
            gazetteer = default_gazetteer(gazetteer)
        self.gazetteer: Gazetteer = gazetteer
        self.area_point = area_point

    # -- context -------------------------------------------------------------------------------
    def context(self, article: Article | str) -> GeoContext:
        """The article's geographic context (title and body)."""
        outlet = None
        if isinstance(article, Article):
            text = "\n\n".join(t for t in (article.title or "", article.body) if t)
            outlet = article.outlet.country if article.outlet is not None else None
        else:
            text = article
        return build_context(text, self.gazetteer, outlet_country=outlet)

    # -- scoring -------------------------------------------------------------------------------
    def _score(
        self,
        p: Place,
        ref: NameRef,
        ctx: GeoContext,
        container: tuple[str, str] | None,
        anchors: list[Place],
        loose: bool,
        holders: tuple[Container, ...] = (),
    ) -> float:
        score = 0.0
        held = sum(1 for h in holders if h.holds(p))
        if ctx.known and p.country_code not in ctx.known:
            held = 0  # a container agreeing with a namesake abroad ("Balad district", Iraq) in a Somalia feed
        if ctx.countries:
            outside = p.country_code not in ctx.countries
            # "Porto Alegre, Rio Grande do Sul" in a US outlet's story: the named area settles the country.
            if outside and held:
                outside = False
            score += COUNTRY_PENALTY if outside else COUNTRY_BONUS
        score += ADMIN_MATCH_BONUS * held
        if container is not None and (p.country_code, p.admin1_code) == container and not held:
            score += CONTAINER_BONUS
        elif (p.country_code, p.admin1_code) in ctx.provinces:
            score += PROVINCE_BONUS
        if ref.feature in (None, "P"):
            score += CLASS_BONUS if p.fclass in ("P", "A") else CLASS_PENALTY
        if ref.admin:
            score += CLASS_BONUS if p.is_admin1 or p.is_admin2 else 0.0
        elif p.is_area and not p.is_country:
            score -= BARE_AREA_PENALTY  # a bare "Homs" is the city; a bare "Italy" is the country
        score += POP_WEIGHT * math.log10(p.population + 1)
        if not ctx.countries and not loose and name_key(p.name) == name_key(ref.text):
            score += OWN_NAME_BONUS
        points = [(a.lat, a.lon) for a in anchors] + list(ctx.points)
        if points:
            d = min(km(p.lat, p.lon, lat, lon) for lat, lon in points)
            score += NEAR_BONUS if d < NEAR_KM else REGION_BONUS if d < REGION_KM else 0.0
        return score + (LOOSE_PENALTY if loose else 0.0)

    def _candidates(
        self, ref: NameRef, ctx: GeoContext, holders: tuple[Container, ...] = ()
    ) -> list[tuple[Place, bool]]:
        key = name_key(ref.text)
        countries = set(ctx.countries) | {cc for h in holders for cc in h.countries}
        exact = self.gazetteer.lookup(key) or renamed(self.gazetteer, ref.text)
        abroad = bool(countries) and not any(p.country_code in countries for p in exact)
        former = former_areas(self.gazetteer, ref.text, countries) if abroad else []
        exact = former + exact
        out = [(p, False) for p in exact]
        if not exact or (abroad and not former):
            skel = skeleton_key(ref.text)
            if len(skel) >= 2:
                points = compass(ref.text)
                for p in self.gazetteer.lookup_loose(skel):
                    if (countries and p.country_code not in countries) or compass(p.name) != points:
                        continue
                    names = self.gazetteer.names_of(p.id)
                    if any(alike(key, k, LOOSE_MIN_RATIO) for k in names):
                        out.append((p, True))
        if ref.feature in ("T", "H", "L"):
            out = [(p, loose) for p, loose in out if p.fclass == ref.feature]
        elif ref.feature == "S":
            out = [(p, loose) for p, loose in out if p.fclass in ("S", "P")]
        return out

    def _best(
        self,
        ref: NameRef,
        ctx: GeoContext,
        container: tuple[str, str] | None = None,
        anchors: list[Place] | None = None,
        within: list[Place] | None = None,
        holders: tuple[Container, ...] = (),
    ) -> _Hit | None:
        anchors = anchors or []
        hits = [
            _Hit(p, self._score(p, ref, ctx, container, anchors, loose, holders), loose)
            for p, loose in self._candidates(ref, ctx, holders)
        ]
        if within:
            hits = [
                h
                for h in hits
                if min(km(h.place.lat, h.place.lon, t.lat, t.lon) for t in within) <= CONTAINER_TOWN_KM
            ]
        known = [h for h in holders if h.admin1 or h.admin2]
        if known:
            # The text names the areas the place lies in and the gazetteer knows them: a namesake in none
            # of them is another place ("Hays (Hays, Al Hudaydah)" is not Hays, Kansas).
            held = [h for h in hits if any(k.holds(h.place) or k.names_area(h.place) for k in known)]
            if not held:
                # Districts are split and renamed ("Davao del Sur" lost Malita to Davao Occidental): when no
                # candidate lies in the district the text names, one in the same province still agrees.
                parents = {(cc, a1) for k in known for cc, a1, _a2 in k.admin2}
                held = [h for h in hits if (h.place.country_code, h.place.admin1_code) in parents]
            # Written as areas ("Gwoza lga") they bound the place, and with no namesake inside them the
            # area is the better answer; listed after it with punctuation only, they rank but do not bound.
            if held or any(k.explicit for k in known):
                hits = held
        if ctx.focus is not None:
            # A container written only with punctuation ("X, Gaza") is a hint: it keeps the far places
            # it holds, not every far namesake.
            hard = container is not None and not all(h.listed for h in holders)
            focused = self._in_focus(hits, ctx.focus, told=hard or bool(within) or bool(anchors))
            ids = {h.place.id for h in focused}
            hits = focused + [
                h for h in hits if h.place.id not in ids and any(k.holds(h.place) for k in holders)
            ]
        # "central Syria", "eastern Homs": an area anchor says where the place lies, not how far
        # from the area's capital it is, so only point anchors bound the distance.
        areas = [a for a in anchors if a.is_area]
        points = [a for a in anchors if not a.is_area]
        if areas:
            hits = [h for h in hits if any(_within_area(h.place, a) for a in areas)] or hits
        if points:
            hits = [
                h
                for h in hits
                if min(km(h.place.lat, h.place.lon, a.lat, a.lon) for a in points) <= ANCHOR_MAX_KM
            ]
        hits = [h for h in hits if h.score >= MIN_SCORE]
        return max(hits, key=lambda h: h.score, default=None)

    def _in_focus(self, hits: list[_Hit], focus: tuple[str, str], *, told: bool) -> list[_Hit]:
        """Hits re-weighted for the article's focus province; small far namesakes dropped."""
        seat = self.gazetteer.admin1_area(*focus)
        out = []
        for h in hits:
            p = h.place
            if (p.country_code, p.admin1_code) == focus:
                out.append(_Hit(p, h.score + FOCUS_BONUS, h.loose))
                continue
            if h.loose and p.country_code != focus[0] and not told:
                continue  # spelt like a place abroad, in a report on one province
            far = seat is None or km(p.lat, p.lon, seat.lat, seat.lon) > FOCUS_NEAR_KM
            small = p.fclass not in ("A",) and p.population < FOCUS_KEEP_POP
            if told or not (far and small) or _own_area_kept(p, hits):
                out.append(h)
        return out

    def _area(self, ref: NameRef, ctx: GeoContext, holders: tuple[Container, ...] = ()) -> Place | None:
        """A container ("in the Homs province", "the Homs countryside"), as an admin1 area if it is one.

        The containers after it ("Gwoza lga, Borno state": Borno) rank its candidates too.
        """
        key = name_key(ref.text)
        later = tuple(h for h in holders if h.key != key)
        hit = self._best(replace(ref, admin=True, feature=None), ctx, holders=later)
        if hit is None:
            return None
        p = hit.place
        if not p.is_admin1 and p.country_code and p.admin1_code:
            area = self.gazetteer.admin1_area(p.country_code, p.admin1_code)
            if area is not None and name_key(area.name) == name_key(ref.text):
                return area
        return p

    # -- resolving -----------------------------------------------------------------------------
    def _known_name(self, text: str) -> bool:
        return bool(self.gazetteer.lookup(name_key(text)))

    def _query(self, location_text: str, ctx: GeoContext) -> PlaceQuery:
        query = parse_location(location_text, self._known_name)
        if query.primary is None or not ctx.text:
            return query
        at = ctx.text.find(location_text)
        if at < 0:
            return query
        sentence, offset = sentence_around(ctx.text, at, at + len(location_text))
        start = at - offset + query.primary.start
        wide = focus(sentence, start, start + len(query.primary.text), self._known_name)
        if (
            wide is None
            or wide.primary is None
            or name_key(wide.primary.text) != name_key(query.primary.text)
        ):
            return query
        return wide

    def resolve(
        self, location_text: str, context: GeoContext | None = None, *, article_fallback: bool = True
    ) -> Location:
        """The place `location_text` names, read with the article's context (never raises for a bad name).

        Without `article_fallback`, a name that resolves to nothing the text says about it stays without
        coordinates instead of taking the article's province or country.
        """
        ctx = context or GeoContext()
        if (code := capital_country(location_text or "", self.gazetteer)) is not None:
            town = capital_town(code, self.gazetteer)
            if town is not None:
                return self._location(town, 1, f"the capital named by its role ({location_text})")
        location_text = without_country_possessive(location_text or "")
        line = read_line(location_text, self._known_name)
        if line is not None:
            placed = place_on_line(line, lambda end: self.resolve(end, ctx, article_fallback=False))
            if placed is not None:
                return placed
        query = self._query(location_text or "", ctx)
        primary = query.primary
        if primary is None:
            return self._fallback(location_text or "", query, ctx, [], [], article=article_fallback)
        holders = tuple(
            read_container(
                self.gazetteer,
                r.text,
                explicit=r.admin or r.region_part or not r.listed,
                listed=r.listed,
                countries=ctx.countries,
            )
            for r in query.containers
        )
        # Each container is ranked by those after it only: "Indanan municipality, Sulu province" reads Sulu
        # alone, as a smaller area inside it bounds nothing of it.
        read = [
            (r, a)
            for i, r in enumerate(query.containers)
            if (a := self._area(r, ctx, holders[i + 1 :])) is not None
        ]
        areas = [a for _r, a in read]
        container = next(((a.country_code, a.admin1_code) for a in areas if a.admin1_code), None)
        anchors = [h.place for r in query.anchors if (h := self._best(r, ctx)) is not None]
        # Only "the X neighbourhood of Y", "X in Y" bound the place to Y's town; "Y oblast" may have
        # been read as Y's namesake town, and a punctuation-only container is a hint.
        towns = [a for r, a in read if not (r.listed or r.admin or a.is_area)]
        hit = self._best(primary, ctx, container, anchors, towns, holders)
        if hit is None:
            named = bool(self._candidates(primary, GeoContext()))
            return self._fallback(
                location_text, query, ctx, areas, anchors, named=named, article=article_fallback
            )
        p = hit.place
        if p.is_area:
            # The area is the place the text gives: at its capital, or its centre under UCDP's convention
            # (AREA_POINTS; a missing village in it is coded to its seat either way, below).
            centre = self._centre(p)
            where = f"the centre of {p.name}" if centre else p.name
            return self._location(p, 3, f"a region: coded to {where}", at=centre)
        if p.fclass in ("T", "H", "L"):
            precision, note = 3, f"a natural feature: coded to {p.name}"
        elif primary.admin and not primary.near:
            # "Beni territory", "Gwoza lga" named as the place, and only the town of that name is known:
            # the area is coded to its seat town, at the area's precision (ACLED: a region, its capital).
            precision, note = 3, f"an area: coded to {p.name}, the town it is named after"
        elif primary.near or primary.direction or primary.region_part:
            precision, note = 2, f"near {p.name}"
        else:
            precision, note = 1, None
        return self._location(p, precision, note)

    def _fallback(
        self,
        text: str,
        query: PlaceQuery,
        ctx: GeoContext,
        areas: list[Place],
        anchors: list[Place],
        *,
        named: bool = False,
        article: bool = True,
    ) -> Location:
        name = query.primary.text if query.primary else text
        if named:
            where = ", ".join(ctx.countries) or "the areas the text names"
            missing = f"no place called {name!r} in {where} is in the gazetteer"
        else:
            missing = f"{name!r} is not in the gazetteer"
        if anchors:
            a = anchors[0]
            return self._location(a, 2, f"{missing}; placed at {a.name}, which the text says it is near")
        # The innermost area the text places it in first ("village (district, province)": the district).
        settlement = query.primary is None or query.primary.feature in (None, "P")
        named_town = self._named_in_area(text, areas, ctx) if settlement else None
        if named_town is not None:
            return self._near_named(missing, *named_town)
        for a in areas:
            if a.is_area:
                return self._location(
                    a, 3, f"{missing}; coded to the region the text places it in ({a.name})"
                )
            return self._location(a, 2, f"{missing}; coded to {a.name}, whose area the text places it in")
        if not article:
            return Location(location=name, geo_precision=3, note=missing, gazetteer=self.gazetteer.name)
        if ctx.focus is not None:
            area = self.gazetteer.admin1_area(*ctx.focus)
            if area is not None:
                return self._location(area, 3, f"{missing}; coded to the province the article is about")
        # The one province named, unless it lies abroad ("the crowds seen in Cairo", in a Moroccan story).
        if len(ctx.provinces) == 1 and (not ctx.countries or ctx.provinces[0][0] == ctx.countries[0]):
            area = self.gazetteer.admin1_area(*ctx.provinces[0])
            if area is not None:
                return self._location(area, 3, f"{missing}; coded to the only province the article names")
        if ctx.countries:
            country = self.gazetteer.country(ctx.countries[0])
            if country is not None:
                return self._location(country, 3, f"{missing}; coded to the country the article is about")
        return Location(
            location=name,
            geo_precision=3,
            note=f"{missing}; no area to fall back to",
            gazetteer=self.gazetteer.name,
        )

    def _named_in_area(self, text: str, areas: list[Place], ctx: GeoContext) -> tuple[Place, Place] | None:
        """A town the article names (outside the location string) in the district the location string
        places the missing village in first: nearer the village than the district's seat, most often."""
        area = areas[0] if areas else None
        # Only a district: a province is too large for a town named anywhere in it to be a better guess
        # than its capital (UCDP GED even half: the same share within 50 km, and four fewer at prec 5-7).
        if area is None or not area.is_admin2 or not ctx.places:
            return None
        own = name_key(text)  # a town the location string itself names is the area's own seat, not news
        for t in ctx.places:
            # by any of its names: "Sulu" is also a name of Jolo, Sulu's seat
            named_here = any(len(k) > 2 and k in own for k in self.gazetteer.names_of(t.id))
            if _within_area(t, area) and not named_here:
                return t, area
        return None

    def _near_named(self, missing: str, town: Place, area: Place) -> Location:
        note = f"{missing}; placed at {town.name}, which the article names in the same area ({area.name})"
        return self._location(town, 2, note)

    def _centre(self, area: Place) -> tuple[float, float] | None:
        """An area's centre where the gazetteer computes one (`SqliteGazetteer.area_centre`), under UCDP's
        convention; None under ACLED's, where the area's seat stands for it."""
        if self.area_point != "centre":
            return None
        centre = getattr(self.gazetteer, "area_centre", None)
        at = centre(area) if centre is not None else None
        if at is None or km(area.lat, area.lon, *at) <= SEAT_KM:
            return None
        return at

    def _location(
        self, p: Place, precision: int, note: str | None, at: tuple[float, float] | None = None
    ) -> Location:
        country = self.gazetteer.country(p.country_code) if p.country_code else None
        lat, lon = at or (p.lat, p.lon)
        return Location(
            location=p.name,
            geonameid=p.geonameid,
            latitude=lat,
            longitude=lon,
            admin1=p.admin1_name,
            admin2=p.admin2_name,
            # ACLED's spelling where it differs from GeoNames' ("Palestine", "Democratic Republic of
            # Congo"): the event record follows ACLED's codebook; the store finds either spelling.
            country=acled_country(p.country_code, country.name) if country else None,
            iso=p.country_code,
            geo_precision=precision,
            note=note,
            gazetteer=self.gazetteer.name,
        )

    def place_events(self, article: Article, events: list[EventMention]) -> list[EventMention]:
        """Fill `.place` of each event (article_place.place_article_events)."""
        return place_article_events(self, article, events)
