"""Page furniture: running heads and feet, the first page's masthead (journal, year), its footnotes,
and the title (the first page's largest type)."""

from __future__ import annotations

import re
import statistics
from collections import Counter

from .pdf_flow import heading_like, join
from .pdf_page import Line

_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_SPACED_CJK = re.compile(rf"(?:[{_CJK}] ){{2,}}[{_CJK}]")
PAGE_NUMBER = re.compile(
    r"^(?:[-—–·•]?\s*\d{1,4}\s*[-—–·•]?|第\s*\d+\s*页(?:\s*[/／共]\s*\d+\s*页?)?|\d+\s*[/／]\s*\d+|"
    r"(?:Page|P\.)\s*\d+(?:\s*of\s*\d+)?|[ivxlcIVXLC]{1,6})$"
)
_MASTHEAD = re.compile(
    r"第\s*[\d?？]+\s*卷|第\s*[\d?？]+\s*期|\b(?:Vol|No)\s*\.|ISSN|CN\s*\d{2}\s*[-—]\s*\d{4}|年\s*第\s*\d+\s*期|"
    r"\d{4}\s*年\s*\d{1,2}\s*月|(?:Journal|JOURNAL)\s+of|(?:学|學)\s*报|杂\s*志|"
    r"\b\d{1,3}\s*\(\d{1,2}\)\s*\(?(?:19|20)\d{2}"  # `14(3) (2021)`: volume, issue and year
)
# A first-page footnote's field: with its colon it opens a footnote at any size; bare, only when set small.
_FOOTNOTE_FIELD = re.compile(
    r"^\s*\[?(?:收\s*稿(?:日\s*期)?|收到日期|修回(?:日期)?|基\s*金(?:项目|項目)?|作者简介|作者簡介|通[信讯訊]作者|联系人|"
    r"E-?mail|电子(?:邮箱|信箱)|DOI|doi|网络出版(?:时间|地址)?|引用(?:本文)?格式|Received(?: date)?|Revised|"
    r"Foundation(?: item)?|Fund(?:ing)?|Biography|Corresponding author)\]?"
)
_FOOTNOTE_FIRST_PAGE = re.compile(r"^\s*(?:[*∗†‡#]|本文.{0,24}收到)")
# What opens a footnote on any page, when it is set smaller than the body: `1)`, `①`, `*`, a bare URL.
_FOOTNOTE_MARK = re.compile(r"^\s*(?:[*∗†‡]|\d{1,2}\s*[)）]\s*\S|[①-⑳]|https?://\S+$)")
# A page number at either end of a header or footer line: `第 3 期  张三等：题目  47`, `2  计算机学报  2019 年`.
_NUMBERED_EDGE = re.compile(r"^\d{1,4}\s|\s\d{1,4}$|^[·•\-—]\s*\d{1,4}\s*[·•\-—]")
_STAMP = re.compile(r"https?://|www\.|©|\(C\)|All rights reserved|版权所有|下载|Downloaded", re.IGNORECASE)
_NAMED_HEADER = re.compile(r"[\u4e00-\u9fff]{2,4}\s*等\s*[:：]|\bet al\.\s*[:：]|^[A-Z][a-z]+ et al\.")
_YEAR = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*年|(?:Vol|No)\.?\s*[\d?]+.*?(?<!\d)((?:19|20)\d{2})(?!\d)|"
    r"\d\s*\(\d{1,2}\)\s*\(?((?:19|20)\d{2})\b"  # `14(3) (2021) 233-240`
)
_JOURNAL_NOISE = re.compile(
    r"第\s*[\d?？]+\s*[卷期]|[\d?？]+\s*卷|(?:19|20)[\d?？]{2}\s*年|[\d?？]{1,2}\s*月|\d+|[A-Za-z][A-Za-z.,()\s-]*|[()（）,，.:：/]"
)


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", "".join(text.split()))


def _edges(lines: list[Line], k: int = 2) -> list[Line]:
    """The k top-most and k bottom-most lines of a page."""
    placed = sorted((ln for ln in lines if ln.x1), key=lambda ln: -ln.y1)
    return placed[:k] + placed[-k:] if len(placed) > 2 * k else placed


def running(pages: list[list[Line]], heights: list[float], title: str | None) -> set[Line]:
    """The header and footer lines: page edges that repeat, page numbers, spaced journal names, and
    lines set apart at a page's edge that name the issue, a page, the authors (`张三等：`) or the title."""
    edges = [_edges(lines) for lines in pages]
    seen: Counter[str] = Counter()
    for outer_lines in edges:
        seen.update({_key(ln.text) for ln in outer_lines})
    everywhere: Counter[str] = Counter()
    for lines in pages:
        everywhere.update({_key(ln.text) for ln in lines if len(ln.text) <= 160})
    many = max(3, (len(pages) + 1) // 2)
    chrome: set[Line] = set()
    for number, (lines, height) in enumerate(zip(pages, heights, strict=True)):
        outer = _outermost(lines)
        for ln in edges[number]:
            if ln.title:
                continue  # a running head may repeat the title: the title stays
            near_edge = ln.y1 > height * 0.88 or ln.y0 < height * 0.12
            # a header or footer set apart from the text, with a page number or the journal's issue in it
            apart = near_edge and ln in outer and number > 0 and len(ln.text) <= 80
            if (
                (seen[_key(ln.text)] >= 2 and len(pages) >= 2)
                or PAGE_NUMBER.match(ln.text)
                or (near_edge and _SPACED_CJK.search(ln.text))
                or (apart and (_NUMBERED_EDGE.search(ln.text) or _MASTHEAD.search(ln.text)))
                or (apart and (_NAMED_HEADER.search(ln.text) or _shares_title(ln.text, title)))
            ):
                chrome.add(ln)
        for ln in lines:
            at_edge = ln.y1 > height * 0.9 or ln.y0 < height * 0.1
            repeated = len(pages) >= 3 and everywhere[_key(ln.text)] >= many and len(ln.text) <= 160
            if repeated and not ln.title and (at_edge or _STAMP.search(ln.text)):
                chrome.add(ln)  # a download stamp on every page
    return chrome


def _shares_title(text: str, title: str | None, run: int = 6) -> bool:
    """Whether a line holds `run` or more characters in a row of the title (a running head's short title)."""
    if not title:
        return False
    line, whole = "".join(text.split()), "".join(title.split())
    return any(line[k : k + run] in whole for k in range(0, max(len(line) - run + 1, 0)))


def _outermost(lines: list[Line]) -> set[Line]:
    """A page's top and bottom lines, when a gap of a line's height or more parts them from the rest."""
    placed = sorted((ln for ln in lines if ln.x1), key=lambda ln: -ln.y1)
    if len(placed) < 3:
        return set()
    out = set()
    top, below = placed[0], max(placed[1:], key=lambda ln: ln.y1)
    if top.y0 - below.y1 >= 0.9 * top.height:
        out.add(top)
    bottom, above = placed[-1], min(placed[:-1], key=lambda ln: ln.y0)
    if above.y0 - bottom.y1 >= 0.9 * bottom.height:
        out.add(bottom)
    return out


def masthead(first: list[Line], height: float, chrome: set[Line]) -> list[Line]:
    """The first page's lines above its body that name the journal, volume or issue."""
    top = [ln for ln in first if ln.x1 and ln.y0 > height * 0.75 and ln not in chrome]
    return [ln for ln in top if _MASTHEAD.search(ln.text) and len(ln.text) <= 120]


def journal(lines: list[Line], title: str | None = None) -> str | None:
    """The journal's name in header lines (the masthead's first): a spaced-out name, else the longest
    Chinese run of a line that is not the article's own running head (its title, `张三等：`)."""
    lines = [ln for ln in lines if not _shares_title(ln.text, title)]
    for ln in lines:
        m = _SPACED_CJK.search(ln.text)
        if m:  # `第 5 期 应 用 数 学 学 报 第 …`: the issue's 期 and 第 are no part of the name
            return re.sub(r"^(?:[期卷年月号] )+|(?: [第年卷期月])+$", "", m.group(0)).replace(" ", "")
    best = None
    for ln in lines:
        if "：" in ln.text or "等" in ln.text:
            continue  # `张三等：题目`: an even page's header names the article, not the journal
        for run in re.split(r"\s{2,}", _JOURNAL_NOISE.sub("  ", ln.text)):
            run = run.strip()
            if len(run) >= 3 and re.fullmatch(rf"[{_CJK}（）()·]+", run) and (best is None or len(run) > len(best)):
                best = run
    return best


# An English journal's running header: `Journal of Comparative Studies Vol. 7 No. 2, 2021`.


# An English journal's running header: `Journal of Comparative Studies Vol. 7 No. 2, 2021`.
_LATIN_JOURNAL = re.compile(
    r"^\s*(?:\d{1,4}\s+)?([A-Z][A-Za-z&:'\- ]{3,}?[a-z])\s*,?\s*"
    r"(?:Vol\.?|Volume|No\.|\(?(?:19|20)\d{2}\b|\d{1,3}\s*\(\d{1,2}\))"
)


def latin_journal(lines: list[Line]) -> str | None:
    for ln in lines:
        m = _LATIN_JOURNAL.match(ln.text)
        if m and " " in m.group(1).strip():
            return m.group(1).strip()
    return None


def year_of(lines: list[Line]) -> int | None:
    for ln in lines:
        m = _YEAR.search(ln.text)
        if m:
            return int(m.group(1) or m.group(2) or m.group(3))
    return None


_ISSUE = re.compile(r"(?<!总)第\s*(\d{1,3})\s*期|\bNo\.\s*(\d{1,3})\b|\d\s*\((\d{1,2})\)")


def issue_of(lines: list[Line]) -> str | None:
    """The issue in the first page's masthead: `第 4 期` (not `总第158期`), `No. 4`, `14(3)`."""
    for ln in lines:
        m = _ISSUE.search(ln.text)
        if m:
            return m.group(1) or m.group(2) or m.group(3)
    return None


def footnotes(lines: list[Line], height: float, body_size: float, first_page: bool) -> list[Line]:
    """A page's footnotes: from the first line at its foot that opens like one, down to the foot.

    On the first page a footnote's field with its colon (收稿日期：, 基金项目：, 作者简介：…), a mark
    (`*`, `∗`) or `本文…收到` opens one, and a bare field name set smaller than the body; on any page
    a mark (`1)`, `①`, `*`) or a bare URL does, when set smaller than the body (a list item near the
    foot of a page, or a sentence on 基金, is set like the body)."""
    zone = height * (0.4 if first_page else 0.25)
    placed = [ln for ln in lines if ln.x1 and ln.y1 < zone]
    small = [ln for ln in placed if 0 < ln.size < body_size - 0.4]
    openers = [ln for ln in small if _FOOTNOTE_MARK.match(ln.text)]
    if first_page:
        openers += [ln for ln in placed if _FOOTNOTE_FIRST_PAGE.match(ln.text) or _labelled(ln.text)]
        openers += [ln for ln in small if _FOOTNOTE_FIELD.match(ln.text)]
    if not openers:
        return []
    opener = max(openers, key=lambda ln: ln.y1)
    return [ln for ln in placed if ln.y1 <= opener.y1 + 1 and _same_column(ln, opener)]


def _labelled(text: str) -> bool:
    """`收稿日期：…`, `基金项目:…`, `Received: …`: a footnote's field with its colon."""
    m = _FOOTNOTE_FIELD.match(text)
    return bool(m) and text[m.end() :].lstrip()[:1] in (":", "：")


def _same_column(a: Line, b: Line) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1


def title_of(first: list[Line], height: float) -> str | None:
    """The first page's largest type in its upper part, over a line or three: the title."""
    sizes = [ln.size for ln in first if ln.size > 0]
    if len(sizes) < 3:
        return None
    body = statistics.median(sizes)
    upper = [
        ln
        for ln in first
        if ln.size > 0
        and ln.y0 > height * 0.35
        and not (ln.y1 > height * 0.9 and (_MASTHEAD.search(ln.text) or _SPACED_CJK.search(ln.text)))
    ]
    # where a title may start: not a column's label (`专题研究`), not a numbered heading
    starts = [ln for ln in upper if len("".join(ln.text.split())) >= 6 and not heading_like(ln.text)]
    if not starts:
        return None
    largest = max(ln.size for ln in starts)
    if largest < body * 1.2:
        return None
    run: list[Line] = []
    for ln in upper[upper.index(next(ln for ln in starts if ln.size >= largest - 0.6)) :]:
        if ln.size >= largest - 0.6:  # reading order: consecutive lines of the largest type
            run.append(ln)
        else:
            break
    if len(run) > 4:
        return None
    after = upper.index(run[-1]) + 1
    if after < len(upper) and upper[after].text.startswith(("——", "—", "－－", "--")):
        run.append(upper[after])  # `——以某县为例`: the subtitle, set smaller, belongs to the title
    for ln in run:
        ln.title = True
    return join([ln.text for ln in run]).rstrip("*∗†‡ ")
