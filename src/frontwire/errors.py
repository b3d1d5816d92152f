"""One exception tree for frontwire.

FrontwireError
 ├── InputError            an input cannot be read as a page (names the input)
 │    ├── EmptyInput
 │    ├── BinaryInput
 │    ├── EncodingError
 │    ├── TooLarge
 │    └── TruncatedInput   truncated gzip / WARC
 ├── FetchError            an http(s) URL could not be fetched (status, robots.txt, size cap, timeout)
 │    └── SourceError      a watched feed, sitemap or channel page could not be read (frontwire.watch)
 ├── ExtractionError       a page was read but no article could be made of it
 │    └── ExtractionTimeout
 ├── ConfigError           bad settings or user files (outlet registry, actor dictionary, a malformed --db)
 ├── EndpointError         a chat-model endpoint failed for one article (frontwire.events.llm)
 └── StoreError            the database cannot be used: unreachable server, read-only file,
                           schema newer than this frontwire; nothing has been written

Every error's message starts with the input it is about, so a batch can print one
line per failure and go on.
"""

from __future__ import annotations


class FrontwireError(Exception):
    """Base of all frontwire errors."""

    def __init__(self, source: str, message: str) -> None:
        super().__init__(f"{source}: {message}")
        self.source = source
        self.reason = message


class InputError(FrontwireError):
    pass


class EmptyInput(InputError):
    pass


class BinaryInput(InputError):
    pass


class EncodingError(InputError):
    pass


class TooLarge(InputError):
    pass


class TruncatedInput(InputError):
    pass


class FetchError(FrontwireError):
    pass


class SourceError(FetchError):
    """A watched source (feed, sitemap, channel page) was fetched but cannot be read; names the source."""


class ExtractionError(FrontwireError):
    pass


class ExtractionTimeout(ExtractionError):
    pass


class ConfigError(FrontwireError):
    pass


class StoreError(FrontwireError):
    """The database cannot be opened or written; the message names the database (never its password)."""
