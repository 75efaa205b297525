"""Citations as GB/T 7714-2015 text, from an article's details or from a CSL-JSON item.

One formatter (``format_item``) writes every kind of document the standard names, from a CSL-JSON
item (``csl.py``, ``references.py``): so the article's own citation and its references read back
from their text come out by the same rules. ``gbt7714`` makes that item from the library's details.

The rules kept here (the standard's section in brackets): up to three authors, then ``等`` or, for
names in Latin letters (accented ones too), ``et al.`` [8.1.2]; a Latin name as its family name in
capitals, then the initials without dots (``EINSTEIN A``) [8.1.1]; no doubled full stop where a name
(``Jr.``) or a source already ends in one; the document type code [Appendix B]: [J] journal, [N]
newspaper (with its date), [D] thesis (with place and institution), [M] book, [C] proceedings,
[R] report, [S] standard, [EB/OL] a web page (with its dates and URL when known), [Z] anything else.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

# CSL type → GB/T 7714 code, and back.
CODES = {
    "article-journal": "J",
    "article-newspaper": "N",
    "thesis": "D",
    "book": "M",
    "paper-conference": "C",
    "report": "R",
    "standard": "S",
    "webpage": "EB/OL",
    "document": "Z",
}
TYPES = {code: kind for kind, code in CODES.items()}
MORE_AUTHORS = {"等", "et al."}  # kept in an item's note when the list was cut


def is_latin(name: str) -> bool:
    """A name written in Latin letters, accented ones included (``José García``)."""
    letters = [ch for ch in name if ch.isalpha()]
    return bool(letters) and all("LATIN" in unicodedata.name(ch, "") for ch in letters)


_SUFFIX = re.compile(r"[,\s]+(Jr|Sr|II|III|IV)\.?$", re.IGNORECASE)


def latin_name(name: str) -> str:
    """``Albert Einstein`` or ``Einstein, Albert`` → ``EINSTEIN A``; ``Martin Luther King Jr.`` →
    ``KING M L, Jr``; a name already written so stays as it is."""
    name = " ".join(name.split())
    suffix = ""
    m = _SUFFIX.search(name)
    if m:
        suffix, name = f", {m[1].capitalize() if m[1].lower() in ('jr', 'sr') else m[1]}", name[: m.start()]
    if "," in name:
        family, given = (part.strip() for part in name.split(",", 1))
    else:
        words = name.split(" ")
        if len(words) > 1 and words[0].isupper() and all(len(w.rstrip(".")) <= 2 for w in words[1:]):
            family, given = words[0], " ".join(words[1:])  # EINSTEIN A, already in the standard's form
        else:
            family, given = words[-1], " ".join(words[:-1])
    initials = " ".join(w[0].upper() for w in re.split(r"[\s.\-]+", given) if w)
    return " ".join(x for x in (family.upper(), initials) if x) + suffix


def authors_text(names: list[str], more: bool = False, spaced: bool = True) -> str:
    """Up to three names, then ``等`` (``et al.`` when the names are in Latin letters)."""
    if not names:
        return ""
    comma = ", " if spaced else ","
    shown = comma.join(names[:3])
    if len(names) > 3 or more:
        shown += comma + ("et al." if is_latin(names[0]) else "等")
    return shown


def _name(author: dict[str, Any]) -> str:
    if "literal" in author:
        return str(author["literal"])
    family, given = author.get("family", ""), author.get("given", "")
    return latin_name(f"{family}, {given}") if is_latin(family + given) else f"{family}{given}"


def _year(item: dict[str, Any]) -> str:
    parts = (item.get("issued") or {}).get("date-parts") or [[]]
    return str(parts[0][0]) if parts and parts[0] else ""


def _date(value: dict[str, Any] | None) -> str:
    """A CSL date as YYYY-MM-DD (as far as it is known)."""
    parts = (value or {}).get("date-parts") or [[]]
    return "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts[0])) if parts and parts[0] else ""


def _end(text: str) -> str:
    """A full stop, unless the text ends in one already (``Jr.``, ``et al.``, a source's ``Inc.``)."""
    return text if text.endswith((".", "?", "!", "。", "？", "！")) else text + "."


def format_item(item: dict[str, Any], spaced: bool = True) -> str:
    """One CSL-JSON item as a GB/T 7714-2015 entry; ``spaced`` writes ``. `` and ``, `` (the standard's
    examples) rather than ``.`` and ``,`` (as many Chinese papers print them)."""
    dot, comma, colon = (". ", ", ", ": ") if spaced else (".", ",", ":")
    code = CODES.get(item.get("type", ""), "Z")
    names = [_name(a) for a in item.get("author") or []]
    head = authors_text(names, item.get("note") in MORE_AUTHORS, spaced)
    out = _end(head) + (" " if spaced else "") if head else ""
    out += f"{item.get('title', '')}[{code}]"
    container, year = item.get("container-title", ""), _year(item)
    place, publisher = item.get("publisher-place", ""), item.get("publisher", "")
    where = colon.join(x for x in (place, publisher) if x)
    if code == "J" and (container or year):
        out += f"{dot}{container}" if container else ""
        tail = year + (f"{comma}{item['volume']}" if item.get("volume") else "")
        tail += f"({item['issue']})" if item.get("issue") else ""  # an issue without a year is kept
        out += (comma if container and tail else "") + tail
        out += f"{colon}{item['page']}" if item.get("page") else ""
    elif code == "N" and container:
        date = _date(item.get("issued")) or year
        out += f"{dot}{container}" + (f"{comma}{date}" if date else "")
        out += f"({item['page']})" if item.get("page") else ""
    elif code == "C" and container:
        editor = "".join(_name(a) for a in item.get("editor") or [])
        out += "//" + (_end(editor) + (" " if spaced else "") if editor else "") + container
        out += f"{dot}{where}" if where else ""
        out += (comma if where else dot) + year if year else ""
        out += f"{colon}{item['page']}" if item.get("page") else ""
    elif code == "EB/OL":
        dates = (f"({_date(item['issued'])})" if item.get("issued") else "") + (
            f"[{_date(item['accessed'])}]" if item.get("accessed") else ""
        )
        out += f"{dot}{dates}" if dates else ""
        out += f"{dot}{item['URL']}" if item.get("URL") else ""
    elif code in ("D", "M", "R", "S") and (where or year):
        out += f"{dot}{item['edition']}" if item.get("edition") else ""
        out += f"{dot}{where}" if where else ""
        out += (comma if where else dot) + year if year else ""
        out += f"{colon}{item['page']}" if item.get("page") else ""
    elif code == "Z" and (container or publisher or year or item.get("accessed")):
        out += f"{dot}{container or publisher}" if container or publisher else ""
        out += (comma if container or publisher else dot) + (_date(item.get("issued")) or year) if year else ""
        if item.get("accessed"):
            out += ("" if container or publisher or year else dot) + f"[{_date(item['accessed'])}]"
    elif container or year:  # whatever is known
        out += f"{dot}{container}" if container else ""
        out += (comma if container else dot) + (_date(item.get("issued")) or year) if year else ""
    return _end(out)


_NEWSPAPER = re.compile(r"(日报|晚报|早报|时报|商报|晨报|青年报|法制报|导报|周报|[^学]报)$")
_THESIS = re.compile(r"(?:硕士|博士)?学位论文|(?:硕士|博士)论文")
# A web site or a document library named as the source: the publisher of a page, not a journal.
_SITE = re.compile(r"(?:网|網|网站|網站|文库|文庫|资料|資料|平台|平臺|论坛|論壇|数据库|數據庫)$")


def meta_item(meta: dict[str, Any]) -> dict[str, Any]:
    """The library's details of an article as the CSL-JSON item that ``format_item`` writes."""
    source = (meta.get("source") or "").strip()
    kind = meta.get("type") or (
        "webpage"
        if meta.get("url") and not source
        else "thesis"
        if _THESIS.search(source) or meta.get("institution")
        else "article-newspaper"
        if _NEWSPAPER.search(source)
        else "document"
        if _SITE.search(source)
        else "article-journal"
        if source
        else "document"
    )
    names = [latin_name(n) if is_latin(n) else n for n in meta.get("authors") or []]
    item: dict[str, Any] = {"type": kind, "title": (meta.get("title") or "").strip()}
    item["author"] = [{"literal": n} for n in names]
    if kind == "thesis":
        item["publisher"] = meta.get("institution") or _THESIS.sub("", source).strip(" ,，")
        if meta.get("place"):
            item["publisher-place"] = meta["place"]
    elif kind == "document" and source:
        item["publisher"] = source
    elif source:
        item["container-title"] = source
    date = str(meta.get("date") or "")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        item["issued"] = {"date-parts": [[int(x) for x in date.split("-")]]}
    elif meta.get("year"):
        item["issued"] = {"date-parts": [[int(meta["year"])]]}
    for key, field in (("issue", "issue"), ("volume", "volume"), ("pages", "page"), ("url", "URL")):
        if meta.get(key):
            item[field] = str(meta[key])
    # A page or a dump of unknown kind: the day it came into the library stands for the day it was read.
    accessed = str(meta.get("accessed") or "") or (str(meta.get("added_at") or "")[:10] if kind == "document" else "")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", accessed):
        item["accessed"] = {"date-parts": [[int(x) for x in accessed.split("-")]]}
    return item


def gbt7714(meta: dict[str, Any]) -> str:
    """`向春玲. 党建引领基层治理新探索[J]. 速读·中旬, 2018(3).` — the article's citation."""
    return format_item(meta_item(meta))
