"""Social-media platforms: on them the outlet is the account, not the domain.

    social_page("https://t.me/s/Rybar/61234")          -> SocialPage(account="t.me/rybar")
    social_page("https://twitter.com/i/web/status/1")  -> SocialPage(account=None): the platform only

Two Telegram channels are two sources, so a page on a platform below is keyed by its account:
`<platform domain>/<account>`, case-folded ("t.me/rybar", "x.com/rybar", "youtube.com/@rybar"). A URL
that names no account (an invite link, a bare video id, a search) keeps the platform's domain as its key.
Registry entries may use account keys ("t.me/rybar"); `frontwire.export.scale` calls every outlet on a
platform here "New media", so no per-account label is needed.

Each platform is one row of `PLATFORMS`: the domains it serves pages from, a pattern that reads the
account from a URL's lower-cased path, and the first path parts that are the platform's own pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from frontwire.outlets._domains import registrable, split_url
from frontwire.outlets._text import squash


@dataclass(frozen=True, slots=True)
class Platform:
    """One social-media platform and how its URLs name an account."""

    domain: str  # the first part of every account key: "t.me"
    names: tuple[str, ...]  # its own names, the display name first; a site_name equal to one names no account
    hosts: frozenset[str]  # the registrable domains it serves pages from
    account: re.Pattern[str]  # matched against the lower-cased path; group 1 is the account
    not_accounts: frozenset[str] = frozenset()  # group-1 values that are the platform's own pages

    @property
    def name(self) -> str:
        return self.names[0]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Account syntax from each platform's own rules where they are published (Telegram: 4-32 characters,
# a letter first; X: 1-15 of [a-z0-9_]); elsewhere a permissive name pattern plus the platform's own paths.
PLATFORMS: tuple[Platform, ...] = (
    Platform(
        domain="t.me",
        names=("Telegram",),
        hosts=frozenset({"t.me", "telegram.me", "telegram.dog"}),
        account=re.compile(r"/(?:s/)?([a-z][a-z0-9_]{3,31})(?:/|$)"),
        not_accounts=_words(
            "joinchat addstickers addemoji addtheme addlist share proxy socks iv setlanguage login "
            "confirmphone contact invoice boost"
        ),
    ),
    Platform(
        domain="x.com",
        names=("X", "Twitter", "X (formerly Twitter)"),
        hosts=frozenset({"x.com", "twitter.com"}),
        account=re.compile(r"/([a-z0-9_]{1,15})(?:/|$)"),
        not_accounts=_words(
            "i home search explore hashtag intent share settings messages notifications compose login "
            "logout signup tos privacy account"
        ),
    ),
    Platform(
        domain="facebook.com",
        names=("Facebook",),
        hosts=frozenset({"facebook.com", "fb.com"}),
        account=re.compile(r"/([a-z0-9][a-z0-9.-]{1,79})(?:/|$)"),
        not_accounts=_words(
            "watch groups events pages people photo photos videos reel reels story.php permalink.php "
            "photo.php profile.php sharer sharer.php share share.php hashtag login login.php marketplace "
            "gaming help plugins dialog media search"
        ),
    ),
    Platform(
        domain="youtube.com",
        names=("YouTube",),
        hosts=frozenset({"youtube.com", "youtu.be"}),
        account=re.compile(r"/(@[\w.-]{3,30}|channel/[\w-]{10,40}|c/[\w.-]+|user/[\w.-]+)(?:/|$)"),
    ),
    Platform(
        domain="instagram.com",
        names=("Instagram",),
        hosts=frozenset({"instagram.com"}),
        account=re.compile(r"/(?:stories/)?([a-z0-9_.]{1,30})(?:/|$)"),
        not_accounts=_words("p reel reels tv explore accounts direct stories about legal"),
    ),
    Platform(
        domain="tiktok.com",
        names=("TikTok",),
        hosts=frozenset({"tiktok.com"}),
        account=re.compile(r"/(@[a-z0-9_.]{2,24})(?:/|$)"),
    ),
    Platform(
        domain="vk.com",
        names=("VK", "VKontakte", "ВКонтакте"),
        hosts=frozenset({"vk.com"}),
        # wall-1_2, video-1_2, photo1_2... are posts named by the owner's number, not by an account name
        account=re.compile(
            r"/(?!(?:wall|video|photo|clip|album|topic|doc|audio|story|market|note|poll)-?\d)"
            r"([a-z0-9_.]{2,32})(?:/|$)"
        ),
        not_accounts=_words(
            "feed im search away.php share.php login video clips music friends groups apps settings"
        ),
    ),
)
_BY_HOST = {host: platform for platform in PLATFORMS for host in platform.hosts}


@dataclass(frozen=True, slots=True)
class SocialPage:
    """A URL on a social-media platform: the platform, and the account key when the URL names one."""

    platform: Platform
    account: str | None  # "t.me/rybar"; None for a URL that names no account

    @property
    def key(self) -> str:
        """The outlet key: the account, else the platform's domain."""
        return self.account or self.platform.domain


def social_page(url: str) -> SocialPage | None:
    """The platform and account of a URL, an account key ("t.me/rybar") or a host; None off the platforms."""
    found = split_url(url)
    if found is None:
        return None
    host, path = found
    platform = _BY_HOST.get(registrable(host))
    if platform is None:
        return None
    match = platform.account.match(path.casefold())
    name = match.group(1) if match else None
    if name is None or name in platform.not_accounts:
        return SocialPage(platform=platform, account=None)
    return SocialPage(platform=platform, account=f"{platform.domain}/{name}")


def account_name(page: SocialPage, site_name: str | None) -> str:
    """A display name for the outlet of `page`: the site name the page gives, unless it only names the
    platform ("Telegram", "X (formerly Twitter)"), else the account key; the platform's name without one."""
    if page.account is None:
        return page.platform.name
    if site_name and site_name.strip():
        squashed = squash(site_name)
        if squashed and squashed not in {squash(n) for n in page.platform.names}:
            return site_name.strip()
    return page.account
