"""Train the learned head from the corpus: `python -m frontwire.events.learned.train`.

Reads corpus/events/*.jsonl at the repository root, encodes each snippet with the shipped static
table (learned-table.npz), fits the head (head.py: deterministic, no seed needed beyond its zero start)
and writes learned-head.npz and learned.sha256 beside the table. The corpus's sha256 goes into the
head, and from there into the coder string of every event coded with it.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from frontwire.events.learned.artifact import (
    HEAD_FILE,
    TABLE_FILE,
    add_path_options,
    data_dir,
    load_table,
    save_head,
    sha256_file,
    write_sums,
)
from frontwire.events.learned.combine import DEFAULT_THRESHOLDS
from frontwire.events.learned.corpus import corpus_dir, corpus_sha256, read_corpus
from frontwire.events.learned.head import Head, train_head
from frontwire.events.learned.static import StaticEncoder, StaticTable


def fit(corpus: Path, table: StaticTable) -> Head:
    snippets = read_corpus(corpus)
    x = StaticEncoder(table).encode([s.text for s in snippets])
    return train_head(x, [s.label for s in snippets])


def retrain(corpus: Path, directory: Path) -> Head:
    """Fit the head on `corpus` with the table in `directory`; write the head and the checksums there."""
    table = load_table(directory / TABLE_FILE)
    head = fit(corpus, table)
    save_head(
        directory / HEAD_FILE,
        head,
        corpus_sha256(corpus),
        sha256_file(directory / TABLE_FILE),
        dict(DEFAULT_THRESHOLDS),
    )
    write_sums(directory)
    return head


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_path_options(ap)
    args = ap.parse_args(argv)
    corpus = args.corpus or corpus_dir()
    directory = args.out or data_dir()
    head = retrain(corpus, directory)
    counts = Counter(s.label for s in read_corpus(corpus))
    n = sum(counts.values())
    print(f"trained on {n} snippets, {len(head.labels)} labels; wrote {directory / HEAD_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
