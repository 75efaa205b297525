"""Importing files and folders: read, parse (in worker processes when there are many), store."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .model import Article
from .parser import parse_bytes
from .store import ImportResult, Library

DUMP_SUFFIXES = {".txt", ".text", ".htm", ".html", ".xhtml", ""}
BATCH = 200  # files per transaction; each file is a savepoint of its own
PARALLEL_FROM = 400  # fewer files than this are parsed in this process

Progress = Callable[[int, int, str], None]


@dataclass
class ImportSummary:
    imported: int = 0
    updated: int = 0
    duplicates: int = 0
    refused: list[tuple[str, str]] = field(default_factory=list)
    article_ids: list[int] = field(default_factory=list)
    cancelled: bool = False

    def add(self, result: ImportResult) -> None:
        if result.status == "refused":
            self.refused.append((result.name, result.reason or "refused"))
            return
        if result.status == "imported":
            self.imported += 1
        elif result.status == "updated":
            self.updated += 1
        else:
            self.duplicates += 1
        if result.article_id is not None:
            self.article_ids.append(result.article_id)

    @property
    def total(self) -> int:
        return self.imported + self.updated + self.duplicates + len(self.refused)


def collect_files(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Files named, and the dumps inside folders named (recursively); plus paths that do not exist."""
    files: list[Path] = []
    missing: list[tuple[str, str]] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for root, dirs, names in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for n in sorted(names):
                    f = Path(root) / n
                    if not n.startswith(".") and f.suffix.lower() in DUMP_SUFFIXES and not n.endswith(".json"):
                        files.append(f)
        elif p.is_file():
            files.append(p)
        else:
            missing.append((str(p), "no such file or folder"))
    return files, missing


def _read_and_parse(path: Path) -> tuple[Path, bytes | None, Article]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return path, None, Article.refused(f"cannot read: {exc.strerror or exc}")
    return path, data, parse_bytes(data, path.name)


def _parsed(files: list[Path], workers: int | None) -> Iterator[tuple[Path, bytes | None, Article]]:
    if len(files) < PARALLEL_FROM or workers == 1:
        yield from map(_read_and_parse, files)
        return
    pool = ProcessPoolExecutor(max_workers=workers or os.cpu_count() or 2)
    try:
        yield from pool.map(_read_and_parse, files, chunksize=32)
    finally:  # on cancel, drop the files not yet parsed
        pool.shutdown(wait=True, cancel_futures=True)


def import_paths(
    library: Library,
    paths: Iterable[str | os.PathLike[str]],
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    workers: int | None = None,
) -> ImportSummary:
    files, missing = collect_files(paths)
    summary = ImportSummary(refused=list(missing))
    total = len(files)
    done = 0
    results = _parsed(files, workers)
    while done < total:
        if cancelled and cancelled():
            summary.cancelled = True
            break
        with library.transaction():
            for path, data, article in results:
                if data is None:
                    summary.add(ImportResult("refused", str(path), reason=article.error))
                else:
                    summary.add(library.import_bytes(data, path.name, str(path.resolve()), article=article))
                done += 1
                if progress:
                    progress(done, total, str(path))
                if done % BATCH == 0 or (cancelled and cancelled()):
                    break
    results.close()
    return summary


def import_text(library: Library, text: str, name: str = "clipboard.txt") -> ImportResult:
    """Pasted text goes through the same parser as a file."""
    return library.import_bytes(text.encode("utf-8"), name)
