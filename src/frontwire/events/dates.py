"""Event dates read from a sentence and resolved against the article's reference date.

Hands `DateMention`s (date, ACLED time_precision, offsets, whether it dates an announcement) to the
extractor. The reference date is the publication date; without one it is the first full date
(with a year) in the text, and without that, year-less dates stay unresolved.

Rules: a date without a year takes the reference year, or the year before when that would put it
after the publication date ("May 16" read in an article of 2 May 2024 is 16 May 2023); weekdays
("on Saturday", "last Tuesday") are the latest such day on or before the reference date, and a weekday
followed in its clause by "last week" ("during Friday prayers last week") is that day of the week before;
"N days ago", "yesterday" count back from it; a holiday on a fixed day ("on Christmas Eve", "on New
Year's Day") is its latest day on or before it; "last week"/"earlier this week"/"in the past week" and a
weekend ("over the weekend": its Saturday) are precision 2,
"earlier this month"/"last month"/"in May" precision 3 coded to the middle of the month (not after
the reference date). Explicit dates after the publication date are announcements of the future
and are dropped. A vague phrase followed at once by the day it means ("earlier this month, on
February 1", "last week, on Tuesday", "overnight on Saturday") is dated by that day alone. A date
that follows a speech verb ("announced on May 16") is marked as the date of the announcement.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_MONTH2 = _MONTH.replace("month", "month2")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_DAY2 = _DAY.replace("day", "day2")
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "ten": 10,
}

_EXPLICIT = re.compile(
    rf"\b(?:{_MONTH}\s+{_DAY}(?!\d)(?![\s,]+(?:[0-3]?\d)\b(?!,? ?(?:19|20)\d\d)){_YEAR}"
    rf"|(?:the\s+)?{_DAY2}(?:\s+of)?\s+{_MONTH2}{_YEAR.replace('year', 'year2')})\b",
    re.I,
)
_ISO = re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")
_WEEKDAY = re.compile(
    r"\b(?P<last>last\s+|this\s+past\s+|on\s+)?(?P<wd>" + "|".join(_WEEKDAYS) + r")\b", re.I
)
_RELATIVE = re.compile(
    r"\b(?P<phrase>yesterday|today|this morning|this afternoon|this evening|tonight|last night|overnight"
    r"|(?P<n>\d+|a|an|one|two|three|four|five|six|seven|ten)\s+(?P<unit>days?|weeks?|months?)\s+ago"
    r"|last week|earlier this week|this week|earlier this month|this month|last month|earlier this year"
    r"|(?:in|over|during) the (?:past|last) (?:week|seven days)|this past week|earlier in the week"
    r"|(?P<weekend>(?:last|this|this past|over the|at the|on the) weekend))\b",
    re.I,
)
_MONTH_ONLY = re.compile(
    rf"\b(?:mid-|(?:in|during|since|early|late|mid)\s+){_MONTH}(?:\s+(?P<year>(?:19|20)\d\d))?\b", re.I
)
# Holidays on a fixed day of the year, written as a day ("on Christmas Day", "on New Year's Eve 2019").
# Not a bare "Christmas" or "New Year" ("a Christmas market", "ahead of the New Year"), which names no day.
_HOLIDAYS = {
    "christmas eve": (12, 24),
    "christmas day": (12, 25),
    "christmas": (12, 25),
    "boxing day": (12, 26),
    "new year's eve": (12, 31),
    "new year's day": (1, 1),
    "new year's": (1, 1),
}
_HOLIDAY = re.compile(
    r"\b(?:(?:on|over|during)\s+)?(?P<h>Christmas\s+(?:Eve|Day)|Boxing\s+Day|New\s+Year['’]s\s+(?:Eve|Day)"
    r"|(?<=on\s)(?:Christmas|New\s+Year['’]s)(?!\s+(?:Eve|Day)))(?:,?\s+(?P<year>(?:19|20)\d\d))?\b"
)
# The day a weekend is coded to: its Saturday (ACLED precision 2 is coded to the middle of the span).
_SATURDAY = 5
# A span of the last seven days is coded to its middle, this many days before the reference date.
PAST_WEEK_MIDDLE = 3
# What stands between a vague phrase and the day that pins it down: "earlier this month, on February 1",
# "overnight on Saturday", "last week (Tuesday)".
_PINNED_BY = re.compile(r"^\s*[,(]?\s*(?:on\s+|the\s+)?$", re.I)
_ANNOUNCE_BEFORE = re.compile(
    r"\b(?:announced|said|stated|reported|claimed|declared|told|posted|published|added|confirmed|noted|wrote|tweeted)"
    r"(?:\s+\w+){0,2}\s+(?:on\s+)?$",
    re.I,
)


@dataclass(frozen=True, slots=True)
class DateMention:
    date: dt.date | None
    precision: int
    start: int
    end: int
    text: str
    announcement: bool = False


@dataclass(frozen=True, slots=True)
class DateContext:
    """The date that year-less and relative dates are read against, and where it came from."""

    reference: dt.date | None
    basis: str  # "published", "published-bound" (only an upper bound is known), "text" or "none"
    published: dt.date | None = None

    @classmethod
    def for_text(
        cls, published: dt.date | None, body: str, published_latest: dt.date | None = None
    ) -> DateContext:
        if published is not None:
            return cls(reference=published, basis="published", published=published)
        if published_latest is not None:
            # The page only says it was published by this date (e.g. a month dateline): read year-less
            # dates against it, and let no event fall after it.
            return cls(reference=published_latest, basis="published-bound", published=published_latest)
        for m in _EXPLICIT.finditer(body):
            year = m.group("year") or m.group("year2")
            if year:
                found = _make_date(
                    int(year), m.group("month") or m.group("month2"), m.group("day") or m.group("day2")
                )
                if found:
                    return cls(reference=found, basis="text")
        iso = _ISO.search(body)
        if iso:
            return cls(reference=dt.date(int(iso["y"]), int(iso["m"]), int(iso["d"])), basis="text")
        return cls(reference=None, basis="none")


def _make_date(year: int, month: str, day: str) -> dt.date | None:
    try:
        return dt.date(year, _MONTHS[month.lower().rstrip(".")], int(day))
    except (ValueError, KeyError):
        return None


# A weekday followed in its clause by "last week" ("during Friday prayers last week", "on Tuesday last week").
_LAST_WEEK_AFTER = re.compile(r"[^.;,]{0,25}?\blast week\b", re.I)
# A weekday its own clause sets in the future ("who was due to be named candidate on Sunday", "talks will
# resume on Monday", "a vote scheduled for Sunday"): no day of a past act. Read in the clause before the
# weekday, from its last comma, colon, dash or bracket; a possessive weekday ("Sunday's attack") names an
# act, whatever the clause plans for it.
_FUTURE_IN_CLAUSE = re.compile(
    r"\b(?:(?:will|shall|(?:is|are|was|were)\s+(?:due|set|scheduled|expected|planned|slated)\s+to"
    r"|(?:scheduled|planned|slated|set)\s+for)\b[^,;:—–()]*|\bnext\s+)$",  # "next Monday", not "next to"
    re.I,
)
_POSSESSIVE_AFTER = re.compile(r"['’]s\b")
# "Sunday, 29 October": the weekday written just before a date (a comma, "the" or nothing between).
_WEEKDAY_BEFORE = re.compile(
    r"\b(?P<wd>" + "|".join(_WEEKDAYS) + r")(?:\s+(?:morning|evening|night|afternoon))?,?\s+(?:the\s+)?$",
    re.I,
)
# How many years back a year-less date with a weekday may go when nothing else dates the text: a
# date falls on the same weekday again within 11 years at most.
WEEKDAY_YEAR_LOOKBACK = 11


def _weekday_before(text: str, start: int) -> int | None:
    m = _WEEKDAY_BEFORE.search(text[max(0, start - 30) : start])
    return _WEEKDAYS[m["wd"].lower()] if m else None


def _latest_with_weekday(month: str, day: str, weekday: int) -> dt.date | None:
    """A year-less date in a text with no other date: the latest year, up to this one, in which it fell
    on the weekday the text gives ("Monday 23 October")."""
    this_year = dt.date.today().year
    for year in range(this_year, this_year - WEEKDAY_YEAR_LOOKBACK, -1):
        date = _make_date(year, month, day)
        if date is not None and date.weekday() == weekday and date <= dt.date.today():
            return date
    return None


def _mid_month(year: int, month: int, ref: dt.date | None) -> dt.date:
    mid = dt.date(year, month, 15)
    return min(mid, ref) if ref and (ref.year, ref.month) == (year, month) else mid


def find_dates(text: str, ctx: DateContext) -> list[DateMention]:
    """Every date a sentence gives, resolved against `ctx`, in order of appearance."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    vague: set[int] = set()  # starts of relative phrases and bare months

    def add(date: dt.date | None, precision: int, m: re.Match[str], loose: bool = False) -> None:
        if any(s < m.end() and m.start() < e for s, e in taken):
            return
        if date and ctx.published and date > ctx.published:
            return
        announcement = bool(_ANNOUNCE_BEFORE.search(text[: m.start()]))
        taken.append((m.start(), m.end()))
        found.append(DateMention(date, precision, m.start(), m.end(), m.group(0), announcement))
        if loose:
            vague.add(m.start())

    ref = ctx.reference
    for m in _ISO.finditer(text):
        add(dt.date(int(m["y"]), int(m["m"]), int(m["d"])), 1, m)
    for m in _EXPLICIT.finditer(text):
        month = m.group("month") or m.group("month2")
        day = m.group("day") or m.group("day2")
        year = m.group("year") or m.group("year2")
        weekday = _weekday_before(text, m.start())
        if year:
            add(_make_date(int(year), month, day), 1, m)  # a written year wins: weekdays slip as often
        elif ref is None and weekday is not None:
            add(_latest_with_weekday(month, day, weekday), 1, m)
        elif ref:
            date = _make_date(ref.year, month, day)
            if date and ctx.basis == "published" and date > ref:
                date = _make_date(ref.year - 1, month, day)
            add(date, 1, m)
        else:
            add(None, 1, m)
    for m in _HOLIDAY.finditer(text):
        month, day = _HOLIDAYS[re.sub(r"\s+", " ", m["h"]).replace("’", "'").lower()]
        if m["year"]:
            add(dt.date(int(m["year"]), month, day), 1, m)
        elif ref:
            date = dt.date(ref.year, month, day)
            add(date if date <= ref else dt.date(ref.year - 1, month, day), 1, m)
    for m in _RELATIVE.finditer(text):
        add(*_relative(m, ref), m, loose=True)
    for m in _WEEKDAY.finditer(text):
        last_week = ref is not None and _LAST_WEEK_AFTER.match(text, m.end())
        if not last_week and any(0 <= s - m.end() <= 4 for s, _ in taken):
            continue  # "Saturday, October 7th": the explicit date says it
        if _FUTURE_IN_CLAUSE.search(text, max(0, m.start() - 120), m.start()) and not _POSSESSIVE_AFTER.match(
            text, m.end()
        ):
            continue
        if ref is None:
            add(None, 1, m)
            continue
        if last_week:
            # "on Tuesday last week", "during Friday prayers last week": that weekday of the week before
            # the reference's week.
            monday = ref - dt.timedelta(days=ref.weekday())
            add(monday - dt.timedelta(days=7 - _WEEKDAYS[m["wd"].lower()]), 1, m)
            continue
        back = (ref.weekday() - _WEEKDAYS[m["wd"].lower()]) % 7
        if back == 0 and m["last"] and m["last"].strip().lower() != "on":
            back = 7
        add(ref - dt.timedelta(days=back), 1, m)
    for m in _MONTH_ONLY.finditer(text):
        month = _MONTHS[m["month"].lower().rstrip(".")]
        if m["year"]:
            add(_mid_month(int(m["year"]), month, ref), 3, m, loose=True)
        elif ref:
            year = ref.year if month <= ref.month else ref.year - 1
            add(_mid_month(year, month, ref), 3, m, loose=True)
    found.sort(key=lambda d: d.start)
    return _pinned(text, found, vague)


def _pinned(text: str, found: list[DateMention], vague: set[int]) -> list[DateMention]:
    """`found` without each vague phrase that the next mention pins to a day ("earlier this month, on
    February 1"): that day dates what the phrase introduced. A weekday pinning a week ("last week, on
    Monday") is that week's."""
    out: list[DateMention] = []
    week: DateMention | None = None  # the vague week just pinned
    for i, d in enumerate(found):
        if week is not None and week.date and d.date:
            while d.date - week.date > dt.timedelta(days=PAST_WEEK_MIDDLE):
                d = replace(d, date=d.date - dt.timedelta(days=7))
        nxt = found[i + 1] if i + 1 < len(found) else None
        pinned = (
            d.start in vague
            and nxt is not None
            and nxt.start not in vague
            and nxt.date is not None
            and _PINNED_BY.match(text[d.end : nxt.start])
        )
        week = d if pinned and d.precision == 2 else None
        if not pinned:
            out.append(d)
    return out


def _relative(m: re.Match[str], ref: dt.date | None) -> tuple[dt.date | None, int]:
    phrase = m["phrase"].lower()
    if ref is None:
        return None, 1
    if phrase in ("today", "this morning", "this afternoon", "this evening", "tonight"):
        return ref, 1
    if phrase in ("yesterday", "last night", "overnight"):
        return ref - dt.timedelta(days=1), 1
    if m["unit"]:
        n = int(m["n"]) if m["n"].isdigit() else NUMBER_WORDS[m["n"].lower()]
        unit = m["unit"].lower().rstrip("s")
        if unit == "day":
            return ref - dt.timedelta(days=n), 1
        if unit == "week":
            return ref - dt.timedelta(days=7 * n), 2
        return _relative_month(ref, n), 3
    if phrase == "last week":
        return ref - dt.timedelta(days=7), 2
    if m["weekend"]:
        back = (ref.weekday() - _SATURDAY) % 7
        if back == 0 and phrase.startswith("last"):
            back = 7  # "last weekend" read on a Saturday is the one before
        return ref - dt.timedelta(days=back), 2
    if phrase == "earlier in the week":
        phrase = "earlier this week"
    elif "week" in phrase or "seven days" in phrase:  # "in the past week", "this past week"
        return ref - dt.timedelta(days=PAST_WEEK_MIDDLE), 2
    if phrase in ("earlier this week", "this week"):
        return ref - dt.timedelta(days=min(ref.weekday(), 3) or 1), 2
    if phrase in ("earlier this month", "this month"):
        return _mid_month(ref.year, ref.month, ref), 3
    if phrase == "last month":
        return _relative_month(ref, 1), 3
    return None, 3  # "earlier this year": too vague to date an event


def _relative_month(ref: dt.date, n: int) -> dt.date:
    year, month = ref.year, ref.month - n
    while month < 1:
        year, month = year - 1, month + 12
    return dt.date(year, month, 15)
