"""Correcting what the parser got wrong: title, authors, source, year, keywords."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QSpinBox, QWidget

_SPLIT = re.compile(r"\s*[;；,，、]\s*")


class MetadataDialog(QDialog):
    def __init__(self, meta: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("metadataDialog")
        self.setWindowTitle(self.tr("Article details"))
        self.title = QLineEdit(meta.get("title") or "", self)
        self.authors = QLineEdit("；".join(meta.get("authors") or []), self)
        self.source = QLineEdit(meta.get("source") or "", self)
        self.year = QSpinBox(self)
        self.year.setRange(0, 2100)
        self.year.setSpecialValueText(self.tr("unknown"))
        self.year.setValue(meta.get("year") or 0)
        self.keywords = QLineEdit("；".join(meta.get("keywords") or []), self)
        form = QFormLayout(self)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Authors (separated by ；)"), self.authors)
        form.addRow(self.tr("Source"), self.source)
        form.addRow(self.tr("Year"), self.year)
        form.addRow(self.tr("Keywords (separated by ；)"), self.keywords)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._accept_if_valid)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(560, 0)

    def _accept_if_valid(self) -> None:
        if self.title.text().strip():
            self.accept()
        else:
            self.title.setFocus()
            self.title.setPlaceholderText(self.tr("An article needs a title"))

    def values(self) -> dict[str, Any]:
        return {
            "title": self.title.text().strip(),
            "authors": [a for a in _SPLIT.split(self.authors.text().strip()) if a],
            "source": self.source.text().strip() or None,
            "year": self.year.value() or None,
            "keywords": [k for k in _SPLIT.split(self.keywords.text().strip()) if k],
        }


class ColorMeaningsDialog(QDialog):
    """What each highlight colour means (重点, 疑问 …): the meanings travel into exports."""

    def __init__(self, meanings: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("colorMeaningsDialog")
        self.setWindowTitle(self.tr("Highlight colours"))
        form = QFormLayout(self)
        self.edits = []
        for n, meaning in enumerate(meanings, start=1):
            edit = QLineEdit(meaning, self)
            self.edits.append(edit)
            form.addRow(self.tr("Colour %1").replace("%1", str(n)), edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def meanings(self) -> list[str]:
        return [e.text().strip() for e in self.edits]
