"""Reading a dump from disk: only a regular file is read, never more than ``MAX_DUMP_BYTES``, and
its name is made text that can be stored and printed.

A FIFO would block a read for ever and ``/dev/zero`` (or a link to it) never ends, so the file is
opened without blocking and asked what it is (``fstat`` of what was opened, after any link) before a
byte is read. A name that is not UTF-8 (GBK names from zip archives) arrives from the file system
with lone surrogates, which SQLite and a UTF-8 terminal refuse: ``shown_name`` decodes it.
"""

from __future__ import annotations

import os
import stat

from .documents import is_document_name

# A page dump is rarely above 1 MB, a saved page with its pictures a few. Parsing costs about 25
# times the dump's size in memory (16 MB: 420 MB at the peak; 200 MB took 4.1 GB).
MAX_DUMP_BYTES = 16 * 1024 * 1024
# A PDF or Word file holds its pictures and fonts: a 30-page paper is 1–10 MB; PDFium does not hold
# the text of more than a page at a time.
MAX_DOCUMENT_BYTES = 64 * 1024 * 1024
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOCTTY", 0)


class Unreadable(Exception):
    """Why a file is not read: one line for the user."""


def too_big(size: int, limit: int = MAX_DUMP_BYTES) -> str:
    return f"too large to be a page dump ({size / 2**20:.1f} MB; at most {limit // 2**20} MB are read)"


def size_limit(name: str | os.PathLike[str]) -> int:
    """The most bytes read of a file by that name: a document's cap for PDF and Word, else a dump's."""
    return MAX_DOCUMENT_BYTES if is_document_name(name) else MAX_DUMP_BYTES


def read_dump(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a regular file of at most ``size_limit(path)``; ``Unreadable`` with the reason otherwise."""
    limit = size_limit(path)
    try:
        fd = os.open(path, _FLAGS)
    except OSError as exc:
        raise Unreadable(f"cannot read: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise Unreadable("not a regular file (a pipe, device or socket): not read")
        if info.st_size > limit:
            raise Unreadable(too_big(info.st_size, limit))
        chunks: list[bytes] = []
        size = 0
        while size <= limit:  # the file may grow while it is read
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise Unreadable(f"cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if size > limit:
        raise Unreadable(too_big(size, limit))
    return b"".join(chunks)


def shown_name(name: str | os.PathLike[str]) -> str:
    """A file name or path as text without lone surrogates: UTF-8 if it is, else GB 18030 (the GBK
    names of zip archives made on Chinese Windows), else UTF-8 with the stray bytes written ``\\xNN``."""
    text = os.fspath(name)
    if isinstance(text, bytes):
        raw = text
    else:
        try:
            text.encode("utf-8")
            return text
        except UnicodeEncodeError:
            pass
        try:
            raw = text.encode("utf-8", "surrogateescape")  # the bytes the file system gave
        except UnicodeEncodeError:
            raw = text.encode("utf-8", "surrogatepass")
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            pass
    return raw.decode("utf-8", "backslashreplace")
