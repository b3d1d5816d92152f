"""The body of `Store.write_page`, run inside its transaction."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from frontwire.incidents.model import IncidentMember
from frontwire.records import Article, EventMention, Page
from frontwire.store import ids
from frontwire.store._incidents import detach_mentions, load_members, merge_members
from frontwire.store.rows import MENTION_COLUMNS, OUTLET_COLUMNS, dumps, iso_date, mention_row, outlet_row

if TYPE_CHECKING:
    from frontwire.store.base import Store, WriteResult


def _placeholders(n: int) -> str:
    return ", ".join("?" * n)


def _write_outlet(store: Store, article: Article) -> str | None:
    if article.outlet is None:
        return None
    oid = ids.outlet_id(article.outlet)
    row = outlet_row(oid, article.outlet)
    # A page that only gives the outlet's key as its name ("t.me/idlib_now" from a plain-text post)
    # keeps the name another page gave it ("Idlib Now").
    kept_name = "CASE WHEN excluded.name = excluded.domain THEN outlets.name ELSE excluded.name END"
    sets = ", ".join(
        f"{c} = {kept_name}" if c == "name" else f"{c} = excluded.{c}" for c in OUTLET_COLUMNS[1:]
    )
    differs = " OR ".join(f"outlets.{c} IS DISTINCT FROM excluded.{c}" for c in OUTLET_COLUMNS[1:])
    store._run(
        f"INSERT INTO outlets ({', '.join(OUTLET_COLUMNS)}) VALUES ({_placeholders(len(OUTLET_COLUMNS))})"
        f" ON CONFLICT (id) DO UPDATE SET {sets} WHERE {differs}",
        row,
    )
    return oid


def write_page(store: Store, page: Page, article: Article, mentions: Sequence[EventMention]) -> WriteResult:
    from frontwire.store.base import WriteResult, now

    doc_key = ids.document_key(page, article)
    page_id = ids.page_version_id(doc_key, page.content, mentions[0].coder if mentions else "")
    if store._rows("SELECT id FROM pages WHERE id = ?", (page_id,)):
        return WriteResult(page_id=page_id, status="unchanged")
    current = store._rows(
        "SELECT id, version FROM pages WHERE doc_key = ? AND superseded_by IS NULL", (doc_key,)
    )
    latest = store._rows("SELECT MAX(version) AS v FROM pages WHERE doc_key = ?", (doc_key,))
    version = int(latest[0]["v"] or 0) + 1
    outlet_id = _write_outlet(store, article)
    store._run(
        "INSERT INTO pages (id, doc_key, version, source, kind, url, page_ref, published, encoding, content,"
        " ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            page_id,
            doc_key,
            version,
            page.source,
            page.kind,
            page.url,
            page.id,
            iso_date(page.published),
            page.encoding,
            page.content,
            now(),
        ),
    )
    article_id = ids.article_id(page_id, article)
    store._run(
        "INSERT INTO articles (id, page_id, outlet_id, source, url, canonical_url, title, site_name,"
        " published, authors_json, captions_json, body, chrome_dropped, extractor) VALUES"
        f" ({_placeholders(14)})",
        (
            article_id,
            page_id,
            outlet_id,
            article.source,
            article.url,
            article.canonical_url,
            article.title,
            article.site_name,
            iso_date(article.published),
            dumps(article.authors),
            dumps(article.captions),
            article.body,
            article.chrome_dropped,
            article.extractor,
        ),
    )
    store._many(
        "INSERT INTO comments (id, article_id, position, author, published, text) VALUES (?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (id) DO NOTHING",
        [
            (ids.comment_id(article_id, i, c), article_id, i, c.author, c.published, c.text)
            for i, c in enumerate(article.comments)
        ],
    )
    members: list[IncidentMember] = []
    seen: set[str] = set()
    rows = []
    for position, mention in enumerate(mentions):
        mid = ids.mention_id(article_id, mention)
        if mid in seen:
            continue  # one row per event per article
        seen.add(mid)
        rows.append(mention_row(mid, article_id, page_id, position, mention))
        members.append(
            IncidentMember(
                id=mid, mention=mention, outlet=article.outlet, article_id=article_id, url=article.url
            )
        )
    store._many(
        f"INSERT INTO mentions ({', '.join(MENTION_COLUMNS)}) VALUES ({_placeholders(len(MENTION_COLUMNS))})",
        rows,
    )
    touched = merge_members(store, members)
    pending = [member.id for member in members]
    superseded = None
    if current:
        superseded = current[0]["id"]
        stamp = now()
        store._run(
            "UPDATE pages SET superseded_by = ?, superseded_at = ? WHERE id = ?", (page_id, stamp, superseded)
        )
        store._run("UPDATE articles SET superseded_by = ? WHERE page_id = ?", (page_id, superseded))
        old = [r["id"] for r in store._rows("SELECT id FROM mentions WHERE page_id = ?", (superseded,))]
        store._run("UPDATE mentions SET superseded_by = ? WHERE page_id = ?", (page_id, superseded))
        left = detach_mentions(store, old)
        touched |= left
        pending += [m.id for group in load_members(store, sorted(left)).values() for m in group]
    # The run regroups these mentions' neighbourhood in the canonical order when it ends; listed in this
    # transaction, they are still there for the next run if this one is killed first.
    store._many(
        "INSERT INTO regroup_pending (mention_id) VALUES (?) ON CONFLICT DO NOTHING",
        [(mid,) for mid in sorted(set(pending))],
    )
    return WriteResult(
        page_id=page_id,
        status="superseded" if superseded else "new",
        mentions=len(rows),
        incidents=tuple(sorted(touched)),
        superseded=superseded,
    )
