"""Where an article's parts stand in the article view's document, found in one pass over its blocks.

The rendered HTML (``article_html``) gives every heading, paragraph and reference a block of its
own, in the article's order, and no per-part anchor (Qt's HTML import is quadratic in anchors).
``map_blocks`` walks the blocks once and matches them in that order: linear in the document.

The view renders white space its own way (Qt's HTML import makes a run of spaces, a TAB or a
line break one space, and drops it at the ends of a block), so a paragraph is matched to its
block by ``align``, which pairs the stored characters with the shown ones and lets any run of
white space stand for any other: every stored character has a view position and every view
position a stored character, however the view renders white space.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from PySide6.QtGui import QTextDocument

from reader.core.model import Article

_SPACES = re.compile(r"[ \t\n\r\f]+")


class Paragraph(NamedTuple):
    section: int
    paragraph: int
    start: int  # offset of the paragraph in its section's text (paragraphs joined by newlines)
    position: int  # where the paragraph's block starts in the document
    length: int  # in characters, as Python counts them
    text: str
    to_view: tuple[int, ...] = ()  # stored offset k (0..length) → Qt units from the block's start
    to_stored: tuple[int, ...] = ()  # Qt units from the block's start → stored offset

    def view(self, k: int) -> int:
        """Document position of the stored offset ``k`` (clamped to the paragraph)."""
        return self.position + self.to_view[min(max(0, k), self.length)]

    def stored(self, units: int) -> int:
        """Stored offset at ``units`` Qt units into the block (clamped to the block)."""
        return self.to_stored[min(max(0, units), len(self.to_stored) - 1)]

    @property
    def units(self) -> int:
        """The block's length in Qt units."""
        return len(self.to_stored) - 1


@dataclass
class ArticleMap:
    paragraphs: list[Paragraph] = field(default_factory=list)  # in order
    by_place: dict[tuple[int, int], Paragraph] = field(default_factory=dict)  # (section, paragraph) →
    by_section: dict[int, list[Paragraph]] = field(default_factory=dict)  # a section's, in order
    headings: dict[int, int] = field(default_factory=dict)  # section → position of its heading's block
    references: dict[int, int] = field(default_factory=dict)  # reference number → position of its block

    def section_start(self, section: int) -> int | None:
        """Where a section begins: its heading, else its first paragraph."""
        if section in self.headings:
            return self.headings[section]
        first = self.by_place.get((section, 0))
        return first.position if first is not None else None


def _shown(text: str) -> str:
    """Text as Qt's HTML import leaves it: runs of white space made one space, none at the ends."""
    return _SPACES.sub(" ", text).strip()


def align(stored: str, shown: str) -> tuple[list[int], list[int]] | None:
    """(stored → shown, shown → stored) character offsets, both ends included, when the two texts
    differ only in white space (a run of any white space, or none, for a run of any other); else None.

    Both maps are monotone; a character that is not white space maps to the same character."""
    to_shown = [0] * (len(stored) + 1)
    to_stored = [0] * (len(shown) + 1)
    i = j = 0
    while i < len(stored) or j < len(shown):
        if (i < len(stored) and stored[i].isspace()) or (j < len(shown) and shown[j].isspace()):
            i0, j0 = i, j
            while i < len(stored) and stored[i].isspace():
                i += 1
            while j < len(shown) and shown[j].isspace():
                j += 1
            for k in range(i0, i):
                to_shown[k] = min(j0 + (k - i0), j)
            for k in range(j0, j):
                to_stored[k] = min(i0 + (k - j0), i)
        elif i < len(stored) and j < len(shown) and stored[i] == shown[j]:
            to_shown[i], to_stored[j] = j, i
            i, j = i + 1, j + 1
        else:
            return None
    to_shown[len(stored)], to_stored[len(shown)] = len(shown), len(stored)
    return to_shown, to_stored


def _in_units(text: str, to_text: list[int], to_other: list[int]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Turn the maps of ``align`` into Qt units of the shown ``text`` (UTF-16: 𠀀 is two units)."""
    units = [0]
    for ch in text:
        units.append(units[-1] + (2 if ord(ch) > 0xFFFF else 1))
    to_view = tuple(units[j] for j in to_other)
    to_stored: list[int] = []
    for j, ch in enumerate(text):
        to_stored += [to_text[j]] * (2 if ord(ch) > 0xFFFF else 1)
    to_stored.append(to_text[len(text)])
    return to_view, tuple(to_stored)


def map_blocks(document: QTextDocument, article: Article) -> ArticleMap:
    wanted: list[tuple[str, int, int, str]] = []  # (kind, section or number, paragraph, text)
    offsets: dict[tuple[int, int], int] = {}
    for si, s in enumerate(article.sections):
        if s.heading:
            wanted.append(("heading", si, 0, _shown(s.heading)))
        at = 0
        for pi, para in enumerate(s.paragraphs):
            offsets[(si, pi)] = at
            at += len(para) + 1
            wanted.append(("paragraph", si, pi, para))
    wanted += [("reference", n, 0, _shown(f"[{n}] {ref}")) for n, ref in enumerate(article.references, start=1)]
    found = ArticleMap()
    k = 0
    block = document.begin()
    while block.isValid() and k < len(wanted):
        kind, a, b, text = wanted[k]
        shown = block.text()
        maps = align(text, shown) if kind == "paragraph" else None
        if maps is not None:
            to_view, to_stored = _in_units(shown, maps[1], maps[0])
            p = Paragraph(a, b, offsets[(a, b)], block.position(), len(text), text, to_view, to_stored)
            found.paragraphs.append(p)
            found.by_place[(a, b)] = p
            found.by_section.setdefault(a, []).append(p)
            k += 1
        elif kind == "heading" and _shown(shown) == text:
            found.headings[a] = block.position()
            k += 1
        elif kind == "reference" and _shown(shown).startswith(text):
            found.references[a] = block.position()
            k += 1
        block = block.next()
    return found


def abstract_position(document: QTextDocument, abstract: str | None) -> int:
    """Where the abstract's text begins in the document (below the title and keywords), else 0."""
    words = (abstract or "").split()
    head = words[0][:12] if words else ""
    block = document.begin()
    while head and block.isValid():
        if block.text().lstrip().startswith(head):
            return block.position()
        block = block.next()
    return 0
