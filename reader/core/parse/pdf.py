"""A PDF with a text layer → the text of its article, ready for the dump parser, and what the
page furniture says of it (journal, year, title, first-page footnotes).

The text layer is read with pypdfium2 (PDFium, the PDF engine of Chromium): page by page, line by
line, each line with its box in PDF points (origin at the page's lower left) and its font size.
PDFium keeps a two-column page's columns in order where pdfminer.six's default layout interleaved
them; the boxes let us go further:

- running headers and footers (the journal's name, often spaced out ``计 算 机 学 报``, volume and
  issue, page numbers) are the first and last lines of a page that repeat across pages (digits
  aside), bare page numbers, and the first page's masthead above the title;
- first-page footnotes (收稿日期, 基金项目, 作者简介, ``1) …``) are the lines at the foot of a page
  from the first that opens like a footnote, wherever the text layer put them (often first);
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
from collections import Counter
from dataclasses import dataclass, field

from .decode import Refused
from .refusal import REASONS

# A page whose text layer holds fewer letters than this is taken for a picture of a page.
_MIN_PAGE_TEXT = 30
_MAX_PAGES = 400
_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_SPACED_CJK = re.compile(rf"(?:[{_CJK}] ){{2,}}[{_CJK}]")
_PAGE_NUMBER = re.compile(
    r"^(?:[-—–·•]?\s*\d{1,4}\s*[-—–·•]?|第\s*\d+\s*页(?:\s*[/／共]\s*\d+\s*页?)?|\d+\s*[/／]\s*\d+|"
    r"(?:Page|P\.)\s*\d+(?:\s*of\s*\d+)?|[ivxlcIVXLC]{1,6})$"
)
_MASTHEAD = re.compile(
    r"第\s*[\d?？]+\s*卷|第\s*[\d?？]+\s*期|\b(?:Vol|No)\s*\.|ISSN|CN\s*\d{2}\s*[-—]\s*\d{4}|年\s*第\s*\d+\s*期|"
    r"\d{4}\s*年\s*\d{1,2}\s*月|(?:Journal|JOURNAL)\s+of|(?:学|學)\s*报|杂\s*志"
)
_FOOTNOTE_FIRST_PAGE = re.compile(
    r"^\s*(?:[*∗†‡#]|\[?(?:收\s*稿|收到|修回|基\s*金|作者简介|作者簡介|通[信讯訊]作者|联系人|E-?mail|电子(?:邮箱|信箱)|"
    r"DOI|doi|网络出版|引用(?:本文)?格式|本文.{0,24}收到|Received|Revised|Foundation|Fund|Biograph|Corresponding))"
)
# What opens a footnote on any page, when it is set smaller than the body: `1)`, `①`, `*`, a bare URL.
_FOOTNOTE_MARK = re.compile(r"^\s*(?:[*∗†‡]|\d{1,2}\s*[)）]\s*\S|[①-⑳]|https?://\S+$)")
_MARK_ONLY = re.compile(r"^[*∗†‡\d,，\s]{1,6}$")
_CAPTION = re.compile(
    r"^\s*(?:[图圖表]\s*\d+(?:[-.．]\d+)?|(?:Fig\.?|Figure|Table|TABLE|FIG\.?)\s*\d+)(?:\s|[.:：．]|$)"
)
_EQUATION_NUMBER = re.compile(r"^[(（]\s*\d{1,3}(?:[.-]\d{1,3})?\s*[)）]$")
_SPACED_NUMBER = re.compile(r"^(\d{1,2})\s*[.．]\s+(?=\d)")
_DECIMAL_GAP = re.compile(r"^(\d{1,2}(?:\.\d{1,2})+)\s*[.．]\s+(?=\d)")
_HYPHENS = ("-", "\ufffe", "\x02", "\u00ad")
_LATIN_END = re.compile(r"[A-Za-z]$")
_LATIN_START = re.compile(r"^[a-z]")
_TERMINAL = tuple('。！？!?；;：:…”"）)】]')
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年|(?:Vol|No)\.?\s*[\d?]+.*?(?<!\d)((?:19|20)\d{2})(?!\d)")
_JOURNAL_NOISE = re.compile(
    r"第\s*[\d?？]+\s*[卷期]|[\d?？]+\s*卷|(?:19|20)[\d?？]{2}\s*年|[\d?？]{1,2}\s*月|\d+|[A-Za-z][A-Za-z.,()\s-]*|[()（）,，.:：/]"
)


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    y0: float  # bottom
    y1: float  # top
    size: float  # font size of its first character, in points
    page: int
    gapped: bool = False  # pieces far apart on one baseline: a table row

    @property
    def height(self) -> float:
        return max(self.y1 - self.y0, 1.0)


@dataclass
class PdfText:
    """What ``read_pdf`` found: the article's text, one paragraph a line, and the furniture's facts."""

    text: str
    journal: str | None = None
    year: int | None = None
    title: str | None = None
    notes: list[str] = field(default_factory=list)  # first-page footnotes, in reading order
    pages: int = 0


def read_pdf(data: bytes) -> PdfText:
    """The article text of a PDF's text layer (see the module's docstring); ``Refused`` otherwise."""
    import pypdfium2 as pdfium  # only PDFs pay for PDFium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise Refused(REASONS["pdf_password"]) from None
        raise Refused(f"{REASONS['pdf_unreadable']} ({exc})") from None
    try:
        read = [_page_lines(document[i], i) for i in range(min(len(document), _MAX_PAGES))]
    finally:
        document.close()
    pages = [lines for lines, _ in read]
    if not pages or sum(1 for p in pages if _letters(p) >= _MIN_PAGE_TEXT) * 2 < len(pages):
        raise Refused(REASONS["pdf_scan"])
    return _assemble(pages, [size for _, size in read])


def _letters(lines: list[Line]) -> int:
    return sum(1 for ln in lines for c in ln.text if c.isalnum())


def _page_lines(page, number: int) -> tuple[list[Line], tuple[float, float]]:
    """A page's lines in the text layer's order, and the page's (width, height) in points."""
    import pypdfium2.raw as raw

    size_of_page = page.get_size()
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
        count = textpage.count_chars()
        exact = len(text) == count
        lines: list[Line] = []
        pos = 0
        for piece in text.replace("\r\n", "\n").split("\n"):
            start, end = pos, pos + len(piece)
            pos = end + (2 if text[end : end + 2] == "\r\n" else 1)
            body = piece.strip()
            if not body:
                continue
            if not exact:  # characters and text out of step: no boxes, content order only
                lines.append(Line(body, 0, 0, 0, 0, 0, number))
                continue
            first = start + len(piece) - len(piece.lstrip())
            last = start + len(piece.rstrip()) - 1
            left, bottom, _, top = textpage.get_charbox(first)
            _, bottom2, right, top2 = textpage.get_charbox(last)
            size = raw.FPDFText_GetFontSize(textpage.raw, first)
            line = Line(body, left, right, min(bottom, bottom2), max(top, top2), size, number)
            line.gapped = _gapped(textpage, first, last, size)
            lines.append(line)
    finally:
        textpage.close()
        page.close()
    return _merge_fragments(lines), size_of_page


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
            gap = line.x0 - prev.x1
            joint = " " if gap > 0.25 * max(prev.size, 1) and _latin_pair(prev.text, line.text) else ""
            prev.text += joint + line.text
            prev.x1 = line.x1
            prev.gapped = prev.gapped or gap > 3 * max(prev.size, 1)
            continue
        out.append(line)
    return out


def _latin_pair(a: str, b: str) -> bool:
    return bool(a and b and a[-1].isascii() and b[0].isascii())


# -- furniture ---------------------------------------------------------------


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", "".join(text.split()))


def _edges(lines: list[Line], k: int = 2) -> list[Line]:
    """The k top-most and k bottom-most lines of a page."""
    placed = sorted((ln for ln in lines if ln.x1), key=lambda ln: -ln.y1)
    return placed[:k] + placed[-k:] if len(placed) > 2 * k else placed


def _running(pages: list[list[Line]], heights: list[float]) -> set[int]:
    """ids of header and footer lines: page edges that repeat, page numbers, spaced journal names."""
    seen: Counter[str] = Counter()
    for lines in pages:
        seen.update({_key(ln.text) for ln in _edges(lines)})
    everywhere: Counter[str] = Counter()
    for lines in pages:
        everywhere.update({_key(ln.text) for ln in lines if len(ln.text) <= 160})
    many = max(3, (len(pages) + 1) // 2)
    chrome: set[int] = set()
    for lines, height in zip(pages, heights, strict=True):
        for ln in _edges(lines):
            near_edge = ln.y1 > height * 0.88 or ln.y0 < height * 0.12
            if (
                (seen[_key(ln.text)] >= 2 and len(pages) >= 2)
                or _PAGE_NUMBER.match(ln.text)
                or (near_edge and _SPACED_CJK.search(ln.text))
            ):
                chrome.add(id(ln))
        for ln in lines:
            if len(pages) >= 3 and everywhere[_key(ln.text)] >= many and len(ln.text) <= 160:
                chrome.add(id(ln))  # a download stamp on every page
    return chrome


def _masthead(first: list[Line], height: float, chrome: set[int]) -> list[Line]:
    """The first page's lines above its body that name the journal, volume or issue."""
    top = [ln for ln in first if ln.x1 and ln.y0 > height * 0.75 and id(ln) not in chrome]
    return [ln for ln in top if _MASTHEAD.search(ln.text) and len(ln.text) <= 120]


def _journal(lines: list[Line]) -> str | None:
    """The journal's name in header lines: a spaced-out name first, else the longest Chinese run."""
    for ln in lines:
        m = _SPACED_CJK.search(ln.text)
        if m:  # `第 5 期 应 用 数 学 学 报`: the 期 is no part of the name
            return re.sub(r"^[期卷年月号] ", "", m.group(0)).replace(" ", "")
    best = None
    for ln in lines:
        if "：" in ln.text or "等" in ln.text:
            continue  # `张三等：题目`: an even page's header names the article, not the journal
        for run in re.split(r"\s{2,}", _JOURNAL_NOISE.sub("  ", ln.text)):
            run = run.strip()
            if len(run) >= 3 and re.fullmatch(rf"[{_CJK}（）()·]+", run) and (best is None or len(run) > len(best)):
                best = run
    return best


def _year(lines: list[Line]) -> int | None:
    for ln in lines:
        m = _YEAR.search(ln.text)
        if m:
            return int(m.group(1) or m.group(2))
    return None


def _footnotes(lines: list[Line], height: float, body_size: float, first_page: bool) -> list[Line]:
    """A page's footnotes: from the first line at its foot that opens like one, down to the foot.

    On the first page a line naming a footnote's field (收稿日期, 基金项目, 作者简介 …) opens one;
    on any page a mark (`1)`, `①`, `*`) or a bare URL does, when set smaller than the body (a list
    item near the foot of a page is set like the body)."""
    zone = height * (0.4 if first_page else 0.25)
    placed = [ln for ln in lines if ln.x1 and ln.y1 < zone]
    openers = [
        ln
        for ln in placed
        if (first_page and _FOOTNOTE_FIRST_PAGE.match(ln.text))
        or (_FOOTNOTE_MARK.match(ln.text) and 0 < ln.size < body_size - 0.4)
    ]
    if not openers:
        return []
    opener = max(openers, key=lambda ln: ln.y1)
    return [ln for ln in placed if ln.y1 <= opener.y1 + 1 and _same_column(ln, opener)]


def _same_column(a: Line, b: Line) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1


def _title(first: list[Line], height: float) -> str | None:
    """The first page's largest type in its upper part, over a line or three: the title."""
    sizes = [ln.size for ln in first if ln.size > 0]
    if len(sizes) < 3:
        return None
    body = statistics.median(sizes)
    upper = [ln for ln in first if ln.size > 0 and ln.y0 > height * 0.35]
    if not upper:
        return None
    largest = max(ln.size for ln in upper)
    if largest < body * 1.2:
        return None
    run: list[Line] = []
    for ln in upper:  # reading order: consecutive lines of the largest type
        if ln.size >= largest - 0.6:
            run.append(ln)
        elif run:
            break
    if not run or len(run) > 4:
        return None
    return _join([ln.text for ln in run]).rstrip("*∗†‡ ")


def _join(parts: list[str]) -> str:
    out = ""
    for part in parts:
        out = _join_two(out, part) if out else part
    return out


def _join_two(a: str, b: str) -> str:
    if a.endswith(_HYPHENS) and _LATIN_END.search(a[:-1]) and _LATIN_START.search(b):
        return a[:-1] + b
    if a[-1:].isascii() and b[:1].isascii() and a[-1:].isalnum() | (a[-1:] in ",.;:)") and b[:1] != " ":
        return a + " " + b
    return a + b


# -- reading order and paragraphs --------------------------------------------


def _ordered(lines: list[Line], width: float) -> list[Line]:
    """A page's lines in reading order: two columns band by band, else as the text layer has them."""
    if not lines or not lines[0].x1:
        return lines
    mid = width / 2
    left = [ln for ln in lines if ln.x1 <= mid + 4]
    right = [ln for ln in lines if ln.x0 >= mid - 4]
    if len(left) < 4 or len(right) < 4:
        return lines
    bands: list[list[Line]] = [[]]
    out: list[Line] = []
    for ln in sorted(lines, key=lambda ln: -ln.y1):
        if ln.x0 < mid - 4 and ln.x1 > mid + 4:  # a full-width line closes the band above it
            bands.append([ln])
            bands.append([])
        else:
            bands[-1].append(ln)
    for band in bands:
        out += [ln for ln in band if ln.x1 <= mid + 4 or (ln.x0 < mid - 4 and ln.x1 > mid + 4)]
        out += [ln for ln in band if ln.x0 >= mid - 4 and not ln.x1 <= mid + 4]
        out += [ln for ln in band if ln not in out]
    return out


def _right_edges(lines: list[Line], width: float) -> dict[int, float]:
    """Each line's column's right edge: the 90th percentile of the right ends in its column."""
    groups: dict[str, list[float]] = {}

    def column(ln: Line) -> str:
        if ln.x1 <= width / 2 + 4:
            return "left"
        if ln.x0 >= width / 2 - 4:
            return "right"
        return "full"

    for ln in lines:
        groups.setdefault(column(ln), []).append(ln.x1)
    edge = {name: sorted(xs)[int(len(xs) * 0.9) - (len(xs) >= 10)] for name, xs in groups.items()}
    return {id(ln): edge[column(ln)] for ln in lines}


def _fills(ln: Line, edge: float) -> bool:
    return bool(ln.x1) and ln.x1 >= edge - 1.6 * max(ln.size, 6)


def _assemble(pages: list[list[Line]], sizes: list[tuple[float, float]]) -> PdfText:
    widths = [w for w, _ in sizes]
    heights = [h for _, h in sizes]
    chrome = _running(pages, heights)
    first = pages[0]
    mast = _masthead(first, heights[0], chrome)
    chrome |= {id(ln) for ln in mast}
    header_lines = mast + [ln for p in pages for ln in p if id(ln) in chrome and not _PAGE_NUMBER.match(ln.text)]
    result = PdfText("", journal=_journal(header_lines), year=_year(mast), pages=len(pages))
    sizes_seen = [ln.size for p in pages for ln in p if ln.size > 0]
    body_size = statistics.median(sizes_seen) if sizes_seen else 0.0
    kept: list[Line] = []
    edges: dict[int, float] = {}
    for k, (lines, height, width) in enumerate(zip(pages, heights, widths, strict=True)):
        lines = [ln for ln in lines if id(ln) not in chrome and not _MARK_ONLY.match(ln.text)]
        notes = _footnotes(lines, height, body_size, k == 0)
        if notes:
            noted = {id(ln) for ln in notes}
            if k == 0:
                result.notes = _paragraphs(_ordered(notes, width), _right_edges(notes, width))
            lines = [ln for ln in lines if id(ln) not in noted]
        if k == 0:
            result.title = _title(lines, height)
        ordered = _ordered(lines, width)
        edges.update(_right_edges(ordered, width))
        kept += _drop_figures(ordered, edges)
    result.text = "\n".join(_paragraphs(kept, edges))
    return result


def _drop_figures(lines: list[Line], edges: dict[int, float]) -> list[Line]:
    """Captions, the short lines of a table under its caption, table rows and equation numbers out."""
    out: list[Line] = []
    in_table = False
    for ln in lines:
        if _CAPTION.match(ln.text) and len(ln.text) <= 80:
            in_table = ln.text.lstrip()[:1] in "表T"
            continue
        if ln.gapped or _EQUATION_NUMBER.match(ln.text):
            continue
        if in_table:
            if not _fills(ln, edges[id(ln)]) and len(ln.text) <= 40 and not ln.text.endswith("。"):
                continue
            in_table = False
        out.append(ln)
    return out


def _paragraphs(lines: list[Line], edges: dict[int, float]) -> list[str]:
    """Lines into paragraphs: a line that runs to its column's edge goes on in the next one."""
    out: list[str] = []
    open_ = False
    prev: Line | None = None
    for ln in lines:
        text = _decimal(ln.text)
        if out and open_ and not _starts_anew(prev, ln, text):
            out[-1] = _join_two(out[-1], text)
        else:
            out.append(text)
        open_ = _fills(ln, edges.get(id(ln), ln.x1)) or out[-1].endswith(_HYPHENS)
        prev = ln
    return [p.replace("\ufffe", "").replace("\x02", "") for p in out]


def _starts_anew(prev: Line | None, ln: Line, text: str) -> bool:
    """A filled line followed by a larger type, or a sentence's end followed by an indented line."""
    if prev is None or not ln.x1:
        return False
    if abs(ln.size - prev.size) > 0.6:
        return True
    indented = ln.x0 > prev.x0 + 1.5 * max(ln.size, 6)
    return prev.text.endswith(_TERMINAL) and prev.page == ln.page and indented


def _decimal(text: str) -> str:
    """`2. 1 研究方法` → `2.1 研究方法`; `3. 2. 1` → `3.2.1`."""
    while True:
        m = _DECIMAL_GAP.match(text) or _SPACED_NUMBER.match(text)
        if not m:
            return text
        text = m.group(1) + "." + text[m.end() :]
