"""Importing: files, folders, pasted text and dropped files, off the GUI thread, with a progress
dialog that can cancel and a summary at the end."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from reader.core.library.store import Library
from reader.core.library.summary import PASTED, ImportSummary


class ImportWorker(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)  # ImportSummary
    failed = Signal(str)

    def __init__(self, db_path: Path, paths: list[str]) -> None:
        super().__init__()
        self.db_path = db_path
        self.paths = paths
        self.cancel_requested = False

    @Slot()
    def run(self) -> None:
        from reader.core.library.importer import import_paths  # the parser loads on the first import

        try:
            library = Library(self.db_path)  # a connection of this thread's own
            try:
                summary = import_paths(
                    library,
                    self.paths,
                    progress=lambda d, t, n: self.progress.emit(d, t, n),
                    cancelled=lambda: self.cancel_requested,
                    start_method="spawn",
                )
            finally:
                library.close()
        except Exception as exc:
            self.failed.emit(str(exc))
            return
        self.finished.emit(summary)


class ImportJob(QObject):
    """One import: a worker thread, its progress dialog, and the summary when it ends."""

    done = Signal(object)  # ImportSummary

    def __init__(self, db_path: Path, paths: list[str], parent: QWidget) -> None:
        super().__init__(parent)
        self.thread = QThread(self)
        self.worker = ImportWorker(db_path, paths)
        self.worker.moveToThread(self.thread)
        self.dialog = QProgressDialog(self.tr("Importing…"), self.tr("Cancel"), 0, 0, parent)
        self.dialog.setObjectName("importProgress")
        self.dialog.setWindowTitle(self.tr("Import"))
        self.dialog.setMinimumDuration(400)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)
        self.thread.started.connect(self.worker.run)
        self.worker.progress.connect(self._progress)
        self.worker.finished.connect(self._finished)
        self.worker.failed.connect(self._failed)
        self.summary: ImportSummary | None = None
        self.closed = False  # the window closed: no progress is shown any more

    def start(self) -> None:
        self.thread.start()

    def cancel(self) -> None:
        self.worker.cancel_requested = True

    def _progress(self, done: int, total: int, name: str) -> None:
        if self.closed:
            return
        self.dialog.setMaximum(total)
        self.dialog.setValue(done)
        self.dialog.setLabelText(
            self.tr("Importing %1 of %2: %3")
            .replace("%1", str(done))
            .replace("%2", str(total))
            .replace("%3", Path(name).name)
        )

    def _finished(self, summary: ImportSummary) -> None:
        self.summary = summary
        self._stop()
        self.done.emit(summary)

    def _failed(self, message: str) -> None:
        summary = ImportSummary(refused=[("", message)])
        self._finished(summary)

    def _stop(self) -> None:
        self.dialog.reset()
        self.dialog.hide()
        self.thread.quit()
        self.thread.wait()

    def wait(self) -> None:
        """Block until the worker is done (closing the window, tests)."""
        self.thread.quit()
        self.thread.wait()

    def close(self) -> None:
        """The window closes: cancel, wait for the worker, hide the progress for good. Progress the
        worker sent meanwhile still arrives, and would show the dialog again (after its minimum
        duration) once the window is gone, keeping the app running with no window to close."""
        self.closed = True
        self.cancel()
        self.wait()
        self.dialog.reset()
        self.dialog.hide()


class ImportSummaryDialog(QDialog):
    """What an import did, with every refusal and its reason."""

    def __init__(self, summary: ImportSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importSummary")
        self.setWindowTitle(self.tr("Import finished"))
        text = self.tr("Imported %1, updated %2, duplicates %3, refused %4.")
        for k, v in enumerate((summary.imported, summary.updated, summary.duplicates, len(summary.refused)), 1):
            text = text.replace(f"%{k}", str(v))
        if summary.cancelled:
            text += " " + self.tr("Cancelled: the rest was not imported.")
        layout = QVBoxLayout(self)
        self.message = QLabel(text, self)
        self.message.setObjectName("importSummaryText")
        layout.addWidget(self.message)
        self.refusals = QListWidget(self)
        self.refusals.setObjectName("importRefusals")
        self.refusals.setWordWrap(True)  # a reason says what to do at its end: all of it shows
        for name, reason in summary.refused:
            shown = self.tr("pasted text") if name == PASTED else Path(name).name
            self.refusals.addItem(f"{shown}: {self.reason(reason)}" if name else self.reason(reason))
        self.refusals.setVisible(bool(summary.refused))
        layout.addWidget(self.refusals)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.resize(640, 360 if summary.refused else 120)

    def reason(self, reason: str) -> str:
        """A refusal's reason in the reader's language; its technical detail, if any, as it is."""
        from reader.core.parse.refusal import reason_code

        code, detail = reason_code(reason)
        words = {
            "empty": self.tr("the file is empty"),
            "not_text": self.tr("not a text file"),
            "source_code": self.tr("no article in it: it looks like program source"),
            "markdown": self.tr("no article in it: it looks like a Markdown document"),
            "no_language": self.tr("no article in it: no Chinese text, and no English paper"),
            "too_short": self.tr("no article in it: too short (fewer than 50 Chinese characters)"),
            "no_title": self.tr("no article in it: no title found"),
            "no_text": self.tr("no article in it: no text after the title"),
            "too_large": self.tr("too large to be a page dump"),
            "not_regular": self.tr("not a regular file (a pipe or a device)"),
            "unreadable": self.tr("cannot be read"),
            "parse_failed": self.tr("could not be parsed"),
            "store_failed": self.tr("could not be stored"),
            "missing": self.tr("no such file or folder"),
            "pdf_password": self.tr(
                "a PDF with a password: open it in a PDF viewer, save or print it as a PDF without a password, "
                "and import that"
            ),
            "pdf_scan": self.tr(
                "a PDF without a text layer (a scanned paper): run text recognition (OCR) on it, or download "
                "the paper's text PDF, and import that"
            ),
            "pdf_unreadable": self.tr("not a PDF that can be read"),
            "docx_unreadable": self.tr("not a Word document that can be read"),
            "docx_password": self.tr(
                "a Word document with a password: open it in Word or WPS, save it without the password, and import that"
            ),
            "old_word": self.tr(
                "a legacy Word document (.doc): open it in Word or WPS, save it as .docx or PDF, and import that"
            ),
            "cnki_format": self.tr(
                "a CNKI reader file (.caj/.kdh/.nh), which only CAJViewer opens: download the paper as PDF, "
                "or print it to PDF from CAJViewer, and import that"
            ),
            "zip_archive": self.tr("a zip archive, not a Word document: unpack it and import its files"),
        }.get(code or "")
        if words is None:
            return reason
        return f"{words}（{detail}）" if detail else words


SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "sample"


class ImportController(QObject):
    """File → Import (files, a folder), paste as article, and files dropped on ``window`` (which
    passes its drag events to ``drag_enter`` and ``drop``).

    ``imported(summary)`` is emitted once the library holds what an import stored;
    ``message(text)`` carries a line for the status bar."""

    imported = Signal(object)  # ImportSummary
    message = Signal(str)

    def __init__(self, library: Library, window: QWidget) -> None:
        super().__init__(window)
        self.library, self.window = library, window
        self.jobs: list[ImportJob] = []
        self.summary_dialog: ImportSummaryDialog | None = None

    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self.window,
            self.tr("Import articles"),
            "",
            self.tr(
                "Articles (*.txt *.htm *.html *.pdf *.docx *.doc *.caj *.kdh *.nh);;PDF (*.pdf);;"
                "Word documents (*.docx *.doc);;Page dumps (*.txt *.htm *.html);;All files (*)"
            ),
        )
        if files:
            self.import_paths(files)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Import a folder of articles"))
        if folder:
            self.import_paths([folder])

    def import_paths(self, paths: list[str]) -> ImportJob:
        """Start importing files and folders in a worker thread; returns the job (``done`` at the end)."""
        assert self.library.path is not None
        job = ImportJob(self.library.path, paths, self.window)
        job.done.connect(lambda summary, job=job: self._done(job, summary))
        self.jobs.append(job)
        job.start()
        return job

    def _done(self, job: ImportJob, summary: ImportSummary) -> None:
        if job in self.jobs:
            self.jobs.remove(job)
        if self.library.closed:
            return
        self.imported.emit(summary)
        self.show_summary(summary)

    def show_summary(self, summary: ImportSummary) -> ImportSummaryDialog:
        dialog = ImportSummaryDialog(summary, self.window)
        dialog.open()
        self.summary_dialog = dialog
        return dialog

    def paste_article(self) -> None:
        """The clipboard's text, imported as one article."""
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            self.message.emit(self.tr("The clipboard holds no text."))
            return
        from reader.core.library.importer import import_text  # the parser loads on the first import

        result = import_text(self.library, text)
        summary = ImportSummary()
        summary.add(result)
        if result.article_id is not None:
            self.imported.emit(summary)
        if result.status == "refused":
            self.show_summary(summary)
        elif result.status == "duplicate":
            self.message.emit(self.tr("This article is already in the library: it is open."))
        else:
            self.message.emit(self.tr("Pasted text imported."))

    def import_sample(self) -> int | None:
        """Import the sample article shipped with the app; returns its id (``imported`` selects it)."""
        summary = ImportSummary()
        for path in sorted(SAMPLES.glob("*.txt")):
            summary.add(self.library.import_bytes(path.read_bytes(), path.name))
        self.imported.emit(summary)
        return summary.article_ids[0] if summary.article_ids else None

    def shutdown(self) -> None:
        """Cancel running imports, wait for their threads and hide their progress (closing the window:
        a progress dialog still shown then would keep the app running with no window to close)."""
        for job in list(self.jobs):
            job.close()

    def drag_enter(self, event: QDragEnterEvent) -> None:
        """Local files dragged onto the window are welcome; anything else is not."""
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def drop(self, event: QDropEvent) -> None:
        """Files and folders dropped on the window are imported."""
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)
