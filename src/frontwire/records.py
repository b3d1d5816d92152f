"""Typed records that flow between the pipeline's stages.

page  --(frontwire.ingest)-->  Page | Failure
Page  --(frontwire.article)--> Article (+ Comment, Outlet)
Article --(frontwire.events)--> EventMention (+ Evidence)
EventMention --(frontwire.geo)--> EventMention with a Location

Records are plain, picklable dataclasses: no methods that touch the network or
disk, so every stage can ship them between processes (local pool, Ray).
`to_dict` turns any record into JSON-ready builtins.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

PageKind = Literal["html", "text"]


@dataclass(slots=True, kw_only=True)
class Page:
    """One raw page as read from an input, before any cleaning.

    `source` names the input for error messages and provenance: a path, a URL,
    `path#L12` for a JSONL line, or `path@offset` for a WARC record.
    """

    source: str
    kind: PageKind
    content: str
    id: str | None = None
    url: str | None = None
    published: dt.date | None = None
    encoding: str | None = None


@dataclass(slots=True, frozen=True, kw_only=True)
class Failure:
    """An input that could not be read or processed. The batch goes on."""

    source: str
    message: str
    stage: str = "read"
    id: str | None = None  # the input's own id when it has one (e.g. a JSONL record's "id")

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


@dataclass(slots=True, frozen=True, kw_only=True)
class OutletLabel:
    """An affiliation label on an outlet (e.g. state-affiliated media), with the public source applying it."""

    label: str
    source: str
    note: str | None = None
    # The state (ISO-3166 alpha-2) or party the label ties the outlet to; None means the outlet's own country.
    affiliate: str | None = None


@dataclass(slots=True, frozen=True, kw_only=True)
class Outlet:
    domain: str
    name: str
    country: str | None = None
    owner: str | None = None
    labels: tuple[OutletLabel, ...] = ()
    aliases: tuple[str, ...] = ()


@dataclass(slots=True, frozen=True, kw_only=True)
class Comment:
    """A reader comment, kept apart from the article body."""

    text: str
    author: str | None = None
    published: str | None = None


@dataclass(slots=True, kw_only=True)
class Article:
    """A cleaned article: the body as paragraphs, chrome and comments split off."""

    source: str
    title: str | None = None
    id: str | None = None
    url: str | None = None
    canonical_url: str | None = None
    site_name: str | None = None
    outlet: Outlet | None = None
    published: dt.date | None = None
    # When the exact date is unknown: the latest date the page supports (e.g. the last day of the
    # month in a "JUNE 2024" dateline). Later stages use it as the bound that events cannot pass.
    published_latest: dt.date | None = None
    authors: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    chrome_dropped: int = 0
    extractor: str = ""
    # A digest of brief reports ("Wikinews Shorts", a news round-up with each story's sources under it):
    # the paragraphs that open each story after the first. Empty for a page of one story.
    stories: list[int] = field(default_factory=list)

    @property
    def body(self) -> str:
        """The body text: paragraphs joined by blank lines. Evidence offsets index into this string."""
        return "\n\n".join(self.paragraphs)

    def story_spans(self) -> list[tuple[int, int]]:
        """The [start, end) offsets in `body` of each story: one span for a page of one story."""
        starts, at = [], 0
        opens = set(self.stories)
        for i, para in enumerate(self.paragraphs):
            if i == 0 or i in opens:
                starts.append(at)
            at += len(para) + 2
        ends = [start - 2 for start in starts[1:]] + [max(at - 2, 0)]
        return list(zip(starts, ends, strict=True)) or [(0, 0)]


def story_at(spans: list[tuple[int, int]], offset: int) -> int | None:
    """Which of `Article.story_spans()` holds the body offset `offset` (None: a gap between two stories)."""
    return next((i for i, (a, b) in enumerate(spans) if a <= offset < b), None)


@dataclass(slots=True, frozen=True, kw_only=True)
class Evidence:
    """The sentence(s) an event was read from, with character offsets into `Article.body`."""

    text: str
    start: int
    end: int


@dataclass(slots=True, kw_only=True)
class Location:
    """A resolved place, with ACLED's geo_precision (1 named place, 2 near/part of, 3 region only)."""

    location: str
    geonameid: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    admin1: str | None = None
    admin2: str | None = None
    country: str | None = None
    iso: str | None = None
    geo_precision: int = 3
    note: str | None = None
    gazetteer: str = ""
    geonames_name: str | None = None  # the gazetteer's spelling when `location` is the plain ACLED-style one


@dataclass(slots=True, kw_only=True)
class EventMention:
    """One event as one article reports it, coded to ACLED's codebook plus claimant and attribution."""

    event_date: dt.date | None
    time_precision: int
    event_type: str
    sub_event_type: str
    actor1: str
    assoc_actor_1: str | None = None
    inter1: int | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    inter2: int | None = None
    civilian_targeting: bool = False
    fatalities: int | None = None
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    location_text: str | None = None
    claimant: str | None = None
    attribution: str = "reported"
    evidence: list[Evidence] = field(default_factory=list)
    notes: str = ""
    coder: str = ""
    place: Location | None = None


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def to_dict(record: Any) -> dict[str, Any]:
    """A record as JSON-ready builtins (dates as ISO strings)."""
    out = _plain(record)
    if isinstance(record, Article):
        out["body"] = record.body
    return out
