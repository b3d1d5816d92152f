"""A loose name match (geo.names.alike) answers exactly as difflib's ratio against the threshold, though
it tries the ratio's cheap upper bounds first."""

import difflib
import itertools

from frontwire.geo.names import alike, name_key

NAMES = [
    "Deir ez-Zor", "Dayr az Zawr", "Deir el-Zor", "Kafr Nabl", "Kafrnabel", "Kfar Nabel", "Maarat al-Numan",
    "Ma'arrat an Nu'man", "Homs", "Hama", "Hamah", "Khan Shaykhun", "Khan Sheikhoun", "Mosul", "Al Mawsil",
    "Darah-ye Suf", "Dara-i-Suf", "Kunduz", "Qunduz", "Gao", "Goma", "Kidal", "Kiddal", "Bakhmut", "Bakhmat",
]  # fmt: skip


def test_alike_agrees_with_the_difflib_ratio_on_every_pair():
    keys = [name_key(n) for n in NAMES]
    for a, b in itertools.product(keys, repeat=2):
        for threshold in (0.6, 0.8, 0.9):
            assert alike(a, b, threshold) == (difflib.SequenceMatcher(None, a, b).ratio() >= threshold)
    assert alike(name_key("Khan Shaykhun"), name_key("Khan Sheikhoun"), 0.8)
    assert not alike(name_key("Homs"), name_key("Mosul"), 0.8)
