"""Whether two outlets count as independent sources.

Uses `frontwire.outlets.independent` when that package is installed; until then (or if it cannot be
imported) a small local rule: different domains, no shared owner, no shared state affiliation.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from frontwire.records import Outlet

# Label words that mark an affiliation with a state; two outlets of one state are one voice.
STATE_LABEL_WORDS = ("state-affiliated", "state affiliated", "state-controlled", "state media", "state-run")


def _norm(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def _state_ties(outlet: Outlet) -> set[str]:
    ties = set()
    for label in outlet.labels:
        if any(word in label.label.casefold() for word in STATE_LABEL_WORDS):
            affiliate = getattr(label, "affiliate", None) or outlet.country or ""
            ties.add(_norm(affiliate))
    return ties


def local_independent(a: Outlet, b: Outlet) -> bool:
    """The fallback rule: not one domain, not one owner, not affiliated with one state."""
    if _norm(a.domain) == _norm(b.domain) or {_norm(x) for x in (a.domain, *a.aliases)} & {
        _norm(x) for x in (b.domain, *b.aliases)
    }:
        return False
    if a.owner and b.owner and _norm(a.owner) == _norm(b.owner):
        return False
    return not (_state_ties(a) & _state_ties(b))


def _rule() -> Callable[[Outlet, Outlet], bool]:
    try:
        from frontwire.outlets import independent  # type: ignore[attr-defined]
    except ImportError:
        return local_independent
    return independent


def independent_groups(outlets: Sequence[Outlet]) -> list[list[Outlet]]:
    """Outlets grouped so that outlets in one group are (transitively) not independent of each other."""
    rule = _rule()
    parent = list(range(len(outlets)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(outlets)):
        for j in range(i + 1, len(outlets)):
            if not rule(outlets[i], outlets[j]):
                parent[find(i)] = find(j)
    groups: dict[int, list[Outlet]] = {}
    for i, outlet in enumerate(outlets):
        groups.setdefault(find(i), []).append(outlet)
    return list(groups.values())
