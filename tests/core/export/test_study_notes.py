"""Study notes as Markdown: the preview renders nothing live; quoting a highlight names its place."""

from __future__ import annotations

from reader.core.export.study_notes import markdown_to_html, quote_highlight


def test_markdown_preview_is_inert_and_anchors_read() -> None:
    html = markdown_to_html("## 联系实际\n\n<script>alert(1)</script> <img src='http://example.invalid/x.png'>")
    assert 'id="联系实际"' in html
    assert "<script>" not in html and "<img" not in html


def test_quote_format() -> None:
    assert (
        quote_highlight("一句\n两行", "题", "引言", 2, "金句")
        == "> 一句\n> 两行\n>\n> ——《题》，引言，第 2 段（金句）\n"
    )
