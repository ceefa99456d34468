"""Reading the name texts of the UN consolidated list, which pack several names into one field.

Examples from the real list:

    أبو بكر البغدادي الحسيني القريشي (Abu Bakr al-Baghdadi al-Husayni al-Quraishi; Abu Bakr ...)
    Amir Khazmat (original script: Амир Хазмат)
    Haleh Bakhtiar; Haleh Bakhtiari; Haleh Bakhtiyar
    Encep Nurjaman (birth name)

and alias notes such as `(Abu Du’a; Abu Duaa’) prominently known by this nom de guerre` or
`DOB: 11 Apr. 1963. ... In Arabic: سيف العدل`. Names found this way are separate names of the
same kind; words about a name (birth name, previously listed as, ...) go to its note.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from hajiz.importers.common import collapse
from hajiz.model import Script
from hajiz.names.normalize import detect_script, script_of_char


@dataclass(frozen=True)
class NameText:
    """One name found in a source text, with any words the source says about it."""

    full: str
    note: str | None = None


_ORIGINAL_SCRIPT = re.compile(r"^original script\s*:\s*(.+)$", re.IGNORECASE)
_ORIGINAL_SCRIPT_TAG = re.compile(r"\s*\(original script\)\s*$", re.IGNORECASE)
_SUB_UNIT = re.compile(r"\s+-\s+(sub-unit name)$", re.IGNORECASE)
_BORN_TAIL = re.compile(r"(?:,\s*|\s+)(born\b.*)$", re.IGNORECASE)
_ENUMERATOR = re.compile(r"\s+[a-h]\)\s+")
_IN_SCRIPT = re.compile(
    r"(?:\bin arabic(?: script)?|\boriginal script)\s*:\s*([^.:()]+?)\s*$", re.IGNORECASE
)
_NAME_PUNCTUATION = frozenset(" .'’‘ʼ`-\u200c")
# Words that mark a phrase about a name, not a name.
_DESCRIPTOR_WORDS = frozenset(
    {
        "listed", "born", "passport", "nationality", "script", "name", "sign", "calendar",
        "known", "guerre", "previously", "formerly", "issued", "expired", "number", "dob",
        "pob", "dpob", "initials",
    }
)  # fmt: skip


def split_top_level(text: str, separator: str = ";") -> list[str]:
    """Split at `separator` outside parentheses; empty items are dropped."""
    items: list[str] = []
    depth = 0
    current: list[str] = []
    for char in text:
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(depth - 1, 0)
        if char == separator and depth == 0:
            items.append("".join(current))
            current = []
        else:
            current.append(char)
    items.append("".join(current))
    return [item.strip() for item in items if item.strip()]


def _trailing_group(text: str) -> tuple[str, str] | None:
    """Split `head (inner)` where the balanced group closes the text; None if it does not."""
    if not text.endswith(")"):
        return None
    depth = 0
    for index in range(len(text) - 1, -1, -1):
        if text[index] == ")":
            depth += 1
        elif text[index] == "(":
            depth -= 1
            if depth == 0:
                head = text[:index].strip()
                return (head, text[index + 1 : -1].strip()) if head else None
    return None


def _script_runs(text: str) -> list[tuple[Script, str]]:
    """The text cut where the script of its letters changes (spaces stay with the left run)."""
    runs: list[tuple[Script, str]] = []
    current: Script | None = None
    start = 0
    for index, char in enumerate(text):
        script = script_of_char(char)
        if script is None or script is current:
            continue
        if current is not None:
            runs.append((current, text[start:index].strip()))
            start = index
        current = script
    if current is not None:
        runs.append((current, text[start:].strip()))
    return runs


def _differs(head: str, items: list[str]) -> bool:
    script = detect_script(head)
    return any(detect_script(item) is not script for item in items)


def _item_names(item: str, *, is_person: bool) -> list[NameText]:
    item = _ORIGINAL_SCRIPT_TAG.sub("", item.strip(" ,;"))
    if item.count(")") > item.count("("):
        item = item.lstrip(") ")  # a stray bracket left over from editing the list
    if not item:
        return []
    sub_unit = _SUB_UNIT.search(item)
    if sub_unit:
        return [NameText(item[: sub_unit.start()].strip(), sub_unit.group(1))]
    group = _trailing_group(item)
    if group is not None:
        head, inner = group
        original = _ORIGINAL_SCRIPT.match(inner)
        if original:
            return [*_item_names(head, is_person=is_person), NameText(original.group(1).strip())]
        inner_items = split_top_level(inner)
        if inner_items and _differs(head, [_ORIGINAL_SCRIPT_TAG.sub("", i) for i in inner_items]):
            names = _item_names(head, is_person=is_person)
            for inner_item in inner_items:
                names.extend(_item_names(inner_item, is_person=is_person))
            return names
        if is_person:
            # Same script in parentheses: words about the name ("birth name", "third").
            return [_person_head(head, inner)]
        return [NameText(item)]
    runs = _script_runs(item)
    if len(runs) == 2 and all(sum(c.isalpha() for c in text) >= 2 for _, text in runs):
        # "Agha Jan Alizai اغا جان عالیزی": one name in two scripts, side by side.
        return [NameText(text) for _, text in runs]
    if is_person:
        return [_person_head(item, None)]
    return [NameText(item)]


def _person_head(text: str, note: str | None) -> NameText:
    born = _BORN_TAIL.search(text)
    if born:
        note = "; ".join(n for n in (born.group(1), note) if n)
        text = text[: born.start()].strip()
    return NameText(text, note)


def split_name_field(raw: str | None, *, is_person: bool) -> list[NameText]:
    """All names packed into one name field, in order of appearance."""
    text = collapse(raw).strip(" ,;")
    if not text:
        return []
    names: list[NameText] = []
    for item in split_top_level(text):
        for part in _ENUMERATOR.split(f" {item} "):
            names.extend(_item_names(part, is_person=is_person))
    return [name for name in names if name.full]


def _is_name_char(char: str) -> bool:
    # Letters, combining marks (Arabic harakat) and the punctuation names are written with.
    return char.isalpha() or unicodedata.category(char).startswith("M") or char in _NAME_PUNCTUATION


def looks_like_name(text: str) -> bool:
    """A short run of words in letters only: a name, not a phrase about one."""
    words = text.split()
    if not 1 <= len(words) <= 8 or len(text) > 100:
        return False
    if not all(_is_name_char(c) for c in text) or not any(c.isalpha() for c in text):
        return False
    return not any(word.strip(".,'’").casefold() in _DESCRIPTOR_WORDS for word in words)


def names_in_note(note: str | None, name_script: Script) -> list[str]:
    """Further spellings an alias note lists: `(A; B)` groups, `In Arabic: X`, or a bare `A; B`.

    A single name in parentheses counts only when it is in another script than the alias
    (`(Iraq)` after a Latin alias is a place, not a name).
    """
    text = collapse(note)
    if not text:
        return []
    marker = _IN_SCRIPT.search(text)
    if marker:
        items = [i.strip(" ,;") for i in marker.group(1).split(";")]
        return [i for i in items if looks_like_name(i)]
    found: list[str] = []
    groups = re.findall(r"\(([^()]*)\)", text)
    for group in groups:
        items = [i.strip(" ,") for i in group.split(";") if i.strip(" ,")]
        if not items or not all(looks_like_name(i) for i in items):
            continue
        if len(items) >= 2 or detect_script(items[0]) is not name_script:
            found.extend(items)
    if not groups:
        items = [i.strip(" ,") for i in text.split(";") if i.strip(" ,")]
        if len(items) >= 2 and all(looks_like_name(i) for i in items):
            found.extend(items)
    return found
