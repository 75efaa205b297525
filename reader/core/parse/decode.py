"""Bytes of a page dump to text: BOMs, UTF-16 without BOM, GB18030, Big5, binary refusal."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_CONTROL = re.compile("[\x01-\x08\x0e-\x1f\x7f]")


class Refused(ValueError):
    """A file that holds no article; the message is the one-line reason."""


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# The CJK encodings people's dumps come in; charset-normalizer picks among them
# only when strict decoding leaves more than one standing.
_CJK_CANDIDATES = ("gb18030", "big5", "big5hkscs")


def _looks_binary(text: str) -> bool:
    """Control characters other than tab and line ends mean it is not text."""
    sample = text[:20000]
    if not sample:
        return False
    return "\x00" in sample or len(_CONTROL.findall(sample)) / len(sample) > 0.01


_PUNCT = set("，。、；：？！“”‘’（）《》〈〉【】〔〕「」『』—…·　")


def _plausibility(text: str) -> float:
    """Share of characters a Chinese text is made of: ASCII, everyday CJK, CJK punctuation.

    A wrong decoding of CJK bytes produces rare characters, other scripts and
    stray symbols; a right one is dominated by the few thousand characters of
    daily use (GB2312 level 1 or Big5 level 1).
    """
    sample = text[:20000]
    if not sample:
        return 0.0
    good = 0
    for ch in sample:
        if ch < "\x7f":
            good += ch >= " " or ch in "\t\n\r"
        elif "\u4e00" <= ch <= "\u9fff":
            good += _everyday(ch)
        else:
            good += ch in _PUNCT
    return good / len(sample)


def _everyday(ch: str) -> bool:
    try:
        if 0xB0 <= ch.encode("gb2312")[0] <= 0xD7:
            return True
    except UnicodeEncodeError:
        pass
    try:
        return 0xA4 <= ch.encode("big5")[0] <= 0xC6
    except UnicodeEncodeError:
        return False


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name); raise Refused for empty or binary data."""
    if not data.strip(b" \t\r\n\x00"):
        raise Refused("empty file")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as exc:
                raise Refused(f"not a text file ({enc} BOM, invalid bytes)") from exc
            return _checked(text.lstrip("\ufeff")), enc.replace("-sig", "")
    try:
        return _checked(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates: dict[str, str] = {}
    encodings = (*_CJK_CANDIDATES, "utf-16-le", "utf-16-be") if len(data) % 2 == 0 else _CJK_CANDIDATES
    for enc in encodings:
        try:
            candidates[enc] = data.decode(enc)
        except UnicodeDecodeError:
            continue
    scored = sorted(((_plausibility(t), enc) for enc, t in candidates.items()), reverse=True)
    if scored and scored[0][0] >= 0.6:
        enc = scored[0][1]
        return _checked(candidates[enc]), enc.replace("-le", "").replace("-be", "")
    guess = from_bytes(data).best()
    if guess is None or _plausibility(str(guess)) < 0.6:
        raise Refused("not a text file (no known encoding fits)")
    return _checked(str(guess)), guess.encoding


def _checked(text: str) -> str:
    if _looks_binary(text):
        raise Refused("not a text file (binary data)")
    if not text.strip():
        raise Refused("empty file")
    return text
