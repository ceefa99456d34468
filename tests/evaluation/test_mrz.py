"""The MRZ name field follows ICAO Doc 9303 (examples from Part 4/7, section 4.2.3)."""

from __future__ import annotations

import pytest

from hajiz.evaluation.mrz import (
    FIELD_LENGTH,
    mrz_component,
    mrz_name,
    mrz_name_field,
    split_identifiers,
)


@pytest.mark.parametrize(
    ("primary", "secondary", "expected"),
    [
        ("Eriksson", "Anna Maria", "ERIKSSON<<ANNA<MARIA"),
        ("Heng", "Deborah Ming Lo", "HENG<<DEBORAH<MING<LO"),
        ("Smith-Jones", "Susie Margaret", "SMITH<JONES<<SUSIE<MARGARET"),
        ("O'Connor", "Enya Siobhan", "OCONNOR<<ENYA<SIOBHAN"),
        ("Van Der Muellen", "Martin", "VAN<DER<MUELLEN<<MARTIN"),
        ("Arkfreith", "", "ARKFREITH"),
        # Secondary identifier truncated at the field's end.
        (
            "Nilavadhanananda",
            "Chayapa Dejthamrong Krasuang",
            "NILAVADHANANANDA<<CHAYAPA<DEJTHAMRONG<K",
        ),
        ("Nilavadhanananda", "Arnpol Petch Charonguang", "NILAVADHANANANDA<<ARNPOL<PETCH<CHARONGU"),
        # Primary identifier's last component reduced to an initial to leave room.
        (
            "Bennelong Wooloomooloo Warrandyte Warnambool",
            "Dingo Potoroo",
            "BENNELONG<WOOLOOMOOLOO<WARRANDYTE<W<<DI",
        ),
        # Just fits: a letter in the last position, not truncated.
        ("Papandropoulous", "Jonathon Warren Trevor", "PAPANDROPOULOUS<<JONATHON<WARREN<TREVOR"),
    ],
)
def test_icao_examples(primary, secondary, expected):
    field = mrz_name_field(primary, secondary)
    assert len(field) == FIELD_LENGTH
    assert field == expected.ljust(FIELD_LENGTH, "<")


def test_national_characters_are_transliterated_and_accents_dropped():
    assert mrz_component("Müller-Lüdenscheidt") == "MUELLER<LUEDENSCHEIDT"
    assert mrz_component("Øresund Þór Straße") == "OERESUND<THOR<STRASSE"
    assert mrz_component("José") == "JOSE"


def test_only_capitals_and_fillers():
    field = mrz_name("AL-'IBUDI, Hossein Mo'anes (Jr.)")
    assert set(field) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ<")
    assert field.startswith("AL<IBUDI<<HOSSEIN<MOANES<JR<")


def test_split_identifiers_reads_both_list_styles():
    assert split_identifiers("BIN LADEN, Usama bin Muhammad") == ("BIN LADEN", "Usama bin Muhammad")
    assert split_identifiers("Abu Bakr al-Baghdadi") == ("al-Baghdadi", "Abu Bakr")
    assert split_identifiers("Ahmed Al Masri") == ("Al Masri", "Ahmed")
    assert split_identifiers("Madonna") == ("Madonna", "")


def test_split_identifiers_keeps_a_compound_surname_whole():
    assert split_identifiers("Ahmad Taha Abdul Qadir") == ("Abdul Qadir", "Ahmad Taha")
    assert split_identifiers("Said Abd al-Rahman") == ("Abd al-Rahman", "Said")
    assert split_identifiers("Usama bin Muhammad bin Laden") == ("bin Laden", "Usama bin Muhammad")


def test_listed_names_in_mrz_form():
    assert mrz_name("BIN LADEN, Usama") == "BIN<LADEN<<USAMA".ljust(FIELD_LENGTH, "<")
    assert mrz_name("SADDAM HUSSEIN AL-TIKRITI") == "AL<TIKRITI<<SADDAM<HUSSEIN".ljust(39, "<")
