"""The Parquet schema of a shard's output, and records ↔ rows, both ways.

A shard writes three tables, each with a fixed schema (`SCHEMA_VERSION` is stored in each file's
metadata; a change to a column bumps it):

- articles: one row per page that made it through the pipeline: the `Page` fields (`page_*`, all of
  them, so the store can hash and keep the page), the `Article` fields, `language`, `events_note`;
- mentions: one row per `EventMention`, `page_index` pointing at its article's row, the place
  (`Location`) as a struct, evidence as a list of structs;
- rejects: one row per page that was dropped (the gate) or failed (reading, extraction), with `stage`
  and `reason`.

Rows are plain dicts of builtins; `pyarrow` is imported lazily (the `parquet` extra).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from frontwire.records import Article, Comment, EventMention, Evidence, Location, Outlet, OutletLabel, Page

SCHEMA_VERSION = "2"  # 2: articles.stories (a digest's story openings)


def _schemas() -> dict[str, Any]:
    import pyarrow as pa

    s, i, f, b, d = pa.string(), pa.int64(), pa.float64(), pa.bool_(), pa.date32()
    strings = pa.list_(s)
    label = pa.struct([("label", s), ("source", s), ("note", s), ("affiliate", s)])
    outlet = pa.struct(
        [
            ("domain", s),
            ("name", s),
            ("country", s),
            ("owner", s),
            ("labels", pa.list_(label)),
            ("aliases", strings),
        ]
    )
    comment = pa.struct([("text", s), ("author", s), ("published", s)])
    evidence = pa.struct([("text", s), ("start", i), ("end", i)])
    place = pa.struct(
        [
            ("location", s),
            ("geonameid", i),
            ("latitude", f),
            ("longitude", f),
            ("admin1", s),
            ("admin2", s),
            ("country", s),
            ("iso", s),
            ("geo_precision", i),
            ("note", s),
            ("gazetteer", s),
        ]
    )
    articles = pa.schema(
        [
            ("page_index", i),
            ("page_source", s),
            ("page_kind", s),
            ("page_content", pa.large_string()),
            ("page_id", s),
            ("page_url", s),
            ("page_published", d),
            ("page_encoding", s),
            ("source", s),
            ("title", s),
            ("id", s),
            ("url", s),
            ("canonical_url", s),
            ("site_name", s),
            ("outlet", outlet),
            ("published", d),
            ("published_latest", d),
            ("authors", strings),
            ("captions", strings),
            ("paragraphs", strings),
            ("comments", pa.list_(comment)),
            ("chrome_dropped", i),
            ("extractor", s),
            ("stories", pa.list_(i)),
            ("language", s),
            ("events_note", s),
        ]
    )
    mentions = pa.schema(
        [
            ("page_index", i),
            ("position", i),
            ("event_date", d),
            ("time_precision", i),
            ("event_type", s),
            ("sub_event_type", s),
            ("actor1", s),
            ("assoc_actor_1", s),
            ("inter1", i),
            ("actor2", s),
            ("assoc_actor_2", s),
            ("inter2", i),
            ("civilian_targeting", b),
            ("fatalities", i),
            ("fatalities_low", i),
            ("fatalities_high", i),
            ("location_text", s),
            ("claimant", s),
            ("attribution", s),
            ("evidence", pa.list_(evidence)),
            ("notes", s),
            ("coder", s),
            ("place", place),
        ]
    )
    rejects = pa.schema([("source", s), ("id", s), ("stage", s), ("reason", s)])
    meta = {b"frontwire_shard_schema": SCHEMA_VERSION.encode()}
    return {
        name: sch.with_metadata(meta)
        for name, sch in (("articles", articles), ("mentions", mentions), ("rejects", rejects))
    }


_CACHE: dict[str, Any] = {}


def schema(table: str) -> Any:
    """The `pyarrow.Schema` of one of the shard tables ("articles", "mentions", "rejects")."""
    if not _CACHE:
        _CACHE.update(_schemas())
    return _CACHE[table]


def _plain(record: Any) -> Any:
    """A record as nested dicts/lists (dates stay dates: Arrow stores them as date32)."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {f.name: _plain(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, (list, tuple)):
        return [_plain(v) for v in record]
    return record


def article_row(index: int, page: Page, article: Article, language: str | None, note: str | None) -> dict:
    row = {f"page_{k}": v for k, v in _plain(page).items()}
    row.update(_plain(article))
    row.update(page_index=index, language=language, events_note=note)
    return row


def mention_row(index: int, position: int, mention: EventMention) -> dict:
    row = _plain(mention)
    row.update(page_index=index, position=position)
    return row


def page_from_row(row: dict) -> Page:
    return Page(**{f.name: row[f"page_{f.name}"] for f in dataclasses.fields(Page)})


def article_from_row(row: dict) -> Article:
    fields = {f.name: row[f.name] for f in dataclasses.fields(Article)}
    outlet = fields["outlet"]
    if outlet is not None:
        labels = tuple(OutletLabel(**label) for label in outlet["labels"] or ())
        fields["outlet"] = Outlet(**{**outlet, "labels": labels, "aliases": tuple(outlet["aliases"] or ())})
    fields["comments"] = [Comment(**c) for c in fields["comments"] or ()]
    for name in ("authors", "captions", "paragraphs", "stories"):
        fields[name] = list(fields[name] or ())
    return Article(**fields)


def mention_from_row(row: dict) -> EventMention:
    fields = {f.name: row[f.name] for f in dataclasses.fields(EventMention)}
    fields["evidence"] = [Evidence(**e) for e in fields["evidence"] or ()]
    if fields["place"] is not None:
        fields["place"] = Location(**fields["place"])
    return EventMention(**fields)
