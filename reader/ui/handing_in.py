"""Study notes to hand in: File → 导出为 Word (a .docx in a built-in layout or the reader's own template)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from reader.core.export.docx import LAYOUTS, Byline, export_docx
from reader.core.export.markdown import ExportError
from reader.core.library.store import Library

from .article_view import plain_tip
from .folder_field import FolderField

OWN = "own"


class WordDialog(QDialog):
    """The layout (作业, 公文 or a .docx of the reader's), the name and class, the folder; remembered."""

    def __init__(self, library: Library, article_id: int, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wordDialog")
        self.setWindowTitle(self.tr("Export as Word"))
        self.library, self.article_id, self.settings = library, article_id, settings
        self.layout_box = QComboBox(self)
        self.layout_box.addItem(self.tr("Coursework (宋体 小四, 1.5 lines)"), "作业")
        self.layout_box.addItem(self.tr("Official document (GB/T 9704)"), "公文")
        self.layout_box.addItem(self.tr("My own Word template…"), OWN)
        self.layout_box.setCurrentIndex(max(0, self.layout_box.findData(settings.value("word/layout", "作业"))))
        self.template = QLineEdit(str(settings.value("word/template", "")), self)
        self.template.setObjectName("wordTemplate")
        choose = QPushButton(self.tr("Choose…"), self)
        choose.clicked.connect(self._choose_template)
        template_row = QWidget(self)
        row = QHBoxLayout(template_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.template, 1)
        row.addWidget(choose)
        self.name = QLineEdit(str(settings.value("word/name", "")), self)
        self.klass = QLineEdit(str(settings.value("word/class", "")), self)
        self.folder = FolderField(str(settings.value("export/folder", "")), self.tr("Export into"), self)
        form = QFormLayout(self)
        form.addRow(self.tr("Layout"), self.layout_box)
        form.addRow(self.tr("Template"), template_row)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Class"), self.klass)
        form.addRow(self.tr("Folder"), self.folder)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.run)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.layout_box.currentIndexChanged.connect(self._update)
        self._update()
        self.written: list[Path] = []
        self.resize(520, 0)

    def _update(self) -> None:
        self.template.setEnabled(self.layout_box.currentData() == OWN)

    def _choose_template(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Word template"), self.template.text(), "Word (*.docx)")
        if path:
            self.template.setText(path)

    def export(self, force: bool = False) -> list[Path]:
        own = self.layout_box.currentData() == OWN
        template = Path(self.template.text()).expanduser() if own else None
        layout = None if own else LAYOUTS[self.layout_box.currentData()]
        byline = Byline(self.name.text().strip(), self.klass.text().strip(), dt.date.today())
        folder = Path(self.folder.text()).expanduser()
        return export_docx(self.library, [self.article_id], folder, force, layout, template, byline)

    def run(self) -> None:
        if not self.folder.text().strip():
            self.folder.browse()
            if not self.folder.text().strip():
                return
        try:
            self.written = self.export()
        except ExportError as exc:
            if "exists" not in str(exc):
                QMessageBox.warning(self, self.tr("Export as Word"), plain_tip(str(exc)))
                return
            text = plain_tip(self.tr("%1\n\nOverwrite?").replace("%1", str(exc)))
            if QMessageBox.question(self, self.tr("Export as Word"), text) != QMessageBox.StandardButton.Yes:
                return
            self.written = self.export(force=True)
        for key, value in (
            ("word/layout", self.layout_box.currentData()),
            ("word/template", self.template.text()),
            ("word/name", self.name.text().strip()),
            ("word/class", self.klass.text().strip()),
            ("export/folder", self.folder.text()),
        ):
            self.settings.setValue(key, value)
        self.accept()
