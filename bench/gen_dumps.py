"""Generate N synthetic page dumps in the shapes paper-sharing sites produce.

    python bench/gen_dumps.py OUT_DIR [N] [--seed S]

Deterministic for a seed. Each dump has a site header of one of several kinds,
an abstract and keywords behind one of several markers, numbered sections,
references and, sometimes, teasers of other papers. The text is drawn from a
small vocabulary, so that searches know which words occur where.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

TOPICS = [
    "党建引领",
    "基层治理",
    "乡村振兴",
    "思政课",
    "社区治理",
    "数字经济",
    "劳动教育",
    "职业教育",
    "文化自信",
    "生态文明",
    "共同富裕",
    "课程思政",
    "网格化管理",
    "志愿服务",
    "公共服务",
    "营商环境",
    "数字乡村",
    "红色文化",
]
NOUNS = (
    "党组织 治理体系 人民群众 基层干部 工作机制 实践路径 体制机制 社会资源 育人实效 制度优势"
    " 服务能力 组织力 协同机制 评价体系 数字平台 产业基础 文化资源 师资队伍 考核办法 资金保障"
).split()
VERBS = ["坚持", "推进", "完善", "健全", "创新", "强化", "统筹", "提升", "探索", "构建", "落实", "发挥"]
LINKS = ["为", "在", "把", "以", "通过", "围绕", "依托", "立足"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉志宏海晓春燕"
JOURNALS = "党政论坛 速读·中旬 学校党建与思想教育 农业经济与管理 中国行政管理 思想理论教育导刊 社会科学".split()
CN = "一二三四五六七八九十"


def sentence(rng: random.Random) -> str:
    parts = [
        rng.choice(VERBS) + rng.choice(TOPICS),
        rng.choice(LINKS) + rng.choice(NOUNS) + rng.choice(VERBS) + rng.choice(NOUNS),
    ]
    if rng.random() < 0.5:
        parts.append(rng.choice(VERBS) + rng.choice(NOUNS))
    return ",".join(parts) + "。"


def paragraph(rng: random.Random, n: int | None = None) -> str:
    return "".join(sentence(rng) for _ in range(n or rng.randint(3, 7)))


def name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))


def dump(rng: random.Random, i: int) -> str:
    kind = rng.choice(["实践路径", "现实困境与对策", "价值意蕴", "机制研究"])
    title = f"{rng.choice(TOPICS)}视域下{rng.choice(NOUNS)}的{kind}——以第{i + 1}号调查点为例"
    authors = [name(rng) for _ in range(rng.randint(1, 3))]
    journal = rng.choice(JOURNALS)
    year = rng.randint(2012, 2024)
    keywords = rng.sample(TOPICS, 4)
    shape = i % 3
    lines: list[str] = []
    if shape == 0:
        lines += [
            title,
            "",
            f"来源 :{journal} | 被引量 : {rng.randint(0, 9)}次 | 上传用户:user{i}",
            "下载到本地 , 更方便阅读",
            "声明 : 本文档内容版权归属内容提供方",
            "论文部分内容阅读",
            f"  ◆摘  要:{paragraph(rng, 4)}",
            f"  ◆关键词:{';'.join(keywords)}",
        ]
    elif shape == 1:
        lines += [
            "APP下载",
            "",
            title,
            "",
            f"{year}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}{''.join(authors)}",
            "",
            f"{journal} {year}年{rng.randint(1, 12)}期",
            "",
            " ".join(authors),
            "",
            f"〔摘要〕{paragraph(rng, 4)}",
            "",
            f"〔关键词〕{';'.join(keywords)}",
            "",
        ]
    else:
        lines += [
            title,
            "  ".join(authors),
            f"(某某大学 马克思主义学院,某省 某市 {rng.randint(100000, 999999)})",
            f"【摘要】 {paragraph(rng, 4)}",
            f"【关键词】 {'; '.join(keywords)}",
            f"【中图分类号】D26{rng.randint(0, 9)}  【文献标识码】A  【文章编号】1008-{rng.randint(1000, 9999)}"
            f"({year})0{rng.randint(1, 9)}-0031-05",
        ]
    n_sections = rng.randint(3, 6)
    n_refs = rng.randint(0, 6)
    for s in range(n_sections):
        lines.append(f"{CN[s]}、{rng.choice(VERBS)}{rng.choice(TOPICS)},{rng.choice(VERBS)}{rng.choice(NOUNS)}")
        for sub in range(rng.choice([0, 0, 2, 3])):
            lines.append(f"({CN[sub]}){rng.choice(VERBS)}{rng.choice(NOUNS)}")
            lines.append(paragraph(rng))
        for _ in range(rng.randint(1, 3)):
            text = paragraph(rng)
            if n_refs and rng.random() < 0.4:
                text = text[:-1] + f"[{rng.randint(1, n_refs)}]。"
            lines.append(text)
    if n_refs:
        lines.append("参考文献")
        for r in range(1, n_refs + 1):
            lines.append(
                f"[{r}]{name(rng)}.{rng.choice(TOPICS)}与{rng.choice(NOUNS)}研究[J].{rng.choice(JOURNALS)},"
                f"{rng.randint(2000, 2023)}({rng.randint(1, 12)}):{rng.randint(1, 90)}-{rng.randint(91, 99)}."
            )
    if rng.random() < 0.5:
        lines.append("其他文献")
        lines += [
            f"◆摘 要:{paragraph(rng, 2)}  ◆关键词:{';'.join(rng.sample(TOPICS, 3))}" for _ in range(rng.randint(1, 4))
        ]
    if shape == 0:  # that site indents everything below its header
        lines = lines[:6] + [ln if ln.startswith(" ") else "  " + ln for ln in lines[6:]]
    return "\n".join(lines) + "\n"


def marked_dump(marks: int, per_paragraph: int = 10, refs: int = 50, seed: int = 1) -> str:
    """One article with ``marks`` [n] marks, ``per_paragraph`` to a paragraph, citing ``refs`` references."""
    rng = random.Random(seed)
    lines = [f"{rng.choice(TOPICS)}视域下基层治理的实践路径研究", "王伟  李芳", f"【摘要】 {paragraph(rng, 4)}"]
    lines += ["【关键词】 党建引领; 基层治理", "一、引言"]
    done = 0
    while done < marks:
        n = min(per_paragraph, marks - done)
        lines.append("".join(sentence(rng)[:-1] + f"[{rng.randint(1, refs)}]。" for _ in range(n)))
        done += n
    lines.append("参考文献")
    lines += [
        f"[{r}]{name(rng)}.{rng.choice(TOPICS)}研究[J].{rng.choice(JOURNALS)},2020(1):1-9." for r in range(1, refs + 1)
    ]
    return "\n".join(lines) + "\n"


def generate(out: Path, n: int, seed: int = 7) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for i in range(n):
        path = out / f"dump_{i:06d}.txt"
        path.write_text(dump(rng, i), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("n", type=int, nargs="?", default=10_000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    generate(args.out, args.n, args.seed)
    print(f"wrote {args.n} dumps to {args.out}")


if __name__ == "__main__":
    main()
