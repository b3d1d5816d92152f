"""Gazetteer + resolver: EventMention.location_text → Location.

gazetteer.py  the Gazetteer protocol and its SQLite implementation (Place records)
names.py      transliteration-proof name keys
builtin.py    the default index, built offline from GeoNames data in PyPI packages
dumps.py      importing GeoNames dumps and user places; downloading dumps
detect.py     place names in text (gazetteer n-grams + spaCy NER)
query.py      reading a location string: the place, what it is near, what contains it
context.py    what an article says about where it is (countries, provinces, focus province)
persons.py    telling people's names from place names
event_place.py  the most specific place of a narrative's event
resolver.py   choosing a place and an ACLED geo_precision
"""

from frontwire.geo.builtin import build_builtin
from frontwire.geo.context import GeoContext, build_context
from frontwire.geo.detect import PlaceSpan, find_places
from frontwire.geo.dumps import DumpError, add_places_csv, download, import_dumps
from frontwire.geo.event_place import place_of_event
from frontwire.geo.gazetteer import Gazetteer, Place, SqliteGazetteer
from frontwire.geo.names import name_key, skeleton_key
from frontwire.geo.paths import default_gazetteer, default_index_path
from frontwire.geo.resolver import Resolver

__all__ = [
    "DumpError",
    "Gazetteer",
    "GeoContext",
    "Place",
    "PlaceSpan",
    "Resolver",
    "SqliteGazetteer",
    "add_places_csv",
    "build_builtin",
    "build_context",
    "default_gazetteer",
    "default_index_path",
    "download",
    "find_places",
    "import_dumps",
    "name_key",
    "place_of_event",
    "skeleton_key",
]
