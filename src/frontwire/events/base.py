"""The extractor interface, the per-article result, and the registry of extractors by name.

An `Extractor` turns one Article into EventMentions; `EventResult` wraps them with the language
read, the date basis, dropped sentences with their reasons, and the reason an article was skipped
or failed. Extractors are found by name in a registry: the built-ins plus any that packages
declare under the `frontwire.extractors` entry-point group.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from typing import Protocol, runtime_checkable

from frontwire.records import Article, EventMention

ENTRY_POINT_GROUP = "frontwire.extractors"


@runtime_checkable
class Extractor(Protocol):
    name: str
    version: str

    def extract(self, article: Article) -> list[EventMention]: ...


@dataclass(slots=True)
class DroppedSentence:
    text: str
    start: int
    reason: str


@dataclass(slots=True)
class EventResult:
    """What an extractor made of one article: events, or why there are none."""

    source: str
    events: list[EventMention] = field(default_factory=list)
    language: str = "en"
    skipped_reason: str | None = None
    error: str | None = None
    date_basis: str = "published"
    dropped: list[DroppedSentence] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.error is None


def _rule_extractor(**options: object) -> Extractor:
    from frontwire.events.rules.coder import RuleExtractor

    return RuleExtractor(**options)  # type: ignore[arg-type]


def _learned_extractor(**options: object) -> Extractor:
    from frontwire.events.learned.extractor import LearnedExtractor

    return LearnedExtractor(**options)  # type: ignore[arg-type]


def _chat_extractor(**options: object) -> Extractor:
    from frontwire.events.llm.extractor import ChatExtractor

    return ChatExtractor(**options)  # type: ignore[arg-type]


BUILTIN: tuple[tuple[str, Callable[..., Extractor]], ...] = (
    ("frontwire-rules", _rule_extractor),
    ("frontwire-learned", _learned_extractor),
    ("openai-compatible", _chat_extractor),
)


class Registry:
    """Extractor factories by name. `Registry.default()` holds the built-ins and entry-point plugins."""

    def __init__(self, factories: Iterable[tuple[str, Callable[..., Extractor]]] = ()) -> None:
        self._factories = dict(factories)

    @classmethod
    def default(cls) -> Registry:
        reg = cls(BUILTIN)
        for ep in entry_points(group=ENTRY_POINT_GROUP):
            reg.register(ep.name, ep.load())
        return reg

    def register(self, name: str, factory: Callable[..., Extractor]) -> None:
        self._factories[name] = factory

    def names(self) -> list[str]:
        return sorted(self._factories)

    def get(self, name: str, **options: object) -> Extractor:
        try:
            factory = self._factories[name]
        except KeyError:
            raise KeyError(f"no event extractor named {name!r}; known: {', '.join(self.names())}") from None
        return factory(**options)


def get_extractor(name: str = "frontwire-rules", **options: object) -> Extractor:
    """An extractor by name, e.g. `get_extractor("frontwire-rules", actor_files=["mine.toml"])` or
    `get_extractor("openai-compatible", base_url="http://localhost:8000/v1", model="qwen2.5-7b-instruct")`."""
    return Registry.default().get(name, **options)


def run_extractor(extractor: Extractor, articles: Iterable[Article]) -> Iterator[EventResult]:
    """Stream results; a failure on one article is reported for that article alone."""
    for article in articles:
        try:
            extract_result = getattr(extractor, "extract_events", None)
            if extract_result is not None:
                yield extract_result(article)
            else:
                yield EventResult(source=article.source, events=extractor.extract(article))
        except Exception as exc:  # noqa: BLE001 - isolate the fragile: one bad article must not end a batch
            yield EventResult(
                source=article.source, error=f"{type(exc).__name__}: {exc}", skipped_reason="extractor failed"
            )
