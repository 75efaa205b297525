"""Render the window offscreen to PNG: the seed article open, then with highlights and a study note.

    QT_QPA_PLATFORM=offscreen python docs/screenshot.py docs/reading-window.png [CORPUS_DIR]

writes docs/reading-window.png and docs/reading-window-notes.png.

Chinese needs a CJK font on the machine (Debian: fonts-noto-cjk).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication

from reader.app import CJK_FONTS, create_window
from reader.core.library.importer import import_paths
from reader.ui import translations

HIGHLIGHTS = [  # (phrase, colour)
    ("关键是要积极发挥党的引领作用", 0),
    ("广大党员的先锋模范作用", 3),
    ("政之所兴在顺民心,政之所废在逆民心", 2),
    ("如何探索和创新有效的基层治理模式", 1),
]
NOTE = """# 学习心得

## 核心观点

党建引领是基层治理的**根本保证**：把党组织建设成坚强战斗堡垒。

## 联系实际

> 政之所兴在顺民心,政之所废在逆民心
>
> ——《党建引领基层治理新探索》，坚持以人民为中心，化解基层矛盾，第 1 段（金句）

- 社区网格员要“摸透民情、了解民意”
- 学习小组下周讨论“一核多元”
"""


def _dark_palette():
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    for role, color in (
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.WindowText, "#e6e6e6"),
        (QPalette.ColorRole.Base, "#1f1f1f"),
        (QPalette.ColorRole.AlternateBase, "#2b2b2b"),
        (QPalette.ColorRole.Text, "#e6e6e6"),
        (QPalette.ColorRole.Button, "#353535"),
        (QPalette.ColorRole.ButtonText, "#e6e6e6"),
        (QPalette.ColorRole.Highlight, "#3d6ea8"),
        (QPalette.ColorRole.HighlightedText, "#ffffff"),
        (QPalette.ColorRole.Link, "#8cb4ff"),
    ):
        palette.setColor(role, QColor(color))
    return palette


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    out = Path(args[0])
    corpus = Path(args[1]) if len(args) > 1 else Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
    app = QApplication(sys.argv)
    if "--dark" in sys.argv:
        app.setStyle("Fusion")
        app.setPalette(_dark_palette())
    font = app.font()
    font.setFamilies([font.family(), *CJK_FONTS])
    app.setFont(font)
    translations.install(app, "zh_CN")
    window = create_window(tempfile.mkdtemp())
    import_paths(window.library, [corpus])
    window.library_pane.reload()
    window.update_status()
    window.resize(1500, 900)
    window.show()
    seed = next(
        i for i in window.library_pane.model.ids if window.library.article_meta(i)["title"] == "党建引领基层治理新探索"
    )
    window.library_pane.select_article(seed)
    app.processEvents()
    window.grab().save(str(out))
    print(f"saved {out}")
    view = window.reading_pane.view
    for phrase, color in HIGHLIGHTS:
        view.setTextCursor(view.document().find(phrase))
        window.highlight_selection(color)
    window.library.set_note("highlight", window.library.highlights(seed)[1]["id"], "先锋模范作用要落到网格里。")
    window.notes_panel.editor.setPlainText(NOTE)
    window.notes_panel.update_preview()
    window.notes_panel.refresh_highlights(select=window.library.highlights(seed)[1]["id"])
    window.reading_pane.scroll_to_section(0)
    app.processEvents()
    notes = out.with_name(out.stem + "-notes" + out.suffix)
    window.grab().save(str(notes))
    print(f"saved {notes}")
    window.close()


if __name__ == "__main__":
    main()
