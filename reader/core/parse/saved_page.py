"""A saved web page to the text a person would have copied from it.

The standard library's HTML parser is tolerant of broken markup and keeps no
state between pages; this module only decides where lines break and what is
never text (scripts, styles, forms).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

_BLOCK = {
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
    "title",
}
_SKIP = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object", "select", "button"}
_VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "wbr"}


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.meta: dict[str, list[str]] = {}  # name or property (lower case) → contents, in order
        self.h1: list[str] = []
        self._in_h1 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            found = dict(attrs)
            key = (found.get("name") or found.get("property") or "").strip().lower()
            if key and found.get("content"):
                self.meta.setdefault(key, []).append(str(found["content"]).strip())
            return
        if tag == "h1" and not self.skip_depth:
            self._in_h1 = True
            self.h1.append("")
        if tag in _SKIP and tag not in _VOID:
            self.skip_depth += 1
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "h1":
            self._in_h1 = False
        if tag in _SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self.parts.append(re.sub(r"[ \t\r\n]+", " ", data))
            if self._in_h1:
                self.h1[-1] += data


_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta)\b", re.I | re.S)


def looks_like_html(data: bytes, name: str = "") -> bool:
    if name.lower().endswith((".html", ".htm", ".xhtml", ".mht")):
        return True
    head = data[:2048].lstrip(b"\xef\xbb\xbf")
    return bool(_HTML_START.match(head))


def html_charset(data: bytes) -> str | None:
    """The charset a page declares in its meta tag, if any."""
    m = re.search(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_-]+)", data[:4096], re.I)
    return m.group(1).decode("ascii").lower() if m else None


@dataclass
class PageMeta:
    """What a saved page says of itself: Highwire Press `citation_*` tags (as Google Scholar reads them),
    Dublin Core `DC.*`, Open Graph `og:title`, and its first `<h1>`."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    journal: str | None = None
    year: int | None = None
    keywords: list[str] = field(default_factory=list)
    abstract: str | None = None
    doi: str | None = None


def _first(meta: dict[str, list[str]], *keys: str) -> str | None:
    return next((meta[k][0] for k in keys if meta.get(k) and meta[k][0]), None)


def page_meta(html: str) -> PageMeta:
    """The page's own metadata; fields it does not give stay empty."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    meta = collector.meta
    h1 = next((" ".join(t.split()) for t in collector.h1 if t.strip()), None)
    og = _first(meta, "og:title")
    if og and h1 is None:
        og = _SITE_SUFFIX.sub("", og)
    date = _first(meta, "citation_publication_date", "citation_date", "citation_online_date", "dc.date")
    year = re.search(r"(?:19|20)\d{2}", date or "")
    keywords = [k.strip() for v in meta.get("citation_keywords", []) for k in re.split(r"[;；,，]", v) if k.strip()]
    return PageMeta(
        title=_first(meta, "citation_title", "dc.title") or h1 or og,
        authors=meta.get("citation_author", []) or meta.get("dc.creator", []),
        journal=_first(meta, "citation_journal_title", "citation_conference_title"),
        year=int(year.group()) if year else None,
        keywords=keywords,
        abstract=_first(meta, "citation_abstract"),
        doi=_first(meta, "citation_doi", "dc.identifier.doi"),
    )


_SITE_SUFFIX = re.compile(r"\s*(?:[-–—_|｜]\s*[^-–—_|｜]{1,24})$")  # `标题 - 某某网`


def html_to_text(html: str) -> str:
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    text = "".join(collector.parts)
    lines = (line.strip() for line in text.split("\n"))
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip() + "\n"
