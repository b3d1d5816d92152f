"""Who did what to whom in a sentence: actor mentions -> (initiator, target).

Hands `Roles` (ActorMentions for actor1 and actor2, whether the initiator is only suspected) to the
extractor. Rules: "by X", "blamed on X", "carried out by X" name the initiator; in a passive
sentence ("fighters of X were killed") the subject is the target; in an active one the first actor
is the initiator and later ones targets. "fighters of the Quds Brigade" and "militants of ISIS"
count as the named group; a named actor beats a common noun in the same role.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from frontwire.events.actors import ActorMention

_OF_LINK = re.compile(r"^\s+(?:of|from)\s+(?:the\s+)?$", re.I)
_AGENT_LINKS = (
    "by|blamed on|attributed to|carried out by|claimed by|at the hands of|perpetrated by|fired by|launched by"
    "|fired from|launched from|dropped by|(?:missiles?|rockets?|shells?|bombs?|fire) from"
)
_AGENT_HEDGES = (
    "suspected|alleged|allegedly|reported|presumed|unidentified|unknown|armed"
    "|[\\w-]+-linked|[\\w-]+-affiliated"
)
_AGENT_BEFORE = re.compile(
    rf"\b(?:{_AGENT_LINKS})\s+(?:the\s+|an?\s+)?(?:(?:{_AGENT_HEDGES})\s+)*$",
    re.I,
)
_TARGET_BEFORE = re.compile(
    r"\b(?:against|on|targeting|targeted|at|attacked|ambushed|killing|killed|hit|struck|abducted|kidnapped|arrested"
    r"|detained|shot|positions of|bases of)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$",
    re.I,
)
_PASSIVE = re.compile(
    r"\b(?:was|were|been|being|got)\s+(?:\w+ly\s+)?(?:killed|attacked|targeted|ambushed|shot|wounded|injured|struck|hit"
    r"|abducted|kidnapped|arrested|detained|bombed|shelled|executed|seized|captured|hurt|massacred|murdered|raped)\b",
    re.I,
)
# An actor that is the subject of an attack verb right after its name ("the Israeli military allegedly
# bombed the house") is the initiator even when a later clause is passive ("... ten people being killed").
_ACTIVE_ATTACK_AFTER = re.compile(
    r"^\s+(?:(?:\w+ly|reportedly|allegedly)\s+)?(?:bombed|struck|shelled|attacked|targeted|hit|raided|fired|shot"
    r"|killed|stormed|opened fire|launched|carried out|conducted)\b",
    re.I,
)
# "clashes between A and B", "fighting between the A and the B": both are parties, A named first.
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+(?:the\s+)?$", re.I)
_AND_BETWEEN = re.compile(r"^\s+and\s+(?:the\s+)?$", re.I)
_SUSPECTED = re.compile(r"\b(?:suspected|alleged|presumed|believed to be)\s+(?:[\w-]+\s+){0,2}$", re.I)


@dataclass(frozen=True, slots=True)
class Roles:
    actor1: ActorMention | None
    actor2: ActorMention | None
    suspected: bool = False


def link_group_nouns(text: str, mentions: Sequence[ActorMention]) -> list[ActorMention]:
    """Fold "fighters of <named group>" into the named group's mention (spanning both)."""
    out: list[ActorMention] = []
    i = 0
    while i < len(mentions):
        m = mentions[i]
        if i + 1 < len(mentions) and m.entry.generic and not mentions[i + 1].entry.generic:
            nxt = mentions[i + 1]
            if _OF_LINK.match(text[m.end : nxt.start]):
                out.append(replace(nxt, start=m.start, text=text[m.start : nxt.end]))
                i += 2
                continue
        out.append(m)
        i += 1
    return out


def assign_roles(
    text: str, mentions: Sequence[ActorMention], exclude: Sequence[tuple[int, int]] = ()
) -> Roles:
    """The initiator and the target among `mentions` of one sentence."""
    usable = [m for m in mentions if not any(a <= m.start < b for a, b in exclude)]
    for first, second in zip(usable, usable[1:], strict=False):
        before = text[max(0, first.start - 20) : first.start]
        if _BETWEEN_BEFORE.search(before) and _AND_BETWEEN.match(text[first.end : second.start]):
            return Roles(first, second)
    agents: list[tuple[ActorMention, bool]] = []
    targets: list[ActorMention] = []
    passive = _PASSIVE.search(text)
    for m in usable:
        before = text[max(0, m.start - 60) : m.start]
        after = text[m.end : m.end + 40]
        if (
            _AGENT_BEFORE.search(before) or m.entry.means is not None or _ACTIVE_ATTACK_AFTER.match(after)
        ):  # "an Israeli airstrike", "Israeli shelling": the weapon names its user
            agents.append((m, bool(_SUSPECTED.search(before))))
        elif passive and m.start < passive.start():
            targets.append(m)
        elif _TARGET_BEFORE.search(before):
            targets.append(m)
        elif not agents and not passive and not targets:
            agents.append((m, bool(_SUSPECTED.search(before))))
        else:
            targets.append(m)
    agent = _best([a for a, _ in agents])
    suspected = any(s for a, s in agents if a is agent)
    target = _best([t for t in targets if agent is None or t.entry.name != agent.entry.name])
    return Roles(agent, target, suspected)


def _best(mentions: Sequence[ActorMention]) -> ActorMention | None:
    named = [m for m in mentions if not m.entry.generic]
    return (named or list(mentions) or [None])[0]
