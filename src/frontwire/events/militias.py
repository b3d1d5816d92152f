"""Identity militias named by their community: "armed Dinka youths" -> "Dinka Ethnic Militia (South Sudan)".

ACLED codes an armed body drawn from one ethnic group, clan or tribe as an identity militia (inter 4)
named "<community> Ethnic Militia (<country>)", "<clan> Clan Militia (<country>)" or "<tribe> Communal
Militia (<country>)", the country being the event's. The communities are listed in
`data/events/militias.toml`; this module turns each into the phrases the news uses for such a body and
into actor entries whose `{country}` is filled like any generic actor's.
"""

from __future__ import annotations

from frontwire.events.actors import ActorEntry, read_lexicon

IDENTITY_MILITIA = 4
# How wire and local copy name a community's armed men. "<name> fighters" and "<name> forces" are left
# out: they name rebel groups and armies as often ("Kachin fighters", "Tigrayan forces").
_PHRASES = (
    "{n} militia", "{n} militias", "{n} militiamen", "{n} ethnic militia", "{n} clan militia",
    "{n} clan militias",
    "{n} tribal militia", "armed {n} youths", "armed {n} youth", "{n} youths", "{n} youth", "{n} tribesmen",
    "armed {n} tribesmen", "armed {n} men", "{n} gunmen", "{n} clan fighters", "{n} tribal fighters",
    "{n} warriors", "armed {n}", "armed {n} herders", "{n} vigilantes", "{n} clansmen", "armed {n} clansmen",
)  # fmt: skip


def militia_entries(package_file: str = "data/events/militias.toml") -> dict[str, ActorEntry]:
    """Alias -> entry for every community in the table."""
    out: dict[str, ActorEntry] = {}
    for group in read_lexicon(None, package_file).get("militia", []):
        kind = str(group["kind"])
        for name in group["names"]:
            entry = ActorEntry(f"{name} {kind} ({{country}})", IDENTITY_MILITIA)
            out.update({phrase.format(n=name): entry for phrase in _PHRASES})
    return out


def militia_labels(package_file: str = "data/events/militias.toml") -> set[str]:
    """The names a placed event's country completes: "Dinka Ethnic Militia", "Hawiye Clan Militia"."""
    return {
        f"{name} {group['kind']}"
        for group in read_lexicon(None, package_file).get("militia", [])
        for name in group["names"]
    }
