"""The issue's matching rule for whole articles, as labels for the events an article yields.

A predicted event matches a main event a person annotated when the event type is the same, the dates are
within 2 days (the same month when the annotated date is only known to the month, time precision 3), and
the country (by its ISO code, whatever the spelling) or the place is the same. Each annotated event is
matched once, by the first prediction that matches it (preferring one of the same sub-type and place name);
a second prediction of it is false. A prediction that matches only an event annotated as background counts
neither way.

bench/news.py scores with this rule; the event filter's trainer (event_train.py) labels its training
events with it. The annotated articles are ANNOTATION.md's JSON (../shared/eval/news/ANNOTATION.md).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from enum import Enum
from typing import Any

from frontwire.records import EventMention
from frontwire.store.countries import country_code

DATE_SLACK = 2  # days, the matching rule
MONTH_ONLY = 3  # time precision of a date known only to its month


class Label(Enum):
    TRUE = "true"  # matches an annotated main event not matched before
    FALSE = "false"  # matches none (or only one already matched: a second coding)
    BACKGROUND = "background"  # matches only an event annotated as background: set aside


def _gold_date(gold: dict[str, Any]) -> dt.date | None:
    return dt.date.fromisoformat(gold["event_date"]) if gold.get("event_date") else None


def same_date(pred: EventMention, gold: dict[str, Any]) -> bool:
    g = _gold_date(gold)
    if g is None or pred.event_date is None:
        return False
    if gold.get("time_precision") == MONTH_ONLY:
        return (g.year, g.month) == (pred.event_date.year, pred.event_date.month)
    return abs((pred.event_date - g).days) <= DATE_SLACK


def _norm(text: str | None) -> str:
    return " ".join((text or "").lower().split())


def same_name(pred: EventMention, gold: dict[str, Any]) -> bool:
    names = {_norm(pred.location_text), _norm(pred.place.location if pred.place else None)} - {""}
    gold_names = {_norm(gold.get("location_text")), _norm(gold.get("admin1"))} - {""}
    return bool(names & gold_names)


def same_country(country: str | None, gold_country: str | None) -> bool:
    """One country, whichever spelling each side uses (ACLED's, GeoNames', an ISO code): "Palestinian
    Territory" is "Palestine"."""
    if not country or not gold_country:
        return False
    if _norm(country) == _norm(gold_country):
        return True
    code = country_code(country)
    return code is not None and code == country_code(gold_country)


def same_place(pred: EventMention, gold: dict[str, Any]) -> bool:
    if same_country(pred.place.country if pred.place else None, gold.get("country")):
        return True
    return same_name(pred, gold)


def matches(pred: EventMention, gold: dict[str, Any]) -> bool:
    return pred.event_type == gold["event_type"] and same_date(pred, gold) and same_place(pred, gold)


def match_events(
    gold: Sequence[dict[str, Any]], events: Sequence[EventMention]
) -> list[tuple[Label, int | None]]:
    """For each predicted event in order: its label, and the index of the annotated event it matched
    (None when it matched none)."""
    main = [i for i, g in enumerate(gold) if not g.get("background")]
    taken: set[int] = set()
    out: list[tuple[Label, int | None]] = []
    for pred in events:
        cands = [i for i in main if i not in taken and matches(pred, gold[i])]
        # Prefer an annotated event of the same sub-type and place, then any that matches.
        cands.sort(
            key=lambda i: (gold[i]["sub_event_type"] != pred.sub_event_type, not same_name(pred, gold[i]))
        )
        if cands:
            taken.add(cands[0])
            out.append((Label.TRUE, cands[0]))
        elif any(g.get("background") and matches(pred, g) for g in gold):
            out.append((Label.BACKGROUND, None))
        else:
            out.append((Label.FALSE, None))
    return out
