"""What a PDF or Word file gives the dump parser: its text, one paragraph a line, and what the document
says of itself (its title, authors, journal, year, issue, footnotes, headings by style)."""

from __future__ import annotations

from dataclasses import dataclass, field

PDF, DOCX = "pdf", "docx"  # an article's `encoding` when it came from a document
DOCUMENT_KINDS = frozenset({PDF, DOCX})


@dataclass
class DocumentText:
    """A document's text for the dump parser, and what the document says of itself."""

    text: str
    kind: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    journal: str | None = None
    year: int | None = None
    issue: str | None = None
    notes: list[str] = field(default_factory=list)
    headings: dict[str, int] = field(default_factory=dict)
