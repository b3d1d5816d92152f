"""Social-media accounts as outlets: incidents, the stored outlets, filters and ACLED's "New media" scale.

Two Telegram channels post about one Russian air strike on the outskirts of Sarmada (Idlib) on June 14, 2024;
one of them posts an update on the same strike later that morning; a Syrian news site reports it too. The
posts are our own, written in the style of such channels. Outlets come from the shipped registry's
`identify`, as the pipeline finds them; the last test runs the whole pipeline over the posts.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest
from store_samples import page_and_article

from frontwire.export import export
from frontwire.export.scale import source_scale
from frontwire.incidents.model import GRADE_INDEPENDENT, GRADE_SINGLE
from frontwire.outlets import Registry
from frontwire.records import EventMention, Evidence, Location, Outlet
from frontwire.store import open_store, query

STRIKE_DAY = dt.date(2024, 6, 14)
CHANNEL_A = "t.me/idlib_now"
CHANNEL_B = "t.me/northsyria_monitor"

POST_A = (
    "https://t.me/s/Idlib_Now/48211",
    "Idlib Now",  # the site name of the saved post page
    "A Russian warplane struck the outskirts of Sarmada in northern Idlib on Friday morning, killing two "
    "civilians and wounding five, the Syrian Civil Defence said.",
)
POST_A_UPDATE = (
    "https://t.me/Idlib_Now/48215",  # the same channel, another post, another form of its URL
    "Idlib Now",
    "Update: two civilians were killed and five wounded when a Russian warplane struck the outskirts of "
    "Sarmada this morning, the Syrian Civil Defence said. Rescue teams have left the site.",
)
POST_B = (
    "https://t.me/northsyria_monitor/9021",
    "Telegram",  # names the platform, not the channel: the outlet is named by its key
    "Russian airstrikes hit the outskirts of Sarmada in the northern countryside of Idlib on Friday. Two "
    "civilians were killed and five were wounded, according to the Syrian Civil Defence.",
)
SITE = (
    "https://www.enabbaladi.net/archives/2024/06/sarmada-russian-strike",
    "Enab Baladi",
    "Two civilians were killed and five others injured on Friday, June 14, in a Russian airstrike on the "
    "outskirts of Sarmada, north of Idlib, according to the Syrian Civil Defence (White Helmets).",
)

SARMADA = Location(
    location="Sarmada",
    latitude=36.1797,
    longitude=36.7214,
    admin1="Idlib",
    country="Syria",
    iso="SY",
    geo_precision=2,
    gazetteer="test",
)


def strike(evidence: str) -> EventMention:
    return EventMention(
        event_date=STRIKE_DAY,
        time_precision=1,
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        actor1="Military Forces of Russia (2000-)",
        inter1=8,
        actor2="Civilians (Syria)",
        inter2=7,
        civilian_targeting=True,
        fatalities=2,
        location_text="Sarmada",
        attribution="reported",
        evidence=[Evidence(text=evidence, start=0, end=len(evidence))],
        notes="Russian air strike on the outskirts of Sarmada; 2 civilians killed, 5 wounded.",
        coder="test",
        place=SARMADA,
    )


def report(sample: tuple[str, str | None, str]):
    """A page, its article (with the outlet the shipped registry identifies) and its one mention."""
    url, site_name, text = sample
    outlet = Registry.default().identify(url, text, site_name=site_name)
    assert outlet is not None
    page, article = page_and_article(outlet, url, text[:60], [text], STRIKE_DAY)
    return page, article, [strike(text)]


def write(store_url: str, *samples) -> None:
    with open_store(store_url) as s:
        for sample in samples:
            s.write_page(*report(sample))


def test_two_channels_are_two_outlets_and_one_channel_counts_once(store):
    for sample in (POST_A, POST_A_UPDATE, POST_B):
        store.write_page(*report(sample))
    (incident,) = query.incidents(store)
    assert len(incident.mention_ids) == 3
    assert incident.outlets == [CHANNEL_A, CHANNEL_B]
    assert incident.grade == GRADE_INDEPENDENT
    stored = store.rows("SELECT id, domain, name FROM outlets ORDER BY id")
    assert [(r["id"], r["domain"], r["name"]) for r in stored] == [
        (CHANNEL_A, CHANNEL_A, "Idlib Now"),
        (CHANNEL_B, CHANNEL_B, CHANNEL_B),
    ]


def test_two_posts_of_one_channel_are_a_single_source(store):
    for sample in (POST_A, POST_A_UPDATE):
        store.write_page(*report(sample))
    (incident,) = query.incidents(store)
    assert len(incident.mention_ids) == 2
    assert incident.outlets == [CHANNEL_A]
    assert incident.grade == GRADE_SINGLE
    assert store.count("outlets") == 1


def test_a_channel_keeps_its_name_when_a_later_post_gives_none(store):
    """A plain post that names no channel ("Telegram") does not rename "Idlib Now" to its key."""
    unnamed = (POST_A_UPDATE[0], "Telegram", POST_A_UPDATE[2])
    for sample in (POST_A, unnamed):
        store.write_page(*report(sample))
    (row,) = store.rows("SELECT name FROM outlets")
    assert row["name"] == "Idlib Now"


def exported(store_url: str, path: Path) -> dict[str, str]:
    with open_store(store_url, read_only=True) as s:
        export(s, "acled-csv", str(path))
    (row,) = csv.DictReader(path.open(encoding="utf-8"))
    return row


def test_acled_csv_new_media_then_new_media_national(store_url, tmp_path):
    write(store_url, POST_A, POST_A_UPDATE, POST_B)
    row = exported(store_url, tmp_path / "channels.csv")
    assert row["source"] == f"Idlib Now; {CHANNEL_B}"
    assert row["source_scale"] == "New media"
    assert row["tags"] == f"corroboration={GRADE_INDEPENDENT}"
    write(store_url, SITE)  # a Syrian outlet (the registry gives Enab Baladi SY) reports the same strike
    row = exported(store_url, tmp_path / "with-site.csv")
    assert row["source"] == f"Enab Baladi; Idlib Now; {CHANNEL_B}"
    assert row["source_scale"] == "New media-National"


def test_outlet_filter_takes_an_account_key(store_url):
    write(store_url, POST_A, POST_A_UPDATE, POST_B, SITE)
    with open_store(store_url, read_only=True) as s:
        for value in (CHANNEL_A, "T.ME/Idlib_Now", "Idlib Now", CHANNEL_B):
            (incident,) = query.incidents(s, query.Filters(outlet=value))
            assert len(incident.outlets) == 3
        assert {e.url for e in query.events(s, query.Filters(outlet=CHANNEL_A))} == {
            "https://t.me/s/Idlib_Now/48211",
            "https://t.me/Idlib_Now/48215",
        }
        assert query.incidents(s, query.Filters(outlet="t.me/idlib")) == []  # whole keys only
        assert query.incidents(s, query.Filters(outlet="t.me")) == []


def test_web_api_outlet_filter_and_lists(store_url):
    pytest.importorskip("starlette", reason="the web extra is not installed")
    import anyio
    import httpx

    from frontwire.web import ServeSettings, create_app

    write(store_url, POST_A, POST_B, SITE)
    app = create_app(ServeSettings(db=store_url))
    paths = {
        "by_b": f"/api/incidents?outlet={CHANNEL_B}",
        "by_a": "/api/incidents?outlet=t.me%2Fidlib_now",
        "events": f"/api/events?outlet={CHANNEL_A}",
        "outlets": "/api/outlets",
        "facets": "/api/facets",
        "csv": f"/api/export.csv?outlet={CHANNEL_A}",
    }

    async def answers() -> dict[str, httpx.Response]:
        transport = httpx.ASGITransport(app=app)
        async with (
            app.router.lifespan_context(app),
            httpx.AsyncClient(transport=transport, base_url="http://frontwire.test") as client,
        ):
            return {name: await client.get(path) for name, path in paths.items()}

    got = anyio.run(answers)
    assert {name: r.status_code for name, r in got.items()} == dict.fromkeys(paths, 200)
    (incident,) = got["by_b"].json()["items"]
    assert [i["id"] for i in got["by_a"].json()["items"]] == [incident["id"]]
    assert [e["outlet"]["domain"] for e in got["events"].json()["items"]] == [CHANNEL_A]
    outlets = {o["domain"]: o["name"] for o in got["outlets"].json()["items"]}
    assert outlets == {"enabbaladi.net": "Enab Baladi", CHANNEL_A: "Idlib Now", CHANNEL_B: CHANNEL_B}
    assert {f["value"] for f in got["facets"].json()["outlet"]} == {"enabbaladi.net", CHANNEL_A, CHANNEL_B}
    (row,) = csv.DictReader(got["csv"].text.splitlines())
    assert row["source_scale"] == "New media-National"


@pytest.mark.parametrize(
    ("keys", "outlets", "scale"),
    [
        ([CHANNEL_A], {}, "New media"),  # no stored outlet: the key is enough
        (["t.me"], {}, "New media"),  # a post whose URL named no channel
        ([CHANNEL_A], {CHANNEL_A: Outlet(domain=CHANNEL_A, name="Idlib Now", country="SY")}, "New media"),
        (
            ["x.com/idlibnow", "enabbaladi.net"],
            {"enabbaladi.net": Outlet(domain="enabbaladi.net", name="E", country="SY")},
            "New media-National",
        ),
        (
            ["youtube.com/@idlibnow", "reuters.com", "unknown:ar-1"],
            {"reuters.com": Outlet(domain="reuters.com", name="R", country="GB")},
            "New media-Other-International",
        ),
        (
            ["enabbaladi.net"],
            {
                "enabbaladi.net": Outlet(
                    domain="enabbaladi.net", name="E", country="SY", aliases=("t.me/enabbaladi",)
                )
            },
            "National",
        ),
    ],
)
def test_source_scale_of_social_media(keys, outlets, scale):
    assert source_scale("SY", keys, outlets) == scale


POSTS_JSONL = [
    {
        "id": "tg-idlib-now-48211",
        "url": POST_A[0],
        "published": "2024-06-14",
        "text": f"Idlib Now\n{POST_A[2]}\n",
    },
    {
        "id": "tg-idlib-now-48215",
        "url": POST_A_UPDATE[0],
        "published": "2024-06-14",
        "text": f"Idlib Now\n{POST_A_UPDATE[2]}\n",
    },
    {
        "id": "tg-northsyria-9021",
        "url": POST_B[0],
        "published": "2024-06-14",
        "html": (
            "<html><head><title>North Syria Monitor – Telegram</title>"
            '<meta property="og:title" content="North Syria Monitor">'
            '<meta property="og:site_name" content="Telegram"></head><body>'
            f"<div class='tgme_widget_message_text'><p>{POST_B[2]}</p>"
            "<p>Civil Defence teams pulled the wounded from a damaged house and took them to a hospital in "
            "Sarmada; the strike left a crater beside the road to Bab al-Hawa.</p></div>"
            "<a href='https://t.me/northsyria_monitor'>Subscribe</a></body></html>"
        ),
    },
]


def test_pipeline_counts_two_channels_once_each(store_url, tmp_path):
    """The whole pipeline over three posts: two channels, one of them posting twice."""
    from frontwire.run.ingest import ingest

    path = tmp_path / "posts.jsonl"
    path.write_text("".join(json.dumps(p) + "\n" for p in POSTS_JSONL), encoding="utf-8")
    stats = ingest([str(path)], db=store_url)
    assert stats.failed == 0 and stats.pages["new"] == 3
    with open_store(store_url, read_only=True) as s:
        events = query.events(s)
        found = query.incidents(s)
        names = {r["domain"]: r["name"] for r in s.rows("SELECT domain, name FROM outlets")}
    assert sorted(e.outlet for e in events) == [CHANNEL_A, CHANNEL_A, CHANNEL_B]
    assert names == {CHANNEL_A: CHANNEL_A, CHANNEL_B: CHANNEL_B}  # "Telegram" does not name a channel
    strikes = [i for i in found if i.event_date == STRIKE_DAY and i.sub_event_type == "Air/drone strike"]
    assert [(i.outlets, len(i.mention_ids)) for i in strikes] == [([CHANNEL_A, CHANNEL_B], 3)]
    assert strikes[0].grade == GRADE_INDEPENDENT
