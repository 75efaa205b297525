"""The main window opens on a library folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from reader.app import create_window


def test_window_has_three_panes(qtbot, tmp_path: Path) -> None:
    window = create_window(tmp_path)
    qtbot.addWidget(window)
    window.show()
    for name in ("libraryPane", "articleView", "notesPanel"):
        pane = window.findChild(QWidget, name)
        assert pane is not None and pane.isVisible(), name
    assert (tmp_path / "library.sqlite3").exists()


def test_one_library_one_window(tmp_path: Path) -> None:
    from reader.app import lock_library

    first = lock_library(tmp_path)
    assert first is not None
    assert lock_library(tmp_path) is None  # a second instance is refused
    first.release()
    again = lock_library(tmp_path)
    assert again is not None
    again.release()
