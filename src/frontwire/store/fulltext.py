"""Full-text search over events' notes and evidence: one small query language, checked here, rendered for
SQLite FTS5 (table `mentions_fts`) and PostgreSQL's text search (a GIN index on the same expression).

    parse('airstrike "Deir ez-Zor" -drill')      -> And(...)     (SearchSyntaxError on bad input)
    condition("sqlite", 'shell* OR mortar', "m")  -> ("m.id IN (SELECT id FROM mentions_fts ...)", [...])

The language: words (AND is implied between them), "quoted phrases", OR, AND, NOT or a leading `-` to
exclude, `word*` for a prefix, and parentheses. Operators are upper case (lower-case "or" is a word).
A query is checked before it reaches the database, so unbalanced quotes, parentheses or a dangling
operator are a `SearchSyntaxError` naming the problem, never a database error; every word reaches the
database as a quoted string (FTS5) or a bound parameter (PostgreSQL), never as query syntax.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from frontwire.store.migrations.m0005_fulltext import pg_document

# Deeper nesting than this is a probe, not a search (and keeps the recursive parser far from the stack limit).
MAX_DEPTH = 20
# More terms than this make a query the database spends seconds on; no reader types that many.
MAX_TERMS = 40
# PostgreSQL's text search configuration; SQLite's table uses the Porter stemmer to match it roughly.
PG_CONFIG = "english"
OPERATORS = ("AND", "OR", "NOT")
_WORD = re.compile(r"\w+")


class SearchSyntaxError(ValueError):
    """A search query that cannot be parsed; the message says what is wrong and where."""


@dataclass(slots=True, frozen=True)
class Term:
    """One word, or a phrase of several; `prefix` matches words that start with the last one."""

    words: tuple[str, ...]
    prefix: bool = False


@dataclass(slots=True, frozen=True)
class Not:
    item: Node


@dataclass(slots=True, frozen=True)
class And:
    items: tuple[Node, ...]


@dataclass(slots=True, frozen=True)
class Or:
    items: tuple[Node, ...]


Node = Term | Not | And | Or


@dataclass(slots=True, frozen=True)
class _Token:
    kind: str  # "term", "(", ")", "AND", "OR", "NOT"
    at: int
    term: Term | None = None


def _tokens(text: str) -> list[_Token]:
    out: list[_Token] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
        elif c in "()":
            out.append(_Token(c, i))
            i += 1
        elif c == '"':
            end = text.find('"', i + 1)
            if end < 0:
                raise SearchSyntaxError(f'unbalanced quote at character {i + 1}: close the phrase with "')
            words = tuple(_WORD.findall(text[i + 1 : end]))
            prefix = end + 1 < n and text[end + 1] == "*"
            if not words:
                raise SearchSyntaxError(f"empty phrase at character {i + 1}")
            out.append(_Token("term", i, Term(words, prefix)))
            i = end + 2 if prefix else end + 1
        elif c == "-" and i + 1 < n and not text[i + 1].isspace() and (i == 0 or text[i - 1] in " \t\n("):
            out.append(_Token("NOT", i))
            i += 1
        else:
            j = i
            while j < n and not text[j].isspace() and text[j] not in '"()':
                j += 1
            raw = text[i:j]
            if raw in OPERATORS:
                out.append(_Token(raw, i))
            else:
                prefix = raw.endswith("*")
                words = tuple(_WORD.findall(raw))
                if words:
                    out.append(_Token("term", i, Term(words, prefix)))
                elif "*" in raw:
                    raise SearchSyntaxError(f"'*' at character {i + 1} must follow a word, as in shell*")
                # other punctuation on its own ("&", "/") searches for nothing and is skipped
            i = j
    return out


class _Parser:
    def __init__(self, tokens: list[_Token]) -> None:
        self.tokens = tokens
        self.pos = 0

    def peek(self) -> _Token | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self) -> _Token:
        token = self.tokens[self.pos]
        self.pos += 1
        return token

    def or_expr(self, depth: int) -> Node:
        items = [self.and_expr(depth)]
        while (t := self.peek()) is not None and t.kind == "OR":
            self.take()
            if self.peek() is None or self.peek().kind in (")", "OR", "AND"):
                raise SearchSyntaxError(f"OR at character {t.at + 1} needs a term after it")
            items.append(self.and_expr(depth))
        return items[0] if len(items) == 1 else Or(tuple(items))

    def and_expr(self, depth: int) -> Node:
        items = [self.unary(depth)]
        while (t := self.peek()) is not None and t.kind not in (")", "OR"):
            if t.kind == "AND":
                self.take()
                nxt = self.peek()
                if nxt is None or nxt.kind in (")", "OR", "AND"):
                    raise SearchSyntaxError(f"AND at character {t.at + 1} needs a term after it")
            items.append(self.unary(depth))
        return items[0] if len(items) == 1 else And(tuple(items))

    def unary(self, depth: int) -> Node:
        t = self.peek()
        if t is None:
            raise SearchSyntaxError("the query ends where a term was expected")
        if t.kind == "NOT":
            self.take()
            if self.peek() is None or self.peek().kind in (")", "OR", "AND"):
                raise SearchSyntaxError(f"NOT at character {t.at + 1} needs a term after it")
            return Not(self.unary(depth))
        if t.kind == "(":
            if depth >= MAX_DEPTH:
                raise SearchSyntaxError(f"parentheses nested deeper than {MAX_DEPTH}")
            self.take()
            if self.peek() is not None and self.peek().kind == ")":
                raise SearchSyntaxError(f"empty parentheses at character {t.at + 1}")
            inner = self.or_expr(depth + 1)
            close = self.peek()
            if close is None or close.kind != ")":
                raise SearchSyntaxError(f"unbalanced parenthesis at character {t.at + 1}: add ')'")
            self.take()
            return inner
        if t.kind == "term":
            self.take()
            assert t.term is not None
            return t.term
        if t.kind == ")":
            raise SearchSyntaxError(f"unbalanced parenthesis at character {t.at + 1}: no '(' before it")
        raise SearchSyntaxError(f"{t.kind} at character {t.at + 1} needs a term before it")


def parse(text: str) -> Node:
    """The query as a tree; SearchSyntaxError when it is malformed or searches for nothing."""
    tokens = _tokens(text)
    if not any(t.kind == "term" for t in tokens):
        raise SearchSyntaxError("the search has no word to look for")
    if sum(t.kind == "term" for t in tokens) > MAX_TERMS:
        raise SearchSyntaxError(f"more than {MAX_TERMS} search terms")
    parser = _Parser(tokens)
    node = parser.or_expr(0)
    if parser.peek() is not None:
        t = parser.peek()
        raise SearchSyntaxError(f"unbalanced parenthesis at character {t.at + 1}: no '(' before it")
    _check_negation(node)
    return node


def _check_negation(node: Node) -> None:
    """Excluding needs something to exclude from: 'strike -drill' is a search, '-drill' alone is not."""
    if isinstance(node, Not):
        raise SearchSyntaxError("NOT (or '-') needs a word to search for beside it, as in: strike -drill")
    if isinstance(node, Or):
        for item in node.items:
            _check_negation(item)
    if isinstance(node, And):
        if all(isinstance(i, Not) for i in node.items):
            raise SearchSyntaxError("NOT (or '-') needs a word to search for beside it, as in: strike -drill")
        for item in node.items:
            _check_negation(item.item if isinstance(item, Not) else item)


def to_fts5(node: Node) -> str:
    """The FTS5 MATCH expression: every word inside double quotes, every group in parentheses."""
    if isinstance(node, Term):
        return '"' + " ".join(node.words) + '"' + ("*" if node.prefix else "")
    if isinstance(node, Or):
        return "(" + " OR ".join(to_fts5(i) for i in node.items) + ")"
    if isinstance(node, And):
        positive = [to_fts5(i) for i in node.items if not isinstance(i, Not)]
        out = "(" + " AND ".join(positive) + ")"
        for item in node.items:
            if isinstance(item, Not):
                out = f"({out} NOT {to_fts5(item.item)})"
        return out
    raise SearchSyntaxError("NOT needs a word to search for beside it")  # parse() rules this out


def to_tsquery(node: Node, params: list[str]) -> str:
    """A PostgreSQL tsquery expression built from functions of bound parameters (appended to `params`)."""
    if isinstance(node, Term):
        if node.prefix:
            params.append(" <-> ".join(node.words) + ":*")
            return f"to_tsquery('{PG_CONFIG}', ?)"
        params.append(" ".join(node.words))
        fn = "phraseto_tsquery" if len(node.words) > 1 else "plainto_tsquery"
        return f"{fn}('{PG_CONFIG}', ?)"
    if isinstance(node, Not):
        return f"(!! {to_tsquery(node.item, params)})"
    joiner = " || " if isinstance(node, Or) else " && "
    return "(" + joiner.join(to_tsquery(i, params) for i in node.items) + ")"


def condition(backend: str, text: str, alias: str) -> tuple[str, list]:
    """An SQL condition on mentions (alias `alias`) matching the search, with its parameters."""
    node = parse(text)
    if backend == "sqlite":
        return (
            f"{alias}.id IN (SELECT id FROM mentions_fts WHERE mentions_fts MATCH ?)",
            [to_fts5(node)],
        )
    if backend == "postgresql":
        params: list[str] = []
        query = to_tsquery(node, params)
        return f"{pg_document(alias)} @@ {query}", params
    raise ValueError(f"full-text search on an unknown backend {backend!r}")
