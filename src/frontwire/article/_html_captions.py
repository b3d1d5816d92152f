"""Image and video captions: read them, then cut them out of the page so they stay out of the body.

A caption is a `<figcaption>`, a WordPress `.wp-caption-text`, an `[itemprop=caption]`, or an element
whose class is one of the usual caption names. Hands the caption strings (page order, no repeats) and
the number of removed caption elements to `frontwire.article.html`.
"""

from __future__ import annotations

import lxml.html

from frontwire.article._html_tree import PageIndex, drop, outermost, text_of

_CAPTION_CLASSES = (
    "wp-caption-text",
    "caption",
    "image-caption",
    "img-caption",
    "photo-caption",
    "media-caption",
    "figure-caption",
    "caption-text",
    "gallery-caption",
)
# A "caption" longer than this is a mis-classed text block (some themes wrap whole posts in one).
MAX_CAPTION_CHARS = 1_000


def read_captions(tree: lxml.html.HtmlElement, index: PageIndex) -> tuple[list[str], int]:
    """The page's captions (page order within each kind, no repeats), and how many elements were removed."""
    found = list(tree.iter("figcaption")) + index.by_itemprop.get("caption", [])
    found += index.with_class(*_CAPTION_CLASSES)
    captions: list[str] = []
    taken = []
    for element in outermost(found):
        if element.tag in ("body", "html", "article", "main", "meta"):
            continue
        text = text_of(element)
        if not text or len(text) > MAX_CAPTION_CHARS:
            continue
        taken.append(element)
        if text not in captions:
            captions.append(text)
    for element in taken:
        drop(element)
    return captions, len(taken)
