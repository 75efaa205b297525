"""An article's references, read from their GB/T 7714 text into CSL-JSON items, so that the whole
bibliography goes into Zotero (``reader export --csl``).

``parse_reference`` reads the standard's layout for each document type (``[J]``, ``[N]``, ``[D]``,
``[M]``, ``[C]``, ``[R]``, ``[S]``, ``[EB/OL]``), spaced (``. `` and ``, ``, as the standard's examples)
or compact (``.`` and ``,``, as many papers print them). What it cannot read field by field (another
layout, full-width punctuation, another citation style) it keeps whole in the item's ``note``, with
whatever it could read. ``well_formed`` says whether every field was read, so that
``gbt7714.format_item`` gives the text back as it was.
"""

from __future__ import annotations

import re
from typing import Any

from .gbt7714 import MORE_AUTHORS, TYPES, is_latin

_HEAD = re.compile(
    r"^(?:(?P<authors>[^\[\]]+?)\.\s?)?(?P<title>[^\[\]]+?)\[(?P<code>[A-Z]{1,2}(?:/OL)?)\](?P<rest>.*)$"
)
_PAGES = r"(?P<page>[\d\-–~+,A-Za-z]+)"
_YEAR = r"(?P<year>\d{4}[a-z]?)"
_REST = {
    "J": re.compile(
        rf"^\.\s?(?P<container>[^,]+?)(?:,\s?{_YEAR})?(?:,\s?(?P<volume>\d+))?(?:\((?P<issue>[^()]+)\))?"
        rf"(?::\s?{_PAGES})?\.$"
    ),
    "N": re.compile(r"^\.\s?(?P<container>[^,]+?),\s?(?P<date>\d{4}-\d{2}-\d{2})(?:\((?P<page>[^()]+)\))?\.$"),
    "PUB": re.compile(
        rf"^(?:\.\s?(?P<edition>[^.:]*?版))?\.\s?(?:(?P<place>[^.:,]+?):\s?)?(?P<publisher>[^.:,]+?),\s?{_YEAR}"
        rf"(?::\s?{_PAGES})?\.$"
    ),
    "C": re.compile(
        rf"^//(?:(?P<editor>[^.]+?)\.\s?)?(?P<container>[^.]+?)\.\s?(?:(?P<place>[^.:,]+?):\s?)?"
        rf"(?P<publisher>[^.:,]+?),\s?{_YEAR}(?::\s?{_PAGES})?\.$"
    ),
    "Z": re.compile(r"^\.\s?(?P<date>\d{4}(?:-\d{2}){0,2})\.$"),
    "EB/OL": re.compile(
        r"^\.\s?(?:\((?P<issued>\d{4}(?:-\d{2}){0,2})\))?(?:\[(?P<accessed>\d{4}(?:-\d{2}){0,2})\])?"
        r"(?:\.\s?(?P<URL>\S+?))?\.$"
    ),
}
_NUMBER = re.compile(r"^\s*(?:\[\d+\]|［\d+］|\d+[.、]\s?)\s*")


def _date(text: str) -> dict[str, Any]:
    return {"date-parts": [[int(x) for x in text.split("-")]]}


_LATIN_NAME = re.compile(r"^(?P<family>[^\W\d_][^\W\d_'\- ]*(?:[ '\-][^\W\d_]{2,})*?)\s(?P<given>(?:[A-Z] ?)+)$")


def _author(name: str) -> dict[str, str]:
    """``KANAMORI H`` → family and given name, as Zotero keeps them; a Chinese name (or any other) as it is."""
    m = _LATIN_NAME.match(name)
    if m and is_latin(name) and m["family"].upper() == m["family"]:
        return {"family": m["family"], "given": m["given"].strip()}
    return {"literal": name}


def _authors(text: str) -> tuple[list[dict[str, str]], str | None]:
    names = [n.strip() for n in re.split(r",\s?", text) if n.strip()]
    more = names[-1] if names and names[-1] in MORE_AUTHORS else None
    return [_author(n) for n in names if n not in MORE_AUTHORS], more


def parse_reference(text: str) -> tuple[dict[str, Any], bool]:
    """(CSL-JSON item, well formed) of one reference; the raw text in ``note`` when not well formed."""
    raw = _NUMBER.sub("", text.strip())
    head = _HEAD.match(raw)
    item: dict[str, Any] = {"type": "document", "title": raw}
    if head is None or head["code"] not in TYPES:
        item["note"] = raw
        return item, False
    item = {"type": TYPES[head["code"]], "title": head["title"].strip()}
    more = None
    if head["authors"]:
        item["author"], more = _authors(head["authors"])
    kind = head["code"] if head["code"] in _REST else "PUB" if head["code"] in "DMRS" else None
    fields = _REST[kind].match(head["rest"]) if kind else None
    if fields is None:
        item["note"] = raw
        return item, False
    for key, value in fields.groupdict().items():
        if not value:
            continue
        if key == "year" or key == "date":
            item["issued"] = _date(value) if key == "date" else {"date-parts": [[int(value[:4])]]}
            if key == "year" and not value.isdigit():
                item["note"] = raw  # 2019a: a year with a letter is not a CSL date
        elif key in ("issued", "accessed"):
            item[key] = _date(value)
        elif key == "place":
            item["publisher-place"] = value
        elif key == "container" and head["code"] in "DMRS":
            item["publisher"] = value
        elif key == "editor":
            item["editor"] = [{"literal": value}]
        elif key == "container":
            item["container-title"] = value
        else:
            item[key] = value
    if more:
        item.setdefault("note", more)
    return item, item.get("note") in (None, *MORE_AUTHORS)


def reference_items(article_id: int, references: list[str]) -> list[dict[str, Any]]:
    """An article's references as CSL-JSON items, with ids that say whose reference they are."""
    items = []
    for n, text in enumerate(references, start=1):
        item, _ = parse_reference(text)
        items.append({"id": f"yandu-{article_id}-ref-{n}", **item})
    return items
