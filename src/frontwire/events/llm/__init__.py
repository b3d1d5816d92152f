"""The model-endpoint coder, "openai-compatible": ACLED coding by a chat model behind an
OpenAI-compatible API, every reply checked against the article (`extractor`) by a strict reader of the
reply's JSON (`schema`)."""

from __future__ import annotations

from frontwire.events.llm.extractor import NAME, VERSION, ChatExtractor

__all__ = ["NAME", "VERSION", "ChatExtractor"]
