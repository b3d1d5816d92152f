"""Articles about a trial: the violence they tell without a date of its own is the crime being judged.

A report of a verdict or a sentence ("Gunman jailed for life over airport bus shooting") retells the
crime at length, mostly with no day written ("He opened fire on the bus, killing two airmen"), and the
coder would date those sentences to the day of publication. A trial is no event (the codebook codes
what happened, on the day it happened), and the article rarely writes that day. So in an article whose
headline tells a verdict, a sentence or a trial, an event none of whose sentences writes a date is
background; one dated in its own words ("protesters gathered outside the court on Monday") stays.
Written from how courts are reported, not from any one article.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from frontwire.events.base import DroppedSentence
from frontwire.events.consolidate import writes_date
from frontwire.records import EventMention

# A headline that tells a verdict, a sentence or a trial. Not "court", "judge" or "charged": courts
# also order, judges rule on elections, and a suspect is charged days after the act the story reports.
TRIAL_HEADLINE = re.compile(
    r"\b(?:sentenced|jailed|convicted|verdict|found guilty|acquitted|trial"
    r"|life sentence|life imprisonment"
    # a headline's present tense: "ICC convicts two militia leaders", "Court jails gunman", "Judge acquits"
    r"|convicts|sentences(?=\s+(?!of\b)\w)|jails|acquits)\b",
    re.I,
)
REASON = "background: the crime a trial judges, told with no date of its own"
# A protest at the trial or against its outcome ("Dozens of free speech advocates protested the conviction
# outside the courthouse"): no crime being judged, but the news of the trial's day.
_AT_TRIAL = re.compile(
    r"\b(?:protest\w*|rall(?:y|ied|ies)|demonstrat\w*|gathered|marched|picketed)\b[^.;]{0,60}?"
    r"\b(?:court\w*|trial|verdict|conviction|sentenc\w*|ruling|hearing|judges?)\b",
    re.I,
)


def tells_trial(title: str | None) -> bool:
    """Whether the headline tells a verdict, a sentence or a trial."""
    return bool(title and TRIAL_HEADLINE.search(title))


def judged_crimes(events: Sequence[EventMention]) -> tuple[list[EventMention], list[DroppedSentence]]:
    """The events of a trial article that stay (those that write a date), and the others as dropped."""
    kept, dropped = [], []
    for ev in events:
        if writes_date(ev) or not ev.evidence or _protests_trial(ev):
            kept.append(ev)
        else:
            dropped.append(DroppedSentence(ev.evidence[0].text, ev.evidence[0].start, REASON))
    return kept, dropped


def _protests_trial(ev: EventMention) -> bool:
    """A protest whose first sentence tells it at the trial or against its outcome."""
    return ev.event_type == "Protests" and bool(_AT_TRIAL.search(ev.evidence[0].text))
