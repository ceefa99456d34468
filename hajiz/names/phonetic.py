"""Phonetic keys and consonant skeletons for Arabic-origin names.

English keys (Soundex, Metaphone) know nothing of how Arabic sounds are spelled in Latin script:
they keep "kh" apart from "h" and "q" apart from "k", and they drop the vowel that tells Hassan
from Hussein. The two keys here are built for the spellings Arabic names actually get in
English, French, German, Turkish, Persian/Urdu and Russian-derived transliteration. The classes
were checked on the training pairs (how often a pair's two sides get the same key, how often
two different names do); scripts/eval_part_equivalence.py measures them on held-out data.

`skeleton(word)` works on BOTH scripts: a vowel-free string of consonant classes, so that
محمد, muhammad, mohamed and mehmet all give "mhmd", بغدادي and baghdadi give "bkdd", and
عواد and awwad give "d". Arabic script leaves short vowels unwritten, so a cross-script key
can only compare consonants:

- vowel-like, dropped: Latin a e i o u y w; Arabic ا و ي ى ع ء. Long vowels and the glides w/y
  are written و/ي in Arabic but ou, ee, ai... in Latin; ayn and hamza are mostly unwritten
  in Latin (Saad, Ali).
- h: ح ه خ and h, kh. kh and h alternate (Khalid, Turkish Halit). A final h is dropped in both
  scripts: the ta marbuta (Fatimah = فاطمة), the h of Abdullah, the ح of Saleh (صالح).
- k: ق ك غ گ and k q g gh c ck. Gulf and Egyptian speech make ق a g (Qaddafi, Gaddafi,
  Kadhafi); غ is written gh or g (Ghazi, Gazi); Arabic writes a European g as غ (Hugo = هوغو).
- j: ج ژ and j dj dsch, the dzh of English spellings of Russian (Dzhamal), and g before e/i
  (Georges = جورج; Egyptian Gihad = جهاد). Jamal and Kamal stay apart, so the Egyptian spelling
  Gamal meets Kamal, not Jamal: the lexicon has it.
- s: س ص ش چ and s, sh, ch, sch, cz, sz, c before e/i. One class for the sibilants, because
  Turkish ş folds to s and French writes ش as ch (Chérif = شريف). Arabic writes English ch as
  تش, read as one s.
- t: ت ط ث and t, th. d: د ض ذ and d, dh. z: ز ظ and z. (ث as s, ذ and ض as z, as in Turkish
  and Urdu spellings — Osman, Ramazan — would merge classes that keep common names apart:
  Hamza/Hamid. Those spellings are left to the lexicon.)
- b: ب پ and b, p (Arabic writes p as ب: Pervez = برويز). f: ف ڤ and f, ph, v (Arabic writes
  v as ف: Victor = فيكتور). l m n r are themselves; x is k + s.
- doubled letters collapse (Hassan = حسن, Awwad = عواد); at the end of the word t becomes d
  (Turkish devoicing: Mehmet = محمد, Ahmet, Hamit) and z becomes s (Adams = آدامز).

`phonetic_key(word)` compares two Latin spellings more finely. Consonants as above, with the
sibilants split again (s vs sh/ch/sch: Samir vs Shamir), dh read as z (Dhakir = Zakir),
v as w (Vahid = Wahid, Marvan = Marwan) and p as b; doubles collapsed; the l of an assimilated
article dropped before a sun letter (Abdulrahman = Abdurrahman = Abderrahmane); a final silent
French e dropped (Amine = Amin); a final -eh/-ah read as -a (Fatmeh = Fatima = Fatimah).
Vowels are reduced to what still tells names apart:

- w/u/o/ou and y/i are glides (W, Y) before another vowel after a consonant or first in the
  word (Walid, Yusuf, Marwan = Marvan, Redouane = Radwan, Ilyas = Ilias, Aliya = Alia);
  elsewhere w is u (Dawud = Daoud) and y is i (Aly = Ali);
- the first vowel keeps its quality: a (a, or a lone e), i (i, y, ee, ie, ei), u (u, o, ou,
  oo), and a diphthong is read as its second vowel: Said = Saeed = Sayed ("sid") while Saad
  gives "sad"; Hassan ("has.n") differs from Hussein = Husain = Hosein ("hus.n"); Omar = Umar;
- inner vowels become one mark "." (e is written for both a and i there: Ahmed = Ahmad,
  Khaled = Khalid, Youssef = Yusuf), so Ahmad ("ahm.d") still differs from Hamid ("ham.d");
- the last vowel of the word keeps its quality: Ali = Aly ("ali") differs from Alia = Aliya
  ("alYa"), a female name.
Mehmet gets its own key ("mahm.t"): e/a cannot be told apart there, and reading its final t
as d would make it Mahmud. The lexicon and the skeleton link it to Muhammad.
"""

from __future__ import annotations

import re
from functools import lru_cache

from hajiz.names.normalize import first_group, normalize_word

_ARABIC_CLASSES = str.maketrans(
    {
        "ا": ".", "و": ".", "ي": ".", "ى": ".", "ع": ".", "ء": ".", "ئ": ".", "ؤ": ".",
        "ب": "b", "پ": "b", "ت": "t", "ط": "t", "ث": "t", "ج": "j", "ژ": "j", "چ": "s",
        "ح": "h", "خ": "h", "ه": "h", "د": "d", "ض": "d", "ذ": "d", "ظ": "z", "ر": "r",
        "ز": "z", "س": "s", "ص": "s", "ش": "s", "غ": "k", "ق": "k", "ك": "k", "گ": "k",
        "ف": "f", "ڤ": "f", "ل": "l", "م": "m", "ن": "n",
        "ٹ": "t", "ڈ": "d", "ڑ": "r", "ں": "n", "ے": ".",
    }
)  # fmt: skip

# Latin spellings of one consonant class (longest first), then single letters via _LATIN_CLASSES.
_LATIN_DIGRAPHS = re.compile(
    r"tsch|dsch|dzh|sch|tch|sh|ch|cz|cs|sz|kh|gh|th|dh|dj|ph|ck|g(?=[ei])|c(?=[eiy])"
)
_LATIN_DIGRAPH_CLASSES = {
    "tsch": "s", "dsch": "j", "dzh": "j", "sch": "s", "tch": "s", "sh": "s", "ch": "s", "cz": "s",
    "cs": "s", "sz": "s", "kh": "h", "gh": "k", "th": "t", "dh": "d", "dj": "j", "ph": "f",
    "ck": "k", "g": "j", "c": "s",
}  # fmt: skip
_LATIN_CLASSES = str.maketrans(
    {
        "a": ".", "e": ".", "i": ".", "o": ".", "u": ".", "y": ".", "w": ".",
        "b": "b", "p": "b", "t": "t", "d": "d", "z": "z", "s": "s", "c": "k", "k": "k",
        "q": "k", "g": "k", "j": "j", "h": "h", "f": "f", "v": "f", "l": "l", "m": "m",
        "n": "n", "r": "r", "x": "ks",
    }
)  # fmt: skip
# Word-final devoicing (Turkish Mehmet = محمد) and the English plural -s written ز (Adams = آدامز).
_FINAL_FOLD = {"t": "d", "z": "s"}
_DOUBLES = re.compile(r"([a-z])\1+")
_ARABIC_LETTER = re.compile("[\u0600-\u06ff]")


def _finish_skeleton(classes: str) -> str:
    """Collapse doubles (adjacent, no vowel between), drop vowels, fold the final h, t and z."""
    classes = _DOUBLES.sub(first_group, classes).replace(".", "")
    if classes.endswith("h"):
        classes = classes[:-1]
    last = classes[-1:]
    if last in _FINAL_FOLD:
        classes = classes[:-1] + _FINAL_FOLD[last]
    return classes


@lru_cache(maxsize=262144)
def skeleton(word: str) -> str:
    """The consonant-class skeleton of one word in Arabic or Latin script ("" if none)."""
    if not (word.isascii() and word.isalpha() and word.islower()):
        word = normalize_word(word)
    if _ARABIC_LETTER.search(word):
        # تش is how Arabic writes the sound "ch" (Charles = تشارلز): one sibilant, like Latin ch.
        return _finish_skeleton(word.replace("تش", "ش").translate(_ARABIC_CLASSES))
    word = _latin_letters(word)
    # Digraphs become their class in upper case, so the letter table leaves them alone.
    word = _LATIN_DIGRAPHS.sub(_latin_digraph_class, word)
    return _finish_skeleton(word.translate(_LATIN_CLASSES).lower())


def _latin_digraph_class(match: re.Match[str]) -> str:
    return _LATIN_DIGRAPH_CLASSES[match.group()].upper()


def _latin_letters(word: str) -> str:
    """Only the letters a-z of a normalised word (digits and other scripts dropped)."""
    if word.isascii() and word.isalpha():
        return word
    return "".join(ch for ch in word if "a" <= ch <= "z")


# Consonant spellings for the phonetic key: each Arabic letter's common Latin renderings meet.
_KEY_DIGRAPHS = re.compile(r"tsch|dsch|dzh|sch|tch|sh|ch|kh|gh|th|dh|dj|ph|ck|c(?=[eiy])")
_KEY_DIGRAPH_CLASSES = {
    "tsch": "S", "dsch": "j", "dzh": "j", "sch": "S", "tch": "S", "sh": "S", "ch": "S", "kh": "h",
    "gh": "k", "th": "t", "dh": "z", "dj": "j", "ph": "f", "ck": "k", "c": "s",
}  # fmt: skip
_KEY_LETTERS = str.maketrans({"x": "ks", "q": "k", "g": "k", "c": "k", "v": "w", "p": "b"})
_KEY_DOUBLES = re.compile(r"([a-zS])\1+")
# Doubled consonants (and glides) collapse; doubled vowels are read as one long vowel later.
_CONSONANT_DOUBLES = re.compile(r"([b-df-hj-np-tv-zS])\1+")
# Before a sun letter the article's l is assimilated: Abdulrahman = Abdurrahman, Nasruddin.
_SUN_L = re.compile(r"(?<=[aeiou])l(?=[tdzsSrn])")
# A glide: w/u/o or y/i after a consonant (or first) and before a vowel (Marwan, Redouane, Ilyas).
_GLIDE_W = re.compile(r"(?:(?<=[^aeiouwy])|^)(?:ouw|[uo]w|ou|[uow])(?=[aei])|^w(?=[aeiou])")
_GLIDE_Y = re.compile(r"(?:(?<=[^aeiouwy])|^)(?:i?y(?=[aoue])|i(?=[aou]))|^y(?=[aeiou])")
_GLIDES = str.maketrans({"w": "u", "y": "i"})
_VOWEL_RUN = re.compile(r"[aeiou]+")
_FINAL_VOWEL_RUN = re.compile(r"[aeiou]+$")
_RUN_CLASSES = str.maketrans({"o": "u"})


@lru_cache(maxsize=4096)
def _vowel_class(run: str) -> str:
    """One vowel sequence as its quality: a, i, u, or a diphthong reduced to its second vowel."""
    run = run.translate(_RUN_CLASSES)
    run = "a" if run == "e" else run.replace("e", "i")
    run = _KEY_DOUBLES.sub(first_group, run)
    if len(run) > 1 and run[0] == "a" and run[1] in "iu":
        run = run[1:]
    return run


def _digraph_class(match: re.Match[str]) -> str:
    return _KEY_DIGRAPH_CLASSES[match.group()]


# Large: building the index of a million names asks for millions of keys, many repeated.
@lru_cache(maxsize=1 << 20)
def phonetic_key(word: str) -> str:
    """A phonetic key of one Latin word, built for Arabic-origin names ("" if not Latin)."""
    if not (word.isascii() and word.isalpha() and word.islower()):
        word = normalize_word(word)
        if _ARABIC_LETTER.search(word):
            return ""
        word = _latin_letters(word)
    word = _KEY_DIGRAPHS.sub(_digraph_class, word).translate(_KEY_LETTERS)
    if len(word) > 3:
        if word.endswith("eh"):
            word = word[:-2] + "a"
        elif (word[-1] == "h" and word[-2] in "aiou") or (
            word[-1] == "e" and word[-2] not in "aeiouwy"
        ):
            word = word[:-1]
    word = _CONSONANT_DOUBLES.sub(first_group, _SUN_L.sub("", word))
    word = _GLIDE_Y.sub("Y", _GLIDE_W.sub("W", word)).translate(_GLIDES)
    # The first and the last vowel keep their quality; the ones between become ".".
    first = _VOWEL_RUN.search(word)
    if first is None:
        return word
    head = word[: first.start()] + _vowel_class(first.group())
    rest = word[first.end() :]
    last = _FINAL_VOWEL_RUN.search(rest)
    if last is None:
        return head + _VOWEL_RUN.sub(".", rest)
    return head + _VOWEL_RUN.sub(".", rest[: last.start()]) + _vowel_class(last.group())
