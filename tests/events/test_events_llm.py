"""The "openai-compatible" extractor against a real loopback server playing an OpenAI-compatible endpoint.

The server answers /v1/chat/completions with completions written here, chosen by the article's title:
a good reply, a reply whose events break the codebook or invent evidence, a reply that is not JSON,
HTTP 500, a body that is not JSON, and no answer at all. No network beyond 127.0.0.1.
"""

from __future__ import annotations

import datetime as dt
import json
import pickle
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import loopback
import pytest

from frontwire.cli import main
from frontwire.config import LLM_API_KEY_ENV, LLMEndpoint, Settings
from frontwire.errors import ConfigError
from frontwire.events import Registry, get_extractor, run_extractor
from frontwire.events.llm.extractor import VERSION, ChatExtractor, EndpointError
from frontwire.events.llm.schema import (
    ATTRIBUTIONS,
    REPLY_FIELDS,
    SYSTEM_PROMPT,
    ReplyError,
    read_reply,
    user_message,
)
from frontwire.events.rules.classify import EVENT_TYPES
from frontwire.pipeline import Pipeline
from frontwire.records import Article

KEY = "sk-test-5ecret-d0-not-leak"
MODEL = "test-model"
TIMEOUT = 4.0  # seconds; the silent endpoint below holds its reply for 10
PUBLISHED = dt.date(2024, 5, 2)  # a Thursday
P1 = (
    "BEIRUT, May 2 (Wire) - An Israeli drone strike hit a car in the southern Lebanese town of Bint Jbeil "
    "on Wednesday, killing at least three people, the Lebanese health ministry said."
)
P2 = "Hezbollah said it fired rockets at an Israeli army post near Metula in response, calling it a “direct hit”."
P3 = "Dozens of protesters gathered outside  the parliament in Beirut on Thursday to demand a ceasefire."
PARAGRAPHS = [P1, P2, P3]
BODY = "\n\n".join(PARAGRAPHS)

GOOD_TITLE = "Drone strike kills three in south Lebanon"
STRIKE = {
    "event_type": "Explosions/Remote violence",
    "sub_event_type": "Air/drone strike",
    "event_date": "2024-05-01",
    "time_precision": 1,
    "actor1": "Military Forces of Israel (2022-)",
    "inter1": 8,
    "actor2": "Civilians (Lebanon)",
    "inter2": 7,
    "civilian_targeting": True,
    "location": "Bint Jbeil",
    "fatalities": 3,
    "fatalities_text": "at least three",
    "claimant": "Lebanese health ministry",
    "attribution": "reported",
    "evidence": "An Israeli drone strike hit a car in the southern Lebanese town of Bint Jbeil on Wednesday, "
    "killing at least three people, the Lebanese health ministry said.",
}
ROCKETS = {
    "event_type": "Explosions/Remote violence",
    "sub_event_type": "Shelling/artillery/missile attack",
    "event_date": "2024-05-01",
    "time_precision": 1,
    "actor1": "Hezbollah",
    "inter1": 3,
    "actor2": "Military Forces of Israel (2022-)",
    "inter2": 8,
    "location": "Metula",
    "fatalities": None,
    "claimant": "Hezbollah",
    "attribution": "claimed",
    # straight quotes where the article has curly ones: found by the normalised search
    "evidence": 'Hezbollah said it fired rockets at an Israeli army post near Metula in response, calling it a "direct hit".',
}
PROTEST = {
    "event_type": "Protests",
    "sub_event_type": "Peaceful protest",
    "event_date": "2024-05-02",
    "time_precision": 1,
    "actor1": "Protesters (Lebanon)",
    "inter1": 6,
    "location": "Beirut",
    "fatalities": None,
    "attribution": "reported",
    # one space where the article has two
    "evidence": "Dozens of protesters gathered outside the parliament in Beirut on Thursday to demand a ceasefire.",
}
GOOD = [STRIKE, ROCKETS, PROTEST]
CHECKS = [
    STRIKE,
    {
        **STRIKE,
        "location": "Tyre",
        "evidence": "A car bomb exploded in Tyre, killing twelve people, the army said.",
    },
    {**ROCKETS, "sub_event_type": "Shelling/artillery/missle attack"},
    {**PROTEST, "event_date": "2024-05-09"},
    {**STRIKE, "location": "Aitaroun", "fatalities": 1000000000},
    {**PROTEST, "inter1": 9},
    {**STRIKE, "fatalities": "three"},
    {**STRIKE, "event_date": "May 1st"},
    {**STRIKE, "event_type": "Battles"},
    "an event",
    {**STRIKE, "fatalities": 4},  # the strike again: same type, place and day
    {**STRIKE, "location": "Khiam", "evidence": "killing"},
]


def completion(content: str) -> bytes:
    return json.dumps(
        {
            "id": "chatcmpl-1",
            "object": "chat.completion",
            "model": MODEL,
            "choices": [
                {"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}
            ],
        }
    ).encode()


@dataclass(frozen=True)
class Seen:
    path: str
    authorization: str | None
    payload: dict[str, Any]

    @property
    def user(self) -> str:
        return self.payload["messages"][-1]["content"]


class Endpoint(BaseHTTPRequestHandler):
    seen: list[Seen] = []
    release = threading.Event()

    def log_message(self, *args) -> None:  # keep test output quiet
        pass

    def _send(self, status: int, body: bytes, ctype: str = "application/json") -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:  # noqa: N802 - the http.server API
        payload = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        auth = self.headers.get("Authorization")
        seen = Seen(self.path, auth, payload)
        Endpoint.seen.append(seen)
        if self.path != "/v1/chat/completions":
            self._send(404, b'{"error": "not found"}')
            return
        title = seen.user.splitlines()[0].removeprefix("Title: ")
        if title == "Checks":
            self._send(200, completion(json.dumps({"events": CHECKS})))
        elif title == "Not JSON":
            self._send(200, completion("Sure! The article reports a drone strike in Bint Jbeil."))
        elif title == "Server error":
            # a careless server that echoes the credentials it was sent
            self._send(500, json.dumps({"error": f"model overloaded (auth {auth})"}).encode())
        elif title == "Body not JSON":
            self._send(200, b"<html>gateway page</html>", "text/html")
        elif title == "Never answers":
            Endpoint.release.wait(10)
            try:
                self._send(200, completion('{"events": []}'))
            except OSError:
                pass
        else:
            self._send(200, completion(json.dumps({"events": GOOD})))


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with loopback.serve(Endpoint) as base:
        yield f"{base}/v1"
        Endpoint.release.set()


@pytest.fixture(autouse=True)
def api_key(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv(LLM_API_KEY_ENV, KEY)
    return KEY


@pytest.fixture
def chat(server: str) -> Iterator[ChatExtractor]:
    # long enough for a loopback reply on a loaded two-core CI machine; "Never answers" waits it out
    extractor = ChatExtractor(base_url=server, model=MODEL, timeout=TIMEOUT)
    yield extractor
    extractor.close()


def article(title: str, source: str | None = None, published: dt.date | None = PUBLISHED) -> Article:
    return Article(
        source=source or f"test://{title}", title=title, published=published, paragraphs=PARAGRAPHS
    )


def test_good_reply_gives_events_with_evidence_offsets_in_the_body(chat: ChatExtractor) -> None:
    result = chat.extract_events(article(GOOD_TITLE))
    assert result.ok and result.dropped == [] and result.date_basis == "published"
    strike, rockets, protest = result.events
    for ev in result.events:
        (evidence,) = ev.evidence
        assert BODY[evidence.start : evidence.end] == evidence.text
        assert ev.coder == f"openai-compatible/{VERSION}/test-model"
    assert strike.evidence[0].start == BODY.index("An Israeli drone strike")
    assert strike.evidence[0].end == BODY.index(" said.") + len(" said.")
    assert (strike.sub_event_type, strike.event_date, strike.fatalities) == (
        "Air/drone strike",
        dt.date(2024, 5, 1),
        3,
    )
    assert (strike.actor1, strike.inter1, strike.location_text) == (
        "Military Forces of Israel (2022-)",
        8,
        "Bint Jbeil",
    )
    assert strike.notes == (
        "On 1 May 2024, Military Forces of Israel (2022-) carried out air/drone strike against Civilians (Lebanon) "
        "in Bint Jbeil (according to Lebanese health ministry); 3 fatalities ('at least three')."
    )
    # typographic quotes and doubled spaces: the evidence is the article's own text
    assert rockets.evidence[0].text == P2 and rockets.evidence[0].start == BODY.index(P2)
    assert (rockets.claimant, rockets.attribution) == ("Hezbollah", "claimed")
    assert protest.evidence[0].text == P3 and "no fatalities reported" in protest.notes
    assert protest.fatalities is None and protest.event_type == "Protests"


def test_the_request_carries_model_article_and_key(chat: ChatExtractor) -> None:
    chat.extract_events(article(GOOD_TITLE, source="test://request"))
    seen = Endpoint.seen[-1]
    assert seen.path == "/v1/chat/completions"
    assert seen.authorization == f"Bearer {KEY}"
    assert seen.payload["model"] == MODEL
    assert seen.payload["response_format"] == {"type": "json_object"}
    system, user = seen.payload["messages"]
    assert system == {"role": "system", "content": SYSTEM_PROMPT}
    assert user["role"] == "user"
    assert user["content"].startswith(f"Title: {GOOD_TITLE}\nPublished: 2024-05-02\n")
    assert BODY in user["content"]


def test_no_key_no_authorization_header(chat: ChatExtractor, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(LLM_API_KEY_ENV)
    assert len(chat.extract(article(GOOD_TITLE))) == 3
    assert Endpoint.seen[-1].authorization is None


def test_events_that_break_the_codebook_or_invent_evidence_are_dropped_with_reasons(
    chat: ChatExtractor,
) -> None:
    result = chat.extract_events(article("Checks"))
    assert result.ok
    assert [e.location_text for e in result.events] == ["Bint Jbeil"]
    reasons = [d.reason for d in result.dropped]
    expected = {
        2: "evidence sentence is not in the article",
        3: "sub-event type 'Shelling/artillery/missle attack' is not in the codebook",
        4: "event date 2024-05-09 is after the publication date 2024-05-02",
        5: "fatalities 1000000000 is outside 0-50000",
        6: "inter1 9 is outside 1-8",
        7: "fatalities 'three' is not an integer",
        8: "event_date 'May 1st' is not a YYYY-MM-DD date",
        9: "sub-event type 'Air/drone strike' belongs to 'Explosions/Remote violence', not 'Battles'",
        10: "event 10 is a str, not an object",
        11: "same type, place and day as event 1",
        12: "evidence 'killing' is not a sentence",
    }
    assert len(reasons) == len(expected)
    for index, why in expected.items():
        assert sum(why in r for r in reasons) == 1, (index, why, reasons)
        assert any(r.startswith(f"model reply: event {index}") for r in reasons), index
    by_reason = {d.reason: d for d in result.dropped}
    invented = next(d for r, d in by_reason.items() if "not in the article" in r)
    assert invented.start == -1 and invented.text.startswith("A car bomb exploded in Tyre")
    misspelled = next(d for r, d in by_reason.items() if "missle" in r)
    assert misspelled.start == BODY.index(P2)


def test_failures_are_the_articles_alone_and_the_batch_goes_on(chat: ChatExtractor, server: str) -> None:
    host = server.removeprefix("http://").removesuffix("/v1")
    titles = ["Not JSON", "Server error", "Body not JSON", "Never answers", GOOD_TITLE]
    results = list(run_extractor(chat, [article(t) for t in titles]))
    assert [r.source for r in results] == [f"test://{t}" for t in titles]
    not_json, http_500, body_not_json, silent, good = results
    assert all(r.error is not None and r.events == [] for r in results[:4])
    assert all(f"endpoint {host}" in (r.error or "") for r in results[:4])
    assert "the model's reply is not JSON" in (not_json.error or "")
    assert "HTTP 500 Internal Server Error" in (http_500.error or "")
    assert "model overloaded" in (http_500.error or "")
    assert "body that is not JSON" in (body_not_json.error or "")
    assert f"did not answer within {TIMEOUT:g} s" in (silent.error or "")
    assert good.ok and len(good.events) == 3
    for r in results:
        assert KEY not in (r.error or "")
    with pytest.raises(EndpointError) as info:
        chat.extract(article("Server error"))
    assert "HTTP 500" in str(info.value) and KEY not in str(info.value)
    assert "[api key]" in str(info.value)  # what the server echoed back is redacted


def test_unreachable_endpoint_is_an_error_naming_the_host() -> None:
    chat = ChatExtractor(base_url="http://127.0.0.1:9/v1", model=MODEL, timeout=2)
    result = chat.extract_events(article(GOOD_TITLE))
    assert result.error is not None and result.error.startswith("endpoint 127.0.0.1:9 could not be reached")
    assert KEY not in result.error


def test_picklable_without_the_environment_key(chat: ChatExtractor) -> None:
    chat.extract_events(article(GOOD_TITLE))  # the client is open
    data = pickle.dumps(chat)
    assert KEY.encode() not in data and KEY not in repr(chat)
    clone = pickle.loads(data)
    assert (clone.base_url, clone.model, clone.timeout) == (chat.base_url, MODEL, TIMEOUT)
    assert len(clone.extract(article(GOOD_TITLE))) == 3
    assert Endpoint.seen[-1].authorization == f"Bearer {KEY}"  # read from the worker's environment
    explicit = pickle.loads(pickle.dumps(ChatExtractor(base_url=chat.base_url, model=MODEL, api_key="given")))
    assert explicit.extract(article(GOOD_TITLE)) and Endpoint.seen[-1].authorization == "Bearer given"


def test_registry_settings_and_pipeline_select_it(server: str) -> None:
    assert "openai-compatible" in Registry.default().names()
    chat = get_extractor("openai-compatible", base_url=server, model=MODEL)
    assert isinstance(chat, ChatExtractor) and chat.name == "openai-compatible" and chat.version
    settings = Settings(
        extractor="openai-compatible", llm=LLMEndpoint(base_url=server, model=MODEL, timeout_s=3)
    )
    chosen = Pipeline(settings).extractor
    assert isinstance(chosen, ChatExtractor) and (chosen.base_url, chosen.timeout) == (server, 3.0)
    with pytest.raises(ConfigError, match="needs an endpoint"):
        _ = Pipeline(Settings(extractor="openai-compatible")).extractor
    with pytest.raises(ConfigError, match="http"):
        ChatExtractor(base_url="localhost:8000", model=MODEL)


def test_cli_selects_the_endpoint(server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    record = {"id": "lb-1", "published": "2024-05-02", "text": f"{GOOD_TITLE}\n\n" + "\n\n".join(PARAGRAPHS)}
    batch = tmp_path / "batch.jsonl"
    batch.write_text(json.dumps(record) + "\n")
    options = ["--extractor", "openai-compatible", "--llm-url", server, "--llm-model", MODEL]
    assert main(["extract", "--jsonl", str(batch), *options]) == 0
    (row,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert row["error"] is None
    assert [e["sub_event_type"] for e in row["events"]] == [
        "Air/drone strike",
        "Shelling/artillery/missile attack",
        "Peaceful protest",
    ]
    assert {e["coder"] for e in row["events"]} == {f"openai-compatible/{VERSION}/test-model"}
    assert Endpoint.seen[-1].payload["model"] == MODEL


def test_cli_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    page = "examples/pages/idlib-clashes-crawl.txt"
    assert main(["extract", page, "--extractor", "openai-compatible"]) == 2
    assert "needs --llm-url and --llm-model" in capsys.readouterr().err
    assert main(["extract", page, "--llm-url", "http://127.0.0.1:9/v1"]) == 2
    assert "go with --extractor openai-compatible" in capsys.readouterr().err
    assert main(["extract", page, "--extractor", "no-such-coder"]) == 2
    assert "known: " in capsys.readouterr().err


def test_prompt_names_the_codebook_and_every_reply_field() -> None:
    for sub, kind in EVENT_TYPES.items():
        assert sub in SYSTEM_PROMPT and kind in SYSTEM_PROMPT
    assert len(EVENT_TYPES) == 25 and len(set(EVENT_TYPES.values())) == 6
    for name in (*REPLY_FIELDS, *ATTRIBUTIONS, "1 state forces", "8 external/other forces"):
        assert name in SYSTEM_PROMPT, name


def test_user_message_dates_and_cuts_the_article() -> None:
    unknown = user_message(article(GOOD_TITLE, published=None), 100)
    assert unknown.startswith(f"Title: {GOOD_TITLE}\nPublished: unknown\n")
    assert unknown.endswith("[The rest of the article is not included.]")
    assert len(unknown) < 100 + 200 and P1[:60] in unknown


def test_read_reply_shapes() -> None:
    fenced = "```json\n" + json.dumps({"events": [PROTEST]}) + "\n```"
    (event,) = read_reply(fenced).events
    assert (
        event.sub_event_type == "Peaceful protest" and event.actor2 is None and not event.civilian_targeting
    )
    for bad in ("", "[]", '{"events": {}}', '{"event": []}', "null"):
        with pytest.raises(ReplyError):
            read_reply(bad)
    undated = read_reply(json.dumps({"events": [{**PROTEST, "event_date": None, "time_precision": None}]}))
    assert undated.events[0].event_date is None and undated.events[0].time_precision == 3
    missing = read_reply(json.dumps({"events": [{**PROTEST, "time_precision": None}]}))
    assert "time_precision is missing" in missing.rejected[0].reason
