"""Doubts in the window: the article view asks to check them, the library lists them, F2 clears them."""

from __future__ import annotations

from pathlib import Path

from reader.app import create_window
from reader.ui.library_pane import KIND_ROLE

DUMP = (
    "社区协商议事规则的完善路径\n摘要:本文讨论社区协商议事规则。\n关键词:协商;议事\n一、问题的提出\n"
    + "社区协商议事是基层民主的重要形式,近年来各地开展了大量探索。" * 5
)


def test_doubts_are_shown_listed_and_cleared(qtbot, tmp_path: Path) -> None:
    window = create_window(tmp_path / "lib")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    article_id = window.library.import_bytes(DUMP.encode("utf-8"), "a.txt").article_id
    window.library_pane.reload()
    window.library_pane.reload_groups()
    window.library_pane.select_article(article_id)
    html = window.reading_pane.view.toHtml()
    assert "Please check" in html and "no authors found" in html and "no year found" in html

    groups = window.library_pane.groups
    everything = groups.item(0)
    [to_check] = [everything.child(r) for r in range(everything.rowCount())]
    assert to_check.data(KIND_ROLE) == "doubtful" and "(1)" in to_check.text()
    window.library_pane.groups_view.setCurrentIndex(to_check.index())
    assert window.library_pane.model.ids == [article_id]
    view = window.library_pane.view
    assert view.isVisible() and view.height() > 100

    before = window.library.article_meta(article_id)
    window.editing.apply(
        article_id, before, {**{k: before[k] for k in ("title", "source")}, "authors": ["韩立秋"], "year": 2021}
    )
    assert set(window.library.article_meta(article_id)["corrected"]) == {"authors", "year"}  # only what changed
    assert window.library.article_meta(article_id)["doubts"] == []
    assert groups.item(0).rowCount() == 0  # nothing left to check
    assert "Please check" not in window.reading_pane.view.toHtml()
    window.undo_stack.undo()
    meta = window.library.article_meta(article_id)
    assert meta["authors"] == [] and meta["corrected"] == [] and set(meta["doubts"]) >= {"no_authors", "no_year"}
    assert "(1)" in groups.item(0).child(0).text()  # back to check
    window.library_pane.select_article(article_id)
    window.findChild(type(window.highlight_action), "actionMarkChecked").trigger()  # "the details are right"
    assert window.library.article_meta(article_id)["doubts"] == [] and groups.item(0).rowCount() == 0
    window.undo_stack.undo()
    assert window.library.doubtful_count() == 1
    window.close()
