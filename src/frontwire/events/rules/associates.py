"""Associated actors (ACLED's assoc_actor_1/2): allies acting with the initiator, and who the civilians
or demonstrators are.

Takes one sentence's actor mentions, its roles (roles.py, which already sets the initiator's allies apart
from its target: "X, backed by Y", "X alongside Y", "X and Y attacked", never "X and Y clashed") and its
cue typing, with the claimant's span to leave out. Hands `IdentityMention`s per sentence and the event's
`Associates` (the two fields, several names joined with "; " as ACLED does) to the extractor. Rules:
- Allies are resolved for the event's country like actor1; civilians, protesters and rioters coordinated
  with the initiator are not allies, nor is actor1 itself.
- An identity (data/events/identities.toml: "journalists" -> "Journalists ({country})") counts for the
  civilians only where the sentence puts it on their side: inside the sentence's target, after a target
  cue ("attacked farmers"), as the subject of "were killed", in a list of the dead ("including two
  journalists"). For a demonstration it counts where it names who demonstrates ("students protested",
  "a rally by teachers"), not its cause ("protested the arrest of lawyers"). Never counted: the
  claimant, a speaker ("a doctor at the hospital said"), an addressee ("told reporters"), a possessive
  ("women's rights groups"), a word inside an armed actor's name ("Kurdistan Workers Party").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from frontwire.errors import ConfigError
from frontwire.events.actors import (
    CIVILIANS,
    PROTESTERS,
    RIOTERS,
    UNKNOWN_COUNTRY,
    ActorMention,
    Country,
    read_lexicon,
    resolve,
    trie_alternation,
)
from frontwire.events.rules.classify import EVENT_TYPES
from frontwire.events.rules.grouping import TypedSentence
from frontwire.events.rules.roles import AGENT_BEFORE, PASSIVE, TARGET_BEFORE, Roles

PACKAGE_FILE = "data/events/identities.toml"
DEMONSTRATIONS = ("Protests", "Riots")
SEPARATOR = "; "  # ACLED joins several associated actors in one field so
# Context windows, in characters of wire prose: a clause before an identity word or after it.
BEFORE_WINDOW = 60
SPEAKER_WINDOW = 60
# The most characters between a passive subject and its verb: room for a list of names with ages ("a
# journalist, Ahmed Nasser, 31, and his cousin Omar Saleh, 24, were killed"), not for another sentence
# run on without a full stop. A round figure: 60 cut such lists short.
PASSIVE_GAP = 120


@dataclass(frozen=True, slots=True)
class IdentityMention:
    name: str  # ACLED's name, "{country}" still to fill: "Journalists ({country})"
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class SentenceIdentities:
    victims: tuple[IdentityMention, ...] = ()
    participants: tuple[IdentityMention, ...] = ()


@dataclass(frozen=True, slots=True)
class Associates:
    assoc_actor_1: str | None = None
    assoc_actor_2: str | None = None


class IdentityTable:
    """Identity words -> ACLED identity names. Build with `IdentityTable.load(extra=[user.toml])`."""

    def __init__(self, names: dict[str, str]) -> None:
        self._by_alias = {alias.lower(): name for alias, name in names.items()}
        body = trie_alternation(list(self._by_alias), fold_case=True)
        # A possessive ("women's rights groups", "journalists' union") names something else.
        self._re = re.compile(rf"(?<![\w-])(?:{body})(?![\w'’-])", re.I) if body else None

    @classmethod
    def load(cls, extra: Sequence[str | Path] = ()) -> IdentityTable:
        names: dict[str, str] = {}  # alias -> name; "" for a phrase that names no identity
        sources: list[tuple[Path | None, str]] = [(None, PACKAGE_FILE)] + [(Path(p), str(p)) for p in extra]
        for path, label in sources:
            data = read_lexicon(path, PACKAGE_FILE)
            for i, raw in enumerate(data.get("identity", [])):
                try:
                    name, aliases = str(raw["name"]), raw["aliases"]
                except (KeyError, TypeError) as exc:
                    raise ConfigError(label, f"identity #{i + 1}: needs name and aliases ({exc})") from exc
                if not isinstance(aliases, list) or not name.strip():
                    raise ConfigError(label, f"identity #{i + 1}: needs a name and a list of aliases")
                names.update((str(a), name) for a in aliases)
            ignored = data.get("not_identity", {})
            if not isinstance(ignored, dict) or not isinstance(ignored.get("aliases", []), list):
                raise ConfigError(label, "not_identity: needs a table with a list of aliases")
            names.update((str(a), "") for a in ignored.get("aliases", []))
        return cls(names)

    def find(self, text: str) -> list[IdentityMention]:
        """Identity words of a sentence, longest first, in order of appearance."""
        if self._re is None:
            return []
        out = []
        for m in self._re.finditer(text):
            name = self._by_alias[m.group(0).lower()]
            if name:
                out.append(IdentityMention(name, m.start(), m.end(), m.group(0)))
        return out


# --- allies ---------------------------------------------------------------------------------------
def ally_names(
    allies: Iterable[ActorMention], country: Country | None, actor1: str | None
) -> tuple[str, ...]:
    """The initiator's allies (`Roles.allies1`) by their ACLED names in the event's country, as actor1 is
    resolved; once each, never actor1's own name."""
    out: list[str] = []
    for ally in allies:
        if ally.entry.inter in (RIOTERS, PROTESTERS, CIVILIANS):
            continue  # "soldiers and civilians were killed" is no joint operation
        name = resolve(ally.entry, country).name
        if name != actor1 and name not in out:
            out.append(name)
    return tuple(out)


# --- identities -----------------------------------------------------------------------------------
_SPEECH = (
    r"(?:said|says|say|told|tells|tell|reported|reports|confirmed|confirms|stated|states|announced|added"
    r"|noted|counted|recorded|described|documented|witnessed|saw|recounted|estimated|condemned|denounced"
    r"|warned|accused|blamed|claimed|urged|called|quoted)"
)
_SPEAKER_AFTER = re.compile(rf"^(?P<gap>[^.;:!?]*?)\b{_SPEECH}\b", re.I)
# A gap that makes the word the subject of something else: a relative clause, an event verb, or a
# reporting clause with its own subject after a comma ("killed six miners on Sunday, police said").
_NOT_SPEAKER_GAP = re.compile(
    r",\s*(?:[\w'’-]+\s+){1,4}$"
    r"|^\s*,?\s*(?:who|whom|whose|which|that)\b|\b(?:was|were|is|are|been|being|had|has|have|killed|wounded"
    r"|injured|died|dead|attacked|shot|hit|struck|abducted|kidnapped|arrested|detained|including)\b",
    re.I,
)
_ADDRESSEE_BEFORE = re.compile(
    r"\b(?:according to|told|tell|tells|telling|said to|quoted|speaking to|spoke to|speaking with|spoke with"
    r"|interviewed|briefed|informed|cited|via)\s+(?:[\w-]+\s+){0,3}$",
    re.I,
)
_INCLUDING = re.compile(
    r"\b(?:including|included|include|includes|among them|among whom|of whom|of them|among the (?:dead|killed"
    r"|victims|wounded|injured|casualties)|the (?:dead|victims|fatalities|casualties) (?:were|was|are|is))"
    r"\s+(?:[\w-]+\s+){0,3}$",
    re.I,
)
_QUANTITY = re.compile(
    r"\b(?:an?\s+)?(?:group|number|crowd|convoy|team|family|dozens?|hundreds?|scores?|thousands?|tens)"
    r"\s+of\s+(?:the\s+)?$",
    re.I,
)
_SHELTERING = re.compile(
    r"\b(?:carrying|transporting|sheltering|housing|hosting)\s+(?:[\w-]+\s+){0,2}$", re.I
)
_NAMED_VICTIM = re.compile(
    r"\b(?i:killing|killed|shot|targeting|targeted|abducted|kidnapped|injuring|wounding)\s+"
    r"(?:[A-Z][\w'’.-]*\s+){0,4}[A-Z][\w'’-]*,\s+(?i:an?|the)\s+(?:[\w-]+\s+){0,2}$"
)
# Someone related to the identity, not the identity: "the brother of a journalist", "the home of a doctor".
# Event nouns and counts keep it ("the killing of two journalists", "three of the nurses").
_RELATED_OF = re.compile(
    r"\b(?!(?:killings?|deaths?|murders?|execution|abductions?|kidnapping|arrests?|detention|injur(?:y|ies)"
    r"|targeting|bodies|body|group|number|crowd|dozens?|hundreds?|scores?|thousands?|tens|one|two|three|four"
    r"|five|six|seven|eight|nine|ten|several|some|many|most|all|both|each|none|\d+)\b)[\w-]+\s+of\s+"
    r"(?:the\s+|an?\s+|his\s+|her\s+|their\s+)?(?:[\w-]+\s+){0,2}$",
    re.I,
)
_RELATIVE = re.compile(r"\b(?:who|whom|which)\b", re.I)
_CLAUSE_BREAK = re.compile(
    rf"[;:]|\b(?:{_SPEECH}|that|when|where|after|while|because|but|before|since)\b", re.I
)
_LIST_GAP = re.compile(r"^[\w\s,'’-]{0,40}$")
_LIST_JOIN = re.compile(r",|\band\b|\bas well as\b", re.I)
_LIST_BREAK = re.compile(r"\b(?:was|were|is|are|said|who|which|that|when|while|after|by|from)\b", re.I)
# The cause of a demonstration, not its participants: "protested against the arrest of lawyers".
_CAUSE_BEFORE = re.compile(
    r"\b(?:against|over|for|about|on behalf of|in solidarity with|in support of|(?:killings?|deaths?|murders?"
    r"|arrests?|detention|release|abductions?|kidnapping|jailing|imprisonment|sentencing|dismissal|treatment"
    r"|rights|attacks?|plight|pay|salaries|wages) (?:of|on))\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$",
    re.I,
)
_DEMONSTRATED_BY = re.compile(
    r"\b(?:by|among|led by|staged by|held by|organi[sz]ed by|joined by)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$"
    r"|\b(?:protesting|striking|demonstrating|marching|rioting|angry)\s+$",
    re.I,
)


def sentence_identities(
    table: IdentityTable, part: TypedSentence, roles: Roles, exclude: Sequence[tuple[int, int]] = ()
) -> SentenceIdentities:
    """The identity words of one event sentence on the civilians' side and among the demonstrators."""
    text, mentions, typing = part.sentence.text, part.actors, part.typing
    found = [m for m in table.find(text) if _may_count(text, m, mentions, exclude)]
    if not found:
        return SentenceIdentities()
    victims = _victims(text, found, roles)
    # The demonstrators' own cues; "police fired tear gas" (an intervention cue) is the authorities' act.
    cues = [
        c.start
        for c in typing.cues
        if EVENT_TYPES.get(c.sub_type) in DEMONSTRATIONS and c.sub_type != "Protest with intervention"
    ]
    riot = typing.event_type == "Riots"
    participants = _participants(text, found, min(cues), riot) if cues else ()
    return SentenceIdentities(victims, participants)


def _may_count(
    text: str,
    m: IdentityMention,
    mentions: Sequence[ActorMention],
    exclude: Sequence[tuple[int, int]],
) -> bool:
    """Not the claimant, a speaker, an addressee or part of an armed actor's name."""
    if any(a < m.end and m.start < b for a, b in exclude):
        return False
    for a in mentions:
        overlaps = a.start < m.end and m.start < a.end
        if overlaps and a.entry.inter not in (RIOTERS, PROTESTERS, CIVILIANS):
            return False
    before = text[max(0, m.start - BEFORE_WINDOW) : m.start]
    if _ADDRESSEE_BEFORE.search(before):
        return False
    said = _SPEAKER_AFTER.match(text[m.end : m.end + SPEAKER_WINDOW])
    return said is None or bool(_NOT_SPEAKER_GAP.search(said.group("gap")))


def _victims(text: str, found: Sequence[IdentityMention], roles: Roles) -> tuple[IdentityMention, ...]:
    out: list[IdentityMention] = []
    for m in found:
        before = text[max(0, m.start - BEFORE_WINDOW) : m.start]
        initiator = roles.actor1 is not None and roles.actor1.start < m.end and m.start < roles.actor1.end
        if initiator or AGENT_BEFORE.search(before) or _RELATED_OF.search(before):
            continue  # "farmers attacked herders", "killed by herders", "the wife of a journalist"
        gap = text[out[-1].end : m.start] if out else None
        listed = gap is not None and bool(
            _LIST_GAP.match(gap) and _LIST_JOIN.search(gap) and not _LIST_BREAK.search(gap)
        )  # "two journalists and a cameraman"
        if listed or _passive_subject(text, m) or _on_victim_side(text, m, before, roles.actor2):
            out.append(m)
    return tuple(out)


def _passive_subject(text: str, m: IdentityMention) -> bool:
    """The subject of the next passive harm verb, in the same clause: "two journalists were killed"."""
    passive = PASSIVE.search(text, m.end)
    if passive is None:
        return False
    gap = text[m.end : passive.start()]
    relative = _RELATIVE.search(gap)  # "a woman who was killed", not "a woman ... her children who were"
    if relative and gap[: relative.start()].strip(" ,"):
        return False
    return len(gap) <= PASSIVE_GAP and not _CLAUSE_BREAK.search(gap)


def _on_victim_side(text: str, m: IdentityMention, before: str, target: ActorMention | None) -> bool:
    """Inside the sentence's target, or after a target cue, an inclusion in the dead or a named victim."""
    if target is not None and target.start < m.end and m.start < target.end:
        return True
    unquantified = _QUANTITY.sub("", before)  # "attacked a group of farmers"
    return bool(
        TARGET_BEFORE.search(unquantified)
        or _SHELTERING.search(unquantified)
        or _INCLUDING.search(before)
        or _NAMED_VICTIM.search(before)
    )


def _participants(
    text: str, found: Sequence[IdentityMention], first_cue: int, riot: bool
) -> tuple[IdentityMention, ...]:
    passive = PASSIVE.search(text)
    out: list[IdentityMention] = []
    for m in found:
        before = text[max(0, m.start - BEFORE_WINDOW) : m.start]
        if _CAUSE_BEFORE.search(before):
            continue
        if riot and (  # a mob's victim is not a rioter
            TARGET_BEFORE.search(_QUANTITY.sub("", before)) or (passive and m.end <= passive.start())
        ):
            continue
        if m.end <= first_cue or _DEMONSTRATED_BY.search(before):
            out.append(m)
    return tuple(out)


# --- the event ------------------------------------------------------------------------------------
def associated_actors(
    event_type: str,
    inter1: int,
    inter2: int | None,
    allies: Sequence[str],
    identities: Sequence[SentenceIdentities],
    country: str | None,
) -> Associates:
    """The event's two fields: allies and demonstrators' identities with actor1, victims' with actor2."""
    victims = [m.name for s in identities for m in s.victims]
    participants = [m.name for s in identities for m in s.participants]
    side1, side2 = list(allies), []
    if inter2 == CIVILIANS:
        side2 += victims
    if event_type in DEMONSTRATIONS:
        if inter1 in (RIOTERS, PROTESTERS):
            side1 += participants
        elif inter2 in (RIOTERS, PROTESTERS):
            side2 += participants
    return Associates(_join(side1, country), _join(side2, country))


def _join(names: Sequence[str], country: str | None) -> str | None:
    filled: list[str] = []
    for name in names:
        name = name.replace("{country}", country or UNKNOWN_COUNTRY)
        if name not in filled:
            filled.append(name)
    return SEPARATOR.join(filled) or None
