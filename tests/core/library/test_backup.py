"""Backups: taken with SQLite's backup API, rotated, checked, restored; a damaged library is detected."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.library.backup import backup_if_due, backups, is_healthy, make_backup, newest_good, restore
from reader.core.library.store import DB_NAME, Library


def test_backup_rotate_and_restore(tmp_path: Path, seed_bytes: bytes) -> None:
    library = Library.in_folder(tmp_path)
    article_id = library.import_bytes(seed_bytes, "seed.txt").article_id
    library.set_note("article", article_id, "心得")
    first = make_backup(library.db, tmp_path)
    assert is_healthy(first)
    for _ in range(4):
        make_backup(library.db, tmp_path, keep=3)
    assert len(backups(tmp_path)) == 3
    assert backup_if_due(library.db, tmp_path) is None  # the newest is less than a day old
    library.close()

    (tmp_path / DB_NAME).write_bytes(b"damaged" * 1000)  # the library is damaged
    assert not is_healthy(tmp_path / DB_NAME)
    restore(tmp_path, newest_good(tmp_path))
    again = Library.in_folder(tmp_path)
    assert again.note("article", article_id) == "心得"
    again.close()
    assert list(tmp_path.glob(f"{DB_NAME}.replaced-*"))  # the damaged file is kept, renamed


def test_cli_backup_and_restore(tmp_path: Path, seed_bytes: bytes, capsys) -> None:
    library = Library.in_folder(tmp_path)
    library.import_bytes(seed_bytes, "seed.txt")
    library.close()
    assert main(["backup", "--data-dir", str(tmp_path)]) == 0
    assert "backups" in capsys.readouterr().out
    (tmp_path / DB_NAME).write_bytes(b"\x00" * 4096)
    assert main(["list", "--data-dir", str(tmp_path)]) == 2  # reported, not a traceback
    assert main(["restore", "--data-dir", str(tmp_path)]) == 0
    assert main(["list", "--json", "--data-dir", str(tmp_path)]) == 0
    assert "党建引领基层治理新探索" in capsys.readouterr().out


def test_restore_without_backups_is_refused(tmp_path: Path, capsys) -> None:
    assert main(["restore", "--data-dir", str(tmp_path)]) == 1
    assert "no healthy backup" in capsys.readouterr().err


def test_only_a_whole_backup_is_offered(tmp_path: Path, seed_bytes: bytes) -> None:
    """An empty file, a schema-less one, a damaged one, one from a newer Reader under a backup's name
    (put there by hand: a backup gets its name only once checked): none is offered for a restore."""
    import sqlite3

    from reader.core.library import schema

    library = Library.in_folder(tmp_path)
    library.import_bytes(seed_bytes, "seed.txt")
    good = make_backup(library.db, tmp_path)
    folder = good.parent
    (folder / "library-29990101-000000-000001.sqlite3").write_bytes(b"")  # a full disk's leftover
    sqlite3.connect(folder / "library-29990101-000000-000002.sqlite3").execute("CREATE TABLE t (x)").connection.close()
    (folder / "library-29990101-000000-000003.sqlite3").write_bytes(good.read_bytes()[:2048] + b"\0" * 8192)
    newer = folder / "library-29990101-000000-000004.sqlite3"
    newer.write_bytes(good.read_bytes())
    sqlite3.connect(newer).execute(f"PRAGMA user_version = {schema.LATEST + 1}").connection.close()
    assert all(not is_healthy(p) for p in backups(tmp_path)[:4])
    assert newest_good(tmp_path) == good
    library.close()


def test_closing_checks_only_the_new_copy(tmp_path: Path, seed_bytes: bytes, monkeypatch) -> None:
    """A backup's name is given only after its check, so rotating and asking whether one is due trust
    the names: with many backups, taking one checks that one alone (quick_check reads a whole file)."""
    from reader.core.library import backup

    library = Library.in_folder(tmp_path)
    library.import_bytes(seed_bytes, "seed.txt")
    for _ in range(5):
        make_backup(library.db, tmp_path)
    checked: list[Path] = []
    real = backup.problem
    monkeypatch.setattr(backup, "problem", lambda path, **kw: checked.append(path) or real(path, **kw))
    assert backup_if_due(library.db, tmp_path) is None  # the newest is today's: nothing is checked
    assert checked == []
    for old in backups(tmp_path):
        os.utime(old, (0, 0))
    made = backup_if_due(library.db, tmp_path, every=timedelta(days=1))
    assert made is not None and len(checked) == 1 and checked[0].name.endswith(".partial")
    checked.clear()
    make_backup(library.db, tmp_path, keep=3)
    assert len(checked) == 1 and len(backups(tmp_path)) == 3  # rotated by name, newest kept
    assert made in backups(tmp_path)
    library.close()


def test_a_backup_that_fails_leaves_no_file(tmp_path: Path, seed_bytes: bytes, monkeypatch) -> None:
    from reader.core.library import backup

    library = Library.in_folder(tmp_path)
    library.import_bytes(seed_bytes, "seed.txt")
    make_backup(library.db, tmp_path)
    before = backups(tmp_path)

    def full_disk(read, target: Path) -> None:
        target.write_bytes(b"SQLite format 3\0")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup, "_copy_database", full_disk)
    with pytest.raises(OSError, match="No space"):
        make_backup(library.db, tmp_path)
    assert backups(tmp_path) == before
    assert not list(backup.backup_folder(tmp_path).glob(".*"))  # no temporary file left either
    library.close()


def test_an_empty_library_is_damaged_when_a_backup_can_replace_it(tmp_path: Path, seed_bytes: bytes) -> None:
    """Start-up: an empty (or schema-less) library file beside a healthy backup is offered the backup;
    without one it is a new library; a library from a newer Reader is not 'damaged' (opening says why)."""
    import sqlite3

    from reader.core.library import schema
    from reader.core.library.backup import library_problem

    assert library_problem(tmp_path) is None  # nothing yet
    (tmp_path / DB_NAME).write_bytes(b"")
    assert library_problem(tmp_path) is None  # no backup to offer: it becomes a new library
    library = Library(tmp_path / "elsewhere" / DB_NAME)
    library.import_bytes(seed_bytes, "seed.txt")
    make_backup(library.db, tmp_path)
    library.close()
    assert library_problem(tmp_path) == "an empty file"
    sqlite3.connect(tmp_path / DB_NAME).execute("CREATE TABLE t (x)").connection.close()
    assert library_problem(tmp_path) == "no library schema in it"
    (tmp_path / DB_NAME).unlink()
    newer = sqlite3.connect(tmp_path / DB_NAME)
    newer.execute("CREATE TABLE t (x)")
    newer.execute(f"PRAGMA user_version = {schema.LATEST + 1}")
    newer.close()
    assert library_problem(tmp_path) is None
