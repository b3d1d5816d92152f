"""The whole-article sentences of the corpus (issue 12; DATA-CARD.md "Whole-article sentences"): the
non-events the head trains on, and the follow-up events set aside in corpus/events-not-trained/."""

import importlib.util
import json
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from frontwire.events.learned import load_model
from frontwire.events.learned.corpus import corpus_dir, read_corpus
from frontwire.events.learned.judge import EVENT_THRESHOLD, NONE_LABEL
from frontwire.events.learned.static import StaticEncoder
from frontwire.events.rules.classify import EVENT_TYPES

ROOT = Path(__file__).resolve().parents[2]
EVENTS = ROOT / "corpus" / "events"
NOT_TRAINED = ROOT / "corpus" / "events-not-trained"
# What the lines were written to hold (the data card): every kind of article sentence the issue lists,
# in at least this many countries, and every sub-type among the follow-up events.
KINDS = ("reaction", "toll", "trend", "background", "deployment", "explainer", "humanitarian", "liveblog",
         "commemoration", "trial", "threat", "plan", "hypothetical", "denial", "report", "sport", "business",
         "science", "accident", "disaster", "politics")
MIN_PER_KIND = 6
MIN_COUNTRIES = 60
MIN_LINES = 700

pytestmark = pytest.mark.skipif(not NOT_TRAINED.is_dir(), reason="corpus/ not in this checkout")


def _counts():
    spec = importlib.util.spec_from_file_location("corpus_counts", ROOT / "scripts" / "corpus_counts.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _rows(folder: Path, pattern: str) -> list[dict]:
    return [json.loads(line) for path in sorted(folder.glob(pattern)) for line in path.open(encoding="utf-8")]


def test_article_lines_validate_and_hold_every_kind_in_many_countries():
    counts = _counts()
    for folder in (EVENTS, NOT_TRAINED):
        assert counts.load(folder)[1] == [], folder
    nones = _rows(EVENTS, "article-none-*.jsonl")
    events = _rows(NOT_TRAINED, "article-*.jsonl")
    assert len(nones) + len(events) >= MIN_LINES
    assert {r["label"] for r in nones} == {"NONE"}
    per_kind = Counter(r["id"].rsplit("-", 1)[0].removeprefix("article-none-") for r in nones)
    assert {k: per_kind[k] for k in KINDS if per_kind[k] < MIN_PER_KIND} == {}
    assert {r["label"] for r in events} == set(EVENT_TYPES)
    assert len({r["country"] for r in nones + events}) >= MIN_COUNTRIES


def test_set_aside_events_are_not_training_data_and_share_no_text_with_it():
    """Training reads corpus/events/ only; the set-aside lines are another folder with their own ids."""
    trained = read_corpus(corpus_dir())
    ids = {s.id for s in trained}
    texts = {" ".join(s.text.lower().split()) for s in trained}
    events = _rows(NOT_TRAINED, "*.jsonl")
    assert events and not ids & {r["id"] for r in events}
    assert not texts & {" ".join(r["text"].lower().split()) for r in events}


def test_the_article_drop_keeps_follow_up_events_the_head_never_saw():
    """The head judges whole articles' sentences: none of the set-aside follow-up events (never trained on)
    falls below the judge's threshold, while it reads the article non-events as clearly less eventful."""
    model = load_model()
    encoder = StaticEncoder(model.table)
    none = model.head.labels.index(NONE_LABEL)

    def event_probability(rows: list[dict]) -> np.ndarray:
        return 1.0 - model.head.probabilities(encoder.encode([r["text"] for r in rows]))[:, none]

    events = event_probability(_rows(NOT_TRAINED, "article-*.jsonl"))
    nones = event_probability(_rows(EVENTS, "article-none-*.jsonl"))
    assert (events >= EVENT_THRESHOLD).all()
    assert nones.mean() < events.mean() - 0.2
