"""Golden tests for the plain-text line segmenter (frontwire.article.text)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from frontwire.article.text import EXTRACTOR, Line, extract_text, segment
from frontwire.errors import ExtractionError
from frontwire.records import Page

ROOT = Path(__file__).resolve().parents[2]
SHARED_PAGES = ROOT / ".." / "shared" / "pages"
CANONICAL = "southfront-2024-05-airstrikes-central-syria"
FIXTURES = ROOT / "tests" / "pages" / "text"


def _page(text: str, source: str = "test.txt") -> Page:
    return Page(source=source, kind="text", content=text)


def _fixture(name: str):
    path = FIXTURES / name
    return extract_text(_page(path.read_text(encoding="utf-8"), str(path)))


@pytest.fixture(scope="module")
def canonical():
    txt = SHARED_PAGES / f"{CANONICAL}.txt"
    if not txt.exists():
        pytest.skip(f"shared evaluation data absent: {txt}")
    gold = json.loads((SHARED_PAGES / f"{CANONICAL}.gold.json").read_text(encoding="utf-8"))
    text = txt.read_text(encoding="utf-8")
    return text, gold, extract_text(_page(text, str(txt))), segment(text)


def test_canonical_title_caption_body(canonical):
    _, gold, article, _ = canonical
    g = gold["article"]
    assert article.title == g["title"]
    assert article.captions == [g["image_caption"]]
    assert len(article.paragraphs) == g["body_paragraphs"]
    assert article.paragraphs[0] == g["body_first_line"]
    assert article.paragraphs[-1] == g["body_last_line"]
    assert article.extractor == EXTRACTOR
    # No exact date on the page; the gold's latest possible publication date bounds it.
    assert article.published is None
    assert article.published_latest == dt.date.fromisoformat(g["published"]["latest"])


def test_canonical_chrome_dropped(canonical):
    text, gold, article, lines = canonical
    kept = [ln for ln in lines if ln.role != "chrome"]
    for ln in kept:
        stripped = ln.text.rstrip("x")
        assert stripped not in gold["boilerplate_lines"], ln
        assert not any(ln.text.startswith(p) for p in gold["boilerplate_line_prefixes"]), ln
    assert "Support" not in article.body and "Notify of" not in article.body
    assert article.chrome_dropped >= len(gold["boilerplate_lines"]) + len(gold["boilerplate_line_prefixes"])


def test_canonical_comments(canonical):
    _, gold, article, _ = canonical
    assert [c.author for c in article.comments] == [c["author"] for c in gold["comments"]]
    for got, want in zip(article.comments, gold["comments"], strict=True):
        assert got.text.startswith(want["text_starts"])
        assert got.text not in article.body


def test_wordpress_page_with_comment_form():
    a = _fixture("wordpress-shelling-with-comments.txt")
    assert a.title == "Artillery Shelling Hits Market Town In Northern Province"
    assert a.authors == ["Laila Haddad", "Peter Novak"]
    assert str(a.published) == "2023-03-04"
    assert a.captions and "(AP Photo/" in a.captions[0]
    assert a.paragraphs[0].startswith("Artillery shells struck the central market")
    assert a.paragraphs[-1].startswith("A ceasefire agreed in January")
    for chrome in (
        "Advertisement",
        "We use cookies",
        "Related Posts",
        "Drone Strike Kills",
        "Tags:",
        "Reply",
    ):
        assert chrome not in a.body
    assert [c.author for c in a.comments] == ["Omar K.", "Sarah Lindqvist"]
    assert a.comments[0].text.startswith("This is the third time")
    assert "March 4, 2023 at" not in a.comments[0].text


def test_magazine_page_with_teaser_cards_and_disqus():
    a = _fixture("magazine-drone-cards-disqus.txt")
    assert a.title == "Drone attack on fuel depot sparks large fire"
    assert a.authors == ["Jonas Weber"]
    assert str(a.published) == "2024-09-12"
    assert len(a.paragraphs) == 6
    assert "Sign up for our newsletter" not in a.body
    assert "Port workers" not in a.body and "Floods close" not in a.body
    assert [c.author for c in a.comments] == ["ghostrider77", "Kateryna M"]
    assert all("hours ago" not in c.text for c in a.comments)


def test_plain_report_without_comments_keeps_subheading():
    a = _fixture("plain-report-no-comments.txt")
    assert a.title.startswith("Ceasefire talks resume")
    assert str(a.published) == "2022-06-21"
    assert "Background" in a.paragraphs
    assert a.comments == []
    assert "UN envoy calls" not in a.body and "Central bank" not in a.body


@pytest.mark.parametrize(
    "snippet",
    [
        "Syrian army shells Idlib countryside, killing two civilians, a monitor said.",
        "Two killed.",
    ],
)
def test_lone_snippet_is_body(snippet):
    a = extract_text(_page(snippet))
    assert a.paragraphs == [snippet]
    assert a.chrome_dropped == 0


def test_no_prose_raises_naming_the_page():
    with pytest.raises(ExtractionError, match="menu.txt"):
        extract_text(_page("Home\nNews\nSport\n2,500 $\nSubscribe\n", "menu.txt"))
    with pytest.raises(ExtractionError):
        extract_text(_page(""))


def test_segment_indexes_refer_to_original_lines():
    lines = segment("Home\n\nNews\n\n\nFighters seized the town after two days of clashes, officials said.\n")
    assert lines == [
        Line("Home", 0, "chrome"),
        Line("News", 2, "chrome"),
        Line("Fighters seized the town after two days of clashes, officials said.", 5, "body"),
    ]


def test_month_dateline_bounds_the_publication_date() -> None:
    """A standalone "MONTH YEAR" line before the body gives an upper bound, not an exact date."""
    text = (
        "MARCH 2023\n\nFlooding Cuts Roads Across The Valley\n\n"
        "Heavy rain cut three roads across the valley on Tuesday, forcing the closure of two schools, "
        "officials in the district said in a statement.\n\n"
        "Emergency crews were working through the night to clear the debris from the main road, "
        "and the authorities asked residents to avoid travelling until the water level drops."
    )
    article = extract_text(Page(source="dateline.txt", kind="text", content=text))
    assert article.published is None
    assert article.published_latest == dt.date(2023, 3, 31)
    assert all("MARCH 2023" not in p for p in article.paragraphs)


FLAT_TITLE = "Gunmen kill nine at a cattle market in northern Burkina Faso"
FLAT_BODY = (
    "Gunmen on motorbikes opened fire on traders at the weekly cattle market in Titao on Sunday, killing nine "
    "people, a local official said. The attackers arrived at about noon and fired on the crowd before "
    "setting stalls alight, residents told reporters by telephone. Soldiers from the town's garrison reached "
    "the market an hour later, when the gunmen had already left towards the border. No group has claimed "
    "the attack, which follows a string of raids on markets and water points in the Nord region since the "
    "start of the rainy season. The regional governor called for calm and said reinforcements had been sent "
    "to secure the roads into the town. Traders said the market would stay closed for a week."
)


def test_a_page_flattened_after_its_title_keeps_its_body_and_dateline():
    """A crawl that lost the page's line breaks: the title, then one line that repeats it, the dateline and
    the whole body. The body is not a teaser of the title; the title and the date come apart from it."""
    content = f"{FLAT_TITLE}\n\n{FLAT_TITLE} Monday, June 2, 2025 {FLAT_BODY}\n"
    article = extract_text(_page(content, "flat.txt"))
    assert article.title == FLAT_TITLE
    assert article.published == dt.date(2025, 6, 2)
    assert article.paragraphs == [FLAT_BODY]


def test_teaser_cards_that_repeat_a_headline_stay_chrome():
    """Headline, then "headline + excerpt" (a teaser card): the excerpt is a sentence, so the line is a
    teaser however it opens; only a body-length line goes on from its headline."""
    head = "Council approves a new budget for road repairs across the whole of the city centre"
    card = f"{head} The vote came after a long debate on costs and on which roads come first."
    content = f"{FLAT_TITLE}\n\n{FLAT_BODY}\n\n\nMore news\n{head}\n{card}\n"
    roles = {line.text: line.role for line in segment(content)}
    assert roles[card] == "chrome"
    assert roles[FLAT_BODY] == "body"
