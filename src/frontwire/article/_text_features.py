"""Per-line features of flattened page text: the cheap measurements the segmenter scores.

One `LineFeatures` per non-empty line: word count, stop-word share, sentence punctuation,
and flags for the patterns chrome is made of (prices, bare dates, URLs, widget vocabulary).
Everything here is precompiled regexes and set look-ups, so a page of a few hundred
lines costs well under a millisecond; `frontwire.article.text` turns these into roles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Small stop-word lists, written by hand: the most frequent function words of the languages
# news pages most often come in (English, Romance, German, Russian). Prose is dense in them;
# menus, teasers and widgets are not.
_STOP_TEXT = """
a about after against all also an and any are as at be been before being but by can could did do
does during for from had has have he her his how i if in into is it its just more most my no not now
of on one only or other our out over said she so some such than that the their them then there these
they this those through to under up was we were what when where which while who will with would you
your a al ao aos as com como con da das de del do dos e el em en es est et está foi la las le les lo
los mais mas na nas no nos o os par para pas pelo per pela por que qui se sem ser son su sua sur un
una une uno y à é aber als auch auf aus bei das dem den der des die durch ein eine einen für hat
ist mit nach nicht noch oder sich sie und von war wie zu zum zur в и на не что с по как это к из но
за от о для у же бы то все так его она он они мы вы был была было быть
"""
STOP_WORDS: frozenset[str] = frozenset(_STOP_TEXT.split())

_WORD = re.compile(r"\w+")
# A line that ends a sentence: final . ! ? … or : (an introduction to a list/quote), possibly
# followed by closing quotes/brackets.
_SENTENCE_END = re.compile(r"[.!?…:。！？][\"'”’»)\]]*$")
# Applied to the lower-cased line; written without a leading alternation so the scan stays fast.
_URL = re.compile(r"(?://|www\.|\.(?:com|org|net|press|info|io|co|ru|uk|de)\b)")
# Words allowed in a line made only of numbers, currency, dates and times (donation widgets,
# counters, timestamps such as "2,500 $", "JUNE 2024", "4.8K", "10:30 am").
_NUMERIC_WORDS = frozenset(
    "jan january feb february mar march apr april may jun june jul july aug august sep sept september "
    "oct october nov november dec december am pm utc gmt k m".split()
)
# A line of this many tokens or fewer can be a bare number/date line.
_NUMERIC_MAX_TOKENS = 4
# Characters of scripts written without spaces between words; one word is about two characters.
_NO_SPACE_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


@dataclass(slots=True, frozen=True)
class LineFeatures:
    """Measurements of one line."""

    words: int
    stop_ratio: float
    sentence_end: bool
    has_url: bool
    numeric: bool


def measure(line: str) -> LineFeatures:
    """Measure one stripped, non-empty line."""
    low = line.lower()
    tokens = _WORD.findall(low)
    n = len(tokens)
    if n and len(line) > 6 * n * 2 and _NO_SPACE_SCRIPT.search(line):
        n = max(n, len(line) // 2)
    stops = sum(map(STOP_WORDS.__contains__, tokens))
    return LineFeatures(
        words=n,
        stop_ratio=stops / n if n else 0.0,
        sentence_end=_SENTENCE_END.search(line) is not None,
        has_url=_URL.search(low) is not None,
        numeric=n <= _NUMERIC_MAX_TOKENS and _is_numeric(tokens),
    )


def _is_numeric(tokens: list[str]) -> bool:
    digits = False
    for t in tokens:
        if t.isdigit() or t.rstrip("kmbs").isdigit() and t[0].isdigit():
            digits = True
        elif t not in _NUMERIC_WORDS:
            return False
    return digits or not tokens


def normalise(line: str) -> str:
    """A line's identity for repetition counts: case-folded, whitespace collapsed."""
    return " ".join(line.casefold().split())
