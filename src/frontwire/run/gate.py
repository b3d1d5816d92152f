"""The relevance gate: pages with no conflict-event cue skip the expensive stages, with the reason kept.

A crawl is mostly sport, business and celebrity news; parsing and event-coding all of it costs ten
times what the conflict pages need. The gate is a keyword scan, compiled once into one
prefix-factored regular expression (a trie, so the scan costs about the same for 20 or 300 words):

1. on the raw page, before parsing (`Gate.page`): no cue anywhere in the page → the page is dropped
   before extraction;
2. on the extracted article (title, captions, body; `Gate.article`): no cue outside the site's
   chrome → event coding and geocoding are skipped and the page is dropped too.

Cues are word beginnings taken from the vocabulary of ACLED's codebook (`../shared/acled-codebook.md`):
one or more for each of its 24 sub-event types (battles, explosions and remote violence, violence
against civilians, protests, riots, strategic developments), plus the words reports use for them
(casualty counts, weapons, armed actors). A dropped page becomes a `Dropped(reason)`; the shard runner
counts the reasons. Recall on the evaluation sets is measured by `bench/pipeline.py --gate`.
"""

from __future__ import annotations

import re
import resource
import time
from collections.abc import Iterable
from dataclasses import dataclass, field

from frontwire.config import Settings
from frontwire.pipeline import Pipeline, Processed
from frontwire.records import Article, Page

GATE_NAME = "frontwire-gate/1"


def _cue_list(text: str) -> tuple[str, ...]:
    """Comma-separated cues, `#` comment lines skipped."""
    lines = [line for line in text.splitlines() if not line.lstrip().startswith("#")]
    return tuple(cue.strip() for cue in ",".join(lines).split(",") if cue.strip())


# A cue ending in "=" must end a word ("war=" matches war, not warm or ward).
WORD_END = "="
# Word beginnings, matched case-insensitively at a word boundary ("kill" matches killed, killing).
# Grouped by the ACLED sub-event types they cue. Short stems that would fire on everyday words are
# given in full or with the letter that disambiguates them ("arrest", not "arr"; "shell" matches
# shelling and also shell companies, an accepted false alarm). Set from the codebook, then checked
# on the development sets (bench/pipeline.py --gate): every miss there was a word the codebook
# uses and the list lacked, added below as a general word, never a snippet's proper noun.
CUES: tuple[str, ...] = _cue_list(
    """
# battles; non-state actor overtakes territory; government regains territory
battl, clash, fight, firefight, gunfight, skirmish, offensive, counteroffensive, counter-offensive,
counterattack, counter-attack, ambush, assault, besieg, siege, captur, recaptur, seiz, overran, overrun,
retak, retook, regained control, regain control, liberat, took control, taken control, take control,
retreat, frontline, front line, troop, soldier, militar, army, armies, armed, milit, rebel, insurg,
jihad, guerrill, fighters, gunmen, gunman, combat, war=, wars=, warplane, warship, wartime, warfare,
warlord, warring, hostilit, invasion, invad, incursion, raid, occupation forces, occupied, occupying,
forces=, conflict, patrol, paramilitar, reinforcement, howitzer, aggress, agress, stormed, storming,
gunned, targeted, targeting, withdrew, withdrawn, withdrawal, pull back, pulled back, pulled out,
# explosions/remote violence: air/drone strike, shelling/artillery/missile attack, remote explosive,
# grenade, suicide bomb, chemical weapon
airstrike, air strike, air raid, airraid, strike, struck, bomb, drone, missile, rocket, shelled,
shelling, shells=, artillery, mortar, barrage, explos, exploded, blast, detonat, ied=, ieds=, landmine,
land mine, mine=, mines=, grenade, suicide, chemical weapon, chemical attack, chemical agent, chlorine,
sarin, nerve agent, gas attack, toxic gas, poison, munition, ammunition, weapon, arms=, arsenal,
ordnance, projectile, warhead, intercept, air defen, shot down, downed,
# violence against civilians: attack, abduction/forced disappearance, sexual violence
attack, kill, dead=, deadly, death, died, dies=, slain, slay, murder, massacre, executed, execution,
behead, lynch, assassin, shot, shoot, gunfire, gunshot, opened fire, open fire, fire on, fired, stabbed,
stabbing, wound, injur, casualt, victim, fatalit, bodies, body of, abduct, kidnap, hostage,
disappearance, disappeared, captive, rape, sexual, tortur, beaten, beating, violen, terror, bloodshed,
genocide, ethnic cleans, torch, arson, set fire, set on fire, burned, burnt, looted, looting, vandal,
destroy, destruct, demolish, raze, damag,
# protests, riots, excessive force against protesters, mob violence
protest, demonstrator, demonstration, demonstrated, march=, marches, marching, rally, rallies, marched,
marchers, sit-in, picket, walkout, boycott, riot, unrest, mob=, mobs=, tear gas, teargas, rubber bullet,
water cannon, baton, crackdown, dispers, stone-pelt, stone pelt, vigilante,
# strategic developments: agreement, arrests, change to group/activity, headquarters or base
# established, non-violent transfer of territory, other
ceasefire, cease-fire, truce, peace, agreement, negotiat, prisoner, arrest, detain, detention, custody,
apprehend, jail, imprison, rounded up, curfew, martial law, state of emergency, mobiliz, mobilis,
disband, defected, defector, surrender, handed over, hand over, handover, military base, air base,
airbase, headquarters, outpost, checkpoint, camp=, camps=, garrison, fortif, evacuat, displac, refugee,
blockade, embargo, sanction, police, security forces, coup, junta, uprising, revolt, mutin,
"""
)


def _trie_pattern(words: Iterable[str]) -> str:
    """One regex alternation factored by common prefixes: (?:a(?:ttack|rmy)|b(?:omb|last)...)."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        whole = word.endswith(WORD_END)
        for ch in [*word.lower().removesuffix(WORD_END), *([r"\b"] if whole else [])]:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        ends = "" in node
        branches = [_atom(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return emit(trie)


def _atom(ch: str) -> str:
    return ch if ch == r"\b" else re.escape(ch)


# Word boundary first: "strike" must not match inside "pastrikes", "army" inside "swarmy".
CUE_PATTERN = re.compile(r"\b" + _trie_pattern(CUES), re.IGNORECASE)


@dataclass(slots=True, frozen=True, kw_only=True)
class Dropped:
    """A page the gate kept from the expensive stages, and why (a counter key, e.g. "gate:page")."""

    source: str
    reason: str
    id: str | None = None


# Counter keys for the two places a page can be dropped.
NO_CUE_IN_PAGE = "gate:no-cue-in-page"
NO_CUE_IN_ARTICLE = "gate:no-cue-in-article"


def first_cue(text: str) -> str | None:
    """The first conflict cue in `text` (lower-cased), or None when there is none."""
    match = CUE_PATTERN.search(text)
    return match.group(0).lower() if match else None


# The parts of an HTML page that carry its story: title, headings, description metadata, paragraphs.
# Menus, "most read" lists and footers live in <a>/<li>/<div> and are not scanned.
_PROSE = re.compile(
    r"<(title|h1|h2|p|figcaption|blockquote)\b[^>]*>(.*?)</\1\s*>"
    r"|<meta\b[^>]*?(?:name|property)=[\"'](?:description|og:title|og:description)[\"'][^>]*>",
    re.IGNORECASE | re.DOTALL,
)
_TAG = re.compile(r"<[^>]*>")
# Below this much prose the page is laid out without <p> (text in <div>s and <br>s): scan all of it.
# Set from the extraction benchmark: every article page there has more than 1,000 characters in <p>.
MIN_PROSE_CHARS = 500


def prose(html: str) -> str:
    """The story-bearing text of an HTML page, tags left in place of nothing; the whole page if too little."""
    parts = [m.group(0) if m.group(2) is None else m.group(2) for m in _PROSE.finditer(html)]
    text = _TAG.sub(" ", " ".join(parts))
    return text if len(text) >= MIN_PROSE_CHARS else html


class Gate:
    """The two checks; stateless and picklable (the pattern is compiled at import)."""

    name = GATE_NAME

    def page(self, page: Page) -> Dropped | None:
        """Before parsing: a `Dropped` when the page's prose has no cue (for HTML: its title, headings,
        description and paragraphs, so that menus and "most read" lists do not count)."""
        text = prose(page.content) if page.kind == "html" else page.content
        if first_cue(text) is not None:
            return None
        return Dropped(source=page.source, reason=NO_CUE_IN_PAGE, id=page.id)

    def article(self, article: Article) -> Dropped | None:
        """After extraction: a `Dropped` when neither the title, the captions nor the body has a cue."""
        for text in (article.title or "", *article.captions, *article.paragraphs):
            if first_cue(text) is not None:
                return None
        return Dropped(source=article.source, reason=NO_CUE_IN_ARTICLE, id=article.id)


@dataclass(slots=True, kw_only=True)
class Outcome:
    """What `Gated` made of one page: processed, or dropped by the article gate; with stage timings."""

    processed: Processed | None = None
    dropped: Dropped | None = None
    seconds: dict[str, float] = field(default_factory=dict)
    peak_rss_mib: float = 0.0


class Gated:
    """page → `Outcome`: extract, then the article gate, then event coding and geocoding.

    The per-page step the shard runner hands to its `Guard`. It holds only a `Pipeline` (picklable and
    lazy) and runs the same stages as `Pipeline.__call__`/`Pipeline.code`, one at a time, so that each
    stage's time can be reported; `gate=False` keeps every article.
    """

    def __init__(self, pipeline: Pipeline, gate: bool = True) -> None:
        self.pipeline = pipeline
        self.gate = Gate() if gate else None

    def __call__(self, page: Page, settings: Settings | None = None) -> Outcome:
        from frontwire.article import extract

        settings = settings or self.pipeline.settings
        seconds: dict[str, float] = {}
        t0 = time.perf_counter()
        article = extract(page, settings)
        seconds["extract"] = time.perf_counter() - t0
        if not settings.events:
            return Outcome(
                processed=Processed(article=article), seconds=seconds, peak_rss_mib=_peak_rss_mib()
            )
        if self.gate is not None and (dropped := self.gate.article(article)) is not None:
            return Outcome(dropped=dropped, seconds=seconds, peak_rss_mib=_peak_rss_mib())
        return Outcome(processed=self._code(article, seconds), seconds=seconds, peak_rss_mib=_peak_rss_mib())

    def _code(self, article: Article, seconds: dict[str, float]) -> Processed:
        """`Pipeline.code`, timed stage by stage."""
        from frontwire.events import run_extractor

        t0 = time.perf_counter()
        result = next(run_extractor(self.pipeline.extractor, [article]))
        seconds["events"] = time.perf_counter() - t0
        if result.error is not None:
            return Processed(article=article, language=result.language, events_note=result.error)
        t0 = time.perf_counter()
        events = self.pipeline.resolver.place_events(article, result.events) if result.events else []
        seconds["geo"] = time.perf_counter() - t0
        note = result.skipped_reason if not events else None
        return Processed(article=article, events=events, language=result.language, events_note=note)


def _peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports kB
