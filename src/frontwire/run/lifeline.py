"""Worker processes end with the process that started them, however it ends (SIGKILL included).

A pool worker is forked by multiprocessing's fork server, not by `frontwire ingest` itself, so the
kernel's parent-death signal would follow the fork server rather than the command; and a worker busy
with a shard never reads the pipe that would tell it its parent is gone. So every worker (the local
pool's, and each guarded page worker) calls `watch(owner)` first: a daemon thread waits on a pidfd of
the process that asked for the worker (Linux 5.3+; elsewhere it polls the pid every `POLL_S`) and
ends this process the moment the owner is gone. Chains end link by link: the command dies, its pool
workers see it and exit, their page workers see them and exit; the fork servers exit on their own
when their parent's end of their pipe closes.

`watch` also makes the worker ignore SIGINT: Ctrl-C reaches the whole process group, and only the
command, which stops the workers and prints one line, should act on it. The fork server is started by
`start_forkserver` with SIGINT ignored, which it and every process it forks inherit: a Ctrl-C while
it imports the pipeline's modules (seconds, at start-up) does not print its traceback either.
"""

from __future__ import annotations

import multiprocessing as mp
import multiprocessing.forkserver
import os
import select
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

# How often the pid is polled where pidfds are missing (not Linux); a worker outlives its owner by
# at most this long.
POLL_S = 0.25
# A worker's exit status when its owner died (128 + SIGKILL's number, as if it had been killed).
ORPHANED_EXIT = 137


def watch(owner: int) -> None:
    """In a worker: ignore SIGINT and end this process as soon as process `owner` is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if owner == os.getpid():
        return
    threading.Thread(target=_wait_for, args=(owner,), name="frontwire-lifeline", daemon=True).start()


def start_forkserver(preload: list[str]) -> None:
    """Start this process's fork server (if it is not running) with `preload`, immune to Ctrl-C."""
    if "forkserver" not in mp.get_all_start_methods():
        return
    mp.get_context("forkserver").set_forkserver_preload(preload)
    if threading.current_thread() is not threading.main_thread():  # signal handlers: main thread only
        multiprocessing.forkserver.ensure_running()
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        multiprocessing.forkserver.ensure_running()
    finally:
        signal.signal(signal.SIGINT, previous)


@contextmanager
def sigint_deferred() -> Iterator[None]:
    """Hold a Ctrl-C back until the block is done (then raise it): for starting workers, which a
    KeyboardInterrupt mid-way would leave half-made, each printing its own traceback."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        raise KeyboardInterrupt


def _wait_for(owner: int) -> None:
    try:
        fd = os.pidfd_open(owner)
    except ProcessLookupError:
        os._exit(ORPHANED_EXIT)
    except (AttributeError, OSError):  # no pidfds here: poll
        while _alive(owner):
            time.sleep(POLL_S)
        os._exit(ORPHANED_EXIT)
    select.select([fd], [], [])  # readable once the owner has exited
    os._exit(ORPHANED_EXIT)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
