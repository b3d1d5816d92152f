"""The event filter: P(a person would code this event) for each event a whole article yields.

The coder reads sentence by sentence and yields, beside an article's main events, second codings of them,
context told after the lead, totals and older events. The filter reads each event with the article around
it (event_features.py: where it is told, its evidence, place, date, toll, type and neighbours, the
sentence head's reading of its first sentence, the reporting head's reading of its first sentences
(sentence_events.py) and the article judge's reading of the article) and gives
the probability that a person annotating the article would code it. An event below the threshold is
left out. It is trained (event_train.py) on corpus/articles-events/, whole articles we wrote and
annotated event by event, from the events the coder yields on them: an event that matches an annotated
main event is one to keep, any other one to leave out (event_labels.py, the issue's matching rule).

Only whole articles are filtered: a text of fewer than MIN_FILTERED_WORDS words (a snippet, a note, a
brief) is a shape the filter never read, and its events are kept. The classifier is head.py's logistic
regression (two classes), numpy only; its artifact is data/events/event-filter.npz (the reporting head
inside it), checked against
event-filter.sha256, and against the word table, sentence head, article judge and coder version it was
trained with.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from frontwire.events.learned.article_filter import MAX_JUDGED_CHARS, MIN_JUDGED_WORDS
from frontwire.events.learned.article_judge import JUDGE_SUMS, ArticleJudge, ArticleText, load_judge
from frontwire.events.learned.artifact import (
    ArtifactError,
    _open,
    _save,
    data_dir,
    head_arrays,
    head_from_arrays,
    sha256_file,
)
from frontwire.events.learned.event_features import FEATURES, ArticleEvents, event_rows
from frontwire.events.learned.head import Head
from frontwire.events.learned.sentence_events import READ_SENTENCES, ReportingReader
from frontwire.records import Article, EventMention

FILTER_FILE = "event-filter.npz"
FILTER_SUMS = "event-filter.sha256"
KEEP = "keep"
LEAVE = "leave"
# The reporting head (sentence_events.py) is stored in the filter's artifact, its arrays named so.
REPORTING_PREFIX = "reporting_"
NO_EVENT = "NONE"  # the sentence head's class for a sentence that reports no event
# Below this many body words a text is not filtered: the training articles have 250 words or more, and the
# article judge's bound says where a whole article starts for the same reason.
MIN_FILTERED_WORDS = MIN_JUDGED_WORDS


@dataclass(frozen=True, slots=True)
class FilterVerdict:
    kept: int
    dropped: int
    probabilities: tuple[float, ...]  # one per event, in order; empty when the text was not filtered


class EventReader:
    """`rows(article, events)`: the features of each event, read with the article judge, the sentence
    head the judge carries and the reporting head (event_features.FEATURES)."""

    def __init__(self, judge: ArticleJudge, reporting: Head) -> None:
        self.judge = judge
        self.reporting = ReportingReader(reporting)

    def rows(self, article: Article, events: Sequence[EventMention]) -> np.ndarray:
        sentence_head = self.judge.sentence_head
        # Each event's first sentences, encoded once: the sentence head reads the first, the reporting head
        # all of them (an event without evidence: the empty text for the first, 0 for the other).
        texts = [[e.text for e in ev.evidence[:READ_SENTENCES]] for ev in events]
        starts = list(itertools.accumulate((max(len(t), 1) for t in texts), initial=0))[:-1]
        vectors = self.judge.encoder.encode([t for ts in texts for t in (ts or [""])])
        p = sentence_head.probabilities(vectors[starts])
        labels = sentence_head.labels
        none = labels.index(NO_EVENT)
        subtype = [
            float(p[i, labels.index(ev.sub_event_type)]) if ev.sub_event_type in labels else 0.0
            for i, ev in enumerate(events)
        ]
        judged = self.judge.probability(ArticleText(article.title or "", article.body[:MAX_JUDGED_CHARS]))
        reports = self.reporting.event_reading(vectors, starts, [len(t) for t in texts])
        whole = ArticleEvents(
            article.body, article.published, events, judged, [float(v) for v in p[:, none]], subtype, reports
        )
        return event_rows(whole)


class EventFilter:
    """`probabilities(article, events)`: P(keep) per event; `apply` keeps those at or above a threshold."""

    def __init__(self, head: Head, reader: EventReader) -> None:
        self.head = head
        self.reader = reader
        self.keep = head.labels.index(KEEP)

    def probabilities(self, article: Article, events: Sequence[EventMention]) -> np.ndarray:
        if not events:
            return np.zeros(0)
        return self.head.probabilities(self.reader.rows(article, events))[:, self.keep]

    def apply(
        self, article: Article, events: Sequence[EventMention], threshold: float
    ) -> tuple[list[EventMention], FilterVerdict]:
        """The events at or above `threshold`, and what was done."""
        if not events or len(article.body.split()) < MIN_FILTERED_WORDS:
            return list(events), FilterVerdict(len(events), 0, ())
        p = self.probabilities(article, events)
        kept = [ev for ev, pk in zip(events, p, strict=True) if pk >= threshold]
        return kept, FilterVerdict(len(kept), len(events) - len(kept), tuple(float(v) for v in p))


def save_filter(
    path: Path, head: Head, reporting: Head, corpus_sha256: str, coder: str, judge_sha256: str
) -> None:
    _save(
        path,
        **head_arrays(head),
        **{f"{REPORTING_PREFIX}{k}": v for k, v in head_arrays(reporting).items()},
        features=np.array("\n".join(FEATURES)),
        corpus_sha256=np.array(corpus_sha256),
        coder=np.array(coder),
        judge_sha256=np.array(judge_sha256),
    )
    (path.parent / FILTER_SUMS).write_text(f"{sha256_file(path)}  {path.name}\n", encoding="utf-8")


@dataclass(frozen=True, slots=True)
class StoredFilter:
    """The filter and what it was trained with (the coder's name and version, the corpus's sha256)."""

    filter: EventFilter
    coder: str
    corpus_sha256: str


def load_filter(directory: Path | None = None) -> StoredFilter:
    """The filter in `directory` (default: the package's data), checked against event-filter.sha256, the
    feature list and the article judge it was trained with."""
    directory = directory or data_dir()
    sums = directory / FILTER_SUMS
    if not sums.is_file():
        raise ArtifactError(f"event filter: checksum file missing: {sums}")
    path = directory / FILTER_FILE
    if not path.is_file():
        raise ArtifactError(
            f"event filter: artifact missing: {path} "
            "(rebuild with `python -m frontwire.events.learned.event_train`)"
        )
    z = _open(path, sums.read_text(encoding="utf-8").split()[0])
    judge = load_judge(directory)  # checked against the word table and sentence head
    judge_sums = (directory / JUDGE_SUMS).read_text(encoding="utf-8").split()[0]
    try:
        if tuple(str(z["features"]).split("\n")) != FEATURES:
            raise ArtifactError(f"event filter: {path} was trained with other features than this code reads")
        if str(z["judge_sha256"]) != judge_sums:
            raise ArtifactError(f"event filter: {path} was trained with another article judge")
        head = head_from_arrays(z)
        stored = {k[len(REPORTING_PREFIX) :]: v for k, v in z.items() if k.startswith(REPORTING_PREFIX)}
        reporting = head_from_arrays(stored)
        coder, corpus = str(z["coder"]), str(z["corpus_sha256"])
    except KeyError as exc:
        raise ArtifactError(f"event filter: artifact lacks {exc}: {path}") from None
    return StoredFilter(EventFilter(head, EventReader(judge, reporting)), coder, corpus)
