"""Systematic variations of a listed name, as border clerks and other lists write it.

Each transform takes the name as listed and a seeded `random.Random`, and returns the varied
name, or None when it does not apply to that name. None of them knows the matching engine's
lexicon: the rules are general romanisation habits, picked at random positions.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

from hajiz.evaluation.mrz import COMPOUND_OPENERS, mrz_name, split_identifiers

# Arabic article as romanised: plain and sun-letter assimilated forms, and the dialect "el".
ARTICLES = frozenset({"al", "el", "ul", "ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az"})
# Words that link a person to a father or ancestor: "bin Laden", "ould Abdallah".
NASAB_LINKS = frozenset({"bin", "ibn", "ben", "bint", "binti", "ould", "walad"})
PARTICLE_FORMS = ("al-", "el-", "none", "attached", "separate")
# What opens a compound name (see mrz.COMPOUND_OPENERS), and Abo, a spelling of Abu.
_OPENERS = COMPOUND_OPENERS | {"abo"}
# Words that close a compound name with the word before them: Nur al-Din, Saif Allah.
COMPOUND_CLOSERS = frozenset({"din", "deen", "uddin", "eddin", "allah", "ullah", "ollah"})

_HYPHENATED = re.compile(r"^([A-Za-z]{1,3})-(.+)$")

# General romanisation alternations of Arabic-origin names (vowel quality and length, doubled
# consonants, French/English digraphs). Each pair works both ways; sites are chosen at random.
SPELLING_ALTERNATIONS: tuple[tuple[str, str], ...] = (
    ("ou", "u"),
    ("oo", "u"),
    ("ee", "i"),
    ("u", "o"),
    ("a", "e"),
    ("i", "e"),
    ("y", "i"),
    ("aa", "a"),
    ("ai", "ay"),
    ("q", "k"),
    ("dh", "z"),
    ("j", "dj"),
    ("sh", "ch"),
    ("kh", "h"),
)
_VOWELS = frozenset("aeiou")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _recase(original: str, lower: str) -> str:
    """Give `lower` the case style of `original` (all capitals, capitalised, or lower)."""
    if original.isupper():
        return lower.upper()
    if original[:1].isupper():
        return lower[:1].upper() + lower[1:]
    return lower


def mrz_form(name: str, rng: random.Random) -> str | None:
    """The passport MRZ name field of the name (ICAO 9303; see `hajiz.evaluation.mrz`)."""
    return mrz_name(name)


def surname_first(name: str, rng: random.Random) -> str | None:
    """Move the surname to the other end, without a comma.

    A name listed as `SURNAME, Given` becomes `Given SURNAME`; one in natural order becomes
    `Surname Given ...`.
    """
    primary, secondary = split_identifiers(name)
    if not secondary:
        return None
    if "," in name:
        return f"{secondary} {primary}"
    return f"{primary} {secondary}"


def _particle_sites(words: list[str]) -> list[tuple[int, str, str]]:
    """(word index, article, rest) for each article: hyphenated `al-X` or a separate `Al X`."""
    sites: list[tuple[int, str, str]] = []
    for index, word in enumerate(words):
        hyphen = _HYPHENATED.match(word)
        if hyphen and hyphen.group(1).lower() in ARTICLES:
            sites.append((index, hyphen.group(1), hyphen.group(2)))
        elif word.lower() in ARTICLES and index + 1 < len(words):
            sites.append((index, word, words[index + 1]))
    return sites


def _with_article(article: str, rest: str, form: str) -> str:
    """Write `rest` with the article in one of the PARTICLE_FORMS."""
    upper = rest.isupper()
    if form == "none":
        return rest
    if form == "attached":
        joined = article + rest.lower()
        return joined.upper() if upper else joined[:1].upper() + joined[1:]
    if form == "separate":
        return f"{article} {rest}"
    written = form[:-1]
    written = written.upper() if upper else written
    return f"{written}-{rest}"


def particle_change(name: str, rng: random.Random) -> str | None:
    """Change one Arabic article's form: al- / el- / none / attached / separate."""
    words = name.split()
    sites = _particle_sites(words)
    if not sites:
        return None
    index, article, rest = rng.choice(sites)
    is_hyphenated = "-" in words[index]
    current = "separate" if not is_hyphenated else f"{article.lower()}-"
    forms = [f for f in PARTICLE_FORMS if f != current]
    form = rng.choice(forms)
    replacement = _with_article(article, rest, form)
    span = 1 if is_hyphenated else 2
    return " ".join([*words[:index], replacement, *words[index + span :]])


def drop_nasab(name: str, rng: random.Random) -> str | None:
    """Drop one lineage element: `bin X` (or `ould X`, ...); else the father's name.

    A name without a lineage word but with a chain of names (four or more names in natural
    order, or three or more given names after `SURNAME,`) loses its second given name, which in
    Arabic naming is the father's name. A compound (Abdul Qadeer, Abu Bakr) counts as one name.
    """
    words = name.replace(",", " , ").split()
    links = [
        i
        for i, word in enumerate(words)
        if word.lower() in NASAB_LINKS and 0 < i < len(words) - 1 and words[i + 1] != ","
    ]
    if links:
        index = rng.choice(links)
        kept = [*words[:index], *words[index + 2 :]]
        text = " ".join(kept).replace(" , ", ", ").strip(" ,")
        return text or None
    if "," in name:
        primary, secondary = split_identifiers(name)
        given = name_elements(secondary.split())
        if len(given) < 3:
            return None
        return f"{primary}, {' '.join([given[0], *given[2:]])}"
    names = name_elements(name.split())
    if len(names) < 4:
        return None
    return " ".join([names[0], *names[2:]])


def name_elements(words: list[str]) -> list[str]:
    """Words grouped into the names they write: Abdul Qadeer, Abu Bakr, al-Rahman and Nur
    al-Din are one name each, so that dropping a name never leaves half a compound."""
    elements: list[str] = []
    joining = False
    for word in words:
        bare = word.lower().replace("‘", "").replace("'", "")
        closer = bare.rsplit("-", 1)[-1] in COMPOUND_CLOSERS
        if elements and (joining or closer):
            elements[-1] = f"{elements[-1]} {word}"
        else:
            elements.append(word)
        joining = bare in _OPENERS or bare in ARTICLES
    return elements


def _spelling_sites(lower: str) -> list[tuple[int, str, str]]:
    """(position, old, new) for every place an alternation, or a doubling, could apply."""
    sites: list[tuple[int, str, str]] = []
    for left, right in SPELLING_ALTERNATIONS:
        for old, new in ((left, right), (right, left)):
            for match in re.finditer(re.escape(old), lower):
                sites.append((match.start(), old, new))
    for index in range(1, len(lower) - 1):
        char = lower[index]
        if not char.isalpha() or char in _VOWELS:
            continue
        if lower[index + 1] == char:
            sites.append((index, char * 2, char))  # double -> single
        elif lower[index - 1] in _VOWELS and lower[index + 1] in _VOWELS:
            sites.append((index, char, char * 2))  # single -> double
    return sites


def _respell_word(word: str, rng: random.Random) -> str | None:
    lower = word.lower()
    sites = [s for s in _spelling_sites(lower) if lower[s[0] : s[0] + len(s[1])] == s[1]]
    if not sites:
        return None
    position, old, new = rng.choice(sites)
    return _recase(word, lower[:position] + new + lower[position + len(old) :])


def spelling_variant(name: str, rng: random.Random) -> str | None:
    """Re-spell the name at one or two random places (Mohammed -> Muhammad, Youssef -> Yusef)."""
    original = name.split()
    eligible = [i for i, w in enumerate(original) if sum(ch.isalpha() for ch in w) >= 3]
    if not eligible:
        return None
    for _ in range(10):  # two changes can undo each other: draw again
        words = list(original)
        for _ in range(rng.choice((1, 2))):
            index = rng.choice(eligible)
            respelled = _respell_word(words[index], rng)
            if respelled is not None:
                words[index] = respelled
        varied = " ".join(words)
        if varied.lower() != name.lower():
            return varied
    return None


def one_typo(name: str, rng: random.Random) -> str | None:
    """One keyboard slip: a letter substituted, inserted, deleted, or two adjacent swapped."""
    words = name.split()
    eligible = [i for i, w in enumerate(words) if len(w) >= 4 and w.isalpha()]
    if not eligible:
        return None
    index = rng.choice(eligible)
    word = words[index]
    lower = word.lower()
    position = rng.randrange(1, len(lower))  # the first letter is rarely mistyped
    operation = rng.choice(("substitute", "insert", "delete", "transpose"))
    if operation == "transpose" and lower[position - 1] == lower[position]:
        operation = "substitute"
    if operation == "substitute":
        letter = rng.choice([c for c in _LETTERS if c != lower[position]])
        typed = lower[:position] + letter + lower[position + 1 :]
    elif operation == "insert":
        typed = lower[:position] + rng.choice(_LETTERS) + lower[position:]
    elif operation == "delete":
        typed = lower[:position] + lower[position + 1 :]
    else:
        typed = (
            lower[: position - 1] + lower[position] + lower[position - 1] + lower[position + 1 :]
        )
    words[index] = _recase(word, typed) if word[1:].islower() or word.isupper() else typed
    return " ".join(words)


Transform = Callable[[str, random.Random], str | None]

TRANSFORMS: dict[str, Transform] = {
    "mrz": mrz_form,
    "surname-first": surname_first,
    "particle": particle_change,
    "drop-nasab": drop_nasab,
    "spelling": spelling_variant,
    "typo": one_typo,
}
