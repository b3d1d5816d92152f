"""The event corpus validates, and the validator rejects what the data card says it rejects."""

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "corpus_counts.py"
EVENTS = ROOT / "corpus" / "events"
MIN_PER_SUB_EVENT_TYPE = 70  # issue 11's target for every ACLED sub-event type
MIN_NON_EVENTS = 600
MIN_COUNTRIES = 60


def _module():
    spec = importlib.util.spec_from_file_location("corpus_counts", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _row(**over):
    row = {"id": "x-0001", "text": "Police fired tear gas at protesters in Nairobi.", "label": "Protest with intervention",
           "none_kind": None, "country": "Kenya", "style": "wire"}
    row.update(over)
    return row


def test_shipped_corpus_is_valid_and_covers_every_label():
    counts = _module()
    rows, problems = counts.load(EVENTS)
    assert problems == []
    by_label = {}
    for r in rows:
        by_label[r["label"]] = by_label.get(r["label"], 0) + 1
    for label in counts.SUB_EVENT_TYPES:
        assert by_label.get(label, 0) >= MIN_PER_SUB_EVENT_TYPE, label
    assert by_label.get("NONE", 0) >= MIN_NON_EVENTS
    assert len({r["country"] for r in rows}) >= MIN_COUNTRIES


def test_validator_names_file_and_line_of_each_problem(tmp_path):
    lines = [
        _row(),
        _row(id="x-0002", label="Protest With Intervention"),  # misspelt label
        _row(id="x-0001", text="Another text entirely about a march in Mombasa."),  # duplicate id
        _row(id="x-0004", text="police fired  TEAR GAS at protesters in Nairobi."),  # same text, other case
        _row(id="x-0005", label="NONE", none_kind="gossip"),  # unknown none_kind
        "{not json",
    ]
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n")
    proc = subprocess.run([sys.executable, str(SCRIPT), "--events", str(tmp_path)],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 1
    err = proc.stderr
    assert "bad.jsonl:2:" in err and "sub-event type" in err
    assert "bad.jsonl:3:" in err and "id 'x-0001' also at bad.jsonl:1" in err
    assert "bad.jsonl:4:" in err and "same text as bad.jsonl:1" in err
    assert "bad.jsonl:5:" in err and "none_kind" in err
    assert "bad.jsonl:6:" in err and "not JSON" in err
    assert "bad.jsonl:1:" not in err


def test_card_counts_section_is_rewritten(tmp_path):
    events = tmp_path / "events"
    events.mkdir()
    (events / "a.jsonl").write_text(json.dumps(_row()) + "\n")
    card = tmp_path / "CARD.md"
    card.write_text("# card\n<!-- COUNTS -->\nold table\n<!-- /COUNTS -->\nafter\n")
    proc = subprocess.run([sys.executable, str(SCRIPT), "--events", str(events), "--card", str(card)],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    text = card.read_text()
    assert "old table" not in text and text.endswith("after\n")
    assert "| Protests | Protest with intervention | 1 |" in text


def test_annotated_lines_need_their_source_and_an_open_licence(tmp_path):
    def annotated(**over):
        fields = {"source": "wikipedia-current-events", "licence": "CC BY-SA 4.0",
                  "source_url": "https://en.wikipedia.org/wiki/Portal:Current_events/2024_March_14"}
        return _row(**{**fields, **over})

    lines = [
        annotated(),
        {k: v for k, v in annotated(id="x-0002", text="Police dispersed a march in Kisumu.").items()
         if k != "source"},  # no source
        annotated(id="x-0003", text="Police dispersed a march in Nakuru.", licence="all rights reserved"),
        annotated(id="x-0004", text="Police dispersed a march in Eldoret.", source_url="see the portal"),
    ]
    path = tmp_path / "annotated-test.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    # The same lines in a file that is not an annotated-* file need none of these fields.
    (tmp_path / "plain.jsonl").write_text(json.dumps(_row(id="y-0001", text="A march in Thika ended calmly.")) + "\n")
    proc = subprocess.run([sys.executable, str(SCRIPT), "--events", str(tmp_path)],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 1
    err = proc.stderr
    assert "annotated-test.jsonl:1:" not in err and "plain.jsonl" not in err
    assert "annotated-test.jsonl:2: missing field 'source'" in err
    assert "annotated-test.jsonl:3:" in err and "licence 'all rights reserved'" in err
    assert "annotated-test.jsonl:4: source_url is not a web address" in err


def test_shipped_annotated_lines_name_their_source_and_licence():
    rows, problems = _module().load(EVENTS)
    assert problems == []
    annotated = [r for r in rows if "source" in r]
    assert annotated, "no annotated news in the corpus"
    for r in annotated:
        assert r["source_url"].startswith("https://") and r["licence"] and r["source"]
