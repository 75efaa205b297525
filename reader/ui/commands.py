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
