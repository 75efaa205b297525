"""A PDF with a text layer → the text of its article, ready for the dump parser, and what the
page furniture says of it (journal, year, title, footnotes).

The text layer is read with pypdfium2 (PDFium, the PDF engine of Chromium): page by page, line by
line, each line with its box in PDF points (origin at the page's lower left) and its font size.
PDFium keeps a two-column page's columns in order where pdfminer.six's default layout interleaved
them; the boxes let us go further:

- running headers and footers (the journal's name, often spaced out ``计 算 机 学 报``, volume and
  issue, page numbers) are the first and last lines of a page that repeat across pages (digits
  aside), bare page numbers, and the first page's masthead above the title;
- footnotes (the first page's 收稿日期, 基金项目, 作者简介; ``1) …``, ``①`` on any page) are the
  lines at the foot of a page from the first that opens like a footnote, wherever the text layer put them (often first);
- a two-column page is read band by band (a full-width line, such as a table caption or the
  front matter, closes a band), left column before right;
- lines are joined into paragraphs where a line runs to its column's right edge: Chinese
  without a space (VARIANTS rule 19), Latin words cut by a hyphen (``-``, or U+FFFE / U+0002 as
  PDFium marks a soft hyphen) rejoined;
- figure and table captions, table cells and bare equation numbers are left out of the text
  (the article view offers the original file for them); ``2. 1`` headings read ``2.1``.

Errors: ``Refused`` (from ``decode``) for a PDF PDFium cannot open, one with a password, and one
without a text layer (a scan), each with a reason that says what to do.
"""

from __future__ import annotations

import re
import statistics
import threading

from .decode import Refused
from .document_text import PDF, DocumentText
from .pdf_flow import drop_figures, ordered, paragraphs, right_edges
from .pdf_furniture import (
    PAGE_NUMBER,
    footnotes,
    issue_of,
    journal,
    latin_journal,
    masthead,
    running,
    title_of,
    year_of,
)
from .pdf_page import Line, letters, page_lines
from .refusal import REASONS

# A page whose text layer holds fewer letters than this is taken for a picture of a page.
_MIN_PAGE_TEXT = 30
_MAX_PAGES = 400
_PDFIUM = threading.Lock()
_MARK_ONLY = re.compile(r"^(?:[*∗†‡\d,，\s]{1,6}|[a-h](?:,[a-h])*)$")  # a note's or a unit's mark alone


def read_pdf(data: bytes) -> DocumentText:
    """The article text of a PDF's text layer (see the module's docstring); ``Refused`` otherwise."""
    import pypdfium2 as pdfium  # only PDFs pay for PDFium

    with _PDFIUM:  # PDFium is not thread-safe: one document at a time in a process
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            if "password" in str(exc).lower():
                raise Refused(REASONS["pdf_password"]) from None
            why = "damaged, or without pages" if "Success" in str(exc) else str(exc)  # PDFium's error 0
            raise Refused(f"{REASONS['pdf_unreadable']} ({why})") from None
        try:
            read = []
            for i in range(min(len(document), _MAX_PAGES)):
                try:
                    read.append(page_lines(document[i], i))
                except pdfium.PdfiumError:
                    continue  # one damaged page costs that page, not the paper
        finally:
            document.close()
    if not read:
        raise Refused(f"{REASONS['empty']} (a PDF without pages that can be read)")
    pages = [lines for lines, _ in read]
    if sum(1 for p in pages if letters(p) >= _MIN_PAGE_TEXT) * 3 < len(pages):  # figures may fill a page or two
        raise Refused(REASONS["pdf_scan"])
    return _assemble(pages, [size for _, size in read])


def _assemble(pages: list[list[Line]], sizes: list[tuple[float, float]]) -> DocumentText:
    widths = [w for w, _ in sizes]
    heights = [h for _, h in sizes]
    first = pages[0]
    title = title_of(first, heights[0])
    chrome = running(pages, heights, title)
    mast = masthead(first, heights[0], chrome)
    chrome |= set(mast)
    header_lines = mast + [ln for p in pages for ln in p if ln in chrome and not PAGE_NUMBER.match(ln.text)]
    first_head = [ln for ln in first if ln in chrome and ln.x1 and ln.y0 > heights[0] * 0.75]
    named = journal(header_lines, title) or latin_journal(header_lines)
    result = DocumentText("", PDF, journal=named, year=year_of(first_head), issue=issue_of(first_head), title=title)
    sizes_seen = [ln.size for p in pages for ln in p if ln.size > 0]
    body_size = statistics.median(sizes_seen) if sizes_seen else 0.0
    kept: list[Line] = []
    edges: dict[Line, float] = {}
    for k, (lines, height, width) in enumerate(zip(pages, heights, widths, strict=True)):
        lines = [ln for ln in lines if ln not in chrome and not _MARK_ONLY.match(ln.text)]
        notes = footnotes(lines, height, body_size, k == 0)
        if notes:  # kept apart, every page's: a law paper's ① notes are its sources
            noted = set(notes)
            result.notes += paragraphs(ordered(notes, width), right_edges(notes, width))
            lines = [ln for ln in lines if ln not in noted]
        in_order = ordered(lines, width)
        edges.update(right_edges(in_order, width))
        kept += drop_figures(in_order, edges)
    result.text = "\n".join(paragraphs(kept, edges))
    return result
