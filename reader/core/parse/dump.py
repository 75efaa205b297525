"""A raw page dump in, a structured article out.

The dump is read as lines. Site chrome and page furniture are dropped; the
header (title, authors, journal, abstract, keywords, metadata) runs until the
first heading or the first line of body text; the body runs to the
references; the references run to a block of teasers of other papers.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from ..model import PARSER_VERSION, Article  # noqa: F401 - re-exported
from . import markers as mk
from .body import build_sections, match_heading
from .citation_marks import link_citations
from .decode import Refused, decode_bytes
from .document_text import DocumentText
from .documents import is_document_name, kind_of, looks_like_document, read_document
from .english import looks_english, read_english
from .files import MAX_DOCUMENT_BYTES, MAX_DUMP_BYTES, Unreadable, read_dump, shown_name, too_big
from .header import is_title_candidate, read_header, reprint_source
from .lines import split_lines
from .names import split_names
from .references import read_references
from .refusal import not_an_article
from .related import read_related
from .saved_page import PageMeta, html_charset, html_to_text, looks_like_html, page_meta
from .textclean import cjk_count, clean_text, has_cjk_at_least, squeeze_cjk_spaces

_KW_SPLIT = re.compile(r"\s*[;；,，、/／]\s*|\s{1,}")
_KEYWORD_INLINE = re.compile(r"\s*(?:[\[【〔(（]\s*)?[关關]\s*[键鍵]\s*[词詞字]")
_KW_HAS_SEP = re.compile(r"[;；,，、/／]")
_GLUED_HEADING = re.compile(r"(?<=\S)(一\s*、|[(（]一[)）])(?=\S)")
# `1.某某大学法学院  2.某某研究院`: numbered affiliations, not headings of the body.
_UNITS = re.compile(r"(?:大学|大學|学院|學院|研究院|研究所|研究中心|党校|黨校|学校|學校|医院|醫院)(?:\s+\d.*)?$")
_SPACE_RUN = re.compile(r" {2,}")
_LABEL_LINE = re.compile(r"^[\u4e00-\u9fff]{2,6}\s*[:：]")  # `基金资助：…`, `专辑：…`: a page field
_BIO = mk.line_label("作者简介 作者簡介 作者信息", rf"(?:{mk.LABEL_END}|\s*$)")
_BIO_NAME = re.compile(r"^\s*([\u4e00-\u9fff·]{2,6}?)(?=\s*(?:[(（,，:：\s]|$))")
_BODY_META = mk.line_label(
    "作者简介 作者簡介 基金项目 基金項目 收稿日期 修回日期 通讯作者 通訊作者 作者单位 作者單位 中图分类号 中圖分類號"
    " 文献标识码 文獻標識碼 文章编号 文章編號 引用格式 本文引用格式 DOI",
    mk.LABEL_END,
)


def parse_file(path: str | os.PathLike[str]) -> Article:
    """A file on disk: only a regular one, of a dump's size (``files.read_dump``)."""
    try:
        data = read_dump(path)
    except Unreadable as exc:
        return Article.refused(str(exc))
    return parse_bytes(data, shown_name(Path(path).name))


def parse_bytes(data: bytes, name: str = "") -> Article:
    limit = MAX_DOCUMENT_BYTES if looks_like_document(data) else MAX_DUMP_BYTES
    if len(data) > limit:  # pasted or handed over: the same cap as a file
        return Article.refused(too_big(len(data), limit))
    try:
        return _parse_bytes(data, name)
    except Exception as exc:  # a bug must cost one file, never the whole import
        return Article.refused(f"could not be parsed ({type(exc).__name__}: {exc})")


def _parse_bytes(data: bytes, name: str) -> Article:
    meta = None
    try:
        kind = kind_of(data, name)
        if kind is not None:
            try:
                return _parse_document(read_document(kind, data))
            except Refused:
                if is_document_name(name) or b"\0" in data[:4096]:
                    raise
                # `%PDF-` at the start of a text file that is no PDF: read as the text it is
        if looks_like_html(data, name):
            declared = html_charset(data)
            html, encoding = _decode_html(data, declared)
            text, meta = html_to_text(html), page_meta(html)
        else:
            text, encoding = decode_bytes(data)
    except Refused as exc:
        return Article.refused(str(exc))
    article = parse_text(text)
    if meta is not None and article.error is None:
        _apply_page_meta(article, meta)
    article.encoding = encoding
    return article


def _parse_document(document: DocumentText) -> Article:
    """A PDF's or Word file's text through the parser; what the document says of itself wins."""
    article = parse_text(document.text, document.headings)
    article.encoding = document.kind
    if article.error is not None:
        return article
    if document.title:  # the document's own title (a Title style, the largest type): no guess
        article.title = mk.clean_title(document.title)
        article.doubts = [d for d in article.doubts if d != "title_guessed"]
    article.authors = article.authors or document.authors or _Reader(document.notes).bio_names()
    article.source = document.journal or article.source
    article.year = document.year or article.year
    article.issue = document.issue or article.issue
    article.footnotes = document.notes
    article.doubts = doubts_of(article)
    return article


def _apply_page_meta(article: Article, meta: PageMeta) -> None:
    """What a saved page says of itself wins over what is guessed from its visible text."""
    if meta.title:
        article.title = mk.clean_title(meta.title)
        article.doubts = [d for d in article.doubts if d != "title_guessed"]
    if meta.authors:
        article.authors = list(dict.fromkeys(a.strip() for a in meta.authors if a.strip()))
    article.source = meta.journal or article.source
    article.year = meta.year or article.year
    article.keywords = meta.keywords or article.keywords
    article.abstract = meta.abstract or article.abstract
    article.doi = meta.doi or article.doi
    article.doubts = doubts_of(article)


_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "big5": "big5hkscs"}


def _decode_html(data: bytes, declared: str | None) -> tuple[str, str]:
    """The charset the page declares (read as its superset), else detection."""
    declared = _SUPERSETS.get(declared or "", declared)
    if declared:
        try:
            return data.decode(declared), declared
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(data)


def parse_text(text: str, headings: dict[str, int] | None = None) -> Article:
    """A dump's text → an article. ``headings``: lines known to be headings (a Word file's heading
    styles), with their levels, over what their numbering says."""
    text = clean_text(text)
    reason = not_an_article(text)
    if reason:
        return Article.refused(reason)
    if not has_cjk_at_least(text[:60000], 400) and looks_english(text):  # a Chinese page never asks
        english = read_english(text.split("\n"))
        if english.error is None:
            english.doubts = doubts_of(english)
        return english
    if text.count("\n") < 5 and len(text) > 800:  # every line break lost: fields stand apart by runs of spaces
        text = _SPACE_RUN.sub("\n", text)
    lines = split_lines(text)
    return _Reader(lines, headings).read()


class _Reader:
    """One pass over the lines of a dump; each step narrows what the next one sees."""

    def __init__(self, lines: list[str], headings: dict[str, int] | None = None) -> None:
        self.lines = lines
        self.headings = headings or {}
        self.n = len(lines)
        self.junk = [False] * self.n
        self.page_break = [False] * self.n
        self.header_only: set[int] = set()  # lines consumed by abstract / keyword blocks
        self.abstract: str | None = None
        self.keywords: list[str] = []
        self._keyword_rank = -1

    def read(self) -> Article:
        self._mark_chrome()
        body_start = self._scan_header()
        refs_at, related_at = self._find_tail(body_start)
        body_end = refs_at if refs_at is not None else (related_at if related_at is not None else self.n)
        header_lines = [i for i in range(body_start) if self._usable(i) and i not in self.header_only]
        head = read_header(self.lines, header_lines)
        if head.title is None:
            return Article.refused("no article in it (no title found)")
        if not head.authors:
            head.authors = self.bio_names()
        if head.source is None:
            reprint_source(self.lines[:body_end], head)  # the article's own lines, not its references
        references: list[str] = []
        if refs_at is not None:
            stop = related_at if related_at is not None else self.n
            entries = [self.lines[i] for i in range(refs_at, stop) if not self.junk[i] and not self.page_break[i]]
            end = next((k for k, ln in enumerate(entries) if k and _ends_references(ln)), len(entries))
            references = read_references(entries[:end])
        body: list[tuple[str, bool]] = []
        broke = False  # a page footer or chunk break since the last line of text
        for i in range(body_start, body_end):
            if self.page_break[i]:
                broke = True
            elif self._usable(i) and not _BODY_META.match(self.lines[i]) and self.lines[i] != head.title:
                body.append((self.lines[i], broke))
                broke = False
        sections = build_sections(body, self.headings)
        if not any(s.paragraphs or s.heading for s in sections) and not self.abstract:
            return Article.refused("no article in it (no text after the title)")
        related = (
            read_related([self.lines[i] for i in range(related_at + 1, self.n) if self._usable(i)])
            if related_at is not None
            else []
        )
        article = head
        article.abstract, article.keywords = self.abstract, self.keywords
        article.sections, article.references, article.related = sections, references, related
        article.citations = link_citations(sections, len(references))
        article.doubts = doubts_of(article)
        return article

    def bio_names(self) -> list[str]:
        """The names opening each 作者简介 entry, for a header that names nobody (rule 14)."""
        names: list[str] = []
        for i, line in enumerate(self.lines):
            m = _BIO.match(line) if line and ("作者简介" in line or "作者簡介" in line or "作者信息" in line) else None
            if m is None:
                continue
            rest = line[m.end() :].strip()
            entries = [rest] if rest else []
            j = i + 1
            while not rest and j < self.n and len(entries) < 8:  # a bare label: one entry a line
                nxt = self.lines[j]
                if nxt and (mk.is_field_marker(nxt) or _heading(nxt)):
                    break
                if nxt:
                    entries.append(nxt)
                j += 1
            for entry in (e for text in entries for e in re.split(r"[;；]", text)):
                found = _BIO_NAME.match(entry)
                who = split_names(found.group(1)) if found else None
                if who and len(who) == 1:
                    names.append(who[0])
        return list(dict.fromkeys(names))

    # -- chrome -------------------------------------------------------------

    def _usable(self, i: int) -> bool:
        return bool(self.lines[i]) and not self.junk[i] and not self.page_break[i]

    def _mark_chrome(self) -> None:
        ended = False  # past a post's `END` / `往期推荐`: the rest is the account's, not the article's
        for i, line in enumerate(self.lines):
            if not line:
                continue
            if ended or (i > 5 and len(line) <= 12 and mk.ARTICLE_END.match(line)):
                self.junk[i] = ended = True
                continue
            if ("页" in line or "頁" in line or "/" in line or "／" in line or "-" in line) and mk.PAGE_BREAK.search(
                line
            ):
                if len(line) <= 40:
                    self.page_break[i] = True
                    continue
                self.lines[i] = line = mk.PAGE_BREAK.sub("", line).strip()
            if mk.is_chrome(line):
                self.junk[i] = True

    # -- header -------------------------------------------------------------

    def _scan_header(self) -> int:
        """Read the abstract and keywords; return the index where the body starts."""
        i = 0
        title: str | None = None
        while i < self.n:
            line = self.lines[i]
            if not self._usable(i):
                i += 1
                continue
            if mk.ABSTRACT.match(line) and self.abstract is None:
                i = self._take_abstract(i)
                continue
            if mk.KEYWORDS.match(line):
                i = self._take_keywords(i, after_abstract=self.abstract is not None)
                continue
            if mk.EN_ABSTRACT.match(line) or mk.EN_KEYWORDS.match(line):
                i = self._skip_english(i)
                continue
            if mk.META.match(line) or mk.META_BARE.match(line):
                i += 1
                continue
            if title is not None and mk.is_references_marker(line):
                return i  # a catalogue page: the references follow the header, with no body between
            cleaned = mk.clean_title(line)  # a title with a site blurb glued on is no body text
            starts_body = (
                (_heading(line) and not _UNITS.search(line)) or _is_body_line(cleaned) or line in self.headings
            )
            if title is not None and cleaned != title and starts_body:
                return i
            if title is None and is_title_candidate(line):
                title = mk.clean_title(line)
            i += 1
        return self.n

    def _take_abstract(self, i: int) -> int:
        line = self.lines[i]
        rest = line[mk.ABSTRACT.match(line).end() :].strip()  # type: ignore[union-attr]
        kw = _KEYWORD_INLINE.search(rest)
        if kw and kw.start() > 0:
            self.lines[i] = line = line[: len(line) - len(rest) + kw.start()]
            self.lines.insert(i + 1, rest[kw.start() :].strip())
            self._grow(i + 1)
            rest = rest[: kw.start()]
        self.header_only.add(i)
        parts = [rest] if rest else []
        j = i + 1
        keyword_ahead = self._keyword_marker_ahead(j)
        while j < self.n:
            nxt = self.lines[j]
            if not nxt or self.junk[j] or self.page_break[j]:
                if parts and not nxt:
                    if keyword_ahead and self._keyword_marker_ahead(j + 1, 3):
                        j += 1
                        continue
                    break
                j += 1
                continue
            if mk.is_field_marker(nxt) or _heading(nxt) or (parts and cjk_count(nxt) == 0):
                break
            if parts and not keyword_ahead and parts[-1].endswith(mk.TERMINAL):
                break
            parts.append(nxt)
            self.header_only.add(j)
            j += 1
        text = squeeze_cjk_spaces("".join(parts)).strip()
        self.abstract = text or None
        return j

    def _keyword_marker_ahead(self, j: int, lines: int = 12) -> bool:
        """A keyword label within the next lines, before any heading."""
        seen = 0
        while j < self.n and seen < lines:
            line = self.lines[j]
            if line:
                if mk.KEYWORDS.match(line) or mk.EN_ABSTRACT.match(line):
                    return True
                if _heading(line) or mk.META.match(line) or mk.META_BARE.match(line):
                    return False
                seen += 1
            j += 1
        return False

    def _grow(self, at: int) -> None:
        self.n = len(self.lines)
        self.junk.insert(at, False)
        self.page_break.insert(at, False)

    def _take_keywords(self, i: int, after_abstract: bool) -> int:
        line = self.lines[i]
        rest = line[mk.KEYWORDS.match(line).end() :].strip()  # type: ignore[union-attr]
        glued = _GLUED_HEADING.search(rest)
        if glued and not re.search(r"[、,，;；]", rest[glued.end() :]) and len(rest) - glued.end() <= 30:
            self.lines[i] = line[: len(line) - len(rest) + glued.start()]
            self.lines.insert(i + 1, rest[glued.start() :])
            self._grow(i + 1)
            rest = rest[: glued.start()]
        self.header_only.add(i)
        words = self._split_keywords(rest)
        j = i + 1
        if not rest or rest.endswith((";", "；", ",", "，", "、")):
            while j < self.n:
                nxt = self.lines[j]
                if not nxt:
                    if words:
                        break
                    j += 1
                    continue
                if (
                    mk.is_field_marker(nxt)
                    or _heading(nxt)
                    or len(nxt) > 40
                    or nxt.endswith("。")
                    or _LABEL_LINE.match(nxt)
                ):
                    break
                words.extend(self._split_keywords(nxt))
                self.header_only.add(j)
                j += 1
                if _KW_HAS_SEP.search(nxt) and not nxt.endswith((";", "；", ",", "，", "、")):
                    break
        # A site's tag line (`关键词:a b`) loses to the article's own keywords: after the abstract,
        # in brackets, separated by punctuation.
        bracketed = line.lstrip("◆■ ")[:1] in "[【〔［(（"
        rank = 4 * after_abstract + 2 * bracketed + bool(_KW_HAS_SEP.search(rest)) + (len(words) > 1)
        # A lone unbracketed word before any abstract is a site's tag line, not the article's keywords.
        if words and rank > max(self._keyword_rank, 0):
            self.keywords, self._keyword_rank = words, rank
        return j

    @staticmethod
    def _split_keywords(text: str) -> list[str]:
        text = text.strip().rstrip("。.;；")
        if not text:
            return []
        pieces = _KW_SPLIT.split(text) if _KW_HAS_SEP.search(text) else text.split()
        return [p.strip() for p in pieces if p.strip()]

    def _skip_english(self, i: int) -> int:
        """An English abstract or keyword block: consumed, never body."""
        self.header_only.add(i)
        j = i + 1
        while j < self.n:
            line = self.lines[j]
            if line and (mk.is_field_marker(line) or _heading(line) or cjk_count(line) > 4):
                break
            self.header_only.add(j)
            j += 1
        return j

    # -- tail ---------------------------------------------------------------

    def _find_tail(self, body_start: int) -> tuple[int | None, int | None]:
        refs_at = None
        for i in range(body_start, self.n):
            line = self.lines[i]
            if line and not self.junk[i] and mk.is_references_marker(line):
                refs_at = i
                break
        after = refs_at if refs_at is not None else body_start
        related_at = None
        for i in range(after, self.n):
            if self.lines[i] and mk.RELATED.match(self.lines[i]):
                related_at = i
                break
        return refs_at, related_at


def doubts_of(article: Article) -> list[str]:
    """The doubts an article raises (codes of ``reader.core.model.DOUBTS``): those the parser recorded
    while reading (a guessed title), and those its fields say now (no authors, no year, a long body
    without headings). Asked again after fields change, it answers for the fields as they are."""
    doubts = [d for d in article.doubts if d not in _FIELD_DOUBTS]
    if not article.authors:
        doubts.append("no_authors")
    if article.year is None:
        doubts.append("no_year")
    if not article.headed_sections and sum(len(p) for s in article.sections for p in s.paragraphs) > 1500:
        doubts.append("no_sections")  # a long text with no heading found in it
    return list(dict.fromkeys(doubts))


_FIELD_DOUBTS = frozenset({"no_authors", "no_year", "no_sections"})  # what the fields themselves tell


def _ends_references(line: str) -> bool:
    """A page field after the reference list (`编辑:…`, `来源:…`): no entry starts with a label."""
    return bool(line) and bool(mk.META.match(line)) and not mk.REF_LEADING.match(line)


def _heading(line: str) -> bool:
    return match_heading(line) is not None


def _is_body_line(line: str) -> bool:
    if mk.UNIT_LINE.search(line):
        return False
    if "。" in line and len(line) >= 20:
        return True
    return len(line) >= 60 and cjk_count(line) >= len(line) * 0.5
