"""An article's events placed in the article's context: the hand-off from the coder to the resolver.

- An event's place is read in the sentence that tells it (`told_in`), not at the name's first mention.
- A country the event's sentences do not write (the coder named it from an actor's nationality, "Sudanese
  troops", or from the article's demonyms) says nothing of where the event is: it goes where the article
  is (`article_place`: its focus province, else its main country, precision 3).
- A country the article is about, written as the place, is coded at country level: not a town abroad that
  lists its name among its alternates (Arak, Iran: "Iraq"), nor the own name of an area or town in another
  country the article is about ("Georgia" in a report from the United States).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from frontwire.geo.context import GeoContext
from frontwire.geo.names import name_key
from frontwire.records import EventMention, Location

if TYPE_CHECKING:
    from frontwire.geo.resolver import Resolver


def told_in(ev: EventMention, ctx: GeoContext) -> GeoContext:
    """The article's context read at the event's own sentence: the words around its place name there
    (containers, anchors, a list it stands in) are the ones that qualify it."""
    told = next((e.text for e in ev.evidence if ev.location_text and ev.location_text in e.text), None)
    return replace(ctx, text=told) if told else ctx


def article_place(resolver: Resolver, ctx: GeoContext) -> Location | None:
    """Where an article is, for an event it places nowhere more precise: its focus province, else its
    main country (precision 3); None when the article says nothing of where it is."""
    if ctx.focus is not None:
        area = resolver.gazetteer.admin1_area(*ctx.focus)
        if area is not None:
            return resolver._location(area, 3, "no place named: coded to the province the article is about")
    if ctx.countries:
        country = resolver.gazetteer.country(ctx.countries[0])
        if country is not None:
            return resolver._location(country, 3, "no place named: coded to the country the article is about")
    return None


def place_event(resolver: Resolver, ev: EventMention, ctx: GeoContext) -> Location:
    """Where one event of the article is (see the module docstring)."""
    text = ev.location_text or ""
    told = told_in(ev, ctx)
    key = name_key(text)
    cands = resolver.gazetteer.lookup(key)
    country = next((c for c in cands if c.is_country and c.country_code), None)
    if country is None:
        return resolver.resolve(text, told)
    if ev.evidence and not any(text in e.text for e in ev.evidence):
        here = article_place(resolver, ctx)
        if here is not None:
            return here
    if country.country_code not in ctx.countries:
        return resolver.resolve(text, told)
    for c in cands:
        home = c.country_code in ctx.countries and c.country_code != country.country_code
        if home and not c.is_country and name_key(c.name) == key:
            return resolver.resolve(text, told)
    return resolver._location(country, 3, f"a country: coded to {country.name}")
