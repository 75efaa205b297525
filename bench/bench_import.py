"""Import throughput: dumps per second for parse + store, beside the floor of reading the same files.

    python bench/bench_import.py [N] [--workers W] [--without-index]

Generates N synthetic dumps (default 10,000) into a temporary folder, then times
  floor    reading every file's bytes
  parse    parsing every dump in one process
  import   `reader import` of the folder into a new library (parse in worker
           processes, store in one transaction per batch, a savepoint per file)
  again    importing the same folder a second time (all duplicates)
and prints the figures.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.gen_dumps import generate
from reader.core.library.importer import import_paths
from reader.core.library.store import Library
from reader.core.parse.dump import parse_bytes


def timed(label: str, n: int, fn) -> float:
    start = time.perf_counter()
    fn()
    seconds = time.perf_counter() - start
    print(f"{label:<8} {seconds:8.2f} s   {n / seconds:10,.0f} dumps/s")
    return seconds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, nargs="?", default=10_000)
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument(
        "--without-index",
        action="store_true",
        help="leave out the full-text index (the import as it was before search)",
    )
    args = ap.parse_args()
    if args.without_index:
        from reader.core.library import search_index as search

        search.index_article = lambda *a, **k: None
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "dumps"
        paths = generate(folder, args.n)
        total_bytes = sum(p.stat().st_size for p in paths)
        print(f"{args.n:,} dumps, {total_bytes / 1e6:.1f} MB")
        timed("floor", args.n, lambda: [p.read_bytes() for p in paths])
        datas = [p.read_bytes() for p in paths]
        timed("parse", args.n, lambda: [parse_bytes(d) for d in datas])
        library = Library(Path(tmp) / "lib" / "library.sqlite3")
        summary = None

        def run() -> None:
            nonlocal summary
            summary = import_paths(library, [folder], workers=args.workers)

        timed("import", args.n, run)
        assert summary is not None and summary.imported == args.n, (summary.imported, summary.updated)
        timed("again", args.n, lambda: import_paths(library, [folder], workers=args.workers))
        size = (Path(tmp) / "lib" / "library.sqlite3").stat().st_size
        print(f"library  {size / 1e6:8.1f} MB on disk (dumps kept: {total_bytes / 1e6:.1f} MB of it)")
        library.close()


if __name__ == "__main__":
    main()
