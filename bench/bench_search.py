"""Full-text search: index build, size, and query latency against a raw FTS5 query on the same index.

    python bench/bench_search.py [N ...]      (default: 10000 100000)

For each N, imports N generated articles, rebuilds the index (`reader reindex`) and
times it, then runs 2- and 4-character queries drawn from the generator's
vocabulary: median and 95th percentile of `search()` (top 20 with snippets) and of
the raw FTS5 MATCH it rests on (20 rows with their text, newest first). Goals: median <= 50 ms at 10,000;
search <= 2x the raw query.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.gen_dumps import NOUNS, TOPICS, generate
from reader.core.library import search_index as fts
from reader.core.library.importer import import_paths
from reader.core.library.store import Library


def timed_ms(fn, *args) -> float:
    start = time.perf_counter()
    fn(*args)
    return (time.perf_counter() - start) * 1000


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, int(len(values) * 0.95) - 1)]


def raw(library: Library, query: str) -> list[int]:
    expression = fts._match_expression(fts.normalize(query))
    if expression is None:  # a query the index cannot express (punctuation alone, before issue 14)
        return []
    sql = (
        "SELECT r.rowid, r.text FROM search_index s JOIN search_rows r ON r.rowid = s.rowid"
        " WHERE search_index MATCH ? ORDER BY s.rowid DESC LIMIT 20"
    )
    return [r[0] for r in library.db.execute(sql, [expression])]


def index_mb(library: Library) -> float:
    """Pages of the FTS5 index's own tables (search_index_*), not the rows it points to."""
    sql = "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'search_index%'"
    return (library.db.execute(sql).fetchone()[0] or 0) / 1e6


MIXED = ["2023年", "19号", "A股", "5G网", "Chat", "GPT", "OVID", "年以", "，", "号文件"]


def run(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        generate(folder / "dumps", n)
        db = folder / "lib" / "library.sqlite3"
        library = Library(db)
        start = time.perf_counter()
        import_paths(library, [folder / "dumps"])
        imported = time.perf_counter() - start
        start = time.perf_counter()
        fts.reindex(library.db)
        built = time.perf_counter() - start
        library.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = db.stat().st_size / 1e6
        print(
            f"{n:,} articles: import with indexing {imported:.1f} s ({n / imported:,.0f}/s); "
            f"index rebuilt in {built:.1f} s; database {size:.0f} MB; search index {index_mb(library):.1f} MB"
        )
        rng = random.Random(5)
        words = TOPICS + NOUNS
        for length in (2, 4, 0):
            pool = [w[:length] for w in words if len(w) >= length] if length else MIXED
            queries = [rng.choice(pool) for _ in range(40)]
            for q in queries[:3]:  # warm the page cache
                fts.search(library.db, q)
            ours = [timed_ms(fts.search, library.db, q) for q in queries]
            floor = [timed_ms(raw, library, q) for q in queries]
            kind = f"{length}-character" if length else "mixed-script"
            print(
                f"  {kind} queries: search top 20 with snippets median {statistics.median(ours):.1f} ms, "
                f"p95 {p95(ours):.1f} ms; raw FTS5 median {statistics.median(floor):.1f} ms, p95 {p95(floor):.1f} ms;"
                f" ratio {statistics.median(ours) / max(statistics.median(floor), 0.001):.2f}x"
            )
        library.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, nargs="*", default=[10_000, 100_000])
    for n in ap.parse_args().n:
        run(n)


if __name__ == "__main__":
    main()
