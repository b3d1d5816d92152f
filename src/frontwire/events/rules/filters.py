"""Sentences that mention violence without reporting an event, each with its reason.

Hands a reason string (or None) to the extractor, which drops the sentence and counts the reason:
reports about reports (footage showing strikes), standing or habitual situations ("usually
deployed", "on a regular basis"), trends ("increased in recent weeks"), hedged references ("it is
unclear if these were the same"), threats, plans and purposes ("vowed to", "to facilitate
attacks"), opinions, and negated or meta statements ("No group has claimed the attack", "state media
did not report the attack", "the claim could not be verified", "no one was hurt").
"""

from __future__ import annotations

import re
from typing import Any

from frontwire.events.rules.discourse import discourse_reason, told_here
from frontwire.events.rules.stance import stance_reason
from frontwire.events.rules.tense import tense_reason
from frontwire.events.rules.typing_words import alternation

_REPORT_OF_REPORT = re.compile(
    r"\b(?:video|videos|footage|images?|photos?|photographs?|pictures?|clips?|recordings?"
    r"|satellite imagery)\b[^.]{0,90}?"
    r"\b(?:show(?:s|ed|ing|n)?|purport(?:s|ed|edly)?|depict(?:s|ed)?|appear(?:s|ed)? to show"
    r"|captur(?:ed|es))\b",
    re.I,
)
# An arrest told with the sentence that ended its case ("The killers were later arrested and sentenced to
# 30 years"): the case is closed, the arrest long past.
_SENTENCED_AFTER = re.compile(
    r"\b(?:arrested|detained|captured)\b[^.;]{0,40}?\band\s+(?:later\s+|subsequently\s+|then\s+)?"
    r"(?:sentenced|convicted|jailed|imprisoned)\b",
    re.I,
)
_HEDGED = re.compile(r"\b(?:it is|it was|it remains) (?:unclear|not clear|unknown) (?:if|whether)\b", re.I)
_HABITUAL = re.compile(
    r"\b(?:usually|routinely|regularly|on a regular basis|typically|frequently|habitually"
    r"|every (?:day|week|night|month|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|in an average (?:day|week|month|year)|on average"
    # a hold that goes on ("Russian troops are still occupying the key towns"): a state of control, not its
    # taking
    r"|(?:are|is|remain|remains)\s+(?:still\s+)?(?:occupying|holding|controlling|in control of)"
    r"|still\s+(?:occup(?:y|ies)|holds?|controls?)"
    r"|have been active|has been active|for years|for decades|more than once in the past|time and again"
    # a comparison with earlier acts ("this isn't the first time a convoy has been targeted"), and a
    # trend ("attacks are becoming increasingly sophisticated"): no occurrence of its own
    r"|(?:is|was|isn['’]t|wasn['’]t)(?: not)? the first (?:time|such)"
    r"|(?:are|is|have|has) (?:been )?becom\w* (?:increasingly|more and more|ever more)"
    r"|increasingly (?:frequent|common|sophisticated|deadly|violent|brazen|bold))\b",
    re.I,
)
# Words that make a sentence about a standing pattern rather than one occurrence. They also appear in
# reports of one day's events ("the town was shelled repeatedly on Monday"), so they count only when
# the sentence names no day of its own. Written from monitor and wire background paragraphs.
_STILL_VERBS = (
    "carr(y|ies)", "launch(es)?", "stages?", "conducts?", "mounts?", "operates?", "attacks?", "targets?",
    "fires?", "shells?", "strikes?", "uses?", "ambush(es)?", "raids?", "controls?", "holds?",
)  # fmt: skip
_SEEN_VERBS = ("seen", "witnessed", "experienced", "suffered", "recorded", "faced")
_MANY = (
    "repeated", "frequent", "regular", "numerous", "many", "several", "dozens of", "hundreds of",
    "a (series|string|wave|spate) of",
)  # fmt: skip
_COMMON = ("frequent", "common", "regular", "rare", "routine")
_PATTERN_WORDS = (
    "repeatedly", "often", "time after time", "again and again", "on (several|many|numerous) occasions",
    "almost daily", "near-daily", "nearly every day",
    rf"still (\w+ )?({alternation(_STILL_VERBS)})",
    rf"(has|have|had) (\w+ )?({alternation(_SEEN_VERBS)}) (\w+ )?({alternation(_MANY)})",
    rf"(has|have|had) become (more |less |increasingly )?({alternation(_COMMON)})",
    rf"(are|is|were|was) (becoming|increasingly) (more )?({alternation(_COMMON)})",
)  # fmt: skip
_PATTERN = re.compile(rf"\b(?:{alternation(_PATTERN_WORDS)})\b", re.I)
_MONTHS = "january february march april may june july august september october november december".split()
_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
# A present perfect running "since" a period, not a day: "has been shelled repeatedly since the ceasefire".
_PERIODS = (
    "the (beginning|start|end|outbreak) of",
    "(the|an?) (ceasefire|truce|war|conflict|uprising|revolution|offensive|invasion|coup|agreement|deal)",
    r"(early |late |mid-?)?(19|20)\d\d",
    rf"(early |late )?({alternation(_MONTHS)})\b(?!\s+\d)",
)
_SINCE_PERIOD = re.compile(
    r"\b(?:has|have|had)\s+(?:\w+\s+)?(?:been\s+)?\w+(?:ed|en|seen|hit|fought|shot)\b[^.;]{0,120}?"
    rf"\bsince\s+(?:{alternation(_PERIODS)})",
    re.I,
)
# Fighting told as going on up to now ("Since then, fighting has continued in the countryside", "clashes
# have persisted"): a state over a period, not one occurrence, unless the sentence gives its own day.
_ONGOING = re.compile(
    r"\b(?:has|have)\s+(?:\w+\s+)?(?:continued|persisted|raged|gone on|dragged on|carried on)\b"
    r"(?!\s+(?:to|for)\b)",
    re.I,
)
_DAYS = (
    *_WEEKDAYS, "yesterday", "today", "tonight", "overnight", "last night", "this morning",
    rf"({alternation(_MONTHS)})\s+\d{{1,2}}\b", rf"\d{{1,2}}\s+({alternation(_MONTHS)})",
)  # fmt: skip
_OWN_DAY = re.compile(rf"\b(?:{alternation(_DAYS)})", re.I)
# Negation: a negative quantifier as the subject ("No group has claimed", "No one was hurt", "None of
# the militants"), or a negated report/comment verb ("did not report the attack", "declined to
# comment", "could not be independently verified"). Such a sentence asserts no new act; a sentence that
# still carries an act in a clause of its own ("No one was hurt when a rocket hit a school in Sderot")
# reports that act and is kept.
_NEGATIVE_SUBJECT = re.compile(r"^[\"“]?(?:no|none|nobody|no one|neither)\b", re.I)
_META_VERBS = (
    "comment", "report", "confirm", "claim", "respond", "publish", "mention", "acknowledg", "verif", "say",
    "said", "announc", "disclos", "give details", "provide details",
)  # fmt: skip
_NEGATORS = (
    r"(did|does|do|has|have|had|would|could|was|were|is|are)\s*(not|n[’']t)",
    "declined to", "refused to", "never", "cannot", "can[’']t",
)  # fmt: skip
_SOFTENERS = ("yet", "immediately", "independently", "officially", "publicly", "been", "be")
_NEGATED_META = re.compile(
    rf"\b(?:{alternation(_NEGATORS)})\s+(?:(?:{alternation(_SOFTENERS)})\s+)*(?:{alternation(_META_VERBS)})\w*",
    re.I,
)
_ACTS = (
    "killed", "wounded", "injured", "hit", "struck", "exploded", "detonated", "attacked", "stormed",
    "shelled", "bombed", "fired", "opened fire", "destroyed", "looted", "torched", "burned", "abducted",
    "kidnapped",
)  # fmt: skip
_OWN_ACT_CLAUSE = re.compile(
    rf"\b(?:when|after|as|while|which|that|in which)\b[^.;]{{0,80}}?\b(?:{alternation(_ACTS)})\b", re.I
)
# A negation in the few words before the trigger: "were not killed", "did not attack".
_NEGATED_ACT = re.compile(r"\b(?:not|never|n[’']t|no)\s+(?:\w+\s+){0,2}$", re.I)
_TREND = re.compile(
    r"\b(?:increas|decreas|escalat|intensif|surg|ris|declin|dropp|doubl|spik)\w*\b[^.]{0,60}?"
    r"\b(?:in recent (?:weeks|months|days|years)|over the (?:past|last) (?:\w+ )?(?:weeks|months|years)"
    r"|since the (?:start|beginning)|this year)\b",
    re.I,
)
# A clause that tells the story so far of a noun ("to protest against mob violence, which has increased in
# recent years"; "the fighting, which has killed 300 people since January, resumed on Monday") qualifies
# that noun: where the sentence gives its act a day, the checks for trends, periods and totals read it
# without that clause.
_QUALIFYING_CLAUSE = re.compile(r",\s*(?:which|who)\s+(?:has|have|had)\s+[^,;.]*", re.I)
_THREAT = re.compile(
    r"\b(?:threaten(?:ed|s|ing)?|vow(?:ed|s)?|warn(?:ed|s)? (?:of|that)|pledg(?:ed|es)|promis(?:ed|es)"
    r"|plan(?:s|ned)? to|plans (?:an?|the|its|their)"
    r"|(?:will|would|is to|are to) be held"
    r"|intend(?:s|ed)? to|prepar(?:ing|es|ed) to|is set to|are set to|would retaliate|will respond)\b",
    re.I,
)
# "plan(s) to" as a noun, owned or determined ("against the government's plans to cut funding", "over its
# plan to build a dam"): what a protest opposes or a sentence names, not a plan of the act itself. An act
# under that "to" is still read by the parse-based irrealis check.
_NOUN_PLAN = re.compile(
    r"(?:['’]s|\b(?:the|its|their|his|her|our|a|an|against|over|about|of|oppose[sd]?|opposing))\s+"
    r"(?:(?:new|latest|proposed|controversial|reported|alleged)\s+)?$",
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
# A player or coach sent off or booked "for protesting" a referee's call: sport, not a demonstration.
_PROTESTED_CALL = re.compile(
    r"\b(?:sent (?:off|to the stands)|booked|cautioned|shown (?:a|his|her) (?:yellow|red) card|ejected)\b"
    r"[^.;]{0,40}?\bfor protesting\b",
    re.I,
)
_OPINION = re.compile(
    r"\b(?:I|we) (?:think|believe|feel)\b|\bin (?:my|our) (?:opinion|view)\b|\bthe real purpose\b", re.I
)
_MODALS = frozenset("will would could might may should shall must".split())
# Verbs whose to-infinitive complement happened: starting, going on, succeeding ("began to shell",
# "continued to bomb", "managed to repel", "went on to storm"). Not "tried", "failed", "planned".
_DONE_VERBS = re.compile(
    r"(?:began|begun|begins?|started|starts?|continued|continues?|proceeded|proceeds?|resumed|resumes?"
    r"|managed|manages?|went|goes|go|kept|keeps?)",
    re.I,
)


def non_event_reason(
    text: str, doc: Any | None = None, trigger: tuple[int, int] | None = None, in_article: bool = True
) -> str | None:
    """Why a sentence with an event cue reports no event, or None when it may report one.

    `doc` (spaCy) and `trigger` (the cue's offsets) enable the irrealis check; callers leave them out
    for protest cues, whose trigger is the participants ("to disperse protesters"), not the act.
    `in_article` adds the whole-article checks (discourse.py: aggregates, reports about reports,
    demands, reactions, releases), which weigh a sentence against the article's own report of the
    event; a short text typed on its own (`RuleExtractor.classify_text`) is read without them.
    """
    early = reason_before_parse(text, trigger, in_article)
    return early or reason_after_parse(text, doc, trigger, in_article)


def reason_after_parse(
    text: str, doc: Any | None = None, trigger: tuple[int, int] | None = None, in_article: bool = True
) -> str | None:
    """The checks of `non_event_reason` from its parse-based one on, for a sentence the others keep."""
    if doc is not None and trigger is not None and _irrealis(doc, trigger):
        return "irrealis: the act is a purpose, plan or possibility"
    return tense_reason(text) if in_article else None


def reason_before_parse(
    text: str, trigger: tuple[int, int] | None = None, in_article: bool = True
) -> str | None:
    """The checks of `non_event_reason` that come before its parse-based one, in the same order: a
    sentence they drop needs no parse (the coder parses only the sentences that could still be kept)."""
    footage = _REPORT_OF_REPORT.search(text)
    if footage and not told_here(text[: footage.start()]):
        # "... were killed in a firefight on Monday night, while footage showed the vehicle burn": the act
        # told before the footage, on a day of its own, is reported here.
        return "report about a report (footage or images of events)"
    if _HEDGED.search(text):
        return "hedged reference to events already reported"
    if _SENTENCED_AFTER.search(text):
        return "background: an arrest told with the sentence that closed its case"
    own_day = bool(_OWN_DAY.search(text))
    own = _QUALIFYING_CLAUSE.sub("", text) if own_day else text
    if _TREND.search(own):
        return "trend, not a discrete event"
    if _HABITUAL.search(text):
        return "standing or habitual situation"
    if _threat(text) and not _REACTION_TO_PAST.search(text):
        return "threat, plan or warning"
    if _OPINION.search(text):
        return "opinion"
    if _PROTESTED_CALL.search(text):
        return "sport: a protest at a referee's call"
    over_time = _PATTERN.search(own) or _SINCE_PERIOD.search(own) or _ONGOING.search(own)
    if over_time and not own_day:
        return "pattern over time, not a discrete event"
    discourse = discourse_reason(own, act=trigger is not None) if in_article else None
    if discourse:
        return discourse
    stance = stance_reason(text, trigger) if in_article else None
    if stance:
        return stance
    return _negation(text, trigger)


def _threat(text: str) -> bool:
    """A threat, plan or warning told by a verb; "plans to" named as a thing (`_NOUN_PLAN`) is not one."""
    for m in _THREAT.finditer(text):
        before = text[max(0, m.start() - 40) : m.start()]
        if not (m.group(0).lower().startswith("plan") and _NOUN_PLAN.search(before)):
            return True
    return False


def _negation(text: str, trigger: tuple[int, int] | None) -> str | None:
    """Why a negated or meta sentence reports no new act, or None."""
    own_act = _OWN_ACT_CLAUSE.search(text)
    if _NEGATIVE_SUBJECT.match(text) and not own_act:
        return "negated: no one did or suffered the act"
    if _NEGATED_META.search(text) and not own_act:
        return "meta statement about a report (not reported, no comment, unverified)"
    if trigger is not None and _NEGATED_ACT.search(text[max(0, trigger[0] - 40) : trigger[0]]):
        return "negated: the act did not happen"
    return None


def _told_as_done(verb: Any, auxes: set[str]) -> bool:
    """A to-infinitive that still tells an act done: a perfect infinitive under a report verb ("are
    reported to have killed six") or the complement of a verb of starting, going on or succeeding
    ("began to shell the town", "managed to repel the attack", "went on to storm the compound")."""
    if "have" in auxes:
        return True
    head = verb.head
    return head is not verb and verb.dep_ == "xcomp" and _DONE_VERBS.fullmatch(head.text) is not None


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
                if auxes & _MODALS:
                    return True
                if "to" in auxes and not _told_as_done(v, auxes):
                    return True
        if tok.head is tok:
            break
        tok = tok.head
    return False
