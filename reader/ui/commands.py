"""Undoable edits of the library: each one changes the store, then tells the window what changed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from .main_window import MainWindow


class DeleteArticles(QUndoCommand):
    """Deleting moves articles to the trash; undo brings them back with everything they had."""

    def __init__(self, window: MainWindow, article_ids: list[int]) -> None:
        super().__init__(window.tr("Delete %1 article(s)").replace("%1", str(len(article_ids))))
        self.window = window
        self.article_ids = list(article_ids)

    def redo(self) -> None:
        self.window.library.trash(self.article_ids)
        self.window.after_delete_or_restore()

    def undo(self) -> None:
        self.window.library.restore(self.article_ids)
        self.window.after_delete_or_restore(shown=self.article_ids)


class EditMetadata(QUndoCommand):
    def __init__(self, window: MainWindow, article_id: int, before: dict[str, Any], after: dict[str, Any]) -> None:
        super().__init__(window.tr("Edit article details"))
        self.window = window
        self.article_id = article_id
        self.before, self.after = before, after

    def _apply(self, fields: dict[str, Any]) -> None:
        self.window.library.update_metadata(self.article_id, **fields)
        self.window.after_edit(self.article_id)

    def redo(self) -> None:
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)


class AddHighlight(QUndoCommand):
    def __init__(self, window: MainWindow, article_id: int, section: int, start: int, end: int, color: int) -> None:
        super().__init__(window.tr("Highlight"))
        self.window = window
        self.args = (article_id, section, start, end, color)
        self.highlight_id: int | None = None
        self.saved: dict[str, Any] | None = None

    def redo(self) -> None:
        if self.saved is None:
            self.highlight_id = self.window.library.add_highlight(*self.args)
        else:
            self.highlight_id = self.window.library.restore_highlight(self.saved)
        self.window.after_highlights_changed(select=self.highlight_id)

    def undo(self) -> None:
        assert self.highlight_id is not None
        self.window.notes_panel.flush()
        if self.window.notes_panel.highlight_note.target == ("highlight", self.highlight_id):
            self.window.notes_panel.highlight_note.forget()
        self.saved = self.window.library.delete_highlight(self.highlight_id)
        self.window.after_highlights_changed()


class RecolorHighlight(QUndoCommand):
    def __init__(self, window: MainWindow, highlight_id: int, before: int, after: int) -> None:
        super().__init__(window.tr("Change highlight colour"))
        self.window, self.highlight_id, self.before, self.after = window, highlight_id, before, after

    def redo(self) -> None:
        self.window.library.recolor_highlight(self.highlight_id, self.after)
        self.window.after_highlights_changed(select=self.highlight_id)

    def undo(self) -> None:
        self.window.library.recolor_highlight(self.highlight_id, self.before)
        self.window.after_highlights_changed(select=self.highlight_id)


class DeleteHighlight(QUndoCommand):
    """Deleting a highlight keeps its note and tags for undo."""

    def __init__(self, window: MainWindow, highlight_id: int) -> None:
        super().__init__(window.tr("Delete highlight"))
        self.window, self.highlight_id = window, highlight_id
        self.saved: dict[str, Any] | None = None

    def redo(self) -> None:
        self.window.notes_panel.flush()
        if self.window.notes_panel.highlight_note.target == ("highlight", self.highlight_id):
            self.window.notes_panel.highlight_note.forget()
        self.saved = self.window.library.delete_highlight(self.highlight_id)
        self.window.after_highlights_changed()

    def undo(self) -> None:
        if self.saved is not None:
            self.window.library.restore_highlight(self.saved)
        self.window.after_highlights_changed(select=self.highlight_id)
