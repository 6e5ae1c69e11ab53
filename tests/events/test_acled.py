"""ACLED types of events, refined from the trigger's default by weapons and parties."""

from __future__ import annotations

from rasd.doc import Document
from rasd.pipeline import Pipeline
from rasd.schema import Article, Event

PIPELINE = Pipeline()


def events(text: str) -> list[Event]:
    return PIPELINE(Document(Article(id="a", text=text, published="2023-04-20"))).events


def acled(text: str, event_type: str = "ASSAULT") -> tuple[str | None, str | None]:
    (found,) = [e for e in events(text) if e.type == event_type]
    return found.acled_event_type, found.acled_sub_event_type


def test_the_weapon_says_how_a_killing_was_done() -> None:
    assert acled("قتل ثلاثة أشخاص بانفجار عبوة ناسفة في سوق ببغداد.") == \
        ("Explosions/Remote violence", "Remote explosive/landmine/IED")
    assert acled("قتل خمسة جنود بقصف مدفعي على بلدة قرب حلب.") == \
        ("Explosions/Remote violence", "Shelling/artillery/missile attack")
    assert acled("قتل عشرة أشخاص في هجوم انتحاري بحزام ناسف في مقديشو.") == \
        ("Explosions/Remote violence", "Suicide bomb")
    assert acled("قتل أربعة مسلحين بغارة لطائرة مسيرة في مأرب.") == ("Explosions/Remote violence", "Air/drone strike")


def test_an_attack_on_civilians_only_is_violence_against_civilians() -> None:
    assert acled("هاجم مسلحون مجهولون مدنيين في قرية قرب كركوك.") == ("Violence against civilians", "Attack")


def test_who_takes_a_place_decides_the_kind_of_takeover() -> None:
    assert acled("استعاد الجيش العراقي السيطرة على مدينة الرمادي.") == ("Battles", "Government regains territory")
    assert acled("سيطر تنظيم داعش على مدينة تدمر.") == ("Battles", "Non-state actor overtakes territory")


def test_a_killing_between_armed_parties_is_a_clash_and_an_unexplained_one_stays_unknown() -> None:
    assert acled("أعلنت قيادة عمليات بغداد مقتل 17 داعشيا شرقي الفلوجة.") == ("Battles", "Armed clash")
    assert acled("قتل شخصان في بغداد.") == (None, None)


def test_arrests_and_protests_have_their_acled_types() -> None:
    assert acled("اعتقلت الشرطة التركية 20 شخصا في إسطنبول.", "COERCE") == ("Strategic developments", "Arrests")
    assert acled("خرجت مظاهرات في البصرة احتجاجا على انقطاع الكهرباء.", "PROTEST") == \
        ("Protests", "Peaceful protest")
