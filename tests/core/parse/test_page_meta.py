"""A saved page's own metadata (citation_*, DC.*, og:title, <h1>) wins over guesses from its text."""

from __future__ import annotations

from reader.core.parse.dump import parse_bytes
from reader.core.parse.saved_page import page_meta

BODY = "<p>" + "基层党组织是党在社会基层组织中的战斗堡垒,是党的全部工作和战斗力的基础。" * 4 + "</p>"


def page(head: str, body: str) -> bytes:
    return f"<!doctype html><html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>".encode()


def test_citation_tags_win_over_the_page_title_and_the_visible_text() -> None:
    data = page(
        "<title>党建论文</title>"
        "<meta name='citation_title' content='村级党组织带头人队伍建设的路径'>"
        "<meta name='citation_author' content='柯明远'><meta name='citation_author' content='葛雨桐'>"
        "<meta name='citation_journal_title' content='基层党建研究'>"
        "<meta name='citation_publication_date' content='2021/05/20'>"
        "<meta name='citation_keywords' content='村级党组织; 带头人; 队伍建设'>"
        "<meta name='citation_abstract' content='本文讨论村级党组织带头人队伍建设。'>"
        "<meta name='keywords' content='论文,范文,免费'>",
        "<div class='nav'>首页 | 党建论文</div><h1>村级党组织带头人队伍建设的路径</h1>"
        f"<p>发布时间:2023-01-02</p>{BODY}<p>上一篇:另一篇文章的题目</p><p>下一篇:再一篇文章的题目</p>",
    )
    a = parse_bytes(data, "page.html")
    assert a.error is None
    assert a.title == "村级党组织带头人队伍建设的路径"
    assert a.authors == ["柯明远", "葛雨桐"]
    assert (a.source, a.year) == ("基层党建研究", 2021)  # the publication date, not the post date
    assert a.keywords == ["村级党组织", "带头人", "队伍建设"]  # the SEO keywords tag is not the article's
    assert a.abstract == "本文讨论村级党组织带头人队伍建设。"
    assert a.related == []  # 上一篇/下一篇 are the site's links, not related papers
    assert "no_authors" not in a.doubts and "no_year" not in a.doubts


def test_og_title_and_h1_name_the_article_when_nothing_else_does() -> None:
    meta = page_meta(page("<meta property='og:title' content='乡村治理的新探索 - 某某论文网'>", BODY).decode())
    assert meta.title == "乡村治理的新探索"  # the site after ` - ` is cut
    meta = page_meta(page("<meta property='og:title' content='别的'>", "<h1>  真正的 题目 </h1>" + BODY).decode())
    assert meta.title == "真正的 题目"
    assert page_meta(page("", BODY).decode()).title is None
