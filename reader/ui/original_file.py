"""The file an article was imported from, opened in the system's viewer: a PDF's figures, tables and
equations, which the structured text cannot show.

The file is the one imported when it is still there unchanged (same SHA-256 as stored); otherwise the
bytes the library keeps are written to a temporary file of the same name, removed when the app quits.
"""

from __future__ import annotations

import contextlib
import hashlib
import tempfile
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from reader.core.library.store import Library
from reader.core.parse.document_text import DOCUMENT_KINDS

_KEPT: list[tempfile.TemporaryDirectory[str]] = []


def has_original(library: Library, article_id: int) -> bool:
    """Whether the article came from a PDF or Word file (its `encoding` says so, whatever its name)."""
    meta = library.article_meta(article_id) or {}
    return meta.get("encoding") in DOCUMENT_KINDS


def original_path(library: Library, article_id: int) -> Path | None:
    """A path holding the article's original bytes: its source file if unchanged, else a temporary copy."""
    meta = library.article_meta(article_id) or {}
    source = Path(str(meta["source_path"])) if meta.get("source_path") else None
    with contextlib.suppress(OSError):
        # the very file imported, unchanged: the library's copy is not even read
        if source is not None and hashlib.sha256(source.read_bytes()).hexdigest() == meta.get("content_hash"):
            return source
    data = library.dump_bytes(article_id)
    if data is None:
        return None
    if not _KEPT:
        _KEPT.append(tempfile.TemporaryDirectory(prefix="yandu-original-", ignore_cleanup_errors=True))
    suffix = f".{meta.get('encoding')}"  # the viewer is chosen by it: `pdf` or `docx`
    name = Path(str(meta.get("file_name") or f"article-{article_id}")).stem + suffix
    target = Path(_KEPT[0].name) / f"{article_id}-{name}"
    try:
        if not (target.is_file() and target.stat().st_size == len(data)):  # made on an earlier click
            target.write_bytes(data)
    except OSError:  # a full disk
        return None
    return target


def open_original(library: Library, article_id: int) -> bool:
    """Open the original in the system's viewer; False when there is none or no viewer took it."""
    path = original_path(library, article_id)
    return path is not None and QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
