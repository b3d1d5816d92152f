"""Which sentences report an event: the coder's sentence filters against the Wikinews annotation.

    python bench/sentences.py [--set DIR] [--only even|odd] [--show]

The sentence holding each annotated main event's evidence and each listed non-event (`not_events`,
with the annotator's reason) of ../shared/eval/news/wikinews/ (or of --set DIR, e.g. corpus/articles-dev/)
is read on its own, as the coder reads a sentence of an article: typed by the cue lexicon (and the
learned head, with the default coder), then passed through the non-event filters. Printed per half
(sha256 parity of the article id, bench/split.py):

- evidence kept: gold evidence the coder types and keeps (recall of the filters, given a cue);
- non-events kept: listed non-events the coder types and keeps, by the annotator's reason folded to a
  cause (as bench/news.py folds them);
- read as a report: the same sentences as the learned reporting head reads them (sentence_events.py,
  P(reports an event) >= 0.5; trained on corpus/articles-events/, never on the set read here), alone and
  together with the coder (kept by the coder and read as a report).

Rows are printed only for the even half: the odd half is read as totals. Nothing is tuned here.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from article_set import load_for  # bench/
from news import _CAUSES, WIKINEWS
from split import half

from frontwire.config import DEFAULT
from frontwire.events import get_extractor
from frontwire.events._text import split_sentences
from frontwire.events.base import EventResult
from frontwire.events.learned.event_filter import load_filter
from frontwire.events.rules.grouping import group_events
from frontwire.pipeline import extractor_options

REPORTED = 0.5  # the reporting head's P at which a sentence is read as a report


@dataclass(slots=True)
class Tally:
    evidence: int = 0
    evidence_typed: int = 0
    evidence_kept: int = 0
    non_events: int = 0
    non_typed: int = 0
    non_kept: Counter = field(default_factory=Counter)
    dropped_by: Counter = field(default_factory=Counter)
    evidence_reported: int = 0
    evidence_both: int = 0
    non_reported: Counter = field(default_factory=Counter)
    non_both: Counter = field(default_factory=Counter)


def cause_of(reason: str) -> str:
    reason = reason.lower()
    return next((cause for cause, words in _CAUSES if any(w in reason for w in words)), "other")


def enclosing(body: str, span: str) -> str:
    """The sentences of `body` that hold `span` (an annotator's span may be a clause of a sentence)."""
    at = body.find(span)
    if at < 0:
        return span
    end = at + len(span)
    parts = [s.text for s in split_sentences(body) if s.start < end and s.end > at]
    return " ".join(parts) or span


def read(extractor, text: str) -> tuple[bool, bool, list[str]]:
    """(typed, kept, drop reasons) of a text read as the coder reads sentences of an article."""
    st = extractor._load()
    typed = extractor._typed_sentences(st, split_sentences(text))
    result = EventResult(source="sentence")
    events = group_events([t for t in typed if not t.detail], result, extractor._sentence_judge())
    return bool(typed), bool(events), [d.reason for d in result.dropped]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--set", type=Path, default=WIKINEWS, dest="articles", metavar="DIR",
                        help="a directory of annotated articles (default: the Wikinews set)")
    parser.add_argument("--only", choices=("even", "odd"))
    parser.add_argument("--show", action="store_true", help="print the even half's misses row by row")
    parser.add_argument("--extractor", default=DEFAULT.extractor)
    args = parser.parse_args(argv)
    docs = load_for("bench/sentences.py", args.articles)
    if docs is None:
        return 2
    extractor = get_extractor(args.extractor, **extractor_options(replace(DEFAULT, extractor=args.extractor)))
    reader = load_filter().filter.reader
    reporting, encoder = reader.reporting, reader.judge.encoder
    tallies = {"even": Tally(), "odd": Tally()}
    for _, doc in docs:
        part = half(doc["id"])
        if args.only and part != args.only:
            continue
        t = tallies[part]
        show = args.show and part == "even"
        for ev in doc["events"]:
            if ev.get("background"):
                continue
            sentence = enclosing(doc["text"], ev["evidence"])
            typed, kept, why = read(extractor, sentence)
            reported = bool(reporting.probabilities(encoder.encode([sentence]))[0] >= REPORTED)
            t.evidence_reported += reported
            t.evidence_both += kept and reported
            t.evidence += 1
            t.evidence_typed += typed
            t.evidence_kept += kept
            if typed and not kept:
                t.dropped_by.update(why)
                if show:
                    print(f"  DROPPED {doc['id']} {ev['sub_event_type']}: {why} | {ev['evidence'][:200]}")
        for ne in doc["not_events"]:
            sentence = enclosing(doc["text"], ne["text"])
            typed, kept, _ = read(extractor, sentence)
            reported = bool(reporting.probabilities(encoder.encode([sentence]))[0] >= REPORTED)
            t.non_events += 1
            t.non_typed += typed
            cause = cause_of(ne["reason"])
            t.non_reported[cause] += reported
            t.non_both[cause] += kept and reported
            if kept:
                t.non_kept[cause] += 1
                if show:
                    print(f"  KEPT {doc['id']} [{cause}] {ne['text'][:200]}  -- {ne['reason'][:80]}")
    print(f"{'sentences':<40}{'even (dev)':>14}{'odd (held out)':>16}")
    e, o = tallies["even"], tallies["odd"]
    print(f"  {'gold evidence: typed / kept / all':<38}"
          f"{f'{e.evidence_typed}/{e.evidence_kept}/{e.evidence}':>14}"
          f"{f'{o.evidence_typed}/{o.evidence_kept}/{o.evidence}':>16}")
    print(f"  {'non-events: typed / kept / all':<38}"
          f"{f'{e.non_typed}/{sum(e.non_kept.values())}/{e.non_events}':>14}"
          f"{f'{o.non_typed}/{sum(o.non_kept.values())}/{o.non_events}':>16}")
    print("non-events kept, by cause (even / odd):")
    for cause, _ in (e.non_kept + o.non_kept).most_common():
        print(f"  {cause:<38}{e.non_kept[cause]:>14}{o.non_kept[cause]:>16}")
    print("the learned reporting head (P >= 0.5), alone / with the coder:")
    print(f"  {'gold evidence read as a report':<38}"
          f"{f'{e.evidence_reported}/{e.evidence_both}/{e.evidence}':>14}"
          f"{f'{o.evidence_reported}/{o.evidence_both}/{o.evidence}':>16}")
    print(f"  {'non-events read as a report':<38}"
          f"{f'{sum(e.non_reported.values())}/{sum(e.non_both.values())}/{e.non_events}':>14}"
          f"{f'{sum(o.non_reported.values())}/{sum(o.non_both.values())}/{o.non_events}':>16}")
    for cause, _ in (e.non_reported + o.non_reported).most_common():
        print(f"    {cause:<36}{f'{e.non_reported[cause]}/{e.non_both[cause]}':>14}"
              f"{f'{o.non_reported[cause]}/{o.non_both[cause]}':>16}")
    print("gold evidence dropped, by reason (even / odd):")
    for reason, _ in (e.dropped_by + o.dropped_by).most_common():
        print(f"  {reason[:60]:<62}{e.dropped_by[reason]:>6}{o.dropped_by[reason]:>6}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
