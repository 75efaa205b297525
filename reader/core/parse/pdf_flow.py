"""Reading order and paragraphs: two columns band by band, lines run together where they reach their
column's edge, captions and table rows out."""

from __future__ import annotations

import itertools
import re

from . import markers as mk
from .body import match_heading
from .english import is_heading
from .pdf_page import Line
from .textclean import join_wrapped

# What opens a paragraph of its own, whatever the line before: a field's label, a reference's mark.
_OPENS_BLOCK = re.compile(r"^\s*(?:[\[［〔]\d{1,3}[\]］〕]|\d{1,3}\.\s+[A-Z])")
_EQUATION_NUMBER = re.compile(r"^[(（]\s*\d{1,3}(?:[.-]\d{1,3})?\s*[)）]$")
# `2. 1 研究方法`: the space a typesetter put after the dot; never `1. 2020年` or `2. 30%`.
_SPACED_NUMBER = re.compile(r"^(\d{1,2})\s*[.．]\s+(?=\d{1,2}(?:\s|[.．]\s*\d|[\u4e00-\u9fff]))")
_DECIMAL_GAP = re.compile(r"^(\d{1,2}(?:\.\d{1,2})+)\s*[.．]\s+(?=\d{1,2}(?:\s|[\u4e00-\u9fff]))")
_HYPHENS = ("-", "\ufffe", "\x02", "\u00ad")
_LATIN_END = re.compile(r"[A-Za-z]$")
_LATIN_START = re.compile(r"^[a-z]")
_SEPARATORS = (";", "；", "，", ",", "、")  # a line ending in one goes on, whatever its length
_TERMINAL = tuple('。！？!?；;：:…”"）)】]')


def join(parts: list[str]) -> str:
    out = ""
    for part in parts:
        out = join_two(out, part) if out else part
    return out


def join_two(a: str, b: str) -> str:
    """Two lines of a paragraph (``textclean.join_wrapped``), a Latin word cut by a hyphen made whole."""
    if a.endswith(_HYPHENS) and _LATIN_END.search(a[:-1]) and _LATIN_START.search(b):
        return a[:-1] + b
    return join_wrapped(a, b)


def _two_columns(lines: list[Line], width: float) -> bool:
    """Whether a page's lines stand in two columns: four or more on each side of the middle."""
    if not lines or not lines[0].x1:
        return False
    mid = width / 2
    return sum(ln.x1 <= mid + 4 for ln in lines) >= 4 and sum(ln.x0 >= mid - 4 for ln in lines) >= 4


def ordered(lines: list[Line], width: float) -> list[Line]:
    """A page's lines in reading order: two columns band by band, else as the text layer has them."""
    if not _two_columns(lines, width):
        return lines
    mid = width / 2
    bands: list[list[Line]] = [[]]
    out: list[Line] = []
    for ln in sorted(lines, key=lambda ln: -ln.y1):
        if ln.x0 < mid - 4 and ln.x1 > mid + 4:  # a full-width line closes the band above it
            bands.append([ln])
            bands.append([])
        else:
            bands[-1].append(ln)
    for band in bands:  # the left column (top to bottom), then the right: a stable sort by column
        out += sorted(band, key=lambda ln: ln.x0 >= mid - 4 and ln.x1 > mid + 4)
    return out


def right_edges(lines: list[Line], width: float) -> dict[Line, float]:
    """Each line's column's right edge: the 90th percentile of the right ends in its column."""
    groups: dict[str, list[float]] = {}
    two = _two_columns(lines, width)

    def column(ln: Line) -> str:
        if not two:
            return "full"
        if ln.x1 <= width / 2 + 4:
            return "left"
        if ln.x0 >= width / 2 - 4:
            return "right"
        return "full"

    for ln in lines:
        groups.setdefault(column(ln), []).append(ln.x1)
    edge = {name: sorted(xs)[int(len(xs) * 0.9) - (len(xs) >= 10)] for name, xs in groups.items()}
    return {ln: edge[column(ln)] for ln in lines}


def fills(ln: Line, edge: float) -> bool:
    return bool(ln.x1) and ln.x1 >= edge - 1.6 * max(ln.size, 6)


def drop_figures(lines: list[Line], edges: dict[Line, float]) -> list[Line]:
    """Captions, the short lines of a table under its caption, table rows and equation numbers out."""
    out: list[Line] = []
    in_table = False
    for ln in lines:
        prev = out[-1] if out else None
        runs_on = prev is not None and fills(prev, edges[prev]) and not prev.text.endswith(_TERMINAL)
        if mk.CAPTION.match(ln.text) and len(ln.text) <= 80 and not runs_on:  # `表 1 的数据` mid-sentence stays
            in_table = ln.text.lstrip()[:1] in "表T"
            continue
        if ln.gapped or _EQUATION_NUMBER.match(ln.text):
            continue
        if in_table:
            short = not fills(ln, edges[ln]) and len(ln.text) <= 40 and not ln.text.endswith("。")
            if short and not heading_like(ln.text) and not mk.is_field_marker(ln.text):
                continue
            in_table = False
        out.append(ln)
    return out


def paragraphs(lines: list[Line], edges: dict[Line, float]) -> list[str]:
    """Lines into paragraphs: a line that runs to its column's edge goes on in the next one."""
    out: list[str] = []
    open_ = False
    prev: Line | None = None
    listing = False  # in the reference list: a line without a mark goes on with the entry above
    justified = _justified(lines, edges)
    for ln in lines:
        text = _decimal(ln.text)
        if mk.is_references_marker(text):
            listing = True
        elif listing and (mk.EN_ABSTRACT.match(text) or mk.is_field_marker(text)):
            listing = False
        same_type = prev is not None and abs(ln.size - prev.size) <= 0.6
        goes_on = listing and same_type and not mk.REF_LEADING.match(text) and bool(mk.REF_LEADING.match(out[-1]))
        if out and (goes_on or (open_ and not _starts_anew(prev, ln, text))):
            out[-1] = join_two(out[-1], text)
        else:
            out.append(text)
        open_ = (
            fills(ln, edges.get(ln, ln.x1))
            or ln in justified
            or out[-1].endswith((*_HYPHENS, *_SEPARATORS))
            or ln.title
        )
        prev = ln
    return [p.replace("\ufffe", "").replace("\x02", "") for p in out]


def _justified(lines: list[Line], edges: dict[Line, float]) -> set[Line]:
    """The long lines that end where a neighbour of the same type ends: the full lines of a block set
    narrower than its column (an inset abstract), which run on into the next line."""
    out: set[Line] = set()
    for a, b in itertools.pairwise(lines):
        if not a.x1 or a.page != b.page or abs(a.size - b.size) > 0.3 or abs(a.x1 - b.x1) > 1.5:
            continue
        for ln in (a, b):
            if ln.x1 - ln.x0 >= 0.6 * (edges.get(ln, ln.x1) - min(a.x0, b.x0)):
                out.add(ln)
    return out


def _starts_anew(prev: Line | None, ln: Line, text: str) -> bool:
    """Where a filled line does not go on: a field's label or a reference's mark next; a change of type
    size; after a sentence's end, a heading or an indented line. The title's lines run together."""
    if prev is None:
        return False
    if prev.title:
        return not ln.title
    if mk.is_field_marker(text) or (_OPENS_BLOCK.match(text) and prev.text.endswith((*_TERMINAL, "."))):
        return True
    if prev.text.endswith((*_TERMINAL, ".")) and heading_like(text):
        return True
    if not ln.x1:
        return False
    if abs(ln.size - prev.size) > 0.6:
        return True
    indented = ln.x0 > prev.x0 + 1.5 * max(ln.size, 6)
    return prev.text.endswith(_TERMINAL) and prev.page == ln.page and indented


def heading_like(text: str) -> bool:
    return match_heading(text) is not None or is_heading(text)


def _decimal(text: str) -> str:
    """`2. 1 研究方法` → `2.1 研究方法`; `3. 2. 1` → `3.2.1`."""
    while True:
        m = _DECIMAL_GAP.match(text) or _SPACED_NUMBER.match(text)
        if not m:
            return text
        text = m.group(1) + "." + text[m.end() :]
