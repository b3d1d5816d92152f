"""Finding the outlet's own domain in a page's text, when the page comes without a URL.

A site names itself in its chrome: "NOW hosted at example.press", "© 2024 example.com",
"Follow example.org". The body, by contrast, cites other sites ("according to reuters.com",
a link to twitter.com). Each domain-like token gets a score from where it sits:

- a chrome-like line (short, or with a cue such as ©, "hosted", "follow", "visit") adds weight;
- a citation cue just before it ("according to", "via", "reported by") takes weight away;
- the site's name on other short lines (`Support SouthFront` for southfront.press) adds weight;
- platforms (social networks, shorteners, CDNs) are never candidates.

Scores are summed per outlet (a registered outlet's domain and aliases pool their mentions)
and the best one wins if it reaches MIN_SCORE.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from frontwire.outlets._domains import family, is_platform, registrable, strip_rendering
from frontwire.records import Outlet

# Weights, set by hand on the canonical page and the 87 plain-text pages of the extraction
# benchmark (whose URLs give the truth): a lone domain cited in a long body sentence must stay
# below MIN_SCORE, while a footer line such as "© 2024 example.com" must reach it.
SHORT_LINE_WORDS = 12
SHORT_LINE = 2.0
CHROME_CUE = 3.0
CITATION_CUE = -3.0
NAME_SEEN = 2.0  # per other line naming the site, up to NAME_SEEN_CAP lines
NAME_SEEN_CAP = 3
REPEAT_CAP = 4  # at most this many mentions of one domain count
EMAIL = 2.0  # an address at the domain (a staff or contact e-mail) is the site's own
MIN_SCORE = 4.0
# The winner must lead the runner-up by this much: a page listing many sites (a link
# aggregator, a "more from our partners" box) names no single one as its own.
MARGIN = 2.0
# Lines that can carry a site's name as chrome ("Support X", "X: Analysis and Intelligence"); longer
# lines are prose or markup and are not read for a name.
NAME_LINE_MAX_CHARS = 200

_GENERIC_TLDS = frozenset(
    "com org net info press news media tv io co biz online site website live today world global "
    "int edu gov mil eu asia africa uk us one top xyz agency report review center network".split()
)
_DOMAIN = re.compile(
    r"(?<![\w.-])(?:https?://)?((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24})", re.I
)
_CHROME_CUES = re.compile(
    r"©|\(c\)|copyright|all rights reserved|hosted|follow|visit|subscribe|contact|powered by|"
    r"previously|formerly|mirror|newsletter|donate|support us|official (?:site|website)|our (?:site|website)",
    re.I,
)
_CITATION_CUES = re.compile(
    r"(?:according to|reported by|reports?|told|cited|citing|quoted|quoting|via|source:|said|wrote|"
    r"published (?:by|on|in)|posted (?:by|on|to)|shared on|on)\W*(?:https?://)?$",
    re.I,
)


@dataclass(slots=True, frozen=True)
class Mention:
    """One domain-like token in the text, with the line it sits on."""

    host: str
    line: int
    score: float
    chrome: bool


def find_hosts(line: str) -> list[tuple[str, int]]:
    """Domain-like tokens in one line, as (normalised host, start offset). TLDs must be written lowercase."""
    out = []
    for match in _DOMAIN.finditer(line):
        labels = match.group(1).split(".")
        while len(labels) >= 2 and not _plausible_tld(labels[-1]):
            labels.pop()
        if len(labels) >= 2:
            out.append((strip_rendering(".".join(labels)), match.start()))
    return out


def _plausible_tld(tld: str) -> bool:
    return tld.islower() and tld.isalpha() and (len(tld) == 2 or tld in _GENERIC_TLDS)


def squash(text: str) -> str:
    """Lowercase letters and digits only: 'South Front' and 'SouthFront' both become 'southfront'."""
    return re.sub(r"[\W_]+", "", text.casefold())


def mentions(text: str) -> tuple[list[Mention], list[str]]:
    """Score every non-platform domain token; also return the lines with domain tokens blanked out."""
    lines = text.splitlines()
    found: list[Mention] = []
    bare_lines: list[str] = []
    for index, line in enumerate(lines):
        hosts = find_hosts(line)
        bare_lines.append(_DOMAIN.sub(" ", line) if hosts else line)
        if not hosts:
            continue
        short = len(line.split()) <= SHORT_LINE_WORDS
        cue = bool(_CHROME_CUES.search(line))
        for host, start in hosts:
            if is_platform(host):
                continue
            score = 1.0 + (SHORT_LINE if short else 0.0) + (CHROME_CUE if cue else 0.0)
            if start > 0 and line[start - 1] == "@":
                score += EMAIL
            if _CITATION_CUES.search(line[max(0, start - 40) : start]):
                score += CITATION_CUE
            found.append(Mention(host=host, line=index, score=score, chrome=short or cue))
    return found, bare_lines


@dataclass(frozen=True, slots=True)
class ShortLine:
    """A chrome-length line of the page, with domain tokens blanked out, and its squashed form."""

    index: int
    text: str
    squashed: str


def short_lines(bare_lines: list[str]) -> list[ShortLine]:
    """The lines short enough to be chrome, squashed once for every name compared against them."""
    return [
        ShortLine(i, line, squash(line))
        for i, line in enumerate(bare_lines)
        if line.strip() and len(line.split()) <= SHORT_LINE_WORDS
    ]


def name_lines(name: str, lines: list[ShortLine], skip: set[int]) -> int:
    """How many short, chrome-like lines (other than `skip`) name the site, compared squashed.

    Body sentences are not counted: an article names the outlets it cites as often as its own.
    Names under four letters must appear as a whole word ('WSJ Video' names wsj.com).
    """
    key = squash(name)
    if len(key) >= 4:
        return sum(1 for ln in lines if ln.index not in skip and key in ln.squashed)
    word = re.compile(rf"\b{re.escape(name)}\b", re.IGNORECASE)
    return sum(1 for ln in lines if ln.index not in skip and word.search(ln.text))


def best_outlet(text: str, lookup: Callable[[str], Outlet | None]) -> Outlet | None:
    """The outlet whose own domain the text names, registered (`lookup`) or guessed; None if unsure."""
    found, bare_lines = mentions(text)
    if not found:
        return None
    groups: dict[str, list[Mention]] = {}
    outlets: dict[str, Outlet | None] = {}
    for mention in found:
        outlet = lookup(mention.host)
        key = outlet.domain if outlet else registrable(mention.host)
        groups.setdefault(key, []).append(mention)
        outlets[key] = outlet
    scored = []
    chrome_lines = short_lines(bare_lines)
    for key, group in groups.items():
        outlet = outlets[key]
        best = sorted((m.score for m in group), reverse=True)[:REPEAT_CAP]
        lines_with_domain = {m.line for m in group}
        any_chrome = any(m.chrome for m in group)
        names = {family(key)} | ({outlet.name} if outlet else set())
        # The name only vouches for a domain the chrome itself shows, not one cited in the body.
        seen = max(name_lines(n, chrome_lines, lines_with_domain) for n in names) if any_chrome else 0
        scored.append((sum(best) + NAME_SEEN * min(seen, NAME_SEEN_CAP), key))
    scored.sort(reverse=True)
    score, key = scored[0]
    runner_up = scored[1][0] if len(scored) > 1 else 0.0
    if score < MIN_SCORE or score - runner_up < MARGIN:
        return None
    return outlets[key] or Outlet(domain=key, name=guess_name(key, text))


def guess_name(domain: str, text: str, site_name: str | None = None) -> str:
    """A display name for an unregistered domain, read from the page where it can be.

    A site name the page declares (og:site_name) wins; then a 'Name: tagline' line whose Name
    squashes to the domain's name part, then the most frequent run of 1–4 words on a short line
    that squashes to it; fall back to the name part itself.
    """
    if site_name and site_name.strip():
        return site_name.strip()
    key = squash(family(domain).split(".")[0])
    if not key:
        return domain
    forms: Counter[str] = Counter()
    for line in text.splitlines():
        line = line.strip()
        if not line or len(line) > NAME_LINE_MAX_CHARS or key[0] not in line.casefold():
            continue
        head = re.split(r"\s*[:|–—-]\s+", line, maxsplit=1)[0]
        if head and squash(head) == key and len(head) <= 60:
            return head
        words = re.findall(r"[\w'’-]+", _DOMAIN.sub(" ", line))
        squashed = [squash(w) for w in words]
        for i, first in enumerate(squashed):
            if not first or not key.startswith(first):
                continue
            joined = ""
            for j in range(i, min(i + 4, len(words))):
                joined += squashed[j]
                if joined == key:
                    forms[" ".join(words[i : j + 1])] += 1
                    break
                if not key.startswith(joined):
                    break
    if forms:
        return max(forms, key=lambda form: (forms[form], any(c.isupper() for c in form)))
    return key
