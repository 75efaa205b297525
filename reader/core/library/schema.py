"""The library's schema, versioned in PRAGMA user_version; one small function per migration."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

_V1 = """
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,      -- sha256 of the dump's bytes
    identity TEXT NOT NULL,                 -- normalised title + first author: the same article again
    file_name TEXT,
    source_path TEXT,
    title TEXT NOT NULL,
    authors TEXT NOT NULL DEFAULT '[]',     -- JSON list
    source TEXT,
    year INTEGER,
    issue TEXT,
    cited_by INTEGER,
    uploader TEXT,
    doi TEXT,
    abstract TEXT,
    keywords TEXT NOT NULL DEFAULT '[]',    -- JSON list
    encoding TEXT,
    parser_version INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'unread' CHECK (status IN ('unread', 'reading', 'read')),
    added_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX articles_identity ON articles (identity);
CREATE INDEX articles_added ON articles (added_at);

-- The original bytes, so that a better parser can read every dump again.
CREATE TABLE dumps (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    data BLOB NOT NULL
);

CREATE TABLE sections (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    heading TEXT NOT NULL,                  -- '' for the lead before the first heading
    level INTEGER NOT NULL,
    body TEXT NOT NULL                      -- paragraphs joined by newlines
);
CREATE INDEX sections_article ON sections (article_id, position);

CREATE TABLE refs (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX refs_article ON refs (article_id, number);

CREATE TABLE related (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX related_article ON related (article_id, position);

CREATE TABLE collections (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);
CREATE TABLE collection_articles (
    collection_id INTEGER NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (collection_id, article_id)
);
CREATE INDEX collection_articles_article ON collection_articles (article_id);

CREATE TABLE tags (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
CREATE TABLE article_tags (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    PRIMARY KEY (article_id, tag_id)
);
CREATE INDEX article_tags_tag ON article_tags (tag_id);

-- A highlight is anchored by section + quote + the text around it, so that it
-- can be found again when a corrected dump replaces the article's text.
CREATE TABLE highlights (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    section_position INTEGER NOT NULL,
    section_heading TEXT NOT NULL,
    start INTEGER NOT NULL,                 -- character offsets in the section's body
    end INTEGER NOT NULL,
    quote TEXT NOT NULL,
    prefix TEXT NOT NULL DEFAULT '',
    suffix TEXT NOT NULL DEFAULT '',
    color INTEGER NOT NULL DEFAULT 0,
    orphaned INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX highlights_article ON highlights (article_id, section_position, start);
CREATE TABLE highlight_tags (
    highlight_id INTEGER NOT NULL REFERENCES highlights (id) ON DELETE CASCADE,
    tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    PRIMARY KEY (highlight_id, tag_id)
);

-- Markdown notes on an article, a highlight or a course (collection).
CREATE TABLE notes (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('article', 'highlight', 'collection')),
    target_id INTEGER NOT NULL,
    body TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    UNIQUE (kind, target_id)
);
CREATE TRIGGER notes_follow_articles AFTER DELETE ON articles BEGIN
    DELETE FROM notes WHERE kind = 'article' AND target_id = OLD.id;
END;
CREATE TRIGGER notes_follow_highlights AFTER DELETE ON highlights BEGIN
    DELETE FROM notes WHERE kind = 'highlight' AND target_id = OLD.id;
END;
CREATE TRIGGER notes_follow_collections AFTER DELETE ON collections BEGIN
    DELETE FROM notes WHERE kind = 'collection' AND target_id = OLD.id;
END;

CREATE TABLE reading_positions (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    updated_at TEXT NOT NULL
);
"""


def run_script(db: Database, script: str) -> None:
    """Run statements one by one: executescript would commit the migration's transaction."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement in a migration: {statement.strip()[:60]}")


def _v1(db: Database) -> None:
    run_script(db, _V1)


def _v2(db: Database) -> None:
    """Deleting moves an article to the trash first, so that the deletion can be undone."""
    run_script(
        db,
        """
        ALTER TABLE articles ADD COLUMN deleted_at TEXT;
        CREATE INDEX articles_live ON articles (deleted_at, added_at);
        """,
    )


def _v3(db: Database) -> None:
    """Preferences that travel with the library, such as what each highlight colour means."""
    run_script(db, "CREATE TABLE preferences (key TEXT PRIMARY KEY, value TEXT NOT NULL);")


def _v4(db: Database) -> None:
    """The full-text index (search_index.py); the library fills it after migrating."""
    from .search_index import SCHEMA

    run_script(db, SCHEMA)


def _v5(db: Database) -> None:
    """What the parser doubted (codes of reader.core.model.DOUBTS) and the fields the reader corrected,
    which a re-parse never overwrites; both JSON lists. The file a dump came from is looked up on every
    import (a re-import updates its article), so it is indexed."""
    run_script(
        db,
        """
        ALTER TABLE articles ADD COLUMN doubts TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE articles ADD COLUMN corrected TEXT NOT NULL DEFAULT '[]';
        CREATE INDEX articles_source_path ON articles (source_path);
        """,
    )


def _v6(db: Database) -> None:
    """The index spells every character, of any script, as bigrams and single characters
    (search_index.grams): the old index is emptied here and built again on opening."""
    run_script(
        db,
        """
        INSERT INTO search_index (search_index) VALUES ('delete-all');
        DELETE FROM search_rows;
        """,
    )


def _v7(db: Database) -> None:
    """A highlight across a section heading is stored as one highlight per section, linked: each later
    part holds the id of the first (``link``), so that it is exported, listed and undone as one."""
    run_script(db, "ALTER TABLE highlights ADD COLUMN link INTEGER;")


def _v8(db: Database) -> None:
    """A PDF's footnotes (收稿日期, 基金项目, 作者简介, ① notes), kept apart from its text: a JSON list."""
    run_script(db, "ALTER TABLE articles ADD COLUMN footnotes TEXT NOT NULL DEFAULT '[]';")


MIGRATIONS: list[Callable[[Database], None]] = [_v1, _v2, _v3, _v4, _v5, _v6, _v7, _v8]
SEARCH_SINCE = 4  # the index exists from this version on
INDEX_FORMAT_SINCE = 6  # a library migrated from before this has its index built on opening
LATEST = len(MIGRATIONS)


def version(db: Database) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def migrate(db: Database) -> int:
    """Bring the database to the latest version, one transaction per step; return the old version."""
    start = version(db)
    if start > LATEST:
        raise RuntimeError(f"library was written by a newer 研读 Reader (schema {start} > {LATEST})")
    for target in range(start + 1, LATEST + 1):
        conn = db.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[target - 1](db)
            conn.execute(f"PRAGMA user_version = {target}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return start
