from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from rasd.cli import main
from rasd.store import SqliteStore
from tests.conftest import SAMPLES


def run(*args: str, input: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def test_extract_seed_as_json(shared: Path) -> None:
    code, out, _ = run("extract", str(shared / "seed" / "000_87069b9d0aef7d6c.txt"), "--format", "json")
    assert code == 0
    data = json.loads(out)
    article = data["article"]
    assert article["published"] == "2021-03-15"
    assert article["title"] == "الانسحاب الأمريكي شرط المليشيات العراقية لوقف هجماتها"
    assert article["author"] == "سؤدد الصالحي"
    assert article["url"] == "https://www.noonpost.com/40099"
    assert article["translator"] == article["publisher"] == "نون بوست"
    assert article["original_source"] == "ميدل إيست آي"
    assert {"ASSAULT", "ACCUSE"} <= {e["type"] for e in data["events"]}
    names = {e["name_en"] for e in data["entities"]}
    assert {"Mustafa al-Kadhimi", "Kata'ib Hezbollah", "Erbil", "Iraq"} <= names
    for sentence in data["sentences"]:
        assert article["text"][sentence["start"] : sentence["end"]] == sentence["text"]


def test_extract_dev_directory_to_files(shared: Path, tmp_path: Path) -> None:
    code, _, err = run("extract", str(shared / "corpus" / "dev"), "--out", str(tmp_path))
    assert code == 0, err
    written = sorted(tmp_path.glob("*.json"))
    assert len(written) == 24
    for path in written:
        source = json.loads((shared / "corpus" / "dev" / path.name).read_text(encoding="utf-8"))
        assert json.loads(path.read_text(encoding="utf-8"))["article"]["published"] == source["published"]


def test_jsonl_and_table_formats() -> None:
    code, out, _ = run("extract", str(SAMPLES), "--format", "jsonl")
    assert code == 0
    lines = out.strip().splitlines()
    assert len(lines) == 6 and all(json.loads(line)["article"]["language"] == "ar" for line in lines)
    code, out, _ = run("extract", str(SAMPLES / "sample-02.json"), "--format", "table")
    assert code == 0 and "sample-02" in out and "2021-09-16" in out
    assert "قتلى وجرحى" in out  # logical order by default: bidi-capable terminals and pipes
    code, out, _ = run("extract", str(SAMPLES / "sample-02.json"), "--format", "table", "--bidi")
    assert code == 0 and "قتلى وجرحى" not in out and "sample-02" in out


def test_exit_status_is_nonzero_only_when_nothing_was_processed(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    code, out, err = run("extract", str(tmp_path / "empty.txt"), str(SAMPLES / "sample-01.txt"))
    assert code == 0 and "empty.txt: empty input" in err and json.loads(out)["article"]["id"] == "sample-01"
    code, _, err = run("extract", str(tmp_path / "empty.txt"))
    assert code == 1 and err.count("\n") == 1


def test_stdin(shared: Path) -> None:
    code, out, _ = run("extract", "-", input=(shared / "seed" / "000_87069b9d0aef7d6c.txt").read_bytes())
    assert code == 0 and json.loads(out)["article"]["published"] == "2021-03-15"


def test_ingest_samples_twice_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "rasd.sqlite"
    code, out, err = run("ingest", "--samples", "--db", str(db))
    assert code == 0 and "6 new or changed" in err and "sample-05" in out
    with SqliteStore(db) as store:
        first = [(a.id, a.sentences) for a in store.articles()]
    code, _, err = run("ingest", "--samples", "--db", str(db))
    assert code == 0 and "0 new or changed" in err
    with SqliteStore(db) as store:
        assert [(a.id, a.sentences) for a in store.articles()] == first
        assert len(first) == 6 and all(n > 5 for _, n in first)
    code, out, _ = run("articles", "--db", str(db))
    assert code == 0 and "sample-03" in out


def test_store_commands_work_on_a_postgresql_database(postgres_url: str) -> None:
    code, _, err = run("ingest", "--samples", "--db", postgres_url)
    assert code == 0 and "6 new or changed" in err
    code, out, _ = run("events", "--db", postgres_url, "--type", "ASSAULT", "--format", "json")
    assert code == 0 and json.loads(out) and all(e["type"] == "ASSAULT" for e in json.loads(out))
    code, _, err = run("ingest", "--samples", "--db", postgres_url)
    assert code == 0 and "0 new or changed" in err


def test_printed_database_urls_hide_their_password() -> None:
    from rasd.store import shown

    assert shown("postgresql://ana:s3cret@db.example:5432/rasd") == "postgresql://ana:***@db.example:5432/rasd"
    assert shown("/var/lib/rasd.sqlite") == "/var/lib/rasd.sqlite"
