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
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from frontwire.incidents import IncidentIndex
from frontwire.store._incidents import (
    MEMBER_COLUMNS,
    MEMBER_JOINS,
    candidate_ids,
    load_members,
    member_from_row,
    refresh,
)

if TYPE_CHECKING:
    from frontwire.incidents import IncidentMember
    from frontwire.store.base import Store

# When the pending mentions are at least 1/WHOLE_STORE_SHARE of the store (a first ingest, a killed run's
# resume), regrouping the whole store is cheaper than finding their neighbourhood mention by mention.
WHOLE_STORE_SHARE = 4
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
    members = [member_from_row(row) for row in store._rows(_CURRENT_SQL)]
    old: dict[str, set[str]] = defaultdict(set)
    for row in store._rows("SELECT incident_id, mention_id FROM incident_mentions"):
        old[row["incident_id"]].add(row["mention_id"])
    result = _regroup(store, members, old)
    store._run("DELETE FROM regroup_pending")
    return result


def regroup_pending(store: Store) -> RebuildResult:
    """Regroup, in the canonical order, the neighbourhood of the mentions written since the last regroup
    (call inside a transaction).

    The neighbourhood is closed: it holds every current mention that the merge could compare with one of
    its mentions (same type, dates within the widest tolerance, places within the widest distance or the
    same admin1), and every other member of their incidents. A mention outside it can join no incident
    inside it, so regrouping it alone gives what regrouping the whole store would.
    """
    pending = [row["mention_id"] for row in store._rows("SELECT mention_id FROM regroup_pending")]
    if not pending:
        return RebuildResult(mentions=0, before=0, after=0, moved=0)
    current = store._rows("SELECT COUNT(*) AS n FROM mentions WHERE superseded_by IS NULL")[0]["n"]
    if len(pending) * WHOLE_STORE_SHARE >= int(current):
        return rebuild_incidents(store)  # the same result; one read of every mention is then cheaper
    members, old = _neighbourhood(store, _current_members(store, pending))
    result = _regroup(store, list(members.values()), old)
    store._run("DELETE FROM regroup_pending")
    return result


def _current_members(store: Store, mention_ids: Sequence[str]) -> list[IncidentMember]:
    out: list[IncidentMember] = []
    for chunk in store.iter_chunks(sorted(mention_ids)):
        marks = ", ".join("?" * len(chunk))
        out += [member_from_row(row) for row in store._rows(f"{_CURRENT_SQL} AND m.id IN ({marks})", chunk)]
    return out


def _neighbourhood(
    store: Store, seeds: Sequence[IncidentMember]
) -> tuple[dict[str, IncidentMember], dict[str, set[str]]]:
    """`seeds`, and every current mention reachable from them through merge candidates and incidents;
    with the present membership of the incidents read on the way (incident id → mention ids), which are
    every incident of those mentions."""
    found = {member.id: member for member in seeds}
    frontier = list(seeds)
    loaded: dict[str, set[str]] = {}
    own = _incident_of(store, [member.id for member in seeds])
    while frontier:
        member = frontier.pop()
        wanted = [i for i in [*candidate_ids(store, member), own.get(member.id)] if i and i not in loaded]
        for incident_id, group in load_members(store, wanted).items():
            loaded[incident_id] = {other.id for other in group}
            for other in group:
                if other.id not in found:
                    found[other.id] = other
                    frontier.append(other)
    return found, loaded


def _incident_of(store: Store, mention_ids: Sequence[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for chunk in store.iter_chunks(sorted(mention_ids)):
        marks = ", ".join("?" * len(chunk))
        for row in store._rows(
            f"SELECT incident_id, mention_id FROM incident_mentions WHERE mention_id IN ({marks})", chunk
        ):
            out[row["mention_id"]] = row["incident_id"]
    return out


def _regroup(store: Store, members: list[IncidentMember], old: dict[str, set[str]]) -> RebuildResult:
    """Merge `members` afresh in the canonical order and rewrite the incidents that changed; `old` is
    their incidents' present membership (incident id → mention ids)."""
    members.sort(key=_canonical)
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
