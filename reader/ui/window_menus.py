"""The main window's menus and its highlight toolbar, built once the library is open (their colours
are the library's)."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor, QIcon, QKeySequence, QPixmap

from .reading_pane import HIGHLIGHT_COLORS
from .view_menu import ViewMenu


def _swatch(color: int) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(HIGHLIGHT_COLORS[color]))
    return QIcon(pixmap)


def build_menus(window: Any) -> None:
    """Into ``window``, the MainWindow (not imported here: it imports this module)."""
    file_menu = window.shell_menus["file"]
    window.import_action = window._action(
        window.tr("&Import files…"), window.importer.choose_files, QKeySequence.StandardKey.Open, "actionImport"
    )
    file_menu.addAction(window.import_action)
    file_menu.addAction(
        window._action(
            window.tr("Import a &folder…"), window.importer.choose_folder, "Ctrl+Shift+O", "actionImportFolder"
        )
    )
    file_menu.addAction(
        window._action(
            window.tr("&Paste as article"), window.importer.paste_article, "Ctrl+Shift+V", "actionPasteArticle"
        )
    )
    file_menu.addSeparator()
    export = window._action(window.tr("&Export notes…"), window.exporting.export_notes, "Ctrl+E", "actionExport")
    window.exporting.add_to(file_menu, export, window._action)
    file_menu.addAction(
        window._action(
            window.tr("Copy notes as &Markdown"),
            window.exporting.copy_notes_markdown,
            "Ctrl+Shift+C",
            "actionCopyMarkdown",
        )
    )
    file_menu.addAction(
        window._action(
            window.tr("Copy the &citation (GB/T 7714)"),
            window.exporting.copy_citation,
            "Ctrl+Alt+C",
            "actionCopyCitation",
        )
    )
    file_menu.addSeparator()
    file_menu.addAction(window._action(window.tr("&Quit"), window.close, "Ctrl+Q", "actionQuit"))

    edit_menu = window.shell_menus["edit"]
    undo = window.undo_stack.createUndoAction(window, window.tr("&Undo"))
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    undo.setObjectName("actionUndo")
    redo = window.undo_stack.createRedoAction(window, window.tr("&Redo"))
    redo.setShortcut(QKeySequence.StandardKey.Redo)
    redo.setObjectName("actionRedo")
    edit_menu.addActions([undo, redo])
    edit_menu.addSeparator()
    details = window._action(window.tr("Edit article &details…"), window.editing.edit_metadata, "F2", "actionEditMeta")
    edit_menu.addAction(details)
    edit_menu.addAction(
        window._action(
            window.tr("Mark the details as &checked"), window.editing.mark_checked, "Ctrl+K", "actionMarkChecked"
        )
    )
    edit_menu.addAction(
        window._action(
            window.tr("&Delete article"), window.delete_selected, QKeySequence.StandardKey.Delete, "actionDelete"
        )
    )
    edit_menu.addSeparator()
    edit_menu.addAction(
        window._action(
            window.tr("&Filter the library"), window.focus_search, QKeySequence.StandardKey.Find, "actionFind"
        )
    )
    new_course = window._action(
        window.tr("New &course…"), window.library_pane.new_course, "Ctrl+Shift+N", "actionNewCourse"
    )
    edit_menu.addAction(new_course)
    window.addActions(hits := window.library_pane.hit_actions(window, lambda: window.reading_pane.article_id))
    edit_menu.addActions(hits)

    notes_menu = window.shell_menus["notes"]
    window.highlight_action = window._action(
        window.tr("&Highlight the selection"),
        lambda: window.highlight_selection(window.current_color),
        "Ctrl+H",
        "actionHighlight",
    )
    notes_menu.addAction(window.highlight_action)
    window.color_actions = []
    for color, meaning in enumerate(window.library.color_meanings()):
        action = window._action(
            meaning,
            lambda _=False, c=color: window.highlight_selection(c),
            f"Ctrl+{color + 1}",
            f"actionHighlightColor{color + 1}",
        )
        action.setIcon(_swatch(color))
        window.color_actions.append(action)
        notes_menu.addAction(action)
    notes_menu.addSeparator()
    notes_menu.addAction(
        window._action(window.tr("&Delete highlight"), window.delete_highlight, "Ctrl+Shift+H", "actionDeleteHighlight")
    )
    notes_menu.addAction(
        window._action(window.tr("Rename the colours…"), window.rename_colors, "Ctrl+Shift+M", "actionRenameColors")
    )
    toolbar = window.highlight_toolbar
    toolbar.clear()  # the shell's stand-in
    toolbar.addAction(window.highlight_action)
    toolbar.addActions(window.color_actions)
    window.current_color = 0

    window.view_menu = ViewMenu(window)  # between Notes and Help

    edit_menu.addSeparator()
    edit_menu.addAction(window._action(window.tr("&Settings…"), window.open_settings, "Ctrl+,", "actionSettings"))

    help_menu = window.shell_menus["help"]
    help_menu.addAction(
        window._action(window.tr("&Keyboard shortcuts"), window.show_shortcuts, "F1", "actionShortcuts")
    )
    help_menu.addAction(window._action(window.tr("&About Yandu Reader"), window.about, "Ctrl+F1", "actionAbout"))
