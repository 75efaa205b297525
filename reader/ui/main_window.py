"""The main window: library | article (with outline and references) | notes, wired in one place.

It opens in two steps, so that it is painted before anything slow is done: the window's shell (its
menus, toolbar, status bar and an empty splitter, where the parts will stand) is built at once, and on
the next turn of the event loop the library is opened and the panes, actions and list are built into
it (``finish``). What needs them sooner (a test, the import of a file named on the command line) gets
them at once: asking for a part the second step makes takes it.
"""

from __future__ import annotations

import contextlib
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QPoint, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QIcon, QKeySequence, QPixmap, QUndoStack
from PySide6.QtWidgets import QHeaderView, QMainWindow, QMessageBox, QSplitter, QWidget

from .help import shortcuts, show_about, show_shortcuts

if TYPE_CHECKING:  # the modules below load the library, the parser and the exporter: after the first paint
    from reader.core.library.store import Library
    from reader.core.library.summary import ImportSummary

    from .settings_dialog import SettingsDialog

# What ``finish`` makes: asking for one of these before it ran runs it.
FINISHED_PARTS = frozenset(
    {
        "library",
        "library_pane",
        "reading_pane",
        "notes_panel",
        "editing",
        "importer",
        "exporting",
        "view_menu",
        "import_action",
        "highlight_action",
        "color_actions",
        "current_color",
    }
)
DEFAULT_SIZES = [300, 760, 300]  # library | article | notes at 1366 px wide: about 32 characters a line
OPEN_ERRORS = (OSError, sqlite3.DatabaseError, RuntimeError)
SHOWN_LATE_MS = 400  # the second step runs by then even if the shell was not painted


class MainWindow(QMainWindow):
    openFailed = Signal(str)  # the library could not be opened (on the second step): why

    def __init__(self, data_dir: Path, library: Library | None = None, parent: QWidget | None = None) -> None:
        """The shell now; the library in ``data_dir`` (or ``library``, open already) on the next turn."""
        super().__init__(parent)
        self._finished = self._failed = self._building = False
        self._library = library
        self.data_dir = data_dir
        self.settings = QSettings(str(data_dir / "window.ini"), QSettings.Format.IniFormat)
        self.undo_stack = QUndoStack(self)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Yandu Reader"))
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("mainSplitter")
        for _ in range(3):  # where the panes go
            splitter.addWidget(QWidget(splitter))
        splitter.setStretchFactor(1, 1)
        splitter.setSizes(DEFAULT_SIZES)
        self.splitter = splitter
        self.setCentralWidget(splitter)
        # The menu bar and the toolbar stand in the shell, empty, so that nothing moves when they fill.
        bar = self.menuBar()
        self.shell_menus = {
            "file": bar.addMenu(self.tr("&File")),
            "edit": bar.addMenu(self.tr("&Edit")),
            "notes": bar.addMenu(self.tr("&Notes")),
            "view": bar.addMenu(self.tr("&View")),
            "help": bar.addMenu(self.tr("&Help")),
        }
        self.highlight_toolbar = self.addToolBar(self.tr("Highlight"))
        self.highlight_toolbar.setObjectName("highlightToolbar")
        self.highlight_toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        blank = QPixmap(14, 14)
        blank.fill(Qt.GlobalColor.transparent)
        self.highlight_toolbar.addAction(QIcon(blank), " ").setEnabled(False)  # its height, until it fills
        self.statusBar()
        self._restore_geometry()
        splitter.installEventFilter(self)  # its first paint starts the second step
        QTimer.singleShot(SHOWN_LATE_MS, self._finish_later)  # a window shown late, or never painted

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.splitter and event.type() == QEvent.Type.Paint:
            self.splitter.removeEventFilter(self)
            QTimer.singleShot(0, self._finish_later)  # the next turn: the painted shell shows meanwhile
        return super().eventFilter(watched, event)

    def __getattr__(self, name: str) -> Any:
        """A part of the second step asked for before it ran: it runs now. After the library failed to
        open, or while the parts are being built, there is no such part (``hasattr`` says False)."""
        state = self.__dict__
        if name in FINISHED_PARTS and not state.get("_finished", True) and not state.get("_building"):
            if state.get("_failed"):
                raise AttributeError(f"{name}: the library could not be opened")
            self.finish()
            return getattr(self, name)
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def _finish_later(self) -> None:
        if self._finished or self._failed:
            return
        try:
            self.finish()
        except OPEN_ERRORS as exc:  # the shell stays; whoever started the app says why and ends it
            if not self._failed:
                raise  # not the library's opening: a fault of ours, shown as one
            self.openFailed.emit(str(exc))

    def finish(self) -> None:
        """The second step: open the library, build the panes into the shell, fill them (once). Only
        opening the library can fail with ``OPEN_ERRORS`` (the window is then marked failed and asks no
        more); an error while building is a bug and propagates as it is."""
        if self._finished or self._failed:
            return
        from reader.core.library.store import Library

        if self._library is None:
            try:
                self._library = Library.in_folder(self.data_dir)
            except OPEN_ERRORS:
                self._failed = True
                raise
        self._building = True
        try:
            self._build()
        finally:
            self._building = False
        self._finished = True

    def _build(self) -> None:
        from .editing import ArticleEditing
        from .exporting import ExportActions
        from .importing import ImportController
        from .library_pane import LibraryPane
        from .notes_panel import NotesPanel
        from .reading_pane import ReadingPane
        from .window_menus import build_menus

        library = self._library
        self.library = library
        data_dir, splitter = self.data_dir, self.splitter
        self.library_pane = LibraryPane(library, self)
        self.reading_pane = ReadingPane(library, self.settings, self)
        self.notes_panel = NotesPanel(library, data_dir, self)
        for editor in (self.notes_panel.editor, self.notes_panel.highlight_note):
            editor.set_delay(self.settings.value("notes/autosaveMs", 500, type=int))
        sizes = splitter.sizes()  # the shell's, if it was shown; a window never shown has none yet
        for position, pane in enumerate((self.library_pane, self.reading_pane, self.notes_panel)):
            splitter.replaceWidget(position, pane).deleteLater()
        splitter.setSizes(sizes if min(sizes) > 0 else DEFAULT_SIZES)

        self.editing = ArticleEditing(
            library, self.undo_stack, self.library_pane.current_id, self.library_pane.selected_ids, self
        )
        self.editing.changed.connect(self.after_edit)
        self.importer = ImportController(library, self)
        self.setAcceptDrops(True)
        self.importer.imported.connect(self._imported)
        self.importer.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.exporting = ExportActions(
            library,
            data_dir,
            self.settings,
            current=lambda: self.reading_pane.article_id,
            selected=self.library_pane.selected_ids,
            highlight=lambda: self.notes_panel.current_highlight() if self.notes_panel.highlights.hasFocus() else None,
            flush=self.notes_panel.flush,
            parent=self,
        )
        self.exporting.message.connect(lambda text: self.statusBar().showMessage(text, 8000))

        self.library_pane.articleSelected.connect(self.open_article)
        self.reading_pane.keywordClicked.connect(self.library_pane.filter_by_keyword)
        self.reading_pane.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.notes_panel.highlightActivated.connect(self.go_to_highlight)
        self.notes_panel.message.connect(self.statusBar().showMessage)
        self.notes_panel.tagsChanged.connect(self.library_pane.reload_groups)
        self.library_pane.hitActivated.connect(self.go_to_hit)
        self.library_pane.message.connect(self.statusBar().showMessage)
        self.library_pane.searchCleared.connect(self.update_status)
        self.reading_pane.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.reading_pane.view.customContextMenuRequested.connect(self._article_menu)
        self.reading_pane.startRequested.connect(self._start)
        build_menus(self)
        self._restore_layout()
        self.update_status()
        if library.count() == 0 and not self.settings.value("welcome/dismissed", False, type=bool):
            self.reading_pane.show_welcome()

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

    # -- articles -----------------------------------------------------------

    def open_article(self, article_id: int) -> None:
        self.reading_pane.show_article(article_id)
        article = self.reading_pane.article
        self.notes_panel.show_article(article_id, article.title or "" if article else "")
        meta = self.library.article_meta(article_id)
        if meta is not None and meta["status"] == "unread":
            self.library_pane.set_status([article_id], "reading")

    def focus_search(self) -> None:
        """Ctrl+F finds where the reader is: in the notes when typing there, else in the library."""
        focus = self.focusWidget()
        if focus is not None and self.notes_panel.isAncestorOf(focus):
            self.notes_panel.show_find()
            return
        self.library_pane.search.setFocus()
        self.library_pane.search.selectAll()

    def after_edit(self, article_id: int) -> None:
        self.library_pane.model.refresh_rows([article_id])
        self.library_pane.reload_groups()  # a corrected field is checked: the count to check goes down
        if self.reading_pane.article_id == article_id:
            self.reading_pane.show_article(article_id)

    def delete_selected(self) -> None:
        ids = self.library_pane.selected_ids()
        if ids:
            from .commands import DeleteArticles

            text = self.tr("Delete %1 article(s)").replace("%1", str(len(ids)))
            self.undo_stack.push(DeleteArticles(text, self.library, ids, self.after_delete_or_restore))

    def after_delete_or_restore(self, shown: list[int] | None = None) -> None:
        open_id = self.reading_pane.article_id
        if open_id is not None and self.library.article_meta(open_id).get("deleted_at"):
            self.reading_pane.show_article(None)
            self.notes_panel.show_article(None)  # saves what was typed; nothing more goes to the trash
        self.library_pane.reload()
        if shown:
            self.library_pane.select_article(shown[0])
        self.library_pane.reload_groups()
        self.update_status()

    def _start(self, what: str) -> None:
        if what == "sample":
            self.open_sample()
        elif what == "import":
            self.importer.choose_files()
        elif what == "dismiss":
            self.settings.setValue("welcome/dismissed", True)
            self.reading_pane.view.clear()

    def open_sample(self) -> int | None:
        """Import the sample article shipped with the app, and open it."""
        return self.importer.import_sample()

    # -- highlights ---------------------------------------------------------

    def highlight_selection(self, color: int) -> int | None:
        """Highlight what is selected in the article view; with no selection, recolour the chosen highlight."""
        from .commands import AddHighlight, RecolorHighlight

        self.current_color = color
        article_id = self.reading_pane.article_id
        parts = self.reading_pane.selection_to_store()
        if article_id is None:
            return None
        if not parts:  # nothing to highlight: the highlight chosen in the list is recoloured, and that is said
            row, meaning = self.notes_panel.current_highlight(), self.library.color_meanings()[color]
            if row is None and not self.reading_pane.view.textCursor().hasSelection():
                said = self.tr("Select text first: Ctrl+%1 highlights it as “%2”.")
                self.statusBar().showMessage(said.replace("%1", str(color + 1)).replace("%2", meaning), 8000)
            if row is not None and row["color"] != color:
                self.undo_stack.push(
                    RecolorHighlight(
                        self.tr("Change highlight colour"),
                        self.library,
                        row["id"],
                        row["color"],
                        color,
                        self.after_highlights_changed,
                    )
                )
                said = self.tr("The highlight chosen in the list is now “%1” (Ctrl+Z undoes it).")
                self.statusBar().showMessage(said.replace("%1", meaning), 8000)
            return None
        command = AddHighlight(
            self.tr("Highlight"),
            self.library,
            (article_id, *parts[0], color),
            self.after_highlights_changed,
            self.notes_panel.release_highlight,
            parts[1:],
        )
        self.undo_stack.push(command)
        cursor = self.reading_pane.view.textCursor()
        cursor.clearSelection()
        self.reading_pane.view.setTextCursor(cursor)
        return command.highlight_id

    def delete_highlight(self) -> None:
        from .commands import DeleteHighlight

        row = self.notes_panel.current_highlight()
        if row is not None:
            self.undo_stack.push(
                DeleteHighlight(
                    self.tr("Delete highlight"),
                    self.library,
                    row["id"],
                    self.after_highlights_changed,
                    self.notes_panel.release_highlight,
                )
            )

    def after_highlights_changed(self, select: int | None = None) -> None:
        self.reading_pane.refresh_highlights()
        self.notes_panel.refresh_highlights(select=select)
        if self.reading_pane.article_id is not None:
            self.library_pane.model.refresh_rows([self.reading_pane.article_id])
        self.library_pane.reload_groups()  # a highlight's tags count for its article in the tag tree

    def go_to_hit(self, hit: Any) -> None:
        """Open a search hit's article at the match, and mark it."""
        if self.reading_pane.article_id != hit.article_id:
            self.open_article(hit.article_id)
        if hit.where == "highlight":
            self.notes_panel.refresh_highlights(select=hit.target)
            self.go_to_highlight(hit.target)
            return
        if hit.where == "note":
            self.notes_panel.select_in_note(hit.start, hit.end)
            return
        self.reading_pane.mark_text(hit)

    def go_to_highlight(self, highlight_id: int) -> None:
        row = self.library.highlight(highlight_id)
        if row is not None and not row["orphaned"]:
            self.reading_pane.scroll_to_range(row["section_position"], row["start"], row["end"])

    def _article_menu(self, pos: QPoint) -> None:
        view = self.reading_pane.view
        menu = view.createStandardContextMenu(pos)
        if self.reading_pane.selection_range() is not None:
            menu.addSeparator()
            menu.addAction(self.highlight_action)
            for action in self.color_actions:
                menu.addAction(action)
        menu.popup(view.viewport().mapToGlobal(pos))

    def rename_colors(self) -> None:
        from .metadata_dialog import ColorMeaningsDialog

        dialog = ColorMeaningsDialog(self.library.color_meanings(), self)
        dialog.accepted.connect(lambda: self._set_meanings(dialog.meanings()))
        dialog.open()

    def _set_meanings(self, meanings: list[str]) -> None:
        self.library.set_color_meanings(meanings)
        for action, meaning in zip(self.color_actions, self.library.color_meanings(), strict=True):
            action.setText(meaning)
        self.notes_panel.refresh_highlights()

    # -- importing --------------------------------------------------------

    def _imported(self, summary: ImportSummary) -> None:
        """The library holds what an import stored: show it, the first new article selected."""
        first = summary.article_ids[0] if summary.article_ids else None
        self.library_pane.reload(keep=first)
        self.library_pane.reload_groups()
        if first is not None and summary.total == 1:
            self.library_pane.select_article(first)
        self.update_status()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.importer.drag_enter(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self.importer.drop(event)

    # -- window -------------------------------------------------------------

    def update_status(self) -> None:
        n = self.library.count()
        self.statusBar().showMessage(self.tr("%1 articles in the library").replace("%1", str(n)))

    def open_settings(self) -> SettingsDialog:
        from .settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self)
        dialog.accepted.connect(lambda: self._apply_settings(dialog))
        dialog.open()
        self.settings_dialog = dialog
        return dialog

    def _apply_settings(self, dialog: SettingsDialog) -> None:
        dialog.save()
        self.reading_pane.set_font_size(dialog.font_size.value())
        self.reading_pane.set_line_height(dialog.line_height.value())
        for editor in (self.notes_panel.editor, self.notes_panel.highlight_note):
            editor.set_delay(dialog.autosave.value())

    def shortcuts(self) -> list[tuple[str, str]]:
        return shortcuts(self)

    def show_shortcuts(self) -> QMessageBox:
        return show_shortcuts(self)

    def about(self) -> None:
        show_about(self, self.data_dir)

    def _layout_parts(self) -> dict[str, Any]:
        """What the window remembers between runs, by settings key (splitters and header states)."""
        parts = {
            "window/main": self.splitter,
            "window/library": self.library_pane.splitter,
            "window/reading": self.reading_pane.splitter,
            "window/side": self.reading_pane.side_splitter,
            "window/libraryHeader": self.library_pane.view.horizontalHeader(),
        }
        if self.view_menu.focused():  # the panes' sizes are kept from before focus mode hid them
            for key in ("window/main", "window/reading", "window/side"):
                del parts[key]
        return parts

    def _restore_geometry(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            room = self.screen().availableGeometry()  # a laptop's 768 px must hold the whole window
            self.resize(min(1360, room.width()), min(860, room.height() - 40))

    def _restore_layout(self) -> None:
        for key, part in self._layout_parts().items():
            state = self.settings.value(key)
            if state is not None:
                part.restoreState(state)
        # the title takes the room the other columns leave: no blank strip beside the list, more of each title
        self.library_pane.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view_menu.apply(save=False)  # what focus mode and the View menu hide stays hidden

    def save_layout(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        for key, part in self._layout_parts().items():
            self.settings.setValue(key, part.saveState())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Close, never losing a note and never raising: a note the database refuses keeps the window open.

        Closed before its second step ran, the window runs it first: closing is the same either way."""
        if not self._finished:
            with contextlib.suppress(OPEN_ERRORS):
                self.finish()
        if not self._finished:  # the library could not be opened: nothing of it to save
            super().closeEvent(event)
            return
        if self.library.closed:
            super().closeEvent(event)
            return
        if not self.notes_panel.may_close():  # before anything stops: the window stays usable
            event.ignore()
            self.statusBar().showMessage(self.notes_panel.close_refused())
            return
        self.importer.shutdown()
        self.library_pane.shutdown()
        for step in (self.reading_pane.save_position, self.save_layout, self.library.empty_trash):
            try:  # the trash is emptied on closing: deletions can be undone until then
                step()
            except sqlite3.Error as exc:
                print(f"reader: on closing: {exc}", file=sys.stderr)
        if self.library.path is not None:
            try:
                self.library.backup_if_due()  # a daily backup, taken on close
            except (OSError, sqlite3.Error) as exc:
                print(f"reader: no backup: {exc}", file=sys.stderr)
        self.library.close()
        super().closeEvent(event)
