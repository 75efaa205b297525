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
