"""Suite-wide fixtures: a data directory of the test session's own, with a small gazetteer built once.

The default gazetteer covers the world and takes about 40 s to build on first use; the tests build the
same index restricted to the countries their pages are about, into a temporary data directory that
every command (also console scripts run in a subprocess) finds through $FRONTWIRE_DATA.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
# Countries the test pages and the bundled examples are about.
SUITE_COUNTRIES = ("SY", "LB", "PS", "IL", "IQ", "JO", "TR", "UA", "RU", "LY", "EG", "YE", "SD", "BR", "UG")


@pytest.fixture(scope="session", autouse=True)
def frontwire_data(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    from frontwire.geo import build_builtin, default_index_path

    data = tmp_path_factory.mktemp("frontwire-data")
    before = os.environ.get("FRONTWIRE_DATA")
    os.environ["FRONTWIRE_DATA"] = str(data)
    path = default_index_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    build_builtin(path, countries=SUITE_COUNTRIES)
    yield data
    if before is None:
        os.environ.pop("FRONTWIRE_DATA", None)
    else:
        os.environ["FRONTWIRE_DATA"] = before
