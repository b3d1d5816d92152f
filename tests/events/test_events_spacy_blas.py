"""spaCy on numpy's BLAS (frontwire.spacy_blas): the same parses and entities as thinc's default ops, with
BLAS on one thread while it runs and the process's own setting back after."""

import pytest
import spacy
from threadpoolctl import threadpool_info

from frontwire.events.rules import _nlp, _parse
from frontwire.spacy_blas import one_blas_thread

SENTENCES = [
    "Gunmen ambushed a commercial bus near Maiduguri on Monday, killing nine passengers, police said.",
    "The army said its jets struck an Islamic State hideout in the Hamrin mountains overnight.",
    "Thousands marched through central Nairobi on Tuesday to protest against the finance bill.",
    "Residents of Kidal told Reuters that drones had hit a market and a fuel depot.",
    "Rebels would have to withdraw from Goma before talks could begin, the minister warned.",
]


def _thinc_default() -> spacy.language.Language:
    for name in _nlp.MODEL_NAMES:
        try:
            return spacy.load(name, exclude=list(_nlp.DISABLED))
        except OSError:
            continue
    pytest.skip("no English spaCy model installed")


def test_the_coder_runs_spacy_on_numpy_blas_with_the_same_parses_and_entities():
    ours, default = _nlp.load_english(), _thinc_default()
    for _, component in ours.pipeline:
        if hasattr(component, "model"):
            assert all(not getattr(node.ops, "use_blis", True) for node in component.model.walk())
    assert any(getattr(c, "model", None) and c.model.ops.use_blis for _, c in default.pipeline)

    def read(nlp):
        docs = _parse.parse(nlp, SENTENCES)
        return [[(t.tag_, t.pos_, t.head.i, t.dep_) for t in d] for d in docs], _parse.entities(nlp, SENTENCES)

    parses, entities = read(ours)
    assert (parses, entities) == read(default)
    assert "Maiduguri" in [s[a:b] for s, ents in zip(SENTENCES, entities, strict=True) for a, b, _ in ents]


def test_blas_runs_on_one_thread_inside_and_as_before_after():
    _nlp.load_english()  # spaCy and numpy loaded: their BLAS is the one limited
    before = [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"]
    if not before:
        pytest.skip("no BLAS library that threadpoolctl can see")
    with one_blas_thread():
        assert all(i["num_threads"] == 1 for i in threadpool_info() if i["user_api"] == "blas")
    assert [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"] == before
