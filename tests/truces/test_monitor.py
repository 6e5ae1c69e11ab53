"""The truce monitor: attacks between the parties of a truce while it holds are violations."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from rasd.cli import main
from rasd.extract import Extractor
from rasd.ingest import read_file
from rasd.schema import Article, Extraction
from rasd.store import SqliteStore

EXTRACTOR = Extractor()
TRUCE = {"id": "A", "publisher": "outlet-a", "published": "2020-10-15",
         "text": "أعلنت الفصائل المسلحة العراقية هدنة مع القوات الأمريكية منذ يوم 10 تشرين الأول/أكتوبر."}
ATTACK = {"id": "B", "publisher": "outlet-b", "published": "2020-12-06",
          "text": "قصفت فصائل مسلحة عراقية قاعدة للقوات الأمريكية قرب بغداد أمس."}
BEFORE = {"id": "C", "publisher": "outlet-c", "published": "2020-09-20",
          "text": "قصفت فصائل مسلحة عراقية قاعدة للقوات الأمريكية قرب بغداد أمس."}
ASKED = {"id": "D", "publisher": "outlet-d", "published": "2020-10-15",
         "text": "دعا رئيس الوزراء إلى هدنة بين الفصائل المسلحة العراقية والقوات الأمريكية منذ يوم 10 "
                 "تشرين الأول/أكتوبر."}


def extraction(record: dict[str, str]) -> Extraction:
    return EXTRACTOR.extract(Article(**record))  # type: ignore[arg-type]


def test_the_reference_article_flags_the_us_strikes_inside_the_truce(shared: Path, tmp_path: Path) -> None:
    (article,) = list(read_file(shared / "seed" / "000_87069b9d0aef7d6c.txt"))
    with SqliteStore(tmp_path / "s.sqlite") as store:
        store.save(EXTRACTOR.extract(article))
        (found,) = store.violations()
    assert found.truce.side_names == (("Armed factions",), ("United States Armed Forces",))
    assert found.event.source_names == ("United States",)
    assert "Kata'ib Hezbollah" in found.event.target_names
    assert found.truce.start is not None and found.event.start is not None and found.truce.end is not None
    assert found.truce.start <= found.event.start and found.event.end is not None
    assert found.event.end <= found.truce.end


def test_violations_do_not_depend_on_the_order_articles_arrive_in(tmp_path: Path) -> None:
    seen = []
    for number, order in enumerate(([TRUCE, ATTACK, BEFORE, ASKED], [ASKED, BEFORE, ATTACK, TRUCE])):
        with SqliteStore(tmp_path / f"{number}.sqlite") as store:
            for record in order:
                store.save(extraction(record))
            seen.append(sorted((v.truce.key, v.event.key) for v in store.violations()))
    # the attack before the truce began, and the truce only asked for, are no violations
    assert seen[0] == seen[1] == [("A/t1", "B/v1")]


def test_a_new_violation_runs_the_hook_once_and_is_listed(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in (TRUCE, ATTACK)), encoding="utf-8")
    db, out = tmp_path / "s.sqlite", tmp_path / "hook.jsonl"
    runner = CliRunner()
    for _ in range(2):  # the second ingestion finds nothing new: the hook does not fire again
        result = runner.invoke(main, ["ingest", str(source), "--db", str(db), "--on-violation", f"cat >> {out}"])
        assert result.exit_code == 0, result.output
    (line,) = out.read_text(encoding="utf-8").splitlines()
    sent = json.loads(line)
    assert (sent["truce"], sent["event"], sent["country"]) == ("A/t1", "B/v1", "IQ")
    listed = json.loads(runner.invoke(main, ["truces", "--db", str(db), "--format", "json"]).output)
    assert [(t["key"], t["status"], [v["event"] for v in t["violations"]]) for t in listed] == \
        [("A/t1", "violated", ["B/v1"])]
    failing = runner.invoke(main, ["ingest", str(source), "--db", str(tmp_path / "t.sqlite"), "--on-violation",
                                   "exit 3"])
    assert failing.exit_code == 0 and "violation hook exited 3" in failing.output
