"""Undoable edits of the library: each command changes the store, then calls back whoever shows it.

Commands take what they act on (the ``Library``, ids) and callables to report a change, never the
window; their text comes translated from the caller.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from reader.core.library.store import Library


class DeleteArticles(QUndoCommand):
    """Deleting moves articles to the trash; undo brings them back with everything they had.

    ``changed(shown)`` follows each step; ``shown`` holds the articles that came back."""

    def __init__(
        self, text: str, library: Library, article_ids: list[int], changed: Callable[[list[int]], None]
    ) -> None:
        super().__init__(text)
        self.library, self.article_ids, self.changed = library, list(article_ids), changed

    def redo(self) -> None:
        self.library.trash(self.article_ids)
        self.changed([])

    def undo(self) -> None:
        self.library.restore(self.article_ids)
        self.changed(self.article_ids)


class EditMetadata(QUndoCommand):
    """Edited fields of one article; ``changed(article_id)`` follows each step. Undo brings back the
    fields and what was doubted and corrected before."""

    def __init__(
        self,
        text: str,
        library: Library,
        article_id: int,
        before: dict[str, Any],
        after: dict[str, Any],
        changed: Callable[[int], None],
    ) -> None:
        super().__init__(text)
        self.library, self.article_id, self.changed = library, article_id, changed
        self.before, self.after = before, after

        self.review: tuple[list[str], list[str]] | None = None  # (doubts, corrected) before the edit

    def redo(self) -> None:
        self.review = self.review or self.library.review(self.article_id)
        self.library.update_metadata(self.article_id, **self.after)
        self.changed(self.article_id)

    def undo(self) -> None:
        self.library.update_metadata(self.article_id, **self.before)
        if self.review is not None:
            self.library.set_review(self.article_id, *self.review)
        self.changed(self.article_id)


class MarkChecked(QUndoCommand):
    """The reader checked these articles' details: their doubts go; undo brings them back."""

    def __init__(self, text: str, library: Library, article_ids: list[int], changed: Callable[[int], None]) -> None:
        super().__init__(text)
        self.library, self.changed = library, changed
        self.saved = {a: library.review(a) for a in article_ids}

    def redo(self) -> None:
        for article_id, (_, corrected) in self.saved.items():
            self.library.set_review(article_id, [], corrected)
            self.changed(article_id)

    def undo(self) -> None:
        for article_id, (doubts, corrected) in self.saved.items():
            self.library.set_review(article_id, doubts, corrected)
            self.changed(article_id)


class _HighlightCommand(QUndoCommand):
    """``changed(select)`` follows each step (the highlight to select, or None); ``release(id)`` is
    called before a highlight is deleted, so that an editor open on its note saves and lets go."""

    def __init__(
        self,
        text: str,
        library: Library,
        changed: Callable[[int | None], None],
        release: Callable[[int], None] = lambda _id: None,
    ) -> None:
        super().__init__(text)
        self.library, self.changed, self.release = library, changed, release

    def _delete(self, highlight_id: int) -> dict[str, Any] | None:
        self.release(highlight_id)
        saved = self.library.delete_highlight(highlight_id)
        self.changed(None)
        return saved


class AddHighlight(_HighlightCommand):
    def __init__(
        self,
        text: str,
        library: Library,
        spot: tuple[int, int, int, int, int],
        changed: Callable[[int | None], None],
        release: Callable[[int], None] = lambda _id: None,
        more: list[tuple[int, int, int]] | None = None,
    ) -> None:
        """``spot`` is (article id, section, start, end, colour), as ``Library.add_highlight`` takes it;
        ``more`` the (section, start, end) of the parts in later sections, stored linked to the first."""
        super().__init__(text, library, changed, release)
        self.spot, self.more = spot, more or []
        self.highlight_id: int | None = None
        self.ids: list[int] = []
        self.saved: list[dict[str, Any] | None] = []

    def redo(self) -> None:
        if not self.saved:
            self.highlight_id = self.library.add_highlight(*self.spot)
            article_id, color = self.spot[0], self.spot[4]
            self.ids = [self.highlight_id]
            self.ids += [self.library.add_highlight(article_id, *p, color, self.highlight_id) for p in self.more]
        else:
            self.ids = [self.library.restore_highlight(s) for s in self.saved if s is not None]
            self.highlight_id = self.ids[0]
        self.changed(self.highlight_id)

    def undo(self) -> None:
        assert self.highlight_id is not None
        self.saved = [self._delete(i) for i in self.ids]


class RecolorHighlight(_HighlightCommand):
    def __init__(
        self,
        text: str,
        library: Library,
        highlight_id: int,
        before: int,
        after: int,
        changed: Callable[[int | None], None],
    ) -> None:
        super().__init__(text, library, changed)
        self.highlight_id, self.before, self.after = highlight_id, before, after

    def redo(self) -> None:
        self.library.recolor_highlight(self.highlight_id, self.after)
        self.changed(self.highlight_id)

    def undo(self) -> None:
        self.library.recolor_highlight(self.highlight_id, self.before)
        self.changed(self.highlight_id)


class DeleteHighlight(_HighlightCommand):
    """Deleting a highlight keeps its note and tags for undo."""

    def __init__(
        self,
        text: str,
        library: Library,
        highlight_id: int,
        changed: Callable[[int | None], None],
        release: Callable[[int], None] = lambda _id: None,
    ) -> None:
        super().__init__(text, library, changed, release)
        self.highlight_id = highlight_id
        self.ids = library.linked_highlights(highlight_id) or [highlight_id]  # every part of it, as one
        self.saved: list[dict[str, Any] | None] = []

    def redo(self) -> None:
        self.saved = [self._delete(i) for i in self.ids]

    def undo(self) -> None:
        for saved in self.saved:
            if saved is not None:
                self.library.restore_highlight(saved)
        self.changed(self.highlight_id)
