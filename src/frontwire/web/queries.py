"""The API's reads: paged events and incidents, the map layer, one incident with its sources, one article
with its comments, outlets and the filter choices. SQL only with `?` parameters.

The filters mean what they mean in `frontwire.store.query` (and so in the CLI); these queries add paging
(limit/offset, one row more than asked tells whether a next page exists) and joined provenance.
"""

from __future__ import annotations

from dataclasses import dataclass

from frontwire.incidents.model import Incident, IncidentMember
from frontwire.records import Outlet
from frontwire.store._incidents import load_members, member_from_row
from frontwire.store.base import Store
from frontwire.store.query import Filters, count_events, event_where, incident_where, order_by
from frontwire.store.rows import Row, row_to_incident, row_to_mention, row_to_outlet
from frontwire.web.params import Page

# The actor filter offers the most frequent actors; more would make the list unusable.
TOP_ACTORS = 300
# Article text sent with an incident's sources: the evidence paragraph(s) plus this much around them.
CONTEXT_CHARS = 400

_OUTLET_KEYS = ("o_domain", "o_name", "o_country", "o_owner", "o_labels_json", "o_aliases_json")
_OUTLET_COLS = (
    "o.domain AS o_domain, o.name AS o_name, o.country AS o_country, o.owner AS o_owner,"
    " o.labels_json AS o_labels_json, o.aliases_json AS o_aliases_json"
)


@dataclass(slots=True, kw_only=True)
class Slice:
    """One page of results and whether more follow."""

    items: list
    has_more: bool


_EVENT_SELECT = (
    "SELECT m.*, im.incident_id AS incident_id, i.grade AS incident_grade, a.url AS article_url,"
    f" a.title AS article_title, a.published AS article_published, {_OUTLET_COLS}"
    " FROM mentions m JOIN articles a ON a.id = m.article_id"
    " LEFT JOIN outlets o ON o.id = a.outlet_id LEFT JOIN incident_mentions im ON im.mention_id = m.id"
    " LEFT JOIN incidents i ON i.id = im.incident_id"
)


def events(store: Store, f: Filters, page: Page, sort: str | None = None) -> Slice:
    """Current event mentions in `sort` order (default: by date then id), each with its article, outlet and
    incident (id, grade)."""
    where, params = event_where(f, store.backend)
    rows = store.rows(
        f"{_EVENT_SELECT} WHERE {' AND '.join(where)} ORDER BY {order_by(sort, 'm')} LIMIT ? OFFSET ?",
        [*params, page.limit + 1, page.offset],
    )
    return Slice(items=rows[: page.limit], has_more=len(rows) > page.limit)


def events_counted(store: Store, f: Filters, page: Page, sort: str | None = None) -> tuple[Slice, int]:
    """`events` and how many match in all. One pass over the matching mentions finds the page's ids and the
    count (COUNT(*) OVER ()), joining only what the filters and the sort need; then the page's rows are read
    with their provenance."""
    where, params = event_where(f, store.backend)
    joins = ""
    if f.grade or (sort or "").removeprefix("-") == "grade":
        joins = " LEFT JOIN incident_mentions im ON im.mention_id = m.id"
        joins += " LEFT JOIN incidents i ON i.id = im.incident_id"
    order = order_by(sort, "m")
    hits = store.rows(
        f"SELECT m.id, COUNT(*) OVER () AS total_rows FROM mentions m{joins} WHERE {' AND '.join(where)}"
        f" ORDER BY {order} LIMIT ? OFFSET ?",
        [*params, page.limit + 1, page.offset],
    )
    if hits:
        total = int(hits[0]["total_rows"])
    elif page.offset == 0:
        total = 0
    else:  # past the last page: the window saw no row, so count apart
        total = count_events(store, f)
    ids = [h["id"] for h in hits[: page.limit]]
    rows: list[Row] = []
    if ids:
        marks = ", ".join("?" * len(ids))
        found = {r["id"]: r for r in store.rows(f"{_EVENT_SELECT} WHERE m.id IN ({marks})", ids)}
        rows = [found[i] for i in ids if i in found]
    return Slice(items=rows, has_more=len(hits) > page.limit), total


def event_member(row: Row, outlets: dict[tuple, Outlet] | None = None) -> IncidentMember:
    """The mention, outlet and article id of an `events` row. Pass one `outlets` dict for a whole page:
    its rows share a few outlets, whose labels are then parsed once."""
    if outlets is None or row.get("o_domain") is None:
        return member_from_row(row)
    key = tuple(row[c] for c in _OUTLET_KEYS)
    outlet = outlets.get(key)
    if outlet is None:
        outlet = outlets.setdefault(key, row_to_outlet({k[2:]: row[k] for k in _OUTLET_KEYS}))
    return IncidentMember(
        id=row["id"],
        mention=row_to_mention(row),
        outlet=outlet,
        article_id=row["article_id"],
        url=row["article_url"],
    )


def incidents(store: Store, f: Filters, page: Page, sort: str | None = None) -> Slice:
    """Incidents in `sort` order (default: by date then id), each with its current mention ids."""
    return incidents_counted(store, f, page, sort)[0]


def incidents_counted(store: Store, f: Filters, page: Page, sort: str | None = None) -> tuple[Slice, int]:
    """`incidents` and how many match in all: one pass computes both (COUNT(*) OVER ()), which halves an
    expensive filter's cost (bench/api.py: an outlet's quarter 120 -> 60 ms) and costs a cheap one nothing."""
    clause, params = incident_where(f, store.backend)
    rows = store.rows(
        f"SELECT i.*, COUNT(*) OVER () AS total_rows FROM incidents i{clause}"
        f" ORDER BY {order_by(sort, 'i')} LIMIT ? OFFSET ?",
        [*params, page.limit + 1, page.offset],
    )
    if rows:
        total = int(rows[0]["total_rows"])
    elif page.offset == 0:
        total = 0
    else:  # past the last page: the window saw no row, so count apart
        total = int(store.rows(f"SELECT COUNT(*) AS n FROM incidents i{clause}", params)[0]["n"])
    has_more = len(rows) > page.limit
    rows = rows[: page.limit]
    links: dict[str, list[str]] = {r["id"]: [] for r in rows}
    for chunk in store.iter_chunks(list(links)):
        marks = ", ".join("?" * len(chunk))
        for link in store.rows(
            "SELECT incident_id, mention_id FROM incident_mentions"
            f" WHERE incident_id IN ({marks}) ORDER BY mention_id",
            list(chunk),
        ):
            links[link["incident_id"]].append(link["mention_id"])
    return Slice(items=[row_to_incident(r, links[r["id"]]) for r in rows], has_more=has_more), total


def map_points(store: Store, f: Filters, limit: int) -> Slice:
    """The map layer: located incidents with only what a marker and the timeline need."""
    clause, params = incident_where(f, store.backend)
    located = "i.latitude IS NOT NULL AND i.longitude IS NOT NULL"
    clause = f"{clause} AND {located}" if clause else f" WHERE {located}"
    rows = store.rows(
        "SELECT i.id, i.event_date, i.event_type, i.sub_event_type, i.actor1, i.actor2, i.location,"
        " i.country, i.latitude, i.longitude, i.fatalities, i.grade, i.n_mentions"
        f" FROM incidents i{clause} ORDER BY i.event_date, i.id LIMIT ?",
        [*params, limit + 1],
    )
    return Slice(items=rows[:limit], has_more=len(rows) > limit)


@dataclass(slots=True, kw_only=True)
class Source:
    """One report of an incident: the member (mention + outlet) and the article it comes from."""

    member: IncidentMember
    article: Row
    context: tuple[str, str, str]  # text before the evidence, the evidence, text after (from the body)


def incident(store: Store, incident_id: str) -> tuple[Incident, list[Source]] | None:
    """One incident with every current report of it and the article text around each evidence span."""
    rows = store.rows("SELECT * FROM incidents WHERE id = ?", [incident_id])
    if not rows:
        return None
    members = load_members(store, [incident_id])[incident_id]
    articles = _articles(store, sorted({m.article_id for m in members if m.article_id}))
    sources = [
        Source(
            member=m,
            article=articles.get(m.article_id or "", {}),
            context=_context(articles.get(m.article_id or "", {}).get("body") or "", m),
        )
        for m in members
    ]
    return row_to_incident(rows[0], [m.id for m in members]), sources


def _articles(store: Store, article_ids: list[str]) -> dict[str, Row]:
    out: dict[str, Row] = {}
    for chunk in store.iter_chunks(article_ids):
        marks = ", ".join("?" * len(chunk))
        for row in store.rows(
            "SELECT a.id, a.url, a.title, a.site_name, a.published, a.body, a.page_id,"
            " (SELECT COUNT(*) FROM comments c WHERE c.article_id = a.id) AS n_comments"
            f" FROM articles a WHERE a.id IN ({marks})",
            list(chunk),
        ):
            out[row["id"]] = row
    return out


def _context(body: str, member: IncidentMember) -> tuple[str, str, str]:
    """(before, evidence, after) from the article body: the first evidence span, widened to its paragraph
    and at most CONTEXT_CHARS either side; the stored evidence text when the offsets do not fit the body."""
    evidence = member.mention.evidence
    if not evidence:
        return "", "", ""
    ev = evidence[0]
    if not (0 <= ev.start < ev.end <= len(body)) or body[ev.start : ev.end] != ev.text:
        return "", ev.text, ""
    para_start = body.rfind("\n\n", 0, ev.start)
    para_start = 0 if para_start < 0 else para_start + 2
    para_end = body.find("\n\n", ev.end)
    para_end = len(body) if para_end < 0 else para_end
    start = max(para_start, ev.start - CONTEXT_CHARS)
    end = min(para_end, ev.end + CONTEXT_CHARS)
    return body[start : ev.start], ev.text, body[ev.end : end]


def article(store: Store, article_id: str) -> tuple[Row, list[Row], Row | None, list[Row]] | None:
    """One article (current or superseded) with its comments, its outlet row and its mentions' ids."""
    rows = store.rows("SELECT * FROM articles WHERE id = ?", [article_id])
    if not rows:
        return None
    row = rows[0]
    comments = store.rows(
        "SELECT position, author, published, text FROM comments WHERE article_id = ? ORDER BY position",
        [article_id],
    )
    outlet = None
    if row["outlet_id"]:
        found = store.rows("SELECT * FROM outlets WHERE id = ?", [row["outlet_id"]])
        outlet = found[0] if found else None
    mentions = store.rows(
        "SELECT m.id, m.event_type, m.event_date, im.incident_id FROM mentions m"
        " LEFT JOIN incident_mentions im ON im.mention_id = m.id WHERE m.article_id = ? ORDER BY m.position",
        [article_id],
    )
    return row, comments, outlet, mentions


def outlets(store: Store) -> list[tuple[Row, int]]:
    """Every outlet with its number of current articles, by domain."""
    rows = store.rows(
        "SELECT o.*, (SELECT COUNT(*) FROM articles a WHERE a.outlet_id = o.id AND a.superseded_by IS NULL)"
        " AS n_articles FROM outlets o ORDER BY o.domain"
    )
    return [(r, int(r["n_articles"])) for r in rows]


def outlet_labels(row: Row) -> list[dict]:
    """An outlet row's affiliation labels as dicts (label, source, note, affiliate)."""
    return [
        {"label": lab.label, "source": lab.source, "note": lab.note, "affiliate": lab.affiliate}
        for lab in row_to_outlet(row).labels
    ]


def facets(store: Store, f: Filters | None = None) -> dict[str, list[dict]]:
    """Counts of the incidents matching `f` (None: all) by type, country, grade, actor (either side) and
    outlet (incidents it reported), largest first; the page offers the unfiltered ones as filter choices."""
    clause, params = incident_where(f or Filters(), store.backend)
    matching = f"SELECT i.* FROM incidents i{clause}"

    def counts(column: str) -> list[dict]:
        sql = (
            f"SELECT {column} AS value, COUNT(*) AS n FROM ({matching}) f WHERE {column} IS NOT NULL"
            f" GROUP BY {column} ORDER BY n DESC, value"
        )
        return [{"value": r["value"], "count": int(r["n"])} for r in store.rows(sql, params)]

    actors = store.rows(
        f"SELECT value, SUM(n) AS n FROM (SELECT actor1 AS value, COUNT(*) AS n FROM ({matching}) f"
        f" GROUP BY actor1 UNION ALL SELECT actor2 AS value, COUNT(*) AS n FROM ({matching}) g"
        " WHERE actor2 IS NOT NULL GROUP BY actor2) t GROUP BY value ORDER BY n DESC, value LIMIT ?",
        [*params, *params, TOP_ACTORS],
    )
    # Incidents list their outlets' keys (casefolded domains) in outlets_json: counting those keys avoids
    # joining every incident to its mentions, articles and outlets (bench/api.py at 100,000 events: 2.8 s ->
    # a tenth of that).
    if store.backend == "postgresql":
        keys = "jsonb_array_elements_text(f.outlets_json::jsonb) k(value)"
    else:
        keys = "json_each(f.outlets_json) k"
    per_key = store.rows(
        f"SELECT k.value AS value, COUNT(*) AS n FROM ({matching}) f, {keys} GROUP BY k.value", params
    )
    stored = {r["domain"].casefold(): r for r in store.rows("SELECT domain, name FROM outlets")}
    outlet_rows = sorted(
        (
            {"value": stored[r["value"]]["domain"], "name": stored[r["value"]]["name"], "n": int(r["n"])}
            for r in per_key
            if r["value"] in stored
        ),
        key=lambda r: (-r["n"], r["value"]),
    )
    return {
        "type": counts("event_type"),
        "country": counts("country"),
        "grade": counts("grade"),
        "actor": [{"value": r["value"], "count": int(r["n"])} for r in actors],
        "outlet": [{"value": r["value"], "name": r["name"], "count": int(r["n"])} for r in outlet_rows],
    }
