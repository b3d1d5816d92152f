"""Full-text search, sorting, counts and the new filters, on SQLite (FTS5) and PostgreSQL (tsvector + GIN)."""

from __future__ import annotations

import dataclasses

import pytest
from store_samples import MONITOR, REUTERS, WIRE, ambush, simple_page, sukhna

from frontwire.store import open_store
from frontwire.store.fulltext import SearchSyntaxError
from frontwire.store.migrations import LATEST_VERSION
from frontwire.store.query import Filters, count_events, count_incidents, events, incidents, order_by

# Queries a hostile or careless user sends: each must be refused with a message before the database sees it.
HOSTILE = (
    '"',
    'drone "strike',
    "(drone",
    "drone)",
    "drone AND",
    "OR drone",
    "NOT",
    "-drone",
    "drone OR -mortar",
    "*",
    '""',
    "((((((((((((((((((((((drone))))))))))))))))))))))",
    "drone AND AND mortar",
)
# Queries that look like FTS5 or tsquery syntax but are plain words to us: never a database error.
ODD_BUT_FINE = (
    "NEAR(drone mortar)",
    "notes:drone",
    "^drone",
    "drone & mortar",
    "drone|mortar",
    "x' OR '1'='1",
)


def _fill(store) -> None:
    kills = sukhna("Palmyra", 34.56, 38.28)
    pages = [
        simple_page(
            WIRE,
            "a",
            dataclasses.replace(
                ambush(fatalities=3, location=kills, evidence="A drone strike killed three fighters."),
                notes="Drone strike near Palmyra; 3 killed.",
                sub_event_type="Air/drone strike",
                event_type="Explosions/Remote violence",
            ),
        ),
        simple_page(
            MONITOR,
            "b",
            dataclasses.replace(
                ambush(
                    fatalities=12,
                    location=sukhna("Homs", 34.73, 36.71),
                    evidence="Mortar shells hit a market.",
                ),
                notes="Shelling of a market in Homs; 12 civilians killed.",
                sub_event_type="Shelling/artillery/missile attack",
                event_type="Explosions/Remote violence",
                civilian_targeting=True,
            ),
        ),
        simple_page(REUTERS, "c", ambush(fatalities=1, location=sukhna("Deir ez-Zor", 35.33, 40.14))),
    ]
    for page in pages:
        store.write_page(*page)


def test_search_finds_notes_and_evidence(store) -> None:
    _fill(store)
    assert {e.mention.location_text for e in events(store, Filters(text="drone"))} == {"Palmyra"}
    # evidence text only ("market" is in the notes too; "shells" only in the evidence), stemmed
    assert {e.mention.location_text for e in events(store, Filters(text="shell"))} == {"Homs"}
    assert len(events(store, Filters(text="drone OR mortar"))) == 2
    assert len(events(store, Filters(text="killed -drone"))) == 2
    assert len(events(store, Filters(text='"drone strike"'))) == 1
    assert len(events(store, Filters(text='"strike drone"'))) == 0
    assert len(events(store, Filters(text="mort*"))) == 1
    assert [i.location for i in incidents(store, Filters(text="market"))] == ["Homs"]
    assert count_incidents(store, Filters(text="market")) == 1
    assert count_events(store, Filters(text="killed")) == 3


def test_search_keeps_up_with_new_pages(store) -> None:
    _fill(store)
    assert events(store, Filters(text="checkpoint")) == []
    store.write_page(
        *simple_page(
            WIRE,
            "d",
            ambush(
                fatalities=2, location=sukhna("Raqqa", 35.95, 39.01), evidence="Gunmen attacked a checkpoint."
            ),
        )
    )
    assert [e.mention.location_text for e in events(store, Filters(text="checkpoint"))] == ["Raqqa"]


@pytest.mark.parametrize("query", HOSTILE)
def test_malformed_search_is_a_syntax_error_not_a_database_error(store, query: str) -> None:
    _fill(store)
    with pytest.raises(SearchSyntaxError):
        events(store, Filters(text=query))
    with pytest.raises(SearchSyntaxError):
        count_incidents(store, Filters(text=query))


@pytest.mark.parametrize("query", ODD_BUT_FINE)
def test_operator_lookalikes_search_as_words(store, query: str) -> None:
    _fill(store)
    found = events(store, Filters(text=query))
    assert all("drone" in (e.mention.notes.lower()) for e in found) or found == []


def test_filters_sort_and_counts(store) -> None:
    _fill(store)
    assert count_events(store, Filters(civilian_targeting=True)) == 1
    assert count_events(store, Filters(civilian_targeting=False)) == 2
    assert count_incidents(store, Filters(sub_event_type="air/drone strike")) == 1
    assert count_incidents(store, Filters(fatalities_min=2, fatalities_max=5)) == 1
    assert count_incidents(store, Filters(fatalities_min=2)) == 2
    rows = store.rows(f"SELECT i.fatalities FROM incidents i ORDER BY {order_by('-fatalities', 'i')}")
    assert [r["fatalities"] for r in rows] == [12, 3, 1]
    with pytest.raises(ValueError, match="unknown sort"):
        order_by("id; DROP TABLE incidents", "i")


def test_an_old_database_gains_the_search_index(tmp_path) -> None:
    """A database from before full-text search (version 4) is migrated, and its rows become searchable."""
    path = tmp_path / "old.sqlite"
    with open_store(path) as store:
        _fill(store)
        store._run("DROP TRIGGER mentions_fts_insert")
        store._run("DROP TRIGGER mentions_fts_delete")
        store._run("DROP TRIGGER mentions_fts_update")
        store._run("DROP TABLE mentions_fts")
        for index in ("incidents_country", "incidents_iso", "mentions_country", "mentions_iso", "articles_outlet"):
            store._run(f"DROP INDEX {index}")
        store._run("DROP TABLE regroup_pending")
        store._run("DELETE FROM schema_version WHERE version >= 5")
        assert store.schema_version() == 4
    with open_store(path) as store:
        assert store.schema_version() == LATEST_VERSION
        assert [e.mention.location_text for e in events(store, Filters(text="drone"))] == ["Palmyra"]
