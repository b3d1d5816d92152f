"""Version 2: a mention's place keeps its GeoNames name (`location_geonames`, with its diacritics) beside
the plain ACLED-style name that `location` now holds ("An Nusayrat" beside "An Nuşayrāt").

Rows written before this version keep their `location` as it was and NULL here.
"""

NAME = "GeoNames place names beside plain ones"

STATEMENTS = ("ALTER TABLE mentions ADD COLUMN location_geonames TEXT",)
