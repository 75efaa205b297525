"""Opening an article with many [n] marks, and importing a big dump (issue 12, item 13).

    python bench/bench_marks.py [MARKS ...]

For each count (default 8,000 and 32,000) an article of that many marks is imported into a
library in memory and opened in the reading pane, offscreen; prints the seconds to open it.
Then a 15 MB dump is imported and the process's peak memory printed.
"""

from __future__ import annotations

import os
import random
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.gen_dumps import marked_dump, paragraph  # noqa: E402


def open_seconds(marks: int) -> float:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from reader.core.library.store import Library
    from reader.ui.reading_pane import ReadingPane

    app = QApplication.instance() or QApplication([])
    library = Library()
    article_id = library.import_bytes(marked_dump(marks).encode()).article_id
    pane = ReadingPane(library, QSettings(str(ROOT / ".bench-marks.ini"), QSettings.Format.IniFormat))
    pane.resize(900, 700)
    pane.show()
    app.processEvents()
    start = time.perf_counter()
    pane.show_article(article_id)
    app.processEvents()
    seconds = time.perf_counter() - start
    pane.deleteLater()
    library.close()
    return seconds


def big_import(megabytes: float) -> tuple[float, int]:
    from reader.core.library.store import Library

    rng = random.Random(1)
    lines = ["党建引领视域下基层治理的实践路径研究", "王伟", "一、引言"]
    size = 0
    while size < megabytes * 2**20:
        lines.append(paragraph(rng, 8))
        size += len(lines[-1].encode())
    data = "\n".join(lines).encode()
    library = Library()
    start = time.perf_counter()
    result = library.import_bytes(data)
    assert result.status == "imported", result
    return time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def main() -> None:
    counts = [int(a) for a in sys.argv[1:]] or [8_000, 32_000]
    for marks in counts:
        print(f"open, {marks:>6} marks: {open_seconds(marks):.2f} s")
    seconds, peak = big_import(15)
    print(f"import of a 15 MB dump: {seconds:.1f} s, peak memory {peak} MB")
    (ROOT / ".bench-marks.ini").unlink(missing_ok=True)


if __name__ == "__main__":
    main()
