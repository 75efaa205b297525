"""The search hits as a results view: grouped by article, each hit's field named, its match drawn.

A row is either an article (its title and how many hits it has; Enter opens it) or a hit under it:
a small label for where the match is (题名, 关键词, 摘要, 正文 · the section, 参考文献, 划线, 笔记) and
the snippet with the match in bold and colour instead of the index's «…» marks.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QResizeEvent, QShowEvent, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from reader.core.library.search_index import MARK_CLOSE, MARK_OPEN

from .article_view import plain_tip

HIT_ROLE = Qt.ItemDataRole.UserRole  # the Hit of a hit row, None on an article row
ARTICLE_ROLE = Qt.ItemDataRole.UserRole + 1  # the article id of either kind of row
HTML_ROLE = Qt.ItemDataRole.UserRole + 2  # what the delegate draws
MATCH_COLOR = "#b3400a"
INDENT = 14


def snippet_html(snippet: str) -> str:
    """The snippet as HTML, the marked match in bold and colour, on one line."""
    before, _, rest = snippet.partition(MARK_OPEN)
    match, _, after = rest.partition(MARK_CLOSE)
    flat = [escape(part.replace("\n", " ")) for part in (before, match, after)]
    if not rest:  # no mark: nothing to draw as a match
        return flat[0]
    return f'{flat[0]}<b style="color:{MATCH_COLOR}">{flat[1]}</b>{flat[2]}'


def match_text(snippet: str) -> str:
    """The matched words as the text writes them (the snippet marks them)."""
    return snippet.partition(MARK_OPEN)[2].partition(MARK_CLOSE)[0]


def section_name(headings: list[str], target: int | None) -> str:
    """The heading of a body hit's section, or of the nearest section above it that has one."""
    if target is None:
        return ""
    for i in range(min(target, len(headings) - 1), -1, -1):
        if headings[i]:
            return headings[i]
    return ""


class HitDelegate(QStyledItemDelegate):
    """Draws a row's HTML (wrapped to the view's width): the match stands out, the label is small."""

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(3)
        html = index.data(HTML_ROLE) or ""
        if option.state & QStyle.StateFlag.State_Selected:  # grey and rust on the selection's blue: unreadable
            text = option.palette.color(QPalette.ColorRole.HighlightedText).name()
            html = html.replace("color:gray", f"color:{text}").replace(f"color:{MATCH_COLOR}", f"color:{text}")
        doc.setHtml(html)
        indent = INDENT if index.data(HIT_ROLE) is not None else 0
        doc.setTextWidth(max(60, self._width(option) - indent))
        return doc

    @staticmethod
    def _width(option: QStyleOptionViewItem) -> int:
        """The width rows are laid out in: the same whether or not the scroll bar shows, so a row drawn
        is never taller than the height it was given."""
        view = option.widget
        if not isinstance(view, QListWidget):
            return option.rect.width()
        bar = view.verticalScrollBar()
        return view.viewport().width() - (0 if bar.isVisible() else bar.sizeHint().width())

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        doc = self._document(option, index)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        indent = INDENT if index.data(HIT_ROLE) is not None else 0
        painter.translate(option.rect.left() + indent, option.rect.top())
        painter.setClipRect(0, 0, option.rect.width() - indent, option.rect.height())
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        doc = self._document(option, index)
        return QSize(self._width(option), int(doc.size().height()))


class SearchResults(QListWidget):
    """The hits of the last search, article by article."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchResults")
        self.setAccessibleName(self.tr("Search results"))
        self.setItemDelegate(HitDelegate(self))
        self.setResizeMode(QListWidget.ResizeMode.Adjust)  # rows wrap again when the view is resized
        self.setUniformItemSizes(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # rows wrap instead

    def showEvent(self, event: QShowEvent) -> None:
        """Rows measured while the list was hidden (focus mode) were measured at no width: again."""
        super().showEvent(event)
        self.scheduleDelayedItemsLayout()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()

    def field_label(self, hit: Any, names: dict[int, Any]) -> str:
        """Where the match is, in a word or two (the section's name for a hit in the text)."""
        headings, meta = names.get(hit.article_id, ([], {}))
        if hit.field == "body":
            name = section_name(headings, hit.target)
            return self.tr("Text") + (f" · {name}" if name else "")
        if hit.field == "meta":
            match = match_text(hit.snippet)
            if any(match in k for k in meta.get("keywords", [])):
                return self.tr("Keywords")
            if any(match in a for a in meta.get("authors", [])):
                return self.tr("Authors")
            return self.tr("Source")
        if hit.where == "highlight" and hit.field == "highlight":
            return self.tr("Highlight")
        labels = {
            "title": self.tr("Title"),
            "abstract": self.tr("Abstract"),
            "references": self.tr("References"),
            "footnotes": self.tr("Footnotes"),
            "note": self.tr("Note"),
        }
        return labels.get(hit.field, hit.field)

    def show_hits(self, hits: list[Any], names: dict[int, Any]) -> None:
        """List ``hits`` grouped by article, the articles in the order of their best hit."""
        self.clear()
        groups: dict[int, list[Any]] = {}
        for hit in hits:
            groups.setdefault(hit.article_id, []).append(hit)
        for article_id, group in groups.items():
            head = QListWidgetItem()
            count = self.tr("%1 hits").replace("%1", str(len(group)))
            head.setData(HTML_ROLE, f'<b>{escape(group[0].title)}</b>　<span style="color:gray">{escape(count)}</span>')
            head.setData(ARTICLE_ROLE, article_id)
            head.setData(HIT_ROLE, None)
            head.setText(group[0].title)  # for the accessibility tree and keyboard search
            head.setToolTip(plain_tip(group[0].title))
            self.addItem(head)
            for hit in group:
                label = self.field_label(hit, names)
                item = QListWidgetItem()
                item.setText(f"{label}: {hit.snippet.replace(MARK_OPEN, '').replace(MARK_CLOSE, '')}")
                item.setData(
                    HTML_ROLE,
                    f'<span style="color:gray; font-size:small">{escape(label)}</span>　{snippet_html(hit.snippet)}',
                )
                item.setData(ARTICLE_ROLE, article_id)
                item.setData(HIT_ROLE, hit)
                item.setToolTip(plain_tip(hit.snippet))
                self.addItem(item)

    def hit_rows(self, article_id: int | None = None) -> list[int]:
        """Rows holding hits (of one article, if given), in order."""
        rows = []
        for row in range(self.count()):
            item = self.item(row)
            if item.data(HIT_ROLE) is not None and (article_id is None or item.data(ARTICLE_ROLE) == article_id):
                rows.append(row)
        return rows

    def hit_count(self) -> int:
        return len(self.hit_rows())

    def hits(self) -> list[Any]:
        return [self.item(r).data(HIT_ROLE) for r in self.hit_rows()]

    def row_of_hit(self, hit: Any) -> int | None:
        return next((r for r in self.hit_rows() if self.item(r).data(HIT_ROLE) is hit), None)

    def step(self, article_id: int, forward: bool) -> Any:
        """Make the next (or previous) hit of the article current, round the end; that hit, or None."""
        rows = self.hit_rows(article_id)
        if not rows:
            return None
        now = self.currentRow()
        if forward:
            row = next((r for r in rows if r > now), rows[0])
        else:
            row = next((r for r in reversed(rows) if r < now), rows[-1])
        self.setCurrentRow(row)
        self.scrollToItem(self.item(row))
        return self.item(row).data(HIT_ROLE)

    def enter_from_above(self) -> None:
        """↓ in the search box: the first hit becomes current, and the keyboard is here."""
        rows = self.hit_rows()
        if rows:
            self.setCurrentRow(rows[0])
            self.scrollToItem(self.item(rows[0]))
        self.setFocus(Qt.FocusReason.TabFocusReason)
