"""Records and rows → the API's JSON shapes (plain builtins; the page escapes them when it shows them)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

from frontwire.incidents.model import Incident, IncidentMember
from frontwire.records import Outlet, to_dict
from frontwire.store.rows import Row
from frontwire.web.queries import Source, outlet_labels

# Properties of a map feature: what a marker, the timeline and the filters read.
MAP_PROPERTIES = (
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "location",
    "country",
    "fatalities",
    "grade",
    "n_mentions",
)


# Field names per record class, looked up once: a list page turns hundreds of records into JSON, and
# `dataclasses.fields` per value was half of an events page's time (bench/api.py, 100 events: 20 -> 6 ms).
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def plain(value: Any) -> Any:
    """A record as JSON-ready builtins, as `frontwire.records.to_dict` makes it (dates as ISO strings)."""
    if value is None or isinstance(value, str | int | float):
        return value
    kind = type(value)
    names = _FIELD_NAMES.get(kind)
    if names is None and dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = _FIELD_NAMES.setdefault(kind, tuple(f.name for f in dataclasses.fields(value)))
    if names is not None:
        return {name: plain(getattr(value, name)) for name in names}
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def outlet(o: Outlet | None) -> dict[str, Any] | None:
    if o is None:
        return None
    return {
        "domain": o.domain,
        "name": o.name,
        "country": o.country,
        "owner": o.owner,
        "labels": [to_dict(label) for label in o.labels],
    }


def event(row: Row, member: IncidentMember) -> dict[str, Any]:
    """One event (mention) with its provenance: article, outlet, incident and grade."""
    out = plain(member.mention)
    out.update(
        id=member.id,
        article_id=member.article_id,
        url=row.get("article_url"),
        article_title=row.get("article_title"),
        article_published=row.get("article_published"),
        outlet=outlet(member.outlet),
        incident_id=row.get("incident_id"),
        grade=row.get("incident_grade"),
    )
    return out


def incident(inc: Incident) -> dict[str, Any]:
    return plain(inc)


def source(s: Source) -> dict[str, Any]:
    """One report of an incident: the event as this article codes it, the article, the evidence in context."""
    m = s.member
    before, evidence, after = s.context
    art = s.article
    return {
        "event": {**to_dict(m.mention), "id": m.id},
        "outlet": outlet(m.outlet),
        "article": {
            "id": m.article_id,
            "url": m.url or art.get("url"),
            "title": art.get("title"),
            "site_name": art.get("site_name"),
            "published": art.get("published"),
            "comments": art.get("n_comments", 0),
        },
        "evidence": {"before": before, "text": evidence, "after": after},
    }


def feature(row: Row) -> dict[str, Any]:
    """A map point as a GeoJSON Feature (coordinates [lon, lat])."""
    return {
        "type": "Feature",
        "id": row["id"],
        "geometry": {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]},
        "properties": {k: row[k] for k in MAP_PROPERTIES},
    }


def article(row: Row, comments: list[Row], outlet_row: Row | None, mentions: list[Row]) -> dict[str, Any]:
    return {
        "id": row["id"],
        "url": row["url"],
        "canonical_url": row["canonical_url"],
        "title": row["title"],
        "site_name": row["site_name"],
        "published": row["published"],
        "authors": json.loads(row["authors_json"]),
        "captions": json.loads(row["captions_json"]),
        "body": row["body"],
        "extractor": row["extractor"],
        "superseded_by": row["superseded_by"],
        "outlet": outlet_dict(outlet_row) if outlet_row else None,
        "comments": [dict(c) for c in comments],
        "events": [dict(m) for m in mentions],
    }


def outlet_dict(row: Row, n_articles: int | None = None) -> dict[str, Any]:
    """An outlet row with its affiliation labels (each citing its source)."""
    out: dict[str, Any] = {
        "domain": row["domain"],
        "name": row["name"],
        "country": row["country"],
        "owner": row["owner"],
        "labels": outlet_labels(row),
        "aliases": json.loads(row["aliases_json"]),
    }
    if n_articles is not None:
        out["articles"] = n_articles
    return out
