"""The reading window, driven through its real widgets offscreen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication, QTextCursor
from PySide6.QtWidgets import QApplication, QListWidget, QTableView, QTextBrowser, QToolButton, QTreeWidget

from reader.app import create_window
from reader.ui.library_model import LibraryModel
from tests.conftest import SEED, SHARED_CORPUS

CITED = SHARED_CORPUS / "dev" / "02_fx361_app_shequ.txt"  # 〔1〕 marks in its text


@pytest.fixture
def window(qtbot, tmp_path: Path):
    if not SEED.exists():
        pytest.skip("../shared/corpus is not here")
    win = create_window(tmp_path / "lib")
    qtbot.addWidget(win)
    win.resize(1200, 640)
    win.show()
    qtbot.waitExposed(win)
    yield win
    if win.isVisible():
        win.close()


def import_and_wait(qtbot, win, paths: list[Path]):
    job = win.importer.import_paths([str(p) for p in paths])
    with qtbot.waitSignal(job.done, timeout=20000) as blocker:
        pass
    return blocker.args[0]


def select_title(qtbot, win, title: str) -> None:
    model = win.library_pane.model
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == title)
    view = win.findChild(QTableView, "libraryView")
    rect = view.visualRect(model.index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: win.reading_pane.article is not None and win.reading_pane.article.title == title)


def test_import_select_outline_abstract_references(qtbot, window) -> None:
    summary = import_and_wait(qtbot, window, [SEED, CITED])
    assert (summary.imported, summary.refused) == (2, [])
    window.importer.summary_dialog.close()
    library_view = window.findChild(QTableView, "libraryView")
    titles = {library_view.model().index(r, 0).data() for r in range(library_view.model().rowCount())}
    assert titles == {"党建引领基层治理新探索", "社区治理共同体视域下城市社区党建的实践路径"}
    assert "2" in window.statusBar().currentMessage()

    select_title(qtbot, window, "党建引领基层治理新探索")
    view = window.findChild(QTextBrowser, "articleView")
    text = view.toPlainText()
    assert "党建引领基层治理新探索" in text
    assert "基层治理是国家治理的基础" in text  # the abstract
    for keyword in ("党建引领", "基层治理", "探索策略"):
        assert keyword in text
    assert "其他文献" not in text and "宁夏回族自治区" not in text  # teasers are folded away
    outline = window.findChild(QTreeWidget, "outlineView")
    assert outline.topLevelItemCount() == 6
    assert [outline.topLevelItem(i).text(0) for i in (0, 5)] == ["引言", "结语"]

    toggle = window.findChild(QToolButton, "abstractToggle")
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert "基层治理是国家治理的基础" not in view.toPlainText()
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert "基层治理是国家治理的基础" in view.toPlainText()

    bar = view.verticalScrollBar()
    assert bar.maximum() > 0, "the article should be longer than the view"
    last = outline.topLevelItem(5)
    qtbot.mouseClick(outline.viewport(), Qt.MouseButton.LeftButton, pos=outline.visualItemRect(last).center())
    target = window.reading_pane.section_top(last.data(0, Qt.ItemDataRole.UserRole))
    assert bar.value() > 0
    assert bar.value() == min(target, bar.maximum())
    first = outline.topLevelItem(0)
    qtbot.mouseClick(outline.viewport(), Qt.MouseButton.LeftButton, pos=outline.visualItemRect(first).center())
    assert bar.value() < min(target, bar.maximum())


def test_citation_mark_reaches_its_reference_and_back(qtbot, window) -> None:
    import_and_wait(qtbot, window, [CITED])
    window.importer.summary_dialog.close()
    select_title(qtbot, window, "社区治理共同体视域下城市社区党建的实践路径")
    view = window.findChild(QTextBrowser, "articleView")
    refs = window.findChild(QListWidget, "referencesView")
    assert refs.count() == 4
    found = view.document().find("〔1〕")
    assert not found.isNull()
    view.setTextCursor(found)
    view.ensureCursorVisible()
    cursor = QTextCursor(found)
    cursor.setPosition(found.selectionStart() + 1)
    point = view.cursorRect(cursor).center()
    view.verticalScrollBar().setValue(view.verticalScrollBar().value())  # settle layout
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert refs.currentRow() == 0
    assert view.verticalScrollBar().value() == min(
        window.reading_pane.reference_top(1), view.verticalScrollBar().maximum()
    )
    # and back from the reference to where it is cited
    refs.setFocus()
    qtbot.keyClick(refs, Qt.Key.Key_Return)  # activating reference 1
    assert view.verticalScrollBar().value() == max(
        0, min(window.reading_pane.citation_top(1, 0) - 40, view.verticalScrollBar().maximum())
    )
    refs.setCurrentRow(1)
    window.reading_pane.references.copy_reference()
    assert QGuiApplication.clipboard().text().startswith("[2] 孙立民.社区治理中的多元主体参与困境及其破解")


def test_paste_as_article_and_refusals_are_reported(qtbot, window, tmp_path: Path) -> None:
    QGuiApplication.clipboard().setText((SHARED_CORPUS / "dev" / "05_lunwen90_wangge.txt").read_text("utf-8"))
    window.findChild(type(window.import_action), "actionPasteArticle").trigger()
    assert window.library.count() == 1
    assert window.reading_pane.article.title == "网格化治理中社区工作者的角色困境与纾解"
    window.reading_pane.show_article(None)
    window.findChild(type(window.import_action), "actionPasteArticle").trigger()  # the same text again
    assert window.library.count() == 1
    assert window.statusBar().currentMessage() == "This article is already in the library: it is open."
    assert window.reading_pane.article.title == "网格化治理中社区工作者的角色困境与纾解"

    QGuiApplication.clipboard().setText("just some English words, not an article")
    window.findChild(type(window.import_action), "actionPasteArticle").trigger()
    assert window.importer.summary_dialog.refusals.count() == 1
    assert "no article" in window.importer.summary_dialog.refusals.item(0).text()
    window.importer.summary_dialog.close()

    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "picture.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    summary = import_and_wait(qtbot, window, [empty, binary])
    assert len(summary.refused) == 2
    dialog = window.importer.summary_dialog
    assert dialog.isVisible()
    lines = [dialog.refusals.item(i).text() for i in range(dialog.refusals.count())]
    assert lines[0] == "empty.txt: the file is empty"
    assert lines[1].startswith("picture.txt: not a text file")
    assert window.library.count() == 1


def test_keyword_chip_filters_the_library(qtbot, window) -> None:
    import_and_wait(qtbot, window, [SEED, CITED])
    window.importer.summary_dialog.close()
    select_title(qtbot, window, "党建引领基层治理新探索")
    window.reading_pane._link(QUrl("kw:%E5%9F%BA%E5%B1%82%E6%B2%BB%E7%90%86"))  # 基层治理
    assert window.library_pane.search.text() == "基层治理"
    assert window.library_pane.model.rowCount() == 1


def test_filter_box_narrows_as_you_type(qtbot, window) -> None:
    import_and_wait(qtbot, window, [SEED, CITED])
    window.importer.summary_dialog.close()
    search = window.library_pane.search
    qtbot.keyClicks(search, "2021")  # ASCII only through QTest; the year is in neither title
    qtbot.waitUntil(lambda: window.library_pane.model.rowCount() == 0)
    search.clear()
    search.setText("周明远")  # an author
    qtbot.waitUntil(lambda: window.library_pane.model.rowCount() == 1)


def test_delete_and_undo_and_edit_metadata(qtbot, window) -> None:
    import_and_wait(qtbot, window, [SEED, CITED])
    window.importer.summary_dialog.close()
    select_title(qtbot, window, "党建引领基层治理新探索")
    article_id = window.library_pane.current_id()
    window.findChild(type(window.import_action), "actionDelete").trigger()
    assert window.library.count() == 1 and window.library_pane.model.rowCount() == 1
    window.undo_stack.undo()
    assert window.library.count() == 2
    assert window.library_pane.current_id() == article_id

    window.editing.edit_metadata()
    dialog = window.findChild(type(window), "metadataDialog") or QApplication.activeModalWidget()
    dialog = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "metadataDialog" and w.isVisible())
    dialog.authors.setText("向春玲；何海兵")
    dialog.year.setValue(2019)
    dialog.accept()
    assert window.library.article_meta(article_id)["authors"] == ["向春玲", "何海兵"]
    assert "向春玲" in window.findChild(QTextBrowser, "articleView").toPlainText()
    window.undo_stack.undo()
    assert window.library.article_meta(article_id)["authors"] == []
    window.undo_stack.redo()
    assert window.library.article_meta(article_id)["year"] == 2019


def test_courses_take_dropped_articles_and_filter(qtbot, window) -> None:
    import_and_wait(qtbot, window, [SEED, CITED])
    window.importer.summary_dialog.close()
    pane = window.library_pane
    course = pane.create_course("党建课程")
    select_title(qtbot, window, "党建引领基层治理新探索")
    article_id = pane.current_id()
    mime = pane.model.mimeData([pane.model.index(pane.model.row_of(article_id), 0)])
    groups = pane.groups_view
    courses_root = pane.groups.item(1)
    course_item = courses_root.child(0)
    point = groups.visualRect(course_item.index()).center()
    drop = QDropEvent(
        QPointF(point), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    groups.dropEvent(drop)
    assert window.library.collection_articles(course) == [article_id]
    course_item = pane.groups.item(1).child(0)
    groups.setCurrentIndex(course_item.index())
    assert pane.model.ids == [article_id]


def test_reading_position_font_size_and_layout_are_remembered(qtbot, tmp_path: Path) -> None:
    if not SEED.exists():
        pytest.skip("../shared/corpus is not here")
    folder = tmp_path / "lib"
    first = create_window(folder)
    qtbot.addWidget(first)
    first.resize(760, 540)  # within the offscreen screen, or restoring shrinks it to fit
    first.show()
    import_and_wait(qtbot, first, [SEED])
    first.importer.summary_dialog.close()
    select_title(qtbot, first, "党建引领基层治理新探索")
    first.reading_pane.zoom(2)
    size = first.reading_pane.font_size()
    view = first.findChild(QTextBrowser, "articleView")
    first.splitter.setSizes([180, 460, 100])  # the layout first: the place is measured in the layout it is kept in
    sizes = first.splitter.sizes()
    first.reading_pane.scroll_to_section(4)
    position = view.top_position()
    assert position > 0
    first_size = first.size()
    first.close()

    second = create_window(folder)
    qtbot.addWidget(second)
    second.show()
    assert second.reading_pane.font_size() == size
    assert second.size() == first_size
    assert second.splitter.sizes()[0] == sizes[0] and second.splitter.sizes()[2] == sizes[2]
    select_title(qtbot, second, "党建引领基层治理新探索")
    assert abs(second.findChild(QTextBrowser, "articleView").top_position() - position) < 80
    second.close()


def test_markup_in_a_dump_stays_text(qtbot, window) -> None:
    dump = (
        '<b>标题</b>里的<script>alert(1)</script>文章\n摘要:正文含有<img src="http://example.invalid/x.png">。\n'
        "一、问题\n" + "这是一段正文。" * 20 + "\n"
    )
    QGuiApplication.clipboard().setText(dump)
    window.findChild(type(window.import_action), "actionPasteArticle").trigger()
    view = window.findChild(QTextBrowser, "articleView")
    assert "<script>alert(1)</script>" in view.toPlainText()
    assert '<img src="http://example.invalid/x.png">' in view.toPlainText()
    assert "<img" not in view.document().toHtml().replace("&lt;img", "")


def test_drop_files_onto_the_window_imports_them(qtbot, window) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(SEED))])
    event = QDropEvent(
        QPointF(QPoint(300, 300)),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    job = window.importer.jobs[-1]
    with qtbot.waitSignal(job.done, timeout=20000):
        pass
    assert window.library.count() == 1


def test_library_model_passes_the_model_tester(qtmodeltester, tmp_path: Path, seed_bytes: bytes) -> None:
    from reader.core.library.store import Library

    library = Library(tmp_path / "library.sqlite3")
    library.import_bytes(seed_bytes, "seed.txt")
    library.import_bytes(CITED.read_bytes(), "dev.txt")
    model = LibraryModel(library)
    qtmodeltester.check(model)
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert model.index(0, 0).data() == "党建引领基层治理新探索"
    model.sort(3, Qt.SortOrder.DescendingOrder)  # year: 2021 before none
    assert model.index(0, 3).data() == 2021
    qtmodeltester.check(model)
    library.close()


def test_tags_and_status_from_the_library(qtbot, window) -> None:
    import_and_wait(qtbot, window, [SEED, CITED])
    window.importer.summary_dialog.close()
    pane = window.library_pane
    select_title(qtbot, window, "党建引领基层治理新探索")
    article_id = pane.current_id()
    assert window.library.article_meta(article_id)["status"] == "reading"  # opened, so no longer unread
    pane.tag([article_id], "基层治理")
    assert window.library.article_tags(article_id) == ["基层治理"]
    tags_root = pane.groups.item(2)
    pane.groups_view.setCurrentIndex(tags_root.child(0).index())
    assert pane.model.ids == [article_id]
    pane.set_status([article_id], "read")
    assert window.library.article_meta(article_id)["status"] == "read"


def test_full_text_search_opens_the_match(qtbot, window) -> None:
    import_and_wait(qtbot, window, [SEED, CITED])
    window.importer.summary_dialog.close()
    pane = window.library_pane
    pane.search.setText("黨建引領")  # traditional finds simplified
    qtbot.waitUntil(lambda: pane.results.isVisible() and pane.results.count() > 0)
    assert pane.model.rowCount() >= 1
    results = pane.results
    hit = next(h for h in results.hits() if h.field == "body")
    item = results.item(results.row_of_hit(hit))
    results.scrollToItem(item)
    qtbot.mouseClick(results.viewport(), Qt.MouseButton.LeftButton, pos=results.visualItemRect(item).center())
    view = window.findChild(QTextBrowser, "articleView")
    assert view.textCursor().selectedText() == "党建引领"
    assert window.reading_pane.article_id == hit.article_id
    pane.search.clear()
    qtbot.waitUntil(lambda: not pane.results.isVisible())
    assert pane.model.rowCount() == 2


def test_search_hits_are_visible_with_a_count_at_a_laptop_size(qtbot, window) -> None:
    """Hits in a zero-height list were no hits: at 1366×768 they get room, and the status bar counts."""
    import_and_wait(qtbot, window, [SEED, CITED])
    window.importer.summary_dialog.close()
    window.resize(1366, 768)
    pane = window.library_pane
    pane.splitter.setSizes([140, 600, 0])  # as a collapsed hits list was remembered
    pane.search.setText("治理")
    qtbot.waitUntil(lambda: pane.results.isVisible() and pane.results.count() > 0)
    assert pane.results.height() >= 120 and pane.results.width() >= 200
    assert pane.view.height() >= 100  # the list of articles keeps room too
    n, m = pane.model.rowCount(), pane.results.hit_count()
    assert 0 < m < pane.results.count()  # the hits, under a row for each article
    assert window.statusBar().currentMessage() == f"{n} articles, {m} places"
    pane.search.clear()
    qtbot.waitUntil(lambda: not pane.results.isVisible())
    assert window.statusBar().currentMessage() == "2 articles in the library"  # the count comes back


def test_first_run_offers_the_sample_article(qtbot, tmp_path: Path) -> None:
    win = create_window(tmp_path / "empty")
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: win.findChild(QTextBrowser, "articleView") is not None)  # built after the first paint
    view = win.findChild(QTextBrowser, "articleView")
    assert "Ctrl+H" in view.toPlainText()  # the short guide
    win.reading_pane._link(QUrl("start:sample"))
    assert win.library.count() == 1
    assert win.reading_pane.article.title == "研读入门：用好划线与学习笔记"
    assert win.findChild(QTreeWidget, "outlineView").topLevelItemCount() == 4
    win.close()


def test_first_run_page_can_be_dismissed(qtbot, tmp_path: Path) -> None:
    win = create_window(tmp_path / "empty")
    qtbot.addWidget(win)
    win.reading_pane._link(QUrl("start:dismiss"))
    win.close()
    again = create_window(tmp_path / "empty")  # still empty, no longer greeted
    qtbot.addWidget(again)
    assert again.library.count() == 0
    assert "Ctrl+H" not in again.findChild(QTextBrowser, "articleView").toPlainText()
    again.close()
