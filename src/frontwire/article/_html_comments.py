"""Reader comments: parse the common comment markups into `Comment` records and cut them out of the page.

Recognised markups (first match per comment element wins):
- WordPress core themes: `ol.comment-list` / `ol.commentlist` of `li.comment`, author in
  `.comment-author .fn` or `cite.fn`, text in `.comment-content` (or the `<p>`s of `.comment-body`),
  date in `<time datetime>` or the `.comment-metadata` / `.comment-meta` link;
- wpDiscuz: `.wpd-comment` with `.wpd-comment-author`, `.wpd-comment-text`, `.wpd-comment-date`;
- schema.org microdata: `[itemtype*=Comment]` with `itemprop=author|creator`, `text|commentText`,
  `dateCreated`;
- Disqus static HTML: `#disqus_thread li.post` with `.author` / `.post-byline`, `.post-message`.
Afterwards every comment container (these, plus `#comments`, `#respond`, `.comments-area`, Disqus and
wpDiscuz roots) is removed from the tree, so no comment can reach the body. Hands the list of
`Comment` and the number of removed containers to `frontwire.article.html`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import lxml.etree
import lxml.html

from frontwire.article._html_tree import PageIndex, clean_text, drop, has_class, is_inside, outermost, text_of
from frontwire.records import Comment

Node = lxml.html.HtmlElement


_WP_LISTS = ("comment-list", "commentlist", "comments-list")
_WP_ITEM = f"li[{has_class('comment', 'pingback', 'trackback')} or starts-with(@id, 'comment-')]"
_DISQUS_ITEM = f"li[{has_class('post')}]"


def _wpdiscuz(index: PageIndex) -> list[Node]:
    return index.with_class("wpd-comment")


def _wordpress(index: PageIndex) -> list[Node]:
    lists = [el for el in index.with_class(*_WP_LISTS) if el.tag in ("ol", "ul")]
    return [item for wp_list in outermost(lists) for item in wp_list.xpath(f".//{_WP_ITEM}")]


def _microdata(index: PageIndex) -> list[Node]:
    return [el for el, itemtype in index.with_itemtype if "Comment" in itemtype]


def _disqus(index: PageIndex) -> list[Node]:
    thread = index.by_id.get("disqus_thread")
    return thread.xpath(f".//{_DISQUS_ITEM}") if thread is not None else []


@dataclass(frozen=True, slots=True)
class _Markup:
    """How one comment system marks a comment, its author, its text and its date."""

    name: str
    find: Callable[[PageIndex], list[Node]]  # the comment elements, in page order
    item: str  # XPath step matching a comment element, to find replies nested inside one
    author: tuple[str, ...]  # relative XPaths, first non-empty hit wins
    text: tuple[str, ...]
    date: tuple[str, ...]


MARKUPS: tuple[_Markup, ...] = (
    _Markup(
        "wpdiscuz",
        _wpdiscuz,
        f"*[{has_class('wpd-comment')}]",
        (f".//*[{has_class('wpd-comment-author')}]",),
        (f".//*[{has_class('wpd-comment-text')}]",),
        (f".//*[{has_class('wpd-comment-date')}]/@title", f".//*[{has_class('wpd-comment-date')}]"),
    ),
    _Markup(
        "wordpress",
        _wordpress,
        _WP_ITEM,
        (
            f".//*[{has_class('comment-author', 'comment-author-name')}]//*[{has_class('fn')}]",
            ".//cite[" + has_class("fn") + "]",
            f".//*[{has_class('comment-author')}]",
        ),
        (f".//*[{has_class('comment-content', 'comment-text', 'comment-body-text')}]",),
        (
            ".//time/@datetime",
            f".//*[{has_class('comment-metadata', 'comment-meta', 'commentmetadata')}]//a",
        ),
    ),
    _Markup(
        "microdata",
        _microdata,
        "*[contains(@itemtype, 'Comment')]",
        (
            ".//*[@itemprop='author' or @itemprop='creator']//*[@itemprop='name']",
            ".//*[@itemprop='author' or @itemprop='creator']",
        ),
        (".//*[@itemprop='text' or @itemprop='commentText' or @itemprop='description']",),
        (".//*[@itemprop='dateCreated' or @itemprop='datePublished']/@datetime", ".//time/@datetime"),
    ),
    _Markup(
        "disqus",
        _disqus,
        _DISQUS_ITEM,
        (f".//*[{has_class('author')}]", f".//*[{has_class('post-byline')}]"),
        (f".//*[{has_class('post-message')}]",),
        (f".//*[{has_class('post-meta')}]//a/@title", ".//time/@datetime"),
    ),
)

# Containers cut from the body whether or not their comments could be parsed (forms, counters, widgets).
_CONTAINER_IDS = ("comments", "respond", "disqus_thread", "wpdcom", "comments-section", "disqus-comments")
_CONTAINER_CLASSES = (
    *_WP_LISTS,
    "comments-area",
    "comment-respond",
    "wpd-thread-list",
    "wpdiscuz_top_clearing",
    "comments",
    "comment-section",
    "comments-section",
    "article-comments",
)
# The comment text of a WordPress theme without `.comment-content`: the paragraphs of `.comment-body`.
_WP_BODY_PARAGRAPHS = f".//*[{has_class('comment-body')}]/p"


def read_comments(tree: Node, index: PageIndex) -> tuple[list[Comment], int]:
    """The page's reader comments in page order, and how many comment containers were removed."""
    comments: list[Comment] = []
    earlier: set[Node] = set()  # comments read through an earlier markup: not read twice
    for markup in MARKUPS:
        read_here: set[Node] = set()
        for element in markup.find(index):
            if is_inside(element, earlier):
                continue
            comment = _read_one(element, markup)
            if comment is not None:
                read_here.add(element)  # replies nested in it are read on their own, same markup
                comments.append(comment)
        earlier |= read_here
    containers = [index.by_id[i] for i in _CONTAINER_IDS if i in index.by_id]
    containers += index.with_class(*_CONTAINER_CLASSES) + _microdata(index)
    removed = [el for el in outermost(containers) if el.tag not in ("body", "html")]
    for element in removed:
        drop(element)
    return comments, len(removed)


def _read_one(element: Node, markup: _Markup) -> Comment | None:
    nested = set(element.xpath(f".//{markup.item}"))
    own: Callable[[str], Iterator[object]] = lambda xpath: _own_hits(element, xpath, nested)  # noqa: E731
    author = next((_value(hit) for hit in own_chain(own, markup.author)), None)
    text_nodes = next((hits for xpath in markup.text if (hits := list(own(xpath)))), [])
    if not text_nodes and markup.name == "wordpress":
        text_nodes = list(own(_WP_BODY_PARAGRAPHS))
    text = "\n".join(_value(node, keep_lines=True) for node in text_nodes).strip()
    if not text:
        return None
    date = next((_value(hit) for hit in own_chain(own, markup.date)), None)
    return Comment(text=text, author=author or None, published=date or None)


def own_chain(own: Callable[[str], Iterator[object]], xpaths: tuple[str, ...]) -> Iterator[object]:
    """The hits of the first XPath in `xpaths` that has a non-empty one."""
    for xpath in xpaths:
        for hit in own(xpath):
            if _value(hit):
                yield hit
                return


def _own_hits(element: Node, xpath: str, nested: set[Node]) -> Iterator[object]:
    """Hits of `xpath` under `element` that do not belong to a reply nested inside it."""
    for hit in element.xpath(xpath):
        node = hit.getparent() if isinstance(hit, lxml.etree._ElementUnicodeResult) else hit
        if node is not None and nested and is_inside(node, nested):
            continue
        yield hit


def _value(hit: object, *, keep_lines: bool = False) -> str:
    if isinstance(hit, str):
        return clean_text(hit)
    if isinstance(hit, lxml.html.HtmlElement):
        return text_of(hit, keep_lines=keep_lines)
    return ""
