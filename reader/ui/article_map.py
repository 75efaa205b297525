"""Where an article's parts stand in the article view's document, found in one pass over its blocks.

The rendered HTML (``article_html``) gives every heading, paragraph and reference a block of its
own, in the article's order, and no per-part anchor (Qt's HTML import is quadratic in anchors).
``map_blocks`` walks the blocks once and matches them in that order: linear in the document.
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
        if kind == "paragraph" and shown == text:
            p = Paragraph(a, b, offsets[(a, b)], block.position(), len(text), text)
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
