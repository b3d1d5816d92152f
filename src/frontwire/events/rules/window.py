"""How much of an article the coder reads: a huge page is read up to a bound, and says so.

The coder reads events from the first MAX_EVENT_CHARS of a body; `read_window` gives the article cut at the
same bound (whole paragraphs), so the places of its events are read from the same text.
"""

from __future__ import annotations

from dataclasses import replace

from frontwire.records import Article

# Events are read from at most this many characters of an article's body (about 33,000 words, three times
# the longest long-form news story): a 200,000-word page still finishes inside the per-page time limit
# (20 s), and says where reading stopped. Offsets of evidence stay those of the whole body.
MAX_EVENT_CHARS = 200_000


def read_window(article: Article) -> Article:
    """The article as far as the coder reads events from it (whole paragraphs up to MAX_EVENT_CHARS): the
    place context of its events is read from the same text, so a huge page costs no more there either."""
    if len(article.body) <= MAX_EVENT_CHARS:
        return article
    kept: list[str] = []
    size = 0
    for para in article.paragraphs:
        if size + len(para) > MAX_EVENT_CHARS:
            break
        kept.append(para)
        size += len(para) + 2
    return replace(article, paragraphs=kept or [article.paragraphs[0][:MAX_EVENT_CHARS]])
