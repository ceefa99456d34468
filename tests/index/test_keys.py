"""The keys an entry is filed under (index/keys.py)."""

from __future__ import annotations

from hajiz.index.keys import joined_keys, subject_keys
from hajiz.matching.subjects import prepare_entry
from hajiz.model import Entry, Name
from hajiz.names.analysis import analyse


def keys_of(*names: str) -> set[str]:
    entry = Entry(id="k", agency="T", source="t", names=tuple(Name(full=n) for n in names))
    return subject_keys(prepare_entry(entry))


def test_subject_keys_include_joined_parts() -> None:
    # "Wali Jan" carries the key of "Walijan", so either spelling finds the other.
    assert keys_of("Walijan") & keys_of("Wali Jan")


def test_every_name_of_an_entry_files_it() -> None:
    both = keys_of("Walijan", "Baghdadi")
    assert keys_of("Walijan") <= both
    assert keys_of("Baghdadi") <= both


def test_titles_are_not_joined_to_their_neighbour() -> None:
    name = analyse("Sheikh Walijan Ahmad")
    assert name.parts[0].part.role.value == "title"
    assert len(list(joined_keys(name, 2))) == 1  # Walijan + Ahmad only


def test_parts_are_joined_in_reading_order() -> None:
    # "BANDARABADI, Mohammad Reza Jafari" reads Mohammad Reza Jafari Bandarabadi.
    joined = keys_of("JAFARIBANDARABADI, Mohammadreza")
    assert keys_of("BANDARABADI, Mohammad Reza Jafari") & joined - keys_of("Mohammadreza")
    assert not keys_of("BANDARABADI, Jafari") & keys_of("BANDARABADIJAFARI")
