"""What the "openai-compatible" extractor says to a chat model, and how it reads the reply.

`SYSTEM_PROMPT` states the codebook briefly (event and sub-event types from the rule coder's table,
inter codes, dates, fatalities, one event per place, claimant and attribution) and the reply's
shape; `user_message` carries one article. `read_reply` turns the model's JSON into typed
`ReplyEvent`s. The model is untrusted: an event whose fields have the wrong type or a value the
codebook does not allow becomes a `Rejection` with its reason; a reply that is not a JSON object
with an `events` array raises `ReplyError`. Checks against the article itself (the evidence is in
the body, no date after publication) are the extractor's (llm.py).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any

from frontwire.events.figures import MAX_EVENT_FATALITIES
from frontwire.events.rules.classify import EVENT_TYPES
from frontwire.records import Article

ATTRIBUTIONS = ("reported", "claimed", "alleged", "blamed", "denied", "confirmed")
INTER_CODES = {
    1: "state forces",
    2: "rebel groups",
    3: "political militias",
    4: "identity militias",
    5: "rioters",
    6: "protesters",
    7: "civilians",
    8: "external/other forces",
}
TIME_PRECISIONS = (1, 2, 3)
# ACLED's longest standardised actor names run to about 90 characters; a name or place several times
# that is a sentence the model put in the wrong field.
MAX_NAME_CHARS = 200
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# A reply wrapped in a Markdown code fence (some local servers ignore JSON mode): the fence is not JSON.
_FENCE = re.compile(r"\A\s*```(?:json)?\s*\n(?P<body>.*?)\n\s*```\s*\Z", re.S)


class ReplyError(ValueError):
    """The reply as a whole cannot be read: not JSON, or no `events` array."""


@dataclass(frozen=True, slots=True)
class ReplyEvent:
    """One event of the reply, every field checked for type and codebook value. Field names are the
    reply's JSON keys. `index` is the event's position in the reply (from 1), for reasons."""

    index: int
    event_type: str
    sub_event_type: str
    event_date: dt.date | None
    time_precision: int
    actor1: str
    inter1: int | None
    actor2: str | None
    inter2: int | None
    assoc_actor_1: str | None
    assoc_actor_2: str | None
    civilian_targeting: bool
    location: str | None
    fatalities: int | None
    fatalities_low: int | None
    fatalities_high: int | None
    fatalities_text: str | None
    claimant: str | None
    attribution: str
    evidence: str


REPLY_FIELDS = tuple(f.name for f in dataclasses.fields(ReplyEvent) if f.name != "index")


@dataclass(frozen=True, slots=True)
class Rejection:
    """An event of the reply that was not kept, with why, and its evidence text when it had one."""

    index: int
    reason: str
    evidence: str = ""


@dataclass(frozen=True, slots=True)
class Reply:
    events: tuple[ReplyEvent, ...]
    rejected: tuple[Rejection, ...]


def _type_lines() -> str:
    by_type: dict[str, list[str]] = {}
    for sub, kind in EVENT_TYPES.items():
        by_type.setdefault(kind, []).append(sub)
    return "\n".join(f"- {kind}: " + "; ".join(subs) for kind, subs in by_type.items())


_EVENT_SHAPE = (
    '{"event_type": string, "sub_event_type": string, "event_date": "YYYY-MM-DD" or null, '
    '"time_precision": 1, 2 or 3, "actor1": string, "inter1": 1-8 or null, "actor2": string or null, '
    '"inter2": 1-8 or null, "assoc_actor_1": string or null, "assoc_actor_2": string or null, '
    '"civilian_targeting": true or false, "location": string or null, "fatalities": integer or null, '
    '"fatalities_low": integer or null, "fatalities_high": integer or null, '
    '"fatalities_text": string or null, "claimant": string or null, '
    f'"attribution": {" | ".join(ATTRIBUTIONS)}, "evidence": string}}'
)

SYSTEM_PROMPT = f"""\
You code news articles into conflict events following ACLED's codebook. Reply with one JSON object \
and nothing else: {{"events": [...]}}. When the article reports no event, reply {{"events": []}}.

Event types and their sub-event types; spell them exactly as written here:
{_type_lines()}

Rules:
- One event is one sub-event type at one place on one day. An operation reported in three towns is \
three events. Threats, plans and general trends are not events.
- event_date: the day the event happened (not the day it was reported), as YYYY-MM-DD, never after \
the publication date; null when the article gives no way to date it. time_precision: 1 the exact day \
is known; 2 only the week or a span of days is known (code its middle); 3 only the month is known \
(code its middle).
- actor1 is usually the side that acted, actor2 the other side or the victims. Inter codes: \
{"; ".join(f"{k} {v}" for k, v in INTER_CODES.items())}. Standard names: "Military Forces of \
<Country> (<start year>-)", "Police Forces of <Country> (<start year>-)", "Civilians (<Country>)", \
"Unidentified Armed Group (<Country>)", "Protesters (<Country>)", "Rioters (<Country>)".
- civilian_targeting: true when civilians were the target.
- location: the place as written in the article (town, village or district).
- fatalities: reported deaths of all sides together, the lowest credible figure ("at least 21" is 21, \
"between 3 and 7" is 3 with fatalities_low 3 and fatalities_high 7, "dozens" is 12); null when no \
deaths are reported. Injuries are never counted. fatalities_text: the figure as written.
- claimant: who the article says gave the account (a ministry, an armed group, a monitor); null when \
the outlet reports it as fact. attribution: reported (the outlet states it), claimed (a party takes \
responsibility or announces its own action), alleged or blamed (one party accuses another), denied, \
confirmed (an independent or official confirmation).
- evidence: the sentence of the article the event is read from, copied character for character.

Each event is an object of this shape:
{_EVENT_SHAPE}
"""


def user_message(article: Article, max_chars: int) -> str:
    """The article as the model reads it: title, publication date (or "unknown"), body (cut to
    `max_chars` at a word boundary, with a note saying so)."""
    if article.published is not None:
        published = article.published.isoformat()
    elif article.published_latest is not None:
        published = f"{article.published_latest.isoformat()} at the latest"
    else:
        published = "unknown"
    body = article.body
    if len(body) > max_chars:
        cut = body.rfind(" ", 0, max_chars)
        body = body[: cut if cut > 0 else max_chars] + "\n[The rest of the article is not included.]"
    return f"Title: {article.title or '(none)'}\nPublished: {published}\n\nArticle:\n{body}"


def read_reply(content: str) -> Reply:
    """The model's reply as checked events and rejections; `ReplyError` when it is not readable at all."""
    fenced = _FENCE.match(content)
    try:
        data = json.loads(fenced.group("body") if fenced else content)
    except json.JSONDecodeError as exc:
        raise ReplyError(f"the model's reply is not JSON ({exc.msg} at line {exc.lineno})") from None
    if not isinstance(data, dict) or not isinstance(data.get("events"), list):
        raise ReplyError('the model\'s reply is not a JSON object with an "events" array')
    events: list[ReplyEvent] = []
    rejected: list[Rejection] = []
    for index, item in enumerate(data["events"], start=1):
        if not isinstance(item, dict):
            rejected.append(Rejection(index, f"event {index} is a {type(item).__name__}, not an object"))
            continue
        fields = _Fields(item)
        try:
            events.append(_event(index, fields))
        except _Invalid as exc:
            rejected.append(Rejection(index, f"event {index}: {exc}", fields.evidence()))
    return Reply(tuple(events), tuple(rejected))


class _Invalid(Exception):
    """A field of one event has a wrong type or a value the codebook does not allow."""


class _Fields:
    """Typed access to one event object of the reply; each getter raises `_Invalid` with the reason."""

    def __init__(self, item: dict[str, Any]) -> None:
        self._item = item

    def evidence(self) -> str:
        value = self._item.get("evidence")
        return value.strip() if isinstance(value, str) else ""

    def text(self, key: str, limit: int | None = MAX_NAME_CHARS, collapse: bool = True) -> str:
        value = self.opt_text(key, limit, collapse)
        if value is None:
            raise _Invalid(f"{key} is missing or empty")
        return value

    def opt_text(self, key: str, limit: int | None = MAX_NAME_CHARS, collapse: bool = True) -> str | None:
        """The string at `key` (runs of whitespace made one space unless not `collapse`), or None."""
        value = self._item.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            raise _Invalid(f"{key} is a {type(value).__name__}, not a string")
        value = " ".join(value.split()) if collapse else value.strip()
        if limit is not None and len(value) > limit:
            raise _Invalid(f"{key} is {len(value)} characters long (at most {limit})")
        return value or None

    def opt_int(self, key: str, low: int, high: int) -> int | None:
        value = self._item.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise _Invalid(f"{key} {value!r} is not an integer")
        if not low <= value <= high:
            raise _Invalid(f"{key} {value} is outside {low}-{high}")
        return value

    def flag(self, key: str) -> bool:
        value = self._item.get(key, False)
        if value is None:
            return False
        if not isinstance(value, bool):
            raise _Invalid(f"{key} {value!r} is not true or false")
        return value

    def date(self, key: str) -> dt.date | None:
        value = self._item.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not _ISO_DATE.fullmatch(value.strip()):
            raise _Invalid(f"{key} {value!r} is not a YYYY-MM-DD date")
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise _Invalid(f"{key} {value!r} is not a real date") from None


def _event(index: int, f: _Fields) -> ReplyEvent:
    sub = f.text("sub_event_type")
    kind = f.text("event_type")
    if sub not in EVENT_TYPES:
        raise _Invalid(f"sub-event type {sub!r} is not in the codebook")
    if EVENT_TYPES[sub] != kind:
        raise _Invalid(f"sub-event type {sub!r} belongs to {EVENT_TYPES[sub]!r}, not {kind!r}")
    event_date = f.date("event_date")
    precision = f.opt_int("time_precision", min(TIME_PRECISIONS), max(TIME_PRECISIONS))
    if precision is None:
        if event_date is not None:
            raise _Invalid("time_precision is missing for a dated event")
        precision = max(TIME_PRECISIONS)
    fatalities = f.opt_int("fatalities", 0, MAX_EVENT_FATALITIES)
    low = f.opt_int("fatalities_low", 0, MAX_EVENT_FATALITIES)
    high = f.opt_int("fatalities_high", 0, MAX_EVENT_FATALITIES)
    if (low is None) != (high is None) or (low is not None and high is not None and low > high):
        raise _Invalid(f"fatalities_low {low} and fatalities_high {high} are not a range")
    if low is not None and fatalities is None:
        raise _Invalid("a fatality range without a fatality figure")
    attribution = f.opt_text("attribution") or "reported"
    if attribution not in ATTRIBUTIONS:
        raise _Invalid(f"attribution {attribution!r} is not one of {', '.join(ATTRIBUTIONS)}")
    evidence = f.text("evidence", limit=None, collapse=False)
    return ReplyEvent(
        index=index,
        event_type=kind,
        sub_event_type=sub,
        event_date=event_date,
        time_precision=precision,
        actor1=f.text("actor1"),
        inter1=f.opt_int("inter1", min(INTER_CODES), max(INTER_CODES)),
        actor2=f.opt_text("actor2"),
        inter2=f.opt_int("inter2", min(INTER_CODES), max(INTER_CODES)),
        assoc_actor_1=f.opt_text("assoc_actor_1"),
        assoc_actor_2=f.opt_text("assoc_actor_2"),
        civilian_targeting=f.flag("civilian_targeting"),
        location=f.opt_text("location"),
        fatalities=fatalities,
        fatalities_low=low,
        fatalities_high=high,
        fatalities_text=f.opt_text("fatalities_text"),
        claimant=f.opt_text("claimant"),
        attribution=attribution,
        evidence=evidence,
    )
