from __future__ import annotations

import argparse
import functools
import http.server
import shutil
import zipfile
from pathlib import Path

import loopback
import pytest

from frontwire.errors import InputError
from frontwire.geo import (
    DumpError,
    GeoContext,
    Resolver,
    SqliteGazetteer,
    add_places_csv,
    download,
    import_dumps,
)
from frontwire.geo.cli import register


def _row(gid, name, ascii_, alts, lat, lon, fclass, fcode, cc, a1, pop=0):
    return (
        "\t".join(
            [
                str(gid),
                name,
                ascii_,
                alts,
                str(lat),
                str(lon),
                fclass,
                fcode,
                cc,
                "",
                a1,
                "",
                "",
                "",
                str(pop),
                "",
                "0",
                "Asia/Damascus",
                "2024-01-01",
            ]
        )
        + "\n"
    )


def _write_dump(folder: Path) -> list[Path]:
    sy = folder / "SY.txt"
    sy.write_text(
        _row(900001, "Al Kawm", "Al Kawm", "Kawm,El Koum", 35.2, 38.85, "P", "PPL", "SY", "11", 3000)
        + _row(
            900002,
            "Jabal al Bishrī",
            "Jabal al Bishri",
            "Bishri Mountains",
            35.4,
            39.3,
            "T",
            "MTS",
            "SY",
            "07",
        )
        + _row(
            900003,
            "Muḩāfaz̧at Ḩimş",
            "Muhafazat Hims",
            "Homs Governorate",
            34.5,
            38.0,
            "A",
            "ADM1",
            "SY",
            "11",
        ),
        encoding="utf-8",
    )
    with zipfile.ZipFile(folder / "SY.zip", "w") as zf:
        zf.write(sy, "SY.txt")
    (folder / "admin1CodesASCII.txt").write_text(
        "SY.11\tHoms\tHoms\t169575\nSY.07\tDeir ez-Zor\tDeir ez-Zor\t1\n"
    )
    (folder / "alternateNamesV2.txt").write_text(
        "1\t900001\ten\tal-Koum\t\t\t\t\t\t\n2\t900001\tlink\thttp://x\t\t\t\t\t\t\n"
    )
    return [folder / "SY.zip", folder / "admin1CodesASCII.txt", folder / "alternateNamesV2.txt"]


@pytest.fixture()
def index(gazetteer_path: Path, tmp_path: Path) -> Path:
    path = tmp_path / "index.sqlite"
    shutil.copyfile(gazetteer_path, path)
    return path


def test_import_dumps_adds_places_names_and_admin_areas(index: Path, tmp_path: Path):
    import_dumps(_write_dump(tmp_path), index)
    resolver = Resolver(SqliteGazetteer(index))
    ctx = GeoContext(countries=("SY",))
    kum = resolver.resolve("al-Kum", ctx)
    assert kum.geonameid == 900001 and kum.admin1 == "Homs"
    assert resolver.resolve("al-Koum", ctx).geonameid == 900001
    bishri = resolver.resolve("the mountain ranges of al-Bishri", ctx)
    assert bishri.geonameid == 900002 and bishri.geo_precision == 3
    area = resolver.gazetteer.admin1_area("SY", "11")
    assert area.geonameid == 900003


def test_corrupt_dump_names_line_and_keeps_previous_index(index: Path, tmp_path: Path):
    before = index.read_bytes()
    bad = tmp_path / "IQ.txt"
    bad.write_text(
        _row(900010, "Good", "Good", "", 33.0, 44.0, "P", "PPL", "IQ", "01") + "900011\tBroken\tline\n"
    )
    with pytest.raises(DumpError) as err:
        import_dumps([bad], index)
    assert isinstance(err.value, InputError)
    assert f"{bad}:2" in str(err.value)
    assert index.read_bytes() == before
    truncated = tmp_path / "LB.zip"
    truncated.write_bytes(b"PK\x03\x04garbage")
    with pytest.raises(DumpError):
        import_dumps([truncated], index)
    assert index.read_bytes() == before


def test_user_places_csv(index: Path, tmp_path: Path):
    csv_path = tmp_path / "places.csv"
    csv_path.write_text(
        "name,lat,lon,country,admin1,feature,aliases\n"
        "Tal Shihab Crossing,32.69,35.97,SY,Daraa,crossing,Tell Shehab crossing;Tal Shehab\n"
    )
    assert add_places_csv(csv_path, index) == 1
    loc = Resolver(SqliteGazetteer(index)).resolve("Tal Shehab", GeoContext(countries=("SY",)))
    assert loc.location == "Tal Shihab Crossing" and loc.admin1 == "Daraa"
    bad = tmp_path / "bad.csv"
    bad.write_text("name,lat,lon\nSomewhere,91,0\n")
    with pytest.raises(DumpError, match=r"bad.csv:2"):
        add_places_csv(bad, index)


def test_download_from_loopback_server(tmp_path: Path):
    served = tmp_path / "served"
    served.mkdir()
    _write_dump(served)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(served))
    with loopback.serve(handler) as root:
        base = root + "/"
        paths = download(["SY", "admin1CodesASCII.txt"], tmp_path / "dl", base_url=base)
        assert [p.name for p in paths] == ["SY.zip", "admin1CodesASCII.txt"]
        assert paths[0].read_bytes() == (served / "SY.zip").read_bytes()
        with pytest.raises(Exception, match="404"):
            download(["XX"], tmp_path / "dl", base_url=base)
        assert not (tmp_path / "dl" / "XX.zip").exists()


def test_cli_registers_documented_subcommands(index: Path, tmp_path: Path):
    parser = argparse.ArgumentParser(prog="frontwire")
    register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(
        ["gazetteer", "--gazetteer", str(index), "import", *map(str, _write_dump(tmp_path))]
    )
    assert args.func(args) == 0
    assert SqliteGazetteer(index).lookup("kawm")
    sub = next(
        a
        for a in parser._subparsers._group_actions[0].choices["gazetteer"]._actions
        if isinstance(a, argparse._SubParsersAction)
    )
    for name, p in sub.choices.items():
        assert "Example:" in (p.description or ""), name
