"""Writing a gazetteer index, atomically.

Every build or import writes into a temporary file beside the index (a copy of the current
index for an import) and replaces the index only when it has finished: a failed or
interrupted import leaves the previous gazetteer as it was.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

from frontwire.geo.gazetteer import INDEXES, SCHEMA, SCHEMA_VERSION
from frontwire.geo.names import generic_variants, name_key, skeleton_key


class IndexWriter:
    """Adds places, names and admin names to an open index (inside one transaction)."""

    def __init__(self, conn: sqlite3.Connection, *, fresh: bool) -> None:
        self.conn = conn
        self.fresh = fresh
        self.added = 0

    def _existing(self, geonameid: int | None) -> int | None:
        if self.fresh or geonameid is None:
            return None
        row = self.conn.execute("SELECT id FROM places WHERE geonameid = ?", (geonameid,)).fetchone()
        return row[0] if row else None

    def add_place(
        self,
        *,
        name: str,
        lat: float,
        lon: float,
        cc: str | None,
        fclass: str | None = "P",
        fcode: str | None = None,
        geonameid: int | None = None,
        admin1: str | None = None,
        admin2: str | None = None,
        population: int = 0,
        admin2_name: str | None = None,
        source: str = "",
        names: Iterable[str] = (),
    ) -> int:
        """Insert a place (replacing the row with the same geonameid) and index its names; returns its id."""
        values = (
            geonameid,
            name,
            lat,
            lon,
            fclass,
            fcode,
            cc,
            admin1,
            admin2,
            population,
            admin2_name,
            source,
        )
        existing = self._existing(geonameid)
        if existing is not None:
            self.conn.execute(
                "UPDATE places SET geonameid=?, name=?, lat=?, lon=?, fclass=?, fcode=?, cc=?, admin1=?, "
                "admin2=?, population=?, admin2_name=COALESCE(?, admin2_name), source=? WHERE id = ?",
                (*values, existing),
            )
            self.conn.execute("DELETE FROM names WHERE place = ?", (existing,))
            place_id = existing
        else:
            cur = self.conn.execute(
                "INSERT INTO places(geonameid, name, lat, lon, fclass, fcode, cc, admin1, admin2, "
                "population, "
                "admin2_name, source) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                values,
            )
            place_id = int(cur.lastrowid)
        all_names = [name, *names]
        if fclass in ("T", "H"):
            all_names += [v for n in all_names for v in generic_variants(n)]
        self.add_names(place_id, all_names)
        self.added += 1
        return place_id

    def add_names(self, place_id: int, names: Iterable[str]) -> None:
        """Index more names of a place (names in non-Latin scripts get no key and are skipped)."""
        keys = {(k, skeleton_key(n)) for n in names if (k := name_key(n))}
        self.conn.executemany(
            "INSERT INTO names(key, skel, place) VALUES (?,?,?)", [(k, s, place_id) for k, s in keys]
        )

    def place_id(self, geonameid: int) -> int | None:
        row = self.conn.execute("SELECT id FROM places WHERE geonameid = ?", (geonameid,)).fetchone()
        return row[0] if row else None

    def set_admin(self, cc: str, level: int, code: str, name: str) -> None:
        """Name an admin area: level 1 code "08", level 2 code "08.1234"."""
        self.conn.execute(
            "INSERT OR REPLACE INTO admin(cc, level, code, name) VALUES (?,?,?,?)", (cc, level, code, name)
        )

    def set_meta(self, key: str, value: str) -> None:
        self.conn.execute("INSERT OR REPLACE INTO meta(k, v) VALUES (?,?)", (key, value))


@contextlib.contextmanager
def writing(path: str | Path, *, fresh: bool, source: str) -> Iterator[IndexWriter]:
    """Open a writer on a temporary copy of the index at `path`; replace `path` on success only.

    `fresh` starts from an empty index (a build); otherwise the current index is copied
    (an import). On any exception the temporary file is removed and `path` is untouched.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    if tmp.exists():
        tmp.unlink()
    if not fresh and path.exists():
        shutil.copyfile(path, tmp)
    conn = sqlite3.connect(tmp)
    try:
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        conn.executescript(SCHEMA)
        if not fresh:
            conn.executescript(INDEXES)
        conn.execute("BEGIN")
        writer = IndexWriter(conn, fresh=fresh)
        yield writer
        conn.executescript(INDEXES)
        writer.set_meta("schema", SCHEMA_VERSION)
        previous = conn.execute("SELECT v FROM meta WHERE k = 'source'").fetchone()
        if fresh or not previous:
            writer.set_meta("source", source)
        elif source not in previous[0].split("+"):
            writer.set_meta("source", f"{previous[0]}+{source}")
        writer.set_meta("updated", dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
        conn.commit()
        conn.execute("ANALYZE")
        conn.close()
        os.replace(tmp, path)
    except BaseException:
        conn.close()
        tmp.unlink(missing_ok=True)
        raise
