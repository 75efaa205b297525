"""The article's reference list beside the text: one entry a row, copied as GB/T 7714, each leading
to where the text cites it."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QMenu, QWidget

from .article_view import plain_tip


class ReferencesList(QListWidget):
    citationRequested = Signal(int)  # reference number: show where the text cites it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("referencesView")
        self.setAccessibleName(self.tr("References"))
        self.setWordWrap(True)
        self.itemActivated.connect(self._activated)
        self.itemDoubleClicked.connect(self._activated)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        copy = QAction(self.tr("Copy as GB/T 7714"), self)
        copy.setShortcut(QKeySequence.StandardKey.Copy)
        copy.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        copy.triggered.connect(self.copy_reference)
        self.addAction(copy)
        self.copy_action = copy

    def fill(self, references: list[str]) -> None:
        """One row a reference, numbered from 1 as in the article."""
        self.clear()
        for n, ref in enumerate(references, start=1):
            item = QListWidgetItem(f"[{n}] {ref}")
            item.setData(Qt.ItemDataRole.UserRole, n)
            item.setToolTip(plain_tip(f"[{n}] {ref}"))
            self.addItem(item)

    def show_reference(self, n: int) -> None:
        self.setCurrentRow(n - 1)
        self.scrollToItem(self.currentItem())

    def _activated(self, item: QListWidgetItem) -> None:
        self.citationRequested.emit(item.data(Qt.ItemDataRole.UserRole))

    def _menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        menu.addAction(self.copy_action)
        menu.addAction(
            self.tr("Show where it is cited"),
            lambda: self._activated(self.currentItem()) if self.currentItem() else None,
        )
        menu.popup(self.viewport().mapToGlobal(pos))

    def copy_reference(self) -> None:
        """The reference as GB/T 7714 text: the entry as the article's list gives it, with its number."""
        item = self.currentItem()
        if item is not None:
            QGuiApplication.clipboard().setText(item.text())
