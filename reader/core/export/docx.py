"""An article's study notes as a Word document (.docx), through python-docx, to hand in.

The same content as the Markdown export: the title, a name / class / date line, the study notes
(their headings, lists, emphasis, quotes and code, read from markdown-it-py's tokens), the quoted
passages with their place and note, and the article's GB/T 7714 reference.

Chinese typography: every run names its East Asian font (``w:eastAsia`` in ``w:rFonts``; without
it Word shows Chinese in a Latin fallback), body paragraphs have a first-line indent of two
characters (``w:firstLineChars="200"``), and headings are numbered in the Chinese style
(一、 （一） 1. （1）). Two built-in layouts (``LAYOUTS``): 公文 after GB/T 9704-2012 and 作业;
or a user's own .docx as the template: its styles and page set-up, our content (no fonts forced).
"""

from __future__ import annotations

import datetime as dt
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from markdown_it import MarkdownIt

from .. import files
from ..library.store import Library
from .gbt7714 import gbt7714
from .length import body
from .markdown import ExportError, inside, safe_name

_PARSER = MarkdownIt("commonmark")
CHINESE_NUMBERS = "〇一二三四五六七八九十"


@dataclass(frozen=True)
class Layout:
    """Fonts (East Asian name, size in points), spacing and page of a built-in layout."""

    name: str
    title: tuple[str, float]
    body: tuple[str, float]
    headings: tuple[tuple[str, float, bool], ...]  # levels 1, 2, 3: font, size, bold
    quote: str
    margins: tuple[float, float, float, float]  # top, bottom, left, right in mm
    line_pitch: float | None = None  # exact line spacing in points (公文: 22 lines a page)
    line_spacing: float = 1.0  # multiple of single spacing, when no exact pitch
    title_bold: bool = False
    latin: str = "Times New Roman"
    grid: tuple[int, int] | None = None  # lines a page, characters a line (Word's document grid)


# GB/T 9704-2012: A4, top 37 mm, bottom 35, left 28, right 26 (156 × 225 mm of text), 22 lines of 28
# characters; title 二号 (22 pt) 方正小标宋简体, body 三号 (16 pt) 仿宋_GB2312, level 1 黑体, level 2
# 楷体_GB2312, level 3 仿宋_GB2312 (bold here, so it stands out from the body).
GONGWEN = Layout(
    name="公文",
    title=("方正小标宋简体", 22),
    body=("仿宋_GB2312", 16),
    headings=(("黑体", 16, False), ("楷体_GB2312", 16, False), ("仿宋_GB2312", 16, True)),
    quote="楷体_GB2312",
    margins=(37, 35, 28, 26),
    line_pitch=225 / 22 * 72 / 25.4,  # the text's height shared by 22 lines: 28.9 pt
    grid=(22, 28),
)
# A course paper: 宋体 小四 (12 pt), 1.5 lines, Word's usual margins; title 黑体 三号, headings 黑体.
ZUOYE = Layout(
    name="作业",
    title=("黑体", 16),
    body=("宋体", 12),
    headings=(("黑体", 14, False), ("黑体", 12, False), ("宋体", 12, True)),
    quote="楷体",
    margins=(25.4, 25.4, 31.8, 31.8),
    line_spacing=1.5,
    title_bold=True,
)
LAYOUTS = {layout.name: layout for layout in (GONGWEN, ZUOYE)}


@dataclass
class Byline:
    """Who hands the notes in (from the settings); the date is the day of the export."""

    name: str = ""
    klass: str = ""
    date: dt.date = field(default_factory=dt.date.today)

    def text(self) -> str:
        parts = [f"姓名：{self.name}" if self.name else "", f"班级：{self.klass}" if self.klass else ""]
        parts.append(f"日期：{self.date.year}年{self.date.month}月{self.date.day}日")
        return "　　".join(p for p in parts if p)


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (enough for a paper's headings)."""
    if n <= 10:
        return CHINESE_NUMBERS[n]
    tens, ones = divmod(n, 10)
    return (CHINESE_NUMBERS[tens] if tens > 1 else "") + "十" + (CHINESE_NUMBERS[ones] if ones else "")


def heading_number(level: int, n: int) -> str:
    """The Chinese numbering of the ``n``-th heading of a level: 一、 （一） 1. （1）."""
    return {1: f"{chinese_number(n)}、", 2: f"（{chinese_number(n)}）", 3: f"{n}."}.get(level, f"（{n}）")


class WordDocument:
    """A document being written: headings numbered, runs with their East Asian font, paragraphs indented."""

    def __init__(self, layout: Layout | None = None, template: Path | None = None) -> None:
        self.layout = None if template else (layout or ZUOYE)
        self.doc = Document(str(template)) if template else Document()
        self.counters = [0] * 6
        if template:
            body = self.doc.element.body
            for child in list(body):
                if child.tag != qn("w:sectPr"):  # the template's page set-up stays, its content goes
                    body.remove(child)
        else:
            self._set_up()

    # -- the page and the styles -------------------------------------------

    def _set_up(self) -> None:
        layout = self.layout
        assert layout is not None
        for section in self.doc.sections:
            section.orientation = WD_ORIENT.PORTRAIT
            section.page_width, section.page_height = Mm(210), Mm(297)
            top, bottom, left, right = layout.margins
            section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
            section.left_margin, section.right_margin = Mm(left), Mm(right)
            if layout.grid:
                self._grid(section, *layout.grid)
        normal = self.doc.styles["Normal"]
        self._font(normal.element, *layout.body)
        spacing = normal.paragraph_format
        spacing.space_before = spacing.space_after = Pt(0)
        if layout.line_pitch:
            spacing.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            spacing.line_spacing = Pt(layout.line_pitch)
        else:
            spacing.line_spacing = layout.line_spacing
        quote = self.doc.styles["Quote"]  # upright: a Chinese font slanted by Word reads badly
        self._font(quote.element, layout.quote)
        quote.font.italic = False
        for level, (font, size, bold) in enumerate(layout.headings, start=1):
            style = self.doc.styles[f"Heading {level}"]
            self._font(style.element, font, size, bold)
            style.font.italic = False
            style.paragraph_format.space_before = style.paragraph_format.space_after = Pt(0)

    def _grid(self, section: Any, lines: int, chars: int) -> None:
        """Word's document grid: ``lines`` lines a page and ``chars`` characters a line of the body font."""
        assert self.layout is not None
        height = (section.page_height - section.top_margin - section.bottom_margin) / 12700  # EMU → points
        width = (section.page_width - section.left_margin - section.right_margin) / 12700
        grid = section._sectPr.find(qn("w:docGrid"))
        if grid is None:
            grid = OxmlElement("w:docGrid")
            section._sectPr.append(grid)
        # A line grid only: the characters a line follow from the body size and the margins (三号 on 156 mm is
        # 28). A character grid (`linesAndChars` with `charSpace`) is what Word's own 公文 templates carry,
        # but LibreOffice and WPS draw it with gaps of a character between characters.
        del width, chars
        grid.set(qn("w:type"), "lines")
        grid.set(qn("w:linePitch"), str(round(height / lines * 20)))  # twentieths of a point

    def _font(self, element: Any, east_asian: str, size: float | None = None, bold: bool | None = None) -> None:
        """The fonts of a run or a style: the East Asian one named in ``w:eastAsia``, the Latin one for the rest."""
        assert self.layout is not None
        rpr = element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            rpr.insert(0, fonts)
        for attr in ("w:ascii", "w:hAnsi", "w:cs"):
            fonts.set(qn(attr), self.layout.latin)
        fonts.set(qn("w:eastAsia"), east_asian)
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(theme), None)  # a theme font would win over the named one
        if size is not None:
            for tag in ("w:sz", "w:szCs"):
                found = rpr.find(qn(tag))
                if found is None:
                    found = OxmlElement(tag)
                    rpr.append(found)
                found.set(qn("w:val"), str(round(size * 2)))
        if bold is not None:
            for tag in ("w:b", "w:bCs"):
                found = rpr.find(qn(tag))
                if found is None:
                    found = OxmlElement(tag)
                    rpr.append(found)
                found.set(qn("w:val"), "1" if bold else "0")
        color = rpr.find(qn("w:color"))
        if color is not None:
            rpr.remove(color)  # headings in black, as a paper is handed in

    def _style(self, name: str) -> Any:
        try:
            return self.doc.styles[name]
        except KeyError:  # a user's template without it
            return self.doc.styles["Normal"]

    # -- paragraphs ----------------------------------------------------------

    def run(self, paragraph: Any, text: str, font: str | None = None, bold: bool = False, italic: bool = False) -> Any:
        run = paragraph.add_run(text)
        run.bold, run.italic = bold or None, italic or None
        if self.layout:
            self._font(run._r, font or self._paragraph_font(paragraph))
        return run

    def _paragraph_font(self, paragraph: Any) -> str:
        assert self.layout is not None
        name = paragraph.style.name if paragraph.style is not None else ""
        if name.startswith("Heading ") and name[8:].isdigit():
            level = min(int(name[8:]), len(self.layout.headings))
            return self.layout.headings[level - 1][0]
        if name == "Title":
            return self.layout.title[0]
        return self.layout.quote if name == "Quote" else self.layout.body[0]

    def indent(self, paragraph: Any, chars: int = 2, left: int = 0) -> None:
        """A first-line indent of ``chars`` characters (and a left indent of ``left``), in Word's own
        unit of characters (``w:firstLineChars``, hundredths), with the length for other readers."""
        size = self.layout.body[1] if self.layout else 12
        paragraph.paragraph_format.first_line_indent = Pt(size * chars)
        if left:
            paragraph.paragraph_format.left_indent = Pt(size * left)
        ind = paragraph._p.get_or_add_pPr().find(qn("w:ind"))
        ind.set(qn("w:firstLineChars"), str(chars * 100))
        if left:
            ind.set(qn("w:leftChars"), str(left * 100))

    def title(self, text: str) -> None:
        paragraph = self.doc.add_paragraph(style=self._style("Title"))
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if self.layout:
            paragraph.style = self.doc.styles["Normal"]
            font, size = self.layout.title
            run = paragraph.add_run(text)
            self._font(run._r, font, size, self.layout.title_bold)
            paragraph.paragraph_format.space_after = Pt(self.layout.body[1])
        else:
            paragraph.add_run(text)

    def centred(self, text: str) -> None:
        paragraph = self.doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        self.run(paragraph, text)

    def heading(self, text: str, level: int) -> None:
        """A numbered heading (一、 （一） 1.) in Word's Heading style of its level."""
        level = max(1, min(level, 6))
        self.counters[level - 1] += 1
        self.counters[level:] = [0] * (6 - level)
        paragraph = self.doc.add_paragraph(style=self._style(f"Heading {min(level, 9)}"))
        self.run(paragraph, heading_number(level, self.counters[level - 1]) + text)
        if self.layout:
            self.indent(paragraph)  # GB/T 9704: a heading starts two characters in, as the body does

    def paragraph(self, text: str = "", style: str = "Normal", indent: bool = True) -> Any:
        paragraph = self.doc.add_paragraph(style=self._style(style))
        if text:
            self.run(paragraph, text)
        if indent:
            self.indent(paragraph)
        return paragraph

    def quote(self, text: str, place: str) -> None:
        """A quoted passage in the quote's font, two characters in, with its place under it, right-aligned."""
        for line in text.splitlines() or [""]:
            paragraph = self.doc.add_paragraph(style=self._style("Quote"))
            self.run(paragraph, line, font=self.layout.quote if self.layout else None)
            self.indent(paragraph, 2, left=2)
        where = self.doc.add_paragraph(style=self._style("Quote"))
        where.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        self.run(where, "——" + place, font=self.layout.quote if self.layout else None)

    # -- Markdown ------------------------------------------------------------

    def markdown(self, text: str, base: int) -> None:
        """The reader's Markdown: its highest heading becomes level ``base + 1``, lists, quotes and code kept."""
        tokens = _PARSER.parse(text)
        levels = [int(t.tag[1]) for t in tokens if t.type == "heading_open" and t.level == 0]
        shift = base + 1 - min(levels) if levels else 0
        lists: list[list[int]] = []  # per open list: [ordered, next number]
        quoted = 0
        heading: int | None = None
        for i, token in enumerate(tokens):
            kind = token.type
            if kind == "heading_open" and token.level == 0:  # one in a quote or a list stays a line of it
                heading = int(token.tag[1]) + shift
            elif kind in ("bullet_list_open", "ordered_list_open"):
                lists.append([kind == "ordered_list_open", int(token.attrs.get("start", 1) or 1)])
            elif kind in ("bullet_list_close", "ordered_list_close"):
                lists.pop()
            elif kind == "blockquote_open":
                quoted += 1
            elif kind == "blockquote_close":
                quoted -= 1
            elif kind in ("fence", "code_block"):
                for line in token.content.rstrip("\n").split("\n"):
                    self.paragraph(line, indent=False).paragraph_format.left_indent = Pt(24)
            elif kind == "hr":
                self.paragraph("＊　＊　＊", indent=False).alignment = WD_ALIGN_PARAGRAPH.CENTER
            elif kind == "html_block":
                self.paragraph(token.content.strip())
            elif kind == "inline" and heading is not None:
                self.heading(token.content, heading)
                heading = None
            elif kind == "inline":
                self._inline(token, lists, quoted, first=tokens[i - 2].type == "list_item_open")

    def _inline(self, token: Any, lists: list[list[int]], quoted: int, first: bool) -> None:
        style = "Quote" if quoted else "Normal"
        paragraph = self.doc.add_paragraph(style=self._style(style))
        if lists:
            depth = len(lists)
            marker = ""
            if first:
                ordered, number = lists[-1]
                marker = f"{number}. " if ordered else "• "
                lists[-1][1] += 1
            self.run(paragraph, marker)
            paragraph.paragraph_format.left_indent = Pt((self.layout.body[1] if self.layout else 12) * 2 * depth)
        else:
            self.indent(paragraph, 2, left=2 if quoted else 0)
        bold = italic = False
        for child in token.children or []:
            if child.type in ("strong_open", "strong_close"):
                bold = child.type == "strong_open"
            elif child.type in ("em_open", "em_close"):
                italic = child.type == "em_open"
            elif child.type == "hardbreak":
                paragraph.add_run().add_break()
            elif child.type in ("text", "code_inline", "html_inline", "image"):  # a soft break joins Chinese lines
                self.run(paragraph, child.content, bold=bold, italic=italic)

    def save(self, path: Path) -> Path:
        """Written under a temporary name and renamed: a kill leaves the old file or the whole new one."""
        from io import BytesIO

        buffer = BytesIO()
        self.doc.save(buffer)
        return files.write_bytes(path, buffer.getvalue())


def passages(library: Library, article_id: int) -> list[tuple[str, str, str]]:
    """(quote, place, note) of each highlight in reading order; a highlight across a heading is one quote."""
    article = library.article(article_id)
    meanings = library.color_meanings()
    out: list[list[str]] = []
    first: dict[int, list[str]] = {}
    for h in library.highlights(article_id):
        section = h["section_position"]
        known = article is not None and section < len(article.sections)
        heading = article.sections[section].heading if known and article else h["section_heading"]
        text = "\n".join(article.sections[section].paragraphs) if known and article else ""
        place = "无法定位" if h["orphaned"] else f"{heading or '正文'}，第 {text.count(chr(10), 0, h['start']) + 1} 段"
        if h.get("link") in first:
            item = first[h["link"]]
            item[0] += "\n" + h["quote"]
            item[1] += f" 至 {place}"
            continue
        meaning = meanings[h["color"]] if h["color"] < len(meanings) else ""
        item = [h["quote"], f"{meaning} · {place}" if meaning else place, h["note"] or ""]
        first[h["id"]] = item
        out.append(item)
    return [(q, p, n) for q, p, n in out]


def article_document(
    library: Library,
    article_id: int,
    layout: Layout | None = None,
    template: Path | None = None,
    byline: Byline | None = None,
) -> WordDocument:
    """One article's study notes as a Word document: title, byline, notes, quoted passages, reference."""
    meta = library.article_meta(article_id)
    if meta is None:
        raise KeyError(article_id)
    doc = WordDocument(layout, template)
    doc.title(meta["title"])
    doc.centred((byline or Byline()).text())
    _article_parts(doc, library, article_id, 1)
    doc.heading("参考文献", 1)
    doc.paragraph(f"[1] {gbt7714(meta)}", indent=False)
    return doc


def _article_parts(doc: WordDocument, library: Library, article_id: int, level: int) -> None:
    """An article's study notes and quoted passages, as sections of heading ``level``."""
    note = body(library.note("article", article_id))
    if note.strip():
        doc.heading("学习笔记", level)
        doc.markdown(note, level)
    quoted = passages(library, article_id)
    if quoted:
        doc.heading("原文摘录", level)
        for quote, place, comment in quoted:
            doc.quote(quote, place)
            if comment.strip():
                doc.markdown(comment, level + 2)


def course_document(
    library: Library,
    collection_id: int,
    layout: Layout | None = None,
    template: Path | None = None,
    byline: Byline | None = None,
) -> WordDocument:
    """A course's notes as one document: its own notes, then each article's (numbered [n] in the
    references at the end, which list every article's GB/T 7714 citation)."""
    name = next((c["name"] for c in library.collections() if c["id"] == collection_id), None)
    if name is None:
        raise ExportError(f"no course {collection_id}")
    doc = WordDocument(layout, template)
    doc.title(name)
    doc.centred((byline or Byline()).text())
    note = body(library.note("collection", collection_id))
    if note.strip():
        doc.heading("课程笔记", 1)
        doc.markdown(note, 1)
    citations = []
    for n, article_id in enumerate(library.collection_articles(collection_id), start=1):
        meta = library.article_meta(article_id)
        if meta is not None:
            doc.heading(f"{meta['title']}[{n}]", 1)
            _article_parts(doc, library, article_id, 2)
            citations.append(f"[{n}] {gbt7714(meta)}")
    doc.heading("参考文献", 1)
    for citation in citations:
        doc.paragraph(citation, indent=False)
    return doc


def export_docx(
    library: Library,
    article_ids: list[int],
    folder: Path,
    force: bool = False,
    layout: Layout | None = None,
    template: Path | None = None,
    byline: Byline | None = None,
) -> list[Path]:
    """One .docx an article in ``folder``, named from its title; nothing overwritten without ``force``."""
    if template is not None and not template.is_file():
        raise ExportError(f"no Word template at {template}")
    folder.mkdir(parents=True, exist_ok=True)
    taken: set[str] = set()
    planned = []
    for article_id in article_ids:
        meta = library.article_meta(article_id)
        if meta is None:
            raise ExportError(f"no article {article_id}")
        planned.append((article_id, inside(folder, safe_name(meta["title"], taken, ".docx"))))
    existing = [str(p) for _, p in planned if p.exists()]
    if existing and not force:
        raise ExportError(f"{existing[0]} exists (use --force to overwrite it)")
    try:
        documents = [(article_document(library, a, layout, template, byline), path) for a, path in planned]
    except (ValueError, KeyError, zipfile.BadZipFile, PackageNotFoundError) as exc:  # not a Word document
        raise ExportError(f"{template} cannot be used as a Word template: {exc}") from exc
    return [document.save(path) for document, path in documents]


def export_course_docx(
    library: Library,
    collection_id: int,
    folder: Path,
    force: bool = False,
    layout: Layout | None = None,
    template: Path | None = None,
    byline: Byline | None = None,
) -> Path:
    """The course's notes as one .docx in ``folder``, named after the course."""
    name = next((c["name"] for c in library.collections() if c["id"] == collection_id), None)
    folder.mkdir(parents=True, exist_ok=True)
    path = inside(folder, safe_name(name, set(), ".docx"))
    if path.exists() and not force:
        raise ExportError(f"{path} exists (use --force to overwrite it)")
    if template is not None and not template.is_file():
        raise ExportError(f"no Word template at {template}")
    try:
        document = course_document(library, collection_id, layout, template, byline)
    except (ValueError, KeyError, zipfile.BadZipFile, PackageNotFoundError) as exc:  # not a Word document
        raise ExportError(f"{template} cannot be used as a Word template: {exc}") from exc
    return document.save(path)
