"""The window never drops a note: a save the database refuses is kept, shown, retried, and closing waits."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from reader.core.library.store import DB_NAME
from tests.ui.test_notes import open_seed, type_chinese


def _hold_write_lock(folder: Path) -> sqlite3.Connection:
    """Another process's long write (a large import, a reindex): the library is busy."""
    other = sqlite3.connect(folder / DB_NAME, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    return other


def _stored(folder: Path, article_id: int) -> str:
    conn = sqlite3.connect(folder / DB_NAME)
    row = conn.execute("SELECT body FROM notes WHERE kind = 'article' AND target_id = ?", [article_id]).fetchone()
    conn.close()
    return row[0] if row else ""


def test_a_busy_library_keeps_the_note_and_saves_it_later(qtbot, tmp_path: Path) -> None:
    win, article_id = open_seed(qtbot, tmp_path)
    win.library.db.execute("PRAGMA busy_timeout = 20")  # do not wait ten seconds in a test
    editor = win.notes_panel.editor
    other = _hold_write_lock(tmp_path)
    type_chinese(editor, "忙时写下的心得")
    assert win.notes_panel.flush() is False  # refused for now, no exception
    assert "busy" in win.statusBar().currentMessage()
    assert editor.toPlainText() == "忙时写下的心得"
    win.open_article(article_id)  # reopening the note shows what is kept, not what is stored
    assert editor.toPlainText() == "忙时写下的心得"

    win.close()  # closing must not lose it, nor raise
    assert win.isVisible() and not win.library.closed
    assert "stays open" in win.statusBar().currentMessage()
    win.library_pane.search.setText("无此词语")  # still a working window: the search thread answers
    qtbot.waitUntil(lambda: win.library_pane.model.rowCount() == 0, timeout=5000)

    other.execute("COMMIT")
    other.close()
    qtbot.waitUntil(lambda: _stored(tmp_path, article_id) == "忙时写下的心得", timeout=5000)  # the retry
    assert "saved" in win.statusBar().currentMessage()
    win.close()
    assert win.library.closed


def test_the_busy_message_does_not_carry_sqlites_english(qtbot, tmp_path: Path) -> None:
    win, _ = open_seed(qtbot, tmp_path)
    win.library.db.execute("PRAGMA busy_timeout = 20")
    other = _hold_write_lock(tmp_path)
    try:
        type_chinese(win.notes_panel.editor, "心得")
        assert win.notes_panel.flush() is False
        message = win.statusBar().currentMessage()
        assert "busy" in message and "database is locked" not in message, message
    finally:
        other.execute("COMMIT")
        other.close()
    qtbot.waitUntil(lambda: "saved" in win.statusBar().currentMessage(), timeout=5000)


def test_a_note_the_library_cannot_write_is_kept_and_said_not_retried_as_busy(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    """A write refused for good (a read-only file, a full disk) is not "busy": no retry every two
    seconds, a message that says what happened, the text kept; closing asks, and No keeps it open."""
    from PySide6.QtWidgets import QMessageBox

    win, article_id = open_seed(qtbot, tmp_path)
    editor = win.notes_panel.editor
    win.library.db.execute("PRAGMA query_only = ON")  # every write: "attempt to write a readonly database"
    type_chinese(editor, "只读时写下的心得")
    assert win.notes_panel.flush() is False
    message = win.statusBar().currentMessage()
    assert "cannot be written" in message and "readonly" not in message, message
    assert not editor._retry.isActive()
    assert editor.toPlainText() == "只读时写下的心得"
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a: asked.append(a[2]) or QMessageBox.StandardButton.No)
    )
    win.close()
    assert asked and "cannot be written" in asked[0]
    assert win.isVisible() and not win.library.closed
    assert "copy it elsewhere" in win.statusBar().currentMessage()

    win.library.db.execute("PRAGMA query_only = OFF")  # writable again: the next flush saves it
    assert win.notes_panel.flush() is True
    assert _stored(tmp_path, article_id) == "只读时写下的心得"
    assert "saved" in win.statusBar().currentMessage()
    asked.clear()
    win.close()
    assert win.library.closed and not asked
