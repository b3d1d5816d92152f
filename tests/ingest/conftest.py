from pathlib import Path

import pytest

INPUTS = Path(__file__).resolve().parents[1] / "pages" / "inputs"


@pytest.fixture
def inputs() -> Path:
    return INPUTS
