"""Word export: the written .docx opened with python-docx: heading levels and their Chinese numbers,
the East Asian font on every run, the first-line indent of two characters, the quotes with their
place, the GB/T 7714 reference, the two layouts' pages and a user's own template."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from reader.cli import main
from reader.core.export.docx import GONGWEN, ZUOYE, Byline, article_document, export_docx, heading_number
from reader.core.export.gbt7714 import gbt7714
from reader.core.library.store import Library
from tests.conftest import highlight
from tests.core.export.test_markdown_reads import NOTE


@pytest.fixture
def noted(library: Library, seed_bytes: bytes) -> tuple[Library, int]:
    article_id = library.import_bytes(seed_bytes, "seed.txt").article_id
    hid = highlight(library, article_id, "关键是要积极发挥党的引领作用", 0)
    library.set_note("highlight", hid, "民心是**最大**的政治。")
    library.set_note("article", article_id, NOTE + "\n*强调*一下。\n")
    return library, article_id


def written(library: Library, article_id: int, tmp_path: Path, **kw) -> Document:
    byline = Byline("张三", "2024级1班", dt.date(2026, 1, 15))
    path = article_document(library, article_id, byline=byline, **kw).save(tmp_path / "out.docx")
    return Document(str(path))


def east_asian(run) -> str | None:
    fonts = run._r.rPr.find(qn("w:rFonts")) if run._r.rPr is not None else None
    return None if fonts is None else fonts.get(qn("w:eastAsia"))


def test_chinese_heading_numbers() -> None:
    assert [heading_number(1, n) for n in (1, 2, 10, 11, 20)] == ["一、", "二、", "十、", "十一、", "二十、"]
    assert heading_number(2, 3) == "（三）" and heading_number(3, 4) == "4." and heading_number(4, 2) == "（2）"


def test_gongwen_document(noted: tuple[Library, int], tmp_path: Path) -> None:
    library, article_id = noted
    doc = written(library, article_id, tmp_path, layout=GONGWEN)
    paragraphs = [p for p in doc.paragraphs if p.text]
    title, byline = paragraphs[0], paragraphs[1]
    assert title.text == "党建引领基层治理新探索" and title.alignment == 1  # centred
    assert east_asian(title.runs[0]) == "方正小标宋简体" and title.runs[0].font.size == Pt(22)
    assert byline.text == "姓名：张三　　班级：2024级1班　　日期：2026年1月15日"
    headings = [(p.style.name, p.text) for p in paragraphs if p.style.name.startswith("Heading")]
    assert headings == [
        ("Heading 1", "一、学习笔记"),
        ("Heading 2", "（一）学习心得"),
        ("Heading 2", "（二）体会"),
        ("Heading 3", "1.三点收获"),
        ("Heading 1", "二、原文摘录"),
        ("Heading 1", "三、参考文献"),
    ]  # the note's `# 学习心得` under 一、学习笔记; `# 这不是标题` in code and `> # …` in a quote are no heading
    fonts = {"Heading 1": "黑体", "Heading 2": "楷体_GB2312", "Heading 3": "仿宋_GB2312", "Quote": "楷体_GB2312"}
    for p in paragraphs[1:]:
        for run in p.runs:
            if run.text:
                assert east_asian(run) == fonts.get(p.style.name, "仿宋_GB2312"), (p.text, run.text)
    body = next(p for p in paragraphs if p.text == "基层治理的关键在党建引领。")
    ind = body._p.pPr.find(qn("w:ind"))
    assert ind.get(qn("w:firstLineChars")) == "200" and body.paragraph_format.first_line_indent == Pt(32)
    assert doc.styles["Normal"].font.size == Pt(16)
    emphasis = next(p for p in paragraphs if "强调" in p.text)
    assert [r.text for r in emphasis.runs if r.italic] == ["强调"]
    quote = next(i for i, p in enumerate(paragraphs) if p.text == "关键是要积极发挥党的引领作用")
    assert paragraphs[quote].style.name == "Quote" and doc.styles["Quote"].font.italic is False
    assert paragraphs[quote + 1].text == "——重点 · 引言，第 1 段" and paragraphs[quote + 1].alignment == 2
    assert paragraphs[quote + 2].text == "民心是最大的政治。"
    assert [r.text for r in paragraphs[quote + 2].runs if r.bold] == ["最大"]
    assert paragraphs[-1].text == "[1] " + gbt7714(library.article_meta(article_id))
    section = doc.sections[0]
    mm = [round(x.mm, 1) for x in (section.page_width, section.page_height)]  # stored in twips
    assert mm == [210, 297]
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(x.mm, 1) for x in margins] == [37, 35, 28, 26]
    grid = section._sectPr.find(qn("w:docGrid"))  # 22 lines; 28 characters of 三号 (16 pt) fill the 156 mm line
    assert grid.get(qn("w:type")) == "lines" and grid.get(qn("w:linePitch")) == "580"  # 225 mm / 22, in twips
    width = Mm(210).pt - section.left_margin.pt - section.right_margin.pt
    assert int(width // 16) == 27 and width / 28 > 15.5  # 28 characters at 15.8 pt, as Word fits a 公文 line


def test_zuoye_layout(noted: tuple[Library, int], tmp_path: Path) -> None:
    library, article_id = noted
    doc = written(library, article_id, tmp_path, layout=ZUOYE)
    normal = doc.styles["Normal"]
    assert normal.font.size == Pt(12) and normal.paragraph_format.line_spacing == 1.5
    assert normal.element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "宋体"
    body = next(p for p in doc.paragraphs if p.text == "基层治理的关键在党建引领。")
    assert east_asian(body.runs[0]) == "宋体" and body.paragraph_format.first_line_indent == Pt(24)


def test_a_users_template_gives_styles_and_page(noted: tuple[Library, int], tmp_path: Path) -> None:
    library, article_id = noted
    template = Document()
    template.sections[0].left_margin = Mm(20)
    template.styles["Normal"].font.name = "Arial"
    template.add_paragraph("模板里的示例文字")
    template.save(str(tmp_path / "mine.docx"))
    doc = written(library, article_id, tmp_path, template=tmp_path / "mine.docx")
    assert round(doc.sections[0].left_margin.mm) == 20 and doc.styles["Normal"].font.name == "Arial"
    texts = [p.text for p in doc.paragraphs]
    assert "模板里的示例文字" not in texts and "一、学习笔记" in texts and "（一）学习心得" in texts


def test_cli_writes_docx(noted: tuple[Library, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    library, article_id = noted
    lib_dir = tmp_path / "lib"
    real = Library.in_folder(lib_dir)
    new = real.import_bytes(library.dump_bytes(article_id), "seed.txt").article_id
    real.set_note("article", new, "# 体会\n\n很有收获。")
    real.close()
    args = ["export", "--data-dir", str(lib_dir), "--article", str(new), "--out", str(tmp_path / "out")]
    assert main([*args, "--format", "docx", "--layout", "公文", "--name", "李四"]) == 0
    [path] = (tmp_path / "out").iterdir()
    assert path.suffix == ".docx" and capsys.readouterr().out.strip() == str(path)
    texts = [p.text for p in Document(str(path)).paragraphs]
    assert texts[1].startswith("姓名：李四") and "（一）体会" in texts and "很有收获。" in texts
    assert main([*args, "--format", "docx"]) == 1 and "exists" in capsys.readouterr().err
    assert main([*args, "--format", "docx", "--docx-template", str(tmp_path / "none.docx"), "--force"]) == 1


def test_export_docx_refuses_to_overwrite(noted: tuple[Library, int], tmp_path: Path) -> None:
    library, article_id = noted
    [path] = export_docx(library, [article_id], tmp_path)
    assert path.name == "党建引领基层治理新探索.docx"
    with pytest.raises(Exception, match="exists"):
        export_docx(library, [article_id], tmp_path)


@pytest.mark.slow
def test_libreoffice_renders_the_docx(noted: tuple[Library, int], tmp_path: Path) -> None:
    """Where LibreOffice is installed: the .docx converts to a PDF whose text holds the Chinese title
    (no boxes: the East Asian font was found or stood in for), on an A4 page."""
    import shutil
    import subprocess
    import unicodedata

    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        pytest.skip("LibreOffice is not installed")
    pdfium = pytest.importorskip("pypdfium2")
    library, article_id = noted
    path = article_document(library, article_id, GONGWEN).save(tmp_path / "notes.docx")
    subprocess.run([office, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)], check=True)
    pdf = pdfium.PdfDocument(str(tmp_path / "notes.pdf"))
    text = unicodedata.normalize("NFKC", pdf[0].get_textpage().get_text_range())
    assert "党建引领基层治理新探索" in "".join(text.split())
    assert [round(x) for x in pdf[0].get_size()] == [595, 842]
    pdf.close()


def test_a_course_is_one_document(tmp_path: Path, seed_bytes: bytes) -> None:
    """`--collection` with `--format docx`: the course's notes, then each article's, and every citation."""
    lib_dir = tmp_path / "lib"
    real = Library.in_folder(lib_dir)
    new = real.import_bytes(seed_bytes, "seed.txt").article_id
    real.set_note("article", new, "# 体会\n\n很有收获。")
    real.set_note("collection", real.create_collection("党建课程"), "# 总结\n\n本课程的总结。")
    real.add_to_collection(real.collection_id("党建课程"), [new])
    real.close()
    args = ["export", "--data-dir", str(lib_dir), "--collection", "党建课程", "--out", str(tmp_path / "o")]
    assert main([*args, "--format", "docx"]) == 0
    doc = Document(str(tmp_path / "o" / "党建课程.docx"))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert headings == [
        "一、课程笔记",
        "（一）总结",
        "二、党建引领基层治理新探索[1]",
        "（一）学习笔记",
        "1.体会",
        "三、参考文献",
    ]
    assert doc.paragraphs[0].text == "党建课程" and doc.paragraphs[-1].text.startswith("[1] 党建引领基层治理新探索[J]")
    assert main([*args, "--format", "docx"]) == 1  # never overwritten without --force
