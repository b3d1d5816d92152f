"""Sentence splitting with offsets, and a cheap check that a text is English.

Hands `Sentence` spans (offsets into `Article.body`) to the classifier; spaCy then parses only the
sentences that carry an event cue, which keeps the coder fast on long articles.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

# Words that end in a period without ending a sentence.
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr gen maj col lt capt sgt cpl pvt brig adm cmdr st "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "no vs etc inc co corp gov sen rep prof jr sr approx est fig ft km mt".split()
)
# A sentence ends at . ! or ? before a space and a capital or digit: any letter but a lower-case ASCII one,
# so that "by the evening. İmamoğlu said" and "... . Ölüdeniz" split as "... . Kabul" does (and scripts
# without case split on their punctuation).
_BOUNDARY = re.compile(r"[.!?][\"”’)\]]*(?=\s+[\"“‘(\[]?[^\W_a-z])|(?<=[a-z0-9)”\"])[.!?](?=[A-Z][a-z])")
# A live blog's time stamp opening a paragraph ("15:10 In Eldoret, protesters ...", "10.30am Police said",
# "20:00 GMT - Late reports"): not part of the entry's first sentence, whose opening words ("In Eldoret,")
# the coder reads to place and separate events.
_TIME_STAMP = re.compile(
    r"(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s?[ap]\.?m\.?)?(?:\s+(?:GMT|UTC|local time|[A-Z]{2,4}T))?"
    r"\s*[-–—:|]?\s+(?=[\"“‘(]?[A-Z0-9])"
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_LATIN_RUN = re.compile(r"[A-Za-z]+")

# Function words that make up a third or more of running English text; other languages written
# in Latin script share few of them. 0.06 was set on our own snippets: one-sentence English event
# reports sit at 0.09 and above, French and Spanish news below 0.04.
_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to in a is was were for on that with by as at from be have has had it its an are this which "
    "after were been not but who they their or he she his her said".split()
)
MIN_ENGLISH_RATIO = 0.06
MIN_WORDS = 4
# Characters py3langid reads when the function-word check finds too few English words.
LANGID_CHARS = 2000


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    start: int
    end: int
    paragraph: int


def split_sentences(body: str) -> list[Sentence]:
    """Sentences of `body` with their offsets, paragraph by paragraph (split on blank lines); a paragraph's
    opening time stamp (a live blog's entry) is in none."""
    out: list[Sentence] = []
    for p_index, (p_start, p_end) in enumerate(paragraph_spans(body)):
        para = body[p_start:p_end]
        stamp = _TIME_STAMP.match(para)
        cut = stamp.end() if stamp else 0
        for m in _BOUNDARY.finditer(para, cut):
            if _is_abbreviation(para, m.start() + 1):
                continue
            _append(out, para, cut, m.end(), p_start, p_index)
            cut = m.end()
        _append(out, para, cut, len(para), p_start, p_index)
    return out


def paragraph_spans(body: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph of `body` (split on blank lines), as sentences are numbered."""
    spans, start = [], 0
    for m in re.finditer(r"\n\s*\n", body):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(body)))
    return spans


# Characters before a sentence boundary that the abbreviation check reads: longer than any
# abbreviation or initialism; reading the whole paragraph made splitting quadratic in its length.
_ABBREVIATION_WINDOW = 40


def _is_abbreviation(para: str, end: int) -> bool:
    before = para[max(0, end - _ABBREVIATION_WINDOW) : end].rstrip('"”’)] ')
    if not before.endswith("."):
        return False
    word = re.search(r"([\w.]+)\.$", before)
    if not word:
        return False
    token = word.group(1)
    return token.lower() in _ABBREVIATIONS or bool(re.fullmatch(r"(?:[A-Za-z]\.)*[A-Za-z]", token))


def _append(out: list[Sentence], para: str, start: int, end: int, offset: int, p_index: int) -> None:
    while start < end and para[start].isspace():
        start += 1
    while end > start and para[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(para[start:end], offset + start, offset + end, p_index))


def detect_language(text: str) -> tuple[str, str | None]:
    """('en', None) for English text; otherwise a code ('und', 'non-en', 'non-latin') and the reason."""
    words = _WORD.findall(text)
    if len(words) < MIN_WORDS:
        return "und", f"too little text ({len(words)} words)"
    letters = sum(map(len, words))  # words are runs of letters: counted per run, not per character
    latin = sum(map(len, _LATIN_RUN.findall(text)))
    if letters and latin / letters < 0.5:
        return "non-latin", "text is not in Latin script; the rule coder reads English only"
    ratio = sum(1 for w in words if w.lower() in _ENGLISH_FUNCTION_WORDS) / len(words)
    if ratio < MIN_ENGLISH_RATIO and not _langid_says_english(text):
        return "non-en", f"text does not look English (function-word ratio {ratio:.2f})"
    return "en", None


def _langid_says_english(text: str) -> bool:
    """A second opinion for terse text with few function words (an event note full of place names:
    "Interception: On 9 May, air defence units shot down two drones over Belgorod (Belgorod, Belgorod)")."""
    return langid_code(text[:LANGID_CHARS]) == "en"


@functools.lru_cache(maxsize=64)
def langid_code(text: str) -> str | None:
    """py3langid's language code for `text`, or None without py3langid (a default dependency). Cached: the
    learned coder asks again for the same sample when it names a language this check refused."""
    try:
        import py3langid
    except ImportError:
        return None
    code, _ = py3langid.classify(text)
    return code
