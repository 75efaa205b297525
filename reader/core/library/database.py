"""The library's SQLite connection: opening it, transactions that nest, timestamps and JSON columns.

The lowest module of the library: everything above takes the ``Database`` it opens.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database

DB_NAME = "library.sqlite3"
# (article_id, tag_id) of every tag an article carries, on itself or on one of its highlights: the
# one answer to "which articles have this tag", for the tag tree, the tag filter and `tag:` search.
TAGGED = (
    "SELECT article_id, tag_id FROM article_tags UNION"
    " SELECT h.article_id, ht.tag_id FROM highlight_tags ht JOIN highlights h ON h.id = ht.highlight_id"
)
BUSY_TIMEOUT_S = 10


class NewerLibrary(RuntimeError):
    """The library was written by a newer version: it is refused, and left as it was."""


def connect(path: str | os.PathLike[str] | None, newest: int | None = None, read_only: bool = False) -> Database:
    """Open the database file at ``path`` (WAL, NORMAL sync, 32 MiB cache), or one in memory for ``None``.

    A file whose schema version is above ``newest`` is refused before anything in it changes (not even
    its journal mode). ``read_only`` opens it without writing anything. Foreign keys are on; no
    sqlite-utils plugin runs on the library."""
    if path is None:
        conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    elif read_only:
        conn = _open_read_only(Path(path))
    else:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_S)
    from sqlite_utils import Database  # here, not above: the lock and the backups need none of it

    db = Database(conn, execute_plugins=False)
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if newest is not None and version > newest:
        conn.close()
        raise NewerLibrary(
            f"the library was written by a newer 研读 Reader (schema {version} > {newest}); it is left as it is"
        )
    if path is not None and not read_only:
        db.enable_wal()
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("PRAGMA cache_size = -32768")  # 32 MiB of pages
    db.execute("PRAGMA foreign_keys = ON")
    return db


def _open_read_only(path: Path) -> sqlite3.Connection:
    """The file opened without writing anything. A WAL-mode file in a folder that cannot be written has
    no shared-memory file to read with; when its WAL holds nothing, it is read as immutable."""
    uri = path.resolve().as_uri()
    options = {"isolation_level": None, "check_same_thread": False, "timeout": BUSY_TIMEOUT_S}
    conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, **options)
    try:
        conn.execute("PRAGMA user_version").fetchone()
        return conn
    except sqlite3.OperationalError:
        conn.close()
        wal = path.with_name(path.name + "-wal")
        if wal.exists() and wal.stat().st_size > 0:
            raise
    return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, **options)


@contextmanager
def transaction(db: Database) -> Iterator[None]:
    """A write transaction (``BEGIN IMMEDIATE``), or a savepoint when one is already open.

    Nested calls roll back only their own part on an error, so each file of a batch import is atomic.
    SQLite releases or rolls back to the most recent savepoint of a name, so one name serves every depth."""
    conn = db.conn
    outer = not conn.in_transaction
    conn.execute("BEGIN IMMEDIATE" if outer else "SAVEPOINT nested")
    try:
        yield
    except BaseException:
        if outer:
            conn.execute("ROLLBACK")
        else:
            conn.execute("ROLLBACK TO nested")
            conn.execute("RELEASE nested")
        raise
    conn.execute("COMMIT" if outer else "RELEASE nested")


def now() -> str:
    """The current UTC time as ISO 8601 to the second, as every ``*_at`` column holds it."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def to_json(value: Any) -> str:
    """A JSON column's text: lists of authors and keywords keep their Chinese readable."""
    return json.dumps(value, ensure_ascii=False)
