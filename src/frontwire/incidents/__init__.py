"""Event mentions → incidents: one real event per incident, with a corroboration grade.

`IncidentIndex` merges mentions incrementally (blocked by type, date bucket and place cell); `compatible`
is the pairwise test; `summarise` turns an incident's members into an `Incident` with its fatality range and
grade (single source / claimed by a party / two or more independent outlets / contested).
"""

from frontwire.incidents.grade import fatality_range, grade, summarise
from frontwire.incidents.merge import IncidentIndex, choose_incident, incident_id_for
from frontwire.incidents.model import (
    GRADE_CLAIMED,
    GRADE_CONTESTED,
    GRADE_INDEPENDENT,
    GRADE_SINGLE,
    GRADES,
    Incident,
    IncidentMember,
)
from frontwire.incidents.rules import compatible

__all__ = [
    "GRADES",
    "GRADE_CLAIMED",
    "GRADE_CONTESTED",
    "GRADE_INDEPENDENT",
    "GRADE_SINGLE",
    "Incident",
    "IncidentIndex",
    "IncidentMember",
    "choose_incident",
    "compatible",
    "fatality_range",
    "grade",
    "incident_id_for",
    "summarise",
]
