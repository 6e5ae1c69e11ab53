"""The article's own outlet, named by its short name in its text."""

from __future__ import annotations

from rasd.extract import Extractor
from rasd.schema import Article

RIYADH_PAPER = "http://www.alriyadh.com/1071998"


def entities(text: str, url: str | None = RIYADH_PAPER) -> list[tuple[str, str | None]]:
    extraction = Extractor().extract(Article(id="p", text=text, published="2015-08-10", url=url))
    return [(e.mentions[0].text, e.kb_id) for e in extraction.entities]


def test_the_papers_quoted_short_name_is_the_paper_and_gives_no_place() -> None:
    assert entities("علمت «الرياض» من مصادر محلية أن مسلحين اختطفوا صحفيين أمس.")[0] == \
        ("الرياض", "act:al-riyadh-newspaper")
    assert entities('وقال قائد ميداني لـ"الرياض" إن المعارك مستمرة.') == [("الرياض", "act:al-riyadh-newspaper")]
    assert entities("وقال قائد ميداني ل»الرياض» إن المعارك مستمرة.") == [("الرياض", "act:al-riyadh-newspaper")]
    extraction = Extractor().extract(Article(id="p", text="علمت «الرياض» أن مسلحين قصفوا قرية أمس.",
                                             published="2015-08-10", url=RIYADH_PAPER))
    assert all(event.location is None for event in extraction.events)  # the paper is nowhere


def test_unquoted_it_is_the_city_and_elsewhere_the_name_is_left_to_the_gazetteer() -> None:
    (city,) = entities("وصل الوزير إلى الرياض أمس في زيارة رسمية.")
    assert city[1] is not None and city[1].startswith("gn:")
    (other,) = entities("علمت «الرياض» أن الوزير وصل.", url=None)
    assert other[1] is not None and other[1].startswith("gn:")  # no article of the paper: no outlet to mean
