"""Markdown export: the golden file, courses, hostile titles, YAML, no HTML from imported text, CSL-JSON."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from urllib.parse import unquote

import markdown
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.cli import main
from reader.core.export.gbt7714 import gbt7714
from reader.core.export.markdown import Exporter, ExportError, inside, link, safe_name
from reader.core.library.store import Library
from tests.conftest import FIXTURES, SHARED_CORPUS, highlight

GOLDEN = FIXTURES / "export" / "seed.expected.md"
TODAY = dt.date(2026, 1, 15)


@pytest.fixture
def seeded(library: Library, seed_bytes: bytes) -> tuple[Library, int]:
    """The seed with three highlights in two colours, one with a note and a tag, and an article note."""
    article_id = library.import_bytes(seed_bytes, "seed.txt").article_id
    highlight(library, article_id, "关键是要积极发挥党的引领作用", 0)
    noted = highlight(library, article_id, "政之所兴在顺民心,政之所废在逆民心", 2)
    highlight(library, article_id, "以自治为基础,以法治为根本,以德治为支撑", 0)
    library.set_note("highlight", noted, "民心是最大的政治。")
    library.set_highlight_tags(noted, ["民心"])
    library.set_note("article", article_id, "# 学习心得\n\n基层治理的关键在党建引领。")
    return library, article_id


def test_golden_file(seeded: tuple[Library, int]) -> None:
    library, article_id = seeded
    text = Exporter(library, today=TODAY).article_markdown(article_id)
    assert text == GOLDEN.read_text(encoding="utf-8")


def test_front_matter_is_yaml_and_nothing_renders_as_html(seeded: tuple[Library, int]) -> None:
    library, article_id = seeded
    library.update_metadata(article_id, title="<script>alert(1)</script>题名 [[链接]] ==高亮==", authors=["张三"])
    text = Exporter(library, today=TODAY).article_markdown(article_id)
    _, front, body = text.split("---\n", 2)
    data = yaml.safe_load(front)
    assert data["title"] == "<script>alert(1)</script>题名 [[链接]] ==高亮=="
    assert data["authors"] == ["张三"] and data["id"] == article_id and data["exported"] == "2026-01-15"
    assert data["citation"].startswith("张三. <script>")
    html = markdown.markdown(body)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "\\[\\[链接\\]\\]" in body and "==高亮==" in body  # no wikilink from a dump; highlighting marks stay


def test_course_folder_links_every_article(library: Library, seed_bytes: bytes, tmp_path: Path) -> None:
    if not SHARED_CORPUS.is_dir():
        pytest.skip("../shared/corpus is not here")
    first = library.import_bytes(seed_bytes, "seed.txt").article_id
    second = library.import_bytes((SHARED_CORPUS / "dev" / "02_fx361_app_shequ.txt").read_bytes(), "b.txt").article_id
    course = library.create_collection("党建课程")
    library.add_to_collection(course, [first, second])
    library.set_note("collection", course, "本课程的总结。")
    written = Exporter(library, today=TODAY).export_course(course, tmp_path / "out")
    index = (tmp_path / "out" / "index.md").read_text(encoding="utf-8")
    assert written[0].name == "index.md" and len(written) == 3
    assert "本课程的总结。" in index
    links = [unquote(m) for m in re.findall(r"\]\(([^)]*)\)", index)]
    assert links == [p.name for p in written[1:]]
    assert "社区治理共同体视域下城市社区党建的实践路径" in index
    with pytest.raises(ExportError, match="exists"):
        Exporter(library).export_course(course, tmp_path / "out")  # never overwritten without asking
    assert len(Exporter(library).export_course(course, tmp_path / "out", force=True)) == 3


def test_theme_digest_gathers_one_colour(seeded: tuple[Library, int], tmp_path: Path) -> None:
    library, article_id = seeded
    course = library.create_collection("课程")
    library.add_to_collection(course, [article_id])
    out = Exporter(library).export_theme(course, tmp_path / "重点.md", color=0)
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# 专题摘编：重点")
    assert "关键是要积极发挥党的引领作用" in text and "以自治为基础" in text and "政之所兴" not in text
    assert "党建引领基层治理新探索\\[J\\]. 速读·中旬." in text  # `[` escaped: it shows as itself


@pytest.mark.parametrize(
    "title", ["../../etc/passwd", "CON", "con.txt", "a/b", "a\\b", "", "   ...  ", "x" * 300, "题:名*?<>|", "NUL"]
)
def test_hostile_titles_stay_inside(library: Library, seed_bytes: bytes, tmp_path: Path, title: str) -> None:
    article_id = library.import_bytes(seed_bytes, "seed.txt").article_id
    library.update_metadata(article_id, title=title or "x")
    library.db.execute("UPDATE articles SET title = ? WHERE id = ?", [title, article_id])
    out = tmp_path / "out"
    [path] = Exporter(library).export_articles([article_id], out)
    assert path.parent == out.resolve()
    assert len(path.stem) <= 80 and path.stem.split(".")[0].upper() not in {"CON", "NUL"}
    assert list(out.iterdir()) == [path]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_no_title_leads_outside_the_folder(title: str) -> None:
    taken: set[str] = set()
    name = safe_name(title, taken)
    folder = Path("/tmp/export-here")
    assert inside(folder, name).parent == folder.resolve()
    assert name.endswith(".md") and "/" not in name and "\\" not in name
    assert safe_name(title, taken) != name  # a second article of the same title gets its own file


def test_collisions_are_numbered() -> None:
    taken: set[str] = set()
    assert [safe_name("同名", taken) for _ in range(3)] == ["同名.md", "同名 (2).md", "同名 (3).md"]


def test_gbt7714() -> None:
    meta = {"title": "党建引领基层治理新探索", "authors": ["向春玲"], "source": "速读·中旬", "year": 2018, "issue": "3"}
    assert gbt7714(meta) == "向春玲. 党建引领基层治理新探索[J]. 速读·中旬, 2018(3)."
    four = dict(meta, authors=["甲", "乙", "丙", "丁"])
    assert gbt7714(four).startswith("甲, 乙, 丙, 等. ")
    assert gbt7714({"title": "无刊名的文章", "authors": [], "year": 2020}) == "无刊名的文章[Z]. 2020."


def test_cli_export_and_csl(seeded: tuple[Library, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    library, article_id = seeded
    lib_dir = tmp_path / "lib"
    real = Library.in_folder(lib_dir)
    real.import_bytes(library.dump_bytes(article_id), "seed.txt")
    real.create_collection("课程")
    real.add_to_collection(real.collection_id("课程"), [1])
    real.close()
    out = tmp_path / "out"
    assert main(["export", "--data-dir", str(lib_dir), "--article", "1", "--out", str(out)]) == 0
    assert main(["export", "--data-dir", str(lib_dir), "--article", "1", "--out", str(out)]) == 1
    assert "exists" in capsys.readouterr().err
    assert main(["export", "--data-dir", str(lib_dir), "--all", "--out", str(out), "--force"]) == 0
    assert main(["export", "--data-dir", str(lib_dir), "--collection", "课程", "--out", str(tmp_path / "c")]) == 0
    assert (tmp_path / "c" / "index.md").exists()
    assert main(["export", "--data-dir", str(lib_dir), "--collection", "无此课程", "--out", str(tmp_path / "d")]) == 1
    csl = tmp_path / "refs.json"
    assert main(["export", "--data-dir", str(lib_dir), "--all", "--csl", "--out", str(csl)]) == 0
    item, *references = json.loads(csl.read_text(encoding="utf-8"))  # the article, then its references
    assert item["type"] == "article-journal" and item["container-title"] == "速读·中旬"
    assert all(r["id"].startswith(item["id"] + "-ref-") for r in references)


NAME_TEXT = st.text(
    alphabet=st.sampled_from(["𠀀", "😀", "党", "a", " ", "#", "^", "[", "]", "|", ".", "(", "%", "/", "é"]),
    max_size=120,
)


@settings(max_examples=300, deadline=None)
@given(NAME_TEXT, st.integers(1, 12))
def test_file_names_fit_255_bytes_and_links_find_them(title: str, copies: int) -> None:
    """Issue 14, item 7: numbering and `.md` counted; nothing that breaks an Obsidian link; links encoded."""
    taken: set[str] = set()
    names = [safe_name(title, taken) for _ in range(copies)]
    assert len(set(names)) == copies
    for name in names:
        assert len(name.encode("utf-8")) <= 255 and name.endswith(".md")
        assert not set(name) & set("#^[]|/")
        target = link(name)
        assert unquote(target) == name
        assert re.fullmatch(r"[\w.~%-]+", target), target


def test_long_four_byte_titles_export_as_a_course(library: Library, seed_bytes: bytes, tmp_path: Path) -> None:
    import random

    from bench.gen_dumps import dump

    ids = []
    for k in range(2):
        article_id = library.import_bytes(dump(random.Random(k), 5).encode(), f"{k}.txt").article_id
        assert article_id is not None
        library.update_metadata(article_id, title="𠀀😀" * 40 + "第#1讲")
        ids.append(article_id)
    course = library.create_collection("四字节")
    for article_id in ids:
        library.add_to_collection(course, [article_id])
    written = Exporter(library).export_course(course, tmp_path / "out")
    assert len(written) == 3 and all(len(p.name.encode()) <= 255 for p in written)
    index = written[0].read_text(encoding="utf-8")
    for path in written[1:]:
        assert f"]({link(path.name)})" in index and "#" not in path.name


def test_a_highlight_across_a_heading_is_exported_whole(library: Library, seed_bytes: bytes) -> None:
    article_id = library.import_bytes(seed_bytes, "seed.txt").article_id
    article = library.article(article_id)
    k = next(i for i, s in enumerate(article.sections) if s.heading and i + 1 < len(article.sections))
    body = "\n".join(article.sections[k].paragraphs)
    first = library.add_highlight(article_id, k, len(body) - 6, len(body), 1)
    library.add_highlight(article_id, k + 1, 0, 6, 1, link=first)
    text = Exporter(library, today=TODAY).article_markdown(article_id)
    tail, head = body[-6:], article.sections[k + 1].paragraphs[0][:6]
    assert f"> {tail}\n> {head}\n" in text and text.count(" 至 ") == 1
