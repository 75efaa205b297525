"""The command line and the window share the library's lock; a newer or read-only library is left untouched."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

import pytest

from reader.app import lock_library
from reader.cli import main
from reader.core.library import lock as lock_module
from reader.core.library import schema
from reader.core.library.backup import make_backup
from reader.core.library.database import NewerLibrary
from reader.core.library.store import DB_NAME, Library
from tests.conftest import WINDOW_SCRIPT, as_nobody, copy_with_modes

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def folder(tmp_path: Path, seed_bytes: bytes) -> Path:
    library = Library.in_folder(tmp_path)
    library.import_bytes(seed_bytes, "seed.txt")
    make_backup(library.db, tmp_path)
    library.close()
    (tmp_path / "dump.txt").write_bytes(seed_bytes)
    return tmp_path


def test_writing_commands_refuse_while_the_window_is_open(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    window = lock_library(folder)
    assert window is not None
    before = hashlib.sha256((folder / DB_NAME).read_bytes()).hexdigest()
    try:
        for args in (["import", str(folder / "dump.txt")], ["reparse"], ["reindex"], ["restore"]):
            assert main([*args, "--data-dir", str(folder)]) == 3, args
            err = capsys.readouterr().err
            assert f"{args[0]} refused" in err and "in use by the 研读 Reader window" in err, err
            assert "Traceback" not in err
        assert hashlib.sha256((folder / DB_NAME).read_bytes()).hexdigest() == before
        assert not list(folder.glob(f"{DB_NAME}.replaced-*"))
        for args in (["list", "--json"], ["show", "1"], ["search", "党建"], ["backup"]):  # reading: allowed
            assert main([*args, "--data-dir", str(folder)]) == 0, args
        assert main(["export", "--all", "--out", str(folder / "out"), "--data-dir", str(folder)]) == 0
    finally:
        window.release()
    capsys.readouterr()
    assert main(["reindex", "--data-dir", str(folder)]) == 0  # the window is gone: allowed again
    assert lock_library(folder) is not None  # and the command let go of it


def _newer(folder: Path) -> bytes:
    path = folder / DB_NAME
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute(f"PRAGMA user_version = {schema.LATEST + 1}")
    conn.close()
    return path.read_bytes()


def test_a_library_from_a_newer_version_is_refused_untouched(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = _newer(folder)
    with pytest.raises(NewerLibrary, match="newer"):
        Library.in_folder(folder)
    assert main(["list", "--data-dir", str(folder)]) == 2
    assert "newer 研读 Reader" in capsys.readouterr().err
    assert main(["reindex", "--data-dir", str(folder)]) == 2
    assert (folder / DB_NAME).read_bytes() == before  # not even the journal mode changed
    assert not (folder / f"{DB_NAME}-wal").exists()
    conn = sqlite3.connect(f"file:{folder / DB_NAME}?mode=ro", uri=True)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()


def test_read_commands_open_a_read_only_library_read_only(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    real_access = os.access
    monkeypatch.setattr(lock_module.os, "access", lambda p, mode: False if mode == os.W_OK else real_access(p, mode))
    opened = []
    real_init = Library.__init__

    def spy(self: Library, path: object = None, read_only: bool = False) -> None:
        opened.append(read_only)
        real_init(self, path, read_only=read_only)

    monkeypatch.setattr(Library, "__init__", spy)
    assert main(["list", "--json", "--data-dir", str(folder)]) == 0
    assert [r["title"] for r in json.loads(capsys.readouterr().out)] == ["党建引领基层治理新探索"]
    assert opened == [True]
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        Library.in_folder(folder, read_only=True).set_note("article", 1, "x")


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("setpriv"), reason="needs root to run as nobody")
def test_a_read_only_folder_for_real(folder: Path) -> None:
    """As a user who cannot write the folder: reading commands work, writing ones and the window say why."""
    shared = Path(tempfile.mkdtemp())
    try:
        lib = copy_with_modes(folder, shared, 0o555, 0o444)
        listed = as_nobody("-m", "reader", "list", "--data-dir", str(lib))
        assert listed.returncode == 0 and "党建引领基层治理新探索" in listed.stdout, listed.stderr
        refused = as_nobody("-m", "reader", "reindex", "--data-dir", str(lib))
        assert refused.returncode == 3 and "read-only" in refused.stderr and "Traceback" not in refused.stderr
        window = as_nobody("-c", WINDOW_SCRIPT, str(lib))
        assert window.stdout.startswith("2 ") and "read-only" in window.stdout, window.stdout + window.stderr
        assert "already open" not in window.stdout
    finally:
        for path in [shared, *shared.rglob("*")]:
            path.chmod(0o755)
        shutil.rmtree(shared)
