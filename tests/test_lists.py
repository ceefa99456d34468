from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from hajiz.errors import ImportFailed
from hajiz.lists import import_entries, import_list

HAS_IMPORTERS = importlib.util.find_spec("hajiz.importers.base") is not None
needs_importers = pytest.mark.skipif(
    not HAS_IMPORTERS, reason="hajiz.importers.base (parse_list) is not written yet"
)

UN_XML = """<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST dateGenerated="2026-02-27T00:00:09.554Z">
  <INDIVIDUALS>
    <INDIVIDUAL>
      <DATAID>1</DATAID>
      <FIRST_NAME>AHMAD</FIRST_NAME>
      <SECOND_NAME>KHAN</SECOND_NAME>
      <REFERENCE_NUMBER>QDi.901</REFERENCE_NUMBER>
      <LISTED_ON>2001-01-25</LISTED_ON>
      <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><YEAR>{year}</YEAR>
      </INDIVIDUAL_DATE_OF_BIRTH>
    </INDIVIDUAL>
    {extra}
  </INDIVIDUALS>
  <ENTITIES>
    <ENTITY>
      <DATAID>3</DATAID>
      <FIRST_NAME>EXAMPLE TRADING COMPANY</FIRST_NAME>
      <REFERENCE_NUMBER>QDe.901</REFERENCE_NUMBER>
      <LISTED_ON>2001-01-25</LISTED_ON>
    </ENTITY>
  </ENTITIES>
</CONSOLIDATED_LIST>
"""
SECOND_PERSON = """<INDIVIDUAL>
      <DATAID>2</DATAID>
      <FIRST_NAME>OMAR</FIRST_NAME>
      <SECOND_NAME>HASSAN</SECOND_NAME>
      <REFERENCE_NUMBER>QDi.902</REFERENCE_NUMBER>
      <LISTED_ON>2003-03-03</LISTED_ON>
    </INDIVIDUAL>"""


def write_un(tmp_path: Path, *, year: str = "1970", with_second: bool = True) -> Path:
    path = tmp_path / "un.xml"
    path.write_text(UN_XML.format(year=year, extra=SECOND_PERSON if with_second else ""))
    return path


def test_import_entries_reports_counts_by_schema_and_changes(fresh_store, e):
    entries = [e("p1"), e("p2"), e("o1", schema="Organization")]
    report = import_entries(
        fresh_store,
        source="test",
        source_version="2026-02-27",
        entries=entries,
        file_name="list.xml",
        sha256="f" * 64,
        warnings=["row 3: odd date"],
    )
    assert (report.persons, report.organizations, report.total) == (2, 1, 3)
    assert (report.added, report.changed, report.removed, report.unchanged) == (3, 0, 0, 0)
    assert report.warnings == ("row 3: odd date",)
    assert fresh_store.import_history()[0].id == report.import_id
    assert fresh_store.get("p1").source_version == "2026-02-27"


def test_reimporting_the_same_entries_changes_nothing(fresh_store, e):
    entries = [e("p1"), e("p2")]
    kwargs = {"source": "test", "source_version": "v1", "file_name": "f", "sha256": "0" * 64}
    import_entries(fresh_store, entries=entries, **kwargs)
    again = import_entries(fresh_store, entries=entries, **kwargs)
    assert (again.added, again.changed, again.removed, again.unchanged) == (0, 0, 0, 2)


def test_an_empty_list_is_refused_and_nothing_removed(fresh_store, e):
    kwargs = {"source": "test", "source_version": "v1", "file_name": "f.csv", "sha256": "0" * 64}
    import_entries(fresh_store, entries=[e("p1")], **kwargs)
    with pytest.raises(ImportFailed, match=r"f\.csv: no entries found"):
        import_entries(fresh_store, entries=[], **kwargs)
    assert fresh_store.count() == 1
    assert len(fresh_store.import_history()) == 1


@needs_importers
def test_import_list_parses_and_replaces_the_source(fresh_store, tmp_path):
    from hajiz.importers.base import sha256_of

    path = write_un(tmp_path)
    stages: list[str] = []
    report = import_list(fresh_store, "un-sc", path, on_stage=stages.append)
    assert report.source == "un-sc"
    assert report.source_version is not None and report.source_version.startswith("2026-02-27")
    assert (report.persons, report.organizations) == (2, 1)
    assert report.added == 3
    assert report.file_name == "un.xml"
    assert report.sha256 == sha256_of(path)
    assert len(stages) == 2 and stages[0].startswith("Reading")

    changed = write_un(tmp_path, year="1971", with_second=False)
    report = import_list(fresh_store, "un-sc", changed)
    assert (report.added, report.changed, report.removed, report.unchanged) == (0, 1, 1, 1)
    assert fresh_store.counts_by_source() == {"un-sc": 2}


@needs_importers
@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (UN_XML[: len(UN_XML) // 2], "malformed XML"),
        ('<?xml version="1.0" encoding="ATF-8"?><CONSOLIDATED_LIST/>', "unknown encoding"),
    ],
)
def test_a_file_that_fails_to_parse_writes_nothing(fresh_store, tmp_path, content, problem):
    import_list(fresh_store, "un-sc", write_un(tmp_path))
    before = (list(fresh_store.iter_entries()), fresh_store.import_history())
    broken = tmp_path / "broken.xml"
    broken.write_text(content)
    with pytest.raises(ImportFailed, match=rf"broken\.xml.*: {problem}"):
        import_list(fresh_store, "un-sc", broken)
    assert (list(fresh_store.iter_entries()), fresh_store.import_history()) == before
