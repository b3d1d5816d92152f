"""Event notes in the style conflict monitors write them: what a user sees when such a note is coded.

The notes were written for these tests (invented events in real places, ACLED's note form: a dating
clause, "Place (district, region)", a toll line, "[size=...]", a label such as "Looting:"); none comes
from an evaluation set or from corpus/notes-dev.
"""

from __future__ import annotations

import datetime as dt

import pytest

from frontwire.events import RuleExtractor, base_name
from frontwire.records import Article, EventMention


def _main(extractor: RuleExtractor, note: str) -> EventMention:
    events = extractor.extract(Article(source="note", paragraphs=[note]))
    assert events, f"no event coded from {note!r}"
    return events[0]


@pytest.mark.parametrize(
    ("note", "fatalities"),
    [
        (
            "On 3 February 2024, Al Shabaab militants attacked a military base in Bulo Marer (Marka, Lower "
            "Shabelle). Soldiers repelled the assault. 4 fatalities.",
            4,
        ),
        ("On 9 April 2023, gunmen killed a farmer in Kwall village (Bassa, Plateau). 1 fatality.", 1),
        (
            "On 5 June 2023, Fano militiamen and ENDF troops fought in Debre Birhan (Debre Birhan, Amhara). "
            "Fatalities coded as 6.",
            6,
        ),
        (
            "Looting: On 14 May 2024, unidentified gunmen looted shops and livestock in Tin-Akoff "
            "(Tin-Akoff, Oudalan). No fatalities reported.",
            0,
        ),
        (
            "On 6 May 2024, ISWAP fighters killed nine herders near Gubio (Gubio, Borno). 9 fatalities "
            "(8 herders and 1 child).",
            9,
        ),
    ],
)
def test_a_notes_own_toll_line_gives_the_fatalities(extractor: RuleExtractor, note: str, fatalities: int):
    assert _main(extractor, note).fatalities == fatalities


def test_fatalities_unknown_stays_unknown(extractor: RuleExtractor):
    ev = _main(
        extractor,
        "On 8 July 2023, RSF and SAF forces clashed in Kutum (Kutum, North Darfur). Fatalities unknown.",
    )
    assert (ev.sub_event_type, ev.fatalities) == ("Armed clash", None)


def test_a_toll_line_alone_is_no_event(extractor: RuleExtractor):
    assert extractor.extract(Article(source="note", paragraphs=["No fatalities reported."])) == []


def test_the_clash_is_dated_by_the_notes_dating_clause(extractor: RuleExtractor):
    ev = _main(
        extractor,
        "On 5 June 2023, Fano militiamen and ENDF troops fought in Debre Birhan (Debre Birhan, Amhara). "
        "Fatalities coded as 6.",
    )
    assert ev.event_date == dt.date(2023, 6, 5)
    assert (base_name(ev.actor1), base_name(ev.actor2 or "")) == ("Fano Militia", "Military Forces of Ethiopia")


@pytest.mark.parametrize(
    ("note", "sub_type"),
    [
        # Protests told only by the gathering, with the size tag of the notes.
        (
            "On 2 July 2023, around 150 nurses held a sit-in in front of the health ministry in Nairobi "
            "(Nairobi, Nairobi) demanding the payment of salary arrears. [size=around 150]",
            "Peaceful protest",
        ),
        (
            "On 12 May 2024, traders gathered outside the municipal market in Kano (Kano Municipal, Kano) "
            "demanding lower levies. [size=no report]",
            "Peaceful protest",
        ),
        # "Non-violent activity:" is no riot, whatever "violent" spells.
        (
            "Non-violent activity: On 1 March 2024, activists staged a silent sit-in outside the courthouse "
            "in Istanbul (Beyoglu, Istanbul). [size=dozens]",
            "Peaceful protest",
        ),
        # What the protest is about does not hide what the demonstrators did.
        (
            "On 20 August 2024, students protesting against a fee increase threw stones at police and set a "
            "bus on fire in Kumasi (Kumasi Metropolitan, Ashanti). [size=no report]",
            "Violent demonstration",
        ),
        # The label of the note decides what its verbs leave open.
        (
            "Property destruction: On 30 April 2024, militants burned down a mobile phone mast in Djibasso "
            "(Djibasso, Kossi).",
            "Looting/property destruction",
        ),
        (
            "Weapons seizure: On 17 May 2024, soldiers recovered rifles and rocket launchers from a camp "
            "near Kainuk (Turkana South, Turkana).",
            "Disrupted weapons use",
        ),
        # An organised armed group with machetes is no mob; its victim after the verb makes an attack.
        (
            "On 6 May 2024, ISWAP fighters killed nine herders with machetes near Gubio (Gubio, Borno). "
            "9 fatalities.",
            "Attack",
        ),
        (
            "On 13 January 2024, Al Shabaab militants shot dead a local chief in Balcad (Balcad, Middle "
            "Shabelle). 1 fatality.",
            "Attack",
        ),
        (
            "On 19 March 2024, the Taliban imposed a ban on music at weddings in Herat (Herat, Herat).",
            "Change to group/activity",
        ),
    ],
)
def test_note_sub_types(extractor: RuleExtractor, note: str, sub_type: str):
    assert _main(extractor, note).sub_event_type == sub_type


def test_a_dispersal_told_of_the_same_protesters_codes_it_with_the_police_as_actor2(extractor: RuleExtractor):
    events = extractor.extract(
        Article(
            source="note",
            paragraphs=[
                "On 11 March 2024, residents demonstrated in Kisumu (Kisumu Central, Kisumu) against the "
                "killing of a boda boda rider. They were dispersed by police with tear gas. [size=no report]"
            ],
        )
    )
    assert len(events) == 1, "the dispersal is the same protest, not a second event"
    ev = events[0]
    assert ev.sub_event_type == "Protest with intervention"
    assert (ev.actor1, base_name(ev.actor2 or "")) == ("Protesters (Kenya)", "Police Forces of Kenya")


def test_a_strike_on_homes_names_the_civilians_hit(extractor: RuleExtractor):
    ev = _main(
        extractor,
        "On 4 May 2024, Russian forces shelled residential houses in Kupiansk (Kupiansk, Kharkiv). "
        "2 fatalities.",
    )
    assert ev.sub_event_type == "Shelling/artillery/missile attack"
    assert (base_name(ev.actor1), ev.actor2, ev.fatalities) == (
        "Military Forces of Russia",
        "Civilians (Ukraine)",
        2,
    )


def test_a_terse_note_full_of_names_is_read_as_english(extractor: RuleExtractor):
    # Few English function words ("On" is the only one): the language check asks py3langid before refusing.
    note = (
        "Interception: On 9 May 2024, air defence units shot down two drones over Belgorod (Belgorod, "
        "Belgorod). No fatalities reported."
    )
    event = _main(extractor, note)
    assert event.sub_event_type == "Disrupted weapons use"
    assert event.event_date == dt.date(2024, 5, 9)


def test_a_french_note_is_still_not_coded(extractor: RuleExtractor):
    note = "Le 9 mai 2024, des hommes armés ont attaqué un poste de police près de Kaya, selon des témoins."
    assert extractor.extract(Article(source="note", paragraphs=[note])) == []


@pytest.mark.parametrize(
    ("note", "sub_type"),
    [
        # an irregular past with a prefix ("retook") is a past form
        (
            "On 3 June 2024, soldiers retook Dalori (Konduga, Borno) from ISWAP fighters after a gun battle.",
            "Government regains territory",
        ),
        # a note that opens on its day tells what happened that day, whatever its verb's shape
        (
            "On 14 February 2025, the Arakan Army announced the dissolution of its police wing in Kyaukphyu "
            "(Kyaukphyu, Rakhine).",
            "Change to group/activity",
        ),
        # a vehicle "carrying" people is not arms described: the blast is the event
        (
            "On 8 April 2024, militants blew up a bus carrying police officers with an IED near Wana "
            "(South Waziristan, Khyber Pakhtunkhwa). 5 fatalities.",
            "Remote explosive/landmine/IED",
        ),
    ],
)
def test_dated_notes_are_not_read_as_statements_or_descriptions(
    extractor: RuleExtractor, note: str, sub_type: str
):
    assert _main(extractor, note).sub_event_type == sub_type


def test_a_declared_blockade_is_an_act_not_a_speech_frame(extractor: RuleExtractor):
    note = "JNIM imposed a blockade on Djibo, residents said. The group declared a curfew on the town on Friday."
    events = extractor.extract(Article(source="note", paragraphs=[note]))
    assert [e.sub_event_type for e in events][:1] == ["Change to group/activity"]


@pytest.mark.parametrize(
    ("note", "place"),
    [
        (
            "On 3 May 2024, Russian forces shelled Mykolaiv city (Mykolaiv, Mykolaiv). 2 fatalities.",
            "Mykolaiv city (Mykolaiv, Mykolaiv)",
        ),
        (
            "On 5 June 2023, hundreds gathered in Aden - Crater (Sirah, Aden) to denounce power cuts.",
            "Aden - Crater (Sirah, Aden)",
        ),
    ],
)
def test_a_place_written_with_its_kind_or_part_keeps_its_areas(extractor: RuleExtractor, note: str, place: str):
    assert _main(extractor, note).location_text == place


def test_demonstrators_gathering_to_denounce_something_is_a_protest(extractor: RuleExtractor):
    note = "On 5 June 2023, students gathered in Dhaka (Dhaka, Dhaka) to denounce the killing of a classmate."
    assert _main(extractor, note).sub_event_type == "Peaceful protest"
    boycott = "On 6 June 2023, students boycotted classes in Sylhet (Sylhet, Sylhet) to denounce a fee rise."
    assert _main(extractor, boycott).sub_event_type == "Peaceful protest"
    statement = "The government condemned the protest in Dhaka."
    assert extractor.extract(Article(source="note", paragraphs=[statement])) == []


def test_a_party_announcing_its_own_change_of_activity_is_its_actor(extractor: RuleExtractor):
    note = "On 14 February 2025, JNIM militants declared a blockade of Djibo (Djibo, Soum)."
    event = _main(extractor, note)
    assert event.sub_event_type == "Change to group/activity"
    assert base_name(event.actor1).startswith("JNIM")


def test_an_armed_party_reporting_its_own_act_is_its_actor(extractor: RuleExtractor):
    events = extractor.extract(
        Article(source="t", paragraphs=["The RSF said on Tuesday that its fighters had shot down a drone over Nyala."])
    )
    assert [(e.actor1, e.attribution) for e in events] == [("Rapid Support Forces", "claimed")]
    witnesses = "Residents said they had fled after gunmen attacked the village of Kuriga in Kaduna state on Thursday."
    (attack,) = extractor.extract(Article(source="t", paragraphs=[witnesses]))
    assert attack.actor1.startswith("Unidentified Armed Group")
