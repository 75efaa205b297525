"""File → 打印 (Ctrl+P, with a preview) and 导出为 PDF: the study notes to hand in, on paper or as a PDF.

The same document as the Word export (title, name/class/date line, the study notes, the quoted
passages with their place, the GB/T 7714 reference) laid out by a QTextDocument in a built-in
layout's fonts and margins and printed through QPrinter; a PDF embeds the fonts it uses, so the
Chinese shows wherever it is opened. Where a layout's font is missing, a CJK font installed stands in.
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSettings, QSizeF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QWidget

from reader.core.export.docx import LAYOUTS, Byline, Layout, heading_number, passages
from reader.core.export.gbt7714 import gbt7714
from reader.core.export.headings import demote
from reader.core.export.length import body
from reader.core.export.markdown import safe_name
from reader.core.export.study_notes import markdown_to_html
from reader.core.library.store import Library

DPI = 96  # QTextDocument's pixels
FALLBACK = ["Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", "serif"]


def notes_html(library: Library, article_id: int, layout: Layout, byline: Byline) -> str:
    """The document as HTML for a QTextDocument: every piece of text escaped, the notes through markdown_to_html."""
    meta = library.article_meta(article_id)
    assert meta is not None
    esc = html.escape
    parts = [
        f'<p align="center" style="text-indent:0; font-family:\'{layout.title[0]}\'; font-size:{layout.title[1]}pt;'
        f' font-weight:{700 if layout.title_bold else 400}">{esc(meta["title"])}</p>',
        f'<p align="center" style="text-indent:0">{esc(byline.text())}</p>',
    ]
    number = 0

    def heading(text: str) -> str:
        nonlocal number
        number += 1
        font = layout.headings[0]
        return (
            f"<h2 style=\"font-family:'{font[0]}'; font-size:{font[1]}pt; font-weight:{700 if font[2] else 400}\">"
            f"{esc(heading_number(1, number) + text)}</h2>"
        )

    note = body(library.note("article", article_id))
    if note.strip():
        parts += [heading("学习笔记"), markdown_to_html(demote(note, 2))]
    quoted = passages(library, article_id)
    if quoted:
        parts.append(heading("原文摘录"))
        for quote, place, comment in quoted:
            lines = "<br/>".join(esc(line) for line in quote.splitlines())
            parts.append(f"<blockquote style=\"font-family:'{layout.quote}'\">{lines}<br/>——{esc(place)}</blockquote>")
            if comment.strip():
                parts.append(markdown_to_html(demote(comment, 3)))
    parts += [heading("参考文献"), f"<p>[1] {esc(gbt7714(meta))}</p>"]
    return f"<html><body>{''.join(parts)}</body></html>"


def notes_document(library: Library, article_id: int, layout: Layout, byline: Byline) -> QTextDocument:
    """Laid out on the layout's text block (A4 less its margins, in Qt's 96 dpi pixels), so that a
    printer lays it out the same; paragraphs start two characters in (Qt reads text-indent in px only)."""
    doc = QTextDocument()
    font = QFont()
    font.setFamilies([layout.body[0], *FALLBACK])
    font.setPointSizeF(layout.body[1])
    doc.setDefaultFont(font)
    px = DPI / 72
    doc.setDefaultStyleSheet(f"p {{ text-indent: {round(2 * layout.body[1] * px)}px; }}")
    top, bottom, left, right = layout.margins
    doc.setPageSize(QSizeF((210 - left - right) / 25.4 * DPI, (297 - top - bottom) / 25.4 * DPI))
    doc.setDocumentMargin(0)
    doc.setHtml(notes_html(library, article_id, layout, byline))
    return doc


def printer_for(layout: Layout, pdf: Path | None = None) -> QPrinter:
    """A4 with the layout's margins; a PDF writer when ``pdf`` is given."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if pdf is not None:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(pdf))
    top, bottom, left, right = layout.margins
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(left, top, right, bottom),
            QPageLayout.Unit.Millimeter,
        )
    )
    return printer


def write_pdf(library: Library, article_id: int, path: Path, layout: Layout, byline: Byline) -> Path:
    doc = notes_document(library, article_id, layout, byline)
    doc.print_(printer_for(layout, path))
    return path


def _choices(settings: QSettings) -> tuple[Layout, Byline]:
    """The layout, name and class last chosen for Word (公文 or 作业; a Word template prints as 作业)."""
    layout = LAYOUTS.get(str(settings.value("word/layout", "作业")), LAYOUTS["作业"])
    byline = Byline(str(settings.value("word/name", "")), str(settings.value("word/class", "")), dt.date.today())
    return layout, byline


def print_preview(library: Library, article_id: int, settings: QSettings, parent: QWidget) -> QPrintPreviewDialog:
    layout, byline = _choices(settings)
    doc = notes_document(library, article_id, layout, byline)
    printer = printer_for(layout)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setObjectName("printPreview")
    dialog.paintRequested.connect(doc.print_)
    dialog.document, dialog.kept_printer = doc, printer  # the dialog does not own them: kept alive as long as it
    dialog.open()
    return dialog


def export_pdf(library: Library, article_id: int, settings: QSettings, parent: QWidget, title: str) -> Path | None:
    """Asks where (starting in the export folder, named from the title) and writes the PDF there."""
    meta = library.article_meta(article_id)
    assert meta is not None
    start = str(Path(str(settings.value("export/folder", ""))) / safe_name(meta["title"], set(), ".pdf"))
    path, _ = QFileDialog.getSaveFileName(parent, title, start, "PDF (*.pdf)")
    if not path:
        return None
    layout, byline = _choices(settings)
    return write_pdf(library, article_id, Path(path), layout, byline)
