"""Sentence -> ACLED sub-event type, from the cue lexicon (data/events/triggers.toml) plus a few rules
of the codebook that depend on context: who was hit (armed or civilians), whether protesters were
violent or met with force, who took a place (state or not), and whether an air actor did it.

Hands a `Typing` (sub-event type, event type, score, cue offsets) to the extractor, or None.
"""

from __future__ import annotations

import re
import tomllib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

from frontwire.events.actors import ActorMention
from frontwire.events.rules.typing_context import (
    PROTEST_TYPES,
    TERRITORY_TYPES,
    ambushed_civilians,
    attack_or_clash,
    protest_subtype,
    territory_subtype,
)
from frontwire.events.rules.typing_frames import find_frames
from frontwire.events.rules.typing_labels import label_frame

EVENT_TYPES = {
    "Armed clash": "Battles",
    "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Chemical weapon": "Explosions/Remote violence",
    "Air/drone strike": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Grenade": "Explosions/Remote violence",
    "Sexual violence": "Violence against civilians",
    "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
    "Peaceful protest": "Protests",
    "Protest with intervention": "Protests",
    "Excessive force against protesters": "Protests",
    "Violent demonstration": "Riots",
    "Mob violence": "Riots",
    "Agreement": "Strategic developments",
    "Arrests": "Strategic developments",
    "Change to group/activity": "Strategic developments",
    "Disrupted weapons use": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
    "Looting/property destruction": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments",
    "Other": "Strategic developments",
}
# Sub-types named by a weapon: when one of these scores, generic "attack"/"killed" cues only add to it.
WEAPON_TYPES = (
    "Chemical weapon",
    "Suicide bomb",
    "Air/drone strike",
    "Remote explosive/landmine/IED",
    "Grenade",
    "Shelling/artillery/missile attack",
)
# Sub-types a protest cue overrides: "police arrested 20 protesters" is a protest met with intervention.
_PROTEST_OVERRIDES = {
    "Arrests",
    "Attack",
    "Armed clash",
    "Violent demonstration",
    "Looting/property destruction",
    "Change to group/activity",
    "Shelling/artillery/missile attack",
    "Disrupted weapons use",
    "none:crime",
    "none:diplomacy",
    "Mob violence",
    "Grenade",
    "Chemical weapon",
    "Agreement",
}
# A non-event label ("none:disaster") wins only with this margin over the best event type, so that a
# strike that "collapsed a building" stays a strike. Set by reading our own mixed snippets.
NONE_MARGIN = 1.0
# The least score a sentence needs to count as reporting an event: one strong cue, or two weak ones.
MIN_EVENT_SCORE = 2.0
# Precedence among tied sub-types, most specific first (ACLED: a suicide bomb is not coded as an IED,
# an air strike not as shelling when aircraft are named; sexual violence and abduction are specific).
PRECEDENCE = (
    "Suicide bomb",
    "Chemical weapon",
    "Grenade",
    "Air/drone strike",
    "Remote explosive/landmine/IED",
    "Shelling/artillery/missile attack",
    "Sexual violence",
    "Abduction/forced disappearance",
    "Government regains territory",
    "Non-state actor overtakes territory",
    "Disrupted weapons use",
)

_ORGANISED_INTERS = frozenset((1, 2, 3, 4, 8))
_NON_STATE_ARMED = frozenset((2, 3, 4))  # rebel groups, political and identity militias
_CROWD = re.compile(
    r"\b(?:mobs?|crowds?|lynch\w*|vigilant\w*|villagers|residents|youths|rioters|angry|irate|locals)\b", re.I
)
# Aircraft that carry or back the act's doers, not strike: "troops backed by helicopters", "the wounded were
# evacuated by helicopter", "special forces were flown by helicopter", "a training helicopter".
_AIR_IN_SUPPORT = re.compile(
    r"\b(?:backed|supported|escorted|accompanied|covered|evacuated|flown|ferried|airlifted|transported|carried"
    r"|dropped off|rescued)\s+(?:by|in|on)\s+(?:an?\s+|the\s+|their\s+|its\s+|two\s+|several\s+)?"
    r"(?:[\w-]+\s+){0,2}$|\bwith the (?:support|backing|help|cover) of\s+(?:\w+\s+){0,2}$"
    r"|\b(?:training|medical|rescue|transport|cargo|civilian|passenger|ambulance)\s+$",
    re.I,
)
_ACT = re.compile(
    r"\b(?:strikes?|struck|destroy(?:ed|ing)?|bomb(?:ed|ing|s)?|hit|targeted|attack(?:ed|s)?|pounded|raided"
    r"|killed|shelled|fired|launched|carried out|conducted|bombard\w*)\b",
    re.I,
)
# Who makes a violent demonstration (codebook: "violent or destructive acts by demonstrators or mobs"):
# a fire set or a building wrecked with none of them named is property destruction ("rebels set fire to a
# school", "unknown people smashed the windows of a party office").
_DEMONSTRATORS = re.compile(
    r"\b(?:protest\w*|demonstrat\w*|rioters?|rioting|riots?(?! (?:police|gear|squads?|units?))|crowds?|mobs?"
    r"|youths?|marchers?|marched|rall(?:y|ies|ied)|supporters|students|fans|strikers)\b",
    re.I,
)
_UNKNOWN_DOERS = re.compile(
    r"\b(?:arsonists?|gang(?:s|sters?)?|(?:unknown|unidentified|masked|armed) "
    r"(?:people|persons|men|individuals|assailants|attackers|youths))\b",
    re.I,
)
# What an arrest is for: "arrested the group's leader on charges of organising anti-government protests",
# "detained for inciting riots", "arrested three men accused of carrying out the bombing", "held in
# connection with the attack". An act told there is the charge, not an occurrence of the sentence, which
# reports the arrest (codebook: Arrests; the act itself is its own event, told where it is reported).
_CHARGE = re.compile(
    r"\b(?:on\s+(?:the\s+)?charges?\s+of|charged\s+with|accused\s+of|on\s+suspicion\s+of|suspected\s+of|"
    r"for\s+(?:organi[sz]ing|staging|leading|inciting|instigating|calling\s+for|planning)|in\s+connection\s+with"
    r"|over\s+(?:the(?!\s+(?:weekend|past|last|next|course|night|years?|months?|weeks?|days?|holidays?)\b)"
    r"|last\s+\w+['’]s|their|his|her|its)|for\s+(?:allegedly\s+)?(?:carrying\s+out|taking\s+part\s+in)"
    r"|for\s+(?:their|his|her|its)\s+(?:alleged\s+)?(?:role|part|involvement)\s+in)\b",
    re.I,
)
# The verb of a capture cue (triggers.toml's "capture" family and the abduction cue "seized ... people"), and
# the agent of its passive ("was captured in a raid by troops").
_CAPTURE_VERB = re.compile(r"\b(?:captured|seized|snatched|grabbed)\b", re.I)
_BY_AGENT = re.compile(r"^[^,;.]{0,60}?\bby\s", re.I)
_STATE_INTERS = frozenset((1, 8))
_PASSIVE_AUX = re.compile(r"\b(?:was|were|been)\s+$", re.I)  # right before the verb: a passive
# A state's takers by their kind when the actor lexicon names none ("by Pakistani intelligence agents").
_STATE_TAKER = re.compile(
    r"^(?:[\w'’-]+\s+){0,3}?(?:troops|soldiers|police(?:men)?|army|military"
    r"|security (?:forces|services|agents)|intelligence (?:forces|agents|services|officers|operatives)"
    r"|(?:special|government|federal|coalition) forces|gendarmes|gendarmerie|commandos|marines"
    r"|authorities)\b",
    re.I,
)
# A bomb defused, dismantled or made safe did not go off (codebook: Disrupted weapons use, "bombs
# defused"), unless the sentence also tells a blast or its toll ("a roadside bomb exploded near a patrol,
# and a second bomb was defused").
_DEFUSED = re.compile(
    r"\b(?:defus(?:ed|ing)|dismantl(?:ed|ing)|made safe|disarmed|controlled (?:explosion|detonation))\b", re.I
)
_WENT_OFF = re.compile(
    r"\b(?:explod\w*|explosions?|blasts?|blew|went off|detonat\w*|killed|killing|dead|wounded|injured)\b",
    re.I,
)
_BOMB_TYPES = ("Remote explosive/landmine/IED", "Suicide bomb")
# An act named as what might happen ("lessened the likelihood of terrorist attacks", "the risk of renewed
# clashes", "fears of a coup"): no occurrence. The phrase runs to the end of its clause.
_MIGHT_HAPPEN = re.compile(
    r"\b(?:likelihood|risks?|possibility|chances?|danger|prospects?|spectre|specter"
    r"|probability|fears?|threat)\s+of\b[^,;.]{0,60}",
    re.I,
)
# An act a court judges ("cleared the academic of killing seven in a bomb attack", "convicted of rioting",
# "sentenced to death for the killings"): the charge, not an occurrence (a trial is no event).
_JUDGED_FOR = re.compile(
    r"\b(?:cleared|acquitted|convicted|found\s+(?:not\s+)?guilty|sentenced|jailed)\b[^,;.]{0,50}?\b(?:of|for|over)\s",
    re.I,
)
# An act set in the future by the words right after it ("to gather for three days of protests next week"):
# a plan.
_FUTURE_AFTER = re.compile(
    r"^[^,;.]{0,50}?\b(?:next\s+(?:week|month|year|weekend|monday|tuesday|wednesday|thursday|friday|saturday"
    r"|sunday)|tomorrow|later\s+this\s+(?:week|month))\b",
    re.I,
)
_STATE_BOMBING = re.compile(
    r"\b(?:bomb(?:ed|ing|ings)|bombard\w*|missiles? (?:strike|struck|hit)|strikes?|struck)\b", re.I
)


@dataclass(frozen=True, slots=True)
class Cue:
    sub_type: str
    weight: float
    start: int
    end: int
    # Cues of one family (e.g. "outcome": killed, dead, injured) count once per sentence, at their best.
    family: str = ""


@dataclass(frozen=True, slots=True)
class Typing:
    sub_type: str
    event_type: str
    score: float
    cues: tuple[Cue, ...]

    @property
    def trigger(self) -> Cue | None:
        own = [c for c in self.cues if c.sub_type == self.sub_type]
        return max(own, key=lambda c: c.weight) if own else (self.cues[0] if self.cues else None)


# The typing of a sentence that only says who did (or denies) an event already reported: it joins
# that event as a detail and never starts one (frontwire.events.rules.grouping).
ATTRIBUTION_DETAIL = Typing("none:attribution", "", 0.0, ())


class CueLexicon:
    """Compiled cue patterns, one alternation per sub-type, weight and family.

    Patterns are written in lower case; `load` also compiles each without re.IGNORECASE and matches
    it on the lower-cased sentence, which is about twice as fast (offsets are the same whenever
    lower-casing keeps the length, else the case-insensitive pattern is used).
    """

    def __init__(
        self, table: Sequence[tuple[str, float, re.Pattern[str]] | tuple[str, float, re.Pattern[str], str]]
    ):
        self._table = tuple((row[0], row[1], row[2], row[3] if len(row) > 3 else "") for row in table)
        self._fast: tuple[re.Pattern[str], ...] | None = None

    @classmethod
    def load(cls) -> CueLexicon:
        text = resources.files("frontwire").joinpath("data/events/triggers.toml").read_text(encoding="utf-8")
        table, fast = [], []
        for raw in tomllib.loads(text)["cue"]:
            if raw["patterns"]:
                joined = "|".join(f"(?:{p})" for p in raw["patterns"])
                pattern = re.compile(rf"\b(?:{joined})\b", re.I)
                table.append((raw["sub_type"], float(raw["weight"]), pattern, str(raw.get("family", ""))))
                fast.append(re.compile(rf"\b(?:{joined})\b"))
        lexicon = cls(table)
        lexicon._fast = tuple(fast)
        return lexicon

    def cues(self, text: str) -> list[Cue]:
        out = []
        lowered = text.lower()
        if self._fast is not None and len(lowered) == len(text):
            for (sub_type, weight, _, family), fast in zip(self._table, self._fast, strict=True):
                for m in fast.finditer(lowered):
                    out.append(Cue(sub_type, weight, m.start(), m.end(), family))
            return out
        for sub_type, weight, pattern, family in self._table:
            for m in pattern.finditer(text):
                out.append(Cue(sub_type, weight, m.start(), m.end(), family))
        return out


def classify(text: str, cues: Sequence[Cue], actors: Sequence[ActorMention]) -> Typing | None:
    """The sub-event type a sentence reports, or None (no cue, or a disaster/diplomacy/crime sentence)."""
    # A cue inside a group's name is no act ("Sudan People's Liberation Movement", "Popular Mobilization
    # Forces"); a weapon in a name ("Russian warplanes", "Israeli artillery") still says how it struck.
    cues = [
        c
        for c in cues
        if c.sub_type in WEAPON_TYPES
        or not any(a.start <= c.start and c.end <= a.end and not a.entry.generic for a in actors)
    ]
    cues = _told_acts(text, _without_charges(text, cues))
    frames = find_frames(text)
    if (label := label_frame(text)) is not None:
        frames.append(label)
    scores = _cue_scores(text, cues)
    for f in frames:
        scores[f.sub_type] += f.weight
    for f in frames:
        for cancelled in f.cancels:
            scores.pop(cancelled, None)
    air_actor = any(a.entry.means == "air" and not _AIR_IN_SUPPORT.search(text, 0, a.start) for a in actors)
    if air_actor and _ACT.search(text) and "Disrupted weapons use" not in scores:
        scores["Air/drone strike"] += 4
    state_actor = any(a.entry.inter in (1, 8) and not a.entry.generic for a in actors)
    if state_actor and not any(scores.get(w) for w in WEAPON_TYPES if w != "Air/drone strike"):
        if _STATE_BOMBING.search(text) and scores.get("Air/drone strike", 0) == 0 and not frames:
            scores["Air/drone strike"] += 2
    if scores.get("Mob violence") and _organised_not_mob(text, actors):
        mob = scores.pop("Mob violence")
        if _ACT.search(text):  # the armed group's violence, told by its act: an attack or a clash (_refine)
            scores["Attack"] = max(scores.get("Attack", 0.0), mob)
    if (wrecked := scores.get("Looting/property destruction")) and _wrecked_by_crowd(text, cues, actors):
        scores.pop("Looting/property destruction")  # a crowd's arson or wrecking: a riot
        scores["Violent demonstration"] = max(scores.get("Violent demonstration", 0.0), wrecked)
    elif wrecked and _wrecked_by_others(text, actors):
        scores.pop("Violent demonstration", None)  # arson or wrecking by an armed group: no demonstration
    if scores.get("Disrupted weapons use") and _defused_only(text):
        for bomb in _BOMB_TYPES:
            scores.pop(bomb, None)
    if scores.get("Change to group/activity") and _state_curfew(text, cues, actors):
        scores.pop("Change to group/activity")
    scores = {k: v for k, v in scores.items() if v > 0}
    if not scores:
        return None
    protest = scores.get("Peaceful protest", 0)
    if protest:
        framed = {f.sub_type for f in frames}
        for other in _PROTEST_OVERRIDES - framed:
            if scores.get(other, 0) >= protest:
                scores[other] = protest - 0.5
    event_scores = {k: v for k, v in scores.items() if not k.startswith("none:")}
    none_scores = {k: v for k, v in scores.items() if k.startswith("none:")}
    best_event = max(event_scores.items(), key=lambda kv: (kv[1], _priority(kv[0])), default=None)
    best_none = max(none_scores.values(), default=0.0)
    if best_event is None or best_event[1] < MIN_EVENT_SCORE or best_none >= best_event[1] + NONE_MARGIN:
        return None
    sub_type = _refine(best_event[0], text, actors, scores, cues)
    kept = tuple(c for c in cues if c.sub_type in scores) or tuple(cues)
    return Typing(sub_type, EVENT_TYPES[sub_type], best_event[1], kept)


def quoted(text: str, at: int) -> bool:
    """Whether `at` falls inside a quotation (an odd number of quote marks before it)."""
    before = text[:at]
    return (before.count('"') + before.count("“") + before.count("”")) % 2 == 1


def _without_charges(text: str, cues: Sequence[Cue]) -> Sequence[Cue]:
    """The cues less the acts an arrest is charged with: those after a charge phrase that follows an
    arrest cue ("arrested ... on charges of staging illegal rallies", "... accused of the bombing")."""
    arrests = [c.end for c in cues if c.sub_type == "Arrests"]
    if not arrests:
        return cues
    charge = _CHARGE.search(text, min(arrests))
    if charge is None:
        return cues
    return [c for c in cues if c.sub_type == "Arrests" or c.start < charge.end()]


def _told_acts(text: str, cues: Sequence[Cue]) -> list[Cue]:
    """The cues less those that name no act of this sentence: what might happen ("the likelihood of
    attacks"), what a court judges ("cleared him of killing seven"), what is set for the future ("protests
    next week"), and a capture in a party's own quoted words ("We have captured a soldier": its claim)."""
    possible = [m.span() for m in _MIGHT_HAPPEN.finditer(text)]
    judged = _JUDGED_FOR.search(text)
    return [
        c
        for c in cues
        if not any(start < c.start < end for start, end in possible)
        and (judged is None or c.start < judged.end())
        and not _FUTURE_AFTER.match(text, c.end)
        and (c.family != "capture" or not quoted(text, c.start))
    ]


def _wrecked_by_others(text: str, actors: Sequence[ActorMention]) -> bool:
    """The sentence names who burned or wrecked, and they are an armed group or unknown people, not a
    crowd ("rebels set fire to a school", "unknown people smashed the windows of a party office"). A
    passive "vehicles were also torched" names nobody: it may be the demonstrators told before."""
    if _DEMONSTRATORS.search(text):
        return False
    return any(a.entry.inter in _ORGANISED_INTERS for a in actors) or bool(_UNKNOWN_DOERS.search(text))


# A crowd named as the doers ahead of the act: "crowds attacked the assembly building and set vehicles on
# fire", "groups of young men set fire to the offices", "about 200 people looted shops".
_CROWD_DOERS = re.compile(
    rf"{_DEMONSTRATORS.pattern}|\b(?:groups?|bands?) of (?:young |angry )?(?:men|people|boys)\b"
    r"|\b(?:hundreds|dozens|thousands|\d[\d,]*) (?:of )?(?:people|men)\b",
    re.I,
)
_SAID = re.compile(r"\s*(?:said|says|say|told|reported)\b", re.I)


def _wrecked_by_crowd(text: str, cues: Sequence[Cue], actors: Sequence[ActorMention]) -> bool:
    """The sentence's burning, looting or wrecking is done by a crowd named before it, and no armed group
    or state force is: demonstrators or a mob (codebook: Riots), not an organised group's property
    destruction (Strategic developments). A force named as the speaker ("police said") is no doer."""
    first = min((c.start for c in cues if c.sub_type == "Looting/property destruction"), default=None)
    if first is None or _CROWD_DOERS.search(text, 0, first) is None:  # a note's label, not a cue, says it
        return False
    return not any(
        a.entry.inter in _ORGANISED_INTERS and a.start < first and not _SAID.match(text, a.end)
        for a in actors
    )


def _defused_only(text: str) -> bool:
    """The sentence tells a bomb defused or made safe and no blast: its bomb words name what was disrupted."""
    return bool(_DEFUSED.search(text)) and not _WENT_OFF.search(_DEFUSED.sub(" ", text))


def _state_curfew(text: str, cues: Sequence[Cue], actors: Sequence[ActorMention]) -> bool:
    """A curfew is the only change to a group the sentence tells, and no rebel group or militia is named:
    the state's measure of order ("the army imposed a curfew on the town"), not a group's new activity
    (codebook: a non-state group imposing its rule, "dissidents declared a curfew", is one)."""
    own = [text[c.start : c.end].lower() for c in cues if c.sub_type == "Change to group/activity"]
    if not own or any(word != "curfew" for word in own):
        return False
    return not any(a.entry.inter in _NON_STATE_ARMED for a in actors)


def _organised_not_mob(text: str, actors: Sequence[ActorMention]) -> bool:
    """A named organised armed group (state forces, rebels, militias, external forces), or armed men of no
    name ("gunmen", "armed men", "militants"), and no crowd: its violence is an attack or a clash, not mob
    violence (codebook: mobs are rioters), whatever weapon it used ("ADF rebels killed 11 civilians with
    machetes", "gunmen armed with rifles and machetes stormed the camp"). Police or soldiers of no name may
    be the ones who tell of a mob ("police said a mob ..."), so only a named state force counts."""
    organised = any(
        a.entry.inter in _ORGANISED_INTERS and not a.entry.generic or a.entry.inter in _NON_STATE_ARMED
        for a in actors
    )
    return organised and not _CROWD.search(text)


def _cue_scores(text: str, cues: Sequence[Cue]) -> defaultdict[str, float]:
    """Sum of cue weights per sub-type: each distinct cue text once, each family once (its best cue)."""
    scores: defaultdict[str, float] = defaultdict(float)
    seen: set[tuple[str, str]] = set()
    family_best: dict[tuple[str, str], float] = {}
    for c in cues:
        key = (c.sub_type, text[c.start : c.end].lower())
        if key in seen:
            continue
        seen.add(key)
        if c.family:
            fam = (c.sub_type, c.family)
            family_best[fam] = max(family_best.get(fam, 0.0), c.weight)
        else:
            scores[c.sub_type] += c.weight
    for (sub_type, _), weight in family_best.items():
        scores[sub_type] += weight
    return scores


def _priority(sub_type: str) -> int:
    return len(PRECEDENCE) - PRECEDENCE.index(sub_type) if sub_type in PRECEDENCE else 0


def _ambush_only(text: str, cues: Sequence[Cue]) -> bool:
    """Every armed-clash cue of the sentence is an ambush ("gunmen ambushed a bus"), none a fight."""
    clash = [text[c.start : c.end].lower() for c in cues if c.sub_type == "Armed clash"]
    return bool(clash) and all(word.startswith("ambush") for word in clash)


def _refine(
    sub_type: str, text: str, actors: Sequence[ActorMention], scores: dict[str, float], cues: Sequence[Cue]
) -> str:
    if sub_type in PROTEST_TYPES:
        return protest_subtype(text, scores.get("Violent demonstration", 0))
    if sub_type == "Attack":
        return attack_or_clash(text, scores, actors)
    if sub_type == "Armed clash" and _ambush_only(text, cues) and ambushed_civilians(text):
        return "Attack"
    if sub_type in TERRITORY_TYPES:
        own = [c.start for c in cues if c.sub_type in TERRITORY_TYPES]
        return territory_subtype(text, min(own) if own else len(text), actors)
    if sub_type in ("Arrests", "Abduction/forced disappearance"):
        return _capture_subtype(sub_type, text, cues, actors)
    return sub_type


def _capture_subtype(sub_type: str, text: str, cues: Sequence[Cue], actors: Sequence[ActorMention]) -> str:
    """A person captured or seized is arrested when state forces take them and abducted by anyone else
    (codebook: Arrests are by state forces; a group's seizure of people is an abduction). Decided only when
    every cue of the sentence's type is such a capture ("soldiers captured a commander", "gunmen seized three
    engineers", "two aid workers were seized from their car"); "arrested" or "kidnapped" says it itself.
    The taker is the agent after "by", else, for an active verb, the last actor named before it; a passive
    with no agent names no taker, and an unnamed taker is no state's."""
    own = [c for c in cues if c.sub_type == sub_type]
    verbs = [_CAPTURE_VERB.search(text, c.start, c.end) for c in own]
    if not own or not all(verbs):
        return sub_type
    verb = min((v for v in verbs if v is not None), key=lambda v: v.start())
    taker: ActorMention | None = None
    if (by := _BY_AGENT.search(text[verb.end() :])) is not None:
        start = verb.end() + by.end()
        taker = next((a for a in actors if start <= a.start <= start + 40), None)
        if taker is None:
            return "Arrests" if _STATE_TAKER.search(text[start:]) else "Abduction/forced disappearance"
    elif not _PASSIVE_AUX.search(text, max(0, verb.start() - 12), verb.start()):
        taker = max((a for a in actors if a.end <= verb.start()), key=lambda a: a.end, default=None)
    state = taker is not None and taker.entry.inter in _STATE_INTERS
    return "Arrests" if state else "Abduction/forced disappearance"
