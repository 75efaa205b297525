"""Highlights and study notes, through the real window; and the notes surviving a killed writer."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QListView, QPlainTextEdit, QTextBrowser

from reader.app import create_window
from reader.core.library.store import Library
from reader.ui.notes_panel import AUTOSAVE_MS, HighlightsModel
from tests.conftest import SEED

PHRASE = "广大党员的先锋模范作用"


def open_window(qtbot, folder: Path):
    win = create_window(folder)
    qtbot.addWidget(win)
    win.resize(780, 560)
    win.show()
    qtbot.waitExposed(win)
    return win


def import_seed(qtbot, win, path: Path = SEED) -> int:
    if not path.exists():
        pytest.skip("../shared/corpus is not here")
    job = win.importer.import_paths([str(path)])
    with qtbot.waitSignal(job.done, timeout=20000) as blocker:
        pass
    win.importer.summary_dialog.close()
    return blocker.args[0].article_ids[0]


def open_seed(qtbot, folder: Path):
    """A window on ``folder`` with the seed imported and open."""
    win = open_window(qtbot, folder)
    article_id = import_seed(qtbot, win)
    win.library_pane.select_article(article_id)
    return win, article_id


def select_text(view: QTextBrowser, text: str) -> None:
    found = view.document().find(text)
    assert not found.isNull(), text
    view.setTextCursor(found)


def type_chinese(widget, text: str) -> None:
    """QTest types ASCII only; Chinese arrives the way an input method delivers it."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def drawn(win) -> list[str]:
    return [s.cursor.selectedText() for s in win.reading_pane.view.extraSelections()]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    if not SEED.exists():
        pytest.skip("../shared/corpus is not here")
    return tmp_path / "lib"


def test_highlight_note_and_article_note_survive_a_new_window(qtbot, folder: Path) -> None:
    win, article_id = open_seed(qtbot, folder)
    view = win.findChild(QTextBrowser, "articleView")
    select_text(view, PHRASE)
    win.findChild(type(win.highlight_action), "actionHighlightColor3").trigger()
    assert drawn(win) == [PHRASE]
    [row] = win.library.highlights(article_id)
    assert (row["quote"], row["color"], row["section_heading"]) == (PHRASE, 2, "引言")
    highlights = win.findChild(QListView, "highlightsView")
    assert highlights.model().rowCount() == 1 and highlights.currentIndex().row() == 0

    type_chinese(win.notes_panel.highlight_note, "先锋模范是关键")
    win.notes_panel.highlight_tags.setText("党员 先锋")
    win.notes_panel.highlight_tags.editingFinished.emit()
    editor = win.findChild(QPlainTextEdit, "notesEditor")
    type_chinese(editor, "# 学习心得\n\n基层治理要靠党建引领。")
    qtbot.wait(AUTOSAVE_MS + 500)  # autosave: no save button, no waiting for close
    assert win.library.note("highlight", row["id"]) == "先锋模范是关键"
    assert win.library.note("article", article_id) == "# 学习心得\n\n基层治理要靠党建引领。"
    assert win.library.highlight_tags(row["id"]) == ["先锋", "党员"]
    assert 'id="学习心得"' in win.findChild(QTextBrowser, "notesPreview").document().toHtml() or "学习心得" in (
        win.findChild(QTextBrowser, "notesPreview").toPlainText()
    )
    win.close()

    again = open_window(qtbot, folder)
    again.library_pane.select_article(article_id)
    assert drawn(again) == [PHRASE]  # drawn in the same place
    listed = again.findChild(QListView, "highlightsView")
    qtbot.mouseClick(
        listed.viewport(), Qt.MouseButton.LeftButton, pos=listed.visualRect(listed.model().index(0, 0)).center()
    )
    assert again.notes_panel.highlight_note.toPlainText() == "先锋模范是关键"
    assert again.findChild(QPlainTextEdit, "notesEditor").toPlainText() == "# 学习心得\n\n基层治理要靠党建引领。"
    again.close()


def test_typed_note_is_saved_on_close_without_waiting(qtbot, folder: Path) -> None:
    win, article_id = open_seed(qtbot, folder)
    type_chinese(win.findChild(QPlainTextEdit, "notesEditor"), "最后一句")
    win.close()  # before the autosave timer fires
    library = Library.in_folder(folder)
    assert library.note("article", article_id) == "最后一句"
    library.close()


def test_a_note_started_from_a_template_is_saved_on_close(qtbot, folder: Path) -> None:
    win, article_id = open_seed(qtbot, folder)
    panel = win.notes_panel
    panel.template.setCurrentIndex(panel.template.findText("学习心得"))
    template = panel.template.currentData()
    assert template
    panel.use_template.click()
    win.close()  # nothing typed after the template, and before the autosave timer fires
    library = Library.in_folder(folder)
    assert library.note("article", article_id) == template
    library.close()


def test_the_template_can_be_undone(qtbot, folder: Path) -> None:
    win, _ = open_seed(qtbot, folder)
    type_chinese(win.notes_panel.editor, "已写的话")
    win.notes_panel.use_template.click()
    assert win.notes_panel.editor.toPlainText().endswith("已写的话")  # put in front, never over
    win.notes_panel.editor.undo()
    assert win.notes_panel.editor.toPlainText() == "已写的话"
    win.close()


def test_deleting_the_open_article_closes_its_note(qtbot, folder: Path) -> None:
    win, article_id = open_seed(qtbot, folder)
    editor = win.notes_panel.editor
    type_chinese(editor, "删除前写的")
    win.library_pane.view.setFocus()
    win.findChild(type(win.highlight_action), "actionDelete").trigger()
    assert editor.isReadOnly() and editor.target is None and editor.toPlainText() == ""
    assert win.reading_pane.title_label.text() == win.reading_pane.prompt()  # the title went with the text
    type_chinese(editor, "不会存到回收站里")
    win.undo_stack.undo()  # the article comes back with what was typed before the delete
    assert win.library.note("article", article_id) == "删除前写的"
    win.close()


def test_undo_redo_recolour_and_delete(qtbot, folder: Path) -> None:
    win, article_id = open_seed(qtbot, folder)
    select_text(win.reading_pane.view, PHRASE)
    win.findChild(type(win.highlight_action), "actionHighlight").trigger()
    [row] = win.library.highlights(article_id)
    win.library.set_note("highlight", row["id"], "批注")
    win.undo_stack.undo()
    assert win.library.highlights(article_id) == [] and drawn(win) == []
    win.undo_stack.redo()
    assert [h["quote"] for h in win.library.highlights(article_id)] == [PHRASE] and drawn(win) == [PHRASE]
    assert win.library.highlights(article_id)[0]["note"] == "批注"  # the note came back with it

    win.highlight_selection(4)  # nothing selected: recolours the chosen highlight
    assert win.library.highlights(article_id)[0]["color"] == 4
    win.undo_stack.undo()
    assert win.library.highlights(article_id)[0]["color"] == 0
    win.findChild(type(win.highlight_action), "actionDeleteHighlight").trigger()
    assert win.library.highlights(article_id) == []
    win.undo_stack.undo()
    assert win.library.highlights(article_id)[0]["note"] == "批注"
    win.close()


def test_reimported_dump_moves_the_highlight_with_its_text(qtbot, folder: Path, tmp_path: Path) -> None:
    win, article_id = open_seed(qtbot, folder)
    select_text(win.reading_pane.view, PHRASE)
    win.highlight_selection(1)
    corrected = tmp_path / "seed-corrected.txt"
    corrected.write_text(
        SEED.read_text("utf-8")
        .replace("战斗堡作用", "战斗堡垒作用")
        .replace("一、引言\n", "一、引言\n  新加的一段导语。\n"),
        "utf-8",
    )
    assert import_seed(qtbot, win, corrected) == article_id
    win.library_pane.select_article(article_id)
    win.open_article(article_id)
    assert drawn(win) == [PHRASE]
    win.close()


def test_quote_template_and_find(qtbot, folder: Path) -> None:
    win, _ = open_seed(qtbot, folder)
    panel = win.notes_panel
    assert (folder / "templates" / "学习心得.md").exists()  # the user's own copy, to edit
    panel.template.setCurrentIndex(panel.template.findText("学习心得"))
    panel.use_template.click()
    editor = win.findChild(QPlainTextEdit, "notesEditor")
    assert editor.toPlainText().startswith("# 学习心得\n\n## 原文摘录")
    select_text(win.reading_pane.view, PHRASE)
    win.highlight_selection(0)
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    panel.insert_quote.click()
    assert f"> {PHRASE}\n>\n> ——《党建引领基层治理新探索》，引言，第 1 段（重点）" in editor.toPlainText()
    editor.setFocus()
    win.findChild(type(win.highlight_action), "actionFind").trigger()  # Ctrl+F in the notes finds in the notes
    assert panel.find.isVisible() and win.focusWidget() is panel.find
    panel.find.setText("原文摘录")
    assert panel.find_next()
    assert editor.textCursor().selectedText() == "原文摘录"
    win.close()


def test_highlights_model_passes_the_tester(qtmodeltester) -> None:
    model = HighlightsModel()
    model.set_rows(
        [
            {"id": 1, "color": 0, "quote": "甲", "section_heading": "引言", "orphaned": 0, "note": "注"},
            {"id": 2, "color": 3, "quote": "乙", "section_heading": "", "orphaned": 1, "note": ""},
        ],
        ["重点", "疑问", "金句", "联系实际", "其他"],
    )
    qtmodeltester.check(model)
    assert model.index(1).data().startswith("【联系实际】乙")
    assert model.index(0).data(Qt.ItemDataRole.UserRole) == 1


def test_clicking_a_highlight_scrolls_to_it(qtbot, folder: Path) -> None:
    win, _ = open_seed(qtbot, folder)
    view = win.reading_pane.view
    select_text(view, "共同营造美好家园")  # far down the article
    win.highlight_selection(1)
    bar = view.verticalScrollBar()
    bar.setValue(0)
    listed = win.findChild(QListView, "highlightsView")
    qtbot.mouseClick(
        listed.viewport(), Qt.MouseButton.LeftButton, pos=listed.visualRect(listed.model().index(0, 0)).center()
    )
    assert bar.value() > 0
    top = view.cursorRect(view.document().find("共同营造美好家园")).top()
    assert 0 <= top < view.viewport().height()  # the highlight is on screen
    win.close()


def test_a_deleted_highlights_note_does_not_come_back(qtbot, folder: Path) -> None:
    win, article_id = open_seed(qtbot, folder)
    select_text(win.reading_pane.view, PHRASE)
    first = win.highlight_selection(0)
    type_chinese(win.notes_panel.highlight_note, "旧批注")
    win.findChild(type(win.highlight_action), "actionDeleteHighlight").trigger()
    assert win.library.note("highlight", first) == ""
    select_text(win.reading_pane.view, "先锋模范作用")
    second = win.highlight_selection(1)
    qtbot.wait(AUTOSAVE_MS + 200)
    assert win.library.note("highlight", second) == ""
    win.undo_stack.undo()  # the second highlight goes
    win.undo_stack.undo()  # the first comes back, with its note
    assert win.library.highlights(article_id)[0]["note"] == "旧批注"
    win.close()


def test_highlight_after_characters_beyond_the_basic_plane(qtbot, folder: Path) -> None:
    """Qt counts 𠀀 (and emoji) as two positions; the store counts characters."""
    win = open_window(qtbot, folder)
    dump = "标题是一篇文章的题目\n摘要:讨论一个问题。\n一、问题\n𠀀😀甲乙丙丁这是一段正文。\n" + "正文。" * 30 + "\n"
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.clipboard().setText(dump)
    win.findChild(type(win.highlight_action), "actionPasteArticle").trigger()
    select_text(win.reading_pane.view, "丙丁")
    hid = win.highlight_selection(0)
    assert win.library.highlight(hid)["quote"] == "丙丁"
    assert drawn(win) == ["丙丁"]
    win.close()


def test_a_colour_key_with_nothing_selected_says_what_it_does(qtbot, folder: Path) -> None:
    """Ctrl+1…5 with no text selected: with no highlight chosen it says to select text first; with one
    chosen in the list it recolours that one and says so (never silently)."""
    win, article_id = open_seed(qtbot, folder)
    meanings = win.library.color_meanings()
    win.findChild(type(win.highlight_action), "actionHighlightColor2").trigger()
    assert win.library.highlights(article_id) == []
    assert win.statusBar().currentMessage() == f"Select text first: Ctrl+2 highlights it as “{meanings[1]}”."
    select_text(win.reading_pane.view, PHRASE)
    win.findChild(type(win.highlight_action), "actionHighlight").trigger()
    assert not win.reading_pane.view.textCursor().hasSelection()
    win.findChild(type(win.highlight_action), "actionHighlightColor5").trigger()
    assert win.library.highlights(article_id)[0]["color"] == 4
    assert meanings[4] in win.statusBar().currentMessage() and "Ctrl+Z" in win.statusBar().currentMessage()


def test_the_panel_counts_characters_and_shows_the_target(qtbot, folder: Path) -> None:
    win, article_id = open_seed(qtbot, folder)
    panel = win.notes_panel
    panel.editor.setPlainText("学习 Python 3 心得。")
    panel.update_preview()
    assert panel.length.text() == "7 characters" and panel.progress.isHidden()
    panel.editor.setPlainText("")
    panel.template.setCurrentIndex(panel.template.findText("课程作业"))
    panel.use_template.click()
    panel.update_preview()
    assert panel.length.text() == "17 characters of 1500"
    assert not panel.progress.isHidden() and (panel.progress.maximum(), panel.progress.value()) == (1500, 17)
    assert "目标字数" not in panel.preview.toPlainText()  # the front matter is not shown as text
    panel.flush()
    assert "under their target of 1500" in win.exporting.short_notes([article_id])
    win.close()
