"""The main window opens on a library folder."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from reader.app import create_window


def test_window_has_three_panes(qtbot, tmp_path: Path) -> None:
    window = create_window(tmp_path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.findChild(QWidget, "libraryPane") is not None)  # built after the first paint
    for name in ("libraryPane", "articleView", "notesPanel"):
        pane = window.findChild(QWidget, name)
        assert pane is not None and pane.isVisible(), name
    assert (tmp_path / "library.sqlite3").exists()


def test_the_shell_painted_first_does_not_move_when_the_panes_fill_it(qtbot, tmp_path: Path) -> None:
    """The first paint is the shell (menus, toolbar, status bar, splitter); the library and panes come on the
    next turn, into the same places: nothing the reader sees jumps."""
    win = create_window(tmp_path / "lib")
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    before = (win.splitter.geometry(), win.menuBar().geometry(), win.highlight_toolbar.geometry())
    assert [a.text().replace("&", "") for a in win.menuBar().actions()]  # the menus stand from the start
    qtbot.waitUntil(lambda: win.__dict__.get("_finished", False))
    qtbot.wait(50)
    assert (win.splitter.geometry(), win.menuBar().geometry(), win.highlight_toolbar.geometry()) == before
    assert win.highlight_toolbar.actions() and all(a.isEnabled() for a in win.highlight_toolbar.actions())
    win.close()


@pytest.mark.parametrize("early", [False, True], ids=["painted-first", "asked-for-before-shown"])
def test_all_three_panes_have_room_however_the_window_was_finished(qtbot, tmp_path: Path, early: bool) -> None:
    win = create_window(tmp_path / "lib")
    qtbot.addWidget(win)
    if early:
        assert win.library is not None  # a part asked for before the window is shown builds the panes now
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: win.__dict__.get("_finished", False))
    qtbot.wait(20)
    widths = [win.library_pane.width(), win.reading_pane.width(), win.notes_panel.width()]
    assert min(widths) >= 200 and win.reading_pane.width() >= 500, widths
    win.close()


def test_one_library_one_window(tmp_path: Path) -> None:
    from reader.app import lock_library

    first = lock_library(tmp_path)
    assert first is not None
    assert lock_library(tmp_path) is None  # a second instance is refused
    first.release()
    again = lock_library(tmp_path)
    assert again is not None
    again.release()


def test_a_restore_offered_at_start_that_fails_is_said_not_raised(
    tmp_path: Path, seed_bytes: bytes, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from reader import app
    from reader.core.library import backup
    from reader.core.library.store import DB_NAME, Library

    library = Library.in_folder(tmp_path)
    library.import_bytes(seed_bytes, "seed.txt")
    backup.make_backup(library.db, tmp_path)
    library.close()
    (tmp_path / DB_NAME).write_bytes(b"damaged" * 1000)
    said = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a: QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda parent, title, text: said.append(text)))

    def disk_full(read, target: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup, "_copy_database", disk_full)
    assert app._offer_restore(tmp_path) is False
    assert "could not be restored" in said[0] and "No space" in said[0]
    assert (tmp_path / DB_NAME).read_bytes() == b"damaged" * 1000


@pytest.mark.skipif(not hasattr(signal, "SIGTERM") or sys.platform == "win32", reason="POSIX signals")
def test_sigterm_closes_the_window_woken_by_a_socket_not_a_ticking_timer(qtbot, tmp_path: Path) -> None:
    from reader import app

    window = create_window(tmp_path)
    qtbot.addWidget(window)
    window.show()
    undo = app._close_on_terminate(window)
    try:
        ticking = [t for t in window.findChildren(QTimer) if t.isActive() and not t.isSingleShot()]
        assert not ticking, [t.interval() for t in ticking]
        os.kill(os.getpid(), signal.SIGTERM)
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
        assert window.library.closed
    finally:
        undo()
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
    assert signal.set_wakeup_fd(-1) == -1  # the socket is let go of


def test_closing_during_an_import_hides_its_progress_so_the_app_can_end(qtbot, tmp_path: Path) -> None:
    """A progress dialog still shown when the window closes kept the app running with no window to
    close (SIGTERM during an import, on a busy machine)."""
    from bench.gen_dumps import generate

    generate(tmp_path / "dumps", 300)
    window = create_window(tmp_path / "lib")
    qtbot.addWidget(window)
    window.show()
    job = window.importer.import_paths([str(tmp_path / "dumps")])
    job.dialog.setMinimumDuration(0)
    qtbot.waitUntil(job.dialog.isVisible, timeout=10000)
    window.close()
    assert window.library.closed
    assert not job.dialog.isVisible()
    job.worker.progress.emit(150, 300, "dump_000150.txt")  # progress sent before the worker stopped, late
    qtbot.wait(500)
    assert not job.dialog.isVisible()


def test_a_library_that_cannot_be_opened_fails_once_and_the_window_still_closes(qtbot, tmp_path: Path) -> None:
    from reader.ui.main_window import MainWindow

    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "library.sqlite3").write_bytes(b"this is no database" * 100)
    win = MainWindow(folder)
    qtbot.addWidget(win)
    failures: list[str] = []
    win.openFailed.connect(failures.append)
    win.show()
    qtbot.waitUntil(lambda: bool(failures))
    assert not hasattr(win, "reading_pane")  # no part, and no second try at opening
    qtbot.wait(50)
    assert len(failures) == 1
    win.close()  # nothing to save, nothing raised
