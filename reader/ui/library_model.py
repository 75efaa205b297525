"""The library as a table model: it holds only the ids of its rows and fetches a row's fields when asked."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QByteArray, QMimeData, QModelIndex, QPersistentModelIndex, Qt

from reader.core.library import listing
from reader.core.library.store import Library

from .article_view import plain_tip

ARTICLE_IDS_MIME = "application/x-yandu-article-ids"
BLOCK = 200  # rows fetched together when one is asked for
CACHED = 20 * BLOCK  # rows kept at the most: scrolling a list of 100,000 keeps only those near where it is

Index = QModelIndex | QPersistentModelIndex


class LibraryModel(QAbstractTableModel):
    COLUMNS: ClassVar[list[str]] = list(listing.COLUMNS)

    def __init__(self, library: Library, parent: Any = None) -> None:
        super().__init__(parent)
        self.library = library
        self.filter = listing.Filter()
        self.sort_column, self.descending = "added_at", True
        self.ids: list[int] = []
        self._rows: dict[int, dict[str, Any]] = {}
        self._headers = {
            "title": self.tr("Title"),
            "authors": self.tr("Authors"),
            "source": self.tr("Source"),
            "year": self.tr("Year"),
            "added_at": self.tr("Added"),
            "status": self.tr("Status"),
            "highlights": self.tr("Highlights"),
            "notes": self.tr("Notes"),
        }
        self._status = {"unread": self.tr("unread"), "reading": self.tr("reading"), "read": self.tr("read")}
        self.reload()

    # -- contents -----------------------------------------------------------

    def reload(self) -> None:
        """Query the ids again (after an import, an edit, a filter or sort change)."""
        self.beginResetModel()
        self.ids = self.library.list_ids(self.filter, self.sort_column, self.descending)
        self._rows.clear()
        self.endResetModel()

    def set_filter(self, flt: listing.Filter) -> None:
        if flt != self.filter:
            self.filter = flt
            self.reload()

    def refresh_rows(self, article_ids: list[int]) -> None:
        """Forget the cached fields of these articles and repaint their rows."""
        for a in article_ids:
            self._rows.pop(a, None)
        for a in article_ids:
            if a in self.ids:
                row = self.ids.index(a)
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def article_id(self, row: int) -> int | None:
        return self.ids[row] if 0 <= row < len(self.ids) else None

    def row_of(self, article_id: int) -> int | None:
        try:
            return self.ids.index(article_id)
        except ValueError:
            return None

    def _row(self, row: int) -> dict[str, Any] | None:
        article_id = self.ids[row]
        if article_id not in self._rows:
            if len(self._rows) >= CACHED:
                self._rows.clear()
            start = max(0, row - BLOCK // 2)
            block = [a for a in self.ids[start : start + BLOCK] if a not in self._rows]
            self._rows.update(self.library.list_rows(block))
        return self._rows.get(article_id)

    # -- Qt model API -------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.ids)):
            return None
        if role == Qt.ItemDataRole.UserRole:
            return self.ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self._row(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.ToolTipRole:  # tool tips are rich text when they look like it
            shown = self.data(index, Qt.ItemDataRole.DisplayRole)
            return plain_tip(str(shown)) if shown is not None else None
        key = self.COLUMNS[index.column()]
        value = row[key]
        if key == "authors":
            return "、".join(value)
        if key == "added_at":
            return (value or "")[:10]
        if key == "status":
            return self._status.get(value, value)
        if key in ("highlights", "notes"):
            return value or None
        return value

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
        return self._headers[self.COLUMNS[section]] if horizontal and 0 <= section < len(self.COLUMNS) else None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.COLUMNS):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (self.COLUMNS[column], descending) != (self.sort_column, self.descending):
            self.sort_column, self.descending = self.COLUMNS[column], descending
            self.reload()

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled

    def mimeTypes(self) -> list[str]:
        return [ARTICLE_IDS_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        ids = sorted({self.ids[i.row()] for i in indexes if i.isValid()})
        mime = QMimeData()
        mime.setData(ARTICLE_IDS_MIME, QByteArray(",".join(map(str, ids)).encode()))
        return mime


def ids_from_mime(mime: QMimeData) -> list[int]:
    raw = bytes(mime.data(ARTICLE_IDS_MIME).data()).decode()
    return [int(x) for x in raw.split(",") if x.isdigit()]
