"""Sentences that mention violence without reporting an event, each with its reason.

Hands a reason string (or None) to the extractor, which drops the sentence and counts the reason:
reports about reports (footage showing strikes), standing or habitual situations ("usually
deployed", "on a regular basis"), trends ("increased in recent weeks"), hedged references ("it is
unclear if these were the same"), threats, plans and purposes ("vowed to", "to facilitate
attacks"), and opinions.
"""

from __future__ import annotations

import re
from typing import Any

_REPORT_OF_REPORT = re.compile(
    r"\b(?:video|videos|footage|images?|photos?|photographs?|pictures?|clips?|recordings?"
    r"|satellite imagery)\b[^.]{0,90}?"
    r"\b(?:show(?:s|ed|ing|n)?|purport(?:s|ed|edly)?|depict(?:s|ed)?|appear(?:s|ed)? to show"
    r"|captur(?:ed|es))\b",
    re.I,
)
_HEDGED = re.compile(r"\b(?:it is|it was|it remains) (?:unclear|not clear|unknown) (?:if|whether)\b", re.I)
_HABITUAL = re.compile(
    r"\b(?:usually|routinely|regularly|on a regular basis|typically|frequently|habitually"
    r"|every (?:day|week|night|month)"
    r"|have been active|has been active|for years|for decades|more than once in the past|time and again)\b",
    re.I,
)
_TREND = re.compile(
    r"\b(?:increas|decreas|escalat|intensif|surg|ris|declin|dropp|doubl|spik)\w*\b[^.]{0,60}?"
    r"\b(?:in recent (?:weeks|months|days|years)|over the (?:past|last) (?:\w+ )?(?:weeks|months|years)"
    r"|since the (?:start|beginning)|this year)\b",
    re.I,
)
_THREAT = re.compile(
    r"\b(?:threaten(?:ed|s|ing)?|vow(?:ed|s)?|warn(?:ed|s)? (?:of|that)|pledg(?:ed|es)|promis(?:ed|es)"
    r"|plan(?:s|ned)? to"
    r"|intend(?:s|ed)? to|prepar(?:ing|es|ed) to|is set to|are set to|would retaliate|will respond)\b",
    re.I,
)
# A threat or pledge made in reaction to an act already done ("vowed an investigation after seven
# people were murdered") still reports that act: a past passive or past act in an after/when clause.
_REACTION_TO_PAST = re.compile(
    r"\b(?:after|when|following|over the|since)\b[^.;]{0,80}?"
    r"\b(?:(?:was|were|had been|have been|has been)\s+\w+(?:ed|en)"
    r"|killed|murdered|attacked|bombed|abducted|kidnapped|shot)\b",
    re.I,
)
_OPINION = re.compile(
    r"\b(?:I|we) (?:think|believe|feel)\b|\bin (?:my|our) (?:opinion|view)\b|\bthe real purpose\b", re.I
)
_MODALS = frozenset("will would could might may should shall must".split())


def non_event_reason(text: str, doc: Any | None = None, trigger: tuple[int, int] | None = None) -> str | None:
    """Why a sentence with an event cue reports no event, or None when it may report one.

    `doc` (spaCy) and `trigger` (the cue's offsets) enable the irrealis check; callers leave them out
    for protest cues, whose trigger is the participants ("to disperse protesters"), not the act.
    """
    if _REPORT_OF_REPORT.search(text):
        return "report about a report (footage or images of events)"
    if _HEDGED.search(text):
        return "hedged reference to events already reported"
    if _TREND.search(text):
        return "trend, not a discrete event"
    if _HABITUAL.search(text):
        return "standing or habitual situation"
    if _THREAT.search(text) and not _REACTION_TO_PAST.search(text):
        return "threat, plan or warning"
    if _OPINION.search(text):
        return "opinion"
    if doc is not None and trigger is not None and _irrealis(doc, trigger):
        return "irrealis: the act is a purpose, plan or possibility"
    return None


def _irrealis(doc: Any, trigger: tuple[int, int]) -> bool:
    """The trigger sits under a modal verb or a to-infinitive ("to facilitate attacks", "will strike")."""
    span = doc.char_span(trigger[0], trigger[1], alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    tok = span.root
    for _ in range(12):
        if tok.pos_ in ("VERB", "AUX"):
            heads = [tok]
            while heads[-1].dep_ == "conj" and heads[-1].head is not heads[-1]:
                heads.append(heads[-1].head)
            for v in heads:
                auxes = {c.text.lower() for c in v.children if c.dep_ in ("aux", "auxpass")}
                if auxes & _MODALS or "to" in auxes:
                    return True
        if tok.head is tok:
            break
        tok = tok.head
    return False
