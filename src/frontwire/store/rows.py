"""Records ↔ table rows. Column lists live here, once, in table order."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from frontwire.incidents.model import Incident
from frontwire.records import EventMention, Evidence, Location, Outlet, OutletLabel, to_dict
from frontwire.store.place_names import plain_name

Row = dict[str, Any]

OUTLET_COLUMNS = ("id", "domain", "name", "country", "owner", "labels_json", "aliases_json")
MENTION_FIELDS = (
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "civilian_targeting",
    "fatalities",
    "fatalities_low",
    "fatalities_high",
    "location_text",
    "claimant",
    "attribution",
    "evidence_json",
    "notes",
    "coder",
)
PLACE_FIELDS = (
    "location",
    "geonameid",
    "latitude",
    "longitude",
    "admin1",
    "admin2",
    "country",
    "iso",
    "geo_precision",
    "place_note",
    "gazetteer",
    "location_geonames",  # schema version 2
)
MENTION_COLUMNS = ("id", "article_id", "page_id", "position", *MENTION_FIELDS, *PLACE_FIELDS)
INCIDENT_COLUMNS = (
    "id",
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "civilian_targeting",
    "location",
    "latitude",
    "longitude",
    "admin1",
    "admin2",
    "country",
    "iso",
    "geo_precision",
    "fatalities",
    "fatalities_low",
    "fatalities_high",
    "grade",
    "grade_reasons_json",
    "outlets_json",
    "n_mentions",
    "notes",
)


def iso_date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def parse_date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def dumps(value: Any) -> str:
    """JSON as stored: sorted keys, no spaces, so equal content is equal text."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def outlet_row(outlet_id: str, outlet: Outlet) -> tuple:
    labels = dumps([to_dict(label) for label in outlet.labels])
    return (
        outlet_id,
        outlet.domain,
        outlet.name,
        outlet.country,
        outlet.owner,
        labels,
        dumps(list(outlet.aliases)),
    )


def row_to_outlet(row: Row) -> Outlet:
    known = set(OutletLabel.__dataclass_fields__)
    labels = tuple(
        OutletLabel(**{k: v for k, v in item.items() if k in known})
        for item in json.loads(row["labels_json"])
    )
    return Outlet(
        domain=row["domain"],
        name=row["name"],
        country=row["country"],
        owner=row["owner"],
        labels=labels,
        aliases=tuple(json.loads(row["aliases_json"])),
    )


def mention_row(mention_id: str, article_id: str, page_id: str, position: int, m: EventMention) -> tuple:
    p = m.place
    evidence = dumps([to_dict(e) for e in m.evidence])
    fields = (
        iso_date(m.event_date),
        m.time_precision,
        m.event_type,
        m.sub_event_type,
        m.actor1,
        m.assoc_actor_1,
        m.inter1,
        m.actor2,
        m.assoc_actor_2,
        m.inter2,
        int(m.civilian_targeting),
        m.fatalities,
        m.fatalities_low,
        m.fatalities_high,
        m.location_text,
        m.claimant,
        m.attribution,
        evidence,
        m.notes,
        m.coder,
    )
    place = (
        (plain_name(p.location), p.geonameid, p.latitude, p.longitude, p.admin1, p.admin2, p.country, p.iso)
        + (p.geo_precision, p.note, p.gazetteer, p.geonames_name or p.location)
        if p
        else (None,) * len(PLACE_FIELDS)
    )
    return (mention_id, article_id, page_id, position, *fields, *place)


def _coded_fields(row: Row) -> dict[str, Any]:
    """The ACLED coding that mention and incident rows share: date, type, actors, fatalities."""
    return {
        "event_date": parse_date(row["event_date"]),
        "time_precision": row["time_precision"],
        "event_type": row["event_type"],
        "sub_event_type": row["sub_event_type"],
        "actor1": row["actor1"],
        "assoc_actor_1": row["assoc_actor_1"],
        "inter1": row["inter1"],
        "actor2": row["actor2"],
        "assoc_actor_2": row["assoc_actor_2"],
        "inter2": row["inter2"],
        "civilian_targeting": bool(row["civilian_targeting"]),
        "fatalities": row["fatalities"],
        "fatalities_low": row["fatalities_low"],
        "fatalities_high": row["fatalities_high"],
    }


def row_to_mention(row: Row) -> EventMention:
    place = None
    if row["location"] is not None:
        place = Location(
            location=row["location"],
            geonameid=row["geonameid"],
            latitude=row["latitude"],
            longitude=row["longitude"],
            admin1=row["admin1"],
            admin2=row["admin2"],
            country=row["country"],
            iso=row["iso"],
            geo_precision=row["geo_precision"] if row["geo_precision"] is not None else 3,
            note=row["place_note"],
            gazetteer=row["gazetteer"] or "",
            geonames_name=row.get("location_geonames"),
        )
    return EventMention(
        **_coded_fields(row),
        location_text=row["location_text"],
        claimant=row["claimant"],
        attribution=row["attribution"],
        evidence=[Evidence(**e) for e in json.loads(row["evidence_json"])],
        notes=row["notes"],
        coder=row["coder"],
        place=place,
    )


def incident_row(inc: Incident) -> tuple:
    return (
        inc.id,
        iso_date(inc.event_date),
        inc.time_precision,
        inc.event_type,
        inc.sub_event_type,
        inc.actor1,
        inc.assoc_actor_1,
        inc.inter1,
        inc.actor2,
        inc.assoc_actor_2,
        inc.inter2,
        int(inc.civilian_targeting),
        plain_name(inc.location) if inc.location else inc.location,
        inc.latitude,
        inc.longitude,
        inc.admin1,
        inc.admin2,
        inc.country,
        inc.iso,
        inc.geo_precision,
        inc.fatalities,
        inc.fatalities_low,
        inc.fatalities_high,
        inc.grade,
        dumps(inc.grade_reasons),
        dumps(inc.outlets),
        len(inc.mention_ids),
        inc.notes,
    )


def row_to_incident(row: Row, mention_ids: list[str]) -> Incident:
    return Incident(
        id=row["id"],
        **_coded_fields(row),
        location=row["location"],
        latitude=row["latitude"],
        longitude=row["longitude"],
        admin1=row["admin1"],
        admin2=row["admin2"],
        country=row["country"],
        iso=row["iso"],
        geo_precision=row["geo_precision"],
        grade=row["grade"],
        grade_reasons=json.loads(row["grade_reasons_json"]),
        outlets=json.loads(row["outlets_json"]),
        mention_ids=mention_ids,
        notes=row["notes"],
    )
