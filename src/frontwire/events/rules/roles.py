"""Who did what to whom in a sentence: actor mentions -> (initiator, target).

Hands `Roles` (ActorMentions for actor1 and actor2, the initiator's allies, whether the initiator is
only suspected) to the extractor. Rules: "by X", "blamed on X", "carried out by X" name the initiator;
in a passive sentence ("fighters of X were killed") the subject is the target; in an active one the
first actor is the initiator and later ones targets, unless "an attack by X" names another initiator
("troops repelled an attack by militants"). "fighters of the Quds Brigade", "militants of ISIS" and
"ISWAP fighters" count as the named group; a named actor beats a common noun in the same role.
"X and Y attacked", "X backed by Y": Y acts with X (an ally, not a target); of the two, state forces
are actor1 ("militiamen and soldiers" -> the military), as ACLED codes a joint operation.
A date after "on"/"at" ("On Tuesday Israeli forces ...", "at dawn troops ...") is not a target cue.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from frontwire.events.actors import CIVILIANS, STATE_FORCES, ActorMention

# "fighters of the X", "gunmen linked to X", "a suicide bomber suspected to be (a) X member": one of X.
_OF_LINK = re.compile(
    r"^\s+(?:of|from|linked to|affiliated (?:with|to)|belonging to|loyal to"
    r"|(?:suspected|believed|thought|said) to be(?:\s+an?)?)\s+(?:the\s+)?$",
    re.I,
)
# "ISWAP fighters", "M23 rebels": a named group and the common noun for its members, side by side.
_APPOSED = re.compile(r"^\s+$")
# Common nouns of armed people (state forces, rebels, militias, external forces), not civilians,
# protesters or rioters: only these fold into a named group written just before them.
_ARMED_INTERS = frozenset({1, 2, 3, 4, 8})
_AGENT_LINKS = (
    "by|blamed on|attributed to|carried out by|claimed by|at the hands of|perpetrated by|fired by|launched by"
    "|fired from|launched from|dropped by|(?:missiles?|rockets?|shells?|bombs?|fire) from"
)
_AGENT_HEDGES = (
    "suspected|alleged|allegedly|reported|presumed|unidentified|unknown|armed"
    "|[\\w-]+-linked|[\\w-]+-affiliated"
)
AGENT_BEFORE = re.compile(
    rf"\b(?:{_AGENT_LINKS})\s+(?:the\s+|an?\s+)?(?:(?:{_AGENT_HEDGES})\s+)*$",
    re.I,
)
# "an attack by X", "came under fire by X": X started the fight, so the actor named first in the
# sentence ("Government troops repelled an attack by militants") is its target, not its initiator.
_ATTACK_BY = re.compile(
    r"\b(?:attacks?|assaults?|ambush(?:es)?|raids?|offensive|incursion|onslaught|fire|gunfire|shelling|bombardment)"
    r"\s+(?:(?:launched|carried out|mounted|staged)\s+)?(?:by|from)\s+"
    rf"(?:the\s+|an?\s+)?(?:(?:{_AGENT_HEDGES})\s+)*$",
    re.I,
)
# A date or a time of day after "on"/"at" opens a time phrase ("On Tuesday Israeli forces shelled",
# "on the morning of 3 May", "at dawn", "at around 3 a.m."), not a target ("an attack on Russian
# positions", "fired at protesters").
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DAY_PART = (
    r"(?:morning|afternoon|evening|night|nights|dawn|dusk|daybreak|sunrise|sunset|nightfall|midnight|noon|midday"
    r"|weekend|eve|day|days|anniversary|christmas|easter|eid|ramadan|new\s+year(?:'s)?)"
)
_ON_TIME = (
    r"\s+(?:(?:the|that|this|last|each|every)\s+)?"
    r"(?:(?:same|following|next|previous|first|second|third|last|final|early|late|fateful|very)\s+)?"
    rf"(?:(?:{_WEEKDAY}|{_MONTH}|{_DAY_PART})\b|\d)"
)
_AT_TIME = (
    r"\s+(?:(?:around|about|approximately|roughly|nearly|precisely|exactly)\s+)?"
    r"(?:(?:dawn|dusk|daybreak|sunrise|sunset|nightfall|midnight|noon|midday|night|first\s+light)\b"
    r"|the\s+(?:weekend|time|same\s+time)\b"
    r"|\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?\s?m\b|o'clock)|\d{3,4}\s*(?:hours|hrs|gmt|utc|local)\b)"
)
TARGET_BEFORE = re.compile(
    rf"\b(?:against|on(?!{_ON_TIME})|targeting|targeted|at(?!{_AT_TIME})|attacked|ambushed|killing|killed|hit"
    r"|struck|abducted|kidnapped|arrested|detained|shot|positions of|bases of)"
    r"\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$",
    re.I,
)
PASSIVE = re.compile(
    r"\b(?:was|were|been|being|got)\s+(?:\w+ly\s+)?(?:killed|attacked|targeted|ambushed|shot|wounded|injured|struck|hit"
    r"|abducted|kidnapped|arrested|detained|bombed|shelled|executed|seized|captured|hurt|massacred|murdered|raped)\b",
    re.I,
)
# An actor that is the subject of an attack verb right after its name ("the Israeli military allegedly
# bombed the house") is the initiator even when a later clause is passive ("... ten people being killed").
_ACTIVE_ATTACK_AFTER = re.compile(
    r"^\s+(?:(?:units|forces|fighters|troops|militants|gunmen|militiamen|members|jets|warplanes|drones|aircraft)\s+)?"
    r"(?:(?:\w+ly|reportedly|allegedly)\s+)?(?:bombed|struck|shelled|attacked|targeted|hit|raided|fired|shot"
    r"|killed|stormed|opened fire|launched|carried out|conducted)\b",
    re.I,
)
# "a suicide bomber detonated", "militants set off a bomb": the bomber (not a civilian: "a man blew
# himself up" leaves the attacker unidentified) is the initiator.
_DETONATED_AFTER = re.compile(
    r"^\s+(?:(?:\w+ly|reportedly|allegedly)\s+)?"
    r"(?:detonated|set off|rammed|blew (?:himself|herself|themselves) up)\b",
    re.I,
)
# "clashes between A and B", "fighting between the A and the B", "between Syria's government forces and
# B": both are parties, A named first.
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+(?:[\w'’-]+\s+){0,2}$", re.I)
_AND_BETWEEN = re.compile(r"^\s+and\s+(?:the\s+)?$", re.I)
_SUSPECTED = re.compile(r"\b(?:suspected|alleged|presumed|believed to be)\s+(?:[\w-]+\s+){0,2}$", re.I)
# A parenthesis after the first actor's name ("the Syrian Arab Army (SAA), backed by ...").
_ASIDE = r"(?:\s*\([^()]{1,40}\))?"
_REPEAT = re.compile(r"^\s*\(\s*$")
# Two actors on one side: "A and B", "A alongside B" (coordinated) or "A, backed by B" (B helps A).
# Two modifier words may stand before B ("the army and allied Syrian rebels"), but not a count:
# "two soldiers and four police" lists victims.
_COORDINATE = r"and|as well as|along with|alongside|together with|jointly with|in coordination with"
_BACKER = (
    r"(?:backed|supported|assisted|aided|accompanied|joined|reinforced|helped|escorted) by"
    r"|with the (?:support|help|backing|assistance|cover) of|with (?:support|help|backing) from"
)
_COUNT = (
    r"\d[\d,.]*|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|scores|hundreds"
    r"|several|many|some|few|more|other|at"
)
_ALLY_LINK = re.compile(
    rf"^{_ASIDE}\s*,?\s+(?:(?P<backer>{_BACKER})|{_COORDINATE})\s+(?:the\s+)?(?:(?!(?:{_COUNT})\s)[\w-]+\s+){{0,2}}$",
    re.I,
)
# "A's 4th Division - backed by B": B helps the initiator named before it, even a few words back.
_BACKED_BEFORE = re.compile(rf"\b(?:{_BACKER})\s+(?:the\s+)?$", re.I)
# "A, backed by B, C and D": a list goes on ("A, backed by air cover and foreign militias").
_LIST_NEXT = re.compile(rf"^{_ASIDE}\s*,\s+(?:and\s+)?(?:the\s+)?$", re.I)
_BACKER_LIST = re.compile(
    rf"^{_ASIDE}\s*,?\s+(?:{_BACKER})\s+(?:the\s+)?(?:[\w'’-]+\s+){{1,5}}(?:and|as well as)\s+(?:the\s+)?"
    r"(?:[\w'’-]+\s+){0,2}$",
    re.I,
)
# "A and B clashed near X": B is A's opponent, not its ally (a reciprocal verb with no "with C").
_RECIPROCAL_AFTER = re.compile(
    r"^\s+(?:(?:reportedly|allegedly|also|again|briefly|fiercely|heavily)\s+)?"
    r"(?:clashed|fought|battled|skirmished|(?:exchanged|traded) (?:heavy\s+)?(?:fire|gunfire|shots|blows))\b"
    r"(?!\s+(?:with|against)\b)",
    re.I,
)

# The role each mention takes while the sentence is read.
_AGENT = "agent"  # marked as the initiator: "by X", "X shelled", a weapon ("Israeli shelling")
_ATTACKER = "attacker"  # "an attack by X"
_FIRST = "first"  # the first actor of an active sentence, unmarked
_ALLY = "ally"  # coordinated with an initiator ("A and B attacked")
_BACKING = "backing"  # helps an initiator ("A backed by B")
_TARGET = "target"
_LIST = "list"  # the next item of a list of allies ("backed by A, B and C")
_TARGET_SIDE = "target-side"  # helps a target ("troops backed by militias"): actor2 only if none else
_INITIATOR_SIDE = frozenset({_AGENT, _ATTACKER, _FIRST, _ALLY, _BACKING})


@dataclass(frozen=True, slots=True)
class Roles:
    actor1: ActorMention | None
    actor2: ActorMention | None
    suspected: bool = False
    allies1: tuple[ActorMention, ...] = ()  # acting with actor1: "A and B attacked", "A backed by B"


def link_group_nouns(text: str, mentions: Sequence[ActorMention]) -> list[ActorMention]:
    """Fold "<named group> fighters" and then "fighters of <named group>" into the named group's
    mention (spanning both): "men said to be Taliban fighters" is one mention of the Taliban."""
    out: list[ActorMention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (
            prev is not None
            and not prev.entry.generic
            and m.entry.generic
            and m.entry.inter in _ARMED_INTERS
            and _APPOSED.match(text[prev.end : m.start])
        ):
            means = prev.entry.means or m.entry.means  # "SAF warplanes": the army, by air
            entry = prev.entry if means == prev.entry.means else replace(prev.entry, means=means)
            out[-1] = replace(prev, entry=entry, end=m.end, text=text[prev.start : m.end])
        else:
            out.append(m)
    folded: list[ActorMention] = []
    for m in out:
        prev = folded[-1] if folded else None
        if (
            prev is not None
            and prev.entry.generic
            and not m.entry.generic
            and _OF_LINK.match(text[prev.end : m.start])
        ):
            folded[-1] = replace(m, start=prev.start, text=text[prev.start : m.end])
        else:
            folded.append(m)
    return folded


def assign_roles(
    text: str, mentions: Sequence[ActorMention], exclude: Sequence[tuple[int, int]] = ()
) -> Roles:
    """The initiator and the target among `mentions` of one sentence."""
    usable = [m for m in mentions if not any(a <= m.start < b for a, b in exclude)]
    for first, second in zip(usable, usable[1:], strict=False):
        before = text[max(0, first.start - 40) : first.start]
        if _BETWEEN_BEFORE.search(before) and _AND_BETWEEN.match(text[first.end : second.start]):
            return Roles(first, second)
    usable = [m for i, m in enumerate(usable) if not (i and _repeats(text, usable[i - 1], m))]
    r = _read_roles(text, usable)
    _demote_first(usable, r)
    agents = [i for i, role in enumerate(r.roles) if role in (_AGENT, _ATTACKER, _FIRST)]
    chosen = _best([usable[i] for i in agents])
    if chosen is None:
        return Roles(None, _best([usable[i] for i, role in enumerate(r.roles) if role == _TARGET]))
    head = next(i for i in agents if usable[i] is chosen)
    allies = [i for i, role in enumerate(r.roles) if role == _ALLY and r.heads[i] == head]
    idle = [i for i in allies if not r.acting[i]]
    if idle and _TARGET not in r.roles:
        r.roles[idle[0]] = _TARGET  # "A and B have been fighting for weeks": B is the other party
        allies.remove(idle[0])
    # A state force leads a joint operation ("militiamen and soldiers attacked" -> the military).
    agent = min([chosen] + [usable[i] for i in allies], key=_lead_key)
    side = [usable[i] for i in [head, *allies] if usable[i] is not agent]
    side += [usable[i] for i, role in enumerate(r.roles) if role == _BACKING and r.heads[i] == head]
    targets = [usable[i] for i, role in enumerate(r.roles) if role == _TARGET]
    helpers = [usable[i] for i, role in enumerate(r.roles) if role == _TARGET_SIDE]
    # No target named, but another party acts: "soldiers were patrolling when insurgents detonated a bomb".
    rivals = [
        usable[i]
        for i in agents
        if i != head
        and usable[i].entry.means is None
        and usable[i].entry.inter in _ARMED_INTERS
        and not _same_side(usable[i], chosen)
    ]
    for group in (targets, helpers, rivals):
        others = [t for t in group if t.entry.name != agent.entry.name]
        if others:
            return Roles(agent, _best(others), r.suspected[head], tuple(side))
    return Roles(agent, None, r.suspected[head], tuple(side))


@dataclass(slots=True)
class _Reading:
    """Per mention: its role, the initiator it sides with, whether it is only suspected, whether it
    acts itself (an attack verb follows it, or it names a weapon)."""

    roles: list[str] = field(default_factory=list)
    heads: list[int] = field(default_factory=list)
    suspected: list[bool] = field(default_factory=list)
    acting: list[bool] = field(default_factory=list)


def _read_roles(text: str, usable: Sequence[ActorMention]) -> _Reading:
    """Each mention's role, read left to right: the link to the mention before it ("and", "backed by")
    first, then its own cues (a weapon, an attack verb, "by"), then the sentence's voice and position."""
    r = _Reading()
    passive = PASSIVE.search(text)
    for i, m in enumerate(usable):
        before = text[max(0, m.start - 60) : m.start]
        after = text[m.end : m.end + 40]
        acting = (
            m.entry.means is not None
            or bool(_ACTIVE_ATTACK_AFTER.match(after))
            or (m.entry.inter != CIVILIANS and bool(_DETONATED_AFTER.match(after)))
        )
        link = _ally_link(text, usable, i)
        head = i
        if link == _LIST and r.roles[i - 1] in (_ALLY, _BACKING):
            role, head = r.roles[i - 1], r.heads[i - 1]
        elif link and link != _LIST and r.roles[i - 1] in _INITIATOR_SIDE:
            if link == _BACKING:
                role, head = _BACKING, r.heads[i - 1]
            elif _RECIPROCAL_AFTER.match(after):
                role = _TARGET  # "troops and militants clashed": the other party
            else:
                role, head = _ALLY, r.heads[i - 1]
        elif link == _BACKING:
            # "attacked troops backed by militiamen"; but "troops backed by helicopter gunships" acts itself
            role = _AGENT if acting else _TARGET_SIDE
        elif _BACKED_BEFORE.search(before) and (lead := _last_initiator(r, usable)) is not None:
            role, head = _BACKING, lead
        elif acting or AGENT_BEFORE.search(before):
            # "an Israeli airstrike", "Israeli shelling": the weapon names its user
            role = _ATTACKER if _ATTACK_BY.search(before) else _AGENT
        elif passive and m.start < passive.start():
            role = _TARGET
        elif TARGET_BEFORE.search(before):
            role = _TARGET
        elif not passive and not any(x in _INITIATOR_SIDE or x == _TARGET for x in r.roles):
            role = _FIRST
        else:
            role = _TARGET
        r.roles.append(role)
        r.heads.append(head)
        r.suspected.append(bool(_SUSPECTED.search(before)))
        r.acting.append(acting)
    return r


def _last_initiator(r: _Reading, usable: Sequence[ActorMention]) -> int | None:
    """The head of the armed initiator side read last, if any (civilians are nobody's backed side)."""
    for j in range(len(r.roles) - 1, -1, -1):
        if r.roles[j] in _INITIATOR_SIDE:
            head = r.heads[j]
            return head if usable[head].entry.inter in _ARMED_INTERS else None
    return None


def _ally_link(text: str, usable: Sequence[ActorMention], i: int) -> str | None:
    """How mention i joins the one before it on one side: _BACKING ("backed by"), _ALLY ("and"), or
    None. "between A and B" joins two opponents, not allies."""
    if i == 0:
        return None
    prev = usable[i - 1]
    if _BETWEEN_BEFORE.search(text[max(0, prev.start - 40) : prev.start]):
        return None
    gap = text[prev.end : usable[i].start]
    if _BACKER_LIST.match(gap):
        return _BACKING
    if _LIST_NEXT.match(gap):
        return _LIST
    link = _ALLY_LINK.match(gap)
    if link is None:
        return None
    return _BACKING if link.group("backer") else _ALLY


def _demote_first(usable: Sequence[ActorMention], r: _Reading) -> None:
    """The first actor is the attacked side: "Government troops repelled an attack by militants".
    Not when the attacker is a common noun for the first actor's own kind ("the Syrian army ... fire
    from government forces")."""
    firsts = [i for i, role in enumerate(r.roles) if role == _FIRST]
    attackers = [usable[i] for i, role in enumerate(r.roles) if role == _ATTACKER]
    if not firsts or not attackers:
        return
    head = firsts[0]
    first = usable[head]
    if any(_same_side(a, first) for a in attackers):
        return
    for i, role in enumerate(r.roles):
        if i == head:
            r.roles[i] = _TARGET
        elif r.heads[i] == head and role in (_ALLY, _BACKING):
            r.roles[i] = _TARGET_SIDE


def _same_side(a: ActorMention, b: ActorMention) -> bool:
    """`a` is `b`, or a common noun for named `b`'s kind ("the Syrian army" ... "government forces")."""
    if a.entry.name == b.entry.name:
        return True
    return a.entry.generic and not b.entry.generic and a.entry.inter == b.entry.inter


def _repeats(text: str, prev: ActorMention, m: ActorMention) -> bool:
    """`m` restates `prev` in brackets: "the Syrian Arab Army (SAA)"."""
    return m.entry.name == prev.entry.name and bool(_REPEAT.match(text[prev.end : m.start]))


def _lead_key(m: ActorMention) -> tuple[bool, bool, int]:
    """Order of the members of one side for actor1: state forces, then named actors, then the first."""
    return (m.entry.inter != STATE_FORCES, m.entry.generic, m.start)


def _best(mentions: Sequence[ActorMention]) -> ActorMention | None:
    named = [m for m in mentions if not m.entry.generic]
    return (named or list(mentions) or [None])[0]
