from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from rasd.text.normalize import fold, normalize


def pieces(raw: str) -> list[str]:
    norm = normalize(raw)
    return [raw[slice(*norm.raw_span(i, i + 1))] for i in range(len(norm.text))]


def test_diacritics_and_tatweel_are_dropped_but_kept_in_raw_spans() -> None:
    raw = "وافقت رسمياً على الهدنـة"
    norm = normalize(raw)
    assert norm.text == "وافقت رسميا على الهدنة"
    start = norm.text.index("رسميا")
    s, e = norm.raw_span(start, start + len("رسميا"))
    assert raw[s:e] == "رسمياً"  # the tanween belongs to the word it follows
    start = norm.text.index("الهدنة")
    s, e = norm.raw_span(start, start + len("الهدنة"))
    assert raw[s:e] == "الهدنـة"


def test_eastern_and_persian_digits_become_ascii() -> None:
    norm = normalize("في ١٢ أيار/مايو ٢٠٢٢ و۱۴۰۰ و٣٫٥")
    assert "12" in norm.text and "2022" in norm.text and "1400" in norm.text and "3.5" in norm.text
    s, e = norm.raw_span(norm.text.index("2022"), norm.text.index("2022") + 4)
    assert norm.raw[s:e] == "٢٠٢٢"


def test_key_folds_hamza_alef_ya_and_ta_marbuta() -> None:
    assert fold("أربيل") == fold("اربيل") == "اربيل"
    assert fold("إيران") == "ايران"
    assert fold("مصطفى") == "مصطفي"
    assert fold("الهدنة") == "الهدنه"
    assert fold("مؤتمر") == "موتمر"
    assert fold("Erbil") == "erbil"


def test_presentation_forms_expand_and_map_back_to_the_ligature() -> None:
    raw = "ﻻ تراجع"
    norm = normalize(raw)
    assert norm.text == "لا تراجع"
    assert pieces(raw)[:2] == ["ﻻ", "ﻻ"]
    assert norm.raw_span(0, 2) == (0, 1)


def test_nfkc_recomposes_decomposed_letters() -> None:
    raw = "e\u0301te\u0301 ا\u0654"  # «é» and «أ» written as base + combining mark
    norm = normalize(raw)
    assert norm.text.startswith("été")
    assert unicodedata.is_normalized("NFKC", norm.text)


def test_invisible_format_characters_are_dropped() -> None:
    raw = "\u202bبغداد\u202c\u200f العراق"
    assert normalize(raw).text == "بغداد العراق"


def test_identity_when_nothing_changes() -> None:
    norm = normalize("قال مسؤول عراقي")
    assert norm.offsets.is_identity and norm.text == norm.raw


TEXT = st.lists(
    st.sampled_from(
        [*"ابتثجحخدذرسشصضطظعغفقكلمنهويةىأإآؤئء ،.؟\n0123456789abcXYZ",
         "\u064b", "\u064e", "\u0650", "\u0651", "\u0652", "\u0640", "\u0670", "\u200f", "\u202b",
           "\u0661", "\u06f5", "\ufefb", "\ufdf2", "e\u0301", "\u0301", "\u00a0", "\ufe8d", "\uff21"]
    ),
    max_size=60,
).map("".join)


@given(TEXT)
def test_every_normalized_span_maps_to_whole_raw_characters(raw: str) -> None:
    norm = normalize(raw)
    assert len(norm.key) == len(norm.text)
    n = len(norm.text)
    previous_end = 0
    for i in range(n):
        s, e = norm.raw_span(i, i + 1)
        assert 0 <= s < e <= len(raw)
        assert s >= previous_end or s == norm.raw_span(i - 1, i)[0]  # monotonic, or one expanded unit
        previous_end = e
    for i in range(n + 1):
        for j in range(i, n + 1):
            s, e = norm.raw_span(i, j)
            assert 0 <= s <= e <= len(raw)
            if j > i:
                # what the raw span holds normalizes to a text containing the normalized span
                assert norm.text[i:j] in normalize(raw[s:e]).text


@given(st.text(max_size=80))
def test_any_unicode_text_normalizes_with_a_consistent_map(raw: str) -> None:
    norm = normalize(raw)
    if norm.text:
        s, e = norm.raw_span(0, len(norm.text))
        assert 0 <= s <= e <= len(raw)
    assert unicodedata.is_normalized("NFKC", norm.text) or not norm.text
