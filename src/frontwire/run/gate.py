"""The relevance gate: pages with no conflict-event cue skip the expensive stages, with the reason kept.

A crawl is mostly sport, business and celebrity news; parsing and event-coding all of it costs ten
times what the conflict pages need. The gate is a keyword scan, compiled once into one
prefix-factored regular expression (a trie, so the scan costs about the same for 20 or 300 words):

1. on the raw page, before parsing (`Gate.page`): no cue anywhere in the page → the page is dropped
   before extraction;
2. on the extracted article (title, captions, body; `Gate.article`): no cue outside the site's
   chrome → event coding and geocoding are skipped and the page is dropped too.

Cues (data/gate/cues.toml) are word beginnings in classes: a `strong` cue (airstrike, shelling,
gunmen, ceasefire, an armed group's name) passes on its own; words everywhere in general news
("attack", "fire", "police", "killed") pass only in pairs within one sentence (a killing with an armed
actor, a count or victims; an act of force with an armed actor or a crowd; a protest with a crowd or
the police), and a long text needs two such pairs. A dropped page becomes a `Dropped(reason)`; the
shard runner counts the reasons. Recall on the evaluation sets and the pass share on general news are
measured by `bench/pipeline.py --gate`.
"""

from __future__ import annotations

import functools
import re
import resource
import time
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources

from frontwire.config import Settings
from frontwire.pipeline import Pipeline, Processed
from frontwire.records import Article, Page

GATE_NAME = "frontwire-gate/3"


# A cue ending in "=" must end a word ("gun=" matches gun, not gunmen); a space matches any white space.
WORD_END = "="
# The cue classes, in data/gate/cues.toml: `strong` cues pass on their own, the others in pairs.
STRONG = "strong"
CLASSES = (STRONG, "act", "take", "protest", "die", "hurt", "armed", "crowd", "person", "place", "develop")
# Class pairs that pass when both occur within `WINDOW` characters (either order): a killing or a
# wound with an act of violence, an armed actor or victims; an act with an armed actor or a crowd.
# Not act + act (sport: "attack", "shot", "strike") nor act + person ("target people", "Man City attack").
PAIRS: frozenset[frozenset[str]] = frozenset(
    frozenset(pair)
    for pair in (
        ("die", "act"),
        ("die", "armed"),
        ("die", "crowd"),
        ("die", "person"),
        ("die", "hurt"),
        ("hurt", "act"),
        ("hurt", "armed"),
        ("hurt", "crowd"),
        ("act", "armed"),
        ("act", "crowd"),
        ("take", "armed"),
        ("take", "place"),
        ("take", "crowd"),
        ("take", "die"),
        ("protest", "person"),
        ("protest", "crowd"),
        ("protest", "armed"),
        ("protest", "act"),
        ("protest", "die"),
        ("protest", "hurt"),
        ("protest", "take"),
        ("protest",),
        ("develop", "armed"),
    )
)
# Characters between the starts of two paired cues: about one news sentence (20-25 words). Set from
# the wire-style sentences of the development sets: a longer window adds pass share on general news
# (cues from unrelated sentences meet) faster than it adds recall.
WINDOW = 120
# A count next to a killing, a wound or a protest ("killing 8", "12 dead", "5,000 marched") pairs with
# it: digits within this many characters of a `die`, `hurt` or `protest` cue. Counts are small
# numbers; years (4 digits) do not count.
COUNT_WINDOW = 30
COUNTED = ("die", "hurt", "protest")
# A text longer than this (about 4 news sentences) needs two pairs of weak cues, not one: a report
# of an event names it in its headline, its lead and again in its body, while a long page on sport,
# business or health has a stray pair ("people died", "police arrested") here and there. Checked on
# the extraction benchmark's general pages (one pair passes 45% of them) against the canonical page
# and the Airwars narratives (which pass either way).
SHORT_TEXT = 600
# Paired cues must be in one clause: a line break, a full stop or a semicolon (before a space) between them
# separates two stories' headlines in a list as well as two sentences.
_BREAK = re.compile(r"\n|[.!?;][\"'”’)]?\s")
_COUNT = re.compile(r"\b\d{1,3}\b")
_CUE_FILE = "data/gate/cues.toml"


@dataclass(slots=True, frozen=True)
class Cues:
    """The compiled cue scanner: one regex over lower-cased text, and each cue's class."""

    pattern: re.Pattern[str]
    classes: dict[str, str]

    def first(self, text: str) -> str | None:
        """What lets `text` pass: a strong cue, or paired cues ("killed + soldiers") in as many sentences
        as its length asks for (`pairs_needed`); None when nothing does."""
        low = text.lower()
        needed = pairs_needed(len(low))
        found: list[str] = []
        last: dict[str, int] = {}
        for match in self.pattern.finditer(low):
            cue = match.group(0)
            cls = self.classes.get(cue) or self.classes[" ".join(cue.split())]
            if cls == STRONG:
                return cue
            start = match.start()
            pair = self._partner(low, cls, start, match.end(), last)
            if pair is None:
                last[cls] = start
                continue
            found.append(f"{pair} + {cue}")
            if len(found) >= needed:
                return "; ".join(found)
            last = {}  # the next pair must be another one
        return None

    @staticmethod
    def _partner(low: str, cls: str, start: int, end: int, last: dict[str, int]) -> str | None:
        """The earlier cue in this sentence that pairs with the one at `start`, or "count"."""
        for other, at in last.items():
            paired = start - at <= WINDOW and frozenset((cls, other)) in PAIRS
            if paired and not _BREAK.search(low, at, start):
                return low[at : at + 40].split()[0]
        if cls in COUNTED and _COUNT.search(low, max(0, start - COUNT_WINDOW), end + COUNT_WINDOW):
            return "count"
        return None


def pairs_needed(length: int) -> int:
    """Pairs of weak cues a text of `length` characters needs: one in a short text, more in a long one."""
    return 1 if length <= SHORT_TEXT else 2


@functools.cache
def cues() -> Cues:
    """The gate's cues, read from the package data and compiled on first use."""
    data = tomllib.loads(resources.files("frontwire").joinpath(_CUE_FILE).read_text(encoding="utf-8"))
    classes: dict[str, str] = {}
    for cls in CLASSES:
        for cue in data[cls]["cues"]:
            key = cue.lower().removesuffix(WORD_END)
            if classes.setdefault(key, cls) != cls:
                raise ValueError(f"{_CUE_FILE}: cue {cue!r} is in two classes")
    words = [cue.lower() for cls in CLASSES for cue in data[cls]["cues"]]
    # Word boundary first: "strike" must not match inside "pastrikes", "army" inside "swarmy".
    return Cues(pattern=re.compile(r"\b" + _trie_pattern(words)), classes=classes)


def _trie_pattern(words: Iterable[str]) -> str:
    """One regex alternation factored by common prefixes: (?:a(?:ttack|rmy)|b(?:omb|last)...)."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        whole = word.endswith(WORD_END)
        for ch in [*word.removesuffix(WORD_END), *([r"\b"] if whole else [])]:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        ends = "" in node
        branches = [_atom(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return emit(trie)


def _atom(ch: str) -> str:
    if ch == r"\b":
        return ch
    return r"\s+" if ch == " " else re.escape(ch)


@dataclass(slots=True, frozen=True, kw_only=True)
class Dropped:
    """A page the gate kept from the expensive stages, and why (a counter key, e.g. "gate:page")."""

    source: str
    reason: str
    id: str | None = None


# Counter keys for the two places a page can be dropped.
NO_CUE_IN_PAGE = "gate:no-cue-in-page"
NO_CUE_IN_ARTICLE = "gate:no-cue-in-article"


def first_cue(text: str) -> str | None:
    """What lets `text` through the gate (a strong cue, or a pair "a + b"), or None when nothing does."""
    return cues().first(text)


# An HTML page is scanned without parsing it: its <title> and its text nodes of at least
# `MIN_RUN_CHARS` characters that do not open with a link, a list item, a minor heading or a
# <span>: menus, tags and "most read" or "related" lists drop out (the story's own links sit inside
# <p>, and the text after them still counts). Scripts, styles and JSON blobs are cut at their first
# brace or "=" (a run must reach the next tag without one), so the scan reads prose, not code.
# Possessive quantifiers and no IGNORECASE keep the scan at about 0.2 ms for a 160 kB page.
_TITLE = re.compile(r"<title\b[^>]*+>([^<]*+)", re.IGNORECASE)
# Set from the extraction benchmark's pages: menu and tag links are 3-25 characters, a news sentence
# is longer; 40 keeps short bylines and datelines out too.
MIN_RUN_CHARS = 40
_NOT_PROSE_TAGS = ("a", "li", "h3", "h4", "h5", "h6", "span", "button", "option", "label")
_SKIPPED = "|".join(t for tag in _NOT_PROSE_TAGS for t in (tag, tag.upper()))
_RUN = re.compile(rf"<(?!(?:{_SKIPPED})\b)[^>]*+>(?>\s*)([^\s<>{{}}=][^<>{{}}=]{{{MIN_RUN_CHARS - 1},}}+)<")
# Only this much of a page's text is scanned (and the title in this much of its HTML): an article's
# lead carries its event. 64 kB is more than the whole text of 95% of news pages.
MAX_SCAN_CHARS = 64_000


def prose(html: str) -> str:
    """The story-bearing text of an HTML page: its title and its long text runs outside link lists."""
    title = _TITLE.search(html, 0, MAX_SCAN_CHARS)
    text = "\n".join([title.group(1) if title else "", *_RUN.findall(html)])
    return text[:MAX_SCAN_CHARS]


class Gate:
    """The two checks; stateless and picklable (the cues compile on first use)."""

    name = GATE_NAME

    def page(self, page: Page) -> Dropped | None:
        """Before parsing: a `Dropped` when the page's prose has no cue (for HTML: its title and long
        text runs, so that menus and "most read" lists do not count)."""
        text = prose(page.content) if page.kind == "html" else page.content[:MAX_SCAN_CHARS]
        if first_cue(text) is not None:
            return None
        return Dropped(source=page.source, reason=NO_CUE_IN_PAGE, id=page.id)

    def article(self, article: Article) -> Dropped | None:
        """After extraction: a `Dropped` when neither the title, the captions nor the body has a cue."""
        text = "\n".join((article.title or "", *article.captions, *article.paragraphs))
        if first_cue(text[:MAX_SCAN_CHARS]) is not None:
            return None
        return Dropped(source=article.source, reason=NO_CUE_IN_ARTICLE, id=article.id)


@dataclass(slots=True, kw_only=True)
class Outcome:
    """What `Gated` made of one page: processed, or dropped by the article gate; with stage timings."""

    processed: Processed | None = None
    dropped: Dropped | None = None
    seconds: dict[str, float] = field(default_factory=dict)
    peak_rss_mib: float = 0.0


class Gated:
    """page → `Outcome`: extract, then the article gate, then event coding and geocoding.

    The per-page step the shard runner hands to its `Guard`. It holds only a `Pipeline` (picklable and
    lazy) and runs the same stages as `Pipeline.__call__`/`Pipeline.code`, one at a time, so that each
    stage's time can be reported; `gate=False` keeps every article.
    """

    def __init__(self, pipeline: Pipeline, gate: bool = True) -> None:
        self.pipeline = pipeline
        self.gate = Gate() if gate else None

    def __call__(self, page: Page, settings: Settings | None = None) -> Outcome:
        from frontwire.article import extract

        settings = settings or self.pipeline.settings
        seconds: dict[str, float] = {}
        t0 = time.perf_counter()
        article = extract(page, settings)
        seconds["extract"] = time.perf_counter() - t0
        if not settings.events:
            return Outcome(
                processed=Processed(article=article), seconds=seconds, peak_rss_mib=_peak_rss_mib()
            )
        if self.gate is not None and (dropped := self.gate.article(article)) is not None:
            return Outcome(dropped=dropped, seconds=seconds, peak_rss_mib=_peak_rss_mib())
        processed = self.pipeline.code(article, seconds)
        return Outcome(processed=processed, seconds=seconds, peak_rss_mib=_peak_rss_mib())


class GatedPipeline:
    """page → `Processed`, with the relevance gate that `ingest` applies: an article with no conflict cue
    is returned uncoded (`gated`, with the reason in `events_note`). `extract` runs this; `gate=False`
    codes every article (`extract --no-gate`). Picklable (a `Pipeline` and a flag)."""

    def __init__(self, pipeline: Pipeline, gate: bool = True) -> None:
        self.pipeline = pipeline
        self.gate = gate

    def __call__(self, page: Page, settings: Settings | None = None) -> Processed:
        from frontwire.article import extract

        settings = settings or self.pipeline.settings
        article = extract(page, settings)
        if not settings.events:
            return Processed(article=article)
        if self.gate and (dropped := Gate().article(article)) is not None:
            note = f"not coded: the relevance gate found no conflict cue ({dropped.reason})"
            return Processed(article=article, events_note=note, gated=True)
        return self.pipeline.code(article)


def _peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports kB
