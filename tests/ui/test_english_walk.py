"""No English reaches the Chinese UI: the window and its dialogs, walked offscreen under zh_CN."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QFileInfo, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QFileIconProvider,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from reader.app import create_window
from reader.ui.translations import install
from tests.conftest import SEED
from tests.ui.test_window import CITED, import_and_wait

WORD = re.compile(r"[A-Za-z][A-Za-z']{2,}")
# Names, formats and keys that are the same in Chinese, and the search syntax the box teaches.
# fmt: off
ALLOWED = {
    "Ctrl", "Shift", "Alt", "Del", "Delete", "Esc", "Enter", "Markdown", "Zotero", "CSL", "JSON", "DOI", "GB/T",
    "title", "author", "tag", "txt", "html", "htm", "mhtml", "mht", "md", "Yandu", "Reader", "PySide", "Qt",
    "sqlite", "Home", "End", "PgUp", "PgDown", "Backspace", "Tab", "Space", "Left", "Right", "Up", "Down",
    "English",  # the settings' language list names each language in itself
    "Word", "PDF",  # product and format names, as Chinese software writes them
}
# fmt: on


def english(text: str) -> list[str]:
    """Words of three or more Latin letters that are not names, keys or formats."""
    plain = re.sub(r"<[^>]+>", " ", text or "")
    plain = re.sub(r"&\w+;", " ", plain)
    plain = re.sub(r"\(&\w\)|&(?=\w)", "", plain)
    plain = re.sub(r"(/[\w.\-]+)+", " ", plain)  # paths
    plain = re.sub(r"[\w.\-]+\.(txt|html?|mhtml?|md|json|sqlite3|ini)\b", " ", plain)  # the reader's file names
    return [w for w in WORD.findall(plain) if w not in ALLOWED]


def _model_texts(model: QAbstractItemModel | None) -> list[str]:
    if model is None:
        return []
    try:
        columns = model.columnCount(QModelIndex())
    except TypeError:  # a list's model (private in Qt's own list models): no header
        return []
    return [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(columns)]


def visible_texts(top: QWidget, ignore: tuple[QWidget, ...] = ()) -> list[tuple[str, str]]:
    """(where, text) of what a reader sees in ``top``: labels, buttons, placeholders, titles, tips, menus,
    headers. Text the reader brought (article views, notes, the library's rows) is not the UI's."""
    found: list[tuple[str, str]] = [(top.objectName() or type(top).__name__, top.windowTitle())]
    for w in [top, *top.findChildren(QWidget)]:
        if any(w is i or i.isAncestorOf(w) for i in ignore):
            continue
        name = w.objectName() or type(w).__name__
        texts = [w.toolTip(), w.accessibleName()]
        if isinstance(w, QLabel):
            texts.append(w.text())
        if isinstance(w, QAbstractButton):
            texts.append(w.text())
        if isinstance(w, QLineEdit | QPlainTextEdit | QTextEdit):
            texts.append(w.placeholderText())
        if isinstance(w, QGroupBox):
            texts.append(w.title())
        if isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
        if isinstance(w, QAbstractItemView) and not isinstance(w, QComboBox):
            texts += _model_texts(w.model())
        found += [(name, t) for t in texts if t]
    for action in top.findChildren(QAction):
        found += [(action.objectName() or "action", t) for t in (action.text(), action.toolTip()) if t]
    return found


def assert_chinese(top: QWidget, ignore: tuple[QWidget, ...] = ()) -> None:
    bad = [(where, text, english(text)) for where, text in visible_texts(top, ignore) if english(text)]
    assert not bad, "\n".join(f"{w}: {t!r} {e}" for w, t, e in bad)


@pytest.fixture
def chinese():
    app = QApplication.instance()
    installed = install(app, "zh_CN")
    yield
    for translator in installed:
        app.removeTranslator(translator)


def test_the_window_and_its_dialogs_speak_no_english(qtbot, tmp_path: Path, chinese) -> None:
    if not SEED.exists():
        pytest.skip("../shared/corpus is not here")
    win = create_window(tmp_path / "lib")
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    import_and_wait(qtbot, win, [SEED, CITED])
    summary = win.importer.summary_dialog
    assert_chinese(summary)
    summary.close()
    win.library_pane.search.setText("治理")
    qtbot.waitUntil(lambda: win.library_pane.results.isVisible())
    theirs = (
        win.reading_pane.view,
        win.library_pane.view,
        win.library_pane.results,
        win.reading_pane.outline,
        win.reading_pane.references,
        win.library_pane.groups_view,
        win.notes_panel.highlights,
        win.reading_pane.title_label,
    )
    assert_chinese(win, ignore=theirs)
    for make in (
        win.open_settings,
        win.show_shortcuts,
        lambda: (win.rename_colors(), win.findChildren(QDialog)[-1])[1],
        lambda: (win.editing.edit_metadata(), win.editing.dialog)[1],
    ):
        win.library_pane.select_article(win.library_pane.model.article_id(0))
        dialog = make()
        if dialog is None:
            continue
        assert_chinese(dialog, ignore=tuple(dialog.findChildren(QLineEdit)))
        dialog.close()


def test_qt_s_own_dialogs_speak_chinese(qtbot, chinese) -> None:
    """The file dialog and the message boxes' buttons come from Qt's own Chinese catalogue."""
    dialog = QFileDialog(None, "x")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    texts = [t for _, t in visible_texts(dialog) if t != "x"]
    assert "查找范围：" in texts or any("查找" in t for t in texts), texts
    labels = [w.text() for w in dialog.findChildren(QLabel) if w.text()]
    assert all(not english(t) for t in labels), labels
    assert QFileIconProvider().type(QFileInfo(str(Path.home()))) == "文件夹"  # the file list's type column
    box = QMessageBox(
        QMessageBox.Icon.Question, "x", "x", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    )
    qtbot.addWidget(box)
    assert sorted(b.text() for b in box.buttons()) == sorted(["是(&Y)", "否(&N)"]), [b.text() for b in box.buttons()]
