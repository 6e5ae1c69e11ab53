from __future__ import annotations

from rasd.doc import Document
from rasd.pipeline import Pipeline
from rasd.schema import Article
from rasd.text.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_splits_on_arabic_and_latin_terminators_and_lines() -> None:
    text = "قال المسؤول إن الهجوم فشل. هل انتهت الهدنة؟ نعم!\nعنوان بلا نقطة\nفقرة أخرى."
    assert sentences(text) == ["قال المسؤول إن الهجوم فشل.", "هل انتهت الهدنة؟", "نعم!", "عنوان بلا نقطة",
                               "فقرة أخرى."]


def test_abbreviations_decimals_and_quotes_do_not_split() -> None:
    text = 'صرح د. أحمد بأن النسبة 3.5 بالمئة. وأضاف: "انتهى الأمر." ثم غادر.'
    assert sentences(text) == ['صرح د. أحمد بأن النسبة 3.5 بالمئة.', 'وأضاف: "انتهى الأمر."', "ثم غادر."]


def test_sentences_map_back_to_raw_text_with_diacritics() -> None:
    raw = "وافقت الفصائل رسمياً. ثمّ أعلنت انتهاء الهدنـة."
    doc = Pipeline(("normalize", "sentences"))(Document(Article(id="t", text=raw)))
    assert [doc.text_of(s) for s in doc.sentences] == ["وافقت الفصائل رسمياً.", "ثمّ أعلنت انتهاء الهدنـة."]
    assert doc.sentence_at(raw.index("ثمّ")) == 1
    assert doc.sentence_at(raw.index(" ثمّ")) is None
