"""The default extractor, "frontwire-rules": lexicon cues + spaCy parses -> ACLED-coded EventMentions.

Article -> sentences -> cue typing (cheap, every sentence) -> spaCy on typed sentences only ->
non-event filters -> grouping of follow-up sentences into one event -> date, actors, fatalities,
places, claimant -> one EventMention per place (ACLED: one event is one place on one day).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from frontwire.events import _nlp
from frontwire.events._text import Sentence, detect_language, split_sentences
from frontwire.events.actors import ActorDictionary, ActorMention, Country, CountryLexicon, resolve
from frontwire.events.base import DroppedSentence, EventResult
from frontwire.events.claims import attribution_of, find_claimant
from frontwire.events.classify import PROTEST_TYPES, WEAPON_TYPES, CueLexicon, Typing, classify
from frontwire.events.dates import DateContext, DateMention, find_dates
from frontwire.events.figures import Fatalities, find_fatalities
from frontwire.events.filters import non_event_reason
from frontwire.events.places import PlaceMention, find_places
from frontwire.events.roles import assign_roles, link_group_nouns
from frontwire.records import Article, EventMention, Evidence

NAME = "frontwire-rules"
VERSION = "0.1.0"
# Precision for an event dated only by its announcement ("X announced on May 16 that strikes hit"):
# the day is an upper bound, so we code 2 ("within the week"), keeping the announcement day as the date.
ANNOUNCEMENT_PRECISION = 2
_ANAPHORA = re.compile(
    r"^(?:[\"“]?)(?:the|this|that|these|those|such)\s+(?:\w+\s+)?(?:attacks?|ambush|strikes?|air ?strikes?|raids?|bombings?"
    r"|blasts?|explosions?|assaults?|incidents?|operations?|shelling|clash(?:es)?|fighting|killings?|abductions?"
    r"|protests?|demonstrations?|violence|bombardment|massacre)\b",
    re.I,
)
_KIND_WORDS = {
    "Battles": "clashed with",
    "Explosions/Remote violence": "carried out {sub} against",
    "Violence against civilians": "attacked",
    "Protests": "held a protest",
    "Riots": "rioted",
    "Strategic developments": "{sub}:",
}


@dataclass(slots=True)
class _Sent:
    sentence: Sentence
    typing: Typing
    actors: list[ActorMention]
    doc: Any = None


@dataclass(slots=True)
class _Event:
    typing: Typing
    parts: list[_Sent] = field(default_factory=list)


@dataclass(slots=True)
class _State:
    actors: ActorDictionary
    countries: CountryLexicon
    cues: CueLexicon
    nlp: Any = None


class RuleExtractor:
    """ACLED coding by rules. Holds only settings; lexicons and spaCy load on first use (picklable)."""

    name = NAME
    version = VERSION

    def __init__(
        self,
        actor_files: Sequence[str | Path] = (),
        country_files: Sequence[str | Path] = (),
        use_spacy: bool = True,
    ):
        self.actor_files = tuple(str(p) for p in actor_files)
        self.country_files = tuple(str(p) for p in country_files)
        self.use_spacy = use_spacy
        self._state: _State | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {
            "actor_files": self.actor_files,
            "country_files": self.country_files,
            "use_spacy": self.use_spacy,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(**state)  # type: ignore[misc]

    @property
    def coder(self) -> str:
        return f"{NAME}/{VERSION}"

    def _load(self) -> _State:
        if self._state is None:
            state = _State(
                ActorDictionary.load(self.actor_files),
                CountryLexicon.load(self.country_files),
                CueLexicon.load(),
            )
            if self.use_spacy:
                state.nlp = _nlp.load_english()
            self._state = state
        return self._state

    # -- public -------------------------------------------------------------------------
    def extract(self, article: Article) -> list[EventMention]:
        return self.extract_events(article).events

    def extract_events(self, article: Article) -> EventResult:
        """Events of one article, with the language, date basis and the sentences dropped (and why)."""
        body = article.body
        if not body.strip():
            return EventResult(source=article.source, language="und", skipped_reason="empty body")
        language, why = detect_language(body)
        if why:
            return EventResult(source=article.source, language=language, skipped_reason=why)
        st = self._load()
        ctx = DateContext.for_text(article.published, body)
        result = EventResult(source=article.source, language=language, date_basis=ctx.basis)
        typed = self._typed_sentences(st, split_sentences(body))
        home = self._article_country(st, body)
        events = self._group(typed, result)
        last_date: DateMention | None = None
        for ev in events:
            mentions, last_date = self._code(st, ev, ctx, home, article, last_date)
            result.events.extend(mentions)
        return result

    def classify_text(self, text: str) -> str | None:
        """The sub-event type of the main event a short text reports (first typed sentence weighs most), or None."""
        st = self._load()
        best: tuple[float, str] | None = None
        for i, s in enumerate(split_sentences(text)):
            actors = st.actors.find(s.text)
            typing = classify(s.text, st.cues.cues(s.text), actors)
            if typing is None or non_event_reason(s.text) is not None:
                continue
            score = typing.score * (LEAD_WEIGHT if i == 0 else 1.0)
            if best is None or score > best[0]:
                best = (score, typing.sub_type)
        return best[1] if best else None

    # -- steps --------------------------------------------------------------------------
    def _typed_sentences(
        self, st: _State, sentences: Sequence[Sentence]
    ) -> list[_Sent | tuple[Sentence, None]]:
        out: list[_Sent | tuple[Sentence, None]] = []
        for s in sentences:
            actors = link_group_nouns(s.text, st.actors.find(s.text))
            typing = classify(s.text, st.cues.cues(s.text), actors)
            out.append(_Sent(s, typing, actors) if typing else (s, None))
        typed = [t for t in out if isinstance(t, _Sent)]
        if st.nlp is not None and typed:
            for t, doc in zip(
                typed, st.nlp.pipe([t.sentence.text for t in typed], batch_size=32), strict=True
            ):
                t.doc = doc
        return out

    def _group(self, typed: Sequence[_Sent | tuple[Sentence, None]], result: EventResult) -> list[_Event]:
        events: list[_Event] = []
        for item in typed:
            if not isinstance(item, _Sent):
                continue
            s = item.sentence
            trigger = item.typing.trigger
            protest = item.typing.event_type in ("Protests", "Riots")
            span = (trigger.start, trigger.end) if trigger and not protest else None
            reason = non_event_reason(s.text, item.doc, span)
            if reason:
                result.dropped.append(DroppedSentence(s.text, s.start, reason))
                continue
            prev = events[-1] if events else None
            if prev and self._continues(prev, item):
                prev.parts.append(item)
            else:
                events.append(_Event(item.typing, [item]))
        return events

    @staticmethod
    def _continues(prev: _Event, item: _Sent) -> bool:
        last = prev.parts[-1].sentence
        s = item.sentence
        if s.paragraph - last.paragraph > 1:
            return False
        own_date = bool(re.search(r"\b(?:on|in|last|yesterday|today)\b\s+\w+\s*\d|\b(?:19|20)\d\d\b", s.text))
        if _ANAPHORA.match(s.text) and not own_date:
            return True
        if own_date:
            return False
        if item.typing.sub_type == prev.typing.sub_type:
            return True
        generic = item.typing.sub_type in ("Attack", "Armed clash") and not any(
            c.sub_type in WEAPON_TYPES for c in item.typing.cues
        )
        return generic and s.paragraph == last.paragraph and prev.typing.sub_type not in PROTEST_TYPES

    def _article_country(self, st: _State, body: str) -> Country | None:
        spans = [(m.start, m.end) for m in st.actors.find(body)]
        return _vote(st.countries.find(body), spans)

    def _code(
        self,
        st: _State,
        ev: _Event,
        ctx: DateContext,
        home: Country | None,
        article: Article,
        last: DateMention | None,
    ) -> tuple[list[EventMention], DateMention | None]:
        typing = ev.typing
        text = " ".join(p.sentence.text for p in ev.parts)
        claimant, claim_spans = None, []
        for p in ev.parts:
            found = find_claimant(p.sentence.text, p.doc)
            if found:
                claimant, span = found
                claim_spans.append((p, span))
                break
        # Country: places and names in the event's own sentences, else the article's.
        votes = []
        for p in ev.parts:
            excl = [(a.start, a.end) for a in p.actors] + [sp for q, sp in claim_spans if q is p]
            votes.extend((c, excl) for c in st.countries.find(p.sentence.text))
        country = _vote([c for c, _ in votes], [], weights_excl=[e for _, e in votes]) or home
        # Actors.
        a1 = a2 = None
        suspected = False
        for p in ev.parts:
            excl = [sp for q, sp in claim_spans if q is p]
            roles = assign_roles(p.sentence.text, p.actors, excl)
            if roles.actor1 and (a1 is None or (a1.entry.generic and not roles.actor1.entry.generic)):
                a1, suspected = roles.actor1, roles.suspected or suspected
            if roles.actor2 and (a2 is None or (a2.entry.generic and not roles.actor2.entry.generic)):
                a2 = roles.actor2
        actor1 = resolve(a1.entry, country) if a1 else None
        actor2 = resolve(a2.entry, country) if a2 else None
        if actor1 and actor2 and actor1.name == actor2.name:
            actor2 = None
        cname = country.name if country else "Unknown"
        if actor1 is None:
            actor1, actor2 = _default_actor1(typing.event_type, cname), actor2
        if typing.event_type in ("Protests", "Riots") and actor1.inter == 7:
            actor1 = _default_actor1(typing.event_type, cname)  # civilians who demonstrate are protesters
        if actor2 is None and typing.event_type == "Violence against civilians":
            actor2 = _Actor(f"Civilians ({cname})", 7)
        # Date.
        date, precision, last = _event_date(ev, ctx, last)
        # Fatalities (first sentence that reports a figure).
        fat = Fatalities()
        for p in ev.parts:
            fat = find_fatalities(p.sentence.text)
            if fat.value is not None or fat.rejected:
                break
        # Claimant and attribution.
        claimant_is_actor1 = bool(claimant and a1 and _same_side(claimant, a1, st))
        attribution = attribution_of(text, claimant_is_actor1)
        if attribution == "reported" and suspected:
            attribution = "alleged"
        if claimant is None and article.outlet is not None:
            claimant = article.outlet.name
        # Places: the finest level the event's sentences give; one event per place.
        places = self._places(st, ev, claim_spans)
        evidence = [
            Evidence(text=p.sentence.text, start=p.sentence.start, end=p.sentence.end) for p in ev.parts
        ]
        mentions = []
        for place in places or [None]:
            m = EventMention(
                event_date=date,
                time_precision=precision,
                event_type=typing.event_type,
                sub_event_type=typing.sub_type,
                actor1=actor1.name,
                inter1=actor1.inter,
                actor2=actor2.name if actor2 else None,
                inter2=actor2.inter if actor2 else None,
                civilian_targeting=bool(actor2 and actor2.inter == 7 and typing.event_type != "Protests"),
                fatalities=fat.value,
                fatalities_low=fat.low,
                fatalities_high=fat.high,
                location_text=place.text if place else None,
                claimant=claimant,
                attribution=attribution,
                evidence=evidence,
                coder=self.coder,
            )
            m.notes = _notes(m, fat, ctx)
            mentions.append(m)
        return mentions, last

    def _places(
        self, st: _State, ev: _Event, claim_spans: list[tuple[_Sent, tuple[int, int]]]
    ) -> list[PlaceMention]:
        found: list[PlaceMention] = []
        for p in ev.parts:
            ner = [(e.start_char, e.end_char, e.label_) for e in p.doc.ents] if p.doc is not None else []
            excl = [(a.start, a.end) for a in p.actors if not _is_place_like(a)] + [
                sp for q, sp in claim_spans if q is p
            ]
            for place in find_places(p.sentence.text, ner, excl):
                if st.countries.get(place.text) is not None:
                    place = PlaceMention(place.text, place.start, place.end, 3)
                found.append(place)
        if not found:
            return []
        finest = min(p.level for p in found)
        seen: set[str] = set()
        out = []
        for p in found:
            key = p.text.lower()
            if p.level == finest and key not in seen:
                seen.add(key)
                out.append(p)
        return out


# The first typed sentence of a snippet reports its main event more often than later ones (news lead);
# 1.5 lets a strong later cue still win. Set on our own snippets.
LEAD_WEIGHT = 1.5


@dataclass(frozen=True, slots=True)
class _Actor:
    name: str
    inter: int


def _default_actor1(event_type: str, country: str) -> _Actor:
    if event_type == "Protests":
        return _Actor(f"Protesters ({country})", 6)
    if event_type == "Riots":
        return _Actor(f"Rioters ({country})", 5)
    return _Actor(f"Unidentified Armed Group ({country})", 3)


def _is_place_like(a: ActorMention) -> bool:
    return False


def _vote(
    mentions: Sequence[Any], exclude: Sequence[tuple[int, int]], weights_excl: Sequence[Any] | None = None
) -> Country | None:
    weights = {"place": 2.0, "name": 2.0, "demonym": 1.0, "iso": 1.0}
    tally: Counter[str] = Counter()
    by_name: dict[str, Country] = {}
    for i, m in enumerate(mentions):
        excl = weights_excl[i] if weights_excl is not None else exclude
        if any(a <= m.start < b for a, b in excl):
            continue
        tally[m.country.name] += weights[m.kind]
        by_name[m.country.name] = m.country
    if not tally:
        return None
    return by_name[tally.most_common(1)[0][0]]


def _same_side(claimant: str, actor: ActorMention, st: _State) -> bool:
    found = st.actors.find(claimant)
    if any(f.entry.name == actor.entry.name for f in found):
        return True
    demonyms = [c for c in st.countries.find(claimant) if c.kind in ("demonym", "name")]
    return bool(actor.entry.country and demonyms and demonyms[0].country.name == actor.entry.country)


def _event_date(
    ev: _Event, ctx: DateContext, last: DateMention | None
) -> tuple[dt.date | None, int, DateMention | None]:
    mentions = [d for p in ev.parts for d in find_dates(p.sentence.text, ctx)]
    real = [d for d in mentions if not d.announcement and d.date is not None]
    if real:
        return real[0].date, real[0].precision, real[0]
    announced = [d for d in mentions if d.announcement and d.date is not None]
    if announced:
        return announced[0].date, ANNOUNCEMENT_PRECISION, last
    if last is not None and last.date is not None:
        return last.date, last.precision, last
    if ctx.reference is not None:
        return ctx.reference, 2, last
    return None, 3, last


def _notes(m: EventMention, fat: Fatalities, ctx: DateContext) -> str:
    when = f"On {m.event_date.day} {m.event_date:%B %Y}" if m.event_date else "On an unknown date"
    where = f" in {m.location_text}" if m.location_text else ""
    verb = _KIND_WORDS[m.event_type].replace("{sub}", m.sub_event_type.lower())
    target = (
        f" {m.actor2}"
        if m.actor2 and m.event_type not in ("Protests", "Riots", "Strategic developments")
        else ""
    )
    if m.event_type == "Strategic developments":
        target = f" {m.actor2}" if m.actor2 else ""
    sentence = f"{when}, {m.actor1} {verb}{target}{where}"
    if m.claimant and m.attribution in ("claimed", "alleged", "blamed", "denied", "confirmed"):
        sentence += f" ({m.attribution}; source: {m.claimant})"
    elif m.claimant:
        sentence += f" (according to {m.claimant})"
    if fat.rejected:
        sentence += f"; fatality figure rejected: {fat.rejected}"
    elif m.fatalities is not None:
        rng = f", reported as {fat.low}-{fat.high}" if fat.low is not None else ""
        sentence += f"; {m.fatalities} fatalities{rng} ('{fat.as_written}')"
    else:
        sentence += "; no fatalities reported"
    if ctx.basis != "published":
        sentence += (
            f"; date read against {'a date in the text' if ctx.basis == 'text' else 'no reference date'}"
        )
    return sentence + "."
