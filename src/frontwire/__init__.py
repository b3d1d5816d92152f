"""frontwire: raw news pages in, a geocoded, source-aware database of conflict events out."""

from frontwire.errors import FrontwireError
from frontwire.records import (
    Article,
    Comment,
    EventMention,
    Evidence,
    Failure,
    Location,
    Outlet,
    Page,
    to_dict,
)

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Comment",
    "EventMention",
    "Evidence",
    "Failure",
    "FrontwireError",
    "Location",
    "Outlet",
    "Page",
    "to_dict",
    "__version__",
]
