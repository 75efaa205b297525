"""Saved pages: today's visible-text path against a main-content extractor (trafilatura), by fields.

    python bench/bench_html_extract.py DIR [DIR ...]

For each `*.html` beside its `*.expected.json`, both paths go through the same parser and the same
page metadata; a field counts when it equals the truth as tests/core/parse/test_corpus.py compares it.
trafilatura is not a dependency of the app: install it to run this (`pip install trafilatura`).
"""

from __future__ import annotations

import difflib
import json
import sys
import time
import unicodedata
from pathlib import Path

from reader.core.parse import dump
from reader.core.parse.saved_page import html_charset, html_to_text, page_meta

FIELDS = ("title", "authors", "source", "year", "abstract", "keywords", "sections", "references", "related_count")


def norm(value: object) -> str:
    return "".join(unicodedata.normalize("NFKC", json.dumps(value, ensure_ascii=False)).split())


def field_ok(name: str, got: dict, truth: dict) -> bool:
    g, t = got.get(name), truth.get(name)
    if name == "sections":
        g = [(s["heading"], s["level"]) for s in g]
        t = [(s["heading"], s["level"]) for s in t]
    if name == "abstract" and g and t:
        return difflib.SequenceMatcher(None, norm(g), norm(t)).ratio() >= 0.95
    return norm(g) == norm(t)


def parse_with(text: str, html: str) -> dict:
    article = dump.parse_text(text)
    if article.error is None:
        dump._apply_page_meta(article, page_meta(html))
    return article.to_json()


def main(folders: list[str]) -> None:
    import trafilatura

    totals = {"visible text": [], "trafilatura": []}
    for folder in folders:
        for page in sorted(Path(folder).glob("*.htm*")):
            truth_path = page.with_name(page.stem + ".expected.json")
            if not truth_path.exists():
                continue
            truth = json.loads(truth_path.read_text(encoding="utf-8"))
            data = page.read_bytes()
            html, _ = dump._decode_html(data, html_charset(data))
            t0 = time.perf_counter()
            ours = parse_with(html_to_text(html), html)
            t1 = time.perf_counter()
            extracted = trafilatura.extract(html, output_format="txt", include_comments=False) or ""
            theirs = parse_with(extracted, html)
            t2 = time.perf_counter()
            row = []
            for label, got in (("visible text", ours), ("trafilatura", theirs)):
                score = sum(field_ok(f, got, truth) for f in FIELDS) / len(FIELDS)
                totals[label].append(score)
                row.append(f"{label} {score:.2f}")
            print(f"{page.name}: {', '.join(row)}  ({(t1 - t0) * 1000:.0f} ms vs {(t2 - t1) * 1000:.0f} ms)")
    for label, scores in totals.items():
        if scores:
            print(f"{label}: mean {sum(scores) / len(scores):.3f} over {len(scores)} pages")


if __name__ == "__main__":
    main(sys.argv[1:] or ["tests/fixtures/kinds"])
