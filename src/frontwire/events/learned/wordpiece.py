"""BERT's uncased WordPiece tokenizer in plain Python: text -> vocabulary ids.

Splits as BERT's basic tokenizer does (lower case, accents stripped, punctuation and CJK characters
apart), then each word into the longest pieces the vocabulary holds ("##" marks a continuation).
The static encoder (static.py) needs only the ids, so run time needs neither `tokenizers` nor torch;
tests check it agrees with `tokenizers` where that package is installed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

UNK = "[UNK]"
# BERT's limit: a longer "word" (a URL, a run of digits) is one unknown token.
MAX_WORD_CHARS = 100
# Words seen are cached with their pieces; news repeats its words, and the cache is bounded.
CACHE_LIMIT = 50_000


def _is_punct(ch: str) -> bool:
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _is_cjk(cp: int) -> bool:
    return (
        0x4E00 <= cp <= 0x9FFF
        or 0x3400 <= cp <= 0x4DBF
        or 0x20000 <= cp <= 0x2A6DF
        or 0x2A700 <= cp <= 0x2CEAF
        or 0xF900 <= cp <= 0xFAFF
        or 0x2F800 <= cp <= 0x2FA1F
    )


# ASCII text (most English news) takes a regex: every printable ASCII character that is not a letter,
# digit or space is punctuation to BERT, and control characters other than whitespace are dropped.
_ASCII_WORDS = re.compile(r"[a-z0-9]+|[^\sa-z0-9]")
_ASCII_CONTROL = {cp: None for cp in range(32) if chr(cp) not in "\t\n\r"} | {127: None}


def basic_words(text: str) -> list[str]:
    """BERT's basic tokenization of `text`: lower-cased, accent-free words and single punctuation marks."""
    if text.isascii():
        return _ASCII_WORDS.findall(text.lower().translate(_ASCII_CONTROL))
    out: list[str] = []
    for raw in text.lower().split():
        word = "".join(ch for ch in unicodedata.normalize("NFD", raw) if unicodedata.category(ch) != "Mn")
        current = []
        for ch in word:
            cp = ord(ch)
            if cp == 0 or cp == 0xFFFD or (unicodedata.category(ch).startswith("C") and ch not in "\t\n\r"):
                continue
            if _is_punct(ch) or _is_cjk(cp):
                if current:
                    out.append("".join(current))
                    current = []
                out.append(ch)
            else:
                current.append(ch)
        if current:
            out.append("".join(current))
    return out


class WordPiece:
    """Greedy longest-match-first WordPiece over a vocabulary given as a token list (index = id)."""

    def __init__(self, tokens: Sequence[str]) -> None:
        self.vocab = {t: i for i, t in enumerate(tokens)}
        self.unk = self.vocab[UNK]
        self._cache: dict[str, tuple[int, ...]] = {}

    def ids(self, text: str) -> list[int]:
        out: list[int] = []
        for word in basic_words(text):
            pieces = self._cache.get(word)
            if pieces is None:
                pieces = self._pieces(word)
                if len(self._cache) < CACHE_LIMIT:
                    self._cache[word] = pieces
            out.extend(pieces)
        return out

    def _pieces(self, word: str) -> tuple[int, ...]:
        if len(word) > MAX_WORD_CHARS:
            return (self.unk,)
        pieces: list[int] = []
        start = 0
        while start < len(word):
            end = len(word)
            found = None
            while start < end:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                found = self.vocab.get(piece)
                if found is not None:
                    break
                end -= 1
            if found is None:
                return (self.unk,)
            pieces.append(found)
            start = end
        return tuple(pieces)
