"""Incident-narrative patterns: the toll in the lead clause, civilians counted apart from combatants,
appositions that are not extra victims, unknown-number words, the initiator named by its weapon or
verb, and year-less dates dated by their weekday.

Snippets written for these tests in the style of incident narratives; no evaluation text.
"""

import datetime as dt

import pytest

from frontwire.events.actors import ActorDictionary
from frontwire.events.dates import DateContext, find_dates
from frontwire.events.figures import find_civilians, find_fatalities
from frontwire.events.rules.roles import assign_roles
from frontwire.events.rules.victims import count_named_dead, event_fatalities


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # the main clause set off by commas is not an aside
        ("On 4 March 2021, an alleged airstrike killed 17 civilians, including six children, in the camp.", 17),
        ("On Friday, a young man was reportedly killed during shelling in the Saber district, near the market.", 1),
        # a year right after a date is not a count
        ("A strike on the Haddad home at 9pm on the 3rd of May 2021 killed four members of the family.", 4),
        ("Shelling during the evening of June 2nd 2022 killed between two and three residents.", 2),
        ("An unknown number of civilians were killed and wounded in the raid.", 2),
        ("The raid resulted in an unspecified number of people killed.", 2),
    ],
)  # fmt: skip
def test_lead_clause_figures(sentence, value):
    assert find_fatalities(sentence).value == value


@pytest.mark.parametrize(
    ("sentence", "civilians"),
    [
        ("A strike on the Saleh home killed seven members of the family, six of them civilians, and injured two.", 6),
        ("A field commander, Karim Odeh, was killed alongside at least 14 identified civilians.", 14),
        ("At least nine civilians and three militants were killed in the strike.", 9),
        ("At least nine civilians were killed in the strike.", None),  # no combatants: the toll says it
        ("Nine civilians were injured and two fighters were killed.", None),
    ],
)  # fmt: skip
def test_civilians_counted_apart(sentence, civilians):
    assert find_civilians(sentence) == civilians


def test_event_keeps_acled_total_and_civilians_apart():
    fat = event_fatalities(["A strike killed eight members of the Nassar family, seven of them civilians."])
    assert (fat.value, fat.civilians) == (8, 7)


@pytest.mark.parametrize(
    ("sentence", "count"),
    [
        ("Rana Hamdan (aged 31), from the Western Camp, was reportedly killed in the raid.", 1),
        ("Yusuf Karam, also known as Abu Sami, was killed in the strike.", 1),
        ("A strike killed a nurse, Huda Amin, and her three sons.", 4),
        ("On Monday, a well-known singer, teacher, and poet, 40-year-old Sami Odeh was killed in the camp.", 1),
        ("Karim Nassar, his wife Leila and their cousin Omar Nassar were killed in the strike.", 3),
    ],
)  # fmt: skip
def test_appositions_are_not_extra_victims(sentence, count):
    assert count_named_dead(sentence) == count


@pytest.fixture(scope="module")
def actors():
    return ActorDictionary.load()


@pytest.mark.parametrize(
    "sentence",
    [
        "Three people were killed when the house was reportedly bombed by an Israeli military aircraft.",
        "The Israeli military allegedly bombed the Salem home, leading to five people being killed.",
        "Two men were killed by alleged Israeli shelling of the area.",
        "A woman was killed when an alleged Israeli bomb hit the building.",
        "The car was hit by missiles from Israeli warplanes, killing its driver.",
    ],
)
def test_initiator_named_by_weapon_or_verb(actors, sentence):
    roles = assign_roles(sentence, actors.find(sentence))
    assert roles.actor1 is not None and roles.actor1.entry.name.startswith("Military Forces of Israel")


def test_yearless_date_dated_by_weekday_only_without_reference():
    text = "On Monday October 23rd, an airstrike hit a house in the camp."
    ctx = DateContext.for_text(None, text)
    (d,) = find_dates(text, ctx)
    assert d.date is not None and d.date.weekday() == 0 and (d.date.month, d.date.day) == (10, 23)
    assert d.date <= dt.date.today()
    # with a publication date the usual rule holds
    pub = DateContext.for_text(dt.date(2022, 11, 1), text)
    assert find_dates(text, pub)[0].date == dt.date(2022, 10, 23)


def test_written_year_wins_over_weekday():
    text = "On Sunday, 5 May 2021, a strike hit the market."
    assert find_dates(text, DateContext.for_text(None, text))[0].date == dt.date(2021, 5, 5)
