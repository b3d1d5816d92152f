"""Vocabulary of page chrome, comment widgets, captions and bylines, as precompiled regexes.

The words are the generic ones that site templates and comment systems (WordPress, wpDiscuz,
Disqus, Facebook comments, newsletter and cookie widgets) print on millions of pages, not the
text of any one site. `frontwire.article.text` asks these predicates about single lines.
"""

from __future__ import annotations

import datetime as dt
import re

# Short lines that are template furniture when they *start* a line of a few words.
_CHROME_START = re.compile(
    r"^(?:advertisement|advertisment|advertising|sponsored|ad\b|skip to|jump to|share\b|tweet\b|facebook\b|"
    r"twitter\b|whatsapp\b|pinterest\b|linkedin\b|reddit\b|telegram\b|email\b|e-mail\b|copy link|print\b|"
    r"read (?:more|next|also|full)|see (?:also|all|more)|more (?:on|from|about|stories|news)\b|related\b|"
    r"recommended|trending|most (?:popular|read|viewed|shared)|popular\b|sign (?:in|up|out)|log ?(?:in|out)|"
    r"subscribe|newsletter|support (?:us|our)?|donate|follow (?:us|me)|tags?\s*:|topics?\s*:|"
    r"filed (?:under|to)|"
    r"categor(?:y|ies)\s*:|posted in|loading|menu\b|search\b|home\b|next (?:article|post|story)|"
    r"previous (?:article|post|story)|enlarge|click (?:here|to)|image \d+ of|photo \d+ of|you may also|"
    r"back to|view (?:gallery|more|all)|watch\b|listen\b|load more|show more|open in app|download|"
    r"all rights reserved|copyright|©|privacy|terms (?:of|and)|cookie|contact\b|about us|editor'?s pick)",
    re.I,
)
# Widget sentences that are chrome at any length: cookie banners, newsletter pitches, paywalls.
# Matched against the lower-cased line, without a leading word boundary, which keeps the scan fast.
_CHROME_ANYWHERE = re.compile(
    r"(?:we use cookies|uses cookies|this (?:web)?site uses|accept (?:all )?cookies|"
    r"cookie (?:policy|settings)|"
    r"sign up (?:for|to) (?:our|the)|subscribe to (?:our|the)|our newsletter|in your inbox|"
    r"all rights reserved|javascript (?:is )?(?:disabled|required)|enable javascript|"
    r"your browser (?:does not|doesn't) support|already a subscriber|create (?:a free|an) account|"
    r"this story has been shared|terms of (?:use|service))\b"
)
# Widget sentences are at least this long; shorter lines are left to the start vocabulary and the
# prose weight (a short line never pays for itself).
_WIDGET_SENTENCE_MIN_WORDS = 5
# Lines that open a comment section (WordPress, wpDiscuz, Disqus, generic "N comments").
_COMMENT_START = re.compile(
    r"^(?:\d+\s+(?:comments?|responses?|replies|thoughts?)\b|comments?\s*(?:\(\d+\)|\d+)?\s*:?$|"
    r"(?:leave|post|add|write|submit) (?:a |your )?(?:reply|comment|response)|notify of|"
    r"newest (?:most voted|oldest)|"
    r"oldest newest|inline feedbacks|view all comments|join the (?:discussion|conversation)|"
    r"(?:log|sign) ?in to (?:comment|reply|post)|you must be logged in|comments are closed|show comments|"
    r"sort by (?:best|newest|oldest|top)|be the first to comment|would love your thoughts|"
    r"what do you think\?|discussion\b|reader comments|responses to|one (?:response|comment|thought) on)",
    re.I,
)
# Single-purpose lines of a comment widget, around and between comments.
_COMMENT_WIDGET = re.compile(
    r"^(?:reply|report|like|likes|share|flag|upvote|downvote|vote|edit|delete|permalink|guest|newest|oldest|"
    r"best|top|load more|show more|view more|hide|collapse|expand|subscribe|login|log in|sign up|name|email|"
    r"website|post comment|submit|cancel reply|reply to|in reply to|\d+\s*(?:likes?|replies|votes?|points?)|"
    r"\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago|"
    r"save my name|your email address will not be published|required fields are marked|"
    r"this site uses akismet|notify me of|[\d\s+\-−|·•]+$)",
    re.I,
)
# Matched against the lower-cased line; no leading word boundary, which keeps the scan fast.
_CAPTION = re.compile(
    r"(?:(?:photo|image|picture|foto|photograph|credit|illustration|source)s?\s*(?:by\s*)?[:©]|"
    r"\(\s*(?:ap|afp|reuters|epa)\s+photo|/\s*(?:reuters|afp|ap|epa|getty|anadolu|tass|ria novosti)\b|"
    r"via getty|getty images|shutterstock|©|[.(]\s*(?:file|archive|stock) (?:photo|image|picture)\)?\.?$)"
)
# The heading of a story's list of sources, and one cited work: a quoted title, then a dash and the outlet
# (and usually a date).
_SOURCE_HEADING = re.compile(
    r"^(?:sources?|references|external links|related (?:news|stories|articles)|further reading)\s*:?$", re.I
)
_CITATION = re.compile(r"[\"“][^\"”]{3,}[\"”]\s*(?:[—–]|-{1,2}|\(|,)\s*\S")
_BYLINE = re.compile(r"^(?:by|written by|words by|reporting by|posted by|von|por|par)\s+\S", re.I)

_MONTHS = {
    m: i
    for i, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for m in names
}
_MONTH = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE_MDY = re.compile(_MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})", re.I)
_DATE_DMY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(\d{4})", re.I)
_DATE_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def is_chrome(line: str, words: int) -> bool:
    """Template furniture: widget vocabulary on a short line, or a widget sentence at any length."""
    if words <= 12 and _CHROME_START.match(line):
        return True
    return words >= _WIDGET_SENTENCE_MIN_WORDS and _CHROME_ANYWHERE.search(line.lower()) is not None


def source_blocks(lines: list[str]) -> list[bool]:
    """Which lines belong to a list of sources: a heading ("Sources", "References", "Related news") and
    the citation lines under it ('Reuters. "Title" —BBC News Online, March 29, 2007'). Wiki-style news and
    digests of brief reports end each story with one, and the next story goes on after it. A heading with no
    citation under it ("Related articles" over teasers) is no list of sources."""
    out = [False] * len(lines)
    heading: int | None = None  # the open block's heading
    for i, line in enumerate(lines):
        if _SOURCE_HEADING.match(line):
            heading = i
        elif heading is not None and _CITATION.search(line):
            out[heading] = out[i] = True  # a heading counts once a citation follows it
        else:
            heading = None
    return out


def opens_comments(line: str) -> bool:
    return _COMMENT_START.match(line) is not None


def is_comment_widget(line: str) -> bool:
    return _COMMENT_WIDGET.match(line) is not None or _COMMENT_START.match(line) is not None


def is_caption(line: str) -> bool:
    return _CAPTION.search(line.lower()) is not None


def is_byline(line: str) -> bool:
    return _BYLINE.match(line) is not None


def find_date(line: str) -> dt.date | None:
    """The first full calendar date (day, month and year) written in the line, if any."""
    for pattern, order in ((_DATE_MDY, "mdy"), (_DATE_DMY, "dmy"), (_DATE_ISO, "ymd")):
        m = pattern.search(line)
        if not m:
            continue
        a, b, c = m.groups()
        try:
            if order == "mdy":
                return dt.date(int(c), _month(a), int(b))
            if order == "dmy":
                return dt.date(int(c), _month(b), int(a))
            return dt.date(int(a), int(b), int(c))
        except ValueError:
            continue
    return None


_LEADING_DATE = re.compile(
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:"
    + _DATE_MDY.pattern
    + "|"
    + _DATE_DMY.pattern.removeprefix(r"\b")
    + r")\s+(?=[A-Za-z])",
    re.I,
)


def leading_date(line: str) -> int:
    """The length of a full date that opens a line of prose ("Friday, July 22, 2005 A string of ..."),
    as a flattened page keeps its dateline; 0 when the line opens otherwise."""
    m = _LEADING_DATE.match(line)
    return m.end() if m and find_date(m.group(0)) is not None else 0


def find_month(line: str) -> tuple[int, int] | None:
    """(year, month) when the whole line is a month and a year, as archive and issue datelines are."""
    m = _MONTH_LINE.match(line.strip())
    if not m:
        return None
    return int(m.group(2)), _month(m.group(1))


def _month(name: str) -> int:
    key = name.lower().rstrip(".")
    return _MONTHS.get(key) or _MONTHS[key[:3]]


_MONTH_LINE = re.compile(
    r"^(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s+((?:19|20)\d\d)$",
    re.I,
)
_BYLINE_SPLIT = re.compile(r"\s*(?:,|\band\b|&|\|)\s*")
_NOT_NAME = re.compile(r"\d|@|\b(?:updated|published|posted|staff|reporter|correspondent|editor)\b", re.I)


def byline_authors(line: str) -> list[str]:
    """Names in a byline such as "By Jane Doe and John Roe | May 3, 2024"."""
    text = _BYLINE.sub(lambda m: m.group(0)[-1], line, count=1) if _BYLINE.match(line) else line
    text = re.split(r"\s[|•·—–-]\s|\bon\s+" + _MONTH, text, maxsplit=1, flags=re.I)[0]
    names = []
    for part in _BYLINE_SPLIT.split(text):
        part = part.strip(" .")
        if part and not _NOT_NAME.search(part) and 1 <= len(part.split()) <= 4 and part[0].isupper():
            names.append(part)
    return names
