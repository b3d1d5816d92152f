"""Version 4: full-text search over event mentions' notes and evidence text.

SQLite: an FTS5 table `mentions_fts` (rowid = the mention's rowid) kept current by triggers and filled from
the rows already stored. PostgreSQL: a GIN index on the tsvector that `frontwire.store.fulltext` queries.
Superseded mentions stay indexed; queries join back to `mentions` and keep only current ones.
"""

NAME = "full-text search over notes and evidence"

STATEMENTS: tuple[str, ...] = ()

# The evidence column holds JSON [{"text": ..., "start": ..., "end": ...}]; only the texts are searchable.
_EVIDENCE = (
    "(SELECT group_concat(json_extract(e.value, '$.text'), ' ') FROM json_each({row}.evidence_json) e)"
)

SQLITE = (
    # Porter stemming over unicode61 (diacritics folded) so "strikes" finds "strike", as PostgreSQL's
    # 'english' configuration does. Rows carry the mention id (not its rowid, which VACUUM may renumber).
    "CREATE VIRTUAL TABLE mentions_fts USING fts5(id UNINDEXED, notes, evidence,"
    " tokenize = 'porter unicode61 remove_diacritics 2')",
    "INSERT INTO mentions_fts (id, notes, evidence)"
    f" SELECT m.id, m.notes, {_EVIDENCE.format(row='m')} FROM mentions m",
    "CREATE TRIGGER mentions_fts_insert AFTER INSERT ON mentions BEGIN"
    " INSERT INTO mentions_fts (id, notes, evidence)"
    f" VALUES (new.id, new.notes, {_EVIDENCE.format(row='new')}); END",
    # Mentions are superseded, not deleted, in normal use: these two run rarely, so a scan is fine.
    "CREATE TRIGGER mentions_fts_delete AFTER DELETE ON mentions BEGIN"
    " DELETE FROM mentions_fts WHERE id = old.id; END",
    "CREATE TRIGGER mentions_fts_update AFTER UPDATE OF notes, evidence_json ON mentions BEGIN"
    " DELETE FROM mentions_fts WHERE id = old.id;"
    " INSERT INTO mentions_fts (id, notes, evidence)"
    f" VALUES (new.id, new.notes, {_EVIDENCE.format(row='new')}); END",
)


def pg_document(alias: str = "") -> str:
    """The tsvector of a mention: the GIN index below and every search query use this same expression
    (PostgreSQL uses the index only when the two are identical)."""
    p = f"{alias}." if alias else ""
    return (
        f"(to_tsvector('english', {p}notes)"
        f" || jsonb_to_tsvector('english', {p}evidence_json::jsonb, '[\"string\"]'))"
    )


POSTGRESQL = (f"CREATE INDEX mentions_fts ON mentions USING GIN ({pg_document()})",)

BY_BACKEND = {"sqlite": SQLITE, "postgresql": POSTGRESQL}
