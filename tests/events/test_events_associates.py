"""Associated actors: allies acting with the initiator (assoc_actor_1), who the victims are
(assoc_actor_2) and who demonstrates (assoc_actor_1 of protesters).

Snippets written for these tests in the style of wire reports; no evaluation text.
"""

from __future__ import annotations

import datetime as dt
import pickle
from pathlib import Path

import pytest

from frontwire.errors import ConfigError
from frontwire.events import RuleExtractor, base_name
from frontwire.events.actors import CountryLexicon
from frontwire.events.naming import PlaceNaming
from frontwire.events.rules.associates import IdentityTable
from frontwire.records import Article, EventMention

PUB = dt.date(2024, 5, 20)


def _events(extractor: RuleExtractor, *paragraphs: str) -> list[EventMention]:
    return extractor.extract(Article(source="t", paragraphs=list(paragraphs), published=PUB))


def _one(extractor: RuleExtractor, text: str) -> EventMention:
    (ev,) = _events(extractor, text)
    return ev


# --- who the victims are ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "actor2", "assoc2"),
    [
        (
            "Two journalists were killed on Monday when an Israeli airstrike hit their car in Khan Younis.",
            "Civilians (Palestine)", "Journalists (Palestine)",
        ),
        (
            "An Israeli airstrike killed five people, including two journalists, in Gaza City on Sunday.",
            "Civilians (Palestine)", "Journalists (Palestine)",
        ),
        (
            "Gunmen attacked farmers in Benue State, Nigeria, on Tuesday, killing seven.",
            "Civilians (Nigeria)", "Farmers (Nigeria)",
        ),
        (
            "Two nurses and a paramedic were wounded when shells hit an ambulance in Kharkiv, Ukraine on "
            "Sunday, doctors said.",  # the nurses and the paramedic, not the doctors who said so
            "Civilians (Ukraine)", "Health Workers (Ukraine)",
        ),
        (
            "Suspected militants shot dead three women and a teacher near Maiduguri, Nigeria on Monday.",
            "Civilians (Nigeria)", "Women (Nigeria); Teachers (Nigeria)",  # several, joined as ACLED does
        ),
        (
            "Gunmen killed six farmers near their fields in Zamfara, Nigeria on Sunday, police said.",
            "Civilians (Nigeria)", "Farmers (Nigeria)",  # "police" says it: the farmers are not speakers
        ),
    ],
)  # fmt: skip
def test_victims_identity_is_assoc_actor_2(extractor, text, actor2, assoc2):
    ev = _one(extractor, text)
    assert (ev.actor2, ev.assoc_actor_2, ev.inter2) == (actor2, assoc2, 7)
    assert ev.assoc_actor_1 is None


@pytest.mark.parametrize(
    "text",
    [
        "An Israeli airstrike killed four people in Rafah on Tuesday, a doctor at the Kuwaiti hospital said.",
        "An airstrike in Rafah killed four civilians on Tuesday, according to journalists at the scene.",
        # The addressee is the sentence's only civilian mention, so roles.py makes it the target.
        "An Israeli strike on a house in Rafah killed 12 on Tuesday, a health official told journalists.",
        # The speaker is not the claimant here (the ministry is), and roles.py makes it the target.
        "According to the health ministry, an Israeli strike killed 12 in Rafah on Tuesday, and paramedics "
        "said more bodies lay under the rubble.",
        "Gunmen killed the brother of a local journalist in Kano, Nigeria on Saturday.",
    ],
)
def test_speakers_addressees_and_relatives_are_not_victims(extractor, text):
    ev = _one(extractor, text)
    assert ev.actor2 is not None and ev.actor2.startswith("Civilians")
    assert ev.assoc_actor_2 is None


def test_the_doctor_who_reports_the_deaths_is_not_an_associated_actor(extractor):
    ev = _one(
        extractor,
        "An Israeli airstrike killed three people, including a nurse, in Deir al-Balah on Saturday, "
        "a doctor at al-Aqsa hospital said.",
    )
    assert ev.assoc_actor_2 == "Health Workers (Palestine)"  # the nurse: one identity, named once
    (other,) = _events(
        extractor,
        "Doctors at Nasser hospital said an Israeli strike killed six people in Khan Younis on Friday.",
    )
    assert other.assoc_actor_2 is None


def test_identity_needs_a_civilian_target(extractor):
    """Identities are the civilians' side: a battle between armed groups gets none."""
    ev = _one(
        extractor, "Syrian troops clashed with ISIS fighters near a farmers' market in Palmyra on Friday."
    )
    assert ev.event_type == "Battles" and ev.assoc_actor_2 is None


def test_a_mob_victim_is_a_victim_not_a_rioter(extractor):
    ev = _one(
        extractor,
        "A mob beat a woman to death in Lahore, Pakistan, on Friday after accusing her of blasphemy.",
    )
    assert (ev.event_type, ev.actor1, ev.assoc_actor_1) == ("Riots", "Rioters (Pakistan)", None)
    assert ev.assoc_actor_2 == "Women (Pakistan)"


# --- who demonstrates ---------------------------------------------------------------------------
def test_students_protest(extractor):
    ev = _one(
        extractor,
        "Hundreds of students protested in Abuja, Nigeria on Monday against a rise in tuition fees.",
    )
    assert (ev.event_type, ev.actor1, ev.inter1) == ("Protests", "Protesters (Nigeria)", 6)
    assert ev.assoc_actor_1 == "Students (Nigeria)"
    assert "(with" not in ev.notes  # the notes name allies, not who demonstrated


def test_the_cause_of_a_protest_is_not_its_participants(extractor):
    ev = _one(
        extractor, "Lawyers marched in Islamabad, Pakistan on Tuesday to protest the arrest of journalists."
    )
    assert ev.assoc_actor_1 == "Lawyers (Pakistan)"


def test_protesters_met_with_force_stay_actor1_with_their_identity(extractor):
    # ACLED: a protest with intervention is the protesters' event; the police who intervened are actor2.
    ev = _one(extractor, "Police fired tear gas at students protesting in Lagos, Nigeria on Monday.")
    assert ev.sub_event_type == "Protest with intervention"
    assert (ev.actor1, ev.assoc_actor_1) == ("Protesters (Nigeria)", "Students (Nigeria)")
    assert base_name(ev.actor2) == "Police Forces of Nigeria"


def test_unknown_country_is_filled_later(extractor):
    ev = _one(extractor, "Hundreds of students protested outside the parliament on Monday.")
    assert (ev.actor1, ev.assoc_actor_1) == ("Protesters (Unknown)", "Students (Unknown)")
    countries = CountryLexicon.load()
    PlaceNaming.load(countries).rename(ev, countries.get("Nigeria"))  # as the pipeline does once it is placed
    assert ev.assoc_actor_1 == "Students (Nigeria)"


# --- allies of the initiator --------------------------------------------------------------------
def test_backed_by_names_an_ally_not_a_target(extractor):
    ev = _one(
        extractor,
        "Syrian troops, backed by Russian warplanes, attacked ISIS positions near Palmyra on Friday.",
    )
    assert base_name(ev.actor1) == "Military Forces of Syria"
    assert base_name(ev.assoc_actor_1 or "") == "Military Forces of Russia"
    assert ev.actor2 == "Islamic State (Syria)" and ev.assoc_actor_2 is None
    assert "(with Military Forces of Russia" in ev.notes


def test_two_sides_that_clash_are_not_allies(extractor):
    ev = _one(extractor, "Syrian army and ISIS militants clashed near Palmyra on Friday.")
    assert ev.actor2 == "Islamic State (Syria)"
    assert ev.assoc_actor_1 is None and ev.assoc_actor_2 is None


# --- the canonical page -------------------------------------------------------------------------
PAGES = Path(__file__).resolve().parents[2] / ".." / "shared" / "pages"
PAGE = "southfront-2024-05-airstrikes-central-syria"


@pytest.mark.skipif(not (PAGES / f"{PAGE}.txt").exists(), reason="shared/pages not found beside the repo")
def test_canonical_page_has_no_associated_actors(extractor):
    """Why none: the VKS strikes name no partner (the Reconciliation Center is the claimant, not an ally)
    and their targets are militants, not civilians; the two ambushes are battles between armed groups
    ("fighters of the Quds Brigade ... of mostly Palestinian fighters", "fighters of the National Defense
    Forces"), so there is no civilian or demonstrator whose identity ACLED would code. "U.S. troops ...
    along with hundreds of militants" is a standing deployment, not an event."""
    import json

    gold = json.loads((PAGES / f"{PAGE}.gold.json").read_text(encoding="utf-8"))
    lines = (PAGES / f"{PAGE}.txt").read_text(encoding="utf-8").splitlines()
    first = lines.index(gold["article"]["body_first_line"])
    last = lines.index(gold["article"]["body_last_line"])
    paragraphs = [ln for ln in lines[first : last + 1] if ln.strip()]
    events = extractor.extract(Article(source=PAGE, paragraphs=paragraphs, published_latest=dt.date(2024, 6, 30)))
    assert len(events) == 4
    assert [(e.assoc_actor_1, e.assoc_actor_2) for e in events] == [(None, None)] * 4


# --- the identity table -------------------------------------------------------------------------
def test_identity_table_words():
    table = IdentityTable.load()
    found = table.find(
        "A photojournalist, two aid workers and a farmer; women's rights groups; rescue workers."
    )
    assert [(m.text, m.name) for m in found] == [
        ("photojournalist", "Journalists ({country})"),
        ("aid workers", "Aid Workers ({country})"),  # not Labour Group: the longest alias wins
        ("farmer", "Farmers ({country})"),
    ]  # a possessive and "rescue workers" name no identity


def test_a_user_identity_file_extends_the_table(tmp_path: Path, extractor):
    user = tmp_path / "identities.toml"
    user.write_text(
        '[[identity]]\nname = "Artisanal Miners ({country})"\naliases = ["miners", "gold diggers"]\n',
        encoding="utf-8",
    )
    text = "Gunmen killed six miners in Zamfara, Nigeria on Sunday."
    assert _one(extractor, text).assoc_actor_2 == "Labour Group (Nigeria)"
    mine = RuleExtractor(identity_files=[user])
    assert _one(mine, text).assoc_actor_2 == "Artisanal Miners (Nigeria)"  # the user's alias wins
    assert IdentityTable.load([user]).find("journalists")[0].name == "Journalists ({country})"  # ours stay
    again = pickle.loads(pickle.dumps(mine))
    assert again.identity_files == (str(user),)


def test_a_bad_identity_file_names_itself(tmp_path: Path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[[identity]]\naliases = ["miners"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="bad.toml"):
        IdentityTable.load([bad])
    broken = tmp_path / "broken.toml"
    broken.write_text("[[identity]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="broken.toml"):
        IdentityTable.load([broken])
