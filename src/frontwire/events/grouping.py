"""Typed sentences -> events: non-event sentences dropped (with their reason), follow-ups joined.

Hands `EventDraft`s (the typing of the event's first sentence and its sentences, `TypedSentence`s)
to the coder. A sentence continues the previous event when it refers back to it ("the strike ..."),
repeats its sub-type without a date of its own, or is a generic attack/clash sentence in the same
paragraph; a sentence with its own date starts a new event.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from frontwire.events._text import Sentence
from frontwire.events.actors import ActorMention
from frontwire.events.base import DroppedSentence, EventResult
from frontwire.events.classify import WEAPON_TYPES, Typing
from frontwire.events.filters import non_event_reason

_BACK_REFERENCE_NOUNS = (
    "attacks? ambush strikes? air\\s?strikes? raids? bombings? blasts? explosions? assaults? incidents?"
    " operations? shelling clash(?:es)? fighting killings? abductions? protests? demonstrations? violence"
    " bombardment massacre"
).split()
_ANAPHORA = re.compile(
    r"^(?:[\"“]?)(?:the|this|that|these|those|such)\s+(?:\w+\s+)?(?:"
    + "|".join(_BACK_REFERENCE_NOUNS)
    + r")\b",
    re.I,
)
_OWN_DATE = re.compile(r"\b(?:on|in|last|yesterday|today)\b\s+\w+\s*\d|\b(?:19|20)\d\d\b")
_GENERIC_TYPES = ("Attack", "Armed clash")


@dataclass(slots=True)
class TypedSentence:
    """A sentence with an event cue: its typing, actor mentions, and a spaCy parse when one was needed."""

    sentence: Sentence
    typing: Typing
    actors: list[ActorMention]
    doc: Any = None
    entities: list[tuple[int, int, str]] = field(default_factory=list)


@dataclass(slots=True)
class EventDraft:
    typing: Typing
    parts: list[TypedSentence] = field(default_factory=list)


def group_events(typed: Sequence[TypedSentence], result: EventResult) -> list[EventDraft]:
    """Events from typed sentences in text order; dropped sentences are recorded on `result`."""
    events: list[EventDraft] = []
    for item in typed:
        s = item.sentence
        trigger = item.typing.trigger
        protest = item.typing.event_type in ("Protests", "Riots")
        span = (trigger.start, trigger.end) if trigger and not protest else None
        reason = non_event_reason(s.text, item.doc, span)
        if reason:
            result.dropped.append(DroppedSentence(s.text, s.start, reason))
            continue
        prev = events[-1] if events else None
        if prev and continues(prev, item):
            prev.parts.append(item)
        else:
            events.append(EventDraft(item.typing, [item]))
    return events


def continues(prev: EventDraft, item: TypedSentence) -> bool:
    """Whether `item` reports more of the event `prev` rather than a new one."""
    last = prev.parts[-1].sentence
    s = item.sentence
    if s.paragraph - last.paragraph > 1:
        return False
    own_date = bool(_OWN_DATE.search(s.text))
    if _ANAPHORA.match(s.text) and not own_date:
        return True
    if own_date:
        return False
    if item.typing.sub_type == prev.typing.sub_type:
        return True
    generic = item.typing.sub_type in _GENERIC_TYPES and not any(
        c.sub_type in WEAPON_TYPES for c in item.typing.cues
    )
    return generic and s.paragraph == last.paragraph and prev.typing.event_type != "Protests"
