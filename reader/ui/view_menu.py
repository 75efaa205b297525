"""The View menu: the text's size, the abstract, which panes show, and focus mode (F11), remembered.

Focus mode hides everything but the text (the library, the notes, the outline and references, the
highlight toolbar); the panes come back as they were. What shows is kept in the window's settings
and restored at the next start.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QSplitter, QToolBar, QWidget


def give_room(splitter: QSplitter, widget: QWidget, least: int, share: int) -> None:
    """A pane shown again in a splitter where it had been squeezed to nothing gets ``share`` pixels."""
    index = splitter.indexOf(widget)
    sizes = splitter.sizes()
    if index < 0 or sizes[index] >= least:
        return
    largest = max(range(len(sizes)), key=sizes.__getitem__)
    take = min(share, sizes[largest] // 2)
    sizes[largest] -= take
    sizes[index] += take
    splitter.setSizes(sizes)


class ViewMenu(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.settings = window.settings
        pane = window.reading_pane
        menu = window.shell_menus["view"]
        menu.addAction(window._action(self.tr("&Larger text"), lambda: pane.zoom(1), "Ctrl+=", "actionZoomIn"))
        window._action(self.tr("Larger text"), lambda: pane.zoom(1), "Ctrl++")
        menu.addAction(window._action(self.tr("&Smaller text"), lambda: pane.zoom(-1), "Ctrl+-", "actionZoomOut"))
        menu.addAction(
            window._action(
                self.tr("Show or hide the &abstract"),
                pane.abstract_toggle.toggle,
                "Ctrl+Shift+A",
                "actionToggleAbstract",
            )
        )
        menu.addSeparator()
        self.outline = self._toggle(self.tr("Show the &outline"), "view/outline", True, "actionShowOutline")
        self.references = self._toggle(self.tr("Show the &references"), "view/references", True, "actionShowReferences")
        self.focus = self._toggle(self.tr("&Focus mode (only the text)"), "view/focus", False, "actionFocusMode")
        self.focus.setShortcut("F11")
        self.outline.setShortcut("Ctrl+Alt+O")
        self.references.setShortcut("Ctrl+Alt+R")
        menu.addActions([self.outline, self.references, self.focus])
        self._was_focused = False
        self.apply(save=False)

    def _toggle(self, text: str, key: str, default: bool, name: str) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        action.setCheckable(True)
        action.setChecked(self.settings.value(key, default, type=bool))
        action.toggled.connect(lambda _=False: self.apply())
        self.window.addAction(action)
        return action

    def focused(self) -> bool:
        return self.focus.isChecked()

    def apply(self, save: bool = True) -> None:
        """Show and hide the panes as the menu's ticks say; remember the ticks."""
        window, pane = self.window, self.window.reading_pane
        focus = self.focus.isChecked()
        outline, references = self.outline.isChecked(), self.references.isChecked()
        parts = {"window/main": window.splitter, "window/reading": pane.splitter, "window/side": pane.side_splitter}
        if save and focus and not self._was_focused:  # the panes' sizes as they are, kept for coming back
            for key, splitter in parts.items():
                self.settings.setValue(key, splitter.saveState())
        leaving = save and self._was_focused and not focus
        self._was_focused = focus
        pane.outline.setVisible(outline)
        pane.references.setVisible(references)
        pane.side_splitter.setVisible(not focus and (outline or references))
        window.library_pane.setVisible(not focus)
        window.notes_panel.setVisible(not focus)
        toolbar = window.findChild(QToolBar, "highlightToolbar")
        if toolbar is not None:
            toolbar.setVisible(not focus)
        if leaving:  # the sizes from before focus mode (kept in the settings, across a restart too)
            for key, splitter in parts.items():
                if (state := self.settings.value(key)) is not None:
                    splitter.restoreState(state)
        if save and not focus:  # shown again by the reader: a pane squeezed to nothing gets room
            give_room(window.splitter, window.library_pane, 120, 320)
            give_room(window.splitter, window.notes_panel, 120, 320)
            if outline or references:
                give_room(pane.splitter, pane.side_splitter, 80, 220)
            for shown, widget in ((outline, pane.outline), (references, pane.references)):
                if shown:
                    give_room(pane.side_splitter, widget, 60, 200)
        if save:
            self.settings.setValue("view/outline", outline)
            self.settings.setValue("view/references", references)
            self.settings.setValue("view/focus", focus)
