"""Benchmark of the event coder (frontwire.events) against the shared evaluation sets.

    python bench/events.py [--skip-speed] [--confusion] [--rules-only] [--llm-url URL --llm-model NAME]

By default it scores the rule coder ("frontwire-rules") and the learned coder ("frontwire-learned") side by
side, CASE 2021 also by halves of sha256(id): the even half chose the learned coder's settings, the odd
half did not. With --llm-url/--llm-model it scores the "openai-compatible" extractor (a chat model) instead.

Prints one table: figure, target, pass/fail. Reads ../shared/ beside the repo; nothing is tuned here.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import resource
import sys
import time
from collections import Counter
from pathlib import Path

from split import half  # bench/split.py: the script's own folder is on sys.path

from frontwire.events import Extractor, RuleExtractor, base_name, get_extractor
from frontwire.events.rules.victims import event_fatalities
from frontwire.records import Article, EventMention

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
# CASE 2021 label -> ACLED sub-event type, one "LABEL: Sub-event type" a line.
_CASE_TABLE = """
ARMED_CLASH: Armed clash
GOV_REGAINS_TERIT: Government regains territory
NON_STATE_ACTOR_OVERTAKES_TER: Non-state actor overtakes territory
CHEM_WEAP: Chemical weapon
AIR_STRIKE: Air/drone strike
SUIC_BOMB: Suicide bomb
ART_MISS_ATTACK: Shelling/artillery/missile attack
REM_EXPLOS: Remote explosive/landmine/IED
GRENADE: Grenade
SEX_VIOL: Sexual violence
ATTACK: Attack
ABDUCT_DISSAP: Abduction/forced disappearance
PEACE_PROTEST: Peaceful protest
PROTEST_WITH_INTER: Protest with intervention
FORCE_AGAINST_PROTEST: Excessive force against protesters
VIOL_DEMONSTR: Violent demonstration
MOB_VIOL: Mob violence
AGREEMENT: Agreement
ARREST: Arrests
CHANGE_TO_GROUP_ACT: Change to group/activity
DISR_WEAP: Disrupted weapons use
HQ_ESTABLISHED: Headquarters or base established
PROPERTY_DISTRUCT: Looting/property destruction
NON_VIOL_TERRIT_TRANSFER: Non-violent transfer of territory
"""
CASE_TO_ACLED = dict(line.split(": ", 1) for line in _CASE_TABLE.strip().splitlines())
NO_EVENT = "no event"  # DIPLO, ATTRIB, ORG_CRIME, NATURAL_DISASTER, MAN_MADE_DISASTER, OTHER
AIR = {"Air/drone strike"}
GROUND_FIRE = {"Shelling/artillery/missile attack"}


def weighted_f1(gold: list[str], pred: list[str]) -> tuple[float, list[tuple[str, int, float, float, float]]]:
    """sklearn-style weighted F1: per-label F1 weighted by the label's support in `gold`."""
    rows, total = [], 0.0
    for label in sorted(set(gold)):
        tp = sum(g == p == label for g, p in zip(gold, pred, strict=True))
        fp = sum(p == label != g for g, p in zip(gold, pred, strict=True))
        fn = sum(g == label != p for g, p in zip(gold, pred, strict=True))
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        support = tp + fn
        total += f1 * support
        rows.append((label, support, prec, rec, f1))
    return total / len(gold), rows


def _main_sub_type(ex: Extractor, text: str) -> str | None:
    """The sub-event type of a snippet's main event: the rule coder's own reading, else the first event."""
    classify_text = getattr(ex, "classify_text", None)
    if classify_text is not None:
        return classify_text(text)
    events = ex.extract(Article(source="snippet", paragraphs=[text]))
    return events[0].sub_event_type if events else None


def bench_case(ex: Extractor, confusion: bool) -> list[tuple[str, float, str, bool]]:
    path = SHARED / "eval/events/case2021-task2-dev.tsv"
    rows = list(csv.DictReader(path.open(encoding="utf-8"), delimiter="\t"))
    gold = [CASE_TO_ACLED.get(r["SubType"], NO_EVENT) for r in rows]
    pred = [_main_sub_type(ex, r["EventSnippet"]) or NO_EVENT for r in rows]
    f1, per = weighted_f1(gold, pred)
    halves = [half(r["id"]) for r in rows]
    by_half = []
    for part in ("even", "odd"):
        g = [x for x, h in zip(gold, halves, strict=True) if h == part]
        p = [x for x, h in zip(pred, halves, strict=True) if h == part]
        by_half.append((f"  CASE {part} half of sha256(id) (n={len(g)})", weighted_f1(g, p)[0], "info", None))
    if confusion:
        print("CASE per label (label, support, P, R, F1):")
        for label, n, p, r, f in sorted(per, key=lambda x: x[4]):
            print(f"  {label:40s} {n:4d} {p:.2f} {r:.2f} {f:.2f}")
        print("  most common confusions (gold -> predicted):")
        for (g, p), n in Counter((g, p) for g, p in zip(gold, pred, strict=True) if g != p).most_common(15):
            print(f"    {n:3d}  {g} -> {p}")
    return [(f"CASE 2021 weighted F1 (n={len(rows)})", f1, ">= 0.80", f1 >= 0.80), *by_half]


def bench_head_alone() -> list[tuple[str, float, str, None]]:
    """CASE 2021 scored by the learned coder's head alone (each snippet read whole, no rules)."""
    from frontwire.events.learned import load_model
    from frontwire.events.learned.static import StaticEncoder

    model = load_model()
    path = SHARED / "eval/events/case2021-task2-dev.tsv"
    rows = list(csv.DictReader(path.open(encoding="utf-8"), delimiter="\t"))
    probs = model.head.probabilities(StaticEncoder(model.table).encode([r["EventSnippet"] for r in rows]))
    labels = [model.head.labels[i] for i in probs.argmax(axis=1)]
    pred = [NO_EVENT if label == "NONE" else label for label in labels]
    gold = [CASE_TO_ACLED.get(r["SubType"], NO_EVENT) for r in rows]
    f1 = weighted_f1(gold, pred)[0]
    out = [(f"Learned head alone: CASE 2021 weighted F1 (n={len(rows)})", f1, "info", None)]
    for part in ("even", "odd"):
        keep = [half(r["id"]) == part for r in rows]
        g = [x for x, k in zip(gold, keep, strict=True) if k]
        p = [x for x, k in zip(pred, keep, strict=True) if k]
        out.append((f"  CASE {part} half (n={len(g)})", weighted_f1(g, p)[0], "info", None))
    return out




def _airwars_range(value: str) -> tuple[int, int] | None:
    nums = [int(n) for n in re.findall(r"\d+", value)]
    if not nums:
        return None
    return min(nums), max(nums)


def _civilians_killed(main: EventMention | None) -> int | None:
    """Airwars counts civilians killed; ACLED's `fatalities` counts everyone. Where the event's sentences
    count civilians apart ("six killed, five of them civilians") that count is compared, else
    `fatalities` (the coder's own rule, re-read from the event's evidence sentences)."""
    if main is None:
        return None
    civilians = event_fatalities([e.text for e in main.evidence]).civilians
    return civilians if civilians is not None else main.fatalities


def _writes_date(text: str, date: dt.date) -> bool:
    """Whether `text` writes `date`'s day and month ("October 16th", "16 October", "the 16th of October")."""
    month, day = f"{date:%B}", rf"{date.day}(?:st|nd|rd|th)?"
    return bool(re.search(rf"\b{month}\s+{day}\b|\b{day}\s+(?:of\s+)?{month}\b", text, re.I))


def bench_airwars(ex: Extractor) -> list[tuple[str, float, str, bool | None]]:
    rows = [
        json.loads(line)
        for line in (SHARED / "eval/events/airwars-gaza-2023-dev.jsonl").open(encoding="utf-8")
    ]
    date_ok = killed_ok = bel_ok = strike_ok = strike_n = civ_stated = written_n = written_ok = 0
    for i, r in enumerate(rows):
        # No publication date: Airwars writes its narratives later; dates resolve against the text's own
        # full dates.
        art = Article(source=f"airwars#{i}", paragraphs=[r["narrative"]])
        events = ex.extract(art)
        main = events[0] if events else None
        gold_date = dt.datetime.strptime(r["Incidence_date"], "%B-%d-%Y").date()
        date_ok += bool(main and main.event_date == gold_date)
        # The label's day and month are written in the narrative: the most a reader of the text can get
        # (some narratives give another day, the wrong year, or no year and no publication date).
        if _writes_date(r["narrative"], gold_date):
            written_n += 1
            written_ok += bool(main and main.event_date == gold_date)
        rng = _airwars_range(r["Civilians reported killed"])
        pred_k = _civilians_killed(main)
        civ_stated += pred_k is not None and main is not None and pred_k != main.fatalities
        killed_ok += (
            (pred_k in (None, 0)) if rng is None else (pred_k is not None and rng[0] <= pred_k <= rng[1])
        )
        israel = bool(main and base_name(main.actor1) == "Military Forces of Israel")
        bel_ok += israel == (r["Suspected belligerent"] == "Israeli Military")
        st = r["Strike type"]
        accept = (AIR if "Airstrike" in st or "Drone" in st else set()) | (
            GROUND_FIRE if "Artillery" in st else set()
        )
        if accept:
            strike_n += 1
            strike_ok += bool(main and main.sub_event_type in accept)
    n = len(rows)
    return [
        (f"Airwars event date exact (n={n})", date_ok / n, ">= 0.95", date_ok / n >= 0.95),
        (
            f"  of which the narrative writes the labelled day (n={written_n})",
            written_ok / written_n,
            "info",
            None,
        ),
        (
            f"Airwars civilians killed within range ({civ_stated} civilian-only counts)",
            killed_ok / n,
            ">= 0.85",
            killed_ok / n >= 0.85,
        ),
        ("Airwars suspected belligerent matched", bel_ok / n, ">= 0.90", bel_ok / n >= 0.90),
        (
            f"Airwars strike type (n={strike_n})",
            strike_ok / strike_n,
            ">= 0.90",
            strike_ok / strike_n >= 0.90,
        ),
    ]


def canonical_article() -> tuple[Article, dict]:
    pages = SHARED / "pages"
    gold = json.loads(
        (pages / "southfront-2024-05-airstrikes-central-syria.gold.json").read_text(encoding="utf-8")
    )
    lines = (
        (pages / "southfront-2024-05-airstrikes-central-syria.txt").read_text(encoding="utf-8").splitlines()
    )
    first = lines.index(gold["article"]["body_first_line"])
    last = lines.index(gold["article"]["body_last_line"])
    paragraphs = [ln for ln in lines[first : last + 1] if ln.strip()]
    # The page has no explicit date; the gold bounds it to 2024-05-16 .. 2024-06-30 (widget "JUNE 2024").
    return Article(source=gold["page"], paragraphs=paragraphs, published=dt.date(2024, 6, 30)), gold


def _norm(text: str | None) -> str:
    return re.sub(r"[^a-z]", "", (text or "").lower().replace("al-", "")).rstrip("h")


def _gold_place(as_written: str) -> str:
    """The place name a gold location's words give: "near the town of X in Y" -> "X"."""
    return _norm(re.sub(r"^.*?(?:town of|area of)\s+|,.*$| in .*$", "", as_written))


def _claimed_as_gold(mention) -> bool:  # noqa: ANN001
    claimant = mention.claimant or ""
    return "Popov" in claimant and "Reconciliation" in claimant


def match_gold(mention, g: dict) -> bool:  # noqa: ANN001
    """Every field the gold gives: date, types, actors (base names), fatalities, a location as written."""
    return (
        mention.event_date == dt.date.fromisoformat(g["date"])
        and mention.event_type == g["event_type"]
        and mention.sub_event_type == g["sub_event_type"]
        and base_name(mention.actor1) == g["actor1"]
        and base_name(mention.actor2 or "") == g["actor2"]
        and mention.fatalities == g["fatalities"]
        and any(_norm(mention.location_text) == _gold_place(loc["as_written"]) for loc in g["locations"])
        and ("claimed_by" not in g or _claimed_as_gold(mention))
    )


def _covers(mention, g: dict, loc: dict) -> bool:  # noqa: ANN001
    """Whether a mention matching gold event `g` sits at gold location `loc`."""
    if not match_gold(mention, g):
        return False
    written = loc["as_written"]
    return _norm(mention.location_text) == _norm(written.split()[-1].strip(",")) or (
        _norm(written).find(_norm(mention.location_text)) >= 0
    )


def bench_canonical(ex: Extractor) -> list[tuple[str, float, str, bool]]:
    art, gold = canonical_article()
    events = ex.extract(art)
    matched = [g for g in gold["events"] if any(match_gold(m, g) for m in events)]
    spurious = [m for m in events if not any(match_gold(m, g) for g in gold["events"])]
    locs = sum(len(g["locations"]) for g in gold["events"])
    covered = sum(any(_covers(m, g, loc) for m in events) for g in gold["events"] for loc in g["locations"])
    return [
        ("Canonical page: gold events matched (all fields)", len(matched), "3 of 3", len(matched) == 3),
        ("Canonical page: spurious events", len(spurious), "0", not spurious),
        (
            "Canonical page: gold locations covered (one event per place)",
            covered,
            f"{locs} of {locs}",
            covered == locs,
        ),
    ]


def bench_speed(ex: Extractor) -> list[tuple[str, float, str, bool]]:
    rows = [
        json.loads(line)
        for line in (SHARED / "eval/events/airwars-gaza-2023-dev.jsonl").open(encoding="utf-8")
    ]
    articles = [Article(source=str(i), paragraphs=[r["narrative"]]) for i, r in enumerate(rows)]
    articles = [a for a in articles if 350 <= len(a.body.split()) <= 900][:120]
    words = sum(len(a.body.split()) for a in articles) / len(articles)
    ex.extract(articles[0])  # load models outside the timing
    t0, c0 = time.perf_counter(), time.process_time()
    for a in articles:
        ex.extract(a)
    rate = len(articles) / (time.perf_counter() - t0)
    # CPU seconds this process used: on a machine shared with other work, wall time also counts waiting.
    cpu_rate = len(articles) / (time.process_time() - c0)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return [
        (f"Speed, articles/s on one core (n={len(articles)}, ~{words:.0f} words)", rate, ">= 20", rate >= 20),
        ("  articles per CPU second (the same run)", cpu_rate, "info", None),
        ("Peak memory, MB (whole bench process)", peak_mb, "< 1024", peak_mb < 1024),
    ]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--skip-speed", action="store_true")
    ap.add_argument("--confusion", action="store_true", help="print CASE per-label scores and confusions")
    ap.add_argument("--llm-url", help="score the openai-compatible extractor at this base URL")
    ap.add_argument("--llm-model", help="the model name for --llm-url")
    ap.add_argument("--rules-only", action="store_true", help="score the rule coder alone")
    args = ap.parse_args()
    if not SHARED.is_dir():
        print(f"shared evaluation data not found at {SHARED}", file=sys.stderr)
        return 2
    if args.llm_url and args.llm_model:
        coders: list[tuple[str, Extractor]] = [
            ("llm", get_extractor("openai-compatible", base_url=args.llm_url, model=args.llm_model))
        ]
    else:
        coders = [("rules", RuleExtractor())]
        if not args.rules_only:
            coders.append(("learned", get_extractor("frontwire-learned")))
    # Speed is measured in its own pass per coder after the accuracy rows, so each coder's peak memory
    # is read after its own run (the second coder's includes the first's, as both live in this process).
    table: list[list[tuple[str, float, str, bool | None]]] = []
    for _, ex in coders:
        rows = bench_case(ex, args.confusion) + bench_airwars(ex) + bench_canonical(ex)
        if not args.skip_speed:
            rows += bench_speed(ex)
        table.append(rows)
    heads = "".join(f" {name:>8s}" for name, _ in coders)
    print(f"{'measure':68s}{heads}  {'target':>9s}  result")
    for i, (name, _, target, _) in enumerate(table[0]):
        values = [rows[i][1] for rows in table]
        figs = "".join(f" {v:>8.3f}" if isinstance(v, float) else f" {v!s:>8s}" for v in values)
        oks = [rows[i][3] for rows in table]
        verdict = "/".join("-" if ok is None else "pass" if ok else "FAIL" for ok in oks)
        print(f"{name:68s}{figs}  {target:>9s}  {verdict}")
    if any(name == "learned" for name, _ in coders):
        for name, value, _, _ in bench_head_alone():
            print(f"{name:68s} {value:>8.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
