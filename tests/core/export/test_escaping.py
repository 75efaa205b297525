"""Markup from dumps stays inert in every Markdown the app writes (issue 12, item 16): hostile text in
every imported field of an export, the clipboard copy and a quote into the notes renders (python-markdown,
raw HTML allowed, as any viewer would) without a link, an image, HTML or an attribute; user templates
are sandboxed."""

from __future__ import annotations

import datetime as dt
import html
import itertools
import re
from pathlib import Path
from urllib.parse import unquote

import markdown
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.export.escaping import escape_markdown, quote_block
from reader.core.export.length import front_matter
from reader.core.export.markdown import Exporter, ExportError, highlight_markdown
from reader.core.export.study_notes import quote_highlight
from reader.core.library.store import Library
from tests.conftest import highlight

ATTACKS = [
    "![x](http://example.invalid/x.png)",
    "[点我](javascript:alert(1))",
    "<img src=x onerror=alert(1)>",
    "<http://example.invalid>",
    "[[内部链接]] [^1]\n\n[^1]: 脚注",
    "[ref]\n\n[ref]: http://example.invalid",
    "段落 {: onclick='alert(1)' }",
    "# 标题\n- 列表\n1. 编号\n> 引用\n    代码\n~~~\n: 定义\n===",
    "&#60;script&#62; &lt;b&gt; \\[x\\](y)",
]
HOSTILE = st.one_of(
    st.sampled_from(ATTACKS),
    st.lists(st.sampled_from([*"![]()<>&#*_`{}|\\:=~+-.1 \n\t\r'\"/ax点我", "http://", "javascript:"])).map("".join),
    st.text(max_size=60),
)


COURSES = itertools.count()


def render(text: str) -> str:
    return markdown.markdown(text, extensions=["extra"])  # raw HTML on, as a viewer has it


def inert(rendered: str, files: tuple[Path, ...] = ()) -> None:
    """No link, image, HTML element or attribute, but the export's own links to the files it wrote."""
    own = {p.name for p in files}
    for m in re.finditer(r'<a href="([^"]*)">', rendered):
        assert unquote(html.unescape(m[1])) in own, rendered
    rendered = re.sub(r'<a href="[^"]*">', "", rendered)
    assert not re.search(r"<(a|img|script|iframe|object|embed|style|link)\b", rendered), rendered
    assert not re.search(r"<\w+\s+[^>]*=", rendered), rendered  # no tag with an attribute (href, src, on…)


def visible(rendered: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", rendered)).split())


@given(HOSTILE)
def test_escaped_text_renders_as_itself(text: str) -> None:
    rendered = render(escape_markdown(text))
    inert(rendered)
    shown = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", text)  # control characters are dropped
    assert visible(rendered) == " ".join(shown.split())
    inert(render(quote_block(text)))


@pytest.fixture(scope="module")
def article() -> tuple[Library, int]:
    import random

    from bench.gen_dumps import dump

    library = Library()
    text = dump(random.Random(5), 5)
    article_id = library.import_bytes(text.encode()).article_id
    assert article_id is not None
    body = library.article(article_id).sections[0].paragraphs[0]
    highlight(library, article_id, body[:8], 0)
    yield library, article_id
    library.close()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=HOSTILE)
def test_hostile_text_in_every_field_stays_text(article: tuple[Library, int], text: str, tmp_path_factory) -> None:
    library, article_id = article
    library.update_metadata(article_id, title=text or "题", source=text, authors=[text], keywords=[text])
    with library.transaction():
        library.db.execute("UPDATE sections SET heading = ? WHERE article_id = ?", [text, article_id])
        library.db.execute("UPDATE refs SET text = ? WHERE article_id = ?", [text, article_id])
        library.db.execute("UPDATE highlights SET quote = ?, section_heading = ?", [text or "x", text])
    # the reader's own words that reach the Markdown as names: tags, colour meanings, course names
    library.set_highlight_tags(library.highlights(article_id)[0]["id"], [text])
    library.set_color_meanings([text] * 5)
    if text.strip():
        library.tag_article(article_id, text)
    exporter = Exporter(library, today=dt.date(2026, 1, 15))
    exported = exporter.article_markdown(article_id)
    front, body = front_matter(exported)  # the front matter is YAML: fenced by whole `---` lines
    assert front and "---" not in body.split("\n", 1)[0]
    inert(render(body))
    row = library.highlights(article_id)[0]
    inert(render(highlight_markdown(row["quote"], text, row["section_heading"], "", [])))
    inert(render(quote_highlight(row["quote"], text, text, 1, text)))
    course = library.create_collection(f"课{next(COURSES)}{text}")
    library.add_to_collection(course, [article_id])
    folder = tmp_path_factory.mktemp("out")
    written = exporter.export_course(course, folder, force=True)
    for path in written:
        inert(render(front_matter(Path(path).read_text(encoding="utf-8"))[1]), tuple(written[1:]))
    inert(render(exporter.export_theme(course, folder / "theme.md", force=True).read_text(encoding="utf-8")))
    library.delete_collection(course)


@pytest.mark.parametrize(
    "template",
    [
        "{{ title.__class__.__mro__[1].__subclasses__() }}",
        "{{ ''.__class__.__base__.__subclasses__() }}",
        "{% for x in highlights %}{{ x.__init__.__globals__ }}{% endfor %}x",
    ],
)
def test_user_templates_run_sandboxed(article: tuple[Library, int], tmp_path: Path, template: str) -> None:
    library, article_id = article
    (tmp_path / "export").mkdir()
    (tmp_path / "export" / "evil.md.j2").write_text(template, encoding="utf-8")
    exporter = Exporter(library, tmp_path, template="evil")
    try:
        text = exporter.article_markdown(article_id)
    except ExportError as exc:
        assert "template" in str(exc)
    else:
        assert "subclasses" not in text and "<class" not in text and "__builtins__" not in text


def test_a_broken_user_template_is_one_line(article: tuple[Library, int], tmp_path: Path) -> None:
    library, article_id = article
    (tmp_path / "export").mkdir()
    (tmp_path / "export" / "broken.md.j2").write_text("{% for %}", encoding="utf-8")
    with pytest.raises(ExportError, match="template"):
        Exporter(library, tmp_path, template="broken").article_markdown(article_id)
