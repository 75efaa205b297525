"""Correcting what the importer read: article details (F2) and "checked", both undoable."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from reader.core.library.store import Library

from .commands import EditMetadata, MarkChecked
from .metadata_dialog import MetadataDialog


class ArticleEditing(QObject):
    """Edit → article details and Mark as checked, for the article ``current()`` or ``selected()``.

    ``changed(article_id)`` follows every step, undo and redo included."""

    changed = Signal(int)

    def __init__(
        self,
        library: Library,
        undo_stack: QUndoStack,
        current: Callable[[], int | None],
        selected: Callable[[], list[int]],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.library, self.undo_stack, self.current, self.selected = library, undo_stack, current, selected
        self.dialog: MetadataDialog | None = None

    def edit_metadata(self) -> None:
        article_id = self.current()
        meta = self.library.article_meta(article_id) if article_id is not None else None
        if article_id is None or meta is None:
            return
        parent = self.parent()
        assert isinstance(parent, QWidget)
        self.dialog = MetadataDialog(meta, parent)
        self.dialog.accepted.connect(lambda: self.apply(article_id, meta, self.dialog.values()))
        self.dialog.open()

    def apply(self, article_id: int, before: dict[str, Any], after: dict[str, Any]) -> None:
        """Store the fields the reader changed, and only those: a field left as it was stays the parser's."""
        changed = {k: v for k, v in after.items() if before.get(k) != v}
        if changed:
            old = {k: before[k] for k in changed}
            command = EditMetadata(
                self.tr("Edit article details"), self.library, article_id, old, changed, self._changed
            )
            self.undo_stack.push(command)

    def mark_checked(self) -> None:
        """The reader has checked the details: the doubts of the selected articles go (undoable)."""
        ids = [a for a in self.selected() if (m := self.library.article_meta(a)) is not None and m["doubts"]]
        if ids:
            self.undo_stack.push(MarkChecked(self.tr("Mark as checked"), self.library, ids, self._changed))

    def _changed(self, article_id: int) -> None:
        self.changed.emit(article_id)
