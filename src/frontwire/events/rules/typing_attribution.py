"""Sentences about who did an event (claims, blame, denials): a report of its own, or a detail?

"IS claimed responsibility for the attack" says who did an event and nothing else: it is not an
event (CASE 2021 labels such sentences ATTRIB), and in an article it is a detail of the event just
reported. "IS claimed responsibility for a car bomb that killed eight people in Tal Afar on Sunday"
carries the event's own details (casualties, a place, a day): it reports the car bombing, with the
attribution "claimed" (frontwire.events.rules.claims).

Hands the span of a bare attribution to `frontwire.events.rules.typing_frames` (which turns it into a
"none:attribution" frame) and says which sentences are attribution details of an earlier event.
Word lists written from how wire services phrase claims; not fitted to evaluation rows.
"""

from __future__ import annotations

import re

from frontwire.events.rules.discourse import act_told_before
from frontwire.events.rules.typing_words import alternation

_ATTRIBUTION_PATTERNS = (
    r"claim(ed|s|ing)? (\w+ )?responsibility",
    r"(took|takes|taking|take) (\w+ )?(responsibility|credit)",
    r"(accus(ed|es|ing)|accusations?|allegations?) (\w+ ){0,6}(of|against|that|over) (\w+ ){0,3}"
    r"(attacks?|bombings?|strikes?|killings?|carrying out|being behind|involvement|responsib\w+|the)",
    r"(accus(ed|es|ing)|accusations?) (against|by) ",
    r"blam(ed|es|ing) (\w+ ){0,6}(for|on)",
    # "blamed the Rapid Support Forces (RSF), which ...": a blame whose object ends the clause.
    r"blam(ed|es|ing) ([\w'’-]+ ){0,5}[\w'’-]*\w( \([\w-]*\w)?(?=\)?(,|\.|$))",
    r"(is|are|was|were|be) (\w+ )?responsible for",
    r"(suspected|believed|thought) to (be|have been) behind",
    r"(denied|denies|rejected|rejects|dismissed) (\w+ ){0,4}"
    r"(accusations?|allegations?|claims?|involvement|responsibility)",
    r"(pointed|points) the finger",
)
_ATTRIBUTION = re.compile(rf"\b(?:{alternation(_ATTRIBUTION_PATTERNS)})\b", re.I)
# Claims and blame name who did an act and may carry the act itself ("claimed responsibility for a car
# bomb that killed eight in Tal Afar"); accusations, denials and rejections report a dispute about an
# act reported elsewhere, so they stay attribution whatever details they repeat.
_CLAIM_PATTERNS = (
    r"claim(ed|s|ing)? (\w+ )?responsibility",
    r"(took|takes|taking|take) (\w+ )?(responsibility|credit)",
    r"blam(ed|es|ing) (\w+ ){0,6}(for|on)",
    r"(is|are|was|were|be) (\w+ )?responsible for",
)
_CLAIM = re.compile(rf"\b(?:{alternation(_CLAIM_PATTERNS)})\b", re.I)
# Plain substrings one of which the attribution patterns need (a cheap test before the regex).
_KEYS = (
    "claim",
    "accus",
    "allegation",
    "blam",
    "responsib",
    "credit",
    "behind",
    "denied",
    "denies",
    "reject",
)
_KEYS += ("reject", "dismiss", "finger")

# Nouns that name an event already reported when they follow a definite determiner.
_EVENT_NOUNS = (
    "attacks?", "ambush", "strikes?", "air ?strikes?", "raids?", "bombings?", "blasts?", "explosions?",
    "assaults?", "incidents?", "shelling", "clash(es)?", "killings?", "abductions?", "kidnappings?",
    "massacre", "violence", "operations?", "bombs?", "car bombs?", "devices?", "rockets?", "missiles?",
    "drones?", "shells?",
)  # fmt: skip
_DEFINITE = r"(?:the|this|that|these|those|such)\s+(?:\w+\s+)?"
# A sentence that opens on "the attack"/"this bombing" refers to an event already reported: its claim
# or blame is a detail of that event, not a separate report, so the attribution frame leaves it alone.
_ANAPHORIC_OPENING = re.compile(rf"^[\"“]?{_DEFINITE}(?:{alternation(_EVENT_NOUNS)})\b", re.I)
# After the attribution verb: a definite event noun, or nothing at all ("denied involvement.").
_BACK_OBJECT = re.compile(rf"\b{_DEFINITE}(?:{alternation(_EVENT_NOUNS)})\b", re.I)
# The claimed object right after the claim ("... for the attack in X"): an event already reported.
_NEAR_BACK_OBJECT = re.compile(rf"\s*(?:\w+\s+){{0,3}}?{_DEFINITE}(?:{alternation(_EVENT_NOUNS)})\b", re.I)

# The claimed event's own details, read after the attribution verb. Casualties: a count with a
# casualty word; a day: a weekday, "yesterday", a month and day; a place: in/near/outside + a name.
_COUNT = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|scores|hundreds)"
_CASUALTY_WORDS = ("killed", "killing", "kills", "wounded", "wounding", "injured", "injuring", "dead", "died")
_CASUALTIES = re.compile(
    rf"\b(?:{alternation(_CASUALTY_WORDS)})\s+(?:at least |more than |some |about |nearly )?{_COUNT}\b"
    rf"|\b{_COUNT}\s+(?:\w+\s+){{0,3}}?(?:were\s+|was\s+)?(?:{alternation(_CASUALTY_WORDS)})\b",
    re.I,
)
_DAY_WORDS = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday",
    r"(january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{1,2}",
)  # fmt: skip
_DAY = re.compile(rf"\b(?:{alternation(_DAY_WORDS)})\b", re.I)
# Case-sensitive on purpose: the place is a capitalised name ("in the southeastern city of Diyarbakir").
_PLACE = re.compile(r"\b(?:in|near|outside)\s+(?:the\s+)?(?:[a-z-]+\s+){0,4}?(?:of\s+)?[A-Z][a-z]")


def _attribution(text: str) -> re.Match[str] | None:
    low = text.lower()
    if not any(k in low for k in _KEYS):
        return None
    return _ATTRIBUTION.search(text)


def has_own_details(text: str) -> bool:
    """The text names casualties, a day or a place of its own."""
    return bool(_CASUALTIES.search(text) or _DAY.search(text) or _PLACE.search(text))


def bare_attribution(text: str) -> tuple[int, int] | None:
    """The span of a claim, blame or denial that reports no event of its own, or None.

    None when there is no attribution, when the sentence opens on an event already reported ("The
    attack was blamed on IS": a detail the grouping joins to that event), or when a claim or blame is
    for an act not yet referred to ("for a car bomb", "for killing nine guards") that carries its own
    casualties, day or place (the sentence then reports the act). None too when the sentence tells an act
    before its accusation ("Youths burned tyres, accusing the police of killing a teenager", "Police
    arrested three men accused of the bombing").
    """
    m = _attribution(text)
    if m is None or _ANAPHORIC_OPENING.match(text) or act_told_before(text, m.start()):
        return None
    claim = _CLAIM.search(text)
    if claim and not _NEAR_BACK_OBJECT.match(text, claim.end()) and has_own_details(text[claim.start() :]):
        return None
    if claim and _passive_blame(text, claim) and has_own_details(text[: claim.start()]):
        return None  # "An explosion in Goma that killed four was blamed on M23": the act is the subject
    return m.start(), m.end()


# "was blamed on", "has been blamed on", "were claimed by": the blamed act is the sentence's subject.
_PASSIVE = re.compile(r"\b(?:was|were|is|are|been|being)\s+(?:\w+\s+)?$", re.I)


def _passive_blame(text: str, claim: re.Match[str]) -> bool:
    return bool(_PASSIVE.search(text[max(0, claim.start() - 24) : claim.start()]))


def attribution_detail(text: str) -> bool:
    """A bare attribution about an event the text refers back to: "blamed the attack on IS", "denied
    involvement", "claimed responsibility." (no object of its own)."""
    span = bare_attribution(text)
    if span is None:
        return False
    rest = text[span[1] :]
    return bool(_BACK_OBJECT.search(text)) or not re.search(r"\b(?:for|of|in)\s+(?:an?|\d)", rest)
