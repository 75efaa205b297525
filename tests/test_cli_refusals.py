"""Commands refuse clearly: a library that cannot be written (the folder or the file), a backup into a
read-only folder, a mistyped --data-dir (nothing is created); a closed pipe is no error."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from reader.app import lock_library
from reader.cli import main
from reader.core.library import lock as lock_module
from reader.core.library.backup import make_backup
from reader.core.library.lock import ReadOnlyLibrary
from reader.core.library.store import DB_NAME, Library
from tests.conftest import WINDOW_SCRIPT, as_nobody, copy_with_modes

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def folder(tmp_path: Path, seed_bytes: bytes) -> Path:
    library = Library.in_folder(tmp_path / "lib")
    library.import_bytes(seed_bytes, "seed.txt")
    make_backup(library.db, tmp_path / "lib")
    library.close()
    return tmp_path / "lib"


def _read_only(monkeypatch: pytest.MonkeyPatch, *paths: Path) -> None:
    """These paths cannot be written by this process (as a user who does not own them)."""
    real = os.access
    monkeypatch.setattr(
        lock_module.os, "access", lambda p, mode: False if mode == os.W_OK and Path(p) in paths else real(p, mode)
    )


def test_a_read_only_library_file_in_a_writable_folder_is_refused(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _read_only(monkeypatch, folder / DB_NAME)
    for args in (["reindex"], ["reparse"], ["restore"], ["import", str(folder / DB_NAME)]):
        assert main([*args, "--data-dir", str(folder)]) == 3, args
        err = capsys.readouterr().err
        assert f"{args[0]} refused: the library file {folder / DB_NAME} is read-only" in err, err
    with pytest.raises(ReadOnlyLibrary, match="library file"):
        lock_library(folder)
    assert main(["list", "--data-dir", str(folder)]) == 0  # reading works, read-only


def test_the_window_does_not_open_a_read_only_library_file(
    folder: Path, monkeypatch: pytest.MonkeyPatch, qapp: object
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from reader import app

    _read_only(monkeypatch, folder / DB_NAME)
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda parent, title, text: said.append(text)))
    monkeypatch.setattr(app, "create_window", lambda *_: pytest.fail("the window opened"))
    monkeypatch.setattr(app.translations, "install", lambda *_: [])  # the test app stays English
    assert app.run(folder) == 2
    assert "library file is read-only" in said[0] and str(folder / DB_NAME) in said[0]


def test_a_backup_into_a_read_only_folder_is_refused_clearly(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.rmtree(folder / "backups")
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if mode == os.W_OK and Path(p) == folder else real(p, mode))
    assert main(["backup", "--data-dir", str(folder)]) == 3
    err = capsys.readouterr().err
    assert "backup refused" in err and "read-only" in err and "Errno" not in err, err
    assert not (folder / "backups").exists()


def test_a_mistyped_data_dir_creates_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    typo = tmp_path / "libary"
    for args in (["restore"], ["reindex"], ["list"], ["show", "1"], ["search", "党建"], ["backup"]):
        assert main([*args, "--data-dir", str(typo)]) == 1, args
        err = capsys.readouterr().err
        assert f"no library in {typo}" in err, err
        assert not typo.exists(), args
    (tmp_path / "empty").mkdir()
    assert main(["list", "--data-dir", str(tmp_path / "empty")]) == 1
    assert list((tmp_path / "empty").iterdir()) == []


def test_an_error_about_the_export_folder_is_not_said_to_be_the_librarys(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "blocker").write_text("a file where a folder should be", encoding="utf-8")
    out = tmp_path / "blocker" / "out"
    assert main(["export", "--all", "--out", str(out), "--data-dir", str(folder)]) == 2
    err = capsys.readouterr().err
    assert str(tmp_path / "blocker") in err and f"{folder}:" not in err, err


@pytest.mark.skipif(sys.platform == "win32", reason="SIGPIPE")
@pytest.mark.parametrize("args", [["search", "党建"], ["show", "1"], ["list"], ["show", "1", "--json"]])
def test_a_closed_pipe_is_no_error(folder: Path, args: list[str]) -> None:
    """`reader search 党建 | head`: the reader stops reading; the command ends quietly."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, "-m", "reader", *args, "--data-dir", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    proc.stdout.close()  # before the command has written anything
    err = proc.stderr.read().decode()
    proc.stderr.close()
    assert proc.wait(timeout=60) == 141
    assert err == ""


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0 or not shutil.which("setpriv"), reason="needs root")
def test_a_read_only_library_file_for_real(folder: Path) -> None:
    """As a user who may write the folder but not the library file: the window and writing commands
    refuse, saying so; reading commands read it."""
    shared = Path(tempfile.mkdtemp())
    try:
        lib = copy_with_modes(folder, shared, 0o777, 0o666)
        (lib / DB_NAME).chmod(0o444)
        listed = as_nobody("-m", "reader", "list", "--data-dir", str(lib))
        assert listed.returncode == 0 and "党建引领基层治理新探索" in listed.stdout, listed.stderr
        refused = as_nobody("-m", "reader", "reindex", "--data-dir", str(lib))
        assert refused.returncode == 3 and "library file" in refused.stderr and "read-only" in refused.stderr
        window = as_nobody("-c", WINDOW_SCRIPT, str(lib))
        assert window.stdout.startswith("2 ") and "read-only" in window.stdout, window.stdout + window.stderr
    finally:
        for path in [shared, *shared.rglob("*")]:
            path.chmod(0o755)
        shutil.rmtree(shared)
