"""The library: round trip, dedupe, re-import keeping highlights and notes, migrations, atomicity."""

from __future__ import annotations

import sqlite3

import pytest

from reader.core.library import schema, store
from reader.core.library.store import Library


def test_round_trip(library: Library, seed_bytes: bytes) -> None:
    result = library.import_bytes(seed_bytes, "seed.txt", "/x/seed.txt")
    assert result.status == "imported"
    a = library.article(result.article_id)
    assert a is not None
    assert a.title == "党建引领基层治理新探索"
    assert a.source == "速读·中旬"
    assert a.keywords == ["党建引领", "基层治理", "探索策略"]
    assert [s.heading for s in a.headed_sections] == [
        "引言",
        "坚持党的全面领导,强化基层治理",
        "坚持以人民为中心,化解基层矛盾",
        "坚持一核多元发展,调动各方参与",
        "坚持基层法治建设,推进基层法治",
        "结语",
    ]
    assert len(a.references) == 2 and a.related_count == 3
    assert library.dump_bytes(result.article_id) == seed_bytes  # the original bytes are kept
    [row] = library.summaries()
    assert row["title"] == a.title and row["status"] == "unread"


def test_same_dump_twice_is_one_article(library: Library, seed_bytes: bytes) -> None:
    first = library.import_bytes(seed_bytes, "a.txt")
    second = library.import_bytes(seed_bytes, "b.txt")
    assert (first.status, second.status) == ("imported", "duplicate")
    assert second.article_id == first.article_id
    assert library.count() == 1


def test_refused_dump_is_not_stored(library: Library) -> None:
    result = library.import_bytes(b"", "empty.txt")
    assert result.status == "refused" and result.reason == "empty file"
    assert library.count() == 0


def _corrected(seed_bytes: bytes) -> bytes:
    text = seed_bytes.decode("utf-8")
    # A corrected dump: a typo fixed before the highlight, a new sentence in another section.
    text = text.replace("战斗堡作用", "战斗堡垒作用").replace("六、结语\n", "六、结语\n  本节新增一句话。\n")
    return text.encode("utf-8")


def test_reimport_updates_and_keeps_highlights_and_notes(library: Library, seed_bytes: bytes) -> None:
    article_id = library.import_bytes(seed_bytes, "seed.txt").article_id
    a = library.article(article_id)
    intro = next(i for i, s in enumerate(a.sections) if s.heading == "引言")
    body = "\n".join(a.sections[intro].paragraphs)
    quote = "广大党员的先锋模范作用"
    start = body.index(quote)
    hid = library.add_highlight(article_id, intro, start, start + len(quote), color=2)
    library.set_note("highlight", hid, "先锋模范")
    library.set_note("article", article_id, "# 学习心得\n基层治理")

    result = library.import_bytes(_corrected(seed_bytes), "seed-fixed.txt")
    assert result.status == "updated" and result.article_id == article_id
    assert library.count() == 1
    [h] = library.highlights(article_id)
    new_body = "\n".join(library.article(article_id).sections[h["section_position"]].paragraphs)
    assert new_body[h["start"] : h["end"]] == quote
    assert h["start"] == start + 1  # the character added before it moved it
    assert h["orphaned"] == 0 and h["color"] == 2 and h["note"] == "先锋模范"
    assert library.note("article", article_id) == "# 学习心得\n基层治理"


def test_highlight_that_cannot_be_placed_is_kept_orphaned(library: Library, seed_bytes: bytes) -> None:
    article_id = library.import_bytes(seed_bytes, "seed.txt").article_id
    a = library.article(article_id)
    body = "\n".join(a.sections[1].paragraphs)
    quote = "令世人惊叹"
    start = body.index(quote)
    library.add_highlight(article_id, 1, start, start + len(quote))
    changed = seed_bytes.decode("utf-8").replace("令世人惊叹", "举世瞩目").encode("utf-8")
    assert library.import_bytes(changed, "seed.txt").status == "updated"
    [h] = library.highlights(article_id)
    assert h["orphaned"] == 1 and h["quote"] == quote


def test_import_is_atomic_per_file(library: Library, seed_bytes: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(store, "write_parts", fail)
    with pytest.raises(sqlite3.OperationalError):
        library.import_bytes(seed_bytes, "seed.txt")
    for table in ("articles", "dumps", "sections", "refs", "related"):
        assert library.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0


def test_migration_from_an_empty_database(tmp_path) -> None:
    path = tmp_path / "library.sqlite3"
    sqlite3.connect(path).close()  # an empty file of version 0
    lib = Library(path)
    assert lib.migrated_from == 0
    assert schema.version(lib.db) == schema.LATEST
    assert {
        "articles",
        "dumps",
        "sections",
        "refs",
        "related",
        "collections",
        "tags",
        "highlights",
        "notes",
        "reading_positions",
    } <= set(lib.db.table_names())
    assert lib.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    lib.close()
    again = Library(path)
    assert again.migrated_from == schema.LATEST
    again.close()


def test_newer_schema_is_refused(tmp_path) -> None:
    path = tmp_path / "library.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {schema.LATEST + 1}")
    conn.close()
    with pytest.raises(RuntimeError, match="newer"):
        Library(path)


def test_reparse_keeps_ids_and_notes(library: Library, seed_bytes: bytes) -> None:
    article_id = library.import_bytes(seed_bytes, "seed.txt").article_id
    library.set_note("article", article_id, "note")
    library.db.execute("UPDATE sections SET heading = 'stale' WHERE article_id = ?", [article_id])
    assert library.reparse() == {"reparsed": 1, "failed": 0}
    assert library.article_ids() == [article_id]
    assert "stale" not in [s.heading for s in library.article(article_id).sections]
    assert library.note("article", article_id) == "note"


def test_collections_tags_and_cascades(library: Library, seed_bytes: bytes) -> None:
    article_id = library.import_bytes(seed_bytes, "seed.txt").article_id
    course = library.create_collection("党建课程")
    library.add_to_collection(course, [article_id, article_id])
    library.tag_article(article_id, "基层治理")
    library.set_note("collection", course, "课程笔记")
    assert library.collection_articles(course) == [article_id]
    assert library.article_tags(article_id) == ["基层治理"]
    library.rename_collection(course, "党建与治理")
    assert [c["name"] for c in library.collections()] == ["党建与治理"]
    library.delete_article(article_id)
    assert library.collection_articles(course) == []
    assert library.tags()[0]["articles"] == 0
    library.delete_collection(course)
    assert library.note("collection", course) == ""


def test_metadata_edit(library: Library, seed_bytes: bytes) -> None:
    article_id = library.import_bytes(seed_bytes, "seed.txt").article_id
    library.update_metadata(article_id, authors=["向春玲"], year=2018)
    meta = library.article_meta(article_id)
    assert meta["authors"] == ["向春玲"] and meta["year"] == 2018
    with pytest.raises(ValueError):
        library.update_metadata(article_id, content_hash="x")


def test_same_title_without_author_or_journal_stays_two_articles(library: Library) -> None:
    body = "一、问题\n" + "这是正文。" * 30 + "\n"
    first = library.import_bytes(("浅谈党建工作\n摘要:甲文的摘要。\n" + body).encode(), "a.txt", "/x/a.txt")
    second = library.import_bytes(("浅谈党建工作\n摘要:乙文的摘要。\n" + body).encode(), "b.txt", "/x/b.txt")
    assert (first.status, second.status) == ("imported", "imported")
    again = library.import_bytes(("浅谈党建工作\n摘要:甲文改过的摘要。\n" + body).encode(), "a.txt", "/x/a.txt")
    assert (again.status, again.article_id) == ("updated", first.article_id)


def test_trash_and_restore(library: Library, seed_bytes: bytes) -> None:
    article_id = library.import_bytes(seed_bytes, "seed.txt").article_id
    library.set_note("article", article_id, "心得")
    library.trash([article_id])
    assert library.count() == 0 and library.summaries() == []
    library.restore([article_id])
    assert library.count() == 1 and library.note("article", article_id) == "心得"
    library.trash([article_id])
    assert library.import_bytes(seed_bytes, "seed.txt").status == "imported"  # importing it again brings it back
    library.trash([article_id])
    assert library.empty_trash() == 1
    assert library.note("article", article_id) == ""


def test_migration_from_version_1_keeps_articles(tmp_path, seed_bytes: bytes) -> None:
    path = tmp_path / "library.sqlite3"
    from sqlite_utils import Database

    db = Database(sqlite3.connect(path, isolation_level=None))
    schema.MIGRATIONS[0](db)
    db.execute("PRAGMA user_version = 1")
    db.execute(
        "INSERT INTO articles (content_hash, identity, title, parser_version, added_at, updated_at)"
        " VALUES ('h', 't||', 'an old article', 1, '2026-01-01', '2026-01-01')"
    )
    db.conn.close()
    lib = Library(path)
    assert lib.migrated_from == 1
    assert [r["title"] for r in lib.summaries()] == ["an old article"]
    lib.close()


def _dump(paragraphs: list[str]) -> bytes:
    head = "再锚定的测试文章题目\n\n来源 :学习时报 | 被引量 : 0次\n  ◆摘  要:摘要。\n  一、正文\n"
    return (head + "\n".join(paragraphs) + "\n" + "结尾的正文内容。" * 20 + "\n").encode("utf-8")


def test_a_highlight_on_the_second_of_two_equal_paragraphs_stays_there(library: Library) -> None:
    """Issue 14, item 3: ties are broken by which occurrence it was, not by distance to the old offset."""
    same = "这一段在文中出现了两次，内容完全相同，而且足够长，前后文也一样长。" * 2
    other = "中间隔着一段不同的文字。"
    article_id = library.import_bytes(_dump([same, other, same]), "a.txt").article_id
    body = "\n".join(library.article(article_id).sections[0].paragraphs)
    second = body.index(same, body.index(other)) + same.index("内容完全相同")  # context as the first copy's
    hid = library.add_highlight(article_id, 0, second, second + 6)
    grown = "前面新增了很长的一段文字，" * 8  # longer than the distance between the two copies
    assert library.import_bytes(_dump([grown + other, same, other, same]), "a.txt").status == "updated"
    h = library.highlight(hid)
    new_body = "\n".join(library.article(article_id).sections[0].paragraphs)
    copies = [k for k in range(len(new_body)) if new_body.startswith(same, k)]
    assert h["start"] == copies[1] + same.index("内容完全相同") and not h["orphaned"]


def test_a_highlight_across_two_paragraphs_that_a_correction_joins(library: Library) -> None:
    first, second = "第一段的结尾是这样写的", "第二段的开头接着说下去。"
    article_id = library.import_bytes(_dump(["开头一段。", first, second]), "b.txt").article_id
    body = "\n".join(library.article(article_id).sections[0].paragraphs)
    start = body.index("这样写的")
    end = body.index("接着说") + 3
    hid = library.add_highlight(article_id, 0, start, end)
    assert "\n" in library.highlight(hid)["quote"]
    assert library.import_bytes(_dump(["开头一段。", first + second]), "b.txt").status == "updated"
    h = library.highlight(hid)
    new_body = "\n".join(library.article(article_id).sections[0].paragraphs)
    assert not h["orphaned"] and new_body[h["start"] : h["end"]] == "这样写的第二段的开头接着说" == h["quote"]


def test_two_pdfs_never_become_one_article_by_their_guessed_identity(tmp_path) -> None:
    """A PDF's title comes from its type sizes and may be wrong: a PDF corrects only the article of its
    own file; a page dump never replaces a document's original bytes."""
    import subprocess
    import sys

    from tests.conftest import FIXTURES

    out = tmp_path / "built"
    run = subprocess.run(
        [sys.executable, str(FIXTURES / "documents" / "build.py"), str(out), "03_header_jisuanji_rizhi"],
        capture_output=True,
        timeout=120,
    )
    if run.returncode == 3:
        pytest.skip("reportlab is not installed")
    pdf = (out / "03_header_jisuanji_rizhi.pdf").read_bytes()
    library = Library(tmp_path / "lib.sqlite3")
    first = library.import_bytes(pdf, "a.pdf", source_path=str(tmp_path / "a.pdf"))
    second = library.import_bytes(pdf + b"\n%another copy\n", "b.pdf", source_path=str(tmp_path / "b.pdf"))
    assert (first.status, second.status) == ("imported", "imported") and first.article_id != second.article_id
    again = library.import_bytes(pdf + b"\n%corrected\n", "a.pdf", source_path=str(tmp_path / "a.pdf"))
    assert (again.status, again.article_id) == ("updated", first.article_id)
    article = library.article(first.article_id)
    dump = "\n".join(
        [article.title or "", "　".join(article.authors), f"来源：{article.source}", "摘要：" + "正文。" * 30]
    )
    as_text = library.import_bytes(dump.encode(), "copy.txt", source_path=str(tmp_path / "copy.txt"))
    assert as_text.article_id not in (first.article_id, second.article_id)
    assert library.dump_bytes(first.article_id)[:5] == b"%PDF-"
    third = library.import_bytes(pdf + b"\n%a third\n", "c.pdf", source_path=str(tmp_path / "c.pdf"))
    assert third.status == "imported" and library.dump_bytes(as_text.article_id)[:5] != b"%PDF-"
    library.close()
