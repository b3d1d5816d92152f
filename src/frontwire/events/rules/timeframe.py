"""Events told as background: dated before the article's time frame, or set in an earlier year.

Hands the extractor a reason (or None) for an event whose date puts it outside what the article
reports. ACLED codes what a report says happened in its own time frame; the whole-article annotation
convention (eval/news/ANNOTATION.md, from ACLED's practice) keeps events of this month and last month
and treats older ones as background, not new events. Two checks:

- the event's resolved date falls before the first day of the month before publication;
- its first sentence sets it in an earlier year by a bare year ("were killed in Balkh in 2015",
  "seized control in a 2001 coup", "since 2009") that the date reader cannot turn into a day;
- its first sentence measures the story from it: "The raid came weeks after an ambush in ...", "The
  clash follows months of ..." (the act after "after" is earlier by days or more; the sentence's own
  subject re-tells the story's event).

Both need a publication date (or its upper bound): without one, dates are read against the text itself
and nothing can be called old. The time frame ends at publication, or at the article's first event when
that is earlier (a page dated by its crawl, years after it was written, keeps its lead event). Only an
event told in the lead (its first paragraphs) sets the frame that way: when the lead reports no event
(a release, a statement), the first event found further down is measured against publication like the
rest ("In March two aid workers were kidnapped" in an October story is background).

Inside the time frame, an event is still not the article's news (`stale_reason`) when the text dates it
only to a month ("killed in February", "earlier this month": a count, a campaign, an episode recalled;
a specific occurrence is bounded in time). On the filter's 520 training articles, with the filter off,
it left out 51 false events and no true one. A day more than two weeks before the news was tried as well
(16 more false events out) and dropped: the canonical page reports an ambush four weeks before its
airstrikes as news, and the annotation convention calls such events background, not false.
"""

from __future__ import annotations

import datetime as dt
import re

from frontwire.events.dates import DateContext, find_dates

# Months before the publication month that still count as the article's time frame: the annotation
# convention's "this month or last month". 2 (a month's slack for late round-ups) was measured against it
# on all four halves: 1 lowers the Wikinews development half (F1 0.678 -> 0.655: one rights group's
# report, published in March, of attacks in January) and raises the three others (Wikinews odd 0.442 ->
# 0.447, articles-dev even 0.646 -> 0.662, odd 0.642 -> 0.652).
WINDOW_MONTHS = 1
# A year written as the time of an act: after a preposition, or as a modifier ("a 2001 coup", "the 2015
# attack"). Years in names ("Resolution 2254") follow no such word.
_MONTHS = "january february march april may june july august september october november december".split()
_YEAR = re.compile(
    r"\b(?:in|since|during|from|until|of|by|before|between|a|an|the|early|late|mid-?)\s+"
    rf"(?:(?:early|late|mid-?|the|summer|winter|spring|autumn|fall|{'|'.join(_MONTHS)})\s+)?(?:of\s+)?"
    r"(?P<year>(?:19|20)\d\d)\b"
    r"(?!\s*(?:-|–|to)\s*(?:19|20)?\d\d)",
    re.I,
)
# A span of years ("posed from 1993 to 1997 as a campaigner", "in 2009-2012"): set in its last year.
_YEAR_SPAN = re.compile(r"\b(?:19|20)\d\d\s*(?:-|–|to|until|till)\s*(?P<year>(?:19|20)\d\d)\b", re.I)
# A time the text named before, told back to ("Late that month, government forces launched an offensive",
# "earlier that year", "during this period"): the story's past, not its news. Not "that day" or "that
# night", which go on with the day just told.
_THEN_TIME = re.compile(
    r"\bthat\s+(?:month|year|summer|winter|spring|autumn|fall|decade)\b|\bat that time\b"
    r"|\bduring\s+(?:this|that)\s+(?:time|period)\b",
    re.I,
)
# "the deadliest attack since 2007", "the first such attack in 2010": a comparison with an earlier year,
# not an earlier event.
_COMPARISON = re.compile(
    r"\b(?:deadliest|bloodiest|worst|biggest|largest|highest|lowest|heaviest|fiercest|greatest|longest|most"
    r"|first)\b[^.;]{0,50}$",
    re.I,
)
# Distance back in whole years: "arrested him more than a year ago", "last year", "two years earlier".
_YEARS_AGO = re.compile(
    r"\b(?:(?:a|one|two|three|four|five|several|many|\d+)\s+(?:years?|decades?)\s+(?:ago|earlier|before)"
    r"|last year|the previous year|the year before)\b",
    re.I,
)
_POSSESSIVE = re.compile(r"['’]s\b")
# "a police unit created last year", "a curfew imposed a year ago": when a thing was made, told in a
# participle that describes it, not when the sentence's act happened.
_MADE_THEN = re.compile(
    r"\b(?:created|formed|founded|set up|established|launched|elected|appointed|introduced|passed|adopted"
    r"|signed|built|opened|installed|imposed|declared|named|deployed|enacted|unveiled|inaugurated)\s+$",
    re.I,
)
# "came two weeks after an ambush", "follows days after", "comes months after": an earlier act named to
# set the scene. Hours are left out: "came hours after" may be the same day, a second event of the story.
_CAME_AFTER = re.compile(
    r"\b(?:came|comes|follows|followed|happened|occurred)\s+(?:just\s+|only\s+|barely\s+)?"
    r"(?:(?:a|one|two|three|four|five|six|several|a few|\d+)\s+)?(?:days?|weeks?|months?|years?)\s+"
    r"(?:after|since)\b",
    re.I,
)
_DATED_BASES = ("published", "published-bound")
MONTH_PRECISION = 3  # time_precision: only the month is known
MONTH_ONLY = "background: told only by its month"
# Paragraphs that make an article's lead: the headline, the lead paragraph and the one after it (news
# puts its main event in the first two body paragraphs; wire copy often splits the lead sentence off).
LEAD_PARAGRAPHS = 3
# Paragraphs that open an article: the headline and the lead paragraph (or the lead alone when the page's
# title was read apart). An event told there with its year written is the page's own news.
OPENING_PARAGRAPHS = 2


def window_start(ctx: DateContext, frame: dt.date | None = None) -> dt.date | None:
    """The first day the article's time frame covers, or None when the article has no publication date.
    `frame` is the date of the article's first event, when it is earlier than publication: a page's date
    may be when it was crawled (a WARC-Date), and the lead event sets the time frame then."""
    if ctx.basis not in _DATED_BASES or ctx.published is None:
        return None
    anchor = min(ctx.published, frame) if frame is not None else ctx.published
    year, month = anchor.year, anchor.month - WINDOW_MONTHS
    while month < 1:
        year, month = year - 1, month + 12
    return dt.date(year, month, 1)


def lead_frame(paragraph: int, ctx: DateContext) -> dt.date | None:
    """The frame for an article's first event, whose first sentence is in `paragraph` (counted from the
    headline): none when it is told in the lead (it sets the frame itself), else the publication date."""
    return None if paragraph < LEAD_PARAGRAPHS else ctx.published


def background_reason(
    date: dt.date | None,
    lead: str,
    ctx: DateContext,
    frame: dt.date | None = None,
    paragraph: int = 0,
) -> str | None:
    """Why an event dated `date`, whose first sentence is `lead` (in paragraph `paragraph` of the body), is
    background, or None. `frame` is the date of the article's first event (None for the first event
    itself, which sets the frame: only its year can make it background)."""
    start = window_start(ctx, frame)
    if start is None:
        return None
    # With only an upper bound on publication (a month dateline), the page may be weeks older than the
    # bound: only an earlier year is sure to be background.
    if frame is not None and date is not None and date < start and ctx.basis == "published":
        return "background: dated before the article's time frame"
    # An event whose own sentence writes its year ("On June 26, 2015, a gunman opened fire") before the
    # time frame of a dated article is background even when it is the article's first event, once the
    # article's opening is past: a report tells its news by weekday, and writes the year of what it looks
    # back on. An opening that writes its year (a monitor's record, "On 4 March 2017, ...") keeps its event:
    # the page's date may be when it was crawled.
    if date is not None and ctx.basis == "published" and paragraph >= OPENING_PARAGRAPHS:
        if date < (window_start(ctx) or date) and re.search(rf"\b{date.year}\b", lead):
            return "background: dated, with its year, before the article's time frame"
    for m in _YEARS_AGO.finditer(lead):
        # "last year's protests" names an earlier thing in a sentence that may date its own act to a day
        # of the time frame ("Clashes took place Monday near the symbol of last year's protests"); so does
        # a participle ("On Wednesday the National Guard, a force created last year, clashed with ...").
        describes = _POSSESSIVE.match(lead, m.end()) or _MADE_THEN.search(lead, 0, m.start())
        if not (describes and dates_its_day(lead, ctx, start)):
            return "background: a year or more before the article"
    if _CAME_AFTER.search(lead):
        return "background: an earlier act the story is measured from"
    if _THEN_TIME.search(lead) and not dates_its_day(lead, ctx, start):
        return "background: told at a time named before"
    for m in (*_YEAR.finditer(lead), *_YEAR_SPAN.finditer(lead)):
        compared = _COMPARISON.search(lead[max(0, m.start() - 60) : m.start()])
        if int(m.group("year")) < start.year and not compared:
            # A sentence that dates its act to a day of the time frame writes its earlier year for
            # something else ("marched on Thursday ... since the 2023 pension protests", "threw stones on
            # Saturday after a march marking the 2008 killing"). Years counted back ("a year ago today")
            # still make it background, above.
            return None if dates_its_day(lead, ctx, start) else "background: set in an earlier year"
    return None


def stale_reason(date: dt.date | None, precision: int, ctx: DateContext) -> str | None:
    """Why an event inside the time frame is still not the article's news, or None: the text dates it
    only to a month ("in March", "earlier this month": a count, a campaign, an episode recalled). Needs a
    publication date."""
    if ctx.basis != "published" or ctx.published is None or date is None:
        return None
    return MONTH_ONLY if precision >= MONTH_PRECISION else None


def dates_its_day(text: str, ctx: DateContext, start: dt.date | None = None) -> bool:
    """`text` writes a day (not an announcement), on or after `start` (the first day of the time frame)
    when one is given."""
    return any(
        d.precision == 1 and d.date is not None and (start is None or d.date >= start) and not d.announcement
        for d in find_dates(text, ctx)
    )
