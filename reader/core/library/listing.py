"""The library as a list: which articles a filter keeps, in which order, and the fields a row shows."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .database import TAGGED

if TYPE_CHECKING:
    from sqlite_utils import Database

# Column key → the SQL that sorts by it.
COLUMNS: dict[str, str] = {
    "title": "a.title COLLATE NOCASE",
    "authors": "a.authors",
    "source": "a.source",
    "year": "a.year",
    "added_at": "a.added_at",
    "status": "a.status",
    "highlights": "(SELECT count(*) FROM highlights h WHERE h.article_id = a.id)",
    "notes": "(SELECT count(*) FROM notes n WHERE n.kind = 'article' AND n.target_id = a.id AND n.body != '')",
}


@dataclass(frozen=True)
class Filter:
    text: str = ""  # narrows by title, authors, source and keywords
    collection_id: int | None = None
    tag_id: int | None = None
    keyword: str | None = None
    only: tuple[int, ...] | None = None  # the articles a full-text search found
    doubtful: bool = False  # only the articles with a doubt of the parser's left to check


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def article_ids(db: Database, flt: Filter = Filter(), sort: str = "added_at", descending: bool = True) -> list[int]:
    """Ids of the articles the filter keeps, sorted; the only query a list of any size needs up front."""
    where = ["a.deleted_at IS NULL"]
    params: list[Any] = []
    for word in flt.text.split():
        where.append(
            "(a.title LIKE ? ESCAPE '\\' OR a.authors LIKE ? ESCAPE '\\' OR a.source LIKE ? ESCAPE '\\'"
            " OR a.keywords LIKE ? ESCAPE '\\')"
        )
        params += [_like(word)] * 4
    if flt.keyword:
        where.append("EXISTS (SELECT 1 FROM json_each(a.keywords) k WHERE k.value = ?)")
        params.append(flt.keyword)
    if flt.doubtful:
        where.append("a.doubts != '[]'")
    if flt.only is not None:
        where.append("a.id IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(list(flt.only)))
    if flt.collection_id is not None:
        where.append("a.id IN (SELECT article_id FROM collection_articles WHERE collection_id = ?)")
        params.append(flt.collection_id)
    if flt.tag_id is not None:
        where.append(f"a.id IN (SELECT article_id FROM ({TAGGED}) WHERE tag_id = ?)")
        params.append(flt.tag_id)
    direction = "DESC" if descending else "ASC"
    order = f"{COLUMNS[sort]} {direction}, a.id {direction}"
    sql = f"SELECT a.id FROM articles a WHERE {' AND '.join(where)} ORDER BY {order}"
    return [r[0] for r in db.execute(sql, params)]


def rows(db: Database, ids: list[int]) -> dict[int, dict[str, Any]]:
    """The fields a row shows, for just these ids (asked 500 at a time: SQLite limits bound values)."""
    out: dict[int, dict[str, Any]] = {}
    for k in range(0, len(ids), 500):
        part = ids[k : k + 500]
        sql = (
            "SELECT a.id, a.title, a.authors, a.source, a.year, a.added_at, a.status, a.file_name, "
            f"{COLUMNS['highlights']} AS highlights, {COLUMNS['notes']} AS notes"
            f" FROM articles a WHERE a.id IN ({','.join('?' * len(part))})"
        )
        for row in db.query(sql, part):
            row["authors"] = json.loads(row["authors"])
            out[row["id"]] = row
    return out
