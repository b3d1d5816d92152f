import pytest

from frontwire.events import RuleExtractor


@pytest.fixture(scope="session")
def extractor() -> RuleExtractor:
    return RuleExtractor()
