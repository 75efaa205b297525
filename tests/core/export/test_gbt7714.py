"""GB/T 7714-2015 (issue 14, items 8 and 9): the standard's own examples, one per document type, read
into CSL-JSON and written back; an article's citation by the standard's rules; every reference of the
corpus read, the well-formed ones given back as they were."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.cli import main
from reader.core.export.gbt7714 import format_item, gbt7714
from reader.core.export.references import parse_reference
from reader.core.library.store import Library
from reader.core.parse.dump import parse_bytes
from tests.conftest import FIXTURES, SHARED_CORPUS

# (entry as the standard prints it, CSL type, fields it must hold)
EXAMPLES = [
    (
        "袁训来, 陈哲, 肖书海, 等. 蓝田生物群: 一个认识多细胞生物起源和早期演化的新窗口[J]."
        " 科学通报, 2012, 55(34): 3219.",
        "article-journal",
        {"container-title": "科学通报", "volume": "55", "issue": "34", "page": "3219", "note": "等"},
    ),
    (
        "KANAMORI H. Shaking without quaking[J]. Science, 1998, 279(5359): 2063.",
        "article-journal",
        {"author": [{"family": "KANAMORI", "given": "H"}], "container-title": "Science", "volume": "279"},
    ),
    ("丁文祥. 数字革命与竞争国际化[N]. 中国青年报, 2000-11-20(15).", "article-newspaper", {"page": "15"}),
    (
        "马欢. 人类活动影响下海河流域典型区水循环变化分析[D]. 北京: 清华大学, 2011: 27.",
        "thesis",
        {"publisher": "清华大学", "publisher-place": "北京", "page": "27"},
    ),
    ("陈登原. 国史旧闻: 第1卷[M]. 北京: 中华书局, 2000: 29.", "book", {"publisher": "中华书局"}),
    (
        "World Health Organization. Factors regulating the immune response: report of WHO Scientific Group[R]."
        " Geneva: WHO, 1970.",
        "report",
        {"publisher": "WHO", "publisher-place": "Geneva"},
    ),
    (
        "全国信息与文献标准化技术委员会. 文献著录: 第4部分 非书资料: GB/T 3792.4—2009[S]."
        " 北京: 中国标准出版社, 2010: 3.",
        "standard",
        {"publisher": "中国标准出版社"},
    ),
    (
        "萧钰. 出版业信息化迈入快车道[EB/OL]. (2001-12-19)[2002-04-15]."
        " http://www.creader.com/news/20011219/200112190019.html.",
        "webpage",
        {"URL": "http://www.creader.com/news/20011219/200112190019.html", "accessed": {"date-parts": [[2002, 4, 15]]}},
    ),
    (
        "陈卫东, 张继军. 社区网格化治理的实践逻辑[C]//中国社会学会. 中国社会学年会论文集."
        " 北京: 中国社会学会, 2018: 216-225.",
        "paper-conference",
        {"container-title": "中国社会学年会论文集", "page": "216-225"},
    ),
]


@pytest.mark.parametrize(("entry", "kind", "fields"), EXAMPLES)
def test_the_standards_examples_read_and_write_back(entry: str, kind: str, fields: dict) -> None:
    item, well_formed = parse_reference(entry)
    assert well_formed and item["type"] == kind
    assert {k: item.get(k) for k in fields} == fields
    assert format_item(item) == entry
    compact = entry.replace(". ", ".").replace(", ", ",").replace(": ", ":")
    if " " not in compact:  # the compact layout of Chinese papers reads and writes back too
        assert format_item(parse_reference(compact)[0], spaced=False) == compact


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        (
            {
                "title": "T",
                "authors": ["José García", "Ana López", "Hans Müller", "Eva Núñez"],
                "source": "Rev",
                "year": 2020,
            },
            "GARCÍA J, LÓPEZ A, MÜLLER H, et al. T[J]. Rev, 2020.",
        ),
        (
            {"title": "Zur Elektrodynamik", "authors": ["Albert Einstein"], "source": "Ann Phys", "year": 1905},
            "EINSTEIN A. Zur Elektrodynamik[J]. Ann Phys, 1905.",
        ),
        (
            {"title": "Why we can't wait", "authors": ["Martin Luther King Jr."], "year": 1964},
            "KING M L, Jr. Why we can't wait[Z]. 1964.",
        ),
        (
            {"title": "T", "authors": ["Smith, John"], "source": "Proc. Natl. Acad.", "year": 2001},
            "SMITH J. T[J]. Proc. Natl. Acad., 2001.",
        ),
        ({"title": "文", "authors": ["甲"], "source": "Inc.", "year": None}, "甲. 文[J]. Inc."),
        (
            {"title": "数字革命", "authors": ["丁文祥"], "source": "人民日报", "date": "2000-11-20"},
            "丁文祥. 数字革命[N]. 人民日报, 2000-11-20.",
        ),
        (
            {"title": "论文", "authors": ["马欢"], "source": "清华大学硕士学位论文", "year": 2011, "place": "北京"},
            "马欢. 论文[D]. 北京: 清华大学, 2011.",
        ),
        (
            {"title": "网页", "authors": ["萧钰"], "url": "http://example.org/a", "accessed": "2002-04-15"},
            "萧钰. 网页[EB/OL]. [2002-04-15]. http://example.org/a.",
        ),
        ({"title": "期刊文章", "authors": ["甲"], "source": "速读", "issue": "3"}, "甲. 期刊文章[J]. 速读, (3)."),
        (
            {"title": "学报文章", "authors": ["甲"], "source": "北京大学学报", "year": 2019, "issue": "2"},
            "甲. 学报文章[J]. 北京大学学报, 2019(2).",
        ),
    ],
)
def test_citations_follow_the_standard(meta: dict, expected: str) -> None:
    assert gbt7714(meta) == expected
    assert ".." not in gbt7714(meta)


def corpus_references() -> list[str]:
    refs = []
    for folder in (SHARED_CORPUS / "seed", SHARED_CORPUS / "dev", FIXTURES):
        for path in sorted(folder.rglob("*.txt")) + sorted(folder.rglob("*.html")):
            refs += parse_bytes(path.read_bytes(), path.name).references
    return refs


def test_every_corpus_reference_round_trips_when_well_formed() -> None:
    refs = corpus_references()
    if not refs:
        pytest.skip("no corpus here")
    well_formed = [r for r in refs if parse_reference(r)[1]]
    back = [r for r in well_formed if format_item(parse_reference(r)[0], spaced=". " in r) == r]
    print(f"\n{len(refs)} references, {len(well_formed)} well formed, {len(back)} back as they were")
    assert back == well_formed
    assert len(well_formed) >= 0.85 * len(refs)
    for r in refs:  # the rest keep their text in note
        item, ok = parse_reference(r)
        assert ok or item["note"]


def test_cli_csl_writes_the_references_too(tmp_path: Path, seed_bytes: bytes) -> None:
    library = Library.in_folder(tmp_path)
    article_id = library.import_bytes(seed_bytes, "seed.txt").article_id
    refs = library.article(article_id).references
    library.close()
    out = tmp_path / "refs.json"
    assert main(["export", "--data-dir", str(tmp_path), "--csl", "--out", str(out), "--all"]) == 0
    items = json.loads(out.read_text(encoding="utf-8"))
    assert items[0]["id"] == f"yandu-{article_id}" and len(items) == 1 + len(refs)
    assert all(i["id"].startswith(f"yandu-{article_id}-ref-") for i in items[1:])


HAN = st.text(alphabet="党建引领基层治理社区服务学生教育发展创新制度", min_size=2, max_size=12)
LATIN = st.from_regex(r"[A-Z]{2,8} [A-Z]( [A-Z])?", fullmatch=True)


@given(
    kind=st.sampled_from(["article-journal", "article-newspaper", "thesis", "book", "report", "webpage"]),
    authors=st.lists(st.one_of(HAN, LATIN), max_size=5),
    title=HAN,
    container=HAN,
    year=st.integers(1900, 2030),
    volume=st.one_of(st.none(), st.integers(1, 99).map(str)),
    issue=st.one_of(st.none(), st.integers(1, 12).map(str)),
    page=st.one_of(st.none(), st.from_regex(r"[1-9][0-9]{0,2}(-[1-9][0-9]{0,2})?", fullmatch=True)),
    spaced=st.booleans(),
)
def test_generated_entries_read_back_as_they_were_written(
    kind: str, authors: list[str], title: str, container: str, year: int, volume, issue, page, spaced: bool
) -> None:
    item: dict = {"type": kind, "title": title, "author": [{"literal": a} for a in authors]}
    item["issued"] = {"date-parts": [[year, 5, 1]] if kind == "article-newspaper" else [[year]]}
    if kind in ("article-journal", "article-newspaper"):
        item["container-title"] = container
    elif kind == "webpage":
        item["URL"], item["accessed"] = f"http://example.org/{year}", {"date-parts": [[year, 1, 2]]}
    else:
        item["publisher"], item["publisher-place"] = container, "北京"
    item.update({k: v for k, v in (("volume", volume), ("issue", issue), ("page", page)) if v and kind != "webpage"})
    if kind == "article-newspaper":
        item.pop("volume", None), item.pop("issue", None)
    text = format_item(item, spaced)
    if not spaced and any(" " in a for a in authors):
        return  # a Latin name holds spaces: the compact layout is for Chinese entries
    parsed, well_formed = parse_reference(text)
    assert well_formed, text
    assert format_item(parsed, spaced) == text
