"""The main window: library | article | notes, in splitters."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QWidget

from reader.core.store import Library


class MainWindow(QMainWindow):
    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("研读 Reader"))
        self.resize(1280, 800)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("mainSplitter")
        for name, text in (
            ("libraryPane", self.tr("文库")),
            ("articleView", self.tr("文章")),
            ("notesPanel", self.tr("笔记")),
        ):
            pane = QLabel(text, splitter)
            pane.setObjectName(name)
            pane.setAlignment(Qt.AlignmentFlag.AlignCenter)
        splitter.setSizes([320, 640, 320])
        self.setCentralWidget(splitter)
        self.statusBar().showMessage(self.tr("%n article(s)", "", library.count()))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.library.close()
        super().closeEvent(event)
