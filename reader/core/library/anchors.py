"""Finding a highlight's quote again in a section's text after the text changed."""

from __future__ import annotations

from typing import NamedTuple

CONTEXT = 24  # characters of prefix and suffix kept with a highlight


class Anchor(NamedTuple):
    section: int
    start: int
    end: int


def context(text: str, start: int, end: int) -> tuple[str, str]:
    return text[max(0, start - CONTEXT) : start], text[end : end + CONTEXT]


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[n] == b[n]:
        n += 1
    return n


def _best_in(text: str, quote: str, prefix: str, suffix: str, near: int) -> tuple[int, int] | None:
    """(score, start) of the occurrence of quote whose surroundings match best."""
    best: tuple[int, int] | None = None
    at = text.find(quote)
    while at >= 0:
        before = text[max(0, at - CONTEXT) : at]
        after = text[at + len(quote) : at + len(quote) + CONTEXT]
        score = _common_suffix(before, prefix) + _common_prefix(after, suffix)
        score = score * 100_000 - abs(at - near)
        if best is None or score > best[0]:
            best = (score, at)
        at = text.find(quote, at + 1)
    return best


def locate(
    texts: list[str],
    headings: list[str],
    quote: str,
    prefix: str,
    suffix: str,
    section: int,
    heading: str,
    start: int,
) -> Anchor | None:
    """Where the quote stands now: in the section of the same heading first, then anywhere."""
    if not quote:
        return None
    preferred = [i for i, h in enumerate(headings) if h == heading] or ([section] if section < len(texts) else [])
    for group in (preferred, [i for i in range(len(texts)) if i not in preferred]):
        found = [(hit, i) for i in group if (hit := _best_in(texts[i], quote, prefix, suffix, start))]
        if found:
            (_, at), i = max(found)
            return Anchor(i, at, at + len(quote))
    return None
