"""Start-up, the library list and article opening with a large library.

    python bench/bench_window.py [N ...]        e.g.  python bench/bench_window.py 2000 10000 100000

For each N (default 10,000) a library of N articles is built, then measured, offscreen:

  first paint   fresh processes, from interpreter start to the first paint of the central widget, of
                  bare    a bare PySide6 QMainWindow (the floor), and
                  reader  the reader's window on the N-article library
                median of 5 each, run alternately, and their ratio (goal ≤ 2×);
  list usable   in the same reader processes: to the first paint of the library list's viewport with
                the model holding its rows (median of 5);
  memory        VmRSS (/proc/self/status) of those processes when the list is usable (median of 5), and
                of one more process after it scrolled the whole list (goal ≤ 250 MB at 100,000);
  scroll        in that process, the whole list from top to bottom in page-down steps (the scroll bar
                moved by a page, the viewport repainted at once: every row is fetched and drawn once);
  open          in one process, opening an article in the article view (median and 95th percentile
                over 50 spread across the list; goal ≤ 50 ms).

The library: up to 2,000 generated dumps (bench/gen_dumps.py) are imported through the importer, once.
A larger library is that one copied and grown with SQL inside its own database: each further article is
a copy of one of the 2,000 (its row, original dump, sections, references and related papers) under a new
id, with its number in the title and identity changed (第N号调查点 names the new id), its own content
hash and an earlier date added, so that titles, sort orders and ids are all distinct. The search index is
left as the importer made it: it holds the first 2,000 articles only (searching is not measured here, and
building it for 100,000 takes minutes; bench_search.py measures it). Everything else is a valid library
of the current schema, opened by the reader as any other.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BASE = 2_000  # articles imported through the importer; more are copies of these

PROBE = r"""
import time
t0 = time.perf_counter()
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

kind = sys.argv[1]
ms = lambda: (time.perf_counter() - t0) * 1000

def rss_mb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")

class Probe(QObject):
    def __init__(self, window):
        super().__init__()
        self.window, self.painted, self.view, self.done = window, False, None, False

    def eventFilter(self, obj, event):
        if event.type() != QEvent.Type.Paint:
            return False
        if obj is self.window.centralWidget() and not self.painted:
            self.painted = True
            print(f"paint {ms():.1f}")
            obj.removeEventFilter(self)
            if kind == "bare":
                print(f"rss {rss_mb():.1f}")
                QTimer.singleShot(0, app.quit)
            else:  # the list may be built later: any paint of its viewport, from here on, is looked at
                app.installEventFilter(self)
        elif self.view is None and obj.objectName() == "qt_scrollarea_viewport":
            view = obj.parent()
            if view.objectName() == "libraryView" and view.model().rowCount() > 0:
                self.view = view
                app.removeEventFilter(self)
                print(f"list {ms():.1f} {view.model().rowCount()}")
            QTimer.singleShot(0, self.usable)
        return False

    def usable(self):
        if self.done:  # once, however often the timer's call comes
            return
        self.done = True
        print(f"rss {rss_mb():.1f}")
        if kind == "scroll":
            view = self.view
            bar = view.verticalScrollBar()
            view.scrollToTop()
            start = time.perf_counter()
            steps = 0
            while True:
                view.viewport().repaint()
                if bar.value() >= bar.maximum():
                    break
                bar.setValue(bar.value() + bar.pageStep())
                steps += 1
            print(f"scroll {(time.perf_counter() - start) * 1000:.1f} {steps}")
            print(f"rss_scrolled {rss_mb():.1f}")
        app.quit()

app = QApplication(sys.argv)
if kind == "bare":
    window = QMainWindow()
    window.setCentralWidget(QLabel("bare"))
else:
    from reader.app import create_window
    window = create_window(sys.argv[2])
probe = Probe(window)
window.centralWidget().installEventFilter(probe)
window.resize(1280, 800)
window.show()
QTimer.singleShot(300_000, app.quit)
app.exec()
"""


def probe(kind: str, data_dir: str) -> dict[str, list[float]]:
    """One fresh process: what it printed, as {"paint": [ms], "list": [ms, rows], "rss": [MB], ...}."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT), QT_LOGGING_RULES="qt.qpa.*=false")
    out = subprocess.run(
        [sys.executable, "-c", PROBE, kind, data_dir],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=600,
    )
    found: dict[str, list[float]] = {}
    for line in out.stdout.splitlines():
        key, *values = line.split()
        found[key] = [float(v) for v in values]
    return found


def import_base(folder: Path, n: int) -> Path:
    """A library of n ≤ BASE generated dumps, through the importer; returns its folder."""
    from bench.gen_dumps import generate
    from reader.core.library.importer import import_paths
    from reader.core.library.store import Library

    dumps = folder / "dumps"
    generate(dumps, n)
    library = Library.in_folder(folder / "base")
    start = time.perf_counter()
    summary = import_paths(library, [dumps])
    library.close()
    print(f"library: {summary.imported:,} articles imported in {time.perf_counter() - start:.1f} s")
    return folder / "base"


def grow(db_path: Path, n: int) -> None:
    """Copy the library's articles inside its own database until it holds n (see the module's doc)."""
    conn = sqlite3.connect(db_path, isolation_level=None)
    have, top = conn.execute("SELECT count(*), max(id) FROM articles").fetchone()
    start = time.perf_counter()
    conn.execute("BEGIN")
    copy = 0
    while have < n:
        copy += 1
        shift, take = copy * top, min(top, n - have)
        conn.execute("DROP TABLE IF EXISTS temp.picked")
        conn.execute(
            "CREATE TEMP TABLE picked AS SELECT id FROM articles WHERE id <= ? ORDER BY id LIMIT ?", [top, take]
        )
        renamed = "replace({0}, '第' || a.id || '号', '第' || (a.id + :shift) || '号')"
        conn.execute(
            "INSERT INTO articles (id, content_hash, identity, file_name, source_path, title, authors, source, year,"
            " issue, cited_by, uploader, doi, abstract, keywords, encoding, parser_version, status, added_at,"
            " updated_at, deleted_at, doubts, corrected)"
            " SELECT a.id + :shift, substr(a.content_hash, 1, 56) || printf('%08x', :copy), "
            + renamed.format("a.identity")
            + ", printf('copy%d_', :copy) || a.file_name, NULL, "
            + renamed.format("a.title")
            + ", a.authors, a.source, a.year, a.issue, a.cited_by, a.uploader, a.doi, a.abstract, a.keywords,"
            " a.encoding, a.parser_version, a.status,"
            " strftime('%Y-%m-%dT%H:%M:%S+00:00', a.added_at, printf('-%d minutes', :copy * 7)),"
            " a.updated_at, a.deleted_at, a.doubts, a.corrected"
            " FROM articles a JOIN picked p ON p.id = a.id",
            {"shift": shift, "copy": copy},
        )
        conn.execute(
            "INSERT INTO dumps (article_id, data) SELECT article_id + ?, data FROM dumps"
            " WHERE article_id IN (SELECT id FROM picked)",
            [shift],
        )
        for table, columns in (
            ("sections", "position, heading, level, body"),
            ("refs", "number, text"),
            ("related", "position, text"),
        ):
            conn.execute(
                f"INSERT INTO {table} (article_id, {columns}) SELECT article_id + ?, {columns} FROM {table}"
                " WHERE article_id IN (SELECT id FROM picked) ORDER BY id",
                [shift],
            )
        have += take
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    print(f"library: grown to {have:,} articles by SQL in {time.perf_counter() - start:.1f} s")


def open_articles(data_dir: Path, count: int = 50) -> list[float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from reader.app import create_window

    app = QApplication.instance() or QApplication(sys.argv)
    window = create_window(data_dir)
    window.resize(1280, 800)
    window.show()
    deadline = time.perf_counter() + 120
    while window.library_pane.model.rowCount() == 0 and time.perf_counter() < deadline:
        app.processEvents()  # the list may be filled on later turns of the event loop
    app.processEvents()
    ids = [window.library_pane.model.article_id(r) for r in range(window.library_pane.model.rowCount())]
    step = max(1, len(ids) // count)
    times = []
    for article_id in ids[::step][:count]:
        start = time.perf_counter()
        window.library_pane.select_article(article_id)
        app.processEvents()
        times.append((time.perf_counter() - start) * 1000)
    window.close()
    return times


def measure(n: int, lib: Path) -> None:
    bare, runs = [], []
    for _ in range(5):  # alternately, so that a busy moment of the machine weighs on both alike
        bare.append(probe("bare", str(lib)))
        runs.append(probe("reader", str(lib)))
    b = statistics.median(r["paint"][0] for r in bare)
    r = statistics.median(r["paint"][0] for r in runs)
    listed = statistics.median(r["list"][0] for r in runs)
    rss = statistics.median(r["rss"][0] for r in runs)
    bare_rss = statistics.median(r["rss"][0] for r in bare)
    scrolled = probe("scroll", str(lib))
    print(f"== {n:,} articles")
    print(f"first paint, bare PySide6 window      median {b:7.1f} ms   (RSS {bare_rss:.0f} MB)")
    print(f"first paint, reader                   median {r:7.1f} ms   ratio {r / b:.2f}x (goal <= 2x)")
    print(f"library list usable ({int(runs[0]['list'][1]):,} rows)   median {listed:7.1f} ms")
    print(f"resident memory, list usable          median {rss:7.1f} MB   (goal <= 250 MB at 100,000)")
    print(
        f"scroll the whole list (page-down x{int(scrolled['scroll'][1]):,}, repainted) {scrolled['scroll'][0]:7.1f} ms"
        f"   RSS after {scrolled['rss_scrolled'][0]:.1f} MB"
    )
    times = sorted(open_articles(lib))
    p95 = times[int(len(times) * 0.95) - 1]
    print(
        f"open an article: median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms over {len(times)} "
        "(goal <= 50 ms)",
        flush=True,
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, nargs="*", default=[10_000])
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        base = import_base(folder, min(BASE, max(args.n)))
        for n in args.n:
            lib = folder / f"lib{n}"
            lib.mkdir()
            if n < BASE and n != max(args.n):  # fewer than the base: imported on their own
                shutil.rmtree(lib)
                lib = import_base(folder / f"small{n}", n)
            else:
                shutil.copy2(base / "library.sqlite3", lib / "library.sqlite3")
                grow(lib / "library.sqlite3", n)
            measure(n, lib)
            shutil.rmtree(lib)


if __name__ == "__main__":
    main()
