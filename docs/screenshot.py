"""Render the window offscreen to PNG: the seed article open, then with highlights and a study note.

    QT_QPA_PLATFORM=offscreen python docs/screenshot.py OUT.png [CORPUS_DIR] [--size WxH] [--dark]
        [--notes] [--open FILE]

writes OUT.png at WxH (default 1366x768): the seed article, or with --notes its highlights and a
study note, or with --open FILE that file imported and open (a PDF, say).

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
        (QPalette.ColorRole.PlaceholderText, "#9a9a9a"),
    ):
        palette.setColor(role, QColor(color))
    return palette


def _option(name: str, default: str | None = None) -> str | None:
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def main() -> None:
    values = {_option("--size"), _option("--open")}
    args = [a for a in sys.argv[1:] if not a.startswith("--") and a not in values]
    out = Path(args[0])
    corpus = Path(args[1]) if len(args) > 1 else Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
    width, height = (int(n) for n in (_option("--size", "1366x768") or "").split("x"))
    app = QApplication(sys.argv)
    if "--dark" in sys.argv:
        app.setStyle("Fusion")
        app.setPalette(_dark_palette())
    font = app.font()
    font.setFamilies([font.family(), *CJK_FONTS])
    app.setFont(font)
    translations.install(app, "zh_CN")
    window = create_window(tempfile.mkdtemp())
    window.finish()
    import_paths(window.library, [corpus / "seed", corpus / "dev"])
    opened = _option("--open")
    if opened:
        import_paths(window.library, [opened])
    window.library_pane.reload()
    window.update_status()
    window.resize(width, height)
    window.show()
    titles = {window.library.article_meta(i)["file_name"]: i for i in window.library_pane.model.ids}
    seed = next(
        i for i in window.library_pane.model.ids if window.library.article_meta(i)["title"] == "党建引领基层治理新探索"
    )
    window.library_pane.select_article(titles[Path(opened).name] if opened else seed)
    app.processEvents()
    if "--notes" in sys.argv:
        view = window.reading_pane.view
        for phrase, color in HIGHLIGHTS:
            view.setTextCursor(view.document().find(phrase))
            window.highlight_selection(color)
        window.library.set_note("highlight", window.library.highlights(seed)[1]["id"], "先锋模范作用要落到网格里。")
        window.notes_panel.editor.setPlainText(NOTE)
        window.notes_panel.update_preview()
        window.notes_panel.refresh_highlights(select=window.library.highlights(seed)[1]["id"])
        window.reading_pane.scroll_to_section(0)
    for _ in range(3):
        app.processEvents()
    window.grab().save(str(out))
    print(f"saved {out}")
    window.close()


if __name__ == "__main__":
    main()
