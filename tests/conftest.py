from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_87069b9d0aef7d6c.txt"
DEV = SHARED / "corpus" / "dev"
GOLD = SHARED / "corpus" / "gold"
SAMPLES = ROOT / "rasd" / "samples"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared evaluation material beside the checkout; tests that need it skip without it."""
    if not SEED.exists():
        pytest.skip("../shared is not beside this checkout")
    return SHARED


def _postgres_bin() -> Path | None:
    """The folder of PostgreSQL's server programs (``initdb``, ``pg_ctl``), if installed."""
    import shutil

    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parent.parent.name))
    return versions[-1].parent if versions else None


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A real PostgreSQL server for this test run, in a temporary folder, on a Unix socket.

    ``make test`` installs PostgreSQL where it is missing; on CI a missing server is a failure,
    elsewhere the PostgreSQL tests skip."""
    import os
    import shutil
    import subprocess
    import tempfile

    bin_dir = _postgres_bin()
    if bin_dir is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL's server programs are not installed (make test installs them)")
        pytest.skip("PostgreSQL's server programs are not installed")
    home = Path(tempfile.mkdtemp(prefix="rasd-pg-"))
    # the server refuses to run as root: then it runs as the system's postgres user
    as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if as_user:
        shutil.chown(home, "postgres")
    data = home / "data"
    subprocess.run([*as_user, str(bin_dir / "initdb"), "-D", str(data), "-U", "rasd", "--auth=trust",
                    "--encoding=UTF8", "--locale=C"], check=True, capture_output=True)
    port = "54329"
    options = f"-k {home} -p {port} -c listen_addresses='' -c fsync=off"
    subprocess.run([*as_user, str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(home / "log"),
                    "-w", "start"], check=True, capture_output=True)
    try:
        yield f"postgresql://rasd@/postgres?host={home}&port={port}"
    finally:
        subprocess.run([*as_user, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       check=False, capture_output=True)
        shutil.rmtree(home, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server: str, request: pytest.FixtureRequest) -> str:
    """A new, empty database on the test server for one test."""
    import re

    import psycopg

    name = "t_" + re.sub(r"\W", "_", request.node.name)[:50].lower()
    with psycopg.connect(postgres_server, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    return postgres_server.replace("/postgres?", f"/{name}?")


@pytest.fixture(params=["sqlite", "postgres"])
def store_target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a test's store lives: a new SQLite file, or a new database on the PostgreSQL test server."""
    return str(tmp_path / "s.sqlite") if request.param == "sqlite" else str(request.getfixturevalue("postgres_url"))
