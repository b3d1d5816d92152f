"""Fatality figures bound to death words, sums over the sides, and places read as ACLED codes them.

Snippets written for these tests; no evaluation text.
"""

import datetime as dt

import pytest

from frontwire.events import RuleExtractor
from frontwire.events.figures import find_fatalities
from frontwire.events.rules.places import find_places
from frontwire.records import Article


@pytest.mark.parametrize(
    "sentence",
    [
        "A missile strike on the dam left some 12,000 households without water, the utility said.",
        "Shelling destroyed 40 homes and 7 vehicles in the village overnight.",
        "About 3,500 people were displaced by the fighting, aid groups said.",
        "Police arrested 120 protesters after the march.",
        "Eighteen people were wounded when the bus was hit.",
        "The army said it shot down 25 drones and 4 missiles over the region.",
        "Nearly 900 families were evacuated from the border villages.",
        "The storm left 60 people homeless.",
    ],
)
def test_counts_that_are_not_deaths(sentence):
    assert find_fatalities(sentence).value is None


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("At least four gunmen and three policemen were killed in the gunfight.", 7),
        ("The raid killed two militants, three soldiers and a civilian near the checkpoint.", 6),
        ("Five villagers and a teacher were killed when the shell landed.", 6),
        ("Two sisters, a 9-year-old and a 12-year-old, were killed in the blast.", 2),  # the two, described
        ("The strike killed nine soldiers, a security source said.", 9),  # the source is not a victim
        ("The blast flattened 30 houses and killed 4 people.", 4),
        ("Around 2,000 people fled and 3 were killed in the shelling.", 3),
        ("Two officials said five people were killed in the raid.", 5),
        ("Eleven farmers were abducted and shot dead by the gang.", 11),
        ("Six displaced civilians sheltering in the school were killed.", 6),
        ("By evening the number of those killed had risen to 14.", 14),
        ("More than 1,200 people were killed in the offensive, the ministry said.", 1200),
        ("Nine members of the Saleh family, including four women, one of whom was elderly, and five children,"
         " were killed.", 9),  # the breakdown runs to the verb that reports the deaths
    ],
)  # fmt: skip
def test_figures_bound_to_death_words_and_summed(sentence, value):
    assert find_fatalities(sentence).value == value


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # the kill verb is active: the figure before it counts the killers, the one after it the dead
        ("Three gunmen shot dead ten journalists and two police officers before making a getaway.", 12),
        ("Two female suicide bombers killed 40 people on the Moscow metro.", 40),
        ("Gunmen shot dead two police officers at a checkpoint on Monday.", 2),
        ("Insurgents beheaded four men in the village of Mucojo on Saturday.", 4),
        ("Two policemen killed three militants in a shootout.", 3),
        # a count of time after the verb is no object; an aside before a count is not one either
        ("Five people were killed two days ago in the market.", 5),
        ("At least 23 civilians were killed, including ten children, eight women and five men.", 23),
    ],
)
def test_a_count_after_an_active_kill_verb_is_the_dead(sentence, value):
    assert find_fatalities(sentence).value == value


def test_big_figure_needs_its_death_word_next_to_it():
    far = "Some 4,000 residents of the district who had sheltered in the basements for weeks were killed."
    assert find_fatalities(far).value is None
    assert find_fatalities("Some 4,000 residents were killed.").value == 4000


def _places(text):
    return [(p.text, p.level, p.parent) for p in find_places(text)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Rebels attacked an army post near the village of Kafr Dael in western Aleppo on Monday.",
            [("Kafr Dael", 1, "Aleppo")],
        ),
        (
            "Jets struck a depot in the town of Binnish, in Idlib province, at dawn.",
            [("Binnish", 1, "Idlib")],
        ),
        (
            "Two shepherds were killed near Tadef in the eastern Aleppo countryside.",
            [("Tadef", 1, "Aleppo")],
        ),
        (
            "The army shelled the villages of Kansafra and Al-Bara overnight.",
            [("Kansafra", 1, None), ("Al-Bara", 1, None)],
        ),
        (
            "Protests were held in Sweida, Shahba and Qanawat on Friday.",
            [("Sweida", 1, None), ("Shahba", 1, None), ("Qanawat", 1, None)],
        ),
        (
            "Warplanes struck a fuel depot in Raqqa Saturday, the monitor said.",  # a day is no part of a name
            [("Raqqa", 1, None)],
        ),
        (
            # a list with a serial comma, closed by a name with its own article: four places, no container
            "Exiles rallied outside the embassies in Oslo, Vienna, Madrid, and The Hague on Sunday.",
            [("Oslo", 1, None), ("Vienna", 1, None), ("Madrid", 1, None), ("Hague", 1, None)],
        ),
        (
            "Clashes broke out at Mount Tiran in the Kalba district and Wadi Sur in the Hadra district.",
            [("Mount Tiran", 1, "Kalba"), ("Wadi Sur", 1, "Hadra")],
        ),
        (
            "Rockets were fired from orchards near the village of Tell Rifaat at the base in Marea.",
            [("Tell Rifaat", 2, None), ("Marea", 1, None)],  # where fire came from is not the place
        ),
        (
            "A strike hit a flat in the Zeitoun district of Gaza City.",
            [("Zeitoun", 1, "Gaza City")],
        ),
        (
            "Fighting spread in Daraa and Quneitra provinces.",
            [("Daraa", 3, None), ("Quneitra", 3, None)],
        ),
        (
            "Two bombs went off north of Homs in Talbiseh and Rastan.",  # a reference point holds no place
            [("Homs", 2, None), ("Talbiseh", 1, None), ("Rastan", 1, None)],
        ),
        (
            "The Pakistani town of Mardan was shelled from the hills.",  # a demonym is not the place
            [("Mardan", 1, None)],
        ),
        (
            "Gunmen opened fire in Kafr Nabl, Idlib, on Sunday.",
            [("Kafr Nabl", 1, "Idlib")],
        ),
    ],
)  # fmt: skip
def test_place_and_container(sentence, expected):
    assert _places(sentence) == expected


def _coded(published: dt.date, *paragraphs: str) -> list:
    article = Article(source="t", paragraphs=list(paragraphs), published=published)
    return RuleExtractor(use_spacy=False).extract(article)


def test_one_event_per_coordinated_place_not_per_container():
    events = _coded(
        dt.date(2024, 3, 14),
        "Government forces shelled the villages of Kansafra and Al-Bara in the southern Idlib "
        "countryside on Tuesday, killing three civilians and two fighters.",
        "Separately, gunmen attacked a checkpoint near the town of Jasim in western Daraa on Tuesday.",
    )
    where = [(e.location_text, e.fatalities) for e in events]
    # the five dead of one sentence over its two places, split evenly (ANNOTATION.md), remainder first
    assert ("Kansafra", 3) in where and ("Al-Bara", 2) in where
    assert any(w == "Jasim" for w, _ in where)
    assert not any(w in ("Idlib", "Daraa") for w, _ in where)


def test_a_toll_over_a_list_of_towns_is_split_among_them():
    events = _coded(
        dt.date(2024, 3, 16),
        "Security forces opened fire on demonstrators in Hama, Homs and Idlib on Friday, killing ten "
        "people, activists said.",
    )
    where = {e.location_text: e.fatalities for e in events}
    assert {k: where[k] for k in ("Hama", "Homs", "Idlib")} == {"Hama": 4, "Homs": 3, "Idlib": 3}


def test_a_toll_stays_with_the_place_its_sentence_names():
    """The dead of the attack on positions in one area are that area's, not the front's other place."""
    ex = RuleExtractor(use_spacy=False)
    art = Article(
        source="t",
        paragraphs=[
            "Fighting broke out on Wednesday between Houthi forces and government troops in the Harib district "
            "of Yemen, a military source said.",
            "Five government soldiers were killed when Houthi fighters attacked positions in the Al-Jubah area.",
        ],
        published=dt.date(2024, 1, 18),
    )
    where = {e.location_text: e.fatalities for e in ex.extract(art)}
    assert where == {"Harib": None, "Al-Jubah": 5}


def test_the_seat_of_a_source_is_not_the_place_of_the_event():
    ex = RuleExtractor(use_spacy=False)
    art = Article(
        source="t",
        paragraphs=[
            "An airstrike hit a house in the town of Bani Suheila on Tuesday, killing four people, the health "
            "ministry in Gaza said.",
            "A drone struck a fuel depot in the village of Velyka Pysarivka overnight, citing officials in Sumy.",
        ],
        published=dt.date(2023, 11, 8),
    )
    assert [e.location_text for e in ex.extract(art)] == ["Bani Suheila", "Velyka Pysarivka"]


def test_places_listed_after_a_kind_of_place_are_the_events_places():
    events = _coded(
        dt.date(2013, 7, 1),
        "Hundreds of thousands of people protested in Egyptian cities including Alexandria, Cairo, Port Said "
        "and Suez on Sunday.",
    )
    assert [e.location_text for e in events] == ["Alexandria", "Cairo", "Port Said", "Suez"]


def test_the_other_side_of_a_trade_or_talks_is_not_the_place_of_the_event():
    events = _coded(
        dt.date(2008, 6, 30),
        "Riot police fired water cannon at thousands of South Koreans protesting beef imports from the United "
        "States in Seoul on Saturday.",
    )
    assert [e.location_text for e in events] == ["Seoul"]


def test_a_comparison_with_earlier_acts_and_a_trend_report_no_event():
    events = _coded(
        dt.date(2013, 8, 27),
        "This isn't the first time a UN convoy has been targeted in Syria.",
        "Attacks by the group in the north are becoming increasingly sophisticated, officials say.",
        "Mugabe was an icon of liberation across southern Africa.",
    )
    assert events == []
