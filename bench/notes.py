"""The event coder on event notes in ACLED's own style (corpus/notes-dev/notes-dev.jsonl).

    python bench/notes.py [--rules-only] [--misses N] [--show LABEL]

Each note is read as a one-paragraph article with no publication date; the coder's first event is
compared with the note's gold fields. The notes were written for frontwire from the codebook (see
corpus/DATA-CARD.md), not from any evaluation file. They are split by the parity of sha256(id)
(bench/split.py): rules are developed looking at the EVEN half only, the ODD half is the honest figure.

Figures: sub-event type, event type, actor1 and actor2 (ACLED's name without its period suffix, or
contained in ours; an empty gold actor2 wants none), fatalities exact where the gold counts deaths,
fatalities 0 where it counts none (null counts as 0, as ACLED's files export unknown), and the event date.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from split import half  # bench/split.py: the script's own folder is on sys.path

from frontwire.events import Extractor, RuleExtractor, base_name, get_extractor
from frontwire.records import Article, EventMention

NOTES = Path(__file__).resolve().parents[1] / "corpus/notes-dev/notes-dev.jsonl"
NO_EVENT = "no event"
# The bars of issue 11 on ACLED's held-back notes: these notes stand in for them.
TARGET_SUB_TYPE = 0.72
TARGET_ACTOR1 = 0.60


@dataclass(slots=True)
class Scored:
    """One note's gold and the coder's first event."""

    row: dict
    main: EventMention | None

    @property
    def sub_type(self) -> str:
        return self.main.sub_event_type if self.main else NO_EVENT

    @property
    def event_type(self) -> str:
        return self.main.event_type if self.main else NO_EVENT


def _actor_ok(gold: str, pred: str | None) -> bool:
    if not gold:
        return not pred
    if not pred:
        return False
    gold_base = base_name(gold)
    return base_name(pred) == gold_base or gold_base in pred


def code_notes(ex: Extractor, rows: list[dict]) -> list[Scored]:
    out = []
    for row in rows:
        events = ex.extract(Article(source=row["id"], paragraphs=[row["text"]]))
        out.append(Scored(row, events[0] if events else None))
    return out


def figures(scored: list[Scored]) -> list[tuple[str, float, str, bool | None]]:
    """(name, value, target, pass) rows for one coder on one set of notes."""
    n = len(scored)
    sub = sum(s.sub_type == s.row["sub_event_type"] for s in scored) / n
    etype = sum(s.event_type == s.row["event_type"] for s in scored) / n
    a1 = sum(_actor_ok(s.row["actor1"], s.main.actor1 if s.main else None) for s in scored) / n
    a2 = sum(_actor_ok(s.row["actor2"], s.main.actor2 if s.main else None) for s in scored) / n
    dead = [s for s in scored if s.row["fatalities"] > 0]
    none = [s for s in scored if s.row["fatalities"] == 0]
    dead_ok = sum(bool(s.main and s.main.fatalities == s.row["fatalities"]) for s in dead)
    dead_null = sum(not (s.main and s.main.fatalities) for s in dead)
    none_ok = sum(not (s.main and s.main.fatalities) for s in none)
    date_ok = sum(
        bool(s.main and s.main.event_date == dt.date.fromisoformat(s.row["event_date"])) for s in scored
    )
    return [
        ("sub-event type", sub, f">= {TARGET_SUB_TYPE}", sub >= TARGET_SUB_TYPE),
        ("event type", etype, "info", None),
        ("actor1 (ACLED's name, or contained in ours)", a1, f">= {TARGET_ACTOR1}", a1 >= TARGET_ACTOR1),
        ("actor2 (none where ACLED has none)", a2, "info", None),
        ("fatalities exact where gold > 0", dead_ok / max(len(dead), 1), "info", None),
        ("  of those, predicted none (count)", float(dead_null), "info", None),
        ("fatalities 0 or null where gold 0", none_ok / max(len(none), 1), "info", None),
        ("event date exact", date_ok / n, "info", None),
    ]


def print_misses(name: str, scored: list[Scored], top: int) -> None:
    misses = Counter(
        (s.row["sub_event_type"], s.sub_type) for s in scored if s.sub_type != s.row["sub_event_type"]
    )
    print(f"{name}: most common sub-type misses on the even half (gold -> predicted)")
    for (g, p), k in misses.most_common(top):
        print(f"  {k:3d}  {g} -> {p}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rules-only", action="store_true", help="score the rule coder alone")
    ap.add_argument("--misses", type=int, default=12, help="how many confusions to list (even half)")
    ap.add_argument("--show", help="print the even-half notes whose gold sub-type is LABEL, with the coding")
    args = ap.parse_args()
    rows = [json.loads(line) for line in NOTES.open(encoding="utf-8")]
    coders: list[tuple[str, Extractor]] = [("rules", RuleExtractor())]
    if not args.rules_only:
        coders.append(("learned", get_extractor("frontwire-learned")))
    parts = {p: [r for r in rows if half(r["id"]) == p] for p in ("even", "odd")}
    table: list[list[tuple[str, float, str, bool | None]]] = []
    heads = []
    for name, ex in coders:
        for part, part_rows in parts.items():
            scored = code_notes(ex, part_rows)
            table.append(figures(scored))
            heads.append(f"{name}/{part}")
            if part == "even":
                print_misses(name, scored, args.misses)
                if args.show:
                    for s in scored:
                        if s.row["sub_event_type"] == args.show and s.sub_type != args.show:
                            m = s.main
                            got = "-" if m is None else f"{m.sub_event_type} | {m.actor1} | {m.actor2}"
                            print(f"    {s.row['id']}: {s.row['text'][:150]}\n      -> {got}")
    dead = {p: sum(r["fatalities"] > 0 for r in part_rows) for p, part_rows in parts.items()}
    sizes = (
        f"notes: even n={len(parts['even'])} ({dead['even']} with deaths), "
        f"odd n={len(parts['odd'])} ({dead['odd']} with deaths)"
    )
    print(sizes)
    print(f"{'measure':50s}" + "".join(f" {h:>13s}" for h in heads) + f"  {'target':>7s}  result")
    for i, (name, _, target, _) in enumerate(table[0]):
        vals = "".join(
            f" {col[i][1]:>13.0f}" if name.startswith("  of those") else f" {col[i][1]:>13.3f}"
            for col in table
        )
        oks = [col[i][3] for col in table]
        verdict = "/".join("-" if ok is None else "pass" if ok else "FAIL" for ok in oks)
        print(f"{name:50s}{vals}  {target:>7s}  {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
