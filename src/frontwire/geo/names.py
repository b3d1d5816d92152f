"""Name keys that survive transliteration: "Deir ez-Zor", "Deir Ezzor" and "Dayr az Zawr" meet.

Two keys are made from every name, in the gazetteer and in the text alike:

- `name_key`: diacritics, apostrophes (hamza, ayn), hyphens, spaces and definite articles
  dropped, endings -ah/-eh/-e folded to -a, common vowel spellings folded (ou→u, ei→ay),
  doubled letters collapsed. Two spellings with the same key are taken as the same name.
- `skeleton_key`: the key's consonants only, with digraphs folded (kh, sh, q/k). Looser; used
  as a second pass when the first finds nothing, with a similarity check on the keys.

The rules are data (`frontwire/data/geo/names.toml`), read once on first use.
"""

from __future__ import annotations

import difflib
import functools
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from importlib import resources

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_DOUBLE = re.compile(r"(.)\1+")
# A glued, assimilated article: "Ezzor" (ez-Zor), "Arraqqa" (ar-Raqqa).
_GLUED_ARTICLE = re.compile(r"^[ae]([b-df-hj-np-tv-z])\1")
# Glued articles are only stripped from words this long, so short names ("Ennis", "Assam") keep theirs.
_GLUED_MIN_LEN_INNER = 4
_GLUED_MIN_LEN_FIRST = 6


@dataclass(frozen=True, slots=True)
class NameRules:
    """Transliteration rules and feature words, as read from names.toml."""

    articles: frozenset[str]
    apostrophes: str
    vowels: tuple[tuple[str, str], ...]
    digraphs: tuple[tuple[str, str], ...]
    skeleton_drop: str
    near_words: tuple[str, ...]
    region_suffixes: frozenset[str]
    admin_words: frozenset[str]
    building_words: frozenset[str]
    features: dict[str, frozenset[str]]
    country_aliases: dict[str, str]
    demonyms: dict[str, str]
    stopwords: frozenset[str]
    area_kinds: frozenset[str]
    former_areas: dict[str, tuple[str, str]]  # a former area name → (country, its name today)


@functools.cache
def load_rules() -> NameRules:
    """The packaged name rules (read once per process; immutable)."""
    raw = tomllib.loads(resources.files("frontwire").joinpath("data/geo/names.toml").read_text("utf-8"))
    tr, rel = raw["translit"], raw["relative"]
    return NameRules(
        articles=frozenset(tr["articles"]),
        apostrophes=tr["apostrophes"],
        vowels=tuple((a, b) for a, b in tr["vowels"]),
        digraphs=tuple((a, b) for a, b in tr["digraphs"]),
        skeleton_drop=tr["skeleton_drop"],
        near_words=tuple(sorted(rel["near"], key=len, reverse=True)),
        region_suffixes=frozenset(rel["region_suffixes"]),
        admin_words=frozenset(rel["admin_words"]),
        building_words=frozenset(rel.get("buildings", ())),
        features={cls: frozenset(words) for cls, words in raw["features"].items()},
        country_aliases=dict(raw["countries"]["aliases"]),
        demonyms=dict(raw["countries"].get("demonyms", {})),
        stopwords=frozenset(raw["stopwords"]["words"]),
        area_kinds=frozenset(raw["areas"]["kinds"]),
        former_areas={k: (cc, now) for k, (cc, now) in raw["areas"].get("former", {}).items()},
    )


def fold(text: str) -> str:
    """Lowercase ASCII-ish form: diacritics stripped, apostrophes dropped (not spaced)."""
    rules = load_rules()
    decomposed = unicodedata.normalize("NFKD", text)
    out = []
    for ch in decomposed:
        if unicodedata.combining(ch) or ch in rules.apostrophes:
            continue
        out.append(ch)
    return "".join(out).lower().replace("ı", "i").replace("ß", "ss").replace("ø", "o").replace("đ", "d")


def _tokens(name: str) -> list[str]:
    folded = fold(name)
    if not folded.isascii():
        return []
    return [t for t in _NON_ALNUM.split(folded) if t]


def _strip_articles(tokens: list[str], articles: frozenset[str]) -> list[str]:
    kept = [t for i, t in enumerate(tokens) if not (t in articles and i < len(tokens) - 1)]
    out = []
    for i, tok in enumerate(kept):
        min_len = _GLUED_MIN_LEN_FIRST if i == 0 else _GLUED_MIN_LEN_INNER
        if len(tok) >= min_len and _GLUED_ARTICLE.match(tok):
            tok = tok[2:]
        out.append(tok)
    return out or tokens[-1:]


def _fold_token(tok: str, rules: NameRules) -> str:
    for a, b in rules.vowels:
        tok = tok.replace(a, b)
    tok = _DOUBLE.sub(r"\1", tok)
    if len(tok) >= 4 and tok.endswith(("ah", "eh")):
        tok = tok[:-2] + "a"
    elif len(tok) >= 4 and tok.endswith("e"):
        tok = tok[:-1] + "a"
    return tok


def key_tokens(name: str) -> list[str]:
    """The folded tokens of a name, articles dropped: the parts `name_key` joins."""
    rules = load_rules()
    toks = _tokens(name)
    if not toks:
        return []
    return [_fold_token(t, rules) for t in _strip_articles(toks, rules.articles)]


@functools.lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """The strict key: equal keys are spellings of one name ("" for names in non-Latin scripts). Cached: an
    article's context compares every candidate's name with the key of what the text wrote."""
    return "".join(key_tokens(name))


def skeleton_key(name: str) -> str:
    """The loose key: consonants of the strict key with digraphs folded ("Kum" and "Kawm" → "km")."""
    rules = load_rules()
    parts = []
    for tok in key_tokens(name):
        for a, b in rules.digraphs:
            tok = tok.replace(a, b)
        tok = "".join(ch for ch in tok if ch not in rules.skeleton_drop)
        parts.append(tok)
    return _DOUBLE.sub(r"\1", "".join(parts))


def alike(key: str, other: str, at_least: float) -> bool:
    """Whether two name keys are at least `at_least` alike by difflib's ratio (a loose match). The
    ratio's cheap upper bounds are tried first: most pairs fail on them, with the same answer."""
    m = difflib.SequenceMatcher(None, key, other)
    return m.real_quick_ratio() >= at_least and m.quick_ratio() >= at_least and m.ratio() >= at_least


def generic_variants(name: str) -> list[str]:
    """A natural feature's name without its generic word ("Jabal al Bishri" → "al Bishri").

    Indexed for mountains, rivers and the like, so the text's "the mountain ranges of al-Bishri" finds them.
    """
    rules = load_rules()
    generic = (
        rules.features["T"] | rules.features["H"] | {"nahr", "jabal", "jebel", "djebal", "jibal", "buhayrat"}
    )
    words = name.split()
    out = []
    if len(words) > 1 and fold(words[0]) in generic:
        out.append(" ".join(words[1:]))
    if len(words) > 1 and fold(words[-1]) in generic:
        out.append(" ".join(words[:-1]))
    return out


def area_variants(name: str) -> list[str]:
    """An admin area's name without the kind words around it ("Province of Sulu" → "Sulu", "Polohy
    Raion" → "Polohy"); [] when nothing is stripped or nothing would be left."""
    kinds = load_rules().area_kinds
    words = name.split()
    lo, hi = 0, len(words)
    while lo < hi and fold(words[lo]).strip(",") in kinds:
        lo += 1
    while hi > lo and fold(words[hi - 1]).strip(",") in kinds:
        hi -= 1
    if (lo, hi) == (0, len(words)) or lo >= hi:
        return []
    return [" ".join(words[lo:hi])]


_COMPASS = frozenset(
    ("north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "central")
)


def compass(name: str) -> frozenset[str]:
    """The compass words of a name ("North Eastern" → {"northeast"}). Two names whose consonant
    skeletons meet but whose compass words differ are two areas ("North Eastern" is no misspelling of
    "North Western"), so a loose match needs them equal."""
    text = re.sub(r"\b(north|south)\s+(east|west)", r"\1\2", " ".join(_tokens(name)))
    return frozenset(w.removesuffix("ern") for w in text.split()) & _COMPASS


@functools.cache
def _former_by_words() -> dict[tuple[str, ...], tuple[str, str]]:
    return {tuple(_tokens(k)): v for k, v in load_rules().former_areas.items()}


def former_area(name: str) -> tuple[str, str] | None:
    """(country, the area's name today) when `name` is a renamed or merged area's former name."""
    return _former_by_words().get(tuple(_tokens(name)))
