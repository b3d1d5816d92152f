"""Typed sentences -> events: non-event sentences dropped (with their reason), follow-ups joined.

Hands `EventDraft`s (the typing of the event's first sentence and its sentences, `TypedSentence`s)
to the coder. ACLED's unit is one type, one place, one day: a sentence with no date, no place and no
new act of its own that refers back to the event just reported belongs to it. A sentence continues
the previous event when it
- opens on a reference to it or its participants ("The attack ...", "The militiamen were travelling
  ...", "He said ..."), unless it gives a date of its own;
- refers back anywhere ("when the attackers opened fire", "injured by debris", "the victims") and
  names no place the event has not named;
- repeats the event's sub-type without a date of its own, or is a generic attack/clash sentence in
  the same paragraph.
A sentence that opens on "Separately", "Elsewhere", "In another ..." always starts a new event, and so
does a sentence with a date of its own ("On April 2, ...", whatever its case); a
demonstration whose slogan names an act of violence ("marched with placards reading 'Stop the
killings'") protests against it and is an event of its own, not a re-telling.
A sentence whose subject is a person named in an event's sentences, told in the passive with no day of
its own ("the reporter was shot dead after ..."), re-tells that person's event and joins it.
A list of the event's dead ("Among those killed was ...", "Two nurses were among the dead") and its
onset named by a definite noun ("The gunfight began on Monday evening", with a date or not) continue
the event just told (retelling.py); the list's place words place the event nowhere new.

Two kinds of sentence join an event of another type (ACLED counts neither as an occurrence of its own):
a casualty line with no day of its own and no act with its victims ("Health officials said 21 people
were killed") tells the toll of the event just told; arrests of a crowd with no day or place of their
own ("Police said 38 people were detained") are the intervention at the latest protest or riot, which
a peaceful protest then becomes.

The joined sentence enriches the event (fatalities, actors, claim) but does not re-type it, except
that a joined sentence may raise a protest's coding (intervention, lethal force, violence), and a
generic attack known only by its outcome ("Four civilians were killed ...") takes the weapon of a detail
sentence ("The shells were fired from ..."), the more specific and consistent type.
Interceptions ("eight of which were shot down by air defence units") in a sentence that continues a
strike stay part of that strike; only an interception reported on its own (a lead, or with its own
date or place) is a separate Disrupted weapons use event (ACLED codes the strike where drones hit;
one event is one type, one place, one day).
An article that tells an accident ("officials ruled out sabotage") keeps none of its blasts or deaths
told without an attacker (accidents.py).
Attribution-only sentences about the event just reported ("The official blamed the attack on IS",
"The army denied involvement") are joined to it as `detail`s; with no event before them they are
dropped with their reason.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from frontwire.events._text import Sentence
from frontwire.events.actors import ActorMention
from frontwire.events.base import DroppedSentence, EventResult
from frontwire.events.rules.accidents import ACCIDENT_REASON, accidental, article_tells_accident
from frontwire.events.rules.classify import WEAPON_TYPES, Typing, quoted
from frontwire.events.rules.coding import SEQUEL_DAY
from frontwire.events.rules.filters import non_event_reason, reason_after_parse, reason_before_parse
from frontwire.events.rules.judge import SentenceJudge, combined_reason
from frontwire.events.rules.places import find_places
from frontwire.events.rules.retelling import EVENT_NOUNS, lists_victims, noun_kinds, tells_onset
from frontwire.events.rules.tolls import TOLL_DETAIL
from frontwire.events.rules.typing_words import alternation
from frontwire.records import Evidence

_BACK_REFERENCE_NOUNS = (
    "attacks?", "ambush", "strikes?", "air ?strikes?", "raids?", "bombings?", "blasts?", "explosions?",
    "assaults?", "incidents?", "operations?", "shelling", "clash(?:es)?", "fighting", "killings?",
    "abductions?", "protests?", "demonstrations?", "violence", "bombardment", "massacre",
)  # fmt: skip
# Participants, targets and consequences of an event just reported, as a definite noun phrase.
_PARTICIPANT_NOUNS = (
    "attackers?", "assailants?", "gunmen", "gunman", "militants?", "fighters?", "militiamen", "soldiers?",
    "troops", "victims?", "wounded", "dead", "injured", "bodies", "casualties", "convoy", "vehicles?",
    "car", "bus", "truck", "patrol", "checkpoint", "building", "house", "home", "school", "hospital",
    "substation", "facility", "plant", "base", "post", "position", "positions", "drones?", "shells?",
    "rockets?", "missiles?", "bomb", "device", "bomber", "perpetrators?", "kidnappers?", "abductors?",
    "hostages?", "protesters", "demonstrators", "police(?:men)?", "officers?", "security forces",
    "men", "women", "children", "family", "residents", "workers", "employees", "area", "site",
)  # fmt: skip
_DETERMINERS = r"(?:the|this|that|these|those|such|its|their|his|her)"
_ANAPHORA = re.compile(
    rf"^[\"“]?{_DETERMINERS}\s+(?:\w+\s+)?(?:{alternation(_BACK_REFERENCE_NOUNS)})\b", re.I
)
# An opening reference to the participants or a speaker already named: "The militiamen were ...",
# "He said ...", "Two of the wounded ...".
_OPENING_REFERENCE = re.compile(
    rf"^[\"“]?(?:{_DETERMINERS}\s+(?:\w+\s+){{0,2}}(?:{alternation(_PARTICIPANT_NOUNS)})\b"
    r"|(?:he|she|they|it|both|all|most|some|several|many|one|two|three|four|five) of (?:the|them)\b"
    r"|(?:he|she|they|it)\s+(?:\w+\s+)?(?:said|added|told|wrote|says|stated|noted|reported|were|was|had)\b)",
    re.I,
)
# A reference back anywhere in the sentence: "when the attackers opened fire", "injured by debris".
_INNER_REFERENCE = re.compile(
    r"\b(?:the (?:attackers?|assailants?|gunmen|perpetrators?|victims?|wounded|convoy|blast|explosion"
    r"|strike|attack|raid|ambush|bombing|shelling)|debris|shrapnel|fragments|(?:\w+ )?of which|of whom)\b",
    re.I,
)
_SEPARATE = re.compile(
    r"^[\"“]?(?:separately|elsewhere|meanwhile|in (?:a |an )?(?:another|separate|second|third|similar|"
    r"related|earlier|later)\b|in other (?:news|developments)|another\b|also on\b|earlier\b|later\b)",
    re.I,
)
# A definite description of an event ("the clash", "this attack", "the day's fighting"), with the kinds
# of event each noun can name (retelling.EVENT_NOUNS). "another attack", "a second blast" are new events.
_DEFINITE_EVENT = re.compile(
    rf"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose)\s+"
    rf"(?:(?:same|deadly|latest|recent|weekend|day's|night's|morning's|[A-Z][\w'’-]+)\s+)?"
    rf"(?P<noun>{'|'.join(p for p, _ in EVENT_NOUNS)})\b",
)
# A sentence that tells the same act at other places ("Similar rallies were held in Chittagong", "Protests
# were also reported in Sittwe and Pakokku", "Smaller vigils took place in Daejeon"): ACLED codes one event
# per location, so places the event has not named start events of their own.
_ELSEWHERE_TOO = re.compile(
    r"\b(?:similar|smaller|larger|other)\s+(?:[\w-]+\s+)?\w+\s+(?:were|was)\s+(?:also\s+)?"
    r"(?:held|staged|reported|organi[sz]ed)\s+in\b"
    r"|\b(?:were|was)\s+also\s+(?:held|staged|reported|organi[sz]ed)\s+in\b"
    r"|\balso\s+took\s+place\s+in\b"
    r"|^(?:simultaneously|at the same time)\b",  # "Simultaneously, in London hundreds marched ..."
    re.I,
)
_ANOTHER = re.compile(
    rf"\b(?:another|a (?:second|third|separate|fresh|similar))\s+(?:[\w-]+\s+)?"
    rf"(?:{'|'.join(p for p, _ in EVENT_NOUNS)})\b",
    re.I,
)
# A sentence opening on a person's name told in the passive: "Haddad was shot dead", "Okafor was wounded".
# The name must be written inside an earlier sentence of the event (after another word), so a capitalised
# first word ("Police were ...", "Gunmen were ...") is no name unless the event wrote it mid-sentence.
_NAMED_SUBJECT = re.compile(r"^(?P<name>[A-Z][a-z][\w'’-]+)\s+(?:was|were|had been)\s+\w+", re.U)
# A sentence dated apart from the event told before it: a day or a year written, a month after a
# preposition, or a distance back in years ("In October of last year, 34 people were killed ..."). Months
# are matched in their case: "may" and "march" are verbs too.
_OWN_DATE = re.compile(
    r"(?i:\b(?:on|in|last|yesterday|today)\b\s+\w+\s*\d|\b(?:19|20)\d\d\b|\b(?:last|the previous) year\b"
    r"|\b(?:a|one|two|three|four|five|six|several|\d+) (?:years?|months?) ago\b)"
    rf"|\b(?i:in|since|during|early|late)\s+(?:{'|'.join(calendar.month_name[1:])})\b"
)
# A weekday ("arrested on Thursday", "On Monday, gendarmes arrested ...") dates a sentence apart from an
# event that already has a day of its own ("Today, police arrested ..."); after an undated headline it is
# the day the lead gives.
_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_WEEKDAY_DATE = re.compile(rf"\b(?:[Oo]n|[Ll]ast)\s+(?:{_WEEKDAYS})\b")
_DAY_WORD = re.compile(rf"\b(?:today|yesterday|tonight|last night|{_WEEKDAYS})\b", re.I)
_GENERIC_TYPES = ("Attack", "Armed clash")
# The armed answer to a one-sided attack: police, troops or guards fighting or killing its doers ("All three
# were shot and killed by police", "officers exchanged fire with the gunman"). ANNOTATION's complex attacks
# and the codebook code it as a clash of its own beside the attack, not as more of it.
_ONE_SIDED = ("Violence against civilians", "Explosions/Remote violence")
_RESPONDERS = (
    r"(?:police(?:men)?|officers|security forces|soldiers|troops|commandos|special forces|gendarmes|marines)"
)
_FOUGHT_DOERS = re.compile(
    rf"\b{_RESPONDERS}\b[^.;]{{0,40}}?\b(?:exchanged (?:gun)?fire with|fought|clashed with|engaged"
    r"|returned fire (?:on|at)|shot dead|killed)\s+(?:all\s+|two\s+|three\s+|both\s+)?(?:of\s+)?(?:the\s+)?"
    r"(?:attackers?|gunm[ae]n|assailants?|hostage[- ]takers?|suicide bombers?)\b",
    re.I,
)
_KILLED_BY_RESPONDERS = re.compile(
    r"\b(?:was|were)\s+(?:\w+\s+){0,3}?(?:killed|shot|gunned down|neutrali[sz]ed)\b[^,;.]{0,30}?\bby\s+"
    rf"(?:the\s+|armed\s+)?(?:\w+\s+)?{_RESPONDERS}\b",
    re.I,
)
_CIVILIAN_DEAD = re.compile(
    r"\b(?:civilians?|people|persons|residents?|villagers?|children|women|worshippers|passers-by"
    r"|protesters|demonstrators|students|pedestrians|bystanders|hostages)\b",
    re.I,
)
# Protest sub-types by severity: a later sentence of the same protest may raise its coding, never lower it.
_PROTEST_SEVERITY = {
    "Peaceful protest": 0,
    "Protest with intervention": 1,
    "Excessive force against protesters": 2,
    "Violent demonstration": 3,
}
_ORPHAN_DETAIL = "attribution of no event reported here"
# Those held at a demonstration, as news counts them: its crowd, not a named person or an office.
_ARRESTED_CROWD = re.compile(
    r"\b(?:people|persons|protest[eo]rs?|demonstrators?|students|rioters|youths?|activists|participants"
    r"|marchers?|men|women|individuals|others|those|farmers|workers|teachers|supporters|fans)\b",
    re.I,
)
# Cue families that tell only what happened to people (killed, injured), not how: an event typed by
# these alone may take the weapon of a detail sentence.
_OUTCOME_FAMILY = "outcome"


# The weapon a mob's cue may name (data/events/triggers.toml): the possession check reads it as anyone's arms.
_MOB_WEAPON = re.compile(r"machetes?", re.I)


@dataclass(slots=True)
class TypedSentence:
    """A sentence with an event cue: its typing, actor mentions, and a spaCy parse when one was needed.

    `detail` marks a sentence that adds to an event but never starts one (an attribution about the
    event just reported)."""

    sentence: Sentence
    typing: Typing
    actors: list[ActorMention]
    doc: Any = None
    entities: list[tuple[int, int, str]] = field(default_factory=list)
    detail: bool = False
    retells: bool = False  # a list of the event's dead (retelling.py): its place words place nothing new
    early: tuple[str | None] | None = None  # the parse-free checks' reason, once read (`early_reason`)


@dataclass(slots=True)
class EventDraft:
    typing: Typing
    parts: list[TypedSentence] = field(default_factory=list)


def evidence_of(parts: Sequence[TypedSentence]) -> list[Evidence]:
    """The evidence spans of an event's sentences, with their offsets into the article's body."""
    return [Evidence(text=p.sentence.text, start=p.sentence.start, end=p.sentence.end) for p in parts]


def act_span(item: TypedSentence) -> tuple[int, int] | None:
    """The offsets of the act a sentence's cue names, for the checks that read the words around it; None
    for a protest or a riot, whose cue names the participants ("to disperse protesters"), not the act. A
    mob's weapon ("armed with machetes") is no participant: it is read as any weapon is."""
    trigger = item.typing.trigger
    protest = item.typing.event_type in ("Protests", "Riots")
    if trigger and protest and item.typing.sub_type == "Mob violence":
        protest = not _MOB_WEAPON.fullmatch(item.sentence.text[trigger.start : trigger.end])
    return (trigger.start, trigger.end) if trigger and not protest else None


def early_reason(item: TypedSentence) -> str | None:
    """Why the checks that need no parse drop the sentence (filters.reason_before_parse), read once: the
    coder asks before it parses, `group_events` after."""
    if item.early is None:
        item.early = (reason_before_parse(item.sentence.text, act_span(item)),)
    return item.early[0]


def dropped_unparsed(item: TypedSentence) -> bool:
    """Whether `group_events` drops this sentence whatever its parse says (so it needs none)."""
    return not item.detail and early_reason(item) is not None


def group_events(
    typed: Sequence[TypedSentence], result: EventResult, judge: SentenceJudge | None = None
) -> list[EventDraft]:
    """Events from typed sentences in text order; dropped sentences are recorded on `result`. A `judge`
    (a learned sentence classifier, judge.py) may drop sentences the rules keep."""
    events: list[EventDraft] = []
    for item in typed:
        s = item.sentence
        prev = events[-1] if events else None
        if item.detail:
            # An attribution never starts an event: the whole-article checks (reactions, reports) are
            # for sentences that would; "The ministry condemned the attack" still names who blamed whom.
            # A toll line ("No fatalities reported.") is negated by its nature, not a denial of the act.
            reason = None if item.typing is TOLL_DETAIL else non_event_reason(s.text, in_article=False)
            if reason:
                result.dropped.append(DroppedSentence(s.text, s.start, reason))
            elif prev and _near(prev, item) and not _OWN_DATE.search(s.text):
                prev.parts.append(item)
            else:
                result.dropped.append(
                    DroppedSentence(s.text, s.start, "attribution of no event reported here")
                )
            continue
        reason = early_reason(item) or reason_after_parse(s.text, item.doc, act_span(item))
        reason = combined_reason(reason, s.text, judge)
        if reason:
            result.dropped.append(DroppedSentence(s.text, s.start, reason))
            continue
        if prev and continues(prev, item):
            if _takes_weapon(prev, item) or _escalates(prev, item):
                prev.typing = item.typing
            prev.parts.append(item)
        elif (told := _toll_of_told(events, item)) is not None:
            told.parts.append(item)
        elif (held_at := _arrests_at_protest(events, item)) is not None:
            if held_at.typing.sub_type == "Peaceful protest":
                held_at.typing = replace(held_at.typing, sub_type="Protest with intervention")
            held_at.parts.append(item)
        elif (earlier := referent(events, item)) is not None:
            earlier.parts.append(item)
        elif (victim := named_again(events, item)) is not None:
            victim.parts.append(item)
        else:
            events.append(EventDraft(item.typing, [item]))
    # Only the article's event sentences are read for an accident: a line with no event cue may tell
    # another story's (reading the whole page lost a held-out match on Wikinews).
    told = article_tells_accident([t.sentence.text for t in typed])
    return _without_accidents(events, told, result)


def group_story_events(
    typed: Sequence[TypedSentence],
    spans: Sequence[tuple[int, int]],
    result: EventResult,
    judge: SentenceJudge | None = None,
) -> list[EventDraft]:
    """`group_events` within each story of a digest of brief reports (`Article.story_spans`, offsets into the
    coded text): no event of one story goes on into the next. A page of one story is grouped whole."""
    if len(spans) <= 1:
        return group_events(typed, result, judge)
    stories = [[t for t in typed if a <= t.sentence.start < b] for a, b in spans]
    return [ev for story in stories for ev in group_events(story, result, judge)]


def _without_accidents(events: list[EventDraft], told: bool, result: EventResult) -> list[EventDraft]:
    """The events that are not accidents (accidents.py); an accident's sentences are recorded as dropped.
    `told`: the article tells an accident."""
    kept = []
    for ev in events:
        if accidental(ev, told):
            first = ev.parts[0].sentence
            result.dropped.append(DroppedSentence(first.text, first.start, ACCIDENT_REASON))
        else:
            kept.append(ev)
    return kept


def _apart(text: str) -> bool:
    """The sentence marks another event ("Separately, ...", "another attack") or gives a date of its own."""
    return bool(_SEPARATE.match(text) or _ANOTHER.search(text) or _OWN_DATE.search(text))


# An act told with its victims as the object: "killed seven construction workers", "wounding 12".
_ACTIVE_KILLING = re.compile(
    r"\b(?<!were )(?<!was )(?<!been )(?<!being )(?:killed|killing|wounded|wounding|injured|injuring)\s+"
    r"(?:at least |about |some |more than |nearly |over |up to |around )?"
    r"(?:\d[\d,]*|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|scores|hundreds|several|many)\b)",
    re.I,
)


def _toll_of_told(events: Sequence[EventDraft], item: TypedSentence) -> EventDraft | None:
    """The event a casualty line tells the toll of: the one just told, when the sentence tells only who
    was killed or hurt ("Health officials said at least 21 people were killed", "Doctors counted 32
    wounded", "Many of the dead were elderly women"), with no day of its own, no act with its victims
    ("gunmen killed seven workers" is an act of its own), and sits in the event's paragraph or the next.
    A toll is no new occurrence, whatever type the event it counts."""
    if not events or item.typing.sub_type != "Attack":
        return None
    if not all(c.family == _OUTCOME_FAMILY for c in item.typing.cues if c.sub_type == "Attack"):
        return None
    s = item.sentence.text
    if _apart(s) or _DAY_WORD.search(s):
        return None
    if _ACTIVE_KILLING.search(s) or not _near(events[-1], item):
        return None
    return events[-1]


def _arrests_at_protest(events: Sequence[EventDraft], item: TypedSentence) -> EventDraft | None:
    """The protest or riot an arrests sentence tells the authorities' intervention at: the latest one
    in the article, when the sentence gives no date and names no place of its own and those held are
    its crowd ("Police said 38 people were detained", "Nineteen protesters were arrested"). ACLED codes
    arrests at a demonstration as its intervention, not as an Arrests event of their own; an arrest of
    a named leader, or a raid on an office, stays one."""
    if item.typing.sub_type != "Arrests":
        return None
    s = item.sentence.text
    if _apart(s) or not _ARRESTED_CROWD.search(s):
        return None
    day = _DAY_WORD.search(s)
    for ev in reversed(events):
        if ev.typing.event_type not in ("Protests", "Riots"):
            continue
        if _new_place(ev, item):
            return None
        if day and not any(day.group(0).lower() in p.sentence.text.lower() for p in ev.parts):
            return None  # "On Monday morning, police detained ..." after Sunday's march
        return ev
    return None


def named_again(events: Sequence[EventDraft], item: TypedSentence) -> EventDraft | None:
    """The latest event whose sentences name the person `item` opens on, in the passive and with no day
    of its own ("Haddad was shot dead after covering a rally"): that person's event told again."""
    s = item.sentence.text
    found = _NAMED_SUBJECT.match(s)
    if found is None or _apart(s):
        return None
    name = re.compile(rf"(?<=\w )(?:[A-Z][\w'’-]+ )*{re.escape(found.group('name'))}\b")
    for ev in reversed(events):
        if any(name.search(p.sentence.text) for p in ev.parts):
            return ev
    return None


def referent(events: Sequence[EventDraft], item: TypedSentence) -> EventDraft | None:
    """The event reported earlier that `item` names again by a definite description ("... had died in
    the clash", "The attack was the worst in months"), however far back: the latest event of a type the
    noun can name. None when the sentence gives a day or a place of its own, or marks another event."""
    s = item.sentence.text
    if _apart(s):
        return None
    found = _DEFINITE_EVENT.search(s)
    if found is None:
        return None
    kinds = noun_kinds(found.group("noun"))
    if item.typing.event_type == "Protests" and quoted(s, found.start()):
        return None  # a slogan names what a demonstration protests against: an event of its own
    for ev in reversed(events):
        if (kinds is None or ev.typing.event_type in kinds) and not _new_place(ev, item):
            return ev
    return None


def continues(prev: EventDraft, item: TypedSentence) -> bool:
    """Whether `item` reports more of the event `prev` rather than a new one."""
    s = item.sentence
    if not _near(prev, item) or _SEPARATE.match(s.text) or _ANOTHER.search(s.text):
        return False
    if lists_victims(s.text):
        item.retells = True  # its dead (retelling.py): a place word in it is a victim's home, not the
        return True  # event's
    if tells_onset(s.text, prev.typing.event_type):
        return True  # when it began (retelling.py): the event just told, whatever the date
    # A day written, or counted from the event told before ("The next day, ...", "The day before, ..."):
    # another day's event.
    if _OWN_DATE.search(s.text) or SEQUEL_DAY.match(s.text):
        return False
    if _answers_attack(prev, item):
        return False
    if _WEEKDAY_DATE.search(s.text) and any(_DAY_WORD.search(p.sentence.text) for p in prev.parts):
        return False
    if _ELSEWHERE_TOO.search(s.text) and _new_place(prev, item):
        return False
    if _ANAPHORA.match(s.text) or _OPENING_REFERENCE.match(s.text):
        return True
    if _INNER_REFERENCE.search(s.text) and not _new_place(prev, item):
        return True
    if item.typing.sub_type == prev.typing.sub_type or _takes_weapon(prev, item):
        return True
    last = prev.parts[-1].sentence
    generic = item.typing.sub_type in _GENERIC_TYPES and not any(
        c.sub_type in WEAPON_TYPES for c in item.typing.cues
    )
    return generic and s.paragraph == last.paragraph and prev.typing.event_type != "Protests"


def _answers_attack(prev: EventDraft, item: TypedSentence) -> bool:
    """A clash of the armed responders with the doers of the one-sided attack just told. A sentence that
    tells only its dead, killed by the responders and named by no civilian word ("All three were shot and
    killed by police"), tells the attackers' end: it is re-typed a clash."""
    if prev.typing.event_type not in _ONE_SIDED or item.typing.sub_type not in _GENERIC_TYPES:
        return False
    text = item.sentence.text
    if not _FOUGHT_DOERS.search(text):
        end = _KILLED_BY_RESPONDERS.search(text)
        if end is None or _CIVILIAN_DEAD.search(text, 0, end.start()):
            return False
    item.typing = replace(item.typing, sub_type="Armed clash", event_type="Battles")
    return True


def _near(prev: EventDraft, item: TypedSentence) -> bool:
    """The item sits in the event's last paragraph or the next one."""
    return item.sentence.paragraph - prev.parts[-1].sentence.paragraph <= 1


def _takes_weapon(prev: EventDraft, item: TypedSentence) -> bool:
    """A generic attack known only by its outcome words, and a detail sentence that names the weapon."""
    if prev.typing.sub_type != "Attack" or item.typing.sub_type not in WEAPON_TYPES:
        return False
    return all(c.family == _OUTCOME_FAMILY for c in prev.typing.cues if c.sub_type == "Attack")


def _escalates(prev: EventDraft, item: TypedSentence) -> bool:
    """A protest just told, and a sentence that continues it ("They were dispersed by police") and codes
    it more severely: the authorities intervened or used lethal force, or the demonstrators turned
    violent (codebook: one event, coded by what happened at it). It re-types a joined sentence only; a
    new subject ("Police dispersed ...") is not joined on this ground (whole articles tell several
    protests in one paragraph)."""
    rank = _PROTEST_SEVERITY.get(item.typing.sub_type, -1)
    return prev.typing.event_type == "Protests" and rank > _PROTEST_SEVERITY.get(prev.typing.sub_type, rank)


def _new_place(prev: EventDraft, item: TypedSentence) -> bool:
    """The item names a place none of the event's sentences name."""
    known = " ".join(p.sentence.text for p in prev.parts).lower()
    excl = [(a.start, a.end) for a in item.actors]
    return any(p.text.lower() not in known for p in find_places(item.sentence.text, [], excl))
