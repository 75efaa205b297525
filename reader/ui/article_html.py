"""An article as the HTML the article view shows. Imported text is only ever text: all of it is escaped.

Links the view understands: `kw:WORD` (a keyword chip), `ref:N` (an [n] mark),
`back:N` (from reference N to where it is cited), `toggle:abstract`,
`toggle:related`. Anchors: `abstract`, `references`, `related`, one each.

Sections, references and marks get no anchor of their own: Qt's HTML import is quadratic in the
number of distinct anchor names (8,000 marks took 4.5 s, 32,000 took 73 s), so the reading pane
finds their blocks in one pass over the document instead (``ReadingPane._map_blocks``). Every
paragraph, heading and reference is one block, in the order of the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape
from urllib.parse import quote

from reader.core.model import Article


@dataclass(frozen=True)
class Labels:
    """The words of the page, translated by the caller."""

    abstract: str = "Abstract"
    keywords: str = "Keywords"
    references: str = "References"
    related: str = "Other papers on the source page (not part of this article): %1"
    show: str = "show"
    hide: str = "hide"
    check: str = "Please check: %1 (F2 corrects the details)"
    footnotes: str = "Footnotes"
    doubts: dict[str, str] = field(default_factory=dict)  # doubt code → its words; the code where none


def _paragraph(text: str, marks: list[tuple[int, int, int]], cited: set[int]) -> str:
    """Escape a paragraph, turning its citation marks into links; note each reference cited."""
    spans: dict[tuple[int, int], list[int]] = {}
    for start, end, ref in marks:
        spans.setdefault((start, end), []).append(ref)
    out: list[str] = []
    last = 0
    for (start, end), refs in sorted(spans.items()):
        cited.update(refs)
        out.append(escape(text[last:start]))
        out.append(f'<a href="ref:{refs[0]}" class="cite">{escape(text[start:end])}</a>')
        last = end
    out.append(escape(text[last:]))
    return "".join(out)


def reference_line(n: int, ref: str) -> str:
    """Reference ``n`` as the view shows it (its block's text starts with the unescaped form)."""
    return escape(f"[{n}] {ref}")


def render(article: Article, labels: Labels, show_abstract: bool = True, show_related: bool = False) -> str:
    parts: list[str] = ['<div class="article">', f"<h1>{escape(article.title or '')}</h1>"]
    if article.authors:
        parts.append(f'<p class="authors">{escape("　".join(article.authors))}</p>')
    meta = " · ".join(
        escape(str(x)) for x in (article.source, article.year, f"{article.issue}期" if article.issue else None) if x
    )
    if meta:
        parts.append(f'<p class="meta">{meta}</p>')
    if article.doubts:  # what the parser was unsure of: asked quietly, never hidden
        what = "、".join(labels.doubts.get(d, d) for d in article.doubts)
        parts.append(f'<p class="doubts">{escape(labels.check.replace("%1", what))}</p>')
    if article.keywords:
        chips = "　".join(f'<a class="kw" href="kw:{quote(k)}">{escape(k)}</a>' for k in article.keywords)
        parts.append(f'<p class="keywords"><span class="label">{escape(labels.keywords)}</span>　{chips}</p>')
    if article.abstract:
        toggle = labels.hide if show_abstract else labels.show
        parts.append(
            f'<p class="abstract-head"><a name="abstract"></a><span class="label">{escape(labels.abstract)}</span>'
            f'　<a class="toggle" href="toggle:abstract">{escape(toggle)}</a></p>'
        )
        if show_abstract:
            parts.append(f'<p class="abstract">{escape(article.abstract)}</p>')
    if article.footnotes:  # a PDF's 收稿日期, 基金项目, 作者简介, ① notes: kept apart from its text
        notes = "<br>".join(escape(n) for n in article.footnotes)
        parts.append(f'<p class="footnotes"><span class="label">{escape(labels.footnotes)}</span><br>{notes}</p>')
    marks: dict[tuple[int, int], list[tuple[int, int, int]]] = {}
    for c in article.citations:
        marks.setdefault((c.section, c.paragraph), []).append((c.start, c.end, c.ref))
    cited: set[int] = set()
    for si, section in enumerate(article.sections):
        if section.heading:
            tag = "h2" if section.level <= 1 else "h3" if section.level == 2 else "h4"
            parts.append(f"<{tag}>{escape(section.heading)}</{tag}>")
        for pi, para in enumerate(section.paragraphs):
            parts.append(f"<p>{_paragraph(para, marks.get((si, pi), []), cited)}</p>")
    if article.references:
        parts.append(f'<h2 class="references"><a name="references"></a>{escape(labels.references)}</h2>')
        for n, ref in enumerate(article.references, start=1):
            back = f' <a class="back" href="back:{n}">↩</a>' if n in cited else ""
            parts.append(f'<p class="ref">{reference_line(n, ref)}{back}</p>')
    if article.related:
        toggle = labels.hide if show_related else labels.show
        head = escape(labels.related.replace("%1", str(len(article.related))))
        parts.append(
            f'<p class="related-head"><a name="related"></a>{head}　'
            f'<a class="toggle" href="toggle:related">{escape(toggle)}</a></p>'
        )
        if show_related:
            parts += [f'<p class="related">{escape(item).replace(chr(10), "<br>")}</p>' for item in article.related]
    parts.append("</div>")
    return "\n".join(parts)


DEFAULT_LINE_HEIGHT = 160  # percent of the font size: Chinese text reads best at 1.5–2 lines


# Light colour → its stand-in on a dark palette: the text's own colour comes from the palette.
_DARK = {
    "#555": "#b0b0b0",
    "#8a5a00": "#e0a84a",
    "#f5f3ee": "#2e2c28",
    "#7a3b00": "#f2c894",
    "#fbeedd": "#46331f",
    "#1d5fa8": "#8cb4ff",
    "#444": "#cfcfcf",
    "#777": "#a0a0a0",
    "#888": "#9a9a9a",
    "#ccc": "#555",
    "#666": "#aaaaaa",
}


def style(line_height: int = DEFAULT_LINE_HEIGHT, dark: bool = False) -> str:
    """The article's style sheet, with the body's line height in percent, for a light or a dark palette."""
    sheet = STYLE.replace("LINE_HEIGHT", str(line_height))
    if dark:
        sheet = re.sub(r"#[0-9a-f]{3,6}\b", lambda m: _DARK.get(m.group(0), m.group(0)), sheet)
    return sheet


STYLE = """
h1 { font-size: 150%; font-weight: 600; margin-bottom: 6px; }
h2 { font-size: 125%; font-weight: 600; margin-top: 18px; }
h3 { font-size: 110%; font-weight: 600; margin-top: 12px; }
h4 { font-size: 100%; font-weight: 600; }
p { margin-top: 4px; margin-bottom: 8px; line-height: LINE_HEIGHT%; }
p.authors, p.meta { color: #555; margin: 2px 0; }
p.doubts { color: #8a5a00; font-size: small; margin: 4px 0; }
p.abstract { background-color: #f5f3ee; padding: 8px; }
a.kw { color: #7a3b00; background-color: #fbeedd; text-decoration: none; }
a.cite { color: #1d5fa8; text-decoration: none; }
a.toggle, a.back { color: #1d5fa8; text-decoration: none; }
span.label { font-weight: 600; color: #444; }
p.ref { margin-bottom: 4px; }
p.related-head { color: #777; margin-top: 24px; border-top: 1px solid #ccc; }
p.related { color: #888; }
p.footnotes { color: #666; font-size: small; margin-top: 6px; line-height: 130%; }
"""
