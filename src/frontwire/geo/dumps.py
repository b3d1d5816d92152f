"""Importing real GeoNames dumps and user places into the index; downloading dumps.

Accepted files (plain or zipped, recognised by name):
  - country / all-countries / cities files (`SY.zip`, `allCountries.zip`, `cities500.zip`):
    the 19-column tab-separated geoname table;
  - `alternateNamesV2.zip` / `alternateNames.zip`: alternate names by geonameid;
  - `admin1CodesASCII.txt`, `admin2Codes.txt`: admin code → name.

An import is atomic (`index.writing`): a corrupt or truncated file raises `DumpError` naming the
file and line, and the previous index stays as it was.
"""

from __future__ import annotations

import csv
import io
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

import httpx

from frontwire.errors import FetchError, InputError
from frontwire.geo.index import IndexWriter, writing
from frontwire.geo.names import load_rules, name_key
from frontwire.ingest.deadline import NO_KEEPALIVE, Deadline, DeadlineExceeded

GEONAMES_URL = "https://download.geonames.org/export/dump/"
GEONAME_COLUMNS = 19
# alternateNamesV2 has 10 columns; the older alternateNames has 8.
ALTNAME_MIN_COLUMNS = 8
# Alternate-name "languages" that are codes or links, not names.
_NOT_NAMES = frozenset({"link", "wkdt", "post", "iata", "icao", "faac", "fr_1793", "unlc", "tcid"})
DOWNLOAD_TIMEOUT_S = 120.0
# The largest dump, allCountries.zip, is about 400 MB: at 250 kB/s it takes under half an hour, and
# twice its size leaves room for growth; a server past either is stalling or sending something else.
DOWNLOAD_DEADLINE_S = 3600.0
DOWNLOAD_MAX_BYTES = 1 << 30
_CHUNK = 1 << 16


class DumpError(InputError):
    """A GeoNames dump or a places file that cannot be read; `source` is "file:line"."""


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """(line number, line) of a dump, reading the matching .txt member of a zip."""
    try:
        if path.suffix.lower() == ".zip":
            with zipfile.ZipFile(path) as zf:
                members = [n for n in zf.namelist() if n.lower().endswith(".txt")]
                wanted = f"{path.stem}.txt".lower()
                member = next((n for n in members if n.lower() == wanted), members[0] if members else None)
                if member is None:
                    raise DumpError(str(path), "zip holds no .txt dump")
                with zf.open(member) as fh:
                    yield from enumerate(io.TextIOWrapper(fh, encoding="utf-8"), start=1)
        else:
            with path.open(encoding="utf-8") as fh:
                yield from enumerate(fh, start=1)
    except (zipfile.BadZipFile, EOFError, UnicodeDecodeError, zlib.error) as exc:
        raise DumpError(str(path), f"unreadable dump: {exc}") from exc


def _kind(path: Path) -> str:
    stem = path.name.lower()
    if stem.startswith("alternatenames"):
        return "altnames"
    if stem.startswith("admin1codes"):
        return "admin1"
    if stem.startswith("admin2codes"):
        return "admin2"
    return "geonames"


def _import_admin(w: IndexWriter, path: Path, level: int) -> None:
    for n, line in _lines(path):
        if not line.strip():
            continue
        cols = line.rstrip("\n").split("\t")
        code = cols[0].split(".")
        if len(cols) < 3 or len(code) != level + 1 or not code[0]:
            raise DumpError(f"{path}:{n}", f"expected 'CC.{'A1.' * (level - 1)}CODE<TAB>name<TAB>...' ")
        w.set_admin(code[0], level, ".".join(code[1:]), cols[1])


def _import_geonames(w: IndexWriter, path: Path) -> None:
    for n, line in _lines(path):
        if not line.strip():
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) != GEONAME_COLUMNS:
            raise DumpError(
                f"{path}:{n}", f"expected {GEONAME_COLUMNS} tab-separated columns, found {len(cols)}"
            )
        try:
            gid, lat, lon = int(cols[0]), float(cols[4]), float(cols[5])
            population = int(cols[14] or 0)
        except ValueError as exc:
            raise DumpError(f"{path}:{n}", f"bad number: {exc}") from exc
        cc, admin1, fcode = cols[8] or None, cols[10] or None, cols[7] or None
        if fcode == "ADM1" and cc and admin1:
            _drop_derived_area(w, cc, admin1)
        w.add_place(
            geonameid=gid,
            name=cols[1],
            lat=lat,
            lon=lon,
            fclass=cols[6] or None,
            fcode=fcode,
            cc=cc,
            admin1=admin1,
            admin2=cols[11] or None,
            population=population,
            source=path.name,
            names=[cols[2], *(a for a in cols[3].split(",") if a)],
        )


def _drop_derived_area(w: IndexWriter, cc: str, admin1: str) -> None:
    rows = w.conn.execute(
        "SELECT id FROM places WHERE source = 'derived' AND cc = ? AND admin1 = ? AND fcode = 'ADM1'",
        (cc, admin1),
    ).fetchall()
    for (pid,) in rows:
        w.conn.execute("DELETE FROM names WHERE place = ?", (pid,))
        w.conn.execute("DELETE FROM places WHERE id = ?", (pid,))


def _import_altnames(w: IndexWriter, path: Path) -> None:
    for n, line in _lines(path):
        if not line.strip():
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) < ALTNAME_MIN_COLUMNS:
            raise DumpError(
                f"{path}:{n}", f"expected at least {ALTNAME_MIN_COLUMNS} columns, found {len(cols)}"
            )
        try:
            gid = int(cols[1])
        except ValueError as exc:
            raise DumpError(f"{path}:{n}", f"bad geonameid: {exc}") from exc
        if cols[2] in _NOT_NAMES:
            continue
        pid = w.place_id(gid)
        if pid is not None:
            w.add_names(pid, [cols[3]])


def import_dumps(paths: Iterable[str | Path], index: str | Path) -> int:
    """Import GeoNames dump files into the index at `index` (created if absent); returns places added.

    Admin code tables go first, then geoname tables, then alternate names, whatever the order given.
    """
    order = {"admin1": 0, "admin2": 1, "geonames": 2, "altnames": 3}
    files = sorted((Path(p) for p in paths), key=lambda p: order[_kind(p)])
    for p in files:
        if not p.exists():
            raise DumpError(str(p), "no such file")
    with writing(index, fresh=False, source="geonames-dump") as w:
        for p in files:
            kind = _kind(p)
            if kind == "admin1":
                _import_admin(w, p, 1)
            elif kind == "admin2":
                _import_admin(w, p, 2)
            elif kind == "geonames":
                _import_geonames(w, p)
            else:
                _import_altnames(w, p)
        return w.added


def _feature_class(value: str) -> tuple[str, str | None]:
    """A feature as written in a places file: a GeoNames class ("P"), "P.PPL", or a word ("mountain")."""
    value = value.strip()
    if not value:
        return "P", None
    if len(value) == 1 and value.isalpha():
        return value.upper(), None
    if "." in value:
        cls, code = value.split(".", 1)
        return cls.upper(), code.upper()
    for cls, words in load_rules().features.items():
        if value.lower() in words:
            return cls, None
    return "P", None


def add_places_csv(path: str | Path, index: str | Path) -> int:
    """Add user places from a CSV (name, lat, lon, country, admin1, feature, aliases separated by ';')."""
    path = Path(path)
    with writing(index, fresh=False, source="user") as w:
        admin_codes = {
            (cc, name_key(name)): code
            for cc, code, name in w.conn.execute("SELECT cc, code, name FROM admin WHERE level = 1")
        }
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = {"name", "lat", "lon"} - set(reader.fieldnames or ())
            if missing:
                raise DumpError(f"{path}:1", f"missing columns: {', '.join(sorted(missing))}")
            for row in reader:
                n = reader.line_num
                try:
                    lat, lon = float(row["lat"]), float(row["lon"])
                except (TypeError, ValueError) as exc:
                    raise DumpError(f"{path}:{n}", f"bad coordinate: {exc}") from exc
                if not (row.get("name") or "").strip() or not (-90 <= lat <= 90 and -180 <= lon <= 180):
                    raise DumpError(f"{path}:{n}", "a place needs a name and coordinates in range")
                cc = (row.get("country") or "").strip().upper() or None
                admin1 = (row.get("admin1") or "").strip() or None
                if admin1 and cc:
                    code = admin_codes.get((cc, name_key(admin1)))
                    if code is None:
                        w.set_admin(cc, 1, admin1, admin1)
                    admin1 = code or admin1
                fclass, fcode = _feature_class(row.get("feature") or "")
                aliases = [
                    a.strip() for a in (row.get("aliases") or "").replace("|", ";").split(";") if a.strip()
                ]
                w.add_place(
                    name=row["name"].strip(),
                    lat=lat,
                    lon=lon,
                    cc=cc,
                    fclass=fclass,
                    fcode=fcode,
                    admin1=admin1,
                    source="user",
                    names=aliases,
                )
        return w.added


def _save(resp: httpx.Response, part: Path, url: str, max_bytes: int) -> None:
    size = 0
    with part.open("wb") as fh:
        for chunk in resp.iter_bytes(_CHUNK):
            size += len(chunk)
            if size > max_bytes:
                raise FetchError(url, f"larger than the {max_bytes:,}-byte download limit")
            fh.write(chunk)


def download(
    country_codes: Iterable[str],
    dest: str | Path,
    base_url: str = GEONAMES_URL,
    *,
    timeout: float = DOWNLOAD_TIMEOUT_S,
    deadline: float = DOWNLOAD_DEADLINE_S,
    max_bytes: int = DOWNLOAD_MAX_BYTES,
) -> list[Path]:
    """Fetch GeoNames dumps into `dest`: "SY" → SY.zip; a file name ("admin1CodesASCII.txt") as is.
    `timeout` bounds each network operation, `deadline` each file's whole download, `max_bytes` its size."""
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    base = base_url if base_url.endswith("/") else base_url + "/"
    out = []
    with httpx.Client(timeout=timeout, follow_redirects=True, limits=NO_KEEPALIVE) as client:
        for item in country_codes:
            name = item if "." in item else f"{item.upper()}.zip"
            url = base + name
            target, part = dest / name, dest / f"{name}.part"
            try:  # one deadline and one size cap per file, whatever the server's pace
                with Deadline(deadline) as limit, client.stream("GET", url, **limit.request(client)) as resp:
                    if resp.status_code != 200:
                        raise FetchError(url, f"HTTP {resp.status_code}")
                    _save(resp, part, url, max_bytes)
            except DeadlineExceeded:
                part.unlink(missing_ok=True)
                raise FetchError(url, f"not downloaded within {deadline:g} s") from None
            except httpx.HTTPError as exc:
                part.unlink(missing_ok=True)
                raise FetchError(url, str(exc)) from exc
            except FetchError:
                part.unlink(missing_ok=True)
                raise
            part.replace(target)
            out.append(target)
    return out
