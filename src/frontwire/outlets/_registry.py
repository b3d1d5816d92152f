"""The outlet registry: domains (current, former, alternate) and social-media accounts → `Outlet`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path

from frontwire.outlets._domains import family, host_of, is_platform, parents, registrable, strip_rendering
from frontwire.outlets._load import load_file, parse
from frontwire.outlets._social import account_name, social_page
from frontwire.outlets._text import best_outlet, guess_name
from frontwire.records import Outlet

DEFAULT_FILE = "outlets.toml"


class Registry:
    """Outlets indexed by every domain they publish under, and by social-media account keys ("t.me/rybar").

    Later outlets win: an outlet that shares a domain or alias with an earlier one replaces it,
    which is how a user's file overrides the shipped default.
    """

    def __init__(self, outlets: Iterable[Outlet] = ()) -> None:
        self._outlets: dict[str, Outlet] = {}
        for outlet in outlets:
            self._add(outlet)
        self._index = {d: o for o in self._outlets.values() for d in (o.domain, *o.aliases)}

    def _add(self, outlet: Outlet) -> None:
        claimed = {outlet.domain, *outlet.aliases}
        for key, old in list(self._outlets.items()):
            if claimed & {old.domain, *old.aliases}:
                del self._outlets[key]
        self._outlets[outlet.domain] = outlet

    @classmethod
    def default(cls) -> Registry:
        """The registry shipped with frontwire (`frontwire/data/outlets.toml`)."""
        text = resources.files("frontwire").joinpath("data", DEFAULT_FILE).read_text(encoding="utf-8")
        return cls(parse(text, f"frontwire/data/{DEFAULT_FILE}"))

    @classmethod
    def with_user_file(cls, path: Path | None) -> Registry:
        """The default registry with a user's TOML file merged over it (user entries win)."""
        base = cls.default()
        if path is None:
            return base
        return cls([*base, *load_file(Path(path))])

    def get(self, domain: str) -> Outlet | None:
        """The outlet publishing under `domain` (a host, URL or account key).

        On a social-media platform: the account's entry (an unregistered account is not the platform's
        outlet), or the platform's entry for a URL naming no account; elsewhere the exact host, then its
        parent domains.
        """
        social = social_page(domain)
        if social is not None:
            return self._index.get(social.key)
        host = host_of(domain) if ("/" in domain or ":" in domain) else strip_rendering(domain)
        if not host:
            return None
        for candidate in parents(host):
            if candidate in self._index:
                return self._index[candidate]
        return None

    def identify(self, url: str | None, text: str, site_name: str | None = None) -> Outlet | None:
        """The outlet that published a page: by its URL, else by the domain its own text names.

        A URL on a domain the registry does not know gives an unregistered `Outlet` for that
        domain (named from the page when it can be). On a social-media platform the outlet is the
        account (`frontwire.outlets._social`): its registry entry, else an unregistered `Outlet`
        keyed "t.me/<channel>" and named by the page's site name; a URL naming no account gives the
        platform. Any other platform URL (a shortener, an archive, a CDN) says nothing about the
        outlet, so the text decides.
        """
        social = social_page(url) if url else None
        if social is not None:
            found = self._index.get(social.key)
            return found or Outlet(domain=social.key, name=account_name(social, site_name))
        host = host_of(url) if url else None
        if host and not is_platform(host):
            found = self.get(host)
            if found is not None:
                return found
            domain = registrable(host)
            return Outlet(domain=domain, name=guess_name(domain, text or "", site_name))
        if not text:
            return None
        return best_outlet(text, self.get)

    def related(self, outlet: Outlet) -> list[Outlet]:
        """Registered outlets in the same domain family as `outlet` (itself excluded)."""
        mine = {family(d) for d in (outlet.domain, *outlet.aliases)}
        return [
            o
            for o in self
            if o.domain != outlet.domain and mine & {family(d) for d in (o.domain, *o.aliases)}
        ]

    def __iter__(self) -> Iterator[Outlet]:
        return iter(self._outlets.values())

    def __len__(self) -> int:
        return len(self._outlets)

    def __contains__(self, domain: object) -> bool:
        return isinstance(domain, str) and self.get(domain) is not None
