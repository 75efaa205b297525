"""The header of a dump: title, authors, journal, year, issue and site fields."""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from ..model import Article
from . import markers as mk
from .names import DATE_PREFIX, loose_names, split_names
from .textclean import CJK, cjk_count

_YEAR_LABEL = mk.line_label("年份 年度 出版年份 出版年 发表年份 發表年份", mk.LABEL_END + r"((?:19|20)\d{2})\b")
_TITLE_LABEL = mk.line_label("标题 標題 题名 題名 文章标题 文章標題 篇名", mk.LABEL_END + r"(?=\S)")
_FIELD_VALUE = re.compile(rf"^[{CJK}]{{2,6}}\s*[:：]\s*[\x21-\x7e\s]*$")
_LABELS = re.compile(rf"[{CJK}]{{2,6}}\s*[:：]")  # `索 引 号:… 主题分类:…`: a line of page fields
_ISSUE_LINE = re.compile(
    rf"^《?(?=[^\d\s《》|:：,，]{{0,40}}[{CJK}])(?P<src>[^\d\s《》|:：,，]{{1,40}}?)》?\s*[,，.．]?\s*"
    r"(?P<year>(?:19|20)\d{2})\s*(?:年\s*(?:第\s*\d{1,3}\s*卷\s*)?(?:第\s*)?(?P<issue>\d{1,3})\s*期"
    r"|\s*[,，]?\s*(?:\d{1,3}\s*)?[(（]\s*(?P<issue2>\d{1,3})\s*[)）])"
)
_YEAR_ISSUE = re.compile(r"^(?P<year>(?:19|20)\d{2})\s*年\s*(?:第\s*)?(?P<issue>\d{1,3})\s*期")
_SOURCE_LABEL = mk.line_label(
    "原文出处 原文出處 文章来源 文章來源 稿件来源 来源 來源 出处 出處 刊名 期刊名称 期刊 发表期刊 刊物",
    mk.LABEL_END + "(?P<value>.*)$",
)
_ARTICLE_NO = re.compile(
    r"(?:文章编号|文章編號)\s*[\]】〕]?\s*[:：]?\s*[\dXx]{4}\s*-\s*[\dXx]{3,4}\s*[(（]\s*((?:19|20)\d{2})\s*[)）]"
)
_DOI = re.compile(r"\b(10\.\d{4,9}/[^\s,，;；]+)")
_DOI_YEAR = re.compile(r"[./](?P<year>(?:19|20)\d{2})[./]\d")
_ONLINE = re.compile(r"(?:网络出版|網絡出版|网络首发|網絡首發)(?:时间|時間|日期)\s*[:：]?\s*((?:19|20)\d{2})")
_CITED = re.compile(r"被引量\s*[:：]\s*(\d+)")
_UPLOADER = re.compile(r"(?:上传用户|上傳用戶|上传人|上傳人)\s*[:：]\s*([^\s|｜]+)")
_SITE_TITLE = re.compile(
    r"(?:网|網|网站|網站|文库|文庫|资料|資料|数据库|數據庫|平台|平臺|论坛|論壇|党校|黨校|委员会|委員會|人民政府)"
    r"(?:[(（][^)）]{1,12}[)）])?$"
)  # a site's or an institution's name over its pages
_AUTHOR_INLINE = re.compile(
    r"(?:(?<!通讯)(?<!通訊)(?<!通信)(?<!第一)作\s*者|研究生|作者姓名|学生姓名)\s*[\]】〕]?\s*[:：]\s*(?P<value>.+)$"
)
_POSTED = re.compile(r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*(?:\d{1,2}:\d{2}|发表于|發表於)")
_REPRINTED = re.compile(r"(?:本文)?(?:原载于|原载|刊载于|原文刊载于|原文发表于|原刊于)\s*(?P<value>《[^》]{1,40}》.*)$")
_SOURCE_INLINE = re.compile(r"(?<=\s)(?:来源|來源|出处|出處)\s*[:：]\s*(?P<value>\S.*)$")  # `作者:… 来源:…`
_BARE_AUTHOR = mk.line_label("作者 作者姓名", r"\s*[:：]?\s*$")
_NAVIGATION = re.compile(r"[|｜→»]|>>|＞＞|\s>\s")  # menus and breadcrumbs
_AFFILIATION = re.compile(r"^[(（]|(?<!\d)\d{6}(?!\d)")
_DATE_LINE = re.compile(r"^(?:时间|時間|日期|发布)?\s*[:：]?\s*(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}")
# `作者:孙立民  韩雪    小编:阿杰`: the names run to the next label, across double spaces.
_AUTHOR_CUT = re.compile(r"\s*(?:[|｜【]|\s\S{1,6}[:：]|$)")
_VALUE_CUT = re.compile(r"\s*(?:[|｜]|\s{2,}|被引量|作者[:：]|【|浏览|瀏覽|时间[:：]|時間[:：]|上传|上傳|$)")
_PLACE = re.compile(r"[(（][^)）]{1,8}[)）]")
_SUBTITLE = re.compile(rf"^\s*(?:——|--|—)\s*[{CJK}A-Za-z0-9“《]")
# A page title: the article's title then the site or section after `_` or ` - ` (`标题--副标题_某某论文`).
_PAGE_TITLE = re.compile(r"(?:_|\s[-–—|｜]\s)[^_]{1,24}$")

# Priorities of the places a year is read from: lower wins.
_YEAR_FROM_ISSUE, _YEAR_FROM_ARTICLE_NO, _YEAR_FROM_DOI, _YEAR_FROM_ONLINE = 1, 2, 3, 4


class _Year:
    """The year, from the most trustworthy place that gave one."""

    def __init__(self) -> None:
        self.value: int | None = None
        self.rank = 99

    def offer(self, year: str | int | None, rank: int) -> None:
        if year and rank < self.rank:
            self.value, self.rank = int(year), rank


def _clean_source(value: str) -> tuple[str | None, str | None, str | None]:
    """`《党建理论与实践》(南昌),2021.3.38~44` → (source, year, issue)."""
    value = value.strip()
    year = issue = None
    quoted = re.search(r"《([^》]{1,40})》", value)
    if quoted:
        source = quoted.group(1)
        rest = value[quoted.end() :]
    else:
        m = _ISSUE_LINE.match(value)
        if m:
            source, rest = m.group("src"), value[m.start("year") :]
        else:
            cut = re.search(r"\s*[,，]?\s*(?:19|20)\d{2}", value)
            source = value[: cut.start()] if cut else value
            rest = value[cut.start() :] if cut else ""
    y = re.search(
        r"((?:19|20)\d{2})\s*(?:年\s*(?:第\s*)?(\d{1,3})\s*期|[.．]\s*(\d{1,2})\b|[(（]\s*(\d{1,3})\s*[)）])?", rest
    )
    if y:
        year = y.group(1)
        issue = y.group(2) or y.group(3) or y.group(4)
    source = _PLACE.sub("", source).strip(" 《》,，.。:：")
    if not source or not re.search(f"[{CJK}A-Za-z]", source) or mk.SITE_WORDS.search(source):
        source = None
    return source, year, issue


_HEADLINE = re.compile(r"^(?P<names>[^|｜]{2,40}?)\s*[|｜]\s*(?P<title>[^|｜]{4,100})$")


@lru_cache(maxsize=1024)
def headline_parts(line: str) -> tuple[tuple[str, ...], str] | None:
    """A WeChat headline `甲 乙 | 标题`: (authors, title); None for any other line (rule 14)."""
    m = _HEADLINE.match(line.strip())
    if m is None:
        return None
    left = m.group("names").strip()
    names = split_names(left)
    title = mk.clean_title(m.group("title"))
    if _NAVIGATION.search(title) or not is_title_candidate(title):
        return None
    if names:
        return names, title
    if len(left) <= 6 and len(title) >= 2 * len(left) + 4 and not _SITE_TITLE.search(title):
        return (), title  # a column's tag before the headline: `论文推送 | 标题`
    return None


# A menu: several short items in a row (`首页 期刊简介 投稿须知 联系我们`).
def _is_menu(text: str) -> bool:
    items = text.split()
    return (len(items) >= 4 and all(len(item) <= 6 for item in items)) or (
        len(items) == 3 and all(len(item) <= 4 for item in items)
    )


@lru_cache(maxsize=4096)
def is_title_candidate(line: str) -> bool:
    if ("|" in line or "｜" in line) and headline_parts(line):
        return True
    text = mk.clean_title(line)
    if not (4 <= len(text) <= 100) or cjk_count(text) < 2 or _SUBTITLE.match(text):
        return False
    if text.endswith(("。", "：", ":")) or mk.is_chrome(line):
        return False
    if mk.META.match(line) or mk.META_BARE.match(line) or mk.PAGE_BREAK.search(line):
        return False
    if mk.ABSTRACT.match(line) or mk.KEYWORDS.match(line) or mk.RELATED.match(line) or mk.is_references_marker(line):
        return False
    if _AFFILIATION.search(text) or _DATE_LINE.match(text) or _ISSUE_LINE.match(text) or _YEAR_ISSUE.match(text):
        return False
    if _POSTED.search(text):  # `某公众号 2023-05-10 08:00 发表于北京`: a post's date line
        return False
    if _FIELD_VALUE.match(text):  # `发布者:admin`, `点击:1865`: a page field, not a `题:副题` title
        return False
    if _NAVIGATION.search(text) or _is_menu(text) or len(_LABELS.findall(text.replace(" ", ""))) >= 2:
        return False
    return split_names(text) is None


def _title_score(lines: list[str], indexes: list[int], k: int) -> int:
    """How much the line at indexes[k] looks like the article's title, judged by its neighbours."""
    text = mk.clean_title(lines[indexes[k]])
    if headline_parts(lines[indexes[k]]):
        return 3  # a headline naming its authors: `甲 乙 | 标题`
    score = -3 if _SITE_TITLE.search(text) or _PAGE_TITLE.search(text) else 0
    if len(text) <= 6:
        score -= 2  # a menu item or a section's name (`法学论文`); titles say more
    if sum(1 for i in indexes if mk.clean_title(lines[i]) == text) > 1:
        score += 2  # pages print the title twice: in the page head and above the article
    nxt = lines[indexes[k + 1]] if k + 1 < len(indexes) else ""
    if split_names(DATE_PREFIX.sub("", nxt)) or _AUTHOR_INLINE.search(nxt) or _POSTED.search(nxt):
        score += 3  # names, or a post's byline with its date, under the title
    elif mk.META.match(nxt) or mk.ABSTRACT.match(nxt) or _ISSUE_LINE.match(nxt) or _DATE_LINE.match(nxt):
        score += 2
    return score


def _pick_title(lines: list[str], indexes: list[int]) -> int | None:
    """Index (into ``indexes``) of the title: a `标题:` field, else the best of the first few candidates."""
    for k, i in enumerate(indexes[:40]):
        if _TITLE_LABEL.match(lines[i]):
            return k
    candidates = list(itertools.islice((k for k, i in enumerate(indexes) if is_title_candidate(lines[i])), 8))
    if not candidates:
        return None
    return max(candidates, key=lambda k: (_title_score(lines, indexes, k), -k))


def _title_was_a_guess(lines: list[str], indexes: list[int], picked: int) -> bool:
    """Nothing around the title said so, and another line looked as much like one: the first was taken."""
    if _TITLE_LABEL.match(lines[indexes[picked]]):
        return False
    best = _title_score(lines, indexes, picked)
    if best > 0:
        return False
    others = itertools.islice((k for k, i in enumerate(indexes) if k != picked and is_title_candidate(lines[i])), 7)
    return any(_title_score(lines, indexes, k) == best for k in others)


def read_header(lines: list[str], indexes: list[int]) -> Article:
    """An article holding the fields of the header, read from the given line indexes in order."""
    head = Article()
    year = _Year()
    title_index = None
    picked = _pick_title(lines, indexes)
    if picked is not None:
        title_index = indexes[picked]
        if _title_was_a_guess(lines, indexes, picked):
            head.doubts.append("title_guessed")
        head.title = mk.clean_title(_TITLE_LABEL.sub("", lines[title_index]))
        headline = headline_parts(lines[title_index])
        if headline:
            head.authors, head.title = list(headline[0]), headline[1]
        elif picked + 1 < len(indexes) and _SUBTITLE.match(lines[indexes[picked + 1]]):
            title_index = indexes[picked + 1]  # `——副标题` on the next line belongs to the title (rule 13)
            head.title += lines[title_index].strip()
    glued: list[str] | None = None
    dated = False  # the authors came from a line with a post date glued to the first name
    listing = False  # under a bare `作者` label, one name a line
    stacked = 0  # one name a line, each over its unit `(某大学…, 城市 100000)` (a journal's front page): 2 under a unit
    for i in indexes:
        line = lines[i]
        if i == title_index:
            continue
        if stacked:
            if mk.UNIT_LINE.search(line):
                stacked = 2
                continue
            names = split_names(line) if len(line) <= 12 and stacked == 2 else None
            if names and len(names) == 1:
                head.authors = list(dict.fromkeys([*head.authors, *names]))
                stacked = 1
                continue
            stacked = 0
        if listing:
            names = split_names(line)
            if names and len(names) == 1:
                head.authors = list(dict.fromkeys([*head.authors, *names]))
                continue
            listing = False
        if _BARE_AUTHOR.match(line) and not head.authors:
            listing = True
            continue
        _read_meta(line, head, year)
        if (head.authors and not dated) or mk.clean_title(line) == head.title:
            continue
        label = _AUTHOR_INLINE.search(line)
        if label:
            candidate = _AUTHOR_CUT.split(label.group("value"), maxsplit=1)[0]
        elif mk.META.match(line):
            continue
        else:
            candidate = line
        names = split_names(candidate) or (loose_names(candidate) if label else None)
        if names and dated:  # a date glued to the first author never outweighs the full author line
            if len(names) > len(head.authors) and set(head.authors) <= set(names):
                head.authors, dated = list(names), False
        elif names:
            if len(names) == 1 or re.search(r"[\s,，、;；+/]", candidate.strip()):
                head.authors = list(names)
                stacked = int(len(names) == 1 and not label)
                dated = bool(DATE_PREFIX.match(candidate.strip()))
            elif glued is None:
                glued = list(names)
    if not head.authors and glued:
        head.authors = glued
    head.year = year.value
    return head


def reprint_source(lines: list[str], head: Article) -> None:
    """`本文原载于《刊》2022年第5期` anywhere in the dump (a repost's note, often at its end): the source
    and year, for a header that named neither."""
    for line in lines:
        if "原载" in line or "刊载" in line or "原刊" in line or "原文发表" in line or "原載" in line:
            m = _REPRINTED.search(line)
            if m:
                source, year, issue = _clean_source(m.group("value"))
                head.source = head.source or source
                head.year = head.year or (int(year) if year else None)
                head.issue = head.issue or issue
                return


def _read_meta(line: str, head: Article, year: _Year) -> None:
    m = _SOURCE_LABEL.match(line) or _SOURCE_INLINE.search(line) or _REPRINTED.search(line)
    if m:
        value = m.group("value")
        if line.lstrip("◆■【[〔［(（ ").startswith("原文"):
            value = value.strip()
        else:
            value = _VALUE_CUT.split(value, maxsplit=1)[0] if "《" not in value else value
        source, value, issue = _clean_source(value)
        if source and head.source is None:
            head.source = source
        if value:
            year.offer(value, _YEAR_FROM_ISSUE)
            head.issue = head.issue or issue
    else:
        m2 = _ISSUE_LINE.match(line) if len(line) <= 60 else None
        if m2 and not mk.META.match(line):
            src = m2.group("src").strip().rstrip(".．。")  # `刊名. 2022,(06)`
            if head.source is None and not mk.SITE_WORDS.search(src):
                head.source = src
            year.offer(m2.group("year"), _YEAR_FROM_ISSUE)
            head.issue = head.issue or m2.group("issue") or m2.group("issue2")
        else:
            m3 = _YEAR_ISSUE.match(line)
            if m3:
                year.offer(m3.group("year"), _YEAR_FROM_ISSUE)
                head.issue = head.issue or m3.group("issue")
    y = _YEAR_LABEL.match(line) if "年" in line else None
    if y:
        year.offer(y.group(1), _YEAR_FROM_ISSUE)
    if "编号" in line or "編號" in line:
        a = _ARTICLE_NO.search(line)
        if a:
            year.offer(a.group(1), _YEAR_FROM_ARTICLE_NO)
    if "10." in line:
        d = _DOI.search(line)
        if d:
            head.doi = head.doi or d.group(1).rstrip(".")
            dy = _DOI_YEAR.search(d.group(1))
            if dy:
                year.offer(dy.group("year"), _YEAR_FROM_DOI)
    if "出版" in line or "首发" in line or "首發" in line:
        o = _ONLINE.search(line)
        if o:
            year.offer(o.group(1), _YEAR_FROM_ONLINE)
    if "被引量" in line:
        c = _CITED.search(line)
        if c:
            head.cited_by = int(c.group(1))
    if "上传" in line or "上傳" in line:
        u = _UPLOADER.search(line)
        if u:
            head.uploader = u.group(1)
