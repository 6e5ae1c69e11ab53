"""Reports of one event from several outlets become one cluster; separate incidents stay apart."""

from __future__ import annotations

import itertools
from dataclasses import replace
from pathlib import Path

from rasd.dedup import Report, Settings, canonical, clusters, links, partition, report_of, same_event
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


def _report(key: str, **fields: object) -> Report:
    from datetime import date

    base = Report(key=key, article_id=key.split("/")[0], publisher=None, type="ASSAULT", start=date(2022, 5, 3),
                  end=date(2022, 5, 3), country="IQ", lat=36.34, lon=43.13, precision="city", place_id="gn:mosul",
                  place="Mosul", sources=("act:islamic-state",), acled_event_type="Explosions/Remote violence")
    return replace(base, **fields)  # type: ignore[arg-type]


def test_two_incidents_one_article_tells_apart_never_merge_through_other_outlets() -> None:
    # X tells two attacks of one day in Mosul; Y retells the first, Z the second, and Y and Z look alike
    reports = [_report("X/v1", fatalities=3), _report("X/v2", fatalities=10), _report("Y/v1", fatalities=3),
               _report("Z/v1", fatalities=10)]
    assert ("Y/v1", "Z/v1") in links(reports)  # the chain X/v1 - Y/v1 - Z/v1 - X/v2 exists
    for order in itertools.permutations(reports):
        placed = partition(order)
        assert placed["X/v1"].cluster == placed["Y/v1"].cluster == "X/v1"
        assert placed["X/v2"].cluster == placed["Z/v1"].cluster == "X/v2"
        assert {p.component for p in placed.values()} == {"X/v1"}  # one component, two events


def test_a_chain_of_days_does_not_make_one_event() -> None:
    from datetime import date

    reports = [_report(f"{name}/v1", start=date(2022, 5, day), end=date(2022, 5, day))
               for name, day in (("A", 3), ("B", 4), ("C", 5))]
    seen = {tuple(sorted(clusters(order).items())) for order in itertools.permutations(reports)}
    assert len(seen) == 1  # whatever the order
    (found,) = seen
    by_key = dict(found)
    assert by_key["A/v1"] != by_key["C/v1"]  # two days apart, beyond the day of slack
    assert len(set(by_key.values())) == 2


def test_an_air_strike_and_a_clash_are_different_incidents() -> None:
    strike = _report("A/v1", acled_event_type="Explosions/Remote violence", acled_sub_event_type="Air/drone strike")
    clash = _report("B/v1", acled_event_type="Battles", acled_sub_event_type="Armed clash")
    shelling = _report("C/v1", acled_event_type="Explosions/Remote violence",
                       acled_sub_event_type="Shelling/artillery/missile attack")
    assert not same_event(strike, clash)
    assert same_event(strike, shelling)  # outlets name one explosion differently


def test_a_report_with_no_date_of_its_own_merges_only_when_the_tolls_agree() -> None:
    told = _report("A/v1", date_basis="relative", fatalities=4)
    mentioned = _report("B/v1", date_basis="publication")  # «the attack on the city» in passing
    assert not same_event(told, mentioned)
    assert same_event(told, replace(mentioned, fatalities=5))
    assert same_event(told, replace(mentioned, date_basis="explicit"))


def test_reports_naming_different_weapons_tell_different_incidents() -> None:
    grenade = _report("A/v1", weapons=("grenade",), acled_sub_event_type="Grenade")
    rocket = _report("B/v1", weapons=("rocket",))
    unnamed = _report("C/v1")  # «هجوم» with no weapon: typed a shelling by default
    assert not same_event(grenade, rocket)
    assert same_event(grenade, unnamed) and same_event(rocket, unnamed)
    suicide = _report("D/v1", weapons=("suicide_attack",), acled_sub_event_type="Suicide bomb")
    car_bomb = _report("E/v1", weapons=("car_bomb",), acled_sub_event_type="Remote explosive/landmine/IED")
    assert same_event(suicide, car_bomb)  # one explosion: a suicide bomber's car


def test_a_report_tied_to_one_member_only_does_not_join_a_group_the_others_tell_apart() -> None:
    group = [_report("A/v1", sources=("act:x",)), _report("B/v1", sources=("act:x",)),
             _report("C/v1", sources=("act:x", "act:y"))]
    stray = _report("D/v1", sources=("act:y",))  # tied to C by «y», contradicting A and B
    assert same_event(group[2], stray) and not same_event(group[0], stray)
    assert len(set(clusters([*group, stray]).values())) == 1  # by default, the link alone
    for order in itertools.permutations([*group, stray]):
        found = clusters(order, Settings(cohesion=0.5))
        assert found["A/v1"] == found["B/v1"] != found["D/v1"]  # never with the two it contradicts
