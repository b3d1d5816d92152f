"""Dates, fatality figures, actor names, languages: the pieces of the coder on snippets we wrote."""

import datetime as dt

import pytest

from frontwire.errors import ConfigError
from frontwire.events import ActorDictionary, CountryLexicon, RuleExtractor, get_extractor, run_extractor
from frontwire.events.actors import resolve
from frontwire.events.dates import DateContext, find_dates
from frontwire.events.figures import find_fatalities, parse_number
from frontwire.records import Article

PUB = dt.date(2024, 3, 14)  # a Thursday


@pytest.mark.parametrize(
    ("phrase", "expected", "precision"),
    [
        ("on March 2", dt.date(2024, 3, 2), 1),
        ("on May 16", dt.date(2023, 5, 16), 1),  # after publication: last year
        ("last Tuesday", dt.date(2024, 3, 12), 1),
        ("on Thursday", dt.date(2024, 3, 14), 1),
        ("two days ago", dt.date(2024, 3, 12), 1),
        ("yesterday", dt.date(2024, 3, 13), 1),
        ("earlier this month", dt.date(2024, 3, 14), 3),
        ("last week", dt.date(2024, 3, 7), 2),
        ("on 9 January 2022", dt.date(2022, 1, 9), 1),
        ("three times in January", dt.date(2024, 1, 15), 3),  # the month only: coded to its middle
        ("in mid-February", dt.date(2024, 2, 15), 3),
        ("over the weekend", dt.date(2024, 3, 9), 2),  # the Saturday before a Thursday
        ("last weekend", dt.date(2024, 3, 9), 2),
        ("in the past week", dt.date(2024, 3, 11), 2),  # the middle of the last seven days
        ("earlier in the week", dt.date(2024, 3, 11), 2),
    ],
)
def test_dates_against_publication(phrase, expected, precision):
    found = find_dates(f"Gunmen attacked the village {phrase}.", DateContext.for_text(PUB, ""))
    assert [(d.date, d.precision) for d in found] == [(expected, precision)]


def test_a_weekend_read_on_a_weekend():
    saturday = DateContext.for_text(dt.date(2024, 3, 16), "")
    this = find_dates("Protesters marched over the weekend.", saturday)
    last = find_dates("Protesters marched last weekend.", saturday)
    assert [(d.date, d.precision) for d in this + last] == [(dt.date(2024, 3, 16), 2), (dt.date(2024, 3, 9), 2)]


def test_an_arrest_on_another_day_is_its_own_event():
    # Published on a Saturday: the second arrest was on Thursday, though the sentence also says "today".
    ex = RuleExtractor(use_spacy=False)
    art = Article(
        source="t",
        paragraphs=[
            "Police arrested the opposition leader in Harare today, his party said.",
            "The party's treasurer was charged in court today after being arrested on Thursday.",
        ],
        published=dt.date(2024, 3, 16),
    )
    arrests = sorted(e.event_date for e in ex.extract(art) if e.sub_event_type == "Arrests")
    assert arrests == [dt.date(2024, 3, 14), dt.date(2024, 3, 16)]


def test_future_date_dropped_and_text_reference_without_publication():
    assert find_dates("Talks are due on 20 March 2024.", DateContext.for_text(PUB, "")) == []
    ctx = DateContext.for_text(
        None, "On October 9, 2023, a strike hit Rafah. On October 10 a second one followed."
    )
    assert ctx.basis == "text"
    assert find_dates("On October 10 a second one followed.", ctx)[0].date == dt.date(2023, 10, 10)
    assert find_dates("announced on May 16", DateContext.for_text(PUB, ""))[0].announcement


@pytest.mark.parametrize(
    ("sentence", "value", "low", "high"),
    [
        ("At least 21 soldiers were killed in the ambush.", 21, None, None),
        ("Dozens of people were killed when the market was shelled.", 12, None, None),
        ("The raid killed between 3 and 7 civilians.", 3, 3, 7),
        ("Tens of fighters died in the clashes.", 10, None, None),
        ("Hundreds were killed, residents said.", 100, None, None),
        ("Several villagers were killed.", 3, None, None),
        ("Four people were injured in the blast.", None, None, None),
        ("Two soldiers were killed and nine wounded.", 2, None, None),
    ],
)
def test_fatalities(sentence, value, low, high):
    f = find_fatalities(sentence)
    assert (f.value, f.low, f.high) == (value, low, high)


def test_absurd_figure_rejected():
    f = find_fatalities("The regime said 1,000,000,000 killed in the strike.")
    assert f.value is None and f.rejected
    assert parse_number("twenty-one") == 21 and parse_number("1,200") == 1200


def test_actor_normalisation_and_foreign_forces():
    actors, countries = ActorDictionary.load(), CountryLexicon.load()
    syria = countries.get("Syria")
    names = {m.text: resolve(m.entry, syria) for m in actors.find("VKS jets and Daesh cells near NDF posts")}
    assert names["VKS"].inter == 8 and names["VKS"].name.startswith("Military Forces of Russia")
    assert names["Daesh"].name == "Islamic State (Syria)"
    assert names["NDF"].name == "National Defense Forces" and names["NDF"].inter == 3


def test_user_actor_file(tmp_path):
    user = tmp_path / "mine.toml"
    user.write_text(
        '[[actor]]\nname = "Desert Hawks Brigade"\ninter = 3\ncountry = "Syria"\naliases = ["Desert Hawks"]\n'
    )
    ex = RuleExtractor(actor_files=[user])
    art = Article(source="t", published=PUB, paragraphs=[
        "Fighters of the Desert Hawks clashed with Islamic State militants near Palmyra on Monday, killing five."])  # fmt: skip
    (event,) = ex.extract(art)
    assert "Desert Hawks Brigade" in (event.actor1, event.actor2)
    bad = tmp_path / "bad.toml"
    bad.write_text('[[actor]]\nname = "X"\ninter = 12\naliases = ["x"]\n')
    with pytest.raises(ConfigError):
        ActorDictionary.load([bad])


def test_empty_and_foreign_text_say_why(extractor):
    empty = extractor.extract_events(Article(source="e", paragraphs=[]))
    assert empty.events == [] and empty.skipped_reason == "empty body"
    french = extractor.extract_events(Article(source="f", paragraphs=[
        "Des frappes aériennes russes ont détruit trois bases dans la province de Homs, selon le ministère."]))  # fmt: skip
    assert french.events == [] and french.language == "non-en" and french.skipped_reason


def test_registry_pickle_and_isolated_failure():
    import pickle

    ex = get_extractor("frontwire-rules")
    clone = pickle.loads(pickle.dumps(ex))
    assert clone.name == "frontwire-rules" and clone._state is None

    class Broken(Article):
        @property
        def body(self) -> str:
            raise RuntimeError("boom")

    good = Article(source="ok", published=PUB, paragraphs=["Police arrested three men in Kano on Monday."])
    results = list(run_extractor(clone, [Broken(source="bad"), good]))
    assert results[0].error and "boom" in results[0].error
    assert results[1].ok and results[1].events[0].sub_event_type == "Arrests"
