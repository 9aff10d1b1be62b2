"""`marsad search`: --offset pages on; --type takes the PLOVER types only, and says which."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from store_fixtures import SYNTH_TEXT, synthetic_record

from marsad.cli.main import cli
from marsad.model import EVENT_TYPES
from marsad.store import ingest_records, open_store


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli-search") / "s.db"
    conn = open_store(path)
    ingest_records(conn, [synthetic_record(f"a{i}", text=f"{SYNTH_TEXT} {i}", published=f"2023-09-{10 + i}") for i in range(5)])
    conn.close()
    return path


def _run(*args):
    return CliRunner().invoke(cli, ["search", *map(str, args)])


def test_store_cli_search_offset_pages_on(db):
    first = json.loads(_run("لافروف", "--db", db, "--limit", 2, "--json").stdout)
    second = json.loads(_run("لافروف", "--db", db, "--limit", 2, "--offset", 2, "--json").stdout)
    assert first["total"] == second["total"] == 5 and second["offset"] == 2
    ids = [i["id"] for i in first["items"]] + [i["id"] for i in second["items"]]
    assert len(set(ids)) == 4
    plain = _run("لافروف", "--db", db, "--limit", 2, "--offset", 4)
    assert plain.exit_code == 0 and "5 articles, 5–5 shown" in plain.stderr


def test_store_cli_search_unknown_type_lists_the_valid_ones(db):
    result = _run("--db", db, "--type", "FOO")
    assert result.exit_code == 2
    assert "FOO" in result.output and all(t in result.output for t in EVENT_TYPES)


def test_store_cli_search_type_is_case_blind_and_help_lists_types(db):
    assert json.loads(_run("--db", db, "--type", "support", "--json").stdout)["total"] == 5
    help_text = " ".join(_run("--help").output.split())
    assert all(t in help_text for t in EVENT_TYPES) and "--offset" in help_text


def test_store_cli_search_facets_and_country(db):
    data = json.loads(_run("لافروف", "--db", db, "--facets", "--json").stdout)
    by_name = {f["name"]: f for f in data["facets"]}
    assert set(by_name) == {"outlet", "type", "country", "actor", "day"}
    assert sum(v["count"] for v in by_name["day"]["values"]) == data["total"] == 5
    country = by_name["country"]["values"][0]
    narrowed = json.loads(_run("لافروف", "--db", db, "--country", country["value"], "--json").stdout)
    assert narrowed["total"] == country["count"]
    text = _run("لافروف", "--db", db, "--facets")
    assert text.exit_code == 0 and "\nday: 2023-09-" in text.stdout
    bad = _run("لافروف", "--db", db, "--country", "Russia")
    assert bad.exit_code == 2 and "not a country code" in bad.output
