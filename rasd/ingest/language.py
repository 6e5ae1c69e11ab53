"""Offline language identification: is this article Arabic?

Counting scripts settles most articles at once. Where Arabic script carries letters that
Arabic itself does not use (Persian, Urdu, Kurdish, Pashto), or where scripts are mixed,
py3langid's model (shipped inside the package, no download) decides.
"""

from __future__ import annotations

import re

_ARABIC_SCRIPT = re.compile(r"[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f\u08a0-\u08ff]+")
# Letters of Persian, Urdu, Kurdish and Pashto that Arabic does not use.
_NON_ARABIC_LETTERS = re.compile(
    r"[\u067e\u0686\u0698\u06a9\u06af\u06cc\u06ba\u06be\u06c1\u06d2\u0695\u06b5"
    r"\u06ce\u06c6\u067c\u0681\u0685\u0689\u0693\u0696\u069a\u06ab\u06bc\u06d0]"
)
_NON_LETTERS = re.compile(r"[\W\d_]+")
# Arabic and its dialects as the model names them.
ARABIC_CODES = frozenset({"ar", "arz", "ary", "arq", "acm", "apc", "ajp", "aeb", "afb"})
SCRIPT_SAMPLE = 1000  # characters counted for the script test
MODEL_SAMPLE = 2000  # characters the model reads when scripts do not settle it


def _classify(text: str) -> str:
    """The model's language code; the model loads on first use, from the installed package."""
    import py3langid

    code, _ = py3langid.classify(text)
    return str(code)


def identify(text: str) -> str | None:
    """ISO 639-1 (or -3) code of the text's language; None when it has no letters."""
    # runs of letters, then of Arabic letters, removed in one regex pass each: fast counting
    letters = _NON_LETTERS.sub("", text[:SCRIPT_SAMPLE])
    if not letters:
        if not _NON_LETTERS.sub("", text[:MODEL_SAMPLE]):
            return None
        letters = _NON_LETTERS.sub("", text[:MODEL_SAMPLE])
    arabic = len(letters) - len(_ARABIC_SCRIPT.sub("", letters))
    foreign = len(_NON_ARABIC_LETTERS.findall(letters))
    # keyboards slip in a stray Persian yeh or keheh; real Persian uses them all the time
    if arabic >= len(letters) * 0.8 and foreign <= arabic * 0.01:
        return "ar"
    code = _classify(text[:MODEL_SAMPLE])
    return "ar" if code in ARABIC_CODES else code


def is_arabic(text: str) -> bool:
    return identify(text) == "ar"
