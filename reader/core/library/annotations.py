"""Highlights, their colours' meanings, and notes: the part of the library a reader writes."""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from . import search_index
from .anchors import context
from .courses import tag_id
from .database import now, transaction


class Annotations:
    """Highlights, colour meanings and notes over a ``Database``; part of the ``Library`` facade."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def add_highlight(
        self, article_id: int, section: int, start: int, end: int, color: int = 0, link: int | None = None
    ) -> int:
        """A highlight in one section's text; ``link`` is the first part's id when it continues one
        begun in an earlier section (a selection across a heading)."""
        row = self.db.execute(
            "SELECT heading, body FROM sections WHERE article_id = ? AND position = ?", [article_id, section]
        ).fetchone()
        if row is None or not (0 <= start < end <= len(row[1])):
            raise ValueError("highlight outside the article's text")
        heading, body = row
        prefix, suffix = context(body, start, end)
        stamp = now()
        with transaction(self.db):
            cur = self.db.execute(
                "INSERT INTO highlights (article_id, section_position, section_heading, start, end, quote, prefix,"
                " suffix, color, created_at, updated_at, link) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                [article_id, section, heading, start, end, body[start:end], prefix, suffix, color, stamp, stamp, link],
            )
            search_index.index_article(self.db, article_id, ("highlight",))
        assert cur.lastrowid is not None
        return cur.lastrowid

    # The five highlight colours and what they mean; the meanings are the reader's to rename.
    DEFAULT_MEANINGS = ("重点", "疑问", "金句", "联系实际", "其他")

    def color_meanings(self) -> list[str]:
        row = self.db.execute("SELECT value FROM preferences WHERE key = 'highlight_meanings'").fetchone()
        meanings = json.loads(row[0]) if row else []
        return [*meanings, *self.DEFAULT_MEANINGS[len(meanings) :]][: len(self.DEFAULT_MEANINGS)]

    def set_color_meanings(self, meanings: list[str]) -> None:
        self.db.execute(
            "INSERT INTO preferences (key, value) VALUES ('highlight_meanings', ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [
                json.dumps(
                    [m.strip() or d for m, d in zip(meanings, self.DEFAULT_MEANINGS, strict=False)], ensure_ascii=False
                )
            ],
        )

    def highlight(self, highlight_id: int) -> dict[str, Any] | None:
        rows = list(self.db.query("SELECT * FROM highlights WHERE id = ?", [highlight_id]))
        return rows[0] if rows else None

    def linked_highlights(self, highlight_id: int) -> list[int]:
        """The ids of the whole highlight ``highlight_id`` belongs to (one part per section it spans),
        the first part first; just ``[highlight_id]`` for a highlight within one section."""
        row = self.db.execute("SELECT coalesce(link, id) FROM highlights WHERE id = ?", [highlight_id]).fetchone()
        if row is None:
            return []
        sql = "SELECT id FROM highlights WHERE id = ? OR link = ? ORDER BY link IS NOT NULL, section_position, id"
        return [r[0] for r in self.db.execute(sql, [row[0], row[0]])]

    def recolor_highlight(self, highlight_id: int, color: int) -> None:
        """Recolour a highlight, all its parts if it spans sections."""
        ids = self.linked_highlights(highlight_id) or [highlight_id]
        sql = f"UPDATE highlights SET color = ?, updated_at = ? WHERE id IN ({','.join('?' * len(ids))})"
        self.db.execute(sql, [color, now(), *ids])

    def delete_highlight(self, highlight_id: int) -> dict[str, Any] | None:
        """Remove a highlight; return all it had (row, note, tags) so that it can be put back."""
        row = self.highlight(highlight_id)
        if row is None:
            return None
        saved = {"row": row, "note": self.note("highlight", highlight_id), "tags": self.highlight_tags(highlight_id)}
        with transaction(self.db):
            self.db.execute("DELETE FROM highlights WHERE id = ?", [highlight_id])
            search_index.index_article(self.db, row["article_id"], ("highlight",))
        return saved

    def restore_highlight(self, saved: dict[str, Any]) -> int:
        row = saved["row"]
        with transaction(self.db):
            self.db.execute(
                f"INSERT INTO highlights ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})", list(row.values())
            )
            if saved["note"]:
                self.set_note("highlight", row["id"], saved["note"])
            self.set_highlight_tags(row["id"], saved["tags"])
            search_index.index_article(self.db, row["article_id"], ("highlight",))
        return row["id"]

    def highlight_tags(self, highlight_id: int) -> list[str]:
        return [
            r[0]
            for r in self.db.execute(
                "SELECT t.name FROM tags t JOIN highlight_tags x ON x.tag_id = t.id WHERE x.highlight_id = ?"
                " ORDER BY t.name",
                [highlight_id],
            )
        ]

    def set_highlight_tags(self, highlight_id: int, names: list[str]) -> None:
        self.db.execute("DELETE FROM highlight_tags WHERE highlight_id = ?", [highlight_id])
        for name in dict.fromkeys(n.strip() for n in names if n.strip()):
            self.db.execute(
                "INSERT OR IGNORE INTO highlight_tags (highlight_id, tag_id) VALUES (?, ?)",
                [highlight_id, tag_id(self.db, name)],
            )

    def highlights(self, article_id: int) -> list[dict[str, Any]]:
        return list(
            self.db.query(
                "SELECT h.*, coalesce(n.body, '') AS note FROM highlights h LEFT JOIN notes n"
                " ON n.kind = 'highlight' AND n.target_id = h.id WHERE h.article_id = ?"
                " ORDER BY h.orphaned, h.section_position, h.start",
                [article_id],
            )
        )

    def set_note(self, kind: str, target_id: int, body: str) -> None:
        if kind == "highlight" and self.highlight(target_id) is None:
            return  # its highlight was deleted: a late save must not pass its note to a new one
        with transaction(self.db):
            self.db.execute(
                "INSERT INTO notes (kind, target_id, body, updated_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (kind, target_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
                [kind, target_id, body, now()],
            )
            if kind == "article":
                search_index.index_article(self.db, target_id, ("note",))
            elif kind == "highlight" and (h := self.highlight(target_id)) is not None:
                search_index.index_article(self.db, h["article_id"], ("highlight",))

    def note(self, kind: str, target_id: int) -> str:
        row = self.db.execute("SELECT body FROM notes WHERE kind = ? AND target_id = ?", [kind, target_id]).fetchone()
        return row[0] if row else ""
