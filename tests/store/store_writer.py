"""Subprocess for the crash and concurrency tests: write N synthetic pages into a store, one per transaction.

python store_writer.py DB N [--from K]    prints "committed <i>" after each page's commit
"""

from __future__ import annotations

import sys

from frontwire.incidents.synthetic import pages
from frontwire.store import open_store


def main() -> None:
    db, n = sys.argv[1], int(sys.argv[2])
    store = open_store(db)
    for i, (page, article, mentions) in enumerate(pages(n)):
        store.write_page(page, article, mentions)
        print(f"committed {i}", flush=True)
    store.close()


if __name__ == "__main__":
    main()
