"""Versioned schema migrations, applied in order; `schema_version` records each one applied.

To change the schema, add `mNNNN_<what>.py` with `NAME` and `STATEMENTS` and append it to `MIGRATIONS`.
Never edit a migration that has shipped.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from frontwire.store.migrations import (
    m0001_initial,
    m0002_place_names,
    m0003_watch,
    m0004_incident_merge_reasons,
    m0005_fulltext,
    m0006_list_indexes,
    m0007_regroup_pending,
)


@dataclass(frozen=True, slots=True)
class Migration:
    """Portable `statements`, then the statements of the open store's backend ("sqlite", "postgresql")."""

    version: int
    name: str
    statements: tuple[str, ...]
    by_backend: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def for_backend(self, backend: str) -> tuple[str, ...]:
        return self.statements + self.by_backend.get(backend, ())


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, m0001_initial.NAME, m0001_initial.STATEMENTS),
    Migration(2, m0002_place_names.NAME, m0002_place_names.STATEMENTS),
    Migration(3, m0003_watch.NAME, m0003_watch.STATEMENTS),
    Migration(4, m0004_incident_merge_reasons.NAME, m0004_incident_merge_reasons.STATEMENTS),
    Migration(5, m0005_fulltext.NAME, m0005_fulltext.STATEMENTS, m0005_fulltext.BY_BACKEND),
    Migration(6, m0006_list_indexes.NAME, m0006_list_indexes.STATEMENTS),
    Migration(7, m0007_regroup_pending.NAME, m0007_regroup_pending.STATEMENTS),
)
LATEST_VERSION = MIGRATIONS[-1].version

SCHEMA_VERSION_TABLE = """CREATE TABLE schema_version (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
)"""
