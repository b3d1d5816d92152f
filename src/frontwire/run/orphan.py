"""Imported first by every fork server (`guard.PRELOAD`), for its side effect: the server ends as soon as
the process that started it is gone, even while it is still importing the pipeline's modules (seconds,
during which multiprocessing's own check of its parent does not run yet). Nothing else imports it."""

from __future__ import annotations

import os

from frontwire.run.lifeline import watch

watch(os.getppid())
