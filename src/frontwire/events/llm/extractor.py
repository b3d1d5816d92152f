"""The "openai-compatible" extractor: ACLED coding by a chat model behind an OpenAI-compatible endpoint
(vLLM, llama.cpp's server, Ollama, a hosted API).

Article -> one POST to {base_url}/chat/completions (the codebook in the system prompt, the article in
the user message, JSON mode) -> the reply read strictly (llm_schema) -> checks against the article
(the evidence sentence is in the body, found exactly or with whitespace and typographic quotes
normalised; no date after publication; one event per type, place and day) -> EventMentions coded
"openai-compatible/<version>/<model>" (the version changes with the prompt). An event that fails
a check goes to `EventResult.dropped` with its reason; an HTTP error, a timeout or a reply that is
not JSON is that article's `EventResult.error`.

The API key is the `api_key` option or $FRONTWIRE_LLM_API_KEY, read in the process that sends the
request. It is never put in a message, a repr, or a pickle it was not explicitly given to.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx

from frontwire.config import LLM_API_KEY_ENV, LLM_MAX_CHARS, LLM_TIMEOUT_S, USER_AGENT, plausible_date
from frontwire.errors import ConfigError, FrontwireError
from frontwire.events._text import detect_language
from frontwire.events.base import DroppedSentence, EventResult
from frontwire.events.dates import DateContext
from frontwire.events.figures import Fatalities
from frontwire.events.llm.schema import SYSTEM_PROMPT, ReplyError, ReplyEvent, read_reply, user_message
from frontwire.events.rules.coding import notes
from frontwire.ingest.deadline import NO_KEEPALIVE, Deadline, DeadlineExceeded, SizeExceeded
from frontwire.records import Article, EventMention, Evidence

NAME = "openai-compatible"
VERSION = "0.1.0"
# Evidence shorter than this many words ("killed", "the army") is a fragment that matches almost any
# article, not the sentence an event was read from.
MIN_EVIDENCE_WORDS = 3
# Characters of an error reply's body quoted in the message: enough for "model 'x' not found".
ERROR_BODY_CHARS = 200
# A reply is a few kB of JSON (events with one evidence sentence each); 4 MiB is a thousand times that,
# and stops an endpoint that streams without end before it fills the worker's memory.
MAX_REPLY_BYTES = 4 * 1024 * 1024
# Typographic characters a model may normalise when it copies a sentence, each folded to one ASCII
# character so that offsets in the folded body are offsets in the body.
_FOLD = str.maketrans({"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"', "–": "-", "—": "-"})


@dataclass(frozen=True, slots=True)
class _Completion:
    content: str
    cut_off: bool  # finish_reason "length": the model hit its token limit mid-reply


class EndpointError(FrontwireError):
    """The endpoint failed for one article: unreachable, timed out, an HTTP error, a reply that is not
    JSON. The message names the article and the endpoint's host, never the API key."""


class ChatExtractor:
    """ACLED coding by a chat model. Holds only its settings; the HTTP client opens on first use
    (picklable: workers get the endpoint, and read the key from their own environment)."""

    name = NAME
    version = VERSION

    def __init__(
        self,
        *,
        base_url: str,
        model: str,
        api_key: str | None = None,
        timeout: float = LLM_TIMEOUT_S,
        max_chars: int = LLM_MAX_CHARS,
    ) -> None:
        parts = urlsplit(base_url or "")
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ConfigError(NAME, "base_url must be an http(s) URL such as http://localhost:8000/v1")
        if not model:
            raise ConfigError(NAME, "a model name is required")
        if timeout <= 0 or max_chars <= 0:
            raise ConfigError(NAME, "timeout and max_chars must be positive")
        self.base_url = base_url.rstrip("/")
        self.model = model
        self.timeout = float(timeout)
        self.max_chars = int(max_chars)
        self.host = parts.hostname + (f":{parts.port}" if parts.port else "")
        self._api_key = api_key
        self._client: httpx.Client | None = None

    def __getstate__(self) -> dict[str, Any]:
        state: dict[str, Any] = {
            "base_url": self.base_url,
            "model": self.model,
            "timeout": self.timeout,
            "max_chars": self.max_chars,
        }
        if self._api_key is not None:  # given explicitly: the worker has no other way to get it
            state["api_key"] = self._api_key
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(**state)  # type: ignore[misc]

    def __repr__(self) -> str:
        return f"ChatExtractor(host={self.host!r}, model={self.model!r})"

    @property
    def coder(self) -> str:
        return f"{NAME}/{VERSION}/{self.model}"

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(
                timeout=httpx.Timeout(self.timeout), headers={"User-Agent": USER_AGENT}, limits=NO_KEEPALIVE
            )
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    # -- public -------------------------------------------------------------------------
    def extract(self, article: Article) -> list[EventMention]:
        """The article's events; an endpoint failure raises `EndpointError`."""
        result = self.extract_events(article)
        if result.error is not None:
            raise EndpointError(article.source, result.error)
        return result.events

    def extract_events(self, article: Article) -> EventResult:
        """Events of one article, with the events the checks dropped (and why), or the endpoint's error."""
        body = article.body
        if not body.strip():
            return EventResult(source=article.source, language="und", skipped_reason="empty body")
        language, _ = detect_language(body)
        ctx = _date_context(article)
        result = EventResult(source=article.source, language=language, date_basis=ctx.basis)
        try:
            completion = self._complete(article)
        except EndpointError as exc:
            return self._failed(result, exc.reason)
        try:
            reply = read_reply(completion.content)
        except ReplyError as exc:
            cut = "; the reply was cut off at the model's token limit" if completion.cut_off else ""
            return self._failed(result, f"endpoint {self.host}: {exc}{cut}")
        for rejection in reply.rejected:
            result.dropped.append(_dropped(rejection.evidence, body, rejection.reason))
        seen: dict[tuple[str, dt.date | None, str], int] = {}
        for event in reply.events:
            evidence = _locate(event.evidence, body)
            why = _article_check(event, evidence, article)
            key = (event.sub_event_type, event.event_date, (event.location or "").casefold())
            if why is None and event.location and key in seen:
                why = f"same type, place and day as event {seen[key]}"
            if why is not None or evidence is None:
                result.dropped.append(_dropped(event.evidence, body, f"event {event.index}: {why}"))
                continue
            seen.setdefault(key, event.index)
            result.events.append(self._mention(event, evidence, ctx))
        return result

    # -- steps --------------------------------------------------------------------------
    def _failed(self, result: EventResult, message: str) -> EventResult:
        result.error = self._redact(message)
        result.skipped_reason = "extractor failed"
        return result

    def _complete(self, article: Article) -> _Completion:
        """The model's reply for one article; `EndpointError` for any failure of the exchange."""
        payload = {
            "model": self.model,
            "temperature": 0,
            "response_format": {"type": "json_object"},
            "messages": [
                {"role": "system", "content": SYSTEM_PROMPT},
                {"role": "user", "content": user_message(article, self.max_chars)},
            ],
        }
        key = self._key()
        headers = {"Authorization": f"Bearer {key}"} if key else {}
        url = f"{self.base_url}/chat/completions"
        try:  # the timeout covers the whole exchange: connect, headers and the reply as it streams in
            with Deadline(self.timeout) as deadline:
                with self.client.stream(
                    "POST", url, json=payload, headers=headers, **deadline.request(self.client)
                ) as response:
                    body = deadline.read(response, MAX_REPLY_BYTES)
        except (DeadlineExceeded, httpx.TimeoutException):
            raise self._error(article, f"did not answer within {self.timeout:g} s") from None
        except SizeExceeded:
            raise self._error(article, f"sent a reply over {MAX_REPLY_BYTES:,} bytes") from None
        except httpx.HTTPError as exc:
            raise self._error(article, f"could not be reached ({type(exc).__name__}: {exc})") from None
        if response.status_code != 200:
            text = " ".join(body.decode("utf-8", "replace").split())[:ERROR_BODY_CHARS]
            raise self._error(
                article, f"answered HTTP {response.status_code} {response.reason_phrase}: {text}".rstrip(": ")
            )
        try:
            data = json.loads(body)
        except (ValueError, RecursionError):
            raise self._error(article, "answered HTTP 200 with a body that is not JSON") from None
        content, finish = _message(data)
        if content is None:
            raise self._error(article, "answered without a message (no choices[0].message.content)")
        return _Completion(content, cut_off=finish == "length")

    def _mention(self, event: ReplyEvent, evidence: Evidence, ctx: DateContext) -> EventMention:
        mention = EventMention(
            event_date=event.event_date,
            time_precision=event.time_precision,
            event_type=event.event_type,
            sub_event_type=event.sub_event_type,
            actor1=event.actor1,
            assoc_actor_1=event.assoc_actor_1,
            inter1=event.inter1,
            actor2=event.actor2,
            assoc_actor_2=event.assoc_actor_2,
            inter2=event.inter2,
            civilian_targeting=event.civilian_targeting,
            fatalities=event.fatalities,
            fatalities_low=event.fatalities_low,
            fatalities_high=event.fatalities_high,
            location_text=event.location,
            claimant=event.claimant,
            attribution=event.attribution,
            evidence=[evidence],
            coder=self.coder,
        )
        written = event.fatalities_text or (str(event.fatalities) if event.fatalities is not None else None)
        fat = Fatalities(
            value=event.fatalities, low=event.fatalities_low, high=event.fatalities_high, as_written=written
        )
        mention.notes = notes(mention, fat, ctx)
        return mention

    def _key(self) -> str | None:
        return self._api_key or os.environ.get(LLM_API_KEY_ENV) or None

    def _redact(self, text: str) -> str:
        key = self._key()
        return text.replace(key, "[api key]") if key else text

    def _error(self, article: Article, what: str) -> EndpointError:
        return EndpointError(article.source, self._redact(f"endpoint {self.host} {what}"))


def _message(data: object) -> tuple[str | None, str | None]:
    """choices[0].message.content and choices[0].finish_reason of a chat completion, when present."""
    choices = data.get("choices") if isinstance(data, dict) else None
    first = choices[0] if isinstance(choices, list) and choices else None
    if not isinstance(first, dict):
        return None, None
    message = first.get("message")
    content = message.get("content") if isinstance(message, dict) else None
    finish = first.get("finish_reason")
    return (content if isinstance(content, str) else None), (finish if isinstance(finish, str) else None)


def _date_context(article: Article) -> DateContext:
    """The bound no event date may pass: the publication date, or the latest date the page allows."""
    if article.published is not None:
        return DateContext(reference=article.published, basis="published", published=article.published)
    if article.published_latest is not None:
        bound = article.published_latest
        return DateContext(reference=bound, basis="published-bound", published=bound)
    return DateContext(reference=None, basis="none")


def _article_check(event: ReplyEvent, evidence: Evidence | None, article: Article) -> str | None:
    """Why the event cannot stand against the article (no evidence there, a date after publication)."""
    if len(event.evidence.split()) < MIN_EVIDENCE_WORDS:
        return f"evidence {event.evidence!r} is not a sentence"
    if evidence is None:
        return "evidence sentence is not in the article"
    if event.event_date is not None:
        bound = article.published or article.published_latest
        if bound is not None and event.event_date > bound:
            return f"event date {event.event_date} is after the publication date {bound}"
        if plausible_date(event.event_date) is None:
            return f"event date {event.event_date} is not a plausible date"
    return None


def _locate(text: str, body: str) -> Evidence | None:
    """Where `text` is in `body`: exactly, else with whitespace and typographic quotes/dashes normalised.
    The Evidence holds the body's own characters."""
    if not text:
        return None
    start = body.find(text)
    if start >= 0:
        return Evidence(text=text, start=start, end=start + len(text))
    words = text.translate(_FOLD).split()
    if not words:
        return None
    m = re.search(r"\s+".join(map(re.escape, words)), body.translate(_FOLD))
    if m is None:
        return None
    return Evidence(text=body[m.start() : m.end()], start=m.start(), end=m.end())


def _dropped(evidence: str, body: str, reason: str) -> DroppedSentence:
    """A dropped event as a DroppedSentence: its evidence and where it is in the body (-1: not there)."""
    found = _locate(evidence, body)
    start = found.start if found is not None else -1
    return DroppedSentence(evidence, start, f"model reply: {reason}")
