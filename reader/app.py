"""Building and running the main window."""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from reader.core.library import backup
from reader.core.library.lock import COMMAND, WINDOW, LibraryLock, ReadOnlyLibrary, unwritable
from reader.ui import translations
from reader.ui.main_window import MainWindow

CJK_FONTS = ["Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC"]


def create_window(data_dir: str | os.PathLike[str]) -> MainWindow:
    """The whole window on the library in ``data_dir``; a QApplication must exist.

    It is painted first: the library is opened and the panes filled on the next turn of the event loop
    (``MainWindow.finish``; anything that asks for them sooner gets them at once). Nothing here loads
    sqlite-utils, the parser or the exporter."""
    return MainWindow(Path(data_dir))


def lock_library(data_dir: str | os.PathLike[str]) -> LibraryLock | None:
    """One library, one writer: the lock is held while the app runs; None when another process has it
    (another window, or a `reader` command that writes). The same lock as the command line's, from the
    core; the system lets go of it when the process ends, so a crash leaves no stale lock.

    Raises ReadOnlyLibrary when the folder, or the library file in it, cannot be written."""
    lock = LibraryLock(data_dir, holder=WINDOW)
    return lock if lock.acquire() else None


def _offer_restore(data_dir: Path) -> bool:
    """The library is damaged: say so, and offer the newest healthy backup. True when it was restored."""
    good = backup.newest_good(data_dir)
    if good is None:
        QMessageBox.critical(
            None,
            "研读 Reader",
            QCoreApplication.translate("App", "The library in %1 is damaged and there is no backup.").replace(
                "%1", str(data_dir)
            ),
        )
        return False
    question = QCoreApplication.translate(
        "App",
        "The library in %1 is damaged.\n\nRestore the newest healthy backup (%2)? The damaged file is kept beside it.",
    )
    answer = QMessageBox.question(None, "研读 Reader", question.replace("%1", str(data_dir)).replace("%2", good.name))
    if answer != QMessageBox.StandardButton.Yes:
        return False
    try:
        backup.restore(data_dir, good)
    except (OSError, ValueError, sqlite3.Error) as exc:  # the library is left as it was
        said = QCoreApplication.translate("App", "The backup could not be restored:\n%1").replace("%1", str(exc))
        QMessageBox.critical(None, "研读 Reader", said)
        return False
    return True


def _read_only_message(data_dir: Path) -> str:
    """Why the window does not open a library it cannot write (the folder, or the library file): it
    saves notes as they are typed, and here it could save none; the command line reads such a library."""
    what = unwritable(data_dir)
    if what is not None and what != data_dir:
        first = QCoreApplication.translate("App", "The library file is read-only:\n%1").replace("%1", str(what))
    else:
        first = QCoreApplication.translate("App", "The library folder is read-only:\n%1").replace("%1", str(data_dir))
    why = QCoreApplication.translate(
        "App",
        "研读 Reader saves notes and highlights as you type, and could save nothing here, so the window "
        "does not open it. To read it, use `reader list`, `reader show`, `reader search` or `reader export` "
        "(they open it read-only), or copy the folder somewhere writable and open the copy.",
    )
    return f"{first}\n\n{why}"


def _in_use_message(data_dir: Path) -> str:
    """Who has the library (as its lock file says, in the user's language), and what to do."""
    known = LibraryLock(data_dir).holder_and_pid()
    if known is None:
        text = QCoreApplication.translate(
            "App",
            "This library is in use:\n%1\n\nSwitch to that window (or wait for the command to finish), then try again.",
        )
        return text.replace("%1", str(data_dir))
    holder, pid = known
    names = {
        WINDOW: QCoreApplication.translate("App", "the 研读 Reader window"),
        COMMAND: QCoreApplication.translate("App", "a reader command"),
    }
    who = (
        QCoreApplication.translate("App", "%1 (process %2)").replace("%1", names.get(holder, holder)).replace("%2", pid)
    )
    text = QCoreApplication.translate(
        "App",
        "This library is in use by %1:\n%2\n\n"
        "Switch to that window (or wait for the command to finish), then try again.",
    )
    return text.replace("%1", who).replace("%2", str(data_dir))


def run(data_dir: str | os.PathLike[str]) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Yandu Reader")
    app.setApplicationDisplayName("研读 Reader")
    app.setOrganizationName("yandu-reader")
    font = app.font()
    font.setFamilies([font.family(), *CJK_FONTS])  # Chinese falls back to a CJK face, never to boxes
    app.setFont(font)
    chosen = QSettings(str(Path(data_dir) / "window.ini"), QSettings.Format.IniFormat).value("ui/language", "")
    translations.install(app, chosen or None)
    try:
        lock = lock_library(data_dir)
    except ReadOnlyLibrary:
        QMessageBox.critical(None, "研读 Reader", _read_only_message(Path(data_dir)))
        return 2
    if lock is None:
        QMessageBox.warning(None, "研读 Reader", _in_use_message(Path(data_dir)))
        return 1
    if backup.library_problem(Path(data_dir)) is not None and not _offer_restore(Path(data_dir)):
        return 2

    def cannot_open(why: str) -> None:
        said = QCoreApplication.translate("App", "The library in %1 cannot be opened:\n%2")
        QMessageBox.critical(None, "研读 Reader", said.replace("%1", str(data_dir)).replace("%2", why))
        app.exit(2)

    try:
        window = create_window(data_dir)
    except (OSError, sqlite3.DatabaseError, RuntimeError) as exc:
        cannot_open(str(exc))
        return 2
    window.openFailed.connect(cannot_open)  # the library is opened once the window is painted
    window.show()
    undo = _close_on_terminate(window)
    if os.environ.get("READER_SMOKE"):  # packaging/build.sh: open the sample, report, quit
        QTimer.singleShot(0, lambda: _smoke(window, app))
    try:
        return app.exec()
    finally:
        undo()


def _close_on_terminate(window: QMainWindow) -> Callable[[], None]:
    """SIGTERM (a logout, ``kill``) closes the window as the user would: imports are cancelled and
    their worker processes end, what is typed is saved. Returns the call that undoes this.

    Python runs a signal handler only when it runs Python code, and Qt's event loop waits in C; so the
    signal's number is written to a socket (``signal.set_wakeup_fd``) whose other end wakes Qt. The
    app sleeps until a signal comes, never waking to look."""
    if not hasattr(signal, "SIGTERM"):
        return lambda: None
    wake, watch = socket.socketpair()
    for end in (wake, watch):
        end.setblocking(False)
    notifier = QSocketNotifier(watch.fileno(), QSocketNotifier.Type.Read, window)

    def woken() -> None:
        try:
            numbers = watch.recv(256)
        except OSError:
            return
        if signal.SIGTERM in numbers:
            window.close()

    notifier.activated.connect(woken)
    before_fd = signal.set_wakeup_fd(wake.fileno())
    before_handler = signal.signal(signal.SIGTERM, lambda *_: None)  # the socket does the work

    def undo() -> None:
        signal.signal(signal.SIGTERM, before_handler)
        signal.set_wakeup_fd(before_fd)
        notifier.setEnabled(False)
        wake.close()
        watch.close()

    return undo


def _smoke(window: QMainWindow, app: QApplication) -> None:
    window.open_sample()
    article = window.reading_pane.article
    print(f"smoke: {window.library.count()} article(s); open: {article.title if article else None}")
    app.quit()
