"""Documents that are not page dumps: PDFs and Word files are read into text for the dump parser;
formats that cannot be read (legacy Word .doc, CNKI's .caj / .kdh / .nh) are refused with the way out.

A document is known by its first bytes (``%PDF-``; a zip package holding ``word/document.xml``;
the OLE2 compound file of a .doc; CAJ's ``CAJ`` / ``HN`` / ``KDH`` signatures), and for the CNKI
formats also by its name's suffix, so that a renamed file is still read for what it is.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePath

from .decode import Refused
from .refusal import REASONS

PDF, DOCX = "pdf", "docx"
# Suffixes of the documents read, for folders, the file dialog and drag and drop.
DOCUMENT_SUFFIXES = frozenset({".pdf", ".docx"})
# Suffixes refused with a way out: named in the refusal, so they are also taken from a folder.
REFUSED_SUFFIXES = frozenset({".doc", ".caj", ".kdh", ".nh", ".wps"})

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CAJ_SIGNATURES = (b"CAJ", b"HN", b"KDH ", b"%PDF-1.4 CAJ")

OLD_WORD = REASONS["old_word"]
CNKI_FORMAT = REASONS["cnki_format"]


@dataclass
class DocumentText:
    """A document's text for the dump parser, and what the document says of itself."""

    text: str
    kind: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    journal: str | None = None
    year: int | None = None
    notes: list[str] = field(default_factory=list)
    headings: dict[str, int] = field(default_factory=dict)


def kind_of(data: bytes, name: str = "") -> str | None:
    """``PDF`` or ``DOCX`` for a document that is read; ``Refused`` for one that cannot be; None for
    anything else (a page dump)."""
    suffix = PurePath(name).suffix.lower() if name else ""
    head = data[:1024]
    if suffix in {".caj", ".kdh", ".nh"} or head.startswith(_CAJ_SIGNATURES):
        raise Refused(CNKI_FORMAT)
    if b"%PDF-" in head:
        return PDF
    if head.startswith(_OLE2):
        raise Refused(OLD_WORD)
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as package:
                if "word/document.xml" in package.namelist():
                    return DOCX
        except (zipfile.BadZipFile, ValueError, OSError):
            pass
        raise Refused(REASONS["zip_archive"])
    return None


def read_document(kind: str, data: bytes) -> DocumentText:
    """The text of a PDF or a .docx (``pdf.read_pdf``, ``word.read_docx``); ``Refused`` where it has none."""
    if kind == PDF:
        from .pdf import read_pdf

        found = read_pdf(data)
        return DocumentText(
            found.text, PDF, title=found.title, journal=found.journal, year=found.year, notes=found.notes
        )
    from .word import read_docx

    word = read_docx(data)
    if not word.text.strip():
        raise Refused("empty file (a Word document without text)")
    return DocumentText(word.text, DOCX, title=word.title, authors=word.authors, headings=word.headings)
