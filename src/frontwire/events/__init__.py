"""Article -> events coded to ACLED's codebook (frontwire's third stage).

Takes an `Article` (its `body`) and hands `EventMention`s, wrapped in an `EventResult` that says
which language was read and why an article gave no events, to the geocoder.

    from frontwire.events import extract_events
    result = extract_events(article)        # EventResult(events, language, skipped_reason, ...)
"""

from __future__ import annotations

from frontwire.events.actors import ActorDictionary, CountryLexicon, base_name
from frontwire.events.base import EventResult, Extractor, Registry, get_extractor, run_extractor
from frontwire.events.rules.coder import RuleExtractor
from frontwire.records import Article


def extract_events(article: Article, extractor: RuleExtractor | None = None) -> EventResult:
    """Code one article with `extractor` (default: a new RuleExtractor)."""
    return (extractor or RuleExtractor()).extract_events(article)


__all__ = [
    "ActorDictionary",
    "CountryLexicon",
    "EventResult",
    "Extractor",
    "Registry",
    "RuleExtractor",
    "base_name",
    "extract_events",
    "get_extractor",
    "run_extractor",
]
