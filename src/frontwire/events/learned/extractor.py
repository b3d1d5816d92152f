""" "frontwire-learned": the rule coder with the learned head beside it on candidate sentences.

Everything but the typing is the rule coder's (frontwire.events.rules.coder). For each sentence where the
lexicon finds a cue, the head reads the sentence too and combine.py decides which typing stands.
Text that py3langid does not read as English is reported as such and not coded.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from frontwire.events._text import detect_language, langid_code
from frontwire.events.actors import ActorMention
from frontwire.events.base import EventResult
from frontwire.events.learned.artifact import Model, load_model
from frontwire.events.learned.combine import Reading, combine
from frontwire.events.learned.judge import HeadJudge
from frontwire.events.learned.static import StaticEncoder
from frontwire.events.rules import coder as rule_coder
from frontwire.events.rules.classify import Typing, classify
from frontwire.events.rules.coder import RuleExtractor
from frontwire.records import Article

NAME = "frontwire-learned"
VERSION = "0.2.0"  # 0.2: the e5 word table (0.1: the MiniLM piece table)
# Characters of the body py3langid reads to decide the language: enough for a firm call, bounded cost.
LANGUAGE_SAMPLE = 2000
# Below this many words py3langid's call is a guess; the rule coder's own check (too little text, not
# Latin script, too few English function words) decides instead.
LANGUAGE_MIN_WORDS = 8
# Sentences whose head reading is kept for the judge: an article's typed sentences fit many times over.
READINGS_KEPT = 4096


class LearnedExtractor(RuleExtractor):
    """Rules + the learned head. The model loads on first use; a missing or corrupt artifact raises
    ArtifactError naming the file (the rules alone remain: --extractor frontwire-rules)."""

    name = NAME
    version = VERSION

    def __init__(self, *args: Any, model_dir: str | Path | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.model_dir = str(model_dir) if model_dir is not None else None
        self._model: Model | None = None
        self._encoder: StaticEncoder | None = None
        self._readings: dict[str, Any] = {}  # the head's reading of each sentence of the current article

    def __getstate__(self) -> dict[str, Any]:
        return {**super().__getstate__(), "model_dir": self.model_dir}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(**state)  # type: ignore[misc]

    @property
    def model(self) -> Model:
        if self._model is None:
            self._model = load_model(Path(self.model_dir) if self.model_dir else None)
            self._encoder = StaticEncoder(self._model.table)
        return self._model

    @property
    def coder(self) -> str:
        m = self.model
        return (
            f"{NAME}/{VERSION}+rules.{rule_coder.VERSION}+head.{m.head_sha256[:12]}+corpus.{m.corpus_sha256[:12]}"
        )

    def _read(self, text: str) -> Any:
        """The head's probabilities for one sentence, read once per article (the judge asks again)."""
        if text not in self._readings:
            if len(self._readings) >= READINGS_KEPT:
                self._readings.clear()  # short texts typed one by one (classify_text) never reset it
            assert self._encoder is not None
            self._readings[text] = self.model.head.probabilities(self._encoder.encode([text]))[0]
        return self._readings[text]

    def _sentence_judge(self) -> Any:
        """The judge given, else the head: 1 - P(no event) drops sentences the rules keep (judge.py)."""
        return self.judge or HeadJudge(self._read, tuple(self.model.head.labels))

    def extract_events(self, article: Article) -> EventResult:
        self.model  # noqa: B018 - load (and check) the artifacts before any article is coded
        self._readings = {}
        language = english_or_not(article.body)
        if language is not None:
            return EventResult(
                source=article.source,
                language=language,
                skipped_reason=f"text is not English (py3langid reads {language}); not classified",
            )
        return super().extract_events(article)

    def _type_sentence(self, st: Any, text: str, actors: Sequence[ActorMention]) -> Typing | None:
        cues = st.cues.cues(text)
        rules = classify(text, cues, actors)
        if not cues and rules is None:
            return None  # no candidate: the head reads only sentences the lexicon flags
        model = self.model
        probabilities = self._read(text)
        reading = Reading.of(probabilities, model.head.labels)
        return combine(rules, reading, cues, model.thresholds)


def english_or_not(body: str) -> str | None:
    """None when `body` reads as English, else py3langid's language code for it.

    English is decided by the rule coder's own check (function words, script), which short English text
    about Nigeria or Jamaica passes; py3langid alone reads such text as Nigerian Pidgin or Jamaican
    Creole. py3langid then names the language of text that is not English."""
    text = body.strip()[:LANGUAGE_SAMPLE]
    if len(text.split()) < LANGUAGE_MIN_WORDS or detect_language(text)[0] in ("en", "und"):
        return None
    code = langid_code(text)
    return None if code == "en" else code
