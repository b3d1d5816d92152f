"""The settings of one `frontwire serve` process: where the data is, who may write, which basemap to draw."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from frontwire.config import DEFAULT, Settings
from frontwire.errors import ConfigError

ENV_TOKEN = "FRONTWIRE_WRITE_TOKEN"
# A bearer token shorter than this is guessable by brute force over HTTP; 16 characters of a random
# token (e.g. `python -c "import secrets; print(secrets.token_urlsafe())"`, 43 characters) are plenty.
MIN_TOKEN_CHARS = 16
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


@dataclass(slots=True, frozen=True, kw_only=True)
class ServeSettings:
    """What the app needs: the store, the write token (None: writing disabled), the tile URL (None: the
    offline country outlines only) and the pipeline settings used for pages posted over HTTP."""

    db: str | None = None
    token: str | None = None
    tiles: str | None = None
    tiles_attribution: str = ""
    pipeline: Settings = DEFAULT
    gazetteer: str | None = None  # the label layer's gazetteer file (None: the default one)

    @property
    def writable(self) -> bool:
        return self.token is not None

    @property
    def tile_origin(self) -> str | None:
        """`scheme://host[:port]` of the tile URL, for the Content-Security-Policy."""
        if not self.tiles:
            return None
        parts = urlsplit(self.tiles.replace("{s}", "a"))
        return f"{parts.scheme}://{parts.netloc}"


def check_tiles(url: str) -> str:
    """A tile URL template must be http(s) with {z}, {x} and {y}; anything else is refused."""
    parts = urlsplit(url.replace("{s}", "a"))
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError("--tiles", f"not an http(s) URL: {url!r}")
    if not all(k in url for k in ("{z}", "{x}", "{y}")):
        raise ConfigError("--tiles", f"the tile URL needs {{z}}, {{x}} and {{y}}: {url!r}")
    if any(c in parts.netloc for c in "{}; '\""):
        raise ConfigError("--tiles", f"only {{s}} may vary in the host: {url!r}")
    return url


def load_token(token_file: str | os.PathLike | None) -> str | None:
    """The write token from `token_file` (first line) or $FRONTWIRE_WRITE_TOKEN; None when neither is set."""
    if token_file:
        path = Path(token_file)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise ConfigError(str(path), f"cannot read the token file: {exc.strerror}") from exc
        token = text.strip().splitlines()[0].strip() if text.strip() else ""
        source = str(path)
    else:
        token = os.environ.get(ENV_TOKEN, "").strip()
        if not token:
            return None
        source = ENV_TOKEN
    if len(token) < MIN_TOKEN_CHARS:
        raise ConfigError(source, f"the write token must be at least {MIN_TOKEN_CHARS} characters")
    return token
