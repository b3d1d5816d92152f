"""The learned coder's two artifacts in src/frontwire/data/events/, and how they load.

- learned-table.npz: the static word table distilled from multilingual-e5-small (distill.py), with its
  format (static.TABLE_FORMAT): a table of another format is an error naming the file;
- learned-head.npz: the classifier trained on our corpus (train.py), with the corpus's and the
  table's sha256.
- learned.sha256: the expected sha256 of both, written with them; loading checks it, so a truncated or
  altered file is an error naming that file, not a coder that silently codes differently.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import zipfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from frontwire.events.learned.head import Head
from frontwire.events.learned.static import TABLE_FORMAT, StaticTable

TABLE_FILE = "learned-table.npz"
HEAD_FILE = "learned-head.npz"
SUMS_FILE = "learned.sha256"
_BUILDER = {TABLE_FILE: "distill", HEAD_FILE: "train"}  # the command that writes each artifact


class ArtifactError(RuntimeError):
    """A learned-coder artifact is missing, corrupt or does not match its partner; names the file."""


@dataclass(frozen=True, slots=True)
class Model:
    table: StaticTable
    head: Head
    head_sha256: str
    table_sha256: str
    corpus_sha256: str
    thresholds: dict[str, float]


def data_dir() -> Path:
    return Path(str(resources.files("frontwire").joinpath("data/events")))


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def save_table(path: Path, table: StaticTable) -> None:
    tokens = np.frombuffer("\n".join(table.tokens).encode("utf-8"), dtype=np.uint8)
    _save(
        path,
        format=np.array(TABLE_FORMAT),
        tokens=tokens,
        codes=table.codes,
        scales=table.scales,
        weights=table.weights,
    )


def save_head(
    path: Path, head: Head, corpus_sha256: str, table_sha256: str, thresholds: dict[str, float]
) -> None:
    names = sorted(thresholds)
    _save(
        path,
        **head_arrays(head),
        corpus_sha256=np.array(corpus_sha256),
        table_sha256=np.array(table_sha256),
        threshold_names=np.array(names),
        threshold_values=np.array([thresholds[n] for n in names], dtype=np.float64),
    )


def head_arrays(head: Head) -> dict[str, np.ndarray]:
    """A head's arrays as they are stored (the sentence head's here, the article judge's too)."""
    return {
        "weights": head.weights,
        "bias": head.bias,
        "center": head.center,
        "scale": head.scale,
        "labels": np.array(head.labels),
    }


def head_from_arrays(z: Any) -> Head:
    """The head stored by `head_arrays` (a KeyError names a missing array)."""
    return Head(z["weights"], z["bias"], tuple(str(x) for x in z["labels"]), z["center"], z["scale"])


def add_path_options(ap: argparse.ArgumentParser) -> None:
    """The trainers' --corpus and --out options (train.py, article_train.py)."""
    ap.add_argument(
        "--corpus", type=Path, default=None, help="the corpus folder (default: corpus/ at the repo root)"
    )
    ap.add_argument(
        "--out", type=Path, default=None, help="the artifact folder (default: the package's data)"
    )


def _save(path: Path, **arrays: np.ndarray) -> None:
    """An .npz written byte-for-byte the same for the same arrays (fixed zip dates, stored order)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, array in arrays.items():
            info = zipfile.ZipInfo(name + ".npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            inner = io.BytesIO()
            np.lib.format.write_array(inner, np.asarray(array), allow_pickle=False)
            zf.writestr(info, inner.getvalue())
    path.write_bytes(buf.getvalue())


def write_sums(directory: Path) -> None:
    lines = [f"{sha256_file(directory / name)}  {name}" for name in (TABLE_FILE, HEAD_FILE)]
    (directory / SUMS_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")


def _expected_sums(directory: Path) -> dict[str, str]:
    path = directory / SUMS_FILE
    if not path.is_file():
        raise ArtifactError(f"learned coder: checksum file missing: {path}")
    sums = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        digest, _, name = line.partition("  ")
        sums[name.strip()] = digest.strip()
    return sums


def _open(path: Path, expected: str | None) -> dict[str, np.ndarray]:
    if not path.is_file():
        raise ArtifactError(
            f"learned coder: artifact missing: {path} "
            f"(rebuild with `python -m frontwire.events.learned.{_BUILDER.get(path.name, 'train')}`, "
            "or code with the rules alone: --extractor frontwire-rules)"
        )
    digest = sha256_file(path)
    if expected is not None and digest != expected:
        raise ArtifactError(
            f"learned coder: artifact corrupt or altered: {path} "
            f"(sha256 {digest[:12]}…, expected {expected[:12]}…); "
            "code with the rules alone: --extractor frontwire-rules"
        )
    try:
        with np.load(path, allow_pickle=False) as z:
            return {k: z[k] for k in z.files}
    except (OSError, ValueError, zipfile.BadZipFile) as exc:
        raise ArtifactError(f"learned coder: artifact unreadable: {path} ({exc})") from None


def load_table(path: Path, expected: str | None = None) -> StaticTable:
    t = _open(path, expected)
    found = str(t["format"]) if "format" in t else "pieces (all-MiniLM-L6-v2)"
    if found != TABLE_FORMAT:
        raise ArtifactError(
            f"learned coder: {path} is a table of format {found!r}, this coder reads {TABLE_FORMAT!r} "
            "(rebuild with `python -m frontwire.events.learned.distill`)"
        )
    try:
        tokens = tuple(t["tokens"].tobytes().decode("utf-8").split("\n"))
        return StaticTable(tokens, t["codes"], t["scales"], t["weights"])
    except (KeyError, UnicodeDecodeError) as exc:
        raise ArtifactError(f"learned coder: {path} is not a piece table ({exc})") from None


def load_model(directory: Path | None = None, check_sums: bool = True) -> Model:
    """The table and head from `directory` (default: the package's data), checked against learned.sha256."""
    directory = directory or data_dir()
    sums = _expected_sums(directory) if check_sums else {}
    table = load_table(directory / TABLE_FILE, sums.get(TABLE_FILE))
    h = _open(directory / HEAD_FILE, sums.get(HEAD_FILE))
    try:
        head = head_from_arrays(h)
        thresholds = {
            str(n): float(v) for n, v in zip(h["threshold_names"], h["threshold_values"], strict=True)
        }
        table_sha = sha256_file(directory / TABLE_FILE)
        if str(h["table_sha256"]) != table_sha:
            raise ArtifactError(
                f"learned coder: {directory / HEAD_FILE} was trained on another table "
                f"than {directory / TABLE_FILE}"
            )
        if head.weights.shape[0] != table.codes.shape[1]:
            raise ArtifactError(f"learned coder: {directory / HEAD_FILE} does not fit the table's width")
        return Model(
            table, head, sha256_file(directory / HEAD_FILE), table_sha, str(h["corpus_sha256"]), thresholds
        )
    except KeyError as exc:
        raise ArtifactError(f"learned coder: artifact lacks {exc}: {directory}") from None
