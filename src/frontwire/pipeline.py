"""One page through every reading stage: page → article → events → places.

`Pipeline` is the unit of work that executors (the guarded worker, a process pool, Ray) run on
each page. It holds only its settings: the event extractor and the gazetteer open on first use
inside whichever process runs it, and stay open for the pages that follow.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from frontwire.article import extract
from frontwire.config import DEFAULT, Settings, plausible_date
from frontwire.records import Article, EventMention, Page


@dataclass(slots=True, kw_only=True)
class Processed:
    """What the reading stages made of one page. `events_note` says why there are no events."""

    article: Article
    events: list[EventMention] = field(default_factory=list)
    language: str | None = None
    events_note: str | None = None


class Pipeline:
    """page → `Processed`. Picklable; call it as `pipeline(page)` or `pipeline(page, settings)`."""

    def __init__(self, settings: Settings = DEFAULT) -> None:
        self.settings = settings
        self._extractor: Any = None
        self._resolver: Any = None

    def __getstate__(self) -> dict[str, Any]:
        return {"settings": self.settings}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["settings"])  # type: ignore[misc]

    def __call__(self, page: Page, settings: Settings | None = None) -> Processed:
        article = extract(page, settings or self.settings)
        if not self.settings.events:
            return Processed(article=article)
        return self.code(article)

    def code(self, article: Article) -> Processed:
        """article → events → places; a failure here is reported on the record, the article is kept."""
        from frontwire.events import run_extractor

        result = next(run_extractor(self.extractor, [article]))
        if result.error is not None:
            return Processed(article=article, language=result.language, events_note=result.error)
        for event in result.events:
            event.event_date = plausible_date(event.event_date)
        events = self.resolver.place_events(article, result.events) if result.events else []
        note = result.skipped_reason if not events else None
        return Processed(article=article, events=events, language=result.language, events_note=note)

    @property
    def extractor(self) -> Any:
        if self._extractor is None:
            from frontwire.events import get_extractor

            options = {"actor_files": list(self.settings.actor_files)} if self.settings.actor_files else {}
            self._extractor = get_extractor(self.settings.extractor, **options)
        return self._extractor

    @property
    def resolver(self) -> Any:
        if self._resolver is None:
            from frontwire.geo import Resolver

            self._resolver = Resolver(self.settings.gazetteer)
        return self._resolver


def prepare(settings: Settings = DEFAULT, announce: Any = None) -> None:
    """Build what the pipeline needs on disk before workers start (the gazetteer index on first run)."""
    if not settings.events:
        return
    from frontwire.geo import default_gazetteer, default_index_path

    path = settings.gazetteer or default_index_path()
    if not path.exists() and announce is not None:
        announce(f"building the gazetteer index at {path} (first run only, about a minute)")
    default_gazetteer(path).stats()
