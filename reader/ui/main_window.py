"""The main window: library | article (with outline and references) | notes, wired in one place."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication, QKeySequence, QUndoStack
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMessageBox, QSplitter, QVBoxLayout, QWidget

from reader.core.store import ImportSummary, Library

from .commands import DeleteArticles, EditMetadata
from .importing import ImportJob, ImportSummaryDialog
from .library_pane import LibraryPane
from .metadata_dialog import MetadataDialog
from .reading_pane import ReadingPane


class MainWindow(QMainWindow):
    def __init__(self, library: Library, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.data_dir = data_dir
        self.settings = QSettings(str(data_dir / "window.ini"), QSettings.Format.IniFormat)
        self.undo_stack = QUndoStack(self)
        self.jobs: list[ImportJob] = []
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Yandu Reader"))
        self.setAcceptDrops(True)

        self.library_pane = LibraryPane(library, self)
        self.reading_pane = ReadingPane(library, self.settings, self)
        self.notes_panel = QWidget(self)
        self.notes_panel.setObjectName("notesPanel")
        self.notes_panel.setAccessibleName(self.tr("Notes"))
        notes_layout = QVBoxLayout(self.notes_panel)
        placeholder = QLabel(self.tr("Highlights and study notes will appear here."), self.notes_panel)
        placeholder.setWordWrap(True)
        placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        notes_layout.addWidget(placeholder)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("mainSplitter")
        splitter.addWidget(self.library_pane)
        splitter.addWidget(self.reading_pane)
        splitter.addWidget(self.notes_panel)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([360, 760, 260])
        self.splitter = splitter
        self.setCentralWidget(splitter)

        self.library_pane.articleSelected.connect(self.open_article)
        self.reading_pane.keywordClicked.connect(self.library_pane.filter_by_keyword)
        self._build_menus()
        self._restore_layout()
        self.update_status()

    # -- menus --------------------------------------------------------------

    def _action(
        self, text: str, slot: object, shortcut: QKeySequence | str | None = None, name: str | None = None
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if name:
            action.setObjectName(name)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.import_action = self._action(
            self.tr("&Import files…"), self.choose_files, QKeySequence.StandardKey.Open, "actionImport"
        )
        file_menu.addAction(self.import_action)
        file_menu.addAction(
            self._action(self.tr("Import a &folder…"), self.choose_folder, "Ctrl+Shift+O", "actionImportFolder")
        )
        file_menu.addAction(
            self._action(self.tr("&Paste as article"), self.paste_article, "Ctrl+Shift+V", "actionPasteArticle")
        )
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit, "actionQuit"))

        edit_menu = bar.addMenu(self.tr("&Edit"))
        undo = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        undo.setObjectName("actionUndo")
        redo = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        redo.setObjectName("actionRedo")
        edit_menu.addActions([undo, redo])
        edit_menu.addSeparator()
        edit_menu.addAction(self._action(self.tr("Edit article &details…"), self.edit_metadata, "F2", "actionEditMeta"))
        edit_menu.addAction(
            self._action(
                self.tr("&Delete article"), self.delete_selected, QKeySequence.StandardKey.Delete, "actionDelete"
            )
        )
        edit_menu.addSeparator()
        edit_menu.addAction(
            self._action(self.tr("&Filter the library"), self.focus_search, QKeySequence.StandardKey.Find, "actionFind")
        )
        new_course = self._action(self.tr("New &course…"), self.library_pane.new_course, None, "actionNewCourse")
        edit_menu.addAction(new_course)

        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addAction(
            self._action(self.tr("&Larger text"), lambda: self.reading_pane.zoom(1), "Ctrl+=", "actionZoomIn")
        )
        self._action(self.tr("Larger text"), lambda: self.reading_pane.zoom(1), "Ctrl++")
        view_menu.addAction(
            self._action(self.tr("&Smaller text"), lambda: self.reading_pane.zoom(-1), "Ctrl+-", "actionZoomOut")
        )
        view_menu.addAction(
            self._action(
                self.tr("Show or hide the &abstract"),
                self.reading_pane.abstract_toggle.toggle,
                "Ctrl+Shift+A",
                "actionToggleAbstract",
            )
        )

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("&About Yandu Reader"), self.about, None, "actionAbout"))

    # -- articles -----------------------------------------------------------

    def open_article(self, article_id: int) -> None:
        self.reading_pane.show_article(article_id)
        meta = self.library.article_meta(article_id)
        if meta is not None and meta["status"] == "unread":
            self.library_pane.set_status([article_id], "reading")

    def focus_search(self) -> None:
        self.library_pane.search.setFocus()
        self.library_pane.search.selectAll()

    def edit_metadata(self) -> None:
        article_id = self.library_pane.current_id()
        meta = self.library.article_meta(article_id) if article_id is not None else None
        if meta is None:
            return
        dialog = MetadataDialog(meta, self)
        dialog.accepted.connect(lambda: self._apply_metadata(article_id, meta, dialog.values()))
        dialog.open()

    def _apply_metadata(self, article_id: int, before: dict, after: dict) -> None:
        old = {k: before[k] for k in after}
        if old != after:
            self.undo_stack.push(EditMetadata(self, article_id, old, after))

    def after_edit(self, article_id: int) -> None:
        self.library_pane.model.refresh_rows([article_id])
        if self.reading_pane.article_id == article_id:
            self.reading_pane.show_article(article_id)

    def delete_selected(self) -> None:
        ids = self.library_pane.selected_ids()
        if ids:
            self.undo_stack.push(DeleteArticles(self, ids))

    def after_delete_or_restore(self, shown: list[int] | None = None) -> None:
        if self.reading_pane.article_id is not None and self.library.article_meta(self.reading_pane.article_id).get(
            "deleted_at"
        ):
            self.reading_pane.show_article(None)
        self.library_pane.reload()
        if shown:
            self.library_pane.select_article(shown[0])
        self.library_pane.reload_groups()
        self.update_status()

    # -- importing ----------------------------------------------------------

    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import page dumps"), "", self.tr("Page dumps (*.txt *.htm *.html);;All files (*)")
        )
        if files:
            self.import_paths(files)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Import a folder of page dumps"))
        if folder:
            self.import_paths([folder])

    def import_paths(self, paths: list[str]) -> ImportJob:
        assert self.library.path is not None
        job = ImportJob(self.library.path, paths, self)
        job.done.connect(lambda summary, job=job: self._import_done(job, summary))
        self.jobs.append(job)
        job.start()
        return job

    def _import_done(self, job: ImportJob, summary: ImportSummary) -> None:
        if job in self.jobs:
            self.jobs.remove(job)
        self.library_pane.reload(keep=summary.article_ids[0] if summary.article_ids else None)
        self.library_pane.reload_groups()
        self.update_status()
        self.show_summary(summary)

    def show_summary(self, summary: ImportSummary) -> ImportSummaryDialog:
        dialog = ImportSummaryDialog(summary, self)
        dialog.open()
        self.summary_dialog = dialog
        return dialog

    def paste_article(self) -> None:
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            self.statusBar().showMessage(self.tr("The clipboard holds no text."), 5000)
            return
        from reader.core.importer import import_text  # the parser loads on the first import

        result = import_text(self.library, text)
        summary = ImportSummary()
        summary.add(result)
        if result.article_id is not None:
            self.library_pane.reload(keep=result.article_id)
            self.library_pane.select_article(result.article_id)
            self.update_status()
        if result.status == "refused":
            self.show_summary(summary)
        else:
            self.statusBar().showMessage(self.tr("Pasted text imported."), 5000)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    # -- window -------------------------------------------------------------

    def update_status(self) -> None:
        n = self.library.count()
        self.statusBar().showMessage(self.tr("%1 articles in the library").replace("%1", str(n)))

    def about(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("About Yandu Reader"),
            self.tr("Yandu Reader: read, highlight and annotate Chinese articles offline.\nLibrary: %1").replace(
                "%1", str(self.data_dir)
            ),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.open()

    def _restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1360, 860)
        for key, splitter in (
            ("window/main", self.splitter),
            ("window/library", self.library_pane.splitter),
            ("window/reading", self.reading_pane.splitter),
            ("window/side", self.reading_pane.side_splitter),
        ):
            state = self.settings.value(key)
            if state is not None:
                splitter.restoreState(state)
        header = self.settings.value("window/libraryHeader")
        if header is not None:
            self.library_pane.view.horizontalHeader().restoreState(header)

    def save_layout(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/main", self.splitter.saveState())
        self.settings.setValue("window/library", self.library_pane.splitter.saveState())
        self.settings.setValue("window/reading", self.reading_pane.splitter.saveState())
        self.settings.setValue("window/side", self.reading_pane.side_splitter.saveState())
        self.settings.setValue("window/libraryHeader", self.library_pane.view.horizontalHeader().saveState())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.library.closed:
            super().closeEvent(event)
            return
        for job in list(self.jobs):
            job.cancel()
            job.wait()
        self.reading_pane.save_position()
        self.save_layout()
        self.library.empty_trash()  # deletions can be undone until the window closes
        self.library.close()
        super().closeEvent(event)
