"""Append hand-written snippets to a corpus file (authoring helper).

Reads lines "Country|style|text" from stdin; style is one of w l m n g s a (wire, local, monitor,
ngo, government, social, analysis). Usage: corpus_add.py SLUG LABEL [NONE_KIND]
"""
import json
import sys
from pathlib import Path

STYLES = {"w": "wire", "l": "local", "m": "monitor", "n": "ngo", "g": "government", "s": "social",
          "a": "analysis"}
EVENTS = Path(__file__).resolve().parent.parent / "corpus" / "events"


def main() -> None:
    slug, label = sys.argv[1], sys.argv[2]
    none_kind = sys.argv[3] if len(sys.argv) > 3 else None
    path = EVENTS / f"{slug}.jsonl"
    start = 0
    if path.exists():
        start = max((int(json.loads(line)["id"].rsplit("-", 1)[1]) for line in path.open()), default=0)
    n = start
    with path.open("a") as out:
        for raw in sys.stdin:
            raw = raw.strip()
            if not raw or raw.startswith("#"):
                continue
            country, style, text = raw.split("|", 2)
            n += 1
            row = {"id": f"{slug}-{n:04d}", "text": text.strip(), "label": label, "none_kind": none_kind,
                   "country": country.strip(), "style": STYLES[style.strip()]}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{slug}: +{n - start}, last id {n}")


if __name__ == "__main__":
    main()
