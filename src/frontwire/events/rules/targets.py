"""Whom a one-sided act hit when the sentence names no target: the civilians, by the codebook.

ACLED's actor2 of shelling, a strike or a bomb that hit homes, a market or a hospital, or killed people
the text does not call combatants, is the civilians of the event's country ("Civilians (Ukraine)"); a
strike on positions, a base or a convoy has a military target the text names or leaves unnamed. An arrest
by state forces of people no group is named for has "Civilians (<country>)" as its second side.
Written from the codebook's definitions of civilian targeting and from how wire copy tells such strikes.
"""

from __future__ import annotations

import re

# Places and people that make the hit of a remote weapon a hit on civilians.
_CIVILIAN_OBJECTS = re.compile(
    r"\b(?:residential|residents?|civilians?|children|child|villagers|women|families|family|people|passers-by"
    r"|markets?|marketplace|hospitals?|clinics?|schools?|homes?|houses?|house|hypermarket|supermarket|mall"
    r"|shops?|shopping|bakery|mosques?|churches|church|wedding|funeral|displacement camps?"
    r"|(?:IDP|refugee) camps?|tents?|shelters?|apartments?|apartment block|block of flats|buildings?"
    r"|neighbou?rhoods?|city cent(?:re|er)"
    r"|bus|car|vehicles?|farm|farmland|fishermen|worshippers|pilgrims|wedding)\b",
    re.I,
)
# What makes it a hit on combatants, whether or not the text names them.
_MILITARY_OBJECTS = re.compile(
    r"\b(?:positions?|bases?|soldiers|troops|military|army|checkpoints?|fighters|militants|rebels|insurgents"
    r"|convoy|outposts?|barracks|tanks?|headquarters|airbase|airfield|air base|weapons?|ammunition|depots?"
    r"|front ?lines?|trenches|artillery positions|launchers|command|commanders?|hideouts?|camps? of"
    r"|training camp"
    r"|gunmen|jihadists|terrorists|warship|vessel|ship|drones?\s+(?:over|were shot)|shot down)\b",
    re.I,
)


def hit_civilians(text: str) -> bool:
    """True when a remote attack's sentences tell a civilian target and no military one."""
    return bool(_CIVILIAN_OBJECTS.search(text)) and not _MILITARY_OBJECTS.search(text)
