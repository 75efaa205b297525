"""Notes and highlights leave the app as Markdown: one file an article, a course folder, a themed digest.

Layouts are Jinja2 templates: the default ships in resources/export/, a user's own
go in the library folder's export/ folder, and all run sandboxed. Imported text is escaped
(``escaping.escape_markdown``) before a template sees it, so that it can never become a link,
an image or HTML; the reader's own notes are their Markdown, untouched. Only ``meta`` holds
the raw values (for a front matter of a template's own).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
import yaml
from jinja2.sandbox import SandboxedEnvironment

from .. import files
from ..library.store import Library
from .csl import csl_item
from .escaping import escape_markdown, obsidian_tag, quote_block
from .gbt7714 import gbt7714
from .headings import demote
from .length import body
from .references import reference_items

SHIPPED = Path(__file__).resolve().parents[3] / "resources" / "export"
MAX_NAME = 80  # characters of a file name before its ending
MAX_BYTES = 255  # UTF-8 bytes of a whole file name (numbering and ending counted): ext4, APFS, NTFS
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
# Forbidden somewhere (Windows), or breaking an Obsidian link to the file: `#` `^` `[` `]` `|`.
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*#^\[\]]+')


class ExportError(Exception):
    """A one-line reason an export cannot be done (a file exists, no such article …)."""


def safe_name(title: str | None, taken: set[str], suffix: str = ".md") -> str:
    """A file name from a title, valid on Windows, macOS and Linux, unique among ``taken`` (case-blind)."""
    name = unicodedata.normalize("NFC", title or "")
    name = _UNSAFE.sub(" ", name)
    name = re.sub(r"\s+", " ", name).strip().strip(".").strip()
    name = name[:MAX_NAME].rstrip(". ") or "未命名"
    if name.split(".")[0].upper() in _RESERVED:
        name = "_" + name
    candidate, n = _fit(name, suffix), 1
    while (candidate + suffix).casefold() in taken:
        n += 1
        candidate = _fit(name, f" ({n}){suffix}") + f" ({n})"
    taken.add((candidate + suffix).casefold())
    return candidate + suffix


def _fit(name: str, ending: str) -> str:
    """``name`` cut (at a character) so that it and ``ending`` take at most MAX_BYTES bytes of UTF-8."""
    room = MAX_BYTES - len(ending.encode("utf-8"))
    while len(name.encode("utf-8")) > room:
        name = name[: max(0, len(name) - 1 - (len(name.encode("utf-8")) - room) // 4)]
    return name.rstrip(". ") or "_"


def link(name: str) -> str:
    """A file name as a Markdown link target: everything but letters, digits and ``.~-_`` percent-encoded
    (a space, ``(``, ``)``, ``#``, ``%`` would end or change the link); Chinese stays readable."""
    return re.sub(r"[^\w.~-]", lambda m: quote(m[0]), name)


def inside(folder: Path, name: str) -> Path:
    """The path of ``name`` in ``folder``; refuses anything that would land elsewhere."""
    base = folder.resolve()
    path = (base / name).resolve()
    if path.parent != base:
        raise ExportError(f"{name!r} would be written outside {base}")
    return path


@dataclass
class Exporter:
    library: Library
    data_dir: Path | None = None
    template: str | None = None  # name of a template in the library folder's export/ folder
    today: dt.date = field(default_factory=dt.date.today)

    def _environment(self) -> jinja2.Environment:
        folders = [str(self.data_dir / "export")] if self.data_dir else []
        env = SandboxedEnvironment(  # a template from the library folder reaches no Python object's insides
            loader=jinja2.FileSystemLoader([*folders, str(SHIPPED)]),
            autoescape=False,  # Markdown, not HTML: imported text is escaped where it is put in
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            undefined=jinja2.StrictUndefined,
        )
        env.filters["tag"] = obsidian_tag
        return env

    def _template(self) -> jinja2.Template:
        name = f"{self.template}.md.j2" if self.template else "article.md.j2"
        try:
            return self._environment().get_template(name)
        except jinja2.TemplateNotFound as exc:
            raise ExportError(f"no export template called {self.template!r}") from exc
        except jinja2.TemplateError as exc:
            raise ExportError(f"the export template {name} cannot be read: {exc}") from exc

    # -- one article --------------------------------------------------------

    def context(self, article_id: int) -> dict[str, Any]:
        """Everything a template can use for one article."""
        meta = self.library.article_meta(article_id)
        article = self.library.article(article_id)
        if meta is None or article is None:
            raise ExportError(f"no article {article_id}")
        meanings = self.library.color_meanings()
        courses = [c["name"] for c in self.library.article_collections(article_id)]
        tags = self.library.article_tags(article_id)
        citation = gbt7714(meta)
        front = {
            "title": meta["title"],
            "authors": meta["authors"],
            "source": meta["source"],
            "year": meta["year"],
            "keywords": meta["keywords"],
            "tags": tags,
            "course": courses,
            "citation": citation,
            "id": article_id,
            "exported": self.today.isoformat(),
        }
        groups: dict[int, list[dict[str, Any]]] = {}
        whole: dict[int, tuple[dict[str, Any], list[str]]] = {}  # first part's id → (its item, the quotes)
        for h in self.library.highlights(article_id):
            section = h["section_position"]
            text = "\n".join(article.sections[section].paragraphs) if section < len(article.sections) else ""
            paragraph = text.count("\n", 0, h["start"]) + 1
            heading = article.sections[section].heading if section < len(article.sections) else h["section_heading"]
            location = "（无法定位）" if h["orphaned"] else f"{escape_markdown(heading or '正文')}，第 {paragraph} 段"
            if h.get("link") in whole:  # a later part of a highlight across a heading: one quote with the first
                item, quotes = whole[h["link"]]
                quotes.append(h["quote"])
                item["quote"] = escape_markdown("\n".join(quotes))
                item["quote_block"] = quote_block("\n".join(quotes))
                item["location"] += f" 至 {location}"
                continue
            groups.setdefault(-1 if h["orphaned"] else section, []).append(
                {
                    "quote": escape_markdown(h["quote"]),
                    "quote_block": quote_block(h["quote"]),
                    "color": h["color"],
                    "meaning": escape_markdown(meanings[h["color"]] if h["color"] < len(meanings) else ""),
                    "location": location,
                    "note": h["note"],
                    "note_block": in_quote(demote(h["note"], 3)) if h["note"] else "",
                    "tags": self.library.highlight_tags(h["id"]),
                    "citation": escape_markdown(citation),
                }
            )
            whole[h["id"]] = (groups[-1 if h["orphaned"] else section][-1], [h["quote"]])
        ordered = sorted(groups.items(), key=lambda kv: (kv[0] < 0, kv[0]))
        highlights = [
            ("无法定位的划线" if section < 0 else escape_markdown(article.sections[section].heading or "正文"), items)
            for section, items in ordered
        ]
        return {
            "front_matter": yaml.safe_dump(front, allow_unicode=True, sort_keys=False).strip(),
            "meta": front,
            "title": escape_markdown(meta["title"]),
            "citation": escape_markdown(citation),
            "highlights": highlights,
            "note": demote(body(self.library.note("article", article_id)), 2),  # its front matter is the template's
            "references": [escape_markdown(r) for r in article.references],
        }

    def article_markdown(self, article_id: int) -> str:
        template, context = self._template(), self.context(article_id)
        try:
            text = template.render(**context)
        except jinja2.TemplateError as exc:  # a user's template: a mistake or a sandbox refusal
            raise ExportError(f"the export template failed: {exc}") from exc
        return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"

    # -- writing files ------------------------------------------------------

    def _write(self, path: Path, text: str, force: bool) -> Path:
        """Written under a temporary name and renamed: a kill leaves the old file or the whole new one."""
        if path.exists() and not force:
            raise ExportError(f"{path} exists (use --force to overwrite it)")
        return files.write_text(path, text)

    def export_articles(self, article_ids: list[int], folder: Path, force: bool = False) -> list[Path]:
        folder.mkdir(parents=True, exist_ok=True)
        taken: set[str] = set()
        planned = []
        for article_id in article_ids:
            meta = self.library.article_meta(article_id)
            if meta is None:
                raise ExportError(f"no article {article_id}")
            planned.append((article_id, inside(folder, safe_name(meta["title"], taken))))
        if not force:
            existing = [str(p) for _, p in planned if p.exists()]
            if existing:
                raise ExportError(f"{existing[0]} exists (use --force to overwrite it)")
        return [self._write(path, self.article_markdown(a), True) for a, path in planned]

    def export_course(self, collection_id: int, folder: Path, force: bool = False) -> list[Path]:
        """A folder: index.md (the course notes and a link to each article's file), then the articles."""
        name = next((c["name"] for c in self.library.collections() if c["id"] == collection_id), None)
        if name is None:
            raise ExportError(f"no course {collection_id}")
        ids = self.library.collection_articles(collection_id)
        index = inside(folder, "index.md")
        if index.exists() and not force:
            raise ExportError(f"{index} exists (use --force to overwrite it)")
        files = self.export_articles(ids, folder, force)
        lines = [f"# {escape_markdown(name)}", ""]
        note = self.library.note("collection", collection_id)
        if note:
            lines += [demote(body(note), 1).strip(), ""]
        lines += ["## 文章", ""]
        for article_id, path in zip(ids, files, strict=True):
            meta = self.library.article_meta(article_id)
            assert meta is not None
            lines.append(f"- [{escape_markdown(meta['title'])}]({link(path.name)}) — {escape_markdown(gbt7714(meta))}")
        self._write(index, "\n".join(lines) + "\n", True)
        return [index, *files]

    def export_theme(
        self, collection_id: int, out: Path, color: int | None = None, tag: str | None = None, force: bool = False
    ) -> Path:
        """专题摘编: the highlights of one colour or one tag across a course, each with its citation."""
        meanings = self.library.color_meanings()
        topic = tag if tag is not None else (meanings[color] if color is not None else "全部划线")
        lines = [f"# 专题摘编：{escape_markdown(topic)}", ""]
        for article_id in self.library.collection_articles(collection_id):
            items = [
                h
                for _, group in self.context(article_id)["highlights"]
                for h in group
                if (color is None or h["color"] == color) and (tag is None or tag in h["tags"])
            ]
            for h in items:
                lines += [h["quote_block"], ">", f"> ——{h['citation']}（{h['location']}）"]
                lines += [">", in_quote(demote(h["note"], 1))] if h["note"] else []
                lines.append("")
        return self._write(out, "\n".join(lines).rstrip() + "\n", force)

    def export_csl(self, article_ids: list[int], out: Path, force: bool = False) -> Path:
        """The articles and their references (read from their GB/T 7714 text) as CSL-JSON."""
        items = []
        for article_id in article_ids:
            meta = self.library.article_meta(article_id)
            article = self.library.article(article_id)
            if meta is not None:
                items.append(csl_item(meta))
                items += reference_items(article_id, article.references if article else [])
        return self._write(out, json.dumps(items, ensure_ascii=False, indent=1) + "\n", force)


def in_quote(markdown: str) -> str:
    """The reader's own Markdown inside a blockquote, line by line (so that it reads with the quote above it)."""
    return "\n".join(f"> {line}" if line.strip() else ">" for line in markdown.strip().split("\n"))


def highlight_markdown(quote: str, meaning: str, location: str, note: str, tags: list[str]) -> str:
    """One highlight as Markdown, for the clipboard: the quote, its place, its note and its tags, one blockquote."""
    text = f"{quote_block(quote)}\n>\n> ——{escape_markdown(meaning)} · {escape_markdown(location)}\n"
    if note:
        text += f">\n{in_quote(note)}\n"
    if tags:
        text += ">\n> 标签：" + " ".join(obsidian_tag(t) for t in tags) + "\n"
    return text
