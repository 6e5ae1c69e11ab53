"""Build rasd/lang/ar/normalization.tsv from the Unicode character database.

Which characters are dropped, folded or turned into ASCII digits is derived here from
`unicodedata`, plus the short list of letter folds Arabic matching needs. The table is
committed; tests/text/test_data_tables.py rebuilds it and compares.

Run: python scripts/build_normalization.py [--check]
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

from generated import write_or_check

OUT = Path(__file__).resolve().parent.parent / "rasd" / "lang" / "ar" / "normalization.tsv"

# Blocks whose non-spacing marks are Arabic diacritics (harakat, Quranic annotation signs).
ARABIC_BLOCKS = [(0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF)]
TATWEEL = 0x0640
# Invisible format characters that real articles carry (bidi embeddings, zero-width joiners,
# soft hyphens, byte-order marks): they never change meaning for matching.
FORMAT_RANGES = [(0x00AD, 0x00AD), (0x061C, 0x061C), (0x200B, 0x200F), (0x202A, 0x202E),
                 (0x2060, 0x2064), (0x2066, 0x2069), (0xFEFF, 0xFEFF)]
# Letter folds used only in the matching key: hamza carriers and alef variants to bare
# alef, alef maqsura to ya, ta marbuta to ha, Persian keheh/yeh to their Arabic letters.
LETTER_FOLDS = {
    0x0623: 0x0627, 0x0625: 0x0627, 0x0622: 0x0627, 0x0671: 0x0627, 0x0672: 0x0627, 0x0673: 0x0627,
    0x0649: 0x064A, 0x06CC: 0x064A, 0x0626: 0x064A, 0x06D2: 0x064A,
    0x0629: 0x0647, 0x06C0: 0x0647, 0x06C1: 0x0647,
    0x0624: 0x0648,
    0x06A9: 0x0643, 0x06AA: 0x0643,
}
# Arabic number punctuation to its ASCII twin, so that "٣٫٥" reads as 3.5.
PUNCT = {0x066B: ord("."), 0x066C: ord(","), 0x066A: ord("%"), 0x060C: 0x060C}


def rows() -> list[tuple[str, str, str, str, str]]:
    out: list[tuple[str, str, str, str, str]] = []
    for lo, hi in ARABIC_BLOCKS:
        for cp in range(lo, hi + 1):
            ch = chr(cp)
            if unicodedata.category(ch) == "Mn":
                out.append((f"U+{cp:04X}", unicodedata.name(ch, "?"), "delete", "", "unicodedata:Mn"))
            elif unicodedata.category(ch) == "Nd":
                digit = str(unicodedata.digit(ch))
                out.append((f"U+{cp:04X}", unicodedata.name(ch), "digit", digit, "unicodedata:Nd"))
    out.append((f"U+{TATWEEL:04X}", unicodedata.name(chr(TATWEEL)), "delete", "", "curated:tatweel"))
    for lo, hi in FORMAT_RANGES:
        for cp in range(lo, hi + 1):
            out.append((f"U+{cp:04X}", unicodedata.name(chr(cp), "?"), "delete", "", "unicodedata:Cf"))
    for src, dst in sorted(LETTER_FOLDS.items()):
        out.append((f"U+{src:04X}", unicodedata.name(chr(src)), "fold", f"U+{dst:04X}", "curated:letter-fold"))
    for src, dst in sorted(PUNCT.items()):
        if src != dst:
            out.append((f"U+{src:04X}", unicodedata.name(chr(src)), "punct", f"U+{dst:04X}", "curated:number-punct"))
    out.sort(key=lambda r: (r[2], r[0]))
    return out


def render() -> str:
    lines = ["code\tname\taction\treplacement\tsource"]
    lines += ["\t".join(r) for r in rows()]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    return write_or_check({OUT: render()}, argv, "build_normalization.py")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
