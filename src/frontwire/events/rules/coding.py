"""Field-level coding helpers: default actors, the country vote, the event date, the notes sentence.

Each takes what the extractor has read from an event's sentences and returns one ACLED field.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from frontwire.events.actors import (
    CIVILIANS,
    EXTERNAL_FORCES,
    PROTESTERS,
    RIOTERS,
    STATE_FORCES,
    UNKNOWN_COUNTRY,
    ActorDictionary,
    ActorMention,
    Country,
    CountryLexicon,
)
from frontwire.events.dates import NUMBER_WORDS, DateContext, DateMention, find_dates
from frontwire.events.figures import Fatalities
from frontwire.events.rules.places import listed_together
from frontwire.records import EventMention

# Precision for an event dated only by its announcement ("X announced on May 16 that strikes hit"):
# the day is an upper bound, so we code 2 ("within the week"), keeping the announcement day as the date.
ANNOUNCEMENT_PRECISION = 2
# Weights of the kinds of country evidence: a country's name or one of its places says more than a
# demonym or an ISO code ("Russian jets" in Syria). Set by reading our own snippets.
COUNTRY_VOTE_WEIGHTS = {"place": 2.0, "name": 2.0, "demonym": 1.0, "iso": 1.0}
_KIND_WORDS = {
    "Battles": "clashed with",
    "Explosions/Remote violence": "carried out {sub} against",
    "Violence against civilians": "attacked",
    "Protests": "held a protest",
    "Riots": "rioted",
    "Strategic developments": "{sub}:",
}


@dataclass(frozen=True, slots=True)
class CodedActor:
    name: str
    inter: int


def default_actor1(event_type: str, country: str) -> CodedActor:
    """ACLED's actor when the text names none: protesters, rioters, or an unidentified armed group."""
    if event_type == "Protests":
        return CodedActor(f"Protesters ({country})", 6)
    if event_type == "Riots":
        return CodedActor(f"Rioters ({country})", 5)
    return CodedActor(f"Unidentified Armed Group ({country})", 3)


# Words for civilian people and places a strike or a destruction hits: ACLED then codes the civilians of
# the event's country as actor2 when the text names no other target (codebook: the victims are a side).
_CIVILIAN_TARGET = re.compile(
    r"\b(?:civilians?|residents?|villagers|residential|homes?|houses?|markets?|hospitals?|schools?|wedding"
    r"|funeral|mosques?|churche?s?|shops?|businesses|farmland|crops|(?:displacement|idp|refugee) camps?"
    r"|neighbou?rhoods?|passengers|worshippers|children|families)\b",
    re.I,
)
_ARMED_INITIATORS = frozenset((1, 2, 3, 4, 8))


def default_actor2(
    event_type: str, sub_type: str, actor1: CodedActor, text: str, country: str
) -> CodedActor | None:
    """Civilians as the side hit when the text names none: a remote strike on civilian people or places,
    or an armed group's looting or destruction of civilian property. None otherwise."""
    hits_civilians = bool(_CIVILIAN_TARGET.search(text))
    remote = event_type == "Explosions/Remote violence"
    destruction = sub_type == "Looting/property destruction" and actor1.inter in _ARMED_INITIATORS
    if hits_civilians and (remote or destruction):
        return CodedActor(f"Civilians ({country})", CIVILIANS)
    return None


_STATE = (STATE_FORCES, EXTERNAL_FORCES)
_MOB_INITIATORS = (3, 4, RIOTERS)  # political and identity militias lead mobs too


def demonstration_sides(
    sub_type: str, actor1: CodedActor, actor2: CodedActor | None, country: Country | None
) -> tuple[CodedActor, CodedActor | None]:
    """ACLED's sides of a demonstration, whatever the sentence's grammar made of them.

    A protest's actor1 is the protesters and a riot's the rioters (a mob's may be a militia). State
    forces named in a demonstration are the ones who intervened: actor2 of a protest with intervention
    or a riot, actor1 of excessive force against protesters (whose actor2 is the protesters). A
    peaceful protest has no actor2: whom it addresses (a government, a coalition) is not a side."""
    cname = country.name if country else UNKNOWN_COUNTRY
    state = next((a for a in (actor1, actor2) if a is not None and a.inter in _STATE), None)
    if sub_type == "Excessive force against protesters":
        police = state or CodedActor(_force(country, "Police"), STATE_FORCES)
        return police, default_actor1("Protests", cname)
    if sub_type in ("Peaceful protest", "Protest with intervention"):
        a1 = actor1 if actor1.inter == PROTESTERS else default_actor1("Protests", cname)
        if sub_type == "Peaceful protest":
            return a1, None
        other = actor2 if actor2 is not None and actor2.inter != PROTESTERS else None
        # An intervention the text tells without naming who ("were dispersed with tear gas", or the police
        # in a sentence of their own) is the police's: ACLED's actor2 of such a protest is the force.
        return a1, state or other or CodedActor(_force(country, "Police"), STATE_FORCES)
    if sub_type == "Mob violence" and actor1.inter in _MOB_INITIATORS:
        return actor1, actor2
    if sub_type in ("Violent demonstration", "Mob violence"):
        a1 = actor1 if actor1.inter == RIOTERS else default_actor1("Riots", cname)
        a2 = actor2 if actor2 is not None and actor2.inter != RIOTERS else None
        return a1, state if state is not None and a2 is None else a2
    return actor1, actor2


def _force(country: Country | None, kind: str) -> str:
    return country.force_name(kind) if country else f"{kind} Forces of {UNKNOWN_COUNTRY}"


class _Spans:
    """Character spans merged and sorted, so that whether a position falls inside one is a bisection."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for a, b in sorted(spans):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self.starts = [a for a, _ in merged]
        self.ends = [b for _, b in merged]

    def covers(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]


def police_country(countries: CountryLexicon, actors: Sequence[ActorMention | None]) -> Country | None:
    """The country whose police the event names by nationality ("Peruvian police", "Kenyan riot
    police"): police act in their own state, so an event whose sentences name no place of their own is
    there, not in the country the rest of the article is about (a digest's other story, the country a
    protest is against). An army abroad says nothing of the kind."""
    for a in actors:
        if a is not None and a.entry.country and a.entry.name.startswith("Police Forces of"):
            return countries.get(a.entry.country)
    return None


def vote_country(
    mentions: Sequence[Any], exclude: Sequence[tuple[int, int]], weights_excl: Sequence[Any] | None = None
) -> Country | None:
    """The country most of `mentions` point to; mentions inside an excluded span (an actor's name) skip."""
    tally: Counter[str] = Counter()
    by_name: dict[str, Country] = {}
    shared = _Spans(exclude)  # one article's actor names can be thousands: looked up by bisection
    for i, m in enumerate(mentions):
        if weights_excl is not None:
            if any(a <= m.start < b for a, b in weights_excl[i]):
                continue
        elif shared.covers(m.start):
            continue
        tally[m.country.name] += COUNTRY_VOTE_WEIGHTS[m.kind]
        by_name[m.country.name] = m.country
    if not tally:
        return None
    return by_name[tally.most_common(1)[0][0]]


def same_side(claimant: str, actor: ActorMention, actors: ActorDictionary, countries: CountryLexicon) -> bool:
    """Whether the claimant speaks for the actor (same entry, or the actor's country's demonym)."""
    found = actors.find(claimant)
    if any(f.entry.name == actor.entry.name for f in found):
        return True
    demonyms = [c for c in countries.find(claimant) if c.kind in ("demonym", "name")]
    return bool(actor.entry.country and demonyms and demonyms[0].country.name == actor.entry.country)


def event_date(
    texts: Sequence[str],
    ctx: DateContext,
    last: DateMention | None,
    lead: str | None = None,
    trigger: int | None = None,
    following: Sequence[str] = (),
) -> tuple[dt.date | None, int, DateMention | None]:
    """The event's date and precision from its sentences, else from the `lead` sentence that sets the
    scene just before them ("On 7 May 2020, ... . Two soldiers were killed."), else from one of the
    `following` sentences that opens by telling when it took place, else the previous event's, else the
    reference. Of several dates in the first sentence, one right after its event word (`trigger`, an
    offset in it) dates the event: "was charged in court today after being arrested on Thursday" is an
    arrest on Thursday."""
    found = [_after_dateline(t, find_dates(t, ctx)) for t in texts]
    if texts and _dateline_only(texts[0], found[0]) and any(not d.announcement for f in found[1:] for d in f):
        # A lead dated only by its wire dateline ("QUITO, March 10, 2023 - At least six inmates were
        # killed") is dated by a later sentence that writes the act's day ("The fighting broke out early on
        # Tuesday").
        found[0] = []
    mentions = [d for dates in found for d in dates]
    real = [d for d in mentions if not d.announcement and d.date is not None]
    own = [d for d in found[0] if not d.announcement and d.date is not None] if texts else []
    after = [d for d in own if trigger is not None and 0 <= d.start - trigger <= TRIGGER_DATE_REACH]
    # "gave death tolls on Monday for Friday's attack": a day written as the act's possessive, just before it
    before = [d for d in own if trigger is not None and _owns(texts[0], d, trigger)]
    if len(own) > 1 and (after or before):
        first = (after or before)[0]
        return first.date, first.precision, first
    if texts and not own and last is not None and last.date is not None:
        step = SEQUEL_DAY.match(texts[0])
        if step is not None:  # "The next day, ...", "Two days later, ...": counted from the event before
            n = step.group("n") or step.group("nb")
            days = (int(n) if n.isdigit() else NUMBER_WORDS[n.lower()]) if n else 1
            day = last.date + dt.timedelta(days=-days if step.group("back") else days)
            if ctx.published is None or day <= ctx.published:
                mention = DateMention(day, last.precision, step.start(), step.end(), step.group(0))
                return day, last.precision, mention
    if real and not own and last is not None and last.date is not None and real[0].date < last.date:
        # Only a sentence joined to the event writes a day, and an earlier one than the story was at: it
        # tells another occasion ("Smaller crowds gathered in Kandy. The demonstrations were peaceful, a
        # contrast with March 31, when a crowd tried to storm ..."); the event keeps the story's day.
        return last.date, last.precision, last
    if not real and lead:
        opening = [d for d in find_dates(lead, ctx) if _opens(lead, d)]
        real = [d for d in opening if not d.announcement and d.date is not None]
    if real:
        return real[0].date, real[0].precision, real[0]
    for text in following:  # "... police said on Tuesday. The killings took place on April 7, but ..."
        if (told := _TOOK_PLACE.match(text)) is not None:
            day = [d for d in find_dates(text, ctx) if d.date is not None and d.start >= told.end() - 1]
            if day:
                return day[0].date, day[0].precision, day[0]
    announced = [d for d in mentions if d.announcement and d.date is not None]
    if announced:
        return announced[0].date, ANNOUNCEMENT_PRECISION, last
    if last is not None and last.date is not None:
        return last.date, last.precision, last
    if ctx.reference is not None:
        return ctx.reference, 2, last
    return None, 3, last


# A protest told on two days at once ("protested in Cairo yesterday, the anniversary of his inauguration,
# and today", "rallied on Saturday and Sunday"): ACLED codes one event per day, so the second day is coded
# too. Only two days of the same sentence, joined by "and" with no act of their own between them.
_AND_DAY = re.compile(r"^[^.;]{0,80}?\band\s+(?:again\s+)?(?:on\s+)?$", re.I)


def second_day(text: str, ctx: DateContext, first: dt.date | None) -> dt.date | None:
    """The second day a protest sentence gives its act, or None (see `_AND_DAY`)."""
    days = [d for d in find_dates(text, ctx) if d.date is not None and d.precision == 1]
    days = [d for d in days if not d.announcement]
    if first is None or len(days) != 2 or days[0].date != first or not first < days[1].date:
        return None
    if ctx.published is not None and days[1].date > ctx.published:
        return None
    return days[1].date if _AND_DAY.match(text[days[0].end : days[1].start]) else None


# A multi-day episode told as one, with one total ("killed 50 insurgents during a three-day offensive",
# "after five days of fighting"): ACLED codes it once, on its first day, with the span's precision. The
# first day is what the text says the episode began on ("The operation began on Monday"); a span with no
# start written keeps the day the text gives.
_SPAN_NUMBER = r"(?:\d{1,2}|" + "|".join(w for w in NUMBER_WORDS if w not in ("a", "an", "one")) + ")"
_EPISODE = re.compile(
    rf"\b{_SPAN_NUMBER}[- ]day[- ](?:long\s+)?(?:\w+\s+)?(?:offensive|operation|assault|battle|siege|campaign"
    r"|raids?|fighting|clashes|sweep|crackdown|protests?|sit-in|standoff|stand-off|incursion)\b"
    rf"|\b{_SPAN_NUMBER}\s+days\s+of\s+(?:\w+\s+)?(?:fighting|clashes|combat|battles?|raids|operations|shelling"
    r"|bombardments?|air\s?strikes|protests?|demonstrations|rioting|unrest)\b",
    re.I,
)
_BEGAN = re.compile(
    r"\b(?:since|began|begun|started|commenced|broke\s+out|erupted|got\s+under\s?way|(?:was|were|had\s+been)\s+launched"
    r"|launched\s+(?:the|an?|its|their)\s+(?:\w+\s+)?(?:operation|offensive|assault|attack|campaign|raids?|sweep))\b",
    re.I,
)
# How far a start date may sit after its verb ("began early on Monday morning"), and how long an episode
# that one report tells as one may last.
_BEGAN_REACH = 30
_EPISODE_MAX_DAYS = 31


def tells_episode(text: str) -> bool:
    """The sentence tells a multi-day episode as one ("during a three-day offensive")."""
    return _EPISODE.search(text) is not None


def episode_start(
    first: str, following: Sequence[str], ctx: DateContext, date: dt.date | None
) -> DateMention | None:
    """The first day of the multi-day episode the sentence `first` tells as one, when it or one of the
    `following` sentences writes when the episode began; None otherwise (and for a single act)."""
    if date is None or not tells_episode(first):
        return None
    for text in (first, *following):
        for verb in _BEGAN.finditer(text):
            for d in find_dates(text, ctx):
                # Right after "began", a day dates the start even where a speech verb precedes it
                # ("which it said began on Monday"), which `find_dates` reads as the day of the saying.
                if d.date is None or not 0 <= d.start - verb.end() <= _BEGAN_REACH:
                    continue
                if d.date <= date and (date - d.date).days <= _EPISODE_MAX_DAYS:
                    return d
    return None


# A sentence that opens by telling when the act just told happened: "The killings took place on April 7".
_TOOK_PLACE = re.compile(
    r"^[\"“]?(?:The|This|That|These|Those|It)\b(?:\s+[\w-]+){0,3}?\s+(?:took\s+place|happened|occurred)\s"
)


def _dateline_only(text: str, dates: list[DateMention]) -> bool:
    """`text` writes one date, the filing day in its wire dateline."""
    line = _DATELINE_DATE.match(text)
    return line is not None and len(dates) == 1 and dates[0].end <= line.end()


def _after_dateline(text: str, dates: list[DateMention]) -> list[DateMention]:
    """`dates` without the day of the wire dateline `text` opens with, when the text writes another:
    "ABIDJAN, May 27 (Reuters) - ... overran the town on Saturday" files on the 27th a capture on Saturday."""
    line = _DATELINE_DATE.match(text)
    if line is None or len(dates) < 2 or dates[0].end > line.end():
        return dates
    return dates[1:]


# A sentence that opens on the day after the event told before it ("The next day", "On the following
# morning", "Two days later"), or the day before it ("The day before", "On the previous night", "Two days
# earlier"): its day is counted from that event's. Only at the opening, where the phrase dates what the
# sentence tells ("talks will resume the next day" dates no act).
SEQUEL_DAY = re.compile(
    r"^[\"“]?(?:(?:and|but|then)\s+)?(?:(?:on|by|early|late)\s+)?(?:"
    r"(?:the\s+)?(?:next|following)\s+(?:day|morning|afternoon|evening|night)"
    r"|the\s+day\s+after(?:wards?)?(?=\s*,)"
    r"|(?P<n>a|one|two|three|four|five|six|\d)\s+days?\s+later"
    r"|(?P<back>the\s+(?:day|night|evening)\s+before(?=\s*,)"
    r"|the\s+previous\s+(?:day|morning|afternoon|evening|night)"
    r"|(?P<nb>a|one|two|three|four|five|six|\d)\s+days?\s+(?:earlier|before)(?=\s*,)))\b",
    re.I,
)
# A wire dateline that carries the filing day: "ABIDJAN, May 27 (Reuters) -", "KABUL, Feb 16 -",
# "BUNIA, Democratic Republic of Congo, Feb 12 -", and with a colon as South Asian outlets write it
# ("Imphal, Oct 10:", "Srinagar, March 3 (PTI):").
_DATELINE_DATE = re.compile(
    r"^[\"“]?[A-Z][A-Za-z'’.]*(?:[ -][A-Z][A-Za-z'’.]*){0,3}"  # the city
    r"(?:,\s*[A-Z][A-Za-z'’.]*(?:\s+(?:of|the|and|[A-Z][A-Za-z'’.]*)){0,4}(?=,))?,"  # a country or state
    r"[^—–:\n()]{3,24}?(?:\([^)\n]{1,40}\))?\s*(?:[—–-]{1,2}|:)\s"  # the day, the agency, the dash
)
# A date starting this close after the event word (in characters) is the event's own ("arrested on
# Thursday", "killed in an air strike on Monday"): a verb and a short phrase after it, not a clause away.
TRIGGER_DATE_REACH = 25
# A day written as the possessive of the event's word ("Friday's attack", "Sunday's deadly bombing"), at most
# this many characters before it.
_POSSESSIVE_REACH = 15
_POSSESSIVE = re.compile(r"['’]s\s")


def _owns(text: str, date: DateMention, trigger: int) -> bool:
    """`date` is written as the possessive of the event word at offset `trigger` ("Friday's attack")."""
    return _POSSESSIVE.match(text, date.end) is not None and 0 < trigger - date.end <= _POSSESSIVE_REACH


# A scene-setting sentence opens with its date ("On 7 May 2020, ...", "Late on Tuesday, ..."); a date
# further in is something else's ("besieged since December 4th", "a truce agreed on 1 May").
LEAD_DATE_MAX_WORDS = 2


def _opens(text: str, d: DateMention) -> bool:
    return len(text[: d.start].split()) <= LEAD_DATE_MAX_WORDS


def lead_sentences(sentences: Sequence[Any], typed: Sequence[Any], events: Sequence[Any]) -> list[str | None]:
    """For each event, the sentence just before its first one when that sentence reports no event of
    its own (no event cue) and sits in the same paragraph: the scene-setting sentence that dates it."""
    cued = {t.sentence.start for t in typed}
    index = {s.start: i for i, s in enumerate(sentences)}
    out: list[str | None] = []
    for ev in events:
        i = index.get(ev.parts[0].sentence.start, 0)
        prev = sentences[i - 1] if i > 0 else None
        keep = prev is not None and prev.start not in cued and prev.paragraph == sentences[i].paragraph
        out.append(prev.text if keep else None)
    return out


def share_fatalities(fat: Fatalities, places: Sequence[Any], texts: Sequence[str] = ()) -> list[Fatalities]:
    """Each place's fatalities when one event is coded at several places (ACLED: one event per place).

    The figure goes to the one place named in the sentence that states it ("five soldiers were killed
    when ... attacked positions in X": X's); the others report none. A total that sentence spreads over a
    list of places ("police fired on protesters in A, B and C, killing nine") is split evenly among them
    (ACLED; ANNOTATION.md), the remainder to the first. Otherwise every place keeps the figure: the place
    rules still take a neighbourhood and its town, or the hospital the wounded reached, as separate places
    often enough that dividing every total undercounts the event itself (Airwars narratives: civilians
    killed within range fell from 0.87 to 0.75 when we tried it). `places` carry `sentence` (PlaceMention);
    `texts` are the event's sentences."""
    if len(places) <= 1 or fat.value is None:
        return [fat] * max(1, len(places))
    own = [i for i, p in enumerate(places) if fat.sentence is not None and p.sentence == fat.sentence]
    if len(own) == 1:
        return [fat if i == own[0] else Fatalities() for i in range(len(places))]
    if len(own) == len(places) and fat.sentence is not None and fat.sentence < len(texts):
        if listed_together(texts[fat.sentence], places):
            return _split(fat, len(places))
    return [fat] * len(places)


def _split(fat: Fatalities, n: int) -> list[Fatalities]:
    """`fat` divided evenly over n places, the remainder to the first ones."""

    def part(total: int | None, i: int) -> int | None:
        return None if total is None else total // n + (1 if i < total % n else 0)

    return [
        replace(fat, value=part(fat.value, i), low=part(fat.low, i), high=part(fat.high, i),
                civilians=part(fat.civilians, i))
        for i in range(n)
    ]  # fmt: skip


def notes(m: EventMention, fat: Fatalities, ctx: DateContext) -> str:
    """ACLED-style notes: one sentence saying when, who, what, where, on whose word, and how many died."""
    when = f"On {m.event_date.day} {m.event_date:%B %Y}" if m.event_date else "On an unknown date"
    where = f" in {m.location_text}" if m.location_text else ""
    verb = _KIND_WORDS[m.event_type].replace("{sub}", m.sub_event_type.lower())
    target = (
        f" {m.actor2}"
        if m.actor2 and m.event_type not in ("Protests", "Riots", "Strategic developments")
        else ""
    )
    if m.event_type == "Strategic developments":
        target = f" {m.actor2}" if m.actor2 else ""
    actor1 = m.actor1
    if m.assoc_actor_1 and m.event_type not in ("Protests", "Riots"):
        actor1 += f" (with {m.assoc_actor_1})"  # allies; a demonstration's are who demonstrated
    excessive = m.sub_event_type == "Excessive force against protesters"
    if excessive:
        verb, target = "used excessive force against", f" {m.actor2}" if m.actor2 else " protesters"
    sentence = f"{when}, {actor1} {verb}{target}{where}"
    if m.actor2 and m.event_type in ("Protests", "Riots") and not excessive:
        sentence += f", met by {m.actor2}"
    if m.claimant and m.attribution in ("claimed", "alleged", "blamed", "denied", "confirmed"):
        sentence += f" ({m.attribution}; source: {m.claimant})"
    elif m.claimant:
        sentence += f" (according to {m.claimant})"
    if fat.rejected:
        sentence += f"; fatality figure rejected: {fat.rejected}"
    elif m.fatalities is not None:
        rng = f", reported as {fat.low}-{fat.high}" if fat.low is not None else ""
        sentence += f"; {m.fatalities} fatalities{rng} ('{fat.as_written}')"
    else:
        sentence += "; no fatalities reported"
    if ctx.basis != "published":
        against = {
            "text": "a date in the text",
            "published-bound": f"the latest publication date the page allows ({ctx.published})",
        }.get(ctx.basis, "no reference date")
        sentence += f"; date read against {against}"
    return sentence + "."
