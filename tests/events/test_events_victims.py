"""Fatality figures in incident narratives: numbers that are not counts, and victims listed by name.

Snippets written for these tests in the style of incident reports; no evaluation text.
"""

import pytest

from frontwire.events.actors import ActorDictionary
from frontwire.events.figures import find_fatalities, mask_non_counts
from frontwire.events.rules import _parse
from frontwire.events.rules.victims import count_named_dead, event_fatalities


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("At around 4:15 am, three men were killed when a drone struck their car.", 3),
        ("On 3 March 2022 five farmers were reportedly killed by shelling.", 5),
        ("The raid killed at least 12 and up to 15 villagers.", 12),
        ("At least 9 people from two branches of the Haddad family were killed in the blast.", 9),
        ("At least 14 civilians, including a nurse, four women and six children, were killed.", 14),
        ("The bombardment led to the deaths of at least eight residents.", 8),
        ("A missile hit the building, killing a family of seven.", 7),
        ("Two brothers, aged 19 and 22, were killed.", 2),
    ],
)  # fmt: skip
def test_times_dates_ages_and_breakdowns_are_not_the_toll(sentence, value):
    assert find_fatalities(sentence).value == value


def test_mask_keeps_offsets():
    text = "At 11:40 pm on 2 May 2021, a 35-year-old man was killed."
    masked = mask_non_counts(text)
    assert len(masked) == len(text) and "11:40" not in masked and "35" not in masked and "man" in masked


@pytest.mark.parametrize(
    ("sentence", "count"),
    [
        ("Karim Nassar, his wife Leila and their cousin Omar Nassar were killed in the strike.", 3),
        ("Samir Daher, a carpenter, was killed.", 1),  # the apposition is the same man
        ("Mona Saleh (41) was killed, along with her daughters Rana and Dina.", 3),
        ("Teacher Huda Amin was killed with two of her sons, Yazan and Karam, in the raid.", 3),
        ("The shell hit the yard, killing a boy named Fadi Ward (9) and his grandfather Issa.", 2),
        ("Mahmoud Zein was killed and his brother Ali was injured.", 1),
        ("The building collapsed in the strike.", None),
    ],
)  # fmt: skip
def test_named_victims_are_counted(sentence, count):
    assert count_named_dead(sentence) == count


def test_event_figure_lead_first_then_names_summed_only_when_added():
    lead = "A strike hit the Darwish family home on Monday night."
    first = "Nabil Darwish was killed along with his son Tarek."
    more = "His sister Salma Darwish was also killed."
    again = "Nabil and Tarek Darwish were buried on Tuesday after they were killed."
    assert event_fatalities([lead, first, more]).value == 3
    assert event_fatalities([lead, first, again]).value == 2  # the same two, named again
    stated = "At least four members of the family were killed, relatives said."
    assert event_fatalities([stated, first, more]).value == 4  # the stated toll is not re-summed
    injured = "Six people were injured in the strike, including Rami Issa."
    assert event_fatalities([injured]).value is None


def test_spacy_gates():
    assert _parse.may_be_irrealis("The group plans to attack the base.")
    assert _parse.may_be_irrealis("Jets could strike again.")
    assert not _parse.may_be_irrealis("The strike killed four people and sent six to the hospital.")
    assert _parse.may_name_speaker("The ministry said two people were killed.")
    assert not _parse.may_name_speaker("Two people were killed, according to the ministry.")


def test_alias_search_is_longest_first():
    actors = ActorDictionary.load()
    found = actors.find("Russian fighter jets and Russian forces struck.")
    assert [m.text for m in found] == ["Russian fighter jets", "Russian forces"]


@pytest.mark.parametrize(
    ("sentences", "value"),
    [
        # A toll inside an aside set off by "including ..." is still the toll.
        (["Several outlets, including Radio Sawt and the Daily Herald reported that the raid caused two deaths, "
          "but gave no figure for the injured."], 2),
        # A death that follows an injury.
        (["A 70-year-old man was wounded by shrapnel outside his shop and later died in hospital."], 1),
        (["A shepherd was injured by a landmine and died of his wounds two days later."], 1),
        (["A teacher was injured in the shelling."], None),
        # Victims listed after a caused death or killing.
        (["The shell hit the farmhouse, resulting in the death of a farmer and his son."], 2),
        (["The raid resulted in the killing of 40-year-old engineer Samir Haddad and his 12-year-old daughter Lina."], 2),
        # A singular relative set off before a name is one person; an earlier death recalled is not counted.
        (["Rania Odeh was killed with her infant son, Karim Odeh."], 2),
        (["Two brothers were killed in the strike.", "The family had mourned the death of their cousin Adel last week."], 2),
    ],
)  # fmt: skip
def test_deaths_written_as_nouns_later_deaths_and_appositions(sentences, value):
    assert event_fatalities(sentences).value == value
