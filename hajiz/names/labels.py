"""Name parts' labels as an officer reads them, in the part's own script."""

from __future__ import annotations

import re

# The matcher labels an Arabic part with Latin particles around its Arabic core ("abu بكر",
# "al-بغدادي"): shown as such, a right-to-left line would read "بكر abu". For display the
# particles are written back in Arabic, so the part reads as one Arabic word group.
_ARABIC_PARTICLES = {
    "abu": "أبو",
    "umm": "أم",
    "bin": "بن",
    "bint": "بنت",
    "ibn": "ابن",
    "abd": "عبد",
    "din": "الدين",
    "allah": "الله",
}
_ARTICLE = re.compile(r"^al-(.+)$")
_ARABIC_LETTER = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


def has_arabic(text: str) -> bool:
    """Whether the text holds an Arabic-script letter."""
    return _ARABIC_LETTER.search(text) is not None


def arabic_label(label: str) -> str:
    """A part's label in Arabic script alone when its core is Arabic; otherwise unchanged."""
    if not has_arabic(label):
        return label
    words = []
    for word in label.split():
        article = _ARTICLE.match(word)
        if article and has_arabic(article.group(1)):
            words.append("ال" + article.group(1))
        elif word in _ARABIC_PARTICLES:
            words.append(_ARABIC_PARTICLES[word])
        elif word == "al-din":
            words.append("الدين")
        elif has_arabic(word):
            words.append(word)
        else:
            return label  # a Latin word we do not know: show the matcher's label as it is
    return " ".join(words)
