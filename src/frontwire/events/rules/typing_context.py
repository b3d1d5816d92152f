"""Codebook rules that split a family of sub-types by context, applied after the cue scores.

- Protests: violence *by* the demonstrators makes a riot (Violent demonstration); lethal or seriously
  injuring force against non-violent demonstrators is Excessive force; dispersal, tear gas or arrests
  without serious injury is Protest with intervention; otherwise Peaceful protest.
- Attack vs Armed clash: the victims decide (armed personnel: clash; civilians: attack).
- Territory: who takes the place decides (state forces: Government regains; others: Non-state actor
  overtakes); a handover or withdrawal without fighting is a Non-violent transfer of territory.

Hands a sub-type name to `frontwire.events.rules.classify`. Word lists follow ACLED's codebook definitions.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from frontwire.events.actors import CIVILIANS, EXTERNAL_FORCES, STATE_FORCES, ActorMention
from frontwire.events.rules.roles import assign_roles
from frontwire.events.rules.typing_words import alternation
from frontwire.events.rules.victim_words import ARMED_VICTIMS, CIVILIAN_VICTIMS

PROTEST_TYPES = ("Peaceful protest", "Protest with intervention", "Excessive force against protesters")
TERRITORY_TYPES = ("Government regains territory", "Non-state actor overtakes territory")

_LETHAL = (
    "killed",
    "killing",
    "shot dead",
    "live (ammunition|fire|bullets|rounds)",
    "opened fire",
    "fatally",
    "died",
    "seriously (injured|wounded)",
    "brutally",
    "dead",
    "deaths?",
    "gunfire",
    "bullets",
    "fired (at|on|into)",
    "beat(s|en|ing)?",
    "critically (injured|wounded)",
    "excessive force",
    "violently (dispersed|suppressed|broke up|attacked)",
    "(shot|shooting) (at )?(protesters|demonstrators)",
)
_INTERVENTION = (
    # dispersing a crowd, not a crowd that dispersed ("marchers dispersed peacefully by mid-afternoon")
    "dispers(e|ing)",
    "(were|was|been|being|be) dispersed",
    "dispersed (them|the|a|an|crowds?|protest\\w*|demonstrators|marchers|students|gatherings?"
    "|rall(y|ies)|sit-ins?)",
    "dispersed (by|with) (?!(mid|late|early|the end|nightfall|noon|evening|afternoon|\\d))",
    "tear ?gas",
    "water ?cannons?",
    "rubber bullets",
    "arrest(ed|s)?",
    "detain(ed)?",
    "batons?",
    "broke up",
    "stun grenades?",
    "pepper[- ]spray(ed)?",
    "suppress(ed|ing)?",
    "halt(ed)?",
    "drag(ged)?",
    "crack(ed)? down",
    "crackdown",
    "charged",
    "prevented",
    "police intervened",
    "injur(ed|ing|ies)",
    "wounded",
    "pellets",
    "chase[ds]?",
    "forcibly removed",
    "blocked by (police|security)",
    "cordon(ed)?",
)
# Acts of the crowd itself (ACLED: "demonstrators engage in violence or destruction").
_CROWD_VIOLENCE = (
    "threw",
    "throwing",
    "thrown",
    "hurled",
    "hurling",
    "pelted",
    "pelting",
    "torched",
    "set fire",
    "set ablaze",
    "vandali[sz](ed|ing|m)",
    "smashed",
    "ransacked",
    "looted",
    "looting",
    "burn(ed|ing|t)",
    "stormed",
    "broke into",
    "set (\\w+ ){0,4}(on fire|alight|ablaze)",
    "rioted",
    "rioting",
    "rioters?",
    "riots?",
    "molotov",
    "petrol bombs?",
    "stones?",
    "rocks",
    "bricks",
    "clash(ed|es)?",
    "scuffl(ed|es?)",
    "running battles",
    "(?<!non-)(?<!non )violen(t|ce)",  # not "non-violent"
    # a fight between the crowd and the authorities, "police fighting protesters", "marchers battling
    # officers" (not "fighting crime", "fighting for their rights")
    "(fighting|fought|battl(ed|ing))( with| against)? (the )?(protest[eo]rs|demonstrators|crowds?|marchers"
    "|students|youths?|rioters|police|policem[ae]n|officers|security forces|troops|soldiers)",
    "fought",
    "firecrackers",
    "fireworks",
    "debris",
    "projectiles",
    "unrest",
    "attacked (police|officers|security)",
    "turned violent",
    "skirmish(es)?",
)
_RETAKE = (
    "recaptur\\w+",
    "retook",
    "retaken",
    "regain\\w*",
    "liberat\\w+",
    "took back",
    "restored control",
    "reclaimed",
    "seized back",
    "won back",
    "recovered control",
    "pushed (\\w+ ){0,4}out",
)
# Passive voice names the loser first: "the militants were driven out of the town".
_LOSER_FIRST = (
    "(were|was|have been|had been) (pushed|driven|forced|kicked|chased) (back|out)",
    "(were|was|have been|had been) expelled",
    "(were|was) (dislodged|ousted|routed)",
)
_WITHDRAWAL = (
    "pulled out",
    "pulls out",
    "withdr(ew|awn|awal|aws)",
    "retreat(ed|s)?",
    "without (a |any )?(fight|resistance)",
    "(not|no) (encountered? )?(any )?resistance",
    "handed (over )?(authority|control|the town|the city|the base)",
    "handover",
    "ceded",
    "evacuat(ed|ion)",
    "abandoned",
)
_FIGHTING = (
    "clash(es|ed)?",
    "fighting",
    "fought",
    "battles?",
    "bombard\\w*",
    "shell(ing|ed)",
    "air ?strikes?",
    "killed",
    "offensive",
    "assault",
    "attack(ed|s)?",
    "fierce",
    "heavy fighting",
)
_STATE_WORDS = (
    "government (forces|troops)",
    "army",
    "military",
    "troops",
    "soldiers",
    "security forces",
    "pro-government",
    "regime forces",
    "police",
    "armed forces",
    "national army",
    "gendarmerie",
)


def _rx(words: Sequence[str]) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternation(words)})\b", re.I)


_LETHAL_RX = _rx(_LETHAL)
_INTERVENTION_RX = _rx(_INTERVENTION)
_CROWD_RX = _rx(_CROWD_VIOLENCE)
_ARMED_RX = _rx(ARMED_VICTIMS)
# The doers of an attack, as its victims: "the three attackers were shot dead by police", "troops killed the
# gunman". Only where the sentence tells who was hit: elsewhere in it they are the doers ("gunmen opened
# fire in a market"). Their killing is the fight of the armed men who answered the attack (ANNOTATION's
# complex attacks, codebook: armed, organised sides fighting is a clash).
_PERPETRATOR_RX = _rx(("gunm[ae]n", "attackers?", "assailants?", "hostage[- ]takers?"))
_CIVILIAN_RX = _rx(CIVILIAN_VICTIMS)
_RETAKE_RX = _rx(_RETAKE)
_LOSER_FIRST_RX = _rx(_LOSER_FIRST)
_WITHDRAWAL_RX = _rx(_WITHDRAWAL)
_FIGHTING_RX = _rx(_FIGHTING)
_STATE_RX = _rx(_STATE_WORDS)
_ACT_VERBS = (
    "attacked", "killed", "shot( dead)?", "gunned down", "ambushed", "opened fire on", "targeted", "raided",
    "stormed", "executed", "murdered", "beheaded", "assaulted", "hacked to death", "stabbed", "beat(en)?",
)  # fmt: skip
# The object (or passive subject) of the act verb ends at a clause break.
_CLAUSE_RX = re.compile(r"[,;:.()]|\s(?:and|while|as|after|when|before|killing|leaving)\s", re.I)
_ACT_VERB_RX = re.compile(
    rf"(?P<passive>\b(?:was|were|been|being)\s+(?:(?:\w+ly|later|also|then|all|both|soon)\s+)?)?"
    rf"\b(?:{alternation(_ACT_VERBS)})\b",
    re.I,
)
# A crowd-violence word this close after a word for the authorities is their act, not the crowd's
# ("police beat protesters"); set by reading our own snippets.
_STATE_ACT_WINDOW = 25
# What set the protest off: "The protests came after several people were killed by a mob", "followed the
# killing of a teenager", "were sparked by the shooting".
_SET_OFF = (
    "(came|come|comes) (after|amid|following)",
    "followed",
    "(were|was) (sparked|triggered|prompted) by",
    "(erupted|broke out|began) (after|over|following|amid)",
)
# What a protest is about: from the marker to the end of the clause (at most 140 characters).
_TOPIC_MARKERS = (
    "against",
    "over",
    "to (denounce|decry|condemn|mourn|protest|demand|commemorate|remember)",
    "(demanding|seeking|calling for) justice for",
    "in (protest|memory|solidarity|honou?r) (at|of|with|against)",
    "following the",
    "after the",
    "in the wake of",
    "in response to",
    *_SET_OFF,
    "denouncing",
    "decrying",
    "condemning",
    "mourning",
)
# The topic ends where the crowd's own act begins: "students protesting against the law threw rocks".
_CROWD_ACTS = (
    "threw", "hurled", "pelted", "torched", "burned", "burnt", "stormed", "vandali[sz]ed", "smashed",
    "ransacked", "looted", "clashed", "broke into", "set (fire|ablaze|(\\w+ ){1,4}(on fire|alight|ablaze))",
)  # fmt: skip
_TOPIC_RX = re.compile(
    rf"\b(?:{alternation(_TOPIC_MARKERS)})\b(?:(?!\b(?:{alternation(_CROWD_ACTS)})\b)[^,.;:]){{0,140}}", re.I
)
# Violence the sentence says did not happen: "dispersed without clashes", "ended without serious violence",
# "had not intended the protests to turn violent", "no violence was reported".
_NO_VIOLENCE_RX = re.compile(
    r"\b(?:without|no|not|never)\b[^,.;:]{0,50}?\b(?:clash(?:es)?|violen(?:ce|t)|incidents?|trouble)\b", re.I
)
# "Riot police" and "anti-riot units" are the authorities, not a riot.
_RIOT_UNITS_RX = re.compile(
    r"\b(?:anti-)?riot (?:police|policem[ae]n|officers|gear|squads?|units?|control|shields?)\b", re.I
)
_AUTHORITY_RX = re.compile(r"\b(?:police|officers|security forces|soldiers|troops|army|guards)\b", re.I)


# A fight takes two: "police fighting protesters", "police battled demonstrators" tell of violent
# demonstrators (codebook: Riots are violent acts by demonstrators), unlike one-sided acts of the
# authorities ("police beat protesters"). Only with the crowd as the object: "fighting" alone is as often
# "fighting crime" or "fighting for their rights".
_FIGHT_WORDS = ("fought", "fighting", "battl")


# What set a protest off or whom it mourns, to the end of the clause: deaths told there are not the
# protest's ("Protests erupted after police shot dead a teenager", "marched to mourn the 12 killed").
# Not "over" or "against": "riots over bread prices killed 12" tells the riot's own toll.
_CAUSE_MARKERS = (
    *_SET_OFF,
    "to (mourn|commemorate|remember|denounce|decry|condemn|protest)",
    "(demanding|seeking|calling for) justice for",
    "in (memory|honou?r) of",
    "in the wake of",
    "in response to",
)
_CAUSE_RX = re.compile(rf"\b(?:{alternation(_CAUSE_MARKERS)})\b[^,.;:]{{0,140}}", re.I)


def without_cause(text: str) -> str:
    """`text` with what set a protest off blanked (same length): "The protests came after several people
    were killed by a mob" gives the protest no toll."""
    return _CAUSE_RX.sub(lambda m: " " * len(m.group(0)), text)


def protest_subtype(text: str, violent_score: float) -> str:
    """Which of the protest/riot sub-types a protest sentence reports (codebook order of checks).

    What a protest is *about* ("against gun violence", "to mourn those killed") is masked first: only
    what happened at the protest decides its sub-type.
    """
    text = _TOPIC_RX.sub(lambda m: " " * len(m.group(0)), text)
    text = _NO_VIOLENCE_RX.sub(lambda m: " " * len(m.group(0)), text)
    crowd = _crowd_violence(text)
    if crowd or violent_score >= 3:
        return "Violent demonstration"
    if _LETHAL_RX.search(text):
        return "Excessive force against protesters"
    if _INTERVENTION_RX.search(text):
        return "Protest with intervention"
    return "Peaceful protest"


def _crowd_violence(text: str) -> bool:
    text = _RIOT_UNITS_RX.sub(lambda m: " " * len(m.group(0)), text)
    for m in _CROWD_RX.finditer(text):
        before = text[max(0, m.start() - _STATE_ACT_WINDOW) : m.start()]
        word = m.group(0).lower()
        if word.startswith(
            ("stone", "rock", "brick", "clash", "violen", "riot", "unrest", "scuffl", "running")
        ) or (word.startswith(_FIGHT_WORDS) and " " in word):
            return True
        if not _AUTHORITY_RX.search(before):
            return True
    return False


def attack_or_clash(text: str, scores: Mapping[str, float], actors: Sequence[ActorMention] = ()) -> str:
    """Attack (civilians hit) or Armed clash (armed personnel hit), for a generic violence sentence.
    Where the sentence's roles name an armed initiator and civilians as its target ("the army killed 20
    civilians"), that decides; the armed word of the initiator is not a victim."""
    roles = assign_roles(text, actors) if len(actors) >= 2 else None
    if (
        roles is not None
        and roles.actor1 is not None
        and roles.actor2 is not None
        and roles.actor1.entry.inter != CIVILIANS
        and roles.actor2.entry.inter == CIVILIANS
    ):
        return "Attack"
    if scores.get("Armed clash", 0) >= scores.get("Attack", 0) - 1:
        return "Armed clash"
    victims = _victim_side(text)
    armed = _ARMED_RX.search(victims) or _PERPETRATOR_RX.search(victims)
    civ = _CIVILIAN_RX.search(victims)
    if armed or civ:
        return "Armed clash" if armed and (not civ or armed.start() < civ.start()) else "Attack"
    armed = _ARMED_RX.search(text)
    civ = _CIVILIAN_RX.search(text)
    if armed and (not civ or armed.start() < civ.start()):
        return "Armed clash"
    return "Attack"


# The ambush verb, and what civilians travel or work in when they are ambushed: "ambushed a commercial
# bus", "a pickup carrying farmers", "a wedding convoy".
_AMBUSHED_RX = re.compile(r"\bambush(?:ed|ing)\b", re.I)
_CIVILIAN_TARGET_RX = re.compile(
    r"\b(?:(?:mini)?bus(?:es)?|passengers?|pick-?ups?|taxis?|motorists?|travell?ers|traders|wedding"
    r"|(?:car|vehicle|truck|lorry|boat)s? carrying"
    r" (?!(?:soldiers|troops|police|officers|fighters|militants)))",
    re.I,
)


def ambushed_civilians(text: str) -> bool:
    """The sentence's ambush hit civilians, not armed personnel: "gunmen ambushed a commercial bus", "ambushed
    a pickup carrying farmers" (codebook: an ambush on soldiers or militia is a clash; violence against
    civilians is an attack)."""
    ambush = _AMBUSHED_RX.search(text)
    victims = _CLAUSE_RX.split(text[ambush.end() :])[0] if ambush else ""
    if not victims or _ARMED_RX.search(victims):
        return False
    return bool(_CIVILIAN_RX.search(victims) or _CIVILIAN_TARGET_RX.search(victims))


def _victim_side(text: str) -> str:
    """The part of a sentence that names who was hit: after an active act verb ("militants shot dead a
    village elder"), before a passive one ("a village elder was shot dead by militants"). The armed
    word of the attacker in the subject is not a victim. Empty when no act verb is found."""
    m = _ACT_VERB_RX.search(text)
    if m is None:
        return ""
    if m.group("passive"):
        return _CLAUSE_RX.split(text[: m.start()])[-1]
    return _CLAUSE_RX.split(text[m.end() :])[0]


def territory_subtype(text: str, cue_start: int, actors: Sequence[ActorMention]) -> str:
    """Who took the place, read from the actor before the territory cue (or the verb when none is named)."""
    if _WITHDRAWAL_RX.search(text) and not _FIGHTING_RX.search(text):
        return "Non-violent transfer of territory"
    loser_first = bool(_LOSER_FIRST_RX.search(text))
    armed = [a for a in actors if a.entry.inter in (1, 2, 3, 4, 8)]
    before = [a for a in armed if a.start <= cue_start] or armed
    if before:
        takers = sorted(
            before, key=lambda a: (a.entry.generic, -a.start if a.start <= cue_start else a.start)
        )
        state = takers[0].entry.inter in (STATE_FORCES, EXTERNAL_FORCES)
        return TERRITORY_TYPES[0] if state != loser_first else TERRITORY_TYPES[1]
    if _STATE_RX.search(text[:cue_start]):
        return TERRITORY_TYPES[0] if not loser_first else TERRITORY_TYPES[1]
    return TERRITORY_TYPES[0] if _RETAKE_RX.search(text) or loser_first else TERRITORY_TYPES[1]
