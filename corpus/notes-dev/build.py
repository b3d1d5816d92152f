"""Builds notes-dev.jsonl from notes-dev.txt, the hand-written source (see ../DATA-CARD.md).

    python corpus/notes-dev/build.py

Each source line is `CODE | country | actor1 | actor2 | fatalities | note`. The date, the location and
admin1 are read from the note itself, as ACLED writes them: the first "On 12 March 2023," and the first
"Place (admin2, admin1)". A line whose note does not give them is an error naming the line.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SUB_TYPES = {
    "AC": ("Battles", "Armed clash"),
    "GR": ("Battles", "Government regains territory"),
    "NO": ("Battles", "Non-state actor overtakes territory"),
    "CW": ("Explosions/Remote violence", "Chemical weapon"),
    "AD": ("Explosions/Remote violence", "Air/drone strike"),
    "SB": ("Explosions/Remote violence", "Suicide bomb"),
    "SH": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "RE": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "GN": ("Explosions/Remote violence", "Grenade"),
    "SV": ("Violence against civilians", "Sexual violence"),
    "AT": ("Violence against civilians", "Attack"),
    "AB": ("Violence against civilians", "Abduction/forced disappearance"),
    "PP": ("Protests", "Peaceful protest"),
    "PI": ("Protests", "Protest with intervention"),
    "EF": ("Protests", "Excessive force against protesters"),
    "VD": ("Riots", "Violent demonstration"),
    "MV": ("Riots", "Mob violence"),
    "AG": ("Strategic developments", "Agreement"),
    "AR": ("Strategic developments", "Arrests"),
    "CG": ("Strategic developments", "Change to group/activity"),
    "DW": ("Strategic developments", "Disrupted weapons use"),
    "HQ": ("Strategic developments", "Headquarters or base established"),
    "LP": ("Strategic developments", "Looting/property destruction"),
    "NT": ("Strategic developments", "Non-violent transfer of territory"),
    "OT": ("Strategic developments", "Other"),
}
_DATE = re.compile(r"\bOn (\d{1,2}) ([A-Z][a-z]+) (\d{4})\b")
_GENERIC = (
    r"town|village|city|area|camp|IDP camp|refugee camp|displacement camp|neighbourhood|neighborhood"
    r"|road|airport|air base|airbase|camp|market|corridor|dam"
)
_PLACE = re.compile(
    rf"((?:[A-Z][\w'’.-]*|al-[\w'’-]+|de|del|do|da|dos|du|la|es|an)(?: (?:[A-Z][\w'’.-]*|al-[\w'’-]+|de|del|do|da|dos|du|la|es))*)"
    rf"(?: (?:{_GENERIC}))? \(([^()]+), ([^()]+)\)"
)


def parse(line: str, number: int) -> dict:
    code, country, actor1, actor2, fatalities, note = (part.strip() for part in line.split("|", 5))
    date = _DATE.search(note)
    place = _PLACE.search(note)
    if date is None or place is None:
        raise ValueError(f"notes-dev.txt line {number}: no date or no 'Place (admin2, admin1)': {note[:60]}")
    event_type, sub_event_type = SUB_TYPES[code]
    day = dt.datetime.strptime(" ".join(date.groups()), "%d %B %Y").date()
    return {
        "id": f"note-{number:04d}",
        "text": note,
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "actor1": actor1,
        "actor2": actor2,
        "fatalities": int(fatalities),
        "event_date": day.isoformat(),
        "location": place.group(1),
        "admin1": place.group(3),
        "country": country,
    }


def main() -> int:
    lines = (HERE / "notes-dev.txt").read_text(encoding="utf-8").splitlines()
    rows = [parse(line, i) for i, line in enumerate(lines, 1) if line.strip()]
    with (HERE / "notes-dev.jsonl").open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} notes written", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
