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
        self._countries: Any = None

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

        t0 = time.perf_counter()
        result = next(run_extractor(self.extractor, [article]))
        t1 = time.perf_counter()
        if seconds is not None:
            seconds["events"] = seconds.get("events", 0.0) + t1 - t0
        if result.error is not None:
            return Processed(article=article, language=result.language, events_note=result.error)
        for event in result.events:
            event.event_date = plausible_date(event.event_date)
        events = self.resolver.place_events(article, result.events) if result.events else []
        events = consolidate(events)  # one record per real event: type x day x resolved place
        self._name_countries(events)
        if seconds is not None:
            seconds["geo"] = seconds.get("geo", 0.0) + time.perf_counter() - t1
        note = result.skipped_reason if not events else None
        return Processed(article=article, events=events, language=result.language, events_note=note)

    def _name_countries(self, events: list[EventMention]) -> None:
        """Generic actors the coder could not give a country ("Civilians (Unknown)") take the
        country the event was placed in."""
        from frontwire.events.actors import Country, fill_country

        for ev in events:
            country = ev.place.country if ev.place is not None else None
            named = (ev.actor1, ev.actor2, ev.assoc_actor_1, ev.assoc_actor_2)
            if not country or not any("Unknown" in (a or "") for a in named):
                continue
            known = self.countries.get(country) or Country(country, ev.place.iso or "", "", (), ())
            ev.actor1 = fill_country(ev.actor1, known) or ev.actor1
            ev.actor2 = fill_country(ev.actor2, known)
            ev.assoc_actor_1 = fill_country(ev.assoc_actor_1, known)
            ev.assoc_actor_2 = fill_country(ev.assoc_actor_2, known)
            ev.notes = fill_country(ev.notes, known) or ev.notes  # the notes name the same actors

    @property
    def countries(self) -> Any:
        if self._countries is None:
            from frontwire.events.actors import CountryLexicon

            self._countries = CountryLexicon.load()
        return self._countries

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

            self._resolver = Resolver(self.settings.gazetteer)
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

    path = settings.gazetteer or default_index_path()
    if not path.exists() and announce is not None:
        announce(f"building the gazetteer index at {path} (first run only, about a minute)")
    default_gazetteer(path).stats()
