"""Sentences that talk about events without reporting one occurrence: the whole-article checks.

`filters.non_event_reason` asks `discourse_reason` after its own checks. Each check is a way news prose
mentions violence that ACLED does not code as a new event (codebook: an event is one occurrence, on
one day, at one place, told as having happened):

- aggregates: a count of events or of dead over a period ("have been killed in attacks since the
  election", "launched 504 attacks", "so far this year", "in the past eight days");
- reports about reports: a report, study or inquiry that states, describes or documents events
  ("A UN report released Thursday states that attacks ..."; footage is in `filters`);
- demands and calls ("called for a ceasefire", "urged the army to ..."), and a call for a protest yet
  to come ("organisers called for a new march on Friday", "called on supporters to join a rally on
  Saturday"): a plan, not the protest;
- reactions: condemning, criticising or praising an act told elsewhere ("Karzai criticised last week's
  attack"), unless the sentence also tells the act in a clause with its own day;
- fights against an illness, a fire or a social ill ("we are fighting this disease on every front"), and
  the offensives and battles of markets, courts and campaigns ("a pricing offensive", "an impeachment
  battle", "went on the offensive");
- other trades' words of violence: sport scores and comebacks, play on the pitch ("bombarded the box
  with crosses", "a low shot past the keeper"), fiction on screen ("battle scenes", "the film
  recreates the fighting"), illness ("heart attack", "the plague
  has killed"), animal attacks;
- statements and accusations about conduct ("accused the opposition of organising attacks");
- opinions and expectations ("she believes the process is the best way to a peace deal"), and a quote
  that opens the sentence and says what must or should be ('"The shelling must stop," the envoy said');
- warrants (a court's order, not an arrest);
- releases: hostages freed or released (the end of an abduction, not a new one).

Written from how wire and broadcast news phrase these, not from any one article.
"""

from __future__ import annotations

import re

from frontwire.events.rules.aggregates import aggregate_reason, spread_reason
from frontwire.events.rules.typing_words import alternation

_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
)  # fmt: skip
_PERIOD = (
    r"so far this (?:year|month|week)", r"this year", r"last year", r"in recent (?:years|months|weeks|days)",
    r"in the (?:past|last) (?:\w+ )?(?:weeks?|months?|years?|decades?)",
    r"over the (?:(?:past|last) (?:\w+ )?(?:weeks?|months?|years?|decades?)|years)",
    r"since the (?:start|beginning|outbreak|end)", r"since (?:19|20)\d\d", r"(?:every|each) (?:year|month)",
    rf"since (?:early |late |mid-)?(?:{'|'.join(_MONTHS)})\b(?!\s+\d)",
    r"a year (?:ago|earlier)", r"(?:19|20)\d\d (?:and|to) (?:19|20)\d\d",
)  # fmt: skip
# A present perfect ("have been killed", "has carried out") spans a period: with a period phrase or
# "since" it counts events up to now, not one of them.
_PERFECT = r"\b(?:has|have)\s+(?:\w+\s+)?(?:been\s+)?\w+(?:ed|en|t)\b"
# "since Friday", "since dawn": one episode running from a day, not a period's count.
_SINCE_DAY = (
    r"since (?:(?:last|early|late) )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday"
    r"|dawn|morning|the morning|last night|overnight)"
)
_AGGREGATE_PERIOD = re.compile(
    rf"{_PERFECT}[^.;]{{0,100}}?\b(?:(?!{_SINCE_DAY})since\b|{alternation(_PERIOD)})", re.I
)
_PERIOD_THEN_PERFECT = re.compile(rf"\b(?:{alternation(_PERIOD)})\b[^.;]{{0,80}}?{_PERFECT}", re.I)
# A count of events ("504 attacks", "dozens of raids"): many occurrences, not one. Small counts ("two
# car bombings struck the capital") are one report of a few acts and stay.
_EVENT_NOUNS = (
    "attacks", "bombings", "incidents", "strikes", "airstrikes", "air strikes", "raids", "clashes",
    "killings", "abductions", "kidnappings", "explosions", "ambushes", "assaults", "operations",
)  # fmt: skip
_MANY = r"(?:\d{2,}|\d{1,3}(?:,\d{3})+|dozens of|hundreds of|thousands of|scores of|numerous)"
_EVENT_COUNT = re.compile(rf"\b{_MANY}\s+(?:\w+\s+)?(?:{alternation(_EVENT_NOUNS)})\b", re.I)
# "A series of bombings in Baghdad killed 130 people": one day's coordinated acts, which ACLED codes one
# event per place. A series counts events only over a period: "a series of attacks since 2024", "this
# year", "in recent months", "has been hit by a series of". (A "wave", "spate" or "string" of attacks is
# aggregates.py's vague count.)
_SERIES = re.compile(rf"\b(?:a|another) series of\s+(?:\w+\s+)?(?:{alternation(_EVENT_NOUNS)})\b", re.I)
_SERIES_PERIOD = re.compile(
    rf"\b(?:{alternation(_PERIOD)})\b|\b(?:since|recent|recently|years?|months|weeks)\b|\b(?:19|20)\d\d\b"
    rf"|{_PERFECT}",
    re.I,
)
# A statistic: a figure moving between periods ("from 88 in 2023 to 388", "the highest this year").
_STATISTIC = re.compile(
    r"\bfrom\s+\d[\d,]*\s+in\s+(?:19|20)\d\d\s+to\s+\d|\b(?:the )?(?:highest|lowest) (?:monthly |annual )?"
    r"(?:toll|figure|number|level)?\s*(?:this|since|in)\b|\bdeath toll (?:for|of) the (?:year|month|war)\b",
    re.I,
)
_DOCUMENTS = (
    "report", "reports", "study", "investigation", "inquiry", "survey", "review", "assessment", "findings",
    "dossier", "documentary",
)  # fmt: skip
# Verbs of a document's content, not of news sourcing ("reports said", "a report from our correspondent
# said" attribute an event told here, and stay).
_DOC_VERBS = (
    "states", "stated", "describes", "described", "documents", "documented", "details", "detailed", "finds",
    "found", "concludes", "concluded", "lists", "listed",
)  # fmt: skip
_REPORT_STATES = re.compile(
    rf"\b(?:{alternation(_DOCUMENTS)})\b[^.;]{{0,160}}?\b(?:{alternation(_DOC_VERBS)})\b", re.I
)
_DEMAND = re.compile(
    r"\b(?:call(?:ed|s|ing)? for|urg(?:ed|es|ing)|appeal(?:ed|s|ing)? (?:for|to)"
    r"|demand(?:ed|s|ing)? (?:that|an?|the)|ask(?:ed|s|ing)? (?:for|the))\b",
    re.I,
)
# A quote that opens the sentence with what must or should be, then its speaker: an opinion.
_OPINION_QUOTE = re.compile(
    r"^[\"“][^\"“”]*\b(?:must|should|ought to|needs? to|has to|have to|only (?:benefits|helps|serves|fuels"
    r"|prolongs|deepens))\b[^\"“”]*[\"”]\s*(?:[\w'’.-]+\s+){0,10}?(?:said|says|told|added|wrote|posted)\b",
    re.I,
)
# A call for a protest yet to come: "called for another rally", "urged supporters to march on Friday".
_PROTEST_CALL = re.compile(
    r"\b(?:call(?:ed|s|ing)? for|urg(?:ed|es|ing) \w+ to (?:join|hold|stage)|announc(?:ed|es|ing))\s+"
    r"(?:a |an |another |more |new |fresh |further |(?:a|an) (?:new|fresh|further|second|third|nationwide|"
    r"general|mass) )(?:\w+ )?(?:rall(?:y|ies)|march(?:es)?|protests?|demonstrations?|strikes?|sit-ins?)\b"
    r"|\burg(?:ed|es|ing) \w+ to (?:march|rally|protest|demonstrate|strike)\b"
    r"|\bcall(?:ed|s|ing)? (?:on|upon|for) (?:[\w'’-]+ ){0,6}to (?:join|attend|take part|march|rally|protest"
    r"|gather|stage|come out|turn out)\b"
    # a crowd still to come: "said they would hold a rally next month", "will hold a demonstration",
    # "planned a march", "asked people to march", "urged supporters to hold vigils", "would not take to the
    # streets"
    r"|\b(?:will|would|shall|plan(?:s|ned)? to|intend(?:s|ed)? to|vow(?:ed|s)? to|threaten(?:ed|s)? to"
    r"|(?:is|are|was|were) (?:set|due|expected|going) to"
    r"|(?:asked|urged|told|invited) [\w'’-]+(?: [\w'’-]+)? to)"
    r" (?:not )?(?:hold|stage|organi[sz]e|march|rally|protest|demonstrate|take to the streets|strike)\b"
    r"|\bplann(?:ed|ing) (?:a|an|another|more|new|fresh|further) (?:[\w-]+ )?(?:rall(?:y|ies)"
    r"|march(?:es)?|protests?|demonstrations?|sit-ins?|vigils?)\b",
    re.I,
)
# A fight against an illness, a fire or a social ill: no one is attacked. So are the offensives and
# battles of markets, courts and campaigns ("a pricing offensive", "an impeachment battle", "went on the
# offensive", "fighting on several fronts").
_FIGURATIVE_FIGHT = re.compile(
    r"\b(?:fight|fighting|fights|fought|battle|battling|battled|war|offensive|crusade)\s+"
    r"(?:against\s+|to\s+|on\s+)?"
    r"(?:this |the |a |an |our )?(?:\w+ )?(?:disease|virus|epidemic|pandemic|outbreak|cholera|malaria"
    r"|dengue|mosquito(?:es)?|tuberculosis|cancer|poverty|corruption|inflation|hunger|wildfires?|blazes?"
    r"|flames|fires?|climate change|illiteracy|unemployment|obesity|pollution|locusts?|pests?)\b"
    r"|\b(?:pric(?:e|ing)|marketing|charm|advertising|sales|commercial|media|legal|court|courtroom"
    r"|impeachment|takeover|bidding|custody|boardroom|trade|tariff|price|ratings|transfer|budget|electoral"
    r"|leadership|succession|parliamentary|constitutional)"
    r" (?:offensive|war|wars|battles?|blitz|fight)\b"
    r"|\b(?:battle|fight|war|tussle)s? over (?:the |a |his |her |its |their )?(?:[\w-]+ )?"
    r"(?:impeachment|budget|bill|law|reform|nomination|appointment|succession|leadership|custody|tariffs?"
    r"|merger|takeover|contract)\b"
    r"|\b(?:go|goes|going|went|gone) on the offensive\b"
    r"|\bfighting on (?:several|two|three|many|multiple|all) fronts\b",
    re.I,
)
_REACTION = re.compile(
    r"\b(?:condemn|criticis|criticiz|denounc|deplor|prais|lament|decr(?:y|ied))\w*\b"
    # "mourned the dead", not "fired at mourners": the verb, not the people of a funeral.
    r"|\bmourn(?:ed|s|ing)?\b"
    # "slammed the strikes" is criticism; "shells slammed into the camp" is the act itself.
    r"|\bslamm?(?:ed|s|ing)?\b(?!\s+(?:into|onto|through|against|down|shut)\b)"
    # Concern, shock and judgment voiced about acts: "deeply concerned by reports of abductions",
    # "expressed alarm at the killings", "the attacks were 'shocking and unacceptable'".
    r"|\b(?:concerned|alarmed|shocked|appalled|horrified|dismayed|outraged|troubled|saddened)[\"”'’]?\s+"
    r"(?:by|at|over|about)\b"
    r"|\bexpress(?:ed|es|ing)\s+(?:its\s+|their\s+|his\s+|her\s+)?(?:deep\s+|grave\s+|serious\s+)?"
    r"(?:concern|alarm|outrage|shock|dismay|sorrow|condolences)\b"
    r"|\b(?:was|were|is|are)\s+(?:\w+\s+)?[\"“']?(?:shocking|unacceptable|appalling|horrific|outrageous"
    r"|barbaric|cowardly|heinous|despicable|abhorrent|unjustifiable|inexcusable)\b",
    re.I,
)
# People gathering: a protest sentence whose demonstrators "gathered ... to denounce" something tells the
# protest; the denouncing is its demand, not a reaction told apart from an act.
_GATHERED = re.compile(
    r"\b(?:gathered|rallied|marched|demonstrated|protested|assembled|took to the streets|staged|boycotted"
    r"|went on (?:a\s+)?strike|blocked|held an?"
    r"\s+(?:\w+\s+)?(?:sit-in|protest|rally|vigil|demonstration|march|strike))\b",
    re.I,
)
# Belief and expectation: an opinion about what is or will be ("she believes the process is the best way
# to a peace deal", "officials expect more attacks").
_BELIEF = re.compile(
    r"\b(?:believes?|believed|thinks?|hopes?|hoped|expects?|expected)\s+(?:that\s+)?"
    r"(?:the|a|an|it|this|he|she|they|more|further)\b",
    re.I,
)
# An accusation or a comment about acts ("accused the opposition of organising attacks", "commented that
# Hamas has gone from stones to rockets"): a statement about conduct, not a report of one act.
_STATEMENT = re.compile(
    r"\baccus(?:ed|es|ing)\b[^.;]{0,60}\bof\b|\b(?:commented|remarked|argued|insisted|alleged)\s+that\b"
    r"|\bevidence\s+that\b",
    re.I,
)
# An accusation told after an act: a participle clause (", accusing ..."), or "accused of" naming those
# the act took ("arrested three men accused of the bombing").
_PARTICIPLE_OPENS = re.compile(r",\s*$")
_ACCUSED = re.compile(r"accused\b", re.I)
_RELATIVE = re.compile(r"\b(?:who|which|that|whom)\b", re.I)
_WARRANT = re.compile(r"\barrest warrants?\b", re.I)
_ARRESTED = re.compile(r"\b(?:arrested|detained|held|apprehended|in custody)\b", re.I)
# Words of violence in other trades: sport ("rallied to beat", "6-3, 7-6"), medicine ("heart attack",
# "the plague has killed"), animals. ACLED codes political violence only.
_SCORE = re.compile(
    r"\b\d{1,2}-\d{1,2}\b(?:\s*\(\d+\))?,\s+\d{1,2}-\d{1,2}\b"
    r"|\b(?:beat|beats|beaten|defeat(?:ed|s)?|won|win|wins|lost)\b[^.;]{0,60}\b\d{1,3}-\d{1,3}\b"
    r"|\brall(?:ied|ies|y) (?:to (?:beat|defeat|win|victory|a \d)|from (?:behind|a set|two sets|\d))",
    re.I,
)
# Play on a pitch: words no report of violence uses ("a shot on target", "the battle in midfield").
_PLAY = re.compile(
    r"\b(?:penalty (?:area|box|spot)|with crosses|goalkeeper|keeper|midfield|kick-off|half-time|halftime"
    r"|after the restart|into the (?:net|corner)|equali[sz]er|hat-trick|stoppage time|on target|crossbar"
    r"|free kick|corner kick|in the \d+(?:st|nd|rd|th) minute|from the gun|(?:low|curling) shot|shot wide"
    # a race by its distance ("won the 10,000m"), not a distance from a place ("200m from the palace")
    r"|the (?:\d{1,2},)?\d{3}m(?! (?:from|away|of|long|wide|high|deep|stretch|radius|north|south|east"
    r"|west)))\b",
    re.I,
)
# A rally that gathers no one: prices and markets that rally ("Shares rallied in Tokyo", "a relief rally in
# oil"), and the motor race ("the Dakar Rally", "the rally's third stage"). Only when no other word of a
# protest is in the sentence (`_GATHERING_WORDS`).
_MOTOR = r"racing|(?:car|motor|road|endurance|off-road) race|co-drivers?|motorsport|off-road|laps?"
_NOT_A_GATHERING = re.compile(
    r"\b(?:shares|stocks|equities|markets?|prices|index|indices|bonds|futures|currenc(?:y|ies)|dollar|euro"
    r"|yen|pound|rupee|rand|peso|oil|gold|nasdaq|dow|ftse|nikkei|sensex|bitcoin)(?:\s+\w+ly)?\s+"
    r"rall(?:y|ies|ied|ying)\b|\bdakar rally\b"
    r"|\b(?:relief|market|stock|bear[- ]market|year-end|late|broad)\s+rall(?:y|ies)\b"
    r"|\brally (?:drivers?|cars?)\b"
    rf"|\brall(?:y|ies)\b[^.;]*\b(?:{_MOTOR})\b|\b(?:{_MOTOR})\b[^.;]*\brall(?:y|ies)\b",
    re.I,
)
_GATHERING_WORDS = re.compile(
    r"\b(?:protest\w*|demonstrat\w*|marche[sd]|marching|marchers|crowds?|supporters|activists|chant\w*"
    r"|placards|banners|demand\w*)\b",
    re.I,
)
# A formal protest: a state, a ministry, a club or a firm that "protests" a decision, "lodged a formal
# protest" or "protested to the ambassador" complains in words; no one gathers (codebook: protests are public
# demonstrations). Only when no crowd is in the sentence (`_CROWD_WORDS`).
_BODY = (
    r"(?:government|ministry|minister|embassy|ambassador|envoy|consulate|federation|association|club|team"
    r"|coach|manager|league|company|firm|spokes(?:man|woman|person)|council|committee|authorities)"
)
_FORMAL_PROTEST = re.compile(
    r"\b(?:lodged|filed|issued|sent|delivered|registered|submitted|made)\s+(?:an?\s+|its\s+|their\s+)?"
    r"(?:(?:formal|strong|official|diplomatic|written|strongly[- ]worded)\s+)+protests?\b"
    r"|\b(?:lodged|filed|registered)\s+(?:an?\s+|its\s+|their\s+)?protests?\s+(?:with|to|over|against)\b"
    r"|\b(?:formal|diplomatic|official)\s+protests?\b|\bnote of protest\b|\bprotest note\b"
    r"|\bprotest(?:s|ed)?\s+to\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:ambassador|envoy|embassy|charg[ée]"
    r"|government|ministry|referee|organi[sz]ers|federation|league)\b"
    rf"|\b{_BODY}\s+(?:has\s+|have\s+|had\s+|formally\s+|strongly\s+)*protest(?:s|ed)\b(?!\s+(?:in|at|outside)\b)",
    re.I,
)
_CROWD_WORDS = re.compile(
    r"\b(?:protesters|protestors|demonstrators|crowds?|hundreds|thousands|dozens|people|residents|students"
    r"|workers|marched|marchers|rall(?:y|ies|ied)|gathered|streets|sit-in|placards|banners|chant\w*)\b",
    re.I,
)
# Fiction: a film, a novel or a game telling a war ("brings the war to the screen with battle scenes").
_FICTION = re.compile(
    r"\b(?:battle scenes|(?:on|to) the (?:big |small )?screen|the (?:film|movie|novel|game|player)(?:'s|’s)?"
    r"|gameplay|box office|(?:opening|central|closing|final|long) (?:sequence|scene)|recreat(?:es|ed|ing)"
    r"|re-enact(?:s|ed|ing|ment))\b",
    re.I,
)
_NOT_POLITICAL = re.compile(
    r"\b(?:heart|panic|asthma|anxiety|shark|dog|bear|cyber|ransomware|malware|phishing|ddos|hacking)"
    r"[ -]?attacks?\b"
    r"|\b(?:insects|locusts|swarms|pests|armyworms|caterpillars|termites|elephants|hippos|crocodiles|wolves"
    r"|lions|hyenas|snakes|bees|hornets|wasps)\b[^.;]{0,80}?\b(?:have |had |has )?"
    r"(?:attacked|invaded|ravaged)\b"
    r"|\b(?:plague|virus|disease|cancer|flu|influenza|ebola|cholera|malaria|pandemic|epidemic|overdose)\b"
    r"[^.;]{0,40}\b(?:killed|kills|kill|claimed the lives)\b",
    re.I,
)
# Words of violence used of words: "analysts attacked the plan", "came under fire from critics".
_ABSTRACT = (
    "plan", "plans", "policy", "policies", "proposal", "proposals", "decision", "remarks", "comments",
    "record", "bill", "budget", "idea", "stance", "strategy", "deal", "move", "claims?", "handling",
    "leadership", "reforms?", "merger", "bid", "offer", "results", "forecast", "ruling", "speech",
)  # fmt: skip
_CRITICISM = re.compile(
    r"\b(?:blistering|scathing|stinging|withering|veiled|thinly veiled|verbal|personal|sharp|bitter)"
    r" (?:attack|broadside|assault)s? (?:on|against)\b|"
    r"\battack(?:ed|s|ing)?\s+(?:the\s+|its\s+|his\s+|her\s+|their\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,2}?"
    rf"(?:{alternation(_ABSTRACT)})\b"
    r"|\bunder (?:fire|attack) (?:from|by) "
    r"(?:critics|analysts|investors|opponents|rivals|lawmakers|the press)\b",
    re.I,
)
_RELEASE = re.compile(
    r"\b(?:was|were|has been|have been|had been)\s+(?:\w+\s+)?(?:freed|released|set free|let go|rescued)\b",
    re.I,
)
_DAYS = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today",
    "overnight", "last night", "this morning",
)  # fmt: skip
_DAY = re.compile(
    rf"\b(?:{alternation(_DAYS)})\b|\b(?:{alternation(_MONTHS)})\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+"
    rf"(?:of\s+)?(?:{alternation(_MONTHS)})\b",
    re.I,
)
_ACT = re.compile(
    r"\b(?:killed|killing|wounded|wounding|injured|injuring|attacked|bombed|shelled|struck|hit|shot|stormed"
    r"|abducted|kidnapped|beat"
    r"|beaten|lynched|stabbed|burned|torched|looted|arrested|detained|exploded|clashed|set ablaze"
    r"|set fire|set on fire)\b",
    re.I,
)


def act_told_before(text: str, at: int) -> bool:
    """The sentence tells an act or a gathering before offset `at`, where an accusation or a blame begins:
    the accusation is then the actors' grievance or the charge against those the act took ("Youths burned
    tyres in Kisumu, accusing the police of killing a teenager", "Police arrested three men accused of the
    bombing"), and the sentence reports the act."""
    head = text[:at]
    act = _ACT.search(head) or _GATHERED.search(head)
    if act is None or _RELATIVE.search(head, 0, act.start()):
        return False  # "Rebels who killed ten soldiers were blamed ...": the act describes the accused
    return bool(_PARTICIPLE_OPENS.search(head) or _ACCUSED.match(text, at))


def told_here(text: str) -> bool:
    """A sentence that tells an act on a day of its own ("injured in an airstrike on the 30th of October")
    reports that act whatever else it says."""
    return bool(_ACT.search(text) and _DAY.search(text))


def discourse_reason(text: str, act: bool) -> str | None:
    """Why `text` mentions events without reporting one, or None. `act` is False for protest sentences,
    whose demands are part of the event ("rallied, calling for a ceasefire")."""
    if _SCORE.search(text):
        return "sport: a score or a comeback, not violence"
    if _PROTEST_CALL.search(text) and not _GATHERED.search(text):
        return "a call for a protest yet to come, a plan"
    if _FIGURATIVE_FIGHT.search(text):
        return "a figurative fight (an illness, a fire, a market, a court, a campaign), not violence"
    if _NOT_A_GATHERING.search(text) and not _GATHERING_WORDS.search(text):
        return "a market's or a motor race's rally, not a gathering"
    if not act and _FORMAL_PROTEST.search(text) and not _CROWD_WORDS.search(text):
        return "a formal protest in words (a state's, a ministry's, a club's), not a gathering"
    if _PLAY.search(text):
        return "sport: play on the pitch, not violence"
    if _FICTION.search(text):
        return "fiction: a film, a novel or a game, not an event"
    if _NOT_POLITICAL.search(text):
        return "illness, accident or animal, not political violence"
    if _CRITICISM.search(text):
        return "criticism in words, not violence"
    counted = _EVENT_COUNT.search(text) or (_SERIES.search(text) and _SERIES_PERIOD.search(text))
    if _STATISTIC.search(text) or (counted and not _DAY.search(text)):
        return "aggregate: a count of events or a statistic"
    if _AGGREGATE_PERIOD.search(text) or _PERIOD_THEN_PERFECT.search(text):
        return "aggregate: events counted over a period"
    aggregate = aggregate_reason(text)
    if aggregate and not _DAY.search(text):
        return aggregate
    if spread := spread_reason(text):
        return spread
    if _REPORT_STATES.search(text) and not told_here(text):
        return "report about a report (a report, study or inquiry describing events)"
    if act and _DEMAND.search(text) and not told_here(text):
        return "demand or call, not an act"
    if _REACTION.search(text) and not told_here(text) and (act or not _GATHERED.search(text)):
        return "reaction to an act told elsewhere"
    statement = _STATEMENT.search(text)
    if statement and not _DAY.search(text) and not act_told_before(text, statement.start()):
        return "statement or accusation about conduct, not a report of an act"
    if _OPINION_QUOTE.search(text) and not told_here(text):
        return "a quote of opinion, not an act"
    if _BELIEF.search(text) and not told_here(text):
        return "opinion or expectation, not an act"
    if _WARRANT.search(text) and not _ARRESTED.search(text):
        return "a warrant, not an arrest"
    if _RELEASE.search(text):
        return "release of captives, not an abduction"
    return None
