"""One PDF page's text lines, with their boxes (PDF points, origin at the lower left) and type size,
read through PDFium."""

from __future__ import annotations

import re
from dataclasses import dataclass

_AFFILIATION_MARK = re.compile(r"[a-h*†‡§,]{1,4}")


@dataclass(eq=False)  # a line is itself: sets and dicts of lines go by identity
class Line:
    text: str
    x0: float
    x1: float
    y0: float  # bottom
    y1: float  # top
    size: float  # font size of its first character, in points
    page: int
    gapped: bool = False  # pieces far apart on one baseline: a table row
    title: bool = False  # one of the first page's title lines

    @property
    def height(self) -> float:
        return max(self.y1 - self.y0, 1.0)


def page_lines(page, number: int) -> tuple[list[Line], tuple[float, float]]:
    """A page's lines in the text layer's order, and the page's (width, height) in points."""
    import pypdfium2.raw as raw

    size_of_page = page.get_size()
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
        count = textpage.count_chars()
        exact = len(text) == count
        lines: list[Line] = []
        for piece, start in _pieces(text):
            body = piece.strip()
            if not body:
                continue
            if not exact:  # characters and text out of step: no boxes, content order only
                lines.append(Line(body, 0, 0, 0, 0, 0, number))
                continue
            first = start + len(piece) - len(piece.lstrip())
            last = start + len(piece.rstrip()) - 1
            size = raw.FPDFText_GetFontSize(textpage.raw, first)
            marks = _raised_marks(textpage, first, last, size)  # `Hui Yang^a`: a unit's letter, not the name's
            if marks:
                last -= marks
                body = body[:-marks].rstrip()
            left, bottom, _, top = textpage.get_charbox(first)
            _, bottom2, right, top2 = textpage.get_charbox(last)
            line = Line(body, left, right, min(bottom, bottom2), max(top, top2), size, number)
            line.gapped = _gapped(textpage, first, last, size)
            lines.append(line)
    finally:
        textpage.close()
        page.close()
    return _merge_fragments(lines), size_of_page


def _pieces(text: str) -> list[tuple[str, int]]:
    """A page's text as lines with their offsets. PDFium ends a line cut by a hyphen with U+FFFE (or
    U+0002) and runs the next line on: they are two lines here, the first keeping its mark."""
    out: list[tuple[str, int]] = []
    pos = 0
    for line in re.split(r"(?<=[\ufffe\x02])|\r\n|\n", text):
        out.append((line, pos))
        pos += len(line)
        if text.startswith("\r\n", pos):
            pos += 2
        elif text.startswith("\n", pos):
            pos += 1
    return out


def _raised_marks(textpage, first: int, last: int, size: float) -> int:
    """How many characters at a line's end are affiliation marks (`a`, `a,c`, `*`) set small after a
    letter: `Daniel K. Mercer^a,c`. 0 when the run does not follow a letter."""
    import pypdfium2.raw as raw

    k = last
    while k > first + 2:
        char = chr(raw.FPDFText_GetUnicode(textpage.raw, k))
        if not (_AFFILIATION_MARK.fullmatch(char) and 0 < raw.FPDFText_GetFontSize(textpage.raw, k) < size - 1.5):
            break
        k -= 1
    return last - k if k < last and chr(raw.FPDFText_GetUnicode(textpage.raw, k)).isalpha() else 0


def _gapped(textpage, first: int, last: int, size: float) -> bool:
    """Whether a line holds runs of characters with a gap of three em or more between them."""
    if last - first > 80 or size <= 0:
        return False
    previous = None
    for i in range(first, last + 1):
        left, _, right, _ = textpage.get_charbox(i)
        if right <= left:  # a generated space: no box
            continue
        if previous is not None and left - previous > 3 * size:
            return True
        previous = right
    return False


def _merge_fragments(lines: list[Line]) -> list[Line]:
    """Pieces PDFium split from one line (a superscript, a closing quote) back onto it."""
    out: list[Line] = []
    for line in lines:
        prev = out[-1] if out else None
        centre = (line.y0 + line.y1) / 2
        if prev is not None and line.x1 and prev.y0 - 1 <= centre <= prev.y1 + 1 and line.x0 >= prev.x1 - 1:
            raised = line.y0 > prev.y0 + 0.2 * prev.height and 0 < line.size < prev.size - 0.5
            if raised and _AFFILIATION_MARK.fullmatch(line.text) and prev.text[-1:].isalpha():
                continue  # `Hui Yang^a`: a unit's letter, not part of the name
            gap = line.x0 - prev.x1
            spaced = gap > 0.25 * max(prev.size, 1) and line.text[:1] not in ",.;:)"
            joint = " " if spaced and _latin_pair(prev.text, line.text) else ""
            prev.text += joint + line.text
            prev.x1 = line.x1
            prev.gapped = prev.gapped or gap > 3 * max(prev.size, 1)
            continue
        out.append(line)
    return out


def _latin_pair(a: str, b: str) -> bool:
    return bool(a and b and a[-1].isascii() and b[0].isascii())


def letters(lines: list[Line]) -> int:
    return sum(1 for ln in lines for c in ln.text if c.isalnum())
