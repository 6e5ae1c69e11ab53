from __future__ import annotations

from rasd.ingest.language import identify


def test_arabic_news_is_arabic() -> None:
    assert identify("قال الجيش العراقي إن الهجوم لم يسفر عن أي إصابات في صفوف القوات.") == "ar"


def test_other_languages_in_arabic_script_are_not_arabic() -> None:
    persian = "ارتش ایران روز یکشنبه اعلام کرد که یک پهپاد در نزدیکی مرز پاکستان سرنگون شده است."
    urdu = "پاکستان کی فوج نے کہا ہے کہ سرحد کے قریب ایک ڈرون کو مار گرایا گیا ہے۔"
    assert identify(persian) == "fa"
    assert identify(urdu) == "ur"


def test_latin_script_languages() -> None:
    assert identify("The army said on Monday that three rockets hit the base near the airport.") == "en"
    assert identify("L'armée a annoncé lundi que trois roquettes ont frappé la base aérienne.") == "fr"


def test_no_letters() -> None:
    assert identify("12345 ... !!!") is None
