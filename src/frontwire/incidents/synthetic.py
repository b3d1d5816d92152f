"""Synthetic event mentions with a realistic spread, for benchmarks and crash tests (never for evaluation).

Real events are drawn over a span of days, around towns clustered in a few countries, with ACLED's type mix
weighted roughly as in its Middle East data (battles and remote violence dominate); each real event is
reported by one to four outlets, with the small disagreements real reports have (a day off, a few km off,
a death more or less, an unidentified perpetrator).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass

from frontwire.incidents.model import IncidentMember
from frontwire.records import Article, EventMention, Evidence, Location, Outlet, Page

# (country, ISO, min lat, max lat, min lon, max lon): boxes around some conflict areas.
COUNTRIES = (
    ("Syria", "SY", 32.5, 37.0, 35.8, 42.0),
    ("Iraq", "IQ", 30.0, 37.0, 39.0, 47.5),
    ("Yemen", "YE", 12.8, 17.5, 42.8, 52.0),
    ("Ukraine", "UA", 46.0, 51.5, 30.0, 40.0),
    ("Sudan", "SD", 10.0, 19.0, 22.0, 36.0),
    ("Nigeria", "NG", 6.0, 13.5, 3.0, 14.5),
)
TOWNS_PER_COUNTRY = 120
TYPES = (
    ("Battles", "Armed clash", 0.35),
    ("Explosions/Remote violence", "Air/drone strike", 0.2),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", 0.2),
    ("Violence against civilians", "Attack", 0.1),
    ("Protests", "Peaceful protest", 0.1),
    ("Strategic developments", "Arrests", 0.05),
)
ACTORS_PER_COUNTRY = 8
OUTLETS = tuple(
    Outlet(domain=f"outlet{i}.example", name=f"Outlet {i}", owner=f"Owner {i // 2}") for i in range(40)
)
START = dt.date(2022, 1, 1)


@dataclass(slots=True, frozen=True)
class _Town:
    name: str
    country: str
    iso: str
    admin1: str
    lat: float
    lon: float


def _towns(rng: random.Random) -> list[_Town]:
    towns = []
    for country, iso, lat0, lat1, lon0, lon1 in COUNTRIES:
        for i in range(TOWNS_PER_COUNTRY):
            towns.append(
                _Town(
                    f"{iso}-town-{i}",
                    country,
                    iso,
                    f"{iso}-adm-{i % 10}",
                    rng.uniform(lat0, lat1),
                    rng.uniform(lon0, lon1),
                )
            )
    return towns


def members(n: int, *, seed: int = 7, days: int | None = None) -> list[IncidentMember]:
    """About `n` mentions of about n/2.2 real events spread over `days` (default: n/50 days, at least 180)."""
    rng = random.Random(seed)
    towns = _towns(rng)
    # ~50 mentions a day across six countries (about ACLED's Syria rate in a busy year); the span grows with n
    # so density stays constant and the merge benchmark measures the algorithm, not a denser war.
    span = days or max(180, n // 50)
    out: list[IncidentMember] = []
    event = 0
    while len(out) < n:
        event += 1
        town = rng.choice(towns)
        event_type, sub_type, _ = rng.choices(TYPES, weights=[w for *_, w in TYPES])[0]
        day = START + dt.timedelta(days=rng.randrange(span))
        actor1 = f"Group {rng.randrange(ACTORS_PER_COUNTRY)} ({town.country})"
        actor2 = f"Military Forces of {town.country}"
        deaths = rng.choice((None, 0, 1, 2, 3, 5, 8, 12, 20))
        for report in range(rng.choice((1, 1, 2, 2, 3, 4))):
            if len(out) >= n:
                break
            jitter_km = rng.uniform(0, 4)
            mention = EventMention(
                event_date=day + dt.timedelta(days=rng.choice((0, 0, 0, 0, 1))),
                time_precision=rng.choice((1, 1, 1, 1, 1, 1, 2, 3)),
                event_type=event_type,
                sub_event_type=sub_type,
                actor1=f"Unidentified Armed Group ({town.country})" if rng.random() < 0.15 else actor1,
                actor2=actor2,
                fatalities=None if deaths is None else deaths + rng.choice((0, 0, 1)),
                attribution=rng.choice(("reported", "reported", "alleged", "claimed")),
                claimant="a party" if rng.random() < 0.1 else None,
                coder="synthetic",
                place=Location(
                    location=town.name,
                    latitude=town.lat + jitter_km / 111.0 * rng.choice((-1, 1)),
                    longitude=town.lon + jitter_km / 111.0 * rng.choice((-1, 1)),
                    admin1=town.admin1,
                    country=town.country,
                    iso=town.iso,
                    geo_precision=rng.choice((1, 1, 1, 2, 2, 3)),
                ),
            )
            out.append(
                IncidentMember(
                    id=f"syn-{event}-{report}",
                    mention=mention,
                    outlet=rng.choice(OUTLETS),
                    article_id=f"art-{event}-{report}",
                )
            )
    return out


def pages(
    n_pages: int, *, seed: int = 11, mentions_per_page: int = 3
) -> Iterator[tuple[Page, Article, list]]:
    """`n_pages` deterministic (page, article, mentions) triples for ingest benchmarks and crash tests."""
    pool = members(n_pages * mentions_per_page, seed=seed, days=max(60, n_pages // 5))
    for i in range(n_pages):
        chunk = pool[i * mentions_per_page : (i + 1) * mentions_per_page]
        outlet = OUTLETS[i % len(OUTLETS)]
        url = f"https://{outlet.domain}/story/{i}"
        paragraphs = [
            f"Story {i}.{j}: {m.mention.event_type} in {m.mention.place.location}."
            for j, m in enumerate(chunk)
        ]
        mentions = []
        for m, text in zip(chunk, paragraphs, strict=True):
            # evidence differs per paragraph, so every mention of a page is its own row
            start = sum(len(p) + 2 for p in paragraphs[: paragraphs.index(text)])
            mentions.append(
                dataclasses.replace(
                    m.mention, evidence=[Evidence(text=text, start=start, end=start + len(text))]
                )
            )
        page = Page(source=url, kind="text", content="\n".join(paragraphs), url=url)
        article = Article(source=url, url=url, title=f"Story {i}", outlet=outlet, paragraphs=paragraphs)
        yield page, article, mentions
