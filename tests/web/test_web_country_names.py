"""The API's country filter is the store's: ACLED's names and ISO codes find the same incidents as the
gazetteer's name, over real HTTP on the loopback."""

from __future__ import annotations

import httpx
import pytest
from web_support import Live


def _ids(live: Live, path: str, country: str) -> list[str]:
    r = httpx.get(f"{live.url}{path}", params={"country": country, "limit": 1000}, timeout=30)
    assert r.status_code == 200, r.text
    return [item["id"] for item in r.json()["items"]]


@pytest.mark.parametrize("path", ["/api/incidents", "/api/events"])
@pytest.mark.parametrize("code", ["SY", "syr", "760"])
def test_iso_codes_match_the_stored_name(live: Live, path: str, code: str) -> None:
    expected = _ids(live, path, "Syria")
    assert expected, "the test data has Syrian incidents"
    assert _ids(live, path, code) == expected
    assert _ids(live, path, "Yemen") and not set(_ids(live, path, "Yemen")) & set(expected)
