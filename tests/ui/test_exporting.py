"""File → Export and the clipboard copies, through the real window."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.export.markdown import ExportError
from tests.conftest import highlight


def test_export_dialog_and_copy_as_markdown(qtbot, tmp_path: Path, seed_bytes: bytes) -> None:
    from PySide6.QtGui import QGuiApplication

    from reader.app import create_window

    window = create_window(tmp_path / "lib")
    qtbot.addWidget(window)
    article_id = window.library.import_bytes(seed_bytes, "seed.txt").article_id
    highlight(window.library, article_id, "关键是要积极发挥党的引领作用", 1)
    window.library_pane.reload()
    window.library_pane.select_article(article_id)
    dialog = window.exporting.export_notes()
    assert dialog.what.currentData() == "article"
    dialog.folder.setText(str(tmp_path / "out"))
    written = dialog.export()
    assert [p.name for p in written] == ["党建引领基层治理新探索.md"]
    assert "> 关键是要积极发挥党的引领作用" in written[0].read_text(encoding="utf-8")
    with pytest.raises(ExportError, match="exists"):
        dialog.export()  # the dialog asks before it overwrites
    dialog.close()
    window.exporting.copy_notes_markdown()
    assert QGuiApplication.clipboard().text().startswith("---\ntitle: 党建引领基层治理新探索")
    window.close()


def test_citation_is_copied_from_the_article_view(qtbot, tmp_path: Path, seed_bytes: bytes) -> None:
    from PySide6.QtGui import QGuiApplication

    from reader.app import create_window

    window = create_window(tmp_path / "lib")
    qtbot.addWidget(window)
    article_id = window.library.import_bytes(seed_bytes, "seed.txt").article_id
    window.library.update_metadata(article_id, authors=["向春玲"], year=2018, issue="3")
    window.library_pane.reload()
    window.library_pane.select_article(article_id)
    window.findChild(type(window.highlight_action), "actionCopyCitation").trigger()
    assert QGuiApplication.clipboard().text() == "向春玲. 党建引领基层治理新探索[J]. 速读·中旬, 2018(3)."
    window.close()


def test_file_export_as_word(qtbot, tmp_path: Path, seed_bytes: bytes) -> None:
    from docx import Document
    from PySide6.QtGui import QAction

    from reader.app import create_window

    window = create_window(tmp_path / "lib")
    qtbot.addWidget(window)
    article_id = window.library.import_bytes(seed_bytes, "seed.txt").article_id
    window.library.set_note("article", article_id, "# 体会\n\n很有收获。")
    action = window.findChild(QAction, "actionExportWord")
    assert action.shortcut().toString() == "Ctrl+Shift+E"
    assert window.exporting.export_word() is None  # no article open: nothing to write
    window.library_pane.reload()
    window.library_pane.select_article(article_id)
    action.trigger()
    dialog = window.exporting.dialog_word
    dialog.layout_box.setCurrentIndex(dialog.layout_box.findData("公文"))
    dialog.name.setText("张三")
    dialog.folder.setText(str(tmp_path / "out"))
    dialog.run()
    [path] = dialog.written
    assert path.name == "党建引领基层治理新探索.docx" and dialog.result() == dialog.DialogCode.Accepted
    texts = [p.text for p in Document(str(path)).paragraphs]
    assert texts[1].startswith("姓名：张三") and "（一）体会" in texts
    again = window.exporting.export_word()
    assert again.name.text() == "张三" and again.layout_box.currentData() == "公文"  # remembered
    again.close()
    window.close()
