"""Bytes to text: UTF-8 (with or without BOM), UTF-16/32, and windows-1256.

Arabic news still circulates in windows-1256. Since that code page maps nearly every byte,
a windows-1256 reading is only accepted when it yields mostly Arabic letters; binary data
is recognised by NUL and control bytes and refused with a clear message.
"""

from __future__ import annotations

import codecs
import re

from rasd.ingest.problems import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_LETTER = re.compile(r"[^\W\d_]")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    return bool(sample) and len(_CONTROL.findall(sample)) > max(2, len(sample) // 100)


# High bytes of UTF-16 code units in Arabic news: ASCII, Arabic, general punctuation and
# bidi marks, Arabic presentation forms.
_UTF16_HIGH = frozenset({0x00, 0x06, 0x20, 0xFB, 0xFC, 0xFD, 0xFE})


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM: one byte of every pair is nearly always a known high byte."""
    head = data[:4096]
    if len(head) < 4 or len(data) % 2:
        return None
    half = len(head) // 2
    even = sum(b in _UTF16_HIGH for b in head[0::2]) / half
    odd = sum(b in _UTF16_HIGH for b in head[1::2]) / half
    if odd > 0.9 and even < 0.6:
        encoding = "utf-16-le"
    elif even > 0.9 and odd < 0.6:
        encoding = "utf-16-be"
    else:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def decode(data: bytes) -> tuple[str, str]:
    """Decode an article file; returns ``(text, encoding)`` or raises :class:`InputError`."""
    if not data.strip():
        raise InputError("empty input")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise InputError(f"undecodable: has a {encoding} byte-order mark but is not {encoding}") from exc
    text = _utf16_without_bom(data)
    if text is not None and not _looks_binary(text):
        return text, "utf-16"
    if b"\x00" in data[:4096]:
        raise InputError("binary data, not text (NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if _looks_binary(text):
            raise InputError("binary data, not text (control bytes)")
        return text, "utf-8"
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError as exc:
        raise InputError("undecodable: neither UTF-8, UTF-16 nor windows-1256") from exc
    letters = len(_LETTER.findall(text[:8192]))
    arabic = len(_ARABIC_LETTER.findall(text[:8192]))
    if _looks_binary(text) or letters == 0 or arabic < letters * 0.5:
        raise InputError("undecodable: neither UTF-8, UTF-16 nor windows-1256 Arabic text")
    return text, "windows-1256"
