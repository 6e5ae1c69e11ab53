from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from rasd.ingest import InputError, Problem, read_file
from rasd.ingest.plaintext import parse_plain
from rasd.schema import Article


def only_article(path: Path) -> Article:
    (item,) = list(read_file(path))
    assert isinstance(item, Article), item
    return item


def test_seed_article_metadata(shared: Path) -> None:
    seed = shared / "seed" / "000_87069b9d0aef7d6c.txt"
    article = only_article(seed)
    assert article.id == "000_87069b9d0aef7d6c"
    assert article.published == date(2021, 3, 15)
    assert article.title == "الانسحاب الأمريكي شرط المليشيات العراقية لوقف هجماتها"
    assert article.author == "سؤدد الصالحي"
    assert article.url == "https://www.noonpost.com/40099"
    assert article.translator == "نون بوست" and article.publisher == "نون بوست"
    assert article.original_source == "ميدل إيست آي"
    assert article.language == "ar"
    # the body is the file's own text, from the first paragraph to the last, untouched
    raw = seed.read_text(encoding="utf-8")
    assert article.text.startswith("بعد اجتماعات محمومة في بغداد")
    assert article.text.endswith("لكنه لم يتلق أي رد حتى وقت النشر.")
    assert article.text in raw
    assert "رابط المقال" not in article.text and "ترجمة وتحرير" not in article.text


def test_byline_variants_and_labels() -> None:
    text = "عنوان الخبر\n\nبقلم: ليلى حسن | 3 تشرين الأول, 2020\n\nقال مسؤول إن القصف توقف.\n\nالرابط: https://example.org/a\n"
    article = parse_plain(text, "x")
    assert article.author == "ليلى حسن"
    assert article.published == date(2020, 10, 3)
    assert article.url == "https://example.org/a"
    assert article.text == "قال مسؤول إن القصف توقف."


def test_label_words_inside_the_body_are_body() -> None:
    text = "عنوان\n\nكتبها الشاعر في السجن قبل إعدامه وبقيت مخفية سنوات طويلة.\nالمصدرية الوحيدة هنا."
    article = parse_plain(text, "x")
    assert article.author is None
    assert article.text.startswith("كتبها الشاعر")


def test_file_with_only_a_title_has_no_body(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        parse_plain("كتبه فلان | 1 مايو, 2020\n", "x")
    path = tmp_path / "meta-only.txt"
    path.write_text("كتبه فلان | 1 مايو, 2020\n", encoding="utf-8")
    (item,) = list(read_file(path))
    assert isinstance(item, Problem) and "meta-only.txt" in str(item)
