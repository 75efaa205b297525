"""The exported Markdown reads right: the reader's headings under the section holding them (done on
the parsed Markdown), a highlight's quote, place, note and tags one blockquote, tags where no renderer
reads a heading, the same heading tree in CommonMark (markdown-it-py) and python-markdown."""

from __future__ import annotations

import datetime as dt
import html
import re
from itertools import pairwise

from markdown_it import MarkdownIt

from reader.core.export.gbt7714 import gbt7714
from reader.core.export.headings import demote, heading_levels
from reader.core.export.markdown import Exporter
from reader.core.export.study_notes import markdown_to_html
from reader.core.library.store import Library
from tests.conftest import highlight

NOTE = """# 学习心得

基层治理的关键在党建引领。

```python
# 这不是标题
```

> # 引用里的一行

体会
====

## 三点收获

- 一
- 二
"""


def headings(rendered: str) -> list[tuple[int, str]]:
    """The document's outline: its headings outside blockquotes."""
    rendered = re.sub(r"<blockquote>.*?</blockquote>", "", rendered, flags=re.S)
    return [
        (int(m[1]), html.unescape(re.sub(r"<[^>]+>", "", m[2])).strip())
        for m in re.finditer(r"<h([1-6])[^>]*>(.*?)</h\1>", rendered, re.S)
    ]


def test_demote_moves_headings_and_leaves_code_and_quotes() -> None:
    out = demote(NOTE, 2)
    assert heading_levels(out) == [3, 3, 4]
    assert "```python\n# 这不是标题\n```" in out and "> # 引用里的一行" in out
    assert "### 体会" in out and "====" not in out and "#### 三点收获" in out
    assert demote("### 已经够低\n", 2) == "### 已经够低\n"  # nothing to do
    assert heading_levels(demote("# a\n\n###### b\n", 2)) == [3, 6]  # never past 6


def test_export_renders_with_the_same_heading_tree_in_both(library: Library, seed_bytes: bytes) -> None:
    article_id = library.import_bytes(seed_bytes, "seed.txt").article_id
    hid = highlight(library, article_id, "关键是要积极发挥党的引领作用", 0)
    library.set_note("highlight", hid, "## 小结\n\n要点。")
    library.set_highlight_tags(hid, ["乡村振兴", "数字金融"])
    library.tag_article(article_id, "乡村振兴")
    library.set_note("article", article_id, NOTE)
    text = Exporter(library, today=dt.date(2026, 1, 15)).article_markdown(article_id)
    body = text.split("---\n", 2)[2]
    common, python = headings(MarkdownIt("commonmark").render(body)), headings(markdown_to_html(body))
    assert common == python
    assert [level for level, _ in common].count(1) == 1 and common[0] == (1, "党建引领基层治理新探索")
    levels = [level for level, _ in common]
    assert all(b <= a + 1 for a, b in pairwise(levels))  # no jump down past a level
    assert (2, "学习笔记") in common and common[common.index((2, "学习笔记")) + 1] == (3, "学习心得")
    assert not any("乡村振兴" in t or "这不是标题" in t or "小结" in t for _, t in common)
    # The highlight reads as one block: its quote, place, note and tags in one blockquote, in both.
    for rendered in (MarkdownIt("commonmark").render(body), markdown_to_html(body)):
        quote = re.search(r"<blockquote>(.*?)</blockquote>", rendered, re.S)[1]
        assert "关键是要积极发挥党的引领作用" in quote and "引言，第 1 段" in quote
        assert re.search(r"<h4[^>]*>小结</h4>", quote) and "要点。" in quote and "标签：#乡村振兴 #数字金融" in quote


def test_a_dump_without_authors_is_cited_with_what_it_has() -> None:
    bare = {"title": "某村的数字金融", "authors": [], "added_at": "2026-01-15T08:00:00"}
    assert gbt7714(bare) == "某村的数字金融[Z]. [2026-01-15]."
    site = dict(bare, source="中国乡村振兴网", year=2021)
    assert gbt7714(site) == "某村的数字金融[Z]. 中国乡村振兴网, 2021[2026-01-15]."
    assert not gbt7714(bare).endswith("[Z].")
