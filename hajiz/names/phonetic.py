"""Phonetic keys and consonant skeletons for Arabic-origin names.

English keys (Soundex, Metaphone) know nothing of how Arabic sounds are spelled in Latin script:
they keep "kh" apart from "h", split "q" from "k", and lose the vowel that tells Hassan from
Hussein. The two keys here are built for the spellings that Arabic names actually get in
English, French, German, Turkish, Persian/Urdu and Russian-derived transliteration.

`skeleton(word)` works on BOTH scripts: a vowel-free string of consonant classes, so that
محمد, muhammad, mohamed and mehmet all give "mhmd", and بغدادي, baghdadi give "bkdd".
Arabic script writes no short vowels, so a cross-script key can only compare consonants:

- vowel-like, dropped: Latin a e i o u y w and Arabic ا و ي ى ع ء. Long vowels and the glides
  w/y are written as و/ي in Arabic but as vowels (ou, ee, ai) in Latin; ayn and hamza are
  usually unwritten in Latin (Saad, Ali).
- b: ب پ b p (Arabic has no p and writes it ب: Pervez = برويز).
- t: ت ط ث t th (Tahir, Uthman; European th is t too).
- d: د ض ذ d dh (Ramadan, Dhakir); and a word-final t becomes d in both scripts: Turkish
  devoices the final letter (Mehmet = محمد, Ahmet, Hamit).
- z: ز ظ z (Zahir/Dhahir); s: س ص ش ث-in-Turkish? no: س ص ش چ s sh ch sch c(e,i): one class
  for the sibilants, because Turkish ş folds to s and French writes ش as ch (Chérif = شريف).
- k: ق ك غ گ k q g gh c ck: Gulf and Egyptian speech make ق a g (Gaddafi/Qaddafi/Kadhafi),
  غ is written g or gh (Ghazi/Gazi), and European g is written غ in Arabic (Hugo = هوغو).
- j: ج ژ j dj dsch zh, and g before e/i (Georges = جورج, Egyptian Gihad = جهاد).
- h: ح ه خ h kh: kh/h alternate (Khalid/Halit); a final h is dropped in both scripts (the
  ta marbuta of Fatimah, the ha of Abdullah, the ha of Saleh = صالح).
- f: ف ڤ f ph v (European v is written ف in Arabic: Victor = فيكتور).
- l m n r: themselves. x is k+s.
Doubled letters collapse (Hassan = حسن, Awwad = عواد).

`phonetic_key(word)` compares two Latin spellings more finely: the same consonant equivalences
with the main Arabic ambiguities resolved (kh/h, q/k/g/gh, j/dj, sh/ch/sch, ph/f, dh/z, th/t,
v/w), doubles collapsed, a French silent final e dropped, an assimilated article (ul-r/ur-r)
simplified, and vowels reduced to what still tells names apart:

- the first vowel keeps its quality as one of a (a), i (i, e, y, ee, ie, ei, ey) or
  u (u, o, ou, oo, ow, w): Hassan/Hussein, Omar/Umar, Mahmoud/Muhammad;
- a vowel sequence becomes the list of its distinct classes: Said/Saeed/Sayed give "ai",
  while Saad gives "a";
- later vowels inside the word become one mark ("."), because e is written for both a and i
  there (Ahmed/Ahmad, Khaled/Khalid, Youssef/Yusuf);
- the last vowel keeps its class again: Ali/Aly vs Alia/Aliya, Fatima/Fatimah/Fatmeh.
An initial w/y/v is a consonant (Walid, Yusuf, Vahid = Wahid); elsewhere w and y are vowels.
"""

from __future__ import annotations

import re
from functools import lru_cache

from hajiz.names.normalize import normalize_word

_ARABIC_CLASSES = str.maketrans(
    {
        "ا": ".", "و": ".", "ي": ".", "ى": ".", "ع": ".", "ء": ".", "ئ": ".", "ؤ": ".",
        "ب": "b", "پ": "b", "ت": "t", "ط": "t", "ث": "t", "ج": "j", "ژ": "j", "چ": "s",
        "ح": "h", "خ": "h", "ه": "h", "د": "d", "ض": "d", "ذ": "d", "ظ": "z", "ر": "r",
        "ز": "z", "س": "s", "ص": "s", "ش": "s", "غ": "k", "ق": "k", "ك": "k", "گ": "k",
        "ف": "f", "ڤ": "f", "ل": "l", "م": "m", "ن": "n",
    }
)  # fmt: skip

# Latin digraphs first (longest first), then single letters. Upper case marks a finished class.
_LATIN_DIGRAPHS = (
    ("tsch", "S"), ("dsch", "J"), ("sch", "S"), ("tch", "S"), ("sh", "S"), ("ch", "S"),
    ("cz", "S"), ("cs", "S"), ("sz", "S"), ("kh", "H"), ("gh", "K"), ("th", "T"), ("dh", "D"), ("dj", "J"), ("ph", "F"),
    ("ck", "K"), ("ge", "Je"), ("gi", "Ji"), ("ce", "Se"), ("ci", "Si"), ("cy", "Sy"),
)  # fmt: skip
_LATIN_CLASSES = str.maketrans(
    {
        "a": ".", "e": ".", "i": ".", "o": ".", "u": ".", "y": ".", "w": ".",
        "b": "b", "p": "b", "t": "t", "d": "d", "z": "z", "s": "s", "c": "k", "k": "k",
        "q": "k", "g": "k", "j": "j", "h": "h", "f": "f", "v": "f", "l": "l", "m": "m",
        "n": "n", "r": "r", "x": "ks",
        "S": "s", "J": "j", "H": "h", "K": "k", "T": "t", "D": "d", "F": "f",
    }
)  # fmt: skip
# Word-final devoicing (Turkish Mehmet = محمد) and the English plural -s written ز (Adams = آدامز).
_FINAL_FOLD = {"t": "d", "z": "s"}
_DOUBLES = re.compile(r"([a-z])\1+")
_ARABIC_LETTER = re.compile("[\u0600-\u06ff]")


def _finish_skeleton(classes: str) -> str:
    """Collapse doubles (adjacent, no vowel between), drop vowels, fold the final h, t and z."""
    classes = _DOUBLES.sub(r"\1", classes).replace(".", "")
    if classes.endswith("h"):
        classes = classes[:-1]
    last = classes[-1:]
    if last in _FINAL_FOLD:
        classes = classes[:-1] + _FINAL_FOLD[last]
    return classes


@lru_cache(maxsize=262144)
def skeleton(word: str) -> str:
    """The consonant-class skeleton of one word in Arabic or Latin script ("" if none)."""
    word = normalize_word(word)
    if _ARABIC_LETTER.search(word):
        # تش is how Arabic writes the sound "ch" (Charles = تشارلز): one sibilant, like Latin ch.
        return _finish_skeleton(word.replace("تش", "ش").translate(_ARABIC_CLASSES))
    for digraph, cls in _LATIN_DIGRAPHS:
        if digraph in word:
            word = word.replace(digraph, cls)
    return _finish_skeleton(word.translate(_LATIN_CLASSES))


# Consonant spellings for the phonetic key: each Arabic letter's common Latin renderings meet.
_KEY_DIGRAPHS = (
    ("tsch", "S"), ("dsch", "j"), ("sch", "S"), ("tch", "S"), ("sh", "S"), ("ch", "S"),
    ("kh", "h"), ("gh", "k"), ("th", "t"), ("dh", "z"), ("dj", "j"), ("ph", "f"), ("ck", "k"),
    ("ce", "se"), ("ci", "si"), ("cy", "sy"), ("x", "ks"), ("q", "k"), ("g", "k"), ("c", "k"),
    ("v", "w"), ("p", "b"),
)  # fmt: skip
_KEY_DOUBLES = re.compile(r"([a-zS])\1+")
# Before a sun letter the article's l is assimilated: Abdulrahman = Abdurrahman, Nasruddin.
_SUN_L = re.compile(r"(?<=[aeiou])l(?=[tdzsSrn])")
# A glide: w/u/o or y/i after a consonant (or first) and before a vowel (Marwan, Redouane, Ilyas).
_GLIDE_W = re.compile(r"(?:(?<=[^aeiouwy])|^)(?:ouw|[uo]w|ou|[uow])(?=[aei])|^w(?=[aeiou])")
_GLIDE_Y = re.compile(r"(?:(?<=[^aeiouwy])|^)(?:iy|[iy])(?=[aou])|^y(?=[aeiou])")
_VOWEL_RUN = re.compile(r"[aeiou]+")
_RUN_CLASSES = str.maketrans({"o": "u"})

MIDDLE = "."
FINAL_TD = False


@lru_cache(maxsize=4096)
def _vowel_class(run: str) -> str:
    """One vowel sequence as its quality: a, i, u, or a diphthong reduced to its second vowel."""
    run = run.translate(_RUN_CLASSES)
    run = "a" if run == "e" else run.replace("e", "i")
    run = _KEY_DOUBLES.sub(r"\1", run)
    if len(run) > 1 and run[0] == "a" and run[1] in "iu":
        run = run[1:]
    return run


@lru_cache(maxsize=262144)
def phonetic_key(word: str) -> str:
    """A phonetic key of one Latin word, built for Arabic-origin names ("" if not Latin)."""
    word = normalize_word(word)
    if not word.isascii() or not word.isalpha():
        word = "".join(ch for ch in word if "a" <= ch <= "z")
        if not word:
            return ""
    for digraph, repl in _KEY_DIGRAPHS:
        if digraph in word:
            word = word.replace(digraph, repl)
    if len(word) > 3:
        if word.endswith("eh"):
            word = word[:-2] + "a"
        elif (word.endswith("h") and word[-2] in "aiou") or (
            word[-1] == "e" and word[-2] not in "aeiouwy"
        ):
            word = word[:-1]
    word = _SUN_L.sub("", word)
    word = _KEY_DOUBLES.sub(r"\1", word)
    word = _GLIDE_W.sub("W", word)
    word = _GLIDE_Y.sub("Y", word)
    word = word.replace("w", "u").replace("y", "i")
    runs = _VOWEL_RUN.findall(word)
    if not runs:
        return word
    parts = _VOWEL_RUN.split(word)
    out = [parts[0]]
    last = len(runs) - 1
    for i, run in enumerate(runs):
        tail = parts[i + 1]
        if i == 0 or (i == last and not tail):
            out.append(_vowel_class(run))
        else:
            out.append(MIDDLE)
        out.append(tail)
    key = "".join(out)
    if FINAL_TD and key.endswith("t"):
        key = key[:-1] + "d"
    return key
