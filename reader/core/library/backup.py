"""Backups of the library: SQLite's online backup, rotated; checking a library and restoring one."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlite_utils import Database

from .database import DB_NAME

KEEP = 7
FOLDER = "backups"


def backup_folder(data_dir: Path) -> Path:
    return data_dir / FOLDER


def backups(data_dir: Path) -> list[Path]:
    """Backups, newest first."""
    return sorted(backup_folder(data_dir).glob("library-*.sqlite3"), reverse=True)


def make_backup(db: Database, data_dir: Path, keep: int = KEEP) -> Path:
    """Copy the open library with SQLite's backup API (consistent even while it is in use); keep ``keep``."""
    folder = backup_folder(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"library-{stamp}.sqlite3"
    out = sqlite3.connect(target)
    try:
        db.conn.backup(out)
    finally:
        out.close()
    for old in backups(data_dir)[keep:]:
        old.unlink()
    return target


def backup_if_due(db: Database, data_dir: Path, every: timedelta = timedelta(days=1)) -> Path | None:
    """A backup when the newest is older than ``every`` (or there is none)."""
    newest = backups(data_dir)
    if newest:
        age = datetime.now(UTC) - datetime.fromtimestamp(newest[0].stat().st_mtime, UTC)
        if age < every:
            return None
    return make_backup(db, data_dir)


def is_healthy(path: Path) -> bool:
    """Whether a database file opens and passes SQLite's own check."""
    if not path.exists():
        return True  # nothing yet: a new library will be made
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False


def newest_good(data_dir: Path) -> Path | None:
    return next((b for b in backups(data_dir) if is_healthy(b)), None)


def restore(data_dir: Path, source: Path) -> Path:
    """Put a backup in place of the library; the replaced file is kept beside it, renamed."""
    if not is_healthy(source):
        raise ValueError(f"{source} is not a healthy backup")
    current = data_dir / DB_NAME
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    if current.exists():
        current.rename(current.with_name(f"{DB_NAME}.replaced-{stamp}"))
    for extra in ("-wal", "-shm"):
        leftover = current.with_name(DB_NAME + extra)
        if leftover.exists():
            leftover.rename(leftover.with_name(f"{leftover.name}.replaced-{stamp}"))
    shutil.copyfile(source, current)
    return current
