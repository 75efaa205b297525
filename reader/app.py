"""Building and running the main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMainWindow

from reader.core.store import Library
from reader.ui.main_window import MainWindow


def create_window(data_dir: str | os.PathLike[str]) -> QMainWindow:
    """The whole window on the library in ``data_dir``; a QApplication must exist."""
    library = Library.in_folder(Path(data_dir))
    return MainWindow(library)


def run(data_dir: str | os.PathLike[str]) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("研读 Reader")
    app.setOrganizationName("yandu-reader")
    window = create_window(data_dir)
    window.show()
    return app.exec()
