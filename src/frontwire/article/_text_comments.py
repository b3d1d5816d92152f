"""Reader comments in the comment region of a flattened page: who wrote what.

Comment widgets print each comment as a short name line (the author) followed by one or more
lines of text, with widget words ("Reply", "3 days ago", vote counts) around them. Given the
lines after the comment section opens, `comment_roles` hands back one role per line:
"comment_author", "comment_text" or "chrome".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from frontwire.article._text_cues import find_date, is_chrome, is_comment_widget
from frontwire.article._text_features import LineFeatures

# A commenter's display name: at most this many words and characters (wpDiscuz, Disqus and
# WordPress print display names; real ones are one to four words).
NAME_MAX_WORDS = 4
NAME_MAX_CHARS = 40
# A comment's date line ("March 4, 2023 at 11:02 am") has at most 8 words.
# A line of comment text has at least this many words unless it ends a sentence; shorter
# fragments in the comment region are widget leftovers ("Load more", "Top").
COMMENT_MIN_WORDS = 3

_INITIAL_END = re.compile(r"\b[A-ZÀ-ÞА-Я]\.$")
_NAME = re.compile(r"^(?:[A-ZÀ-ÞА-Я][\w'’.\-]*(?:\s+|$)){1,4}$|^@?[\w.\-]{3,30}$")


def is_name(line: str, f: LineFeatures) -> bool:
    """A display name or handle: a few capitalised words ("Jane Doe", "Omar K.") or one handle."""
    return (
        f.words <= NAME_MAX_WORDS
        and len(line) <= NAME_MAX_CHARS
        and (not f.sentence_end or _INITIAL_END.search(line) is not None)
        and not f.numeric
        and _NAME.match(line) is not None
    )


def comment_roles(lines: Sequence[str], feats: Sequence[LineFeatures]) -> list[str]:
    """Roles for the lines of a comment region, in order."""
    n = len(lines)
    widget = [
        is_comment_widget(s)
        or is_chrome(s, f.words)
        or f.numeric
        or (f.words <= 8 and find_date(s) is not None)
        for s, f in zip(lines, feats, strict=False)
    ]
    prose = [
        not widget[i] and (feats[i].words >= COMMENT_MIN_WORDS or feats[i].sentence_end) for i in range(n)
    ]
    roles = ["chrome"] * n
    in_comment = False
    for i in range(n):
        if widget[i]:
            continue
        nxt = next((j for j in range(i + 1, n) if not widget[j]), None)
        if (
            is_name(lines[i], feats[i])
            and nxt is not None
            and prose[nxt]
            and not is_name(lines[nxt], feats[nxt])
        ):
            roles[i] = "comment_author"
            in_comment = True
        elif prose[i] and (in_comment or feats[i].words >= 2 * COMMENT_MIN_WORDS):
            roles[i] = "comment_text"
            in_comment = True
        else:
            in_comment = False
    return roles
