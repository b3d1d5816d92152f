"""A district the gazetteer lacks is placed at the town its sentence names as a place (geo/article_place.py),
on sentences we wrote, through the whole reading pipeline as `frontwire extract` runs it."""

import datetime as dt

from frontwire.records import Page
from frontwire.run.gate import GatedPipeline

PUB = dt.date(2025, 6, 8)
LEAD = (
    "Tens of thousands of people rallied in Istanbul, Ankara and Izmir on Saturday to protest against the "
    "arrest of the mayor."
)
FILLER = (
    "The mayor's lawyers said they would appeal against the ruling.",
    "The governor's office had banned all gatherings for four days.",
)


def _placed(pipeline, last: str) -> dict[str, str]:
    text = "Rallies across Turkey against the mayor's arrest\n\n" + "\n\n".join((LEAD, *FILLER, last))
    page = Page(source="t", kind="text", content=text, published=PUB)
    events = GatedPipeline(pipeline)(page).events
    return {e.location_text or "": e.place.location if e.place else "" for e in events}


def test_a_district_the_gazetteer_lacks_is_placed_at_the_town_named_with_it(pipeline):
    placed = _placed(pipeline, "In Gaziantep, about 8,000 people gathered in the Karagözpark shopping district.")
    assert placed.get("Karagözpark") == "Gaziantep"


def test_a_name_in_a_list_is_not_placed_at_its_neighbour(pipeline):
    # "Karagözpark" is a list's item here, beside Gaziantep, not a part of it
    placed = _placed(pipeline, "Protests were also held in Gaziantep, Karagözpark and Hatay on Saturday.")
    assert placed.get("Karagözpark") != "Gaziantep"
