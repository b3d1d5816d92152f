"""Where a narrative's event happened: the most specific place named in the sentence that tells it.

"36-year-old Omar was killed in the Nuseirat refugee camp in the Gaza Strip by shelling" → Nuseirat.

1. Places are found (`find_places`, people's names dropped) and each is resolved in the
   article's context; places outside the article's main country are set aside unless no
   other place is named.
2. The event sentence is the first sentence naming both an event verb and a place.
3. In it, places resolved to a point (precision 1–2) beat regions; a smaller place beats a city
   of CITY_POP or more (the city holds the neighbourhood or camp named); then a place after
   "in"/"at"/"on" beats one that is not; then the place nearest the event verb wins.
4. With no place at all, the article's focus province, else its main country (precision 3).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from frontwire.geo.article_place import article_place
from frontwire.geo.context import GeoContext
from frontwire.geo.detect import find_places
from frontwire.geo.resolver import Resolver
from frontwire.records import Location

_EVENT_VERB = re.compile(
    r"\b(?:kill(?:ed|ing|s)?|struck|strik(?:e|es|ing)|airstrikes?|air\s+raids?|hit|bomb(?:ed|ing|s)?|"
    r"shell(?:ed|ing)|attack(?:ed|s)?|injur(?:ed|ing)|wound(?:ed|ing)|destroy(?:ed|ing)|target(?:ed|ing)|"
    r"explo(?:ded|sion)|fired|raid(?:ed)?|clash(?:ed|es)|shot|died|dead)\b",
    re.IGNORECASE,
)
_LOCATIVE = re.compile(r"\b(?:in|at|on|inside|into)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE)
_SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+|$)")
# A place this populous is a city that holds the neighbourhood or camp a narrative names; a
# smaller place named in the same sentence is the more specific one (set on Gaza City, ~600k,
# against its camps and towns of 10k-200k; checked on Syrian and Iraqi examples written for the tests).
CITY_POP = 300_000
LOCATIVE_WINDOW = 30


@dataclass(frozen=True, slots=True)
class _Cand:
    loc: Location
    sentence: int
    locative: bool
    verb_distance: int
    population: int


def _population(resolver: Resolver, loc: Location) -> int:
    if loc.geonameid is None:
        return 0
    from frontwire.geo.names import name_key

    for p in resolver.gazetteer.lookup(name_key(loc.location)):
        if p.geonameid == loc.geonameid:
            return p.population
    return 0


def place_of_event(
    text: str, resolver: Resolver, context: GeoContext | None = None, *, use_spacy: bool = False
) -> Location | None:
    """The place where the event told in `text` happened (None when nothing at all can be placed)."""
    ctx = context or resolver.context(text)
    sentences = [(m.start(), m.end()) for m in _SENTENCE.finditer(text)]
    cands: list[_Cand] = []
    for span in find_places(text, resolver.gazetteer, use_spacy=use_spacy):
        loc = resolver.resolve(span.text, ctx, article_fallback=False)
        if loc.latitude is None:
            continue
        idx = next((i for i, (a, b) in enumerate(sentences) if a <= span.start < b), 0)
        a, b = sentences[idx] if sentences else (0, len(text))
        verbs = [m.start() for m in _EVENT_VERB.finditer(text, a, b)]
        distance = min((abs(v - span.start) for v in verbs), default=len(text))
        before = text[max(a, span.start - LOCATIVE_WINDOW) : span.start]
        cands.append(
            _Cand(loc, idx if verbs else len(sentences) + idx, bool(_LOCATIVE.search(before)), distance, 0)
        )
    if ctx.countries:
        home = [c for c in cands if c.loc.iso == ctx.countries[0]]
        cands = home or cands
    if not cands:
        return _fallback(resolver, ctx)
    first = min(c.sentence for c in cands)
    pool = [c for c in cands if c.sentence == first]
    pool = [_Cand(c.loc, c.sentence, c.locative, c.verb_distance, _population(resolver, c.loc)) for c in pool]
    return min(
        pool,
        key=lambda c: (
            c.loc.geo_precision >= 3,
            c.population >= CITY_POP,
            not c.locative,
            c.verb_distance,
        ),
    ).loc


def _fallback(resolver: Resolver, ctx: GeoContext) -> Location | None:
    return article_place(resolver, ctx)
