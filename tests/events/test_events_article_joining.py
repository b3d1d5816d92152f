"""One event per real event: what the article-level join folds into the event it belongs to (issue 12).

Sentences here are written for these tests, from how wire copy tells a clash and its aftermath."""

from __future__ import annotations

import datetime as dt

import pytest

from frontwire.events.consolidate import consolidate
from frontwire.events.dates import DateContext
from frontwire.events.rules.filters import non_event_reason
from frontwire.events.rules.timeframe import background_reason
from frontwire.pipeline import Pipeline
from frontwire.records import Article, EventMention, Evidence, Location

PUB = dt.date(2024, 5, 9)

_TYPES = {
    "Armed clash": "Battles",
    "Air/drone strike": "Explosions/Remote violence",
    "Attack": "Violence against civilians",
    "Disrupted weapons use": "Strategic developments",
}


def _at(place: str, country: str, geonameid: int | None = None, precision: int = 1) -> Location:
    return Location(location=place, geonameid=geonameid, country=country, geo_precision=precision)


def _mention(
    sub_type: str, text: str, start: int, place: Location, location_text: str | None = None, day: int = 3
) -> EventMention:
    return EventMention(
        event_date=dt.date(2025, 6, day),
        time_precision=1,
        event_type=_TYPES[sub_type],
        sub_event_type=sub_type,
        actor1="Unidentified",
        location_text=location_text if location_text is not None else place.location,
        evidence=[Evidence(text=text, start=start, end=start + len(text))],
        place=place,
    )


def test_weapons_recovered_after_a_clash_join_the_clash() -> None:
    clash = _mention(
        "Armed clash", "Soldiers fought rebels near Tarlac on Friday, leaving three dead.", 0,
        _at("Tarlac", "Philippines", 11),
    )
    haul = _mention(
        "Disrupted weapons use", "Rifles and a grenade launcher were recovered when the gunmen fled.", 80,
        _at("Philippines", "Philippines", 12, 3),
    )
    merged = consolidate([clash, haul])
    assert [(m.sub_event_type, m.location_text) for m in merged] == [("Armed clash", "Tarlac")]
    assert len(merged[0].evidence) == 2


def test_an_interception_told_first_joins_the_strike_and_the_strike_keeps_its_coding() -> None:
    shot_down = _mention(
        "Disrupted weapons use", "Most of the drones were shot down, the air force said.", 0,
        _at("Israel", "Israel", 5, 3),
    )
    strike = _mention(
        "Air/drone strike", "One drone hit a warehouse in Eilat on Tuesday.", 60, _at("Eilat", "Israel", 6)
    )
    merged = consolidate([shot_down, strike])
    assert [(m.sub_event_type, m.location_text) for m in merged] == [("Air/drone strike", "Eilat")]
    assert [e.start for e in merged[0].evidence] == [0, 60]


def test_a_seizure_elsewhere_or_a_hand_over_stays_its_own_event() -> None:
    clash = _mention(
        "Armed clash", "Troops clashed with bandits in Zamfara on Monday.", 0, _at("Zamfara", "Nigeria", 21, 2)
    )
    handed_the_same_day = _mention(
        "Disrupted weapons use", "A militia handed over its rifles.", 40, _at("Nigeria", "Nigeria", 23, 3)
    )
    assert len(consolidate([clash, handed_the_same_day])) == 2
    seized = _mention(
        "Disrupted weapons use", "In Kano, customs officers seized 40 pistols hidden in a lorry.", 70,
        _at("Kano", "Nigeria", 22),
    )
    handed = _mention(
        "Disrupted weapons use", "A militia handed over its rifles to the district office.", 150,
        _at("Nigeria", "Nigeria", 23, 3), day=4,
    )
    next_day = _mention(
        "Disrupted weapons use", "Rifles were recovered by police.", 200, _at("Nigeria", "Nigeria", 23, 3),
        day=5,
    )
    merged = consolidate([clash, seized, handed, next_day])
    assert [m.sub_event_type for m in merged] == ["Armed clash"] + ["Disrupted weapons use"] * 3


def _events(pipeline: Pipeline, *paragraphs: str) -> list[EventMention]:
    article = Article(source="t", title=paragraphs[0], paragraphs=list(paragraphs), published=PUB)
    return pipeline.code(article).events


def test_a_march_against_the_killings_is_an_event_of_its_own(pipeline: Pipeline) -> None:
    events = _events(
        pipeline,
        "Gunmen killed 12 villagers in Tsafe in Zamfara state on Monday, police said.",
        "On Wednesday, hundreds of residents marched through Gusau with placards reading \"End the killings\".",
    )
    assert sorted(e.event_type for e in events) == ["Protests", "Violence against civilians"]


def test_a_sentence_opening_on_its_own_date_starts_another_event(pipeline: Pipeline) -> None:
    events = _events(
        pipeline,
        "Gunmen killed 12 villagers in Tsafe in Zamfara state on May 6, police said.",
        "On April 20, gunmen killed nine people in Maru, a nearby district.",
    )
    assert sorted((e.event_date.month, e.event_date.day) for e in events) == [(4, 20), (5, 6)]


def test_an_act_the_story_is_measured_from_is_background() -> None:
    ctx = DateContext.for_text(PUB, "")
    assert background_reason(PUB, "The raid came three weeks after an ambush near Kidal.", ctx)
    assert background_reason(PUB, "The shelling follows months after a truce in the region.", ctx)
    # Hours after: possibly the same day, a second event of the story.
    assert background_reason(PUB, "The strike came hours after an ambush near Kidal.", ctx) is None


def _region(name: str, admin1: str) -> Location:
    return Location(location=admin1, geonameid=None, country="Syria", admin1=admin1, geo_precision=3)


def _town(name: str, geonameid: int, admin1: str) -> Location:
    return Location(location=name, geonameid=geonameid, country="Syria", admin1=admin1, geo_precision=1)


def test_a_strike_told_at_its_region_and_at_its_town_is_one_event() -> None:
    strike = "Air/drone strike"
    headline = _mention(strike, "Drone strike on northern Idlib's Sarmada kills four", 0,
                        _region("northern Idlib", "Idlib"), "northern Idlib")
    body = _mention(strike, "A drone hit a market in Sarmada on Tuesday, killing four.", 60,
                    _town("Sarmada", 7, "Idlib"))
    merged = consolidate([headline, body])
    assert [(m.location_text, len(m.evidence)) for m in merged] == [("Sarmada", 2)]


def test_a_region_that_does_not_name_the_town_or_holds_another_stays_apart() -> None:
    strike = "Air/drone strike"
    unnamed = _mention(strike, "Drones struck across northern Idlib on Tuesday.", 0,
                       _region("northern Idlib", "Idlib"), "northern Idlib")
    town = _mention(strike, "A drone hit a market in Sarmada on Tuesday.", 60, _town("Sarmada", 7, "Idlib"))
    assert len(consolidate([unnamed, town])) == 2
    elsewhere = _mention(strike, "Drones struck rural Hama near Sarmada on Tuesday.", 0,
                         _region("rural Hama", "Hama"), "rural Hama")
    assert len(consolidate([elsewhere, town])) == 2


def test_an_article_that_tells_an_accident_codes_none_of_its_blasts(pipeline: Pipeline) -> None:
    events = _events(
        pipeline,
        "Blast at fireworks plant near Izmir kills seven; governor rules out sabotage",
        "An explosion ripped through the packing hall of the plant in Torbali on Monday morning, "
        "killing seven workers.",
        "Police detained the plant's owner on suspicion of causing death by negligence.",
    )
    assert events == []


def test_a_car_that_lost_control_is_a_crash_but_an_attack_recalled_beside_it_stays(pipeline: Pipeline) -> None:
    events = _events(
        pipeline,
        "Two cyclists were killed when a van hit them near Lyon on Monday.",
        "Police detained the driver, who they said lost control of his van on the wet road.",
        "On Sunday, gunmen shot dead a shopkeeper in Marseille, police said.",
    )
    assert [(e.event_type, e.location_text) for e in events] == [("Violence against civilians", "Marseille")]


def test_a_bombing_stays_when_nothing_says_accident(pipeline: Pipeline) -> None:
    events = _events(
        pipeline,
        "An explosion tore through a market in Torbali on Monday, killing seven people.",
        "Police said a bomb had been hidden in a parked car.",
    )
    assert [e.event_type for e in events] == ["Explosions/Remote violence"]



@pytest.mark.parametrize(
    "sentence",
    [
        # rules 0.8.9: a vehicle's mishap, told of soldiers or of civilians, is no act
        "Two soldiers were injured on Tuesday when their army truck overturned on a wet road near Butig while "
        "returning from a patrol, the army said.",
        "Two air force officers were killed on Tuesday when their helicopter crashed near Ismailia during a "
        "training flight, the army said.",
        "On Tuesday, a minibus carrying miners home skidded off the road near Toretsk after its brakes failed, "
        "killing two men.",
    ],
)
def test_a_vehicle_mishap_is_no_event(pipeline: Pipeline, sentence: str) -> None:
    assert _events(pipeline, sentence) == []


def test_a_vehicle_that_overturned_after_a_mine_is_a_blast(pipeline: Pipeline) -> None:
    events = _events(
        pipeline, "On Tuesday, an army truck overturned after hitting a landmine near Butig, killing two soldiers."
    )
    assert [e.sub_event_type for e in events] == ["Remote explosive/landmine/IED"]

@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("The visitors pinned Rovers back and bombarded the penalty area with crosses.", "sport"),
        ("Okafor struck a fierce shot on target that the goalkeeper tipped over.", "sport"),
        ("The film recreates the siege of the city with long battle scenes.", "fiction"),
        ("In the game's second act the player raids a rebel fort at night.", "fiction"),
        ("Over the weekend my convoy was ambushed by raiders dozens of times.", "aggregate"),
        # rules 0.8.9
        ("Rovers struck first in the 12th minute when Okafor fired a low shot past the keeper.", "sport"),
        ("The Ethiopians attacked from the gun and led the 10,000m on Sunday.", "sport"),
        ("The senate braces for a battle over the impeachment of the governor after Friday's ruling.", "figurative"),
        ("City health teams launched an all-out offensive against dengue on Monday.", "figurative"),
        ("The coalition survived a budget battle on Tuesday as the junior partner backed down.", "figurative"),
        ("The opposition leader launched a blistering attack on the government at a rally on Sunday.", "criticism"),
        ("A logistics firm in the port was hit by a ransomware attack on Sunday that froze its bookings.", "illness"),
        ("Swarms of locusts have attacked pasture and crops in three counties since Monday.", "illness"),
    ],
)
def test_words_of_violence_in_play_fiction_and_repetition_report_no_occurrence(sentence: str, reason: str) -> None:
    assert reason in (non_event_reason(sentence) or "")


@pytest.mark.parametrize(
    "sentence",
    [
        "Rebels shelled the stadium in Goma during a match on Sunday, killing two fans.",
        "Troops launched a counter-attack on the rebel position near Kidal on Friday.",
    ],
)
def test_violence_near_a_pitch_or_a_counter_attack_still_reports_an_occurrence(sentence: str) -> None:
    assert non_event_reason(sentence) is None


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("Union leaders called for a nationwide strike next Wednesday.", "plan"),
        ("The student council urged members to march on the ministry on Friday.", "plan"),
        # rules 0.8.9: a crowd still to come
        ("Leaders of the displaced families said they would hold a rally outside the governor's office.", "plan"),
        ("The farmers' unions said they planned a march on the capital to demand lower fuel prices.", "plan"),
        ("The opposition leader urged supporters to hold peaceful vigils in every district on Friday.", "plan"),
        ("Most of the groups said on Tuesday that they would not take to the streets on the anniversary.", "plan"),
        ("\"We are battling this outbreak street by street,\" the health minister said in Lilongwe.", "fight"),
        ("Crews have been fighting the fires north of the city since dawn.", "fight"),
    ],
)
def test_calls_for_protests_to_come_and_fights_against_ills_report_no_occurrence(sentence: str, reason: str) -> None:
    assert reason in (non_event_reason(sentence) or "")


def test_arrests_ahead_of_a_planned_rally_are_no_plan() -> None:
    # "a planned rally" names the rally the arrests came before; the arrests happened (rules 0.8.9)
    told = "Police arrested 15 opposition activists in the town of Bukavu on Monday ahead of a planned rally."
    assert "plan" not in (non_event_reason(told) or "")


def test_a_protest_that_was_held_still_reports_an_occurrence() -> None:
    assert non_event_reason("Thousands marched in Tbilisi on Sunday, calling for new elections.") is None
    held_and_called = "Hundreds rallied in Kutaisi on Sunday and called for another rally next week."
    assert non_event_reason(held_and_called) is None


def test_a_headline_that_tells_only_the_dead_joins_the_battle_the_body_tells() -> None:
    region = _at("Borno", "Nigeria", None, 3)
    headline = _mention("Attack", "Nine insurgents killed in gunfight near Bama", 0, region, "Bama")
    body = _mention("Armed clash", "Troops fought insurgents near Bama on Sunday, killing nine.", 50,
                    _at("Bama", "Nigeria", 31), day=1)
    merged = consolidate([headline, body])
    assert [(m.sub_event_type, m.event_date.day, len(m.evidence)) for m in merged] == [("Armed clash", 1, 2)]
    # A dated killing in the body is another event, and so is a headline that writes its own day.
    killing = _mention("Attack", "Gunmen killed a trader in Bama on Saturday.", 120, _at("Bama", "Nigeria", 31))
    dated_headline = _mention("Attack", "Nine killed near Bama on Saturday", 0, region, "Bama")
    assert len(consolidate([killing, body])) == 2
    assert len(consolidate([dated_headline, body])) == 2


def _arrests(text: str, start: int, place: Location) -> EventMention:
    ev = _mention("Attack", text, start, place)
    ev.event_type, ev.sub_event_type = "Strategic developments", "Arrests"
    return ev


def test_arrests_tallied_with_the_dead_of_a_raid_are_the_raid() -> None:
    raid = _mention("Armed clash", "Police stormed the Vila Nova slum on Thursday and fought gang members.", 0,
                    _at("Vila Nova", "Brazil", 41))
    tally = _arrests("Officers said 12 suspects died and 30 were arrested.", 80, _at("Brazil", "Brazil", 42, 3))
    campaign = _arrests("Police arrested 30 union leaders in the capital.", 140, _at("Brazil", "Brazil", 42, 3))
    merged = consolidate([raid, tally, campaign])
    assert [m.sub_event_type for m in merged] == ["Armed clash", "Arrests"]
    assert merged[1].evidence[0].start == 140


def test_a_quote_of_what_must_be_is_an_opinion_but_a_quoted_act_stays() -> None:
    opinion = "\"The bombing of markets must end now,\" the regional envoy said at a briefing in Nairobi."
    assert "opinion" in (non_event_reason(opinion) or "")
    act = "\"They shelled the market on Tuesday and we must bury eleven people,\" the mayor said."
    assert non_event_reason(act) is None


def test_every_region_level_telling_joins_the_town_once_one_of_them_took_its_place() -> None:
    strike = "Air/drone strike"
    headline = _mention(strike, "Drone strike on northern Idlib's Sarmada kills four", 0,
                        _region("northern Idlib", "Idlib"), "northern Idlib's Sarmada")
    lead = _mention(strike, "A drone struck Sarmada in Idlib province on Tuesday, monitors said.", 60,
                    _region("Idlib province", "Idlib"), "Idlib province")
    body = _mention(strike, "The drone hit a market in Sarmada, killing four.", 140, _town("Sarmada", 7, "Idlib"))
    merged = consolidate([headline, lead, body])
    assert [(m.location_text, len(m.evidence)) for m in merged] == [("Sarmada", 3)]


def _protest(sub_type: str, text: str, start: int, place: Location, day: int = 3) -> EventMention:
    ev = _mention("Attack", text, start, place, day=day)
    ev.event_type = "Riots" if sub_type == "Violent demonstration" else "Protests"
    ev.sub_event_type = sub_type
    return ev


def test_a_protest_and_its_turn_to_violence_are_one_event_coded_by_what_happened() -> None:
    # Codebook: protests are demonstrations whose participants are not violent; once the marchers throw
    # stones at the same place that day, the event is a violent demonstration, whichever was told first.
    square = _at("Yerevan", "Armenia", 51)
    march = _protest("Protest with intervention", "Police pushed back marchers in Yerevan on Monday.", 0, square)
    turned = _protest("Violent demonstration", "Some marchers threw stones at officers.", 60, square)
    next_day = _protest("Violent demonstration", "On Tuesday marchers threw stones again.", 120, square, day=4)
    merged = consolidate([march, turned, next_day])
    assert [(m.sub_event_type, m.event_date.day, len(m.evidence)) for m in merged] == [
        ("Violent demonstration", 3, 2), ("Violent demonstration", 4, 1)
    ]


def test_a_riot_told_only_at_country_level_does_not_recode_a_citys_march() -> None:
    # "Protesters clashed with police" with no place of its own may be another city's crowd.
    march = _protest("Peaceful protest", "Thousands marched in Gyumri on Monday.", 0, _at("Gyumri", "Armenia", 52))
    riot = _protest("Violent demonstration", "Protesters clashed with police.", 60, _at("Armenia", "Armenia", 9, 3))
    assert [m.sub_event_type for m in consolidate([march, riot])] == ["Peaceful protest"]


def test_cars_torched_at_a_riot_are_the_riot_and_an_arson_elsewhere_is_not() -> None:
    square = _at("Dhaka", "Bangladesh", 61)
    riot = _protest("Violent demonstration", "Students stormed the broadcaster's building in Dhaka.", 0, square)
    torched = _mention("Attack", "Several vehicles parked at the building were also torched.", 70, square)
    torched.event_type, torched.sub_event_type = "Strategic developments", "Looting/property destruction"
    elsewhere = _mention("Attack", "Rebels set fire to a school in Bandarban.", 140, _at("Bandarban", "Bangladesh", 62))
    elsewhere.event_type, elsewhere.sub_event_type = "Strategic developments", "Looting/property destruction"
    merged = consolidate([torched, riot, elsewhere])
    assert [(m.sub_event_type, m.location_text, len(m.evidence)) for m in merged] == [
        ("Violent demonstration", "Dhaka", 2), ("Looting/property destruction", "Bandarban", 1)
    ]



def test_shops_looted_in_a_raid_are_the_raid_and_looting_on_another_day_is_not(pipeline: Pipeline) -> None:
    # Codebook: looting and property destruction is coded on its own only when no other event holds it.
    raid = (
        "Gunmen kill nine in raid on village in Nigeria's Zamfara state",
        "Gunmen on motorcycles attacked the village of Kaura Namoda in Zamfara state on Tuesday, killing nine "
        "people, police said.",
        "The state governor condemned the killings and ordered more troops to the area.",
    )
    same_day = _events(
        pipeline, *raid,
        "Residents said the attackers looted shops and burned houses in Kaura Namoda before they fled.",
    )
    assert [(e.sub_event_type, len(e.evidence)) for e in same_day] == [("Attack", 3)]
    days_later = _events(
        pipeline, *raid,
        "On Thursday, gunmen looted shops and burned houses in Kaura Namoda, residents said.",
    )
    assert sorted(e.sub_event_type for e in days_later) == ["Attack", "Looting/property destruction"]

def _unknown(name: str, area: str = "Conakry") -> Location:
    note = f"{name!r} is not in the gazetteer; coded to the province the article is about"
    return Location(location=area, geonameid=None, country="Guinea", geo_precision=3, note=note)


def test_names_of_one_sentence_the_gazetteer_lacks_coded_to_one_area_are_one_event() -> None:
    told = "On Tuesday, youths set up barricades of burning tyres in the Hamdallaye and Bambeto neighbourhoods."
    first = _protest("Violent demonstration", told, 0, _unknown("Hamdallaye"))
    first.location_text = "Hamdallaye"
    second = _protest("Violent demonstration", told, 0, _unknown("Bambeto"))
    second.location_text = "Bambeto"
    assert [m.location_text for m in consolidate([first, second])] == ["Hamdallaye"]


def test_names_the_gazetteer_lacks_told_in_two_sentences_stay_two_events() -> None:
    # A second attack told apart ("a subsequent attack at the metro station") is another act, though both
    # names fall back to one province.
    airport, metro = "A bomb exploded at Zaventem airport.", "There was a subsequent attack at Maelbeek station."
    a = _mention("Attack", airport, 0, _unknown("Zaventem airport", "Brussels"), "Zaventem airport")
    b = _mention("Attack", airport, 0, _unknown("Maelbeek", "Brussels"), "Maelbeek")
    b.evidence.append(Evidence(text=metro, start=40, end=40 + len(metro)))
    a.evidence.append(Evidence(text=metro, start=40, end=40 + len(metro)))
    assert [m.location_text for m in consolidate([a, b])] == ["Zaventem airport", "Maelbeek"]


def _plateau(note: str) -> Location:
    return Location(location="Plateau", country="Nigeria", admin1="Plateau", geo_precision=3, note=note)


def test_an_unknown_district_and_the_state_written_around_it_are_one_event() -> None:
    told = "Gunmen killed 12 villagers in Bassa Local Government Area of Plateau State on Sunday."
    unknown = "'Bassa Local Government Area' is not in the gazetteer; coded to the region the text places it in"
    district = _mention("Attack", told, 0, _plateau(unknown), "Bassa Local Government Area")
    state = _mention("Attack", told, 0, _plateau("a region: coded to Plateau"), "Plateau State")
    assert [m.location_text for m in consolidate([district, state])] == ["Bassa Local Government Area"]
    # The state told by a sentence of its own may be another attack there.
    later = "Gunmen also attacked a village in Plateau State on Sunday."
    elsewhere = _mention("Attack", later, 90, _plateau("a region: coded to Plateau"), "Plateau State")
    district = _mention("Attack", told, 0, _plateau(unknown), "Bassa Local Government Area")
    assert len(consolidate([district, elsewhere])) == 2


def _town_in(name: str, geonameid: int, country: str, admin1: str) -> Location:
    return Location(location=name, geonameid=geonameid, country=country, admin1=admin1, geo_precision=1)


def test_a_province_written_after_its_town_is_no_place_of_its_own() -> None:
    # "Texas" read as a Mexican hamlet: the name qualifies El Paso, whatever it was coded to.
    told = "A gunman opened fire at a nightclub in El Paso, Texas, on Sunday, killing four."
    qualifier = _mention("Attack", told, 0, _town_in("Texas", 2, "Mexico", "Hidalgo"))
    town = _mention("Attack", told, 0, _town_in("El Paso", 1, "United States", "Texas"))
    merged = consolidate([qualifier, town])
    assert [(m.location_text, m.place.country if m.place else None) for m in merged] == [
        ("El Paso", "United States")
    ]


def test_the_next_town_of_a_list_stays_a_place_of_its_own() -> None:
    told = "Gunmen attacked checkpoints in Mosul, Kirkuk and Tikrit on Sunday."
    mosul = _mention("Attack", told, 0, _town_in("Mosul", 1, "Iraq", "Nineveh"))
    kirkuk = _mention("Attack", told, 0, _town_in("Kirkuk", 2, "Iraq", "Kirkuk"))
    assert [m.location_text for m in consolidate([mosul, kirkuk])] == ["Mosul", "Kirkuk"]


@pytest.mark.parametrize(
    "other",
    [
        "Smaller rallies were held in Gulu and Mbarara, according to the organisers.",
        "Protests were also reported in Gulu and Mbarara, local radio said.",
    ],
)
def test_the_same_act_told_at_other_places_is_an_event_at_each(extractor, other):
    paragraphs = [
        "KAMPALA - Thousands of opposition supporters rallied in central Kampala and at least two other towns "
        "on Saturday to demand the release of their leader.",
        # the Jinja rally is dated by its avenue's past, and dropped as background: the rallies told after it
        # at other places are events of their own, not a part of it
        "In Jinja, around 5,000 people held a rally on Main Street, where the 1986 uprising was crushed by the "
        "army. " + other,
    ]
    article = Article(source="t", paragraphs=paragraphs, published=PUB)
    places = {e.location_text or "" for e in extractor.extract_events(article).events}
    assert {"Gulu", "Mbarara"} <= places


def test_a_protest_retold_at_its_own_place_stays_one_event(extractor):
    text = (
        "Thousands of opposition supporters marched through Kampala on Saturday to demand the release of their "
        "leader. Protesters in Kampala also held a rally outside the court."
    )
    events = extractor.extract_events(Article(source="t", paragraphs=[text], published=PUB)).events
    assert [e.location_text for e in events] == ["Kampala"]
