"""The notes panel: the article's highlights with their notes, and Markdown study notes with a live preview."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reader.core.export.length import body, word_count
from reader.core.export.length import target as word_target
from reader.core.export.study_notes import markdown_to_html, quote_highlight, templates
from reader.core.library.store import Library

from .article_view import InertBrowser, plain_tip, qt_units
from .reading_pane import HIGHLIGHT_COLORS

Index = QModelIndex | QPersistentModelIndex
AUTOSAVE_MS = 500  # a change reaches the database this long after the last keystroke
RETRY_MS = 2000  # a save refused because the library was busy is tried again this long after
BUSY, READ_ONLY, FULL, REFUSED = "busy", "read-only", "full", "refused"  # why a save failed


def failure_of(exc: sqlite3.Error) -> str:
    """Why SQLite refused a write: busy (another process writes: it passes), or for good (read-only,
    a full disk, anything else), by its error code where Python gives it, else by its message."""
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(exc).lower()
    if primary in (5, 6) or (primary is None and ("locked" in text or "busy" in text)):  # SQLITE_BUSY, _LOCKED
        return BUSY
    if primary == 8 or (primary is None and "readonly" in text):  # SQLITE_READONLY
        return READ_ONLY
    if primary == 13 or (primary is None and "full" in text):  # SQLITE_FULL
        return FULL
    return REFUSED


class HighlightsModel(QAbstractListModel):
    """An article's highlights in reading order; orphaned ones last."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []
        self.meanings: list[str] = []

    def set_rows(self, rows: list[dict[str, Any]], meanings: list[str]) -> None:
        self.beginResetModel()
        self.rows, self.meanings = rows, meanings
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            meaning = self.meanings[row["color"]] if row["color"] < len(self.meanings) else ""
            where = self.tr("(cannot be placed)") if row["orphaned"] else row["section_heading"]
            note = f"\n✎ {row['note'].splitlines()[0][:40]}" if row.get("note") else ""
            return f"【{meaning}】{row['quote'][:60]}\n— {where}{note}"
        if role == Qt.ItemDataRole.DecorationRole:
            return QColor(HIGHLIGHT_COLORS[row["color"] % len(HIGHLIGHT_COLORS)])
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(row["quote"])
        if role == Qt.ItemDataRole.UserRole:
            return row["id"]
        return None


class NoteEditor(QPlainTextEdit):
    """A Markdown editor that saves itself a moment after the last keystroke, never on the typing path.

    A save the database refuses drops nothing: the text is kept as pending and shown again if its
    note is reopened. Refused because the library is busy (another process writes), it is tried again
    every ``RETRY_MS``; refused for another reason (a read-only file, a full disk) it is not retried
    as if busy, only with the next change or flush. ``saveFailed(why)`` says so (``BUSY``,
    ``READ_ONLY``, ``FULL``, ``REFUSED``), ``saveRecovered`` when all is written again."""

    saveFailed = Signal(str)
    saveRecovered = Signal()

    def __init__(self, save: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._save = save
        self.target: tuple[str, int] | None = None  # (kind, id) of the note being edited
        self.pending: dict[tuple[str, int], str] = {}  # typed, not yet in the database
        self._timer = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._timer.timeout.connect(self.flush)
        self._retry = QTimer(self, singleShot=True, interval=RETRY_MS)
        self._retry.timeout.connect(self.flush)
        self.textChanged.connect(self._changed)
        self._loading = False
        self.failure: str | None = None  # why the last save failed, until one succeeds

    def load(self, target: tuple[str, int] | None, text: str) -> None:
        self.flush()
        self._loading = True
        self.target = target
        unsaved = self.pending.get(target) if target is not None else None
        self.setPlainText(text if unsaved is None else unsaved)
        self.document().setModified(False)
        self.setReadOnly(target is None)
        self._loading = False

    def set_delay(self, ms: int) -> None:
        self._timer.setInterval(max(100, min(1000, ms)))  # within a second, whatever the setting

    def forget(self) -> None:
        """The note's owner is gone (a deleted highlight): nothing typed here is to be saved."""
        self._timer.stop()
        if self.target is not None:
            self.pending.pop(self.target, None)
        self.target = None

    def _changed(self) -> None:
        if not self._loading and self.target is not None:
            self._timer.start()

    def flush(self) -> bool:
        """Save now what was typed since the last save, and anything still pending. False while some
        text could not be written yet (it is kept, and retried)."""
        self._timer.stop()
        if self.target is not None and not self._loading and self.document().isModified():
            self.pending[self.target] = self.toPlainText()
            self.document().setModified(False)
        for target, text in list(self.pending.items()):
            try:
                self._save(target, text)
            except sqlite3.DatabaseError as exc:  # kept; tried again in a moment only when busy
                self.failure = failure_of(exc)
                if self.failure == BUSY:
                    self._retry.start()
                self.saveFailed.emit(self.failure)
                return False
            if self.pending.get(target) == text:
                del self.pending[target]
        self._retry.stop()
        if self.failure is not None:
            self.failure = None
            self.saveRecovered.emit()
        return True


class NotesPanel(QWidget):
    highlightActivated = Signal(int)
    saveFailed = Signal(str)  # a note or tags the database refused (why: BUSY, READ_ONLY …): kept
    message = Signal(str)  # for the status bar
    tagsChanged = Signal()  # a highlight's tags were saved: its article's tags in the tag tree change

    def __init__(self, library: Library, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notesPanel")
        self.setAccessibleName(self.tr("Notes"))
        self.library = library
        self.data_dir = data_dir
        self.article_id: int | None = None
        self.title = ""

        self.model = HighlightsModel(self)
        self.highlights = QListView(self)
        self.highlights.setObjectName("highlightsView")
        self.highlights.setAccessibleName(self.tr("Highlights"))
        self.highlights.setModel(self.model)
        self.highlights.setWordWrap(True)
        self.highlights.setUniformItemSizes(False)
        self.highlights.selectionModel().currentChanged.connect(self._highlight_chosen)
        self.highlights.clicked.connect(self._activate)
        self.highlights.activated.connect(self._activate)

        self.highlight_note = NoteEditor(self._save, self)
        self.highlight_note.setObjectName("highlightNoteEditor")
        self.highlight_note.setPlaceholderText(self.tr("A note on this highlight (Markdown)"))
        self.highlight_note.setMaximumHeight(90)
        self.highlight_tags = QLineEdit(self)
        self.highlight_tags.setObjectName("highlightTags")
        self.highlight_tags.setPlaceholderText(self.tr("Tags, separated by spaces"))
        self.highlight_tags.editingFinished.connect(self._save_tags)
        self.insert_quote = QPushButton(self.tr("Quote in notes"), self)
        self.insert_quote.setObjectName("insertQuote")
        self.insert_quote.clicked.connect(self.quote_current)

        self.scope = QComboBox(self)
        self.scope.setObjectName("notesScope")
        self.scope.currentIndexChanged.connect(self._scope_changed)
        self.template = QComboBox(self)
        self.template.setObjectName("noteTemplate")
        self.use_template = QPushButton(self.tr("Start from template"), self)
        self.use_template.clicked.connect(self.apply_template)
        self.editor = NoteEditor(self._save, self)
        self.editor.setObjectName("notesEditor")
        self.editor.setAccessibleName(self.tr("Study notes"))
        self.editor.setPlaceholderText(self.tr("Study notes in Markdown. They are saved as you type."))
        self.editor.textChanged.connect(self._preview_later)
        self.preview = InertBrowser(self)  # a note may hold ![x](file:///dev/zero): nothing is loaded
        self.preview.setObjectName("notesPreview")
        self._preview_timer = QTimer(self, singleShot=True, interval=200)
        self._preview_timer.timeout.connect(self.update_preview)
        self.length = QLabel(self)  # 字数 as Word counts it, and the template's 目标字数 as a bar
        self.length.setObjectName("wordCount")
        self.progress = QProgressBar(self)
        self.progress.setObjectName("wordTarget")
        self.progress.setMaximumHeight(14)

        self.find = QLineEdit(self)
        self.find.setObjectName("notesFind")
        self.find.setPlaceholderText(self.tr("Find in notes (Enter: next)"))
        self.find.returnPressed.connect(self.find_next)
        self.find.hide()  # Ctrl+F opens it when the focus is in this panel (the window's Find action decides)

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(QLabel(self.tr("Highlights"), top))
        top_layout.addWidget(self.highlights, 1)
        top_layout.addWidget(self.highlight_note)
        row = QHBoxLayout()
        row.addWidget(self.highlight_tags, 1)
        row.addWidget(self.insert_quote)
        top_layout.addLayout(row)
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self.scope, 1)
        head.addWidget(self.template)
        head.addWidget(self.use_template)
        bottom_layout.addLayout(head)
        bottom_layout.addWidget(self.find)
        notes_split = QSplitter(Qt.Orientation.Vertical, bottom)
        notes_split.addWidget(self.editor)
        notes_split.addWidget(self.preview)
        bottom_layout.addWidget(notes_split, 1)
        count_row = QHBoxLayout()
        count_row.addWidget(self.length)
        count_row.addWidget(self.progress, 1)
        bottom_layout.addLayout(count_row)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setObjectName("notesSplitter")
        split.addWidget(top)
        split.addWidget(bottom)
        split.setSizes([300, 500])
        self.splitter = split
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addWidget(split)
        self.failure: str | None = None  # why the last save failed, until one succeeds
        for editor in (self.editor, self.highlight_note):
            editor.saveFailed.connect(self.saveFailed)
            editor.saveRecovered.connect(self._recovered)
        self.saveFailed.connect(self._failed)
        self._reload_templates()
        self.show_article(None)

    # -- contents -----------------------------------------------------------

    def show_article(self, article_id: int | None, title: str = "") -> None:
        self.flush()
        self.article_id, self.title = article_id, title
        self.refresh_highlights()
        self.scope.blockSignals(True)
        self.scope.clear()
        if article_id is not None:
            self.scope.addItem(self.tr("Notes on this article"), ("article", article_id))
            for c in self.library.article_collections(article_id):
                self.scope.addItem(self.tr("Course notes: %1").replace("%1", c["name"]), ("collection", c["id"]))
        self.scope.blockSignals(False)
        self._scope_changed()

    def refresh_highlights(self, select: int | None = None) -> None:
        rows = self.library.highlights(self.article_id) if self.article_id is not None else []
        self.model.set_rows(rows, self.library.color_meanings())
        if select is not None:
            for r, row in enumerate(rows):
                if row["id"] == select:
                    self.highlights.setCurrentIndex(self.model.index(r))
        self._highlight_chosen()

    def current_highlight(self) -> dict[str, Any] | None:
        index = self.highlights.currentIndex()
        return self.model.rows[index.row()] if index.isValid() and index.row() < len(self.model.rows) else None

    def _highlight_chosen(self, *_: Any) -> None:
        row = self.current_highlight()
        self.highlight_note.load(("highlight", row["id"]) if row else None, row["note"] if row else "")
        self.highlight_tags.setText(" ".join(self.library.highlight_tags(row["id"])) if row else "")
        self.highlight_tags.setEnabled(row is not None)
        self.insert_quote.setEnabled(row is not None and self.editor.target is not None)

    def _activate(self, index: QModelIndex) -> None:
        if index.isValid():
            self.highlightActivated.emit(index.data(Qt.ItemDataRole.UserRole))

    def _scope_changed(self, *_: Any) -> None:
        target = self.scope.currentData()
        self.editor.load(target, self.library.note(*target) if target else "")
        self.template.setEnabled(target is not None)
        self.use_template.setEnabled(target is not None)
        self.update_preview()

    # -- editing ------------------------------------------------------------

    def _save(self, target: tuple[str, int], text: str) -> None:
        if not self.library.closed:
            self.library.set_note(target[0], target[1], text)
            if target[0] == "highlight":
                for row in self.model.rows:
                    if row["id"] == target[1]:
                        row["note"] = text

    def _save_tags(self) -> bool:
        row = self.current_highlight()
        if row is not None:
            try:
                self.library.set_highlight_tags(row["id"], self.highlight_tags.text().split())
            except sqlite3.DatabaseError as exc:  # the field keeps them; the next flush tries again
                self.highlight_tags.setModified(True)
                self.saveFailed.emit(failure_of(exc))
                return False
            self.tagsChanged.emit()
        return True

    def _failed(self, why: str) -> None:
        self.failure = why
        self.message.emit(self.failure_message(why))

    def _recovered(self) -> None:
        if self.editor.failure is None and self.highlight_note.failure is None:
            self.failure = None
            self.message.emit(self.tr("The library answers again: your notes are saved."))

    def failure_message(self, why: str) -> str:
        """Why a note was not saved, in the user's language (SQLite's own words are English)."""
        if why == BUSY:
            return self.tr("The library is busy: your note is kept and saved as soon as it can be.")
        if why == READ_ONLY:
            return self.tr("The library cannot be written: your note is kept in this window but not saved.")
        if why == FULL:
            return self.tr("The disk is full: your note is kept in this window and saved with your next change.")
        return self.tr("The library refused your note: it is kept in this window but not saved.")

    def flush(self) -> bool:
        """Write whatever is typed now (switching article, closing). False while something typed could
        not be written yet: it is kept and retried, never dropped."""
        saved = self.editor.flush()
        saved = self.highlight_note.flush() and saved
        if self.highlight_tags.isModified():
            self.highlight_tags.setModified(False)
            saved = self._save_tags() and saved
        return saved

    def may_close(self) -> bool:
        """Save what is typed before the window closes. Busy: no (it is saved in a moment, and closing
        waits). Refused for good (a read-only library, a full disk): the user decides, the default
        being to stay and copy the note elsewhere."""
        if self.flush():
            return True
        if self.failure == BUSY:
            return False
        answer = QMessageBox.question(
            self,
            self.tr("Close without saving?"),
            self.tr("%1\n\nClose anyway? The unsaved note is lost; choose No to copy it elsewhere first.").replace(
                "%1", self.failure_message(self.failure or REFUSED)
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def close_refused(self) -> str:
        if self.failure != BUSY:
            return self.tr("A note could not be saved: the window stays open so that you can copy it elsewhere.")
        return self.tr(
            "A note could not be saved yet: the library is busy. The window stays open so that nothing "
            "is lost; close it again in a moment."
        )

    def select_in_note(self, start: int, end: int) -> None:
        """Select characters ``start``–``end`` (Python's count) of the article note, and focus it."""
        self.editor.setFocus()
        note = self.editor.toPlainText()
        cursor = self.editor.textCursor()
        cursor.setPosition(qt_units(note, start))
        cursor.setPosition(qt_units(note, end), cursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)

    def release_highlight(self, highlight_id: int) -> None:
        """Before a highlight is deleted: save what is typed, and let go of its note."""
        self.flush()
        if self.highlight_note.target == ("highlight", highlight_id):
            self.highlight_note.forget()

    def _reload_templates(self) -> None:
        self.template.clear()
        for name, text in templates(self.data_dir).items():
            self.template.addItem(name, text)

    def apply_template(self) -> None:
        """Start the note from a template: put in front of what is there, never over it."""
        text = self.template.currentData() or ""
        current = self.editor.toPlainText()
        cursor = self.editor.textCursor()  # an edit, as if typed: it can be undone, and it is saved
        cursor.select(cursor.SelectionType.Document)
        cursor.insertText(text + ("\n" + current if current.strip() else ""))
        self.editor.setTextCursor(cursor)

    def quote_current(self) -> None:
        row = self.current_highlight()
        if row is None or self.editor.target is None:
            return
        paragraph = 1 + self._paragraph_number(row)
        meaning = self.model.meanings[row["color"]] if row["color"] < len(self.model.meanings) else ""
        self.editor.insertPlainText(
            "\n" + quote_highlight(row["quote"], self.title, row["section_heading"], paragraph, meaning) + "\n"
        )

    def _paragraph_number(self, row: dict[str, Any]) -> int:
        article = self.library.article(row["article_id"]) if row.get("article_id") else None
        if article is None or row["section_position"] >= len(article.sections):
            return 0
        text = "\n".join(article.sections[row["section_position"]].paragraphs)
        return text.count("\n", 0, row["start"])

    def _preview_later(self) -> None:
        self._preview_timer.start()

    def update_preview(self) -> None:
        text = self.editor.toPlainText()
        self.preview.setHtml(markdown_to_html(body(text)))  # the front matter (目标字数) is no part of it
        count, goal = word_count(text), word_target(text)
        self.length.setText(
            self.tr("%1 characters of %2").replace("%1", str(count)).replace("%2", str(goal))
            if goal
            else self.tr("%1 characters").replace("%1", str(count))
        )
        self.progress.setVisible(goal is not None)
        self.progress.setRange(0, goal or 1)
        self.progress.setValue(min(count, goal or 0))

    def show_find(self) -> None:
        self.find.show()
        self.find.setFocus()
        self.find.selectAll()

    def find_next(self) -> bool:
        text = self.find.text()
        if not text:
            return False
        if self.editor.find(text):
            return True
        cursor = self.editor.textCursor()
        cursor.movePosition(cursor.MoveOperation.Start)
        self.editor.setTextCursor(cursor)
        return self.editor.find(text, QTextDocument.FindFlag(0))
