"""Build rasd/lang/ar/common_words.tsv: the most frequent Arabic word forms, from wordfreq.

Name patterns («محافظة X», «العميد X») use it to tell a name from an ordinary word: a word
this frequent is taken for a name only when the knowledge base knows it as one.

Run: python scripts/build_common_words.py [--check]
"""

from __future__ import annotations

import sys
from pathlib import Path

from rasd.text.normalize import fold

OUT = Path(__file__).resolve().parent.parent / "rasd" / "lang" / "ar" / "common_words.tsv"
TOP = 30_000


def render() -> str:
    from wordfreq import top_n_list, zipf_frequency

    seen: set[str] = set()
    lines = ["word\tzipf\tsource"]
    for word in top_n_list("ar", TOP):
        key = fold(word)
        if not key or key in seen or not any("\u0621" <= c <= "\u064a" for c in key):
            continue
        seen.add(key)
        lines.append(f"{key}\t{zipf_frequency(word, 'ar'):.2f}\twordfreq top {TOP}")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{OUT} is stale: run scripts/build_common_words.py")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({text.count(chr(10)) - 1} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
