"""The learned coder (frontwire.events.learned): its word table, its artifacts, how it fails, what it adds."""

import datetime as dt
import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from frontwire.events import get_extractor
from frontwire.events.learned import ArtifactError, LearnedExtractor, load_model
from frontwire.events.learned.artifact import HEAD_FILE, SUMS_FILE, TABLE_FILE, data_dir
from frontwire.events.learned.corpus import corpus_dir, corpus_sha256, read_corpus
from frontwire.events.learned.head import train_head
from frontwire.events.learned.static import StaticEncoder, words
from frontwire.events.learned.train import retrain
from frontwire.records import Article

PAGES = Path(__file__).resolve().parents[2] / ".." / "shared" / "pages"
PAGE = "southfront-2024-05-airstrikes-central-syria"


@pytest.fixture(scope="module")
def learned() -> LearnedExtractor:
    return LearnedExtractor()


def _article(text: str) -> Article:
    return Article(source="test", paragraphs=[text], published=dt.date(2024, 3, 9))


def test_table_words_are_lower_cased_word_runs_in_any_script():
    assert words("Al-Shabaab's fighters KILLED 12; Жители Киева, سكان حلب") == [
        "al", "shabaab", "s", "fighters", "killed", "12", "жители", "киева", "سكان", "حلب",
    ]


def test_shipped_table_reads_russian_ukrainian_and_arabic_words():
    model = load_model()
    encoder = StaticEncoder(model.table)
    for text in ("Военные обстреляли город", "Військові обстріляли місто", "قصف الجيش المدينة"):
        assert encoder.ids(text), text
        assert np.linalg.norm(encoder.encode([text])[0]) > 0.99


def test_a_table_of_another_format_is_an_error_naming_the_file(tmp_path):
    directory = _copy_artifacts(tmp_path)
    with np.load(directory / TABLE_FILE) as z:
        arrays = {k: z[k] for k in z.files if k != "format"}
    np.savez(directory / TABLE_FILE, **arrays)
    with pytest.raises(ArtifactError, match=f"{TABLE_FILE}.*format"):
        load_model(directory, check_sums=False)


def test_corpus_lines_with_extra_fields_are_read(tmp_path):
    """Annotated real news (corpus/events/annotated-*.jsonl) carries source_url, licence and source."""
    (tmp_path / "events").mkdir()
    rows = [
        {"id": "a-1", "text": "Police fired tear gas at marchers.", "label": "Excessive force against protesters",
         "source_url": "https://example.org/a", "licence": "CC BY 4.0", "source": "Example News"},
        {"id": "a-2", "text": "The minister met his counterpart.", "label": "NONE", "licence": "CC0",
         "source": None},
    ]
    (tmp_path / "events" / "annotated-test.jsonl").write_text(
        "\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8"
    )
    assert [(s.id, s.label) for s in read_corpus(tmp_path)] == [
        ("a-1", "Excessive force against protesters"), ("a-2", "NONE"),
    ]


def test_shipped_artifacts_load_and_name_the_coder(learned):
    model = load_model()
    assert model.head.weights.shape[0] == model.table.codes.shape[1]
    coder = learned.coder
    assert coder.startswith("frontwire-learned/")
    assert model.head_sha256[:12] in coder and model.corpus_sha256[:12] in coder
    size = sum((data_dir() / f).stat().st_size for f in (TABLE_FILE, HEAD_FILE))
    assert size < 6_000_000  # a small versioned artifact, not a model download


@pytest.mark.skipif(not (corpus_dir() / "events").is_dir(), reason="corpus/events not in this checkout")
def test_retraining_reproduces_the_shipped_head(tmp_path):
    """One command retrains the head from the corpus. Training is deterministic (zero start, full batch, no
    sampling); BLAS may sum in another order on another CPU, so weights must agree to 1e-4 and every
    corpus snippet must get the same label."""
    shipped = load_model()
    assert corpus_sha256(corpus_dir()) == shipped.corpus_sha256, (
        "the corpus changed since the head was trained: run python -m frontwire.events.learned.train"
    )
    shutil.copy(data_dir() / TABLE_FILE, tmp_path / TABLE_FILE)
    head = retrain(corpus_dir(), tmp_path)
    assert head.labels == shipped.head.labels
    assert np.allclose(head.weights, shipped.head.weights, atol=1e-4)
    assert np.allclose(head.bias, shipped.head.bias, atol=1e-4)
    again = load_model(tmp_path)
    assert again.corpus_sha256 == shipped.corpus_sha256


@pytest.mark.skipif(not (corpus_dir() / "events").is_dir(), reason="corpus/events not in this checkout")
def test_distilling_again_gives_the_shipped_vocabulary_and_weights():
    """The table's words and SIF weights come from wordfreq's lists and the corpus alone (the vectors need
    the e5 model and minutes: `python -m frontwire.events.learned.distill`)."""
    pytest.importorskip("wordfreq", reason="wordfreq (the .[distill] extra) is not installed")
    from frontwire.events.learned.distill import sif_weights, vocabulary

    table = load_model().table
    vocab = vocabulary(corpus_dir())
    assert tuple(vocab) == table.tokens
    sample = slice(None, None, 97)  # every word's weight takes minutes of wordfreq look-ups
    assert np.allclose(sif_weights(vocab[sample]), table.weights[sample])


def test_head_training_is_deterministic():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(60, 8)).astype(np.float32)
    labels = ["A" if v > 0 else "B" for v in x[:, 0]]
    first, second = train_head(x, labels, steps=50), train_head(x, labels, steps=50)
    assert np.array_equal(first.weights, second.weights)
    assert (first.probabilities(x).argmax(axis=1) == np.array([lbl == "B" for lbl in labels])).mean() > 0.9


def _copy_artifacts(tmp_path: Path) -> Path:
    for name in (TABLE_FILE, HEAD_FILE, SUMS_FILE):
        shutil.copy(data_dir() / name, tmp_path / name)
    return tmp_path


def test_missing_artifact_is_an_error_naming_the_file_and_the_rules_still_run(tmp_path):
    directory = _copy_artifacts(tmp_path)
    (directory / HEAD_FILE).unlink()
    with pytest.raises(ArtifactError, match=HEAD_FILE) as err:
        LearnedExtractor(model_dir=directory).extract_events(_article("Gunmen killed five villagers."))
    assert "frontwire-rules" in str(err.value)
    rules = get_extractor("frontwire-rules").extract_events(_article("Gunmen killed five villagers in Tillia."))
    assert [e.sub_event_type for e in rules.events] == ["Attack"]


def test_corrupt_artifact_is_an_error_naming_the_file(tmp_path):
    directory = _copy_artifacts(tmp_path)
    data = bytearray((directory / TABLE_FILE).read_bytes())
    data[len(data) // 2] ^= 0xFF
    (directory / TABLE_FILE).write_bytes(bytes(data))
    with pytest.raises(ArtifactError, match=f"corrupt.*{TABLE_FILE}"):
        load_model(directory)


def test_text_with_no_english_is_reported_not_classified(learned):
    result = learned.extract_events(
        _article("Des hommes armés ont tué cinq villageois lundi dans le nord du Burkina Faso, selon des sources locales.")
    )
    assert result.events == []
    assert result.language == "fr"
    assert "not English" in result.skipped_reason


@pytest.mark.skipif(not (PAGES / f"{PAGE}.txt").exists(), reason="shared/pages not found beside the repo")
def test_canonical_page_codes_the_same_with_the_learned_coder(learned):
    gold = json.loads((PAGES / f"{PAGE}.gold.json").read_text(encoding="utf-8"))
    lines = (PAGES / f"{PAGE}.txt").read_text(encoding="utf-8").splitlines()
    first, last = lines.index(gold["article"]["body_first_line"]), lines.index(gold["article"]["body_last_line"])
    article = Article(
        source=PAGE, paragraphs=[ln for ln in lines[first : last + 1] if ln.strip()], published=dt.date(2024, 6, 30)
    )
    ours = learned.extract_events(article).events
    rules = get_extractor("frontwire-rules").extract_events(article).events

    def fields(e):
        return (e.event_date, e.sub_event_type, e.actor1, e.actor2, e.fatalities, e.location_text)

    assert [fields(e) for e in ours] == [fields(e) for e in rules]
    assert all(e.coder == learned.coder for e in ours)


def test_learned_coder_adds_an_event_the_rules_miss(learned):
    """A killing told with the killers' reason: the rules' cue scores too low (the smugglers read as talk
    about a crime); the head reads an attack and the lexicon cued one, so the event is coded, with the
    rules' actors, date and place."""
    article = _article(
        "Gunmen shot dead a village chief in Kidal on Monday, saying he had informed on drug smugglers."
    )
    assert get_extractor("frontwire-rules").extract_events(article).events == []
    (event,) = learned.extract_events(article).events
    assert (event.sub_event_type, event.event_type) == ("Attack", "Violence against civilians")
    assert event.location_text == "Kidal"
    assert event.coder == learned.coder


def test_learned_coder_pickles_for_worker_processes(tmp_path):
    import pickle

    directory = _copy_artifacts(tmp_path)
    original = LearnedExtractor(model_dir=directory)
    copy = pickle.loads(pickle.dumps(original))
    assert copy.model_dir == str(directory)
    assert copy.coder == original.coder


def test_short_english_about_nigeria_is_english(learned):
    """py3langid alone reads this as Nigerian Pidgin; the coder's own English check decides, so it is coded."""
    article = _article("Gunmen killed six miners near a gold pit in Zamfara, Nigeria on Sunday, police said.")
    result = learned.extract_events(article)
    assert result.skipped_reason is None
    assert [e.sub_event_type for e in result.events] == ["Attack"]
