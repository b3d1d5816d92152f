"""Checks of a run's user files and endpoint before any page is read, so a bad option stops the run
with a message naming its cause instead of quietly giving 0 events.

    check_settings(settings)   # raises ConfigError naming the file or the URL

- each `--actors` / `--identities` file must exist, parse as TOML, hold at least one entry of its kind
  (`[[actor]]` / `[[identity]]`), and every entry must be well formed (the loaders' own checks);
- an `--llm-url` must answer: any HTTP reply will do (a 404 on /models is fine), but a refused
  connection, a name that does not resolve or no answer within `PROBE_TIMEOUT_S` stops the run.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Final

from frontwire.config import Settings
from frontwire.errors import ConfigError

# Long enough for a model server on another machine of the LAN to accept a connection, short enough
# that a typo in --llm-url is reported at once rather than after a page's full model timeout.
PROBE_TIMEOUT_S: Final = 5.0


def _check_lexicon_files(files: Sequence[Path], table: str, example: str) -> None:
    from frontwire.events.actors import read_lexicon

    for path in files:
        if not Path(path).is_file():
            raise ConfigError(str(path), "no such file")
        entries = read_lexicon(Path(path), example).get(table)
        if not isinstance(entries, list) or not entries:
            raise ConfigError(str(path), f"no [[{table}]] entries (see {example} for the format)")


def check_lexicons(settings: Settings) -> None:
    """Raise `ConfigError` naming the first unusable `--actors` or `--identities` file."""
    if settings.actor_files:
        from frontwire.events.actors import ActorDictionary

        _check_lexicon_files(settings.actor_files, "actor", "frontwire/data/actors.toml")
        ActorDictionary.load(settings.actor_files)
    if settings.identity_files:
        from frontwire.events.rules.associates import IdentityTable

        _check_lexicon_files(settings.identity_files, "identity", "frontwire/data/events/identities.toml")
        IdentityTable.load(settings.identity_files)


def check_endpoint(settings: Settings) -> None:
    """Raise `ConfigError` naming the URL when the model endpoint cannot be reached at all."""
    if settings.extractor != "openai-compatible" or settings.llm is None:
        return
    import httpx

    url = settings.llm.base_url.rstrip("/")
    try:
        httpx.get(f"{url}/models", timeout=PROBE_TIMEOUT_S)
    except httpx.InvalidURL as exc:
        raise ConfigError(url, f"not a usable --llm-url ({exc})") from exc
    except httpx.TransportError as exc:
        cause = str(exc) or type(exc).__name__
        raise ConfigError(url, f"the model endpoint cannot be reached: {cause}") from exc


def check_settings(settings: Settings) -> None:
    """Every check above; the first problem found is raised."""
    if not settings.events:
        return
    check_lexicons(settings)
    check_endpoint(settings)


__all__ = ["PROBE_TIMEOUT_S", "check_endpoint", "check_lexicons", "check_settings"]
