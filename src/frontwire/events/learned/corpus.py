"""The training corpus: corpus/events/*.jsonl at the repository root, one labelled snippet a line.

Each line is {"id", "text", "label", "none_kind", "country", "style"}; `label` is one of ACLED's 25
sub-event types or "NONE". Only id, text and label are read: other fields (annotated news in
annotated-*.jsonl carries source_url, licence and source) are the data card's, and are left alone.
The corpus hash (sha256 over the files' names and bytes, in name order) goes into the artifact and into
the coder string stored with every event.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from frontwire.events.rules.classify import EVENT_TYPES

NONE = "NONE"
CORPUS_GLOB = "events/*.jsonl"


class CorpusError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Snippet:
    id: str
    text: str
    label: str  # an ACLED sub-event type or NONE


def corpus_dir() -> Path:
    """corpus/ at the root of the source tree this module sits in (src/frontwire/events/learned/..)."""
    return Path(__file__).resolve().parents[4] / "corpus"


def corpus_files(root: Path) -> list[Path]:
    files = sorted(root.glob(CORPUS_GLOB))
    if not files:
        raise CorpusError(f"no training files match {root / CORPUS_GLOB}")
    return files


def read_corpus(root: Path) -> list[Snippet]:
    """Every snippet of the corpus, in file then line order; a bad line is an error naming file and line."""
    out: list[Snippet] = []
    seen: set[str] = set()
    for path in corpus_files(root):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                snippet = Snippet(str(row["id"]), str(row["text"]), str(row["label"]))
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise CorpusError(f"{path}:{n}: not a corpus line ({exc})") from None
            if snippet.label != NONE and snippet.label not in EVENT_TYPES:
                raise CorpusError(f"{path}:{n}: unknown label {snippet.label!r}")
            if snippet.id in seen:
                continue  # the same snippet filed twice counts once
            seen.add(snippet.id)
            out.append(snippet)
    return out


def corpus_sha256(root: Path) -> str:
    digest = hashlib.sha256()
    for path in corpus_files(root):
        digest.update(path.name.encode("utf-8") + b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()
