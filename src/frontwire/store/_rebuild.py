"""Incidents rebuilt from every current mention in one canonical order, inside one transaction.

The store merges each page's mentions as the page is written, so the incidents depend on the order the
pages arrived in: with several workers that order changes from run to run, and two runs over the same
pages can group a few reports differently. Rebuilding replays every current (not superseded) mention
through the same merge (`frontwire.incidents.IncidentIndex`, the rules `choose_incident` applies) in one
order fixed by the mentions themselves — event date, then mention id — so the same mentions always give
the same incidents, with the same ids, whatever order they were ingested in. Only the incidents whose
members changed are rewritten.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from frontwire.incidents import IncidentIndex
from frontwire.store._incidents import MEMBER_COLUMNS, MEMBER_JOINS, member_from_row, refresh

if TYPE_CHECKING:
    from frontwire.incidents import IncidentMember
    from frontwire.store.base import Store

_CURRENT_SQL = f"SELECT {MEMBER_COLUMNS} FROM mentions m{MEMBER_JOINS} WHERE m.superseded_by IS NULL"


@dataclass(frozen=True, slots=True)
class RebuildResult:
    """What a rebuild changed: incident counts before and after, and reports that moved."""

    mentions: int
    before: int
    after: int
    moved: int


def _canonical(member: IncidentMember) -> tuple[dt.date, str]:
    return (member.mention.event_date or dt.date.max, member.id)


def rebuild_incidents(store: Store) -> RebuildResult:
    """Replace the incidents by the canonical merge of the current mentions (call inside a transaction)."""
    members = sorted((member_from_row(row) for row in store._rows(_CURRENT_SQL)), key=_canonical)
    old: dict[str, set[str]] = defaultdict(set)
    for row in store._rows("SELECT incident_id, mention_id FROM incident_mentions"):
        old[row["incident_id"]].add(row["mention_id"])
    index = IncidentIndex()
    placed = {member.id: index.add(member) for member in members}
    new = {incident_id: {m.id for m in group} for incident_id, group in index.incidents.items()}
    stale = sorted(i for i in old if new.get(i) != old[i])
    changed = {i for i in new if old.get(i) != new[i]}
    for chunk in store.iter_chunks(stale):
        marks = ", ".join("?" * len(chunk))
        store._run(f"DELETE FROM incident_mentions WHERE incident_id IN ({marks})", chunk)
        store._run(f"DELETE FROM incidents WHERE id IN ({marks})", chunk)
    store._many(
        "INSERT INTO incident_mentions (incident_id, mention_id) VALUES (?, ?)",
        sorted((i, mention_id) for i in changed for mention_id in new[i]),
    )
    refresh(store, changed, {i: sorted(index.incidents[i], key=lambda m: m.id) for i in changed})
    was = {mention_id: i for i, ids in old.items() for mention_id in ids}
    moved = sum(1 for mention_id, i in placed.items() if was.get(mention_id) != i)
    return RebuildResult(mentions=len(members), before=len(old), after=len(new), moved=moved)
