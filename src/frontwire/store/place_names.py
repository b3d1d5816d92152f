"""Place names as ACLED writes them: plain ASCII letters, no diacritics or ʿayn/hamza marks.

    plain_name("An Nuşayrāt")  -> "An Nusayrat"
    plain_name("Ḩimş")         -> "Hims"
    plain_name("Ma'rib")       -> "Ma'rib"     (an ASCII apostrophe is kept, as ACLED keeps it)

The store writes a mention's place with this plain name in `location` and the gazetteer's own spelling in
`location_geonames`; incidents take the plain name.
"""

from __future__ import annotations

import unicodedata
from typing import Final

# Letters that do not decompose into an ASCII letter plus marks, written as English transliteration does.
_LETTERS: Final = str.maketrans(
    {
        "ı": "i", "İ": "I", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
        "þ": "th", "Þ": "Th", "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ħ": "h", "Ħ": "H",
        "ŧ": "t", "Ŧ": "T", "ŋ": "ng", "ə": "e", "Ə": "E",
        "‘": "'", "’": "'", "‐": "-", "‑": "-", "–": "-", "—": "-",
    }
)  # fmt: skip


def plain_name(name: str) -> str:
    """`name` in plain ASCII: letters without their marks, transliteration marks (ʿ ʾ ʻ) dropped."""
    if name.isascii():
        return name
    out = []
    for ch in unicodedata.normalize("NFKD", name.translate(_LETTERS)):
        if ch.isascii():
            out.append(ch)
        elif unicodedata.category(ch) in ("Mn", "Lm", "Sk"):  # combining marks; ʿ ʾ ʻ modifier letters
            continue
        else:
            out.append(ch)  # a letter of another script stays: no guessing at its transliteration
    return " ".join("".join(out).split())


__all__ = ["plain_name"]
