from frontwire.geo import find_places


def test_gazetteer_ngrams_find_places(resolver):
    text = "Shelling hit Deir ez-Zor and the town of al-Sukhna on Monday, east of Homs."
    found = [s.text for s in find_places(text, resolver.gazetteer, use_spacy=False)]
    assert found == ["Deir ez-Zor", "al-Sukhna", "Homs"]
    for span in find_places(text, resolver.gazetteer, use_spacy=False):
        assert text[span.start : span.end] == span.text


def test_stopwords_are_not_places(resolver):
    assert find_places("On Monday the President said so.", resolver.gazetteer, use_spacy=False) == []
