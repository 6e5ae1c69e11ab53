from __future__ import annotations

from pathlib import Path

import pytest

from rasd.extract import Extractor
from rasd.ingest import Problem, read_inputs
from rasd.store import open_store
from tests.conftest import SAMPLES

KEY = "test-key-5e1f"


@pytest.fixture(scope="session")
def samples_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite store holding the shipped sample articles."""
    path = str(tmp_path_factory.mktemp("api") / "samples.sqlite")
    extractor = Extractor()
    with open_store(path) as store:
        for item in read_inputs([str(SAMPLES)]):
            assert not isinstance(item, Problem)
            store.save(extractor.extract(item))
    return path


def copy_of(path: str, tmp_path: Path) -> str:
    """A private copy of a store, for a test that writes."""
    import sqlite3

    target = tmp_path / "copy.sqlite"
    with sqlite3.connect(path) as source, sqlite3.connect(target) as copy:
        source.backup(copy)
    return str(target)
