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
