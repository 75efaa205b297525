"""Translations read from Qt's .ts files at run time.

The app's strings are English in the source, through tr(); Chinese comes from
resources/translations/reader_zh_CN.ts. Reading the .ts itself (plain XML)
leaves no compiled .qm to build or commit.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

TRANSLATIONS = Path(__file__).resolve().parent.parent.parent / "resources" / "translations"


def read_ts(path: Path) -> dict[tuple[str, str], str]:
    """(context, source) → translation, for every finished message of a .ts file."""
    table: dict[tuple[str, str], str] = {}
    root = ET.parse(path).getroot()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            node = message.find("translation")
            if node is not None and node.get("type") not in ("unfinished", "obsolete") and node.text:
                table[(name, source)] = node.text
    return table


class TsTranslator(QTranslator):
    def __init__(self, table: dict[tuple[str, str], str], parent: QCoreApplication | None = None) -> None:
        super().__init__(parent)  # owned by the application, so it lives as long as it does
        self.table = table

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        text = self.table.get((context, source))
        if text is None:
            return None
        return text.replace("%n", str(n)) if n >= 0 else text

    def isEmpty(self) -> bool:
        return not self.table


def install(app: QCoreApplication, language: str | None = None) -> list[QTranslator]:
    """Chinese unless the system (or ``language``) asks for English; Qt's own strings too."""
    lang = language or QLocale.system().name()
    if lang.startswith("en"):
        return []
    installed: list[QTranslator] = []
    ts = TRANSLATIONS / "reader_zh_CN.ts"
    if ts.exists():
        translator = TsTranslator(read_ts(ts), app)
        app.installTranslator(translator)
        installed.append(translator)
    qt = QTranslator(app)
    china, folder = (
        QLocale(QLocale.Language.Chinese, QLocale.Country.China),
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
    )
    # qt_zh_CN.qm is Qt's whole catalogue, but it loads only when every module it names is installed
    # (PySide6 wheels lack qtmultimedia's): then qtbase_zh_CN.qm, which holds the dialogs' strings.
    if any(qt.load(china, name, "_", folder) for name in ("qt", "qtbase")):
        app.installTranslator(qt)
        installed.append(qt)
    extra = TRANSLATIONS / "qt_extra_zh_CN.ts"  # what Qt's catalogue leaves in English
    if extra.exists():
        translator = TsTranslator(read_ts(extra), app)
        app.installTranslator(translator)
        installed.append(translator)
    return installed
