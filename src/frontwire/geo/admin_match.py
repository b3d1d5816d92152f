"""Does a candidate lie where the location string says? "Kabuta (Al Mansura, Aden)", "Ipatinga, Minas
Gerais", "Pulka town (Gwoza lga, Borno state)": each later name is an area (or a town) holding the place.

A container name is looked up like any name; the admin1 and admin2 areas it can be, and the towns it can
be, are kept. A candidate agrees with the container when it lies in one of those areas, or within
TOWN_KM of one of those towns. Agreement is what ranks a village in the named district above its
namesakes elsewhere; it never needs the container to be resolved to one place first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from frontwire.geo.builtin import km
from frontwire.geo.gazetteer import Gazetteer, Place
from frontwire.geo.names import alike, compass, former_area, name_key, skeleton_key

# A place said to lie in a town ("Al Mansura, Aden") is this close to it at most: the radius of the
# largest cities whose districts news names (same figure as resolver.CONTAINER_TOWN_KM).
TOWN_KM = 20.0
# Admin names are romanised differently by UCDP, ACLED and GeoNames ("Askira/Uba", "Dara-I- Suf" vs
# "Darah-ye Suf"); a loose (skeleton) match counts when the keys are this alike (as resolver.LOOSE_MIN_RATIO).
LOOSE_MIN_RATIO = 0.8


# Areas split in two or more keep the old name with a qualifier ("Maguindanao" became "Maguindanao del
# Norte" and "Maguindanao del Sur"; "Kivu", "North Kivu" and "South Kivu"): a name no area carries is
# looked up with these before it is given up. GeoNames' qualifiers in English, Spanish and French.
SPLIT_AFTER = ("del Norte", "del Sur", "Norte", "Sur", "Oriental", "Occidental", "North", "South", "East",
               "West", "Central", "Nord", "Sud")  # fmt: skip
SPLIT_BEFORE = ("North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Upper",
                "Lower", "Central", "Nord", "Sud", "Haut", "Haute", "Bas", "Basse")  # fmt: skip


def split_areas(gazetteer: Gazetteer, text: str) -> list[Place]:
    """The admin areas a name was split into ("Maguindanao" → "Maguindanao del Norte", "... del Sur")."""
    if len(name_key(text)) < 4:
        return []
    keys = {name_key(f"{text} {q}") for q in SPLIT_AFTER} | {name_key(f"{q} {text}") for q in SPLIT_BEFORE}
    return [p for k in sorted(keys) for p in gazetteer.lookup(k) if p.is_admin1 or p.is_admin2]


# "Himamaylan City", "Tacloban City": news writes a city's status after its name, where the gazetteer
# lists the bare name.
_CITY_AFTER = re.compile(r"\s+city$", re.I)


def city_named(gazetteer: Gazetteer, text: str) -> list[Place]:
    """The towns a name written with "City" after it names when the gazetteer has only the bare name."""
    bare = _CITY_AFTER.sub("", text.strip())
    if bare == text.strip() or len(name_key(bare)) < 4:
        return []
    return [p for p in gazetteer.lookup(name_key(bare)) if p.fclass == "P"]


def renamed(gazetteer: Gazetteer, text: str) -> list[Place]:
    """A name the gazetteer lacks as written: the areas it was split into, else the bare city."""
    return split_areas(gazetteer, text) or city_named(gazetteer, text)


def former_areas(gazetteer: Gazetteer, text: str, countries: set[str]) -> list[Place]:
    """The area today of a renamed or merged area written by its former name ("Federally Administered
    Tribal Areas" → Khyber Pakhtunkhwa), where the article's countries include it."""
    former = former_area(text)
    if former is None or former[0] not in countries:
        return []
    cc, now = former
    return [p for p in gazetteer.lookup(name_key(now)) if p.is_admin1 and p.country_code == cc]


@dataclass(frozen=True, slots=True)
class Container:
    """What one container name can be: admin1 areas, admin2 areas, towns."""

    text: str
    key: str
    admin1: frozenset[tuple[str, str]]
    admin2: frozenset[tuple[str, str, str]]
    towns: tuple[Place, ...]
    listed: bool = False  # written after the place with punctuation only ("X, Gaza")
    explicit: bool = False  # written as an area ("Borno state", "Gwoza lga"): a bound, not only a hint

    @property
    def countries(self) -> frozenset[str]:
        return frozenset(a[0] for a in self.admin1) | frozenset(a[0] for a in self.admin2)

    def holds(self, p: Place) -> bool:
        """True when `p` lies in one of the areas this name can be (never counting `p` itself)."""
        cc = p.country_code or ""
        if not p.is_admin1 and not p.is_country and (cc, p.admin1_code or "") in self.admin1:
            return True
        if not p.is_area and (cc, p.admin1_code or "", p.admin2_code or "") in self.admin2:
            return True
        if p.is_area:
            return False
        return any(t.id != p.id and km(p.lat, p.lon, t.lat, t.lon) <= TOWN_KM for t in self.towns)

    def names_area(self, p: Place) -> bool:
        """True when `p` is one of the areas this name can be: "Shan state (Shan state)" repeats its area."""
        cc = p.country_code or ""
        if p.is_admin1:
            return (cc, p.admin1_code or "") in self.admin1
        if p.is_admin2:
            return (cc, p.admin1_code or "", p.admin2_code or "") in self.admin2
        return False


def read_container(
    gazetteer: Gazetteer,
    text: str,
    *,
    explicit: bool = False,
    listed: bool = False,
    countries: tuple[str, ...] = (),
) -> Container:
    """The areas and towns a container name can be (loose spellings when no area matches exactly);
    with `countries` (the article's), only those in them when there are any."""
    key = name_key(text)
    cands = gazetteer.lookup(key)
    if not any(p.is_admin1 or p.is_admin2 for p in cands):
        skel = skeleton_key(text)
        if len(skel) >= 3:
            # a loose spelling is a guess: never one abroad when the article's countries are known
            cands = cands + [
                p
                for p in gazetteer.lookup_loose(skel)
                if (p.is_admin1 or p.is_admin2)
                and (not countries or p.country_code in countries)
                and alike(key, name_key(p.name), LOOSE_MIN_RATIO)
                and compass(p.name) == compass(text)
            ]
    if not any(p.is_admin1 or p.is_admin2 for p in cands):
        cands = cands + split_areas(gazetteer, text)
    if countries:
        inside = [p for p in cands if p.country_code in countries]
        if inside and not any(p.is_admin1 for p in inside):
            # A province abroad that bears the name as its own still bounds: "El Paso, Texas" in a story
            # that names only Mexico is told to lie in Texas, not near a Mexican hamlet called Texas.
            inside += [p for p in cands if p.is_admin1 and p not in inside and name_key(p.name) == key]
        cands = inside or cands
    return Container(
        text=text,
        key=key,
        admin1=frozenset((p.country_code or "", p.admin1_code or "") for p in cands if p.is_admin1),
        admin2=frozenset(
            (p.country_code or "", p.admin1_code or "", p.admin2_code or "") for p in cands if p.is_admin2
        ),
        towns=tuple(p for p in cands if p.fclass == "P"),
        explicit=explicit,
        listed=listed,
    )
