"""Golden test: the canonical page's three events and none of its five non-events."""

import datetime as dt
import json
from pathlib import Path

import pytest

from frontwire.events import base_name
from frontwire.records import Article

PAGES = Path(__file__).resolve().parents[2] / ".." / "shared" / "pages"
PAGE = "southfront-2024-05-airstrikes-central-syria"
pytestmark = pytest.mark.skipif(
    not (PAGES / f"{PAGE}.txt").exists(), reason="shared/pages not found beside the repo"
)


@pytest.fixture(scope="module")
def coded(extractor):
    gold = json.loads((PAGES / f"{PAGE}.gold.json").read_text(encoding="utf-8"))
    lines = (PAGES / f"{PAGE}.txt").read_text(encoding="utf-8").splitlines()
    first, last = (
        lines.index(gold["article"]["body_first_line"]),
        lines.index(gold["article"]["body_last_line"]),
    )
    paragraphs = [ln for ln in lines[first : last + 1] if ln.strip()]
    assert len(paragraphs) == gold["article"]["body_paragraphs"]
    article = Article(source=PAGE, paragraphs=paragraphs, published_latest=dt.date(2024, 6, 30))
    return article, extractor.extract_events(article)


def test_three_events_one_mention_per_place(coded):
    _, result = coded
    assert [(e.event_date, e.location_text) for e in result.events] == [
        (dt.date(2024, 5, 16), "al-Amur"),
        (dt.date(2024, 5, 16), "al-Bishri"),
        (dt.date(2024, 4, 18), "al-Sukhna"),
        (dt.date(2024, 5, 3), "al-Kum"),
    ]


def test_airstrikes(coded):
    _, result = coded
    for e in result.events[:2]:
        assert (e.event_type, e.sub_event_type) == ("Explosions/Remote violence", "Air/drone strike")
        assert base_name(e.actor1) == "Military Forces of Russia" and e.inter1 == 8
        assert e.actor2 == "Unidentified Armed Group (Syria)"
        assert e.fatalities is None
        assert e.claimant == "Russian Center for Reconciliation in Syria (Maj. Gen. Yury Popov)"
        assert e.attribution == "claimed"
        assert e.time_precision == 2  # dated by the announcement
        assert e.coder.startswith("frontwire-rules/")


def test_ambush_and_attack(coded):
    article, result = coded
    e2, e3 = result.events[2], result.events[3]
    assert (e2.sub_event_type, e2.actor1, e2.actor2, e2.fatalities, e2.attribution) == (
        "Armed clash", "Islamic State (Syria)", "Quds Brigade", 21, "blamed",
    )  # fmt: skip
    assert (e3.sub_event_type, e3.actor1, e3.actor2, e3.fatalities, e3.attribution) == (
        "Armed clash", "Islamic State (Syria)", "National Defense Forces", 13, "alleged",
    )  # fmt: skip
    for e in (e2, e3):
        assert e.event_type == "Battles"
        for ev in e.evidence:
            assert article.body[ev.start : ev.end] == ev.text
    assert "blamed on ISIS" in e2.evidence[-1].text


def test_non_events_stay_out(coded):
    _, result = coded
    evidence = " ".join(ev.text for e in result.events for ev in e.evidence)
    for phrase in (
        "Video footage",
        "usually deployed",
        "no-fly zone",
        "on a regular basis",
        "increased in recent weeks",
    ):
        assert phrase not in evidence
    reasons = {d.reason.split(" ")[0].strip(",") for d in result.dropped}
    assert {"report", "trend"} <= reasons
