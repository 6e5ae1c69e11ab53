"""Claims of responsibility, accusations and denials, linked to the events they are about."""

from __future__ import annotations

from rasd.doc import Document
from rasd.pipeline import Pipeline
from rasd.schema import Article, Event

PIPELINE = Pipeline()


def events(text: str) -> list[Event]:
    return PIPELINE(Document(Article(id="c", text=text, published="2023-04-20"))).events


def one(found: list[Event], event_type: str) -> Event:
    (event,) = [e for e in found if e.type == event_type]
    return event


def sources(event: Event) -> list[str]:
    return [p.text for p in event.actors if p.role == "source"]


def test_an_accused_perpetrator_is_not_the_source_of_the_attack() -> None:
    text = "اتهمت الحكومة اليمنية الحوثيين بقصف حي سكني في تعز أمس، ما أسفر عن مقتل خمسة مدنيين."
    found = events(text)
    attack, accusation = one(found, "ASSAULT"), one(found, "ACCUSE")
    assert sources(attack) == []
    assert accusation.about == attack.id
    assert sources(accusation) == ["الحكومة اليمنية"]
    assert [p.text for p in accusation.actors if p.role == "target"] == ["الحوثيين"]
    (said,) = attack.attributions
    assert (said.kind, said.speaker, said.event_id) == ("accusation", "الحكومة اليمنية", accusation.id)
    assert said.cue is not None and text[said.cue.start : said.cue.end] == said.cue.text == "اتهمت"


def test_an_accusation_in_a_later_sentence_points_back_at_the_attack() -> None:
    found = events("قتل عشرة جنود في هجوم على حاجز للجيش في العريش بمصر. "
                   "واتهم الجيش جماعة الإخوان بالوقوف وراء الهجوم.")
    attack, accusation = one(found, "ASSAULT"), one(found, "ACCUSE")
    assert accusation.about == attack.id
    assert [a.kind for a in attack.attributions] == ["accusation"]


def test_a_denial_links_to_the_attack_and_the_denier_is_no_source() -> None:
    text = "نفى حزب العمال الكردستاني مسؤوليته عن الهجوم على قاعدة عسكرية في ديار بكر."
    found = events(text)
    attack, denial = one(found, "ASSAULT"), one(found, "REJECT")
    assert denial.about == attack.id
    assert sources(attack) == []
    assert [(a.kind, a.speaker) for a in attack.attributions] == [("denial", "حزب العمال الكردستاني")]


def test_rejecting_an_offer_is_no_denial() -> None:
    found = events("قصفت طائرات التحالف مواقع الحوثيين في صعدة. ورفضت المقاومة عرضا للتفاوض.")
    assert one(found, "REJECT").about is None
    assert [a.kind for a in one(found, "ASSAULT").attributions] == []


def test_a_claim_of_responsibility_names_the_source_and_stays_a_claim() -> None:
    text = "انفجرت سيارة مفخخة في سوق ببغداد أمس. وتبنى تنظيم داعش الهجوم في بيان."
    attack = one(events(text), "ASSAULT")
    assert sources(attack) == ["تنظيم داعش"]
    (claim,) = attack.attributions
    assert (claim.kind, claim.speaker) == ("claim", "تنظيم داعش")
    assert claim.span is not None and text[claim.span.start : claim.span.end] == "تنظيم داعش"
    attack = one(events("أعلن تنظيم داعش مسؤوليته عن التفجير الذي استهدف مسجدا في الكويت."), "ASSAULT")
    assert ("claim", "تنظيم داعش") in [(a.kind, a.speaker) for a in attack.attributions]
