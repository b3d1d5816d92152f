"""The rule coder, "frontwire-rules": ACLED coding from lexicon cues, spaCy parses where a rule needs one,
and the codebook's conventions for actors, dates, fatalities, places and claims.

`coder.RuleExtractor` runs the steps; the modules beside it each own one: typing (classify, typing_*),
which sentences report an event (filters, discourse, timeframe, judge), grouping follow-up sentences
(grouping), roles and claims (roles, claims, associates), tolls (victims), places (places,
place_checks) and the notes and dates of a coded event (coding).
"""

from __future__ import annotations

from frontwire.events.rules.coder import RuleExtractor
from frontwire.events.rules.version import NAME, VERSION

__all__ = ["NAME", "VERSION", "RuleExtractor"]
