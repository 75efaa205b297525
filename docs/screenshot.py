"""Render the window offscreen to PNG, with the shared corpus imported and the seed article open.

    QT_QPA_PLATFORM=offscreen python docs/screenshot.py docs/reading-window.png [CORPUS_DIR]

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
from reader.core.importer import import_paths
from reader.ui import translations


def main() -> None:
    out = Path(sys.argv[1])
    corpus = (
        Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
    )
    app = QApplication(sys.argv)
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
    window.close()
    print(f"saved {out}")


if __name__ == "__main__":
    main()
