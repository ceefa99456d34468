"""The structure of Arabic-origin names, in either script.

A name's normalised words are grouped into *parts*, each one element of the name with a role:
a kunya (Abu Bakr), a nasab link (bin Laden), an abd-compound (Abd al-Rahman, Abdurrahman,
عبدالله), an X al-Din / X Allah compound (Salah al-Din, Salahuddine, Nasrullah), a nisba or
laqab with the article (al-Baghdadi), a title set aside (Sheikh, Dr.), or a plain name.
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple

from hajiz.names.attached import (
    ARABIC_ABD_BARE,
    ARABIC_ARTICLE,
    LATIN_DIN_ALONE,
    plain_abd,
    split_attached,
)
from hajiz.names.vocabulary import (
    ABD,
    ALLAH,
    AMBIGUOUS_ABD,
    AMBIGUOUS_ARTICLES,
    ARTICLES,
    DIN,
    KUNYA,
    KUNYA_WITH_ARTICLE,
    MIN_PATRONYMIC,
    NAMES_AFTER_A_NAME,
    NASAB,
    PATRONYMIC_ENDINGS,
    TITLES,
    TITLES_ALSO_NAMES,
    TURKIC_PATRONYMIC_MARKERS,
)


class Role(StrEnum):
    """What a part is within the name."""

    NAME = "name"
    KUNYA = "kunya"
    NASAB = "nasab"
    NISBA = "nisba"
    COMPOUND = "compound"
    TITLE = "title"


class Part(NamedTuple):
    """One element of a name: its distinctive core word and the structure around it.

    A named tuple: a million-name build makes a few million, and hashes each as the key of
    the analysis cache; a tuple is built and hashed in C, a frozen dataclass in Python.
    """

    core: str
    words: tuple[str, ...]
    role: Role = Role.NAME
    prefix: str | None = None  # abu, umm, bin, bint, abd
    link: str | None = None  # bin/bint before a kunya or compound: "bin abd al-aziz"
    suffix: str | None = None  # din, allah
    article: bool = False

    @property
    def is_arabic(self) -> bool:
        """Whether the core is in Arabic script."""
        return bool(self.core) and "\u0600" <= self.core[0] <= "\u06ff"

    @property
    def label(self) -> str:
        """A readable form: `abu bakr`, `abd al-rahman`, `salah al-din`, `al-baghdadi`."""
        text = ("al-" if self.article else "") + self.core
        if self.prefix == "abd":
            text = "abd " + text if self.article else "abd " + self.core
        elif self.prefix:
            text = f"{self.prefix} {text}"
        if self.suffix:
            text += f" al-{self.suffix}" if self.suffix == "din" else f" {self.suffix}"
        if self.link:
            text = f"{self.link} {text}"
        return text


def _is_article(word: str, following: str, after_particle: bool) -> bool:
    """al/el always; an assimilated form (as-, at-, an-) only before its own letter (as-Sayyid)."""
    if word not in AMBIGUOUS_ARTICLES or after_particle:
        return True
    return following.startswith(word[1:]) and len(following) > 2


# Words that only ever join a name to another (abd, al, bin, abu) or complete one (Allah, Din).
_NOT_A_NAME_ON_ITS_OWN = ABD | ALLAH | DIN | ARTICLES | frozenset(NASAB) | frozenset(KUNYA)


def _is_title(words: list[str], index: int) -> bool:
    word = words[index]
    if word not in TITLES:
        return False
    if word in TITLES_ALSO_NAMES:
        # A name like "Amir Khan" keeps Amir; "Sayyid Ali Hussein" drops Sayyid. Particles
        # and second elements do not count as names: "Amir Abd Allah" is a two-part name.
        names = [w for w in words[index + 1 :] if w not in _NOT_A_NAME_ON_ITS_OWN]
        return index == 0 and len(names) >= 2
    return len(words) > 1


def is_patronymic(word: str) -> bool:
    """Whether a Latin word is an East Slavic patronymic (Petrovich, Ivanivna)."""
    return len(word) >= MIN_PATRONYMIC and word.endswith(PATRONYMIC_ENDINGS)


def _is_first_patronymic(word: str, at: int, surname_words: int, parts: list[Part]) -> bool:
    """A patronymic follows the given name, once: a -vich word before the list's comma, or
    after the patronymic, is the surname (KAZAKEVICH, Henadz Arkadzievich)."""
    if at < surname_words or not is_patronymic(word):
        return False
    return not any(p.role is Role.NASAB and is_patronymic(p.core) for p in parts)


def patronymic_stems(word: str) -> tuple[str, ...]:
    """The father's name a patronymic may be built on: Ihorovych → ihor; Alexeevich → alexe,
    alexei, alexey (the given name's final -i/-y is dropped before -evich)."""
    if not is_patronymic(word):
        return ()
    stem = next(word[: -len(e)] for e in PATRONYMIC_ENDINGS if word.endswith(e))
    return (stem, stem + "i", stem + "y")


# A kunya or abd- word a list's "SURNAME, Given" order cut from the name it opens: "KARIM,
# Jamil Abdul" is Jamil Abd al-Karim, "ABBAS, Abu" is Abu Abbas. Abdi, Abdu and Abdo are
# names of their own (Somali Abdi), and stay where they are.
_DANGLING_PREFIXES = (ABD - AMBIGUOUS_ABD) | frozenset(
    {"abu", "abou", "abo", "aboo", "umm", "oum", "omm", *KUNYA_WITH_ARTICLE}
)


def rejoin_surname_first(words: list[str], surname_words: int) -> list[str]:
    """Undo a compound split by the comma of "SURNAME, Given" (the words after `surname_words`).

    "KARIM, Jamil Abdul" → abdul karim jamil; "ULLAH, Haji Khair" → khair ullah haji: the
    given names' last word opens the surname, or the surname completes the last given name.
    The surname stays first, as written.
    """
    if not 0 < surname_words < len(words):
        return words
    given = words[surname_words:]
    moved = 0
    if plain_abd(given[-1]) in _DANGLING_PREFIXES:
        moved = 1
    elif len(given) >= 2 and given[-1] in ARTICLES and plain_abd(given[-2]) in _DANGLING_PREFIXES:
        moved = 2  # "AL-RAHMAN, Umar Abd al" is rare but written
    elif words[0] in ALLAH or words[0] in DIN or LATIN_DIN_ALONE.match(words[0]):
        moved = 1
    if not moved:
        return words
    opening = given[-moved:]
    if moved == 2 and words[0] in ARTICLES:
        opening = opening[:1]  # "AL-RAHMAN, Umar Abd al": one article is enough
    return opening + words[:surname_words] + given[:-moved]


def _opens_compound(word: str, following: str) -> bool:
    """Whether an abd- word opens a compound with the word after it.

    Abdi, Abdu and the like only before an article (Abdi al-Rahman; Abdi Ali is two names).
    In Arabic script a compound of عبد writes the article (عبد الرحمن) except in Abd Rabbuh,
    so عبد before a bare name is the Iraqi given name Abid (عبد حميد محمود).
    """
    if word not in ABD:
        return False
    if word == "عبد":
        return following == ARABIC_ARTICLE or following in ALLAH or following in ARABIC_ABD_BARE
    return word not in AMBIGUOUS_ABD or following == "al"


def _turkic_patronymic(words: list[str]) -> list[str]:
    """Fikret Abdulla oglu: the father's name before a Turkic "son of" is the nasab, read as
    "bin Abdulla" (the same length, so the comma's count of surname words still holds)."""
    if not any(w in TURKIC_PATRONYMIC_MARKERS for w in words[1:]):
        return words
    out: list[str] = []
    for word in words:
        if word in TURKIC_PATRONYMIC_MARKERS and out and out[-1] not in NASAB:
            out.insert(len(out) - 1, "bin")
        else:
            out.append(word)
    return out


def parse_parts(words: list[str], surname_words: int = 0) -> list[Part]:
    """Group normalised words into the parts of a name.

    `surname_words` counts the words before the comma of "SURNAME, Given": a surname of one
    word is a name even if it is a title elsewhere ("SHEIKH, Muhammad Naeem", "HAJI, Ali").
    """
    surname_title = surname_words == 1 and bool(words) and words[0] in TITLES
    words = [w for w in words if w]
    given_from = len(split_attached(words[:surname_words])) if surname_words else 0
    words = split_attached(_turkic_patronymic(words))
    parts: list[Part] = []
    named = False  # a given name has come: Sheikh or Haji after it is a name (Khalid Sheikh)
    i = 0
    n = len(words)
    while i < n:
        word = words[i]
        if (
            _is_title(words, i)
            and not (i == 0 and surname_title)
            and not (named and word in NAMES_AFTER_A_NAME)
        ):
            parts.append(Part(core=word, words=(word,), role=Role.TITLE))
            i += 1
            continue
        named = named or i >= given_from
        link = None
        start = i
        if word in NASAB and i + 1 < n:
            link = NASAB[word]
            i += 1
            word = words[i]
        prefix = None
        role = Role.NASAB if link else Role.NAME
        is_abd = _opens_compound(word, words[i + 1] if i + 1 < n else "")
        if (word in KUNYA or is_abd) and i + 1 < n:
            prefix = KUNYA.get(word, "abd")
            role = Role.KUNYA if prefix in ("abu", "umm") else Role.COMPOUND
            i += 1
            word = words[i]
            if prefix != "abd" and i + 1 < n and _opens_compound(word, words[i + 1]):
                # Abu Abdul Aziz is Abu Abd al-Aziz: the kunya's word is the abd of a compound,
                # whichever way it is spelt.
                word = word if word == "عبد" else "abd"
        article = False
        if word in ARTICLES and i + 1 < n and _is_article(word, words[i + 1], bool(prefix or link)):
            article = True
            i += 1
            word = words[i]
        if prefix == "abd" and word in ALLAH:
            word = "allah"
        # "al-" may be dropped or attached (Zaher Dine, Nasreddine): din/allah after a name
        # joins it.
        if (word in DIN or word in ALLAH) and parts and not prefix and not link:
            previous = parts[-1]
            if previous.role is not Role.TITLE and previous.suffix is None:
                suffix = "din" if word in DIN else "allah"
                parts[-1] = Part(
                    core=previous.core,
                    words=(*previous.words, *words[start : i + 1]),
                    role=Role.COMPOUND,
                    prefix=previous.prefix,
                    link=previous.link,
                    suffix=suffix,
                    article=previous.article,
                )
                i += 1
                continue
        if article and role is Role.NAME:
            role = Role.NISBA
        elif (
            role is Role.NAME and n > 1 and _is_first_patronymic(word, start, surname_words, parts)
        ):
            role = Role.NASAB
        parts.append(
            Part(
                core=word,
                words=tuple(words[start : i + 1]),
                role=role,
                prefix=prefix,
                link=link,
                article=article,
            )
        )
        i += 1
    return parts
