"""A gazetteer held in memory that knows exactly the places a test gives it (the `Gazetteer` interface), so
a test of namesakes does not depend on which countries the suite's index covers."""

from __future__ import annotations

from frontwire.geo.gazetteer import Place
from frontwire.geo.names import name_key


def place(i: int, name: str, cc: str, fcode: str, population: int, admin1: str = "01") -> Place:
    return Place(i, i, name, 0.0, 0.0, "A" if fcode.startswith("ADM") else "P", fcode, cc, admin1, None,
                 None, None, population)  # fmt: skip


class Namesakes:
    name = "test-namesakes"

    def __init__(self, places: list[Place]) -> None:
        self._by_key: dict[str, list[Place]] = {}
        for p in places:
            self._by_key.setdefault(name_key(p.name), []).append(p)

    def lookup(self, key: str) -> list[Place]:
        return list(self._by_key.get(key, []))

    def lookup_loose(self, skeleton: str) -> list[Place]:
        return []

    def admin1_area(self, country_code: str, admin1_code: str) -> Place | None:
        return None

    def country(self, country_code: str) -> Place | None:
        return None

    def names_of(self, place_id: int) -> list[str]:
        return []
