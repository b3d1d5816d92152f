"""Flattened page text → Article: our own line segmenter for pages stored as plain visible text.

Web-text corpora keep a page as one block a line with the site's chrome left in: menus,
donation and share widgets, promos, the title twice, a comment widget and reader comments.
`segment` gives every non-empty line a role; `extract_text` builds the `Article` from them.

How a page is read:
1. every line is measured (`_text_features`) and checked against widget vocabulary (`_text_cues`);
2. each line gets a prose weight: long lines dense in stop words and ending sentences weigh
   positive, short or widget lines negative; a comment-section opener is a wall;
3. the body is the densest contiguous run of prose (maximum-sum segment), found between walls;
4. the title is the line repeated in the page or echoing the first line, just before the body;
   bylines/datelines and photo captions sit next to the body;
5. after the body, the first comment-section opener starts the comment region, where short
   name lines followed by prose are comment authors (`_text_comments`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from frontwire.article._text_comments import comment_roles, is_name
from frontwire.article._text_cues import (
    byline_authors,
    find_date,
    find_month,
    is_byline,
    is_caption,
    is_chrome,
    leading_date,
    opens_comments,
    source_blocks,
)
from frontwire.article._text_features import LineFeatures, measure, normalise
from frontwire.article.stories import headline_stories
from frontwire.config import DEFAULT, Settings
from frontwire.errors import ExtractionError
from frontwire.records import Article, Comment, Page

EXTRACTOR = "frontwire-textseg/0.1"

Role = Literal["title", "byline", "caption", "body", "chrome", "comment_author", "comment_text"]

# Prose weight of a line is words * quality - BASE_WORDS: lines shorter than this many words
# cost the run that crosses them (menus, teasers), longer sentence-like lines pay for it.
# Set on our own fixtures: 5 keeps one-line subheads inside the body from breaking the run.
BASE_WORDS = 5.0
# A line of widget vocabulary, a bare number/date or a repeated line costs this much.
CHROME_COST = 8.0
# Two or more blank lines mark a container break in flattened text; crossing one costs this much.
SECTION_GAP_COST = 12.0
# A comment-section opener is a wall the body never crosses.
WALL = -1.0e9
# Stop-word share above which a line reads as running prose (English news prose is ~0.4,
# menus and headlines ~0.0-0.15).
PROSE_STOP_RATIO = 0.15
# Lines within this many lines before the body are searched for the caption and the byline.
LEAD_WINDOW = 4
# A caption is at most this many words (longer lines with "Photo:" are prose mentioning a photo).
CAPTION_MAX_WORDS = 50
# A title is between these many words.
TITLE_MIN_WORDS, TITLE_MAX_WORDS = 2, 30
# A line that repeats in the page is template (nav, "Support X", the title twice) when it has this
# many words or fewer, or does not end a sentence.
REPEAT_MAX_WORDS = 12
# A line is "good" prose when it has at least this many words and quality >= GOOD_QUALITY.
GOOD_WORDS, GOOD_QUALITY = 8, 0.6
# Prose density looks at this many non-widget lines on each side. Article bodies are runs of
# paragraphs (density near 1, even with "Advertisement" lines between them, which do not count);
# teaser lists alternate headline, author and excerpt (density near 1/3). Set on our fixtures.
DENSITY_RADIUS = 2
# A prose line opening with the same this-many characters as an earlier one repeats it (a summary
# or teaser of the body printed again further down the page).
OPENING_CHARS = 60
# A line of at least this many words that opens with an earlier line is a body flattened after its
# title, not a teaser card's "headline + excerpt" (an excerpt is a sentence or two, under 60 words).
FLAT_BODY_WORDS = 100
# A lone paragraph without chrome (a snippet) is kept as body if it has this many words or ends a sentence.
SNIPPET_MIN_WORDS = 3

_TITLE_SUFFIX = re.compile(r"\s+[|–—-]\s+[^|–—-]{2,60}$")


@dataclass(slots=True, frozen=True)
class Line:
    """One non-empty line of the page, with its index in `text.splitlines()` and its role."""

    text: str
    index: int
    role: Role


def _quality(f: LineFeatures) -> float:
    if f.sentence_end and f.stop_ratio >= PROSE_STOP_RATIO:
        q = 1.0
    elif f.sentence_end or f.stop_ratio >= PROSE_STOP_RATIO:
        q = 0.6
    else:
        q = 0.25
    return q * 0.5 if f.has_url else q


def _best_run(weights: Sequence[float]) -> tuple[int, int, float]:
    """The maximum-sum contiguous run [start, end) of `weights` (Kadane), with its sum."""
    best, best_start, best_end = 0.0, 0, 0
    total, start = 0.0, 0
    for i, w in enumerate(weights):
        if total <= 0:
            total, start = w, i
        else:
            total += w
        if total > best:
            best, best_start, best_end = total, start, i + 1
    return best_start, best_end, best


def _density(feats: Sequence[LineFeatures], quality: Sequence[float], widget: Sequence[bool]) -> list[float]:
    """Share of good prose lines among the lines around each line, not counting widget-vocabulary
    lines ("Advertisement", "Share"), which interrupt bodies and lists alike (those get 1)."""
    kept = [i for i in range(len(feats)) if not widget[i]]
    good = [feats[i].words >= GOOD_WORDS and quality[i] >= GOOD_QUALITY for i in kept]
    out = [1.0] * len(feats)
    r = DENSITY_RADIUS
    for k, i in enumerate(kept):
        lo, hi = max(0, k - r), min(len(kept), k + r + 1)
        out[i] = sum(good[lo:hi]) / (hi - lo)
    return out


def segment(text: str) -> list[Line]:
    """Give every non-empty line of a flattened page a role (see `Role`)."""
    idx: list[int] = []
    lines: list[str] = []
    gaps: list[int] = []
    gap = 0
    for i, raw in enumerate(text.splitlines()):
        s = raw.strip()
        if not s:
            gap += 1
            continue
        idx.append(i)
        lines.append(s)
        gaps.append(gap)
        gap = 0
    n = len(lines)
    if not n:
        return []
    feats = [measure(s) for s in lines]
    keys = [normalise(s) for s in lines]
    counts = Counter(keys)
    widget = [is_chrome(s, f.words) for s, f in zip(lines, feats, strict=False)]
    seen_openings: dict[str, tuple[str, bool]] = {}  # opening -> the first line with it, and whether a title
    chrome = []
    for f, k, w in zip(feats, keys, widget, strict=False):
        repeated = counts[k] > 1 and (f.words <= REPEAT_MAX_WORDS or not f.sentence_end)
        opening = k[:OPENING_CHARS] if f.words >= GOOD_WORDS else ""
        earlier = seen_openings.get(opening) if opening else None
        # A body-length line that goes on from a whole earlier headline is no teaser of it: a page flattened
        # to one line after its title, which the line repeats (a teaser card's excerpt is a sentence or two,
        # and a copy of the body opens with a sentence, not a headline).
        flattened = (
            earlier is not None and earlier[1] and f.words >= FLAT_BODY_WORDS and k.startswith(earlier[0])
        )
        teaser = earlier is not None and not flattened
        chrome.append(w or f.numeric or repeated or teaser)
        if opening:
            seen_openings.setdefault(
                opening, (k, TITLE_MIN_WORDS <= f.words <= TITLE_MAX_WORDS and not f.sentence_end)
            )
    walls = [opens_comments(s) for s in lines]
    # A story's list of sources costs nothing to cross, and counts for no side in the density: on a page of
    # brief reports each story ends with one and the next story goes on (it is never body itself).
    sources = source_blocks(lines)

    quality = [_quality(f) for f in feats]
    density = _density(feats, quality, [w or c for w, c in zip(widget, sources, strict=True)])
    weights: list[float] = []
    owner: list[int] = []  # line position behind each weight (-1 for a section gap)
    for i in range(n):
        if i and gaps[i] >= 2:
            weights.append(-SECTION_GAP_COST)
            owner.append(-1)
        if walls[i]:
            w = WALL
        elif sources[i]:
            w = 0.0
        elif chrome[i]:
            w = -CHROME_COST
        else:
            w = feats[i].words * quality[i] * density[i] - BASE_WORDS
        weights.append(w)
        owner.append(i)
    s0, s1, score = _best_run(weights)
    body_lines = [owner[k] for k in range(s0, s1) if owner[k] >= 0]
    roles: list[Role] = ["chrome"] * n
    if score <= 0 or not body_lines:
        # No run of prose: a lone snippet (one short paragraph, no chrome) is still a body.
        for i in range(n):
            if (
                not chrome[i]
                and not walls[i]
                and (feats[i].words >= SNIPPET_MIN_WORDS or feats[i].sentence_end)
            ):
                roles[i] = "body"
        return [Line(lines[i], idx[i], roles[i]) for i in range(n)]
    first, last = body_lines[0], body_lines[-1]
    for i in range(first, last + 1):
        if chrome[i] or sources[i]:
            continue
        roles[i] = "caption" if is_caption(lines[i]) and feats[i].words <= CAPTION_MAX_WORDS else "body"

    _mark_lead(lines, feats, keys, counts, chrome, roles, first)
    dateline = _split_run_on_title(lines, feats, roles, first)
    opener = next((i for i in range(last + 1, n) if walls[i]), None)
    if opener is not None:
        region = range(opener, n)
        for i, role in zip(
            region, comment_roles([lines[i] for i in region], [feats[i] for i in region]), strict=False
        ):
            roles[i] = role  # type: ignore[assignment]
    out = [Line(lines[i], idx[i], roles[i]) for i in range(n)]
    if dateline is not None:
        at, text = dateline
        out.insert(at, Line(text, idx[at], "byline"))
    return out


def _mark_lead(
    lines: list[str],
    feats: list[LineFeatures],
    keys: list[str],
    counts: Counter[str],
    chrome: list[bool],
    roles: list[Role],
    first: int,
) -> None:
    """Title, byline and caption among the lines before the body (and the body's first line)."""
    head = _TITLE_SUFFIX.sub("", lines[0]).casefold()
    title = None
    for i in range(first - 1, -1, -1):
        f = feats[i]
        if not TITLE_MIN_WORDS <= f.words <= TITLE_MAX_WORDS or f.numeric or is_chrome(lines[i], f.words):
            continue
        if counts[keys[i]] > 1 or (i > 0 and keys[i] == " ".join(head.split())):
            title = i
            break
    if title is None:
        title = _nearest_headline(lines, feats, chrome, first)
    if title is None and first > 0:
        f = feats[0]
        if TITLE_MIN_WORDS <= f.words <= TITLE_MAX_WORDS and not is_chrome(lines[0], f.words):
            title = 0
    if title is not None:
        roles[title] = "title"
    stop = title if title is not None else -1
    seen = 0
    for i in range(first - 1, stop, -1):
        if chrome[i] and not (title is not None and i == title + 1):
            continue
        s, f = lines[i], feats[i]
        if is_caption(s) and f.words <= CAPTION_MAX_WORDS:
            roles[i] = "caption"
        elif f.words <= REPEAT_MAX_WORDS and (is_byline(s) or find_date(s) is not None):
            roles[i] = "byline"
        elif title is not None and i == title + 1 and is_name(s, f):
            roles[i] = "byline"  # an author's name printed alone under the headline
        seen += 1
        if seen >= LEAD_WINDOW:
            break


def _split_run_on_title(
    lines: list[str], feats: list[LineFeatures], roles: list[Role], first: int
) -> tuple[int, str] | None:
    """A page flattened after its title ("Title Monday, June 30, 2008 South Korean police ..."): when the
    body's first line is headline-like and the next body line opens with it word for word, the first line
    is the title and the next line's copy of it is cut off; a full date that then opens the line is its
    dateline, returned (with the line it came off) to stand as a byline before it."""
    title = next((i for i in range(first) if roles[i] == "title"), None)
    if title is None:
        f = feats[first]
        if (
            first + 1 < len(lines)
            and roles[first] == "body"
            and TITLE_MIN_WORDS <= f.words <= TITLE_MAX_WORDS
            and not f.sentence_end
            and lines[first + 1].startswith(lines[first] + " ")
        ):
            roles[first] = "title"
            title = first
    if title is None:
        return None
    after = next((i for i in range(title + 1, len(lines)) if roles[i] == "body"), None)
    if after is None or not lines[after].startswith(lines[title] + " "):
        return None
    lines[after] = lines[after][len(lines[title]) :].strip()
    cut = leading_date(lines[after])
    if not cut:
        return None
    dateline = lines[after][:cut].strip()
    lines[after] = lines[after][cut:]
    return after, dateline


def _nearest_headline(
    lines: list[str], feats: list[LineFeatures], chrome: list[bool], first: int
) -> int | None:
    """The closest line before the body that reads as a headline: a few words, no final period."""
    seen = 0
    for i in range(first - 1, -1, -1):
        if chrome[i]:
            continue
        s, f = lines[i], feats[i]
        seen += 1
        if seen > LEAD_WINDOW:
            return None
        if is_caption(s) or is_byline(s) or find_date(s) is not None or is_name(s, f):
            continue
        if TITLE_MIN_WORDS < f.words <= TITLE_MAX_WORDS and not s.endswith("."):
            return i
    return None


def extract_text(page: Page, settings: Settings = DEFAULT) -> Article:
    """A flattened page → an Article (title, byline, captions, body paragraphs, comments).

    Raises `ExtractionError` naming the page when no line of it reads as body text.
    """
    lines = segment(page.content)
    paragraphs: list[str] = []
    stories: list[int] = []  # a digest: the paragraphs that open a story after a list of sources
    after_sources = False
    for ln, listed in zip(lines, source_blocks([ln.text for ln in lines]), strict=True):
        after_sources = after_sources or listed
        if ln.role == "body":
            if after_sources and paragraphs:
                stories.append(len(paragraphs))
            after_sources = False
            paragraphs.append(ln.text)
    if not paragraphs:
        raise ExtractionError(page.source, "no body text: no line of the page reads as prose")
    article = Article(source=page.source, id=page.id, url=page.url, extractor=EXTRACTOR)
    article.paragraphs = paragraphs
    article.captions = [ln.text for ln in lines if ln.role == "caption"]
    article.chrome_dropped = sum(1 for ln in lines if ln.role == "chrome")
    article.title = next((ln.text for ln in lines if ln.role == "title"), None)
    article.stories = stories or headline_stories(article.title, paragraphs)
    for ln in lines:
        if ln.role != "byline":
            continue
        if is_byline(ln.text) or find_date(ln.text) is None:
            article.authors.extend(a for a in byline_authors(ln.text) if a not in article.authors)
        if article.published is None:
            article.published = find_date(ln.text)
    if article.published is None:
        article.published_latest = _dateline_bound(lines)
    article.comments = list(_comments(lines))
    return article


def _dateline_bound(lines: list[Line]) -> dt.date | None:
    """The end of the month of a standalone "MONTH YEAR" line before the body (an archive or issue
    dateline): the page was published no later than that, though the day is unknown."""
    for ln in lines:
        if ln.role == "body":
            return None
        found = find_month(ln.text)
        if found is not None:
            year, month = found
            return dt.date(year, month, calendar.monthrange(year, month)[1])
    return None


def _comments(lines: list[Line]):
    author: str | None = None
    text: list[str] = []
    for ln in lines:
        if ln.role == "comment_author":
            if text:
                yield Comment(text="\n".join(text), author=author)
            author, text = ln.text, []
        elif ln.role == "comment_text":
            text.append(ln.text)
    if text:
        yield Comment(text="\n".join(text), author=author)


__all__ = ["EXTRACTOR", "Line", "Role", "extract_text", "segment"]
