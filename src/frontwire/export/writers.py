"""Writers: ACLED-column CSV, GeoJSON FeatureCollection, Parquet (needs pyarrow: extra `parquet`)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO

from frontwire.errors import ConfigError
from frontwire.export.acled import ACLED_COLUMNS, AcledRow
from frontwire.export.csvsafe import safe_writer
from frontwire.records import to_dict


def write_acled_csv(rows: Iterable[AcledRow], out: IO[str]) -> int:
    """ACLED's header and one line per incident; returns rows written. No cell starts a formula."""
    writer = safe_writer(out)
    writer.writerow(ACLED_COLUMNS)
    written = 0
    for row in rows:
        writer.writerow(row.values())
        written += 1
    return written


def write_geojson(rows: Iterable[AcledRow], out: IO[str]) -> int:
    """A FeatureCollection of incidents with coordinates (Point, [lon, lat]); properties are ACLED columns
    plus frontwire's fatality range, grade and its reasons."""
    features = []
    for row in rows:
        inc = row.incident
        if inc.latitude is None or inc.longitude is None:
            continue
        props = dict(zip(ACLED_COLUMNS, row.values(), strict=True))
        props.update(
            fatalities=inc.fatalities,
            fatalities_low=inc.fatalities_low,
            fatalities_high=inc.fatalities_high,
            grade=inc.grade,
            grade_reasons=inc.grade_reasons,
            mention_ids=inc.mention_ids,
            incident_id=inc.id,
        )
        features.append(
            {
                "type": "Feature",
                "id": inc.id,
                "geometry": {"type": "Point", "coordinates": [inc.longitude, inc.latitude]},
                "properties": props,
            }
        )
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
    out.write("\n")
    return len(features)


def write_parquet(rows: Iterable[AcledRow], path: str) -> int:
    """A Parquet file with ACLED's columns plus frontwire's (fatality range, grade, mention ids)."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise ConfigError(path, 'Parquet export needs pyarrow: pip install "frontwire[parquet]"') from exc
    columns: dict[str, list] = {c: [] for c in ACLED_COLUMNS}
    extra: dict[str, list] = {"fatalities_low": [], "fatalities_high": [], "grade": [], "mention_ids": []}
    for row in rows:
        for column, value in zip(ACLED_COLUMNS, row.values(), strict=True):
            columns[column].append(None if value == "" else value)
        inc = to_dict(row.incident)
        for key in extra:
            extra[key].append(inc[key])
    types = {
        "latitude": pa.float64(),
        "longitude": pa.float64(),
        "fatalities": pa.int64(),
        "year": pa.int64(),
    }
    for name in ("time_precision", "inter1", "inter2", "interaction", "geo_precision", "timestamp"):
        types[name] = pa.int64()
    arrays = {c: pa.array(v, type=types.get(c, pa.string())) for c, v in columns.items()}
    arrays["fatalities_low"] = pa.array(extra["fatalities_low"], type=pa.int64())
    arrays["fatalities_high"] = pa.array(extra["fatalities_high"], type=pa.int64())
    arrays["grade"] = pa.array(extra["grade"], type=pa.string())
    arrays["mention_ids"] = pa.array(extra["mention_ids"], type=pa.list_(pa.string()))
    pq.write_table(pa.table(arrays), path)
    return len(extra["grade"])
