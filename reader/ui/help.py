"""The Help menu: the list of keyboard shortcuts and the About box."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget


def shortcuts(window: QWidget) -> list[tuple[str, str]]:
    """(action, shortcut) for every action of ``window`` that has one, as the menus show them."""
    rows = []
    for action in window.findChildren(QAction):
        if not action.shortcut().isEmpty() and action.text():
            rows.append(
                (action.text().replace("&", ""), action.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
            )
    return sorted(set(rows))


def show_shortcuts(window: QWidget) -> QMessageBox:
    lines = "\n".join(f"{key}\t{name}" for name, key in shortcuts(window))
    box = QMessageBox(
        QMessageBox.Icon.NoIcon, window.tr("Keyboard shortcuts"), lines, QMessageBox.StandardButton.Ok, window
    )
    box.setObjectName("shortcutsHelp")
    box.open()
    return box


def show_about(window: QWidget, data_dir: Path) -> QMessageBox:
    box = QMessageBox(
        QMessageBox.Icon.Information,
        window.tr("About Yandu Reader"),
        window.tr("Yandu Reader: read, highlight and annotate Chinese articles offline.\nLibrary: %1").replace(
            "%1", str(data_dir)
        ),
        QMessageBox.StandardButton.Ok,
        window,
    )
    box.open()
    return box
