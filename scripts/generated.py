"""Write generated files, or with ``--check`` report whether the committed ones are stale.

Every build script renders its outputs in memory and hands them here, so CI can verify that
the committed data still matches what its sources produce."""

from __future__ import annotations

from pathlib import Path


def write_or_check(outputs: dict[Path, str], argv: list[str], script: str) -> int:
    if "--check" in argv:
        stale = [path for path, text in outputs.items()
                 if not path.exists() or path.read_text(encoding="utf-8") != text]
        print("up to date" if not stale else f"stale: {', '.join(map(str, stale))}: run scripts/{script}")
        return 1 if stale else 0
    for path, text in outputs.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path} ({text.count(chr(10)) - 1} rows)")
    return 0
