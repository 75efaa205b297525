"""A Word document (.docx, Office Open XML) → its text, one paragraph a line, with what its styles
and properties say: the title (style ``Title``), the headings (styles ``Heading 1``–``Heading 3``,
``标题 1``… in a Chinese Word) and the document's core properties (title, author).

Read with python-docx. Tables and captions are left out of the text (the article view offers the original file
for them); the paragraphs of a text box or a header are not in the body and are not read.
Errors: ``Refused`` for a file python-docx cannot open.
"""

from __future__ import annotations

import io
import re

from . import markers as mk
from .decode import Refused
from .document_text import DOCX, DocumentText
from .refusal import REASONS
from .textclean import clean_text

_HEADING_STYLE = re.compile(r"^(?:Heading|标题|標題)\s*([1-9])$", re.IGNORECASE)
_CAPTION_STYLES = {"caption", "题注", "題注"}
_TITLE_STYLES = {"title", "标题", "標題"}
# What Word and WPS put in a document's author field when nobody typed one.
_NO_AUTHOR = re.compile(
    r"^(?:admin|administrator|user|users|microsoft.*|微软用户|微軟用戶|lenovo|dell|hp|pc|\W*)$", re.I
)


def read_docx(data: bytes) -> DocumentText:
    """The paragraphs of a .docx in reading order, its headings by style, title and author."""
    import docx  # only Word files pay for python-docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        raise Refused(f"{REASONS['docx_unreadable']} ({exc})") from None
    except Exception as exc:  # lxml's XMLSyntaxError and the like: a damaged package
        raise Refused(f"{REASONS['docx_unreadable']} ({type(exc).__name__})") from None
    lines: list[str] = []
    result = DocumentText("", DOCX)
    for paragraph in document.paragraphs:
        text = " ".join(paragraph.text.split())
        if not text:
            lines.append("")
            continue
        style = ((paragraph.style.name if paragraph.style is not None else "") or "").strip()
        caption = mk.CAPTION.match(text) and len(text) <= 60 and not text.endswith(("。", "."))  # not `表1显示…。`
        if style.lower() in _CAPTION_STYLES or caption:
            continue  # a figure's or table's caption: the table is left out, so is its caption
        level = _HEADING_STYLE.match(style)
        if style.lower() in _TITLE_STYLES and result.title is None:
            result.title = text
        elif level:  # keyed as the parser will see the line (ideographic and odd spaces made plain)
            result.headings[clean_text(text).strip()] = min(int(level.group(1)), 3)
        lines.append(text)
    result.text = "\n".join(lines)
    properties = document.core_properties
    shown = {" ".join(line.split()) for line in lines[:40]}
    if result.title is None and properties.title and " ".join(properties.title.split()) in shown:
        result.title = " ".join(properties.title.split())  # only a title the document itself shows
    author = (properties.author or "").strip()
    if author and not _NO_AUTHOR.match(author):
        names = [a.strip() for a in re.split(r"[;；,，、]", author) if a.strip()]
        head = "\n".join(lines[:40])
        result.authors = [n for n in names if n in head]  # the account's name is not an author
    return result
