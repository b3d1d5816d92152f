"""Counts, spans and trends: sentences that sum many occurrences instead of reporting one.

`discourse.discourse_reason` asks `aggregate_reason` for the quantifier + plural + time-span patterns
that English news uses to sum up violence, beside its own counts ("504 attacks") and period phrases
("so far this year"). Each pattern here counts only when the sentence names no day of its own (the
caller checks): "several bombs exploded in the market on Sunday" reports one occurrence with its day.

- a vague quantifier over a plural event noun: "several attacks", "a spate of kidnappings", "repeated
  raids", "won several battles";
- the number of times a place was hit: "has been attacked several times", "for the fifth time";
- a total over the story: "altogether", "to date", "the toll of the war";
- a trend: "a drop in the number of rockets", "the frequency of attacks has fallen", "kidnappings have
  increased", "attacks on journalists are rising", "attacks are not uncommon";
- a toll of a period stressed as such: "bombings killed 400 people in March alone", "this year alone";
- a total over several acts: "the raids ... left a total of 80 dead", "the attacks killed 40 in all";
- a toll told over a period, not a day: "killed 320 people in the province last year", "died in 2023",
  "in the first half of the year", "killed ... between January and August";
- a toll in the thousands: "have killed tens of thousands of soldiers" (no one act news reports kills
  thousands; a war or a campaign does).

Written from the codebook (an event is one occurrence on one day at one place) and from how wire and
monitor copy phrase sums and trends, not from any one article. A span of weeks or months ("during the
three-week offensive") was tried too and dropped: it took events told with their span as often as sums.
A part of many counted ("11 of the incidents") and a toll over a numbered few ("killing 31 in the two
attacks") were tried as well: they changed only the halves we develop on, and were dropped.
"""

from __future__ import annotations

import calendar
import re

from frontwire.events.rules.typing_words import alternation

_EVENT_PLURALS = (
    "attacks", "bombings", "blasts", "explosions", "incidents", "strikes", "airstrikes", "air strikes",
    "raids", "clashes", "battles", "skirmishes", "killings", "murders", "abductions", "kidnappings",
    "hijackings", "shootings", "ambushes", "assaults", "massacres", "operations", "offensives",
    "incursions", "arrests", "detentions", "executions", "assassinations", "bombardments",
)  # fmt: skip
# Gatherings, summed only by a vague count ("a number of rallies", "numerous protests"): news tells a
# crowd's own gathering in the present perfect ("have staged demonstrations outside embassies in Rome,
# Paris ..."), so the other patterns below leave them alone.
_GATHERING_PLURALS = ("protests", "rallies", "demonstrations", "marches", "riots", "sit-ins")
_VAGUE = (
    "several", "many", "multiple", "numerous", "countless", "various", "frequent", "repeated",
    "regular", "sporadic", "a number of", "a spate of", "a wave of", "a string of", "a spree of",
    "a rash of", "a campaign of", "a litany of", "dozens more",
)  # fmt: skip
_COUNTED = alternation(_EVENT_PLURALS + _GATHERING_PLURALS)
_VAGUE_COUNT = re.compile(rf"\b(?:{alternation(_VAGUE)})\s+(?:[\w-]+\s+){{0,2}}?(?:{_COUNTED})\b", re.I)
_NUMBER_WORDS = (
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen",
    "twenty", "thirty", "forty", "fifty", "a hundred", "several", "many", "numerous", "multiple", "a few",
)  # fmt: skip
_NUMBER = rf"(?:\d+|{alternation(_NUMBER_WORDS)})"
_ORDINAL = r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))"
# "attacked three times in January" is a count ACLED still codes at month precision; "several times",
# "three times before", "for the fifth time" are not bounded by any period.
_VAGUE_TIMES = r"(?:several|many|numerous|multiple|countless|a few|a number of|(?:dozens|hundreds|scores) of)"
_TIMES = re.compile(
    rf"\b{_VAGUE_TIMES}\s+times\b(?!\s+(?:as|more|higher|larger|bigger|the))|\bfor the {_ORDINAL} time\b"
    rf"|\btime and again\b|\b{_NUMBER}\s+times?\s+(?:before|previously|in the past|since|over the)\b",
    re.I,
)
# A total over the whole story. "A total of 12 people were killed in the attack" is one event's toll and
# is not one of these.
_TOTAL = re.compile(
    r"\b(?:altogether|all told|cumulative(?:ly)?|combined toll|overall toll|running total|to date"
    r"|thus far)\b",
    re.I,
)
# A total told of several acts named as a plural ("The raids on the four villages left a total of 80 dead",
# "the attacks killed 40 people in all"): the sum of events coded one by one. "Twin bombings" are one
# occurrence in two blasts and keep their total.
_PLURAL_TOTAL = re.compile(
    rf"\b(?:the|these|those|all|its|their)\s+(?!twin\b)(?:[\w-]+\s+)?(?:{alternation(_EVENT_PLURALS)})\b"
    r"[^.;]{0,120}?\b(?:a total of|in total|in all)\b",
    re.I,
)
# A period stressed as the span of a toll: "in March alone", "this year alone", "last month alone".
_PERIOD_ALONE = re.compile(
    r"\b(?:in|during|this|last|so far this)\s+(?:the\s+)?(?:(?:first|past|last|\w+)\s+)?"
    r"(?:week|month|year|quarter|half|january|february|march|april|may|june|july|august|september|october"
    r"|november|december|(?:19|20)\d\d)\s+alone\b",
    re.I,
)
# A toll in the thousands: a war's or a campaign's, not one act's.
_THOUSANDS = r"(?:tens of thousands|hundreds of thousands|thousands|millions)"
_MASS_TOLL = re.compile(
    r"\b(?:killed|kill|kills|killing|claimed the lives of|left|died|dead)\s+"
    rf"(?:more than |over |nearly |almost |some |about |around |at least )?{_THOUSANDS}\b"
    rf"|\b{_THOUSANDS} (?:of \w+ )?(?:have|had) (?:been killed|died)\b",
    re.I,
)
# A toll of a whole war or insurgency: "the conflict has killed more than 5,000 people", "died in the
# insurgency", "since the war began".
_WARS = (
    r"(?:war|civil war|conflict|insurgency|uprising|rebellion|revolution|intifada|crisis|campaign|occupation)"
)
_WAR_TOLL = re.compile(
    rf"\b(?:the|this|its|their)\s+(?:[\w-]+\s+){{0,2}}?{_WARS}\b[^.;]{{0,40}}?\b(?:has|have|had|which)\s+"
    r"(?:\w+\s+)?(?:killed|claimed|left|cost|displaced)\b"
    rf"|\b(?:killed|died|dead|lost their lives|casualties)\b[^.;]{{0,40}}?\b(?:in|during|since)\s+"
    rf"(?:the|its|this)\s+(?:[\w-]+\s+){{0,2}}?{_WARS}\b",
    re.I,
)
# A toll told in the past over a period rather than a day: "killed 320 people in the province last year",
# "died in 2023", "were killed in the first half of the year". A bare year after "in" is the period (not
# "in May 2024", a month, nor "in 2024 when ...", a date given later).
_TOLL_WORDS = r"(?:killed|killing|kill|died|dead|deaths|lost their lives|were wounded|injured)"
_PART_OF_YEAR = r"in the (?:first|second|last|past) (?:\w+ )?(?:half|quarter|months?|weeks?|years?)(?: of)?"
_MONTH = rf"(?:{'|'.join(calendar.month_name[1:])})"
_WHOLE_PERIOD = (
    r"(?:last|this|that|the previous|the past) year|(?:in|during) (?:19|20)\d\d\b"
    r"(?!\s*(?:,\s*)?(?:when|after|as)\b)"
    rf"|{_PART_OF_YEAR}|between {_MONTH}(?: \d{{1,2}})? and {_MONTH}\b"
)
# The period may come first when it is a part of a year: "In the first four months of this year, more than
# 300 civilians were killed in the region".
_PERIOD_TOLL = re.compile(
    rf"\b{_TOLL_WORDS}\b[^.;]{{0,80}}?\b(?:{_WHOLE_PERIOD})|\b{_PART_OF_YEAR}\b[^.;]{{0,120}}?\b{_TOLL_WORDS}\b",
    re.I,
)
_CHANGE_NOUNS = (
    "rise", "increase", "drop", "decline", "decrease", "surge", "spike", "upsurge", "fall", "reduction",
    "escalation", "uptick", "downturn", "jump",
)  # fmt: skip
_MEASURES = ("number", "frequency", "level", "levels", "rate", "count", "intensity", "scale")
_CHANGE_VERBS = (
    "increased", "decreased", "risen", "rose", "fallen", "fell", "dropped", "declined", "doubled",
    "tripled", "surged", "soared", "grown", "grew", "climbed", "spiked", "intensified", "escalated",
    "subsided", "diminished", "eased",
)  # fmt: skip
_TREND = re.compile(
    rf"\b(?:{alternation(_CHANGE_NOUNS)})\s+in\s+(?:the\s+)?(?:(?:{alternation(_MEASURES)})\s+of|"
    rf"(?:\w+\s+)?(?:{alternation(_EVENT_PLURALS)}|violence|attacks))\b"
    rf"|\b(?:{alternation(_MEASURES)})\s+of\s+(?:\w+\s+){{1,3}}?(?:has|have|had)\s+(?:\w+\s+)?"
    rf"(?:{alternation(_CHANGE_VERBS)})\b"
    rf"|\b(?:{alternation(_EVENT_PLURALS)}|violence|hostility|threats)(?:\s+\w+){{0,4}}?\s+(?:has|have|had)\s+"
    rf"(?:\w+\s+)?(?:{alternation(_CHANGE_VERBS)})\b"
    r"|\b(?:are|is|were|was|remain|remains)\s+(?:not\s+)?(?:uncommon|common|commonplace|routine|rare"
    r"|widespread|endemic|a daily occurrence)\b"
    rf"|\b(?:{alternation(_EVENT_PLURALS)}|violence)(?:\s+[\w-]+){{0,4}}?\s+(?:are|is|were|was)\s+(?:still\s+)?"
    r"(?:rising|increasing|growing|escalating|intensifying|declining|falling|decreasing"
    r"|on the (?:rise|increase))\b",
    re.I,
)


# The present perfect over a plural of events ("militants have carried out attacks on ...", "dozens have
# been killed in clashes with ...") sums occurrences up to now; a lead reporting one act uses a
# singular ("gunmen have attacked a convoy") or a small number ("twin bombings have killed 30").
_PERFECT = r"\b(?:has|have|had)\s+(?:\w+\s+)?(?:been\s+)?[a-z]+(?:ed|en|t|wn|ung|ght)\b"
_SMALL = re.compile(r"\b(?:twin|two|three|both|the|these|those|its|their|\d+)\s+(?:[\w-]+\s+)?$", re.I)
_PLURAL = re.compile(rf"\b(?:{alternation(_EVENT_PLURALS)})\b", re.I)
_PERFECT_RE = re.compile(_PERFECT, re.I)


def _perfect_over_plural(text: str) -> bool:
    """A present perfect and, within a clause of it, a plural of events with no small count or article."""
    perfect = _PERFECT_RE.search(text)
    if perfect is None:
        return False
    for m in _PLURAL.finditer(text):
        between = text[min(m.start(), perfect.start()) : max(m.end(), perfect.end())]
        if len(between) > 80 or ";" in between:
            continue
        if not _SMALL.search(text[max(0, m.start() - 30) : m.start()]):
            return True
    return False


# A count spread over many places: "arrested 390 suspects across the country", "61 people were arrested across
# the Paris region overnight", "destroyed 64 drones over nine regions", "protests in more than 30 cities". One
# event is at one place (codebook: an operation reported in three towns is three events); a count over a
# country or over several regions names none of them, whatever day it gives.
_PLACE_PLURALS = (
    "regions", "provinces", "cities", "towns", "districts", "states", "countries", "localities", "counties",
    "prefectures", "oblasts", "governorates", "departments", "municipalities",
)  # fmt: skip
# A number written out: a vague one ("in several cities") may tell one operation broadly, as a strike or a
# raid is often told.
_SPREAD_NUMBER = alternation(tuple(w for w in _NUMBER_WORDS if " " not in w and w not in _VAGUE))
_SPREAD = re.compile(
    r"\b(?:across|throughout|all over)\s+(?:the|a)\s+(?:whole\s+|entire\s+)?(?-i:[A-Z][\w-]+\s+)?"
    r"(?:country|nation|region|province|state|territory)\b|\bnationwide\b|\bcountrywide\b"
    r"|\b(?:in|across|over)\s+(?:more than\s+|at least\s+|some\s+|about\s+|nearly\s+)?"
    rf"(?:\d+|{_SPREAD_NUMBER}|dozens of|scores of)\s+(?:other\s+)?(?:{alternation(_PLACE_PLURALS)})\b",
    re.I,
)
_COUNT = re.compile(rf"\b(?:\d[\d,]*|dozens|scores|hundreds|thousands|{_SPREAD_NUMBER})\b", re.I)


# What ends the clause a spread's count must stand in: "Across the country on Monday, two people were killed
# in Kano" and "marched in Lagos on Monday, as protests spread across the country" tell one place's act.
_CLAUSE_END = re.compile(r"[,;:()]|\b(?:as|while|after|when|but)\b", re.I)


def spread_reason(text: str) -> str | None:
    """Why `text` sums acts over many places instead of reporting one, or None (any day it gives): the count
    is the places' ("in more than 30 cities"), or stands before the spread in its clause ("arrested 390
    suspects across the country")."""
    for m in _SPREAD.finditer(text):
        clause = _CLAUSE_END.split(text[: m.start()])[-1]
        if _COUNT.search(m.group(0)) or _COUNT.search(clause):
            return "aggregate: a count spread over a country or many places"
    return None


def aggregate_reason(text: str) -> str | None:
    """Why `text` sums or compares many occurrences instead of reporting one, or None. The caller checks
    that the sentence names no day of its own."""
    if _VAGUE_COUNT.search(text):
        return "aggregate: an unnumbered count of events"
    if _TIMES.search(text):
        return "aggregate: a place hit several times"
    if _TOTAL.search(text) or _PLURAL_TOTAL.search(text):
        return "aggregate: a total"
    if _PERIOD_ALONE.search(text):
        return "aggregate: a toll of a period"
    if _MASS_TOLL.search(text):
        return "aggregate: a toll in the thousands"
    if _WAR_TOLL.search(text):
        return "aggregate: the toll of a war or insurgency"
    if _PERIOD_TOLL.search(text):
        return "aggregate: a toll over a period"
    if _TREND.search(text):
        return "trend, not a discrete event"
    if _perfect_over_plural(text):
        return "aggregate: events summed up to now (a present perfect over a plural)"
    return None
