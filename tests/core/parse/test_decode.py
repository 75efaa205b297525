"""Dumps arrive in every common encoding and line-end style; all parse the same."""

from __future__ import annotations

import codecs

import pytest

from reader.core.parse.decode import Refused, decode_bytes
from reader.core.parse.dump import parse_bytes
from tests.conftest import SHARED_CORPUS

TRADITIONAL = SHARED_CORPUS / "dev" / "09_fanti_fudaoyuan.txt"


def _outline(data: bytes) -> tuple:
    a = parse_bytes(data, "x.txt")
    assert a.error is None, a.error
    return a.title, a.authors, a.abstract, a.keywords, [(s.heading, s.level) for s in a.sections], a.references


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
        lambda t: t.encode("utf-16"),  # with BOM
        lambda t: t.encode("utf-16-le"),  # no BOM
        lambda t: t.encode("utf-16-be"),
        lambda t: t.encode("gb18030"),
        lambda t: t.encode("gbk", errors="strict"),
        lambda t: t.replace("\n", "\r\n").encode("utf-8"),
        lambda t: t.replace("\n", "\r").encode("utf-8"),
    ],
    ids=["utf8-bom", "utf16-bom", "utf16le", "utf16be", "gb18030", "gbk", "crlf", "cr"],
)
def test_seed_in_every_encoding(seed_bytes: bytes, encode) -> None:
    text = seed_bytes.decode("utf-8")
    # GBK has no 強 of the seed's traditional slip, GB18030 does; keep the text encodable.
    text = text.replace("強", "强").replace("\xa0", " ")  # GBK holds neither
    assert _outline(encode(text)) == _outline(text.encode("utf-8"))


def test_big5_traditional_dump() -> None:
    if not TRADITIONAL.exists():
        pytest.skip("../shared/corpus is not here")
    text = TRADITIONAL.read_text(encoding="utf-8")
    big5 = text.encode("big5", errors="replace")
    decoded, encoding = decode_bytes(big5)
    assert encoding.startswith("big5")
    assert decoded == big5.decode("big5")
    assert parse_bytes(big5).title == "網絡時代高校輔導員談心談話工作的優化路徑"


def test_gbk_is_not_taken_for_big5(seed_bytes: bytes) -> None:
    gbk = seed_bytes.decode("utf-8").replace("強", "强").replace("\xa0", " ").encode("gbk")
    text, encoding = decode_bytes(gbk)
    assert encoding == "gb18030"
    assert text.startswith("党建引领基层治理新探索")


def test_nbsp_fullwidth_spaces_and_pinyin_damage() -> None:
    dump = (
        "醫(yī)學(xué)院校思政教育的實(shí)踐探索\n\n"
        "摘\u00a0?\u00a0要:本文討論醫學院校思政教育的實踐路徑,提出三點建議。\n"
        "關(guān)鍵(jiàn)詞(cí):醫學院校;思政教育;實踐\n"
        "中圖分類號:G642? ?文獻標識碼:A\n"
        "一、\u3000問題的提出\n醫學院校的思政教育有其特點。" + "這是正文。" * 20 + "\n"
        "二、對策\n" + "這是正文的第二部分。" * 10 + "\n"
    ).encode("utf-8")
    a = parse_bytes(dump)
    assert a.title == "醫學院校思政教育的實踐探索"
    assert a.abstract == "本文討論醫學院校思政教育的實踐路徑,提出三點建議。"
    assert a.keywords == ["醫學院校", "思政教育", "實踐"]
    assert [s.heading for s in a.headed_sections] == ["問題的提出", "對策"]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"   \r\n\t\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "not a text file"),
        (bytes(range(256)) * 40, "not a text file"),
    ],
    ids=["zero-bytes", "white-space", "png", "random-bytes"],
)
def test_refused_bytes(data: bytes, reason: str) -> None:
    with pytest.raises(Refused, match=reason):
        decode_bytes(data)
    assert reason in (parse_bytes(data, "f.bin").error or "")
