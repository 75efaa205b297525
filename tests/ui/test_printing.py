"""File → 打印 and 导出为 PDF: the PDF's text read back with pypdfium2 holds the Chinese title and
body, the fonts are embedded, the page is A4; the print preview opens on the same document."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pypdfium2 as pdfium

from reader.core.export.docx import GONGWEN, ZUOYE, Byline
from reader.core.export.gbt7714 import gbt7714
from reader.ui.printing import notes_document, notes_html, write_pdf
from tests.conftest import highlight


def pdf_text(path: Path) -> str:
    """The PDF's text, NFKC-normalised: a CJK font may map 一 to the Kangxi radical ⼀ (U+2F00)."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
        size = pdf[0].get_size()
    finally:
        pdf.close()
    return unicodedata.normalize("NFKC", text), size


def norm(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def seeded(library, seed_bytes: bytes) -> int:
    article_id = library.import_bytes(seed_bytes, "seed.txt").article_id
    hid = highlight(library, article_id, "关键是要积极发挥党的引领作用", 0)
    library.set_note("highlight", hid, "民心是最大的政治。")
    library.set_note("article", article_id, "---\n目标字数: 1500\n---\n# 学习心得\n\n基层治理的关键在党建引领。\n")
    return article_id


def test_pdf_holds_the_chinese_title_and_body(qapp, library, seed_bytes: bytes, tmp_path: Path) -> None:
    article_id = seeded(library, seed_bytes)
    byline = Byline("张三", "一班", dt.date(2026, 1, 15))
    for layout in (GONGWEN, ZUOYE):
        path = write_pdf(library, article_id, tmp_path / f"{layout.name}.pdf", layout, byline)
        text, (width, height) = pdf_text(path)
        squeezed = "".join(text.split())
        for expected in ("党建引领基层治理新探索", "基层治理的关键在党建引领。", "一、学习笔记", "姓名：张三"):
            assert norm(expected) in squeezed, expected
        assert norm(gbt7714(library.article_meta(article_id))) in squeezed
        assert norm("关键是要积极发挥党的引领作用——重点 · 引言，第 1 段") in squeezed and "目标字数" not in squeezed
        assert (round(width), round(height)) == (595, 842)  # A4 in points
        assert b"/FontFile" in path.read_bytes()  # the fonts travel with the PDF


def test_the_document_escapes_what_came_from_a_dump(library, seed_bytes: bytes) -> None:
    article_id = seeded(library, seed_bytes)
    library.update_metadata(article_id, title="<img src=x>题名")
    page = notes_html(library, article_id, GONGWEN, Byline())
    assert "<img" not in page and "&lt;img src=x&gt;题名" in page


def test_the_page_is_the_layouts(qapp, library, seed_bytes: bytes) -> None:
    article_id = seeded(library, seed_bytes)
    doc = notes_document(library, article_id, GONGWEN, Byline())
    assert round(doc.pageSize().width() / 96 * 25.4) == 210 - 28 - 26  # the text block between the margins
    block = doc.find("基层治理的关键在党建引领").block()
    assert block.blockFormat().textIndent() == round(2 * 16 * 96 / 72)  # two characters of 三号


def test_print_and_pdf_from_the_window(qtbot, tmp_path: Path, seed_bytes: bytes, monkeypatch) -> None:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QFileDialog

    from reader.app import create_window

    window = create_window(tmp_path / "lib")
    qtbot.addWidget(window)
    article_id = seeded(window.library, seed_bytes)
    assert window.findChild(QAction, "actionPrint").shortcut().toString() == "Ctrl+P"
    assert window.exporting.print_notes() is None  # nothing open
    window.library_pane.reload()
    window.library_pane.select_article(article_id)
    preview = window.exporting.print_notes()
    assert window.findChild(QAction, "actionExportPdf").shortcut().toString() == "Ctrl+Shift+P"
    assert preview is not None and "党建引领基层治理新探索" in preview.document.toPlainText()
    preview.close()
    out = tmp_path / "笔记.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "")))
    assert window.exporting.export_pdf() == out
    assert "党建引领基层治理新探索" in "".join(pdf_text(out)[0].split())
    window.close()
