"""The structured article view, with its outline and references."""

from __future__ import annotations

import bisect
import contextlib
import sqlite3
from typing import Any
from urllib.parse import unquote

from PySide6.QtCore import QPoint, QSettings, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSplitter,
    QTextEdit,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.library.store import Library
from reader.core.model import Article
from reader.core.parse.citation_marks import MAX_LINKED_MARKS

from .article_html import DEFAULT_LINE_HEIGHT, Labels, render
from .article_map import ArticleMap, abstract_position, map_blocks
from .article_view import ArticleView, plain_tip
from .original_file import has_original, open_original
from .references_list import ReferencesList
from .search_results import match_text
from .welcome import WelcomePage

SECTION_ROLE = Qt.ItemDataRole.UserRole
MIN_FONT, MAX_FONT, DEFAULT_FONT = 9, 28, 13
MIN_LINE, MAX_LINE = 130, 220  # line height, percent
# Highlight colours: light enough for black text, distinct from each other and from the selection.
HIGHLIGHT_COLORS = ("#ffe98a", "#bfe0ff", "#ffc9d6", "#c8efc1", "#ded3ff")


class ReadingPane(QWidget):
    keywordClicked = Signal(str)
    startRequested = Signal(str)  # sample, import, dismiss: the first-run page's links
    message = Signal(str)  # a line for the status bar

    def __init__(self, library: Library, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readingPane")
        self.library = library
        self.settings = settings
        self.article_id: int | None = None
        self.article: Article | None = None
        self.show_abstract = settings.value("reading/showAbstract", True, type=bool)
        self.show_related = False
        self._headings: list[tuple[int, int]] = []  # (document position, section index), in order
        self._outline_items: dict[int, QTreeWidgetItem] = {}  # section index → its outline item
        self._map = ArticleMap()  # where each heading, paragraph and reference stands
        self._citations: dict[int, list[Any]] = {}  # reference number → its marks, in reading order
        self.highlight_rows: list[dict[str, Any]] = []
        self.welcome = WelcomePage(self)

        self.view = ArticleView(self)
        self.view.anchorClicked.connect(self._link)
        self.view.paletteChanged.connect(lambda: self._render(keep_scroll=True))
        self.view.verticalScrollBar().valueChanged.connect(self._follow_scroll)
        self.set_font_size(settings.value("reading/fontSize", DEFAULT_FONT, type=int))
        line_height = settings.value("reading/lineHeight", DEFAULT_LINE_HEIGHT, type=int)
        self.view.set_line_height(max(MIN_LINE, min(MAX_LINE, line_height)))

        self.title_label = QLabel(self.prompt(), self)
        self.title_label.setObjectName("readingTitle")
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)  # the title comes from the dump
        # a long title is cut by the bar's width, never widens the window past the screen
        self.title_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.abstract_toggle = QToolButton(self)
        self.abstract_toggle.setObjectName("abstractToggle")
        self.abstract_toggle.setCheckable(True)
        self.abstract_toggle.setChecked(self.show_abstract)
        self.abstract_toggle.setText(self.tr("Abstract"))
        self.abstract_toggle.setToolTip(self.tr("Show or hide the abstract"))
        self.abstract_toggle.toggled.connect(self.set_abstract_visible)
        self.abstract_toggle.hide()  # shown over an article that has an abstract
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 2, 6, 2)
        bar.addWidget(self.title_label, 1)
        bar.addWidget(self.abstract_toggle)

        self.outline = QTreeWidget(self)
        self.outline.setObjectName("outlineView")
        self.outline.setHeaderLabel(self.tr("Outline"))
        self.outline.setAccessibleName(self.tr("Outline"))
        self.outline.itemClicked.connect(self._outline_clicked)
        self.outline.itemActivated.connect(self._outline_clicked)

        self.references = ReferencesList(self)
        self.references.citationRequested.connect(self.go_to_citation)
        self.copy_action = self.references.copy_action
        self.original_button = QToolButton(self)
        self.original_button.setObjectName("openOriginal")
        self.original_button.setText(self.tr("Open the original file"))
        self.original_button.setToolTip(self.tr("Figures, tables and equations, in the system's viewer"))
        self.original_button.clicked.connect(self.open_original)
        self.original_button.hide()
        bar.insertWidget(1, self.original_button)

        side = QSplitter(Qt.Orientation.Vertical, self)
        side.setObjectName("readingSide")
        side.addWidget(self.outline)
        side.addWidget(self.references)
        side.setSizes([380, 220])
        main = QWidget(self)
        column = QVBoxLayout(main)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addLayout(bar)
        column.addWidget(self.view, 1)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.setObjectName("readingSplitter")
        split.addWidget(side)
        split.addWidget(main)
        split.setStretchFactor(1, 1)
        split.setSizes([170, 640])
        self.splitter, self.side_splitter = split, side
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        self._save_timer = QTimer(self, singleShot=True, interval=1000)
        self._save_timer.timeout.connect(self.save_position)

    # -- showing an article -------------------------------------------------

    def labels(self) -> Labels:
        return Labels(
            abstract=self.tr("Abstract"),
            keywords=self.tr("Keywords"),
            references=self.tr("References"),
            related=self.tr("Other papers on the source page (not part of this article): %1"),
            show=self.tr("show"),
            hide=self.tr("hide"),
            check=self.tr("Please check: %1 (F2 corrects the details)"),
            footnotes=self.tr("Footnotes"),
            doubts={
                "title_guessed": self.tr("the title"),
                "no_authors": self.tr("no authors found"),
                "no_year": self.tr("no year found"),
                "no_sections": self.tr("no sections found"),
            },
        )

    def show_article(self, article_id: int | None) -> None:
        self.save_position()
        self.article_id = article_id
        self.article = self.library.article(article_id) if article_id is not None else None
        self.highlight_rows = self.library.highlights(article_id) if article_id is not None else []
        self.show_related = False
        self._render()
        self._fill_outline()
        self._fill_references()
        self.original_button.setVisible(article_id is not None and has_original(self.library, article_id))
        self.abstract_toggle.setVisible(bool(self.article is not None and self.article.abstract))
        if self.article is not None and article_id is not None:
            self.title_label.setText(self.article.title or "")
            if len(self.article.citations) >= MAX_LINKED_MARKS:
                text = self.tr("Only the first %1 citation marks of this article are linked to its references.")
                self.message.emit(text.replace("%1", f"{MAX_LINKED_MARKS:,}"))
            self.view.scroll_to_position(self.library.position(article_id))
            self._follow_scroll()
        else:
            self.title_label.setText(self.prompt())
            self.view.clear()

    def prompt(self) -> str:
        """What the title bar says when no article is open."""
        return self.tr("Choose an article in the library, or import one (Ctrl+O).")

    def show_welcome(self) -> None:
        """The first-run page of an empty library: the sample article and a short guide."""
        self.view.setHtml(self.welcome.html())

    def _render(self, keep_scroll: bool = False) -> None:
        if self.article is None:
            return
        value = self.view.verticalScrollBar().value()
        self.view.setHtml(render(self.article, self.labels(), self.show_abstract, self.show_related))
        self._map = map_blocks(self.view.document(), self.article)
        self._citations = {}
        for c in self.article.citations:
            self._citations.setdefault(c.ref, []).append(c)
        # Tops are asked for when needed: a top far down would make Qt lay the whole text out now.
        self._headings = sorted((at, i) for i, at in self._map.headings.items())
        self.draw_highlights(self.highlight_rows)
        if keep_scroll:
            self.view.verticalScrollBar().setValue(value)

    def position_top(self, position: int) -> int:
        """Vertical position, in document pixels, of the line holding a document position."""
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(min(max(0, position), self.view.document().characterCount() - 1))
        block = cursor.block()
        line = block.layout().lineForTextPosition(cursor.positionInBlock())
        top = self.view.document().documentLayout().blockBoundingRect(block).top()
        return int(top + (line.y() if line.isValid() else 0))

    def citation_position(self, n: int, k: int = 0) -> int | None:
        """Document position of the k-th mark citing reference n."""
        marks = self._citations.get(n, [])
        p = self._map.by_place.get((marks[k].section, marks[k].paragraph)) if 0 <= k < len(marks) else None
        return None if p is None else p.view(marks[k].start)

    def citation_top(self, n: int, k: int = 0) -> int | None:
        at = self.citation_position(n, k)
        return None if at is None else self.position_top(at)

    def reference_top(self, n: int) -> int | None:
        at = self._map.references.get(n)
        return None if at is None else self.position_top(at)

    def document_range(self, section: int, start: int, end: int) -> tuple[int, int] | None:
        """Document positions of a range given in a section's text."""
        first = last = None
        for p in self._map.by_section.get(section, []):
            if first is None and start <= p.start + p.length:
                first = p.view(start - p.start)
            if end <= p.start + p.length:
                last = p.view(end - p.start)
                break
        return (first, last) if first is not None and last is not None and last > first else None

    def selection_ranges(self) -> list[tuple[int, int, int]]:
        """The view's selection as (section, start, end) in each section's text it covers, in order:
        a selection across a heading has a part in each section (stored linked, ``add_highlight``)."""
        cursor = self.view.textCursor()
        if not cursor.hasSelection():
            return []
        a, b = cursor.selectionStart(), cursor.selectionEnd()
        inside = [p for p in self._map.paragraphs if p.position <= b and a <= p.position + p.units]
        parts = []
        for section in dict.fromkeys(p.section for p in inside):
            same = [p for p in inside if p.section == section]
            start = same[0].start + same[0].stored(a - same[0].position)
            end = same[-1].start + same[-1].stored(b - same[-1].position)
            if end > start:
                parts.append((section, start, end))
        return parts

    def selection_range(self) -> tuple[int, int, int] | None:
        """The first part of the view's selection (``selection_ranges``), if it lies in the body."""
        parts = self.selection_ranges()
        return parts[0] if parts else None

    def selection_to_store(self) -> list[tuple[int, int, int]]:
        """``selection_ranges``, saying in the status bar why a selection cannot be stored."""
        spot = self.selection_ranges()
        if not spot and self.view.textCursor().hasSelection():
            self.message.emit(
                self.tr(
                    "This selection cannot be highlighted: only the body text is (not the title, abstract,"
                    " headings or references)."
                )
            )
        return spot

    def draw_highlights(self, rows: list[dict[str, Any]]) -> None:
        """Highlights are drawn over the text, never written into it."""
        self.highlight_rows = rows
        selections, missed = [], 0
        for row in rows:
            if row.get("orphaned"):
                continue
            span = self.document_range(row["section_position"], row["start"], row["end"])
            if span is None:  # said, not skipped quietly: the list of highlights still has it
                missed += 1
                continue
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.view.document())
            cursor.setPosition(span[0])
            cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(HIGHLIGHT_COLORS[row["color"] % len(HIGHLIGHT_COLORS)]))
            fmt.setForeground(QColor("#000000"))  # dark text on the light colour, in light and dark palettes
            selection.cursor, selection.format = cursor, fmt
            selections.append(selection)
        self.view.setExtraSelections(selections)
        if missed:
            text = self.tr("Highlights that cannot be shown in the text: %1 (they are in the list of highlights).")
            self.message.emit(text.replace("%1", str(missed)))

    def mark_text(self, hit: Any) -> None:
        """Select a search hit's match in the article and bring it into view."""
        if self.article is None:
            return
        span = None
        start_at = 0
        if hit.field == "body" and hit.target is not None and hit.target < len(self.article.sections):
            heading = self.article.sections[hit.target].heading
            offset = len(heading) + 1 if heading else 0
            if hit.start >= offset:
                span = self.document_range(hit.target, hit.start - offset, hit.end - offset)
            start_at = self._map.section_start(hit.target) or 0
        if hit.field == "abstract":  # a folded abstract unfolds to show its hit
            if not self.show_abstract:
                self.set_abstract_visible(True)
            start_at = abstract_position(self.view.document(), self.article.abstract)
        elif hit.field == "references" and self._map.references:
            start_at = min(self._map.references.values())
        if span is None:  # in a heading, the title, the abstract, the references: find it from there on
            found = self.view.document().find(match_text(hit.snippet), start_at)
            span = (found.selectionStart(), found.selectionEnd()) if not found.isNull() else None
        if span is None:
            return
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(span[0])
        cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        self.view.setTextCursor(cursor)
        # a third down the view, with the lines before it: not on the last visible line
        self.view.verticalScrollBar().setValue(max(0, self.position_top(span[0]) - self.view.viewport().height() // 3))
        self._follow_scroll()

    def refresh_highlights(self) -> None:
        if self.article_id is not None:
            self.draw_highlights(self.library.highlights(self.article_id))

    def scroll_to_range(self, section: int, start: int, end: int) -> None:
        span = self.document_range(section, start, end)
        if span is None:
            return
        self.view.verticalScrollBar().setValue(max(0, self.position_top(span[0]) - 60))

    def _fill_outline(self) -> None:
        self.outline.clear()
        self._outline_items = {}
        if self.article is None:
            return
        parent: QTreeWidgetItem | None = None
        for i, s in enumerate(self.article.sections):
            if not s.heading:
                continue
            item = QTreeWidgetItem([s.heading])
            item.setData(0, SECTION_ROLE, i)
            self._outline_items[i] = item
            item.setToolTip(0, plain_tip(s.heading))
            if s.level <= 1 or parent is None:
                self.outline.addTopLevelItem(item)
                parent = item
            else:
                parent.addChild(item)
        self.outline.expandAll()

    def _fill_references(self) -> None:
        self.references.fill(self.article.references if self.article is not None else [])

    # -- moving about -------------------------------------------------------

    def section_top(self, index: int) -> int | None:
        at = self._map.headings.get(index)
        return None if at is None else self.position_top(at)

    def scroll_to_section(self, index: int) -> None:
        top = self.section_top(index)
        if top is not None:
            self.view.verticalScrollBar().setValue(top)

    def _section_at(self, value: int) -> int | None:
        """The last section whose heading is above ``value``: a binary search over the headings shown
        so far (a heading below the view is never asked for its top, so nothing more is laid out)."""
        bottom = self.view.cursorForPosition(QPoint(4, self.view.viewport().height() - 1)).position()
        lo, hi = 0, bisect.bisect_right(self._headings, (bottom, len(self._headings) + 1))
        while lo < hi:
            mid = (lo + hi) // 2
            if self.position_top(self._headings[mid][0]) <= value:
                lo = mid + 1
            else:
                hi = mid
        return self._headings[lo - 1][1] if lo else None

    def _outline_clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        index = item.data(0, SECTION_ROLE)
        if index is not None:
            self.scroll_to_section(index)

    def _follow_scroll(self, _value: int = 0) -> None:
        """The outline marks the section at the top of the view."""
        current = self._section_at(self.view.verticalScrollBar().value() + 8)
        item = self._outline_items.get(current) if current is not None else None
        if item is not None and item is not self.outline.currentItem():
            self.outline.blockSignals(True)
            self.outline.setCurrentItem(item)
            self.outline.blockSignals(False)
        if self.article_id is not None:
            self._save_timer.start()

    def _link(self, url: QUrl) -> None:
        scheme, _, rest = url.toString().partition(":")
        if scheme == "kw":
            self.keywordClicked.emit(unquote(rest))
        elif scheme == "ref" and rest.isdigit():
            self.go_to_reference(int(rest))
        elif scheme == "back" and rest.isdigit():
            self.go_to_citation(int(rest))
        elif scheme == "toggle" and rest == "abstract":
            self.abstract_toggle.toggle()
        elif scheme == "start":
            self.startRequested.emit(rest)
        elif scheme == "toggle" and rest == "related":
            self.show_related = not self.show_related
            self._render(keep_scroll=True)

    def go_to_reference(self, n: int) -> None:
        self.references.show_reference(n)
        top = self.reference_top(n)
        if top is not None:
            self.view.verticalScrollBar().setValue(top)

    def go_to_citation(self, n: int, k: int = 0) -> None:
        top = self.citation_top(n, k)
        if top is not None:
            self.view.verticalScrollBar().setValue(max(0, top - 40))

    def open_original(self) -> None:
        """The imported PDF or Word file in the system's viewer, for what the text cannot show."""
        if self.article_id is not None and not open_original(self.library, self.article_id):
            self.message.emit(self.tr("The original file could not be opened: no viewer for it was found."))

    # -- settings -----------------------------------------------------------

    def set_abstract_visible(self, visible: bool) -> None:
        self.show_abstract = visible
        self.settings.setValue("reading/showAbstract", visible)
        if self.abstract_toggle.isChecked() != visible:
            self.abstract_toggle.setChecked(visible)
        self._render(keep_scroll=True)

    def set_font_size(self, size: int) -> None:
        size = max(MIN_FONT, min(MAX_FONT, size))
        font = QFont(self.view.document().defaultFont())
        font.setPointSize(size)
        self.view.document().setDefaultFont(font)
        self.settings.setValue("reading/fontSize", size)
        self.view.fit_measure()
        if self.article is not None:
            self._render(keep_scroll=True)

    def set_line_height(self, percent: int) -> None:
        """Line height of the body text in percent (130–220), remembered."""
        percent = max(MIN_LINE, min(MAX_LINE, percent))
        self.view.set_line_height(percent)
        self.settings.setValue("reading/lineHeight", percent)
        if self.article is not None:
            self._render(keep_scroll=True)

    def font_size(self) -> int:
        return self.view.document().defaultFont().pointSize()

    def zoom(self, step: int) -> None:
        self.set_font_size(self.font_size() + step)

    def save_position(self) -> None:
        """Remember where the reader is; a busy library skips it (a place, not something typed)."""
        self._save_timer.stop()
        if self.article_id is not None and self.article is not None and not self.library.closed:
            with contextlib.suppress(sqlite3.OperationalError):
                self.library.set_position(self.article_id, self.view.top_position())
