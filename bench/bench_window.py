"""Start-up and article opening with a large library.

    python bench/bench_window.py [N]

Builds a library of N generated articles (default 10,000), then measures in fresh
processes, offscreen, the time from interpreter start to the first paint of
  bare     a bare PySide6 QMainWindow (the floor)
  reader   the reader's window on the N-article library
(median of 5 each, and their ratio; goal ≤ 2×), and in one process the time to
open an article in the article view (median and 95th percentile over 50; goal ≤ 50 ms).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FIRST_PAINT = r"""
import time
t0 = time.perf_counter()
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print(f"{(time.perf_counter() - t0) * 1000:.1f}")
            QTimer.singleShot(0, app.quit)
            obj.removeEventFilter(self)
        return False

app = QApplication(sys.argv)
if sys.argv[1] == "bare":
    window = QMainWindow()
    window.setCentralWidget(QLabel("bare"))
else:
    from reader.app import create_window
    window = create_window(sys.argv[2])
spy = FirstPaint()
window.centralWidget().installEventFilter(spy)
window.resize(1280, 800)
window.show()
app.exec()
"""


def first_paint(kind: str, data_dir: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    out = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT, kind, data_dir],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=120,
    )
    return float(out.stdout.strip().splitlines()[-1])


def build_library(folder: Path, n: int) -> None:
    from bench.gen_dumps import generate
    from reader.core.library.importer import import_paths
    from reader.core.library.store import Library

    dumps = folder / "dumps"
    generate(dumps, n)
    library = Library.in_folder(folder / "lib")
    start = time.perf_counter()
    summary = import_paths(library, [dumps])
    library.close()
    print(f"library: {summary.imported:,} articles imported in {time.perf_counter() - start:.1f} s")


def open_articles(data_dir: Path, count: int = 50) -> list[float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from reader.app import create_window

    app = QApplication.instance() or QApplication(sys.argv)
    window = create_window(data_dir)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    ids = window.library_pane.model.ids
    step = max(1, len(ids) // count)
    times = []
    for article_id in ids[::step][:count]:
        start = time.perf_counter()
        window.library_pane.select_article(article_id)
        app.processEvents()
        times.append((time.perf_counter() - start) * 1000)
    window.close()
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, nargs="?", default=10_000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        build_library(folder, args.n)
        lib = str(folder / "lib")
        bare = [first_paint("bare", lib) for _ in range(5)]
        reader = [first_paint("reader", lib) for _ in range(5)]
        b, r = statistics.median(bare), statistics.median(reader)
        print(f"first paint, bare PySide6 window   median {b:7.1f} ms")
        print(f"first paint, reader on {args.n:,} articles  median {r:7.1f} ms   ratio {r / b:.2f}x (goal <= 2x)")
        times = sorted(open_articles(folder / "lib"))
        p95 = times[int(len(times) * 0.95) - 1]
        print(
            f"open an article: median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms over {len(times)} "
            "(goal <= 50 ms)"
        )


if __name__ == "__main__":
    main()
