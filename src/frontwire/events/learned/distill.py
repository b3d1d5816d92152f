"""Distil the static piece table from all-MiniLM-L6-v2: `python -m frontwire.events.learned.distill`.

Every piece of the model's vocabulary goes through the full model alone ("[CLS] piece [SEP]"); its
vector is the mean of the three last-layer states, the sentence pooling the model was trained with
(model2vec's recipe). The vectors are then centred, turned by PCA to `DIM` components and stored as
int8 with one scale per row. Pieces of scripts the coder never reads (CJK, Arabic, ...), and BERT's
unused slots, keep their place in the vocabulary but get weight 0.

Run once when the encoder changes (it takes minutes on one core); train.py then fits the head.
Needs the model package (requirements/distill.txt) and `safetensors`.
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from frontwire.events.learned.artifact import TABLE_FILE, data_dir, save_table
from frontwire.events.learned.bert import MiniLM
from frontwire.events.learned.static import StaticTable

# Components kept by the PCA. On the even half of CASE 2021 dev the head alone scored 0.494 with 128,
# 0.534 with 256 and 0.542 with all 384; combined with the rules the three were within 0.005. 128 keeps
# the table near 3 MB.
DIM = 128
# Piece weights in the sentence mean grow with the log of the piece's rank: BERT's vocabulary lists whole
# words by frequency from id FIRST_WORD on ("the", "of", "and", ...), so frequent words weigh less
# (model2vec's Zipf weighting; SIF in spirit). Characters and other pieces before it count as rare-ish.
FIRST_WORD = 1996
CHARACTER_RANK = 1000
BATCH = 512


def piece_vectors(model: MiniLM, batch: int = BATCH, log: bool = True) -> np.ndarray:
    """One 384-dim vector per vocabulary piece (pieces x 384), float32."""
    cls, sep = model.tokens.index("[CLS]"), model.tokens.index("[SEP]")
    n = len(model.tokens)
    out = np.zeros((n, model.weights["embeddings.word_embeddings.weight"].shape[1]), dtype=np.float32)
    t0 = time.perf_counter()
    for start in range(0, n, batch):
        ids = np.array([[cls, i, sep] for i in range(start, min(n, start + batch))], dtype=np.int64)
        out[start : start + len(ids)] = model.hidden(ids, np.ones(ids.shape, dtype=np.float32)).mean(axis=1)
        if log and start // batch % 10 == 0:
            print(f"distil: {start + len(ids)}/{n} pieces, {time.perf_counter() - t0:.0f}s", flush=True)
    return out


def latin_pieces(tokens: tuple[str, ...]) -> np.ndarray:
    """1 for pieces in Latin script, digits or punctuation; 0 for unused slots, specials and other scripts."""
    keep = np.zeros(len(tokens), dtype=np.float32)
    for i, tok in enumerate(tokens):
        bare = tok[2:] if tok.startswith("##") else tok
        if tok.startswith("[") and tok.endswith("]"):
            continue
        if all(ord(ch) < 0x250 for ch in bare):
            keep[i] = 1.0
    return keep


def piece_weights(tokens: tuple[str, ...]) -> np.ndarray:
    """Each piece's weight in the sentence mean: log of its frequency rank, 0 off the Latin pieces;
    scaled to mean 1 over the pieces kept."""
    ids = np.arange(len(tokens))
    rank = np.where(ids >= FIRST_WORD, ids - FIRST_WORD, CHARACTER_RANK)
    weights = np.log(2.0 + rank) * latin_pieces(tokens)
    return (weights / weights[weights > 0].mean()).astype(np.float32)


def compress(vectors: np.ndarray, weights: np.ndarray, dim: int = DIM) -> tuple[np.ndarray, np.ndarray]:
    """PCA to `dim` components (fitted on the weighted pieces), then int8 codes with one scale per row."""
    kept = vectors[weights > 0].astype(np.float64)
    mean = kept.mean(axis=0)
    _, _, vt = np.linalg.svd(kept - mean, full_matrices=False)
    # A fixed sign per component (largest loading positive) makes the result independent of LAPACK's choice.
    signs = np.sign(vt[np.arange(vt.shape[0]), np.abs(vt).argmax(axis=1)])
    basis = (vt * signs[:, None])[:dim].T
    reduced = (vectors.astype(np.float64) - mean) @ basis
    scales = np.abs(reduced).max(axis=1) / 127.0
    scales[scales == 0] = 1.0
    codes = np.round(reduced / scales[:, None]).astype(np.int8)
    return codes, scales.astype(np.float32)


def build_table(model: MiniLM, vectors: np.ndarray | None = None, dim: int = DIM) -> StaticTable:
    vectors = piece_vectors(model) if vectors is None else vectors
    weights = piece_weights(model.tokens)
    codes, scales = compress(vectors, weights, dim)
    return StaticTable(model.tokens, codes, scales, weights)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--out", help=f"where to write the table (default: the package's data/events/{TABLE_FILE})"
    )
    args = ap.parse_args(argv)
    out = data_dir() / TABLE_FILE if args.out is None else __import__("pathlib").Path(args.out)
    table = build_table(MiniLM.from_package())
    save_table(out, table)
    print(
        f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB); now run python -m frontwire.events.learned.train"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
