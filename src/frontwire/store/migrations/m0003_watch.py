"""`frontwire watch` state: its sources (validators, health), the items it has seen, and a change log of
incidents for `/api/stream`. Kept in the store so a restart resumes and a killed watcher loses nothing."""

NAME = "watch state"

STATEMENTS = (
    """CREATE TABLE watch_sources (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        name TEXT NOT NULL,
        tags_json TEXT NOT NULL,
        etag TEXT,
        last_modified TEXT,
        last_poll TEXT,
        last_ok TEXT,
        last_new TEXT,
        last_error TEXT,
        failures INTEGER NOT NULL,
        polls INTEGER NOT NULL,
        items INTEGER NOT NULL
    )""",
    # One row per item URL, whichever source listed it first: status 'pending' (to fetch), 'done' or
    # 'failed'. `version` is what the source says about the item (its updated date or a content hash):
    # a new version is fetched again and stored as a new version of the page. `content` holds an item
    # that the source carries whole (a channel post), so a pending one survives a restart.
    """CREATE TABLE watch_items (
        url TEXT PRIMARY KEY,
        source_id TEXT NOT NULL,
        version TEXT NOT NULL,
        status TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        seen_at TEXT NOT NULL,
        done_at TEXT,
        error TEXT,
        title TEXT,
        published TEXT,
        content TEXT,
        outlet TEXT
    )""",
    "CREATE INDEX watch_items_status ON watch_items (status, seen_at)",
    # Incidents a watched item created or changed, in the order they changed: /api/stream reads it.
    """CREATE TABLE watch_changes (
        seq INTEGER PRIMARY KEY,
        incident_id TEXT NOT NULL,
        change TEXT NOT NULL,
        source_id TEXT,
        published TEXT,
        changed_at TEXT NOT NULL
    )""",
)
