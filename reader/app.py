"""Building and running the main window."""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from reader.core.store import Library
from reader.ui import translations
from reader.ui.main_window import MainWindow

CJK_FONTS = ["Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC"]


def create_window(data_dir: str | os.PathLike[str]) -> QMainWindow:
    """The whole window on the library in ``data_dir``; a QApplication must exist."""
    folder = Path(data_dir)
    library = Library.in_folder(folder)
    return MainWindow(library, folder)


def run(data_dir: str | os.PathLike[str]) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Yandu Reader")
    app.setApplicationDisplayName("研读 Reader")
    app.setOrganizationName("yandu-reader")
    font = app.font()
    font.setFamilies([font.family(), *CJK_FONTS])  # Chinese falls back to a CJK face, never to boxes
    app.setFont(font)
    translations.install(app)
    try:
        window = create_window(data_dir)
    except (OSError, sqlite3.DatabaseError, RuntimeError) as exc:
        QMessageBox.critical(None, "研读 Reader", f"The library in {data_dir} cannot be opened:\n{exc}")
        return 2
    window.show()
    return app.exec()
