"""A one-line progress display on a terminal; silent when the stream is not a terminal."""

from __future__ import annotations

import time
from typing import TextIO

# Redraw at most this often: a fast batch must not spend its time writing to the terminal.
REDRAW_EVERY_S = 0.2


class Progress:
    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.live = bool(getattr(stream, "isatty", lambda: False)())
        self._last = 0.0
        self._width = 0

    def update(self, line: str) -> None:
        now = time.monotonic()
        if not self.live or now - self._last < REDRAW_EVERY_S:
            return
        self._last = now
        self.stream.write("\r" + line.ljust(self._width))
        self._width = len(line)
        self.stream.flush()

    def clear(self) -> None:
        if self.live and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
            self._width = 0

    def say(self, message: str) -> None:
        self.clear()
        self.stream.write(f"frontwire: {message}\n")
        self.stream.flush()
