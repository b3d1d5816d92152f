"""A digest of brief reports, each story ending in its list of sources (Wikinews Shorts, news round-ups): the
segmenter keeps every story, drops the citation lines, and records where each story opens. A page we wrote."""

from __future__ import annotations

from pathlib import Path

from frontwire.article._text_cues import source_blocks
from frontwire.article.text import extract_text
from frontwire.records import Page

DIGEST = Path(__file__).resolve().parents[1] / "pages" / "text" / "digest-brief-reports-with-sources.txt"


def _digest():
    return extract_text(Page(source=str(DIGEST), kind="text", content=DIGEST.read_text(encoding="utf-8")))


def test_every_story_of_a_digest_is_body():
    article = _digest()
    body = article.body
    for told in ("Ferry crossings between Wellington", "A bomb hidden in a vegetable cart",
                 "Gunmen attacked a police post in Balad", "stabbed to death on Sunday night"):  # fmt: skip
        assert told in body, told
    assert "—Tigris Wire" not in body and "Sources" not in article.paragraphs


def test_each_story_opens_at_its_headline():
    article = _digest()
    openings = [article.paragraphs[i] for i in article.stories]
    assert openings == [
        "Three killed in market bombing in Baqubah",
        "Gunmen attack police post in Balad",
        "Fans clash before derby in Athens",
    ]
    spans = article.story_spans()
    assert len(spans) == 4
    assert article.body[spans[1][0] : spans[1][1]].endswith("search the area.")


def test_a_heading_without_citations_is_no_list_of_sources():
    lines = ["Related articles", "Minister resigns over budget row", "Sources:", "Interview with the mayor"]
    assert source_blocks(lines) == [False] * 4
    cited = ["Sources", '"Bomb kills three at market" —Tigris Wire, June 11, 2024', "Next story"]
    assert source_blocks(cited) == [True, True, False]


def test_an_ordinary_page_is_one_story():
    text = (
        "Troops clash with rebels near Goma\n\nTroops clashed with rebels near Goma on Monday, the army said. "
        "Five fighters were killed in the fighting, which lasted for several hours.\n\n"
        "The army said it had regained control of the road to Rutshuru by the evening."
    )
    article = extract_text(Page(source="one", kind="text", content=text))
    assert article.stories == [] and len(article.story_spans()) == 1


BRIEFS = """News in brief: Thursday, March 6, 2025

Short reports from around the world for Thursday, March 6, 2025.

Curfew lifted in Jos after a week of calm

Authorities in Plateau State lifted the curfew in Jos on Wednesday, a week after clashes between rival youth groups left four people dead, a police spokesman said.

Fishermen rescued off the coast of Sri Lanka

The navy rescued eleven fishermen on Tuesday after their trawler sank in a storm about forty kilometres off Galle, officials said.

Students march in Dhaka over exam fees

Several thousand students marched in Dhaka on Wednesday to demand that the government scrap new exam fees, blocking traffic for three hours.
"""

REPORT_WITH_SUBHEADS = """Fighting spreads along the frontline

Heavy fighting spread along the frontline on Tuesday as the army pushed towards the town, officials said. The
army said its units had taken two hills overlooking the main road, while the rebels said they had held every
position and had destroyed four armoured vehicles in the fighting.

What happened overnight

Shelling hit three villages near the town overnight, killing two civilians, the regional governor said. Aid
workers said that about two hundred families had left the villages for the regional capital by morning, and that
the only clinic in the area had closed after its roof was damaged.

What comes next

Commanders expect the offensive to continue into next week, according to a military spokesman, who said that
fresh units had been sent to the front. Diplomats in the capital said that talks on a ceasefire had stalled and
that no new round was planned before the end of the month.
"""


def test_a_page_of_briefs_opens_a_story_at_each_headline():
    article = extract_text(Page(source="briefs", kind="text", content=BRIEFS))
    assert [article.paragraphs[i] for i in article.stories] == [
        "Curfew lifted in Jos after a week of calm",
        "Fishermen rescued off the coast of Sri Lanka",
        "Students march in Dhaka over exam fees",
    ]


def test_subheads_of_one_report_open_no_story():
    article = extract_text(Page(source="report", kind="text", content=REPORT_WITH_SUBHEADS))
    assert "What happened overnight" in article.paragraphs and article.stories == []
