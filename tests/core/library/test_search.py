"""Full-text search equals a substring scan, on a generated library whose generator knows what is where."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from reader.cli import main
from reader.core.library.search_index import (
    MARK_CLOSE,
    MARK_OPEN,
    Query,
    _match_expression,
    matching_articles,
    normalize,
    search,
)
from reader.core.library.store import Library

# A small alphabet, so that two-, three- and four-character strings recur across documents.
CHARS = "党建引领基层治理社区服务学生教育发展创新制度人民群众文化"
TRADITIONAL = {
    "党": "黨",
    "层": "層",
    "领": "領",
    "务": "務",
    "学": "學",
    "众": "眾",
    "发": "發",
    "创": "創",
    "区": "區",
}
WORDS = ["AI", "GDP", "5G"]


def random_text(rng: random.Random, n: int) -> str:
    out = []
    while len(out) < n:
        roll = rng.random()
        if roll < 0.04:
            out.append(" " + rng.choice(WORDS) + " ")
        elif roll < 0.10:
            out.append(rng.choice("，。；、"))
        else:
            ch = rng.choice(CHARS)
            out.append(TRADITIONAL.get(ch, ch) if rng.random() < 0.15 else ch)
    return "".join(out)


@pytest.fixture(scope="module")
def generated() -> tuple[Library, dict[int, list[str]]]:
    """120 articles; returns the library and, per article, the texts a search may match in."""
    rng = random.Random(11)
    library = Library()
    fields: dict[int, list[str]] = {}
    for i in range(120):
        title = f"第{i}篇{random_text(rng, 10)}"
        abstract = random_text(rng, 60)
        paragraphs = [random_text(rng, 80) for _ in range(3)]
        dump = f"{title}\n摘要:{abstract}\n一、研究\n" + "\n".join(paragraphs) + "\n"
        article_id = library.import_bytes(dump.encode("utf-8"), f"{i}.txt").article_id
        assert article_id is not None
        article = library.article(article_id)
        texts = [article.title, "　".join([*article.authors, article.source or "", *article.keywords])]
        texts += [article.abstract or ""]
        texts += ["\n".join(([s.heading] if s.heading else []) + s.paragraphs) for s in article.sections]
        fields[article_id] = texts
    return library, fields


# Every script a user may type: CJK, Latin letters (both cases), digits, full-width forms, punctuation.
MIXED = "党建年号股网AaBbGgPpTt0129ＡＢ１２，。、（）〔〕《》-.%·"


def mixed_text(rng: random.Random, n: int) -> str:
    return "".join(" " if rng.random() < 0.05 else rng.choice(MIXED) for _ in range(n))


@pytest.fixture(scope="module")
def mixed() -> tuple[Library, dict[int, list[str]]]:
    rng = random.Random(23)
    library = Library()
    fields: dict[int, list[str]] = {}
    for i in range(60):
        paragraphs = [mixed_text(rng, 60) for _ in range(2)]
        dump = f"第{i}篇混合文字的文章\n摘要:摘要。\n一、研究\n" + "\n".join(paragraphs) + "\n" + "正文。" * 30 + "\n"
        article_id = library.import_bytes(dump.encode("utf-8"), f"{i}.txt").article_id
        assert article_id is not None
        article = library.article(article_id)
        texts = [article.title, "　".join([*article.authors, article.source or "", *article.keywords])]
        texts += [article.abstract or ""]
        texts += ["\n".join(([s.heading] if s.heading else []) + s.paragraphs) for s in article.sections]
        fields[article_id] = texts
    return library, fields


def typed(query: str) -> bool:
    """A query that is one plain term: no space, no quote, no leading minus, no `name:`."""
    return bool(query) and not any(c.isspace() or c in '":' for c in query) and not query.startswith("-")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_mix_of_scripts_equals_a_substring_scan(mixed, data: st.DataObject) -> None:
    library, fields = mixed
    if data.draw(st.booleans()):  # a string that occurs somewhere
        texts = [t for ts in fields.values() for t in ts if len(t) > 6]
        text = data.draw(st.sampled_from(texts))
        start = data.draw(st.integers(0, len(text) - 5))
        query = text[start : start + data.draw(st.integers(1, 5))]
    else:
        query = data.draw(st.text(alphabet=MIXED, min_size=1, max_size=4))
    assume(typed(query))
    assert set(matching_articles(library.db, query)) == scan(fields, query), query


def scan(fields: dict[int, list[str]], query: str) -> set[int]:
    q = normalize(query)
    return {a for a, texts in fields.items() if any(q in normalize(t) for t in texts)}


def queries(fields: dict[int, list[str]], length: int, count: int, seed: int) -> list[str]:
    """Substrings that occur (drawn from the texts) and strings that may not."""
    rng = random.Random(seed)
    texts = [t for ts in fields.values() for t in ts if len(t) > length]
    found = []
    while len(found) < count:
        t = rng.choice(texts)
        start = rng.randrange(0, len(t) - length)
        s = t[start : start + length]
        if all("\u4e00" <= c <= "\u9fff" for c in s):
            found.append(s)
    return found + ["".join(rng.choice(CHARS) for _ in range(length)) for _ in range(count // 2)]


@pytest.mark.parametrize("length", [1, 2, 3, 4])
def test_results_equal_a_substring_scan(generated, length: int) -> None:
    library, fields = generated
    for q in queries(fields, length, 25, seed=length):
        assert set(matching_articles(library.db, q)) == scan(fields, q), q


def test_traditional_and_simplified_find_each_other(generated) -> None:
    library, fields = generated
    for simplified, traditional in (("党建", "黨建"), ("基层", "基層"), ("学生", "學生"), ("群众", "群眾")):
        expected = scan(fields, simplified)
        assert expected, simplified
        assert (
            set(matching_articles(library.db, traditional))
            == expected
            == set(matching_articles(library.db, simplified))
        )


def test_mixed_latin_and_full_width(generated) -> None:
    library, fields = generated
    assert set(matching_articles(library.db, "AI")) == scan(fields, " AI ")
    assert set(matching_articles(library.db, "ＡＩ")) == set(
        matching_articles(library.db, "ai")
    )  # width and case folded


def test_and_phrase_exclude(generated) -> None:
    library, fields = generated
    both = scan(fields, "党建") & scan(fields, "治理")
    assert set(matching_articles(library.db, "党建 治理")) == both
    assert set(matching_articles(library.db, "党建 -治理")) == scan(fields, "党建") - scan(fields, "治理")
    assert set(matching_articles(library.db, '"党建引领"')) == scan(fields, "党建引领")


def test_snippets_mark_the_match_on_the_original_text(generated) -> None:
    library, _ = generated
    for hit in search(library.db, "黨建", limit=20):
        marked = hit.snippet.split(MARK_OPEN, 1)[1].split(MARK_CLOSE, 1)[0]
        assert normalize(marked) == "党建"  # 党建 or 黨建 as the article writes it


def test_field_filters(generated) -> None:
    library, _ = generated
    first = library.article_ids()[-1]
    title = library.article_meta(first)["title"]
    hits = search(library.db, f"title:{title[:4]}", limit=50)
    assert {h.article_id for h in hits} == {
        a for a in library.article_ids() if library.article_meta(a)["title"].startswith(title[:4])
    }
    course = library.create_collection("治理课")
    library.add_to_collection(course, [first])
    assert {h.article_id for h in search(library.db, "course:治理课")} == {first}


def test_query_parsing() -> None:
    q = Query.parse('党建 "基层 治理" -社区 title:乡村 author:王 x:y')
    assert q.terms == ["党建", "基层 治理", "x:y"]
    assert q.excluded == ["社区"]
    assert q.filters == [("title", "乡村"), ("author", "王")]


def test_index_follows_edits_deletes_highlights_and_notes(seed_bytes: bytes) -> None:
    library = Library()
    article_id = library.import_bytes(seed_bytes, "seed.txt").article_id
    assert matching_articles(library.db, "坚不可摧") == [article_id]
    library.update_metadata(article_id, title="一个新的题名叫做乡贤")
    assert matching_articles(library.db, "乡贤") == [article_id]
    library.set_note("article", article_id, "我的体会是赋能")
    assert [h.where for h in search(library.db, "赋能")] == ["note"]
    body = "\n".join(library.article(article_id).sections[0].paragraphs)
    start = body.index("先锋模范")
    hid = library.add_highlight(article_id, 0, start, start + 4)
    library.set_note("highlight", hid, "批注里写下网格化")
    assert [h.where for h in search(library.db, "网格化")] == ["highlight"]
    library.delete_highlight(hid)
    assert search(library.db, "网格化") == []
    library.trash([article_id])
    assert matching_articles(library.db, "坚不可摧") == []
    library.restore([article_id])
    assert matching_articles(library.db, "坚不可摧") == [article_id]
    library.delete_article(article_id)
    assert library.db.execute("SELECT count(*) FROM search_rows").fetchone()[0] == 0
    expression = _match_expression("坚不可摧")
    assert (
        library.db.execute("SELECT count(*) FROM search_index WHERE search_index MATCH ?", [expression]).fetchone()[0]
        == 0
    )


def test_cli_search_json_and_reindex(tmp_path, seed_bytes: bytes, capsys: pytest.CaptureFixture[str]) -> None:
    library = Library.in_folder(tmp_path)
    library.import_bytes(seed_bytes, "seed.txt")
    library.close()
    assert main(["search", "--data-dir", str(tmp_path), "--json", "--limit", "2", "黨建"]) == 0
    lines = [__import__("json").loads(x) for x in capsys.readouterr().out.splitlines()]
    assert len(lines) == 2
    for hit in lines:
        assert {"article_id", "title", "where", "snippet"} <= set(hit)
        assert f"{MARK_OPEN}党建{MARK_CLOSE}" in hit["snippet"]
    assert main(["reindex", "--data-dir", str(tmp_path)]) == 0
    assert "indexed 1 articles" in capsys.readouterr().out


def test_migration_builds_the_index_for_an_existing_library(tmp_path, seed_bytes: bytes) -> None:
    import sqlite3

    from sqlite_utils import Database

    from reader.core.library import schema

    path = tmp_path / "library.sqlite3"
    library = Library(path)
    article_id = library.import_bytes(seed_bytes, "seed.txt").article_id
    library.close()
    db = Database(sqlite3.connect(path, isolation_level=None))  # as a library of version 3 had it
    db.execute("DROP TABLE search_index")
    db.execute("DROP TABLE search_rows")
    db.execute("DROP INDEX articles_source_path")  # added by later versions, with the columns
    for column in ("doubts", "corrected", "footnotes"):
        db.execute(f"ALTER TABLE articles DROP COLUMN {column}")
    db.execute("ALTER TABLE highlights DROP COLUMN link")
    db.execute(f"PRAGMA user_version = {schema.SEARCH_SINCE - 1}")
    db.conn.close()
    again = Library(path)
    assert again.migrated_from == schema.SEARCH_SINCE - 1
    assert matching_articles(again.db, "坚不可摧") == [article_id]
    again.close()


def test_no_phrase_across_a_gap_and_single_character_conversion() -> None:
    library = Library()
    dump = "标题是一篇文章的题目\n摘要:讨论一个问题。\n一、问题\n中国\n国家治理是乾隆年间的旧话题。\n"
    dump += "正文。" * 30 + "\n"
    article_id = library.import_bytes(dump.encode("utf-8"), "a.txt").article_id
    assert matching_articles(library.db, "中国家") == []  # 中国 / 国家 stand on two lines
    assert matching_articles(library.db, "治理 中国家") == []
    assert matching_articles(library.db, "中国 -中国家") == [article_id]
    assert matching_articles(library.db, "乾") == [article_id]  # 乾 inside 乾隆 is still 乾
    assert matching_articles(library.db, "-title:标题 中国") == []
    assert matching_articles(library.db, "-title:别的 中国") == [article_id]


def test_mixed_scripts_are_found_as_a_substring_scan_finds_them() -> None:
    """Digits and Latin letters next to one Chinese character, and Latin inside a word."""
    library = Library()
    text = "2023年以来，按照〔2019〕19号文件要求，A股市场与5G网络、ChatGPT和COVID-19的研究不断推进。"
    dump = f"混合文字的检索测试文章\n摘要:检索。\n一、正文\n{text}\n" + "正文。" * 30 + "\n"
    article_id = library.import_bytes(dump.encode("utf-8"), "mixed.txt").article_id
    for query in ("2023年", "19号", "A股", "5G网", "Chat", "GPT", "OVID", "〔2019〕", "ｇｐｔ", "t和C", "9的"):
        assert matching_articles(library.db, query) == [article_id], query
        [hit] = [h for h in search(library.db, query) if h.field == "body"]
        assert normalize(hit.snippet.split(MARK_OPEN, 1)[1].split(MARK_CLOSE, 1)[0]) == normalize(query)
    for query in ("2024年", "GPT-4", "年 以来", "19号文件 要求"):
        assert matching_articles(library.db, query) == ([article_id] if " " in query else []), query
    assert matching_articles(library.db, '"年 以来"') == []  # a quoted space is a space of the text
