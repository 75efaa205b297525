"""English-language papers (VARIANTS rule 18): title, authors as written, source and year from the
page's citation line, Abstract (a Chinese 摘要 wins when the page has one), Keywords, sections
numbered `1.`, `1.1` or Roman, References.

Pages of journal sites put the article between menus, share buttons and licence notes; lines of
that kind are passed over, and only the labels a paper carries start its parts.
"""

from __future__ import annotations

import itertools
import re

from ..model import Article, Section
from . import markers as mk
from .textclean import cjk_count, join_wrapped

_WORD = re.compile(r"[A-Za-z]{2,}")
_LABEL_WORDS = (
    r"Published|Received|Accepted|Revised|Available|Cite|Citation|Share|DOI|Open\s+Access|Copyright|©|Affiliations?"
    r"|Keywords?|Key\s*words|Abstract|Journal|Volume|Issue|Download|View|Article|Research\s+Article|Original"
    r"|Academic\s+Editor|Correspondence|Email|E-mail|ORCID|Author\s+Information|Funding|License|Licence"
)
_META = re.compile(rf"^(?:{_LABEL_WORDS})\b", re.I)
_ABSTRACT = re.compile(r"^(?:Abstract|ABSTRACT|Summary)\b\s*[:.：]?\s*")
_KEYWORDS = re.compile(r"^(?:Key\s*-?\s*words?|Keywords?|Index\s+terms)\b\s*[:.：]?\s*", re.I)
_REFERENCES = re.compile(r"^(?:References|REFERENCES|Bibliography|Works\s+Cited|Literature\s+Cited)\s*[:：]?$")
_TAIL = re.compile(
    r"^(?:Author\s+Contributions|Funding|Conflicts?\s+of\s+Interest|Data\s+Availability|Acknowledg(?:e)?ments?"
    r"|Publisher.s\s+Note|Disclaimer|Copyright|©|Related\s+(?:articles|papers)|Appendix|Supplementary)\b",
    re.I,
)
_AFFILIATION = re.compile(
    r"\b(?:University|School|Department|Dept\.|Institute|College|Faculty|Centre|Center|Academy|Laboratory"
    r"|Ministry|Hospital|Road|Street|China|USA|UK)\b"
)
_INSTITUTION = re.compile(r"\b(?:University|School|Department|Dept\.|Institute|College|Faculty|Academy|Laboratory)\b")
_NAME = re.compile(
    r"^(?:[A-Z][a-zA-Z'\-]+|[A-Z]\.)(?:\s+(?:[A-Z][a-zA-Z'\-]+|[A-Z]\.|van|von|de|der|da|di|la|le)){1,3}$"
)
_NAME_MARKS = re.compile(r"[*†‡§¶#\d,]+$|^\W+")
_HEADING = re.compile(r"^(?P<num>(?:\d{1,2}(?:\.\d{1,2}){0,2})|[IVX]{1,5})(?:\.|\s)\s*(?P<text>[A-Z][^\n]{1,100})$")
_AFTER_REFERENCES = re.compile(
    r"^(?:Download\s+references|Author\s+information|Rights\s+and\s+permissions|Share\s+and\s+Cite|Cite\s+this"
    r"|Article\s+Metrics|About\s+this\s+article|Keywords?$|Citations$)",
    re.I,
)
_CHROME_WORDS = frozenset(
    "Figures Figure Notes Versions Browse Download Share Cite Article Journal Journals Open Access Metrics Sign Menu"
    " Search Home View Full Text PDF Submit Topics Information About Services Initiatives Scope Aims Manuscript".split()
)
# A line after a keyword list that is no keyword: a sentence to the reader (`Use our checklist`).
_NOT_KEYWORD = re.compile(r"\b(?:our|your|you|we|us|click|here)\b", re.I)
_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
_PUBLISHED = re.compile(r"\b(?:Published(?:\s+online)?|Issue\s+Date)\b.{0,80}?\b((?:19|20)\d{2})\b", re.I)
_CITE_LABEL = re.compile(r"^(?:Cite\s+this\s+(?:article|paper)|How\s+to\s+cite|Share\s+and\s+Cite|Citation)\b", re.I)
_REF_MARK = re.compile(r"^\s*(?:\[\d{1,3}\]|\d{1,3}\.(?=\s)|\d{1,3}\s(?=[A-Z]))\s*")


def is_heading(line: str) -> bool:
    """`3 Methods`, `4.2 Results`, `II. Related Work`: a numbered heading of an English paper."""
    return bool(_HEADING.match(line.strip())) and len(line) <= 80


def looks_english(text: str) -> bool:
    """An English article: more Latin words than CJK characters, the parts of a paper, and an English
    line where a title would stand (a Chinese paper with long English references is not one)."""
    sample = text[:60000]
    words = len(_WORD.findall(sample))
    if words < 40 or cjk_count(sample) > words:
        return False
    first = next((ln for ln in sample.split("\n") if len(ln.strip()) >= 10 and not mk.is_chrome(ln.strip())), "")
    if cjk_count(first) >= 2:
        return False
    return bool(re.search(r"(?im)^\s*(?:abstract|introduction|references|keywords?)\b", sample))


def _name_list(line: str) -> list[str] | None:
    """`Mei Lin*, Tao Zhou and Ana de Souza` → the names; None when the line is not a list of names."""
    if len(line) > 200 or _META.match(line) or _AFFILIATION.search(line) or line.endswith("."):
        return None
    line = re.sub(r"^by\s+", "", line)
    if any(word in _CHROME_WORDS for word in line.split()):
        return None
    parts = [p for p in re.split(r",|;|\band\b|&", line) if p.strip()]
    names = [_NAME_MARKS.sub("", p.strip()).strip() for p in parts]
    if not names or not all(_NAME.match(n) for n in names if n):
        return None
    return [n for n in names if n]


def _is_title(line: str) -> bool:
    words = _WORD.findall(line)
    return (
        3 <= len(words) <= 30
        and not _META.match(line)
        and not line.endswith((".", ":", "："))
        and not _REFERENCES.match(line)
        and _name_list(line) is None
        and not mk.is_chrome(line)
        and line[:1].isupper()
        and not (line.count(",") >= 2 and _INSTITUTION.search(line))  # an affiliation
    )


def _title_at(lines: list[str], head_end: int) -> int | None:
    """The title among the first lines: the one that a citation line repeats, or that names follow."""
    candidates = [i for i in range(head_end) if lines[i] and _is_title(lines[i])]
    if not candidates:
        return None
    later = "\n".join(lines).lower()

    def score(i: int) -> tuple[int, int]:
        text = lines[i].lower()
        cited = later.count(text) > 1  # the page's own citation repeats the title
        nxt = next((ln for ln in lines[i + 1 : i + 4] if ln), "")
        named = _name_list(nxt) is not None
        return 3 * cited + 2 * named + (len(_WORD.findall(text)) >= 5), -i

    return max(candidates, key=score)


def read_english(lines: list[str]) -> Article:
    """The fields of an English paper page; refused when no title can be found."""
    lines = [ln.strip() for ln in lines]
    abstract_at = next((i for i, ln in enumerate(lines) if _ABSTRACT.match(ln)), None)
    head_end = abstract_at if abstract_at is not None else min(len(lines), 40)
    title_at = _title_at(lines, head_end)
    if title_at is None:
        return Article.refused("no article in it (no title found)")
    article = Article(title=lines[title_at])
    for i in range(title_at + 1, head_end):
        names = _name_list(lines[i]) if lines[i] else None
        if names:
            article.authors.extend(n for n in names if n not in article.authors)
    _read_citation(lines, article)
    refs_at = next((i for i, ln in enumerate(lines) if _REFERENCES.match(ln)), len(lines))
    body_start = _read_abstract_and_keywords(lines, abstract_at, refs_at, article)
    if not article.keywords:  # some pages list them at the end, after the references
        _read_abstract_and_keywords(lines, None, len(lines), article, only_keywords=True)
    article.sections = _sections(lines[body_start:refs_at])
    article.references = _references(lines[refs_at + 1 :]) if refs_at < len(lines) else []
    return article


def _read_citation(lines: list[str], article: Article) -> None:
    """Year (and journal) from `Published online …`, `Cite this article` or `Share and Cite` lines."""
    title = (article.title or "").lower()
    for i, line in enumerate(lines):
        if _CITE_LABEL.match(line):
            for cite in lines[i : i + 6]:
                at = cite.lower().find(title) if title else -1
                if at < 0:
                    continue
                rest = cite[at + len(title) :].lstrip(".?! ")
                journal = re.match(r"(?P<j>[A-Z][A-Za-z&:,\- ]{2,80}?)[.,;]?\s*(?=\d|\()", rest)
                year = _YEAR.search(rest)
                if journal and year:
                    article.source = article.source or journal.group("j").strip(" ,.")
                    article.year = article.year or int(year.group(1))
                break
    if article.year is None:
        for line in lines[:80]:
            m = _PUBLISHED.search(line)
            if m:
                article.year = int(m.group(1))
                break


def _block(lines: list[str], start: int, stop: int) -> tuple[list[str], int]:
    """Lines of one labelled block: to the first blank line after some text, a label or a heading."""
    out: list[str] = []
    j = start
    while j < stop:
        line = lines[j]
        if not line:
            if out:
                break
        elif _KEYWORDS.match(line) or _ABSTRACT.match(line) or _HEADING.match(line) or mk.ABSTRACT.match(line):
            break
        else:
            out.append(line)
        j += 1
    return out, j


def _read_abstract_and_keywords(
    lines: list[str], abstract_at: int | None, stop: int, article: Article, only_keywords: bool = False
) -> int:
    """Abstract (a Chinese 摘要 wins), keywords; returns where the body starts."""
    end = abstract_at if abstract_at is not None else 0
    if abstract_at is not None:
        first = _ABSTRACT.sub("", lines[abstract_at])
        text, end = _block(lines, abstract_at + 1, stop)
        article.abstract = " ".join([first, *text] if first else text) or None
    for i in range(end, stop if only_keywords else min(stop, end + 30)):
        line = lines[i]
        if mk.ABSTRACT.match(line) and not only_keywords:
            first = mk.ABSTRACT.sub("", line, count=1)
            text, after = _block(lines, i + 1, stop)
            chinese = "".join([first, *text]).strip()
            if cjk_count(chinese) >= 10:
                article.abstract = chinese
            end = max(end, after)
        elif _KEYWORDS.match(line):
            rest = _KEYWORDS.sub("", line)
            text, after = ([rest], i + 1) if rest else _block(lines, i + 1, stop)
            text = list(itertools.takewhile(lambda t: not _NOT_KEYWORD.search(t), text))
            words = [w.strip(" .") for t in text for w in re.split(r"[;；,，]", t) if w.strip(" .")]
            article.keywords = words
            end = max(end, after)
    return end


def _sections(lines: list[str]) -> list[Section]:
    sections: list[Section] = []
    last_top = 0
    for line in lines:
        if not line or mk.is_chrome(line):
            continue
        m = _HEADING.match(line)
        if m and len(line) <= 110 and not line.endswith("."):
            num = m.group("num")
            level = num.count(".") + 1 if num[0].isdigit() else 1
            top = int(num.split(".")[0]) if num[0].isdigit() else _roman(num)
            if level > 1 or top in (last_top, last_top + 1):
                last_top = top if level == 1 else last_top
                sections.append(Section(m.group("text").strip(), min(level, 3)))
                continue
        if _TAIL.match(line):
            break
        if not sections:
            sections.append(Section("", 0))
        paragraphs = sections[-1].paragraphs
        if paragraphs and not paragraphs[-1].endswith((".", "?", "!", ":")):
            paragraphs[-1] = join_wrapped(paragraphs[-1], line)
        else:
            paragraphs.append(line)
    return sections


def _roman(num: str) -> int:
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for a, b in zip(num, [*num[1:], ""], strict=True):
        total += -values[a] if b and values[b] > values[a] else values[a]
    return total


def _references(lines: list[str]) -> list[str]:
    refs: list[str] = []
    numbered = any(_REF_MARK.match(ln) for ln in lines[:5] if ln)
    for line in lines:
        if not line:
            continue
        if _TAIL.match(line) or _AFTER_REFERENCES.match(line):
            break
        if mk.is_chrome(line):
            continue  # `Article  Google Scholar` under each entry
        mark = _REF_MARK.match(line)
        if mark or not numbered or not refs:
            refs.append(line[mark.end() :] if mark else line)
        else:
            refs[-1] = join_wrapped(refs[-1], line)
    return refs
