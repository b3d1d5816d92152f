"""Complex attacks: a bombing followed by a fight with the security forces is two events.

"Fighters rammed a car packed with explosives into the base's gate. Troops repelled the attack after two
hours of fighting." The car bomb is an Explosions/Remote violence event; the fighting with the security
forces that followed it is Battles - Armed clash, at the same place and on the same day (ANNOTATION.md's
complex attacks, as ACLED codes them). Deaths the text does not give to one phase stay on the bombing, so
the clash reports none of its own.

Only a sentence after the bombing's first one, joined to it and typed as an armed clash by a word of
fighting ("fought", "a gun battle", "repelled"), tells the fight: a toll of soldiers is
typed so too, and tells no second act. A state force must be one of the sides, as a bomb among civilians
followed by a shoot-out is not the storming of a post.
"""

from __future__ import annotations

import re
from dataclasses import replace

from frontwire.events.rules.grouping import EventDraft, TypedSentence, evidence_of
from frontwire.records import EventMention

# The bombings a storming or a siege follows: a device set off or driven in, by a bomber or not.
BOMBINGS = frozenset(("Remote explosive/landmine/IED", "Suicide bomb"))
FIGHT = ("Battles", "Armed clash")
STATE_FORCES = 1  # ACLED's inter code
_FIGHTING = re.compile(r"fight|fought|battl|clash|shoot-?out|repel|repuls", re.I)  # "fight": gunfight too


def fighting_parts(ev: EventDraft) -> list[TypedSentence]:
    """The sentences of a bombing's event that tell the fight after it; [] for any other event."""
    if ev.typing.sub_type not in BOMBINGS:
        return []
    return [p for p in ev.parts[1:] if p.typing.sub_type == FIGHT[1] and not p.detail and _tells_fighting(p)]


def _tells_fighting(part: TypedSentence) -> bool:
    cue = part.typing.trigger
    return cue is not None and bool(_FIGHTING.search(part.sentence.text[cue.start : cue.end]))


def the_fight(bombing: EventMention, parts: list[TypedSentence]) -> EventMention | None:
    """The armed clash of a complex attack, at the bombing's place and day, from the sentences that tell
    it; None when no state force is a side of the bombing."""
    if not parts or STATE_FORCES not in (bombing.inter1, bombing.inter2):
        return None
    return replace(
        bombing,
        event_type=FIGHT[0],
        sub_event_type=FIGHT[1],
        civilian_targeting=False,
        fatalities=None,
        fatalities_low=None,
        fatalities_high=None,
        evidence=evidence_of(parts),
    )
