"""Where the stories of a digest open: a page of brief reports, each under its own headline.

A digest ("Wikinews Shorts", "World briefs", a news round-up) tells several unrelated stories on one page,
each with its own country, places and days. Two signs mark one:
- each story ends in its list of sources (`_text_cues.source_blocks`, read by the text segmenter), or
- the page announces itself as a compilation of briefs in its title or first paragraph, and its stories open
  on headline lines: a short paragraph without closing punctuation, followed by prose.

`headline_stories` gives the paragraphs that open a story after the first under the second sign; an ordinary
article with subheads (which announces no compilation) stays one story.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# The words a page of brief reports announces itself with, in its title or first paragraph.
_DIGEST = re.compile(
    r"\b(?:shorts|briefs|in brief|news in brief|briefly|round-?up|digest|at a glance"
    r"|compilation of (?:brief |short )?(?:news )?(?:reports|stories))\b",
    re.I,
)
# A headline opening a story: this many words at most, and at least HEADLINE_MIN_WORDS.
HEADLINE_MIN_WORDS, HEADLINE_MAX_WORDS = 3, 20
_CLOSING = (".", "!", "?", ":", ";")


def announces_digest(title: str | None, paragraphs: Sequence[str]) -> bool:
    """The title or the first paragraph calls the page a compilation of briefs."""
    return any(_DIGEST.search(t) for t in (title or "", paragraphs[0] if paragraphs else ""))


def _headline(text: str) -> bool:
    words = len(text.split())
    return HEADLINE_MIN_WORDS <= words <= HEADLINE_MAX_WORDS and not text.rstrip("\"”’')]").endswith(_CLOSING)


def headline_stories(title: str | None, paragraphs: Sequence[str]) -> list[int]:
    """The paragraphs that open a story after the first on a page that announces a digest: each headline
    followed by prose. Empty for any other page, and for a digest of fewer than two headlines."""
    if not announces_digest(title, paragraphs):
        return []
    opens = [
        i
        for i in range(1, len(paragraphs) - 1)
        if _headline(paragraphs[i]) and not _headline(paragraphs[i + 1])
    ]
    return opens if len(opens) >= 2 else []


__all__ = ["announces_digest", "headline_stories"]
