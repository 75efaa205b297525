"""Chinese personal names on author lines: splitting, cleaning, telling them from other words."""

from __future__ import annotations

import re
from functools import lru_cache

# Common single-character surnames, simplified then traditional forms; they
# cover the names of nearly all authors. A word that does not start with one
# of them is not taken for a name.
_SURNAMES_SIMPLIFIED = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕"
    "丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃"
    "武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒"
    "阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓"
    "古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣"
    "巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满"
    "闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙"
    "浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干"
    "但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由"
)
_SURNAMES_TRADITIONAL = (
    "張劉陳楊黃趙吳許韓馮鄧彭蕭葉蘇魏呂盧薑崔鍾譚陸範賈韋鄒孟邱閆段雷龍陶賀顧龔萬錢嚴覃戴莫湯樊"
    "葛邢喬龐顏聶魯嶽詹歐關蘭焦俞寧紀畢單裴霍塗駱藍遊靳蒙鮑華饒牟艾陽穆車項蘆麥婁竇戚岑黨費衛臧閔"
    "鄔邊卞師欒隋商刁榮鞏匡鞠荊樂冀鬱胥儲欒燕鄢勞諶藺樓滿聞厲區闞權帥屠豆樸蓋練廉禹卿國狄晉門雲"
    "闕鹿薄雍辜烏亓修邰杭況宿鮮印逯隆茹諸戰慕危銀亢嵇哈湛賓戎勾茅揭幹尉陰昝智衡堯閉鍾鐘劉錢沈潘"
    "於姜鄭謝宋唐曹曾肖董袁於蔣蔡餘杜程孫馬鄒羅錢顧龔賴溫齊鳳侯陶歐傅鄺聶馮閻廖熊夏姚邵霍"
    "孔曲紀鍾塗婁喬賈謝聞鄂滕殷鄔嚴歐黎"
)
_COMPOUND = {
    "欧阳",
    "歐陽",
    "司马",
    "司馬",
    "诸葛",
    "諸葛",
    "上官",
    "东方",
    "東方",
    "皇甫",
    "尉迟",
    "尉遲",
    "公孙",
    "公孫",
    "慕容",
    "长孙",
    "長孫",
    "宇文",
    "令狐",
    "夏侯",
    "司徒",
    "端木",
    "西门",
    "西門",
    "独孤",
    "獨孤",
    "南宫",
    "南宮",
    "轩辕",
    "軒轅",
    "申屠",
    "呼延",
    "澹台",
    "濮阳",
    "濮陽",
    "完颜",
}
SURNAMES = frozenset(_SURNAMES_SIMPLIFIED + _SURNAMES_TRADITIONAL)

# Words that start with a surname character but are headings, labels or site chrome.
_NOT_NAMES = frozenset(
    "方法 结果 結果 讨论 討論 结论 結論 目的 前言 引言 正文 全文 简介 簡介 作者 单位 單位 来源 來源 "
    "关键 關鍵 摘要 时间 時間 日期 下载 下載 相关 相關 举报 舉報 分享 收藏 打印 评论 評論 浏览 瀏覽 "
    "首页 首頁 登录 登錄 注册 註冊 文章 论文 論文 期刊 资源 資源 描述 文档 文檔 更多 阅读 閱讀 "
    "上传 上傳 格式 页数 頁數 大小 编号 編號 声明 聲明 版权 版權 导语 導語 小编 小編 责编 責編 编辑 編輯 "
    "审校 審校 综述 綜述 通讯 通訊 基金 项目 項目 中图 中圖 文献 文獻 标识 標識 参考 參考 注释 註釋 "
    "江苏 江蘇 浙江 广东 廣東 山东 山東 河南 河北 湖南 湖北 安徽 福建 江西 四川 云南 雲南 贵州 貴州 "
    "陕西 陝西 甘肃 甘肅 辽宁 遼寧 吉林 黑龙江 黑龍江 广西 廣西 海南 宁夏 寧夏 新疆 西藏 青海 "
    "北京 上海 天津 重庆 重慶 中国 中國 中共 学院 學院 大学 大學 党建 黨建 党委 黨委 党校 黨校 "
    "教授 讲师 講師 博士 硕士 碩士 本科 主任 医师 醫師 护师 護師 研究 发展 發展 管理 建设 建設 "
    "高校 高职 高職 社区 社區 乡村 鄉村 农村 農村 城市 基层 基層 经济 經濟 政治 文化 社会 社會 "
    "明显 明顯 严格 嚴格 全面 和谐 和諧 安全 公共 公开 公開 平台 平臺 国家 國家 时代 時代 "
    "新时代 新時代 学习 學習 学生 學生 教学 教學 教育 工作 制度 问题 問題 路径 路徑 实践 實踐".split()
)
# Roles after a name: the first kind are authors (`张伟 综述`), the second are not (`王强 审校`).
_ROLES = tuple("综述 綜述 执笔 執筆 整理 编译 編譯 翻译 翻譯 主编 主編 编著 編著 著 译 譯 编 編 等".split())
_NOT_AUTHOR_ROLES = tuple(
    "审校 審校 指导 指導 指导教师 指導教師 指导老师 指導老師 导师 導師 审稿 審稿 校对 校對".split()
)
_DROP = "\x00"  # stands for a not-author role until the names are paired up

_CJK = r"\u4e00-\u9fff\u3400-\u4dbf"
_NAME_TOKEN = re.compile(rf"^[{_CJK}]{{2,4}}$|^[{_CJK}]{{1,6}}[·•][{_CJK}]{{1,8}}$")
_DECORATION = re.compile(r"^(?:[■□◆◇●○▲△★☆▪▫•·\-—]+\s*|文\s*[/／|｜]\s*|作\s*者\s*[:：]?\s*)")
DATE_PREFIX = re.compile(  # `2019-08-03黄俊尧`: a post date glued to the names
    r"^(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*"
)
_SUPERSCRIPT = re.compile(r"[\d*＊¹²³⁴⁵⁶⁷⁸⁹⁰†‡#,，]+$")
_BRACKETED = re.compile(r"[（(][^)）]{0,8}[)）]")
_ROLE_END = re.compile("(?:" + "|".join(_NOT_AUTHOR_ROLES) + ")$")
_AUTHOR_ROLE_END = re.compile("(?:" + "|".join(_ROLES) + ")$")
# How the name of a unit or a post ends: `…党支部`, `…委员会`, `…县委书记`, `…秘书长`.
_UNIT = re.compile(
    r"(?:支部|总支|委员会|党委|党组|县委|市委|省委|区委|书记|主任|部长|局长|县长|市长|省长|区长|镇长|乡长|村长|校长|院长"
    r"|常委|秘书长|主席|处长|科长|大学|学院|学校|中学|小学|中心|研究院|研究所|公司|集团|办公室|街道|社区|机关|政府)$"
)
_SEPARATORS = re.compile(r"[,，、;；+＋/／|｜\s]+")


def is_name(token: str) -> bool:
    if not _NAME_TOKEN.match(token) or token in _NOT_NAMES:
        return False
    if "·" in token or "•" in token:
        return True
    if token[:2] in _COMPOUND and len(token) >= 3:
        return True
    return len(token) <= 3 and token[0] in SURNAMES  # four-character names have compound surnames


def _strip_role(token: str) -> str:
    m = _ROLE_END.search(token)
    if m and (m.start() == 0 or m.start() >= 2):
        return _DROP
    m = _AUTHOR_ROLE_END.search(token)
    return token[: m.start()] if m and m.start() >= 2 else token


@lru_cache(maxsize=4096)
def split_names(line: str) -> tuple[str, ...] | None:
    """The names on an author line, or None when the line is not one."""
    text = _DECORATION.sub("", line.strip())
    text = DATE_PREFIX.sub("", text)
    text = _BRACKETED.sub(" ", text)  # (1) (通讯作者) and the like
    if not text or len(text) > 60:
        return None
    tokens: list[str] = []
    for raw in _SEPARATORS.split(text):
        tok = _SUPERSCRIPT.sub("", raw.replace("*", "")).lstrip("0123456789")
        if tok and tok not in _ROLES:
            tokens.append(_strip_role(tok))
    while len(tokens) > 1 and _UNIT.search(tokens[0]) and not is_name(tokens[0]):
        tokens = tokens[1:]  # `机关第三党支部 陈晓岚`, `中共某县委书记 宋立群`: the unit or post is not a name
    merged = _merge_spaced(tokens)
    names = [t for k, t in enumerate(merged) if t != _DROP and (k + 1 == len(merged) or merged[k + 1] != _DROP)]
    if not names or len(names) > 12:
        return None
    if all(is_name(t) for t in names):
        return tuple(dict.fromkeys(names))
    if len(names) == 1 and _DROP not in merged and 5 <= len(names[0]) <= 9:
        return split_glued(names[0])
    return None


def _merge_spaced(tokens: list[str]) -> list[str]:
    """`孙 琴` is one name printed with a space: join runs of single characters in pairs."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        if len(tokens[i]) == 1 and i + 1 < len(tokens) and len(tokens[i + 1]) == 1 and _DROP not in tokens[i : i + 2]:
            out.append(tokens[i] + tokens[i + 1])
            i += 2
        else:
            out.append(tokens[i])
            i += 1
    return out


def split_glued(text: str) -> tuple[str, ...] | None:
    """Split `周明远何静` into names when exactly one way of doing so fits."""
    found = _splits(text)
    return found[0] if len(found) == 1 else None


@lru_cache(maxsize=1024)
def _splits(text: str) -> tuple[tuple[str, ...], ...]:
    if not text:
        return ((),)
    out: list[tuple[str, ...]] = []
    for size in (2, 3):
        head = text[:size]
        if len(head) == size and is_name(head):
            for rest in _splits(text[size:]):
                out.append((head, *rest))
    return tuple(out)


def loose_names(text: str) -> tuple[str, ...] | None:
    """Names after an author label, where the label vouches for them: any 2–4 character Chinese
    words (a surname this module does not know, `郗明哲`), as long as one of them is a name it knows."""
    tokens = [t for t in _SEPARATORS.split(_DECORATION.sub("", text.strip())) if t]
    tokens = [_SUPERSCRIPT.sub("", t) for t in tokens]
    if not tokens or len(tokens) > 8 or not any(is_name(t) for t in tokens):
        return None
    if not all(re.fullmatch(rf"[{_CJK}]{{2,4}}", t) and t not in _NOT_NAMES for t in tokens):
        return None
    return tuple(dict.fromkeys(tokens))
