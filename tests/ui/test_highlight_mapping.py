"""Stored characters and view positions map both ways, however the view renders white space (issue 14, item 1)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextDocument

from reader.core.model import Article, Section
from reader.ui.article_html import Labels, render
from reader.ui.article_map import align, map_blocks
from tests.conftest import SEED
from tests.ui.test_notes import drawn, open_window, select_text

WHITE = " \t\u3000\u00a0\n\r\f"
WORDS = st.text(alphabet="党建引领基层治理ABc1，。𠀀", min_size=1, max_size=6)
PARAGRAPH = st.lists(st.tuples(st.text(alphabet=WHITE, max_size=4), WORDS), min_size=1, max_size=6).map(
    lambda parts: "".join(w + t for w, t in parts)
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    if not SEED.exists():
        pytest.skip("../shared/corpus is not here")
    return tmp_path / "lib"


def check_both_ways(document: QTextDocument, article: Article) -> None:
    found = map_blocks(document, article)
    assert len(found.paragraphs) == sum(len(s.paragraphs) for s in article.sections)
    for p in found.paragraphs:
        for k, ch in enumerate(p.text):
            at = p.view(k)
            assert p.stored(at - p.position) == k or ch.isspace()
            if not ch.isspace():
                shown = document.characterAt(at)
                assert shown == ch or (ord(ch) > 0xFFFF and shown.encode("utf-16", "surrogatepass")), (p.text, k)
        assert p.view(p.length) == p.position + p.units


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(paragraphs=st.lists(PARAGRAPH, min_size=1, max_size=4), heading=st.sampled_from(["", "一、问题  与\t对策"]))
def test_random_white_space_maps_both_ways(qapp, paragraphs: list[str], heading: str) -> None:
    article = Article(title="题目", sections=[Section(heading, 1 if heading else 0, paragraphs)])
    document = QTextDocument()
    document.setHtml(render(article, Labels()))
    check_both_ways(document, article)


def test_align_refuses_texts_that_differ_beyond_white_space() -> None:
    assert align("甲  乙", "甲 乙") == ([0, 1, 2, 2, 3], [0, 1, 3, 4])
    assert align("甲乙", "甲丙") is None
    assert align(" 甲\t", "甲") == ([0, 0, 1, 1], [1, 3])


def test_every_fixture_paragraph_is_mapped(qapp) -> None:
    """Every paragraph of the fixtures and the corpus (five of them hold runs of white space)."""
    from reader.core.parse.dump import parse_bytes

    folders = [Path(__file__).resolve().parents[1] / "fixtures", SEED.parent, SEED.parent.parent / "dev"]
    for path in sorted(p for folder in folders if folder.exists() for p in folder.rglob("*.txt")):
        article = parse_bytes(path.read_bytes(), path.name)
        document = QTextDocument()
        document.setHtml(render(article, Labels()))
        check_both_ways(document, article)


def test_a_highlight_after_a_paragraph_with_a_tab(qtbot, folder: Path, tmp_path: Path) -> None:
    dump = tmp_path / "tab.txt"
    body = "第一段\t含有制表符，这是一段正文。\n第二段有目标短语先锋模范作用在这里。\n" + "正文内容。" * 40
    dump.write_text(f"制表符文章的题目\n作者甲\n摘要:摘要。\n一、问题\n{body}\n", encoding="utf-8")
    win = open_window(qtbot, folder)
    job = win.importer.import_paths([str(dump)])
    with qtbot.waitSignal(job.done, timeout=20000) as blocker:
        pass
    win.importer.summary_dialog.close()
    article_id = blocker.args[0].article_ids[0]
    win.library_pane.select_article(article_id)
    select_text(win.reading_pane.view, "先锋模范作用")
    hid = win.highlight_selection(0)
    assert hid is not None and win.library.highlight(hid)["quote"] == "先锋模范作用"
    assert drawn(win) == ["先锋模范作用"]
    win.close()


def test_a_selection_that_cannot_be_stored_says_so(qtbot, folder: Path) -> None:
    from tests.ui.test_notes import open_seed

    win, article_id = open_seed(qtbot, folder)
    title = win.library.article_meta(article_id)["title"]
    select_text(win.reading_pane.view, title[:4])
    assert win.highlight_selection(0) is None
    assert win.library.highlights(article_id) == []
    assert "cannot be highlighted" in win.statusBar().currentMessage()
    win.close()


def test_a_highlight_across_a_heading_is_stored_drawn_and_undone_whole(qtbot, folder: Path) -> None:
    """Issue 14, item 2: one highlight per section, linked to the first."""
    from PySide6.QtGui import QTextCursor

    from tests.ui.test_notes import open_seed

    win, article_id = open_seed(qtbot, folder)
    article = win.library.article(article_id)
    k = next(i for i, s in enumerate(article.sections) if s.heading and i + 1 < len(article.sections))
    tail, head = article.sections[k].paragraphs[-1][-6:], article.sections[k + 1].paragraphs[0][:6]
    document = win.reading_pane.view.document()
    start = document.find(tail).selectionStart()
    end = document.find(head, start).selectionEnd()
    cursor = QTextCursor(document)
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    win.reading_pane.view.setTextCursor(cursor)
    first = win.highlight_selection(2)
    rows = win.library.highlights(article_id)
    assert [(r["section_position"], r["quote"], r["link"]) for r in rows] == [
        (k, tail, None),
        (k + 1, head, first),
    ]
    assert sorted(drawn(win)) == sorted([tail, head])
    win.undo_stack.undo()
    assert win.library.highlights(article_id) == []
    win.undo_stack.redo()
    rows = win.library.highlights(article_id)
    assert [r["quote"] for r in rows] == [tail, head]
    from PySide6.QtGui import QGuiApplication

    win.exporting.highlight = lambda: rows[1]  # the second part chosen: the clipboard gets it whole
    win.exporting.copy_notes_markdown()
    assert QGuiApplication.clipboard().text().startswith(f"> {tail}\n> {head}\n")
    win.library.recolor_highlight(rows[1]["id"], 4)  # recoloured whole
    assert [r["color"] for r in win.library.highlights(article_id)] == [4, 4]
    from reader.ui.commands import DeleteHighlight

    win.undo_stack.push(DeleteHighlight("x", win.library, rows[1]["id"], win.after_highlights_changed))
    assert win.library.highlights(article_id) == []  # deleted whole
    win.undo_stack.undo()
    assert len(win.library.highlights(article_id)) == 2
    win.close()


def test_a_tag_on_a_highlight_shows_in_the_tag_tree_and_filters(qtbot, folder: Path) -> None:
    """Issue 14, item 6: not `#乡村振兴 (0)` leading nowhere."""
    from tests.ui.test_notes import PHRASE, open_seed

    win, article_id = open_seed(qtbot, folder)
    select_text(win.reading_pane.view, PHRASE)
    win.highlight_selection(0)
    win.notes_panel.highlight_tags.setText("乡村振兴")
    win.notes_panel.highlight_tags.editingFinished.emit()
    pane = win.library_pane
    tags_root = pane.groups.item(2)
    assert [tags_root.child(i).text() for i in range(tags_root.rowCount())] == ["#乡村振兴  (1)"]
    pane.groups_view.setCurrentIndex(tags_root.child(0).index())
    assert pane.model.ids == [article_id]
    win.close()


def test_a_highlight_that_cannot_be_drawn_is_said(qtbot, folder: Path) -> None:
    from tests.ui.test_notes import PHRASE, open_seed

    win, _ = open_seed(qtbot, folder)
    select_text(win.reading_pane.view, PHRASE)
    hid = win.highlight_selection(0)
    win.library.db.execute("UPDATE highlights SET section_position = 999 WHERE id = ?", [hid])
    win.reading_pane.refresh_highlights()
    assert drawn(win) == []
    assert "cannot be shown" in win.statusBar().currentMessage()
    win.close()
