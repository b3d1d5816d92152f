"""Incident maintenance inside a write transaction: merge new mentions, detach superseded ones, refresh rows.

Candidates come from SQL (same event type, dates within the widest tolerance, a bounding box of the widest
distance or the same admin1), then `frontwire.incidents.choose_incident` applies the exact rules, so the
store and the in-memory `IncidentIndex` merge alike.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from frontwire.incidents import IncidentMember, choose_incident, incident_id_for, summarise
from frontwire.incidents.merge import KM_PER_DEGREE, MIN_COS_LAT
from frontwire.incidents.rules import MAX_DATE_TOLERANCE_DAYS, MAX_DISTANCE_KM
from frontwire.store.rows import INCIDENT_COLUMNS, incident_row, row_to_mention, row_to_outlet

if TYPE_CHECKING:
    from frontwire.store.base import Store

# What `member_from_row` reads: a mention (m) with its article's address and its outlet, and the joins
# that bring them.
MEMBER_COLUMNS = (
    "m.*, a.url AS article_url, o.domain AS o_domain, o.name AS o_name,"
    " o.country AS o_country, o.owner AS o_owner, o.labels_json AS o_labels_json,"
    " o.aliases_json AS o_aliases_json"
)
MEMBER_JOINS = " JOIN articles a ON a.id = m.article_id LEFT JOIN outlets o ON o.id = a.outlet_id"
_MEMBER_SQL = (
    f"SELECT im.incident_id AS incident_id, {MEMBER_COLUMNS}"
    f" FROM incident_mentions im JOIN mentions m ON m.id = im.mention_id{MEMBER_JOINS}"
)


def member_from_row(row: dict) -> IncidentMember:
    """An `IncidentMember` from a joined mention/article/outlet row."""
    outlet = None
    if row.get("o_domain") is not None:
        outlet = row_to_outlet({k[2:]: v for k, v in row.items() if k.startswith("o_")})
    return IncidentMember(
        id=row["id"],
        mention=row_to_mention(row),
        outlet=outlet,
        article_id=row["article_id"],
        url=row["article_url"],
    )


def load_members(store: Store, incident_ids: Sequence[str]) -> dict[str, list[IncidentMember]]:
    """Current members of the given incidents, in a stable order (by mention id)."""
    out: dict[str, list[IncidentMember]] = {i: [] for i in incident_ids}
    for chunk in store.iter_chunks(list(incident_ids)):
        marks = ", ".join("?" * len(chunk))
        rows = store._rows(f"{_MEMBER_SQL} WHERE im.incident_id IN ({marks}) ORDER BY m.id", chunk)
        for row in rows:
            out[row["incident_id"]].append(member_from_row(row))
    return out


def candidate_ids(store: Store, member: IncidentMember) -> list[str]:
    """The incidents with a current mention that the merge could compare with `member`."""
    m = member.mention
    if m.event_date is None:
        return []
    span = dt.timedelta(days=math.ceil(MAX_DATE_TOLERANCE_DAYS))
    low = m.event_date - span if m.event_date > dt.date.min + span else dt.date.min
    high = m.event_date + span if m.event_date < dt.date.max - span else dt.date.max
    params: list = [m.event_type, low.isoformat(), high.isoformat()]
    where = []
    place = m.place
    if place is not None and place.latitude is not None and place.longitude is not None:
        dlat = MAX_DISTANCE_KM / KM_PER_DEGREE
        dlon = dlat / max(math.cos(math.radians(place.latitude)), MIN_COS_LAT)
        where.append("(m.latitude BETWEEN ? AND ? AND m.longitude BETWEEN ? AND ?)")
        params += [
            place.latitude - dlat,
            place.latitude + dlat,
            place.longitude - dlon,
            place.longitude + dlon,
        ]
    if place is not None and place.admin1:
        where.append("(m.admin1 = ? AND m.country IS NOT DISTINCT FROM ?)")
        params += [place.admin1, place.country]
    if not where:
        return []
    rows = store._rows(
        "SELECT DISTINCT im.incident_id AS incident_id FROM incident_mentions im"
        " JOIN mentions m ON m.id = im.mention_id"
        " WHERE m.event_type = ? AND m.event_date BETWEEN ? AND ? AND m.superseded_by IS NULL"
        f" AND ({' OR '.join(where)}) ORDER BY im.incident_id",
        params,
    )
    return [r["incident_id"] for r in rows]


def merge_members(store: Store, members: Sequence[IncidentMember]) -> set[str]:
    """File each new mention into an existing or a new incident; returns the incidents touched."""
    touched: set[str] = set()
    for member in members:
        candidates = load_members(store, candidate_ids(store, member))
        incident_id = choose_incident(member, candidates) or incident_id_for(member.id)
        store._run(
            "INSERT INTO incident_mentions (incident_id, mention_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
            (incident_id, member.id),
        )
        touched.add(incident_id)
    refresh(store, touched)
    return touched


def detach_mentions(store: Store, mention_ids: Sequence[str]) -> set[str]:
    """Take superseded mentions out of their incidents; refresh (or delete, when emptied) those incidents."""
    touched: set[str] = set()
    for chunk in store.iter_chunks(list(mention_ids)):
        marks = ", ".join("?" * len(chunk))
        rows = store._rows(f"SELECT incident_id FROM incident_mentions WHERE mention_id IN ({marks})", chunk)
        touched |= {r["incident_id"] for r in rows}
        store._run(f"DELETE FROM incident_mentions WHERE mention_id IN ({marks})", chunk)
    refresh(store, touched)
    return touched


def refresh(
    store: Store, incident_ids: set[str], members: dict[str, list[IncidentMember]] | None = None
) -> None:
    """Recompute each incident's row from its current members (read from the store unless given)."""
    if members is None:
        members = load_members(store, sorted(incident_ids))
    cols = ", ".join(INCIDENT_COLUMNS)
    sets = ", ".join(f"{c} = excluded.{c}" for c in INCIDENT_COLUMNS[1:])
    for incident_id in sorted(incident_ids):
        current = members[incident_id]
        if not current:
            store._run("DELETE FROM incidents WHERE id = ?", (incident_id,))
            continue
        incident = summarise(incident_id, current)
        store._run(
            f"INSERT INTO incidents ({cols}) VALUES ({', '.join('?' * len(INCIDENT_COLUMNS))})"
            f" ON CONFLICT (id) DO UPDATE SET {sets}",
            incident_row(incident),
        )
