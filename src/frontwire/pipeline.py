"""One page through every reading stage: page → article → events → places.

`Pipeline` is the unit of work that executors (the guarded worker, a process pool, Ray) run on
each page. It holds only its settings: the event extractor and the gazetteer open on first use
inside whichever process runs it, and stay open for the pages that follow.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from frontwire.article import extract
from frontwire.config import DEFAULT, Settings, plausible_date
from frontwire.errors import ConfigError
from frontwire.events.consolidate import consolidate
from frontwire.events.context_events import without_context
from frontwire.records import Article, EventMention, Page


@dataclass(slots=True, kw_only=True)
class Processed:
    """What the reading stages made of one page. `events_note` says why there are no events."""

    article: Article
    events: list[EventMention] = field(default_factory=list)
    language: str | None = None
    events_note: str | None = None
    # True when the relevance gate kept the article from event coding (no conflict cue in it).
    gated: bool = False


class Pipeline:
    """page → `Processed`. Picklable; call it as `pipeline(page)` or `pipeline(page, settings)`."""

    def __init__(self, settings: Settings = DEFAULT) -> None:
        self.settings = settings
        self._extractor: Any = None
        self._resolver: Any = None
        self._naming: Any = None
        self._judge: Any = None  # the article judge, loaded on first use
        self._filter: Any = None  # the event filter, loaded on first use

    def __getstate__(self) -> dict[str, Any]:
        return {"settings": self.settings}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["settings"])  # type: ignore[misc]

    def __call__(self, page: Page, settings: Settings | None = None) -> Processed:
        article = extract(page, settings or self.settings)
        if not self.settings.events:
            return Processed(article=article)
        return self.code(article)

    def code(self, article: Article, seconds: dict[str, float] | None = None) -> Processed:
        """article → events → places; a failure here is reported on the record, the article is kept.
        With `seconds`, each stage's time is added to it under "events" and "geo"."""
        from frontwire.events import run_extractor
        from frontwire.events.rules.window import read_window

        t0 = time.perf_counter()
        result = next(run_extractor(self.extractor, [article]))
        t1 = time.perf_counter()
        if seconds is not None:
            seconds["events"] = seconds.get("events", 0.0) + t1 - t0
        if result.error is not None:
            return Processed(article=article, language=result.language, events_note=result.error)
        for event in result.events:
            event.event_date = plausible_date(event.event_date)
        window = read_window(article)  # a huge page: places read in the part events were read from
        events = self.resolver.place_events(window, result.events) if result.events else []
        events = consolidate(events)  # one record per real event: type x day x resolved place
        if not self.settings.context_events:
            events = without_context(article.body, events)  # a user's choice: precision over recall
        judged_note = None
        if self.settings.event_filter is not None and events:
            events, judged_note = self._filtered(article, events)
        if self.settings.article_judge is not None and events:
            events, judged_note = self._judged(article, events)
        self._name_countries(events)
        if seconds is not None:
            seconds["geo"] = seconds.get("geo", 0.0) + time.perf_counter() - t1
        note = (judged_note or result.skipped_reason) if not events else None
        return Processed(article=article, events=events, language=result.language, events_note=note)

    def _name_countries(self, events: list[EventMention]) -> None:
        """Generic actors ("Protesters (...)", "Civilians (...)", an army the coder could not name) take
        the country the event was placed in (events/naming.py)."""
        for ev in events:
            self.naming.date(ev)  # forces named for the government of the event's day, whichever coder
            if ev.place is None or not (ev.place.iso or ev.place.country):
                continue
            country = self.naming.country_of(ev.place.iso, ev.place.country)
            if country is None:
                from frontwire.events.actors import Country

                country = Country(ev.place.country or ev.place.iso or "", ev.place.iso or "", "", (), ())
            # A place coded to a whole country is no better evidence than the country the text names.
            self.naming.rename(ev, country, only_unknown=ev.place.admin1 is None and ev.place.admin2 is None)

    def _filtered(
        self, article: Article, events: list[EventMention]
    ) -> tuple[list[EventMention], str | None]:
        """The events the event filter keeps (Settings.event_filter; learned/event_filter.py), and why there
        are none when it left every one out."""
        if self._filter is None:
            from frontwire.events.learned.event_filter import load_filter

            self._filter = load_filter().filter
        threshold = self.settings.event_filter
        assert threshold is not None
        kept, verdict = self._filter.apply(article, events, threshold)
        if kept:
            return kept, None
        best = max(verdict.probabilities, default=0.0)
        return kept, (
            f"the event filter judged no event one a person would code (highest P {best:.2f} < {threshold}); "
            f"{verdict.dropped} event(s) left out (--no-event-filter keeps them)"
        )

    def _judged(self, article: Article, events: list[EventMention]) -> tuple[list[EventMention], str | None]:
        """The events the article judge lets stand (Settings.article_judge; learned/article_filter.py), and
        why there are none when it dropped them."""
        from frontwire.events.learned.article_filter import judge_events
        from frontwire.events.learned.article_judge import load_judge

        if self._judge is None:
            # The event filter reads with the same judge: one copy of the word table per worker.
            self._judge = self._filter.reader.judge if self._filter is not None else load_judge()
        threshold = self.settings.article_judge
        assert threshold is not None
        kept, verdict = judge_events(self._judge, article, events, threshold)
        if kept or verdict.probability is None:
            return kept, None
        return kept, (
            f"the article judge read no codable event (P {verdict.probability:.2f} < {threshold}); "
            f"{verdict.dropped} event(s) dropped"
        )

    @property
    def naming(self) -> Any:
        if self._naming is None:
            from frontwire.events.actors import CountryLexicon
            from frontwire.events.naming import PlaceNaming

            self._naming = PlaceNaming.load(
                CountryLexicon.load(), self.settings.actor_files, self.settings.identity_files
            )
        return self._naming

    @property
    def extractor(self) -> Any:
        if self._extractor is None:
            from frontwire.events import get_extractor

            self._extractor = get_extractor(self.settings.extractor, **extractor_options(self.settings))
        return self._extractor

    @property
    def resolver(self) -> Any:
        if self._resolver is None:
            from frontwire.geo import Resolver

            self._resolver = Resolver(self.settings.gazetteer, area_point=self.settings.area_point)
        return self._resolver


def extractor_options(settings: Settings) -> dict[str, object]:
    """The keyword options `settings` give its extractor: the endpoint for "openai-compatible",
    the extra actor dictionaries and identity tables for the rule coder."""
    if settings.extractor == "openai-compatible":
        llm = settings.llm
        if llm is None:
            raise ConfigError("settings", 'extractor "openai-compatible" needs an endpoint (Settings.llm)')
        return {
            "base_url": llm.base_url,
            "model": llm.model,
            "timeout": llm.timeout_s,
            "max_chars": llm.max_chars,
        }
    options: dict[str, object] = {}
    if settings.actor_files:
        options["actor_files"] = list(settings.actor_files)
    if settings.identity_files:
        options["identity_files"] = list(settings.identity_files)
    return options


def prepare(settings: Settings = DEFAULT, announce: Any = None) -> None:
    """Build what the pipeline needs on disk before workers start (the gazetteer index on first run)."""
    if not settings.events:
        return
    from frontwire.geo import default_gazetteer, default_index_path
    from frontwire.preflight import check_settings

    check_settings(settings)  # a bad --actors/--identities file or an unreachable --llm-url stops here

    path = settings.gazetteer or default_index_path()
    if not path.exists() and announce is not None:
        announce(f"building the gazetteer index at {path} (first run only, about a minute)")
    default_gazetteer(path).stats()
