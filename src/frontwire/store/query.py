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
    sub_event_type: str | None = None
    civilian_targeting: bool | None = None
    fatalities_min: int | None = None
    fatalities_max: int | None = None
    # a full-text search over notes and evidence, in frontwire.store.fulltext's language
    text: str | None = None


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


def where_clauses(f: Filters, alias: str, backend: str = "") -> tuple[list[str], list]:
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
        # SQLite's LIKE folds ASCII case as its LOWER() does, so LOWER() there is a cost with no effect
        # (a fifth of the actor filter's time on 100,000 events); PostgreSQL's LIKE is case-sensitive.
        col = "{alias}.{c}" if backend == "sqlite" else "LOWER({alias}.{c})"
        where.append("(" + " OR ".join(col.format(alias=alias, c=c) + " LIKE ?" for c in cols) + ")")
        params += [f"%{_like(f.actor.casefold())}%"] * len(cols)
    if f.bbox:
        min_lon, min_lat, max_lon, max_lat = f.bbox
        where.append(f"{alias}.longitude BETWEEN ? AND ? AND {alias}.latitude BETWEEN ? AND ?")
        params += [min_lon, max_lon, min_lat, max_lat]
    if f.sub_event_type:
        where.append(f"LOWER({alias}.sub_event_type) = ?")
        params.append(f.sub_event_type.casefold())
    if f.civilian_targeting is not None:
        where.append(f"{alias}.civilian_targeting = ?")
        params.append(int(f.civilian_targeting))
    if f.fatalities_min is not None:
        where.append(f"{alias}.fatalities >= ?")
        params.append(f.fatalities_min)
    if f.fatalities_max is not None:
        where.append(f"{alias}.fatalities <= ?")
        params.append(f.fatalities_max)
    return where, params


def _search(f: Filters, backend: str, alias: str) -> tuple[str, list]:
    """The full-text condition on mentions (alias `alias`); needs the store's backend."""
    from frontwire.store.fulltext import condition

    if not backend:
        raise ValueError("a full-text search needs the store's backend")
    return condition(backend, f.text or "", alias)


def _limit(f: Filters) -> tuple[str, list]:
    return (" LIMIT ?", [f.limit]) if f.limit else ("", [])


# Articles of the outlet named by a filter (its domain or its name, either case).
_OUTLET_ARTICLES = (
    "SELECT a.id FROM articles a JOIN outlets o ON o.id = a.outlet_id"
    " WHERE LOWER(o.domain) = ? OR LOWER(o.name) = ?"
)


def event_where(f: Filters, backend: str = "") -> tuple[list[str], list]:
    """Conditions for current mentions (alias m; outlet o and incident i joined) matching the filters.
    A full-text filter (`f.text`) needs `backend` ("sqlite" or "postgresql"); it raises
    `fulltext.SearchSyntaxError` on a malformed search."""
    where, params = where_clauses(f, "m", backend)
    where.append("m.superseded_by IS NULL")
    if f.text:
        sql, extra = _search(f, backend, "m")
        where.append(sql)
        params += extra
    if f.outlet:
        # the outlet's articles, found once (index articles_outlet), rather than each row's outlet joined
        where.append(f"m.article_id IN ({_OUTLET_ARTICLES})")
        params += [f.outlet.casefold()] * 2
    if f.grade:
        where.append("i.grade = ?")
        params.append(f.grade)
    return where, params


def events(store: Store, f: Filters | None = None) -> list[StoredEvent]:
    """Current event mentions matching the filters, by date then id."""
    f = f or Filters()
    where, params = event_where(f, store.backend)
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


def incident_where(f: Filters, backend: str = "") -> tuple[str, list]:
    """The WHERE clause (alias i) and its parameters for incidents matching the filters; a full-text filter
    matches an incident when one of its current mentions matches (and needs `backend`)."""
    where, params = where_clauses(f, "i", backend)
    if f.text:
        sql, extra = _search(f, backend, "sm")
        where.append(
            "EXISTS (SELECT 1 FROM incident_mentions sim JOIN mentions sm ON sm.id = sim.mention_id"
            f" WHERE sim.incident_id = i.id AND sm.superseded_by IS NULL AND {sql})"
        )
        params += extra
    if f.grade:
        where.append("i.grade = ?")
        params.append(f.grade)
    if f.outlet:
        # the outlet's incidents, found once from its articles (bench/api.py: an outlet's quarter 4x faster
        # than joining each incident in the range to its mentions, articles and outlets)
        where.append(
            "i.id IN (SELECT im.incident_id FROM incident_mentions im JOIN mentions m ON m.id = im.mention_id"
            f" WHERE m.article_id IN ({_OUTLET_ARTICLES}))"
        )
        params += [f.outlet.casefold()] * 2
    return (f" WHERE {' AND '.join(where)}" if where else ""), params


def incidents(store: Store, f: Filters | None = None) -> list[Incident]:
    """Incidents matching the filters, by date then id, each with its current mention ids."""
    f = f or Filters()
    clause, params = incident_where(f, store.backend)
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


# Orders a list can be sorted in (`-` in front: descending); ties break by id so pages never overlap.
# The date order is the one the indexes serve (mentions_date); the others sort the filtered rows.
SORT_KEYS = ("date", "fatalities", "country", "type", "grade")
_SORT_COLUMNS = {
    "date": "event_date",
    "fatalities": "fatalities",
    "country": "country",
    "type": "event_type",
    "grade": "grade",
}


def order_by(sort: str | None, alias: str) -> str:
    """The ORDER BY list for `sort` ("date", "-fatalities", ...; None: by date) over incidents (alias i) or
    events (alias m, whose grade is their incident's, alias i). Unknown keys raise ValueError."""
    key = (sort or "date").removeprefix("-")
    if key not in _SORT_COLUMNS:
        raise ValueError(f"unknown sort {sort!r}; one of: {', '.join(SORT_KEYS)} (a leading - reverses)")
    way = " DESC" if (sort or "").startswith("-") else ""
    column = f"i.{_SORT_COLUMNS[key]}" if key == "grade" else f"{alias}.{_SORT_COLUMNS[key]}"
    if key == "date":  # exactly the index's order, so a page walks the index and stops at its end
        return f"{column}{way}, {alias}.id{way}"
    return f"{column}{way} NULLS LAST, {alias}.id{way}"


def count_events(store: Store, f: Filters) -> int:
    """How many current event mentions match the filters (joining only what the filters need)."""
    where, params = event_where(f, store.backend)
    joins = ""
    if f.grade:
        joins += " LEFT JOIN incident_mentions im ON im.mention_id = m.id"
        joins += " LEFT JOIN incidents i ON i.id = im.incident_id"
    sql = f"SELECT COUNT(*) AS n FROM mentions m{joins} WHERE {' AND '.join(where)}"
    return int(store.rows(sql, params)[0]["n"])


def count_incidents(store: Store, f: Filters) -> int:
    """How many incidents match the filters."""
    clause, params = incident_where(f, store.backend)
    return int(store.rows(f"SELECT COUNT(*) AS n FROM incidents i{clause}", params)[0]["n"])


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
