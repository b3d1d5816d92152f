"""The outlet registry: the shipped data, URL and text identification, user files, independence."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontwire.config import Settings
from frontwire.errors import ConfigError
from frontwire.outlets import LABELS, Registry, independent, registry_for
from frontwire.records import Outlet, OutletLabel

CANONICAL = Path(__file__).resolve().parents[1] / ".." / "shared" / "pages"
CANONICAL_PAGE = CANONICAL / "southfront-2024-05-airstrikes-central-syria.txt"

# A page of our own: the outlet names itself only in its chrome, while the body cites a wire
# agency's site, a Telegram channel, a tweet and a shortened link.
HARBOUR_PAGE = """\
Home | World | Region | Opinion
Harbour Gazette: news from the coast
Shelling reported near the port

Local officials said three shells struck the port district overnight, according to reuters.com, \
which cited a statement posted on t.me/portcouncil and later on twitter.com/portcouncil/status/1.
A video shared via bit.ly/3xYz showed smoke over the harbour; the claim could not be verified \
and apnews.com carried a similar account from a second official.

Subscribe to the Harbour Gazette newsletter
© 2024 harbourgazette.net - all rights reserved
"""


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry.default()


# --- the shipped registry -------------------------------------------------------------------


def test_default_registry_size_and_vocabulary(registry: Registry) -> None:
    outlets = list(registry)
    assert 60 <= len(registry) == len(outlets) <= 120
    for outlet in outlets:
        assert outlet.name and "." in outlet.domain
        assert outlet.country is None or (len(outlet.country) == 2 and outlet.country.isupper())
        for label in outlet.labels:
            assert label.label in LABELS
            assert label.source.startswith("https://")


def test_no_domain_is_claimed_twice(registry: Registry) -> None:
    seen: dict[str, str] = {}
    for outlet in registry:
        for domain in (outlet.domain, *outlet.aliases):
            assert domain not in seen, f"{domain} claimed by {seen.get(domain)} and {outlet.name}"
            seen[domain] = outlet.name


# --- by URL ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "domain"),
    [
        ("https://southfront.press/russian-airstrikes/", "southfront.press"),
        ("https://www.southfront.org/some-old-article/", "southfront.press"),  # former domain
        ("http://southfront.com/2014/page", "southfront.press"),  # older former domain
        ("https://www.bbc.co.uk/news/world-middle-east-1", "bbc.com"),  # alias under a two-part suffix
        ("https://m.bbc.com/arabic", "bbc.com"),
        ("https://amp.theguardian.com/world/2024/may/1/x", "theguardian.com"),
        ("https://en.irna.ir/news/85000000/", "irna.ir"),  # subdomain → parent
        ("https://news.un.org/en/story/2024/05/1", "news.un.org"),  # registered subdomain
        ("https://www.pravda.com.ua/eng/news/2024/05/16/1/", "pravda.com.ua"),
        ("https://web.archive.org/web/20200101000000/https://southfront.org/x/", "southfront.press"),
        ("sana.sy/en/?p=1", "sana.sy"),  # no scheme
    ],
)
def test_identify_by_url(registry: Registry, url: str, domain: str) -> None:
    outlet = registry.identify(url, "")
    assert outlet is not None and outlet.domain == domain


def test_unregistered_url_gives_its_registrable_domain(registry: Registry) -> None:
    outlet = registry.identify("https://live.harbourgazette.net/2024/05/shelling", HARBOUR_PAGE)
    assert outlet == Outlet(domain="harbourgazette.net", name="Harbour Gazette")
    assert registry.get("harbourgazette.net") is None


def test_platform_url_falls_back_to_text(registry: Registry) -> None:
    outlet = registry.identify("https://t.me/s/somechannel/123", HARBOUR_PAGE)
    assert outlet is not None and outlet.domain == "harbourgazette.net"


def test_get(registry: Registry) -> None:
    rt = registry.get("rt.com")
    assert rt is not None and rt.name == "RT"
    assert registry.get("WWW.RT.COM") == rt
    assert registry.get("https://arabic.rt.com/news/1") == rt
    assert registry.get("example.invalid") is None
    assert "southfront.org" in registry and "example.invalid" not in registry


# --- by the page's own text -----------------------------------------------------------------


@pytest.mark.skipif(not CANONICAL_PAGE.exists(), reason="shared evaluation pages not present")
def test_canonical_page_is_southfront(registry: Registry) -> None:
    outlet = registry.identify(None, CANONICAL_PAGE.read_text(encoding="utf-8"))
    assert outlet is not None
    assert (outlet.name, outlet.domain) == ("SouthFront", "southfront.press")
    assert {"southfront.org", "southfront.com"} <= set(outlet.aliases)
    labels = {label.label: label for label in outlet.labels}
    assert "sanctioned" in labels and labels["sanctioned"].source.startswith("https://home.treasury.gov/")


def test_body_cited_domains_are_not_the_outlet(registry: Registry) -> None:
    outlet = registry.identify(None, HARBOUR_PAGE)
    assert outlet is not None
    assert outlet.domain == "harbourgazette.net"
    assert outlet.name == "Harbour Gazette"


def test_page_citing_only_other_sites_has_no_outlet(registry: Registry) -> None:
    body_only = "\n".join(line for line in HARBOUR_PAGE.splitlines() if "harbour" not in line.lower())
    assert registry.identify(None, body_only) is None


def test_link_list_names_no_single_outlet(registry: Registry) -> None:
    links = "\n".join(f"Visit {name}.com" for name in ("alpha", "bravo", "charlie", "delta"))
    assert registry.identify(None, "Top stories elsewhere\n" + links) is None


def test_credited_agency_in_a_caption_is_not_the_outlet(registry: Registry) -> None:
    page = (
        "Smoke rises over the port\n"
        "Photo: Reuters\n"
        "Video via reuters.com\n" + "Officials said the fire was put out by morning. " * 4
    )
    assert registry.identify(None, page) is None


def test_name_in_headings_does_not_vouch_for_a_body_link(registry: Registry) -> None:
    body = "The regatta returns this summer with forty crews and a new course. " * 3
    page = (
        "Harbour Regatta Finals: what to expect\n"
        f"{body}Tickets and timings are at harbourregatta.com for anyone travelling in.\n"
        "More on the Harbour Regatta Finals\n"
    )
    assert registry.identify(None, page) is None


def test_registered_outlet_found_from_footer(registry: Registry) -> None:
    page = (
        "Strike on a depot\n"
        + "The depot burned for hours, witnesses said. " * 5
        + "\nFollow kyivindependent.com"
    )
    outlet = registry.identify(None, page)
    assert outlet is not None and outlet.name == "The Kyiv Independent"


def test_empty_text_and_no_url(registry: Registry) -> None:
    assert registry.identify(None, "") is None
    assert registry.identify(None, "No domains here at all.") is None


# --- user files -----------------------------------------------------------------------------

USER_FILE = """\
[[outlet]]
domain = "harbourgazette.net"
name = "The Harbour Gazette"
country = "GB"
owner = "Harbour Media"

[[outlet]]
domain = "southfront.press"
name = "South Front (user)"
aliases = ["southfront.org"]
[[outlet.label]]
label = "state-affiliated"
source = "https://example.org/a-report"
affiliate = "RU"
"""


def test_user_file_is_merged_over_default(tmp_path: Path) -> None:
    path = tmp_path / "outlets.toml"
    path.write_text(USER_FILE, encoding="utf-8")
    registry = registry_for(Settings(outlets_file=path))
    default = Registry.default()
    assert len(registry) == len(default) + 1
    assert registry.identify("https://harbourgazette.net/x", "").name == "The Harbour Gazette"
    user_sf = registry.get("southfront.org")
    assert user_sf is not None and user_sf.name == "South Front (user)"
    assert registry.get("southfront.com") is None  # the user's entry replaced the default whole
    assert registry.get("reuters.com") == default.get("reuters.com")
    assert registry_for(Settings(outlets_file=path)) is registry  # cached per file


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("[[outlet]\ndomain = 'x.com'", "not valid TOML"),
        ("[[outlet]]\nname = 'No Domain'\n", "missing required key 'domain'"),
        ("[[outlet]]\ndomain = 'x.com'\nname = 'X'\ncountry = 'Russia'\n", "ISO-3166"),
        ("[[outlet]]\ndomain = 'https://x.com/'\nname = 'X'\n", "not a bare domain"),
        (
            "[[outlet]]\ndomain = 'x.com'\nname = 'X'\n[[outlet.label]]\nlabel = 'evil'\nsource = 's'\n",
            "unknown label",
        ),
        ("[[outlet]]\ndomain = 'x.com'\nname = 'X'\n[[outlet.label]]\nlabel = 'sanctioned'\n", "'source'"),
        ("[[outlet]]\ndomain = 'x.com'\nname = 'X'\nowners = 'typo'\n", "unknown key"),
        ("[outlets]\n", "unknown top-level"),
    ],
)
def test_malformed_user_file_raises_config_error(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        registry_for(Settings(outlets_file=path))
    assert str(path) in str(caught.value)
    assert problem in str(caught.value)


def test_missing_user_file_raises_config_error(tmp_path: Path) -> None:
    path = tmp_path / "absent.toml"
    with pytest.raises(ConfigError, match="absent.toml"):
        registry_for(Settings(outlets_file=path))


# --- independence ---------------------------------------------------------------------------


def test_independent_on_registry_outlets(registry: Registry) -> None:
    def outlet(domain: str) -> Outlet:
        found = registry.get(domain)
        assert found is not None
        return found

    assert not independent(outlet("ria.ru"), outlet("sputnikglobe.com"))  # same owner
    assert not independent(outlet("rt.com"), outlet("tass.com"))  # both Russian state media
    assert not independent(outlet("aljazeera.com"), outlet("aljazeera.net"))  # same family and owner
    assert not independent(outlet("kurdistan24.net"), outlet("rudaw.net"))  # same party
    assert not independent(outlet("longwarjournal.org"), outlet("fdd.org"))  # same owner
    assert independent(outlet("reuters.com"), outlet("kyivindependent.com"))
    assert independent(outlet("sana.sy"), outlet("syriahr.com"))
    assert independent(outlet("rt.com"), outlet("meduza.io"))  # same region, no shared tie


def test_independent_rule_on_plain_records() -> None:
    label = OutletLabel(label="state-owned", source="https://example.org/report")
    a = Outlet(domain="alpha.example", name="Alpha", country="XX", labels=(label,))
    b = Outlet(domain="bravo.example", name="Bravo", country="XX", labels=(label,))
    c = Outlet(domain="charlie.example", name="Charlie", country="XX")  # same country, no state label
    d = Outlet(domain="delta.example", name="Delta", owner="Alpha Media  Group")
    e = Outlet(domain="echo.example", name="Echo", owner="alpha media group")
    f = Outlet(domain="foxtrot.example", name="Foxtrot", aliases=("alpha.example",))
    assert not independent(a, b)
    assert independent(a, c)
    assert not independent(d, e)
    assert not independent(a, f)
    assert independent(c, d)
