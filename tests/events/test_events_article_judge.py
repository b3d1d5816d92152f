"""The article judge (events/learned/article_judge.py): its training file, its artifact, and what it does
to whole articles through the pipeline when a user turns it on (Settings.article_judge)."""

import dataclasses
import datetime as dt
import json
import shutil
from collections import Counter
from pathlib import Path

import pytest

from frontwire.cli import main
from frontwire.config import ARTICLE_JUDGE_THRESHOLD as THRESHOLD
from frontwire.config import DEFAULT
from frontwire.events.learned.article_filter import MIN_JUDGED_WORDS
from frontwire.events.learned.article_judge import JUDGE_FILE, JUDGE_SUMS, load_judge
from frontwire.events.learned.article_train import (
    CATEGORIES,
    MAX_WORDS,
    MIN_WORDS,
    read_articles,
    retrain,
    train_path,
)
from frontwire.events.learned.artifact import HEAD_FILE, SUMS_FILE, TABLE_FILE, ArtifactError, data_dir
from frontwire.events.learned.corpus import CorpusError, corpus_dir
from frontwire.pipeline import Pipeline, prepare
from frontwire.records import Article

# Two reports of our own, written for these tests (not from any training or evaluation article).
SPORT = (
    "Rovers' attack finally clicked on Saturday as they beat City 4-1 in a bruising derby at Ewood Park. "
    "The visitors launched an early offensive and their striker's shot hit the post after five minutes, but "
    "the home side took control. Rovers' forwards killed the game in ten minutes after the break, with two "
    "goals from close range and a powerful shot from the edge of the area. City's defenders were under siege "
    "for most of the second half, and their goalkeeper was shot down by a fierce volley. It was a real battle "
    "in midfield, where three players were booked and one was sent off for a reckless tackle. The away fans "
    "launched an assault of songs at the referee. 'We attacked from the first minute and never stopped "
    "fighting,' the Rovers manager said after the match. City's coach admitted his side had been beaten by a "
    "better team and said they would bounce back next week."
)
VIOLENT = (
    "Gunmen attacked a police checkpoint near the town of Kidal in northern Mali on Tuesday, killing four "
    "police officers and wounding two, a local official said. The attackers arrived on motorbikes shortly "
    "after dawn and opened fire on the officers before setting fire to a vehicle, the official said, speaking "
    "on condition of anonymity. Soldiers sent from a nearby base found the bodies of the four officers beside "
    "the road. No group claimed the attack, but armed groups linked to al-Qaeda operate in the area and have "
    "attacked security forces there before. Residents said shops in the town stayed closed for the rest of "
    "the day, and the army set up new checkpoints on the roads leading into Kidal. The governor condemned the "
    "killing of the officers and promised that the attackers would be found."
)


def _article(title: str, text: str) -> Article:
    return Article(source="test", title=title, paragraphs=[text], published=dt.date(2025, 3, 11))


@pytest.fixture(scope="module")
def pipelines() -> tuple[Pipeline, Pipeline]:
    prepare(DEFAULT)
    # The event filter (on by default) is off here: these tests watch the judge alone.
    plain = dataclasses.replace(DEFAULT, event_filter=None)
    return Pipeline(plain), Pipeline(dataclasses.replace(plain, article_judge=THRESHOLD))


def test_training_file_validates_with_the_shares_the_data_card_states():
    articles = read_articles(train_path())
    assert len(articles) >= 200
    counts = Counter(a.category for a in articles)
    assert set(counts) == set(CATEGORIES)
    share = {c: n / len(articles) for c, n in counts.items()}
    # The data card's shares since the casualty-monitor round (issue 12): 82 / 47 / 24 / 48 of 201.
    assert share["violent"] == pytest.approx(0.41, abs=0.03)
    assert share["violence_mentioned_no_codable_event"] == pytest.approx(0.23, abs=0.03)
    assert share["nonviolent_acled_event"] == pytest.approx(0.12, abs=0.03)
    assert share["no_event"] == pytest.approx(0.24, abs=0.03)
    assert len({a.country for a in articles}) >= 60
    assert all(MIN_WORDS <= len(a.text.split()) <= MAX_WORDS for a in articles)
    assert (train_path().parent / "DATA-CARD.md").is_file()


def test_a_bad_training_line_is_an_error_naming_file_and_line(tmp_path: Path):
    good = train_path().read_text(encoding="utf-8").splitlines()[0]
    bad = dict(json.loads(good), category="sport")
    path = tmp_path / "articles.jsonl"
    path.write_text(good + "\n" + json.dumps(bad) + "\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"articles\.jsonl:2: unknown category 'sport'"):
        read_articles(path)


def test_training_set_shares_no_eight_word_clause_with_the_article_sets():
    """Nothing of the development or held-out articles is in the training set (compared by the test, not
    by a reader: the held-out set stays unread)."""

    def grams(text: str) -> set[tuple[str, ...]]:
        w = [t.strip(".,;:'\"“”’()").lower() for t in text.split()]
        return {tuple(w[i : i + 8]) for i in range(len(w) - 7)}

    ours: set[tuple[str, ...]] = set()
    for a in read_articles(train_path()):
        ours |= grams(a.text)
    others = [
        p for name in ("articles-dev", "articles-heldout") for p in (corpus_dir() / name).glob("*.json")
    ]
    if not others:
        pytest.skip("corpus/articles-dev and articles-heldout are absent")
    # Only the count is compared, so that a failure never prints a held-out article's text.
    shared = {
        p.parent.name + "/" + p.name: len(ours & grams(json.loads(p.read_text("utf-8")).get("text", "")))
        for p in others
    }
    assert not {name: n for name, n in shared.items() if n}


def test_the_artifact_reproduces_from_the_corpus(tmp_path: Path):
    for name in (TABLE_FILE, HEAD_FILE, SUMS_FILE):
        shutil.copy(data_dir() / name, tmp_path / name)
    retrain(corpus_dir(), tmp_path)
    assert (tmp_path / JUDGE_FILE).read_bytes() == (data_dir() / JUDGE_FILE).read_bytes()
    assert (tmp_path / JUDGE_SUMS).read_text() == (data_dir() / JUDGE_SUMS).read_text()


def test_an_altered_artifact_is_an_error_naming_the_file(tmp_path: Path):
    for name in (TABLE_FILE, HEAD_FILE, SUMS_FILE, JUDGE_FILE, JUDGE_SUMS):
        shutil.copy(data_dir() / name, tmp_path / name)
    data = bytearray((tmp_path / JUDGE_FILE).read_bytes())
    data[-40] ^= 0xFF
    (tmp_path / JUDGE_FILE).write_bytes(bytes(data))
    with pytest.raises(ArtifactError, match=JUDGE_FILE):
        load_judge(tmp_path)


def test_a_sport_report_full_of_conflict_words_keeps_no_event(pipelines):
    plain, judged = pipelines
    article = _article("Rovers too strong for City in derby", SPORT)
    assert len(SPORT.split()) >= MIN_JUDGED_WORDS
    assert plain.code(article).events, "without the judge the coder reads an event here (the judge's case)"
    processed = judged.code(article)
    assert processed.events == []
    assert "article judge" in (processed.events_note or "")


def test_extract_article_judge_flag_drops_the_sport_report_events(tmp_path: Path, capsys):
    page = tmp_path / "derby.txt"
    page.write_text("Rovers too strong for City in derby\n\n" + SPORT + "\n", encoding="utf-8")
    assert main(["extract", str(page), "--format", "jsonl", "--no-event-filter"]) == 0
    plain = json.loads(capsys.readouterr().out.splitlines()[0])
    assert main(["extract", str(page), "--format", "jsonl", "--no-event-filter", "--article-judge"]) == 0
    judged = json.loads(capsys.readouterr().out.splitlines()[0])
    assert plain["events"] and judged["events"] == []


def test_a_short_violent_report_keeps_its_event(pipelines):
    plain, judged = pipelines
    article = _article("Four police officers killed near Kidal", VIOLENT)
    events = judged.code(article).events
    assert [(e.sub_event_type, e.place.location if e.place else None) for e in events] == [
        (e.sub_event_type, e.place.location if e.place else None) for e in plain.code(article).events
    ]
    assert any(e.event_type == "Battles" or e.event_type == "Violence against civilians" for e in events)
    assert any(e.place is not None and e.place.location == "Kidal" for e in events)


def test_a_snippet_is_not_judged(pipelines):
    """Texts shorter than the judge's training articles (CASE's one-paragraph snippets) keep their events."""
    plain, judged = pipelines
    first = " ".join(VIOLENT.split(". ")[:1]) + "."
    assert len(first.split()) < MIN_JUDGED_WORDS
    article = _article("", first)
    assert len(judged.code(article).events) == len(plain.code(article).events) >= 1
