"""Golden tests for HTML → Article on our own fixture pages, plus hostile HTML.

Fixtures live in tests/pages/html/: pages written in the style of real news sites (WordPress with a
threaded comment list, JSON-LD NewsArticle with wpDiscuz comments, microdata and Disqus comments).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from frontwire.article._html_tidy import tidy
from frontwire.article.html import EXTRACTOR, extract_html
from frontwire.config import Settings
from frontwire.errors import ConfigError, ExtractionError, FrontwireError
from frontwire.records import Article, Page

PAGES = Path(__file__).resolve().parents[1] / "pages" / "html"


def _article(name: str, url: str | None = None) -> Article:
    path = PAGES / name
    return extract_html(
        Page(source=str(path), kind="html", content=path.read_text(encoding="utf-8"), url=url)
    )


def _everything_but_body(article: Article) -> str:
    return " ".join([*article.captions, *(c.text for c in article.comments)])


# --- WordPress page with a threaded comment list -----------------------------------------------


@pytest.fixture(scope="module")
def wordpress() -> Article:
    return _article("wordpress-comments.html")


def test_wordpress_metadata(wordpress: Article) -> None:
    assert wordpress.title == "Shelling Hits Market Town Near Front Line"
    assert wordpress.site_name == "Borderland Monitor"
    assert wordpress.canonical_url == "https://borderland-monitor.example/2023/03/shelling-hits-market-town/"
    assert wordpress.published == dt.date(2023, 3, 14)
    assert wordpress.authors == ["Lena Koval"]
    assert wordpress.extractor == EXTRACTOR and "trafilatura" in EXTRACTOR


def test_wordpress_body_is_the_article_in_paragraphs(wordpress: Article) -> None:
    body = wordpress.body
    assert wordpress.paragraphs[0].startswith("Artillery shells struck the covered market of Pravdyne")
    assert "Then the roof came down on the fish counter." in body
    assert wordpress.paragraphs[-1].startswith("The regional governor called the strike")
    assert len(wordpress.paragraphs) >= 5
    assert all("\n\n" not in p for p in wordpress.paragraphs)
    for chrome in (
        "NOT BODY SCRIPT",
        "Support our reporting",
        "Share this",
        "Recent Posts",
        "Leave a Reply",
        "All rights reserved",
        "Drone strike reported on fuel depot",
        "Posted in",
    ):
        assert chrome not in body


def test_wordpress_comments_are_split_off_with_authors_and_replies(wordpress: Article) -> None:
    assert [c.author for c in wordpress.comments] == ["Marek_W", "Olga P.", "anonymous reader"]
    first, reply, third = wordpress.comments
    assert "COMMENT-ONE-MARKER" in first.text and "REPLY-MARKER" not in first.text
    assert "REPLY-MARKER" in reply.text
    assert third.text.endswith("Second paragraph of my comment.")
    assert first.published is not None and first.published.startswith("2023-03-14")
    for marker in ("COMMENT-ONE-MARKER", "REPLY-MARKER", "COMMENT-THREE-MARKER", "Marek_W", "says:"):
        assert marker not in wordpress.body


def test_wordpress_caption_kept_out_of_body(wordpress: Article) -> None:
    assert wordpress.captions == [
        "Damaged stalls in the covered market on Tuesday morning. Photo: Borderland Monitor staff"
    ]
    assert "Damaged stalls" not in wordpress.body
    assert wordpress.chrome_dropped > 0


# --- JSON-LD NewsArticle with wpDiscuz comments ------------------------------------------------


def test_jsonld_page_metadata_and_authors() -> None:
    article = _article("jsonld-wpdiscuz.html")
    assert article.title == "Ceasefire talks stall as both sides report drone attacks"
    assert article.site_name == "Coastline Herald"
    assert article.published == dt.date(2024, 7, 2)
    assert article.authors == ["Samir Haddad", "Ines Varga"]
    assert (
        article.canonical_url == "https://coastline-herald.example/world/ceasefire-talks-stall-drone-attacks"
    )


def test_jsonld_page_body_comments_caption() -> None:
    article = _article("jsonld-wpdiscuz.html")
    body = article.body
    assert body.startswith("Negotiations on a ceasefire in the northern districts stalled")
    assert "cutting supplies to several thousand people" in body
    assert "CAPTION-MARKER" in article.captions[0] and "CAPTION-MARKER" not in body
    assert [(c.author, c.published) for c in article.comments] == [
        ("Nadia R", "July 2, 2024 8:15 pm"),
        ("Tomas", "July 3, 2024 6:01 am"),
    ]
    for chrome in (
        "WPD-COMMENT-MARKER",
        "SECOND-WPD-MARKER",
        "2 Comments",
        "Share this article",
        "Related:",
        "Timeline of the conflict",
        "Subscribe",
        "Copyright",
    ):
        assert chrome not in body


# --- microdata and Disqus comments -------------------------------------------------------------


def test_microdata_and_disqus_comments() -> None:
    article = _article("microdata-disqus.html", url="https://steppe-courier.example/2022/09/11/convoy")
    assert article.title == "Convoy ambushed on desert highway"
    assert article.published == dt.date(2022, 9, 11)
    assert article.authors == ["R. Almazov"]
    assert [c.author for c in article.comments] == ["steppe_watcher", "K. Volkov"]
    assert "MICRODATA-COMMENT-MARKER" in article.comments[0].text
    assert article.comments[1].text == "DISQUS-MARKER Where was the escort?"
    assert "CAPTION-TABLE-MARKER" in article.captions[0]
    body = article.body
    assert body.startswith("Gunmen ambushed a fuel convoy")
    for chrome in ("MARKER", "Published 11 September 2022", "steppe_watcher", "All rights reserved"):
        assert chrome not in body
    assert article.url == "https://steppe-courier.example/2022/09/11/convoy"


# --- the tidy step on its own -------------------------------------------------------------------


def test_tidy_drops_chrome_lines_and_keeps_prose() -> None:
    lines = [
        "Shelling Hits Market Town",
        "Tuesday, 14 March 2023, 10:13 GMT",
        "Artillery shells struck the market, killing four civilians, officials said.",
        "Read more: Drone strike reported on fuel depot",
        "- Aid convoy reaches besieged village",
        "- narrow-browser-and-phone",
        "Officials said on 14 March 2023 that 4 of 11 wounded were in hospital.",
        "Write to Lena Koval at lena.koval@example.com",
        "Follow us on Twitter for the latest updates",
        "Copyright © 2023 Borderland Monitor",
        "Tags",
    ]
    tidied = tidy(lines, "Shelling Hits Market Town", captions=[])
    assert tidied.paragraphs == [
        "Artillery shells struck the market, killing four civilians, officials said.",
        "Officials said on 14 March 2023 that 4 of 11 wounded were in hospital.",
    ]
    assert tidied.dropped["title-or-caption-repeat"] == 1 and tidied.dropped["dateline"] == 1
    assert sum(tidied.dropped.values()) == len(lines) - 2


def test_tidy_keeps_long_prose_that_mentions_chrome_words() -> None:
    line = (
        "Residents said they would subscribe to any plan that kept the market open, and the council said "
        "it would share its findings with the regional administration before the end of the month."
    )
    assert tidy([line], None, []).paragraphs == [line]


# --- errors and hostile HTML --------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        "",
        "   \n ",
        "<html><head><title>Only a title</title></head><body></body></html>",
        "<div><a href='/'>Home</a></div>",
    ],
)
def test_no_body_raises_extraction_error_naming_the_input(content: str) -> None:
    with pytest.raises(ExtractionError, match="^empty-page.html: "):
        extract_html(Page(source="empty-page.html", kind="html", content=content))


_PROSE = "<p>" + "The convoy was attacked near the river crossing on Sunday, officials said. " * 4 + "</p>"
HOSTILE = {
    "script-with-closing-p": "<html><body><script>var s='</p><p>INJECTED</p>';</script>" + _PROSE * 3,
    "deep-nesting": "<html><body>" + "<div>" * 20_000 + _PROSE + "</div>" * 20_000 + "</body></html>",
    "huge-attribute": f"<body><div class='{'x' * 2_000_000}' data-a='{'y' * 500_000}'>{_PROSE * 3}</div>",
    "xml-declaration": "<?xml version='1.0' encoding='latin-1'?><html><body>" + _PROSE * 3 + "</body></html>",
    "bogus-charset": "<html><head><meta charset='no-such-charset-9'></head><body>" + _PROSE * 3,
    "control-chars-and-nul": "<html><body><p>\x00\x01\x1b[31m</p>" + _PROSE * 3 + "\ufffd\ud800</body>",
    "unclosed-everything": "<html><body><div><p><table><tr><td>" + _PROSE * 3,
    "binary-garbage": "\x89PNG\r\n\x1a\n" + "".join(chr(i % 250 + 1) for i in range(5000)),
    "broken-json-ld": "<script type='application/ld+json'>[[[[[[{\"@type\":</script><body>" + _PROSE * 3,
    "comment-markup-without-text": "<ol class='comment-list'><li class='comment'></li></ol>" + _PROSE * 3,
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_html_yields_article_or_extraction_error(name: str) -> None:
    page = Page(source=f"hostile/{name}", kind="html", content=HOSTILE[name])
    try:
        article = extract_html(page)
    except ExtractionError as exc:
        assert str(exc).startswith(f"hostile/{name}: ")
        return
    assert isinstance(article, Article) and article.paragraphs
    assert "INJECTED" not in article.body


def test_oversized_page_is_a_clear_input_error() -> None:
    page = Page(source="big.html", kind="html", content="<p>x</p>" * 100)
    with pytest.raises(FrontwireError, match="^big.html: "):
        extract_html(page, Settings(max_page_bytes=100))


def test_extractor_chain_is_configurable() -> None:
    html = (PAGES / "wordpress-comments.html").read_text(encoding="utf-8")
    page = Page(source="wp.html", kind="html", content=html)
    article = extract_html(page, Settings(extra={"html_chain": "baseline"}))
    assert article.extractor == f"{EXTRACTOR}:baseline"
    assert "COMMENT-ONE-MARKER" not in article.body and "Damaged stalls" not in article.body
    with pytest.raises(ConfigError, match="^wp.html: "):
        extract_html(page, Settings(extra={"html_chain": "no-such-step"}))


# --- evaluation gate ------------------------------------------------------------------------------

REPO = Path(__file__).resolve().parents[2]
EVAL = REPO / ".." / "shared" / "eval" / "extraction"
# Recorded floor: frontwire scored F1 0.968 on these 87 pages (bench/extraction.py); the bar is 0.965.
F1_FLOOR = 0.965


@pytest.mark.skipif(
    not (EVAL / "ground-truth.json").is_file(), reason="../shared/eval/extraction not present"
)
def test_extraction_benchmark_f1_stays_above_floor() -> None:
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location(
        "frontwire_bench_extraction", REPO / "bench" / "extraction.py"
    )
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = bench
    spec.loader.exec_module(bench)
    samples = bench.load_samples("html", None)
    row = bench.run_one("frontwire", bench.HTML_EXTRACTORS["frontwire"], samples)
    assert row.summary is not None and row.errors == 0
    assert row.summary.f1 >= F1_FLOOR, row.summary


def test_placeholder_publication_date_is_dropped() -> None:
    """A CMS placeholder such as 0001-01-01 is not a publication date."""
    from frontwire.article import extract

    html = (
        '<html><head><meta property="article:published_time" content="0001-01-01T00:00:00Z">'
        "<title>Clashes near the border</title></head><body><article><h1>Clashes near the border</h1>"
        "<p>Fighting broke out near the border crossing on Tuesday, killing three soldiers and wounding "
        "several others, officials said in a statement released in the evening.</p>"
        "<p>The army said it had sent reinforcements to the area and that the situation was under control, "
        "while residents reported hearing heavy gunfire throughout the night.</p></article></body></html>"
    )
    article = extract(Page(source="placeholder.html", kind="html", content=html))
    assert article.published is None
