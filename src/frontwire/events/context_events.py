"""Events told only as context: first told after an article's lead and placed no finer than a region.

A news article reports its occurrences in its lead (headline, lead paragraph and the one after it) and gives
context: what happened elsewhere in the province, the toll of the wider campaign, a party's version of
events "in the country", an older episode. An occurrence the body reports as news of its own is told
with the place where it happened ("two others were wounded in al-Qaim"); one the body mentions as
context is told at the scale of a region or a country ("strikes on supply convoys in North Darfur",
"the army said it had deployed troops"). So an event whose every evidence span lies after the lead and
whose place resolved no finer than a region (geo-precision 3, or no place at all) is context, not a new
occurrence, and can be left out; one that a lead sentence also tells stays whatever its place.

An option, not the default (`Settings.context_events = False`, `--no-context-events`). Measured on the
whole-article sets by halves (bench/news.py; the lead's size and the region-only test were chosen on the
even halves, the odd halves only reported; P / R / F1 kept -> left out): our modern
articles (corpus/articles-dev) even 0.632/0.938/0.755 -> 0.722/0.891/0.797, odd 0.568/0.852/0.681 ->
0.641/0.759/0.695; Wikinews even 0.745/0.707/0.726 -> 0.830/0.672/0.743, odd 0.442/0.460/0.451 ->
0.478/0.440/0.458. Two paragraphs of lead (headline and lead only) raised precision more but lowered an
odd half's F1; four scored about as three. On the 60 articles nobody developed on
(corpus/articles-heldout) it raised precision less and cost more recall: 0.509/0.746/0.605 ->
0.546/0.623/0.582. An event in a village the gazetteer lacks is placed at its region and, told after
the lead, goes with the context; so the events are kept unless a user asks for precision.
"""

from __future__ import annotations

from frontwire.events._text import paragraph_spans
from frontwire.events.rules.timeframe import LEAD_PARAGRAPHS  # the lead the time frame is read from
from frontwire.records import EventMention

# Geo-precision of a place coded only to its region or country (records.Location).
REGION_ONLY = 3


def told_as_context(event: EventMention, lead_end: int) -> bool:
    """True when every evidence span of `event` starts at or after `lead_end` (an offset into the body)
    and its place is no finer than a region."""
    if not event.evidence or any(span.start < lead_end for span in event.evidence):
        return False
    return event.place is None or event.place.geo_precision >= REGION_ONLY


def without_context(body: str, events: list[EventMention]) -> list[EventMention]:
    """The events of one article, those told only as context left out. A body of no more paragraphs
    than the lead (an event note, a snippet, a one-paragraph brief) is all lead."""
    spans = paragraph_spans(body)  # numbered as the time frame's lead numbers them
    if len(spans) <= LEAD_PARAGRAPHS:
        return events
    lead_end = spans[LEAD_PARAGRAPHS][0]
    return [ev for ev in events if not told_as_context(ev, lead_end)]
