"""The article judge: P(a whole article reports at least one codable ACLED event).

The sentence coder reads one sentence at a time, so a sport report full of "attack", "shot" and
"battle", or an article that tells violence only as statistics, anniversaries, trials or accidents, can
still give events. The judge reads the whole article once and says how likely it is that the article
reports a codable event at all (violent, or a non-violent event: an arrest, a peaceful protest, an
agreement). It is trained (article_train.py) on corpus/articles-train/, 201 short articles we wrote in
four categories. It can read (FEATURE_SETS):

- counts: the relevance gate's cues (run/gate.py's cue classes) per class, tolls ("killed 14", "12
  dead"), dated-today words ("on Monday", "overnight") and the words of five desks that borrow conflict
  words (REGISTERS: sport, markets, reviews, health, weather), each per 100 words;
- head: the sentence head's reading of the article's sentences (its highest event probabilities);
- vectors: the static word table's mean vector over the title and lead, and over the whole body.

The shipped judge reads the counts only (FEATURE_SET: the others learn our writer's voice more than the
news). The classifier is head.py's logistic regression (two classes), numpy only. Its artifact is
data/events/article-judge.npz, checked against article-judge.sha256 on load.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from frontwire.events.learned.artifact import (
    ArtifactError,
    _open,
    data_dir,
    head_from_arrays,
    load_model,
    sha256_file,
)
from frontwire.events.learned.head import Head
from frontwire.events.learned.static import StaticEncoder, StaticTable, words

JUDGE_FILE = "article-judge.npz"
# The feature sets the trainer can fit (`article_train --cv` compares them), each a "+"-joined list of:
# counts (gate cues, tolls, today-words), head (the sentence head's reading), vectors (lead and body
# means of the word table). The artifact stores the one it was fit with.
FEATURE_SETS = ("counts", "counts+head", "counts+head+vectors")
# Shipped: "counts". On the even halves of Wikinews / articles-dev, an earlier judge's AUC for "has a gold
# event" (L2 1.0, before the register words) was 0.84 / 0.93 with counts, 0.74 / 0.91 with counts+head
# and 0.70 / 0.95 with all three: the word vectors learn our writer's voice, which Wikinews does not
# share, though cross-validation on the training set ranks the sets the other way (README: the judge).
FEATURE_SET = "counts"
JUDGE_SUMS = "article-judge.sha256"
CODABLE = "codable"
NOT_CODABLE = "not_codable"
# Words of the title plus the body's start read as the "lead": about a wire story's first two sentences.
LEAD_WORDS = 60
# The gate's cue classes, in a fixed order (run/gate.py CLASSES); one count feature each.
CUE_CLASSES = (
    "strong",
    "act",
    "take",
    "protest",
    "die",
    "hurt",
    "armed",
    "crowd",
    "person",
    "place",
    "develop",
)
_TOLL = re.compile(
    r"\b(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|dozens?|scores|hundreds)\s+"
    r"(?:\w+\s+){0,3}?(?:were\s+|was\s+|have\s+been\s+|had\s+been\s+)?(?:killed|dead|died|wounded|injured)\b"
    r"|\b(?:killing|killed|wounding|injuring)\s+(?:at\s+least\s+)?(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten)\b",
    re.IGNORECASE,
)
_TODAY = re.compile(
    r"\b(?:on|late on|early on|overnight into)\s+"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"|\b(?:overnight|this morning|last night|yesterday|today)\b",
    re.IGNORECASE,
)

# Words of the desks whose pages borrow conflict words ("attack", "shot", "battle", "bombard", "war"):
# one count each, so the judge can weigh a cue against the register it sits in. Written from how sport,
# markets, reviews, medicine and weather reports are phrased in general, not from any article.
REGISTERS: dict[str, tuple[str, ...]] = {
    "sport": (
        "match", "goal", "goals", "scored", "striker", "midfield", "defender", "goalkeeper", "league",
        "season", "coach", "fans", "stadium", "tournament", "championship", "final", "semifinal", "cup",
        "win", "won", "victory", "defeat", "points", "title", "team", "teams", "player", "players", "club",
        "game", "wickets", "innings", "race", "lap", "set", "seed", "referee", "penalty", "medal",
    ),
    "markets": (
        "shares", "stocks", "investors", "market", "markets", "prices", "price", "revenue", "profit",
        "profits", "company", "companies", "customers", "sales", "index", "traders", "analysts", "percent",
        "billion", "million", "dollar", "currency", "inflation", "startup", "funding", "tariffs",
    ),
    "review": (
        "review", "film", "films", "movie", "game", "players", "play", "story", "character", "characters",
        "director", "actor", "actress", "cinema", "series", "episode", "novel", "album", "verdict", "score",
        "studio", "released", "release",
    ),
    "health": (
        "patients", "patient", "study", "researchers", "trial", "drug", "disease", "cancer", "heart",
        "doctors", "treatment", "virus", "vaccine", "symptoms", "hospital", "cases", "outbreak",
    ),
    "weather": (
        "storm", "rain", "winds", "temperatures", "heatwave", "flooding", "floods", "forecasters",
        "weather", "snow", "hurricane", "typhoon", "cyclone", "drought", "landslide", "earthquake",
    ),
}
_REGISTER_OF = {w: name for name, ws in REGISTERS.items() for w in ws}
# The article's time frame: words that tell a period, a history or a total rather than a day ("last
# year", "since 2019", "a decade", "the anniversary", "per cent"), and years written out. An article
# that reports an occurrence tells a day; one that tells statistics, old events, trials or anniversaries
# tells periods and years. Written from how news dates its context in general, not from any article.
_PERIOD = re.compile(
    r"\b(?:last year|years? ago|(?:this|that|previous|the past) year|anniversary|decades?|a decade"
    r"|since (?:the\s+)?(?:19|20)\d\d|since (?:the )?(?:start|beginning|outbreak)|so far"
    r"|over the (?:past|last)"
    r"|per ?cent|percent|annual(?:ly)?|average|on record|in total|a total of|statistics|figures|data)\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


@dataclass(frozen=True, slots=True)
class ArticleText:
    """What the judge reads: the headline (may be empty) and the body."""

    title: str
    body: str


def lead_of(text: ArticleText) -> str:
    """The title and the body's first LEAD_WORDS words."""
    return (text.title + "\n" + " ".join(text.body.split()[:LEAD_WORDS])).strip()


def count_features(text: ArticleText) -> np.ndarray:
    """Gate cues per class, tolls and today-words, each as log(1 + count per 100 words), and the length."""
    from frontwire.run.gate import cues

    full = text.title + "\n" + text.body
    tokens = words(full)
    n_words = max(len(tokens), 1)
    scanner = cues()
    counts = dict.fromkeys(CUE_CLASSES, 0)
    for match in scanner.pattern.finditer(full.lower()):
        cue = match.group(0)
        cls = scanner.classes.get(cue) or scanner.classes.get(" ".join(cue.split()))
        if cls in counts:
            counts[cls] += 1
    registers = dict.fromkeys(REGISTERS, 0)
    for w in tokens:
        if (name := _REGISTER_OF.get(w)) is not None:
            registers[name] += 1
    raw = [counts[c] for c in CUE_CLASSES] + [len(_TOLL.findall(full)), len(_TODAY.findall(full))]
    raw += [registers[name] for name in REGISTERS]
    raw += [len(_PERIOD.findall(full)), len(_YEAR.findall(full))]
    per100 = np.log1p(np.array(raw, dtype=np.float64) * 100.0 / n_words)
    return per100.astype(np.float32)


_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“‘'(])")
# Sentences of at most this many words count as a sentence for the head feature (a headline or a
# quote fragment of 3 words is not one).
MIN_SENTENCE_WORDS = 4
# Sentences read for the head feature: an article's first 60 cover any wire story's reporting part.
MAX_SENTENCES = 60


def head_features(encoder: StaticEncoder, head: Head, text: ArticleText) -> np.ndarray:
    """The sentence head's reading of the article: the highest 1 - P(no event) over its sentences, the
    mean of the three highest, and the share of sentences above one half."""
    sentences = [
        s for s in _SENTENCE.split(text.title + ". " + text.body) if len(s.split()) >= MIN_SENTENCE_WORDS
    ]
    if not sentences:
        return np.zeros(3, np.float32)
    p = 1.0 - head.probabilities(encoder.encode(sentences[:MAX_SENTENCES]))[:, head.labels.index("NONE")]
    top = np.sort(p)[::-1]
    return np.array([top[0], top[:3].mean(), (p > 0.5).mean()], np.float32)


def features(
    encoder: StaticEncoder, sentence_head: Head, texts: list[ArticleText], feature_set: str = FEATURE_SET
) -> np.ndarray:
    """One row per article, the columns of `feature_set` (FEATURE_SETS) side by side."""
    if feature_set not in FEATURE_SETS:
        raise ValueError(
            f"article judge: unknown feature set {feature_set!r} (one of {', '.join(FEATURE_SETS)})"
        )
    parts = feature_set.split("+")
    columns = [np.stack([count_features(t) for t in texts])]
    if "head" in parts:
        columns.append(np.stack([head_features(encoder, sentence_head, t) for t in texts]))
    if "vectors" in parts:
        columns.append(encoder.encode([lead_of(t) for t in texts]))
        # The whole body, not only the encoder's first MAX_WORDS: its mean over paragraph-sized chunks.
        columns.append(np.stack([_body_vector(encoder, t.body) for t in texts]))
    return np.hstack(columns).astype(np.float32)


def _body_vector(encoder: StaticEncoder, body: str, chunk: int = 80) -> np.ndarray:
    tokens = body.split()
    chunks = [" ".join(tokens[i : i + chunk]) for i in range(0, max(len(tokens), 1), chunk)]
    v = encoder.encode(chunks).mean(axis=0)
    norm = float(np.linalg.norm(v))
    return v / norm if norm > 0 else v


class ArticleJudge:
    """`probability(text)`: P(the article reports a codable event)."""

    def __init__(self, table: StaticTable, head: Head, sentence_head: Head, feature_set: str) -> None:
        self.encoder = StaticEncoder(table)
        self.head = head
        self.sentence_head = sentence_head
        self.feature_set = feature_set
        self.codable = head.labels.index(CODABLE)

    def probability(self, text: ArticleText) -> float:
        x = features(self.encoder, self.sentence_head, [text], self.feature_set)
        return float(self.head.probabilities(x)[0, self.codable])


def save_judge(
    path: Path, head: Head, feature_set: str, corpus_sha256: str, table_sha256: str, head_sha256: str
) -> None:
    from frontwire.events.learned.artifact import _save, head_arrays

    _save(
        path,
        **head_arrays(head),
        corpus_sha256=np.array(corpus_sha256),
        table_sha256=np.array(table_sha256),
        head_sha256=np.array(head_sha256),
        feature_set=np.array(feature_set),
    )
    (path.parent / JUDGE_SUMS).write_text(f"{sha256_file(path)}  {path.name}\n", encoding="utf-8")


def load_judge(directory: Path | None = None) -> ArticleJudge:
    """The judge in `directory` (default: the package's data), checked against article-judge.sha256 and
    against the word table it was trained with."""
    directory = directory or data_dir()
    sums = directory / JUDGE_SUMS
    if not sums.is_file():
        raise ArtifactError(f"article judge: checksum file missing: {sums}")
    expected = sums.read_text(encoding="utf-8").split()[0]
    path = directory / JUDGE_FILE
    if not path.is_file():
        raise ArtifactError(
            f"article judge: artifact missing: {path} "
            "(rebuild with `python -m frontwire.events.learned.article_train`)"
        )
    z = _open(path, expected)
    model = load_model(directory)  # the word table and the sentence head, checked against learned.sha256
    try:
        if str(z["table_sha256"]) != model.table_sha256 or str(z["head_sha256"]) != model.head_sha256:
            raise ArtifactError(
                f"article judge: {path} was trained with another word table or sentence head "
                f"than the ones in {directory}"
            )
        head = head_from_arrays(z)
        feature_set = str(z["feature_set"])
    except KeyError as exc:
        raise ArtifactError(f"article judge: artifact lacks {exc}: {path}") from None
    return ArticleJudge(model.table, head, model.head, feature_set)
