"""The name field of a passport's machine-readable zone (ICAO Doc 9303, TD3 line 1).

Rules applied (Doc 9303 Part 3 and the examples of Part 4/7, section 4.2.3):
- only A-Z and the filler `<`; apostrophes are omitted (O'CONNOR -> OCONNOR); spaces, hyphens and
  other punctuation become one filler (SMITH-JONES -> SMITH<JONES); national characters are
  transliterated (recommended table: Ä -> AE, Ø -> OE, ß -> SS, Þ -> TH, ...), other accents
  dropped;
- primary identifier, then `<<`, then the secondary identifier's components separated by `<`;
  no secondary identifier means the primary alone;
- the field is 39 characters (positions 6-44), padded with fillers;
- a name that does not fit is truncated: the secondary identifier is cut at the field's end
  (NILAVADHANANANDA<<CHAYAPA<DEJTHAMRONG<K); if the primary identifier leaves no room for a
  secondary one, its last components are first reduced to initials
  (BENNELONG<WOOLOOMOOLOO<WARRANDYTE<W<<DI). Doc 9303 leaves the truncation method to the
  issuing State; these are two of its documented methods.
"""

from __future__ import annotations

import re
import unicodedata

FIELD_LENGTH = 39
FILLER = "<"

# Doc 9303 Part 3, section 6: recommended transliterations of Latin national characters.
_ICAO_LATIN = {
    "Ä": "AE",
    "Å": "AA",
    "Æ": "AE",
    "Ĳ": "IJ",
    "Ö": "OE",
    "Ø": "OE",
    "Œ": "OE",
    "Ü": "UE",
    "ß": "SS",
    "Þ": "TH",
    "Ð": "D",
    "Đ": "D",
    "Ł": "L",
    "Ħ": "H",
}
_APOSTROPHES = "'`´‘’ʼʻʹ"
_NOT_LETTER = re.compile(r"[^A-Z]+")
# Words that open a compound name with the word after them (Abdul Qadir, Abu Bakr, Umm
# Kulthum): a surname may be such a compound, however its abd is spelt.
COMPOUND_OPENERS = frozenset(
    {"abd", "abdul", "abdel", "abdal", "abdol", "abdur", "abdus", "abu", "abou", "umm"}
)
_PARTICLES = frozenset(
    {"AL", "EL", "BIN", "IBN", "BEN", "BINT", "OULD", "AG", "ABDOUL"}
    | {word.upper() for word in COMPOUND_OPENERS}
)


def mrz_component(text: str) -> str:
    """One identifier in MRZ characters: capitals, fillers between words, no punctuation."""
    text = "".join(ch for ch in text if ch not in _APOSTROPHES).upper()
    text = "".join(_ICAO_LATIN.get(ch, ch) for ch in text)
    decomposed = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NOT_LETTER.sub(FILLER, text).strip(FILLER)


def _shorten_primary(primary: str, room: int) -> str:
    """Reduce the primary identifier's last components to initials until it fits in `room`."""
    parts = primary.split(FILLER)
    index = len(parts) - 1
    while len(FILLER.join(parts)) > room and index > 0:
        parts[index] = parts[index][:1]
        index -= 1
    return FILLER.join(parts)[:room].rstrip(FILLER)


def mrz_name_field(primary: str, secondary: str = "", length: int = FIELD_LENGTH) -> str:
    """The padded MRZ name field for a primary and a secondary identifier."""
    first = mrz_component(primary)
    second = mrz_component(secondary)
    if not first:
        first, second = second, ""
    if second and len(first) + 2 + 1 > length:
        # Keep the separator and at least two letters of the secondary identifier.
        first = _shorten_primary(first, length - 4)
    elif not second and len(first) > length:
        first = _shorten_primary(first, length)
    name = f"{first}{FILLER * 2}{second}" if second else first
    if len(name) > length:
        # A cut that lands on a separator drops it: the field never ends inside a gap.
        name = name[:length].rstrip(FILLER)
    return name.ljust(length, FILLER)


def split_identifiers(full: str) -> tuple[str, str]:
    """Split a listed name into (primary, secondary) identifiers.

    `SURNAME, Given Names` (OFAC style) splits at the comma. A name in natural order takes its
    last word as the primary identifier, with the particles before it (al, bin, abu, abd ...)
    kept: Abdul Qadir and Abd al-Rahman are one surname, not half of one.
    """
    if "," in full:
        primary, secondary = full.split(",", 1)
        return primary.strip(), secondary.strip()
    words = full.split()
    if len(words) <= 1:
        return full.strip(), ""
    start = len(words) - 1
    while start >= 2 and mrz_component(words[start - 1]) in _PARTICLES:
        start -= 1
    return " ".join(words[start:]), " ".join(words[:start])


def mrz_name(full: str) -> str:
    """The MRZ name field of a listed name (see `split_identifiers`)."""
    primary, secondary = split_identifiers(full)
    return mrz_name_field(primary, secondary)
