"""The article body of a page whose comments and captions were already cut out: a chain of extractors.

Each step takes the tree and returns the body as lines (one paragraph, heading or list item a line),
or an empty list; the first step with a body wins. The default chain, measured on the extraction
benchmark (bench/extraction.py), is trafilatura in recall mode without its own fallbacks (best F1
there and about twice as fast as trafilatura's default), then trafilatura's default mode with its
readability/jusText fallbacks, then trafilatura's baseline (JSON-LD articleBody, `<article>`, all `<p>`).
`Settings.extra["html_chain"]` (comma-separated step names) overrides the chain.
Hands `BodyResult(lines, step)` to `frontwire.article.html`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

import lxml.html
import trafilatura

from frontwire.errors import ConfigError

Step = Callable[[lxml.html.HtmlElement, str | None], str]

DEFAULT_CHAIN = ("trafilatura-recall", "trafilatura", "baseline")
TRAFILATURA_VERSION = getattr(trafilatura, "__version__", "unknown")


@dataclass(frozen=True, slots=True)
class BodyResult:
    lines: list[str]
    step: str


def _trafilatura(**options: bool) -> Step:
    def run(tree: lxml.html.HtmlElement, url: str | None) -> str:
        return (
            trafilatura.extract(
                tree,
                url=url,
                output_format="txt",
                include_comments=False,
                include_tables=True,
                include_images=False,
                include_links=False,
                **options,
            )
            or ""
        )

    return run


def _baseline(tree: lxml.html.HtmlElement, url: str | None) -> str:
    _, text, _ = trafilatura.baseline(tree)
    return text or ""


STEPS: dict[str, Step] = {
    "trafilatura-recall": _trafilatura(favor_recall=True, fast=True),
    "trafilatura-precision": _trafilatura(favor_precision=True, fast=True),
    "trafilatura": _trafilatura(),
    "baseline": _baseline,
}


def chain_from(extra: dict[str, str], source: str) -> tuple[str, ...]:
    """The step names to run, from `Settings.extra["html_chain"]` or the default."""
    spec = extra.get("html_chain")
    if not spec:
        return DEFAULT_CHAIN
    names = tuple(name.strip() for name in spec.split(",") if name.strip())
    unknown = [name for name in names if name not in STEPS]
    if unknown or not names:
        raise ConfigError(source, f"unknown html_chain step(s) {unknown}; known: {sorted(STEPS)}")
    return names


def extract_body(tree: lxml.html.HtmlElement, url: str | None, chain: tuple[str, ...]) -> BodyResult:
    """The first non-empty body the chain finds, as stripped non-empty lines."""
    # trafilatura logs every page it discards at WARNING; here an empty step just hands on to the next.
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    for name in chain:
        text = STEPS[name](tree, url)
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        if lines:
            return BodyResult(lines, name)
    return BodyResult([], "")
