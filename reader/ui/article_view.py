"""The article's text as read-only rich text, and the UTF-16 arithmetic that Qt's positions need.

Rich text that holds imported text or the reader's notes loads nothing: ``InertBrowser`` is the
only kind of QTextBrowser the app makes, and ``plain_tip`` makes a tool tip of any text without
letting Qt take it for rich text (a tool tip or a QLabel would load an ``<img src="file:…">``)."""

from __future__ import annotations

from functools import lru_cache
from html import escape
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QPoint, QUrl, Signal
from PySide6.QtGui import QFontMetricsF, QImage, QPalette, QResizeEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from .article_html import DEFAULT_LINE_HEIGHT, style

MEASURE = 36  # Chinese characters a line of the body text: a comfortable measure


def qt_units(text: str, k: int) -> int:
    """Qt counts text positions in UTF-16 units: 𠀀 or an emoji is two. Python counts characters."""
    return len(text[:k].encode("utf-16-le")) // 2


def characters(text: str, units: int) -> int:
    """The inverse of qt_units: how many characters of ``text`` fill that many UTF-16 units."""
    k = n = 0
    while k < len(text) and n < units:
        n += 2 if ord(text[k]) > 0xFFFF else 1
        k += 1
    return k


def plain_tip(text: str) -> str:
    """A tool tip (or message box text) that shows ``text`` as it is: escaped rich text, so nothing
    in it is markup. Qt takes text that looks like HTML for rich text there, and would load its images."""
    return f"<p style='white-space:pre-wrap'>{escape(text)}</p>" if text else ""


class InertBrowser(QTextBrowser):
    """A QTextBrowser that never loads anything: no images, style sheets, files or network.

    Qt asks the widget's virtual ``loadResource``; it must be overridden in a subclass (an attribute
    set on an instance is never called), and it must answer with something usable: when the answer
    is null or no image, QTextDocument and its image handler read a local file themselves."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)

    def loadResource(self, kind: int, name: QUrl) -> Any:
        if kind == QTextDocument.ResourceType.ImageResource.value:
            return _blank_image()  # a blank pixel stands for any image: imported text and notes stay text
        return QByteArray()  # empty, not null: no style sheet, no file, no network


@lru_cache(maxsize=1)
def _blank_image() -> QImage:
    image = QImage(1, 1, QImage.Format.Format_ARGB32)
    image.fill(0)
    return image


class ArticleView(InertBrowser):
    """Read-only rich text; links are routed by the reading pane, and nothing is ever loaded."""

    paletteChanged = Signal()  # light ↔ dark: the page is set again in the palette's colours

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleView")
        self.setAccessibleName(self.tr("Article text"))
        self.line_height = DEFAULT_LINE_HEIGHT
        self.document().setDefaultStyleSheet(style(dark=self.dark()))
        self.document().setDocumentMargin(24)

    def set_line_height(self, percent: int) -> None:
        """The body's line height, in percent of the font size; applies to the next page set."""
        self.line_height = percent
        self.document().setDefaultStyleSheet(style(percent, self.dark()))

    def dark(self) -> bool:
        """Whether the palette is a dark one (its base darker than mid grey): the page's colours follow."""
        return self.palette().color(QPalette.ColorRole.Base).lightness() < 128

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.set_line_height(self.line_height)
            self.paletteChanged.emit()
        super().changeEvent(event)

    def fit_measure(self) -> None:
        """Keep lines at about MEASURE characters, centred: a view wider than that gets side margins."""
        width = QFontMetricsF(self.document().defaultFont()).horizontalAdvance("中") * MEASURE
        margin = self.document().documentMargin()
        side = int(margin + max(0.0, (self.viewport().width() - 2 * margin - width) / 2))
        root = self.document().rootFrame()
        fmt = root.frameFormat()
        if int(fmt.leftMargin()) != side:
            fmt.setLeftMargin(side)
            fmt.setRightMargin(side)
            root.setFrameFormat(fmt)

    def setHtml(self, text: str) -> None:
        super().setHtml(text)
        self.fit_measure()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_measure()

    def top_position(self) -> int:
        """Character position at the top of the viewport: the reading position."""
        return self.cursorForPosition(QPoint(4, 4)).position()

    def scroll_to_position(self, position: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(max(0, position), self.document().characterCount() - 1))
        top = self.document().documentLayout().blockBoundingRect(cursor.block()).top()
        self.verticalScrollBar().setValue(int(top))
