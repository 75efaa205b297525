"""Mark-heavy and long articles open without freezing (issue 12, item 13): the rendered HTML has no
anchor per mark (Qt's HTML import is quadratic in anchors), every mark, heading and reference is
still found where it stands, at most ``MAX_LINKED_MARKS`` marks are linked and the view says so."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QTextCursor

from bench.gen_dumps import marked_dump
from reader.core.library.store import Library
from reader.core.model import Section
from reader.core.parse.citation_marks import MAX_LINKED_MARKS, link_citations
from reader.ui.article_html import Labels, render
from reader.ui.reading_pane import SECTION_ROLE, ReadingPane


@pytest.fixture
def pane(qtbot, tmp_path: Path):
    library = Library()
    pane = ReadingPane(library, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(pane)
    pane.resize(800, 600)
    pane.show()
    yield pane
    library.close()


def opened(pane: ReadingPane, marks: int, per_paragraph: int = 10) -> int:
    article_id = pane.library.import_bytes(marked_dump(marks, per_paragraph).encode()).article_id
    assert article_id is not None
    pane.show_article(article_id)
    return article_id


def test_the_html_has_no_anchor_per_mark(library: Library) -> None:
    counts = []
    for marks in (50, 2_000):
        article = library.article(library.import_bytes(marked_dump(marks).encode()).article_id)
        assert len(article.citations) == marks
        html = render(article, Labels())
        assert html.count('class="cite"') == marks
        counts.append(html.count("<a name="))
    assert counts[0] == counts[1] <= 3  # abstract, references: one each, whatever the marks


def test_every_mark_is_found_where_it_stands(pane: ReadingPane) -> None:
    opened(pane, 3_000, per_paragraph=7)
    article = pane.article
    doc = pane.view.document()
    by_ref: dict[int, list] = {}
    for c in article.citations:
        by_ref.setdefault(c.ref, []).append(c)
    for n, marks in list(by_ref.items())[:10]:
        for k in (0, len(marks) // 2, len(marks) - 1):
            c = marks[k]
            mark = article.sections[c.section].paragraphs[c.paragraph][c.start : c.end]
            cursor = QTextCursor(doc)
            cursor.setPosition(pane.citation_position(n, k))
            cursor.setPosition(cursor.position() + len(mark), QTextCursor.MoveMode.KeepAnchor)
            assert cursor.selectedText() == mark
    pane.go_to_citation(n, len(marks) - 1)
    assert pane.view.verticalScrollBar().value() > 0
    last = len(article.references)
    top = pane.reference_top(last)
    assert doc.findBlock(pane._map.references[last]).text().startswith(f"[{last}] ")
    pane.go_to_reference(last)
    assert pane.view.verticalScrollBar().value() == min(top, pane.view.verticalScrollBar().maximum())
    assert pane._map.headings and pane.section_top(min(pane._map.headings)) is not None


def test_marks_beyond_the_cap_stay_text_and_the_view_says_so(qtbot, pane: ReadingPane) -> None:
    sections = [Section("", 0, ["文[1]" * (MAX_LINKED_MARKS + 5)])]
    assert len(link_citations(sections, 1)) == MAX_LINKED_MARKS
    said: list[str] = []
    pane.message.connect(said.append)
    opened(pane, 100)
    assert said == []
    opened(pane, MAX_LINKED_MARKS + 500)
    assert len(pane.article.citations) == MAX_LINKED_MARKS
    assert len(said) == 1 and f"{MAX_LINKED_MARKS:,}" in said[0]


def test_opening_grows_linearly_with_the_marks(pane: ReadingPane) -> None:
    """Four times the marks may cost about four times as long; it was sixteen and more."""

    def seconds(marks: int) -> float:
        best = float("inf")
        for _ in range(2):
            start = time.perf_counter()
            opened(pane, marks)
            best = min(best, time.perf_counter() - start)
        return best

    small, large = seconds(2_000), seconds(8_000)
    assert large < 8 * small + 0.3, (small, large)


def test_the_outline_follows_the_scroll(pane: ReadingPane) -> None:
    import random

    from bench.gen_dumps import CN, paragraph

    rng = random.Random(3)
    lines = [
        "党建引领视域下基层治理的实践路径研究",
        "王伟  李芳",
        f"【摘要】 {paragraph(rng, 4)}",
        "【关键词】 党建; 治理",
    ]
    for s in range(6):
        lines.append(f"{CN[s]}、推进党建工作第{s + 1}部分")
        lines += [paragraph(rng, 6) for _ in range(12)]
    article_id = pane.library.import_bytes("\n".join(lines).encode()).article_id
    pane.show_article(article_id)
    bar = pane.view.verticalScrollBar()
    sections = sorted(pane._map.headings)
    assert len(sections) == 6
    for i in [*sections[1:5], sections[0], sections[3]]:
        bar.setValue(pane.section_top(i))
        assert pane.outline.currentItem().data(0, SECTION_ROLE) == i
