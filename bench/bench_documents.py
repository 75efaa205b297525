"""PDF import: one long paper, and a folder of papers.

    python bench/bench_documents.py [--pages 30] [--folder 200] [--workers W]

Renders, from the two-column spec of tests/fixtures/documents (reportlab needed), a paper of about
--pages pages (its sections repeated under new headings) and --folder papers of three pages each
(titles numbered, so that none is a duplicate), then times
  read     the long paper's text layer (``pdf.read_pdf``)
  parse    the long paper through the parser (``parse_bytes``)
  import   the long paper into a new library (``import_paths``, as `reader import` does)
  folder   the folder into a new library, in worker processes
and prints the figures (medians of 3 for the long paper).
"""

from __future__ import annotations

import argparse
import copy
import importlib.util
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.core.library.importer import import_paths  # noqa: E402
from reader.core.library.store import Library  # noqa: E402
from reader.core.parse.dump import parse_bytes  # noqa: E402
from reader.core.parse.pdf import read_pdf  # noqa: E402

DOCUMENTS = ROOT / "tests" / "fixtures" / "documents"
SPEC = DOCUMENTS / "articles" / "01_twocol_dangjian_zhibu.json"


def _builder():
    spec = importlib.util.spec_from_file_location("build_documents", DOCUMENTS / "build.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def long_spec(base: dict, pages: int) -> dict:
    """The spec with its sections repeated (about 1.2 pages a round) under numbered headings."""
    spec = copy.deepcopy(base)
    rounds = max(1, round(pages / 1.2))
    sections = []
    for k in range(rounds):
        for s in base["sections"]:
            part = copy.deepcopy(s)
            if part["level"] == 1:
                part["heading"] = f"{part['heading']}（{k + 1}）"
            sections.append(part)
    spec["sections"] = sections
    spec["numbering"] = "arabic"  # 1 … 100: past 九十九 a Chinese numbering would not do
    return spec


def median_of(n: int, fn) -> float:
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=30)
    ap.add_argument("--folder", type=int, default=200)
    ap.add_argument("--workers", type=int, default=None)
    args = ap.parse_args()
    build = _builder()
    base = json.loads(SPEC.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paper = folder / "long.pdf"
        pages = build.build_pdf(long_spec(base, args.pages), paper)
        data = paper.read_bytes()
        print(f"long paper: {pages} pages, {len(data) / 1024:,.0f} KB")
        print(f"read     {median_of(3, lambda: read_pdf(data)) * 1000:8.0f} ms")
        print(f"parse    {median_of(3, lambda: parse_bytes(data, paper.name)) * 1000:8.0f} ms")

        def import_one() -> None:
            library = Library(folder / f"one-{time.perf_counter_ns()}.sqlite3")
            summary = import_paths(library, [paper], workers=0)
            assert summary.imported == 1, summary.refused
            library.close()

        print(f"import   {median_of(3, import_one) * 1000:8.0f} ms   (goal < 2,000 ms)")

        papers = folder / "papers"
        papers.mkdir()
        start = time.perf_counter()
        for k in range(args.folder):
            spec = copy.deepcopy(base)
            spec["title"] = f"{base['title']}（第{k + 1}篇）"
            build.build_pdf(spec, papers / f"paper-{k:03d}.pdf")
        print(f"rendered {args.folder} papers in {time.perf_counter() - start:.1f} s (not timed below)")
        library = Library(folder / "folder.sqlite3")
        start = time.perf_counter()
        summary = import_paths(library, [papers], workers=args.workers)
        seconds = time.perf_counter() - start
        library.close()
        print(
            f"folder   {seconds:8.2f} s   {summary.imported / seconds:6.1f} PDFs/s   "
            f"(imported {summary.imported}, refused {len(summary.refused)})"
        )


if __name__ == "__main__":
    main()
