"""The library pane: a filter box, courses and tags, and the list of articles."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QMetaObject,
    QObject,
    QPoint,
    Qt,
    QThread,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QDragEnterEvent, QDragMoveEvent, QDropEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QListWidgetItem,
    QMenu,
    QSplitter,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.core.library import listing
from reader.core.library.store import Library

from .library_model import ARTICLE_IDS_MIME, LibraryModel, ids_from_mime
from .search_results import ARTICLE_ROLE, HIT_ROLE, SearchResults

RESULTS = 300  # search hits listed at the most
KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # "all", "courses", "tags", "course", "tag"
ID_ROLE = Qt.ItemDataRole.UserRole + 2
DEFAULT_COLUMNS = ("title", "source", "year")  # what fits beside the text; the header's menu shows more


def _group_item(text: str, kind: str, group_id: int | None = None) -> QStandardItem:
    item = QStandardItem(text)
    item.setData(kind, KIND_ROLE)
    item.setData(group_id, ID_ROLE)
    item.setEditable(False)
    return item


class GroupsView(QTreeView):
    """Courses and tags; articles dragged onto one join it."""

    articlesDropped = Signal(str, int, list)  # kind, id, article ids

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)

    def _target(self, pos: QPoint) -> tuple[str, int] | None:
        index = self.indexAt(pos)
        if index.isValid() and index.data(KIND_ROLE) in ("course", "tag"):
            return index.data(KIND_ROLE), index.data(ID_ROLE)
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(ARTICLE_IDS_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasFormat(ARTICLE_IDS_MIME) and self._target(event.position().toPoint()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        target = self._target(event.position().toPoint())
        if target and event.mimeData().hasFormat(ARTICLE_IDS_MIME):
            self.articlesDropped.emit(target[0], target[1], ids_from_mime(event.mimeData()))
            event.acceptProposedAction()
        else:
            event.ignore()


class SearchWorker(QObject):
    """Runs searches on a connection of its own, off the GUI thread; answers tagged with their request."""

    done = Signal(int, object, object, object)  # request number, hits, article ids, names for the hits

    def __init__(self, db_path: Path | None, library: Library) -> None:
        super().__init__()
        self.db_path, self.shared = db_path, library
        self.library: Library | None = None

    @Slot(int, str)
    def run(self, request: int, text: str) -> None:
        if self.library is None:
            self.library = Library(self.db_path) if self.db_path is not None else self.shared
        try:
            hits = self.library.search(text, limit=RESULTS)
            found = self.library.matching_articles(text, exact=False)
            names = {  # the sections' headings and the details of each article hit, to label the hits
                a: (self.library.section_headings(a), self.library.article_meta(a) or {})
                for a in dict.fromkeys(h.article_id for h in hits)
            }
        except sqlite3.Error:
            hits, found, names = [], [], {}
        self.done.emit(request, hits, found, names)

    @Slot()
    def close(self) -> None:
        if self.library is not None and self.library is not self.shared:
            self.library.close()


class LibraryPane(QWidget):
    searchRequested = Signal(int, str)
    articleSelected = Signal(int)
    hitActivated = Signal(object)  # a search Hit
    searchFinished = Signal(int, int)  # articles found, places (hits) listed
    searchCleared = Signal()
    message = Signal(str)  # a line for the status bar
    groupsChanged = Signal()

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryPane")
        self.library = library

        self.search = QLineEdit(self)
        self.search.setObjectName("librarySearch")
        self.search.setPlaceholderText(self.tr('Search the full text: words, "phrase", -word, title: author: tag:'))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Filter the library"))
        self._debounce = QTimer(self, singleShot=True, interval=150)
        self._debounce.timeout.connect(self._apply_filter)
        self.search.textChanged.connect(self._debounce.start)

        self.groups = QStandardItemModel(self)
        self.groups_view = GroupsView(self)
        self.groups_view.setObjectName("groupsView")
        self.groups_view.setModel(self.groups)
        self.groups_view.setHeaderHidden(True)
        self.groups_view.setAccessibleName(self.tr("Courses and tags"))
        self.groups_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.groups_view.customContextMenuRequested.connect(self._groups_menu)
        self.groups_view.articlesDropped.connect(self._drop_into_group)

        self.model = LibraryModel(library, self)
        self.view = QTableView(self)
        self.view.setObjectName("libraryView")
        self.view.setAccessibleName(self.tr("Articles"))
        self.view.setModel(self.model)
        self.view.horizontalHeader().setSortIndicator(4, Qt.SortOrder.DescendingOrder)  # newest first, as loaded
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setDragEnabled(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(26)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in enumerate((150, 110, 84, 46, 90, 60, 50, 50)):
            self.view.setColumnWidth(column, width)
            self.view.setColumnHidden(column, self.model.COLUMNS[column] not in DEFAULT_COLUMNS)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._columns_menu)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._articles_menu)

        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setObjectName("librarySplitter")
        split.addWidget(self.groups_view)
        split.addWidget(self.view)
        self.results = SearchResults(self)
        self.search.installEventFilter(self)  # ↓ goes from the box into the hits
        self.results.itemClicked.connect(self._hit_clicked)
        self.results.itemActivated.connect(self._hit_clicked)
        self.results.hide()
        split.addWidget(self.results)
        split.setStretchFactor(1, 4)
        split.setSizes([140, 560])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.search)
        layout.addWidget(split)
        self.splitter = split
        self._keyword: str | None = None
        self._quiet = False
        self.reload_groups()
        self.groups_view.selectionModel().currentChanged.connect(lambda *_: self._apply_filter())
        self._request = 0
        self._search_thread = QThread(self)
        self._searcher = SearchWorker(library.path, library)
        if library.path is not None:
            self._searcher.moveToThread(self._search_thread)
            self._search_thread.start()
        self.searchRequested.connect(self._searcher.run)
        self._searcher.done.connect(self._search_done)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)  # however the app ends, the thread ends first

    def shutdown(self) -> None:
        """Stop the search thread (the window is closing); answers still on their way are dropped."""
        self._debounce.stop()
        self._request += 1
        if self._search_thread.isRunning():
            QMetaObject.invokeMethod(self._searcher, "close", Qt.ConnectionType.BlockingQueuedConnection)
            self._search_thread.quit()
            self._search_thread.wait()

    # -- filtering ----------------------------------------------------------

    def current_filter(self, only: tuple[int, ...] | None = None) -> listing.Filter:
        index = self.groups_view.currentIndex()
        kind = index.data(KIND_ROLE) if index.isValid() else None
        group_id = index.data(ID_ROLE) if index.isValid() else None
        return listing.Filter(
            collection_id=group_id if kind == "course" else None,
            tag_id=group_id if kind == "tag" else None,
            keyword=self._keyword,
            only=only,
            doubtful=kind == "doubtful",
        )

    def _apply_filter(self) -> None:
        """The box searches the full text; the list keeps the articles found, the hits show where."""
        text = self.search.text().strip()
        self._request += 1  # any search still running is for an older box
        if not text:
            self._keyword = None
        if not text or self._keyword is not None:
            keep = self.current_id()  # the article chosen stays chosen (F2 and Delete act on it)
            self.results.hide()
            self.model.set_filter(self.current_filter())
            if keep is not None:
                self._quiet = True  # chosen again, not opened again
                self.select_article(keep)
                self._quiet = False
            self.searchCleared.emit()
            return
        self.searchRequested.emit(self._request, text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
            and self.results.isVisible()
            and self.results.count()
        ):
            self.results.enter_from_above()
            return True
        return super().eventFilter(watched, event)

    def _search_done(self, request: int, hits: list[Any], found: list[int], names: dict[int, Any]) -> None:
        if request != self._request or self.library.closed:
            return  # typing went on (a newer search is coming), or the window is closing
        self.model.set_filter(self.current_filter(only=tuple(found)))
        shown = set(self.model.ids)
        self.results.show_hits([h for h in hits if h.article_id in shown], names)
        self.results.setVisible(True)
        self._make_room_for_hits()
        n, m = len(self.model.ids), self.results.hit_count()
        self.searchFinished.emit(n, m)
        self.message.emit(self.tr("%1 articles, %2 places").replace("%1", str(n)).replace("%2", str(m)))

    def _make_room_for_hits(self) -> None:
        """Hits no one can see are no hits: a collapsed or sliver-thin list gets half of the list's room."""
        groups, articles, hits = self.splitter.sizes()
        if hits < 120:
            room = articles + hits
            self.splitter.setSizes([groups, room - room * 11 // 20, room * 11 // 20])

    def _hit_clicked(self, item: QListWidgetItem) -> None:
        """A hit opens its article at the match; an article's row opens the article."""
        hit = item.data(HIT_ROLE)
        self.select_article(item.data(ARTICLE_ROLE))
        if hit is not None:
            self.hitActivated.emit(hit)

    def step_hit(self, article_id: int | None, forward: bool = True) -> None:
        """F3 / Shift+F3: the next or previous hit of the last search in the open article."""
        hit = self.results.step(article_id, forward) if article_id is not None and self.results.isVisible() else None
        if hit is None:
            self.message.emit(self.tr("No search hits in this article: search the library first (Ctrl+F)."))
            return
        self.hitActivated.emit(hit)

    def hit_actions(self, parent: QWidget, open_article: Any) -> list[QAction]:
        """F3 and Shift+F3 for a menu: ``open_article()`` says which article is open."""
        actions = []
        for text, key, name, forward in (
            (self.tr("Next search &hit"), "F3", "actionNextHit", True),
            (self.tr("Previous search hit"), "Shift+F3", "actionPreviousHit", False),
        ):
            action = QAction(text, parent)
            action.setShortcut(key)
            action.setObjectName(name)
            action.triggered.connect(lambda _=False, f=forward: self.step_hit(open_article(), f))
            actions.append(action)
        return actions

    def filter_by_keyword(self, keyword: str) -> None:
        """A keyword chip was clicked: show the articles that carry it."""
        self._keyword = keyword
        self.search.blockSignals(True)
        self.search.setText(keyword)
        self.search.blockSignals(False)
        self.results.hide()
        self._request += 1
        self.model.set_filter(listing.Filter(keyword=keyword))

    # -- selection ----------------------------------------------------------

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [a for r in rows if (a := self.model.article_id(r)) is not None]

    def current_id(self) -> int | None:
        index = self.view.currentIndex()
        return self.model.article_id(index.row()) if index.isValid() else None

    def select_article(self, article_id: int) -> bool:
        row = self.model.row_of(article_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.view.scrollTo(index)
        return True

    def _current_changed(self, current: Any, _previous: Any) -> None:
        article_id = self.model.article_id(current.row()) if current.isValid() else None
        if article_id is not None and not self._quiet:
            self.articleSelected.emit(article_id)

    def reload(self, keep: int | None = None) -> None:
        keep = keep if keep is not None else self.current_id()
        self.model.reload()
        if keep is not None:
            self.select_article(keep)

    def _columns_menu(self, pos: QPoint) -> None:
        """The header's menu: a tick for each column (the header remembers them, and their widths)."""
        header, menu = self.view.horizontalHeader(), QMenu(self)
        for column in range(self.model.columnCount()):
            action = menu.addAction(self.model.headerData(column, Qt.Orientation.Horizontal))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.setEnabled(column != 0)  # the title always shows
            action.toggled.connect(lambda on, c=column: self.view.setColumnHidden(c, not on))
        self.columns_menu = menu
        menu.popup(header.mapToGlobal(pos))

    def _articles_menu(self, pos: QPoint) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        menu = QMenu(self)
        courses = menu.addMenu(self.tr("Add to course"))
        for c in self.library.collections():
            courses.addAction(c["name"], lambda c=c: self.add_to_group("course", c["id"], ids))
        courses.addSeparator()
        courses.addAction(self.tr("New course…"), lambda: self._new_course_with(ids))
        menu.addAction(self.tr("Add tag…"), lambda: self._tag_with(ids))
        status = menu.addMenu(self.tr("Mark as"))
        for key, label in (("unread", self.tr("unread")), ("reading", self.tr("reading")), ("read", self.tr("read"))):
            status.addAction(label, lambda key=key: self.set_status(ids, key))
        menu.addSeparator()
        for action in self.window().findChildren(QAction):
            if action.objectName() in ("actionEditMeta", "actionMarkChecked", "actionDelete"):
                menu.addAction(action)
        menu.popup(self.view.viewport().mapToGlobal(pos))

    def _new_course_with(self, ids: list[int]) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New course"), self.tr("Course name:"))
        if ok and name.strip() and (course := self.create_course(name)) is not None:
            self.add_to_group("course", course, ids)

    def _tag_with(self, ids: list[int]) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Add tag"), self.tr("Tag:"))
        if ok and name.strip():
            self.tag(ids, name)

    def tag(self, ids: list[int], name: str) -> None:
        tag_id = self.library.tag_id(name)
        assert tag_id is not None
        self.add_to_group("tag", tag_id, ids)

    def set_status(self, ids: list[int], status: str) -> None:
        for article_id in ids:
            self.library.update_metadata(article_id, status=status)
        self.model.refresh_rows(ids)

    # -- courses and tags ---------------------------------------------------

    def reload_groups(self) -> None:
        current = self.groups_view.currentIndex()
        remembered = (current.data(KIND_ROLE), current.data(ID_ROLE)) if current.isValid() else ("all", None)
        self.groups.clear()
        everything = _group_item(self.tr("All articles"), "all")
        courses = _group_item(self.tr("Courses"), "courses")
        tags = _group_item(self.tr("Tags"), "tags")
        for item in (everything, courses, tags):
            self.groups.appendRow(item)
        doubtful = self.library.doubtful_count()
        if doubtful:  # what the importer was unsure of, to check and correct (F2)
            everything.appendRow(_group_item(self.tr("To check  (%1)").replace("%1", str(doubtful)), "doubtful"))
        for c in self.library.collections():
            courses.appendRow(_group_item(f"{c['name']}  ({c['articles']})", "course", c["id"]))
        for t in self.library.tags():
            tags.appendRow(_group_item(f"#{t['name']}  ({t['articles']})", "tag", t["id"]))
        self.groups_view.expandAll()
        self._select_group(*remembered)

    def _select_group(self, kind: str, group_id: int | None) -> None:
        for parent_row in range(self.groups.rowCount()):
            parent = self.groups.item(parent_row)
            candidates = [parent] + [parent.child(r) for r in range(parent.rowCount())]
            for item in candidates:
                if item.data(KIND_ROLE) == kind and item.data(ID_ROLE) == group_id:
                    self.groups_view.setCurrentIndex(item.index())
                    return

    def new_course(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New course"), self.tr("Course name:"))
        if ok and name.strip():
            self.create_course(name)

    def create_course(self, name: str) -> int | None:
        if self.library.collection_id(name.strip()) is not None:
            return None
        course = self.library.create_collection(name)
        self.reload_groups()
        self.groupsChanged.emit()
        return course

    def _groups_menu(self, pos: QPoint) -> None:
        index = self.groups_view.indexAt(pos)
        kind = index.data(KIND_ROLE) if index.isValid() else None
        menu = QMenu(self)
        menu.addAction(self.tr("New course…"), self.new_course)
        if kind in ("course", "tag"):
            group_id = index.data(ID_ROLE)
            menu.addAction(self.tr("Rename…"), lambda: self._rename_group(kind, group_id))
            menu.addAction(self.tr("Delete"), lambda: self._delete_group(kind, group_id))
        menu.popup(self.groups_view.viewport().mapToGlobal(pos))

    def _rename_group(self, kind: str, group_id: int) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Rename"), self.tr("New name:"))
        if not (ok and name.strip()):
            return
        if kind == "course":
            self.library.rename_collection(group_id, name)
        else:
            self.library.rename_tag(group_id, name)
        self.reload_groups()

    def _delete_group(self, kind: str, group_id: int) -> None:
        if kind == "course":
            self.library.delete_collection(group_id)
        else:
            self.library.delete_tag(group_id)
        self.reload_groups()
        self._apply_filter()

    def _drop_into_group(self, kind: str, group_id: int, article_ids: list[int]) -> None:
        self.add_to_group(kind, group_id, article_ids)

    def add_to_group(self, kind: str, group_id: int, article_ids: list[int]) -> None:
        if kind == "course":
            self.library.add_to_collection(group_id, article_ids)
        else:
            self.library.tag_articles(group_id, article_ids)
        self.reload_groups()
        self.groupsChanged.emit()
