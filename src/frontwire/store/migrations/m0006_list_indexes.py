"""Version 6: indexes for the API's filtered, counted lists.

A country filter matches the name or the ISO code, case-insensitively (`frontwire.store.query`); these
expression indexes let both backends answer it with two index ranges (SQLite's multi-index OR, PostgreSQL's
bitmap OR) inside the date range instead of reading every row. bench/api.py measures the effect.
"""

NAME = "country and outlet indexes for filtered lists"

STATEMENTS = (
    "CREATE INDEX incidents_country ON incidents (LOWER(country), event_date)",
    "CREATE INDEX incidents_iso ON incidents (LOWER(iso), event_date)",
    "CREATE INDEX mentions_country ON mentions (LOWER(country), event_date)",
    "CREATE INDEX mentions_iso ON mentions (LOWER(iso), event_date)",
    # an outlet filter starts from the outlet's articles
    "CREATE INDEX articles_outlet ON articles (outlet_id)",
)
