from __future__ import annotations

import pytest

from hajiz.importers.un_sc_names import (
    NameText,
    looks_like_name,
    names_in_note,
    split_name_field,
    split_top_level,
)
from hajiz.model import Script

CASES = [
    # (raw alias text, is_person, expected names with notes) -- all from the real list
    (
        "Haleh Bakhtiar; Haleh Bakhtiari",
        True,
        [NameText("Haleh Bakhtiar"), NameText("Haleh Bakhtiari")],
    ),
    (
        "Mohammed Sabet; Mohammad Sabet b) M. Javad Kareemi Sabet",
        True,
        [
            NameText("Mohammed Sabet"),
            NameText("Mohammad Sabet"),
            NameText("M. Javad Kareemi Sabet"),
        ],
    ),
    ("Jin Tiesan (金铁三)", True, [NameText("Jin Tiesan"), NameText("金铁三")]),
    (
        "Amir Khazmat (original script: Амир Хазмат)",
        True,
        [NameText("Amir Khazmat"), NameText("Амир Хазмат")],
    ),
    ("Encep Nurjaman (birth name)", True, [NameText("Encep Nurjaman", "birth name")]),
    ("Lom-ali Butayev (Butaev)", True, [NameText("Lom-ali Butayev", "Butaev")]),
    (
        "Akhter Mohmad son of Noor Mohmad (اختر محمد ولد نور محمد ),",
        True,
        [NameText("Akhter Mohmad son of Noor Mohmad"), NameText("اختر محمد ولد نور محمد")],
    ),
    (
        "Agha Jan Alizai اغا جان عالیزی",
        True,
        [NameText("Agha Jan Alizai"), NameText("اغا جان عالیزی")],
    ),
    (
        "Mohammad Ishaq Akhund born in 1963",
        True,
        [NameText("Mohammad Ishaq Akhund", "born in 1963")],
    ),
    (") Abdelrahman Juhan", True, [NameText("Abdelrahman Juhan")]),
    (
        "Al Qaïda au Maghreb islamique (AQMI)",
        False,
        [NameText("Al Qaïda au Maghreb islamique (AQMI)")],
    ),
    (
        "أنصار الشريعة بليبيا (Ansar al Charia in Libya (ASL))",
        False,
        [NameText("أنصار الشريعة بليبيا"), NameText("Ansar al Charia in Libya (ASL)")],
    ),
    (
        "شبكة أنصار المجاهدين (Ansar al-Mujahideen Network - sub-unit name)",
        False,
        [
            NameText("شبكة أنصار المجاهدين"),
            NameText("Ansar al-Mujahideen Network", "sub-unit name"),
        ],
    ),
    ("", True, []),
]


@pytest.mark.parametrize(("raw", "is_person", "expected"), CASES)
def test_split_name_field(raw, is_person, expected):
    assert split_name_field(raw, is_person=is_person) == expected


def test_split_top_level_ignores_separators_inside_parentheses():
    assert split_top_level("A (b; c); D") == ["A (b; c)", "D"]


NOTE_CASES = [
    (
        "(Abu Du’a; Abu Duaa’) prominently known by this nom de guerre",
        Script.ARABIC,
        ["Abu Du’a", "Abu Duaa’"],
    ),
    (
        "born in 1971 in Samarra, Iraq (Ibrahim ‘Awad al-Badri; Dr. Ibrahim)",
        Script.LATIN,
        ["Ibrahim ‘Awad al-Badri", "Dr. Ibrahim"],
    ),
    (
        "Yunis al-Mauritani; Younis al-Mauritani",
        Script.ARABIC,
        ["Yunis al-Mauritani", "Younis al-Mauritani"],
    ),
    (
        "DOB: 11 Apr. 1963. POB: Monufia Governorate, Egypt. In Arabic: سيف العدل ",
        Script.LATIN,
        ["سيف العدل"],
    ),
    ("original script: Абу Банат", Script.LATIN, ["Абу Банат"]),
    (
        "in Baghdad, Iraq (DPOB - 1970) - Passport No. 284158, expires 21 August 2005 (Iraq)",
        Script.LATIN,
        [],
    ),
    ("in Baghdad, Iraq (Nationality - Iraq)", Script.LATIN, []),
    ("previously listed as", Script.LATIN, []),
    ("Passport number: B0515260; DOB: 1948", Script.LATIN, []),
    (None, Script.LATIN, []),
]


@pytest.mark.parametrize(("note", "script", "expected"), NOTE_CASES)
def test_names_in_note(note, script, expected):
    assert names_in_note(note, script) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Abu Du’a", True),
        ("أبو دعاء", True),
        ("nom de guerre", False),
        ("DPOB - 1970", False),
        ("", False),
    ],
)
def test_looks_like_name(text, expected):
    assert looks_like_name(text) is expected
