"""Whole pages through the pipeline, with the real gazetteer and coder.

- A digest of brief reports (each story ending in its sources) is coded story by story: every story's event
  is found, placed in its own story's country, and named for it; no event runs on into the next story.
- A capital named abroad ("clashed with riot police in east Athens", in a story that names no other Athens)
  is that capital, though a namesake elsewhere is a fifth of its size.
- Fights between rival fans or party supporters are mob violence (codebook: Riots), not an armed clash.
Pages and sentences we wrote."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from small_gazetteer import gazetteer_of

from frontwire.config import DEFAULT
from frontwire.pipeline import Pipeline, prepare
from frontwire.records import EventMention, Page

DIGEST = Path(__file__).resolve().parents[1] / "pages" / "text" / "digest-brief-reports-with-sources.txt"
# The stories' countries, and the United States for Athens, Georgia, the capital's largest namesake.
COUNTRIES = ("IQ", "SO", "GR", "NZ", "US", "PE", "ZM", "RS", "CD")


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    settings = replace(DEFAULT, gazetteer=gazetteer_of(tmp_path_factory, "geo-digest", COUNTRIES))
    prepare(settings)
    return Pipeline(settings)


def _events(pipeline: Pipeline, text: str, source: str = "t") -> list[EventMention]:
    return pipeline(Page(source=source, kind="text", content=text, published=dt.date(2024, 6, 11))).events


@pytest.fixture(scope="module")
def digest(pipeline) -> dict[str, EventMention]:
    events = _events(pipeline, DIGEST.read_text(encoding="utf-8"), str(DIGEST))
    return {e.place.country: e for e in events if e.place is not None}


def test_every_story_of_a_digest_gives_its_event_in_its_own_country(digest):
    assert set(digest) == {"Iraq", "Somalia", "Greece"}  # nothing in New Zealand, whose story has no event
    assert digest["Iraq"].location_text == "Baqubah"
    assert digest["Greece"].location_text == "Athens"


def test_a_digest_story_names_its_actors_for_its_own_country(digest):
    balad = digest["Somalia"]
    assert balad.location_text == "Balad" and balad.event_type == "Battles"
    assert "Greece" not in (balad.actor1 or "") + (balad.actor2 or "")
    assert "Somalia" in (balad.actor2 or "")  # "Somali police said": the police post's side
    assert not any("Fans clash" in ev.text for ev in balad.evidence)  # the next story's headline


def test_a_digest_story_is_dated_by_its_own_days(digest):
    athens = digest["Greece"]
    assert (athens.sub_event_type, athens.event_date) == ("Mob violence", dt.date(2024, 6, 9))  # "Sunday night"


IRAQ_ABROAD = (
    "Iraq's team to fly home after friendly abandoned\n\n"
    "Iraq's football federation lodged a complaint on Tuesday after its national team's friendly was abandoned. "
    "Officials in Baghdad said the team would fly home on Wednesday.\n\n"
    "Iraqi fans clashed with riot police in east Athens after the match on Monday night, and twelve people "
    "were injured."
)


def test_a_capital_named_abroad_is_that_capital(pipeline):
    (event,) = _events(pipeline, IRAQ_ABROAD)
    assert (event.place.location, event.place.country, event.place.geo_precision) == ("Athens", "Greece", 1)
    assert event.event_type == "Riots"


@pytest.mark.parametrize(
    "sentence",
    [
        "A man was killed during clashes between fans of two football clubs outside a stadium in Lima on Sunday.",
        "Two people were injured when supporters of the ruling party and the opposition clashed in Lusaka on "
        "Tuesday.",
        "Football hooligans fought with police outside the stadium in Belgrade on Saturday, injuring six officers.",
    ],
)
def test_fights_of_fans_or_supporters_are_mob_violence(pipeline, sentence):
    (event,) = _events(pipeline, sentence)
    assert event.sub_event_type == "Mob violence"


def test_troops_and_rebels_still_clash(pipeline):
    (event,) = _events(pipeline, "Troops clashed with rebels near Goma on Monday, killing five fighters.")
    assert event.sub_event_type == "Armed clash"
