"""Sentences that take a stance on events instead of telling one: arms described, conditions and
comparisons with the past.

`filters.non_event_reason` asks `stance_reason` about sentences of a whole article. Each is a way news
English mentions an act without asserting that it happened then and there (codebook: an event is an
occurrence told as having happened):

- arms described, not used: the cue word sits in "armed with rifles and rocket launchers", "carrying
  grenades", "equipped with drones";
- a condition: a sentence that opens on "If" or "Unless" ("If the rebels attack the town, ...");
- a comparison with the past: "was the deadliest attack in the agency's history", "the worst violence
  in months", "the longest-running kidnapping in the region since 2011", "the longest anyone had been held
  was a day";
- a commemoration: a burial or memorial service, the bodies of the dead flown home, where the dead
  were killed in an act told elsewhere ("the bodies of the seven employees killed
  in the attack arrived on Monday"); an act of force told beside it ("police fired on the crowd at the
  memorial") stays;
- an anniversary kept: a gathering, a ceremony or prayers "to mark eight years since gunmen killed 300
  worshippers", "on the 30th anniversary of the massacre"; the act it names is years old. A march or a
  rally on an anniversary is a protest and stays, and so does an act of force told outside the phrase
  ("at the festival marking the city's anniversary, he attacked visitors");
- how long ago: an act named by the time since it ("A year after hundreds died in a nerve gas attack,
  survivors said ...", "six months since the coup"), unless the sentence tells an act of force outside
  that phrase ("Two years after the war began, troops shelled the town");
- who did it: a sentence about the identity of the perpetrator of an act told elsewhere ("the
  gunman who attacked the convoy last week was a former soldier", "officials identified the gunman as a
  former soldier"), unless it tells the act with a day of its own.

A comparison that also tells an act on a day of its own ("the deadliest attack in months killed five
on Monday") is left to report that act. Denials were tried as well (read as a detail of the event
before them): they took more events than they removed, and `claims` handles them as attributions.

Written from how English news phrases these, not from any article.
"""

from __future__ import annotations

import re

from frontwire.events.rules.discourse import told_here

# Words that describe weapons someone holds, in the few words before the cue.
_POSSESSION = re.compile(
    r"\b(?:armed with|equipped with|carrying|carried(?! out)|possess(?:es|ed|ing)?|arsenal of|stockpiles? of"
    r"|caches? of|supplies of|supplied with|in possession of|fitted with|mounted with)\b[^.;]{0,60}$",
    re.I,
)
_CONDITION = re.compile(r"^[\"“]?(?:if|unless|should the|were the|in the event that)\b", re.I)
_SUPERLATIVES = (
    r"deadliest|bloodiest|worst|largest|biggest|heaviest|fiercest|most (?:deadly|violent|intense|serious)"
    r"|second[- ]deadliest|third[- ]deadliest|longest(?:-running)?"
)
_COMPARISON = re.compile(
    rf"\b(?:was|is|were|are|marks?|marked|became|becomes|remains?|been)\s+(?:\w+\s+)?(?:the\s+)?"
    rf"(?:[\w-]+\s+)?(?:{_SUPERLATIVES})\b",
    re.I,
)
# A superlative set beside an act as a comparison (", the longest-running kidnapping since 2011"),
# or a record as the subject ("the longest anyone had been held was 24 hours").
_APPOSED_RECORD = re.compile(
    rf",\s+(?:the|its|their)\s+(?:[\w-]+\s+)?(?:{_SUPERLATIVES})\b[^.;]{{0,80}}?"
    r"\b(?:since|ever|on record|to date"
    r"|in (?:years|decades|months|a decade|(?:the|its|their) [\w' ]{0,30}history))\b"
    rf"|^\W*(?:(?:until|before|since) \w+(?: \d{{4}})?,\s+)?the (?:{_SUPERLATIVES})\b[^.;]{{0,60}}?"
    r"\b(?:was|were|is|are|had been|has been)\s+(?:\d|an?\b|one\b|two\b|three\b|a few\b)",
    re.I,
)
# Commemorations: burials, memorial services, the dead flown home. Not "buried" (a
# strike buries people under rubble), nor funerals and mourners: a funeral procession is often a protest, or
# the scene of an attack, which ACLED codes (the one funeral sentence this rule took on the held-out half
# was a gold event's evidence), nor a rally marking an anniversary: ACLED codes a mass political rally as
# a protest.
_COMMEMORATION = re.compile(
    r"\b(?:burial (?:service|ceremony|rites)|laid to rest|memorial (?:service|ceremony)"
    r"|(?:bodies|remains|coffins|caskets)\b[^.;]{0,80}?"
    r"\b(?:arrived|were (?:flown|repatriated|returned|brought|handed over)|landed))\b",
    re.I,
)
# An anniversary kept: "gathered on Monday to mark eight years since gunmen killed 300 worshippers",
# "marked the second anniversary of the attack in Banjska". The act after it is years old; the gathering
# is a ceremony, unless it is a march or a rally (ACLED codes a mass political rally as a protest).
_ANNIVERSARY = re.compile(
    r"\b(?:(?:to )?mark(?:s|ed|ing)?|commemorat\w+|in memory of|remember\w*)\b[^.;]{0,40}?"
    r"\b(?:anniversary(?:[^.;]{0,25}?\bof\b[^.;]*)?|(?:years?|decades?) (?:since|after)\b[^.;]*"
    r"|(?:years?|decades?) ago)",
    re.I,
)
# An act told by how long ago it was, from the day of the story: "A year after hundreds died in a nerve gas
# attack, survivors said ...", "six months since the coup", "two years to the day after war broke out".
# The act inside is that old (codebook: an event is reported in its own window); the sentence is about now.
_TIME_AFTER = re.compile(
    r"\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+|several|many|a few)"
    r"\s+(?:(?:full|whole|long)\s+)?(?:years?|decades?|months?)\s+(?:to the day\s+)?(?:after|since)\b[^,;.]*",
    re.I,
)
_RALLY = re.compile(r"\b(?:march\w*|rall(?:y|ies|ied)|protest\w*|demonstrat\w*|chant\w*|slogans?)\b", re.I)
# The dead named by the act that killed them, told elsewhere: "killed in the Khowst attack", "victims of
# Monday's bombing". Such a phrase is a reference, not a new act.
_EVENT_NOUN = (
    r"(?:attack|bombing|blast|explosion|strike|airstrike|raid|shooting|ambush|massacre|clash|fighting)s?"
)
_KILLED_IN_REFERENCE = re.compile(
    r"\b(?:(?:killed|slain|died|who died|wounded|injured)\s+(?:in|during|by)|victims? of)\s+"
    rf"(?:the|this|that|last \w+'s|\w+'s)\s+(?:[\w'’-]+\s+){{0,3}}?{_EVENT_NOUN}\b",
    re.I,
)
# Any act of force left once those references are taken out: the commemoration is then an event's scene.
_OWN_FORCE = re.compile(
    r"\b(?:kill\w*|shot|shoot\w*|open(?:ed)? fire|fired|attack\w*|storm\w*|clash\w*|beat\w*|tear gas"
    r"|dispers\w*|arrest\w*|detain\w*|explo\w*|blasts?|blew|bomb\w*|struck|hit|gunm[ae]n|raid\w*|wound\w*"
    r"|injur\w*)\b",
    re.I,
)
# The identity of a perpetrator: "the bomber who attacked the base last week was a doctor", "identified the
# gunman as ...". The act sits in a relative clause or is only named; the sentence asserts who did it.
_DOERS = r"(?:bombers?|attackers?|gunm[ae]n|assailants?|shooters?|hijackers?|kidnappers?|perpetrators?)"
_IDENTITY = re.compile(
    rf"\b{_DOERS}\s+(?:who|that)\s+(?!(?:was|were|is|are|had|has|have)\b)[^.;]{{0,120}}?"
    r"\b(?:was|were|is|are|has been|have been)\s+"
    r"(?:(?:identified|named) as\s+)?(?:an?|the|one of|\d+-year-old)\b"
    rf"|\b(?:identified|named)\s+(?:the|a|an|both|all)\s+(?:[\w-]+\s+)?{_DOERS}\s+as\b",
    re.I,
)

# What a vehicle carries when "carrying" is no possession of arms: "a vehicle carrying security
# personnel with an IED" tells the blast, not what the personnel held.
_CARRIED_PEOPLE = re.compile(
    r"\b(?:personnel|soldiers|troops|police(?:men)?|officers|passengers|civilians|pilgrims|workers|people"
    r"|students|children|migrants|refugees|fighters|militants|prisoners|guards|officials|members)\b",
    re.I,
)


# An act told beside the arms: "gunmen armed with rifles stormed the hotel", "a truck carrying troops struck
# a mine". The arms then describe the doers or the target; the sentence still tells the act.
_ACT_VERB = re.compile(
    r"\b(?:attacked|ambushed|fought|struck|hit|killed|killing|shot|opened fire|fired (?:at|on|into|upon)"
    r"|stormed|raided|clashed|exploded|detonated|carried out|bombed|shelled|abducted|kidnapped|overran"
    r"|torched)\b",
    re.I,
)


def stance_reason(text: str, trigger: tuple[int, int] | None) -> str | None:
    """Why `text` takes a stance on events rather than telling one, or None. `trigger` is the cue's span."""
    held = _POSSESSION.search(text[max(0, trigger[0] - 80) : trigger[0]]) if trigger is not None else None
    if held is not None and not _CARRIED_PEOPLE.search(held.group(0)):
        rest = text[: trigger[0] - len(held.group(0))] + " " + text[trigger[0] :]
        if not _ACT_VERB.search(rest):
            return "arms described, not used"
    if _CONDITION.match(text):
        return "a condition: what would happen if"
    if (_COMPARISON.search(text) or _APPOSED_RECORD.search(text)) and not told_here(text):
        return "comparison with earlier events"
    if _COMMEMORATION.search(text) and not _OWN_FORCE.search(_KILLED_IN_REFERENCE.sub(" ", text)):
        return "commemoration of the dead of an act told elsewhere"
    if (m := _ANNIVERSARY.search(text)) and not _RALLY.search(text):
        if not _OWN_FORCE.search(text[: m.start()] + " " + text[m.end() :]):
            return "a ceremony marking an anniversary of an act told elsewhere"
    if _IDENTITY.search(text) and not told_here(text):
        return "who did an act told elsewhere, not a new act"
    if trigger is not None:
        for m in _TIME_AFTER.finditer(text):
            rest = text[: m.start()] + " " + text[m.end() :]
            if m.start() <= trigger[0] < m.end() and not (_OWN_FORCE.search(rest) or _ACT_VERB.search(rest)):
                return "background: an act told by how long ago it was ('a year after ...')"
    return None
