"""Build rasd/lang/ar/common_words.tsv: the most frequent Arabic word forms, from wordfreq.

Name patterns («محافظة X», «العميد X») use it to tell a name from an ordinary word: a word
this frequent is taken for a name only when the knowledge base knows it as one.

Run: python scripts/build_common_words.py [--check]
"""

from __future__ import annotations

import sys
from pathlib import Path

from generated import write_or_check

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
    return write_or_check({OUT: render()}, argv, "build_common_words.py")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
