"""spaCy, only where the rules leave a gap: which sentences need a parse or NER, and batched runs.

The coder needs a dependency parse for two checks (a modal or "to"-infinitive over the trigger, in
the non-event filter; the subject of a speech verb, for the claimant) and NER for places the
place-phrase rules miss. Both are gated by cheap text tests, so a typical 550-word article sends a
handful of sentences to spaCy instead of every sentence with a cue (the parse pipeline without NER
costs about 2.5 ms a sentence on one core, NER alone about 2.2 ms; measured on 922 sentences).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from frontwire.events.rules.claims import may_name_speaker
from frontwire.spacy_blas import one_blas_thread

# Components for the dependency checks and for places. The attribute ruler (a third of the parse
# time on short batches) only copies tag -> coarse POS here; `_set_pos` does that from the table below.
PARSE_DISABLED = ("ner", "attribute_ruler")
NER_DISABLED = ("tok2vec", "tagger", "parser", "attribute_ruler")  # NER has its own tok2vec
# Sentences per nlp.pipe batch; an article rarely sends more than a dozen.
BATCH_SIZE = 32

# The irrealis check looks for a modal auxiliary or an infinitival "to" above the trigger. A sentence
# with neither word cannot pass it, so it needs no parse. "to" before a determiner, pronoun, number
# or capitalised word ("to the hospital", "to 21", "to Gaza") is a preposition, not an infinitive.
_MODAL = r"\b(?:will|would|could|might|may|should|shall|must)\b"
_NOT_VERB_AFTER_TO = (
    "the a an his her their its our my your this that these those them him me us it one two three four five"
    " six seven eight nine ten death hospital hospitals date"
).split()
_INFINITIVE = r"\bto\s+(?!(?:" + "|".join(_NOT_VERB_AFTER_TO) + r")\b)[a-z]"
_IRREALIS_POSSIBLE = re.compile(rf"{_MODAL}|{_INFINITIVE}", re.I)


# Penn Treebank tag -> Universal POS, as spaCy's English tag map gives it (auxiliaries handled apart).
_TAG_POS = {
    "CC": "CCONJ", "CD": "NUM", "DT": "DET", "EX": "PRON", "FW": "X", "IN": "ADP", "JJ": "ADJ", "JJR": "ADJ",
    "JJS": "ADJ", "LS": "X", "MD": "AUX", "NN": "NOUN", "NNS": "NOUN", "NNP": "PROPN", "NNPS": "PROPN",
    "PDT": "DET", "POS": "PART", "PRP": "PRON", "PRP$": "PRON", "RB": "ADV", "RBR": "ADV", "RBS": "ADV",
    "RP": "ADP", "TO": "PART", "UH": "INTJ", "VB": "VERB", "VBD": "VERB", "VBG": "VERB", "VBN": "VERB",
    "VBP": "VERB", "VBZ": "VERB", "WDT": "PRON", "WP": "PRON", "WP$": "PRON", "WRB": "ADV", "AFX": "ADJ",
    "SYM": "SYM", "$": "SYM", "#": "SYM", "_SP": "SPACE", "SP": "SPACE", "ADD": "X", "XX": "X", "NIL": "X",
}  # fmt: skip
_AUX_WORDS = frozenset("be is am are was were been being 's 're 'm have has had having do does did".split())


def _set_pos(doc: Any) -> Any:
    """Coarse POS from the fine tags: what the attribute ruler would give for the tags the checks read."""
    for tok in doc:
        pos = _TAG_POS.get(tok.tag_, "PUNCT")
        if pos == "VERB" and (tok.dep_ in ("aux", "auxpass") or tok.lower_ in _AUX_WORDS):
            pos = "AUX"
        tok.pos_ = pos
    return doc


def may_be_irrealis(text: str) -> bool:
    """Whether the non-event filter's irrealis check could fire on this sentence (so it needs a parse)."""
    return bool(_IRREALIS_POSSIBLE.search(text))


def may_need_parse(text: str) -> bool:
    """Whether a parse-based check may read this sentence: the irrealis check (a modal or "to" above the
    trigger) or the claimant's (a speech verb's subject)."""
    return may_be_irrealis(text) or may_name_speaker(text)


__all__ = ["entities", "may_be_irrealis", "may_name_speaker", "may_need_parse", "parse"]


def parse(nlp: Any, texts: Sequence[str]) -> list[Any]:
    """Docs with tags, POS and dependencies (no NER), one per text, in one batched run."""
    if not texts:
        return []
    with one_blas_thread():
        return [_set_pos(d) for d in nlp.pipe(texts, batch_size=BATCH_SIZE, disable=list(PARSE_DISABLED))]


def entities(nlp: Any, texts: Sequence[str]) -> list[list[tuple[int, int, str]]]:
    """NER spans (start, end, label) per text, from the NER component alone, in one batched run."""
    if not texts:
        return []
    with one_blas_thread():
        docs = nlp.pipe(texts, batch_size=BATCH_SIZE, disable=list(NER_DISABLED))
        return [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in docs]
