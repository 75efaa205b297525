"""Tags: one function makes a valid Obsidian tag for every export path; a highlight's tag counts for its
article in the tag tree, the tag filter and `tag:` search (issue 14, item 6)."""

from __future__ import annotations

import datetime as dt
import re

import yaml
from hypothesis import given
from hypothesis import strategies as st

from reader.core.export.escaping import obsidian_tag
from reader.core.export.markdown import Exporter, highlight_markdown
from reader.core.library.listing import Filter
from reader.core.library.search_index import matching_articles
from reader.core.library.store import Library
from tests.conftest import highlight

# What Obsidian reads as one tag: `#`, then letters, digits, `_`, `-`, `/`, not digits alone.
VALID = re.compile(r"#[\w/-]+")


def valid(tag: str) -> bool:
    return bool(VALID.fullmatch(tag)) and not tag[1:].replace("/", "").isdigit() and "//" not in tag


@given(st.text())
def test_any_tag_becomes_one_valid_obsidian_tag(tag: str) -> None:
    made = obsidian_tag(tag)
    assert valid(made), (tag, made)
    assert obsidian_tag(made[1:]) == made  # a valid tag stays as it is


def test_the_cases_of_the_issue() -> None:
    assert obsidian_tag("2024") == "#_2024"
    assert obsidian_tag("党建,治理") == "#党建_治理"
    assert obsidian_tag("学习 心得") == "#学习_心得"
    assert obsidian_tag("v1.2") == "#v1_2"
    assert obsidian_tag("乡村振兴/产业") == "#乡村振兴/产业"


def test_every_export_path_writes_valid_tags_and_yaml_keeps_them_as_typed(library: Library, seed_bytes: bytes) -> None:
    article_id = library.import_bytes(seed_bytes, "seed.txt").article_id
    hid = highlight(library, article_id, "先锋模范作用", 0)
    typed = ["2024", "党建,治理", "学习 心得"]
    library.set_highlight_tags(hid, typed)
    library.tag_article(article_id, "2024")
    text = Exporter(library, today=dt.date(2026, 1, 15)).article_markdown(article_id)
    _, front, body = text.split("---\n", 2)
    # Written after `标签：`, never at a line's start, where python-markdown reads `#乡村振兴` as a heading.
    assert not [line for line in body.splitlines() if re.match(r"(?:> )?#[^#\s]", line)]
    lines = [line.split("标签：", 1)[1].split() for line in body.splitlines() if "标签：" in line]
    assert lines == [["#_2024"], [obsidian_tag(t) for t in typed]]  # the article's, then the highlight's
    assert all(valid(t) for line in lines for t in line)
    assert yaml.safe_load(front)["tags"] == library.article_tags(article_id)  # as typed
    clip = highlight_markdown("引文", "重点", "引言", "", typed)
    assert clip.rstrip().splitlines()[-1] == "> 标签：" + " ".join(obsidian_tag(t) for t in typed)


def test_a_tag_on_a_highlight_counts_for_its_article(library: Library, seed_bytes: bytes) -> None:
    article_id = library.import_bytes(seed_bytes, "seed.txt").article_id
    hid = highlight(library, article_id, "先锋模范作用", 0)
    library.set_highlight_tags(hid, ["乡村振兴"])
    [tag] = [t for t in library.tags() if t["name"] == "乡村振兴"]
    assert tag["articles"] == 1  # the tree shows #乡村振兴 (1)
    assert library.list_ids(Filter(tag_id=tag["id"])) == [article_id]
    assert matching_articles(library.db, "tag:乡村振兴") == [article_id]
    assert matching_articles(library.db, "-tag:乡村振兴 党建") == []
    library.tag_articles(tag["id"], [article_id])  # on the article too: still one article
    assert [t["articles"] for t in library.tags() if t["name"] == "乡村振兴"] == [1]
