"""Exporting a course with 1,000 highlights and notes (goal < 1 s).

python bench/bench_export.py [HIGHLIGHTS] [ARTICLES]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.gen_dumps import generate
from reader.core.export.markdown import Exporter
from reader.core.library.importer import import_paths
from reader.core.library.store import Library


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("highlights", type=int, nargs="?", default=1000)
    ap.add_argument("articles", type=int, nargs="?", default=50)
    args = ap.parse_args()
    rng = random.Random(3)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        generate(folder / "dumps", args.articles)
        library = Library.in_folder(folder / "lib")
        import_paths(library, [folder / "dumps"])
        ids = library.article_ids()
        course = library.create_collection("课程")
        library.add_to_collection(course, ids)
        with library.transaction():
            for n in range(args.highlights):
                article_id = ids[n % len(ids)]
                article = library.article(article_id)
                sections = [i for i, s in enumerate(article.sections) if s.paragraphs]
                section = rng.choice(sections)
                body = "\n".join(article.sections[section].paragraphs)
                start = rng.randrange(0, max(1, len(body) - 20))
                hid = library.add_highlight(article_id, section, start, start + 12, rng.randrange(5))
                library.set_note("highlight", hid, f"第{n}条批注：**要点**与体会。")
        start = time.perf_counter()
        written = Exporter(library).export_course(course, folder / "out")
        seconds = time.perf_counter() - start
        size = sum(p.stat().st_size for p in written)
        print(
            f"exported a course of {len(ids)} articles and {args.highlights:,} highlights with notes: "
            f"{seconds * 1000:.0f} ms, {len(written)} files, {size / 1024:.0f} KB (goal < 1 s)"
        )
        library.close()


if __name__ == "__main__":
    main()
