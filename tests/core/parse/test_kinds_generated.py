"""Generated pages of the kinds VARIANTS rules 12, 13, 15 and 19 describe: any names, journals and
label orders, not the fixtures' own."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.parse.dump import parse_text
from reader.core.parse.textclean import join_cjk_space

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕"
GIVEN = "明华建国立新晓静志远雨欣子涵博文思远若溪一鸣海燕丽娟振宇雪梅"
WORDS = (
    "乡村振兴 基层治理 数字经济 党建引领 社区服务 生态文明 共同富裕 协商民主 文化传承 公共服务 城乡融合 新时代"
).split()

names = st.builds(lambda s, g: s + g, st.sampled_from(SURNAMES), st.text(alphabet=GIVEN, min_size=1, max_size=2))
phrases = st.lists(st.sampled_from(WORDS), min_size=1, max_size=3, unique=True).map("".join)
titles = st.lists(st.sampled_from(WORDS), min_size=2, max_size=4, unique=True).map("".join)
journals = st.sampled_from(WORDS).map(lambda w: w + "研究")
years = st.integers(min_value=1995, max_value=2025)


def article(header: list[str], title: str, keywords_line: str = "关键词:党建引领;基层治理") -> str:
    body = "一、研究背景\n" + "近年来各地围绕这一问题开展了大量探索,取得了明显成效,也面临新的问题。" * 3
    abstract = "摘要:" + "本文围绕这一问题展开研究,分析了现状与成因,提出了对策建议。" * 2
    return "\n".join(["首页 期刊简介 投稿须知 联系我们 在线投稿", title, *header, abstract, keywords_line, body])


@settings(max_examples=40, deadline=None)
@given(
    title=titles.map(lambda p: p + "的实践路径研究"),
    authors=st.lists(names, min_size=1, max_size=3, unique=True),
    journal=journals,
    year=years,
    issue=st.integers(min_value=1, max_value=12),
    order=st.permutations(range(4)),
)
def test_metadata_run_together_on_one_line(title, authors, journal, year, issue, order) -> None:
    """Rule 15: each label starts a field, whatever precedes it; the menu line is no title."""
    fields = [
        f"作者:{' '.join(authors)}",
        f"来源:《{journal}》{year}年第{issue}期",
        "浏览次数:0",
        f"发布时间:2024-0{issue % 9 + 1}-15 10:30:00",
    ]
    line = "".join(fields[k] for k in order)
    got = parse_text(article([line], title))
    assert got.error is None, got.error
    assert got.title == title
    assert got.authors == authors
    assert got.source == journal
    assert got.year == year


@settings(max_examples=40, deadline=None)
@given(title=titles, subtitle=phrases, keywords=st.lists(phrases, min_size=2, max_size=5, unique=True))
def test_subtitle_on_the_next_line_and_slash_keywords(title, subtitle, keywords) -> None:
    """Rules 13 and 12: the `——` line joins the title; keywords split on `/`."""
    text = article(["王明华"], title, "关 键 词:" + "/".join(keywords)).replace(
        title + "\n", f"{title}\n——{subtitle}\n", 1
    )
    got = parse_text(text)
    assert got.title == f"{title}——{subtitle}"
    assert got.keywords == keywords


CJK = "\u4e00-\u9fff"


@given(st.text(alphabet="党建引领基层治理 ,。1a \t", max_size=60))
def test_join_cjk_space_removes_only_single_spaces_between_chinese(text: str) -> None:
    """Rule 19 as a property: nothing but single spaces between two CJK characters goes."""
    out = join_cjk_space(text)
    assert not re.search(f"[{CJK}] (?=[{CJK}])", out.replace("  ", "\0\0"))
    assert out.replace(" ", "") == text.replace(" ", "")
    assert out.count("  ") == text.count("  ")
