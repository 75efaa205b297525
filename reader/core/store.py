"""The local library: one SQLite file through sqlite-utils, WAL on, schema migrated on open."""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from . import listing, schema, search
from .anchors import context, locate
from .annotations import Annotations, now
from .citations import link_citations
from .model import PARSER_VERSION, Article, Section

DB_NAME = "library.sqlite3"


def identity_of(article: Article) -> str:
    """Title, first author and journal, normalised: two dumps of one article share it."""
    title = unicodedata.normalize("NFKC", article.title or "")
    title = re.sub(r"[\W_]+", "", title).lower()
    author = article.authors[0] if article.authors else ""
    return f"{title}|{author}|{article.source or ''}"


@dataclass
class ImportResult:
    status: str  # imported, updated, duplicate, refused
    name: str
    article_id: int | None = None
    reason: str | None = None


@dataclass
class ImportSummary:
    imported: int = 0
    updated: int = 0
    duplicates: int = 0
    refused: list[tuple[str, str]] = field(default_factory=list)
    article_ids: list[int] = field(default_factory=list)
    cancelled: bool = False

    def add(self, result: ImportResult) -> None:
        if result.status == "refused":
            self.refused.append((result.name, result.reason or "refused"))
            return
        if result.status == "imported":
            self.imported += 1
        elif result.status == "updated":
            self.updated += 1
        else:
            self.duplicates += 1
        if result.article_id is not None:
            self.article_ids.append(result.article_id)

    @property
    def total(self) -> int:
        return self.imported + self.updated + self.duplicates + len(self.refused)


class Library(Annotations):
    """All reads and writes of the library go through here; nothing here knows of Qt."""

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        """Open (creating and migrating) the library at ``path``; ``None`` opens one in memory."""
        if path is None:
            conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
            self.path: Path | None = None
        else:
            self.path = Path(path)
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=10)
        self.db = Database(conn, execute_plugins=False)  # no third-party code runs on the library
        if self.path is not None:
            self.db.enable_wal()
            self.db.execute("PRAGMA synchronous = NORMAL")
            self.db.execute("PRAGMA cache_size = -32768")  # 32 MiB of pages
        self.db.execute("PRAGMA foreign_keys = ON")
        self.migrated_from = schema.migrate(self.db)
        self._depth = 0
        self.closed = False
        if self.migrated_from < schema.SEARCH_SINCE and self.migrated_from > 0:
            search.reindex(self)

    @classmethod
    def in_folder(cls, data_dir: str | os.PathLike[str]) -> Library:
        return cls(Path(data_dir) / DB_NAME)

    def close(self) -> None:
        self.db.conn.close()
        self.closed = True

    # -- transactions -------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """A transaction, or a savepoint inside one: each file's import is atomic either way."""
        conn = self.db.conn
        name = f"sp{self._depth}"
        conn.execute("BEGIN IMMEDIATE" if self._depth == 0 else f"SAVEPOINT {name}")
        self._depth += 1
        try:
            yield
        except BaseException:
            self._depth -= 1
            if self._depth == 0:
                conn.execute("ROLLBACK")
            else:
                conn.execute(f"ROLLBACK TO {name}")
                conn.execute(f"RELEASE {name}")
            raise
        else:
            self._depth -= 1
            conn.execute("COMMIT" if self._depth == 0 else f"RELEASE {name}")

    # -- import -------------------------------------------------------------

    def import_bytes(
        self,
        data: bytes,
        name: str = "",
        source_path: str | None = None,
        article: Article | None = None,
        digest: str | None = None,
    ) -> ImportResult:
        """Parse and store one dump atomically. ``article`` and ``digest`` may carry work done elsewhere."""
        digest = digest or hashlib.sha256(data).hexdigest()
        row = self.db.execute("SELECT id, deleted_at FROM articles WHERE content_hash = ?", [digest]).fetchone()
        if row and row[1] is not None:
            self.restore([row[0]])
            return ImportResult("imported", name, row[0])
        if row:
            return ImportResult("duplicate", name, row[0])
        if article is None:
            article = _parse(data, name)
        if article.error:
            return ImportResult("refused", name, reason=article.error)
        identity = identity_of(article)
        with self.transaction():
            existing = self._find_same(identity, source_path)
            if existing is None:
                article_id = self._insert(article, data, digest, identity, name, source_path)
                return ImportResult("imported", name, article_id)
            self._replace(existing, article, data, digest, identity, name, source_path)
            self.db.execute("UPDATE articles SET deleted_at = NULL WHERE id = ?", [existing])
            return ImportResult("updated", name, existing)

    def known_hashes(self, digests: list[str]) -> set[str]:
        """Which of these dump hashes the library holds already."""
        found: set[str] = set()
        for k in range(0, len(digests), 500):
            part = digests[k : k + 500]
            sql = f"SELECT content_hash FROM articles WHERE content_hash IN ({','.join('?' * len(part))})"
            found.update(r[0] for r in self.db.execute(sql, part))
        return found

    def _find_same(self, identity: str, source_path: str | None) -> int | None:
        """The article a new dump corrects: same title, author and journal; with neither author nor
        journal to tell two same-titled articles apart, only a dump from the same file counts."""
        rows = self.db.execute(
            "SELECT id, source_path FROM articles WHERE identity = ? ORDER BY id", [identity]
        ).fetchall()
        for article_id, path in rows:
            if source_path and path == source_path:
                return article_id
        weak = identity.endswith("||")
        return rows[0][0] if rows and not weak else None

    def _insert(self, a: Article, data: bytes, digest: str, identity: str, name: str, path: str | None) -> int:
        stamp = now()
        cur = self.db.execute(
            "INSERT INTO articles (content_hash, identity, file_name, source_path, title, authors, source, year,"
            " issue, cited_by, uploader, doi, abstract, keywords, encoding, parser_version, added_at, updated_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                digest,
                identity,
                name,
                path,
                a.title,
                _j(a.authors),
                a.source,
                a.year,
                a.issue,
                a.cited_by,
                a.uploader,
                a.doi,
                a.abstract,
                _j(a.keywords),
                a.encoding,
                PARSER_VERSION,
                stamp,
                stamp,
            ],
        )
        article_id = cur.lastrowid
        assert article_id is not None
        self.db.execute("INSERT INTO dumps (article_id, data) VALUES (?, ?)", [article_id, data])
        self._write_parts(article_id, a)
        search.index_article(self, article_id, ("article",), article=a, new=True)
        return article_id

    def _write_parts(self, article_id: int, a: Article) -> None:
        conn = self.db.conn
        conn.executemany(
            "INSERT INTO sections (article_id, position, heading, level, body) VALUES (?,?,?,?,?)",
            [(article_id, i, s.heading, s.level, "\n".join(s.paragraphs)) for i, s in enumerate(a.sections)],
        )
        conn.executemany(
            "INSERT INTO refs (article_id, number, text) VALUES (?,?,?)",
            [(article_id, i, text) for i, text in enumerate(a.references, start=1)],
        )
        conn.executemany(
            "INSERT INTO related (article_id, position, text) VALUES (?,?,?)",
            [(article_id, i, text) for i, text in enumerate(a.related)],
        )

    def _replace(
        self,
        article_id: int,
        a: Article,
        data: bytes | None,
        digest: str | None,
        identity: str,
        name: str | None,
        path: str | None,
    ) -> None:
        """New text for an existing article: its highlights are anchored again, its notes kept."""
        fields: dict[str, Any] = {
            "identity": identity,
            "title": a.title,
            "authors": _j(a.authors),
            "source": a.source,
            "year": a.year,
            "issue": a.issue,
            "cited_by": a.cited_by,
            "uploader": a.uploader,
            "doi": a.doi,
            "abstract": a.abstract,
            "keywords": _j(a.keywords),
            "encoding": a.encoding,
            "parser_version": PARSER_VERSION,
            "updated_at": now(),
        }
        if digest is not None:
            fields.update(content_hash=digest, file_name=name, source_path=path)
        sets = ", ".join(f"{k} = ?" for k in fields)
        self.db.execute(f"UPDATE articles SET {sets} WHERE id = ?", [*fields.values(), article_id])
        if data is not None:
            self.db.execute("UPDATE dumps SET data = ? WHERE article_id = ?", [data, article_id])
        for table in ("sections", "refs", "related"):
            self.db.execute(f"DELETE FROM {table} WHERE article_id = ?", [article_id])
        self._write_parts(article_id, a)
        self._reanchor(article_id, a.sections)
        search.index_article(self, article_id, article=a)

    def _reanchor(self, article_id: int, sections: list[Section]) -> None:
        texts = ["\n".join(s.paragraphs) for s in sections]
        headings = [s.heading for s in sections]
        rows = self.db.execute(
            "SELECT id, section_position, section_heading, start, quote, prefix, suffix FROM highlights"
            " WHERE article_id = ?",
            [article_id],
        ).fetchall()
        for hid, pos, heading, start, quote, prefix, suffix in rows:
            spot = locate(texts, headings, quote, prefix, suffix, pos, heading, start)
            if spot is None:
                self.db.execute("UPDATE highlights SET orphaned = 1 WHERE id = ?", [hid])
                continue
            new_prefix, new_suffix = context(texts[spot.section], spot.start, spot.end)
            self.db.execute(
                "UPDATE highlights SET section_position = ?, section_heading = ?, start = ?, end = ?, prefix = ?,"
                " suffix = ?, orphaned = 0 WHERE id = ?",
                [spot.section, headings[spot.section], spot.start, spot.end, new_prefix, new_suffix, hid],
            )

    def reparse(self, progress: Any = None) -> dict[str, int]:
        """Parse every kept dump again with this parser; articles keep their ids, highlights and notes."""
        counts = {"reparsed": 0, "failed": 0}
        ids = [r[0] for r in self.db.execute("SELECT article_id FROM dumps ORDER BY article_id").fetchall()]
        for n, article_id in enumerate(ids, start=1):
            data, name = self.db.execute(
                "SELECT d.data, a.file_name FROM dumps d JOIN articles a ON a.id = d.article_id WHERE d.article_id = ?",
                [article_id],
            ).fetchone()
            article = _parse(data, name or "")
            if article.error:
                counts["failed"] += 1
            else:
                with self.transaction():
                    self._replace(article_id, article, None, None, identity_of(article), None, None)
                counts["reparsed"] += 1
            if progress:
                progress(n, len(ids))
        return counts

    # -- reading ------------------------------------------------------------

    def count(self) -> int:
        return self.db.execute("SELECT count(*) FROM articles WHERE deleted_at IS NULL").fetchone()[0]

    def article_ids(self) -> list[int]:
        """Every article not in the trash, newest first."""
        return [
            r[0]
            for r in self.db.execute("SELECT id FROM articles WHERE deleted_at IS NULL ORDER BY added_at DESC, id DESC")
        ]

    def summaries(self) -> list[dict[str, Any]]:
        """Every article not in the trash, oldest first: the fields a list shows, without the text."""
        ids = listing.article_ids(self, listing.Filter(), "added_at", descending=False)
        rows = listing.rows(self, ids)
        return [rows[i] for i in ids]

    def article(self, article_id: int) -> Article | None:
        row = self.db.execute(
            "SELECT title, authors, source, year, issue, cited_by, uploader, doi, abstract, keywords, encoding"
            " FROM articles WHERE id = ?",
            [article_id],
        ).fetchone()
        if row is None:
            return None
        sections = [
            Section(h, lvl, body.split("\n") if body else [])
            for h, lvl, body in self.db.execute(
                "SELECT heading, level, body FROM sections WHERE article_id = ? ORDER BY position", [article_id]
            )
        ]
        refs = [
            r[0] for r in self.db.execute("SELECT text FROM refs WHERE article_id = ? ORDER BY number", [article_id])
        ]
        related = [
            r[0]
            for r in self.db.execute("SELECT text FROM related WHERE article_id = ? ORDER BY position", [article_id])
        ]
        a = Article(
            title=row[0],
            authors=json.loads(row[1]),
            source=row[2],
            year=row[3],
            issue=row[4],
            cited_by=row[5],
            uploader=row[6],
            doi=row[7],
            abstract=row[8],
            keywords=json.loads(row[9]),
            sections=sections,
            references=refs,
            related=related,
            encoding=row[10],
        )
        a.citations = link_citations(sections, len(refs))
        return a

    def article_meta(self, article_id: int) -> dict[str, Any] | None:
        rows = list(self.db.query("SELECT * FROM articles WHERE id = ?", [article_id]))
        if not rows:
            return None
        row = rows[0]
        row["authors"], row["keywords"] = json.loads(row["authors"]), json.loads(row["keywords"])
        return row

    def dump_bytes(self, article_id: int) -> bytes | None:
        row = self.db.execute("SELECT data FROM dumps WHERE article_id = ?", [article_id]).fetchone()
        return row[0] if row else None

    # -- editing ------------------------------------------------------------

    def update_metadata(self, article_id: int, **fields: Any) -> None:
        allowed = {"title", "authors", "source", "year", "keywords", "issue", "status"}
        unknown = set(fields) - allowed
        if unknown:
            raise ValueError(f"not editable: {', '.join(sorted(unknown))}")
        for key in ("authors", "keywords"):
            if key in fields:
                fields[key] = _j(list(fields[key]))
        fields["updated_at"] = now()
        sets = ", ".join(f"{k} = ?" for k in fields)
        with self.transaction():
            self.db.execute(f"UPDATE articles SET {sets} WHERE id = ?", [*fields.values(), article_id])
            search.index_article(self, article_id, ("article",))

    def delete_article(self, article_id: int) -> None:
        """Gone for good, with its highlights and notes."""
        with self.transaction():
            self.db.execute("DELETE FROM articles WHERE id = ?", [article_id])
            search.forget_article(self, article_id)

    def trash(self, article_ids: list[int]) -> None:
        """Delete in a way that can be undone: the articles leave every list but keep everything."""
        self.db.conn.executemany("UPDATE articles SET deleted_at = ? WHERE id = ?", [(now(), a) for a in article_ids])

    def restore(self, article_ids: list[int]) -> None:
        self.db.conn.executemany("UPDATE articles SET deleted_at = NULL WHERE id = ?", [(a,) for a in article_ids])

    def empty_trash(self) -> int:
        with self.transaction():
            for (article_id,) in self.db.execute("SELECT id FROM articles WHERE deleted_at IS NOT NULL").fetchall():
                search.forget_article(self, article_id)
            return self.db.execute("DELETE FROM articles WHERE deleted_at IS NOT NULL").rowcount

    def set_position(self, article_id: int, position: int) -> None:
        self.db.execute(
            "INSERT INTO reading_positions (article_id, position, updated_at) VALUES (?, ?, ?)"
            " ON CONFLICT (article_id) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at",
            [article_id, position, now()],
        )

    def position(self, article_id: int) -> int:
        row = self.db.execute("SELECT position FROM reading_positions WHERE article_id = ?", [article_id]).fetchone()
        return row[0] if row else 0

    # -- courses and tags ---------------------------------------------------

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
        with self.transaction():
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
        name = name.strip()
        row = self.db.execute("SELECT id FROM tags WHERE name = ?", [name]).fetchone()
        if row or not create:
            return row[0] if row else None
        cur = self.db.execute("INSERT INTO tags (name) VALUES (?)", [name])
        return cur.lastrowid

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
                " LEFT JOIN article_tags x ON x.tag_id = t.id GROUP BY t.id ORDER BY t.name"
            )
        )


def _parse(data: bytes, name: str) -> Article:
    """The parser loads when the first dump is stored, not when the library opens."""
    from .parser import parse_bytes

    return parse_bytes(data, name)


def _j(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
