"""The Help menu: the list of keyboard shortcuts and the About box."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from .article_view import InertBrowser


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


def show_shortcuts(window: QMainWindow) -> QDialog:
    """The shortcuts as a table in the menus' order; the colours' entries are named by their meanings.
    The table scrolls in a dialog that fits the screen (a laptop's 768 px hold it with its button)."""
    rows = "".join(f"<tr><td><b>{escape(key)}</b></td><td>{escape(name)}</td></tr>" for name, key in shortcuts(window))
    box = QDialog(window)
    box.setObjectName("shortcutsHelp")
    box.setWindowTitle(window.tr("Keyboard shortcuts"))
    text = InertBrowser(box)
    text.setHtml(f"<table cellspacing='6'>{rows}</table>")
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, box)
    buttons.accepted.connect(box.accept)
    layout = QVBoxLayout(box)
    layout.addWidget(text)
    layout.addWidget(buttons)
    room = window.screen().availableGeometry()
    text.document().setTextWidth(500)  # laid out at the dialog's width, the table says how tall it is
    wanted = int(text.document().size().height()) + buttons.sizeHint().height() + 60
    box.resize(min(560, room.width() - 40), min(wanted, room.height() - 80))
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
