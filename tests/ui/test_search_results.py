"""The search hits as a results view: grouped, labelled, the match drawn, driven from the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyleOptionViewItem, QTextBrowser

from reader.ui.search_results import HIT_ROLE, HTML_ROLE, section_name, snippet_html
from tests.conftest import SEED
from tests.ui.test_window import CITED, import_and_wait, window  # noqa: F401  (the fixture)


def test_snippet_html_draws_the_match_not_the_marks() -> None:
    html = snippet_html("基层«治理»的<成败>\n下一段")
    assert "«" not in html and "»" not in html
    assert '<b style="color:#b3400a">治理</b>' in html
    assert "&lt;成败&gt; 下一段" in html  # escaped, on one line
    assert snippet_html("no mark") == "no mark"


def test_section_name_is_the_nearest_heading_above() -> None:
    assert section_name(["", "一、引言", "", "二、结语"], 2) == "一、引言"
    assert section_name(["", "一、引言"], 0) == ""
    assert section_name(["一、引言"], None) == ""


def _search(qtbot, win, text: str):
    pane = win.library_pane
    pane.search.setText(text)
    qtbot.waitUntil(lambda: pane.results.isVisible() and pane.results.hit_count() > 0)
    return pane.results


def test_hits_are_grouped_labelled_and_drawn_at_a_laptop_size(qtbot, window) -> None:  # noqa: F811
    import_and_wait(qtbot, window, [SEED, CITED])
    window.importer.summary_dialog.close()
    window.resize(1366, 768)
    results = _search(qtbot, window, "党建引领")
    m = results.hit_count()
    assert window.statusBar().currentMessage() == f"{window.library_pane.model.rowCount()} articles, {m} places"
    assert results.height() >= 120 and results.width() >= 200
    rows = [results.item(r) for r in range(results.count())]
    heads = [i for i in rows if i.data(HIT_ROLE) is None]
    assert len(heads) == len({h.article_id for h in results.hits()})  # one row per article, above its hits
    assert rows[0].data(HIT_ROLE) is None and "hits" in rows[0].data(HTML_ROLE)
    labels = [i.text().split(":")[0] for i in rows if i.data(HIT_ROLE) is not None]
    assert "Title" in labels, labels
    assert any(label.startswith("Text · ") for label in labels), labels  # the section named
    assert all("«" not in i.data(HTML_ROLE) for i in rows)
    first_hit = results.item(results.hit_rows()[0])
    rect = results.visualItemRect(first_hit)
    assert rect.height() >= 16 and rect.width() >= 150  # drawn with a usable size
    assert results.viewport().rect().intersects(rect)
    delegate = results.itemDelegate()
    for r in range(results.count()):  # each row drawn within its height: no snippet runs into the next
        option = QStyleOptionViewItem()
        option.initFrom(results)
        option.widget, option.rect = results, results.visualItemRect(results.item(r))
        drawn = delegate._document(option, results.model().index(r, 0)).size().height()
        assert drawn <= option.rect.height() + 1, (r, drawn, option.rect.height())


def test_keyboard_into_the_hits_enter_opens_f3_steps(qtbot, window) -> None:  # noqa: F811
    import_and_wait(qtbot, window, [SEED, CITED])
    window.importer.summary_dialog.close()
    pane = window.library_pane
    results = _search(qtbot, window, "治理")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    pane.search.setFocus()
    qtbot.waitUntil(pane.search.hasFocus)
    qtbot.keyClick(pane.search, Qt.Key.Key_Down)
    assert results.hasFocus()
    first = results.currentItem().data(HIT_ROLE)
    assert first is not None
    qtbot.keyClick(results, Qt.Key.Key_Return)
    view = window.findChild(QTextBrowser, "articleView")
    assert window.reading_pane.article_id == first.article_id
    assert view.textCursor().selectedText() == "治理"
    ours = [h for h in results.hits() if h.article_id == first.article_id]
    assert len(ours) >= 2
    window.findChild(type(window.import_action), "actionNextHit").trigger()
    assert results.currentItem().data(HIT_ROLE) is ours[1]
    assert view.textCursor().selectedText() == "治理"
    rect = view.cursorRect()  # the match stands in the upper part of the view, with what leads to it above
    assert 0 <= rect.top() <= view.viewport().height() // 2 or view.verticalScrollBar().value() in (
        0,
        view.verticalScrollBar().maximum(),
    )
    second_at = view.textCursor().selectionStart()
    window.findChild(type(window.import_action), "actionPreviousHit").trigger()
    assert results.currentItem().data(HIT_ROLE) is ours[0]
    if ours[0].field != ours[1].field or ours[0].target != ours[1].target:
        assert view.textCursor().selectionStart() != second_at
    pane.search.clear()
    qtbot.waitUntil(lambda: not results.isVisible())
    window.findChild(type(window.import_action), "actionNextHit").trigger()
    assert "No search hits" in window.statusBar().currentMessage()


def test_a_hit_in_a_folded_abstract_unfolds_it(qtbot, window) -> None:  # noqa: F811
    import_and_wait(qtbot, window, [SEED])
    window.importer.summary_dialog.close()
    toggle = window.reading_pane.abstract_toggle
    qtbot.waitUntil(lambda: window.reading_pane.article is not None)  # one article imported: it is open
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)  # fold the abstract
    assert not toggle.isChecked()
    view = window.findChild(QTextBrowser, "articleView")
    assert "基层治理的成败" not in view.toPlainText()
    results = _search(qtbot, window, "党建引领")  # in the title, and in the abstract
    hit = next(h for h in results.hits() if h.field == "abstract")
    item = results.item(results.row_of_hit(hit))
    assert item.text().startswith("Abstract:")
    results.scrollToItem(item)
    qtbot.mouseClick(results.viewport(), Qt.MouseButton.LeftButton, pos=results.visualItemRect(item).center())
    assert toggle.isChecked()
    assert "基层治理的成败" in view.toPlainText()
    cursor = view.textCursor()
    assert cursor.selectedText() == "党建引领"
    assert "基层治理的成败" in cursor.block().text()  # the abstract's match, not the title's


def test_f2_after_clearing_a_search_edits_the_article_chosen(qtbot, window) -> None:  # noqa: F811
    import_and_wait(qtbot, window, [SEED, CITED])
    window.importer.summary_dialog.close()
    pane = window.library_pane
    results = _search(qtbot, window, "社区治理共同体")
    hit = results.hits()[0]
    item = results.item(results.row_of_hit(hit))
    qtbot.mouseClick(results.viewport(), Qt.MouseButton.LeftButton, pos=results.visualItemRect(item).center())
    assert pane.current_id() == hit.article_id
    opened = []
    pane.articleSelected.connect(opened.append)
    pane.search.clear()
    qtbot.waitUntil(lambda: not results.isVisible())
    assert pane.model.rowCount() == 2
    assert pane.current_id() == hit.article_id and pane.selected_ids() == [hit.article_id]
    assert opened == []  # chosen again, not opened again (the reading place stays)
    window.findChild(type(window.import_action), "actionEditMeta").trigger()  # F2
    dialog = window.editing.dialog
    assert dialog is not None and dialog.isVisible()
    assert window.library.article_meta(hit.article_id)["title"] in [
        w.text() for w in dialog.findChildren(type(pane.search))
    ]
    dialog.reject()


def test_hits_keep_their_rows_after_focus_mode(qtbot, window) -> None:  # noqa: F811
    """Rows measured while focus mode hid the list were measured at no width; shown again, they fit."""
    from PySide6.QtGui import QAction

    import_and_wait(qtbot, window, [SEED, CITED])
    window.importer.summary_dialog.close()
    window.resize(1366, 768)
    results = _search(qtbot, window, "治理")
    qtbot.wait(50)
    before = [results.visualItemRect(results.item(i)).height() for i in range(min(4, results.count()))]
    focus = window.findChild(QAction, "actionFocusMode")
    focus.trigger()
    qtbot.wait(50)
    focus.trigger()
    qtbot.waitUntil(lambda: results.isVisible())
    qtbot.wait(50)
    after = [results.visualItemRect(results.item(i)).height() for i in range(len(before))]
    assert after == before, (before, after)
