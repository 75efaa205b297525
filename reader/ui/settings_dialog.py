"""Settings: language, reading font size and line height, default export folder, autosave delay."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSpinBox,
    QWidget,
)

from .article_html import DEFAULT_LINE_HEIGHT
from .folder_field import FolderField
from .reading_pane import DEFAULT_FONT, MAX_FONT, MAX_LINE, MIN_FONT, MIN_LINE


class SettingsDialog(QDialog):
    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.settings = settings
        self.language = QComboBox(self)
        self.language.addItem(self.tr("As the system (Chinese unless it is English)"), "")
        self.language.addItem("中文", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.value("ui/language", ""))))
        self.font_size = QSpinBox(self)
        self.font_size.setRange(MIN_FONT, MAX_FONT)
        self.font_size.setValue(settings.value("reading/fontSize", DEFAULT_FONT, type=int))
        self.line_height = QSpinBox(self)
        self.line_height.setObjectName("lineHeight")
        self.line_height.setRange(MIN_LINE, MAX_LINE)
        self.line_height.setSingleStep(10)
        self.line_height.setSuffix(" %")
        self.line_height.setValue(settings.value("reading/lineHeight", DEFAULT_LINE_HEIGHT, type=int))
        self.export_folder = FolderField(
            str(settings.value("export/folder", "")), self.tr("Default export folder"), self
        )
        self.autosave = QSpinBox(self)
        self.autosave.setRange(200, 1000)
        self.autosave.setSingleStep(100)
        self.autosave.setSuffix(" ms")
        self.autosave.setValue(settings.value("notes/autosaveMs", 500, type=int))
        form = QFormLayout(self)
        form.addRow(self.tr("Language (after a restart)"), self.language)
        form.addRow(self.tr("Reading font size"), self.font_size)
        form.addRow(self.tr("Line height"), self.line_height)
        form.addRow(self.tr("Default export folder"), self.export_folder)
        form.addRow(self.tr("Save notes after typing stops for"), self.autosave)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def save(self) -> None:
        self.settings.setValue("ui/language", self.language.currentData())
        self.settings.setValue("reading/fontSize", self.font_size.value())
        self.settings.setValue("reading/lineHeight", self.line_height.value())
        self.settings.setValue("export/folder", self.export_folder.text())
        self.settings.setValue("notes/autosaveMs", self.autosave.value())
