"""Store benchmarks: ingest throughput (events/s) into SQLite and PostgreSQL, and incident-merge time.

    python bench/store.py                         # SQLite ingest + merge at 10k and 100k mentions
    python bench/store.py --pg postgresql://…     # also PostgreSQL ingest
    python bench/store.py --million               # also merge 1,000,000 mentions (slow)

The merge runs `IncidentIndex` over synthetic mentions (frontwire.incidents.synthetic); the growth ratio
time(10x)/time(x) near 10 means linear growth, near 100 quadratic.
"""

from __future__ import annotations

import argparse
import tempfile
import time
import uuid
from pathlib import Path

from frontwire.incidents import IncidentIndex
from frontwire.incidents.synthetic import members, pages
from frontwire.store import open_store

# The bar: merging 100,000 mentions in under a minute on a 2-core machine.
MERGE_BAR_S_AT_100K = 60.0


def bench_ingest(url: str, n_pages: int) -> tuple[float, int]:
    """Seconds and events written for `n_pages` synthetic pages of 3 mentions, one transaction each."""
    batch = list(pages(n_pages))
    with open_store(url) as store:
        started = time.perf_counter()
        n_events = sum(store.write_page(p, a, m).mentions for p, a, m in batch)
        return time.perf_counter() - started, n_events


def bench_merge(n: int) -> tuple[float, int, int]:
    """Seconds, incidents and pairwise comparisons for merging `n` synthetic mentions."""
    batch = members(n)
    index = IncidentIndex()
    started = time.perf_counter()
    index.add_all(batch)
    return time.perf_counter() - started, len(index.incidents), index.comparisons


def _pg_schema_url(base: str) -> tuple[str, str]:
    import psycopg

    schema = "bench_" + uuid.uuid4().hex[:10]
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-c%20search_path%3D{schema}", schema


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pages", type=int, default=2000, help="pages to ingest (3 events each)")
    parser.add_argument("--pg", help="PostgreSQL DSN to benchmark too (a throwaway schema is used)")
    parser.add_argument("--million", action="store_true", help="also merge 1,000,000 mentions")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        secs, n = bench_ingest(str(Path(tmp) / "bench.sqlite"), args.pages)
        print(f"ingest sqlite     {args.pages} pages, {n} events: {secs:.2f} s, {n / secs:,.0f} events/s")
    if args.pg:
        import psycopg

        url, schema = _pg_schema_url(args.pg)
        try:
            secs, n = bench_ingest(url, args.pages)
            print(f"ingest postgresql {args.pages} pages, {n} events: {secs:.2f} s, {n / secs:,.0f} events/s")
        finally:
            with psycopg.connect(args.pg, autocommit=True) as conn:
                conn.execute(f"DROP SCHEMA {schema} CASCADE")

    sizes = [10_000, 100_000] + ([1_000_000] if args.million else [])
    times: dict[int, float] = {}
    for size in sizes:
        secs, incidents, comparisons = bench_merge(size)
        times[size] = secs
        print(
            f"merge {size:>9,} mentions: {secs:7.2f} s, {incidents:,} incidents, {comparisons:,} comparisons"
        )
        if size // 10 in times:
            print(f"  growth ratio time({size:,})/time({size // 10:,}) = {secs / times[size // 10]:.1f}")
    verdict = "OK" if times[100_000] < MERGE_BAR_S_AT_100K else "ABOVE BAR"
    print(f"merge at 100,000: {times[100_000]:.2f} s (bar {MERGE_BAR_S_AT_100K:.0f} s): {verdict}")


if __name__ == "__main__":
    main()
