"""Reports of one event from several outlets become one cluster; separate incidents stay apart."""

from __future__ import annotations

import itertools
from pathlib import Path

from rasd.dedup import Settings, canonical, clusters, report_of, same_event
from rasd.extract import Extractor
from rasd.schema import Article, Extraction
from rasd.store import SqliteStore

EXTRACTOR = Extractor()

# four outlets; A, B and C tell one attack in Mosul on 3 May, D a different one in Kirkuk
TEXTS = {
    "A": ("outlet-a", "قتل ثلاثة جنود عراقيين أمس في هجوم بسيارة مفخخة استهدف حاجزا للجيش في مدينة الموصل."),
    "B": ("outlet-b", "أعلنت مصادر أمنية مقتل جنديين وإصابة خمسة آخرين في تفجير سيارة مفخخة قرب حاجز "
                      "عسكري في الموصل أمس."),
    "C": ("outlet-c", "انفجرت سيارة مفخخة أمس عند حاجز للجيش العراقي في الموصل، ما أسفر عن مقتل ثلاثة جنود."),
    "D": ("outlet-d", "قتل أربعة مدنيين أمس في انفجار عبوة ناسفة في سوق شعبي بمدينة كركوك."),
}


def extraction(name: str, published: str = "2022-05-04") -> Extraction:
    publisher, text = TEXTS[name]
    return EXTRACTOR.extract(Article(id=name, text=text, published=published, publisher=publisher))


def assaults(name: str, published: str = "2022-05-04") -> list:  # type: ignore[type-arg]
    found = extraction(name, published)
    return [report_of(found, e) for e in found.events if e.type == "ASSAULT"]


def test_outlets_telling_one_attack_are_one_cluster_and_another_city_is_not() -> None:
    reports = [r for name in TEXTS for r in assaults(name)]
    found = clusters(reports)
    by_article = {r.article_id: found[r.key] for r in reports}
    assert by_article["A"] == by_article["B"] == by_article["C"] == "A/v1"
    assert by_article["D"] != by_article["A"]


def test_a_day_apart_beyond_the_slack_or_contradicting_parties_is_another_event() -> None:
    (a,) = assaults("A")
    (later,) = assaults("C", published="2022-05-09")
    assert not same_event(a, later)
    assert same_event(a, later, Settings(date_slack_days=5))
    contradicting = a.__class__(**{**{f: getattr(a, f) for f in a.__slots__}, "key": "E/v1", "article_id": "E",
                                   "sources": ("act:islamic-state",)})
    other = a.__class__(**{**{f: getattr(a, f) for f in a.__slots__}, "key": "F/v1", "article_id": "F",
                           "sources": ("act:pkk",)})
    assert not same_event(contradicting, other)


def test_the_merged_event_keeps_each_report_and_the_disagreement_on_counts() -> None:
    reports = [r for name in "ABC" for r in assaults(name)]
    event = canonical("A/v1", reports)
    assert event.type == "ASSAULT" and event.place == "Mosul" and event.country == "IQ"
    assert (event.fatalities.low, event.fatalities.high) == (2, 3)
    assert event.fatalities.by_report == {"A/v1": 3, "B/v1": 2, "C/v1": 3}
    assert {r.publisher for r in event.reports} == {"outlet-a", "outlet-b", "outlet-c"}


def test_clusters_do_not_depend_on_the_order_articles_are_stored_in(tmp_path: Path) -> None:
    extractions = {name: extraction(name) for name in TEXTS}
    seen = []
    for number, order in enumerate(itertools.permutations(TEXTS)):
        with SqliteStore(tmp_path / f"{number}.sqlite") as store:
            for name in order:
                store.save(extractions[name])
            seen.append(store.clusters())
    assert all(found == seen[0] for found in seen)
    assert len(set(seen[0].values())) == 2


def test_reprocessing_an_article_that_bridged_two_reports_splits_them_again(tmp_path: Path) -> None:
    with SqliteStore(tmp_path / "s.sqlite") as store:
        for name in "ABC":
            store.save(extraction(name))
        assert len(set(store.clusters().values())) == 1
        # B is corrected: its attack was in Kirkuk; it leaves the Mosul cluster and joins none
        fixed = EXTRACTOR.extract(Article(id="B", text=TEXTS["B"][1].replace("الموصل", "كركوك"),
                                          published="2022-05-04", publisher="outlet-b"))
        store.save(fixed)
        found = store.clusters()
        assert found["A/v1"] == found["C/v1"] == "A/v1" and found["B/v1"] == "B/v1"
