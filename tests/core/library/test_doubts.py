"""What the parser doubted is kept, listed and cleared by a correction; corrections survive a re-parse."""

from __future__ import annotations

from reader.core.library import listing
from reader.core.library.store import Library

DUMP = (
    "社区协商议事规则的完善路径\n摘要:本文讨论社区协商议事规则。\n关键词:协商;议事\n一、问题的提出\n"
    + "社区协商议事是基层民主的重要形式,近年来各地开展了大量探索。" * 5
)


def test_doubts_are_stored_and_a_correction_clears_its_doubt_for_good() -> None:
    library = Library()
    article_id = library.import_bytes(DUMP.encode("utf-8"), "a.txt").article_id
    meta = library.article_meta(article_id)
    assert {"no_authors", "no_year"} <= set(meta["doubts"])
    assert library.article(article_id).doubts == meta["doubts"]
    assert library.doubtful_count() == 1
    assert listing.article_ids(library.db, listing.Filter(doubtful=True)) == [article_id]

    library.update_metadata(article_id, authors=["韩立秋"], title="更正后的题名")
    meta = library.article_meta(article_id)
    assert "no_authors" not in meta["doubts"] and "no_year" in meta["doubts"]
    assert set(meta["corrected"]) == {"authors", "title"}

    library.reparse()  # a new parse never overwrites what the reader corrected
    meta = library.article_meta(article_id)
    assert (meta["title"], meta["authors"]) == ("更正后的题名", ["韩立秋"])
    assert "no_authors" not in meta["doubts"] and "no_year" in meta["doubts"]

    library.update_metadata(article_id, year=2020)
    assert library.article_meta(article_id)["doubts"] == []
    assert library.doubtful_count() == 0
    assert listing.article_ids(library.db, listing.Filter(doubtful=True)) == []
    library.close()


def test_reading_status_is_no_correction() -> None:
    library = Library()
    article_id = library.import_bytes(DUMP.encode("utf-8"), "a.txt").article_id
    library.update_metadata(article_id, status="read")
    assert library.article_meta(article_id)["corrected"] == []
    library.close()
