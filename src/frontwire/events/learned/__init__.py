"""The learned sentence coder: a static sentence encoder distilled from all-MiniLM-L6-v2 and a small head
trained on our own corpus (corpus/events/), combined with the rule coder where each is stronger.

    distill.py   all-MiniLM-L6-v2 -> the static piece table (build time, once; needs the model package)
    train.py     corpus + table -> the head (`python -m frontwire.events.learned.train`)
    extractor.py "frontwire-learned": the rule coder whose sentence typing asks the head too

Run time needs numpy and py3langid only: no torch, no model download.
"""

from __future__ import annotations

from frontwire.events.learned.artifact import ArtifactError, load_model
from frontwire.events.learned.extractor import LearnedExtractor

__all__ = ["ArtifactError", "LearnedExtractor", "load_model"]
