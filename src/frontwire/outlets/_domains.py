"""Host names: normalising a URL's host, the registrable domain, and the platform deny-list.

We ship no public-suffix list: a country-code TLD whose second level is one of the
generic words below (`co.uk`, `com.ua`, `org.il`...) is treated as a two-part suffix,
plus a few two-part suffixes that do not follow that pattern. This covers the news
domains frontwire meets; a wrong split only costs a missed alias, never a crash.
"""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

# Second-level words that, under a two-letter country TLD, make a public suffix (bbc.co.uk, pravda.com.ua).
_GENERIC_SECOND_LEVEL = frozenset(
    {"co", "com", "org", "net", "gov", "ac", "edu", "mil", "or", "ne", "go", "info"}
)
# Generic TLDs under which one name is one brand (aljazeera.com, aljazeera.net).
_GENERIC_TLDS = frozenset({"com", "net", "org", "info", "tv", "press", "news", "media", "io", "co"})
# Host prefixes that name a rendering of the same site, not another site.
_RENDERING_PREFIXES = ("www.", "www2.", "m.", "amp.", "mobile.")

# Platforms, shorteners, CDNs and reference sites: a page links to these, it is not published by them.
PLATFORM_DOMAINS = frozenset(
    {
        # social networks and messaging
        "twitter.com", "x.com", "facebook.com", "fb.com", "fb.me", "instagram.com", "youtube.com",
        "youtu.be", "tiktok.com", "t.me", "telegram.org", "telegram.me", "telegram.dog", "vk.com", "ok.ru",
        "linkedin.com", "reddit.com", "whatsapp.com", "wa.me", "pinterest.com", "tumblr.com",
        "threads.net", "bsky.app", "mastodon.social", "gab.com", "rumble.com", "odysee.com",
        "bitchute.com", "vimeo.com", "dailymotion.com", "soundcloud.com", "flickr.com", "medium.com",
        "substack.com", "patreon.com", "paypal.com", "subscribestar.com", "buymeacoffee.com",
        # shorteners
        "bit.ly", "t.co", "goo.gl", "tinyurl.com", "ow.ly", "buff.ly", "is.gd", "dlvr.it", "trib.al",
        "shorturl.at", "rb.gy", "po.st", "lnkd.in", "apple.co", "spoti.fi", "amzn.to",
        # CDNs, hosting and web plumbing
        "cloudflare.com", "cloudfront.net", "akamaihd.net", "akamaized.net", "googleapis.com",
        "gstatic.com", "googleusercontent.com", "wp.com", "wordpress.com", "wordpress.org",
        "gravatar.com", "disqus.com", "wpdiscuz.com", "blogspot.com", "amazonaws.com", "jsdelivr.net",
        "w3.org", "schema.org", "ogp.me", "doubleclick.net", "google-analytics.com",
        # search, reference, archives, stores
        "google.com", "bing.com", "yandex.ru", "apple.com", "microsoft.com", "amazon.com",
        "wikipedia.org", "wikimedia.org", "archive.org", "archive.ph", "archive.today", "github.com",
        "gmail.com", "outlook.com", "yahoo.com", "protonmail.com", "proton.me",
    }
)  # fmt: skip


def registrable(host: str) -> str:
    """The registrable domain of a host: `news.bbc.co.uk` → `bbc.co.uk`, `en.irna.ir` → `irna.ir`."""
    labels = [part for part in host.lower().strip(".").split(".") if part]
    if len(labels) <= 2:
        return ".".join(labels)
    if len(labels[-1]) == 2 and labels[-2] in _GENERIC_SECOND_LEVEL:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def strip_rendering(host: str) -> str:
    """Drop `www.`, `m.`, `amp.` (repeatedly) unless that would leave a bare suffix."""
    host = host.lower().strip(".")
    changed = True
    while changed:
        changed = False
        for prefix in _RENDERING_PREFIXES:
            rest = host[len(prefix) :]
            if host.startswith(prefix) and "." in rest and registrable(rest) == registrable(host):
                host, changed = rest, True
    return host


def host_of(url: str) -> str | None:
    """The normalised host of a URL (or a bare `example.com/path`), or None when it has none.

    A Wayback Machine address yields the archived page's host.
    """
    found = split_url(url)
    return found[0] if found else None


def split_url(url: str) -> tuple[str, str] | None:
    """The normalised host and the percent-decoded path of a URL (see `host_of`), or None without a host.

    A Wayback Machine address yields the archived page's host and path.
    """
    url = url.strip()
    if not url:
        return None
    if "://" not in url and not url.startswith("//"):
        url = "//" + url
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    host = strip_rendering(host)
    path = unquote(parts.path)
    if registrable(host) == "archive.org":
        start = path.find("http", 1)
        inner = split_url(path[start:]) if start != -1 else None
        if inner:
            return inner
    return host, path


def parents(host: str) -> list[str]:
    """The host and its parent domains down to the registrable one, most specific first."""
    top = registrable(host)
    out = [host]
    while out[-1] != top and "." in out[-1]:
        out.append(out[-1].split(".", 1)[1])
    return out


def is_platform(host: str) -> bool:
    """True for social networks, shorteners, CDNs and reference sites (see PLATFORM_DOMAINS)."""
    return registrable(host) in PLATFORM_DOMAINS or host in PLATFORM_DOMAINS


def publisher(key: str) -> str:
    """What an outlet key publishes under: a host's registrable domain; a social-media account key
    (`t.me/rybar`, see `frontwire.outlets._social`) whole, since its platform is not its publisher."""
    return key.strip().casefold() if "/" in key else registrable(key)


def family(host: str) -> str:
    """The domain family: `aljazeera.net` and `aljazeera.com` share `aljazeera`.

    Only generic TLDs fold together; under country TLDs the same name is often a different
    outlet (`pravda.com.ua` is not `pravda.ru`), so there the family is the registrable domain.
    A social-media account key is a family of its own.
    """
    domain = publisher(host)
    if "/" in domain:
        return domain
    name, _, suffix = domain.partition(".")
    return name if suffix in _GENERIC_TLDS else domain
