"""The UI speaks Chinese first: every string through tr() has a zh_CN translation, and it is used."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from reader.app import create_window
from reader.ui.translations import TRANSLATIONS, install, read_ts
from tests.ui.tr_strings import tr_strings


def test_zh_cn_covers_every_ui_string() -> None:
    table = read_ts(TRANSLATIONS / "reader_zh_CN.ts")
    strings = tr_strings()
    assert len(strings) > 50
    missing = sorted(strings - set(table))
    assert not missing, f"untranslated: {missing}"
    assert not set(table) - strings, f"translations of strings no longer used: {sorted(set(table) - strings)}"
    for (_, source), text in table.items():
        assert source.count("%") == text.count("%"), (source, text)  # placeholders kept


def test_window_speaks_chinese(qtbot, tmp_path: Path) -> None:
    app = QApplication.instance()
    installed = install(app, "zh_CN")
    try:
        window = create_window(tmp_path)
        qtbot.addWidget(window)
        qtbot.waitUntil(lambda: bool(window.menuBar().actions()))  # built after the first paint
        menus = [a.text() for a in window.menuBar().actions()]
        assert menus == ["文件(&F)", "编辑(&E)", "笔记(&N)", "视图(&V)", "帮助(&H)"]
        assert window.library_pane.search.placeholderText().startswith("全文搜索")
        assert window.library_pane.model.headerData(0, Qt.Orientation.Horizontal) == "题名"
    finally:
        for translator in installed:
            app.removeTranslator(translator)


def test_english_when_asked(tmp_path: Path) -> None:
    assert install(QApplication.instance(), "en_US") == []


def test_the_start_up_messages_speak_chinese(tmp_path: Path, monkeypatch) -> None:
    """What run() says before any window exists (read-only, in use, damaged) is translated too."""
    from PySide6.QtWidgets import QMessageBox

    from reader import app
    from reader.core.library.lock import WINDOW, LibraryLock

    qt_app = QApplication.instance()
    installed = install(qt_app, "zh_CN")
    lock = LibraryLock(tmp_path, holder=WINDOW)
    try:
        assert lock.acquire()
        in_use = app._in_use_message(tmp_path)
        assert in_use.startswith("此文库正由研读窗口（进程 ") and "in use" not in in_use, in_use
        assert app._read_only_message(tmp_path).startswith("文库文件夹是只读的")
        said: list[str] = []
        monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda parent, title, text: said.append(text)))
        assert app._offer_restore(tmp_path) is False  # no backup to offer
        assert said == [f"{tmp_path} 中的文库已损坏，而且没有备份。"]
    finally:
        lock.release()
        for translator in installed:
            qt_app.removeTranslator(translator)


def test_refusals_read_in_chinese_and_name_no_internal_file(qtbot, tmp_path: Path) -> None:
    """The import summary speaks the reader's language: translated reasons, 粘贴的文字 for pasted text."""
    from reader.core.library.summary import PASTED, ImportSummary
    from reader.ui.importing import ImportSummaryDialog

    app = QApplication.instance()
    installed = install(app, "zh_CN")
    try:
        summary = ImportSummary(
            refused=[
                (PASTED, "no article in it (no Chinese text, nor an English paper)"),
                (str(tmp_path / "a.txt"), "not a text file (binary data)"),
                (str(tmp_path / "big.txt"), "too large to be a page dump (40.0 MB; at most 16 MB are read)"),
            ]
        )
        dialog = ImportSummaryDialog(summary)
        qtbot.addWidget(dialog)
        rows = [dialog.refusals.item(i).text() for i in range(dialog.refusals.count())]
        assert rows[0] == "粘贴的文字: 没有文章：既无中文正文，也不是英文论文"
        assert rows[1] == "a.txt: 不是文本文件（binary data）"
        assert rows[2].startswith("big.txt: 文件太大")
        assert "clipboard" not in "".join(rows)
    finally:
        for translator in installed:
            app.removeTranslator(translator)
