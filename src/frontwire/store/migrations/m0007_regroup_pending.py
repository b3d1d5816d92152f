"""Version 7: mentions whose incidents still wait for the canonical regroup.

A page's mentions are merged as the page is written, in arrival order; the run that wrote them then
regroups their neighbourhood in the canonical order (`frontwire.store._rebuild.regroup_pending`). The
mentions written since the last regroup are listed here, in the page's own transaction, so a run that is
killed before its regroup leaves them for the next run, and a resumed ingest ends equal to a clean one.
"""

NAME = "mentions waiting for the canonical regroup"

STATEMENTS = ("CREATE TABLE regroup_pending (mention_id TEXT PRIMARY KEY)",)
