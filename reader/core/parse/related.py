"""Teasers of other papers after the article (其他文献, 相关文章, 猜你喜欢 …): kept apart, one item each."""

from __future__ import annotations

import re

from . import markers as mk

# A line that belongs to the teaser above it rather than starting a new one.
_CONTINUATION = mk.line_label(
    "摘要 关键词 關鍵詞 作者 来源 來源 时间 時間 日期 发布 期刊 出处",
    r"|^(?:19|20)\d{2}[-/.年]|^\d+\s*(?:次|人)?(?:阅读|浏览|下载|閱讀|瀏覽|下載)",
)


# The page's footer after the teasers: a menu, a field (`服务时间:…`, `投稿邮箱:…`), an address.
_FOOTER = re.compile(
    r"[|｜].*[|｜]|(?:QQ|qq|E-?mail|邮箱|郵箱|电话|電話|地址|服务时间|服務時間|工作时间|客服|热线|熱線|投稿|备案|備案|主办|主辦|技术支持|技術支持|邮编|郵編)\S{0,4}\s*[:：]"
)


def read_related(lines: list[str]) -> list[str]:
    items: list[str] = []
    titled = False  # whether the last item started as a bare title
    for line in lines:
        if mk.RELATED.match(line) or mk.is_chrome(line):
            titled = False
            continue
        if items and titled and _CONTINUATION.match(line):
            items[-1] = items[-1] + "\n" + line  # source, date, abstract of the teaser above
            continue
        if _FOOTER.search(line) and not _CONTINUATION.match(line):
            break
        items.append(line)
        titled = not _CONTINUATION.match(line)
    return items
