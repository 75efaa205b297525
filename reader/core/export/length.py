"""How long study notes are, counted as Word counts 字数, and the target a note template sets.

Word's 字数 is the Chinese characters (with the full-width punctuation among them) plus the words
in Latin letters or digits: ``学习 Python 3 心得。`` is 4 + 2 + 1 = 7. The count is of the text a
reader sees, so the Markdown's own marks (``#``, ``**``, ``>``, ``-``, a link's address) are not
counted: the note is read by markdown-it-py first. A note (or the template it began from) sets a
target in its YAML front matter, ``目标字数: 1500``; the front matter is no part of the text.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from markdown_it import MarkdownIt

from ..library.store import Library

_PARSER = MarkdownIt("commonmark")
_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)
# CJK ideographs (with extensions and compatibility forms), CJK punctuation, full-width forms.
_ASIAN = re.compile(
    r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff01-\uff60\uffe0-\uffe6"
    r"\U00020000-\U0003134f\u2018\u2019\u201c\u201d\u2014\u2026]"
)
_WORD = re.compile(r"[A-Za-z0-9\u00c0-\u024f]+(?:['’.\-][A-Za-z0-9\u00c0-\u024f]+)*")
TARGET = "目标字数"


def front_matter(text: str) -> tuple[dict[str, Any], str]:
    """(the note's YAML front matter, the rest); ({}, text) when it has none (or it is not a mapping)."""
    m = _FRONT.match(text)
    if not m:
        return {}, text
    try:
        data = yaml.safe_load(m[1] or "")
    except yaml.YAMLError:
        return {}, text
    return (data, text[m.end() :]) if isinstance(data, dict) else ({}, text)


def body(text: str) -> str:
    """The note without its front matter: what is exported and counted."""
    return front_matter(text)[1]


def visible_text(markdown: str) -> str:
    """The text a reader sees of some Markdown: inline text, code, alt text; no marks, no addresses."""
    parts: list[str] = []
    for token in _PARSER.parse(markdown):
        if token.type in ("fence", "code_block", "html_block"):
            parts.append(token.content)
        elif token.type == "inline":
            parts += [c.content for c in token.children or [] if c.type in ("text", "code_inline", "image")]
            parts.append("\n")
    return "".join(parts)


def word_count(text: str) -> int:
    """字数 as Word counts it: Chinese characters and punctuation, plus Latin words, of the note's text."""
    seen = visible_text(body(text))
    return len(_ASIAN.findall(seen)) + len(_WORD.findall(seen))


def target(text: str) -> int | None:
    """The note's 目标字数 (a whole number above 0), if its front matter sets one."""
    value = front_matter(text)[0].get(TARGET)
    try:
        number = int(str(value).strip()) if value is not None else 0
    except ValueError:
        return None
    return number if number > 0 else None


def shortfall(text: str) -> tuple[int, int] | None:
    """(字数, 目标字数) when the note is under its target; None when it has none or reaches it."""
    goal = target(text)
    count = word_count(text)
    return (count, goal) if goal is not None and count < goal else None


def short_notes(library: Library, article_ids: list[int]) -> list[tuple[str, int, int]]:
    """(title, 字数, 目标字数) of each article whose study notes are under the target they set."""
    found = []
    for article_id in article_ids:
        short = shortfall(library.note("article", article_id))
        meta = library.article_meta(article_id)
        if short and meta is not None:
            found.append((meta["title"], *short))
    return found
