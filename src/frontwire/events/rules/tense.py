"""Tense and aspect: a sentence told wholly in the present or the future reports no occurrence.

News reports an occurrence in the past ("gunmen attacked", "were killed"), the present perfect ("have
hijacked", "has risen"), or as under way ("fighting is continuing", "protesters are marching"). A body
sentence with none of these — only present simple or future forms outside its speech frame — states a
standing situation, a capability, a plan or an opinion ("The insurgents possess and use white
phosphorus", "the army will respond", "attacks are a sign of weakness", "officials say the town
remains calm"). Such a sentence gives no event of its own; it may still add to the event told before
it, which the grouping step decides.

The check reads verb forms by their shape (no parse): regular past forms end in -ed, the irregular
ones are listed, and a few -ed words that are adjectives before a noun ("armed", "improvised",
"suspected") do not count. Headline-like lines (no closing punctuation) are exempt: headlines report
events in the present ("Bomb kills 12 in Baghdad"). Speech and report verbs do not count as past forms:
"he said the attacks are a sign of weakness" is a present statement reported in the past.

Written from how English news is phrased (tense and aspect of event reports), not from any article.
"""

from __future__ import annotations

import re

from frontwire.events.rules.typing_words import alternation

# Irregular past tenses and participles of verbs news uses for acts, outcomes and movement. Forms that
# are also present tenses ("hit", "shot", "set", "put", "beat", "cut", "hurt", "spread") count too: they
# more often report an act than describe a habit, and a wrong "past" only keeps a sentence.
_IRREGULAR = (
    "arose", "arisen", "ate", "became", "began", "begun", "bit", "bitten", "bled", "blew", "blown",
    "bore", "borne", "broke", "broken", "brought", "built", "burnt", "burst", "came", "caught", "chose",
    "chosen", "clung", "crept", "cut", "dealt", "did", "done", "drew", "drawn", "drove", "driven", "dug",
    "fell", "fallen", "felt", "fled", "flew", "flown", "fought", "found", "forbade", "forgot",
    "forgotten", "froze", "frozen", "gave", "given", "got", "gotten", "gone", "went", "grew", "grown",
    "heard", "held", "hid", "hidden", "hit", "hung", "hurt", "kept", "knew", "known", "laid", "lain",
    "led", "left", "lent", "let", "lit", "lost", "made", "meant", "met", "overran", "overrun", "overtook",
    "overtaken", "paid", "put", "quit", "ran", "rang", "rode", "ridden", "rose", "risen", "sank", "sunk",
    "sat", "saw", "seen", "sent", "set", "shook", "shaken", "shed", "shot", "shut", "slain", "slew",
    "slid", "sold", "sought", "sped", "spent", "split", "spread", "stole", "stolen", "stood", "struck",
    "stricken", "stuck", "stung", "swept", "swore", "sworn", "swung", "taken", "took", "tore", "torn",
    "threw", "thrown", "trod", "trodden", "undertook", "undertaken", "understood", "withdrew",
    "withdrawn", "woke", "woken", "won", "wore", "worn", "wound", "wrote", "written", "beat", "beaten",
    "forced", "blasted",
)  # fmt: skip
# Auxiliaries of the past, the perfect and the passive.
_PAST_AUX = ("was", "were", "had", "did", "been", "wasn[’']t", "weren[’']t", "hadn[’']t", "didn[’']t")
# Under way now: a progressive, or words of an ongoing episode.
_ONGOING = (
    r"(?:is|are|am|remains?|'s|'re)\s+(?:\w+\s+)?\w+ing",
    "continu(?:es|e|ing)", "ongoing", "under ?way", "raging", "rages", "persists?",
)
# The result of an act, stated in the present: "12 people are dead", "the toll stands at 30".
_RESULT = (
    r"(?:is|are|lie|lies|lay)\s+dead", r"(?:is|are|remain|remains)\s+missing", "death toll", "toll",
    "in custody", "in hospital", "hospitali[sz]ed",
)
# -ed words that are mostly adjectives before a noun, or not verbs at all.
_NOT_PAST = (
    "armed", "united", "based", "related", "alleged", "suspected", "unidentified", "masked", "disputed",
    "occupied", "planned", "proposed", "scheduled", "expected", "limited", "embattled", "armoured",
    "armored", "unmanned", "improvised", "coordinated", "sophisticated", "advanced", "concerted",
    "heightened", "renewed", "sacred", "naked", "wicked", "hundred", "indeed", "need", "speed", "proceed",
    "exceed", "succeed", "bed", "red", "feed", "seed", "breed", "bleed", "shred", "wanted", "so-called",
    "called", "self-styled", "guided", "concerned", "interested", "talented", "detailed", "unprecedented",
    "increased", "reduced", "restricted", "isolated", "organized", "organised", "fixed", "mixed",
    "skilled", "trained", "experienced", "dedicated", "registered", "licensed", "named", "aged",
    "marked", "required", "undisclosed", "unspecified", "estimated",
)  # fmt: skip
# Speech and report verbs: their own tense is the report's, not the content's.
_SPEECH = (
    "said", "stated", "added", "told", "claimed", "announced", "reported", "explained", "noted",
    "warned", "argued", "insisted", "asserted", "declared", "remarked", "commented", "stressed",
    "emphasi[sz]ed", "suggested", "believed", "thought", "felt", "wrote", "posted", "tweeted", "urged",
    "called", "asked", "demanded", "vowed", "pledged", "promised", "threatened", "accused", "alleged",
    "denied", "rejected", "dismissed", "condemned", "criticised", "criticized", "described",
)  # fmt: skip
# Prefixes that keep an irregular form irregular: "retook", "overtook", "outran", "withheld", "upheld".
_PREFIX = "(?:re|over|under|out|with|up)?"
_PAST = re.compile(
    rf"\b(?:{alternation(_PAST_AUX)}|{_PREFIX}(?:{alternation(_IRREGULAR)})|[a-z]{{2,}}ed)\b", re.I
)
# A sentence that opens on its own day ("On 17 May 2024, troops ...", as event notes and leads do) tells
# what happened that day, unless it speaks of the future.
_DATED_OPENING = re.compile(
    r"^\W*(?:[Oo]n|[Ii]n|[Bb]etween|[Ff]rom)\s+(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2}|[A-Z][a-z]+day)\b"
)
# A day of its own anywhere in the sentence ("on Friday", "on 3 May", "yesterday") dates an occurrence too.
_DAY_REF = re.compile(
    r"\b(?:[Oo]n\s+(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2}"
    r"|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)|yesterday|last night)\b"
)
# Declaring or announcing a thing ("declared a blockade", "announced the dissolution") is an act, not a
# speech frame around a present-tense clause ("said the attacks are ...").
_DECLARED = re.compile(r"\b(?:announced|declared|claimed)\s+(?:a|an|the|its|their|his|her)\s", re.I)
_FUTURE = re.compile(r"\b(?:will|shall|would|'ll|going to|plans? to|intends? to|is to|are to)\b", re.I)
_KEEP = re.compile(rf"\b(?:{alternation(_ONGOING)}|{alternation(_RESULT)})\b", re.I)
_NOT_PAST_WORD = re.compile(rf"(?:{alternation(_NOT_PAST)}|{alternation(_SPEECH)})", re.I)
# A present auxiliary right before an -ed form makes it a present passive or an adjective ("beatings are
# ignored by the police", "the town is surrounded by hills").
_PASSIVE_REACH = 30  # characters read before the -ed form: the auxiliary and one adverb
_PRESENT_PASSIVE = re.compile(
    r"\b(?:is|are|am|be|gets?|remains?)\s+(?:(?:often|usually|routinely|regularly|still|also|frequently|rarely"
    r"|widely|largely|now|not)\s+)?$",
    re.I,
)
_HYPHENED = re.compile(r"-\w+$")  # "Saudi-led", "Iranian-backed": a compound adjective, not a verb


def has_past_or_ongoing(text: str) -> bool:
    """Whether the sentence has a past, perfect or passive form, or tells an act under way or its result."""
    if _KEEP.search(text):
        return True
    for m in _PAST.finditer(text):
        word = m.group(0)
        if _NOT_PAST_WORD.fullmatch(word):
            continue
        if m.start() > 0 and text[m.start() - 1] == "-":
            continue  # "Saudi-led", "Hamas-run"
        before = max(0, m.start() - _PASSIVE_REACH)
        if word.lower().endswith("ed") and _PRESENT_PASSIVE.search(text, before, m.start()):
            continue  # "are ignored", "is often targeted": the present passive of a standing situation
        return True
    return False


def headline_like(text: str) -> bool:
    """A line without closing punctuation: a headline or a caption, which report events in the present."""
    return not text.rstrip().rstrip("\"”’')]").endswith((".", "!", "?", ":", ";"))


def tense_reason(text: str) -> str | None:
    """Why a sentence reports no occurrence by its tense alone, or None."""
    if headline_like(text) or has_past_or_ongoing(text):
        return None
    if (_DATED_OPENING.match(text) or _DAY_REF.search(text)) and not _FUTURE.search(text):
        return None
    if _DECLARED.search(text):
        return None
    return "present or future only: a standing situation, plan or statement, not an occurrence"
