"""Who acts and who is acted on, in the sentence shapes Arabic news uses."""

from __future__ import annotations

from rasd.doc import Document
from rasd.events.roles import assign_roles, generic_parties, speaker_of
from rasd.pipeline import Pipeline
from rasd.schema import Article, Event
from rasd.text.normalize import fold

PIPELINE = Pipeline()


def events(text: str) -> list[Event]:
    return PIPELINE(Document(Article(id="r", text=text, published="2023-04-20"))).events


def parties(event: Event, role: str) -> list[str]:
    return [p.name_en or p.text for p in event.actors if p.role == role]


def assault(text: str) -> Event:
    (found,) = [e for e in events(text) if e.type == "ASSAULT"]
    return found


def test_verb_first_subject_acts_and_the_object_after_ala_is_acted_on() -> None:
    found = assault("سيطرت قوات سوريا الديمقراطية على مواقع تنظيم داعش في ريف دير الزور.")
    assert parties(found, "source") == ["Syrian Democratic Forces"]
    assert parties(found, "target") == ["Islamic State"]


def test_agent_phrase_after_the_trigger_names_who_struck() -> None:
    found = assault("قتل خمسة مدنيين في غارات جوية شنتها طائرات التحالف الدولي على قرية قرب الرقة.")
    assert parties(found, "source") == ["Global Coalition to Defeat ISIS"]
    assert parties(found, "target") == ["Civilians"]


def test_both_sides_of_a_clash_act() -> None:
    found = assault("اندلعت اشتباكات عنيفة بين الجيش الليبي وقوات الدعم السريع قرب الحدود.")
    assert parties(found, "target") == []
    assert [p.text for p in found.actors if p.role == "source"] == ["الجيش الليبي", "قوات الدعم السريع"]


def test_the_victims_of_a_killing_are_acted_on() -> None:
    found = assault("أعلن الجيش العراقي مقتل 12 مسلحا من تنظيم داعش في عملية بمحافظة الأنبار.")
    assert parties(found, "target") == ["Islamic State"]
    assert "Iraqi Army" not in parties(found, "target")


def test_armed_forces_that_announce_killing_an_armed_group_killed_them() -> None:
    found = assault("أعلن الجيش العراقي مقتل 12 مسلحا من تنظيم داعش في عملية بمحافظة الأنبار.")
    assert parties(found, "source") == ["Iraqi Army"]
    # a ministry that counts the dead, or deaths of civilians, say nothing of who killed
    found = assault("أعلنت وزارة الصحة العراقية مقتل 12 مدنيا في انفجار بمحافظة الأنبار.")
    assert parties(found, "source") == []


def test_a_group_nisba_names_the_group() -> None:
    found = assault("قتل 17 داعشيا في قصف مدفعي على قرية قرب الموصل.")
    assert parties(found, "target") == ["Islamic State"]
    found = assault("قتل اثنان من المسلحين الحوثيين في هجوم على نقطة تفتيش قرب عدن.")
    assert parties(found, "target") == ["Houthis"]  # one party, not «Armed men» and the Houthis


def test_agent_phrases_that_name_the_doer() -> None:
    found = assault("قتل ثلاثة مدنيين بقصف مدفعي مصدره مواقع الفصائل المسلحة في ريف حماة.")
    assert parties(found, "source") == ["Armed factions"]
    found = assault("قتل ستة من عناصر داعش في غارة جوية لطيران التحالف الدولي غربي الرمادي.")
    assert parties(found, "source") == ["Global Coalition to Defeat ISIS"]
    found = assault("قتل ثلاثة مدنيين بانفجار لغم أرضي زرعه الحوثيون في محافظة لحج.")
    assert parties(found, "source") == ["Houthis"]


def test_what_follows_an_that_is_said_not_who_says_it() -> None:
    found = assault("أفادت مصادر محلية بأن طائرات التحالف العربي قصفت مواقع الحوثيين في صعدة.")
    assert parties(found, "source") == ["Saudi-led coalition in Yemen"]
    assert parties(found, "target") == ["Houthis"]


def test_the_object_of_an_earlier_verb_is_acted_on() -> None:
    found = assault("قال شهود إن مقاتلات التحالف العربي دمرت أرتالا للحوثيين بخمس غارات قرب حرض.")
    assert parties(found, "source") == ["Saudi-led coalition in Yemen"]
    assert parties(found, "target") == ["Houthis"]


def test_troops_that_are_struck_are_not_a_mobilization() -> None:
    found = events("قصفت الطائرات تعزيزات الحوثيين قرب مأرب.")
    assert [e.type for e in found] == ["ASSAULT"]
    assert [e.type for e in events("وصلت تعزيزات عسكرية كبيرة إلى مأرب.")] == ["MOBILIZE"]


def test_the_speaker_is_an_attribution_not_a_party() -> None:
    found = assault("قال الجيش اللبناني إن مسلحين مجهولين هاجموا دورية في بلدة عرسال.")
    assert [a.speaker for a in found.attributions] == ["الجيش اللبناني"]
    assert "Lebanese Armed Forces" not in parties(found, "source") + parties(found, "target")
    assert parties(found, "source") == ["Armed men"]
    raw = "قال الجيش اللبناني إن مسلحين مجهولين هاجموا دورية في بلدة عرسال."
    for party in found.actors:
        assert party.span is not None and raw[party.span.start : party.span.end] == party.span.text


def test_civilians_never_wage_violence() -> None:
    found = assault("قصف الجيش منازل المدنيين في حي سكني بمدينة درعا.")
    assert "Civilians" in parties(found, "target")
    assert "Civilians" not in parties(found, "source")


def test_generic_parties_take_adjectives_and_give_way_to_names() -> None:
    key = fold("اعتقلت قوات الأمن التركية عشرات المحتجين")
    (police, protesters) = generic_parties(key, [])
    assert key[police.start : police.end] == fold("قوات الأمن التركية") and police.sector == "COP"
    assert protesters.name_en == "Protesters"
    key = fold("قتل 9 مسلحين من تنظيم داعش")
    named = key.index(fold("تنظيم"))
    assert generic_parties(key, [(named, len(key))]) == []  # the named group is the party


def test_assign_roles_on_folded_spans() -> None:
    key = fold("هاجم المتمردون مواقع الجيش ليلا")
    trigger = (0, len("هاجم"))
    spans = [(key.index("المتمردون"), key.index("المتمردون") + len("المتمردون")),
             (key.index("الجيش"), key.index("الجيش") + len("الجيش"))]
    assert assign_roles(key, trigger, spans, clash=False, casualty=False, reports=[]) == {0: "source", 1: "target"}
    said = fold("قال الجيش إن")
    assert speaker_of(said, (0, 3), [(4, 9)]) == 0


def test_a_country_acts_when_it_is_not_named_as_a_place() -> None:
    found = assault("ردت تركيا بشن غارات جوية على مواقع حزب العمال الكردستاني في شمال العراق.")
    assert parties(found, "source") == ["Türkiye"]
    assert parties(found, "target") == ["Kurdistan Workers' Party"]
    located = assault("قتل ثلاثة مدنيين في قصف على بلدة في سوريا.")
    assert "Syria" not in parties(located, "source") + parties(located, "target")


def test_a_speaker_in_another_clause_does_not_report_the_event() -> None:
    text = "ورغم إعلان الحركة أنها لا علاقة لها بالتفجير، اتهمت الحكومة حركة الشباب بالوقوف وراءه."
    (accuse,) = [e for e in events(text) if e.type == "ACCUSE"]
    assert accuse.attributions == []


def test_quoted_names_joined_by_wa_share_a_role_and_a_nisba_is_no_party() -> None:
    found = assault('قالت الوكالة إن قوات "الجيش الوطني" و"المقاومة الشعبية" اليمني سيطرت على مدينة زنجبار.')
    assert [p.text for p in found.actors if p.role == "source"] == ["الجيش الوطني", "المقاومة الشعبية"]
    assert "اليمني" not in [p.text for p in found.actors]


def test_a_description_between_commas_does_not_break_coordination() -> None:
    found = assault("قصفت طائرات أمريكية مواقع تسيطر عليها عصائب أهل الحق، الجماعة المسلحة الأقرب إلى طهران، "
                    "وكتائب حزب الله قرب الحدود.")
    assert parties(found, "target") == ["Asa'ib Ahl al-Haq", "Kata'ib Hezbollah"]


def test_a_country_whose_border_is_named_is_a_place_not_a_party() -> None:
    found = assault("قصفت طائرات التحالف العربي تعزيزات للحوثيين قبل وصولها إلى الحدود الجنوبية للمملكة.")
    assert "Saudi Arabia" not in parties(found, "target") + parties(found, "source")


def test_gunmen_affiliated_with_a_group_are_that_group() -> None:
    found = assault("اختطف مسلحون تابعون لجماعة الحوثي في العاصمة صنعاء عشرة من قياديي حزب الإصلاح.")
    assert parties(found, "source") == ["Houthis"]


def test_a_head_noun_with_the_conjunction_still_coordinates() -> None:
    found = assault("وتشن القوات الحكومية ومقاتلو حزب الله هجمات على الزبداني.")
    assert parties(found, "source") == ["Government forces", "Hezbollah"]


def test_the_deed_and_not_its_toll_gives_the_parties() -> None:
    found = assault("وقتل سبعة جنود ليبيين أمس عندما اقتحم متشددون من تنظيم داعش بوابة أمنية قرب أجدابيا.")
    assert parties(found, "source") == ["Islamic State"]
    assert "Soldiers" in parties(found, "target")
    found = assault("وذكرت تقارير أن جنديا قتل في إقليم ماردين حينما انفجر لغم أرضي في عربة عسكرية.")
    assert parties(found, "source") == [] and parties(found, "target") == ["Soldiers"]


def test_who_a_place_is_taken_from_is_acted_on() -> None:
    found = assault("استعادت المقاومة الشعبية مدينة زنجبار من ميليشيات الحوثيين أمس.")
    assert parties(found, "source") == ["Popular Resistance (Yemen)"]
    assert parties(found, "target") == ["Houthis"]
