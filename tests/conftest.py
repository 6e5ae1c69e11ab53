from __future__ import annotations

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
