"""ACLED's `source_scale` column: how far the reporting outlets reach, relative to the event's country.

    source_scale("SY", ["sana.sy", "syriahr.com"], outlets)  -> "National-International"
    source_scale("SY", ["t.me/rybar", "sana.sy"], outlets)   -> "New media-National"

Each outlet of an incident gets one scale, from its key and what the outlet registry records about it:
- "New media"      an outlet on a social-media platform: an account ("t.me/rybar", "x.com/rybar") or
                   the platform itself when the page named no account (`frontwire.outlets.PLATFORMS`),
                   whatever country the registry gives it: ACLED scales social media apart from reach;
- "National"       the outlet's country is the event's country;
- "International"  the outlet has a country and it is another one;
- "Other"          no registry country to compare: an article with no identified outlet (incident
                   outlet keys "unknown:..."), an unregistered domain, or an event whose country is
                   unknown.
An outlet's own account listed as an alias of its registry entry (`aliases = ["t.me/rt_russian"]`) is
that outlet, keyed by its domain, so it scales as the outlet does, not as new media.
ACLED's other scales ("Local partner", "Subnational", "Regional") need facts the registry does not hold
(a partnership, an outlet's coverage area), so frontwire never writes them; they keep their place in
SCALE_ORDER so a later rule slots in without reordering.

The distinct scales are joined with "-" in SCALE_ORDER: the kinds of source that are not a reach
first, then reach from the narrowest to the widest. This reproduces ACLED's own combinations
("New media-National", "Subnational-National", "National-International").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Final

from frontwire.outlets import social_page
from frontwire.records import Outlet

NEW_MEDIA: Final = "New media"
NATIONAL: Final = "National"
INTERNATIONAL: Final = "International"
OTHER: Final = "Other"
SCALE_ORDER: Final = (
    "Local partner",
    NEW_MEDIA,
    OTHER,
    "Subnational",
    NATIONAL,
    "Regional",
    INTERNATIONAL,
)


def outlet_scale(event_iso: str | None, outlet: Outlet | None) -> str:
    """The scale of one outlet for an event in the country `event_iso` (ISO alpha-2)."""
    if outlet is not None and social_page(outlet.domain) is not None:
        return NEW_MEDIA
    if outlet is None or not outlet.country or not event_iso:
        return OTHER
    return NATIONAL if outlet.country.upper() == event_iso.strip().upper() else INTERNATIONAL


def source_scale(event_iso: str | None, outlet_keys: Iterable[str], outlets: Mapping[str, Outlet]) -> str:
    """ACLED's source_scale for an incident: its outlets' distinct scales, joined in SCALE_ORDER.

    `outlet_keys` are the incident's outlet keys (`Incident.outlets`); `outlets` maps a key to the
    stored outlet. A key with no stored outlet counts as "Other", unless the key itself is on a
    social-media platform ("New media"). No outlets at all gives "".
    """
    found = {
        NEW_MEDIA if social_page(key) is not None else outlet_scale(event_iso, outlets.get(key))
        for key in outlet_keys
    }
    return "-".join(scale for scale in SCALE_ORDER if scale in found)


__all__ = ["INTERNATIONAL", "NATIONAL", "NEW_MEDIA", "OTHER", "SCALE_ORDER", "outlet_scale", "source_scale"]
