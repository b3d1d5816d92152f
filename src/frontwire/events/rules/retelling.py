"""Sentences that re-tell the event just reported instead of reporting another (issue 12).

News follows an event's lead with sentences that add to it but look like events of their own:
- a list of its dead: "Among those killed was a district commander", "Among the dead were two
  children", "Those killed included a teacher", "Two nurses were among the dead". The toll names
  victims of the act just told; typed on its own ("killed") it would be a new Attack at whatever place
  word it holds.
- its onset or course, dated: "The gunfight began on Monday evening", "The attack took place shortly
  after dawn on Friday". The definite noun names the event told before, the verb says when it started,
  ended or happened; the date is the event's own, not another event's (the grouping otherwise starts a
  new event at a sentence with a date of its own).
Written from how wire copy tells an event and its toll, not from any evaluation row.
"""

from __future__ import annotations

import re

# A definite description of an event ("the clash", "this attack", "the encounter"), and what kinds of
# event each noun can name (grouping.py reads the same table for references back and "another ...").
_VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Riots")
EVENT_NOUNS = (
    (r"clash(?:es)?|fighting|battle|gunfight|gun ?battle|firefight|encounter|exchange of fire", ("Battles",)),
    (r"bombings?|blasts?|explosions?|(?:air ?)?strikes?|shelling|bombardment|barrage",
     ("Explosions/Remote violence",)),
    (r"attacks?|assault|incident|violence|raid|ambush|massacre|killings?|shooting|deaths|casualties",
     _VIOLENT),
    (r"kidnapping|abduction|hijacking", ("Violence against civilians",)),
    (r"protests?|demonstrations?|rally|march|unrest|riots?", ("Protests", "Riots")),
)  # fmt: skip
# "The gunfight began ...", "The attack on the convoy took place ...": a definite event noun, up to a
# few words of its own (an adjective, "on the convoy"), then a verb of onset, course or end.
_ONSET = re.compile(
    r"^[\"“]?(?:the|this|that)\s+(?:[\w'’-]+\s+)?(?P<noun>"
    + "|".join(p for p, _ in EVENT_NOUNS)
    + r")\b(?:\s+(?:on|in|at|near|against)\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)?)?"
    r"\s+(?:had\s+|has\s+)?(?:began|begun|started|erupted|broke out|took place|happened|occurred|unfolded"
    r"|lasted|ended|continued|went on)\b",
    re.I,
)
# "Among those killed was ...", "Among the dead were ...", "Those killed included ...".
_VICTIM_WORDS = r"(?:killed|dead|slain|victims|wounded|injured|casualties|hurt|arrested|detained|abducted)"
_TOLL_LIST = re.compile(
    rf"^[\"“]?(?:among\s+(?:the|those)\s+(?:\w+\s+){{0,2}}{_VICTIM_WORDS}\b"
    rf"|(?:those|the people)\s+(?:\w+\s+)?{_VICTIM_WORDS}\s+(?:included|include|were|was)\b)",
    re.I,
)
# "... were among the dead", "... was among those killed": the list told the other way round.
_AMONG_AFTER = re.compile(
    rf"\b(?:was|were|is|are)\s+among\s+(?:the|those)\s+(?:\w+\s+)?{_VICTIM_WORDS}\b", re.I
)


def lists_victims(text: str) -> bool:
    """Whether the sentence lists an event's victims ("Among those killed was ...", "Two nurses were
    among the dead")."""
    return bool(_TOLL_LIST.match(text) or _AMONG_AFTER.search(text))


def noun_kinds(noun: str) -> tuple[str, ...] | None:
    """The event types a definite event noun can name ("the clash": Battles), or None for a noun the table
    does not hold."""
    return next((kinds for pattern, kinds in EVENT_NOUNS if re.fullmatch(pattern, noun, re.I)), None)


def tells_onset(text: str, event_type: str) -> bool:
    """Whether the sentence tells when an event of `event_type` began, happened or ended, naming it by a
    definite noun ("The gunfight began on Monday evening")."""
    found = _ONSET.match(text)
    if found is None:
        return False
    return event_type in (noun_kinds(found.group("noun")) or ())
