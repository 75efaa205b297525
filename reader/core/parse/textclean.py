"""Repairs to the text of a dump before it is read line by line.

Line ends, odd spaces, invisible characters, pinyin-in-brackets damage and the
`?` that a lost non-breaking space leaves behind.
"""

from __future__ import annotations

import re

CJK = r"\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff"
CJK_RE = re.compile(f"[{CJK}]")

_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_ODD_SPACES = re.compile("[\u00a0\u2002-\u200a\u202f\u205f]")
_LINE_FEEDS = re.compile("[\f\v\u2028\u2029\x85]")

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
# `醫(yī)學(xué)`: a bracketed syllable right after a character. Toned syllables
# go always; plain ones only in runs, since `方法(a)` may be real text.
_PINYIN = re.compile(rf"(?<=[{CJK}])[(（]([a-z{_TONED}]{{1,6}})[)）]")
_TONED_RE = re.compile(f"[{_TONED}]")

# `摘 ? 要`, `G642? ?文獻`, a line holding only `?`: a `?` beside white space
# that is not the end of a Latin sentence.
_LOST_NBSP = re.compile(rf"(?:(?<=\s)|^)\?(?=\s|$|[{CJK}])|(?<=[0-9])\?(?=[ \t])", re.M)


def _drop_pinyin(text: str) -> str:
    if "(" not in text and "（" not in text:
        return text
    matches = list(_PINYIN.finditer(text))
    if not matches:
        return text
    keep: list[str] = []
    last = 0
    for i, m in enumerate(matches):
        toned = bool(_TONED_RE.search(m.group(1)))
        in_run = (i > 0 and matches[i - 1].end() + 1 == m.start()) or (
            i + 1 < len(matches) and m.end() + 1 == matches[i + 1].start()
        )
        if toned or in_run:
            keep.append(text[last : m.start()])
            last = m.end()
    keep.append(text[last:])
    return "".join(keep)


def clean_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "  ")
    text = text.replace("\u3000", "  ")  # an ideographic space is as wide as two
    text = _LINE_FEEDS.sub("\n", _ODD_SPACES.sub(" ", _INVISIBLE.sub("", text)))
    text = _drop_pinyin(text)
    if "?" in text:
        text = _LOST_NBSP.sub(" ", text)
    return text


def squeeze_cjk_spaces(text: str) -> str:
    """`数字 普惠金融` → `数字普惠金融`: spaces between CJK characters come from PDF line joins."""
    return _CJK_GAP.sub("", text)


_CJK_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】〔〕「」『』—…·,.;:?!()"
_CJK_GAP = re.compile(rf"(?<=[{CJK}{_CJK_PUNCT}])\s+(?=[{CJK}{_CJK_PUNCT}])")


_CJK_SPACE = re.compile(rf"(?<=[{CJK}]) (?=[{CJK}])")


def join_cjk_space(text: str) -> str:
    """`长期以 来` → `长期以来`: one space between two CJK characters is a PDF line join (VARIANTS rule 19).

    Wider gaps (a tab, an ideographic space, a table's columns) are meant, and stay."""
    return _CJK_SPACE.sub("", text) if " " in text else text


_LATIN_END = re.compile(r"[A-Za-z0-9][.,;:)]?$")  # a Latin word or number, its punctuation after it
_LATIN_START = re.compile(r"[A-Za-z0-9]")


def join_wrapped(a: str, b: str) -> str:
    """Two pieces of a line broken in the middle: Chinese joins with nothing, Latin words with a space."""
    return a + " " + b if _LATIN_END.search(a) and _LATIN_START.match(b) else a + b


def cjk_count(text: str) -> int:
    return len(CJK_RE.findall(text))


def has_cjk_at_least(text: str, n: int) -> bool:
    """Whether text holds n CJK characters, without counting past n."""
    return re.match(f"(?:[^{CJK}]*[{CJK}]){{{n}}}", text) is not None
