from __future__ import annotations

import socket
from pathlib import Path

import pytest

from rasd.extract import Extractor
from rasd.ingest import Problem, read_inputs
from rasd.store import open_store
from tests.conftest import SAMPLES

KEY = "test-key-5e1f"


def store_of_samples(path: Path) -> str:
    """A SQLite store at ``path`` holding the shipped sample articles."""
    extractor = Extractor()
    with open_store(path) as store:
        for item in read_inputs([str(SAMPLES)]):
            assert not isinstance(item, Problem)
            store.save(extractor.extract(item))
    return str(path)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def samples_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return store_of_samples(tmp_path_factory.mktemp("api") / "samples.sqlite")


def copy_of(path: str, tmp_path: Path) -> str:
    """A private copy of a store, for a test that writes."""
    import sqlite3

    target = tmp_path / "copy.sqlite"
    with sqlite3.connect(path) as source, sqlite3.connect(target) as copy:
        source.backup(copy)
    return str(target)
