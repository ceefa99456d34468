"""Undo the ICAO Doc 9303 transliteration of Arabic names (Part 3, section 6, Arabic table).

Doc 9303 recommends writing an Arabic name in the machine-readable zone letter by letter, so
that it can be read back: one Latin letter for most Arabic letters, and an X-digraph for the rest
(ح XH, خ XKH, ش XSH, ص XSS, ة XAH ...). A carrier that copies the MRZ into the manifest sends such
a name (MXHMD for محمد). Read back into Arabic script, the name can be matched like any other.

A name is taken for a Doc 9303 transliteration only when it holds at least one X-digraph and
reads back completely (no O, P, U, V or C, which the table never produces).
"""

from __future__ import annotations

import re

# Doc 9303's X-digraphs, longest first so that XKH is not read as XK + H.
_DIGRAPHS = {
    "XAA": "آ",  # alef with madda above
    "XAE": "أ",  # alef with hamza above
    "XAH": "ة",  # teh marbuta at the end of a name component
    "XTA": "ة",  # teh marbuta elsewhere
    "XAY": "ى",  # alef maksura
    "XTH": "ث",
    "XKH": "خ",
    "XDH": "ذ",
    "XSH": "ش",
    "XSS": "ص",
    "XDZ": "ض",
    "XTT": "ط",
    "XZZ": "ظ",
    "XE": "ء",  # hamza
    "XW": "ؤ",  # waw with hamza above
    "XI": "ئ",  # yeh with hamza above
    "XH": "ح",
}
_LETTERS = {
    "A": "ا",
    "I": "إ",  # alef with hamza below
    "B": "ب",
    "T": "ت",
    "J": "ج",
    "D": "د",
    "R": "ر",
    "Z": "ز",
    "S": "س",
    "E": "ع",
    "G": "غ",
    "F": "ف",
    "Q": "ق",
    "K": "ك",
    "L": "ل",
    "M": "م",
    "N": "ن",
    "H": "ه",
    "W": "و",
    "Y": "ي",
}
# Writing Arabic the Doc 9303 way: the tables reversed (teh marbuta handled apart), plus the
# letters the tables fold together. Short vowel marks and tatweel are not written.
_TO_LATIN = {arabic: latin for latin, arabic in {**_LETTERS, **_DIGRAPHS}.items()}
_TO_LATIN["ة"] = "XTA"
_TO_LATIN["ٱ"] = "A"  # alef wasla
_SILENT = set("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640")
_TOKEN = re.compile("|".join(sorted(_DIGRAPHS, key=len, reverse=True)) + "|[A-Z]")
_WORD = re.compile(r"[A-Z]+")


def _word_to_arabic(word: str) -> str | None:
    letters: list[str] = []
    for token in _TOKEN.findall(word):
        arabic = _DIGRAPHS.get(token) or _LETTERS.get(token)
        if arabic is None:
            return None  # a letter the table never writes: not a Doc 9303 transliteration
        letters.append(arabic)
    return "".join(letters)


def has_digraph(text: str) -> bool:
    """Whether the text holds one of Doc 9303's X-digraphs for Arabic letters."""
    return any(token in _DIGRAPHS for word in _WORD.findall(text.upper()) for token in
               _TOKEN.findall(word))  # fmt: skip


def to_arabic(name: str) -> str | None:
    """The Arabic-script name a Doc 9303 transliteration stands for, or None if it is not one."""
    words = re.split(r"[\s<\-]+", name.strip().upper())
    words = [w for w in words if w]
    if not words or not all(_WORD.fullmatch(w) for w in words) or not has_digraph(name):
        return None
    arabic = [_word_to_arabic(w) for w in words]
    if any(a is None for a in arabic):
        return None
    return " ".join(a for a in arabic if a)


def from_arabic(name: str) -> str | None:
    """The Doc 9303 transliteration of an Arabic-script name, or None for a letter it lacks."""
    words = []
    for word in name.split():
        letters = [ch for ch in word if ch not in _SILENT]
        latin = []
        for index, ch in enumerate(letters):
            if ch == "ة":
                latin.append("XAH" if index == len(letters) - 1 else "XTA")
                continue
            code = _TO_LATIN.get(ch)
            if code is None:
                return None
            latin.append(code)
        if latin:
            words.append("".join(latin))
    return " ".join(words) or None
