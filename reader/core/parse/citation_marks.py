"""Inline [n] marks in paragraphs, tied to the references they cite."""

from __future__ import annotations

import re

from ..model import Citation, Section

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳" + "".join(map(chr, range(0x3251, 0x3260))) + "".join(map(chr, range(0x32B1, 0x32C0)))
# `[1]`, `[1,3]`, `[2-4]`, `〔1〕`, `①`.
CITE_MARK = re.compile(r"[\[［〔]\s*(\d{1,3}(?:\s*[,，、\-–—~～]\s*\d{1,3}){0,8})\s*[\]］〕]|([①-⑳])")
_ANY_MARK = re.compile(r"[\[［〔①-⑳]")


MAX_LINKED_MARKS = 10_000  # more is no article's; beyond it marks stay text and the view says so


def link_citations(sections: list[Section], ref_count: int) -> list[Citation]:
    """Every [n] mark in the text whose n is a reference, the first ``MAX_LINKED_MARKS`` of them."""
    if not ref_count:
        return []
    out: list[Citation] = []
    for si, section in enumerate(sections):
        for pi, para in enumerate(section.paragraphs):
            if not _ANY_MARK.search(para):
                continue
            for m in CITE_MARK.finditer(para):
                for n in _numbers(m):
                    if 1 <= n <= ref_count:
                        if len(out) == MAX_LINKED_MARKS:
                            return out
                        out.append(Citation(si, pi, m.start(), m.end(), n))
    return out


def _numbers(m: re.Match[str]) -> list[int]:
    if m.group(2):
        return [CIRCLED.index(m.group(2)) + 1]
    nums: list[int] = []
    for part in re.split(r"\s*[,，、]\s*", m.group(1)):
        bounds = re.split(r"\s*[\-–—~～]\s*", part)
        if len(bounds) == 2 and bounds[0].isdigit() and bounds[1].isdigit():
            lo, hi = int(bounds[0]), int(bounds[1])
            if 0 < hi - lo <= 50:
                nums.extend(range(lo, hi + 1))
                continue
        nums.extend(int(b) for b in bounds if b.isdigit())
    return nums
