"""An event's day from around its sentences: what the coder reads beyond an event's own words to date it.

`coding.event_date` dates an event from its sentences; this module gives it the sentences that follow
(`following`), moves a multi-day episode told as one to the day it began (`episode_day`), and, when an
event's opening sentence is background, keeps the part of it that tells an act of its own day
(`dated_rest`).
"""

from __future__ import annotations

import datetime as dt

from frontwire.events._text import split_sentences
from frontwire.events.dates import DateContext
from frontwire.events.rules.coding import episode_start, tells_episode
from frontwire.events.rules.grouping import EventDraft
from frontwire.events.rules.timeframe import dates_its_day

# The sentences after one of an event's that may write when a multi-day episode began, or when the act
# took place ("... during a three-day offensive. The operation began on Monday ..."), and how far to look.
FOLLOW_SENTENCES = 2
FOLLOW_CHARS = 800


def following(body: str, end: int) -> list[str]:
    """The FOLLOW_SENTENCES sentences of `body` after the one that ends at `end`."""
    return [x.text for x in split_sentences(body[end : end + FOLLOW_CHARS])][:FOLLOW_SENTENCES]


def episode_day(ev: EventDraft, body: str, ctx: DateContext, date: dt.date | None) -> dt.date | None:
    """The first day of the multi-day episode one of the event's sentences tells as one, as that sentence
    or the FOLLOW_SENTENCES after it write it; None when none does. Only a sentence that tells an episode
    has the sentences after it read."""
    for part in ev.parts:
        text = part.sentence.text
        if not tells_episode(text):
            continue
        if (start := episode_start(text, following(body, part.sentence.end), ctx, date)) is not None:
            return start.date
    return None


def dated_rest(ev: EventDraft, ctx: DateContext) -> EventDraft | None:
    """The event's sentences from the first after its opening one that writes a day of its own ("on
    Thursday"), when its opening sentence is background: a headline that recalls "last month's raid"
    before the lead tells this week's ambush, or a lead that recalls an old attack before a sentence that
    tells today's."""
    for i, part in enumerate(ev.parts[1:], start=1):
        if not part.detail and dates_its_day(part.sentence.text, ctx):
            return EventDraft(part.typing, ev.parts[i:])
    return None
