"""Quality floors on the shared gold articles, scored by the shared referee.

Floors only go up: a change that lowers one fails CI.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from rasd.cli import main
from rasd.evaluate import evaluate_dirs
from tests.conftest import GOLD, ROOT, SEED, SHARED

FLOORS = {"published": 1.0, "date": 0.95, "location": 0.78, "fatalities": 0.85, "injuries": 0.95}
SCORE_FLOORS = {("entities", "f1"): 0.85, ("entities", "p"): 0.95, ("events", "f1"): 0.80,
                ("assault", "f1"): 0.85, ("source_actors", "f1"): 0.74, ("target_actors", "f1"): 0.71}


def test_quality_floors_on_shared_gold(tmp_path: Path) -> None:
    if not SEED.exists():
        pytest.skip("../shared is not beside this checkout")
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(SEED, inputs / "seed-000.txt")
    for path in (SHARED / "corpus" / "dev").glob("*.json"):
        shutil.copy(path, inputs / path.name)
    result = CliRunner().invoke(main, ["extract", str(inputs), "--out", str(tmp_path / "pred")])
    assert result.exit_code == 0, result.stderr
    scored = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(GOLD), str(tmp_path / "pred")],
                            capture_output=True, text=True, check=True)
    report, _ = json.JSONDecoder().raw_decode(scored.stdout)
    assert report["articles"] == 25 and report["unreadable_predictions"] == []
    attributes = report["attributes_of_matched_events"]
    for name, floor in FLOORS.items():
        assert attributes[name] >= floor, (name, attributes[name])
    for (block, measure), floor in SCORE_FLOORS.items():
        assert report[block][measure] >= floor, (block, measure, report[block][measure])
    # `rasd evaluate` gives users the referee's figures on their own gold
    ours = evaluate_dirs(GOLD, tmp_path / "pred").as_dict()
    for block in ("events", "assault", "source_actors", "target_actors", "entities"):
        assert ours[block] == report[block], block
    assert ours["attributes_of_matched_events"] == report["attributes_of_matched_events"]


def test_the_quality_page_is_current() -> None:
    if not SEED.exists():
        pytest.skip("../shared is not beside this checkout")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "quality_report.py"), "--check"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
