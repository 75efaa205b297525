"""字数 as Word counts it (Chinese characters and punctuation plus Latin words, of the text a reader
sees), the 目标字数 a template sets in its front matter, and the export saying when notes fall short."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from reader.cli import main
from reader.core.export.docx import article_document
from reader.core.export.length import body, short_notes, shortfall, target, word_count
from reader.core.export.markdown import Exporter
from reader.core.export.study_notes import TEMPLATES
from reader.core.library.store import Library

WITH_TARGET = "---\n目标字数: 1500\n---\n# 学习心得\n\n基层治理的关键在党建引领。\n"


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("学习 Python 3 心得。", 7),  # 4 characters, 2 words, 1 punctuation mark
        ("# 学习心得\n\n**重点**：[链接](http://example.com/a-long-address) don't stop.", 11),  # the address is no text
        ("- 一\n- 二\n\n> 引\n", 3),  # list and quote marks are no text
        ("```\nprint(1)\n```\n", 2),  # code is text: print, 1
        ("", 0),
        (WITH_TARGET, 17),  # the front matter is not counted: 学习心得 4, the sentence 13
    ],
)
def test_word_count(text: str, count: int) -> None:
    assert word_count(text) == count


def test_target_from_front_matter() -> None:
    assert target(WITH_TARGET) == 1500 and shortfall(WITH_TARGET) == (17, 1500)
    assert target("# 没有目标\n") is None and shortfall("# 没有目标\n") is None
    assert target("---\n目标字数: 很多\n---\n") is None and target("---\n目标字数: 0\n---\n") is None
    assert shortfall("---\n目标字数: 3\n---\n足够了\n") is None  # reached
    assert body(WITH_TARGET).startswith("# 学习心得") and body("---\n\n正文\n") == "---\n\n正文\n"
    shipped = (TEMPLATES / "课程作业.md").read_text(encoding="utf-8")
    assert target(shipped) == 1500


def test_exports_leave_the_front_matter_out_and_say_when_short(
    library: Library, seed_bytes: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article_id = library.import_bytes(seed_bytes, "seed.txt").article_id
    library.set_note("article", article_id, WITH_TARGET)
    text = Exporter(library).article_markdown(article_id)
    assert "目标字数" not in text and "### 学习心得" in text
    doc = article_document(library, article_id).save(tmp_path / "a.docx")
    assert not any("目标字数" in p.text for p in Document(str(doc)).paragraphs)
    assert short_notes(library, [article_id]) == [("党建引领基层治理新探索", 17, 1500)]
    lib_dir = tmp_path / "lib"
    real = Library.in_folder(lib_dir)
    new = real.import_bytes(seed_bytes, "seed.txt").article_id
    real.set_note("article", new, WITH_TARGET)
    real.close()
    assert main(["export", "--data-dir", str(lib_dir), "--article", str(new), "--out", str(tmp_path / "o")]) == 0
    err = capsys.readouterr().err
    assert "17 characters (字数), under their target of 1500" in err and "党建引领基层治理新探索" in err
