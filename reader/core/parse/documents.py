"""Documents that are not page dumps: PDFs and Word files are read into text for the dump parser;
formats that cannot be read (legacy Word .doc, CNKI's .caj / .kdh / .nh) are refused with the way out.

A document is known by its first bytes (``%PDF-``; a zip package holding ``word/document.xml``;
the OLE2 compound file of a .doc; CAJ's ``CAJ`` / ``HN`` / ``KDH`` signatures), and for the CNKI
formats also by its name's suffix, so that a renamed file is still read for what it is.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import PurePath

from .decode import Refused
from .document_text import DOCX, PDF, DocumentText
from .refusal import REASONS

# Suffixes of the documents read, for folders, the file dialog and drag and drop.
DOCUMENT_SUFFIXES = frozenset({".pdf", ".docx"})
# Suffixes refused with a way out: named in the refusal, so they are also taken from a folder.
REFUSED_SUFFIXES = frozenset({".doc", ".caj", ".kdh", ".nh", ".wps"})

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
MAX_WORD_XML = 64 * 1024 * 1024  # word/document.xml unpacked: a 300-page thesis is ~10 MB
_CAJ_SIGNATURES = (b"CAJ", b"HN", b"KDH ", b"%PDF-1.4 CAJ")

OLD_WORD = REASONS["old_word"]
CNKI_FORMAT = REASONS["cnki_format"]


def is_document_name(name: str | os.PathLike[str]) -> bool:
    """A name a PDF or Word file goes by (`.pdf`, `.docx`, in any case)."""
    return os.path.splitext(os.fspath(name))[1].lower() in DOCUMENT_SUFFIXES


def looks_like_document(data: bytes) -> bool:
    """A PDF's or a zip package's first bytes: a document's size cap and a worker process apply to it."""
    return data[:5] == b"%PDF-" or data[:4] == b"PK\x03\x04"


def kind_of(data: bytes, name: str = "") -> str | None:
    """``PDF`` or ``DOCX`` for a document that is read; ``Refused`` for one that cannot be; None for
    anything else (a page dump). A PDF is known by ``%PDF-`` in its first KB (after any junk a server
    put before it, but not in a web page that merely mentions it); CNKI's formats by their binary
    signatures or their suffix; Word by its package."""
    suffix = PurePath(name).suffix.lower() if name else ""
    head = data[:1024]
    binary = b"\0" in head
    at = head.find(b"%PDF-")
    if at == 0 or (at > 0 and b"<" not in head[:at] and (binary or suffix == ".pdf")):
        return PDF
    if suffix in {".caj", ".kdh", ".nh"} or (binary and head.startswith(_CAJ_SIGNATURES)):
        raise Refused(CNKI_FORMAT)
    if head.startswith(_OLE2):
        # an OLE2 file holding an EncryptedPackage is a .docx with a password, not a legacy .doc
        raise Refused(REASONS["docx_password"] if _ENCRYPTED in data[:65536] else OLD_WORD)
    if head.startswith(b"PK\x03\x04"):
        return _word_package(data, suffix)
    return None


def _word_package(data: bytes, suffix: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            body = package.getinfo("word/document.xml") if "word/document.xml" in package.namelist() else None
    except (zipfile.BadZipFile, ValueError, OSError):
        body = None
        if suffix == ".docx":
            raise Refused(f"{REASONS['docx_unreadable']} (damaged)") from None
    if body is None:
        raise Refused(REASONS["zip_archive"])
    if body.file_size > MAX_WORD_XML:  # a few MB of text at most: more is a zip bomb
        raise Refused(f"{REASONS['too_large']} (a Word document of {body.file_size / 2**20:.0f} MB of text)")
    return DOCX


def read_document(kind: str, data: bytes) -> DocumentText:
    """The text of a PDF or a .docx (``pdf.read_pdf``, ``word.read_docx``); ``Refused`` where it has none."""
    if kind == PDF:
        from .pdf import read_pdf

        return read_pdf(data)
    from .word import read_docx

    word = read_docx(data)
    if not word.text.strip():
        raise Refused(REASONS["empty"])
    return word
