"""Imported text and notes load nothing when Qt shows them as rich text (issue 12, item 9):
the notes preview and the article view are ``InertBrowser``s, labels of imported text are plain,
and tool tips of imported text are escaped."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QColor, QImage, QPixmap, QTextDocument
from PySide6.QtWidgets import QTextBrowser

from reader.core.library.store import Library
from reader.ui.article_view import ArticleView, InertBrowser, plain_tip
from reader.ui.notes_panel import HighlightsModel, NotesPanel
from reader.ui.reading_pane import ReadingPane

ROOT = Path(__file__).resolve().parents[2]
IMAGE = QTextDocument.ResourceType.ImageResource


@pytest.fixture
def png(tmp_path: Path) -> QUrl:
    image = QImage(4, 4, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    path = tmp_path / "x.png"
    assert image.save(str(path))
    return QUrl.fromLocalFile(str(path))


def loaded(browser: QTextBrowser, url: QUrl) -> bool:
    """Whether the browser's document gets the file (Qt asks the widget's loadResource): its bytes,
    or the 4×4 image in it."""
    data = browser.document().resource(IMAGE, url)
    if isinstance(data, QImage | QPixmap):
        return data.width() == 4
    return bool(data) and bytes(data) == Path(url.toLocalFile()).read_bytes()


def test_a_plain_browser_would_load_the_file(qtbot, png: QUrl) -> None:
    """The control: the check below can fail, since an ordinary QTextBrowser loads local files."""
    browser = QTextBrowser()
    qtbot.addWidget(browser)
    browser.setHtml(f'<img src="{png.toString()}">')
    assert loaded(browser, png)


def test_the_notes_preview_loads_no_file(qtbot, png: QUrl, tmp_path: Path) -> None:
    library = Library()
    panel = NotesPanel(library, tmp_path / "data")
    qtbot.addWidget(panel)
    panel.editor.setPlainText(f"![x]({png.toString()})\n\n<img src='{png.toString()}'>")
    panel.update_preview()
    assert isinstance(panel.preview, InertBrowser)
    assert not loaded(panel.preview, png)
    library.close()


def test_the_article_view_loads_no_file(qtbot, png: QUrl) -> None:
    view = ArticleView()
    qtbot.addWidget(view)
    view.setHtml(f'<img src="{png.toString()}">')
    assert not loaded(view, png)


FIFO_SCRIPT = """
import sys
from PySide6.QtWidgets import QApplication
from reader.ui.article_view import InertBrowser
app = QApplication([])
browser = InertBrowser()
browser.resize(300, 200)
browser.show()
browser.setHtml(sys.argv[1])
app.processEvents()
print(browser.toPlainText().strip())
"""


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_an_image_naming_a_fifo_or_dev_zero_neither_hangs_nor_aborts(tmp_path: Path) -> None:
    """A blank image answers for any image: Qt's image handler would otherwise open the file itself."""
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    html = f'<img src="{QUrl.fromLocalFile(str(fifo)).toString()}"><img src="file:///dev/zero">alive'
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(
        [sys.executable, "-c", FIFO_SCRIPT, html], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().endswith("alive")


HOSTILE = [
    '<img src="file:///dev/zero">',
    "<b>粗</b> & <a href='javascript:alert(1)'>点我</a>",
    "a < b > c\n第二行",
    "",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_a_tool_tip_shows_the_text_as_it_is(text: str) -> None:
    doc = QTextDocument()
    doc.setHtml(plain_tip(text))
    assert doc.toPlainText() == text
    assert "<img" not in doc.toHtml() and "<a " not in doc.toHtml()


def test_imported_text_in_labels_and_tips_is_plain(qtbot, tmp_path: Path) -> None:
    model = HighlightsModel()
    quote = '<img src="file:///dev/zero">'
    model.set_rows([{"id": 1, "color": 0, "quote": quote, "section_heading": "", "orphaned": 0, "note": ""}], ["重点"])
    assert model.index(0).data(Qt.ItemDataRole.ToolTipRole) == plain_tip(quote)
    library = Library()
    pane = ReadingPane(library, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(pane)
    assert pane.title_label.textFormat() == Qt.TextFormat.PlainText
    library.close()


def test_no_other_rich_text_widget_can_load() -> None:
    """Every text browser the app makes is an InertBrowser; loadResource is never set on an instance."""
    for path in (ROOT / "reader" / "ui").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"\.loadResource\s*=", source), path
        made = re.findall(r"\b(QTextBrowser|QTextEdit)\(", source)
        assert not made, f"{path}: {made}"


WINDOW_SCRIPT = """
import random, sys
from PySide6.QtWidgets import QApplication
from bench.gen_dumps import dump
from reader.app import create_window
from reader.core.library.store import Library

folder, fifo = sys.argv[1], sys.argv[2]
library = Library.in_folder(folder)
article_id = library.import_bytes(dump(random.Random(1), 1).encode()).article_id
library.set_note("article", article_id, f"![z](file:///dev/zero)\\n\\n![f](file://{fifo})\\n\\n<img src='file:///dev/zero'>")
library.close()
app = QApplication([])
window = create_window(folder)
window.show()
window.library_pane.select_article(article_id)
for _ in range(20):
    app.processEvents()
window.notes_panel.update_preview()
app.processEvents()
print("alive", window.notes_panel.article_id == article_id)
window.close()
"""


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_note_with_hostile_images_opens_in_the_window(tmp_path: Path) -> None:
    """The whole path: a stored note naming /dev/zero and a FIFO, shown in the real window's preview."""
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(
        [sys.executable, "-c", WINDOW_SCRIPT, str(tmp_path / "lib"), str(fifo)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "alive True" in proc.stdout
