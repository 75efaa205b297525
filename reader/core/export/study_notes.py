"""Study notes: Markdown to HTML for the preview and exports, note templates, quoting a highlight."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import markdown
from markdown.extensions.toc import TocExtension, slugify_unicode

from .. import files
from .escaping import escape_markdown, quote_block

TEMPLATES = Path(__file__).resolve().parents[3] / "resources" / "templates"


def markdown_to_html(text: str) -> str:
    """Notes as HTML. Raw HTML in a note stays text, so nothing in it can load or run;
    Chinese headings get readable anchors (`学习体会`, not `_1`)."""
    md = markdown.Markdown(extensions=["extra", "sane_lists", TocExtension(slugify=slugify_unicode)])
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md.convert(text)


def template_folder(data_dir: Path) -> Path:
    """The user's templates, first filled from the ones shipped with the app.

    Filled under a temporary name and renamed whole, so that a kill midway never leaves a folder that
    counts as filled while it lacks templates (or holds a torn one)."""
    folder = data_dir / "templates"
    if not folder.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        filling = Path(tempfile.mkdtemp(dir=data_dir, prefix=".templates.", suffix=files.PARTIAL))
        try:
            os.chmod(filling, files.new_folder_mode())  # mkdtemp makes it owner-only
            for shipped in sorted(TEMPLATES.glob("*.md")):
                files.copy(shipped, filling / shipped.name)
            os.rename(filling, folder)  # fails if another process filled it first: theirs is kept
        except OSError:
            if not folder.exists():
                raise
        finally:
            shutil.rmtree(filling, ignore_errors=True)
        files.fsync_folder(data_dir)
    return folder


def templates(data_dir: Path) -> dict[str, str]:
    """Template name (file stem) → its Markdown, in name order."""
    folder = template_folder(data_dir)  # only regular files: a FIFO named x.md would block the window
    return {p.stem: p.read_text(encoding="utf-8", errors="replace") for p in sorted(folder.glob("*.md")) if p.is_file()}


def quote_highlight(quote: str, title: str, section: str, paragraph: int, meaning: str) -> str:
    """A highlight as a Markdown blockquote with where it stands; the dump's text escaped (``escaping``)."""
    where = "，".join(x for x in (f"《{escape_markdown(title)}》", escape_markdown(section), f"第 {paragraph} 段") if x)
    return f"{quote_block(quote)}\n>\n> ——{where}（{escape_markdown(meaning)}）\n"
