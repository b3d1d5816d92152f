"""The default extractor, "frontwire-rules": lexicon cues + spaCy where needed -> ACLED-coded EventMentions.

Article -> sentences -> cue typing (cheap, every sentence) -> spaCy parse on the few typed sentences
that need one (irrealis or speaker checks) -> non-event filters -> grouping of follow-up sentences
into one event -> date, actors, fatalities, places (NER only where place rules find no town),
claimant -> one EventMention per place (ACLED: one event is one place on one day).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from frontwire.events._text import Sentence, detect_language, split_sentences
from frontwire.events.actors import (
    CIVILIANS,
    EXTERNAL_FORCES,
    RIOTERS,
    STATE_FORCES,
    ActorDictionary,
    ActorMention,
    Country,
    CountryLexicon,
    resolve,
)
from frontwire.events.base import DroppedSentence, EventResult
from frontwire.events.dates import DateContext, DateMention
from frontwire.events.figures import Fatalities
from frontwire.events.naming import date_forces
from frontwire.events.rules import _nlp, _parse
from frontwire.events.rules.accidents import tells_accident
from frontwire.events.rules.associates import (
    DEMONSTRATIONS,
    IdentityTable,
    SentenceIdentities,
    ally_names,
    associated_actors,
    sentence_identities,
)
from frontwire.events.rules.claims import attribution_of, find_claimant, is_denial, responsible_party
from frontwire.events.rules.classify import ATTRIBUTION_DETAIL, CueLexicon, Typing, classify
from frontwire.events.rules.coding import (
    CodedActor,
    default_actor1,
    default_actor2,
    demonstration_sides,
    event_date,
    lead_sentences,
    notes,
    police_country,
    same_side,
    second_day,
    share_fatalities,
    vote_country,
)
from frontwire.events.rules.complex_attacks import fighting_parts, the_fight
from frontwire.events.rules.draft_dates import dated_rest, episode_day, following
from frontwire.events.rules.draft_places import draft_places
from frontwire.events.rules.filters import non_event_reason
from frontwire.events.rules.grouping import (
    EventDraft,
    TypedSentence,
    dropped_unparsed,
    evidence_of,
    group_story_events,
)
from frontwire.events.rules.judge import SentenceJudge
from frontwire.events.rules.places import PlaceMention
from frontwire.events.rules.roles import assign_roles, link_group_nouns
from frontwire.events.rules.targets import hit_civilians
from frontwire.events.rules.tense import headline_like
from frontwire.events.rules.timeframe import background_reason, lead_frame, stale_reason
from frontwire.events.rules.tolls import TOLL_DETAIL, is_toll_statement
from frontwire.events.rules.trials import judged_crimes, tells_trial
from frontwire.events.rules.typing_attribution import attribution_detail
from frontwire.events.rules.typing_context import without_cause
from frontwire.events.rules.version import NAME, VERSION
from frontwire.events.rules.victims import event_fatalities
from frontwire.events.rules.window import MAX_EVENT_CHARS
from frontwire.records import Article, EventMention, story_at

# The first typed sentence of a snippet reports its main event more often than later ones (news lead);
# 1.5 lets a strong later cue still win. Set on our own snippets.
LEAD_WEIGHT = 1.5
# Place level of a town, village, camp or neighbourhood (places.py): when the rules find one, NER
# (which adds only coarser GPE/LOC places, or rare FAC names) is not run for that event.
TOWN_LEVEL = 1
_STATE = (1, 8)  # state forces, at home or abroad (ACLED inter codes)
# Strategic developments that ACLED codes only between political or armed parties (codebook: agreements
# such as ceasefires and prisoner exchanges, a group's change of activity, a base set up): the same words
# in business, sport and science ("agreed a deal", "recruited SpaceX", "a new base machine") name no such
# party. Such an event needs an actor of one of these inter codes: state forces (1), rebels (2),
# political (3) or identity (4) militias, external forces (8).
PARTY_SUB_TYPES = frozenset(
    (
        "Agreement",
        "Change to group/activity",
        "Headquarters or base established",
        "Non-violent transfer of territory",  # an aid group's "withdrawal" hands over none
    )
)
PARTY_INTERS = frozenset((1, 2, 3, 4, 8))
# An agreement that ends or pauses fighting is one between conflict parties by what it is, whether or not
# the actor dictionary knows the parties' names ("a ceasefire has been agreed between the two sides",
# "Koirala and Prachanda signed the Comprehensive Peace Agreement").
_ARMED_AGREEMENT = re.compile(
    r"\b(?:cease-?fire|truce|armistice|hostilities"
    r"|peace (?:deal|agreement|accord|pact|plan|treaty|declaration)"
    r"|end (?:to )?(?:the )?(?:armed )?(?:conflict|fighting|hostilities|war))\b",
    re.I,
)
# Characters the English check reads: its function-word share is settled long before this (one-sentence
# reports decide it), and a 200,000-word page no longer spends seconds on it.
LANGUAGE_SAMPLE_CHARS = 50_000


@dataclass(frozen=True, slots=True)
class _Claim:
    """Who an event's sentences say reported it, and where in which sentence (not an actor, not a place)."""

    claimant: str | None = None
    part: TypedSentence | None = None
    span: tuple[int, int] = (0, 0)

    def spans(self) -> list[tuple[TypedSentence, tuple[int, int]]]:
        return [(self.part, self.span)] if self.part is not None else []


@dataclass(slots=True)
class _State:
    actors: ActorDictionary
    countries: CountryLexicon
    cues: CueLexicon
    identities: IdentityTable
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
        identity_files: Sequence[str | Path] = (),
        judge: SentenceJudge | None = None,
    ):
        self.actor_files = tuple(str(p) for p in actor_files)
        self.country_files = tuple(str(p) for p in country_files)
        self.identity_files = tuple(str(p) for p in identity_files)
        self.use_spacy = use_spacy
        self.judge = judge  # a learned "is this an event" scorer joined to the rules (judge.py), or None
        self._state: _State | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {
            "actor_files": self.actor_files,
            "country_files": self.country_files,
            "use_spacy": self.use_spacy,
            "identity_files": self.identity_files,
            "judge": self.judge,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(**state)  # type: ignore[misc]

    @property
    def coder(self) -> str:
        return f"{NAME}/{VERSION}"

    def _load(self) -> _State:
        if self._state is None:
            countries = CountryLexicon.load(self.country_files)
            state = _State(
                ActorDictionary.load(self.actor_files, countries),
                countries,
                CueLexicon.load(),
                IdentityTable.load(self.identity_files),
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
        language, why = detect_language(body[:LANGUAGE_SAMPLE_CHARS])
        if why:
            return EventResult(source=article.source, language=language, skipped_reason=why)
        st = self._load()
        ctx = DateContext.for_text(article.published, body, article.published_latest)
        result = EventResult(source=article.source, language=language, date_basis=ctx.basis)
        if len(body) > MAX_EVENT_CHARS:
            cut = body.rfind("\n\n", 0, MAX_EVENT_CHARS)
            body = body[: cut if cut > 0 else MAX_EVENT_CHARS]
            note = f"article over {MAX_EVENT_CHARS:,} characters: events read from its first {len(body):,}"
            result.dropped.append(DroppedSentence("", len(body), note))
        sentences = split_sentences(body)
        typed = self._typed_sentences(st, sentences)
        # A digest of brief reports has several stories: an event's sentences are all in one, and the country
        # they do not name is that story's.
        spans = [(a, b) for a, b in article.story_spans() if a < len(body)]
        homes = [self._article_country(st, body[a:b]) for a, b in spans] if len(spans) > 1 else []
        home = self._article_country(st, body) if not homes else None
        events = group_story_events(typed, spans, result, self._sentence_judge())
        claims = self._event_claims(events)
        places = self._event_places(st, events, claims)
        leads = lead_sentences(sentences, typed, events)
        last_date: DateMention | None = None
        current = 0  # the story of the event coded last
        for ev, claim, found, lead in zip(events, claims, places, leads, strict=True):
            if homes:
                story = story_at(spans, ev.parts[0].sentence.start)
                story = len(spans) - 1 if story is None else story
                if story != current:
                    last_date = None  # a new story's days are not counted from the last story's
                home, current = homes[story], story
            mentions, last_date = self._code(
                st, ev, claim, found, ctx, home, article, last_date, result, lead
            )
            result.events.extend(mentions)
        # A plain-text page's headline is its first line when no title was read apart from the body.
        first = article.paragraphs[0] if article.paragraphs else ""
        if tells_trial(article.title or (first if headline_like(first) else None)):
            result.events, judged = judged_crimes(result.events)
            result.dropped.extend(judged)
        return result

    def classify_text(self, text: str) -> str | None:
        """The sub-event type of a short text's main event (the first typed sentence weighs most), or None."""
        st = self._load()
        best: tuple[float, str] | None = None
        for i, s in enumerate(split_sentences(text)):
            actors = st.actors.find(s.text)
            typing = self._type_sentence(st, s.text, actors)
            if typing is None or non_event_reason(s.text, in_article=False) is not None:
                continue
            if typing.event_type != "Protests" and tells_accident(s.text):
                continue  # as the article coder reads it (accidents.accidental)
            score = typing.score * (LEAD_WEIGHT if i == 0 else 1.0)
            if best is None or score > best[0]:
                best = (score, typing.sub_type)
        return best[1] if best else None

    # -- steps --------------------------------------------------------------------------
    def _sentence_judge(self) -> SentenceJudge | None:
        """The scorer that may drop sentences the rules keep: the one given, else none (the learned coder
        brings its head)."""
        return self.judge

    def _type_sentence(self, st: _State, text: str, actors: Sequence[ActorMention]) -> Typing | None:
        """The typing of one sentence: the cue lexicon's. The learned coder overrides this one step."""
        return classify(text, st.cues.cues(text), actors)

    def _typed_sentences(self, st: _State, sentences: Sequence[Sentence]) -> list[TypedSentence]:
        """Sentences with an event cue, typed; spaCy parses only those a parse-based check may need (the
        irrealis check, the claimant's speech verb), all in one run (on the bench crawl's articles, one run
        costs about 0.7 of a run per check). A sentence that repeats one already read word for word adds
        nothing and is read once (a page that repeats one sentence 10,000 times costs what one copy costs)."""
        typed: list[TypedSentence] = []
        seen: set[str] = set()
        for s in sentences:
            if s.text in seen:
                continue
            seen.add(s.text)
            actors = link_group_nouns(s.text, st.actors.find(s.text))
            typing = self._type_sentence(st, s.text, actors)
            if typing is not None:
                typed.append(TypedSentence(s, typing, actors))
            elif attribution_detail(s.text):
                typed.append(TypedSentence(s, ATTRIBUTION_DETAIL, actors, detail=True))
            elif is_toll_statement(s.text):  # "6 fatalities.": the toll of the event told just before
                typed.append(TypedSentence(s, TOLL_DETAIL, actors, detail=True))
        if st.nlp is not None:
            todo = [t for t in typed if _parse.may_need_parse(t.sentence.text) and not dropped_unparsed(t)]
            for t, doc in zip(todo, _parse.parse(st.nlp, [t.sentence.text for t in todo]), strict=True):
                t.doc = doc
        return typed

    def _event_claims(self, events: Sequence[EventDraft]) -> list[_Claim]:
        """Each event's first claimant: the first of its sentences that names one (`_typed_sentences` has
        parsed those whose speaker only a parse can find)."""
        claims = []
        for ev in events:
            claim = _Claim()
            for p in ev.parts:
                if found := find_claimant(p.sentence.text, p.doc):
                    claim = _Claim(found[0], p, found[1])
                    break
            claims.append(claim)
        return claims

    def _event_places(
        self, st: _State, events: Sequence[EventDraft], claims: Sequence[_Claim]
    ) -> list[list[PlaceMention]]:
        """Each event's places: the place rules first, then NER where they find no town. NER reads the
        lead sentence of those events first (one batch) and their other sentences only if the lead names
        no place either (a second batch)."""
        found = [self._places(st, ev, c) for ev, c in zip(events, claims, strict=True)]
        if st.nlp is None:
            return found
        gaps = [i for i, places in enumerate(found) if not any(p.level == TOWN_LEVEL for p in places)]
        for lead_only in (True, False):
            parts = [p for i in gaps for p in (events[i].parts[:1] if lead_only else events[i].parts[1:])]
            for p, ents in zip(parts, _parse.entities(st.nlp, [p.sentence.text for p in parts]), strict=True):
                p.entities = ents
            for i in gaps:
                found[i] = self._places(st, events[i], claims[i])
            gaps = [i for i in gaps if not found[i]]
        return found

    def _article_country(self, st: _State, body: str) -> Country | None:
        spans = [(m.start, m.end) for m in st.actors.find(body)]
        return vote_country(st.countries.find(body), spans)

    def _code(
        self,
        st: _State,
        ev: EventDraft,
        claim: _Claim,
        places: list[PlaceMention],
        ctx: DateContext,
        home: Country | None,
        article: Article,
        last: DateMention | None,
        result: EventResult,
        lead: str | None = None,
    ) -> tuple[list[EventMention], DateMention | None]:
        typing = ev.typing
        text = " ".join(p.sentence.text for p in ev.parts)
        claimant, claim_spans = claim.claimant, claim.spans()
        # Country: places and names in the event's own sentences, else the article's.
        votes = []
        for p in ev.parts:
            excl = [(a.start, a.end) for a in p.actors] + [sp for q, sp in claim_spans if q is p]
            votes.extend((c, excl) for c in st.countries.find(p.sentence.text))
        if home is not None and all(c.kind == "demonym" for c, _ in votes):
            votes = []  # a nationality only ("an Italian news crew"): the article's country stands
        country = vote_country([c for c, _ in votes], [], weights_excl=[e for _, e in votes])
        placed = country is not None  # the event's own sentences say where it is
        country = country or home
        # Actors.
        a1 = a2 = None
        suspected = False
        allies: tuple[ActorMention, ...] = ()  # the initiator's, from the sentence that named it
        identities: list[SentenceIdentities] = []
        state: ActorMention | None = None  # the first state force any sentence names (a protest's police)
        for p in ev.parts:
            if p.detail and is_denial(p.sentence.text):
                continue  # who denies an act is not its actor
            # A party that announces its own change of activity, base or agreement ("JNIM declared a
            # blockade") is its actor, not only its claimant.
            own_act = typing.sub_type in PARTY_SUB_TYPES
            excl = [] if own_act else [sp for q, sp in claim_spans if q is p]
            roles = assign_roles(p.sentence.text, p.actors, excl)
            identities.append(sentence_identities(st.identities, p, roles, excl))
            if state is None:
                state = next((r for r in (roles.actor1, roles.actor2) if r and r.entry.inter in _STATE), None)
            if roles.actor1 and (a1 is None or (a1.entry.generic and not roles.actor1.entry.generic)):
                a1, suspected, allies = roles.actor1, roles.suspected or suspected, roles.allies1
            if (
                roles.actor2
                and (a2 is None or (a2.entry.generic and not roles.actor2.entry.generic))
                and (a1 is None or roles.actor2.entry.name != a1.entry.name)  # not the initiator again
            ):
                a2 = roles.actor2
        # A claim of responsibility or a blame names the doer even where the roles found none.
        if a1 is None or a1.entry.generic:
            party = next((r for p in ev.parts if (r := responsible_party(p.sentence.text, p.actors))), None)
            if party is not None:
                a1, allies = party, ()
                if a2 is not None and a2.entry.name == party.entry.name:
                    a2 = None
        if not placed:
            country = police_country(st.countries, (a1, a2, state)) or country
        actor1 = resolve(a1.entry, country) if a1 else None
        actor2 = resolve(a2.entry, country) if a2 else None
        parties = [a for a in (actor1, actor2) if a is not None and a.inter in PARTY_INTERS]
        armed_deal = typing.sub_type == "Agreement" and bool(_ARMED_AGREEMENT.search(text))
        if typing.sub_type in PARTY_SUB_TYPES and not parties and not armed_deal:
            lead = ev.parts[0].sentence
            why = f"{typing.sub_type.lower()} with no political or armed party named (a club, a firm, a lab)"
            result.dropped.append(DroppedSentence(lead.text, lead.start, why))
            return [], last
        if actor1 and actor2 and actor1.name == actor2.name:
            actor2 = None
        ally = ally_names(allies, country, actor1.name if actor1 else None)
        if a2 is not None and a2 in allies:
            actor2 = None  # an ally of the initiator is not its target (the same mention, not a namesake)
        cname = country.name if country else "Unknown"
        if actor1 is None:
            actor1, actor2 = default_actor1(typing.event_type, cname), actor2
        if typing.event_type in ("Protests", "Riots"):
            if actor2 is None and state is not None and actor1.inter not in _STATE:
                actor2 = resolve(state.entry, country)  # "... Police dispersed them": who intervened
            actor1, actor2 = demonstration_sides(typing.sub_type, actor1, actor2, country)
        if actor2 is None and (
            typing.event_type == "Violence against civilians"
            or (typing.sub_type == "Arrests" and actor1.inter in (STATE_FORCES, EXTERNAL_FORCES))
            or (typing.sub_type == "Mob violence" and actor1.inter == RIOTERS)
            or (typing.event_type == "Explosions/Remote violence" and hit_civilians(text))
        ):
            actor2 = CodedActor(f"Civilians ({cname})", CIVILIANS)  # rules/targets.py
        elif actor2 is None:
            actor2 = default_actor2(typing.event_type, typing.sub_type, actor1, text, cname)
        inter2 = actor2.inter if actor2 else None
        assoc = associated_actors(typing.event_type, actor1.inter, inter2, ally, identities, cname)
        # Date.
        texts = [p.sentence.text for p in ev.parts]
        before = last
        cue = ev.parts[0].typing.trigger
        after = following(article.body, ev.parts[0].sentence.end)
        date, precision, last = event_date(texts, ctx, last, lead, cue.start if cue else None, after)
        if (start := episode_day(ev, article.body, ctx, date)) is not None:
            date, precision = start, 2  # a multi-day episode told as one: its first day
        # The paragraph counted from the page's headline: a title read apart from the body is its first.
        title_apart = bool(article.title) and article.paragraphs[:1] != [article.title]
        from_top = ev.parts[0].sentence.paragraph + title_apart
        frame = result.events[0].event_date if result.events else lead_frame(from_top, ctx)
        old = background_reason(date, texts[0], ctx, frame, from_top)
        old = old or stale_reason(date, precision, ctx)
        if old is not None:
            first = ev.parts[0].sentence
            result.dropped.append(DroppedSentence(first.text, first.start, old))
            rest = dated_rest(ev, ctx)
            if rest is not None:  # a later sentence tells an act of its own day: that act is coded alone
                found = self._places(st, rest, claim)
                return self._code(st, rest, claim, found, ctx, home, article, before, result, lead)
            return [], before  # a background event dates nothing after it
        # A crowd's toll is of its own day: the killings that set a protest off are not its dead.
        crowd = typing.event_type in DEMONSTRATIONS
        fat = event_fatalities([without_cause(t) for t in texts] if crowd else texts)
        # Claimant and attribution.
        claimant_is_actor1 = bool(claimant and a1 and same_side(claimant, a1, st.actors, st.countries))
        attribution = attribution_of(text, claimant_is_actor1)
        if attribution == "reported" and suspected:
            attribution = "alleged"
        if claimant is None and article.outlet is not None:
            claimant = article.outlet.name
        evidence = evidence_of(ev.parts)
        targets_civilians = bool(actor2 and actor2.inter == CIVILIANS and typing.event_type != "Protests")
        fighting = fighting_parts(ev)
        mentions = []
        for place, share in zip(places or [None], share_fatalities(fat, places, texts), strict=True):
            m = EventMention(
                event_date=date,
                time_precision=precision,
                event_type=typing.event_type,
                sub_event_type=typing.sub_type,
                actor1=actor1.name,
                assoc_actor_1=assoc.assoc_actor_1,
                inter1=actor1.inter,
                actor2=actor2.name if actor2 else None,
                assoc_actor_2=assoc.assoc_actor_2,
                inter2=actor2.inter if actor2 else None,
                civilian_targeting=targets_civilians,
                fatalities=share.value,
                fatalities_low=share.low,
                fatalities_high=share.high,
                # No place named: the event is placed in its country (ACLED's geo-precision 3).
                location_text=place.text if place else (country.name if country else None),
                claimant=claimant,
                attribution=attribution,
                evidence=evidence,
                coder=self.coder,
            )
            date_forces(m, st.countries)  # the forces of the government in office on the event's day
            m.notes = notes(m, share, ctx)
            mentions.append(m)
            if (fight := the_fight(m, fighting)) is not None:  # a complex attack: the bombing, then the fight
                fight.notes = notes(fight, Fatalities(), ctx)
                mentions.append(fight)
        if typing.event_type == "Protests" and (day := second_day(texts[0], ctx, date)) is not None:
            again = [replace(m, event_date=day) for m in mentions]
            for m in again:
                m.notes = notes(m, Fatalities(), ctx)
            mentions += again
        return mentions, last

    def _places(self, st: _State, ev: EventDraft, claim: _Claim) -> list[PlaceMention]:
        """Places of the finest level the event's sentences give, each once (draft_places.py)."""
        return draft_places(ev, claim.spans(), st.countries)

