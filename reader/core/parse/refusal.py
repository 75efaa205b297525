"""Texts that are no article: empty files, program source, Markdown documents, pages with neither
Chinese text nor an English paper. Each refusal says why, in a short English reason."""

from __future__ import annotations

import re

from . import markers as mk
from .english import looks_english
from .textclean import cjk_count, has_cjk_at_least

_CODE_LINE = re.compile(
    r"^\s*(?:#include|import\s|from\s+\S+\s+import|def\s|class\s|function\s|var\s|let\s|const\s|public\s|private\s|"
    r"return\b|if\s*\(|for\s*\(|while\s*\(|//|/\*|\*/|\}|\{|<\?php|package\s|using\s)|[;{}]\s*$"
)
# Code that holds Chinese strings or comments: an assignment, a call or a block opening around them.
_CODE_SYNTAX = re.compile(
    r"""^\s*[\w.\[\]"']+\s*[+\-*/]?=\s*\S|\)\s*[:{]\s*$|^\s*(?:print|console\.log|return)\b|["']\s*[,)]\s*$"""
)
# Lines no article has: a module's imports, a function's or class's definition, an interpreter line.
_DEFINITE_CODE = re.compile(
    r"^\s*(?:import\s+\w|from\s+[\w.]+\s+import\s|def\s+\w+\s*\(|async\s+def\s|class\s+\w+\s*[(:{]|#!\s*/|"
    r"#\s*-\*-|@\w+(?:\.\w+)*\s*(?:\(|$)|function\s+\w+\s*\(|(?:const|let|var)\s+\w+\s*=|#include\s*[<\"]|"
    r"public\s+(?:static\s+)?(?:class|void|int)\b|package\s+[\w.]+;)"
)
_MD_LINE = re.compile(r"^(?:#{1,6}\s|```|~~~|\s*[-*]\s\[[ x]\]|\s*!\[|\[[^\]]+\]\(http)")


def not_an_article(text: str) -> str | None:
    if not text.strip():
        return "empty file"
    head = text[:40000]
    if head.count(";") + head.count("{") + head.count("#") + head.count("import ") + head.count("def ") >= 5:
        rows = [ln for ln in head.split("\n", 400)[:400] if ln.strip()]
        definite = sum(1 for ln in rows if _DEFINITE_CODE.match(ln))
        if definite >= 3 and definite * 12 >= len(rows):  # program source, whatever Chinese it holds
            return "no article in it (looks like source code)"
        code = sum(1 for ln in rows if _CODE_LINE.search(ln) and (cjk_count(ln) < 4 or _CODE_SYNTAX.search(ln)))
        if rows and code / len(rows) > 0.25:
            return "no article in it (looks like source code)"
        md = sum(1 for ln in rows if _MD_LINE.match(ln))
        if md >= 3 and not any(mk.ABSTRACT.match(ln.strip()) for ln in rows[:200]):
            return "no article in it (looks like a Markdown document)"
    if not has_cjk_at_least(text, 50) and not looks_english(text):
        if cjk_count(text[:4000]) >= 4:  # a line or two of Chinese: a note, not an article
            return "no article in it (too short: fewer than 50 Chinese characters)"
        return "no article in it (no Chinese text, nor an English paper)"
    return None


# Why a file was refused: a code a window can translate, and the English reason the CLI prints. A
# refusal's text starts with its reason; what follows (in brackets or after a colon) is detail.
REASONS: dict[str, str] = {
    "empty": "empty file",
    "not_text": "not a text file",
    "source_code": "no article in it (looks like source code)",
    "markdown": "no article in it (looks like a Markdown document)",
    "no_language": "no article in it (no Chinese text, nor an English paper)",
    "too_short": "no article in it (too short: fewer than 50 Chinese characters)",
    "no_title": "no article in it (no title found)",
    "no_text": "no article in it (no text after the title)",
    "too_large": "too large to be a page dump",
    "not_regular": "not a regular file",
    "unreadable": "cannot read",
    "parse_failed": "could not be parsed",
    "store_failed": "could not be stored",
    "missing": "no such file or folder",
    "pdf_password": "a PDF with a password: open it in a PDF viewer, print or save it as a PDF without a password, "
    "and import that",
    "pdf_scan": "a PDF without a text layer (a scanned paper): run it through text recognition (OCR), "
    "or download the paper's text PDF, and import that",
    "pdf_unreadable": "not a PDF that can be read",
    "docx_unreadable": "not a Word document that can be read",
    "docx_password": "a Word document with a password: open it in Word or WPS, save it without the password, "
    "and import that",
    "old_word": "a legacy Word document (.doc): open it in Word or WPS, save it as .docx or PDF, and import that",
    "cnki_format": "a CNKI reader file (.caj/.kdh/.nh), which only CAJViewer opens: download the paper as PDF, "
    "or print it to PDF from CAJViewer, and import that",
    "zip_archive": "not a text file (a zip archive, not a Word document): unpack it and import its files",
}


def reason_code(reason: str) -> tuple[str | None, str]:
    """(code, detail) of a refusal's text: the code whose reason it starts with (None for an unknown
    one), and what follows that reason, without its brackets or colon."""
    text = reason.split(": ", 1)[1] if reason.startswith("/") and ": " in reason else reason  # `FILE: reason`
    for code, known in sorted(REASONS.items(), key=lambda kv: -len(kv[1])):
        if text.startswith(known):
            return code, text[len(known) :].strip(" :()")
    return None, text
