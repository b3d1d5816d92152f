"""What the event filter reads of one coded event: where and how the article tells it.

The coder reads an article sentence by sentence; whether a person would code what it found depends on
the article around the sentence. A main event is told in the lead, with a place, a day and a toll, and
is told again in follow-ups; a second coding of it sits beside a finer one of the same type and day;
context is told after the lead, at a region's scale, with old or vague dates, as totals. So
the features are the event's position in the article, its evidence, its place's precision, its date
against the article's, its toll, its type, its neighbours among the article's events, the sentence
head's reading of its first sentence, a few cue counts in that sentence, the reporting head's reading of
its first sentences (sentence_events.py: is this the wording of a report or of context) and the article
judge's reading of the whole article. Nothing here names a place, an actor or a country.

`FEATURES` names the columns in order; the filter's artifact stores them, and a filter trained with
another list does not load.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from frontwire.events._text import split_sentences
from frontwire.events.rules.classify import EVENT_TYPES as SUB_TYPE_EVENT_TYPES
from frontwire.records import EventMention

# ACLED's six event types, in the codebook's order (the order of the artifact's type columns).
EVENT_TYPES = tuple(dict.fromkeys(SUB_TYPE_EVENT_TYPES.values()))
# Days between the event and the article's date, as bins: the day itself or the day before, the rest of
# the time frame (this month and last), older; and no date at all. Within the time frame the age of an
# event does not tell a main event from background (a UN statement on killings of the past ten days is the
# news); a finer split learned our writers' habit of dating their main events within the week, and cost
# Wikinews' events.
DAY_BINS = ((0, 1), (2, 31), (32, 10**6))
# Cue words of the event's first sentence, one count each (log 1 + count). Written from how news tells
# context in general: totals and periods, the future and the conditional, denial. (Reported speech, the
# claimant and the attribution were read too, and left out: they follow an outlet's house style more than
# the event; trained on our articles they cost Wikinews' events, README "The event filter".)
_CUES: dict[str, re.Pattern[str]] = {
    "period": re.compile(
        r"\b(?:since|so far|this year|last year|in \d{4}|over the past|in recent (?:days|weeks|months)"
        r"|total|per ?cent|percent)\b",
        re.I,
    ),
    "modal": re.compile(r"\b(?:will|would|could|might|may|threaten\w*|warn\w*|plan\w*|vow\w*|if)\b", re.I),
    "denial": re.compile(r"\b(?:denied|deny|denies|rejected|not|no|never)\b", re.I),
    "quote": re.compile(r"[\"“”]"),
    "number": re.compile(r"\b\d[\d,]*\b"),
}
GENERIC_ACTORS = re.compile(r"^(?:Unidentified|Unknown)\b", re.I)


def _feature_names() -> tuple[str, ...]:
    names = ["sentence_0", "sentence_1_2", "sentence_log", "position"]
    names += ["evidence_log", "evidence_sentences_log"]
    names += ["geo_none", "geo_1", "geo_2", "geo_3", "admin_none"]
    names += ["date_none"] + [f"days_{lo}_{hi}" for lo, hi in DAY_BINS] + ["date_after", "precision_1"]
    names += ["toll_known", "toll_log"]
    names += [f"type_{t}" for t in EVENT_TYPES]
    names += ["events_log", "same_type_log", "first_event", "same_type_day_other", "same_type_day_coarser"]
    names += ["actor_generic", "actor2_none"]
    names += ["head_none", "head_subtype"]
    names += [f"cue_{name}" for name in _CUES]
    names += ["judge", "reports_event"]
    return tuple(names)


FEATURES = _feature_names()


@dataclass(frozen=True, slots=True)
class ArticleEvents:
    """One article as the filter reads it: its body, its date, its events after places and joins, and
    the readings made of the whole (the article judge's probability; the sentence head's P(no event)
    and P(sub-type) for each event's first sentence, and the reporting head's P(it reports an event) over
    its first sentences, in the events' order)."""

    body: str
    published: dt.date | None
    events: Sequence[EventMention]
    judge: float
    head_none: Sequence[float]
    head_subtype: Sequence[float]
    reports: Sequence[float]


def _sentence_of(starts: list[int], offset: int) -> int:
    """The index of the sentence that holds `offset` (sentence starts in order)."""
    return max(bisect.bisect_right(starts, offset) - 1, 0)


def _coarser(a: EventMention, b: EventMention) -> bool:
    """`a` is placed no finer than `b` (a region or none against a named place)."""
    pa = a.place.geo_precision if a.place else 4
    pb = b.place.geo_precision if b.place else 4
    return pa > pb


def event_rows(article: ArticleEvents) -> np.ndarray:
    """One row of FEATURES per event of the article (n x len(FEATURES)), float32."""
    events = article.events
    # Sentences up to the last evidence span are all the features count: a long page is not split whole.
    read = max((e.end for ev in events for e in ev.evidence), default=0)
    starts = [s.start for s in split_sentences(article.body[:read])] or [0]
    size = max(len(article.body), 1)
    firsts = [min((e.start for e in ev.evidence), default=size) for ev in events]
    first_index = firsts.index(min(firsts)) if firsts else -1
    rows = np.zeros((len(events), len(FEATURES)), dtype=np.float32)
    col = {name: i for i, name in enumerate(FEATURES)}
    for i, ev in enumerate(events):
        r = rows[i]
        sentence = _sentence_of(starts, firsts[i])
        r[col["sentence_0"]] = sentence == 0
        r[col["sentence_1_2"]] = sentence in (1, 2)
        r[col["sentence_log"]] = math.log1p(sentence)
        r[col["position"]] = min(firsts[i] / size, 1.0)
        r[col["evidence_log"]] = math.log1p(len(ev.evidence))
        sentences = {_sentence_of(starts, e.start) for e in ev.evidence}
        r[col["evidence_sentences_log"]] = math.log1p(len(sentences))
        precision = ev.place.geo_precision if ev.place else None
        r[col["geo_none"]] = precision is None
        for p in (1, 2, 3):
            r[col[f"geo_{p}"]] = precision == p
        r[col["admin_none"]] = ev.place is None or (ev.place.admin1 is None and ev.place.admin2 is None)
        _date_features(r, col, ev, article.published)
        r[col["toll_known"]] = ev.fatalities is not None
        r[col["toll_log"]] = math.log1p(ev.fatalities or 0)
        if ev.event_type in EVENT_TYPES:
            r[col[f"type_{ev.event_type}"]] = 1.0
        same_type = [o for o in events if o is not ev and o.event_type == ev.event_type]
        r[col["events_log"]] = math.log1p(len(events) - 1)
        r[col["same_type_log"]] = math.log1p(len(same_type))
        r[col["first_event"]] = i == first_index
        same_day = [o for o in same_type if o.event_date == ev.event_date]
        r[col["same_type_day_other"]] = bool(same_day)
        r[col["same_type_day_coarser"]] = any(_coarser(ev, o) for o in same_day)
        r[col["actor_generic"]] = bool(GENERIC_ACTORS.match(ev.actor1 or ""))
        r[col["actor2_none"]] = not ev.actor2
        r[col["head_none"]] = article.head_none[i]
        r[col["head_subtype"]] = article.head_subtype[i]
        first = ev.evidence[0].text if ev.evidence else ""
        for name, pattern in _CUES.items():
            r[col[f"cue_{name}"]] = math.log1p(len(pattern.findall(first)))
        r[col["judge"]] = article.judge
        r[col["reports_event"]] = article.reports[i]
    return rows


def _date_features(r: np.ndarray, col: dict[str, int], ev: EventMention, published: dt.date | None) -> None:
    if ev.event_date is None or published is None:
        r[col["date_none"]] = 1.0
        return
    days = (published - ev.event_date).days
    r[col["date_after"]] = days < 0
    for lo, hi in DAY_BINS:
        r[col[f"days_{lo}_{hi}"]] = lo <= abs(days) <= hi
    r[col["precision_1"]] = ev.time_precision == 1
