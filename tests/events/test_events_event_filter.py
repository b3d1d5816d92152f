"""The event filter (events/learned/event_filter.py): its artifact, its training articles, and what it does to
whole articles through the pipeline and `extract` (on by default, `--no-event-filter` turns it off)."""

import dataclasses
import datetime as dt
import hashlib
import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from frontwire.cli import main
from frontwire.config import DEFAULT, EVENT_FILTER_THRESHOLD
from frontwire.events.learned.article_judge import JUDGE_FILE, JUDGE_SUMS
from frontwire.events.learned.artifact import HEAD_FILE, SUMS_FILE, TABLE_FILE, ArtifactError, data_dir
from frontwire.events.learned.corpus import CorpusError, corpus_dir
from frontwire.events.learned.event_filter import (
    FILTER_FILE,
    FILTER_SUMS,
    KEEP,
    MIN_FILTERED_WORDS,
    load_filter,
    save_filter,
)
from frontwire.events.learned.event_train import (
    articles_path,
    read_annotated,
    retrain,
    whole_article_scores,
)
from frontwire.pipeline import Pipeline, prepare
from frontwire.records import Article

# A report of our own, written for these tests (not from any training or evaluation article): one shelling
# told in the lead, and after it parties' claims, a war total and context.
TITLE = "Shelling kills nine in market of Sudan's El Obeid as army and RSF trade blame"
REPORT = """PORT SUDAN, Sudan — Artillery shells struck the central market of El Obeid, the capital of North \
Kordofan state, on Monday morning, killing nine people and wounding 23, a local medical source said.

Witnesses said at least four shells landed near the vegetable stalls shortly after the market opened. The \
Sudanese army blamed the paramilitary Rapid Support Forces, whose fighters are deployed east of the city. The \
RSF denied responsibility.

The army said on Tuesday that its air force had struck RSF positions in North Kordofan in recent days, \
without giving locations or casualty figures.

The RSF said on Tuesday its fighters had repelled army attacks in Kordofan over the weekend and killed dozens \
of soldiers.

The war between the army and the RSF, which began in April 2023, has killed tens of thousands of people and \
displaced more than 12 million, according to the United Nations.

Aid groups say El Obeid, which hosts hundreds of thousands of displaced people, has been cut off from the \
capital by road for months."""
PUBLISHED = dt.date(2025, 3, 12)
# A sport report of our own full of conflict words.
SPORT = (
    "Rovers' attack finally clicked on Saturday as they beat City 4-1 in a bruising derby at Ewood Park. "
    "The visitors launched an early offensive and their striker's shot hit the post after five minutes, "
    "but the home side took control. Rovers' forwards killed the game in ten minutes after the break, with "
    "two goals from close range and a powerful shot from the edge of the area. City's defenders were under "
    "siege for most of the second half, and their goalkeeper was shot down by a fierce volley. It was a "
    "real battle in midfield, where three players were booked and one was sent off for a reckless tackle."
)


def _article(body: str = REPORT) -> Article:
    return Article(source="test", title=TITLE, paragraphs=body.split("\n\n"), published=PUBLISHED)


@pytest.fixture(scope="module")
def pipelines() -> tuple[Pipeline, Pipeline]:
    prepare(DEFAULT)
    return Pipeline(dataclasses.replace(DEFAULT, event_filter=None)), Pipeline(DEFAULT)


def _told(events, words: str) -> list:
    return [e for e in events if any(words in span.text for span in e.evidence)]


def test_the_filter_is_on_by_default_with_the_shipped_threshold():
    assert DEFAULT.event_filter == EVENT_FILTER_THRESHOLD


def test_a_reports_lead_event_is_kept_with_its_toll(pipelines):
    plain, filtered = pipelines
    every = plain.code(_article()).events
    kept = filtered.code(_article()).events
    lead = [e for e in kept if e.place is not None and e.location_text == "El Obeid"]
    assert [e.sub_event_type for e in lead] == ["Shelling/artillery/missile attack"]
    assert lead[0].fatalities == 9
    assert len(kept) <= len(every)


def test_the_lead_event_is_judged_far_likelier_than_a_sport_reports_event(pipelines):
    plain, _ = pipelines
    stored = load_filter().filter
    article = _article()
    events = plain.code(article).events
    lead = [q for e, q in zip(events, stored.probabilities(article, events), strict=True)
            if _told([e], "central market")]
    sport = _article(SPORT)
    sport_events = plain.code(sport).events
    assert sport_events, "without the filter the coder reads an event in the sport report"
    assert min(lead) > 0.5 > EVENT_FILTER_THRESHOLD > max(stored.probabilities(sport, sport_events))


def test_a_snippet_is_not_filtered(pipelines):
    """A text shorter than the filter's training articles (a snippet, a brief) keeps every event."""
    plain, filtered = pipelines
    paragraph = REPORT.split("\n\n")[2]
    assert len(paragraph.split()) < MIN_FILTERED_WORDS
    article = _article(paragraph)
    assert len(filtered.code(article).events) == len(plain.code(article).events) >= 1


def test_extract_no_event_filter_keeps_what_the_filter_leaves_out(tmp_path: Path, capsys):
    page = tmp_path / "derby.txt"
    page.write_text("Rovers too strong for City in derby\n\n" + SPORT + "\n", encoding="utf-8")
    assert main(["extract", str(page), "--format", "jsonl"]) == 0
    default = json.loads(capsys.readouterr().out.splitlines()[0])["events"]
    assert main(["extract", str(page), "--format", "jsonl", "--no-event-filter"]) == 0
    every = json.loads(capsys.readouterr().out.splitlines()[0])["events"]
    assert default == [] and every


def _copy_data(to: Path) -> None:
    for name in (TABLE_FILE, HEAD_FILE, SUMS_FILE, JUDGE_FILE, JUDGE_SUMS, FILTER_FILE, FILTER_SUMS):
        shutil.copy(data_dir() / name, to / name)


@pytest.fixture(scope="module")
def retrained(tmp_path_factory):
    """The filter trained again from the corpus into a fresh folder, and the events it was trained on. The
    events are placed with the world gazetteer, as the shipped filter's were (the suite's own index holds
    only the countries of its test pages): building it takes about 40 s."""
    from frontwire.geo import build_builtin

    directory = tmp_path_factory.mktemp("filter")
    _copy_data(directory)
    (directory / FILTER_FILE).unlink()
    world = directory / "world-gazetteer.sqlite"
    build_builtin(world)
    head, rows = retrain(corpus_dir(), directory, gazetteer=world)
    return directory, head, rows


def test_the_artifact_reproduces_from_the_corpus(retrained):
    directory, _, _ = retrained
    assert (directory / FILTER_FILE).read_bytes() == (data_dir() / FILTER_FILE).read_bytes()
    assert (directory / FILTER_SUMS).read_text() == (data_dir() / FILTER_SUMS).read_text()


def test_the_shipped_filter_was_trained_on_what_the_coder_yields_now(retrained, pipelines):
    """A change to the rules changes the events the filter learned from: the artifact names the coder it was
    trained with, and it must be the one that codes now (retrain with event_train after a coder change)."""
    _, _, rows = retrained
    plain, _ = pipelines
    coder = plain.code(_article()).events[0].coder
    assert load_filter().coder == rows.coder == coder


def test_on_its_training_articles_the_filter_leaves_out_false_events_not_true_ones(retrained):
    _, head, rows = retrained
    p = head.probabilities(rows.x)[:, head.labels.index(KEEP)]
    truth = np.array([label == KEEP for label in rows.labels])
    dropped = p < EVENT_FILTER_THRESHOLD
    assert dropped[~truth].mean() > 3 * dropped[truth].mean()
    articles = read_annotated(articles_path())
    before = whole_article_scores(articles, rows, np.ones(len(p)), 0.5)
    after = whole_article_scores(articles, rows, p, EVENT_FILTER_THRESHOLD)
    assert after[0] > before[0] and after[2] > before[2]


def test_an_altered_artifact_is_an_error_naming_the_file(tmp_path: Path):
    _copy_data(tmp_path)
    data = bytearray((tmp_path / FILTER_FILE).read_bytes())
    data[-40] ^= 0xFF
    (tmp_path / FILTER_FILE).write_bytes(bytes(data))
    with pytest.raises(ArtifactError, match=FILTER_FILE):
        load_filter(tmp_path)


def test_a_filter_trained_with_another_article_judge_does_not_load(tmp_path: Path):
    _copy_data(tmp_path)
    stored = load_filter(tmp_path)
    reporting = stored.filter.reader.reporting.head
    save_filter(
        tmp_path / FILTER_FILE, stored.filter.head, reporting, stored.corpus_sha256, stored.coder, "0" * 64
    )
    with pytest.raises(ArtifactError, match="another article judge"):
        load_filter(tmp_path)


def test_a_filter_stored_without_its_reporting_head_does_not_load(tmp_path: Path):
    _copy_data(tmp_path)
    with np.load(tmp_path / FILTER_FILE) as z:
        arrays = {k: z[k] for k in z.files if not k.startswith("reporting_")}
    np.savez(tmp_path / FILTER_FILE, **arrays)
    digest = hashlib.sha256((tmp_path / FILTER_FILE).read_bytes()).hexdigest()
    (tmp_path / FILTER_SUMS).write_text(f"{digest}  {FILTER_FILE}\n", encoding="utf-8")
    with pytest.raises(ArtifactError, match="lacks"):
        load_filter(tmp_path)


def test_the_reporting_head_tells_a_report_from_context():
    """The shipped reporting head (sentence_events.py) on sentences of our own, none from its training
    articles: an act told with its day and place against a total, a threat and a quote. (A gathering to
    mark an anniversary reads as a report to it, about 0.67: its words are a protest's; the rules' stance
    check leaves such ceremonies out.)"""
    reader = load_filter().filter.reader
    reporting, encoder = reader.reporting, reader.judge.encoder
    reports = [
        "Gunmen killed seven farmers in the village of Dalwa in Borno state on Tuesday, residents said.",
        "An air strike hit a house in the town of Maaloula on Sunday night, killing a woman and her son.",
        "Police fired tear gas at hundreds of students marching on the parliament in Accra on Monday.",
    ]
    context = [
        "More than 3,000 people have been killed in the region since the insurgency began in 2016.",
        "The group warned that it would strike again if the army did not withdraw from the valley.",
        "\"We will never forgive them for what they did to our children,\" said one mother.",
    ]
    p_reports = reporting.probabilities(encoder.encode(reports))
    p_context = reporting.probabilities(encoder.encode(context))
    assert p_reports.min() > 0.5 > p_context.max(), (p_reports, p_context)


def test_a_training_article_without_a_date_is_an_error_naming_the_file(tmp_path: Path):
    good = json.loads(sorted(articles_path().glob("*.json"))[0].read_text(encoding="utf-8"))
    (tmp_path / "x01.json").write_text(json.dumps(good | {"published": "last week"}), encoding="utf-8")
    with pytest.raises(CorpusError, match="x01.json"):
        read_annotated(tmp_path)


def test_a_page_whose_every_event_is_left_out_says_why(pipelines):
    """The sport report: the coder reads an event in it, the filter leaves it out, and the record says so
    (as `extract` prints it)."""
    plain, filtered = pipelines
    sport = _article(SPORT)
    assert plain.code(sport).events, "without the filter the coder reads an event here (the filter's case)"
    done = filtered.code(sport)
    assert done.events == []
    assert "event filter" in (done.events_note or "") and "--no-event-filter" in done.events_note
