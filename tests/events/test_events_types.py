"""One snippet we wrote per kind of event, coded end to end."""

import datetime as dt

import pytest

from frontwire.records import Article

PUB = dt.date(2024, 3, 14)


@pytest.mark.parametrize(
    ("text", "sub_type", "actor1_prefix"),
    [
        ("Hundreds of teachers protested peacefully outside the ministry in Kano on Monday, demanding unpaid salaries.",
         "Peaceful protest", "Protesters (Nigeria)"),
        ("Riot police fired tear gas to disperse students protesting in Khartoum on Tuesday.",
         "Protest with intervention", None),
        ("Protesters threw stones and torched two police vehicles in Nablus on Sunday.", "Violent demonstration", None),
        ("A roadside bomb exploded under a Somali army convoy near Baidoa on Wednesday, killing two soldiers.",
         "Remote explosive/landmine/IED", None),
        ("Russian forces shelled residential areas of Kharkiv overnight, killing three civilians.",
         "Shelling/artillery/missile attack", "Military Forces of Russia"),
        ("Gunmen abducted 15 villagers from a farm in Zamfara on Saturday.", "Abduction/forced disappearance", None),
        ("Police arrested three men in Kano on Monday for the attack.", "Arrests", None),
        ("Rapid Support Forces captured the town of El Fasher on Friday after heavy fighting.",
         "Non-state actor overtakes territory", "Rapid Support Forces"),
        # The armed word names who killed, not who was hit: soldiers killing civilians is an attack.
        ("Burkinabe soldiers shot dead 30 civilians in the village of Karma on Thursday.", "Attack",
         "Military Forces of Burkina Faso"),
        ("Militants attacked an army post near Kidal on Monday, killing three soldiers.", "Armed clash", None),
        # The weapon names its user: Russian shelling is Russia's forces, not an unidentified group.
        ("Russian shelling killed seven civilians in Kherson on Monday, the regional governor said.",
         "Shelling/artillery/missile attack", "Military Forces of Russia"),
        ("A Russian warplane struck the outskirts of Sarmada on Friday, killing two civilians.",
         "Air/drone strike", "Military Forces of Russia"),  # one warplane names its air force as several do
        # What is shot down decides: a weapon in flight is an interception, an airliner hit by a missile an attack.
        ("Air defences shot down 13 of the 15 Shahed drones launched at Odesa overnight, the air force said.",
         "Disrupted weapons use", None),
        ("A military transport plane was shot down by a surface-to-air missile over Donetsk on Thursday.",
         "Shelling/artillery/missile attack", None),
        # A checkpoint, a post or a base is held by armed men: an attack on one is a clash with them.
        ("Twelve people were killed in a militant attack on a security checkpoint in Aden on Friday.",
         "Armed clash", None),
        # An ambush on soldiers is a clash; one on a bus or a pickup carrying farmers is an attack on civilians.
        ("Gunmen ambushed an army patrol near Gao on Monday, killing four soldiers.", "Armed clash", None),
        ("Gunmen ambushed a commercial bus near Gao on Monday, killing the driver and two passengers.",
         "Attack", None),
        ("Bandits ambushed a pickup truck carrying farmers near Gusau on Monday, killing three.", "Attack", None),
    ],
)  # fmt: skip
def test_event_types(extractor, text, sub_type, actor1_prefix):
    events = extractor.extract(Article(source="s", published=PUB, paragraphs=[text]))
    assert events, text
    assert events[0].sub_event_type == sub_type
    if actor1_prefix:
        assert events[0].actor1.startswith(actor1_prefix)


def test_not_events(extractor):
    text = (
        "Militants usually attack convoys on this road. Attacks increased in recent weeks. "
        "The group threatened to bomb the capital. Footage posted online showed the airstrikes."
    )
    assert extractor.extract(Article(source="n", published=PUB, paragraphs=[text])) == []
