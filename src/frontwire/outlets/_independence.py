"""Whether two outlets count as independent sources for corroboration.

The rule (frontwire's incident grades, after the codebook's note that outlets sharing an
owner or a state affiliation are not independent). Two outlets are NOT independent when:

1. they are the same outlet or the same domain family: their domains or aliases overlap, or
   their registrable domains share a name part (`aljazeera.com` / `aljazeera.net`). A social-media
   account ("t.me/rybar") is compared whole: two channels on one platform are two outlets;
2. they have the same owner (compared case- and punctuation-insensitively);
3. they share an affiliation: a state-owned / state-affiliated / state-funded label ties an outlet
   to its `affiliate` or, by default, its own country; a party-affiliated label to its `affiliate`.
   Two outlets tied to the same state or party are not independent.

Otherwise they are independent. Missing data (no owner, no labels) counts as independent: the
registry records what a public source shows, and absence of a label is not evidence of a tie.
"""

from __future__ import annotations

import re

from frontwire.outlets._domains import family, publisher
from frontwire.outlets._load import AFFILIATION_LABELS, STATE_LABELS
from frontwire.records import Outlet


def affiliations(outlet: Outlet) -> frozenset[str]:
    """The states (ISO codes) and parties an outlet's labels tie it to, normalised for comparison."""
    out: set[str] = set()
    for label in outlet.labels:
        if label.label not in AFFILIATION_LABELS:
            continue
        tie = label.affiliate or (outlet.country if label.label in STATE_LABELS else None)
        if tie:
            out.add(_norm(tie))
    return frozenset(out)


def independent(a: Outlet, b: Outlet) -> bool:
    """True when `a` and `b` share no domain family, no owner and no state or party affiliation."""
    domains_a = {publisher(d) for d in (a.domain, *a.aliases)}
    domains_b = {publisher(d) for d in (b.domain, *b.aliases)}
    if domains_a & domains_b:
        return False
    if {family(d) for d in domains_a} & {family(d) for d in domains_b}:
        return False
    if a.owner and b.owner and _norm(a.owner) == _norm(b.owner):
        return False
    return not (affiliations(a) & affiliations(b))


def _norm(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())
