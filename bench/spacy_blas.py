"""spaCy on thinc's default BLAS (blis) against numpy's BLAS (frontwire.spacy_blas), side by side.

    python bench/spacy_blas.py [--articles 200] [--rounds 3]

Reads the sentences of our own training articles (corpus/articles-events/) that the coder sends to
spaCy (a typed sentence that may need the irrealis or claimant parse), in article-sized batches as the
coder runs them, and gives both loads of the English model the same batches, rounds alternating. Prints
seconds per round for the parse and for NER, the ratio numpy/blis, and whether every parse (tag, head,
dependency) and every entity is the same. Both run on one BLAS thread.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from frontwire.events._text import split_sentences
from frontwire.events.rules import _nlp, _parse
from frontwire.events.rules.classify import CueLexicon

ARTICLES = Path(__file__).resolve().parents[1] / "corpus" / "articles-events"


def batches(limit: int) -> list[list[str]]:
    """Per article, its sentences with an event cue that a parse-based check may read."""
    cues = CueLexicon.load()
    out = []
    for path in sorted(ARTICLES.glob("*.json"))[:limit]:
        text = json.loads(path.read_text(encoding="utf-8"))["text"]
        batch = [
            s.text
            for s in split_sentences(text)
            if cues.cues(s.text) and _parse.may_need_parse(s.text)
        ]
        if batch:
            out.append(batch)
    return out


def run(nlp: object, work: list[list[str]]) -> tuple[float, float, list[object]]:
    t0 = time.perf_counter()
    parses = [[(t.tag_, t.head.i, t.dep_) for d in _parse.parse(nlp, b) for t in d] for b in work]
    t1 = time.perf_counter()
    ents = [_parse.entities(nlp, b) for b in work]
    t2 = time.perf_counter()
    return t1 - t0, t2 - t1, [parses, ents]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    import spacy

    work = batches(args.articles)
    chars = sum(len(s) for b in work for s in b)
    print(f"{len(work)} articles, {sum(map(len, work))} sentences, {chars:,} chars")
    numpy_blas = _nlp.load_english()
    blis = None
    for name in _nlp.MODEL_NAMES:  # the same package, loaded without the switch: thinc's default ops
        try:
            blis = spacy.load(name, exclude=list(_nlp.DISABLED))
            break
        except OSError:
            continue
    assert blis is not None
    run(blis, work[:5]), run(numpy_blas, work[:5])  # warm both
    totals = {"blis": [0.0, 0.0], "numpy": [0.0, 0.0]}
    outputs = {}
    for r in range(args.rounds):
        order = (("blis", blis), ("numpy", numpy_blas))
        for name, nlp in order if r % 2 == 0 else order[::-1]:
            p, n, out = run(nlp, work)
            totals[name][0] += p
            totals[name][1] += n
            outputs[name] = out
            print(f"round {r + 1} {name:<6} parse {p:6.2f} s   NER {n:6.2f} s")
    b, n = totals["blis"], totals["numpy"]
    print(f"\nnumpy / blis, seconds: parse {n[0] / b[0]:.2f}   NER {n[1] / b[1]:.2f}", end="")
    print(f"   both {sum(n) / sum(b):.2f}")
    print(f"same parses and entities: {outputs['blis'] == outputs['numpy']}")


if __name__ == "__main__":
    main()
