"""The outlet registry: the shipped data, URL and text identification, user files, independence."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontwire.config import Settings
from frontwire.errors import ConfigError
from frontwire.outlets import LABELS, PLATFORMS, Registry, independent, registry_for, social_page
from frontwire.outlets._domains import PLATFORM_DOMAINS
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


def test_non_social_platform_url_falls_back_to_text(registry: Registry) -> None:
    """A shortener's or an archive's URL says nothing about who published the page: the text decides."""
    for url in ("https://bit.ly/3xYz", "https://archive.ph/AbCd1"):
        outlet = registry.identify(url, HARBOUR_PAGE)
        assert outlet is not None and outlet.domain == "harbourgazette.net"


# --- social-media accounts --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "key"),
    [
        ("https://t.me/Idlib_Now/48211", "t.me/idlib_now"),
        ("https://t.me/s/Idlib_Now/48211", "t.me/idlib_now"),  # the web preview of the same post
        ("https://t.me/s/idlib_now", "t.me/idlib_now"),
        ("https://telegram.me/idlib_now/5?single", "t.me/idlib_now"),
        ("t.me/idlib_now/5", "t.me/idlib_now"),  # no scheme
        ("https://x.com/NorthSyriaMon/status/1801234567890123456", "x.com/northsyriamon"),
        ("https://twitter.com/NorthSyriaMon/status/1801234567890123456?s=20", "x.com/northsyriamon"),
        ("https://mobile.twitter.com/northsyriamon", "x.com/northsyriamon"),
        ("https://www.facebook.com/SyriaCivilDefence/posts/pfbid02abc", "facebook.com/syriacivildefence"),
        ("https://m.facebook.com/syria.civil.defence/videos/123456/", "facebook.com/syria.civil.defence"),
        ("https://web.facebook.com/SyriaCivilDefence/", "facebook.com/syriacivildefence"),
        ("https://www.youtube.com/@IdlibNow/videos", "youtube.com/@idlibnow"),
        ("https://m.youtube.com/@idlib.now/shorts", "youtube.com/@idlib.now"),
        (
            "https://www.youtube.com/channel/UCa1b2c3d4e5f6g7h8i9j0k1l/live",
            "youtube.com/channel/uca1b2c3d4e5f6g7h8i9j0k1l",
        ),
        ("https://www.instagram.com/Idlib.Now/p/C7xYz12AbCd/", "instagram.com/idlib.now"),
        ("https://www.instagram.com/stories/idlib_now/3391234567/", "instagram.com/idlib_now"),
        ("https://www.tiktok.com/@Idlib.Now/video/7380123456789012345", "tiktok.com/@idlib.now"),
        ("https://vk.com/IdlibNow", "vk.com/idlibnow"),
        ("https://m.vk.com/idlibnow?w=wall-123_456", "vk.com/idlibnow"),
        ("https://web.archive.org/web/20240614/https://t.me/Idlib_Now/48211", "t.me/idlib_now"),
    ],
)
def test_social_url_names_the_account(registry: Registry, url: str, key: str) -> None:
    page = social_page(url)
    assert page is not None and page.account == key == page.key
    outlet = registry.identify(url, "")
    assert outlet == Outlet(domain=key, name=key)  # unregistered, and no site name to read


@pytest.mark.parametrize(
    ("url", "platform", "name"),
    [
        ("https://t.me/joinchat/AAAAAEJ7x3k2bQ", "t.me", "Telegram"),  # invite links name no channel
        ("https://t.me/+AbCdEf123", "t.me", "Telegram"),
        ("https://t.me/c/1234567890/42", "t.me", "Telegram"),  # a private channel's number
        ("https://t.me/iv?url=https://harbourgazette.net/x", "t.me", "Telegram"),
        ("https://x.com/i/web/status/1801234567890123456", "x.com", "X"),
        ("https://twitter.com/search?q=sarmada", "x.com", "X"),
        ("https://twitter.com/intent/tweet?text=hi", "x.com", "X"),
        ("https://www.facebook.com/watch?v=1234567890", "facebook.com", "Facebook"),
        ("https://www.facebook.com/watch/?v=1234567890", "facebook.com", "Facebook"),
        ("https://www.facebook.com/permalink.php?story_fbid=1&id=2", "facebook.com", "Facebook"),
        ("https://www.facebook.com/profile.php?id=100064", "facebook.com", "Facebook"),
        ("https://www.facebook.com/groups/123456/posts/789", "facebook.com", "Facebook"),
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "youtube.com", "YouTube"),
        ("https://youtu.be/dQw4w9WgXcQ", "youtube.com", "YouTube"),
        ("https://www.youtube.com/shorts/dQw4w9WgXcQ", "youtube.com", "YouTube"),
        ("https://www.instagram.com/p/C7xYz12AbCd/", "instagram.com", "Instagram"),
        ("https://www.instagram.com/reel/C7xYz12AbCd/", "instagram.com", "Instagram"),
        ("https://vm.tiktok.com/ZMrAbCdEf/", "tiktok.com", "TikTok"),
        ("https://vk.com/wall-123456_789", "vk.com", "VK"),
        ("https://vk.com/video-123456_789", "vk.com", "VK"),
    ],
)
def test_social_url_without_an_account_is_the_platform(
    registry: Registry, url: str, platform: str, name: str
) -> None:
    page = social_page(url)
    assert page is not None and page.account is None and page.key == platform
    # the page's text is not read: a post citing a site is still the platform's
    assert registry.identify(url, HARBOUR_PAGE, site_name="Harbour Gazette") == Outlet(
        domain=platform, name=name
    )


def test_a_telegram_post_citing_sites_is_the_channel(registry: Registry) -> None:
    outlet = registry.identify("https://t.me/s/portcouncil/123", HARBOUR_PAGE)
    assert outlet == Outlet(domain="t.me/portcouncil", name="t.me/portcouncil")


@pytest.mark.parametrize(
    "url", ["https://reuters.com/x", "https://telegraph.co.uk/a", "https://bit.ly/t", "not a url", ""]
)
def test_off_the_platforms(url: str) -> None:
    assert social_page(url) is None


@pytest.mark.parametrize(
    ("url", "site_name", "name"),
    [
        ("https://t.me/s/Idlib_Now/48211", "Idlib Now", "Idlib Now"),
        ("https://t.me/Idlib_Now/48211", "Telegram", "t.me/idlib_now"),  # og:site_name of every t.me page
        ("https://x.com/NorthSyriaMon/status/1", "X (formerly Twitter)", "x.com/northsyriamon"),
        (
            "https://twitter.com/NorthSyriaMon/status/1",
            "twitter",
            "x.com/northsyriamon",
        ),  # twitter:site "@twitter"
        ("https://www.youtube.com/@IdlibNow/videos", "YouTube", "youtube.com/@idlibnow"),
        ("https://vk.com/idlibnow", "ВКонтакте", "vk.com/idlibnow"),
        ("https://www.facebook.com/SyriaCivilDefence/", "  ", "facebook.com/syriacivildefence"),
    ],
)
def test_account_name_from_the_page(registry: Registry, url: str, site_name: str, name: str) -> None:
    outlet = registry.identify(url, "", site_name=site_name)
    assert outlet is not None and outlet.name == name


ACCOUNTS_FILE = """\
[[outlet]]
domain = "https://t.me/s/Idlib_Now/1"
name = "Idlib Now"
country = "SY"
[[outlet.label]]
label = "monitor"
source = "https://example.org/idlib-now-profile"

[[outlet]]
domain = "t.me"
name = "Telegram (unattributed)"

[[outlet]]
domain = "harbourgazette.net"
name = "The Harbour Gazette"
aliases = ["x.com/HarbourGazette", "t.me/harbour_gazette"]
"""


def test_registry_account_entries(tmp_path: Path) -> None:
    path = tmp_path / "outlets.toml"
    path.write_text(ACCOUNTS_FILE, encoding="utf-8")
    registry = registry_for(Settings(outlets_file=path))
    idlib = registry.identify("https://t.me/idlib_now/48211", "", site_name="Telegram")
    assert idlib is not None and (idlib.domain, idlib.name, idlib.country) == (
        "t.me/idlib_now",
        "Idlib Now",
        "SY",
    )
    assert [label.label for label in idlib.labels] == ["monitor"]
    assert registry.get("t.me/IDLIB_NOW") == registry.get("https://telegram.me/s/idlib_now/2") == idlib
    # an unregistered channel is its own outlet, never the platform's entry; a URL naming no channel is
    assert registry.identify("https://t.me/northsyria_monitor/9021", "") == Outlet(
        domain="t.me/northsyria_monitor", name="t.me/northsyria_monitor"
    )
    assert registry.get("https://t.me/northsyria_monitor/9021") is None
    platform = registry.identify("https://t.me/joinchat/AAAAAEJ7x3k2bQ", "")
    assert platform is not None and platform.name == "Telegram (unattributed)"
    # an outlet's own accounts, listed as aliases, are that outlet
    for url in ("https://twitter.com/harbourgazette/status/1", "https://t.me/s/Harbour_Gazette/7"):
        found = registry.identify(url, "")
        assert found is not None and found.domain == "harbourgazette.net"
    assert registry.get("harbourgazette.net").aliases == ("x.com/harbourgazette", "t.me/harbour_gazette")


@pytest.mark.parametrize(
    "domain", ["https://t.me/joinchat/AAAAAEJ7x3k2bQ", "https://x.com/i/web/status/1", "example.com/news"]
)
def test_registry_rejects_paths_that_name_no_account(tmp_path: Path, domain: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(f"[[outlet]]\ndomain = '{domain}'\nname = 'X'\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not a bare domain name or a social-media account"):
        registry_for(Settings(outlets_file=path))


def test_every_platform_is_on_the_platform_deny_list() -> None:
    """Text identification never picks a platform's domain as a page's own (see PLATFORM_DOMAINS)."""
    for platform in PLATFORMS:
        assert platform.domain in PLATFORM_DOMAINS
        assert platform.hosts <= PLATFORM_DOMAINS


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


def test_accounts_on_one_platform_are_independent_of_each_other() -> None:
    def account(key: str, **kw) -> Outlet:
        return Outlet(domain=key, name=key, **kw)

    assert independent(account("t.me/idlib_now"), account("t.me/northsyria_monitor"))
    assert not independent(account("t.me/idlib_now"), account("t.me/idlib_now"))
    # a handle is compared whole, not split like a host name (these two shared a "family" as domains)
    assert independent(account("youtube.com/@news.com"), account("youtube.com/@news.net"))
    assert independent(account("t.me/idlib_now"), Outlet(domain="t.me", name="Telegram"))
    # the owner rule still ties an outlet's channel to its site
    assert not independent(
        account("t.me/rt_russian", owner="TV-Novosti"), account("rt.com", owner="TV-Novosti")
    )
