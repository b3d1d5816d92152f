"""Text and HTML files, directories, stdin and the bad inputs each must turn into a one-line Failure."""

import gzip
import io
import random
from pathlib import Path

import pytest

from frontwire.config import Settings
from frontwire.ingest import read
from frontwire.records import Failure, Page


def _one(inputs, **kw):
    items = list(read(inputs, **kw))
    assert len(items) == 1, items
    return items[0]


def test_text_file_keeps_lines(inputs: Path) -> None:
    page = _one([str(inputs / "checkpoint-attack.txt")])
    assert isinstance(page, Page) and page.kind == "text" and page.encoding == "utf-8"
    assert "Gunmen attacked an army checkpoint" in page.content
    assert page.content.splitlines()[0] == "Menu"


def test_html_file_and_gzip(inputs: Path, tmp_path: Path) -> None:
    raw = (inputs / "airstrike-report.html").read_bytes()
    gz = tmp_path / "report.html.gz"
    gz.write_bytes(gzip.compress(raw))
    plain, packed = list(read([str(inputs / "airstrike-report.html"), str(gz)]))
    assert plain.kind == packed.kind == "html"
    assert plain.content == packed.content == raw.decode("utf-8")
    assert packed.source == str(gz)


def test_meta_charset_is_used(tmp_path: Path) -> None:
    html = (
        '<html><head><meta charset="windows-1252"><title>Frappe</title></head><body>'
        "<p>Une frappe aérienne a touché le marché de Kidal, a déclaré le préfet.</p></body></html>"
    )
    path = tmp_path / "kidal.htm"
    path.write_bytes(html.encode("cp1252"))
    page = _one([str(path)])
    assert page.encoding == "cp1252"
    assert "aérienne" in page.content


def test_detected_encoding_without_declaration(tmp_path: Path) -> None:
    text = "Обстрел продолжался всю ночь, сообщили местные жители. Погибли двое мирных жителей.\n" * 3
    path = tmp_path / "report.txt"
    path.write_bytes(text.encode("cp1251"))
    page = _one([str(path)])
    assert page.encoding == "cp1251"
    assert "Обстрел" in page.content


def test_directory_is_recursive_sorted_and_by_extension(inputs: Path, tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Clashes were reported near the bridge.\n")
    (tmp_path / "a.html").write_text("<html><body><p>Shelling hit the market.</p></body></html>")
    (tmp_path / "notes.md").write_text("not a page")
    (tmp_path / ".hidden.txt").write_text("hidden")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    items = list(read([str(tmp_path)]))
    pages = [i for i in items if isinstance(i, Page)]
    assert [Path(p.source).name for p in pages] == ["a.html", "z.txt"]
    # the files it left out are one error naming the directory and how many of each kind
    (skipped,) = [i for i in items if isinstance(i, Failure)]
    assert skipped.source == str(tmp_path)
    assert skipped.message.startswith("skipped 2 files of unknown extensions (.jpg 1, .md 1)")


def test_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    (tmp_path / "page.dat").write_text("<!DOCTYPE html><html><body><p>Drone strike.</p></body></html>")
    (tmp_path / "page2.dat").write_text("Drone strike reported.\nMore lines.\n")
    html, text = list(read([str(tmp_path / "page.dat"), str(tmp_path / "page2.dat")]))
    assert html.kind == "html" and text.kind == "text"


def test_stdin_sniffs_html_text_and_jsonl() -> None:
    html = _one(["-"], stdin=io.BytesIO(b"<html><body><p>Strike.</p></body></html>"))
    text = _one(["-"], stdin=io.BytesIO(b"Army shells village\nTwo killed.\n"))
    assert html.kind == "html" and text.kind == "text" and text.source == "<stdin>"
    lines = b'{"id": "a", "text": "Clashes in Marib."}\n{"id": "b", "html": "<p>Strike</p>"}\n'
    pages = list(read(["-"], stdin=io.BytesIO(lines)))
    assert [(p.id, p.kind, p.source) for p in pages] == [
        ("a", "text", "<stdin>#L1"),
        ("b", "html", "<stdin>#L2"),
    ]


def _failure(item) -> Failure:
    assert isinstance(item, Failure), item
    assert "\n" not in item.message
    return item


def test_bad_inputs_fail_one_by_one_and_the_batch_goes_on(inputs: Path, tmp_path: Path) -> None:
    binary = tmp_path / "photo.html"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    controls = tmp_path / "blob.txt"
    rng = random.Random(3)
    controls.write_bytes(bytes(rng.randrange(1, 32) for _ in range(500)))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"  \n\n")
    garbage = tmp_path / "garbage.txt"
    garbage.write_bytes(bytes(rng.randrange(128, 256) for _ in range(2000)))
    big = tmp_path / "big.html"
    big.write_bytes(b"<html><body>" + b"<p>filler</p>" * 200 + b"</body></html>")
    bomb = tmp_path / "bomb.html.gz"
    bomb.write_bytes(gzip.compress(big.read_bytes()))
    good = str(inputs / "checkpoint-attack.txt")
    names = [binary, controls, empty, garbage, big, bomb, tmp_path / "missing.txt", "ftp://example.org/a"]
    items = list(read([str(n) for n in names] + [good], Settings(max_page_bytes=2000)))
    fails = [_failure(i) for i in items[:-1]]
    messages = {Path(f.source).name if "://" not in f.source else f.source: f.message for f in fails}
    assert "binary" in messages["photo.html"]
    assert "binary" in messages["blob.txt"]
    assert messages["empty.txt"] == "empty input"
    assert "undecodable" in messages["garbage.txt"]
    assert "2,000-byte page limit" in messages["big.html"]
    assert "page limit" in messages["bomb.html.gz"]  # decompressed size is capped too
    assert messages["missing.txt"] == "no such file or directory"
    assert "unsupported URL scheme 'ftp'" in messages["ftp://example.org/a"]
    assert isinstance(items[-1], Page) and items[-1].source == good


def test_truncated_gzip_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "cut.txt.gz"
    body = ("Shelling reported in the northern districts overnight. " * 400).encode()
    path.write_bytes(gzip.compress(body)[:-30])
    failure = _failure(_one([str(path)]))
    assert failure.source == str(path)
    assert "truncated gzip" in failure.message


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize(
    "text",
    [
        "Shelling hit the market in Hama on Monday, killing two people.\nResidents fled the area.\n",
        "قصف الطيران مدينة حماة يوم الاثنين، ما أدى إلى مقتل شخصين.\nفر السكان من المنطقة.\n",
    ],
    ids=["english", "arabic"],
)
def test_utf16_without_a_bom_is_text(tmp_path: Path, encoding: str, text: str) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(text.encode(encoding))
    page = _one([str(path)])
    assert page.encoding == encoding and page.content.strip() == text.strip()
    # binary data with NULs in both halves of its byte pairs stays binary
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(256)) * 8)
    (failure,) = list(read([str(junk)]))
    assert isinstance(failure, Failure) and "binary data" in failure.message
