"""Version 2: each incident keeps why its reports were merged (`merge_reasons_json`, a JSON list of lines).

An incident stored before this version has no reasons recorded ('[]') until it is merged again.
"""

NAME = "incident merge reasons"

STATEMENTS = ("ALTER TABLE incidents ADD COLUMN merge_reasons_json TEXT NOT NULL DEFAULT '[]'",)
