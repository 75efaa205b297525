"""PDF and Word files: the fixtures of tests/fixtures/documents are built (rendered from their specs
with reportlab and python-docx) and read back through the importer's parser; the real journal PDFs
of ../shared/corpus/pdf are read for what their truth says is meaningful."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core.parse.documents import kind_of
from reader.core.parse.dump import parse_bytes, parse_file
from reader.core.parse.refusal import reason_code
from tests.conftest import FIXTURES, SHARED_CORPUS, corpus_pairs
from tests.core.parse.scoring import norm, score

BUILD = FIXTURES / "documents" / "build.py"
SPECS = sorted((FIXTURES / "documents" / "articles").glob("*.json"))


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("documents")
    run = subprocess.run([sys.executable, str(BUILD), str(out)], capture_output=True, text=True, timeout=300)
    if run.returncode == 3:
        pytest.skip("reportlab or python-docx is not installed: the document fixtures cannot be built")
    assert run.returncode == 0, run.stderr
    return out


def _pair(built: Path, spec: Path) -> tuple[Path, dict]:
    name = spec.stem
    source = next(p for p in built.iterdir() if p.stem == name and p.suffix in (".pdf", ".docx"))
    return source, json.loads((built / f"{name}.expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("spec", SPECS, ids=[s.stem for s in SPECS])
def test_document_matches_its_truth(built: Path, spec: Path) -> None:
    source, expected = _pair(built, spec)
    article = parse_file(source)
    got = article.to_json()
    assert got["error"] is None, got["error"]
    assert norm(got["title"]) == norm(expected["title"])
    assert "title_guessed" not in got["doubts"]  # the document said its title (a Title style, the largest type)
    assert [norm(a) for a in got["authors"]] == [norm(a) for a in expected["authors"]]
    assert norm(got["source"]) == norm(expected["source"])
    assert got["year"] == expected["year"]
    if spec.stem.startswith(("01", "03", "17")):  # `第 3 期`, `Vol. 12 No. 3`, `14(3) (2021)`
        assert got["issue"] is not None and got["issue"].isdigit()
    assert norm(got["abstract"]) == norm(expected["abstract"])
    assert [norm(k) for k in got["keywords"]] == [norm(k) for k in expected["keywords"]]
    assert [norm(r) for r in got["references"]] == [norm(r) for r in expected["references"]]
    headed = [s for s in article.sections if s.heading]
    assert [(norm(s.heading), s.level) for s in headed] == [
        (norm(s["heading"]), s["level"]) for s in expected["sections"]
    ]
    # The body as typeset, in reading order: columns one after the other, lines joined (hyphens
    # rejoined), running heads, page numbers, footnotes, captions and table cells nowhere in it.
    for section, truth in zip(headed, expected["sections"], strict=True):
        assert norm("".join(section.paragraphs)) == norm("".join(truth["paragraphs"])), section.heading


PDF_SPECS = [s for s in SPECS if "docx" not in s.stem]


@pytest.mark.parametrize("spec", PDF_SPECS, ids=[s.stem for s in PDF_SPECS])
def test_no_running_head_page_number_or_footnote_in_any_paragraph(built: Path, spec: Path) -> None:
    source, expected = _pair(built, spec)
    article = parse_file(source)
    journal = norm(expected["source"])
    for section in article.sections:
        for paragraph in section.paragraphs:
            flat = norm(paragraph) or ""
            assert journal not in flat, paragraph  # the running head names the journal
            assert not re.search(r"第\d+卷|第\d+期|Vol\.\d+|收稿日期|基金项目|作者简介|Receiveddate", flat), paragraph
            assert not re.fullmatch(r"[-·—]?\d{1,4}[-·—]?", flat), paragraph
    assert article.footnotes, "the first page's footnotes are kept apart"
    assert not any(norm(n) in (norm(article.title) or "") for n in article.footnotes)


def test_footnotes_drawn_before_the_title_are_kept_apart(built: Path) -> None:
    """The text layer of these holds 收稿日期, 基金项目 and 作者简介 first, before the title."""
    for spec in (s for s in PDF_SPECS if "footfirst" in s.stem):
        source, expected = _pair(built, spec)
        article = parse_file(source)
        assert norm(article.title) == norm(expected["title"])
        notes = "".join(article.footnotes)
        assert "收稿日期" in notes and "基金项目" in notes and "作者简介" in notes


def test_two_columns_read_left_before_right(built: Path) -> None:
    source, expected = _pair(built, next(s for s in PDF_SPECS if "twocol" in s.stem))
    body = norm("".join(p for s in parse_file(source).sections for p in s.paragraphs)) or ""
    paragraphs = [norm(p) for s in expected["sections"] for p in s["paragraphs"]]
    at = [body.find(p[:30]) for p in paragraphs]
    assert -1 not in at and at == sorted(at)


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("90_refuse_scan.pdf", "pdf_scan"),
        ("91_refuse_password.pdf", "pdf_password"),
        ("92_refuse_caj.caj", "cnki_format"),
    ],
)
def test_scans_passwords_and_cnki_files_are_refused_with_the_way_out(built: Path, name: str, code: str) -> None:
    article = parse_file(built / name)
    assert article.error
    assert reason_code(article.error)[0] == code


def test_other_formats_are_known_by_their_bytes_and_refused() -> None:
    old_word = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600
    assert reason_code(parse_bytes(old_word, "作业.doc").error or "")[0] == "old_word"
    assert reason_code(parse_bytes(b"any bytes at all", "论文.kdh").error or "")[0] == "cnki_format"
    assert reason_code(parse_bytes(b"PK\x03\x04" + b"\0" * 100, "a.zip").error or "")[0] == "zip_archive"
    assert reason_code(parse_bytes(b"%PDF-1.7\n broken", "a.pdf").error or "")[0] == "pdf_unreadable"
    assert kind_of("纯文本的网页存档。".encode()) is None
    note = parse_bytes("第一次党课学习笔记\n今天学习了党的历史。".encode(), "笔记.txt")
    assert reason_code(note.error or "")[0] == "too_short"  # Chinese, but no article: said so, not "no Chinese"


def test_held_out_documents_stay_a_measure_above_the_bar(tmp_path: Path) -> None:
    """tests/fixtures/heldout_documents: written apart from the importer; their mean stays at 0.95 or more."""
    build = FIXTURES / "heldout_documents" / "build.py"
    run = subprocess.run([sys.executable, str(build), str(tmp_path)], capture_output=True, text=True, timeout=300)
    if run.returncode == 3:
        pytest.skip("reportlab is not installed: the held-out documents cannot be built")
    assert run.returncode == 0, run.stderr
    pairs = corpus_pairs(tmp_path)
    assert len(pairs) >= 17
    scores = [
        score(parse_file(source).to_json(), json.loads(truth.read_text(encoding="utf-8"))) for source, truth in pairs
    ]
    assert sum(scores) / len(scores) >= 0.95, scores


REAL = corpus_pairs(SHARED_CORPUS / "pdf")


def test_real_journal_pdfs() -> None:
    """Two real layouts (应用数学学报, one column; 计算机学报, two columns). The second's text is the
    template's own instructions: only its title, journal, first heading and reading order mean anything."""
    if not REAL:
        pytest.skip("../shared/corpus/pdf is not here")
    for pdf, truth in REAL:
        expected = json.loads(truth.read_text(encoding="utf-8"))
        got = parse_file(pdf).to_json()
        assert norm(got["title"]) == norm(expected["title"])
        assert norm(got["source"]) == norm(expected["source"])
        assert got["sections"][0]["heading"] == expected["sections"][0]["heading"]
        head = re.compile(r"^\d{0,4}\s*" + r"\s?".join(expected["source"]))  # `2 计 算 机 学 报 2019 年`
        for section in got["sections"]:
            assert not any(head.match(p) for p in section["paragraphs"]), section  # no running head left
        if expected.get("_note") is None:  # a real header: every field
            assert [norm(a) for a in got["authors"]] == [norm(a) for a in expected["authors"]]
            assert got["year"] == expected["year"]
            assert norm(got["abstract"]) == norm(expected["abstract"])
            assert [norm(k) for k in got["keywords"]] == [norm(k) for k in expected["keywords"]]


@pytest.mark.parametrize(
    ("line", "read"),
    [
        ("2. 1 研究方法", "2.1 研究方法"),
        ("3. 2. 1 样本", "3.2.1 样本"),
        ("1. 2020年以来，各地", "1. 2020年以来，各地"),  # a list item before a year
        ("2. 30%的受访者", "2. 30%的受访者"),  # … before a share
    ],
)
def test_a_typesetters_space_in_a_heading_number_goes_and_nothing_else(line: str, read: str) -> None:
    from reader.core.parse.pdf_flow import _decimal

    assert _decimal(line) == read


def test_documents_are_known_by_their_bytes_not_only_their_names(built: Path, tmp_path: Path) -> None:
    pdf = built / f"{PDF_SPECS[0].stem}.pdf"
    renamed = tmp_path / "论文.caj"
    renamed.write_bytes(pdf.read_bytes())  # a PDF named .caj is read as the PDF it is
    assert parse_file(renamed).error is None
    text = "HN 开头的一份网页存档\n" + "正文。" * 40
    assert kind_of(text.encode()) is None  # text that starts like a CAJ signature is text
    page = b"<html><body><p>%PDF-1.4 is a version of PDF</p></body></html>"
    assert kind_of(page, "page.html") is None


def test_a_word_package_unpacking_to_too_much_text_is_refused_before_it_is_read(tmp_path: Path) -> None:
    import io
    import zipfile

    data = io.BytesIO()
    with zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", b"<w:document>" + b" " * (70 * 2**20))
    article = parse_bytes(data.getvalue(), "bomb.docx")
    assert reason_code(article.error or "")[0] == "too_large"


def test_pdfs_parsed_in_two_threads_at_once_do_not_crash(built: Path) -> None:
    """PDFium is not thread-safe: two imports at once in the window were two threads in it."""
    script = (
        "import sys, threading\n"
        "from reader.core.parse.dump import parse_bytes\n"
        "datas = [open(p, 'rb').read() for p in sys.argv[1:]]\n"
        "def work(k):\n"
        "    for i in range(6):\n"
        "        assert parse_bytes(datas[(i + k) % len(datas)], 'a.pdf').error is None\n"
        "threads = [threading.Thread(target=work, args=(k,)) for k in range(3)]\n"
        "[t.start() for t in threads]; [t.join() for t in threads]\n"
        "print('ok')\n"
    )
    pdfs = [str(built / f"{s.stem}.pdf") for s in PDF_SPECS[:3]]
    run = subprocess.run([sys.executable, "-c", script, *pdfs], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0 and run.stdout.strip() == "ok", run.stderr[-500:]


def test_word_heading_styles_hold_with_an_ideographic_space_in_the_heading() -> None:
    import io

    import docx

    document = docx.Document()
    document.add_paragraph("基层治理的路径研究", style="Title")
    document.add_paragraph("一、\u3000研究背景", style="Heading 1")  # Word users type a full-width space
    for _ in range(4):
        document.add_paragraph("这是正文的一段话，讲基层治理中的党建引领，写得足够长才算正文。" * 2)
    document.add_paragraph("研究结论", style="Heading 1")  # a heading without a number, by its style alone
    document.add_paragraph("结论正文。" * 20)
    data = io.BytesIO()
    document.save(data)
    article = parse_bytes(data.getvalue(), "x.docx")
    assert article.title == "基层治理的路径研究" and "title_guessed" not in article.doubts
    assert [(s.heading, s.level) for s in article.sections if s.heading] == [("研究背景", 1), ("研究结论", 1)]


def test_a_pdfs_footnotes_are_searched(built: Path, tmp_path: Path) -> None:
    from reader.core.library.store import Library

    library = Library(tmp_path / "lib.sqlite3")
    source, _ = _pair(built, next(s for s in PDF_SPECS if "footfirst" in s.stem))
    article_id = library.import_bytes(source.read_bytes(), source.name).article_id
    fund = next(n for n in library.article(article_id).footnotes if "基金项目" in n)
    number = re.search(r"[（(]([0-9A-Z]{5,})[）)]", fund)
    assert number, fund  # the project's number, as a student would search for it
    hits = library.search(number.group(1))
    assert any(h.article_id == article_id and h.field == "footnotes" for h in hits)
    library.close()
