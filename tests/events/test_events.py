"""Events from real-style text: detection, modality, place, date, figures, coreference."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from rasd.doc import Document
from rasd.ingest import read_file
from rasd.pipeline import Pipeline
from rasd.schema import Article, Event

PIPELINE = Pipeline()


def events(text: str, published: str = "2022-05-12") -> list[Event]:
    return PIPELINE(Document(Article(id="e", text=text, published=published))).events


def test_an_attack_with_its_place_date_figures_and_weapon() -> None:
    found = events("قُتل ثلاثة جنود وأصيب خمسة آخرون أمس في هجوم بقذائف الهاون على موقع للجيش في مدينة تعز.")
    (attack,) = [e for e in found if e.type == "ASSAULT"]
    assert attack.date is not None and attack.date.start == attack.date.end == date(2022, 5, 11)
    assert attack.location is not None and attack.location.country == "YE" and attack.location.name_en == "Taiz"
    assert (attack.fatalities, attack.injuries) == (3, 5)
    assert [w.name for w in attack.weapons] == ["mortar"]
    assert attack.modality == "asserted"


def test_denied_future_and_conditional_events_are_not_output() -> None:
    assert [e.type for e in events("لم يسفر القصف عن أي إصابات، وسيقصف الجيش المواقع غداً.")
            if e.type == "ASSAULT"] == []
    assert not [e for e in events("إذا هاجمت الميليشيات القاعدة سترد القوات فوراً.") if e.type == "ASSAULT"]


def test_one_incident_told_twice_is_one_event_and_separate_ones_stay_apart() -> None:
    told_twice = events("انفجرت عبوة ناسفة صباح اليوم في سوق شعبي بمدينة الموصل. وأسفر الانفجار عن مقتل شخصين.")
    assert len([e for e in told_twice if e.type == "ASSAULT"]) == 1
    apart = events("قُتل شخصان في انفجار في بغداد. وفي البصرة، أصيب سبعة أشخاص في هجوم مسلح.")
    assert len([e for e in apart if e.type == "ASSAULT"]) == 2


def test_reported_events_and_the_publication_date_fallback() -> None:
    (clash,) = [e for e in events("وقالت مصادر محلية إن اشتباكات عنيفة دارت بين الجيش والحوثيين في مأرب.")
                if e.type == "ASSAULT"]
    assert clash.modality == "reported"
    assert clash.date is not None and clash.date.basis == "publication" and clash.date.span is None


def test_seed_ain_al_asad_attack(shared: Path) -> None:
    (article,) = list(read_file(shared / "seed" / "000_87069b9d0aef7d6c.txt"))
    assert isinstance(article, Article)
    found = PIPELINE(Document(article)).events
    ain = [e for e in found if e.location is not None and e.location.kb_id == "fac:ain-al-asad-air-base"]
    assert ain and ain[0].type == "ASSAULT"
    assert ain[0].date is not None and str(ain[0].date.start) == "2021-03-03"
    assert ain[0].injuries == 0
    erbil = [e for e in found if e.fatalities == 1 and e.injuries == 9]
    assert erbil and erbil[0].location is not None and erbil[0].location.name_en == "Erbil"


def test_a_conditional_demand_is_not_an_event() -> None:
    found = events("وافقت الفصائل على وقف الهجمات بشرط أن يطالب رئيس الوزراء بانسحاب القوات الأجنبية.")
    assert [e.type for e in found] == ["AGREE"]


def test_two_attacks_at_two_places_in_one_sentence_stay_two() -> None:
    found = events("أدى هجوم بطائرة مسيرة على مطار أربيل إلى شن غارات جوية على مواقع داخل الأراضي السورية.")
    places = sorted((e.location.country if e.location else None) for e in found if e.type == "ASSAULT")
    assert places == ["IQ", "SY"]


def test_a_place_where_something_happens_comes_before_a_place_named_otherwise() -> None:
    (attack,) = [e for e in events("استهدف قصف مدفعي بلدة في ريف إدلب شمال غربي سوريا، وحمّلت دمشق المسؤولية للفصائل.")
                 if e.type == "ASSAULT"]
    assert attack.location is not None and attack.location.name_en is not None
    assert attack.location.name_en.startswith("Idlib")


def test_the_toll_told_in_the_next_sentence_joins_the_attack() -> None:
    found = events("استهدف هجوم صاروخي قاعدة عين الأسد الجوية أمس. وأسفر الهجوم على قاعدة عين الأسد عن إصابة جنديين.")
    (attack,) = [e for e in found if e.type == "ASSAULT"]
    assert attack.injuries == 2 and len(attack.mentions) == 2


def test_the_toll_joins_its_attack_across_another_event() -> None:
    found = events("أدى هجوم صاروخي على مطار أربيل إلى شن غارات جوية على مواقع داخل الأراضي السورية. "
                   "وأسفر هجوم أربيل عن مقتل متعاقد وإصابة تسعة آخرين.")
    erbil = [e for e in found if e.type == "ASSAULT" and e.location is not None and e.location.country == "IQ"]
    assert len(erbil) == 1 and (erbil[0].fatalities, erbil[0].injuries) == (1, 9)


def test_who_holds_a_place_is_no_takeover() -> None:
    held = events("قال المحافظ إن معظم أحياء المدينة باتت تحت سيطرة القوات الحكومية منذ أشهر.")
    assert [e for e in held if e.type == "ASSAULT"] == []
    taken = events("سيطرت القوات الحكومية على معظم أحياء المدينة أمس.")
    assert [e.type for e in taken] == ["ASSAULT"]


def test_a_support_verb_gives_way_to_the_noun_it_governs() -> None:
    found = events("شنت طائرات التحالف العربي فجر أمس غارات جوية على مواقع الحوثيين في صعدة.")
    (strike,) = found
    assert [m.text for m in strike.mentions] == ["غارات"]
    assert strike.acled_sub_event_type == "Air/drone strike"
    assert [p.text for p in strike.actors if p.role == "source"] == ["التحالف العربي"]
    (arrests,) = events("شنت قوات الدرك التركية، فجر الجمعة، حملات اعتقال في أنقرة.")
    assert arrests.type == "COERCE"
    assert events("شنوا حربا دموية على الشعب اليمني منذ سنوات.") == []


def test_a_support_verb_starts_the_clause_of_its_noun() -> None:
    found = events("أدى هجوم صاروخي على قاعدة في أربيل إلى دفع الولايات المتحدة لشن غارات جوية "
                   "على موقع داخل الحدود السورية.")
    assert sorted(e.location.name_en for e in found if e.location is not None) == ["Erbil", "Syria"]


def test_court_reports_intentions_and_summed_tolls_are_no_incidents() -> None:
    assert events("اعترف المتهم بأنه نقل منفذ التفجير إلى المسجد في الكويت.") == []
    assert events("قال المتهم: كنا نريد تفجير المسجد في الكويت.") == []
    found = events("قتل 8 من عناصر داعش و5 مدنيين في أعمال عنف بمحافظة الأنبار. وقتل 3 مدنيين بقصف على الفلوجة.")
    assert [(e.fatalities, e.location.name_en if e.location else None) for e in found] == [(3, "Al Fallujah")]


def test_a_killing_told_with_its_victims_pronoun_is_the_one_told_before() -> None:
    found = events("قتل القيادي في هجوم صاروخي على سيارته في بوجمبورا. ويأتي مقتله بعد أسبوع على الانتخابات.")
    assert len([e for e in found if e.type == "ASSAULT"]) == 1


def test_one_deed_told_twice_in_a_sentence_is_one_event_at_the_place_named() -> None:
    (arrest,) = events("ألقت قوات الأمن التركية القبض على 17 شخصا، يشتبه في انتمائهم لداعش، "
                       "في عمليات دهم بمدينة مانيسا.")
    assert arrest.location is not None and arrest.location.name_en == "Manisa"
    assert [p.text for p in arrest.actors if p.role == "source"] == ["قوات الأمن التركية"]


def test_an_attack_retold_with_its_weapon_or_only_its_country_is_one_event() -> None:
    found = events("قتل جنديان في هجوم صاروخي على حاجز في بوجمبورا. "
                   "وأصيب الحاجز في هجوم صاروخي في بوجمبورا قبيل الظهر.")
    assert len([e for e in found if e.type == "ASSAULT"]) == 1
    found = events("قالت روسيا إنها قتلت ثمانية مسلحين في روسيا. واشتبكت القوات الخاصة مع المسلحين في روسيا.")
    assert len([e for e in found if e.type == "ASSAULT"]) == 1


def test_holding_an_institution_is_no_takeover() -> None:
    assert events("وأغرت سيطرة المخلوع على الجيش اليمني الحوثيين بالتحالف معه.") == []
    (takeover,) = events("سيطرت المقاومة على معسكر الصدرين في الضالع.")
    assert takeover.acled_event_type == "Battles"


def test_deeds_sought_demanded_or_guarded_against_and_tag_lines_are_no_incidents() -> None:
    guarded = events("نشرت القوات مئات الجنود حول المدينة أمس لتأمينها من هجمات المسلحين.")
    assert not [e for e in guarded if e.type == "ASSAULT"]
    demanded = events("قال المحامون إن الخاطفين يطالبون بانسحاب القوات من البلدة.")
    assert not [e for e in demanded if e.type == "RETREAT"]
    assert [e.type for e in events("طالبت الحكومة بوقف الحملة.")] == ["REQUEST"]  # the demand itself stays
    assert events("سمات اشتباكات حوثيين قاعدة جوية مقاومة شعبية") == []
    assert events("رابط الخبر بصحيفة الوئام: معارك في تعز والمقاومة تتقدم") == []
    assert [e.type for e in events("اندلعت اشتباكات عنيفة بين الجيش والمسلحين في مدينة تعز أمس.")] == ["ASSAULT"]


def test_an_expected_attack_and_acts_of_shelling_over_a_month_are_no_incidents() -> None:
    assert not [e for e in events("توقعت مصادر عسكرية هجوما وشيكا على القاعدة الجوية.") if e.type == "ASSAULT"]
    tally = events("كشف تقرير حقوقي أمس أن 93 مدنيا قتلوا في المدينة بأعمال قصف وقنص خلال الشهر الماضي.")
    assert not [e for e in tally if e.type == "ASSAULT" and e.mode == "bombard"]


def test_a_series_of_attacks_and_the_plan_of_one_are_no_incident() -> None:
    assert not [e for e in events("هزت البلاد أمس سلسلة هجمات في ثلاث مدن.") if e.type == "ASSAULT"]
    assert not [e for e in events("قال القائد إنه جرى تطوير آلية الهجوم في العملية.") if e.type == "ASSAULT"]
    strikes = events("شنت طائرات التحالف أمس سلسلة من الغارات الجوية على مواقع المسلحين في صعدة.")
    assert [e.type for e in strikes] == ["ASSAULT"]  # a series of air strikes on one area is coded as one


def test_a_deed_prepared_for_is_no_incident() -> None:
    found = events("احتشدت قوات الجيش جنوب المدينة أمس استعدادا لاقتحام المعسكر.")
    assert not [e for e in found if e.type == "ASSAULT"]


def test_the_pace_or_rise_of_attacks_is_a_trend_not_an_incident() -> None:
    found = events("وزادت وتيرة هجمات المسلحين في جنوب البلاد منذ منتصف الشهر الماضي.")
    assert not [e for e in found if e.type == "ASSAULT"]


def test_what_the_sentence_says_happened_before_is_recalled_not_reported() -> None:
    found = events("وسبق أن قتل مدنيون في قصف عشوائي على أحياء المدينة خلال الأسابيع الماضية.")
    assert not [e for e in found if e.type == "ASSAULT"]
