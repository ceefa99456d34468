from __future__ import annotations

import importlib.util
import json
from importlib import resources
from pathlib import Path

import pytest

from hajiz.lists import import_entries
from tests.backends import store_at

HAS_IMPORTERS = importlib.util.find_spec("hajiz.importers.base") is not None
needs_importers = pytest.mark.skipif(
    not HAS_IMPORTERS, reason="hajiz.importers.base (parse_list) is not written yet"
)
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
HAS_DEMO = resources.files("hajiz").joinpath("data", "demo_un_sc.xml").is_file()

UN_XML = """<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST dateGenerated="2026-02-27T00:00:09.554Z">
  <INDIVIDUALS>
    <INDIVIDUAL>
      <DATAID>1</DATAID>
      <FIRST_NAME>AHMAD</FIRST_NAME>
      <SECOND_NAME>KHAN</SECOND_NAME>
      <REFERENCE_NUMBER>QDi.901</REFERENCE_NUMBER>
      <LISTED_ON>2001-01-25</LISTED_ON>
    </INDIVIDUAL>
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


@pytest.fixture
def filled_db(db_url, e):
    """A database holding three test entries from one recorded import."""
    with store_at(db_url) as store:
        import_entries(
            store,
            source="test",
            source_version="2026-02-27",
            entries=[
                e("t-1", "Ahmad Khan", names=("أحمد خان",), birth_date="1970"),
                e("t-2", "Omar [the tall] Hassan"),
                e("t-3", "Example Trading", schema="Organization"),
            ],
            file_name="test.xml",
            sha256="0123456789abcdef" * 4,
        )
    return db_url


def one_error_line(result) -> str:
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith("Error: ")
    return lines[0]


def test_entries_list_shows_a_table_and_the_total(run_cli, filled_db):
    result = run_cli("entries", "list", "--limit", "2")
    assert result.exit_code == 0, result.output
    assert "t-1" in result.output and "t-2" in result.output
    assert "t-3" not in result.output
    assert "Showing 1–2 of 3 entries." in result.output


def test_entries_list_json_filters_by_source(run_cli, filled_db):
    result = run_cli("entries", "list", "--source", "test", "--json", "--offset", "2")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [item["id"] for item in data] == ["t-3"]
    assert data[0]["schema"] == "Organization"
    empty = run_cli("entries", "list", "--source", "nothing", "--json")
    assert json.loads(empty.stdout) == []


def test_entries_show_json_is_the_full_entry(run_cli, filled_db):
    result = run_cli("entries", "show", "t-1", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    with store_at(filled_db) as store:
        assert data == store.get("t-1").to_dict()
    assert [name["full"] for name in data["names"]] == ["Ahmad Khan", "أحمد خان"]
    assert "أحمد خان" in result.stdout  # not \\u-escaped
    assert data["version"] == 1


def test_entries_show_renders_names_and_facts(run_cli, filled_db):
    result = run_cli("entries", "show", "t-2")
    assert result.exit_code == 0, result.output
    assert "Omar [the tall] Hassan" in result.output  # brackets are text, not rich markup
    assert "test (TEST)" in result.output


def test_entries_show_unknown_id_is_one_line_and_exit_1(run_cli, filled_db):
    result = run_cli("entries", "show", "nope")
    assert result.exit_code == 1
    assert one_error_line(result) == "Error: No entry with id 'nope'"


def test_lists_shows_sources_versions_and_checksums(run_cli, filled_db):
    result = run_cli("lists")
    assert result.exit_code == 0, result.output
    with store_at(filled_db) as store:
        assert f"Database: {store.url}" in result.output
    for expected in ("test", "3", "2026-02-27", "test.xml", "0123456789ab"):
        assert expected in result.output


def test_lists_on_an_empty_database_suggests_the_demo(run_cli, db_path, backend):
    result = run_cli("lists")
    assert result.exit_code == 0
    assert "No lists imported yet. Try: hajiz demo" in result.output
    if backend == "sqlite":
        assert db_path.exists()  # the database was created on first use


def test_usage_errors_exit_2(run_cli, tmp_path):
    assert run_cli("entries", "show").exit_code == 2
    assert run_cli("entries", "list", "--limit", "-1").exit_code == 2
    assert run_cli("import", "un-sc", str(tmp_path / "missing.xml")).exit_code == 2
    assert run_cli("import", "ofac-sdn", __file__).exit_code == 2  # a file, not a folder
    csv_file = tmp_path / "list.csv"
    csv_file.write_text("id\n")
    result = run_cli("import", "csv", str(csv_file))
    assert result.exit_code == 2
    assert "--agency" in result.output


def test_unsupported_database_url_is_one_line_and_exit_1():
    from click.testing import CliRunner

    from hajiz.cli import main

    result = CliRunner().invoke(main, ["--db", "mysql://db/x", "lists"])
    assert result.exit_code == 1
    assert "unsupported scheme 'mysql'" in one_error_line(result)
    # Nothing listens on port 1: refused at once, and the password never shows.
    result = CliRunner().invoke(main, ["--db", "postgresql://u:secret@127.0.0.1:1/x", "lists"])
    assert result.exit_code == 1
    line = one_error_line(result)
    assert "Cannot connect to the database 'postgresql://u:***@127.0.0.1:1/x'" in line
    assert "secret" not in line


def test_bad_setting_is_one_line_naming_the_variable(run_cli, monkeypatch):
    monkeypatch.setenv("HAJIZ_MAX_NAME_LENGTH", "lots")
    result = run_cli("lists")
    assert result.exit_code == 1
    assert "HAJIZ_MAX_NAME_LENGTH" in one_error_line(result)


def test_negative_build_workers_is_refused_naming_the_bound(run_cli, monkeypatch, tmp_path):
    db = tmp_path / "never.db"
    monkeypatch.setenv("HAJIZ_BUILD_WORKERS", "-1")
    result = run_cli("--db", str(db), "screen", "Ayman al-Zawahiri")
    assert result.exit_code == 1
    line = one_error_line(result)
    assert "HAJIZ_BUILD_WORKERS" in line
    assert "greater than or equal to 0" in line
    assert not db.exists()


def test_default_database_comes_from_the_settings(monkeypatch, tmp_path):
    from click.testing import CliRunner

    from hajiz.cli import main

    monkeypatch.setenv("HAJIZ_DATABASE_URL", f"sqlite:///{tmp_path / 'env.db'}")
    result = CliRunner().invoke(main, ["lists"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "env.db").exists()
    monkeypatch.delenv("HAJIZ_DATABASE_URL")
    result = CliRunner().invoke(main, ["lists"])
    assert (tmp_path / "data-dir" / "hajiz.db").exists()  # HAJIZ_DATA_DIR set by conftest


def test_demo_refuses_to_replace_a_real_un_list(run_cli, db_url, e):
    with store_at(db_url) as store:
        import_entries(
            store,
            source="un-sc",
            source_version="2026-02-27",
            entries=[e("un-sc:QDi.001", source="un-sc")],
            file_name="consolidated.xml",
            sha256="0" * 64,
        )
    result = run_cli("demo")
    assert result.exit_code == 1
    assert "already holds the un-sc list from consolidated.xml" in one_error_line(result)
    with store_at(db_url) as store:
        assert store.count() == 1


@needs_importers
def test_import_un_sc_prints_the_summary_and_is_idempotent(run_cli, tmp_path):
    path = tmp_path / "consolidated.xml"
    path.write_text(UN_XML)
    first = run_cli("import", "un-sc", str(path))
    assert first.exit_code == 0, first.output
    assert "un-sc 2026-02-27" in first.stdout
    assert "1 person, 1 organization — added 2, changed 0, removed 0, unchanged 0" in (first.stdout)
    again = run_cli("import", "un-sc", str(path))
    assert "added 0, changed 0, removed 0, unchanged 2" in again.stdout
    listed = run_cli("lists")
    assert "consolidated.xml" in listed.output


@needs_importers
def test_import_of_a_broken_file_is_one_line_exit_1_and_writes_nothing(run_cli, tmp_path, db_url):
    path = tmp_path / "broken.xml"
    path.write_text(UN_XML[:200])
    result = run_cli("import", "un-sc", str(path))
    assert result.exit_code == 1
    assert "broken.xml" in one_error_line(result)
    with store_at(db_url) as store:
        assert store.count() == 0
        assert store.import_history() == []


@pytest.mark.skipif(not HAS_DEMO, reason="hajiz/data/demo_un_sc.xml is not written yet")
@needs_importers
def test_demo_imports_the_bundled_list_and_shows_it(run_cli, db_url):
    result = run_cli("demo")
    assert result.exit_code == 0, result.output
    assert "un-sc" in result.stdout and "added" in result.stdout
    assert "demo_un_sc.xml" in result.stdout
    with store_at(db_url) as store:
        assert store.counts_by_source()["un-sc"] > 0
    again = run_cli("demo")  # running the demo twice is fine
    assert again.exit_code == 0, again.output
    assert "added 0, changed 0, removed 0" in again.stdout


@needs_importers
@pytest.mark.parametrize(
    "args",
    [
        ["un-sc", "un_sc_small.xml"],
        ["ofac-sdn", "ofac_sdn_small"],
        ["ftm", "ftm_small.jsonl"],
        ["csv", "agency_small.csv", "--agency", "BP"],
    ],
)
def test_every_format_imports_from_its_fixture(run_cli, db_url, args):
    fmt, name, *options = args
    path = FIXTURES / name
    if not path.exists():
        pytest.skip(f"fixture not found at {path}")
    result = run_cli("import", fmt, str(path), *options)
    assert result.exit_code == 0, result.output
    with store_at(db_url) as store:
        ((source, count),) = store.counts_by_source().items()
        record = store.import_history(source)[0]
    assert count > 0
    assert f"added {count}, changed 0, removed 0, unchanged 0" in result.stdout
    assert result.stdout.startswith(f"{source} ")
    assert record.file_name == name
