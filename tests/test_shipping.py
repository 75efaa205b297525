"""What shipping asks of the window: settings, every shortcut listed, readable highlight colours, metadata files."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtWidgets import QTextBrowser

from reader.app import create_window
from reader.ui.reading_pane import HIGHLIGHT_COLORS

ROOT = Path(__file__).resolve().parent.parent


def luminance(hex_color: str) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_color[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_highlight_colours_are_readable() -> None:
    """Highlighted text is drawn black (in light and dark palettes alike): WCAG AA needs 4.5:1."""
    for color in HIGHLIGHT_COLORS:
        assert contrast("#000000", color) >= 4.5, color
    # and the colours stay apart from each other
    assert len(set(HIGHLIGHT_COLORS)) == 5


def test_settings_and_shortcuts(qtbot, tmp_path: Path) -> None:
    window = create_window(tmp_path)
    qtbot.addWidget(window)
    dialog = window.open_settings()
    dialog.font_size.setValue(18)
    dialog.autosave.setValue(300)
    dialog.accept()
    assert window.reading_pane.font_size() == 18
    assert window.notes_panel.editor._timer.interval() == 300
    assert window.settings.value("notes/autosaveMs", type=int) == 300
    shortcuts = dict(window.shortcuts())
    for name in ("Highlight the selection", "Import files…", "Paste as article", "Export notes…", "Undo"):
        assert shortcuts.get(name), name
    help_box = window.show_shortcuts()
    assert help_box.objectName() == "shortcutsHelp"
    room = window.screen().availableGeometry()
    assert help_box.height() <= room.height() and help_box.width() <= room.width()  # its OK button on the screen
    assert help_box.height() >= min(400, room.height() - 80)  # and tall enough to read, not two rows
    assert "Ctrl+H" in help_box.findChild(QTextBrowser).toPlainText()
    order = [name for name, _ in window.shortcuts()]
    assert order.index("Import files…") < order.index("Undo") < order.index("Highlight the selection")  # menu order
    assert "重点" in order  # a colour's entry says what the colour means
    window.close()


def test_accessible_names_on_panes(qtbot, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QWidget

    window = create_window(tmp_path)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.findChild(QWidget, "libraryView") is not None)  # built after the first paint
    for name in (
        "librarySearch",
        "libraryView",
        "articleView",
        "outlineView",
        "referencesView",
        "notesPanel",
        "highlightsView",
        "notesEditor",
    ):
        widget = window.findChild(QWidget, name)
        assert widget is not None and widget.accessibleName(), name
    window.close()


def test_desktop_entry_and_metainfo() -> None:
    desktop = (ROOT / "packaging" / "yandu-reader.desktop").read_text(encoding="utf-8")
    assert "Exec=reader" in desktop and "Name[zh_CN]=研读" in desktop
    metainfo = ROOT / "packaging" / "io.github.yandu_reader.metainfo.xml"
    tool = shutil.which("appstreamcli")
    if tool is None:
        pytest.skip("appstreamcli is not installed")
    proc = subprocess.run([tool, "validate", "--no-net", str(metainfo)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_every_menu_action_has_a_shortcut(qtbot, tmp_path: Path) -> None:
    window = create_window(tmp_path)
    qtbot.addWidget(window)
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            if not action.isSeparator():
                assert not action.shortcut().isEmpty(), action.text()
    window.close()
