"""Accidents are not events: an article that tells an explosion or deaths as an accident codes none of them.

ACLED codes political violence, demonstrations and strategic developments; an industrial blast, a road
crash or a fire is not an event, nor is the arrest of a manager for negligence. A single sentence rarely
says so ("The blast tore through the plant ..."): the article does, once, in its headline or a later
line ("officials ruled out sabotage", "the driver lost control of the vehicle", "an industrial accident").
So the check is made over the article's event sentences:

- a draft whose own sentences tell the accident is dropped, whatever it was typed as;
- in an article that tells an accident, an explosion or a death known only by its outcome (a generic
  attack, a remote explosive or a grenade) is dropped too when none of its sentences names an attacker,
  a bombing or a claim (an article about an accident may still recall an attack: that one stays).

Air and drone strikes, shelling, suicide bombs and every battle name their violence by their nature and
always stay. Written from how news reports industrial and road accidents, not from any one article.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # grouping imports this module; the drafts are its records
    from frontwire.events.rules.grouping import EventDraft

ACCIDENT_REASON = "accident, not political violence"
# How news says a blast or a death was an accident.
_ACCIDENT = re.compile(
    r"\brul(?:e|es|ed|ing) out (?:any )?(?:sabotage|foul play|an attack|a (?:terrorist )?attack|terrorism)\b"
    r"|\b(?:industrial|workplace|mining|factory|road|traffic|work) (?:accident|disaster)s?\b"
    r"|\baccidental(?:ly)? (?:explosion|blast|fire|detonation|death)s?\b|\bby accident\b"
    r"|\b(?:caused|triggered|sparked) by (?:a )?(?:gas leak|short circuit|technical fault|faulty \w+)\b"
    r"|\bgas (?:leak|cylinder|canister|tank) (?:explo|blast|caused)\w*"
    # What blew up was stored there: "caused by ammonium nitrate stored in a warehouse", a fireworks depot.
    r"|\b(?:caused|triggered|sparked) by [^.;]{0,60}?\b(?:stored|kept|stockpiled|in storage)\b"
    r"|\b(?:fireworks|chemical|fuel|ammunition) (?:depot|warehouse|store|factory|plant)s? "
    r"(?:explo|blast|caught)\w*"
    r"|\blost control of (?:the|his|her|their|a) (?:vehicle|car|truck|lorry|bus|van)\b"
    r"|\b(?:causing death|manslaughter|homicide) by negligence\b|\bcriminal negligence\b",
    re.I,
)
# Words that name an attack, an attacker or a claim: an article about an accident may recall one.
_ATTACK = re.compile(
    r"\b(?:gunm[ae]n|militants?|attackers?|assailants?|bomb(?:er|ers|ing|ings)|rebels?|insurgents?"
    r"|terrorists?|jihadists?|claimed|sabotage[sd]?|ambush\w*|shot|stabbed|attacked)\b",
    re.I,
)
# Sub-types that say only that something blew up or someone died: an accident can be told so.
_OUTCOME_SUB_TYPES = frozenset(("Attack", "Remote explosive/landmine/IED", "Grenade"))


# A vehicle's mishap: "their pick-up overturned on a wet road", "the truck skidded off the road", "the
# brakes failed", "two aircraft crashed in bad weather during a training flight". Told of soldiers on patrol
# it is still no clash; told with a weapon or a hit ("overturned after hitting a landmine", "crashed after it
# was shot down"), it is an act.
_VEHICLES = (
    r"pick-?ups?|trucks?|vehicles?|cars?|(?:mini)?bus(?:es)?|lorr(?:y|ies)|vans?|jeeps?|tankers?"
    r"|helicopters?|aircraft|planes?|jets?"
)
_MISHAP = re.compile(
    rf"\b(?:{_VEHICLES})\s+(?:[\w-]+\s+){{0,2}}?(?:overturned|skidded|plunged|veered|rolled over|careered"
    r"|collided|fell into|fell off|ran off the road|went off the road)\b"
    r"|\b(?:brakes?|engines?) (?:failed|failure)\b"
    r"|\b(?:mechanical|technical|engine) (?:failure|fault|problem)s?\b"
    r"|\bcrash\w*\b[^.;]{0,60}\b(?:bad weather|poor visibility|training (?:flight|exercise|mission)"
    r"|routine (?:flight|exercise|mission|patrol flight))\b"
    r"|\b(?:bad weather|poor visibility|training (?:flight|exercise|mission))\b[^.;]{0,60}\bcrash\w*\b",
    re.I,
)
_HIT = re.compile(
    r"\b(?:shot down|downed|hit by|struck by|after (?:being |it was )?(?:hit|struck|targeted)|fired|ambush\w*"
    r"|attack\w*|(?:land)?mines?|ieds?|explosive\w*|bombs?|rockets?|missiles?|gunmen|militants|rebels)\b",
    re.I,
)


def tells_accident(text: str) -> bool:
    """Whether `text` says a blast, a crash or a death was an accident."""
    return bool(_ACCIDENT.search(text)) or (bool(_MISHAP.search(text)) and not _HIT.search(text))


def accidental(draft: EventDraft, article_accident: bool) -> bool:
    """Whether `draft` is an accident: its own sentences tell one, or the article tells one and the draft is
    an explosion or a death with no attacker named."""
    texts = [p.sentence.text for p in draft.parts]
    if draft.typing.event_type == "Protests":
        return False  # a vigil or a march after a disaster is a protest of its own
    if any(tells_accident(t) for t in texts):
        return True
    if not article_accident or draft.typing.sub_type not in _OUTCOME_SUB_TYPES:
        return False
    return not any(_ATTACK.search(t) for t in texts)


def article_tells_accident(texts: Sequence[str]) -> bool:
    return any(tells_accident(t) for t in texts)
