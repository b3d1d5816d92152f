"""spaCy's networks on numpy's BLAS instead of thinc's default (blis), one thread at a time.

The same weights and the same arithmetic, run by the BLAS numpy ships (OpenBLAS): the parses and
entities come out the same, in about a third less time on the small English model (bench/spacy_blas.py
runs both side by side). OpenBLAS would start a thread per core for each batch: on two cores that ends
a little sooner (7.0 s against 7.8 s on 600 sentences) for half as much CPU again (11.8 s against 7.6 s),
and two workers on two cores would fight over the threads. A worker costs one core: spaCy runs inside
`one_blas_thread()`. The rest of the process keeps its own BLAS settings.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


def on_numpy_blas(nlp: Any) -> Any:
    """`nlp` with every component's network (and its sub-layers) on numpy's BLAS; returns `nlp`."""
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None:  # rule components (the attribute ruler) have no network
            continue
        for node in model.walk():
            node.ops = ops
    return nlp


@functools.cache
def _controller() -> Any:
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()  # the BLAS libraries loaded by now (numpy's, once spaCy has loaded)


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """Run the body with BLAS on one thread; the previous thread counts come back after it."""
    with _controller().limit(limits=1, user_api="blas"):
        yield
