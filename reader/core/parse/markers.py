"""The markers a page dump is read by: labels, headings, reference marks, site chrome.

Every pattern here is anchored and free of nested repetition, so none can
backtrack badly on a long line.
"""

from __future__ import annotations

import re
from functools import lru_cache

_OPEN = r"[\[【〔［(（〖<《]"
_CLOSE = r"[\]】〕］)）〗>》]"
_DECOR = r"^[◆■□●○▲△★☆▪◇◎※>\-]*\s*"


def _label(words: str) -> re.Pattern[str]:
    """A label at the start of a line: `◆摘  要:`, `【关 键 词】`, `[ 关键词 ]`, `摘要 `."""
    return re.compile(rf"{_DECOR}(?:{_OPEN}\s*)?(?:{words})\s*(?:{_CLOSE}\s*[:：]?|[:：]|\s+|$)\s*")


# Simplified and traditional forms of the characters labels are made of: dumps
# mix them (`關键词`, `中圖分类号`), so a label matches in any mixture.
_VARIANTS = {
    a: a + b
    for a, b in zip(
        "关键词献参释图类号标识码编项简单讯来处时间导语传题页数责辑录网络发阅览读评论库资档应节内结论与为",
        "關鍵詞獻參釋圖類號標識碼編項簡單訊來處時間導語傳題頁數責輯錄網絡發閱覽讀評論庫資檔應節內結論與為",
        strict=True,
    )
}
_VARIANTS.update({b: a + b for a, b in _VARIANTS.items()})


def _spaced(word: str) -> str:
    """A label word, each character in either form, with any spaces between them."""
    return r"\s*".join(f"[{_VARIANTS[ch]}]" if ch in _VARIANTS else re.escape(ch) for ch in word)


def _alts(*words: str) -> str:
    return "|".join(_spaced(w) for w in words)


def line_label(words: str, tail: str = "", flags: int = 0) -> re.Pattern[str]:
    """A label starting a line, in decorations and brackets (`◆摘  要:`, `【作者简介】`).

    ``words`` is white-space separated; each may be printed with spaces between
    its characters. ``tail`` is the pattern that must follow.
    """
    return re.compile(rf"{_DECOR}(?:{_OPEN}\s*)?(?:{_alts(*words.split())}){tail}", flags)


LABEL_END = rf"\s*(?:{_CLOSE}\s*[:：]?|[:：])\s*"  # what closes a metadata label


ABSTRACT = _label(_alts("内容摘要", "內容摘要", "内容提要", "內容提要", "摘要", "提要"))
KEYWORDS = _label(_alts("关键词", "關鍵詞", "关键字", "關鍵字", "关键语", "主题词", "主題詞"))
EN_ABSTRACT = re.compile(
    rf"{_DECOR}(?:{_OPEN}\s*)?(?:Abstract|ABSTRACT|Summary|SUMMARY)\b\s*(?:{_CLOSE})?\s*[:：.]?\s*"
    r"|^(?:Abstract|ABSTRACT)(?=[A-Z])"
)
EN_KEYWORDS = re.compile(
    rf"{_DECOR}(?:{_OPEN}\s*)?(?:Key\s*-?\s*words?|Keywords?|Index\s+terms)\b\s*(?:{_CLOSE})?\s*[:：]?\s*",
    re.I,
)

REFERENCES = line_label(
    "参考文献 參考文獻 参考资料 參考資料 注释 註釋 注釋 注释与参考文献 引用文献",
    rf"\s*(?:{_CLOSE})?\s*[:：]?\s*|{_DECOR}(?:{_OPEN}\s*)?(?:References|REFERENCES|Bibliography)\s*(?:{_CLOSE})?\s*[:：]?\s*",
)

RELATED = line_label(
    "其他文献 其它文献 其他文獻 相关文章 相關文章 猜你喜欢 猜你喜歡 相关栏目文章 相關欄目文章 相关文献 相關文獻"
    " 相关论文 相關論文 相关推荐 相關推薦 相关阅读 相關閱讀 延伸阅读 延伸閱讀 推荐阅读 推薦閱讀 热门文章 熱門文章"
    " 推荐文章 相似文献 相似文獻",
    rf"(?:\s*{_CLOSE})?(?:\s*[:：])?(?:\s*(?:>>|更多))?\s*$",  # each space run before a token: linear
)

# Metadata labels of the header: classification, funding, author notes, dates, site fields.
_META_WORDS = _alts(
    *(
        "中图分类号 中圖分類號 中图法分类号 分类号 分類號 文献标识码 文獻標識碼 文献标志码 "
        "文獻標誌碼 文献标志码 文章编号 文章編號 基金项目 基金項目 基金 作者简介 作者簡介 "
        "作者单位 作者單位 通讯作者 通訊作者 通信作者 收稿日期 修回日期 录用日期 引用格式 "
        "编者按 編者按 编者的话 本文引用格式 引文格式 原文出处 原文出處 文章来源 文章來源 稿件来源 "
        "来源 來源 出处 出處 刊名 期刊名称 期刊 "
        "作者 上传人 上傳人 上传用户 上傳用戶 上传时间 上傳時間 上传日期 上傳日期 "
        "发布时间 發布時間 发布日期 发表时间 更新时间 更新時間 更新日期 时间 時間 日期 导语 導語 小编 小編 编辑 "
        "浏览次数 瀏覽次數 点击数 點擊數 点击次数 阅读次数 閱讀次數 访问次数 年份 审核 審核 校对 校對 字号 字號 "
        "研究生 专业 專業 指导教师 指導教師 指导老师 导师 導師 学号 學號 学位授予单位 "
        "索引号 索引號 主题分类 主題分類 发文机关 發文機關 发文字号 發文字號 成文日期 "
        "发布机构 發布機構 文号 文號 有效性 "
        "編輯 责任编辑 責任編輯 责编 浏览 瀏覽 点击 阅读 閱讀 评论 評論 格式 页数 "
        "頁數 大小 文档编号 文檔編號 网络出版时间 網絡出版時間 网络出版日期 网络首发时间 "
        "出版日期 栏目 欄目 所属栏目 分类 学科分类 英文标题 英文题名 欢迎按以下方式引用 "
        "歡迎按以下方式引用 被引量 下载次数 页码 頁碼 卷期 DOI doi ISSN CN "
        "作者信息 作者機構 作者机构 机构 機構 单位 單位 关键词标签 标签 標籤 Tags "
    ).split()
)
META = re.compile(rf"{_DECOR}(?:{_OPEN}\s*)?(?:{_META_WORDS}){LABEL_END}")
META_BARE = line_label(
    "作者 出处 出處 基金 基金项目 单位 單位 来源 來源 机构 機構 机构地区 機構地區 作者单位 分类号 分類號"
    " 中图分类号 DOI 作者简介 作者簡介 基金项目 基金項目 作者信息 通讯作者 收稿日期 文献标识码 文章编号",
    r"\s*$",
)

# The end of a post: what follows is the account's other posts and its footer (`END`, `往期推荐`).
ARTICLE_END = re.compile(
    r"^(?:[-—–\s]*END[-—–\s]*|往期推荐|往期回顾|往期精选|推荐阅读|精彩推荐|扫码关注|长按二维码.*)$"
)

# Site chrome: whole lines that are never part of an article.
JUNK = re.compile(
    r"^(?:APP\s*下载|下载到本地|下載到本地|论文部分内容阅读|論文部分內容閱讀|下载文档|下載文檔|资源描述|資源描述|"
    r"点击查看更多|點擊查看更多|设为首页|設為首頁|加入收藏|返回顶部|返回頂部|(?:TOP|top)\s*$|分享到|扫一扫|掃一掃|"
    r"立即下载|立即下載|免费下载|免費下載|在线阅读|在線閱讀|收藏本文|打印本文|关闭窗口|關閉窗口|上一篇|下一篇|"
    r"声明\s*[:：]|聲明\s*[:：]|当前位置|當前位置|您的位置|你的位置|相关热词搜索|相關熱詞搜索|热词搜索|"
    r"字体\s*[:：]|字體\s*[:：]|版权说明|版權說明|版权所有|版權所有|Copyright|copyright|©|备案号|ICP备|"
    r"下载\s+相关\s+举报|下載\s+相關\s+舉報|亲\s*[,，]\s*该文档|親\s*[,，]\s*該文檔|说明\s*[:：]\s*文章内容仅供预览|"
    r"本文档?由.{0,20}(?:提供|上传|上傳|分享|整理)|首页\s*[>|]|\S+\s+首页\s|首頁\s*[>|]|网站首页|網站首頁|联系我们|聯繫我們|关于我们|關於我們|网站地图|"
    r"扫描二维码|掃描二維碼|手机阅读|手機閱讀|更多\s*>+|查看全文|全文阅读|全文閱讀|阅读全文|閱讀全文|"
    r"字号\s*[:：]?\s*[大中小]|字號\s*[:：]?\s*[大中小]|打印本页|打印本頁|【?\s*打印\s*】?\s*$|点赞\s*$|在看\s*$|阅读原文|閱讀原文|"
    r"以下文章来源于|預覽時標籤不可點|预览时标签不可点|收录于合集|收錄於合集|收录于话题|点击上方|點擊上方|关注我们\s*$|"
    r"微信扫一扫|长按识别|長按識別|继续滑动看下一个|向上滑动看下一个|轻触阅读原文|"
    r"[(（]?\s*责任编辑|[(（]?\s*責任編輯)"
)
JUNK_ANYWHERE = re.compile(
    r"由会员分享|由會員分享|请在.{1,12}上搜索|超出免费预览范围|超出免費預覽範圍|版权归属|版權歸屬|"
    r"不代表本站观点|不代表本站觀點|仅供预览|僅供預覽|原创文章可咨询|原創文章可諮詢|"
    r"ICP备\d|ICP證|版权所有|版權所有|Copyright\s*©|免责声明|免責聲明|仅供学习交流|僅供學習交流|转载请注明|轉載請註明|"
    r"全文请下载|請下載全文|全文請下載|请下载全文|部分内容[,，]\s*全文|如有侵权|如有侵權|侵权请联系|©\s*(?:19|20)\d{2}"
)
URL = re.compile(r"(?:https?://|www\.)[A-Za-z0-9./?=&%_:-]+")


# Words of page controls: a line made of nothing else is chrome (`【打印此文】【关闭窗口】`,
# `下载本文 收藏本文 举报`, `引证文献  共引文献  同被引文献`, `分享 收藏 点赞 在看`).
_CONTROL_WORDS = re.compile(
    r"打印此文|打印本文|打印本页|打印|关闭窗口|關閉窗口|关闭|關閉|下载本文|下載本文|收藏本文|举报|舉報|分享到|分享|收藏|点赞|點讚|在看|"
    r"引证文献|引證文獻|共引文献|同被引文献|二级参考文献|知网研学|记笔记|帮助中心|客服中心|联系我们|版权声明|返回顶部|"
    r"上一篇|下一篇|在线阅读|下载PDF|PDF下载|CAJ下载|HTML阅读|手机阅读|纠错|字号|登录|注册|返回列表|"
    r"Skip to (?:main )?content|Sign [Ii]n|Sign [Uu]p|Log [Ii]n|Register|Download PDF|Google Scholar|Article|"
    r"Cite|Share|Open Access|Browse Figures|Versions Notes|Full[- ]text|PDF|Menu"
)
_CONTROL_GLUE = re.compile(r"[\s\[\]【】()（）|｜/／·•,，:：>»\d]+")


def _only_controls(line: str) -> bool:
    if len(line) > 80 or "。" in line or max(map(len, line.split())) > 24 or not _CONTROL_WORDS.search(line):
        return False
    return not _CONTROL_GLUE.sub("", _CONTROL_WORDS.sub("", line))


_BLURB_PUNCT = re.compile(r"[,，。]")  # an account's blurb is a sentence; a title or heading naming 公众号 is not


def is_chrome(line: str) -> bool:
    """Site chrome: a known line, a known phrase, a line of page controls, a WeChat account's one-line
    blurb (`《某刊》杂志官方公众号`), or a web address with little else (a watermark)."""
    if JUNK.match(line) or (len(line) <= 300 and JUNK_ANYWHERE.search(line)):
        return True
    if _only_controls(line):
        return True
    if len(line) <= 40 and ("公众号" in line or "公眾號" in line) and _BLURB_PUNCT.search(line):
        return True
    if REF_LEADING.match(line):  # a reference to a web page is not a watermark
        return False
    return ("www." in line or "://" in line) and len(URL.sub("", line)) <= 15


# `名师归纳总结 第 2 页,共 6 页`, `第1页 / 共22页`, `x.docx_第1页`, `/ 5`: page furniture.
PAGE_BREAK = re.compile(
    r"第\s*\d+\s*页\s*[,，/／]?\s*共\s*\d+\s*页|第\s*\d+\s*頁\s*[,，/／]?\s*共\s*\d+\s*頁|"
    r"\.(?:docx?|pdf|txt|wps|caj)\s*_\s*第\s*\d+\s*页|^\s*[/／]\s*\d+\s*$|^\s*-\s*\d+\s*-\s*$|^\s*\d+\s*/\s*\d+\s*$"
)

# Headings. The number is group 1, the text group 2.
CN_NUM = "一二三四五六七八九十"
HEAD_CN = re.compile(rf"^([{CN_NUM}]{{1,3}})\s*[、.．]\s*(.+)$")
HEAD_CN_PAREN = re.compile(rf"^[(（]\s*([{CN_NUM}]{{1,3}})\s*[)）]\s*[、.．]?\s*(.+)$")
HEAD_CHAPTER = re.compile(rf"^第\s*([{CN_NUM}百\d]{{1,4}})\s*([章节節部分]{{1,2}})\s*[、:：.．]?\s*(.*)$")
HEAD_ARABIC = re.compile(r"^(\d{1,2})\s+(?![\d.%％])(\S.*)$")
HEAD_ARABIC_DOTTED = re.compile(r"^(\d{1,2})\s*[.．、]\s*(?![\d.%％])(\S.*)$")
HEAD_DECIMAL = re.compile(r"^(\d{1,2}(?:\s*[.．]\s*\d{1,2}){1,3})(?![\d.．])\s*(\S.*)$")
STANDALONE = frozenset(
    "引言 前言 导言 導言 绪论 緒論 结语 結語 结束语 結束語 结论 結論 余论 餘論 小结 小結 讨论 討論 总结 總結 "
    "结论与讨论 結論與討論 讨论与结论 討論與結論 结论与建议 結論與建議 研究背景 问题的提出 問題的提出".split()
)
NOT_HEADINGS = frozenset("摘要 关键词 關鍵詞 参考文献 參考文獻 注释 註釋 注釋 Abstract 致谢 致謝 附录 附錄".split())

# Reference entry marks: `[1]`, `［1］`, `〔1〕`, OCR `[l]`, `1.`, `1 `, `①`.
REF_BRACKET = re.compile(r"[\[［〔]\s*(\d{1,3}|[lI])\s*[\]］〕]")
REF_LEADING = re.compile(
    r"^\s*(?:[\[［〔【]\s*(\d{1,3}|[lI])\s*[\]］〕】]|(\d{1,3})\s*[.．、]\s*(?!\d)|(\d{1,3})\s+(?=\D)"
    r"|([①-⑳㉑-㉟㊱-㊿])|(\d{1,3})(?=[《“\u4e00-\u9fff]))\s*"
)

TERMINAL = tuple('。！？!?；;：:…」』”"’）)】]〕］>》')

SITE_WORDS = re.compile(
    r"网$|網$|网站|網站|文库|文庫|平台|平臺|投稿|网友|網友|整理|收集|论文网|論文網|范文|範文|原创|原創|^本站|下载|下載"
)

_TITLE_FILE = re.compile(r"(?:\.(?:docx?|pdf|txt|wps|caj|html?))+(?:\s*_\s*第\s*\d+\s*页)?\s*$", re.I)
_CHUNK_NUMBER = re.compile(r"^\d{1,3}\s*、\s*")
_TITLE_TAG = re.compile(r"^(?:【[^】]{1,12}】|\[[^\]]{1,12}\]|〔[^〕]{1,12}〕)\s*(?=\S)")
_TITLE_BLURB = re.compile(r"[,，]\s*本文(?:主要内容|的?关键词|摘要|简介|讲述|介绍).*$")  # `…,本文主要内容关键词为:…`


@lru_cache(maxsize=8192)
def clean_title(line: str) -> str:
    text = line.strip().strip("*＊").strip()
    text = _TITLE_FILE.sub("", text)
    text = _CHUNK_NUMBER.sub("", text)
    text = _TITLE_TAG.sub("", text)
    text = _TITLE_BLURB.sub("", text)
    text = text.strip("*＊").strip()
    return text


def is_references_marker(line: str) -> bool:
    """`参考文献`, `〔参考文献〕:`, or the label with its first entry on the same line."""
    m = REFERENCES.match(line)
    if not m:
        return False
    rest = line[m.end() :]
    return not rest or bool(REF_LEADING.match(rest))


# A unit under an author's name: bracketed, or with a postcode, or a mail address
# (`(1.某大学 …,江苏 南京 210000)`, `(E-mail: …)`).
UNIT_LINE = re.compile(r"^[(（].*[)）]$|(?<!\d)\d{6}(?!\d)|E-?mail|@")


# A figure's or table's caption: `图 1 …`, `表2-1 …`, `Fig. 3 …`, `Table 1 …` (kept out of paragraphs).
CAPTION = re.compile(
    r"^\s*(?:[图圖表]\s*\d+(?:[-.．]\d+)?|(?:Fig\.?|Figure|Table|TABLE|FIG\.?)\s*\d+)(?:\s|[.:：．]|$)"
)


def is_field_marker(line: str) -> bool:
    """A line that opens a field of the header or the references: 摘要, 关键词, a metadata label, Abstract…"""
    return bool(
        ABSTRACT.match(line)
        or KEYWORDS.match(line)
        or META.match(line)
        or META_BARE.match(line)
        or EN_ABSTRACT.match(line)
        or EN_KEYWORDS.match(line)
        or is_references_marker(line)
    )
