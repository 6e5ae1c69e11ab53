"""Crash safety: `kill -9` during `rasd ingest` loses no committed article, and a rerun resumes."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ARTICLES = 200


def _write_articles(path: Path) -> None:
    lines = []
    for number in range(ARTICLES):
        text = (f"قتل {number % 9 + 2} جنود في هجوم بقذائف الهاون على موقع للجيش في مدينة تعز يوم "
                f"{number % 27 + 1} أيار/مايو. وأصيب {number % 5 + 1} آخرون في الهجوم الذي وقع قرب المطار.")
        lines.append(json.dumps({"id": f"a{number:04d}", "published": "2022-05-30", "text": text * 3},
                                ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _stored(db: Path) -> int:
    with sqlite3.connect(db) as connection:
        try:
            return int(connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
        except sqlite3.OperationalError:
            return 0  # the file exists, its first migration not yet committed


def test_kill_during_ingest_keeps_what_was_committed_and_the_rerun_resumes(tmp_path: Path) -> None:
    source, db = tmp_path / "in.jsonl", tmp_path / "rasd.sqlite"
    _write_articles(source)
    command = [sys.executable, "-m", "rasd", "ingest", str(source), "--db", str(db)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not db.exists() or _stored(db) < 20):
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        kept = _stored(db)
        # every stored article has its extraction and its events: a transaction is all or nothing
        assert connection.execute("SELECT COUNT(*) FROM articles a WHERE NOT EXISTS "
                                  "(SELECT 1 FROM extractions e WHERE e.article_id = a.id)").fetchone()[0] == 0
    assert 20 <= kept < ARTICLES
    rerun = subprocess.run(command, capture_output=True, text=True, check=True)
    assert f"{ARTICLES} article(s) processed, {ARTICLES - kept} new or changed" in rerun.stderr
    assert _stored(db) == ARTICLES
