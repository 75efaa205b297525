"""The body of a dump: headings, paragraphs re-joined across wraps and page breaks, citation marks."""

from __future__ import annotations

import itertools
import re
from typing import NamedTuple

from ..model import Section
from . import markers as mk
from .textclean import CJK, join_cjk_space, join_wrapped

_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九", start=0)}
_HEADING_MAX = 40
_CHUNK_NUMBER = re.compile(r"^\d{1,3}\s*、\s*")
_STARTS_CJK = re.compile(f'^[{CJK}“"《]')
# A heading led by a Latin term glued to Chinese: `LogGAT方法`, `BERT模型的改进`, `DP-SGD算法`.
_LATIN_LED = re.compile(f"^[A-Za-z][A-Za-z0-9-]{{0,15}}[{CJK}][^,，。；;]{{0,18}}$")
_GAP = re.compile(r"\s{2,}")
_DOT = re.compile(r"\s*[.．]\s*")
_CLAUSE = re.compile(r"[,，。；;]")
_CLAUSE_OR_LABEL = re.compile(r"[,，。；;:：]")


class Heading(NamedTuple):
    level: int
    text: str
    rest: str  # run-in text after the heading
    kind: str  # cn, paren, chapter, arabic, dotted, decimal, standalone
    number: int | None


def cn_number(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十三 → 23."""
    if text.isdigit():
        return int(text)
    if not text or any(c not in _CN_DIGITS and c != "十" for c in text):
        return None
    if "十" not in text:
        return _CN_DIGITS[text[0]] if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)


def _cut(text: str) -> tuple[str, str] | None:
    """Split run-in text off a heading: at a double space, or before the first `。`."""
    text = text.strip()
    rest = ""
    gap = _GAP.search(text) if "  " in text else None
    if gap:
        text, rest = text[: gap.start()], text[gap.end() :]
    stop = text.find("。")
    if stop >= 0:
        text, rest = text[:stop], (text[stop + 1 :] + (" " + rest if rest else "")).strip()
    text = text.strip().rstrip(":：")
    if not text or len(text) > _HEADING_MAX or text.endswith(("，", ",", "、", ";", "；")):
        return None
    return text, rest


def match_heading(line: str) -> Heading | None:
    line = line.strip()
    if not line or len(line) > 400:
        return None
    first = line[0]
    bare = line.rstrip(":：").strip()
    if bare in mk.STANDALONE:
        return Heading(1, bare, "", "standalone", None)
    if first in mk.CN_NUM:
        m = mk.HEAD_CN.match(line)
        if m and (cut := _cut(m.group(2))):
            return Heading(1, cut[0], cut[1], "cn", cn_number(m.group(1)))
        return None
    if first in "(（":
        m = mk.HEAD_CN_PAREN.match(line)
        if m and (cut := _cut(m.group(2))):
            return Heading(2, cut[0], cut[1], "paren", cn_number(m.group(1)))
        return None
    if first == "第":
        m = mk.HEAD_CHAPTER.match(line)
        if m:
            level = 2 if m.group(2) in ("节", "節") else 1
            text = m.group(3).strip() or line[: m.start(3)].strip()
            cut = _cut(text)
            if cut:
                return Heading(level, cut[0], cut[1], "chapter", cn_number(m.group(1)))
        return None
    if first.isdigit():
        return _arabic_heading(line)
    return None


def _arabic_heading(line: str) -> Heading | None:
    m = mk.HEAD_DECIMAL.match(line)
    if m:
        parts = _DOT.split(m.group(1))
        text = m.group(2)
        spaced = line[m.end(1) : m.start(2)] != ""
        if not spaced and ("。" in line or len(line) > 30):
            return None
        cut = _run_in(text) if spaced else _cut(text)
        if cut and _heading_text(cut[0]):
            return Heading(len(parts), cut[0], cut[1], "decimal", int(parts[0]))
        return None
    m = mk.HEAD_ARABIC.match(line)
    if m:
        cut = _run_in(m.group(2))
        if cut and _heading_text(cut[0]):
            return Heading(1, cut[0], cut[1], "arabic", int(m.group(1)))
        return None
    m = mk.HEAD_ARABIC_DOTTED.match(line)
    if m and len(line) <= 30 and not _CLAUSE_OR_LABEL.search(line):
        text = m.group(2).strip()
        if _STARTS_CJK.match(text):
            return Heading(1, text, "", "dotted", int(m.group(1)))
    return None


def _heading_text(text: str) -> bool:
    """A numbered heading's words: Chinese first (or a Latin term glued to Chinese), no clause in them."""
    return bool(_STARTS_CJK.match(text) or _LATIN_LED.match(text)) and not _CLAUSE.search(text)


def _run_in(text: str) -> tuple[str, str] | None:
    """`1.1 研究对象 采取…`: a short heading, one space, then the paragraph."""
    text = text.strip()
    space = text.find(" ")
    if 0 < space <= 15 and len(text) - space > 20 and not text[space + 1 :].startswith(" "):
        head = _cut(text[:space])
        return (head[0], text[space + 1 :].strip()) if head else None
    return _cut(text)


def _styled(line: str, level: int) -> Heading:
    """A heading by its style: its numbering, if it has one, comes off; its level is the style's."""
    numbered = match_heading(line)
    text = numbered.text if numbered is not None and not numbered.rest else line
    return Heading(level, text, "", "styled", None)


class _Numbering:
    """Keeps arabic and list-like numbering honest: a `3 个省份` line is not heading 3."""

    def __init__(self, candidates: list[Heading]) -> None:
        kinds = {h.kind for h in candidates}
        # `1.` / `1、` lines are list items unless they are the only numbering there is.
        self.dotted_ok = not kinds & {"cn", "arabic", "chapter"} and self._sequence(
            [h.number for h in candidates if h.kind == "dotted"]
        )
        self.last_arabic: int | None = None

    @staticmethod
    def _sequence(numbers: list[int | None]) -> bool:
        if len(numbers) < 2 or numbers[0] not in (0, 1):
            return False
        return all(b == a + 1 for a, b in itertools.pairwise(numbers) if a is not None and b is not None)

    def accept(self, h: Heading) -> bool:
        if h.kind == "dotted":
            return self.dotted_ok
        if h.kind == "arabic":
            expected = (0, 1) if self.last_arabic is None else (self.last_arabic + 1,)
            if h.number not in expected:
                return False
            self.last_arabic = h.number
        last = self.last_arabic
        return h.kind != "decimal" or last is None or h.number in (last, last + 1)


def build_sections(body: list[tuple[str, bool]], styled: dict[str, int] | None = None) -> list[Section]:
    """Lines of the body (each with whether a page break stood before it) into sections. ``styled``:
    lines a document marks as headings (Word's heading styles), with their levels."""
    styled = styled or {}
    candidates = [_styled(line, styled[line]) if line in styled else match_heading(line) for line, _ in body]
    numbering = _Numbering([h for h in candidates if h is not None])
    sections: list[Section] = [Section("", 0)]
    prev_open = False  # the last paragraph may continue on the next line
    for (line, broke), heading in zip(body, candidates, strict=True):
        paragraphs = sections[-1].paragraphs
        if heading is not None and heading.kind == "styled":
            sections.append(Section(heading.text, heading.level))
            prev_open = False
            continue
        if heading is not None and heading.text not in mk.NOT_HEADINGS and numbering.accept(heading):
            sections.append(Section(heading.text, heading.level))  # `提高站位 强化担当`: a heading's space is meant
            if heading.rest:
                sections[-1].paragraphs.append(join_cjk_space(heading.rest))
            prev_open = bool(heading.rest) and not heading.rest.endswith(mk.TERMINAL)
            continue
        line = join_cjk_space(line)  # `长期以 来`: a PDF line join inside the paragraph (rule 19)
        if prev_open and paragraphs:
            chunk = _CHUNK_NUMBER.match(line)
            if chunk:
                line = line[chunk.end() :]
            if broke or chunk or len(paragraphs[-1]) >= 20 or paragraphs[-1].endswith(("，", ",", "、")):
                paragraphs[-1] = join_wrapped(paragraphs[-1], line)
                prev_open = not line.endswith(mk.TERMINAL)
                continue
        paragraphs.append(line)
        prev_open = not line.endswith(mk.TERMINAL)
    if not sections[0].paragraphs:
        sections.pop(0)
    return sections
