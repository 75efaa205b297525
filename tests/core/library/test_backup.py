"""Backups: taken with SQLite's backup API, rotated, checked, restored; a damaged library is detected."""

from __future__ import annotations

from pathlib import Path

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
