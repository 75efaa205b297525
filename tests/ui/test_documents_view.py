"""A PDF in the window: imported like a dump, its first-page footnotes shown apart, and 打开原文件
opening the very bytes imported; the line height chosen in the settings is kept after a restart."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QTextCursor
from PySide6.QtWidgets import QTextBrowser, QToolButton

from reader.app import create_window
from tests.conftest import FIXTURES, SEED
from tests.ui.test_window import import_and_wait, select_title

NAME = "05_footfirst_faxue_xingzheng"


@pytest.fixture
def pdf(tmp_path: Path) -> tuple[Path, dict]:
    out = tmp_path / "documents"
    build = FIXTURES / "documents" / "build.py"
    run = subprocess.run([sys.executable, str(build), str(out), NAME], capture_output=True, text=True, timeout=120)
    if run.returncode == 3:
        pytest.skip("reportlab is not installed: the PDF fixture cannot be built")
    assert run.returncode == 0, run.stderr
    return out / f"{NAME}.pdf", json.loads((out / f"{NAME}.expected.json").read_text(encoding="utf-8"))


def _window(qtbot, folder: Path):
    win = create_window(folder)
    qtbot.addWidget(win)
    win.show()
    win.resize(1366, 768)
    qtbot.waitExposed(win)
    return win


def test_a_pdf_reads_with_its_footnotes_apart_and_opens_as_the_original(qtbot, tmp_path, pdf, monkeypatch) -> None:
    path, truth = pdf
    win = _window(qtbot, tmp_path / "lib")
    summary = import_and_wait(qtbot, win, [path])
    assert (summary.imported, summary.refused) == (1, [])
    win.importer.summary_dialog.close()
    select_title(qtbot, win, truth["title"])
    view = win.findChild(QTextBrowser, "articleView")
    text = view.toPlainText()
    assert "收稿日期" in text and "基金项目" in text  # shown, under the abstract …
    body = "".join(p for s in win.reading_pane.article.sections for p in s.paragraphs)
    assert "收稿日期" not in body  # … and not in the text
    button = win.findChild(QToolButton, "openOriginal")
    assert button.isVisible() and button.width() >= 60 and button.height() >= 16
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    path.rename(path.with_name("moved.pdf"))  # gone from where it was imported: the library's copy opens
    button.click()
    assert len(opened) == 1
    shown = Path(opened[0].toLocalFile())
    assert shown.suffix == ".pdf" and shown.read_bytes() == path.with_name("moved.pdf").read_bytes()
    win.close()


def test_no_original_to_open_for_a_page_dump(qtbot, tmp_path) -> None:
    if not SEED.exists():
        pytest.skip("../shared/corpus is not here")
    win = _window(qtbot, tmp_path / "lib")
    import_and_wait(qtbot, win, [SEED])
    win.importer.summary_dialog.close()
    select_title(qtbot, win, "党建引领基层治理新探索")
    assert not win.findChild(QToolButton, "openOriginal").isVisible()
    win.close()


def _line_height(view: QTextBrowser) -> float:
    cursor = QTextCursor(view.document())
    block = view.document().begin()
    while block.isValid() and len(block.text()) < 80:  # a paragraph of the body
        block = block.next()
    cursor.setPosition(block.position())
    return cursor.blockFormat().lineHeight()


def test_line_height_is_set_in_settings_and_kept(qtbot, tmp_path) -> None:
    if not SEED.exists():
        pytest.skip("../shared/corpus is not here")
    folder = tmp_path / "lib"
    win = _window(qtbot, folder)
    import_and_wait(qtbot, win, [SEED])
    win.importer.summary_dialog.close()
    select_title(qtbot, win, "党建引领基层治理新探索")
    view = win.findChild(QTextBrowser, "articleView")
    assert _line_height(view) == 160
    dialog = win.open_settings()
    dialog.line_height.setValue(200)
    dialog.accept()
    assert _line_height(view) == 200
    win.close()
    again = _window(qtbot, folder)
    select_title(qtbot, again, "党建引领基层治理新探索")
    assert _line_height(again.findChild(QTextBrowser, "articleView")) == 200
    again.close()
