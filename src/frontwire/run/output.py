"""Results → text on a stream: JSON lines, one JSON array, or a human-readable listing.

Writers take the stream of `Result` records from `run_batch` and write each as soon as it
arrives, so a long batch shows progress and memory stays flat.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Literal, TextIO

from frontwire.records import Article, EventMention
from frontwire.run.batch import Result, result_to_dict

Format = Literal["json", "jsonl", "text"]
FORMATS: tuple[Format, ...] = ("json", "jsonl", "text")


def write_results(results: Iterable[Result], fmt: Format, out: TextIO) -> Iterator[Result]:
    """Write each result to `out` in `fmt` and pass it on (so the caller can count and report errors)."""
    first = True
    if fmt == "json":
        out.write("[")
    for result in results:
        if fmt == "jsonl":
            out.write(json.dumps(result_to_dict(result), ensure_ascii=False) + "\n")
        elif fmt == "json":
            text = json.dumps(result_to_dict(result), ensure_ascii=False, indent=2)
            out.write(("\n" if first else ",\n") + _indent(text, "  "))
        elif result.article is not None:
            out.write(("" if first else "\n") + render_text(result.article))
            if result.events is not None:
                out.write(render_events(result.events, result.events_note))
        first = False
        out.flush()
        yield result
    if fmt == "json":
        out.write("\n]\n" if not first else "]\n")


def _indent(text: str, pad: str) -> str:
    return "\n".join(pad + line for line in text.splitlines())


def render_text(article: Article) -> str:
    """An article as a human-readable block: header fields, captions, paragraphs, comments."""
    lines = [f"== {article.source}"]
    fields = [
        ("Title", article.title),
        ("Outlet", _outlet(article)),
        ("Published", article.published.isoformat() if article.published else None),
        ("Authors", ", ".join(article.authors) or None),
        ("URL", article.canonical_url or article.url),
        ("Chrome", f"{article.chrome_dropped} lines dropped"),
    ]
    lines += [f"{name + ':':<11}{value}" for name, value in fields if value]
    lines += [f"Caption:   {caption}" for caption in article.captions]
    lines.append("")
    for paragraph in article.paragraphs:
        lines += [paragraph, ""]
    if article.comments:
        lines.append(f"Comments ({len(article.comments)}):")
        for comment in article.comments:
            who = comment.author or "anonymous"
            when = f" ({comment.published})" if comment.published else ""
            lines.append(f"  - {who}{when}: {comment.text}")
        lines.append("")
    return "\n".join(lines)


def render_events(events: list[EventMention], note: str | None = None) -> str:
    """Coded events as a human-readable block: one line of ACLED fields each, then its evidence."""
    if not events:
        return f"Events: none ({note})\n" if note else "Events: none\n"
    lines = [f"Events ({len(events)}):"]
    for ev in events:
        when = ev.event_date.isoformat() if ev.event_date else "date unknown"
        actors = ev.actor1 + (f" vs {ev.actor2}" if ev.actor2 else "")
        deaths = "fatalities unknown" if ev.fatalities is None else f"{ev.fatalities} killed"
        place = ev.place
        where = ev.location_text or "place unknown"
        if place is not None and place.latitude is not None:
            coords = f"{place.latitude:.3f}, {place.longitude:.3f}"
            where += f" → {place.location} ({coords}; precision {place.geo_precision})"
        lines.append(f"  - {when} (precision {ev.time_precision}) {ev.sub_event_type}: {actors}; {deaths}")
        lines.append(f"    at {where}")
        if ev.claimant:
            lines.append(f"    {ev.attribution} by {ev.claimant}")
        for evidence in ev.evidence:
            lines.append(f"    “{evidence.text}” [{evidence.start}:{evidence.end}]")
    return "\n".join(lines) + "\n"


def _outlet(article: Article) -> str | None:
    outlet = article.outlet
    if outlet is None:
        return article.site_name
    labels = "".join(f" [{label.label}, per {label.source}]" for label in outlet.labels)
    return f"{outlet.name} ({outlet.domain}){labels}"
