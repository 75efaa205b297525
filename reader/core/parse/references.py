"""Reference lists: numbered entries, entries run together on one line, wrapped entries."""

from __future__ import annotations

import re

from . import markers as mk
from .citation_marks import CIRCLED
from .textclean import cjk_count, join_wrapped

_STOP = mk.line_label(
    "作者简介 作者簡介 收稿日期 基金项目 基金項目 责任编辑 責任編輯 通讯作者 通訊作者 附录 附錄 致谢 致謝"
)
_ENTRY_END = (".", "。", "．")
_PUNCT = re.compile(r"[.,，。;；:：]")  # a wrapped entry has its punctuation; a row of links has none
_MENU = re.compile(r"^\S{1,12}(?: {2,}\S{1,12}){2,}$")  # short items spaced apart: a row of links


def _leading_number(mark: re.Match[str]) -> int:
    if mark.group(4):
        return CIRCLED.index(mark.group(4)) + 1 if mark.group(4) in CIRCLED else 0
    raw = mark.group(1) or mark.group(2) or mark.group(3) or mark.group(5) or "0"
    return 1 if raw in ("l", "I") else int(raw)


def read_references(lines: list[str]) -> list[str]:
    """Lines from the references label on; the label line itself may hold entries."""
    if not lines:
        return []
    first = lines[0]
    m = mk.REFERENCES.match(first)
    rest = first[m.end() :].strip() if m else first
    rows = ([rest] if rest else []) + [ln for ln in lines[1:] if ln]
    entries: list[str] = []
    numbered = None
    pending: list[str] = []  # rows after a finished entry: its tail, unless an English abstract follows
    for row in rows:
        if mk.EN_ABSTRACT.match(row):
            pending = []  # the English title, names and units over the English abstract: no entry's tail
            break
        if _STOP.match(row) or (mk.REFERENCES.match(row) and not row[mk.REFERENCES.match(row).end() :].strip()):  # type: ignore[union-attr]
            if _STOP.match(row):
                break
            continue  # a second label (注释 then 参考文献): its entries follow
        lead = mk.REF_LEADING.match(row)
        if numbered is None:
            numbered = lead is not None
        if pending and (lead or not numbered):
            entries[-1] = _join_all(entries[-1], pending)
            pending = []
        if numbered and lead:
            entries.extend(_split_run_together(row[lead.end() :], _leading_number(lead)))
            if not entries[-1]:
                entries[-1] = " "  # a bare mark: what follows is its entry, unless an English abstract comes
        elif numbered and entries:
            if entries[-1] == " " or pending:
                pending.append(row)
            elif not entries[-1].endswith(_ENTRY_END):
                entries[-1] = join_wrapped(entries[-1], row)
            elif cjk_count(row) == 0 and cjk_count(entries[-1]) > 0:
                continue  # the English twin of a Chinese entry in a bilingual list
            elif _MENU.search(row) and not _PUNCT.search(row):
                break  # a finished list, then the page's links (`引证文献  共引文献`, `知网研学  记笔记`)
            else:
                pending.append(row)
        elif not numbered:
            entries.append(row)
    if pending:
        entries[-1] = _join_all(entries[-1], pending)
    return [e.strip() for e in entries if e.strip()]


def _join_all(entry: str, rows: list[str]) -> str:
    entry = entry.strip()
    for row in rows:
        entry = join_wrapped(entry, row)
    return entry


def _split_run_together(text: str, number: int) -> list[str]:
    """`…[M].[2]…[C].[3]…` on one line: split at the next numbers in sequence."""
    out: list[str] = []
    expected = number + 1
    start = 0
    for m in mk.REF_BRACKET.finditer(text):
        raw = m.group(1)
        n = 1 if raw in ("l", "I") else int(raw)
        if n == expected and m.start() > start:
            out.append(text[start : m.start()])
            start = m.end()
            expected += 1
    out.append(text[start:])
    return [e.strip() for e in out]
