"""Sentence frames that change what the cue words mean: a verb and its object read together.

A weapon word alone says "IED" or "rockets"; "police seized 20 rifles and two IEDs" is a seizure
(Disrupted weapons use), "a gas cylinder exploded" is an accident, "sanctions over missile tests"
is diplomacy, and "the group claimed responsibility for the bombing" is a claim about a past event.
Each frame adds a score to one sub-type (or a "none:<label>") and cancels the cue types it explains.

Hands `Frame`s to `frontwire.events.rules.classify`. Patterns are built from word lists, written from how
wire services phrase these reports (ACLED's codebook examples); not fitted to evaluation rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from frontwire.events.rules.typing_attribution import bare_attribution
from frontwire.events.rules.typing_words import alternation

# Weight of a frame: above any single lexicon cue (at most 5), so that a frame that explains the
# weapon words wins over them; set by reading our own mixed snippets (tests/events/test_events_typing.py).
FRAME_WEIGHT = 6.0
# A seizure in a sentence that also reports deaths is often a follow-up to a fight: it then only adds.
SEIZURE_WITH_DEATHS_WEIGHT = 2.0
# How far (characters) a verb may sit from its object in a frame: a clause of wire prose.
_NEAR = 90

_WEAPON_REMOTE = (
    "Remote explosive/landmine/IED",
    "Grenade",
    "Shelling/artillery/missile attack",
    "Chemical weapon",
    "Air/drone strike",
    "Suicide bomb",
)
_TERRITORY = ("Government regains territory", "Non-state actor overtakes territory")

_SEIZE_VERBS = (
    "seized",
    "seize",
    "seizing",
    "seizure of",
    "captured",
    "found",
    "discovered",
    "recovered",
    "uncovered",
    "unearthed",
    "confiscated",
    "confiscation of",
    "impounded",
    "retrieved",
    "defused",
    "defusing",
    "dismantled",
    "dismantling",
    "cleared",
    "removed",
    "destroyed",
    "identified",
    "neutrali[sz]ed",
    "handed over",
    "recovery of",
    "haul of",
)
_ARMS = (
    "weapons?",
    "arms",
    "ammunitions?",
    "ammo",
    "firearms?",
    "guns?",
    "pistols?",
    "revolvers?",
    "rifles?",
    "muskets?",
    "carbines?",
    "kalashnikovs?",
    "ak-47s?",
    "machine[- ]guns?",
    "bullets",
    "cartridges",
    "rounds",
    "magazines",
    "explosives?",
    "explosive devices?",
    "ieds?",
    "improvised explosive devices?",
    "improvise explosive devices?",
    "vbieds?",
    "(land)?mines",
    "grenades?",
    "detonators?",
    "rocket bombs?",
    "bombs",
    "suspicious (packages?|objects?|devices?)",
    "(arms|weapons?) caches?",
    "caches?",
    "rpgs?",
    "mortars",
)
_INTERCEPT_VERBS = ("intercepted", "intercepting", "interception of", "shot down", "downed")
_AIRBORNE = ("missiles?", "rockets?", "drones?", "uavs?", "projectiles?", "ballistic", "cruise")
_FOIL_VERBS = ("thwarted", "foiled", "prevented", "averted")
_PLOTS = (
    "(terror |bomb |suicide )?attacks?",
    "plots?",
    "(bombing|suicide) attempts?",
    "attempted attacks?",
    "bombings?",
)
_ACCIDENTAL = (
    r"(accidentally|prematurely|inadvertently) (\w+ )?(detonat\w*|explod\w*|activat\w*|set off|triggered)",
    r"while (making|assembling|planting|preparing|handling|building|fixing|transporting) "
    r"(an? |the |their |his )?"
    r"(bombs?|explosives?|devices?|ieds?)",
    r"(bomb|device|explosives?) (he|they|she) (was|were) (making|assembling|planting|carrying)",
)

_INDUSTRY = (
    "gas",
    "cooking gas",
    "chemical",
    "factory",
    "plant",
    "warehouse",
    "boiler",
    "cylinders?",
    "tankers?",
    "fireworks?",
    "fertili[sz]er",
    "pipeline",
    "industrial",
    "refinery",
    "coal ?mine",
    "reactor",
    "petroleum",
    "oil",
    "solvents?",
    "storage",
    "depot",
    "furnace",
    "kiln",
    "firecracker",
    "mining",
    "transformer",
    "methane",
    "ammonia",
    "chlorine gas",
    "container",
)
_MISHAP = ("explosions?", "exploded", "blasts?", "leak(s|age|ed)?", "fire", "blaze", "spill", "collapse")
_ARMED_WORDS = re.compile(
    r"\b(?:bomb(?:er|ers|ing)?s?|ieds?|suicide|militants?|gunmen|insurgents?|terroris\w+|attackers?|rebels?"
    r"|jihadists?|explosive devices?|grenades?|shell(?:ing|ed)|air ?strikes?|rockets?|missiles?|drones?)\b",
    re.I,
)

_DIPLO_PATTERNS = (
    r"(imposed?|imposing|new|announced|slapped|lifted|fresh|tougher|additional) (\w+ ){0,3}sanctions",
    r"sanctions (against|on)",
    r"expel(led|s|ling)? (\w+ ){0,3}diplomats",
    r"diplomats (were |have been )?expelled",
    r"summon(ed|s)? (\w+ ){0,3}(ambassador|envoy|charg[eé] d'affaires)",
    r"(missile|nuclear|ballistic|weapons?|rocket) "
    r"(tests?|testing|programs?|programmes?|development|capabilit\w+)",
    r"test[- ]fir(ed|es|ing)",
    r"(held|hold|holds|holding) (\w+ ){0,3}(talks|meetings?|summit)",
)
_DEATHS = re.compile(r"\b(?:killed|killing|dead|died|deaths?|lives)\b", re.I)


@dataclass(frozen=True, slots=True)
class Frame:
    """One frame found in a sentence: the sub-type it adds to, its weight, the cue types it explains."""

    sub_type: str
    weight: float
    cancels: tuple[str, ...]
    start: int
    end: int


def _near(first: str, second: str) -> re.Pattern[str]:
    """`first` ... `second` within _NEAR characters, in either order (active or passive voice)."""
    a, b = alternation(first), alternation(second)
    gap = rf"[^.;]{{0,{_NEAR}}}?"
    return re.compile(rf"\b(?:{a})\b{gap}\b(?:{b})\b|\b(?:{b})\b{gap}\b(?:{a})\b", re.I)


def _object_of(verbs: tuple[str, ...], objects: tuple[str, ...]) -> re.Pattern[str]:
    """`objects` as the object of `verbs`: "seized 40 rifles" or, passive, "rifles ... were seized"."""
    v, o = alternation(verbs), alternation(objects)
    active = rf"\b(?:{v})\b[^.;]{{0,{_NEAR}}}?\b(?:{o})\b"
    passive = rf"\b(?:{o})\b[^.;]{{0,{_NEAR}}}?\b(?:was|were|been|being|is|are)\s+(?:\w+\s+)?(?:{v})\b"
    return re.compile(f"{active}|{passive}", re.I)


# Seizures read the weapon as the verb's object, so that "bombs destroyed the house" is not a seizure.
_SEIZURE = _object_of(_SEIZE_VERBS, _ARMS)
# The weapon is what was shot down ("shot down two drones", "the missile was intercepted"), not what shot
# it down ("an airliner shot down by a surface-to-air missile" is an attack on the people aboard).
_INTERCEPT = re.compile(
    rf"\b(?:{alternation(_INTERCEPT_VERBS)})\b(?:(?!\bby\b)[^.;]){{0,{_NEAR}}}?\b(?:{alternation(_AIRBORNE)})\b"
    rf"|\b(?:{alternation(_AIRBORNE)})\b[^.;]{{0,{_NEAR}}}?\b(?:{alternation(_INTERCEPT_VERBS)})\b",
    re.I,
)
_FOIL = _near(_FOIL_VERBS, _PLOTS)
_AIR_DEFENCE = re.compile(r"\bair[- ]defen[cs]es?\b", re.I)
_ACCIDENT = re.compile(alternation(_ACCIDENTAL), re.I)
_INDUSTRIAL = re.compile(
    rf"\b(?:{alternation(_INDUSTRY)})\b(?:\s+\w+){{0,3}}?\s+(?:{alternation(_MISHAP)})\b"
    rf"|\b(?:{alternation(_MISHAP)})\b[^.;]{{0,40}}?\b(?:at|in|through|inside) (?:an?|the) (?:\w+ ){{0,2}}?"
    rf"(?:{alternation(_INDUSTRY)})\b",
    re.I,
)
_DIPLOMACY = re.compile(rf"\b(?:{alternation(_DIPLO_PATTERNS)})\b", re.I)


# Plain substrings one of which each frame needs (checked on the lower-cased sentence before any
# regex runs): most sentences of a long article hold none, and substring tests cost next to nothing.
_KEYS_SEIZURE = (
    "weapon",
    "arms",
    "ammo",
    "ammunition",
    "firearm",
    "gun",
    "pistol",
    "revolver",
    "rifle",
    "musket",
    "carbine",
    "kalashnikov",
    "ak-47",
    "bullet",
    "cartridge",
    "round",
    "magazine",
    "explosive",
    "ied",
    "mine",
    "grenade",
    "detonator",
    "bomb",
    "suspicious",
    "cache",
    "rpg",
    "mortar",
)
_KEYS_DISRUPT = ("intercept", "shot down", "downed", "defen", "thwart", "foil", "prevent", "avert")
_KEYS_ACCIDENT = (
    "accident",
    "prematur",
    "inadvert",
    "while ",
    "making",
    "assembling",
    "planting",
    "carrying",
)
_KEYS_INDUSTRIAL = ("explo", "blast", "leak", "fire", "blaze", "spill", "collapse")
_KEYS_DIPLOMACY = (
    "sanction",
    "diplomat",
    "summon",
    "test",
    "program",
    "development",
    "capabilit",
    "talks",
    "meeting",
    "summit",
)


def _has(lowered: str, keys: tuple[str, ...]) -> bool:
    return any(k in lowered for k in keys)


def find_frames(text: str) -> list[Frame]:
    """The frames a sentence holds, in the order of the checks (at most one per kind)."""
    out: list[Frame] = []
    low = text.lower()
    if _has(low, _KEYS_SEIZURE) and (m := _SEIZURE.search(text)):
        deaths = bool(_DEATHS.search(text))
        weight = SEIZURE_WITH_DEATHS_WEIGHT if deaths else FRAME_WEIGHT
        cancels = () if deaths else _WEAPON_REMOTE + _TERRITORY
        out.append(Frame("Disrupted weapons use", weight, cancels, m.start(), m.end()))
    if _has(low, _KEYS_DISRUPT) and (
        m := (_INTERCEPT.search(text) or _AIR_DEFENCE.search(text) or _FOIL.search(text))
    ):
        out.append(Frame("Disrupted weapons use", FRAME_WEIGHT, _WEAPON_REMOTE, m.start(), m.end()))
    if _has(low, _KEYS_ACCIDENT) and (m := _ACCIDENT.search(text)):
        out.append(Frame("Disrupted weapons use", FRAME_WEIGHT, _WEAPON_REMOTE, m.start(), m.end()))
    if _has(low, _KEYS_INDUSTRIAL) and (m := _INDUSTRIAL.search(text)) and not _ARMED_WORDS.search(text):
        out.append(Frame("none:disaster", FRAME_WEIGHT, (*_WEAPON_REMOTE, "Attack"), m.start(), m.end()))
    if _has(low, _KEYS_DIPLOMACY) and (m := _DIPLOMACY.search(text)):
        out.append(Frame("none:diplomacy", FRAME_WEIGHT, (), m.start(), m.end()))
    if span := bare_attribution(text):
        out.append(Frame("none:attribution", FRAME_WEIGHT, (), span[0], span[1]))
    return out
