"""Notes leave the window: File → Export (what, how, where; an existing file is never overwritten
without asking), the citation and Markdown on the clipboard."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QMenu,
    QMessageBox,
    QWidget,
)

from reader.core.export.gbt7714 import gbt7714
from reader.core.library.store import Library

from .article_view import plain_tip
from .folder_field import FolderField

if TYPE_CHECKING:  # the exporters load docx, jinja2 and markdown: when an export is asked for
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    from .handing_in import WordDialog

ARTICLE, SELECTED, COURSE, THEME, LIBRARY, CSL = "article", "selected", "course", "theme", "library", "csl"


class ExportDialog(QDialog):
    def __init__(
        self,
        library: Library,
        data_dir: Path,
        current: int | None,
        selected: list[int],
        default_folder: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export notes"))
        self.library, self.data_dir = library, data_dir
        self.current, self.selected = current, selected
        self.what = QComboBox(self)
        self.what.setObjectName("exportWhat")
        if current is not None:
            self.what.addItem(self.tr("This article"), ARTICLE)
        if len(selected) > 1:
            self.what.addItem(self.tr("The %1 selected articles").replace("%1", str(len(selected))), SELECTED)
        self.what.addItem(self.tr("A course: a folder with index.md"), COURSE)
        self.what.addItem(self.tr("A themed digest (专题摘编) of a course"), THEME)
        self.what.addItem(self.tr("The whole library"), LIBRARY)
        self.what.addItem(self.tr("References as CSL-JSON (for Zotero)"), CSL)
        self.course = QComboBox(self)
        for c in library.collections():
            self.course.addItem(c["name"], c["id"])
        self.theme = QComboBox(self)
        for n, meaning in enumerate(library.color_meanings()):
            self.theme.addItem(meaning, n)
        self.template = QComboBox(self)
        self.template.addItem(self.tr("Default layout"), None)
        for path in sorted((data_dir / "export").glob("*.md.j2")):
            self.template.addItem(path.name.removesuffix(".md.j2"), path.name.removesuffix(".md.j2"))
        self.folder = FolderField(default_folder, self.tr("Export into"), self)
        self.folder.setObjectName("exportFolder")
        form = QFormLayout(self)
        form.addRow(self.tr("Export"), self.what)
        form.addRow(self.tr("Course"), self.course)
        form.addRow(self.tr("Colour"), self.theme)
        form.addRow(self.tr("Layout"), self.template)
        form.addRow(self.tr("Folder"), self.folder)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.run)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.what.currentIndexChanged.connect(self._update)
        self._update()
        self.written: list[Path] = []
        self.resize(560, 0)

    def _update(self) -> None:
        kind = self.what.currentData()
        self.course.setEnabled(kind in (COURSE, THEME))
        self.theme.setEnabled(kind == THEME)
        self.template.setEnabled(kind in (ARTICLE, SELECTED, COURSE, LIBRARY))

    def export(self, force: bool = False) -> list[Path]:
        """Do the export as chosen; raises ExportError (for instance when a file exists and not ``force``)."""
        from reader.core.export.markdown import Exporter, ExportError, safe_name

        folder = Path(self.folder.text()).expanduser()
        exporter = Exporter(self.library, self.data_dir, template=self.template.currentData())
        kind = self.what.currentData()
        course = self.course.currentData()
        if kind in (COURSE, THEME) and course is None:
            raise ExportError(self.tr("There is no course yet."))
        if kind == ARTICLE and self.current is not None:
            return exporter.export_articles([self.current], folder, force)
        if kind == SELECTED:
            return exporter.export_articles(self.selected, folder, force)
        if kind == COURSE:
            return exporter.export_course(course, folder / safe_name(self.course.currentText(), set(), ""), force)
        if kind == THEME:
            name = safe_name(f"专题摘编-{self.theme.currentText()}", set())
            folder.mkdir(parents=True, exist_ok=True)
            return [exporter.export_theme(course, folder / name, color=self.theme.currentData(), force=force)]
        if kind == CSL:
            folder.mkdir(parents=True, exist_ok=True)
            return [exporter.export_csl(self.library.article_ids(), folder / "references.json", force)]
        return exporter.export_articles(self.library.article_ids(), folder, force)

    def run(self) -> None:
        from reader.core.export.markdown import ExportError

        if not self.folder.text().strip():
            self.folder.browse()
            if not self.folder.text().strip():
                return
        try:
            self.written = self.export()
        except ExportError as exc:
            if "exists" not in str(exc):
                QMessageBox.warning(self, self.tr("Export"), plain_tip(str(exc)))  # may quote a template
                return
            text = plain_tip(self.tr("%1\n\nOverwrite?").replace("%1", str(exc)))
            answer = QMessageBox.question(self, self.tr("Export"), text)
            if answer != QMessageBox.StandardButton.Yes:
                return
            self.written = self.export(force=True)
        self.accept()


class ExportActions(QObject):
    """File → Export, Copy the citation, Copy notes as Markdown.

    ``current()`` gives the open article's id, ``selected()`` the ids chosen in the library,
    ``highlight()`` the highlight row to copy alone (or None) after ``flush()`` saved what is typed.
    ``message(text)`` carries a line for the status bar."""

    message = Signal(str)

    def __init__(
        self,
        library: Library,
        data_dir: Path,
        settings: QSettings,
        current: Callable[[], int | None],
        selected: Callable[[], list[int]],
        highlight: Callable[[], dict[str, Any] | None],
        flush: Callable[[], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.library, self.data_dir, self.settings = library, data_dir, settings
        self.current, self.selected, self.highlight, self.flush = current, selected, highlight, flush
        self.dialog: ExportDialog | None = None
        self.dialog_word: WordDialog | None = None

    def export_notes(self) -> ExportDialog:
        parent = self.parent()
        assert isinstance(parent, QWidget)
        dialog = ExportDialog(
            self.library,
            self.data_dir,
            self.current(),
            self.selected(),
            str(self.settings.value("export/folder", "")),
            parent,
        )
        dialog.accepted.connect(lambda: self._exported(dialog))
        dialog.open()
        self.dialog = dialog
        return dialog

    def add_to(self, menu: QMenu, export: QAction, make: Callable[..., QAction]) -> None:
        """File → Export notes, then the ways to hand notes in (``make`` builds a window action)."""
        menu.addAction(export)
        menu.addAction(make(self.tr("Export as &Word…"), self.export_word, "Ctrl+Shift+E", "actionExportWord"))
        menu.addAction(make(self.tr("Export as &PDF…"), self.export_pdf, "Ctrl+Shift+P", "actionExportPdf"))
        menu.addAction(make(self.tr("&Print…"), self.print_notes, "Ctrl+P", "actionPrint"))

    def _article(self) -> int | None:
        """The open article, its typing saved; or None, said in the status bar."""
        self.flush()
        article_id = self.current()
        if article_id is None:
            self.message.emit(self.tr("Open an article first."))
        return article_id

    def print_notes(self) -> QPrintPreviewDialog | None:
        """File → 打印: the notes in the layout last chosen for Word, with a preview."""
        from . import printing

        article_id = self._article()
        parent = self.parent()
        assert isinstance(parent, QWidget)
        return None if article_id is None else printing.print_preview(self.library, article_id, self.settings, parent)

    def export_pdf(self) -> Path | None:
        from . import printing

        article_id = self._article()
        parent = self.parent()
        assert isinstance(parent, QWidget)
        title = self.tr("Export as PDF")
        path = (
            None if article_id is None else printing.export_pdf(self.library, article_id, self.settings, parent, title)
        )
        if path is not None and article_id is not None:
            self.message.emit(self.tr("Written: %1").replace("%1", str(path)) + self.short_notes([article_id]))
        return path

    def export_word(self) -> WordDialog | None:
        """File → 导出为 Word: the open article's notes as a .docx."""
        from .handing_in import WordDialog

        self.flush()
        article_id = self.current()
        if article_id is None:
            self.message.emit(self.tr("Open an article first."))
            return None
        parent = self.parent()
        assert isinstance(parent, QWidget)
        dialog = WordDialog(self.library, article_id, self.settings, parent)
        dialog.accepted.connect(
            lambda: self.message.emit(
                self.tr("Written: %1").replace("%1", str(dialog.written[0])) + self.short_notes([article_id])
            )
        )
        dialog.open()
        self.dialog_word = dialog
        return dialog

    def short_notes(self, article_ids: list[int]) -> str:
        """What the export says of notes under the 目标字数 their template set (empty when none is)."""
        from reader.core.export import length

        return "".join(
            " "
            + self.tr("The notes of %1 have %2 characters, under their target of %3.")
            .replace("%1", f"《{title}》")
            .replace("%2", str(count))
            .replace("%3", str(goal))
            for title, count, goal in length.short_notes(self.library, article_ids)
        )

    def _exported(self, dialog: ExportDialog) -> None:
        self.settings.setValue("export/folder", dialog.folder.text())
        kind = dialog.what.currentData()
        ids = [dialog.current] if kind == ARTICLE and dialog.current else dialog.selected if kind == SELECTED else []
        self.message.emit(
            self.tr("Exported %1 file(s) to %2")
            .replace("%1", str(len(dialog.written)))
            .replace("%2", dialog.folder.text())
            + self.short_notes(ids)
        )

    def copy_citation(self) -> None:
        article_id = self.current()
        meta = self.library.article_meta(article_id) if article_id else None
        if meta is not None:
            QGuiApplication.clipboard().setText(gbt7714(meta))
            self.message.emit(self.tr("Citation copied."))

    def copy_notes_markdown(self) -> None:
        """The chosen highlight, or else the article's notes and highlights, as Markdown on the clipboard."""
        from reader.core.export.markdown import Exporter, highlight_markdown

        self.flush()
        row = self.highlight()
        if row is not None:
            meanings = self.library.color_meanings()
            root = row.get("link") or row["id"]  # a highlight across a heading is copied whole
            parts = [r for r in self.library.highlights(row["article_id"]) if root in (r["id"], r.get("link"))]
            text = highlight_markdown(
                "\n".join(r["quote"] for r in parts) or row["quote"],
                meanings[row["color"]],
                row["section_heading"],
                row["note"],
                self.library.highlight_tags(row["id"]),
            )
        elif (article_id := self.current()) is not None:
            text = Exporter(self.library, self.data_dir).article_markdown(article_id)
        else:
            return
        QGuiApplication.clipboard().setText(text)
        self.message.emit(self.tr("Copied as Markdown."))
