from __future__ import annotations

import codecs

import pytest

from rasd.ingest import InputError
from rasd.ingest.encoding import decode

ARABIC = "أعلنت الفصائل المسلحة انتهاء الهدنة في مطلع آذار/مارس ٢٠٢١."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (ARABIC.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + ARABIC.encode("utf-8"), "utf-8-sig"),
        (ARABIC.encode("utf-16"), "utf-16"),
        (ARABIC.encode("utf-16-le"), "utf-16"),
        (ARABIC.encode("utf-16-be"), "utf-16"),
        (ARABIC.replace("٢٠٢١", "2021").encode("cp1256"), "windows-1256"),
    ],
)
def test_supported_encodings(data: bytes, encoding: str) -> None:
    text, found = decode(data)
    assert found == encoding
    assert text.lstrip("\ufeff").startswith("أعلنت الفصائل")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"  \n\t ", "empty"),
        (bytes(range(256)) * 8, "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("Ceci n'est pas de l'arabe: é è à".encode("latin-1"), "undecodable"),
    ],
)
def test_bad_bytes_are_refused_with_a_reason(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        decode(data)
