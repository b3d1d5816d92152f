"""Conflict news written for these tests (not copied from any outlet): each reports one event a coder should
find, in a town the offline gazetteer knows."""

from __future__ import annotations

import datetime as dt

from site_fixture import Story

T0 = dt.datetime(2026, 12, 3, 8, 30, tzinfo=dt.UTC)

SARMADA = Story(
    slug="sarmada-airstrike",
    title="Airstrike kills three civilians in Sarmada",
    paragraphs=[
        "An airstrike hit a market in the town of Sarmada in northern Idlib on Wednesday morning, killing three"
        " civilians and wounding seven others, local rescuers said.",
        "Witnesses said warplanes struck the market twice. Civil defence teams pulled the wounded from the rubble.",
    ],
    published=T0,
)
DARAA = Story(
    slug="daraa-checkpoint",
    title="Gunmen attack army checkpoint near Daraa",
    paragraphs=[
        "Gunmen attacked an army checkpoint near the city of Daraa on Wednesday night, killing two soldiers,"
        " a local news network reported.",
        "The attackers fled towards the western countryside. No group claimed the attack.",
    ],
    published=T0 + dt.timedelta(hours=3),
)
HOMS = Story(
    slug="homs-shelling",
    title="Shelling kills a child in Homs countryside",
    paragraphs=[
        "Artillery shelling hit the village of Talbiseh north of Homs on Thursday, killing a child and"
        " wounding his mother, residents said.",
        "The shells were fired from army positions nearby, according to the residents.",
    ],
    published=T0 + dt.timedelta(hours=20),
)
CHANNEL_POST_TIME = T0 + dt.timedelta(days=2)
CHANNEL_POST = (
    "Drone strike on a car on the road between Saraqib and Idlib city killed two men this afternoon,"
    " local sources said."
)
