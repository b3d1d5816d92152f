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
PROTEST_TYPES = ("Peaceful protest", "Protest with intervention", "Excessive force against protesters")
# Sub-types a protest cue overrides: "police arrested 20 protesters" is a protest met with intervention.
_PROTEST_OVERRIDES = {"Arrests", "Attack", "Armed clash", "Violent demonstration", "Looting/property destruction",
                      "Change to group/activity", "Shelling/artillery/missile attack", "Disrupted weapons use", "none:crime",
                      "none:diplomacy", "Mob violence", "Grenade", "Chemical weapon"}  # fmt: skip
# A non-event label ("none:disaster") wins only with this margin over the best event type, so that a
# strike that "collapsed a building" stays a strike. Set by reading our own mixed snippets.
NONE_MARGIN = 1.0
# The least score a sentence needs to count as reporting an event: one strong cue, or two weak ones.
MIN_EVENT_SCORE = 2.0

_ACT = re.compile(r"\b(?:strikes?|struck|destroy(?:ed|ing)?|bomb(?:ed|ing|s)?|hit|targeted|attack(?:ed|s)?|pounded|raided"
                  r"|killed|shelled|fired|launched|carried out|conducted|bombard\w*)\b", re.I)  # fmt: skip
_LETHAL = re.compile(r"\b(?:killed|killing|shot dead|live (?:ammunition|fire|bullets|rounds)|opened fire|fatally|died"
                     r"|seriously (?:injured|wounded)|brutally|dead|deaths?|gunfire|bullets)\b", re.I)  # fmt: skip
_INTERVENTION = re.compile(r"\b(?:dispers(?:ed|e|ing)|tear ?gas|water cannons?|rubber bullets|arrest(?:ed|s)?|detain(?:ed)?"
                           r"|batons?|broke up|stun grenades?|pepper spray|beat(?:en)?|crack(?:ed)? down|crackdown|charged"
                           r"|blocked|prevented|police intervened|injur(?:ed|ing)|wounded|pellets|scuffled?)\b", re.I)  # fmt: skip
_VIOLENT_CROWD = re.compile(r"\b(?:threw|hurled|hurling|pelted|torched|set fire|set ablaze|vandali[sz]ed|smashed|ransacked"
                            r"|looted|burn(?:ed|ing|t)|stormed|rioted|rioters|molotov|petrol bombs?|stones|rocks|clashed)\b", re.I)  # fmt: skip
_ARMED_VICTIM = re.compile(r"\b(?:soldiers?|troops|fighters?|militants?|servicem[ae]n|militiam[ae]n|policem[ae]n|police officers?"
                           r"|security (?:forces|personnel|guards?)|guards?|army|military|personnel|insurgents|rebels|jihadists"
                           r"|gendarmes?|members of the \w+ (?:forces|army|brigade|militia)|conscripts|officers|commanders?"
                           r"|patrol|convoy|checkpoint|positions?|base|post)\b", re.I)  # fmt: skip
_CIVILIAN_VICTIM = re.compile(r"\b(?:civilians?|residents?|villagers?|farmers?|women|children|child|family|families|people"
                              r"|worshippers|students?|journalists?|passengers|man|woman|boy|girl|men|teacher|doctor|nurse"
                              r"|paramedics?|worker|workers|refugees|displaced|market|homes?|house|school|mosque|church)\b", re.I)  # fmt: skip
_RETAKE = re.compile(
    r"\b(?:recaptur\w+|retook|retaken|regain\w*|liberat\w+|took back|restored control|reclaimed)\b", re.I
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


class CueLexicon:
    """Compiled cue patterns, one alternation per sub-type and weight."""

    def __init__(self, table: Sequence[tuple[str, float, re.Pattern[str]]]) -> None:
        self._table = tuple(table)

    @classmethod
    def load(cls) -> CueLexicon:
        text = resources.files("frontwire").joinpath("data/events/triggers.toml").read_text(encoding="utf-8")
        table = []
        for raw in tomllib.loads(text)["cue"]:
            if raw["patterns"]:
                joined = "|".join(f"(?:{p})" for p in raw["patterns"])
                table.append((raw["sub_type"], float(raw["weight"]), re.compile(rf"\b(?:{joined})\b", re.I)))
        return cls(table)

    def cues(self, text: str) -> list[Cue]:
        out = []
        for sub_type, weight, pattern in self._table:
            for m in pattern.finditer(text):
                out.append(Cue(sub_type, weight, m.start(), m.end()))
        return out


def classify(text: str, cues: Sequence[Cue], actors: Sequence[ActorMention]) -> Typing | None:
    """The sub-event type a sentence reports, or None (no cue, or a disaster/diplomacy/crime sentence)."""
    scores: dict[str, float] = defaultdict(float)
    seen: set[tuple[str, str]] = set()
    for c in cues:
        key = (c.sub_type, text[c.start : c.end].lower())
        if key not in seen:
            seen.add(key)
            scores[c.sub_type] += c.weight
    air_actor = any(a.entry.means == "air" for a in actors)
    if air_actor and _ACT.search(text):
        scores["Air/drone strike"] += 4
    state_actor = any(a.entry.inter in (1, 8) and not a.entry.generic for a in actors)
    if state_actor and not any(scores.get(w) for w in WEAPON_TYPES if w != "Air/drone strike"):
        if _STATE_BOMBING.search(text) and scores.get("Air/drone strike", 0) == 0:
            scores["Air/drone strike"] += 2
    if not scores:
        return None
    protest = scores.get("Peaceful protest", 0)
    if protest:
        for other in _PROTEST_OVERRIDES:
            if scores.get(other, 0) >= protest:
                scores[other] = protest - 0.5
    event_scores = {k: v for k, v in scores.items() if not k.startswith("none:")}
    none_scores = {k: v for k, v in scores.items() if k.startswith("none:")}
    best_event = max(event_scores.items(), key=lambda kv: (kv[1], _priority(kv[0])), default=None)
    best_none = max(none_scores.values(), default=0.0)
    if best_event is None or best_event[1] < MIN_EVENT_SCORE or best_none >= best_event[1] + NONE_MARGIN:
        return None
    sub_type = _refine(best_event[0], text, actors, scores)
    return Typing(sub_type, EVENT_TYPES[sub_type], best_event[1], tuple(c for c in cues))


def _priority(sub_type: str) -> int:
    order = ["Suicide bomb", "Chemical weapon", "Grenade", "Air/drone strike", "Remote explosive/landmine/IED",
             "Shelling/artillery/missile attack", "Sexual violence", "Abduction/forced disappearance",
             "Government regains territory", "Non-state actor overtakes territory", "Disrupted weapons use"]  # fmt: skip
    return len(order) - order.index(sub_type) if sub_type in order else 0


def _refine(sub_type: str, text: str, actors: Sequence[ActorMention], scores: dict[str, float]) -> str:
    if sub_type in PROTEST_TYPES:
        if _LETHAL.search(text) and not _VIOLENT_CROWD.search(text):
            return "Excessive force against protesters"
        if _VIOLENT_CROWD.search(text) or scores.get("Violent demonstration", 0) >= 3:
            return "Violent demonstration"
        if _INTERVENTION.search(text):
            return "Protest with intervention"
        return "Peaceful protest"
    if sub_type == "Attack":
        if scores.get("Armed clash", 0) >= scores["Attack"] - 1:
            return "Armed clash"
        armed = _ARMED_VICTIM.search(text)
        civ = _CIVILIAN_VICTIM.search(text)
        if armed and (not civ or armed.start() < civ.start()):
            return "Armed clash"
        return "Attack"
    if sub_type in ("Government regains territory", "Non-state actor overtakes territory"):
        named = [a for a in actors if a.entry.inter in (1, 2, 3, 4, 8)]
        if named:
            first = named[0].entry
            return (
                "Government regains territory"
                if first.inter in (1, 8)
                else "Non-state actor overtakes territory"
            )
        return (
            "Government regains territory" if _RETAKE.search(text) else "Non-state actor overtakes territory"
        )
    return sub_type
