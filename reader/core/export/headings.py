"""The reader's own Markdown fitted under a heading of the export: its headings demoted, found by parsing.

A note's ``# 学习心得`` sits under the export's ``## 学习笔记``: it must come out as ``### 学习心得``.
The headings are found by markdown-it-py (CommonMark), never by a pattern over the text, so that
a ``# comment`` in a fenced code block, a ``#`` inside a quote or an HTML block stays as written.
Only the heading lines change; every other line is the note's own. Headings inside a blockquote or
a list are left as they are (they live in their container, not in the document's outline).
"""

from __future__ import annotations

from markdown_it import MarkdownIt

_PARSER = MarkdownIt("commonmark")


def heading_levels(text: str) -> list[int]:
    """The levels of the top-level headings of ``text``, in order (as CommonMark reads them)."""
    return [int(t.tag[1]) for t in _PARSER.parse(text) if t.type == "heading_open" and t.level == 0]


def demote(text: str, under: int) -> str:
    """``text`` with its top-level headings moved down so that the highest becomes level ``under + 1``
    (never above 6), the others keeping their distance from it. Setext headings (``===``, ``---``)
    become ATX headings of the new level."""
    tokens = _PARSER.parse(text)
    found = [t for t in tokens if t.type == "heading_open" and t.level == 0 and t.map]
    if not found:
        return text
    shift = max(0, under + 1 - min(int(t.tag[1]) for t in found))
    if shift == 0:
        return text
    lines = text.split("\n")
    wanted = {id(t) for t in found}
    inline = {id(t): tokens[i + 1] for i, t in enumerate(tokens) if id(t) in wanted}
    for token in reversed(found):  # bottom up: a setext heading's two lines becoming one moves nothing above it
        start, end = token.map
        level = min(6, int(token.tag[1]) + shift)
        if token.markup.startswith("#"):
            line = lines[start]
            indent = len(line) - len(line.lstrip(" "))
            lines[start] = " " * indent + "#" * level + line[indent + len(token.markup) :]
        else:  # setext: the content lines, then the underline
            content = inline[id(token)].content.replace("\n", " ")
            lines[start:end] = ["#" * level + " " + content]
    return "\n".join(lines)
