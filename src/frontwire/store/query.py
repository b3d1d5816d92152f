"""Library queries over the current (not superseded) data, with filters, returning records.

events(store, Filters(country="Syria", date_from=date(2024, 4, 1)))  -> list[StoredEvent]
incidents(store, Filters(grade="contested"))                         -> list[Incident]
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from frontwire.incidents.model import Incident, IncidentMember
from frontwire.records import EventMention
from frontwire.store._incidents import member_from_row
from frontwire.store.base import Store
from frontwire.store.countries import country_code
from frontwire.store.rows import row_to_incident


@dataclass(slots=True, frozen=True, kw_only=True)
class Filters:
    """Query filters; None means no filter. `bbox` is (min_lon, min_lat, max_lon, max_lat)."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    country: str | None = None
    admin1: str | None = None
    event_type: str | None = None
    actor: str | None = None
    outlet: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    grade: str | None = None
    limit: int | None = None


@dataclass(slots=True, kw_only=True)
class StoredEvent:
    """One current event mention with its provenance and the incident it belongs to."""

    id: str
    mention: EventMention
    article_id: str
    url: str | None
    outlet: str | None
    incident_id: str | None


def _like(text: str) -> str:
    """LIKE wildcards in user text match themselves (no ESCAPE clause needed: we drop them)."""
    return text.replace("%", "").replace("_", "")


def where_clauses(f: Filters, alias: str) -> tuple[list[str], list]:
    """SQL conditions (with `?` parameters) for the filters shared by events (alias m) and incidents (i)."""
    where: list[str] = []
    params: list = []
    if f.date_from:
        where.append(f"{alias}.event_date >= ?")
        params.append(f.date_from.isoformat())
    if f.date_to:
        where.append(f"{alias}.event_date <= ?")
        params.append(f.date_to.isoformat())
    if f.country:  # a stored name, or any name or code of the country (ACLED's "Palestine", "PSE", "275")
        where.append(f"(LOWER({alias}.country) = ? OR LOWER({alias}.iso) = ?)")
        params += [f.country.casefold(), (country_code(f.country) or f.country).casefold()]
    if f.admin1:
        where.append(f"LOWER({alias}.admin1) = ?")
        params.append(f.admin1.casefold())
    if f.event_type:
        where.append(f"LOWER({alias}.event_type) = ?")
        params.append(f.event_type.casefold())
    if f.actor:
        cols = ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2")
        where.append("(" + " OR ".join(f"LOWER({alias}.{c}) LIKE ?" for c in cols) + ")")
        params += [f"%{_like(f.actor.casefold())}%"] * len(cols)
    if f.bbox:
        min_lon, min_lat, max_lon, max_lat = f.bbox
        where.append(f"{alias}.longitude BETWEEN ? AND ? AND {alias}.latitude BETWEEN ? AND ?")
        params += [min_lon, max_lon, min_lat, max_lat]
    return where, params


def _limit(f: Filters) -> tuple[str, list]:
    return (" LIMIT ?", [f.limit]) if f.limit else ("", [])


def event_where(f: Filters) -> tuple[list[str], list]:
    """Conditions for current mentions (alias m; outlet o and incident i joined) matching the filters."""
    where, params = where_clauses(f, "m")
    where.append("m.superseded_by IS NULL")
    if f.outlet:
        where.append("(LOWER(o.domain) = ? OR LOWER(o.name) = ?)")
        params += [f.outlet.casefold()] * 2
    if f.grade:
        where.append("i.grade = ?")
        params.append(f.grade)
    return where, params


def events(store: Store, f: Filters | None = None) -> list[StoredEvent]:
    """Current event mentions matching the filters, by date then id."""
    f = f or Filters()
    where, params = event_where(f)
    limit, extra = _limit(f)
    rows = store.rows(
        "SELECT m.*, im.incident_id AS incident_id, a.url AS article_url, o.domain AS o_domain,"
        " o.name AS o_name, o.country AS o_country, o.owner AS o_owner, o.labels_json AS o_labels_json,"
        " o.aliases_json AS o_aliases_json FROM mentions m JOIN articles a ON a.id = m.article_id"
        " LEFT JOIN outlets o ON o.id = a.outlet_id LEFT JOIN incident_mentions im ON im.mention_id = m.id"
        " LEFT JOIN incidents i ON i.id = im.incident_id"
        f" WHERE {' AND '.join(where)} ORDER BY m.event_date, m.id{limit}",
        params + extra,
    )
    out = []
    for row in rows:
        member: IncidentMember = member_from_row(row)
        out.append(
            StoredEvent(
                id=member.id,
                mention=member.mention,
                article_id=row["article_id"],
                url=row["article_url"],
                outlet=row["o_domain"],
                incident_id=row["incident_id"],
            )
        )
    return out


def incident_where(f: Filters) -> tuple[str, list]:
    """The WHERE clause (alias i) and its parameters for incidents matching the filters."""
    where, params = where_clauses(f, "i")
    if f.grade:
        where.append("i.grade = ?")
        params.append(f.grade)
    if f.outlet:
        where.append(
            "EXISTS (SELECT 1 FROM incident_mentions im JOIN mentions m ON m.id = im.mention_id"
            " JOIN articles a ON a.id = m.article_id JOIN outlets o ON o.id = a.outlet_id"
            " WHERE im.incident_id = i.id AND (LOWER(o.domain) = ? OR LOWER(o.name) = ?))"
        )
        params += [f.outlet.casefold()] * 2
    return (f" WHERE {' AND '.join(where)}" if where else ""), params


def incidents(store: Store, f: Filters | None = None) -> list[Incident]:
    """Incidents matching the filters, by date then id, each with its current mention ids."""
    f = f or Filters()
    clause, params = incident_where(f)
    limit, extra = _limit(f)
    rows = store.rows(
        f"SELECT i.* FROM incidents i{clause} ORDER BY i.event_date, i.id{limit}", params + extra
    )
    links: dict[str, list[str]] = {r["id"]: [] for r in rows}
    for chunk in store.iter_chunks(list(links)):
        marks = ", ".join("?" * len(chunk))
        for link in store.rows(
            f"SELECT incident_id, mention_id FROM incident_mentions WHERE incident_id IN ({marks})"
            " ORDER BY mention_id",
            chunk,
        ):
            links[link["incident_id"]].append(link["mention_id"])
    return [row_to_incident(r, links[r["id"]]) for r in rows]


@dataclass(slots=True, frozen=True, kw_only=True)
class Stats:
    """Counts over the store: current rows, superseded history, and incidents by grade and type."""

    backend: str
    schema_version: int
    pages: int
    pages_superseded: int
    articles: int
    comments: int
    outlets: int
    mentions: int
    incidents: int
    by_grade: dict[str, int]
    by_event_type: dict[str, int]
    first_date: str | None
    last_date: str | None


def stats(store: Store) -> Stats:
    """Summary counts of the store."""
    grades = store.rows("SELECT grade, COUNT(*) AS n FROM incidents GROUP BY grade ORDER BY grade")
    types = store.rows(
        "SELECT event_type, COUNT(*) AS n FROM incidents GROUP BY event_type ORDER BY event_type"
    )
    span = store.rows("SELECT MIN(event_date) AS lo, MAX(event_date) AS hi FROM incidents")[0]
    return Stats(
        backend=store.backend,
        schema_version=store.schema_version(),
        pages=store.count("pages", "superseded_by IS NULL"),
        pages_superseded=store.count("pages", "superseded_by IS NOT NULL"),
        articles=store.count("articles", "superseded_by IS NULL"),
        comments=store.count("comments"),
        outlets=store.count("outlets"),
        mentions=store.count("mentions", "superseded_by IS NULL"),
        incidents=store.count("incidents"),
        by_grade={r["grade"]: int(r["n"]) for r in grades},
        by_event_type={r["event_type"]: int(r["n"]) for r in types},
        first_date=span["lo"],
        last_date=span["hi"],
    )
