"""Restoring a backup keeps the replaced library whole (its WAL with it), is atomic, and overwrites nothing."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reader.core import files
from reader.core.library import backup
from reader.core.library.backup import make_backup, problem, restore
from reader.core.library.store import DB_NAME, Library

ROOT = Path(__file__).resolve().parents[3]

# A note saved, then the process dies without closing: the note is only in the WAL.
DIE_AFTER_SAVE = r"""
import os, sys
from reader.core.library.store import Library
library = Library.in_folder(sys.argv[1])
library.set_note("article", int(sys.argv[2]), sys.argv[3])
os._exit(0)
"""


def _library_with_backup(folder: Path, seed: bytes) -> tuple[int, Path]:
    library = Library.in_folder(folder)
    article_id = library.import_bytes(seed, "seed.txt").article_id
    library.set_note("article", article_id, "备份时的心得")
    saved = make_backup(library.db, folder)
    library.close()
    return article_id, saved


def _note_in_wal(folder: Path, article_id: int, text: str) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    subprocess.run([sys.executable, "-c", DIE_AFTER_SAVE, str(folder), str(article_id), text], check=True, env=env)
    assert (folder / f"{DB_NAME}-wal").stat().st_size > 0  # the note is in the WAL, not yet in the file


def _note(path: Path, article_id: int) -> str:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        row = conn.execute("SELECT body FROM notes WHERE kind = 'article' AND target_id = ?", [article_id]).fetchone()
        return row[0] if row else ""
    finally:
        conn.close()


def test_the_replaced_library_keeps_what_its_wal_held(tmp_path: Path, seed_bytes: bytes) -> None:
    article_id, saved = _library_with_backup(tmp_path, seed_bytes)
    _note_in_wal(tmp_path, article_id, "崩溃前刚写的心得")
    kept = restore(tmp_path, saved)
    assert kept is not None and kept.name.startswith(f"{DB_NAME}.replaced-")
    assert _note(kept, article_id) == "崩溃前刚写的心得"  # the kept file alone holds it (checkpointed)
    assert _note(tmp_path / DB_NAME, article_id) == "备份时的心得"
    assert not (tmp_path / f"{DB_NAME}-wal").exists() or (tmp_path / f"{DB_NAME}-wal").stat().st_size == 0


def test_a_wal_that_cannot_be_checkpointed_goes_with_its_database(
    tmp_path: Path, seed_bytes: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A damaged library cannot be checkpointed: its WAL is kept under the name SQLite pairs with it."""
    article_id, saved = _library_with_backup(tmp_path, seed_bytes)
    _note_in_wal(tmp_path, article_id, "只在日志里的心得")
    monkeypatch.setattr(backup, "_checkpoint", lambda path: None)
    kept = restore(tmp_path, saved)
    assert kept is not None
    assert (kept.parent / f"{kept.name}-wal").stat().st_size > 0
    assert _note(kept, article_id) == "只在日志里的心得"
    assert _note(tmp_path / DB_NAME, article_id) == "备份时的心得"  # the old WAL was not applied to it


def test_a_restore_that_fails_midway_leaves_the_library_as_it_was(
    tmp_path: Path, seed_bytes: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    article_id, saved = _library_with_backup(tmp_path, seed_bytes)
    library = Library.in_folder(tmp_path)
    library.set_note("article", article_id, "恢复前的心得")
    library.close()
    before = (tmp_path / DB_NAME).read_bytes()

    def torn_copy(read: sqlite3.Connection, target: Path) -> None:
        target.write_bytes(saved.read_bytes()[:5000])  # the disk fills (or the process dies) mid-copy
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup, "_copy_database", torn_copy)
    with pytest.raises(OSError):
        restore(tmp_path, saved)
    assert (tmp_path / DB_NAME).read_bytes() == before
    assert _note(tmp_path / DB_NAME, article_id) == "恢复前的心得"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith((".", DB_NAME))) == [DB_NAME]
    killed = tmp_path / f".{DB_NAME}.x1y2z3{files.PARTIAL}"  # what a restore killed mid-copy leaves
    killed.write_bytes(b"SQLite format 3\0")
    monkeypatch.undo()
    restore(tmp_path, saved)
    assert not killed.exists()  # cleared by the next restore


def test_restores_in_the_same_second_keep_every_replaced_library(
    tmp_path: Path, seed_bytes: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    article_id, saved = _library_with_backup(tmp_path, seed_bytes)

    class Frozen(datetime):
        @classmethod
        def now(cls, tz: object = None) -> Frozen:
            return cls(2026, 11, 30, 5, 0, 0, tzinfo=UTC)

    monkeypatch.setattr(backup, "datetime", Frozen)
    kept = []
    for n in range(3):
        library = Library.in_folder(tmp_path)
        library.set_note("article", article_id, f"第{n}版")
        library.close()
        kept.append(restore(tmp_path, saved))
    assert len(set(kept)) == 3
    assert [_note(k, article_id) for k in kept] == ["第0版", "第1版", "第2版"]  # none overwritten


def test_a_backup_that_is_not_a_library_is_refused(tmp_path: Path, seed_bytes: bytes) -> None:
    _library_with_backup(tmp_path, seed_bytes)
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    bare = tmp_path / "bare.sqlite3"
    sqlite3.connect(bare).execute("CREATE TABLE t (x)").connection.close()
    before = (tmp_path / DB_NAME).read_bytes()
    for source in (empty, bare):
        with pytest.raises(ValueError, match="not a healthy backup"):
            restore(tmp_path, source)
    assert (tmp_path / DB_NAME).read_bytes() == before
    assert problem(empty) == backup.EMPTY and problem(bare) == backup.NO_SCHEMA


def test_without_hard_links_the_replaced_library_is_copied_whole_or_not_at_all(
    tmp_path: Path, seed_bytes: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file system without hard links (FAT, some network shares): the kept file is a copy; a copy
    that fails leaves no torn file under its name, and the library is left as it was."""
    article_id, saved = _library_with_backup(tmp_path, seed_bytes)

    def no_links(source: object, target: object) -> None:
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(files.os, "link", no_links)
    kept = restore(tmp_path, saved)
    assert kept is not None and _note(kept, article_id) == "备份时的心得"

    def disk_full(src: object, out: object) -> None:
        out.write(b"SQLite format 3\0")  # type: ignore[attr-defined]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.shutil, "copyfileobj", disk_full)
    before = (tmp_path / DB_NAME).read_bytes()
    with pytest.raises(OSError, match="No space"):
        restore(tmp_path, saved)
    assert (tmp_path / DB_NAME).read_bytes() == before
    assert [p.name for p in tmp_path.glob(f"{DB_NAME}.replaced-*")] == [kept.name]  # no torn copy
