"""Importing files and folders: read, parse (in worker processes when there are many), store."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import select
import sqlite3
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import NamedTuple

from ..model import Article
from ..parse.documents import DOCUMENT_SUFFIXES, REFUSED_SUFFIXES, is_document_name, looks_like_document
from ..parse.dump import parse_bytes
from ..parse.files import Unreadable, read_dump, shown_name
from .store import Library
from .summary import PASTED, ImportResult, ImportSummary

DUMP_SUFFIXES = {".txt", ".text", ".htm", ".html", ".xhtml", ""}
# What a folder gives: dumps, PDFs and Word files, and the formats refused with their way out (.doc, .caj).
IMPORTED_SUFFIXES = DUMP_SUFFIXES | DOCUMENT_SUFFIXES | REFUSED_SUFFIXES
BATCH = 200  # files per transaction; each file is a savepoint of its own
CHUNK_BYTES = 64 * 1024 * 1024  # and at most this much read at once: AHEAD + 1 chunks are held
IN_WORKER_MAX = 2 * 1024 * 1024  # bigger dumps are parsed here, one at a time (parsing holds ~25x a dump)
PARALLEL_FROM = 400  # fewer files than this are parsed in this process …
DOCUMENTS_PARALLEL_FROM = 8  # … unless this many are PDFs or Word files (each costs ~50 dumps)
AHEAD = 2  # chunks being parsed while one is stored

Progress = Callable[[int, int, str], None]


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
                    if not n.startswith(".") and f.suffix.lower() in IMPORTED_SUFFIXES:
                        files.append(f)  # a pipe or a device among them is refused when read
        elif os.path.exists(p):
            files.append(p)
        else:
            missing.append((shown_name(p), "no such file or folder"))
    return files, missing


class _Job(NamedTuple):
    path: Path
    data: bytes | None
    digest: str
    error: str | None


def _read(path: Path) -> _Job:
    try:
        data = read_dump(path)
    except Unreadable as exc:
        return _Job(path, None, "", str(exc))
    return _Job(path, data, hashlib.sha256(data).hexdigest(), None)


def _die_with(importer: int) -> None:
    """In a worker process: end when the importing process (``importer``) is gone (killed, or ended
    by a signal before it could shut the pool down), so that no worker outlives it.

    It watches that process itself, not the worker's parent: under ``forkserver`` (Linux's default
    from Python 3.14) the parent is the fork server, and under any start method the parent may not
    be the importer."""
    wait = _waiting_for(importer)
    if wait is None:
        return

    def watch() -> None:
        wait()
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="importer-watch").start()


def _waiting_for(pid: int) -> Callable[[], object] | None:
    """A call that returns once process ``pid`` has ended (None: it cannot be watched here)."""
    if hasattr(os, "pidfd_open"):  # Linux: a handle on that very process, ready once it has exited
        try:
            fd = os.pidfd_open(pid)
        except ProcessLookupError:
            return lambda: None
        except OSError:  # a kernel without pidfd
            pass
        else:
            return lambda: select.select([fd], [], [])
    if sys.platform == "win32":  # spawn only; the parent is the importer, held by a process handle
        parent = multiprocessing.parent_process()
        return parent.join if parent is not None and parent.pid == pid else None

    def poll() -> None:
        while _exists(pid):
            time.sleep(0.5)

    return poll


def _exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process took the number: ours is gone
        return False
    return True


def _parse_many(work: list[tuple[bytes, str]]) -> list[Article]:
    return [parse_bytes(data, name) for data, name in work]


def _start_parsing(pool: ProcessPoolExecutor | None, workers: int, jobs: list[_Job]) -> Callable[[], list[Article]]:
    """Begin parsing a chunk; the returned call waits for the articles, in order. Big dumps are not
    sent to the workers: each of them parsing one at once would multiply the peak memory."""
    work = [(j.data or b"", shown_name(j.path.name)) for j in jobs]
    if pool is None:
        articles = _parse_many(work)
        return lambda: articles
    small = [i for i, (data, _) in enumerate(work) if len(data) <= IN_WORKER_MAX or looks_like_document(data)]
    size = max(1, -(-len(small) // (2 * workers)))
    parts = [
        (small[k : k + size], pool.submit(_parse_many, [work[i] for i in small[k : k + size]]))
        for k in range(0, len(small), size)
    ]

    def articles() -> list[Article]:
        out: dict[int, Article] = {}
        for where, part in parts:
            out.update(zip(where, part.result(), strict=True))
        return [out[i] if i in out else parse_bytes(*work[i]) for i in range(len(work))]

    return articles


def _chunks(files: list[Path]) -> Iterator[list[_Job]]:
    """The files read, ``BATCH`` at a time and never more than ``CHUNK_BYTES`` in one chunk."""
    chunk: list[_Job] = []
    size = 0
    for path in files:
        job = _read(path)
        chunk.append(job)
        size += len(job.data or b"")
        if len(chunk) >= BATCH or size >= CHUNK_BYTES:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def import_paths(
    library: Library,
    paths: Iterable[str | os.PathLike[str]],
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    workers: int | None = None,
    start_method: str | None = None,
) -> ImportSummary:
    """Import files and folders.

    Duplicates are found by hash before anything is parsed. New dumps are parsed
    a chunk at a time, in worker processes for large imports, while the chunk
    before is stored; each file is stored atomically (a savepoint of its own).
    """
    files, missing = collect_files(paths)
    summary = ImportSummary(refused=list(missing))
    total = len(files)
    workers = (os.cpu_count() or 2) + 1 if workers is None else workers  # the storing process mostly waits
    pool = None
    documents = sum(1 for f in files if is_document_name(f))
    if (total >= PARALLEL_FROM or documents >= DOCUMENTS_PARALLEL_FROM) and workers > 0:
        # A caller with threads of its own (the GUI) asks for "spawn": forking a threaded process is unsafe.
        pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context(start_method),
            initializer=_die_with,
            initargs=(os.getpid(),),
        )
    seen: set[str] = set()
    done = 0
    in_flight: deque[tuple[list[_Job], Callable[[], list[Article]]]] = deque()
    try:
        for chunk in _chunks(files):
            fresh, stale = _split_known(library, chunk, seen)
            done = _store(library, summary, [(job, None) for job in stale], done, total, progress)
            in_flight.append((fresh, _start_parsing(pool, workers, fresh)))
            if len(in_flight) > AHEAD:
                jobs, articles = in_flight.popleft()
                done = _store(library, summary, list(zip(jobs, articles(), strict=True)), done, total, progress)
            if cancelled and cancelled():
                summary.cancelled = True
                in_flight.clear()
                break
        while in_flight:
            jobs, articles = in_flight.popleft()
            done = _store(library, summary, list(zip(jobs, articles(), strict=True)), done, total, progress)
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
    return summary


def _split_known(library: Library, chunk: list[_Job], seen: set[str]) -> tuple[list[_Job], list[_Job]]:
    """New dumps to parse, and the rest (unreadable, or already in the library or this import)."""
    known = library.known_hashes([j.digest for j in chunk if j.data is not None])
    fresh, stale = [], []
    for job in chunk:
        if job.data is None or job.digest in known or job.digest in seen:
            stale.append(job)
        else:
            seen.add(job.digest)
            fresh.append(job)
    return fresh, stale


def _settle(library: Library, summary: ImportSummary, job: _Job, article: Article | None) -> None:
    shown = shown_name(job.path)  # stored, listed and printed: text, whatever bytes the name is
    if job.data is None:
        summary.add(ImportResult("refused", shown, reason=job.error))
        return
    try:
        result = library.import_bytes(
            job.data,
            shown_name(job.path.name),
            shown_name(os.path.abspath(job.path)),
            article=article,
            digest=job.digest,
        )
    except (sqlite3.IntegrityError, sqlite3.DataError, UnicodeError, ValueError) as exc:
        # this file's savepoint was rolled back; the others stand
        result = ImportResult("refused", shown, reason=f"could not be stored ({exc})")
    summary.add(result)


def _store(
    library: Library,
    summary: ImportSummary,
    items: list[tuple[_Job, Article | None]],
    done: int,
    total: int,
    progress: Progress | None,
) -> int:
    if not items:
        return done
    with library.transaction():
        for job, article in items:
            _settle(library, summary, job, article)
            done += 1
            if progress:
                progress(done, total, str(job.path))
    return done


def import_text(library: Library, text: str, name: str = PASTED) -> ImportResult:
    """Pasted text goes through the same parser as a file."""
    return library.import_bytes(text.encode("utf-8"), name)
