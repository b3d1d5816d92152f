"""Reading outlet registry files (TOML) into `Outlet` records.

The shape, shared by the shipped default and a user's `Settings.outlets_file`:

    [[outlet]]
    domain = "example.press"            # required: the current domain, or a social-media account
                                        # ("t.me/examplenews", "x.com/examplenews": see _social.PLATFORMS)
    name = "Example News"               # required
    country = "RU"                      # ISO-3166 alpha-2
    owner = "Example Media Group"       # who owns it (used by `independent`)
    aliases = ["example.org"]           # former or alternate domains, or the outlet's own accounts
    [[outlet.label]]
    label = "sanctioned"                # one of LABELS
    source = "https://..."              # the public source that applies the label (required)
    note = "..."                        # optional
    affiliate = "RU"                    # optional: the state or party the label ties it to

An account may be written as a URL; it is stored as its key (`t.me/ExampleNews/12` → `t.me/examplenews`).
Being on a social-media platform is not a label: `frontwire.outlets._social` knows the platforms.
Any mistake raises `ConfigError` naming the file and the entry.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from frontwire.errors import ConfigError
from frontwire.outlets._domains import strip_rendering
from frontwire.outlets._social import social_page
from frontwire.records import Outlet, OutletLabel

# The label vocabulary. Labels marked in AFFILIATION_LABELS tie an outlet to a state or party.
LABELS: dict[str, str] = {
    "state-owned": "owned or run by a government or a state body",
    "state-affiliated": (
        "found by a government, platform or reference work to be under a state's editorial control"
    ),
    "state-funded": "funded mainly by a state budget, with claimed editorial independence",
    "public-broadcaster": "a public-service broadcaster under a statute or charter guaranteeing independence",
    "party-affiliated": "owned by or aligned with a political party or armed movement (named in `affiliate`)",
    "sanctioned": (
        "designated under a government's sanctions or a broadcasting ban (the note names the measure)"
    ),
    "news-agency": "a wire service selling copy to other outlets",
    "intergovernmental": "published by an intergovernmental organisation",
    "monitor": "an organisation documenting incidents and casualties",
    "think-tank": "a research organisation publishing analysis",
}
AFFILIATION_LABELS = frozenset({"state-owned", "state-affiliated", "state-funded", "party-affiliated"})
# Labels whose affiliate defaults to the outlet's own country.
STATE_LABELS = frozenset({"state-owned", "state-affiliated", "state-funded"})

_OUTLET_KEYS = frozenset({"domain", "name", "country", "owner", "aliases", "label"})
_LABEL_KEYS = frozenset({"label", "source", "note", "affiliate"})


def load_file(path: Path) -> list[Outlet]:
    """Read one registry file. Raises `ConfigError` naming the file when it is missing or malformed."""
    source = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(source, f"cannot read outlet registry: {exc.strerror or exc}") from exc
    return parse(raw.decode("utf-8", errors="replace"), source)


def parse(text: str, source: str) -> list[Outlet]:
    """Parse registry TOML text; `source` names it in errors."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(source, f"not valid TOML: {exc}") from exc
    unknown = set(data) - {"outlet"}
    if unknown:
        raise ConfigError(source, f"unknown top-level key(s) {sorted(unknown)}; expected [[outlet]] tables")
    entries = data.get("outlet", [])
    if not isinstance(entries, list):
        raise ConfigError(source, "`outlet` must be an array of tables ([[outlet]])")
    return [_outlet(entry, source, index) for index, entry in enumerate(entries, start=1)]


def _outlet(entry: Any, source: str, index: int) -> Outlet:
    where = f"outlet #{index}"
    if not isinstance(entry, dict):
        raise ConfigError(source, f"{where} is not a table")
    unknown = set(entry) - _OUTLET_KEYS
    if unknown:
        raise ConfigError(source, f"{where}: unknown key(s) {sorted(unknown)}")
    domain = _text(entry, "domain", source, where, required=True)
    assert domain is not None
    domain = _domain(domain, source, where)
    where = f"outlet {domain!r}"
    name = _text(entry, "name", source, where, required=True)
    assert name is not None
    country = _text(entry, "country", source, where)
    if country is not None and not (len(country) == 2 and country.isalpha()):
        raise ConfigError(source, f"{where}: country {country!r} is not an ISO-3166 alpha-2 code")
    aliases = entry.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise ConfigError(source, f"{where}: aliases must be a list of domain strings")
    labels = entry.get("label", [])
    if not isinstance(labels, list):
        raise ConfigError(source, f"{where}: label must be an array of tables ([[outlet.label]])")
    return Outlet(
        domain=domain,
        name=name,
        country=country.upper() if country else None,
        owner=_text(entry, "owner", source, where),
        labels=tuple(_label(item, source, where) for item in labels),
        aliases=tuple(dict.fromkeys(_domain(alias, source, where) for alias in aliases)),
    )


def _label(item: Any, source: str, where: str) -> OutletLabel:
    if not isinstance(item, dict):
        raise ConfigError(source, f"{where}: each label must be a table")
    unknown = set(item) - _LABEL_KEYS
    if unknown:
        raise ConfigError(source, f"{where}: unknown label key(s) {sorted(unknown)}")
    label = _text(item, "label", source, where, required=True)
    if label not in LABELS:
        raise ConfigError(source, f"{where}: unknown label {label!r}; known labels are {sorted(LABELS)}")
    cited = _text(item, "source", source, where, required=True)
    assert cited is not None
    return OutletLabel(
        label=label,
        source=cited,
        note=_text(item, "note", source, where),
        affiliate=_text(item, "affiliate", source, where),
    )


def _text(table: dict[str, Any], key: str, source: str, where: str, required: bool = False) -> str | None:
    value = table.get(key)
    if value is None:
        if required:
            raise ConfigError(source, f"{where}: missing required key {key!r}")
        return None
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(source, f"{where}: {key!r} must be a non-empty string")
    return value.strip()


def _domain(value: str, source: str, where: str) -> str:
    domain = strip_rendering(value.strip().lower())
    if "/" in domain:
        social = social_page(domain)
        if social is not None and social.account is not None:
            return social.account
    if "/" in domain or " " in domain or "." not in domain:
        raise ConfigError(
            source,
            f"{where}: {value!r} is not a bare domain name or a social-media account"
            " (write e.g. 'example.com' or 't.me/examplenews')",
        )
    return domain
