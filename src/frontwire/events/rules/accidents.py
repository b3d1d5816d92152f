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


def tells_accident(text: str) -> bool:
    """Whether `text` says a blast, a crash or a death was an accident."""
    return bool(_ACCIDENT.search(text))


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
