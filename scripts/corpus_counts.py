"""Validate the event corpus and print its counts per label as a Markdown table.

Every line of corpus/events/*.jsonl must be a JSON object with the fields below, a label spelled exactly
as ACLED's sub-event type (or NONE with a known none_kind), an id unique across the corpus, and a text
found nowhere else in it (compared case- and space-insensitively). Annotated files (annotated-*.jsonl)
must also carry source_url (a web address), licence (one of LICENCES) and source (the name of the source
the line was taken from).

Usage: python scripts/corpus_counts.py [--card corpus/DATA-CARD.md]
With --card, the table between the COUNTS markers of the data card is replaced. Exit status 1 on any
invalid line, after listing every problem.
"""

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from frontwire.events.rules.classify import EVENT_TYPES

ROOT = Path(__file__).resolve().parent.parent
EVENTS = ROOT / "corpus" / "events"

# ACLED's 25 sub-event types with their event types, in the codebook's order: the event coder's own table.
SUB_EVENT_TYPES = EVENT_TYPES
NONE_KINDS = {"diplomacy", "crime", "disaster", "accident", "sport", "business", "trend", "statistic",
              "threat", "plan", "denial", "commemoration", "opinion", "report-about-report", "background",
              "other"}
STYLES = {"wire", "local", "monitor", "ngo", "government", "social", "analysis"}
FIELDS = {"id", "text", "label", "none_kind", "country", "style"}
ANNOTATED_FIELDS = {"source_url", "licence", "source"}
# Licences an annotated line may carry: open licences whose terms allow a training corpus (the data card
# names each source and its own licence statement).
LICENCES = {"public domain", "CC0 1.0", "CC BY 3.0", "CC BY 4.0", "CC BY-SA 3.0", "CC BY-SA 4.0"}


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower()).strip()


def check_row(row: object, annotated: bool) -> list[str]:
    """The problems of one parsed line (empty when it is valid)."""
    if not isinstance(row, dict):
        return ["not a JSON object"]
    need = FIELDS | (ANNOTATED_FIELDS if annotated else set())
    problems = [f"missing field {f!r}" for f in sorted(need - row.keys())]
    if problems:
        return problems
    label, kind = row["label"], row["none_kind"]
    if label == "NONE":
        if kind not in NONE_KINDS:
            problems.append(f"none_kind {kind!r} is not one of the known kinds")
    elif label not in SUB_EVENT_TYPES:
        problems.append(f"label {label!r} is not an ACLED sub-event type as spelled in the codebook")
    elif kind is not None:
        problems.append("an event row has a none_kind")
    if row["style"] not in STYLES:
        problems.append(f"style {row['style']!r} unknown")
    if not isinstance(row["text"], str) or len(row["text"].split()) < 4:
        problems.append("text is missing or shorter than four words")
    if not isinstance(row["country"], str) or not row["country"]:
        problems.append("country is empty")
    if annotated:
        if row["licence"] not in LICENCES:
            problems.append(f"licence {row['licence']!r} is not one of {sorted(LICENCES)}")
        if not str(row["source_url"]).startswith(("https://", "http://")):
            problems.append("source_url is not a web address")
        if not isinstance(row["source"], str) or not row["source"]:
            problems.append("source is empty")
    return problems


def load(events: Path) -> tuple[list[dict], list[str]]:
    """Every valid row of the corpus, and a list of problems (file:line: what)."""
    rows, problems = [], []
    ids: dict[str, str] = {}
    texts: dict[str, str] = {}
    for path in sorted(events.glob("*.jsonl")):
        annotated = path.name.startswith("annotated-")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            where = f"{path.name}:{n}"
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                problems.append(f"{where}: not JSON ({exc})")
                continue
            bad = check_row(row, annotated)
            if not bad:
                if row["id"] in ids:
                    bad.append(f"id {row['id']!r} also at {ids[row['id']]}")
                key = _norm(row["text"])
                if key in texts:
                    bad.append(f"same text as {texts[key]}")
                ids.setdefault(row["id"], where)
                texts.setdefault(key, where)
            problems.extend(f"{where}: {b}" for b in bad)
            if not bad:
                rows.append(row)
    return rows, problems


def table(rows: list[dict]) -> str:
    """Markdown counts per label (event type, sub-event type) and per none_kind, then totals."""
    by_label = Counter(r["label"] for r in rows)
    by_kind = Counter(r["none_kind"] for r in rows if r["label"] == "NONE")
    countries = {r["country"] for r in rows}
    lines = ["| event type | label | snippets |", "|---|---|---:|"]
    for label, event_type in SUB_EVENT_TYPES.items():
        lines.append(f"| {event_type} | {label} | {by_label.get(label, 0)} |")
    for kind in sorted(NONE_KINDS):
        lines.append(f"| no event | NONE ({kind}) | {by_kind.get(kind, 0)} |")
    events = sum(v for k, v in by_label.items() if k != "NONE")
    lines.append(f"| | **events** | **{events}** |")
    lines.append(f"| | **non-events** | **{by_label.get('NONE', 0)}** |")
    lines.append(f"| | **all** | **{len(rows)}** |")
    styles = Counter(r["style"] for r in rows)
    lines.append("")
    lines.append(f"Countries: {len(countries)}. Styles: "
                 + ", ".join(f"{s} {styles[s]}" for s in sorted(styles)) + ".")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--card", type=Path, help="data card whose COUNTS section to rewrite")
    parser.add_argument("--events", type=Path, default=EVENTS)
    args = parser.parse_args()
    rows, problems = load(args.events)
    for p in problems:
        print(p, file=sys.stderr)
    text = table(rows)
    print(text)
    if args.card:
        card = args.card.read_text(encoding="utf-8")
        start, end = "<!-- COUNTS -->", "<!-- /COUNTS -->"
        if start not in card or end not in card:
            print(f"{args.card}: no {start} ... {end} markers", file=sys.stderr)
            return 1
        head, rest = card.split(start, 1)
        tail = rest.split(end, 1)[1]
        args.card.write_text(f"{head}{start}\n{text}\n{end}{tail}", encoding="utf-8")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
