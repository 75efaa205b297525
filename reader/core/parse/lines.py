"""A dump's text into lines: what sites run together on one line is taken apart first (headings
inline after runs of spaces, a speech's salutation glued to its title, metadata fields on one line)."""

from __future__ import annotations

import itertools
import re

from .textclean import cjk_count

_INLINE_HEADING = re.compile(
    r"\s{2,}(?=(?:[一二三四五六七八九十]{1,3}\s*、|[(（][一二三四五六七八九十]{1,3}[)）]|第[一二三四五六七八九十]{1,3}[章节])\S)"
)
# Labels of page metadata that sites run together on one line (`…10:30:00作者:X来源:《刊》…浏览次数:0`):
# each starts a field of its own, whatever precedes it (VARIANTS rule 15). Longer labels first.
_FIELD_LABEL = re.compile(
    r"(?:文章来源|稿件来源|原文出处|发布时间|更新时间|发布日期|发表时间|浏览次数|点击次数|阅读次数|责任编辑|指导教师|"
    r"指导老师|发布人|发布者|点击数|点击量|阅读量|访问量|录入者|录入|作\s*者|来\s*源|出\s*处|来源于|时间|日期|点击|浏览|"
    r"编辑|审核|校对|字号|年份|专业|研究生|导师|学号)"
    r"\s*[:：]"
)
# A speech's salutation glued to its title in a preview chunk (`1、在…会议上的讲话同志们:今天…`, rule 16).
_SALUTATION = re.compile(
    r"(?<=[\u4e00-\u9fff》”)）])(?=(?:同志们|同志們|各位代表|各位委员|各位领导|各位嘉宾|同学们|同學們|老师们|朋友们)"
    r"\s*[:：,，!！])"
)


def split_lines(text: str) -> list[str]:
    out: list[str] = []
    for raw in text.split("\n"):
        line = raw.strip()
        if "  " in line and _INLINE_HEADING.search(line):
            out.extend(part.strip() for part in _INLINE_HEADING.split(line) if part.strip())
        elif ("们" in line or "們" in line or "各位" in line) and (m := _SALUTATION.search(line, 0, 80)):
            out.extend([line[: m.start()].strip(), line[m.start() :]] if m.start() >= 6 else [line])
        elif len(line) <= 300 and line[:1] not in "[［〔【" and line.count(":") + line.count("：") >= 2:
            out.extend(_split_fields(line))
        else:
            out.append(line)
    return out


def _split_fields(line: str) -> list[str]:
    """A line holding two or more metadata labels, one field a line; any other line as it is."""
    starts = [m.start() for m in _FIELD_LABEL.finditer(line)]
    starts = [k - 1 if k > 0 and line[k - 1] in "[【〔［(（" else k for k in starts]  # `[日期:…]`
    if len(starts) < 2 or cjk_count(line) > 12 * len(starts) + 40:  # labels in a sentence of body text
        return [line]
    cuts = [0, *(k for k in starts if k > 0), len(line)]
    return [part for a, b in itertools.pairwise(cuts) if (part := line[a:b].strip())]
