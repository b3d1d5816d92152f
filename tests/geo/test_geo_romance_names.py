"""Spanish and French names with an article after "de" ("Santa Cruz de la Colina", "Chilpancingo de los
Bravo") are one name, so the areas written after them still bound the place."""

from __future__ import annotations

from frontwire.geo.query import parse_location


def test_de_la_and_de_los_stay_inside_the_name_and_the_containers_are_kept():
    q = parse_location("Santa Cruz de la Colina village (Matanza municipality, Santander department)")
    assert q.primary is not None and q.primary.text == "Santa Cruz de la Colina"
    assert [c.text for c in q.containers] == ["Matanza", "Santander"]
    q = parse_location("Chilpancingo de los Bravo municipality, Guerrero state")
    assert q.primary is not None and q.primary.text == "Chilpancingo de los Bravo"
    assert [c.text for c in q.containers] == ["Guerrero"]


def test_a_lowercase_article_without_de_is_not_read_into_a_name():
    # "de" before a name was already joined; "la" alone is a word of the sentence, not of the name
    q = parse_location("Rio de Janeiro, Brazil")
    assert q.primary is not None and q.primary.text == "Rio de Janeiro"
    q = parse_location("Police raided Bama la semaine dernière")
    assert q.primary is not None and q.primary.text == "Bama"


def test_a_middle_initial_stays_inside_the_name():
    q = parse_location("Remedios T. Romualdez town (Remedios T. Romualdez municipality, Agusan del Norte province)")
    assert q.primary is not None and q.primary.text == "Remedios T. Romualdez"
    assert [c.text for c in q.containers][-1] == "Agusan del Norte"


def test_an_initial_alone_or_an_abbreviation_does_not_join_the_next_sentence():
    from frontwire.geo.detect import find_places

    found = [m.text for m in find_places("Troops of the U.S. Army entered Kabul. Gunmen fled to Herat.")]
    assert "Kabul" in found
    assert not any("Gunmen" in t or "Army" in t for t in found)
