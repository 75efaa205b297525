"""Courses (collections of articles, in order) and tags: how a reader files the library."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from .database import TAGGED, now, transaction


def tag_id(db: Database, name: str, create: bool = True) -> int | None:
    """The id of the tag ``name`` (trimmed), made when missing unless ``create`` is false."""
    name = name.strip()
    row = db.execute("SELECT id FROM tags WHERE name = ?", [name]).fetchone()
    if row or not create:
        return row[0] if row else None
    cur = db.execute("INSERT INTO tags (name) VALUES (?)", [name])
    return cur.lastrowid


class Courses:
    """Courses and tags of articles, over a ``Database``; part of the ``Library`` facade."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def create_collection(self, name: str) -> int:
        cur = self.db.execute("INSERT INTO collections (name, created_at) VALUES (?, ?)", [name.strip(), now()])
        assert cur.lastrowid is not None
        return cur.lastrowid

    def rename_collection(self, collection_id: int, name: str) -> None:
        self.db.execute("UPDATE collections SET name = ? WHERE id = ?", [name.strip(), collection_id])

    def delete_collection(self, collection_id: int) -> None:
        self.db.execute("DELETE FROM collections WHERE id = ?", [collection_id])

    def collections(self) -> list[dict[str, Any]]:
        return list(
            self.db.query(
                "SELECT c.id, c.name, count(ca.article_id) AS articles FROM collections c"
                " LEFT JOIN collection_articles ca ON ca.collection_id = c.id GROUP BY c.id ORDER BY c.name"
            )
        )

    def collection_id(self, name: str) -> int | None:
        row = self.db.execute("SELECT id FROM collections WHERE name = ?", [name]).fetchone()
        return row[0] if row else None

    def add_to_collection(self, collection_id: int, article_ids: list[int]) -> None:
        with transaction(self.db):
            self.db.conn.executemany(
                "INSERT OR IGNORE INTO collection_articles (collection_id, article_id, position)"
                " VALUES (?, ?, (SELECT coalesce(max(position), 0) + 1 FROM collection_articles"
                " WHERE collection_id = ?))",
                [(collection_id, a, collection_id) for a in article_ids],
            )

    def remove_from_collection(self, collection_id: int, article_ids: list[int]) -> None:
        self.db.conn.executemany(
            "DELETE FROM collection_articles WHERE collection_id = ? AND article_id = ?",
            [(collection_id, a) for a in article_ids],
        )

    def article_collections(self, article_id: int) -> list[dict[str, Any]]:
        """The courses an article is in (id, name), by name."""
        return list(
            self.db.query(
                "SELECT c.id, c.name FROM collections c JOIN collection_articles x ON x.collection_id = c.id"
                " WHERE x.article_id = ? ORDER BY c.name",
                [article_id],
            )
        )

    def collection_articles(self, collection_id: int) -> list[int]:
        return [
            r[0]
            for r in self.db.execute(
                "SELECT article_id FROM collection_articles WHERE collection_id = ? ORDER BY position", [collection_id]
            )
        ]

    def tag_id(self, name: str, create: bool = True) -> int | None:
        return tag_id(self.db, name, create)

    def rename_tag(self, tag_id: int, name: str) -> None:
        self.db.execute("UPDATE tags SET name = ? WHERE id = ?", [name.strip(), tag_id])

    def delete_tag(self, tag_id: int) -> None:
        self.db.execute("DELETE FROM tags WHERE id = ?", [tag_id])

    def tag_articles(self, tag_id: int, article_ids: list[int]) -> None:
        self.db.conn.executemany(
            "INSERT OR IGNORE INTO article_tags (article_id, tag_id) VALUES (?, ?)", [(a, tag_id) for a in article_ids]
        )

    def tag_article(self, article_id: int, name: str) -> None:
        tag = self.tag_id(name)
        self.db.execute("INSERT OR IGNORE INTO article_tags (article_id, tag_id) VALUES (?, ?)", [article_id, tag])

    def untag_article(self, article_id: int, name: str) -> None:
        tag = self.tag_id(name, create=False)
        if tag is not None:
            self.db.execute("DELETE FROM article_tags WHERE article_id = ? AND tag_id = ?", [article_id, tag])

    def article_tags(self, article_id: int) -> list[str]:
        return [
            r[0]
            for r in self.db.execute(
                "SELECT t.name FROM tags t JOIN article_tags x ON x.tag_id = t.id"
                " WHERE x.article_id = ? ORDER BY t.name",
                [article_id],
            )
        ]

    def tags(self) -> list[dict[str, Any]]:
        return list(
            self.db.query(
                "SELECT t.id, t.name, count(x.article_id) AS articles FROM tags t"
                f" LEFT JOIN ({TAGGED}) x ON x.tag_id = t.id GROUP BY t.id ORDER BY t.name"
            )
        )
