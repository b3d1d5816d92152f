"""The `frontwire` command: extract in every format, the JSONL batch mode, errors and exit codes."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from frontwire.cli import build_parser, main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "pages"
WORDPRESS = EXAMPLES / "hama-shelling-wordpress.html"
CRAWL = EXAMPLES / "idlib-clashes-crawl.txt"
BRIEFS = EXAMPLES / "wire-briefs.jsonl"


def test_every_command_has_help_and_an_example() -> None:
    parser = build_parser()
    commands = parser._subparsers._group_actions[0]  # the sub-command action
    assert commands.choices, "no commands registered"
    for name, sub in commands.choices.items():
        assert sub.description, name
        assert f"frontwire {name}" in (sub.description or "") + (sub.epilog or ""), f"{name} has no example"
    helps = {action.dest: action.help for action in commands._choices_actions}
    assert all(helps.values())


def test_extract_text_format(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(WORDPRESS), str(CRAWL)]) == 0
    out = capsys.readouterr().out
    assert "Title:     Shelling Kills Four Civilians In Northern Hama Countryside" in out
    assert "Chrome:" in out and "lines dropped" in out
    assert "Comments (2):" in out and "Layla M." in out
    assert out.index("Kafr Nabudah") < out.index("Comments (2):")


def test_extract_json_and_jsonl_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(EXAMPLES), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 6 and all(r["error"] is None for r in rows)
    wp = next(r for r in rows if r["source"].endswith("hama-shelling-wordpress.html"))
    assert wp["article"]["title"].startswith("Shelling Kills Four Civilians")
    assert [c["author"] for c in wp["article"]["comments"]] == ["Layla M.", "observer_77"]
    assert not any("cousin" in p for p in wp["article"]["paragraphs"])
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(CRAWL), "--format", "jsonl", "-o", str(out)]) == 0
    (row,) = [json.loads(line) for line in out.read_text().splitlines()]
    assert row["article"]["chrome_dropped"] > 0 and len(row["article"]["comments"]) == 4


def test_jsonl_batch_mode_one_line_per_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    batch = tmp_path / "batch.txt"  # the name does not matter in --jsonl mode
    lines = BRIEFS.read_text().splitlines()
    batch.write_text(
        "\n".join([lines[0], '{"id": "broken", "html": ', lines[1], '{"id": "empty", "text": "   "}']) + "\n"
    )
    assert main(["extract", "--jsonl", str(batch)]) == 1
    captured = capsys.readouterr()
    rows = [json.loads(line) for line in captured.out.splitlines()]
    assert [r["id"] for r in rows] == ["wire-0001", None, "wire-0002", "empty"]
    assert rows[0]["article"]["title"] == "Houthi forces and government troops clash south of Marib"
    assert rows[0]["error"] is None and rows[1]["article"] is None and "not a JSON object" in rows[1]["error"]
    assert rows[3]["error"] == "empty input"
    errors = [line for line in captured.err.splitlines() if line.startswith("error: ")]
    assert errors == [f"error: {batch}#L2: {rows[1]['error']}", f"error: {batch}#L4: empty input"]


def test_missing_inputs_fail_but_the_rest_goes_on(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "no/such/page.html", str(CRAWL), "sftp://host/x"]) == 1
    captured = capsys.readouterr()
    assert "Clashes Erupt On Idlib Front Line" in captured.out
    assert "error: no/such/page.html: no such file or directory" in captured.err
    assert "error: sftp://host/x: unsupported URL scheme 'sftp'" in captured.err


def test_usage_errors() -> None:
    assert main(["extract"]) == 2
    assert main([]) == 2
    with pytest.raises(SystemExit) as info:
        main(["extract", str(CRAWL), "--format", "xml"])
    assert info.value.code == 2


def test_installed_console_script_runs_on_the_examples() -> None:
    script = shutil.which("frontwire") or str(Path(sys.executable).parent / "frontwire")
    if not Path(script).exists():
        pytest.skip("the frontwire console script is not installed (pip install -e .)")
    proc = subprocess.run(
        [script, "extract", str(EXAMPLES), "--format", "jsonl"], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(rows) == 6
    assert {r["id"] for r in rows} >= {"wire-0001", "wire-0002", "wire-0003"}
    assert "6 inputs, 6 articles" in proc.stderr


def test_the_cli_works_without_the_web_extra() -> None:
    """Without starlette and uvicorn every other command runs, and `serve` says which extra it needs."""
    blocked = "import sys; sys.modules['starlette'] = None; sys.modules['uvicorn'] = None; "
    run = [sys.executable, "-c"]
    ok = subprocess.run(
        [*run, blocked + "from frontwire.cli import main; sys.exit(main(['stats', '--help']))"],
        capture_output=True,
        text=True,
    )
    assert ok.returncode == 0, ok.stderr
    serve = subprocess.run(
        [*run, blocked + "from frontwire.cli import main; sys.exit(main(['serve', '--port', '8799']))"],
        capture_output=True,
        text=True,
    )
    assert serve.returncode == 1 and "web extra" in serve.stderr


def test_identities_option_extends_who_the_victims_were(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--identities FILE` reaches the coder: the user's name for a group of victims is used."""
    user = tmp_path / "identities.toml"
    user.write_text('[[identity]]\nname = "Artisanal Miners ({country})"\naliases = ["miners"]\n', encoding="utf-8")
    batch = tmp_path / "batch.jsonl"
    text = "Gunmen killed six miners near a gold pit in Zamfara, Nigeria on Sunday, police said."
    batch.write_text(json.dumps({"id": "z1", "text": text, "published": "2024-05-20"}) + "\n", encoding="utf-8")
    assert main(["extract", "--jsonl", str(batch), "--identities", str(user)]) == 0
    (event,) = json.loads(capsys.readouterr().out)["events"]
    assert event["assoc_actor_2"] == "Artisanal Miners (Nigeria)"


def test_extract_applies_the_relevance_gate_unless_told_not_to(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`extract` keeps pages with no conflict cue from event coding, as `ingest` does, and says how many."""
    batch = tmp_path / "batch.jsonl"
    sport = "Jose Mourinho has agreed a deal to manage the club. He signed a three-year contract on Monday."
    rows = [
        {"id": "sport", "text": sport, "published": "2024-05-20"},
        json.loads(BRIEFS.read_text().splitlines()[0]),
    ]
    batch.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert main(["extract", "--jsonl", str(batch)]) == 0
    captured = capsys.readouterr()
    sport_row, wire_row = (json.loads(line) for line in captured.out.splitlines())
    assert sport_row["events"] == [] and "relevance gate" in sport_row["events_note"]
    assert wire_row["events"] and wire_row["events_note"] is None
    assert "1 not coded by the relevance gate" in captured.err
    assert main(["extract", "--jsonl", str(batch), "--no-gate"]) == 0
    captured = capsys.readouterr()
    sport_row = json.loads(captured.out.splitlines()[0])
    assert "relevance gate" not in (sport_row["events_note"] or "")
    assert "relevance gate" not in captured.err
