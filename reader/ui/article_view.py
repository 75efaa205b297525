"""The article's text as read-only rich text, and the UTF-16 arithmetic that Qt's positions need."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QUrl
from PySide6.QtGui import QTextBlock, QTextCursor
from PySide6.QtWidgets import QTextBrowser, QWidget

from .article_html import STYLE


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


class ArticleView(QTextBrowser):
    """Read-only rich text; links are routed by the reading pane, and nothing is ever loaded."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleView")
        self.setAccessibleName(self.tr("Article text"))
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.document().setDefaultStyleSheet(STYLE)
        self.document().setDocumentMargin(24)

    def loadResource(self, kind: int, name: QUrl) -> Any:
        return None  # no images, no style sheets, no network: imported text stays text

    def anchor_block(self, name: str) -> QTextBlock | None:
        """The block holding the anchor called ``name``."""
        block = self.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                if fragment.isValid() and name in fragment.charFormat().anchorNames():
                    return block
                it += 1
            block = block.next()
        return None

    def anchor_top(self, name: str) -> int | None:
        """Vertical position, in document pixels, of the anchor called ``name``."""
        block = self.anchor_block(name)
        return None if block is None else int(self.document().documentLayout().blockBoundingRect(block).top())

    def top_position(self) -> int:
        """Character position at the top of the viewport: the reading position."""
        return self.cursorForPosition(QPoint(4, 4)).position()

    def scroll_to_position(self, position: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(max(0, position), self.document().characterCount() - 1))
        top = self.document().documentLayout().blockBoundingRect(cursor.block()).top()
        self.verticalScrollBar().setValue(int(top))
