"""Bytes of a page dump to text: BOMs, UTF-16 without BOM, GB18030, Big5, binary refusal."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes


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


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text has a NUL in almost every other byte for ASCII, or none at all for CJK."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even_nul = sample[0::2].count(0)
    odd_nul = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nul > half * 0.2 and even_nul < half * 0.02:
        enc = "utf-16-le"
    elif even_nul > half * 0.2 and odd_nul < half * 0.02:
        enc = "utf-16-be"
    else:
        return None
    try:
        return data.decode(enc)
    except UnicodeDecodeError:
        return None


def _looks_binary(text: str) -> bool:
    """Control characters other than tab and line ends mean it is not text."""
    sample = text[:20000]
    if not sample:
        return False
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return "\x00" in sample or bad / len(sample) > 0.01


def _common_cjk_share(text: str) -> float:
    """Share of CJK characters that are everyday ones (GB2312 level 1 or Big5 level 1).

    A wrong decoding of CJK bytes produces rare characters and stray symbols;
    a right one is dominated by the few thousand characters of daily use.
    """
    cjk = common = 0
    for ch in text[:20000]:
        if "\u4e00" <= ch <= "\u9fff":
            cjk += 1
            try:
                lead = ch.encode("gb2312")[0]
                if 0xB0 <= lead <= 0xD7:
                    common += 1
                    continue
            except UnicodeEncodeError:
                pass
            try:
                lead = ch.encode("big5")[0]
                if 0xA4 <= lead <= 0xC6:
                    common += 1
            except UnicodeEncodeError:
                pass
    return common / cjk if cjk else 0.0


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
    text16 = _utf16_without_bom(data)
    if text16 is not None:
        return _checked(text16), "utf-16"
    if b"\x00" in data[:8192]:
        raise Refused("not a text file (binary data)")
    candidates: dict[str, str] = {}
    for enc in _CJK_CANDIDATES:
        try:
            candidates[enc] = data.decode(enc)
        except UnicodeDecodeError:
            continue
    if len(candidates) > 1:
        best = max(candidates, key=lambda e: _common_cjk_share(candidates[e]))
        return _checked(candidates[best]), best
    if candidates:
        enc, text = next(iter(candidates.items()))
        return _checked(text), enc
    guess = from_bytes(data).best()
    if guess is None:
        raise Refused("not a text file (no known encoding fits)")
    return _checked(str(guess)), guess.encoding


def _checked(text: str) -> str:
    if _looks_binary(text):
        raise Refused("not a text file (binary data)")
    if not text.strip():
        raise Refused("empty file")
    return text
