"""Backups of the library: SQLite's online backup, rotated; checking a library and restoring one.

Nothing here leaves a half-written file under a name that counts: a backup is written under a
temporary name, checked, then given its name; a restore copies the backup under a temporary name
and renames it over the library, after the replaced library (with its WAL) is kept under a name
that nothing overwrites.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sqlite3
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from .. import files
from . import schema
from .database import DB_NAME

if TYPE_CHECKING:
    from sqlite_utils import Database

KEEP = 7
FOLDER = "backups"
EMPTY = "an empty file"
NO_SCHEMA = "no library schema in it"
STALE_PARTIAL_S = 3600  # a temporary file this old is what a killed backup left


def backup_folder(data_dir: Path) -> Path:
    return data_dir / FOLDER


def backups(data_dir: Path) -> list[Path]:
    """Backup files, newest first, healthy or not (``problem`` tells)."""
    return sorted(backup_folder(data_dir).glob("library-*.sqlite3"), reverse=True)


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


@functools.cache
def _tables_of(version: int) -> frozenset[str]:
    """The tables a library of schema ``version`` holds, made by the migrations of that version."""
    from sqlite_utils import Database

    db = Database(sqlite3.connect(":memory:", isolation_level=None))
    for migration in schema.MIGRATIONS[:version]:
        migration(db)
    names = frozenset(r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'"))
    db.conn.close()
    return names


def problem(path: Path, newer_ok: bool = False) -> str | None:
    """Why the file at ``path`` is not a whole library (None: it is one).

    Whole means: it opens, passes SQLite's quick_check, has a schema version this Reader knows (or a
    newer one, with ``newer_ok``) and the tables of that version."""
    try:
        if path.stat().st_size == 0:
            return EMPTY
        conn = _read_only(path)
        try:
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
    except (OSError, sqlite3.DatabaseError) as exc:
        return f"it cannot be read as a database ({exc})"
    if check != "ok":
        return f"it is damaged ({check})"
    if version < 1:
        return NO_SCHEMA
    if version > schema.LATEST:
        return None if newer_ok else f"it was written by a newer 研读 Reader (schema {version} > {schema.LATEST})"
    missing = _tables_of(version) - tables
    return f"tables missing: {', '.join(sorted(missing))}" if missing else None


def library_problem(data_dir: Path) -> str | None:
    """Why the library in ``data_dir`` should not be opened as it is (None: open it).

    No file yet is a new library. An empty or schema-less file is one only while there is no healthy
    backup to offer instead. A library from a newer Reader is not damaged: opening it says so."""
    path = data_dir / DB_NAME
    if not path.exists():
        return None
    reason = problem(path, newer_ok=True)
    if reason in (EMPTY, NO_SCHEMA) and newest_good(data_dir) is None:
        return None
    return reason


def is_healthy(path: Path) -> bool:
    """Whether ``path`` holds a whole library (see ``problem``)."""
    return problem(path) is None


def newest_good(data_dir: Path) -> Path | None:
    """The newest backup that passes its check now (the one offered for a restore is read again)."""
    return next((b for b in backups(data_dir) if problem(b) is None), None)


def _copy_database(read: sqlite3.Connection, target: Path) -> None:
    """The database ``read`` is open on, copied page by page into the new file ``target``, and flushed.

    The copy is in rollback-journal mode: one file, with nothing beside it to lose."""
    out = sqlite3.connect(target)
    try:
        read.backup(out)
        out.execute("PRAGMA journal_mode = DELETE")
    finally:
        out.close()
    files.fsync_file(target)


def make_backup(db: Database, data_dir: Path, keep: int = KEEP) -> Path:
    """Copy the open library with SQLite's backup API (consistent even while it is in use); keep ``keep``.

    The copy gets its name only once it is whole and checked; a failure (a full disk) leaves no file."""
    folder = backup_folder(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    base = folder / f"library-{datetime.now(UTC).strftime('%Y%m%d-%H%M%S-%f')}"
    temp = files.temporary_name(base)
    try:
        _copy_database(db.conn, temp)
        reason = problem(temp)
        if reason is not None:
            raise OSError(f"the backup came out unusable: {reason}")
        os.chmod(temp, files.new_file_mode())  # not owner-only, as mkstemp made it
        target = files.keep_as(temp, files.numbered(base, ".sqlite3"))
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()
    rotate(data_dir, keep)
    return target


def rotate(data_dir: Path, keep: int = KEEP) -> None:
    """Keep the ``keep`` newest backups; clear what killed backups left long ago.

    A backup gets its name only once it is whole and checked, so the names are trusted here: no
    backup is read (``quick_check`` reads a whole file, and closing the window rotates)."""
    for path in backups(data_dir)[keep:]:
        path.unlink(missing_ok=True)
    for partial in backup_folder(data_dir).glob(f".library-*{files.PARTIAL}"):
        with contextlib.suppress(OSError):
            if time.time() - partial.stat().st_mtime > STALE_PARTIAL_S:
                partial.unlink()


def backup_if_due(db: Database, data_dir: Path, every: timedelta = timedelta(days=1)) -> Path | None:
    """A backup when the newest is older than ``every`` (or there is none); names are trusted, so
    only the new copy is checked."""
    newest = next(iter(backups(data_dir)), None)
    if newest is not None:
        age = datetime.now(UTC) - datetime.fromtimestamp(newest.stat().st_mtime, UTC)
        if age < every:
            return None
    return make_backup(db, data_dir)


def restore(data_dir: Path, source: Path) -> Path | None:
    """Put a backup in place of the library; the replaced library is kept beside it, renamed (returned).

    The caller holds the library lock. The backup is copied under a temporary name and checked, the
    replaced library is checkpointed and kept (its WAL with it) under a new name, and only then does
    the copy take the library's name, in one rename: killed at any moment, the folder holds either
    the old library or the restored one, never a torn or empty file, and nothing is overwritten."""
    reason = problem(source)
    if reason is not None:
        raise ValueError(f"{source} is not a healthy backup: {reason}")
    current = data_dir / DB_NAME
    data_dir.mkdir(parents=True, exist_ok=True)
    for stale in data_dir.glob(f".{DB_NAME}.*{files.PARTIAL}"):  # a killed restore's (we hold the lock)
        stale.unlink(missing_ok=True)
    temp = files.temporary_name(current)
    try:
        read = _read_only(source)
        try:
            _copy_database(read, temp)
        finally:
            read.close()
        reason = problem(temp)
        if reason is not None:
            raise OSError(f"the copy of {source} came out unusable: {reason}")
        files.give_mode(temp, current)  # the restored library reads as the replaced one did
        kept = _keep_replaced(current)
        os.replace(temp, current)
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()
    files.fsync_folder(data_dir)
    return kept


def _checkpoint(path: Path) -> None:
    """Move what the WAL holds into the database file, where it can (a damaged file cannot)."""
    with contextlib.suppress(sqlite3.Error):
        conn = sqlite3.connect(path, timeout=1)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()


def _kept_names(current: Path) -> Iterator[Path]:
    """``library.sqlite3.replaced-<time>``, numbered when taken; its ``-wal`` name free too."""
    base = current.with_name(f"{current.name}.replaced-{datetime.now(UTC).strftime('%Y%m%d-%H%M%S')}")
    for name in files.numbered(base):
        if not name.with_name(name.name + "-wal").exists():
            yield name


def _keep_replaced(current: Path) -> Path | None:
    """Keep the library about to be replaced under a new name, its WAL beside it under the matching
    name (SQLite reads ``<name>-wal`` with ``<name>``); then clear its WAL and shared memory, which
    must never be read with the restored file."""
    wal, shm = (current.with_name(current.name + extra) for extra in ("-wal", "-shm"))
    kept = None
    if current.exists():
        _checkpoint(current)
        kept = files.keep_as(current, _kept_names(current))
        if wal.exists() and wal.stat().st_size > 0:  # not checkpointed (a damaged library): it goes along
            files.keep_as(wal, iter([kept.with_name(kept.name + "-wal")]))
    elif wal.exists() and wal.stat().st_size > 0:  # a WAL without its database: kept, never applied
        files.keep_as(wal, files.numbered(current.with_name(f"{current.name}-wal.orphaned")))
    for leftover in (wal, shm):
        leftover.unlink(missing_ok=True)
    return kept
