"""The hook where a learned "does this sentence report an event" score joins the rules.

The rules (filters.py, discourse.py) give a reason to drop a sentence or none. A learned classifier
(events/learned/, built apart) gives the probability that a sentence reports one occurrence. They
combine here, in one place: a rule's reason always drops the sentence (each rule is written from the
codebook and says why); a sentence the rules keep is dropped when the judge scores it below
`EVENT_THRESHOLD`, with the score in the reason. Without a judge the rules decide alone.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

# A sentence the rules keep is dropped when a learned judge gives it less than this. 0.5 until a judge
# is calibrated on its own held-out data (the judge's module sets its own when it knows better).
EVENT_THRESHOLD = 0.5


@runtime_checkable
class SentenceJudge(Protocol):
    """Anything that scores a sentence: the probability that it reports one specific occurrence."""

    def event_probability(self, text: str) -> float: ...


def combined_reason(rule_reason: str | None, text: str, judge: SentenceJudge | None) -> str | None:
    """Why to drop `text`: the rule's reason, else the judge's low score, else None (keep it)."""
    if rule_reason is not None or judge is None:
        return rule_reason
    score = judge.event_probability(text)
    threshold = getattr(judge, "threshold", EVENT_THRESHOLD)
    return None if score >= threshold else f"learned judge: no specific event (p={score:.2f})"
