"""A set of whole annotated articles (one NN.json each, format of ../shared/eval/news/ANNOTATION.md): read
it and check every file, so a benchmark never scores a file whose gold it cannot trust.

The checks are the format's: every field present with its type, a known category, ACLED's exact event
types and sub-types (the type the one the sub-type belongs to), ISO dates, a time precision of 1-3, and
evidence, location_text and not_event texts that are verbatim substrings of the article text.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from frontwire.events.rules.classify import EVENT_TYPES

CATEGORIES = ("violent", "violence_mentioned_no_codable_event", "nonviolent_acled_event", "no_event")
DOC_FIELDS = {
    "id": str, "source_repo": (str, type(None)), "source_path": (str, type(None)),
    "source_commit": (str, type(None)), "url": (str, type(None)), "title": str, "published": str,
    "text": str, "licence": str, "category": str, "story_note": str, "events": list, "not_events": list,
}
EVENT_FIELDS = {
    "event_id": str, "event_date": str, "time_precision": int, "event_type": str, "sub_event_type": str,
    "actor1": str, "actor2": (str, type(None)), "location_text": (str, type(None)), "country": str,
    "admin1": (str, type(None)), "fatalities": (int, type(None)), "claimant": (str, type(None)),
    "evidence": str, "background": bool, "note": str,
}


def _iso(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _fields(where: str, obj: object, spec: dict) -> list[str]:
    if not isinstance(obj, dict):
        return [f"{where}: not a JSON object"]
    out = [f"{where}: missing field {k!r}" for k in spec if k not in obj]
    out += [f"{where}: field {k!r} has type {type(obj[k]).__name__}" for k, t in spec.items()
            if k in obj and not isinstance(obj[k], t) or (k in obj and t is int and isinstance(obj[k], bool))]
    return out


def check_event(where: str, ev: dict, text: str) -> list[str]:
    problems = _fields(where, ev, EVENT_FIELDS)
    if problems:
        return problems
    sub = ev["sub_event_type"]
    if sub not in EVENT_TYPES:
        problems.append(f"{where}: sub_event_type {sub!r} is not one of ACLED's 25")
    elif EVENT_TYPES[sub] != ev["event_type"]:
        problems.append(
            f"{where}: event_type {ev['event_type']!r} but {sub!r} is a {EVENT_TYPES[sub]} sub-type"
        )
    if not _iso(ev["event_date"]):
        problems.append(f"{where}: event_date {ev['event_date']!r} is not an ISO date")
    if ev["time_precision"] not in (1, 2, 3):
        problems.append(f"{where}: time_precision {ev['time_precision']} is not 1, 2 or 3")
    if ev["evidence"] not in text:
        problems.append(f"{where}: evidence is not a verbatim substring of the text: {ev['evidence'][:60]!r}")
    if ev["location_text"] is not None and ev["location_text"] not in text:
        problems.append(f"{where}: location_text {ev['location_text']!r} is not in the text")
    if ev["fatalities"] is not None and ev["fatalities"] < 0:
        problems.append(f"{where}: negative fatalities")
    return problems


def check_doc(name: str, doc: object) -> list[str]:
    problems = _fields(name, doc, DOC_FIELDS)
    if problems:
        return problems
    text = doc["text"]
    if doc["category"] not in CATEGORIES:
        problems.append(f"{name}: category {doc['category']!r} is not one of {', '.join(CATEGORIES)}")
    if not _iso(doc["published"]):
        problems.append(f"{name}: published {doc['published']!r} is not an ISO date")
    ids = [ev.get("event_id") for ev in doc["events"] if isinstance(ev, dict)]
    if len(ids) != len(set(ids)):
        problems.append(f"{name}: an event_id is used twice")
    for i, ev in enumerate(doc["events"]):
        problems += check_event(f"{name} event {i + 1}", ev, text)
    for i, ne in enumerate(doc["not_events"]):
        where = f"{name} not_event {i + 1}"
        if not (isinstance(ne, dict) and all(isinstance(ne.get(k), str) for k in ("text", "reason"))):
            problems.append(f"{where}: needs a text and a reason")
        elif ne["text"] not in text:
            problems.append(f"{where}: text is not a verbatim substring of the article: {ne['text'][:60]!r}")
    main = [ev for ev in doc["events"] if isinstance(ev, dict) and not ev.get("background")]
    if doc["category"] in ("violent", "nonviolent_acled_event") and not doc["events"]:
        problems.append(f"{name}: category {doc['category']} but no event")
    if doc["category"] in ("no_event", "violence_mentioned_no_codable_event") and main:
        problems.append(f"{name}: category {doc['category']} but {len(main)} main events")
    return problems


def load_set(directory: Path) -> tuple[list[tuple[Path, dict]], list[str]]:
    """Every NN.json of the set, in name order, and the problems found (file, event and field named)."""
    docs: list[tuple[Path, dict]] = []
    problems: list[str] = []
    seen: dict[str, str] = {}
    for path in sorted(directory.glob("*.json")):
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            problems.append(f"{path.name}: not JSON ({exc})")
            continue
        found = check_doc(path.name, doc)
        if not found and doc["id"] in seen:
            found = [f"{path.name}: id {doc['id']!r} also in {seen[doc['id']]}"]
        problems += found
        if not found:
            seen[doc["id"]] = path.name
            docs.append((path, doc))
    return docs, problems


def load_for(tool: str, directory: Path) -> list[tuple[Path, dict]] | None:
    """The valid articles of `directory` for a bench script, each problem said on stderr as
    "<tool>: <dir>/<problem> (skipped)"; None (and why, on stderr) when there is nothing to measure."""
    if not directory.is_dir():
        print(f"{tool}: {directory} is absent; nothing to measure", file=sys.stderr)
        return None
    docs, problems = load_set(directory)
    for problem in problems:
        print(f"{tool}: {directory}/{problem} (skipped)", file=sys.stderr)
    if not docs:
        print(f"{tool}: no valid article in {directory}", file=sys.stderr)
        return None
    return docs
