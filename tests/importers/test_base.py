from __future__ import annotations

import hashlib

import pytest

from hajiz.errors import ConfigError, ImportFailed
from hajiz.importers import IMPORTERS, ParsedList, base, parse_list, sha256_of

from .conftest import AGENCY_SMALL, FTM_SMALL, OFAC_SMALL, UN_SMALL


def test_registry_slugs():
    assert list(IMPORTERS) == ["un-sc", "ofac-sdn", "ftm", "csv"]
    assert base.ParsedList is ParsedList


@pytest.mark.parametrize(
    ("fmt", "path", "agency", "source"),
    [
        ("un-sc", UN_SMALL, None, "un-sc"),
        ("ofac-sdn", OFAC_SMALL, None, "ofac-sdn"),
        ("ofac-sdn", OFAC_SMALL / "sdn.csv", None, "ofac-sdn"),
        ("ftm", FTM_SMALL, None, "ftm"),
        ("ftm", FTM_SMALL, "OS", "ftm:OS"),
        ("csv", AGENCY_SMALL, "BX", "agency:BX"),
    ],
)
def test_parse_list_dispatches(fmt, path, agency, source):
    parsed = parse_list(fmt, path, agency=agency)
    assert parsed.source == source
    assert parsed.entries


def test_unknown_format_names_the_allowed_ones():
    with pytest.raises(
        ConfigError, match=r"Unknown list format 'eu' \(choose from: un-sc, ofac-sdn, ftm, csv\)"
    ):
        parse_list("eu", UN_SMALL)


def test_csv_needs_an_agency_and_fixed_formats_refuse_another():
    with pytest.raises(ConfigError, match="needs the agency"):
        parse_list("csv", AGENCY_SMALL)
    with pytest.raises(ConfigError, match="always agency UN"):
        parse_list("un-sc", UN_SMALL, agency="OFAC")
    assert parse_list("un-sc", UN_SMALL, agency="UN").source == "un-sc"


def test_max_name_length_is_passed_on():
    with pytest.raises(ImportFailed, match="limit of 20"):
        parse_list("un-sc", UN_SMALL, max_name_length=20)


def test_sha256_of_a_file_and_a_folder(tmp_path):
    assert sha256_of(UN_SMALL) == hashlib.sha256(UN_SMALL.read_bytes()).hexdigest()
    folder = tmp_path / "ofac"
    folder.mkdir()
    for name in ("sdn.csv", "alt.csv"):
        (folder / name).write_bytes((OFAC_SMALL / name).read_bytes())
    first = sha256_of(folder)
    assert len(first) == 64 and first == sha256_of(folder)
    (folder / "alt.csv").write_bytes(b"changed")
    assert sha256_of(folder) != first
    with pytest.raises(ImportFailed, match=r"missing\.xml"):
        sha256_of(tmp_path / "missing.xml")
