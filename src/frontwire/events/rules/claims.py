"""Who asserts an event (claimant) and how (attribution), read from the event's sentences.

Hands a claimant string ("Russian Center for Reconciliation in Syria (Maj. Gen. Yury Popov)") and an
attribution (reported, claimed, alleged, blamed, denied, confirmed) to the extractor.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from frontwire.events.actors import ActorMention

ATTRIBUTIONS = ("reported", "claimed", "alleged", "blamed", "denied", "confirmed")
_TITLES = {
    "lieutenant general": "Lt. Gen.", "major general": "Maj. Gen.", "brigadier general": "Brig. Gen.",
    "lieutenant colonel": "Lt. Col.", "general": "Gen.", "colonel": "Col.", "major": "Maj.",
    "captain": "Capt.", "lieutenant": "Lt.", "admiral": "Adm.", "rear admiral": "Rear Adm.",
    "vice admiral": "Vice Adm.", "sergeant": "Sgt.",
}  # fmt: skip
_TITLE_RE = re.compile(r"^(?:(" + "|".join(sorted(_TITLES, key=len, reverse=True)) + r")\s+)", re.I)
_SPEECH = frozenset(
    (
        "announced said claimed reported stated confirmed declared told added alleged accused denied wrote"
        " tweeted noted"
    ).split()
)
_SPEECH_WORD = re.compile(r"\b(?:" + "|".join(sorted(_SPEECH)) + r")\b", re.I)
_ACCORDING = re.compile(r"\baccording to (?:a statement (?:by|from) )?(?:the )?(?P<who>[^,.;]+)", re.I)
_PERSON_ORG = re.compile(
    r"^(?P<person>(?:[A-Z][\w.'’-]+\s+){1,3}[A-Z][\w'’-]+),\s+(?:the\s+)?(?P<role>[^,]*?)\s+(?:of|at|for|with)\s+(?:the\s+)?(?P<org>[A-Z].+)$"
)
_PRONOUNS = frozenset("he she they it we i spokesman spokesperson spokeswoman".split())
# Subjects that name no one: "No group has claimed the attack" leaves the event unclaimed.
_NEGATIVE_QUANTIFIER = re.compile(r"^(?:the\s+)?(?:no|none|nobody|no one|neither|nothing)\b", re.I)

_BLAMED = re.compile(r"\bblam(?:ed|ing|es)\b", re.I)
_DENIED = re.compile(r"\bden(?:ied|ies|ying)\b", re.I)
_CLAIMED = re.compile(
    r"\b(?:claimed responsibility|claimed the (?:attack|strike|operation)|took responsibility|took credit)\b",
    re.I,
)
_ALLEGED = re.compile(
    r"\b(?:suspected|alleged(?:ly)?|accus(?:ed|ing)|purported(?:ly)?|presumably|believed to be)\b", re.I
)
_CONFIRMED = re.compile(r"\bconfirm(?:ed|s)\b", re.I)


def format_claimant(subject: str) -> str:
    """Subject -> claimant: 'Major General Yury Popov, deputy chief of the Russian Center for ...' ->
    'Russian Center for ... (Maj. Gen. Yury Popov)'."""
    subject = " ".join(subject.split()).strip(" ,")
    subject = re.sub(r"^the\s+", "", subject, flags=re.I)
    title = ""
    t = _TITLE_RE.match(subject)
    if t:
        title = _TITLES[t.group(1).lower()] + " "
        subject = subject[t.end() :]
    m = _PERSON_ORG.match(subject)
    if m:
        return f"{m['org'].strip()} ({title}{m['person'].strip()})"
    return f"{title}{subject}".strip()


def may_name_speaker(text: str) -> bool:
    """Whether `find_claimant` could use a parse here: no "according to", and a speech verb to follow."""
    return not _ACCORDING.search(text) and bool(_SPEECH_WORD.search(text))


def find_claimant(text: str, doc: Any | None) -> tuple[str, tuple[int, int]] | None:
    """The party a sentence attributes its report to, with its offsets in the sentence, or None."""
    m = _ACCORDING.search(text)
    if m:
        return format_claimant(m["who"]), (m.start("who"), m.end("who"))
    if doc is None:
        return None
    for tok in doc:
        if tok.text.lower() in _SPEECH and tok.pos_ == "VERB":
            # The passive subject is what was reported ("No casualties were reported"), not who reported it.
            # The subject nearest the verb: the small model sometimes hangs a reported clause's subject on
            # the speech verb too ("Hundreds protested ..., witnesses said": two nsubj of "said").
            subj = sorted((c for c in tok.children if c.dep_ == "nsubj"), key=lambda c: abs(tok.i - c.i))
            if subj and _NEGATIVE_QUANTIFIER.match(doc[subj[0].left_edge.i : subj[0].right_edge.i + 1].text):
                continue
            if subj and subj[0].text.lower() not in _PRONOUNS:
                span = doc[subj[0].left_edge.i : subj[0].right_edge.i + 1]
            elif (
                tok.dep_ in ("acl", "relcl")
                and tok.head.pos_ == "PROPN"
                and tok.head.text.lower() not in _PRONOUNS
            ):
                start = tok.head.left_edge.i
                end = tok.i
                while end > start and doc[end - 1].is_punct:
                    end -= 1
                span = doc[start:end]
            else:
                continue
            return format_claimant(span.text), (span.start_char, span.end_char)
    return None


# Who a claim or blame names as the doer: the subject of "claimed responsibility" / "took credit", or
# the party after "blamed ... on".
_CLAIMER = re.compile(
    r"\b(?:claimed (?:\w+ )?responsibility|took (?:\w+ )?(?:responsibility|credit)"
    r"|claimed (?:the|this) (?:attack|strike|bombing|operation|ambush|raid))\b",
    re.I,
)
_BLAMED_ON = re.compile(r"\bblam(?:ed|es|ing)\b[^.;]{0,60}?\bon\b", re.I)
_BLAMED_WHOM = re.compile(r"\bblam(?:ed|es|ing)\s+(?:the\s+)?$", re.I)


# A party reporting its own act: "<party> said (on Monday) (that) it / its forces / they ...". The party
# stands at most this many characters before the speech verb ("The army said", "The RSF, in a statement,
# said").
_SELF_REPORT = re.compile(
    r"\b(?:said|says|announced|claimed|stated)\s+(?:on\s+\w+\s+)?(?:that\s+)?(?:it|its|they|their)\s+\w",
    re.I,
)
SELF_REPORT_GAP = 30
# Only an armed party's report of itself names the doer (ACLED inter codes: state forces, rebels, political
# and identity militias, external forces); residents who "said they fled" are witnesses.
ARMED_INTERS = frozenset((1, 2, 3, 4, 8))


def responsible_party(text: str, mentions: Sequence[ActorMention]) -> ActorMention | None:
    """The actor a sentence says did the act: "IS claimed responsibility ..." -> IS; "officials
    blamed the attack on the rebels" -> the rebels. None when the sentence names no such party."""
    m = _CLAIMER.search(text)
    if m:
        before = [a for a in mentions if a.end <= m.start()]
        if before:
            return before[-1]
    own = _SELF_REPORT.search(text)
    if own:  # "The army said it had retaken the town": the party reports its own act
        gap = own.start() - SELF_REPORT_GAP
        before = [a for a in mentions if gap <= a.end <= own.start() and a.entry.inter in ARMED_INTERS]
        if before:
            return before[-1]
    b = _BLAMED_ON.search(text)
    if b:
        after = [a for a in mentions if a.start >= b.end()]
        if after:
            return after[0]
    for a in mentions:  # "the group blamed the Rapid Support Forces (for the shelling)"
        if _BLAMED_WHOM.search(text[max(0, a.start - 20) : a.start]):
            return a
    return None


def is_denial(text: str) -> bool:
    """The sentence denies an act ("The army denied involvement")."""
    return bool(_DENIED.search(text))


def attribution_of(text: str, claimant_is_actor1: bool) -> str:
    """The attribution the sentence(s) give the event; the strongest marker wins. A blame answered by
    a denial ("the group blamed the RSF; the RSF denied responsibility") stays `blamed`: the report
    is the accuser's, and the denial is the accused's answer to it (kept in the evidence)."""
    if _BLAMED.search(text):
        return "blamed"
    if _DENIED.search(text):
        return "denied"
    if _CLAIMED.search(text) or claimant_is_actor1:
        return "claimed"
    if _ALLEGED.search(text):
        return "alleged"
    if _CONFIRMED.search(text):
        return "confirmed"
    return "reported"
