"""The Help menu: the list of keyboard shortcuts and the About box."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget


def shortcuts(window: QMainWindow) -> list[tuple[str, str]]:
    """(action, shortcut) for every menu action of ``window`` that has one, menu by menu in the menus'
    order, then the window's other shortcuts (second keys of an action) by name."""
    rows: list[tuple[str, str]] = []
    seen: set[int] = set()

    def add(action: QAction, prefix: str = "") -> None:
        if id(action) in seen or action.shortcut().isEmpty() or not action.text():
            return
        seen.add(id(action))
        key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        rows.append((prefix + action.text().replace("&", ""), key))

    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if menu is None:
            continue
        for action in menu.actions():
            add(action)
    rest = sorted(
        (a for a in window.findChildren(QAction) if id(a) not in seen), key=lambda a: a.text().replace("&", "")
    )
    for action in rest:
        add(action)
    return list(dict.fromkeys(rows))


def show_shortcuts(window: QMainWindow) -> QMessageBox:
    """The shortcuts as a table in the menus' order; the colours' entries are named by their meanings."""
    rows = "".join(f"<tr><td><b>{escape(key)}</b></td><td>{escape(name)}</td></tr>" for name, key in shortcuts(window))
    box = QMessageBox(
        QMessageBox.Icon.NoIcon,
        window.tr("Keyboard shortcuts"),
        f"<table cellspacing='6'>{rows}</table>",
        QMessageBox.StandardButton.Ok,
        window,
    )
    box.setTextFormat(Qt.TextFormat.RichText)
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
