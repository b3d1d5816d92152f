"""The article judge as a filter on an article's events (Settings.article_judge; pipeline.Pipeline.code).

An article the judge (article_judge.py) gives a probability below the threshold of reporting a codable
event keeps no events. (Keeping the events read from its lead instead was tried with an earlier judge and
did better on neither even half; README, "The article judge".) Articles shorter than
`MIN_JUDGED_WORDS` are not judged: the judge learned from whole articles of 120-300 words, and a snippet
(CASE's one-paragraph texts, a wire brief) is a shape it has never read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from frontwire.config import ARTICLE_JUDGE_THRESHOLD
from frontwire.events.learned.article_judge import ArticleJudge, ArticleText
from frontwire.records import Article, EventMention
from frontwire.run.gate import MAX_SCAN_CHARS

# Below this many body words an article is not judged: 100 is under the training set's shortest
# (120 words), so every text the judge reads is at least close to what it learned from.
MIN_JUDGED_WORDS = 100
# The threshold when the judge is on is config.ARTICLE_JUDGE_THRESHOLD. The judge is off by default: at
# that threshold it drops 17 of the 328 Airwars narratives (real strikes) the coder reads (128 before the
# casualty-monitor articles were added to its training set).
# Characters of the body the judge reads: the gate's scan bound. Its features are rates per 100 words, so a
# long page's start reads like the page, and a 200,000-word page costs what a 10,000-word one does (0.5 s
# unbounded).
MAX_JUDGED_CHARS = MAX_SCAN_CHARS


@dataclass(frozen=True, slots=True)
class Verdict:
    probability: float | None  # None: not judged (too short)
    kept: int
    dropped: int


def judge_events(
    judge: ArticleJudge,
    article: Article,
    events: Sequence[EventMention],
    threshold: float = ARTICLE_JUDGE_THRESHOLD,
) -> tuple[list[EventMention], Verdict]:
    """The events the judge lets stand, and its verdict on the article."""
    body = article.body
    if len(body.split()) < MIN_JUDGED_WORDS:
        return list(events), Verdict(None, len(events), 0)
    p = judge.probability(ArticleText(article.title or "", body[:MAX_JUDGED_CHARS]))
    if p >= threshold:
        return list(events), Verdict(p, len(events), 0)
    return [], Verdict(p, 0, len(events))
