"""Room to read: a measure of about 36 characters, hideable panes, focus mode (F11), remembered."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QTextBrowser

from reader.app import create_window
from tests.conftest import SEED
from tests.ui.test_window import import_and_wait, select_title

TITLE = "党建引领基层治理新探索"


def _open(qtbot, folder: Path, first: bool = False):
    win = create_window(folder)
    qtbot.addWidget(win)
    win.show()
    win.resize(1366, 768)
    qtbot.waitExposed(win)
    if first:
        import_and_wait(qtbot, win, [SEED])
        win.importer.summary_dialog.close()
    select_title(qtbot, win, TITLE)
    return win


def _line_lengths(view: QTextBrowser) -> list[int]:
    """Characters on the first line of each long paragraph of the body."""
    lengths = []
    block = view.document().begin()
    while block.isValid():
        layout = block.layout()
        if len(block.text()) > 120 and layout is not None and layout.lineCount() > 2:
            lengths.append(layout.lineAt(0).textLength())
        block = block.next()
    return lengths


def _usable(widget) -> bool:
    return widget.isVisible() and widget.width() >= 100 and widget.height() >= 60


def test_a_comfortable_measure_at_a_laptop_size_and_in_focus_mode(qtbot, tmp_path: Path) -> None:
    if not SEED.exists():
        pytest.skip("../shared/corpus is not here")
    win = _open(qtbot, tmp_path / "lib", first=True)
    view = win.findChild(QTextBrowser, "articleView")
    view.moveCursor(QTextCursor.MoveOperation.End)  # lay the whole text out
    lengths = _line_lengths(view)
    assert lengths and all(26 <= n <= 40 for n in lengths), lengths
    win.findChild(QAction, "actionFocusMode").trigger()
    assert not win.library_pane.isVisible() and not win.notes_panel.isVisible()
    qtbot.waitUntil(lambda: view.width() > 1000)  # the text has the window
    view.moveCursor(QTextCursor.MoveOperation.End)
    lengths = _line_lengths(view)
    assert lengths and all(30 <= n <= 40 for n in lengths), lengths  # not 70 characters across the screen
    margin = view.document().rootFrame().frameFormat().leftMargin()
    assert margin > 200  # centred: the room goes to the margins
    win.close()


def test_pane_hiding_and_focus_mode_are_restored_after_restart(qtbot, tmp_path: Path) -> None:
    if not SEED.exists():
        pytest.skip("../shared/corpus is not here")
    folder = tmp_path / "lib"
    first = _open(qtbot, folder, first=True)
    pane = first.reading_pane
    assert _usable(pane.outline) and _usable(pane.references)
    header = first.library_pane.view.horizontalHeader()
    shown = [first.library_pane.model.COLUMNS[c] for c in range(header.count()) if not header.isSectionHidden(c)]
    assert shown == ["title", "source", "year"]  # source and year by default, beside the title
    assert all(header.sectionSize(c) >= 40 for c in range(3) if not header.isSectionHidden(c))
    first.library_pane.view.setColumnWidth(2, 123)
    first.splitter.setSizes([250, 786, 330])
    chosen = first.library_pane.width()  # as the splitter allows it (the panes' minimum widths)
    assert abs(chosen - 250) <= 10
    first.findChild(QAction, "actionShowOutline").trigger()  # View → the outline off
    assert not pane.outline.isVisible() and _usable(pane.references)
    first.findChild(QAction, "actionFocusMode").trigger()  # F11
    assert not first.library_pane.isVisible() and not first.notes_panel.isVisible()
    assert not pane.references.isVisible() and _usable(pane.view)
    first.close()

    second = _open(qtbot, folder)
    pane = second.reading_pane
    focus = second.findChild(QAction, "actionFocusMode")
    assert focus.isChecked() and focus.shortcut().toString() == "F11"
    assert not second.library_pane.isVisible() and not second.notes_panel.isVisible()
    assert not pane.references.isVisible() and _usable(pane.view)
    focus.trigger()  # out of focus mode: the panes come back as they were, with room
    qtbot.waitUntil(lambda: _usable(second.library_pane) and _usable(second.notes_panel))
    assert abs(second.library_pane.width() - chosen) <= 4  # the width it had before focus mode
    assert not pane.outline.isVisible() and _usable(pane.references)
    assert second.library_pane.view.columnWidth(2) == 123
    second.findChild(QAction, "actionShowOutline").trigger()
    qtbot.waitUntil(lambda: _usable(pane.outline))
    second.close()


def test_library_columns_are_chosen_from_the_header(qtbot, tmp_path: Path) -> None:
    if not SEED.exists():
        pytest.skip("../shared/corpus is not here")
    win = _open(qtbot, tmp_path / "lib", first=True)
    pane = win.library_pane
    header = pane.view.horizontalHeader()
    assert header.isSectionHidden(1)  # the authors: hidden by default, chooseable
    pane._columns_menu(header.rect().center())
    menu = pane.columns_menu
    qtbot.waitUntil(menu.isVisible)
    actions = {a.text(): a for a in menu.actions()}
    assert not actions["Title"].isEnabled() and actions["Source"].isChecked() and not actions["Authors"].isChecked()
    actions["Authors"].trigger()
    assert not header.isSectionHidden(1) and header.sectionSize(1) >= 40
    menu.close()
    win.close()


def test_a_dark_palette_sets_the_page_in_dark_colours(qtbot, tmp_path: Path) -> None:
    """No light block behind light text: the abstract's background, the metadata's grey follow the palette."""
    if not SEED.exists():
        pytest.skip("../shared/corpus is not here")
    from PySide6.QtGui import QColor, QPalette

    win = _open(qtbot, tmp_path / "lib", first=True)
    view = win.findChild(QTextBrowser, "articleView")

    def abstract_background() -> QColor:
        block = view.document().begin()
        while block.isValid() and not block.text().startswith("基层治理是国家治理的基础"):
            block = block.next()
        assert block.isValid()
        return block.blockFormat().background().color()

    assert abstract_background().lightness() > 200  # light page: a pale block
    dark = QPalette(view.palette())
    for role, color in ((QPalette.ColorRole.Base, "#1f1f1f"), (QPalette.ColorRole.Text, "#e6e6e6")):
        dark.setColor(role, QColor(color))
    view.setPalette(dark)
    qtbot.waitUntil(lambda: abstract_background().lightness() < 80)
    view.setPalette(QPalette())  # and back
    qtbot.waitUntil(lambda: abstract_background().lightness() > 200)
    win.close()
