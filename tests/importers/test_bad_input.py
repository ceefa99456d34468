"""Bad input for every importer: each case must fail whole, naming the file, where and why."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from hajiz.errors import ImportFailed, WrongFormat
from hajiz.importers import parse_list

from .conftest import AGENCY_SMALL, FTM_SMALL, OFAC_SMALL, UN_SMALL

LONG = "A" * 501


@dataclass(frozen=True)
class Case:
    """A broken file made from a fixture, and what the error must say."""

    fmt: str
    make: Callable[[Path], Path]  # writes the bad input under tmp_path, returns what to parse
    where: str | None  # regex for the location, None when the whole file is at fault
    problem: str  # regex for the problem
    error: type[ImportFailed] = ImportFailed


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def un(edit: Callable[[str], str]) -> Callable[[Path], Path]:
    return lambda tmp: write(tmp, "un.xml", edit(UN_SMALL.read_text(encoding="utf-8")))


def un_bytes(edit: Callable[[bytes], bytes]) -> Callable[[Path], Path]:
    return lambda tmp: write(tmp, "un.xml", edit(UN_SMALL.read_bytes()))


def ofac(file: str, edit: Callable[[bytes], bytes | None]) -> Callable[[Path], Path]:
    def make(tmp: Path) -> Path:
        folder = tmp / "ofac"
        shutil.copytree(OFAC_SMALL, folder)
        data = edit((folder / file).read_bytes())
        if data is None:
            (folder / file).unlink()
        else:
            (folder / file).write_bytes(data)
        return folder

    return make


def ftm(edit: Callable[[str], str]) -> Callable[[Path], Path]:
    return lambda tmp: write(tmp, "entities.jsonl", edit(FTM_SMALL.read_text(encoding="utf-8")))


def csv_(edit: Callable[[str], str]) -> Callable[[Path], Path]:
    return lambda tmp: write(tmp, "wanted.csv", edit(AGENCY_SMALL.read_text(encoding="utf-8")))


def other(name: str, source: Path) -> Callable[[Path], Path]:
    return lambda tmp: write(tmp, name, source.read_bytes())


def empty(name: str) -> Callable[[Path], Path]:
    return lambda tmp: write(tmp, name, b"")


def ofac_row(ent_num: str, edit: Callable[[bytes], bytes]) -> Callable[[bytes], bytes]:
    def change(data: bytes) -> bytes:
        lines = data.split(b"\r\n")
        return b"\r\n".join(
            edit(ln) if ln.startswith(ent_num.encode() + b",") else ln for ln in lines
        )

    return change


CASES = {
    # --- UN consolidated list XML
    "un-truncated": Case(
        "un-sc", un(lambda t: t[: len(t) // 2]), r"line \d+, column \d+", "malformed XML"
    ),
    "un-malformed": Case(
        "un-sc",
        un(lambda t: t.replace("</FIRST_NAME>", "</FIRST>", 1)),
        r"line 7, column \d+",
        "malformed XML: mismatched tag",
    ),
    "un-encoding": Case(
        "un-sc",
        un_bytes(lambda b: b.replace(b"JOSEPH", b"JOS\xc9PH")),
        "line 7",
        "not valid UTF-8 .byte 0xc9",
    ),
    "un-unknown-encoding": Case(
        "un-sc",
        lambda tmp: write(
            tmp,
            "un.xml",
            '<?xml version="1.0" encoding="ATF-8"?><CONSOLIDATED_LIST/>',
        ),
        None,
        "unknown encoding in the XML declaration",
    ),
    "un-given-csv": Case(
        "un-sc", other("wanted.csv", AGENCY_SMALL), "line 1", "not an XML file", WrongFormat
    ),
    "un-other-xml": Case(
        "un-sc",
        lambda tmp: write(tmp, "page.xml", "<html><body/></html>"),
        None,
        "root element is <html>, expected <CONSOLIDATED_LIST>",
        WrongFormat,
    ),
    "un-empty": Case("un-sc", empty("un.xml"), None, "file is empty"),
    "un-entities": Case(
        "un-sc",
        lambda tmp: write(
            tmp,
            "bomb.xml",
            '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaa">]>'
            "<CONSOLIDATED_LIST>&a;</CONSOLIDATED_LIST>",
        ),
        None,
        "refused unsafe XML",
    ),
    "un-long-name": Case(
        "un-sc",
        un(lambda t: t.replace("<FIRST_NAME>MONIR<", f"<FIRST_NAME>{LONG}<")),
        "INDIVIDUAL QDi.300",
        "name of 508 characters is longer than the limit of 500",
    ),
    "un-no-name": Case(
        "un-sc",
        un(
            lambda t: t.replace("<FIRST_NAME>MONIR</FIRST_NAME>", "").replace(
                "<SECOND_NAME>CHOUKA</SECOND_NAME>", ""
            )
        ),
        "INDIVIDUAL QDi.300",
        "entry 'un-sc:QDi.300' has no name",
    ),
    "un-duplicate": Case(
        "un-sc",
        un(lambda t: t.replace(">QDi.300<", ">QDi.299<")),
        "INDIVIDUAL QDi.299",
        "duplicate id 'un-sc:QDi.299' .first seen at INDIVIDUAL QDi.299",
    ),
    "un-no-reference": Case(
        "un-sc",
        un(lambda t: t.replace("<REFERENCE_NUMBER>QDi.300</REFERENCE_NUMBER>", "")),
        r"INDIVIDUAL #4 \(DATAID 2982105\)",
        "no REFERENCE_NUMBER",
    ),
    "un-bad-date": Case(
        "un-sc",
        un(lambda t: t.replace("<DATE>1981-07-30<", "<DATE>1981-02-30<")),
        "INDIVIDUAL QDi.300",
        "INDIVIDUAL_DATE_OF_BIRTH",
    ),
    "un-bad-type-of-date": Case(
        "un-sc",
        un(lambda t: t.replace("<TYPE_OF_DATE>BETWEEN<", "<TYPE_OF_DATE>AROUND<", 1)),
        "INDIVIDUAL TAi.002",
        "unknown TYPE_OF_DATE 'AROUND'",
    ),
    # --- OFAC legacy CSV
    "ofac-truncated": Case(
        "ofac-sdn",
        ofac("sdn.csv", lambda b: b[: b.index(b"46249,") + 60]),
        "line 11, row for ent_num 46249",
        r"\d columns, expected 12",
    ),
    "ofac-wrong-columns": Case(
        "ofac-sdn",
        ofac("sdn.csv", ofac_row("12926", lambda ln: ln + b",-0- ")),
        "line 5, row for ent_num 12926",
        "13 columns, expected 12",
    ),
    "ofac-alt-columns": Case(
        "ofac-sdn",
        ofac("alt.csv", lambda b: b.replace(b'"aka",', b"", 1)),
        "line 1",
        "not an OFAC alt.csv .4 columns, expected 5",
        WrongFormat,
    ),
    "ofac-encoding": Case(
        "ofac-sdn",
        ofac("sdn.csv", lambda b: b.replace(b"Ekrem", b"Ekr\xe9m")),
        "line 11",
        "not valid UTF-8",
    ),
    "ofac-given-xml": Case(
        "ofac-sdn",
        other("consolidated.xml", UN_SMALL),
        "line 1",
        "not an OFAC sdn.csv",
        WrongFormat,
    ),
    "ofac-header": Case(
        "ofac-sdn",
        ofac(
            "sdn.csv",
            lambda b: (
                b"ent_num,SDN_Name,SDN_Type,Program,Title,Call_Sign,Vess_type,Tonnage,GRT,Vess_flag,Vess_owner,Remarks\r\n"
                + b
            ),
        ),
        "line 1",
        "ent_num 'ent_num' is not a number",
        WrongFormat,
    ),
    "ofac-empty": Case("ofac-sdn", ofac("sdn.csv", lambda b: b"\x1a"), None, "file is empty"),
    "ofac-no-alt": Case(
        "ofac-sdn",
        ofac("alt.csv", lambda b: None),
        None,
        "file not found .OFAC's strong aliases are in alt.csv",
    ),
    "ofac-long-name": Case(
        "ofac-sdn",
        ofac("sdn.csv", ofac_row("12926", lambda ln: ln.replace(b"AL-BADRI", LONG.encode()))),
        "line 5, row for ent_num 12926",
        "longer than the limit of 500",
    ),
    "ofac-no-name": Case(
        "ofac-sdn",
        ofac(
            "sdn.csv", ofac_row("12926", lambda ln: re.sub(rb'^12926,"[^"]*"', b"12926,-0- ", ln))
        ),
        "row for ent_num 12926",
        "entry 'ofac-sdn:12926' has no name",
    ),
    "ofac-duplicate": Case(
        "ofac-sdn",
        ofac("sdn.csv", ofac_row("46249", lambda ln: ln + b"\r\n" + ln)),
        "line 12, row for ent_num 46249",
        "duplicate id 'ofac-sdn:46249' .first seen at line 11",
    ),
    "ofac-type": Case(
        "ofac-sdn",
        ofac("sdn.csv", ofac_row("12926", lambda ln: ln.replace(b'"individual"', b'"submarine"'))),
        "row for ent_num 12926",
        "unknown SDN_Type 'submarine'",
    ),
    # --- FollowTheMoney JSON lines
    "ftm-truncated": Case("ftm", ftm(lambda t: t[: len(t) - 40]), "line 9", "invalid JSON"),
    "ftm-malformed": Case(
        "ftm",
        ftm(lambda t: t.replace('{"id": "os-address-1"', '{id: "os-address-1"')),
        "line 7",
        "invalid JSON",
    ),
    "ftm-not-lists": Case(
        "ftm",
        ftm(lambda t: t.replace('"name": ["Al Kawthar Money Exchange"]', '"name": "Al Kawthar"')),
        "line 9",
        "property 'name' is not a list of strings",
    ),
    "ftm-encoding": Case(
        "ftm",
        lambda tmp: write(tmp, "e.jsonl", FTM_SMALL.read_bytes().replace(b"Monir", b"M\xf6nir")),
        "line 4",
        "not valid UTF-8",
    ),
    "ftm-given-xml": Case(
        "ftm",
        other("un.xml", UN_SMALL),
        None,
        "not FtM JSON lines .* found text starting .<\\?xml",
        WrongFormat,
    ),
    "ftm-array": Case(
        "ftm",
        lambda tmp: write(tmp, "e.json", '[{"id": "a", "schema": "Person"}]'),
        None,
        "found a JSON array",
        WrongFormat,
    ),
    "ftm-empty": Case("ftm", empty("e.jsonl"), None, "file is empty"),
    "ftm-long-name": Case(
        "ftm",
        ftm(lambda t: t.replace('"Al Kawthar Money Exchange"', f'"{LONG}"')),
        "line 9",
        "name of 501 characters is longer than the limit of 500",
    ),
    "ftm-no-name": Case(
        "ftm",
        ftm(
            lambda t: t.replace(
                '"properties": {"name": ["Al Kawthar Money Exchange"], ', '"properties": {'
            )
        ),
        "line 9",
        "entry 'os-company-1' has no name",
    ),
    "ftm-duplicate": Case(
        "ftm",
        ftm(lambda t: t.replace('"id": "os-company-1"', '"id": "os-nusrah"')),
        "line 9",
        "duplicate id 'os-nusrah' .first at line 6",
    ),
    "ftm-no-id": Case(
        "ftm", ftm(lambda t: t.replace('"id": "os-company-1", ', "")), "line 9", "entity has no id"
    ),
    "ftm-bad-date": Case(
        "ftm",
        ftm(lambda t: t.replace('"1981-07-30"', '"30/07/1981"')),
        "line 4",
        "birthDate of 'os-monir-chouka': not a date",
    ),
    # --- Agency CSV
    "csv-truncated": Case(
        "csv",
        csv_(lambda t: t[: t.index("W-003") + 30]),
        "line 4",
        r"\d values, but the header has 14 columns",
    ),
    "csv-unknown-column": Case(
        "csv",
        csv_(lambda t: t.replace("birth_dates", "birthdate", 1)),
        r"line 1 \(header\)",
        "unknown columns 'birthdate'",
        WrongFormat,
    ),
    "csv-missing-column": Case(
        "csv",
        lambda tmp: write(tmp, "w.csv", "id,aliases\n1,Abu Adam\n"),
        r"line 1 \(header\)",
        "missing columns name",
        WrongFormat,
    ),
    "csv-encoding": Case(
        "csv",
        lambda tmp: write(tmp, "w.csv", AGENCY_SMALL.read_bytes().replace(b"Monir", b"M\xf6nir")),
        "line 3",
        "not valid UTF-8",
    ),
    "csv-given-ftm": Case(
        "csv",
        other("entities.jsonl", FTM_SMALL),
        r"line 1 \(header\)",
        "unknown columns",
        WrongFormat,
    ),
    "csv-empty": Case("csv", empty("w.csv"), None, "file is empty"),
    "csv-header-only": Case(
        "csv", lambda tmp: write(tmp, "w.csv", "id,name\n"), None, "the list holds no entries"
    ),
    "csv-long-name": Case(
        "csv",
        csv_(lambda t: t.replace("Monir Chouka", LONG)),
        "line 3",
        "name of 501 characters is longer than the limit of 500",
    ),
    "csv-no-name": Case(
        "csv",
        csv_(lambda t: t.replace("Monir Chouka", "")),
        "line 3",
        "entry 'BX:W-002' has no name",
    ),
    "csv-duplicate": Case(
        "csv",
        csv_(lambda t: t.replace("W-003", "W-001")),
        "line 4",
        "duplicate id 'BX:W-001' .first seen at line 2",
    ),
    "csv-bad-country": Case(
        "csv",
        csv_(lambda t: t.replace("Germany;Morocco", "Atlantis")),
        "line 3",
        "nationality 'Atlantis' is not a recognised country",
    ),
    "csv-bad-document": Case(
        "csv",
        csv_(lambda t: t.replace("PASSPORT:5208323009:DE", "5208323009")),
        "line 3",
        "document '5208323009' is not TYPE:NUMBER",
    ),
    "csv-bad-gender": Case(
        "csv", csv_(lambda t: t.replace(",m,", ",x,")), "line 3", "gender 'x' is not one of"
    ),
    "csv-bad-date": Case(
        "csv",
        csv_(lambda t: t.replace("1981-07-30", "1981-02-30")),
        "line 3",
        r"not a date: '1981-02-30' \(day is out of range for month\)",
    ),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_bad_input_fails_whole_and_says_where_and_why(case: Case, tmp_path: Path) -> None:
    path = case.make(tmp_path)
    agency = "BX" if case.fmt == "csv" else None
    with pytest.raises(ImportFailed) as info:
        parse_list(case.fmt, path, agency=agency)
    error = info.value
    assert isinstance(error, case.error), repr(error)
    assert re.search(case.problem, error.problem), error.detail
    if case.where is None:
        assert error.where is None or error.where.startswith("line"), error.detail
    else:
        assert error.where is not None and re.search(case.where, error.where), error.detail
    named = Path(error.file)
    assert named == path or named.parent == path, error.detail  # a file, or a file in the folder
    assert (
        str(error) == f"{error.file}{f' ({error.where})' if error.where else ''}: {error.problem}"
    )


def test_missing_file_is_named(tmp_path):
    for fmt in ("un-sc", "ofac-sdn", "ftm", "csv"):
        with pytest.raises(ImportFailed, match=r"nothing\.here.*: (file )?not found"):
            parse_list(fmt, tmp_path / "nothing.here", agency="BX" if fmt == "csv" else None)
