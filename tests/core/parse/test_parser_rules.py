"""The parser's general rules, one behaviour each, on small dumps written here."""

from __future__ import annotations

import json

import pytest

from reader.core.parse.body import cn_number, match_heading
from reader.core.parse.dump import parse_bytes, parse_file, parse_text
from reader.core.parse.names import split_names
from reader.core.parse.references import read_references
from tests.conftest import FIXTURES

BODY = "这是一段正文,用来说明问题。" * 6


def article(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def with_header(*lines: str) -> str:
    """A dump: a title, an abstract, then the given lines."""
    return article("标题是一篇文章的题目", "摘要:本文讨论一个问题。", *lines)


def test_saved_web_page_becomes_the_same_article() -> None:
    a = parse_file(FIXTURES / "pages" / "saved_page.html")
    assert a.error is None
    assert a.encoding == "gb18030"  # declared gb2312, read as its superset
    assert a.title == "高校图书馆阅读推广的实践与思考"
    assert a.authors == ["王晓丽", "陈刚"]
    assert (a.source, a.year) == ("图书馆学刊", 2021)
    assert a.keywords == ["高校图书馆", "阅读推广", "服务育人"]
    assert [s.heading for s in a.headed_sections] == ["阅读推广的主要形式", "存在的问题", "改进思路"]
    assert a.references == ["李华.高校图书馆阅读推广研究[J].图书馆建设,2019(3):12-16."]
    assert a.related_count == 2
    text = a.body_text()
    assert "广告" not in text and "background" not in text and "ICP" not in text  # scripts, styles, footers
    assert "<script>alert(1)</script>" in text  # text that looks like markup stays text
    assert [c.ref for c in a.citations] == [1]


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("王海燕1, 刘建国2", ("王海燕", "刘建国")),
        ("赵立新 孙 琴", ("赵立新", "孙琴")),
        ("■ 劉 越 趙 然", ("劉越", "趙然")),
        ("文/何繼新 欒文婷", ("何繼新", "欒文婷")),
        ("李奇凤+袁明哲", ("李奇凤", "袁明哲")),
        ("张伟 综述  王强 审校", ("张伟",)),
        ("2019-08-03黄俊尧", ("黄俊尧",)),
        ("2021-06-18周明远何静", ("周明远", "何静")),
        ("欧阳明月 司马光", ("欧阳明月", "司马光")),
        ("下载 相关 举报", None),
        ("党建引领基层治理", None),
        ("江城市东湖街道社区卫生服务中心  湖北江城  434000", None),
    ],
)
def test_author_lines(line: str, names: tuple[str, ...] | None) -> None:
    assert split_names(line) == names


@pytest.mark.parametrize(
    ("text", "n"), [("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("二十三", 23), ("x", None)]
)
def test_chinese_numerals(text: str, n: int | None) -> None:
    assert cn_number(text) == n


@pytest.mark.parametrize(
    ("line", "level", "heading", "rest"),
    [
        ("一、引言", 1, "引言", ""),
        ("一、 居住环境的改善", 1, "居住环境的改善", ""),
        ("(一)组织覆盖有余而功能发挥不足", 2, "组织覆盖有余而功能发挥不足", ""),
        ("（二）健全机制。要把制度落到实处。", 2, "健全机制", "要把制度落到实处。"),
        ("第三章 研究设计", 1, "研究设计", ""),
        ("第二节 样本", 2, "样本", ""),
        ("1 引言", 1, "引言", ""),
        ("0 引言", 1, "引言", ""),
        ("1.1 研究对象", 2, "研究对象", ""),
        ("1 . 1 研究对象", 2, "研究对象", ""),
        ("6.3.1 模型设定", 3, "模型设定", ""),
        (
            "2.1 研究对象 采取分层随机抽样的方法,选取学生412名作为调查对象。",
            2,
            "研究对象",
            "采取分层随机抽样的方法,选取学生412名作为调查对象。",
        ),
        (
            "二、坚持党的全面领导  当今的中国,在党的领导下取得了成就。",
            1,
            "坚持党的全面领导",
            "当今的中国,在党的领导下取得了成就。",
        ),
        ("结语", 1, "结语", ""),
    ],
)
def test_headings(line: str, level: int, heading: str, rest: str) -> None:
    h = match_heading(line)
    assert h is not None
    assert (h.level, h.text, h.rest) == (level, heading, rest)


@pytest.mark.parametrize(
    "line", ["一是目标定位不够清晰。", "表1 两组患者比较", "(1)资料来源于统计年鉴。", "首先,要建强师资队伍。"]
)
def test_not_headings(line: str) -> None:
    h = match_heading(line)
    assert h is None or h.kind in ("dotted",)


def test_list_items_are_not_sections_under_real_headings() -> None:
    a = parse_text(
        article(
            "标题是一篇文章的题目",
            "摘要:本文讨论一个问题。",
            "一、材料",
            "原材料要求如下:",
            "1.水泥:宜选用普通水泥。",
            "2.骨料:级配良好。",
            "二、结论",
            BODY,
        )
    )
    assert [(s.heading, s.level) for s in a.headed_sections] == [("材料", 1), ("结论", 1)]


def test_arabic_numbering_must_run_in_sequence() -> None:
    a = parse_text(
        article(
            "标题是一篇文章的题目",
            "摘要:本文讨论一个问题。",
            "1 引言",
            BODY,
            "3 个省份的数据",
            "2 方法",
            BODY,
            "3 结果",
            BODY,
        )
    )
    assert [s.heading for s in a.headed_sections] == ["引言", "方法", "结果"]


def test_hard_wrapped_lines_and_page_footers_are_joined() -> None:
    a = parse_text(
        article(
            "标题是一篇文章的题目",
            "摘要:本文讨论一个问题。",
            "一、问题",
            "当前部分高校仍存在劳动教育认识不到位、课程体",
            "系不健全、实践平台不足、评价机制缺失等问题,影响",
            "名师归纳总结 第 2 页,共 6 页",
            "了育人实效。",
            "第二段从这里开始。",
        )
    )
    [section] = a.headed_sections
    assert section.paragraphs == [
        "当前部分高校仍存在劳动教育认识不到位、课程体系不健全、实践平台不足、评价机制缺失等问题,影响了育人实效。",
        "第二段从这里开始。",
    ]


def test_references_run_together_with_ocr_mark() -> None:
    refs = read_references(
        ["参考文献", "[l]甲.书名[M].北京:出版社,2001.[2]乙.会议论文[C]//会议.2002.[3]丙.学位论文[D].2003."]
    )
    assert refs == ["甲.书名[M].北京:出版社,2001.", "乙.会议论文[C]//会议.2002.", "丙.学位论文[D].2003."]


def test_circled_notes_and_bilingual_twins() -> None:
    assert read_references(["注释:", "①甲:《书》,2001年,第3页。", "②乙:《书》,2002年。"]) == [
        "甲:《书》,2001年,第3页。",
        "乙:《书》,2002年。",
    ]
    assert read_references(
        [
            "参考文献",
            "[1] 张三.中文题名[J].期刊,2020.",
            "ZHANG S. English title[J]. Journal, 2020.",
            "[2] 李四.另一篇[J].期刊,2021.",
        ]
    ) == ["张三.中文题名[J].期刊,2020.", "李四.另一篇[J].期刊,2021."]


def test_citation_marks_tie_to_references() -> None:
    a = parse_text(
        article(
            "标题是一篇文章的题目",
            "摘要:本文讨论一个问题。",
            "一、问题",
            "有研究指出这一点[1],也有不同看法[2-3]。〔2〕",
            "参考文献",
            "[1]甲.一[J].刊,2001.",
            "[2]乙.二[J].刊,2002.",
            "[3]丙.三[J].刊,2003.",
        )
    )
    assert [c.ref for c in a.citations] == [1, 2, 3, 2]
    para = a.headed_sections[0].paragraphs[0]
    assert [para[c.start : c.end] for c in a.citations] == ["[1]", "[2-3]", "[2-3]", "〔2〕"]


def test_teasers_are_kept_apart() -> None:
    a = parse_text(
        article(
            "标题是一篇文章的题目",
            "摘要:本文讨论一个问题。",
            "一、问题",
            BODY,
            "猜你喜欢",
            "另一篇论文的标题",
            "摘要:另一篇论文的摘要。",
            "第三篇论文的标题",
        )
    )
    assert a.related == ["另一篇论文的标题\n摘要:另一篇论文的摘要。", "第三篇论文的标题"]
    assert "另一篇" not in a.body_text()


def test_deterministic(seed_bytes: bytes) -> None:
    first = json.dumps(parse_bytes(seed_bytes).to_json(), ensure_ascii=False)
    assert all(json.dumps(parse_bytes(seed_bytes).to_json(), ensure_ascii=False) == first for _ in range(3))


def test_long_lines_and_repeated_markers_finish() -> None:
    """Patterns are linear: a 300,000-character line and 5,000 repeated markers parse (slowly or not, they end)."""
    long_line = ("党建引领基层治理,(一)[1]〔2〕  一、 " * 10_000)[:300_000]
    a = parse_text(with_header(long_line, *(["摘要:"] * 5000)))
    assert a.error is None or "no article" in a.error


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            "# Project\n\nThis is a README.\n\n## Install\n\n```\npip install x\n```\n" * 3,
            "Markdown",
        ),  # a README is told apart before its language
        ("import os\n\ndef main():\n    return 1  # 中文注释\n" * 20 + "摘要" * 30, "source code"),
        (
            "# 项目说明\n\n这是一个工具。\n\n## 安装\n\n```\npip install x\n```\n\n## 使用\n\n" + "说明文字。" * 30,
            "Markdown",
        ),
    ],
    ids=["english-readme", "python", "chinese-markdown"],
)
def test_refused_texts(text: str, reason: str) -> None:
    a = parse_text(text)
    assert a.error is not None and reason in a.error


def test_label_patterns_stay_linear_on_runs_of_spaces() -> None:
    """`相关文章` + 5,000 spaces + text once took minutes to fail to match."""
    a = parse_text(
        article(
            "标题是一篇文章的题目",
            "摘要:本文讨论一个问题。",
            "一、问题",
            BODY,
            "相关文章" + " " * 5000 + "x",
            "相关推荐" + "\t" * 3000 + "换一批",
        )
    )
    assert a.error is None


def test_sentences_that_begin_like_site_chrome_are_kept() -> None:
    a = parse_text(
        article(
            "标题是一篇文章的题目",
            "摘要:本文讨论一个问题。",
            "一、方法",
            "TOPSIS法是一种常用的综合评价方法。",
            "本文由三部分构成:问题、方法与结论。",
            "我们应当怎么办? 首先要统一认识。",
            "参考文献",
            "[1] http://www.gov.cn/zhengce/2020.htm",
        )
    )
    text = a.body_text()
    assert "TOPSIS法" in text and "本文由三部分构成" in text and "怎么办?" in text
    assert a.references == ["http://www.gov.cn/zhengce/2020.htm"]


def test_half_width_semicolons_are_not_code() -> None:
    items = [f"({i})第{i}项要求是加强管理;" for i in range(1, 7)]
    a = parse_text(with_header(*items, BODY))
    assert a.error is None


def test_abstract_stops_before_an_english_block() -> None:
    a = parse_text(
        article(
            "标题是一篇文章的题目",
            "摘要:本文讨论基层治理的困境与对策。",
            "Dilemmas and Countermeasures of Grassroots Governance",
            "WANG Ming, LI Hua",
            "Abstract: This paper discusses grassroots governance.",
            "一、问题",
            BODY,
        )
    )
    assert a.abstract == "本文讨论基层治理的困境与对策。"


def test_teaser_with_several_detail_lines_counts_once() -> None:
    a = parse_text(
        article(
            "标题是一篇文章的题目",
            "摘要:本文讨论一个问题。",
            "一、问题",
            BODY,
            "相关文章",
            "第一篇论文的标题",
            "来源:某某学报",
            "摘要:第一篇的摘要。",
            "第二篇论文的标题",
            "来源:另一学报",
            "摘要:第二篇的摘要。",
        )
    )
    assert a.related_count == 2


def test_authors_one_per_line_under_a_bare_label() -> None:
    a = parse_text(
        article(
            "标题是一篇文章的题目",
            "作者",
            "刘洋",
            "陈静",
            "出处",
            "《某某学报》2020年第3期",
            "摘要",
            "本文讨论一个问题。",
            "一、问题",
            BODY,
        )
    )
    assert a.authors == ["刘洋", "陈静"]
    assert (a.source, a.year) == ("某某学报", 2020)


def test_keyword_label_in_either_script_ends_the_abstract_line() -> None:
    a = parse_text(article("標題是一篇文章的題目", "摘要:本文討論一個問題。【關键詞】問題;討論", "一、問題", BODY))
    assert a.abstract == "本文討論一個問題。"
    assert a.keywords == ["問題", "討論"]


def test_a_sentence_wrapped_before_a_decimal_is_not_a_heading() -> None:
    a = parse_text(
        article(
            "标题是一篇文章的题目",
            "摘要:本文讨论一个问题。",
            "一、数据",
            "十年来城镇居民收入增长了",
            "12.5 倍,农村居民收入增长更快。",
            "二、结论",
            BODY,
        )
    )
    assert [s.heading for s in a.headed_sections] == ["数据", "结论"]


def test_review_findings_stay_fixed() -> None:
    """Kinds a review found: each a small case of a rule that was too wide or too slow."""
    import time

    from reader.core.parse import markers as mk

    start = time.perf_counter()
    mk.is_chrome("分享" + "1" * 40 + "x")  # no catastrophic backtracking on a run of digits
    mk.clean_title("题名" + " " * 20000 + "尾")
    assert time.perf_counter() - start < 1.0
    assert not mk.is_chrome("高校官方公众号在思想政治教育中的作用研究")  # a title naming 公众号
    assert not mk.is_chrome("二、用好微信公众号")
    assert mk.is_chrome("《某某研究》杂志官方公众号,发布最新刊文。")  # an account's blurb
    assert not mk.is_chrome("点赞之余,我们更要看到问题。")
    text = with_header(
        "一、提高政治站位 强化责任担当\n" + "正文内容,讲清楚这个问题的来龙去脉。" * 3,
        "参考文献",
        "[1]Wang M. A Book on Governance[M].",
        "Oxford  University  Press,  2019.",
        "[2]李华.另一篇文章[J].某某学报,2020(1):1-9.",
    )
    a = parse_text(text)
    assert a.sections[0].heading == "提高政治站位 强化责任担当"  # a heading's space is meant
    assert len(a.references) == 2 and "Oxford" in a.references[0]  # a wrapped entry is no row of links


def test_every_refusal_has_a_code_a_window_can_translate(tmp_path) -> None:
    from reader.core.parse.dump import parse_bytes
    from reader.core.parse.refusal import reason_code

    cases = [
        b"",
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,
        ("import os\n\ndef main():\n    return 1\n" * 20 + "摘要" * 30).encode(),
        b"just some English words, not an article",
        ("标题\n" + "。" * 80).encode(),
    ]
    for data in cases:
        error = parse_bytes(data).error
        assert error is not None
        code, _ = reason_code(error)
        assert code is not None, error
    assert reason_code("could not be stored (UNIQUE constraint failed)") == ("store_failed", "UNIQUE constraint failed")
