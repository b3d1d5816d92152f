"""The static sentence encoder: a sentence is the weighted mean of its word pieces' vectors.

The vectors were distilled once, at build time, from all-MiniLM-L6-v2 (distill.py: every piece of its
vocabulary through the full model), so at run time encoding is a table look-up and a mean: no model
and no torch, thousands of sentences a second on one core.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from frontwire.events.learned.wordpiece import WordPiece

# Pieces read per sentence; longer sentences keep their first pieces (a news sentence rarely needs more).
MAX_PIECES = 128


@dataclass(slots=True)
class StaticTable:
    """Piece vocabulary (index = id), one vector per piece (int8 with a per-row scale) and piece weights."""

    tokens: tuple[str, ...]
    codes: np.ndarray  # int8, pieces x dim
    scales: np.ndarray  # float32, pieces
    weights: np.ndarray  # float32, pieces: the piece's weight in the sentence mean

    def vectors(self) -> np.ndarray:
        return self.codes.astype(np.float32) * self.scales[:, None]


class StaticEncoder:
    def __init__(self, table: StaticTable) -> None:
        self.table = table
        self._pieces = WordPiece(table.tokens)
        self._vectors = table.vectors() * table.weights[:, None]
        self.dim = self._vectors.shape[1]

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-length sentence vectors (len(texts) x dim); a text with no known piece gives zeros."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            ids = self._pieces.ids(text)[:MAX_PIECES]
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
