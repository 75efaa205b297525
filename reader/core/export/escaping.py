"""Text from dumps as Markdown that shows it as it is: the one escaping function of the export.

Whatever an imported title, heading, quote or reference holds (``![x](http://…)``,
``[点我](javascript:…)``, ``<img>``, ``[[wikilink]]``, ``{: onclick=…}``, ``# heading``), it comes out
as that text: no link, image, HTML, heading, list or attribute. ``& < >`` become entities (a
backslash before ``<`` is not understood everywhere); the other characters that start Markdown get
a backslash, which CommonMark, Obsidian and python-markdown all read as "this character itself".
The reader's own notes and tags are their Markdown and are never passed through here.
"""

from __future__ import annotations

import re

# `[` opens every link, image, footnote, wikilink and reference, `]` closes a link's text (a title
# put into a link of the export's own must not end it early); `*`, `_`, backticks make emphasis and
# code; `{` an attribute list (python-markdown's attr_list); `#` a heading or an Obsidian tag; `|` a table.
_INLINE = re.compile(r"([\\`*_{}\[\]#|])")
# At the start of a line: indentation (a code block), list items (`- `, `+ `, `1. `, `1) `), a
# definition (`: `), a fence (`~~~`) or a heading's underline (`===`). Entities there, since a
# backslash before `:`, `=` or `~` is not read as an escape everywhere.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # python-markdown's own placeholders are made of \x02 and \x03
_INDENT = re.compile(r"^[ \t]+", re.MULTILINE)
_LINE_START = re.compile(r"^(?:([-+:=~])|(\d+)([.)]))", re.MULTILINE)


def _entity(m: re.Match[str]) -> str:
    return f"&#{ord(m[1])};" if m[1] else f"{m[2]}&#{ord(m[3])};"


def escape_markdown(text: str) -> str:
    """Imported text as Markdown that renders as exactly this text (less indentation at line starts and
    control characters, which no text needs and a renderer may take for its own)."""
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))  # the line ends every renderer sees
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _INLINE.sub(r"\\\1", text)
    return _LINE_START.sub(_entity, _INDENT.sub("", text))


def quote_block(text: str) -> str:
    """Imported text as a Markdown blockquote, line by line."""
    return "\n".join(f"> {escape_markdown(line)}" if line else ">" for line in text.splitlines() or [""])


# What an Obsidian tag may hold after its `#`: letters and digits of any script, `_`, `-` and `/`
# (nesting). Anything else (a space, `,`, `.`, `#`, punctuation, markup) ends the tag where Obsidian reads it.
_NOT_IN_TAG = re.compile(r"[^\w/-]+")


def obsidian_tag(tag: str) -> str:
    """``#`` and a valid Obsidian tag for any tag the reader typed: every run of characters a tag
    cannot hold becomes one ``_``, and a tag of digits alone (``2024``, which Obsidian takes for no
    tag) gets a leading ``_``. The one way every export path writes a tag into Markdown; YAML keeps
    tags as typed."""
    body = re.sub(r"/{2,}", "/", _NOT_IN_TAG.sub("_", tag)).strip("_/")
    if not body.replace("_", "").replace("/", "").isdigit() and body:
        return "#" + body
    return "#_" + body
