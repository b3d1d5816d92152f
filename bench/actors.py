"""Benchmark of actor naming: actor1 and actor2 as ACLED names them, on our own ACLED-style notes.

    python bench/actors.py [--errors 15] [--extractor frontwire-rules] [--file NOTES.jsonl]

Reads `corpus/actors-dev/actors-dev.jsonl` (ACLED-note-style descriptions we wrote, with the actors ACLED's
conventions give them; data card: corpus/actors-dev/README.md), runs each note through the whole reading
pipeline (event coder, geocoder, naming by the event's place) as `frontwire extract` does, and scores the
first event of each note. A name is right when it equals the gold name or contains it, the rule the
held-back ACLED set is scored by ("Military Forces of Mali (2021-) Wagner" holds "Military Forces of
Mali (2021-)"); a gold actor2 that is empty is right only when ours is empty too.

Figures by half of sha256(id) (bench/split.py): rules were written looking at the even half; the odd half
is only reported. Prints the figures, then the most frequent naming errors of the even half, each with
its kind: "no event", "period" (right force, other years), "country" (right kind, other country) or "name".
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from split import half  # bench/split.py: the script's own folder is on sys.path

from frontwire.config import Settings
from frontwire.events import base_name
from frontwire.pipeline import Pipeline
from frontwire.records import Article

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "corpus" / "actors-dev" / "actors-dev.jsonl"
CODERS = ("frontwire-rules", "frontwire-learned")
_GENERIC = re.compile(r"^(.+) \(([^()]+)\)$")


@dataclass(frozen=True, slots=True)
class Row:
    id: str
    country: str
    text: str
    actor1: str
    actor2: str


@dataclass(frozen=True, slots=True)
class Coded:
    row: Row
    actor1: str | None
    actor2: str | None
    events: int


def read_rows(path: Path) -> list[Row]:
    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                raw = json.loads(line)
                rows.append(Row(raw["id"], raw["country"], raw["text"], raw["actor1"], raw.get("actor2", "")))
    return rows


def matches(gold: str, ours: str | None) -> bool:
    """The held-back set's rule: equal, or the gold name inside ours; an empty gold wants nothing."""
    if not gold:
        return not ours
    return bool(ours) and (ours == gold or gold in ours)


def error_kind(gold: str, ours: str | None, events: int) -> str:
    if events == 0:
        return "no event"
    if ours and base_name(ours) == base_name(gold):
        return "period"
    g, o = _GENERIC.match(base_name(gold)), _GENERIC.match(base_name(ours or ""))
    forces = re.compile(r"^((?:Military|Police) Forces of)(?: the)? (.+)$")
    fg, fo = forces.match(base_name(gold)), forces.match(base_name(ours or ""))
    if (g and o and g.group(1) == o.group(1)) or (fg and fo and fg.group(1) == fo.group(1)):
        return "country"
    return "name"


def code(pipeline: Pipeline, rows: list[Row]) -> list[Coded]:
    out = []
    for row in rows:
        article = Article(source=row.id, id=row.id, paragraphs=[row.text])
        events = pipeline.code(article).events
        first = min(events, key=lambda e: e.evidence[0].start if e.evidence else 0) if events else None
        out.append(Coded(row, first.actor1 if first else None, first.actor2 if first else None, len(events)))
    return out


def score(coded: list[Coded], which: str) -> float:
    if not coded:
        return 0.0
    hits = sum(matches(getattr(c.row, which), getattr(c, which)) for c in coded)
    return hits / len(coded)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--file", type=Path, default=DEV, help="the notes (JSON lines)")
    parser.add_argument(
        "--extractor", action="append", choices=CODERS, help="coders to score (default: both)"
    )
    parser.add_argument("--errors", type=int, default=15, help="how many of the top errors to print")
    args = parser.parse_args()
    rows = read_rows(args.file)
    halves = {h: [r for r in rows if half(r.id) == h] for h in ("even", "odd")}
    print(
        f"{len(rows)} notes from {len({r.country for r in rows})} countries "
        f"(even {len(halves['even'])}, odd {len(halves['odd'])})"
    )
    print(f"{'coder':<20} {'half':<5} {'actor1':>7} {'actor2':>7} {'no event':>9}")
    for name in args.extractor or CODERS:
        pipeline = Pipeline(Settings(extractor=name))
        for h, part in halves.items():
            coded = code(pipeline, part)
            none = sum(c.events == 0 for c in coded)
            print(
                f"{name:<20} {h:<5} {score(coded, 'actor1'):>7.3f} {score(coded, 'actor2'):>7.3f} {none:>9}"
            )
            if h == "even":
                errors = Counter(
                    (
                        which,
                        error_kind(getattr(c.row, which), getattr(c, which), c.events),
                        getattr(c.row, which),
                        getattr(c, which),
                    )
                    for c in coded
                    for which in ("actor1", "actor2")
                    if not matches(getattr(c.row, which), getattr(c, which))
                )
                kinds = Counter(k[:2] for k in errors.elements())
                print(
                    "   errors by kind (even half): "
                    + ", ".join(f"{w} {k} {n}" for (w, k), n in kinds.most_common())
                )
                for (which, kind, gold, ours), n in errors.most_common(args.errors):
                    print(f"   {n:>2} {which} [{kind}] gold {gold!r} ours {ours!r}")


if __name__ == "__main__":
    main()
