"""Which sentences report an event: P(a sentence tells a specific occurrence a person would code).

A sentence of a news article reports an event when it is bounded in time and place and is not background,
a total, a trend, a habit, a threat or plan, a denial, a commemoration, a report about a report or an
opinion. The whole-article annotations say so sentence by sentence: the sentence that holds a main event's
evidence reports one; a listed non-event (`not_events`, with its reason) does not. This head reads a
sentence as the static encoder's vector (static.py: multilingual word vectors, a look-up and a mean) and
gives P(it reports an event); it is a logistic regression (head.py, two classes) fitted on the sentences
of corpus/articles-events/.

The event filter reads it as one feature of each event (the highest P over the event's first sentences):
the coder's rules say whether a sentence reads as an act; this says whether its wording is the wording of
a report or of context. It is stored inside the event filter's artifact and trained by its trainer
(event_train.py), which gives each training article the reading of a head fitted on the other folds, so the
filter learns from readings of sentences the head never saw. bench/sentences.py measures it on the
sentences of Wikinews and corpus/articles-dev/.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from frontwire.events._text import split_sentences
from frontwire.events.learned.head import Head, train_head

EVENT = "event"
NONE = "none"
# L2 on standardised vectors, chosen with the filter by its 5-fold cross-validation (event_train --cv):
# 0.3 against 1.0 gave the filter F1 +0.002 at its threshold, and the sentences' own accuracy 0.826 / 0.815.
SENTENCE_L2 = 0.3
# An event is read by its first sentences: the headline or lead that tells it, then its follow-ups.
READ_SENTENCES = 3


@dataclass(frozen=True, slots=True)
class LabelledSentence:
    article_id: str
    text: str
    label: str  # EVENT or NONE
    reason: str  # the annotator's reason for a non-event; "" for an event


def sentence_holding(text: str, span: str) -> str:
    """The sentence of `text` that holds the start of `span` (the span itself when it is not found)."""
    at = text.find(span)
    if at < 0:
        return span
    for s in split_sentences(text):
        if s.start <= at < s.end:
            return text[s.start : s.end]
    return span


def annotated_sentences(docs: Iterable[dict[str, Any]]) -> list[LabelledSentence]:
    """The labelled sentences of whole annotated articles (ANNOTATION.md's format): the sentence of each
    main event's evidence reports an event; the sentence of each listed non-event does not, unless it also
    holds a main event's evidence (a toll told beside its attack). Background events are neither."""
    out: list[LabelledSentence] = []
    for doc in docs:
        text = doc["text"]
        events = {sentence_holding(text, ev["evidence"]) for ev in doc["events"] if not ev.get("background")}
        seen: set[str] = set()
        for sentence in sorted(events, key=text.find):
            seen.add(sentence)
            out.append(LabelledSentence(doc["id"], sentence, EVENT, ""))
        for ne in doc["not_events"]:
            sentence = sentence_holding(text, ne["text"])
            if sentence not in seen:
                seen.add(sentence)
                out.append(LabelledSentence(doc["id"], sentence, NONE, ne["reason"]))
    return out


def fit_reporting(
    vectors: np.ndarray, sentences: Sequence[LabelledSentence], l2: float = SENTENCE_L2
) -> Head:
    """The head fitted on `sentences`, given as their encoder `vectors` (deterministic, as every head.py
    fit). The trainer encodes the sentences once and fits one head per fold on slices of them."""
    return train_head(vectors, [s.label for s in sentences], l2=l2)


class ReportingReader:
    """`probabilities(vectors)`: P(each sentence reports an event), from the encoder's sentence vectors."""

    def __init__(self, head: Head) -> None:
        self.head = head
        self.event = head.labels.index(EVENT)

    def probabilities(self, vectors: np.ndarray) -> np.ndarray:
        if not len(vectors):
            return np.zeros(0)
        return self.head.probabilities(vectors)[:, self.event]

    def event_reading(self, vectors: np.ndarray, starts: Sequence[int], counts: Sequence[int]) -> list[float]:
        """For each event, the highest P over its first sentences: `counts[i]` rows of `vectors` from
        `starts[i]` (0 rows: an event without evidence reads 0)."""
        p = self.probabilities(vectors)
        return [float(p[at : at + n].max()) if n else 0.0 for at, n in zip(starts, counts, strict=True)]
