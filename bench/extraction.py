"""Extraction benchmark: frontwire's page → article body against the maintained extractors.

    python bench/extraction.py [--form html|text|both] [--limit N] [--only NAME ...]

Reads `../shared/eval/extraction/` (87 real news pages, Zyte article-extraction-benchmark):
`html/*.html.gz` and `text/*.txt`, scored against `ground-truth.json` with `bench/metric.py`.
Prints one row per extractor (F1, precision, recall, pages/s, speed as a ratio to trafilatura
measured in the same process, side by side), peak RSS, and a final PASS/FAIL line against the bars.
The anchors (readability-lxml, resiliparse, jusText, boilerpy3) are optional imports from the
`bench` extra: a missing one is reported as "not available", never a crash.
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import resource
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # `bench.metric` when run as a script
sys.path.insert(0, str(ROOT / "src"))

from bench.metric import Summary, score_page, summarise  # noqa: E402

DATA = ROOT / ".." / "shared" / "eval" / "extraction"

# The bars the project set for itself (see the brief / README).
BAR_HTML_F1 = 0.965  # trafilatura favor_precision scored 0.964 on the full 181-page set
BAR_TEXT_F1 = 0.90
BAR_HTML_PAGES_S = 75.0
BAR_TEXT_PAGES_S = 500.0
BAR_RSS_MB = 500.0

# Pages run once untimed before each extractor's timed pass, so lazy imports do not count as speed.
WARMUP_PAGES = 3

Extractor = Callable[[str, str | None], str]


@dataclass(slots=True, frozen=True)
class Sample:
    id: str
    content: str
    url: str | None
    expected: str


@dataclass(slots=True, frozen=True)
class Row:
    name: str
    summary: Summary | None
    pages_s: float
    errors: int
    note: str = ""


def load_samples(form: str, limit: int | None) -> list[Sample]:
    """The benchmark pages of one form ("html" or "text"), decoded, with their ground truth."""
    truth = json.loads((DATA / "ground-truth.json").read_text(encoding="utf-8"))
    pattern, suffix = ("html/*.html.gz", ".html.gz") if form == "html" else ("text/*.txt", ".txt")
    samples = []
    for path in sorted(DATA.glob(pattern)):
        page_id = path.name[: -len(suffix)]
        if page_id not in truth:
            continue
        raw = gzip.decompress(path.read_bytes()) if form == "html" else path.read_bytes()
        content = raw.decode("utf-8", errors="replace")
        samples.append(Sample(page_id, content, truth[page_id].get("url"), truth[page_id]["articleBody"]))
        if limit and len(samples) >= limit:
            break
    return samples


# --- HTML anchors ----------------------------------------------------------------------------


def _trafilatura(**options: bool) -> Extractor:
    import trafilatura

    def run(content: str, url: str | None) -> str:
        return trafilatura.extract(content, url=url, include_comments=False, **options) or ""

    return run


def _readability() -> Extractor:
    import lxml.html
    from readability import Document

    def run(content: str, url: str | None) -> str:
        summary = Document(content, url=url).summary(html_partial=True)
        return lxml.html.fromstring(summary).text_content() if summary.strip() else ""

    return run


def _resiliparse() -> Extractor:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    def run(content: str, url: str | None) -> str:
        return extract_plain_text(HTMLTree.parse(content), main_content=True)

    return run


def _justext() -> Extractor:
    import justext

    stoplist = justext.get_stoplist("English")

    def run(content: str, url: str | None) -> str:
        paragraphs = justext.justext(content.encode("utf-8"), stoplist, encoding="utf-8")
        return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)

    return run


def _boilerpy3() -> Extractor:
    from boilerpy3 import extractors

    extractor = extractors.ArticleExtractor(raise_on_failure=False)

    def run(content: str, url: str | None) -> str:
        return extractor.get_content(content) or ""

    return run


def _ours_html() -> Extractor:
    from frontwire.article.html import extract_html
    from frontwire.records import Page

    def run(content: str, url: str | None) -> str:
        return extract_html(Page(source="bench", kind="html", content=content, url=url)).body

    return run


HTML_EXTRACTORS: dict[str, Callable[[], Extractor]] = {
    "frontwire": _ours_html,
    "trafilatura": lambda: _trafilatura(),
    "trafilatura-precision": lambda: _trafilatura(favor_precision=True),
    "trafilatura-recall": lambda: _trafilatura(favor_recall=True),
    "readability-lxml": _readability,
    "resiliparse": _resiliparse,
    "justext": _justext,
    "boilerpy3": _boilerpy3,
}


# --- text anchors ----------------------------------------------------------------------------


def _ours_text() -> Extractor:
    from frontwire.article.text import extract_text
    from frontwire.records import Page

    def run(content: str, url: str | None) -> str:
        return extract_text(Page(source="bench", kind="text", content=content, url=url)).body

    return run


def _wrapped(make: Callable[[], Extractor]) -> Callable[[], Extractor]:
    """An HTML extractor fed the plain text wrapped one line per `<p>`."""

    def build() -> Extractor:
        inner = make()

        def run(content: str, url: str | None) -> str:
            lines = (html.escape(line) for line in content.splitlines() if line.strip())
            page = "<html><body>" + "".join(f"<p>{line}</p>\n" for line in lines) + "</body></html>"
            return inner(page, url)

        return run

    return build


TEXT_EXTRACTORS: dict[str, Callable[[], Extractor]] = {
    "frontwire": _ours_text,
    "uncleaned-text": lambda: lambda content, url: content,
    "justext-wrapped": _wrapped(_justext),
    "boilerpy3-wrapped": _wrapped(_boilerpy3),
}


# --- running ---------------------------------------------------------------------------------


def _outputs(extractor: Extractor, samples: list[Sample]) -> Iterator[str | None]:
    for sample in samples:
        try:
            yield extractor(sample.content, sample.url)
        except Exception:  # an extractor that fails on a page scores it as empty, and is counted
            yield None


def run_one(name: str, make: Callable[[], Extractor], samples: list[Sample]) -> Row:
    try:
        extractor = make()
    except Exception as exc:  # optional anchor not installed, or our own module not written yet
        return Row(name, None, 0.0, 0, f"not available ({type(exc).__name__}: {exc})"[:90])
    list(_outputs(extractor, samples[:WARMUP_PAGES]))  # imports and caches load outside the timing
    started = time.perf_counter()
    outputs = list(_outputs(extractor, samples))
    elapsed = time.perf_counter() - started
    errors = sum(out is None for out in outputs)
    scores = (score_page(out or "", s.expected) for out, s in zip(outputs, samples, strict=True))
    return Row(name, summarise(scores), len(samples) / elapsed if elapsed else 0.0, errors)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def print_table(form: str, rows: list[Row], anchor: str) -> None:
    base = next((r.pages_s for r in rows if r.name == anchor and r.summary), 0.0)
    pages = next((r.summary.pages for r in rows if r.summary), 0)
    print(f"\n== {form} ({pages} pages; speed ratio to {anchor} measured in this run) ==")
    print(f"{'extractor':<24}{'F1':>7}{'P':>7}{'R':>7}{'pages/s':>10}{'speed×' + anchor[:5]:>14}  errors")
    for row in rows:
        if row.summary is None:
            print(f"{row.name:<24}  {row.note}")
            continue
        s = row.summary
        ratio = row.pages_s / base if base else float("nan")
        print(
            f"{row.name:<24}{s.f1:>7.3f}{s.precision:>7.3f}{s.recall:>7.3f}"
            f"{row.pages_s:>10.1f}{ratio:>14.2f}  {row.errors}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--form", choices=["html", "text", "both"], default="both")
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages of each form")
    parser.add_argument("--only", nargs="*", default=None, help="only these extractors (names in the table)")
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"evaluation data not found at {DATA.resolve()}", file=sys.stderr)
        return 2

    verdicts: list[tuple[str, bool]] = []
    for form in ("html", "text"):
        if args.form not in (form, "both"):
            continue
        samples = load_samples(form, args.limit)
        table = HTML_EXTRACTORS if form == "html" else TEXT_EXTRACTORS
        rows = [run_one(n, m, samples) for n, m in table.items() if args.only is None or n in args.only]
        print_table(form, rows, "trafilatura" if form == "html" else "boilerpy3-wrapped")
        ours = next((r for r in rows if r.name == "frontwire"), None)
        f1_bar, speed_bar = (
            (BAR_HTML_F1, BAR_HTML_PAGES_S) if form == "html" else (BAR_TEXT_F1, BAR_TEXT_PAGES_S)
        )
        ok_f1 = bool(ours and ours.summary and ours.summary.f1 >= f1_bar)
        ok_speed = bool(ours and ours.summary and ours.pages_s >= speed_bar)
        verdicts += [(f"{form} F1 ≥ {f1_bar}", ok_f1), (f"{form} ≥ {speed_bar:.0f} pages/s", ok_speed)]

    rss = peak_rss_mb()
    print(f"\npeak RSS: {rss:.0f} MB (whole process, every extractor above run in it)")
    verdicts.append((f"RSS < {BAR_RSS_MB:.0f} MB", rss < BAR_RSS_MB))
    failed = [name for name, ok in verdicts if not ok]
    status = "PASS" if not failed else "FAIL"
    print(f"{status}: " + "; ".join(f"{name} {'ok' if ok else 'FAILED'}" for name, ok in verdicts))
    return 0 if not failed else 1


if __name__ == "__main__":
    raise SystemExit(main())
