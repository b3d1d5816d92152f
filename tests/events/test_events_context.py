"""Events told only as context (after the lead, placed no finer than a region) are left out on request.

Articles we wrote in wire style; each asserts what a reader of `frontwire extract` would list.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from frontwire.config import DEFAULT
from frontwire.pipeline import Pipeline
from frontwire.records import Article, EventMention

PUB = dt.date(2025, 3, 13)  # a Thursday
STORY = [
    "Drone strike kills five at market in Kadugli",
    "KADUGLI, Sudan — A drone struck a crowded market in Kadugli on Wednesday, killing five people and "
    "wounding 20, residents and a local medic said.",
    "The medic said the wounded were taken to the town's teaching hospital.",
    "The Rapid Support Forces, who have besieged the town for months, did not comment.",
    "On Tuesday, army aircraft struck rebel positions across South Kordofan, the army said.",
]


def _events(pipeline: Pipeline, paragraphs: list[str]) -> list[EventMention]:
    return pipeline.code(Article(source="t", paragraphs=paragraphs, published=PUB)).events


@pytest.fixture(scope="module")
def precise() -> Pipeline:
    return Pipeline(dataclasses.replace(DEFAULT, context_events=False))


def test_a_strike_told_after_the_lead_only_at_its_province_is_context(precise: Pipeline) -> None:
    events = _events(precise, STORY)
    assert [(e.sub_event_type, e.location_text, e.fatalities) for e in events] == [
        ("Air/drone strike", "Kadugli", 5)
    ]


def test_context_events_are_kept_by_default(pipeline: Pipeline) -> None:
    events = _events(pipeline, STORY)
    assert len(events) == 2
    assert {e.location_text for e in events} >= {"Kadugli"}


@pytest.mark.parametrize(
    "later",
    [
        # A body paragraph that tells an occurrence at a named town is news of its own, not context.
        "Gunmen separately killed three farmers in Dilling on Tuesday, a local official said.",
        "On Tuesday, gunmen killed three farmers near the town of Dilling, a local official said.",
    ],
)
def test_an_event_told_after_the_lead_at_a_town_is_kept(precise: Pipeline, later: str) -> None:
    events = _events(precise, [*STORY[:4], later])
    assert ("Dilling", 3) in {(e.location_text, e.fatalities) for e in events}


def test_a_short_note_is_all_lead(precise: Pipeline) -> None:
    events = _events(precise, ["On 11 March 2025, army aircraft struck rebel positions in South Kordofan."])
    assert [e.sub_event_type for e in events] == ["Air/drone strike"]


def test_extract_keeps_context_and_leaves_it_out_with_the_flag(tmp_path, capsys) -> None:
    from frontwire.cli import main

    page = tmp_path / "kadugli.txt"
    page.write_text("\n\n".join(STORY), encoding="utf-8")
    counts = []
    for flags in ([], ["--no-context-events"]):
        assert main(["extract", str(page), "--format", "json", "-q", *flags]) == 0
        (row,) = json.loads(capsys.readouterr().out)
        counts.append(len(row["events"]))
    assert counts == [2, 1]
