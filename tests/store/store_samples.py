"""Sample records for the store tests: the April 18, 2024 ambush near al-Sukhna as three outlets report it.

All three are written here, in the style of a pro-government outlet, a war monitor and a wire agency, with
their own wording, figures and points (no published text is copied, and nothing is read from ../shared).
"""

from __future__ import annotations

import datetime as dt

from frontwire.records import Article, EventMention, Evidence, Location, Outlet, OutletLabel, Page

AMBUSH_DAY = dt.date(2024, 4, 18)

SOUTHFRONT = Outlet(
    domain="southfront.press", name="SouthFront", aliases=("southfront.org", "southfront.com")
)
MONITOR = Outlet(domain="syriahr.com", name="Syrian Observatory for Human Rights", country="GB", owner="SOHR")
WIRE = Outlet(domain="apnews.com", name="Associated Press", country="US", owner="Associated Press")
RIA = Outlet(domain="ria.ru", name="RIA Novosti", country="RU", owner="Rossiya Segodnya")
SPUTNIK = Outlet(domain="sputnikglobe.com", name="Sputnik", country="RU", owner="Rossiya Segodnya")
STATE_LABEL = OutletLabel(label="state-affiliated", source="test")
RT = Outlet(domain="rt.com", name="RT", country="RU", owner="TV-Novosti", labels=(STATE_LABEL,))
TASS = Outlet(
    domain="tass.com", name="TASS", country="RU", owner="Government of Russia TASS", labels=(STATE_LABEL,)
)
REUTERS = Outlet(domain="reuters.com", name="Reuters", country="GB", owner="Thomson Reuters")


def sukhna(name: str, lat: float, lon: float, precision: int = 2) -> Location:
    return Location(
        location=name,
        latitude=lat,
        longitude=lon,
        admin1="Homs",
        country="Syria",
        iso="SY",
        geo_precision=precision,
        gazetteer="test",
    )


def page_and_article(
    outlet: Outlet, url: str, title: str, paragraphs: list[str], published: dt.date | None = None
) -> tuple[Page, Article]:
    content = "\n".join([title, *paragraphs])
    page = Page(source=url, kind="text", content=content, url=url, published=published)
    article = Article(
        source=url,
        title=title,
        url=url,
        outlet=outlet,
        published=published,
        paragraphs=paragraphs,
        extractor="test",
    )
    return page, article


def ambush(
    *,
    fatalities: int,
    location: Location,
    actor1: str = "Islamic State (Syria)",
    attribution: str = "alleged",
    claimant: str | None = None,
    evidence: str = "",
    day: dt.date = AMBUSH_DAY,
) -> EventMention:
    return EventMention(
        event_date=day,
        time_precision=1,
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1=actor1,
        inter1=2,
        actor2="Quds Brigade",
        inter2=3,
        fatalities=fatalities,
        fatalities_low=fatalities,
        location_text=location.location,
        attribution=attribution,
        claimant=claimant,
        evidence=[Evidence(text=evidence, start=0, end=len(evidence))] if evidence else [],
        notes=f"Ambush on Quds Brigade fighters near {location.location}; {fatalities} killed.",
        coder="test",
        place=location,
    )


# A pro-government outlet's report in its own register, written for these tests (not any published text):
# a Russian strike claim, the al-Sukhna ambush with its own toll, and a clash near al-Kum.
SOUTHFRONT_TITLE = "Russian Jets Pound Militant Hideouts in the Syrian Desert"
SOUTHFRONT_PARAGRAPHS = [
    "Russian warplanes struck hideouts of U.S.-backed militants in the Jabal al-Amur area on May 16, "
    "the Russian Center for Reconciliation in Syria claimed, saying several depots were destroyed.",
    "On April 18, ISIS cells ambushed fighters of the Quds Brigade near al-Sukhna in the east of Homs, "
    "killing 21 of them, according to pro-government sources.",
    "Two weeks later, on May 3, ISIS militants clashed with the National Defense Forces near al-Kum, "
    "and 13 fighters were reported killed.",
    "Syrian and Russian officials accused U.S. forces at al-Tanf of sheltering the attackers.",
]


def southfront_page() -> tuple[Page, Article, list[EventMention]]:
    """A SouthFront-style report written for these tests, with its three events coded by hand."""
    paragraphs = list(SOUTHFRONT_PARAGRAPHS)
    title = SOUTHFRONT_TITLE
    url = (
        "https://southfront.press/russian-airstrikes-destroy-bases-of-u-s-linked-militants-in-central-syria/"
    )
    text = "\n\n".join([title, *paragraphs])
    page = Page(source=url, kind="text", content=text, url=url)
    article = Article(
        source=url, title=title, url=url, outlet=SOUTHFRONT, paragraphs=paragraphs, extractor="test"
    )
    ambush_sentence = next(p for p in paragraphs if "al-Sukhna" in p)
    strikes = EventMention(
        event_date=dt.date(2024, 5, 16),
        time_precision=1,
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        actor1="Military Forces of Russia (2000-)",
        inter1=8,
        actor2="Unidentified Armed Group (Syria)",
        inter2=3,
        attribution="claimed",
        claimant="Russian Center for Reconciliation in Syria",
        location_text="al-Amur",
        coder="test",
        place=Location(
            location="Jabal al-Amur",
            latitude=34.5,
            longitude=38.0,
            admin1="Homs",
            country="Syria",
            iso="SY",
            geo_precision=3,
        ),
    )
    kum = EventMention(
        event_date=dt.date(2024, 5, 3),
        time_precision=1,
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1="Islamic State (Syria)",
        actor2="National Defense Forces",
        fatalities=13,
        attribution="alleged",
        location_text="al-Kum",
        coder="test",
        place=sukhna("Al Kawm", 35.18, 38.85),
    )
    return (
        page,
        article,
        [
            strikes,
            ambush(fatalities=21, location=sukhna("As Sukhnah", 34.8869, 38.8717), evidence=ambush_sentence),
            kum,
        ],
    )


def monitor_page() -> tuple[Page, Article, list[EventMention]]:
    paragraphs = [
        "SOHR activists have documented the death of 22 members of Liwa al-Quds, the pro-regime militia, "
        "in an ambush by ISIS cells in the Badia of As Sukhnah in the eastern countryside of Homs "
        "on Thursday.",
        "The toll is the highest among regime forces and loyal militias in the Syrian desert "
        "since early this year.",
    ]
    page, article = page_and_article(
        MONITOR,
        "https://www.syriahr.com/en/330112/",
        "22 Liwa al-Quds members killed in ISIS ambush in Homs desert",
        paragraphs,
        dt.date(2024, 4, 19),
    )
    mention = ambush(
        fatalities=22,
        location=sukhna("As Sukhnah", 34.8950, 38.8800),
        attribution="reported",
        evidence=paragraphs[0],
    )
    return page, article, [mention]


def wire_page() -> tuple[Page, Article, list[EventMention]]:
    paragraphs = [
        "BEIRUT (AP) — Gunmen ambushed a bus carrying members of a pro-government Palestinian militia "
        "near the central Syrian town of al-Sukhna on Thursday, killing 22, a war monitor and a militia "
        "official said.",
        "No group claimed the attack, but Islamic State militants have staged similar ambushes "
        "in the desert.",
    ]
    page, article = page_and_article(
        WIRE,
        "https://apnews.com/article/syria-ambush-quds-brigade-sukhna",
        "Ambush kills 22 pro-government fighters in Syria's desert",
        paragraphs,
        dt.date(2024, 4, 18),
    )
    mention = ambush(
        fatalities=22,
        location=sukhna("al-Sukhna", 34.8800, 38.8650),
        actor1="Unidentified Armed Group (Syria)",
        attribution="reported",
        evidence=paragraphs[0],
    )
    return page, article, [mention]


def simple_page(
    outlet: Outlet, slug: str, mention: EventMention, text: str = ""
) -> tuple[Page, Article, list]:
    """A one-event page from `outlet`."""
    paragraphs = [text or f"{outlet.name} reports: {mention.notes}"]
    page, article = page_and_article(
        outlet, f"https://{outlet.domain}/{slug}", f"{outlet.name} {slug}", paragraphs
    )
    return page, article, [mention]
