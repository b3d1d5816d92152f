"""Train the event filter: `python -m frontwire.events.learned.event_train [--cv]`.

Reads corpus/articles-events/*.json (whole articles we wrote and annotated event by event, in the format of
../shared/eval/news/ANNOTATION.md; data card beside them), codes each with the pipeline as `extract` runs it
(the filter itself off), labels every event it yields with the issue's matching rule (event_labels.py: one
that matches an annotated main event is kept, any other one left out, one that matches only a background
event is not used), fits head.py's logistic regression on event_features.py's rows (deterministic: zero
start, fixed steps), and writes them with the reporting head (sentence_events.py, fitted on the articles'
annotated sentences) to data/events/event-filter.npz and its sha256. The artifact records the coder's name
and version: a coder that yields other events needs the filter retrained.

`--cv` first prints a 5-fold cross-validation over the articles (folds by a hash of the id): precision,
recall and F1 of whole articles at each threshold, as bench/news.py scores them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from frontwire.events.learned.article_judge import JUDGE_SUMS, ArticleJudge, load_judge
from frontwire.events.learned.article_train import FOLDS, fit, fold_of  # the judge's folds and fit
from frontwire.events.learned.artifact import add_path_options, data_dir
from frontwire.events.learned.corpus import CorpusError, corpus_dir
from frontwire.events.learned.event_filter import (
    FILTER_FILE,
    KEEP,
    LEAVE,
    EventReader,
    save_filter,
)
from frontwire.events.learned.event_labels import Label, match_events
from frontwire.events.learned.head import Head
from frontwire.events.learned.sentence_events import LabelledSentence, annotated_sentences, fit_reporting

ARTICLES_DIR = "articles-events"
FIELDS = ("id", "title", "text", "published", "category", "events", "not_events")
# L2 on standardised inputs, chosen by the 5-fold cross-validation (--cv) among L2_TRIED on whole-article
# F1 at the shipped threshold (README, "The event filter").
L2 = 0.1
L2_TRIED = (0.03, 0.1, 0.3, 1.0)
THRESHOLDS = (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5)


@dataclass(frozen=True, slots=True)
class AnnotatedArticle:
    id: str
    title: str
    text: str
    published: dt.date
    category: str
    events: tuple[dict[str, Any], ...]  # ANNOTATION.md's event objects, as written
    not_events: tuple[dict[str, Any], ...]  # ANNOTATION.md's non-events (text and reason), as written

    @property
    def main_events(self) -> int:
        return sum(1 for e in self.events if not e.get("background"))


def articles_path(root: Path | None = None) -> Path:
    return (root or corpus_dir()) / ARTICLES_DIR


def read_annotated(directory: Path) -> list[AnnotatedArticle]:
    """Every article of `directory`, in name order; a bad file is a CorpusError naming it."""
    if not directory.is_dir():
        raise CorpusError(f"event filter: training articles missing: {directory}")
    out: list[AnnotatedArticle] = []
    for path in sorted(directory.glob("*.json")):
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise CorpusError(f"{path}: not JSON ({exc})") from None
        missing = [f for f in FIELDS if f not in doc]
        if missing:
            raise CorpusError(f"{path}: missing {', '.join(missing)}")
        try:
            published = dt.date.fromisoformat(doc["published"])
        except (TypeError, ValueError):
            raise CorpusError(f"{path}: published is not an ISO date: {doc['published']!r}") from None
        out.append(
            AnnotatedArticle(
                doc["id"], doc["title"], doc["text"], published, doc["category"], tuple(doc["events"]),
                tuple(doc["not_events"]),
            )
        )
    if not out:
        raise CorpusError(f"event filter: no article in {directory}")
    return out


def corpus_digest(directory: Path) -> str:
    """sha256 over the training files' names and bytes, in name order."""
    h = hashlib.sha256()
    for path in sorted(directory.glob("*.json")):
        h.update(path.name.encode("utf-8") + b"\0" + path.read_bytes())
    return h.hexdigest()


@dataclass(frozen=True, slots=True)
class TrainingRows:
    x: np.ndarray  # one row per labelled event (event_features.FEATURES)
    labels: list[str]  # KEEP or LEAVE
    article: np.ndarray  # the index of each row's article
    coder: str


@dataclass(frozen=True, slots=True)
class ReportingHeads:
    """The reporting head (sentence_events.py) fitted on every article's sentences, and one per fold fitted
    on the other folds' sentences: a training article's events are read with the head of its fold, which
    never saw its sentences, so the filter learns from readings like the ones it meets in use."""

    whole: Head
    folds: tuple[Head, ...]


def _sentences(articles: Sequence[AnnotatedArticle]) -> list[LabelledSentence]:
    return annotated_sentences(
        {"id": a.id, "text": a.text, "events": a.events, "not_events": a.not_events} for a in articles
    )


def reporting_heads(articles: Sequence[AnnotatedArticle], judge: ArticleJudge) -> ReportingHeads:
    sentences = _sentences(articles)
    vectors = judge.encoder.encode([s.text for s in sentences])
    fold = np.array([fold_of(s.article_id) for s in sentences])
    folds = tuple(
        fit_reporting(vectors[fold != k], [s for s, f in zip(sentences, fold, strict=True) if f != k])
        for k in range(FOLDS)
    )
    return ReportingHeads(fit_reporting(vectors, sentences), folds)


def training_rows(
    articles: Sequence[AnnotatedArticle],
    judge: ArticleJudge,
    heads: ReportingHeads,
    gazetteer: Path | None = None,
) -> TrainingRows:
    """Code every article as `extract` does (the filter off) and label the events it yields, each article
    read with the reporting head of its fold. The places, and so the events, are the default gazetteer's
    (the world's) unless `gazetteer` names another index."""
    from frontwire.config import DEFAULT
    from frontwire.pipeline import Pipeline, prepare
    from frontwire.records import Page
    from frontwire.run.gate import GatedPipeline

    settings = replace(DEFAULT, event_filter=None, gazetteer=gazetteer)
    prepare(settings)
    step = GatedPipeline(Pipeline(settings))
    readers = [EventReader(judge, head) for head in heads.folds]
    rows: list[np.ndarray] = []
    labels: list[str] = []
    owner: list[int] = []
    coder = ""
    for index, art in enumerate(articles):
        page = Page(
            source=f"{ARTICLES_DIR}/{art.id}",
            kind="text",
            content=f"{art.title}\n\n{art.text}",
            id=art.id,
            published=art.published,
        )
        done = step(page)
        events = done.events
        if not events:
            continue
        coder = coder or events[0].coder
        x = readers[fold_of(art.id)].rows(done.article, events)
        for row, (label, _) in zip(x, match_events(art.events, events), strict=True):
            if label is Label.BACKGROUND:
                continue
            rows.append(row)
            labels.append(KEEP if label is Label.TRUE else LEAVE)
            owner.append(index)
    if not rows:
        raise CorpusError("event filter: the coder yields no event on the training articles")
    return TrainingRows(np.stack(rows), labels, np.array(owner), coder)


def cross_validate(articles: Sequence[AnnotatedArticle], rows: TrainingRows, l2: float) -> np.ndarray:
    """P(keep) for each row from a filter trained on the other folds."""
    folds = np.array([fold_of(articles[i].id) for i in rows.article])
    out = np.zeros(len(rows.labels))
    for k in range(FOLDS):
        test = folds == k
        head = fit(rows.x[~test], [lab for lab, t in zip(rows.labels, test, strict=True) if not t], l2)
        out[test] = head.probabilities(rows.x[test])[:, head.labels.index(KEEP)]
    return out


def whole_article_scores(
    articles: Sequence[AnnotatedArticle], rows: TrainingRows, p: np.ndarray, threshold: float
) -> tuple[float, float, float]:
    """Precision, recall and F1 over the articles when events below `threshold` are left out (an
    annotated event the coder never yielded stays missed)."""
    keep = p >= threshold
    truth = np.array([lab == KEEP for lab in rows.labels])
    tp = int((keep & truth).sum())
    fp = int((keep & ~truth).sum())
    gold = sum(a.main_events for a in articles)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def retrain(
    corpus: Path, directory: Path, l2: float = L2, gazetteer: Path | None = None
) -> tuple[Head, TrainingRows]:
    """Fit the filter on the articles under `corpus`; write it to `directory` (which holds the word
    table, the sentence head and the article judge it reads with)."""
    source = articles_path(corpus)
    articles = read_annotated(source)
    judge = load_judge(directory)
    heads = reporting_heads(articles, judge)
    rows = training_rows(articles, judge, heads, gazetteer)
    head = fit(rows.x, rows.labels, l2)
    judge_sha = (directory / JUDGE_SUMS).read_text(encoding="utf-8").split()[0]
    save_filter(directory / FILTER_FILE, head, heads.whole, corpus_digest(source), rows.coder, judge_sha)
    return head, rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_path_options(ap)
    ap.add_argument("--cv", action="store_true", help="print a 5-fold cross-validation first")
    args = ap.parse_args(argv)
    corpus = args.corpus or corpus_dir()
    directory = args.out or data_dir()
    if args.cv:
        articles = read_annotated(articles_path(corpus))
        judge = load_judge(directory)
        rows = training_rows(articles, judge, reporting_heads(articles, judge))
        base = whole_article_scores(articles, rows, np.ones(len(rows.labels)), 0.5)
        print(f"{len(articles)} articles, {len(rows.labels)} events ({rows.labels.count(KEEP)} to keep); "
              f"unfiltered P / R / F1 {base[0]:.3f} / {base[1]:.3f} / {base[2]:.3f}")
        for l2 in L2_TRIED:
            p = cross_validate(articles, rows, l2)
            cells = []
            for t in THRESHOLDS:
                precision, recall, f1 = whole_article_scores(articles, rows, p, t)
                cells.append(f"{t}: {precision:.3f}/{recall:.3f}/{f1:.3f}")
            print(f"5-fold cross-validation, L2 {l2}: " + "  ".join(cells))
    _, rows = retrain(corpus, directory)
    print(f"trained on {len(rows.labels)} events ({rows.labels.count(KEEP)} to keep) coded by {rows.coder}; "
          f"wrote {directory / FILTER_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
