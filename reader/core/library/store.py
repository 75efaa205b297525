"""The local library: one SQLite file through sqlite-utils, WAL on, schema migrated on open."""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..model import DOUBTS, PARSER_VERSION, Article, Section
from ..parse.document_text import DOCUMENT_KINDS
from . import listing, schema, search_index
from .anchors import context, locate, occurrence
from .annotations import Annotations
from .articles import article_meta, delete_parts, read_article, write_parts
from .courses import Courses
from .database import DB_NAME, connect, now, to_json, transaction
from .summary import ImportResult

__all__ = ["DB_NAME", "EDITABLE", "Library", "identity_of"]

EDITABLE = frozenset({"title", "authors", "source", "year", "keywords", "issue"})  # what the reader may correct


def identity_of(article: Article) -> str:
    """Title, first author and journal, normalised: two dumps of one article share it."""
    title = unicodedata.normalize("NFKC", article.title or "")
    title = re.sub(r"[\W_]+", "", title).lower()
    author = article.authors[0] if article.authors else ""
    return f"{title}|{author}|{article.source or ''}"


class Library(Annotations, Courses):
    """The facade of the library: all reads and writes go through here; nothing here knows of Qt.

    Highlights and notes come from ``Annotations``, courses and tags from ``Courses``; both work on
    the same ``Database``."""

    def __init__(self, path: str | os.PathLike[str] | None = None, read_only: bool = False) -> None:
        """Open (creating and migrating) the library at ``path``; ``None`` opens one in memory.

        ``read_only`` (a folder that cannot be written) opens it as it is: reads work, writes raise."""
        self.path: Path | None = None if path is None else Path(path)
        self.read_only = read_only
        db = connect(self.path, newest=schema.LATEST, read_only=read_only)
        Annotations.__init__(self, db)
        Courses.__init__(self, db)
        if read_only and schema.version(db) != schema.LATEST:
            db.conn.close()
            raise RuntimeError("the library needs upgrading, which a read-only folder does not allow")
        self.migrated_from = schema.migrate(self.db)
        self.closed = False
        if 0 < self.migrated_from < schema.INDEX_FORMAT_SINCE:
            search_index.reindex(self.db)

    @classmethod
    def in_folder(cls, data_dir: str | os.PathLike[str], read_only: bool = False) -> Library:
        return cls(Path(data_dir) / DB_NAME, read_only=read_only)

    def close(self) -> None:
        self.db.conn.close()
        self.closed = True

    # -- transactions -------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """A transaction, or a savepoint inside one: each file's import is atomic either way."""
        with transaction(self.db):
            yield

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
            existing = self._find_same(identity, source_path, article.encoding in DOCUMENT_KINDS)
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

    def _find_same(self, identity: str, source_path: str | None, document: bool = False) -> int | None:
        """The article a new dump corrects: one from the same file (whatever the new parse found in it),
        else one with the same title, author and journal; with neither author nor journal to tell two
        same-titled articles apart, only a dump from the same file counts. A PDF or Word file corrects
        only the article of the same file: a title read from its type sizes may be wrong, and two papers
        must never become one; nor does a dump ever replace a document's original bytes."""
        if source_path:
            row = self.db.execute(
                "SELECT id, encoding FROM articles WHERE source_path = ? ORDER BY id", [source_path]
            ).fetchone()
            if row and (row[1] in DOCUMENT_KINDS) == document:
                return row[0]
        if document:
            return None
        rows = self.db.execute(
            "SELECT id FROM articles WHERE identity = ? AND coalesce(encoding, '') NOT IN ('pdf', 'docx') ORDER BY id",
            [identity],
        ).fetchall()
        weak = identity.endswith("||")
        return rows[0][0] if rows and not weak else None

    def _insert(self, a: Article, data: bytes, digest: str, identity: str, name: str, path: str | None) -> int:
        stamp = now()
        cur = self.db.execute(
            "INSERT INTO articles (content_hash, identity, file_name, source_path, title, authors, source, year,"
            " issue, cited_by, uploader, doi, abstract, keywords, encoding, parser_version, added_at, updated_at,"
            " doubts, footnotes) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                digest,
                identity,
                name,
                path,
                a.title,
                to_json(a.authors),
                a.source,
                a.year,
                a.issue,
                a.cited_by,
                a.uploader,
                a.doi,
                a.abstract,
                to_json(a.keywords),
                a.encoding,
                PARSER_VERSION,
                stamp,
                stamp,
                to_json(a.doubts),
                to_json(a.footnotes),
            ],
        )
        article_id = cur.lastrowid
        assert article_id is not None
        self.db.execute("INSERT INTO dumps (article_id, data) VALUES (?, ?)", [article_id, data])
        write_parts(self.db, article_id, a)
        search_index.index_article(self.db, article_id, ("article",), article=a, new=True)
        return article_id

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
            "authors": to_json(a.authors),
            "source": a.source,
            "year": a.year,
            "issue": a.issue,
            "cited_by": a.cited_by,
            "uploader": a.uploader,
            "doi": a.doi,
            "abstract": a.abstract,
            "keywords": to_json(a.keywords),
            "encoding": a.encoding,
            "footnotes": to_json(a.footnotes),
            "parser_version": PARSER_VERSION,
            "updated_at": now(),
        }
        if digest is not None:
            fields.update(content_hash=digest, file_name=name, source_path=path)
        stored = article_meta(self.db, article_id) or {"corrected": []}
        corrected = set(stored["corrected"])
        for key in corrected & EDITABLE:  # what the reader corrected, a new parse never overwrites
            fields.pop(key, None)
            setattr(a, key, stored[key])
        fields["doubts"] = to_json(_open_doubts(a.doubts, corrected))
        sets = ", ".join(f"{k} = ?" for k in fields)
        self.db.execute(f"UPDATE articles SET {sets} WHERE id = ?", [*fields.values(), article_id])
        if data is not None:
            self.db.execute("UPDATE dumps SET data = ? WHERE article_id = ?", [data, article_id])
        rows = self.db.execute("SELECT position, body FROM sections WHERE article_id = ?", [article_id])
        old = {position: body for position, body in rows}
        delete_parts(self.db, article_id)
        write_parts(self.db, article_id, a)
        self._reanchor(article_id, a.sections, old)
        search_index.index_article(self.db, article_id, article=a)

    def _reanchor(self, article_id: int, sections: list[Section], old: dict[int, str]) -> None:
        """Place each highlight in the new text (``old``: each section's text before, by position)."""
        texts = ["\n".join(s.paragraphs) for s in sections]
        headings = [s.heading for s in sections]
        rows = self.db.execute(
            "SELECT id, section_position, section_heading, start, quote, prefix, suffix FROM highlights"
            " WHERE article_id = ?",
            [article_id],
        ).fetchall()
        for hid, pos, heading, start, quote, prefix, suffix in rows:
            nth = occurrence(old[pos], quote, start) if pos in old else None
            spot = locate(texts, headings, quote, prefix, suffix, pos, heading, start, nth)
            if spot is None:
                self.db.execute("UPDATE highlights SET orphaned = 1 WHERE id = ?", [hid])
                continue
            new_prefix, new_suffix = context(texts[spot.section], spot.start, spot.end)
            self.db.execute(
                "UPDATE highlights SET section_position = ?, section_heading = ?, start = ?, end = ?, quote = ?,"
                " prefix = ?, suffix = ?, orphaned = 0 WHERE id = ?",
                [
                    spot.section,
                    headings[spot.section],
                    spot.start,
                    spot.end,
                    texts[spot.section][spot.start : spot.end],
                    new_prefix,
                    new_suffix,
                    hid,
                ],
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

    def review(self, article_id: int) -> tuple[list[str], list[str]]:
        """(doubts, corrected) of an article: what the parser doubted, what the reader corrected."""
        meta = article_meta(self.db, article_id)
        return (meta["doubts"], meta["corrected"]) if meta else ([], [])

    def set_review(self, article_id: int, doubts: list[str], corrected: list[str]) -> None:
        """Put back (undo) or clear ("checked") what an article's review holds."""
        self.db.execute(
            "UPDATE articles SET doubts = ?, corrected = ? WHERE id = ?",
            [to_json(doubts), to_json(corrected), article_id],
        )

    def doubtful_count(self) -> int:
        """How many articles (not in the trash) still have a doubt of the parser's to check."""
        sql = "SELECT count(*) FROM articles WHERE deleted_at IS NULL AND doubts != '[]'"
        return self.db.execute(sql).fetchone()[0]

    def article_ids(self) -> list[int]:
        """Every article not in the trash, newest first."""
        return [
            r[0]
            for r in self.db.execute("SELECT id FROM articles WHERE deleted_at IS NULL ORDER BY added_at DESC, id DESC")
        ]

    def summaries(self) -> list[dict[str, Any]]:
        """Every article not in the trash, oldest first: the fields a list shows, without the text."""
        ids = listing.article_ids(self.db, listing.Filter(), "added_at", descending=False)
        rows = listing.rows(self.db, ids)
        return [rows[i] for i in ids]

    def list_ids(self, flt: listing.Filter | None = None, sort: str = "added_at", descending: bool = True) -> list[int]:
        """The ids a filtered, sorted list shows (the window's library list)."""
        return listing.article_ids(self.db, flt or listing.Filter(), sort, descending)

    def list_rows(self, ids: list[int]) -> dict[int, dict[str, Any]]:
        """The fields a list shows of these articles, without their text."""
        return listing.rows(self.db, ids)

    # -- the full-text index ------------------------------------------------

    def search(self, text: str, limit: int = 20) -> list[search_index.Hit]:
        """Hits for a query (words, "phrases", -exclusions, field: filters), best first."""
        return search_index.search(self.db, text, limit=limit)

    def section_headings(self, article_id: int) -> list[str]:
        """Each section's heading in order ('' for a section without one): names for search hits."""
        rows = self.db.execute(
            "SELECT heading FROM sections WHERE article_id = ? ORDER BY position", [article_id]
        ).fetchall()
        return [r[0] for r in rows]

    def matching_articles(self, text: str, exact: bool = True) -> list[int]:
        return search_index.matching_articles(self.db, text, exact=exact)

    def reindex(self, progress: Any = None) -> int:
        """Build the full-text index again; the number of articles indexed."""
        return search_index.reindex(self.db, progress)

    # -- backups (of a library in a folder) ----------------------------------

    def backup(self, keep: int | None = None) -> Path:
        """A checked copy in ``backups/`` of the library folder; the ``keep`` newest kept."""
        from . import backup  # above the facade: loaded when a backup is taken

        return backup.make_backup(self.db, self._folder(), keep=backup.KEEP if keep is None else keep)

    def backup_if_due(self) -> Path | None:
        """A backup when the newest is a day old (closing the window)."""
        from . import backup

        return backup.backup_if_due(self.db, self._folder())

    def _folder(self) -> Path:
        if self.path is None:
            raise ValueError("a library in memory has no folder to back up into")
        return self.path.parent

    def article(self, article_id: int) -> Article | None:
        return read_article(self.db, article_id)

    def article_meta(self, article_id: int) -> dict[str, Any] | None:
        return article_meta(self.db, article_id)

    def dump_bytes(self, article_id: int) -> bytes | None:
        row = self.db.execute("SELECT data FROM dumps WHERE article_id = ?", [article_id]).fetchone()
        return row[0] if row else None

    # -- editing ------------------------------------------------------------

    def update_metadata(self, article_id: int, **fields: Any) -> None:
        """Set fields of an article as the reader corrects them (``EDITABLE``, and ``status``). A corrected
        field loses its doubt and is kept through every later re-parse or re-import."""
        unknown = set(fields) - EDITABLE - {"status"}
        if unknown:
            raise ValueError(f"not editable: {', '.join(sorted(unknown))}")
        edited = set(fields) & EDITABLE
        for key in ("authors", "keywords"):
            if key in fields:
                fields[key] = to_json(list(fields[key]))
        if edited and (meta := article_meta(self.db, article_id)) is not None:
            corrected = sorted(set(meta["corrected"]) | edited)
            fields["corrected"] = to_json(corrected)
            fields["doubts"] = to_json(_open_doubts(meta["doubts"], corrected))
        fields["updated_at"] = now()
        sets = ", ".join(f"{k} = ?" for k in fields)
        with self.transaction():
            self.db.execute(f"UPDATE articles SET {sets} WHERE id = ?", [*fields.values(), article_id])
            search_index.index_article(self.db, article_id, ("article",))

    def delete_article(self, article_id: int) -> None:
        """Gone for good, with its highlights and notes."""
        with self.transaction():
            self.db.execute("DELETE FROM articles WHERE id = ?", [article_id])
            search_index.forget_article(self.db, article_id)

    def trash(self, article_ids: list[int]) -> None:
        """Delete in a way that can be undone: the articles leave every list but keep everything."""
        self.db.conn.executemany("UPDATE articles SET deleted_at = ? WHERE id = ?", [(now(), a) for a in article_ids])

    def restore(self, article_ids: list[int]) -> None:
        self.db.conn.executemany("UPDATE articles SET deleted_at = NULL WHERE id = ?", [(a,) for a in article_ids])

    def empty_trash(self) -> int:
        with self.transaction():
            for (article_id,) in self.db.execute("SELECT id FROM articles WHERE deleted_at IS NOT NULL").fetchall():
                search_index.forget_article(self.db, article_id)
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


def _parse(data: bytes, name: str) -> Article:
    """The parser loads when the first dump is stored, not when the library opens."""
    from ..parse.dump import parse_bytes

    return parse_bytes(data, name)


def _open_doubts(doubts: list[str], corrected: set[str] | list[str]) -> list[str]:
    """The doubts whose field the reader has not corrected."""
    return [d for d in doubts if DOUBTS.get(d) not in corrected]
