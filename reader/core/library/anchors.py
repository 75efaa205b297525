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


def occurrence(text: str, quote: str, start: int) -> int:
    """Which occurrence of ``quote`` in ``text`` the one at ``start`` is (0 for the first)."""
    n, at = 0, text.find(quote) if quote else -1
    while 0 <= at < start:
        n += 1
        at = text.find(quote, at + 1)
    return n


def _flat(text: str) -> tuple[str, list[int]]:
    """``text`` without line breaks, and where each of its characters stands in ``text``."""
    kept = [i for i, ch in enumerate(text) if ch not in "\r\n"]
    return "".join(text[i] for i in kept), kept


def _best_in(
    text: str, quote: str, prefix: str, suffix: str, near: int, nth: int | None
) -> tuple[int, int, int] | None:
    """(score, start, end) of the occurrence of quote whose surroundings match best; ties go to the
    occurrence of the same number as before (``nth``), then to the one nearest the old offset.

    The quote is looked for as it is, then with line breaks ignored on both sides (two paragraphs
    that a corrected dump joins into one, or one it splits)."""
    found = _occurrences(text, quote, prefix, suffix)
    if not found:
        flat, where = _flat(text)
        flat_quote = _flat(quote)[0]
        if not flat_quote or (flat_quote == quote and flat == text):
            return None
        found = [
            (score, where[a], where[b - 1] + 1)
            for score, a, b in _occurrences(flat, flat_quote, _flat(prefix)[0], _flat(suffix)[0])
        ]
    best: tuple[tuple[int, int, int], int, int] | None = None
    for k, (score, a, b) in enumerate(found):
        rank = (score, -abs(k - nth) if nth is not None else 0, -abs(a - near))
        if best is None or rank > best[0]:
            best = (rank, a, b)
    if best is None:
        return None
    return best[0][0], best[1], best[2]


def _occurrences(text: str, quote: str, prefix: str, suffix: str) -> list[tuple[int, int, int]]:
    """(context score, start, end) of every occurrence of quote, in order."""
    out = []
    at = text.find(quote)
    while at >= 0:
        before = text[max(0, at - CONTEXT) : at]
        after = text[at + len(quote) : at + len(quote) + CONTEXT]
        out.append((_common_suffix(before, prefix) + _common_prefix(after, suffix), at, at + len(quote)))
        at = text.find(quote, at + 1)
    return out


def locate(
    texts: list[str],
    headings: list[str],
    quote: str,
    prefix: str,
    suffix: str,
    section: int,
    heading: str,
    start: int,
    nth: int | None = None,
) -> Anchor | None:
    """Where the quote stands now: in the section of the same heading first, then anywhere.

    ``nth`` is which occurrence of the quote it was in its old section (``occurrence``): a paragraph
    that stands twice keeps its highlight on the copy it was on, wherever earlier text grew."""
    if not quote:
        return None
    preferred = [i for i, h in enumerate(headings) if h == heading] or ([section] if section < len(texts) else [])
    for group in (preferred, [i for i in range(len(texts)) if i not in preferred]):
        found = [(hit, i) for i in group if (hit := _best_in(texts[i], quote, prefix, suffix, start, nth))]
        if found:
            (_, at, end), i = max(found, key=lambda f: f[0][0])
            return Anchor(i, at, end)
    return None
