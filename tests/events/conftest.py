import pytest

from frontwire.config import DEFAULT
from frontwire.events import RuleExtractor
from frontwire.pipeline import Pipeline, prepare


@pytest.fixture(scope="session")
def extractor() -> RuleExtractor:
    return RuleExtractor()


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """The whole reading pipeline (coder, geocoder, naming by the event's place) as `frontwire extract` runs it."""
    prepare(DEFAULT)
    return Pipeline(DEFAULT)
