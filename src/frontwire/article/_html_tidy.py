"""Tidy an extracted body: drop the chrome lines extractors let through, each drop with its reason.

Extractors keep the repeated headline, a dateline, share/subscribe/copyright lines, "Related:" link
lists, contact lines ("Write to … at …@…") and CSS class names leaking out of hidden lists. Each rule
below is a named predicate over one line and its place in the body; the rules were written against
our own fixture pages and the patterns news sites share, then checked on the extraction benchmark
(bench/extraction.py) as a whole, never tuned to one of its pages. Hands `Tidied(paragraphs, dropped)`
to `frontwire.article.html`, where `dropped` counts lines per rule.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

_WORD = re.compile(r"\w+")
_YEAR = re.compile(r"\b(19|20)\d\d\b")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
_URL_LINE = re.compile(r"^(https?://|www\.)\S+$")
_SLUG = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)+$")
_LIST_ITEM = re.compile(r"^[-•*·]\s")

# Lines up to this long can be chrome; a longer line is prose even if it mentions "subscribe".
# 160 characters is about two lines of a news column: promo lines on our fixtures are well under it.
MAX_CHROME_CHARS = 160
# A dateline is short: "Monday, 22 January 2018, 10:13 GMT / Updated 14 hours ago" is ~60 characters.
MAX_DATELINE_CHARS = 80
# In a dateline at least this share of the words are numbers (day, year, hours, minutes).
MIN_DATELINE_DIGIT_SHARE = 0.3
# Datelines and bylines sit in the first or last lines of the extracted body.
EDGE_LINES = 2
# A trailing line with at most this many words and no sentence punctuation is a label ("Tags", "Share").
MAX_TRAILING_LABEL_WORDS = 3
# Contact lines ("Write to Jane Doe at jane@example.com") are short.
MAX_CONTACT_CHARS = 240

_CHROME_START = re.compile(
    r"^(share( this)?( article| story| on \w+)?|tweet|e-?mail this|print( this)?( article| page)?"
    r"|order reprints|text size|advertisement|sponsored( content)?|read more|read next|more from"
    r"|don'?t miss|recommended"
    r"|see also|you (may|might) also like|related( articles| stories| posts| coverage| content| topics)?"
    r"|tags?|filed under|topics|sign up|subscribe|follow (us|him|her|me|them)|copyright|©|\(c\) \d{4}"
    r"|all rights reserved|click here|get the latest|most (read|popular|viewed)|trending( now)?"
    r"|this copy is for your personal|an error has occurred|thank you for|(image|photo|video) credits?:)"
    r"\b",
    re.IGNORECASE,
)
_CHROME_ANYWHERE = re.compile(
    r"all rights reserved|\bcopyright\s*(©|\(c\)|\d{4})|©\s*\d{4}|sign up for (our|the)\b|subscribe to our\b"
    r"|\bnewsletters?\b.{0,40}\binbox\b|follow (us|him|her|them) on (twitter|facebook|instagram|x\b)"
    r"|for personal,? non-commercial use",
    re.IGNORECASE,
)
_RELATED_HEADER = re.compile(
    r"^(related|read more|read also|also read|more on this|more from|see also|don'?t miss|recommended"
    r"|you (may|might) also like|further reading)\b",
    re.IGNORECASE,
)
_CONTACT = re.compile(r"\b(write to|reach(ed)?|contact|e-?mail|tips?\b|follow)", re.IGNORECASE)


@dataclass(slots=True)
class Tidied:
    paragraphs: list[str]
    dropped: Counter[str] = field(default_factory=Counter)


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def _is_dateline(line: str) -> bool:
    if len(line) > MAX_DATELINE_CHARS or not _YEAR.search(line):
        return False
    words = _WORD.findall(line)
    return bool(words) and sum(w.isdigit() for w in words) / len(words) >= MIN_DATELINE_DIGIT_SHARE


def _is_chrome(line: str) -> bool:
    if len(line) > MAX_CHROME_CHARS:
        return False
    bare = _LIST_ITEM.sub("", line)
    return bool(_CHROME_START.match(bare) or _CHROME_ANYWHERE.search(bare))


def _is_contact(line: str) -> bool:
    return len(line) <= MAX_CONTACT_CHARS and bool(_EMAIL.search(line)) and bool(_CONTACT.search(line))


def _is_label(line: str) -> bool:
    words = _WORD.findall(line)
    return len(words) <= MAX_TRAILING_LABEL_WORDS and not re.search(r"[.!?:;\"”]$", line)


def _reason(line: str, index: int, count: int, repeats: set[str]) -> str | None:
    """Why `line` (the index-th of count body lines) is chrome, or None when it is body text."""
    bare = _LIST_ITEM.sub("", line).strip()
    if not _WORD.search(bare):
        return "no-words"
    if _key(bare) in repeats:
        return "title-or-caption-repeat"
    if _URL_LINE.match(bare) or _SLUG.match(bare):
        return "url-or-slug"
    if _is_chrome(line):
        return "boilerplate-phrase"
    if _is_contact(line):
        return "contact-line"
    at_edge = index < EDGE_LINES or index >= count - EDGE_LINES
    if at_edge and _is_dateline(bare):
        return "dateline"
    return None


def tidy(lines: Iterable[str], title: str | None, captions: Iterable[str]) -> Tidied:
    """The body lines minus chrome; `dropped` counts the removed lines per reason."""
    lines = list(lines)
    repeats = {_key(text) for text in (title or "", *captions) if _key(text)}
    out = Tidied([])
    in_related_list = False
    for index, line in enumerate(lines):
        if in_related_list and _LIST_ITEM.match(line):
            out.dropped["related-list"] += 1
            continue
        in_related_list = False
        reason = _reason(line, index, len(lines), repeats)
        if reason is not None:
            out.dropped[reason] += 1
            if len(line) <= MAX_CHROME_CHARS and _RELATED_HEADER.match(line):
                in_related_list = True
            continue
        out.paragraphs.append(line)
    while len(out.paragraphs) > 1 and _is_label(out.paragraphs[-1]):
        out.paragraphs.pop()
        out.dropped["trailing-label"] += 1
    return out
