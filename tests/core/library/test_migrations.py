"""A library of every schema version since the first upgrades to the latest, keeping what it held.

Each old library is built here by the migrations of its day (a migration, once released, is
never edited), then filled the way that version's schema allowed.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from reader.core.library import schema
from reader.core.library.search_index import matching_articles
from reader.core.library.store import Library


def old_library(path: Path, version: int) -> None:
    db = Database(sqlite3.connect(path, isolation_level=None))
    for migration in schema.MIGRATIONS[:version]:
        migration(db)
    db.execute(f"PRAGMA user_version = {version}")
    if version >= 1:
        stamp = "2026-01-01T00:00:00+00:00"
        db.execute(
            "INSERT INTO articles (id, content_hash, identity, title, authors, keywords, parser_version, added_at,"
            " updated_at) VALUES (1, 'h', 't|a|', '坚守初心的旧文章', '[\"甲\"]', '[\"初心\"]', 1, ?, ?)",
            [stamp, stamp],
        )
        db.execute(
            "INSERT INTO dumps (article_id, data) VALUES (1, ?)", ["坚守初心的旧文章\n一、初心\n正文。".encode()]
        )
        db.execute(
            "INSERT INTO sections (article_id, position, heading, level, body)"
            " VALUES (1, 0, '初心', 1, '不忘初心，方得始终。')"
        )
        db.execute(
            "INSERT INTO highlights (id, article_id, section_position, section_heading, start, end, quote, color,"
            " created_at, updated_at) VALUES (1, 1, 0, '初心', 0, 4, '不忘初心', 2, ?, ?)",
            [stamp, stamp],
        )
        db.execute(
            "INSERT INTO notes (kind, target_id, body, updated_at) VALUES ('article', 1, '我的心得', ?)", [stamp]
        )
        db.execute("INSERT INTO notes (kind, target_id, body, updated_at) VALUES ('highlight', 1, '批注', ?)", [stamp])
    db.conn.close()


@pytest.mark.parametrize("version", range(schema.LATEST))
def test_upgrade_keeps_everything(tmp_path: Path, version: int) -> None:
    path = tmp_path / "library.sqlite3"
    old_library(path, version)
    library = Library(path)
    assert library.migrated_from == version and schema.version(library.db) == schema.LATEST
    if version >= 1:
        assert [r["title"] for r in library.summaries()] == ["坚守初心的旧文章"]
        [h] = library.highlights(1)
        assert (h["quote"], h["color"], h["note"]) == ("不忘初心", 2, "批注")
        assert library.note("article", 1) == "我的心得"
        # libraries from before the index, or of its earlier format, get it built on opening
        if version < schema.INDEX_FORMAT_SINCE:
            assert matching_articles(library.db, "方得始终") == [1]
            assert matching_articles(library.db, "，方得") == [1]  # punctuation is indexed now
            assert matching_articles(library.db, "批注") == [1]
        meta = library.article_meta(1)
        assert (meta["doubts"], meta["corrected"]) == ([], [])  # nothing doubted, nothing corrected yet
    library.close()


def test_an_index_of_the_old_format_is_emptied_and_built_again(tmp_path: Path) -> None:
    """Version 5 indexed CJK bigrams as they are; none of its tokens may outlive the migration."""
    path = tmp_path / "library.sqlite3"
    old_library(path, schema.INDEX_FORMAT_SINCE - 1)
    db = Database(sqlite3.connect(path, isolation_level=None))
    db.execute("INSERT INTO search_rows (rowid, article_id, kind, field, text) VALUES (1, 1, 'article', 'body', 'x')")
    db.execute("INSERT INTO search_index (rowid, grams, chars) VALUES (1, '方得 得始 始终', '方 得 始 终')")
    db.conn.close()
    library = Library(path)
    assert library.db.execute("SELECT count(*) FROM search_index WHERE search_index MATCH '方得'").fetchone()[0] == 0
    assert matching_articles(library.db, "方得始终") == [1]
    assert library.db.execute("SELECT count(*) FROM search_rows WHERE text = 'x'").fetchone()[0] == 0
    library.close()
