"""corpus/articles-dev/ and corpus/articles-heldout/ (whole articles we wrote, for measuring only),
corpus/articles-real-heldout/ (real Wikinews articles we annotated, for measuring only) and
corpus/articles-events/ (whole articles we wrote to train the event filter) are well formed, the sentence
coder never reads any of them, and bench/news.py scores them or any other directory in the same format. The
held-out set shares no sentence with the development set, and the training set no eight-word clause with
any measuring set."""

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from frontwire.events.learned.corpus import corpus_dir, corpus_files, read_corpus
from frontwire.events.rules.classify import EVENT_TYPES

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "corpus" / "articles-dev"
HELDOUT = ROOT / "corpus" / "articles-heldout"
REAL_HELDOUT = ROOT / "corpus" / "articles-real-heldout"
EVENTS = ROOT / "corpus" / "articles-events"
WIKINEWS = ROOT.parent / "shared" / "eval" / "news" / "wikinews"
BENCH = ROOT / "bench"
# Spans this long are clauses, not stock phrases: the run of words bench/news.py ties a false event by.
SHARED_CLAUSE_WORDS = 8
# Real articles are as long as their outlet made them; a copy of a measuring article shares hundreds of
# eight-word runs with it, an independent real article at most a stock phrase or two ("the United States
# and the European Union").
REAL_WORDS = (120, 1200)
REAL_SHARED_RUNS = 2


@dataclass(frozen=True)
class ArticleSet:
    """A set and what it was written to hold (its DATA-CARD.md)."""

    path: Path
    min_articles: int
    min_event_countries: int
    words: tuple[int, int]
    min_violent: float = 0.5  # the share of violent articles
    # The categories besides "violent" each half must hold: real articles were picked for conflict, so
    # the real held-out set has no page with no event at all (bench/news.py's general pages measure those).
    hard: tuple[str, ...] = ("violence_mentioned_no_codable_event", "nonviolent_acled_event", "no_event")
    per_half: int = 3  # articles of each category in each half


SETS = {
    "articles-dev": ArticleSet(ARTICLES, min_articles=60, min_event_countries=35, words=(300, 900)),
    "articles-heldout": ArticleSet(HELDOUT, min_articles=55, min_event_countries=30, words=(250, 700)),
    "articles-real-heldout": ArticleSet(
        REAL_HELDOUT,
        min_articles=30,
        min_event_countries=12,
        words=REAL_WORDS,
        min_violent=0.4,
        hard=("violence_mentioned_no_codable_event", "nonviolent_acled_event"),
        per_half=2,
    ),
    "articles-events": ArticleSet(
        EVENTS, min_articles=350, min_event_countries=75, words=(250, 850), min_violent=0.45
    ),
}
each_set = pytest.mark.parametrize("article_set", list(SETS.values()), ids=list(SETS))


def _article_set():
    spec = importlib.util.spec_from_file_location("article_set", BENCH / "article_set.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _docs(path: Path = ARTICLES) -> list[dict]:
    docs, problems = _article_set().load_set(path)
    assert problems == []
    return [doc for _, doc in docs]


@each_set
def test_every_article_validates_against_the_annotation_format(article_set):
    docs = _docs(article_set.path)
    assert len(docs) >= article_set.min_articles
    words = article_set.words
    for doc in docs:
        if doc["source_repo"] is None:  # written for frontwire
            assert doc["licence"] == "CC0-1.0" and doc["url"] is None, doc["id"]
            assert words[0] <= len(doc["text"].split()) <= words[1], doc["id"]
        else:  # a real Wikinews article (articles-events' fourth round), attributed
            assert doc["licence"].startswith("CC BY 2.5") and doc["source_path"], doc["id"]
            assert doc["url"].startswith("https://en.wikinews.org/wiki/"), doc["id"]
            assert REAL_WORDS[0] <= len(doc["text"].split()) <= REAL_WORDS[1], doc["id"]
        for ev in doc["events"]:
            assert ev["evidence"] in doc["text"]
            assert ev["location_text"] is None or ev["location_text"] in doc["text"]
            assert EVENT_TYPES[ev["sub_event_type"]] == ev["event_type"]
        for ne in doc["not_events"]:
            assert ne["text"] in doc["text"] and ne["reason"].strip()


@each_set
def test_set_mixes_categories_and_countries_as_its_card_says(article_set):
    docs = _docs(article_set.path)
    categories = Counter(doc["category"] for doc in docs)
    assert categories["violent"] / len(docs) >= article_set.min_violent
    for hard in article_set.hard:
        assert categories[hard] / len(docs) >= 0.12, hard
    countries = {ev["country"] for doc in docs for ev in doc["events"]}
    assert len(countries) >= article_set.min_event_countries
    # Pages that report nothing have no main event; hard negatives list what they mention instead.
    for doc in docs:
        if doc["category"] in ("no_event", "violence_mentioned_no_codable_event"):
            assert not [ev for ev in doc["events"] if not ev["background"]], doc["id"]
        if doc["category"] == "violence_mentioned_no_codable_event":
            assert len(doc["not_events"]) >= 5, doc["id"]


def test_checker_names_the_file_and_event_of_each_problem(tmp_path):
    good = json.loads((ARTICLES / "04.json").read_text(encoding="utf-8"))
    bad = json.loads(json.dumps(good)) | {"id": "broken-1"}
    bad["events"][0]["sub_event_type"] = "Shelling/Artillery/Missile attack"  # misspelt
    bad["events"][1]["evidence"] = "a sentence the article does not hold"
    bad["events"][1]["location_text"] = "Atlantis"
    bad["not_events"][0]["text"] = "not in the text either"
    short = {k: v for k, v in good.items() if k != "story_note"} | {"id": "broken-2"}
    for name, doc in (("01.json", good), ("02.json", bad), ("03.json", short)):
        (tmp_path / name).write_text(json.dumps(doc), encoding="utf-8")
    (tmp_path / "04.json").write_text("{not json", encoding="utf-8")
    docs, problems = _article_set().load_set(tmp_path)
    assert [p.name for p, _ in docs] == ["01.json"]
    text = "\n".join(problems)
    assert "02.json event 1: sub_event_type 'Shelling/Artillery/Missile attack'" in text
    assert "02.json event 2: evidence is not a verbatim substring" in text
    assert "02.json event 2: location_text 'Atlantis' is not in the text" in text
    assert "02.json not_event 1: text is not a verbatim substring" in text
    assert "03.json: missing field 'story_note'" in text
    assert "04.json: not JSON" in text
    assert not any(p.startswith("01.json") for p in problems)


@each_set
def test_learned_coder_never_reads_the_articles(article_set):
    files = corpus_files(corpus_dir())
    assert files and not any(article_set.path in f.parents for f in files)
    texts = {s.text for s in read_corpus(corpus_dir())}
    for doc in _docs(article_set.path):
        assert not any(ev["evidence"] in texts for ev in doc["events"])


@each_set
def test_each_half_of_the_set_holds_every_category(article_set):
    # bench/news.py reports the even and the odd half apart; each must measure hard negatives too.
    spec = importlib.util.spec_from_file_location("split", BENCH / "split.py")
    split = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(split)
    halves = Counter((split.half(doc["id"]), doc["category"]) for doc in _docs(article_set.path))
    for part in ("even", "odd"):
        for category in ("violent", *article_set.hard):
            assert halves[(part, category)] >= article_set.per_half, (part, category)


def test_heldout_set_shares_no_sentence_with_the_development_set():
    dev_texts = [doc["text"] for doc in _docs(ARTICLES)]
    held = _docs(HELDOUT)
    assert {doc["id"] for doc in held}.isdisjoint(doc["id"] for doc in _docs(ARTICLES))
    for doc in held:
        spans = [ev["evidence"] for ev in doc["events"]] + [ne["text"] for ne in doc["not_events"]]
        # Short stock phrases ("called for an immediate ceasefire") recur in any news; a clause does not.
        spans = [span for span in spans if len(span.split()) >= SHARED_CLAUSE_WORDS]
        assert not any(span in text for span in spans for text in dev_texts), doc["id"]


def test_bench_scores_a_set_given_with_set_and_names_a_bad_file(tmp_path):
    shutil.copy(ARTICLES / "04.json", tmp_path / "04.json")  # Sudan: a country of the suite's gazetteer
    (tmp_path / "05.json").write_text('{"id": "half"}', encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.run([sys.executable, str(BENCH / "news.py"), "--set", str(tmp_path), "--skip-general"],
                          capture_output=True, text=True, check=False, env=env, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert "05.json: missing field 'title' (skipped)" in proc.stderr
    assert f"{tmp_path.name} (1 articles)" in proc.stdout
    assert "events: gold main / predicted" in proc.stdout
    line = next(s for s in proc.stdout.splitlines() if s.strip().startswith("events: gold main"))
    assert "2/" in line  # the two main strikes of 04.json, whichever half its id falls in


def test_bench_puts_a_false_event_down_to_a_short_annotated_span(monkeypatch):
    monkeypatch.syspath_prepend(str(BENCH))
    spec = importlib.util.spec_from_file_location("news_bench", BENCH / "news.py")
    news = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "news_bench", news)  # its dataclasses look their module up
    spec.loader.exec_module(news)
    sentence = "Kurdish media said the PKK declared a ceasefire on March 1."
    assert news._overlaps("The PKK declared a ceasefire on March 1", sentence)  # whole, punctuation aside
    assert not news._overlaps("a ceasefire", sentence)  # too short to tie anything
    long_span = "gunmen killed five farmers working on their fields in Dalwa on Sunday"
    assert news._overlaps(long_span, "Police said gunmen killed five farmers working on their fields in Dalwa.")
    assert not news._overlaps(long_span, "Gunmen killed five herders working on their farms near Dalwa.")


def _grams(text: str) -> set[tuple[str, ...]]:
    words = [t.strip(".,;:'\"“”’()").lower() for t in text.split()]
    n = SHARED_CLAUSE_WORDS
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def test_training_articles_share_no_clause_with_a_measuring_set():
    """The event filter's training articles share no run of eight words with the sets that measure it, and
    its real articles no more than a stock phrase or two with any one of them (compared by the test, not
    by a reader: only counts are shown, never a held-out article's text)."""
    ours: set[tuple[str, ...]] = set()
    real: dict[str, set[tuple[str, ...]]] = {}
    for doc in _docs(EVENTS):
        if doc["source_repo"] is None:
            ours |= _grams(doc["text"])
        else:
            real[doc["id"]] = _grams(doc["text"])
    measuring = [ARTICLES, HELDOUT, REAL_HELDOUT] + ([WIKINEWS] if WIKINEWS.is_dir() else [])
    grams = {
        f"{path.parent.name}/{path.name}": _grams(json.loads(path.read_text("utf-8"))["text"])
        for folder in measuring
        for path in sorted(folder.glob("*.json"))
    }
    shared = {name: len(ours & g) for name, g in grams.items()}
    assert len(shared) >= 160
    assert not {name: n for name, n in shared.items() if n}
    copies = {(doc, name): len(r & g) for doc, r in real.items() for name, g in grams.items()}
    assert not {pair: n for pair, n in copies.items() if n > REAL_SHARED_RUNS}
