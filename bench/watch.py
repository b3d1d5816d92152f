"""`frontwire watch` on the loopback: latency from publication to the map's live stream, memory over many
polls, CPU per idle source.

    python bench/watch.py                   # all three parts (about 3 minutes on 2 cores)
    python bench/watch.py --items 10 --polls 2000 --idle-s 20    # quicker

1. Latency. A loopback news site (tests/watch/site_fixture.py) publishes one new conflict report every
   `--every` seconds to its RSS feed; `frontwire watch --interval 2` and `frontwire serve` run against it in
   subprocesses, and a client listens on /api/stream. Latency = the incident's arrival on the stream minus
   the moment the item appeared in the feed (median, p95). Target: p95 < 5 s at a 2 s poll interval.
2. Memory. One watcher, in this process, polls a 50-item feed whose items it has all seen, with no
   validators (every poll a full 200 and a parse), `--polls` times; resident memory after the first 500
   polls and at the end. Target: growth < 10 MB over 10,000 polls.
3. CPU per idle source. `frontwire watch` with `--sources-n` sources answering 304 at a 10 s interval, for
   `--idle-s` seconds: the watcher process's CPU time per source per hour, and as a share of one core.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "watch")]
from site_fixture import Site, Story, serve  # noqa: E402
from stories import SARMADA, T0  # noqa: E402

# Syrian towns the offline gazetteer knows, one report each on a different day, so each is its own incident.
TOWNS = (
    "Saraqib", "Ariha", "Khan Shaykhun", "Jisr al-Shughur", "Maarrat al-Numan", "Tafas", "Nawa",
    "Busra al-Sham", "Rastan", "Talbiseh", "Kafr Nabl", "Binnish", "Dael", "Inkhil", "Jasim", "Sanamayn",
    "Salqin", "Harem", "Atarib", "Dana",
)  # fmt: skip
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}


def report_for(i: int) -> Story:
    town = TOWNS[i % len(TOWNS)]
    return Story(
        slug=f"report-{i}",
        title=f"Shelling kills two civilians in {town}",
        paragraphs=[
            f"Artillery shelling hit the town of {town} in Syria on Monday, killing two civilians and"
            " wounding four others, local rescuers said.",
            "The shells were fired from army positions nearby, residents said.",
        ],
        published=T0 + dt.timedelta(days=10 + 3 * i),
    )


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def latency(items: int, every_s: float) -> dict[str, float]:
    work = Path(tempfile.mkdtemp(prefix="fw-bench-watch-"))
    db = work / "live.sqlite"
    site = Site(stories=[SARMADA])
    arrivals: dict[str, float] = {}
    with serve(site) as base:
        watcher = subprocess.Popen(
            [sys.executable, "-m", "frontwire.cli", "watch", "--db", str(db), "--feed", f"{base}/feed.rss",
             "--interval", "2"],
            env=ENV, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        port = _port()
        server = None
        try:
            _wait(lambda: _count(db, "SELECT COUNT(*) FROM watch_changes") >= 1, 120)  # warm: pipeline loaded
            server = subprocess.Popen(
                [sys.executable, "-m", "frontwire.cli", "serve", "--db", str(db), "--port", str(port)],
                env=ENV, stderr=subprocess.DEVNULL,
            )  # fmt: skip
            _wait(lambda: _up(port), 30)
            listener = threading.Thread(target=_listen, args=(port, arrivals), daemon=True)
            listener.start()
            time.sleep(1.0)
            published: dict[str, float] = {}
            for i in range(items):
                story = report_for(i)
                site.add(story)
                published[story.published.isoformat()] = time.monotonic()
                time.sleep(every_s)
            _wait(lambda: len(set(arrivals) & set(published)) >= items, 60, quiet=True)
        finally:
            watcher.terminate()
            if server is not None:
                server.terminate()
    delays = sorted(arrivals[k] - published[k] for k in published if k in arrivals)
    return {
        "items": items,
        "arrived": len(delays),
        "median_s": statistics.median(delays) if delays else float("nan"),
        "p95_s": delays[max(0, round(0.95 * len(delays)) - 1)] if delays else float("nan"),
        "max_s": delays[-1] if delays else float("nan"),
    }


def _listen(port: int, arrivals: dict[str, float]) -> None:
    with httpx.stream("GET", f"http://127.0.0.1:{port}/api/stream", timeout=None) as r:
        for line in r.iter_lines():
            if line.startswith("data: "):
                change = json.loads(line[6:])
                if change["published"]:
                    key = dt.datetime.fromisoformat(change["published"]).isoformat()
                    arrivals.setdefault(key, time.monotonic())


def memory(polls: int) -> dict[str, float]:
    from frontwire.config import DEFAULT
    from frontwire.store import open_store
    from frontwire.watch import state
    from frontwire.watch.sources import Source
    from frontwire.watch.watcher import Watcher

    work = Path(tempfile.mkdtemp(prefix="fw-bench-watch-"))
    site = Site(stories=[report_for(i) for i in range(50)], etags=False)
    with serve(site) as base, open_store(str(work / "mem.sqlite")) as store:
        source = Source(
            id=f"{base}/feed.rss", kind="feed", name="feed", urls=(f"{base}/feed.rss",), interval_s=0.0
        )
        watcher = Watcher(store, [source], DEFAULT, gap_s=0.0)
        samples: dict[int, float] = {}
        pages = watcher.pages()
        started = time.monotonic()
        for (
            page
        ) in pages:  # the first poll queues the 50 items: mark them stored (the pipeline is not measured)
            state.item_done(store, page.source, source.id, (), None)
            watcher.inflight.clear()
            if not watcher.queue:
                break
        while watcher.stats.polls < polls:
            watcher._poll(source)
            n = watcher.stats.polls
            if n in (500, polls):
                samples[n] = _rss_mb()
        watcher.close()
        elapsed = time.monotonic() - started
    return {
        "polls": polls,
        "rss_at_500_mb": samples[500],
        "rss_at_end_mb": samples[polls],
        "growth_mb": samples[polls] - samples[500],
        "polls_per_s": polls / elapsed,
    }


def idle_cpu(n_sources: int, seconds: float) -> dict[str, float]:
    work = Path(tempfile.mkdtemp(prefix="fw-bench-watch-"))
    site = Site(stories=[SARMADA])
    with serve(site) as base:
        for i in range(n_sources):
            site.raw[f"/idle-{i}.rss"] = (
                "application/rss+xml",
                site.rss().replace(b"Levant", f"Feed {i}".encode()),
            )
        toml = "\n".join(
            f'[[source]]\nurl = "{base}/idle-{i}.rss"\ninterval = 10\n' for i in range(n_sources)
        )
        (work / "idle.toml").write_text(toml)
        proc = subprocess.Popen(
            [sys.executable, "-m", "frontwire.cli", "watch", "--db", str(work / "idle.sqlite"), "--sources",
             str(work / "idle.toml")],
            env=ENV, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            _wait(lambda: _count(work / "idle.sqlite", "SELECT COUNT(*) FROM pages") >= 1, 120)
            time.sleep(15)  # every source polled once with 200; from now on 304s
            cpu0, t0 = _cpu_s(proc.pid), time.monotonic()
            time.sleep(seconds)
            cpu1, t1 = _cpu_s(proc.pid), time.monotonic()
        finally:
            proc.terminate()
    share = (cpu1 - cpu0) / (t1 - t0)
    return {
        "sources": n_sources,
        "seconds": t1 - t0,
        "core_share_total_pct": 100 * share,
        "cpu_s_per_source_hour": share * 3600 / n_sources,
    }


def _cpu_s(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _count(db: Path, sql: str) -> int:
    import sqlite3

    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db) as conn:
            return int(conn.execute(sql).fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def _up(port: int) -> bool:
    try:
        return httpx.get(f"http://127.0.0.1:{port}/api/config", timeout=1).status_code == 200
    except httpx.HTTPError:
        return False


def _wait(check, timeout: float, quiet: bool = False) -> None:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    if not quiet:
        raise SystemExit(f"bench/watch.py: timed out after {timeout:g} s")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--items", type=int, default=20, help="reports published for the latency part")
    parser.add_argument("--every", type=float, default=3.0, help="seconds between two published reports")
    parser.add_argument("--polls", type=int, default=10_000, help="polls for the memory part")
    parser.add_argument("--sources-n", type=int, default=10, help="idle sources for the CPU part")
    parser.add_argument("--idle-s", type=float, default=60.0, help="seconds the CPU part measures")
    parser.add_argument("--skip", action="append", default=[], choices=("latency", "memory", "cpu"))
    args = parser.parse_args()
    out = {}
    if "latency" not in args.skip:
        out["latency"] = latency(args.items, args.every)
        print("latency:", json.dumps(out["latency"]), flush=True)
    if "memory" not in args.skip:
        out["memory"] = memory(args.polls)
        print("memory:", json.dumps(out["memory"]), flush=True)
    if "cpu" not in args.skip:
        out["cpu"] = idle_cpu(args.sources_n, args.idle_s)
        print("cpu:", json.dumps(out["cpu"]), flush=True)


if __name__ == "__main__":
    main()
