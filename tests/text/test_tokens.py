from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.doc import Clitic, Document, TokenKind
from rasd.pipeline import Pipeline
from rasd.schema import Article
from rasd.text.normalize import normalize
from rasd.text.tokens import segment

PIPELINE = Pipeline()


def doc_of(raw: str) -> Document:
    return PIPELINE(Document(Article(id="t", text=raw)))


def split(word: str) -> list[tuple[str, str | None]]:
    return [(word[s:e], c.value if c else None) for s, e, c in segment(word)]


def test_proclitics_split_off_names_and_nouns() -> None:
    assert split("وبيروت") == [("و", "conj"), ("بيروت", None)]
    assert split("بالموصل") == [("ب", "prep"), ("ال", "article"), ("موصل", None)]
    assert split("والحوثيين") == [("و", "conj"), ("ال", "article"), ("حوثيين", None)]
    assert split("للأمم") == [("ل", "prep"), ("ل", "article"), ("أمم", None)]
    assert split("لصنعاء") == [("ل", "prep"), ("صنعاء", None)]
    assert split("وسيرسل") == [("و", "conj"), ("س", "future"), ("يرسل", None)]


def test_stem_initial_letters_are_not_taken_for_clitics() -> None:
    for word in ("بغداد", "وزير", "فصائل", "كتائب", "لبنان", "سوريا", "بيروت", "واشنطن", "لكن"):
        assert split(word) == [(word, None)], word
    assert split("وبغداد") == [("و", "conj"), ("بغداد", None)]
    assert split("لليبيا") == [("ل", "prep"), ("ليبيا", None)]


def test_pronoun_suffixes_split_only_from_indefinite_stems() -> None:
    assert split("هجماتها") == [("هجمات", None), ("ها", "pron")]
    assert split("وحلفائها") == [("و", "conj"), ("حلفائ", None), ("ها", "pron")]
    assert split("الاتجاه") == [("ال", "article"), ("اتجاه", None)]
    assert split("اتجاه") == [("اتجاه", None)]
    assert split("حكومته") == [("حكومت", None), ("ه", "pron")]
    assert split("حكومة") == [("حكومة", None)]  # ta marbuta is not the pronoun ha


def test_tokens_keep_raw_spans_through_diacritics_and_tatweel() -> None:
    raw = "وَبَيْرُوتُ رسمياً بالـ48 ساعة، ١٢ قتيلاً."
    doc = doc_of(raw)
    texts = [(doc.text_of(t), t.kind.value, t.clitic.value if t.clitic else None) for t in doc.tokens]
    assert texts[:2] == [("وَ", "word", "conj"), ("بَيْرُوتُ", "word", None)]
    assert ("رسمياً", "word", None) in texts
    assert ("١٢", "number", None) in texts
    assert ("،", "punct", None) in texts
    # the clitics of one written word share its word index
    assert doc.tokens[0].word == doc.tokens[1].word != doc.tokens[2].word
    assert [t for t in doc.tokens if t.kind is TokenKind.NUMBER and doc.key_of(t) == "48"]


def test_seed_sentence_tokens(shared) -> None:  # type: ignore[no-untyped-def]
    from rasd.ingest import read_file

    (article,) = list(read_file(shared / "seed" / "000_87069b9d0aef7d6c.txt"))
    doc = PIPELINE(Document(article))  # type: ignore[arg-type]
    words = {doc.text_of(t) for t in doc.tokens if t.clitic is None}
    assert {"بيروت", "طهران", "الكاظمي"} - words == {"الكاظمي"}  # «الكاظمي» is ال + كاظمي
    assert "كاظمي" in words
    stems_after_article = [doc.text_of(t) for i, t in enumerate(doc.tokens[1:], 1)
                           if doc.tokens[i - 1].clitic is Clitic.ARTICLE]
    assert "هدنة" in stems_after_article


ARABIC_TEXT = st.lists(
    st.sampled_from([*"ابتثجحخدذرسشصضطظعغفقكلمنهويةىأإآؤئ ،.؟\n٠١٢3",
                     "\u064b", "\u064e", "\u0651", "\u0640", "\ufefb", "\u200f", "e\u0301", "وال", "بال",
                     "لل", "ها", "هم"]),
    max_size=60,
).map("".join)


@settings(max_examples=300)
@given(ARABIC_TEXT)
def test_every_token_and_sentence_span_is_the_raw_text_it_claims(raw: str) -> None:
    doc = doc_of(raw)
    assert doc.norm is not None
    previous_end = 0
    for token in doc.tokens:
        assert 0 <= token.start < token.end <= len(raw)
        if token.start < previous_end:  # tokens overlap only inside a ligature such as «ﻻ»
            overlap = raw[token.start : previous_end]
            assert any(len(normalize(c).text) > 1 for c in overlap)  # «ﻻً»: the ligature, not its diacritic
        previous_end = token.end
        piece = doc.norm.text[token.norm_start : token.norm_end]
        assert piece and piece in normalize(raw[token.start : token.end]).text
    for sentence in doc.sentences:
        claimed = doc.norm.text[sentence.norm_start : sentence.norm_end]
        assert claimed in normalize(raw[sentence.start : sentence.end]).text
        assert not raw[sentence.start].isspace() and not raw[sentence.end - 1].isspace()
