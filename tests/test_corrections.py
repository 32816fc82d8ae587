"""Corrections by name (issue 24): records listed by their id, one withdrawn by it, never brought back.

Two records of one item on one date — a unit filled in another's figure — and the wrong one is the
earlier: a retraction of "the latest" would withdraw the right one. `show` lists every record with its
rid, figure, source and who entered it; `record ID --retract --rid RID` withdraws the one named.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date

import pytest

from plancli.ledger.record import LedgerError, Record
from plancli.ledger.recording import check_ledger, ledger_warnings, named_record
from plancli.ledger.storage import append_record, load_ledger
from plancli.ledger.timeline import latest_records
from plancli.registry.loading import load_registry

SAME_DAY = date(2024, 11, 20)


@pytest.fixture
def ledger(tiny):
    """test-002 (>3.8 万家): a wrong figure (1.2万家, typed by 工信厅 into 科技厅's row) and then the right one."""
    p = tiny.parent / "progress.yaml"
    append_record(p, Record("test-002", "in_progress", 12000.0, "1.2", on=SAME_DAY, source="台账 工信厅.xlsx",
                            rid="20241121T010000.000001Z-aaaa1111"))
    append_record(p, Record("test-002", "in_progress", 30000.0, "3", on=SAME_DAY, source="台账 科技厅.xlsx",
                            rid="20241121T020000.000001Z-bbbb2222"))
    return p


def _run(cli, tiny, ledger, *args, lang="en"):
    return cli(*args, "--registry", str(tiny), "--progress", str(ledger), "--lang", lang)


def test_show_lists_each_record_by_its_id_with_figure_source_and_who(cli, tiny, ledger):
    d = json.loads(_run(cli, tiny, ledger, "show", "test-002", "--as-of", "2024-12-01", "--format", "json").out)[0]
    assert [(r["rid"], r["effective"], r["actual"], r["source"], r["withdrawn"]) for r in d["records"]] == [
        ("20241121T010000.000001Z-aaaa1111", "2024-11-20", 12000.0, "台账 工信厅.xlsx", None),
        ("20241121T020000.000001Z-bbbb2222", "2024-11-20", 30000.0, "台账 科技厅.xlsx", None)]
    assert all(r["entered_by"] for r in d["records"])  # git's user.name, else the login name
    text = _run(cli, tiny, ledger, "show", "test-002", "--as-of", "2024-12-01", "--format", "plain").out
    assert "[20241121T010000.000001Z-aaaa1111]" in text and "source: 台账 工信厅.xlsx" in text
    zh = _run(cli, tiny, ledger, "show", "test-002", "--as-of", "2024-12-01", "--format", "plain", lang="zh").out
    assert "〔20241121T010000.000001Z-aaaa1111〕" in zh and "，录入人 " in zh


@pytest.mark.parametrize("given", ["20241121T01", "aaaa", "aaaa1111", "20241121T010000.000001Z-aaaa1111"])
def test_the_wrong_one_is_withdrawn_by_its_id_and_the_right_one_stands(cli, tiny, ledger, given):
    r = _run(cli, tiny, ledger, "record", "test-002", "--retract", "--rid", given, "--note", "工信厅误填")
    assert r.code == 0 and r.err.startswith(
        "retracted test-002 record 20241121T010000.000001Z-aaaa1111: in_progress on 2024-11-20, actual 1.2 万家, "
        "source: 台账 工信厅.xlsx (工信厅误填) → ")
    assert latest_records(load_ledger(ledger))["test-002"].actual == 30000.0
    zh = _run(cli, tiny, ledger, "record", "test-002", "--retract", "--rid", "bbbb", "--note", "复核", lang="zh")
    assert "已撤回 test-002 的记录 20241121T020000.000001Z-bbbb2222：进行中，日期 2024-11-20，实际值 3 万家，" \
           "来源：台账 科技厅.xlsx（撤回理由：复核）" in zh.err


@pytest.mark.parametrize(("given", "message"), [
    ("2024112", "--rid 2024112 names several records: 20241121T010000.000001Z-aaaa1111, "
                "20241121T020000.000001Z-bbbb2222; give more of it"),
    ("cccc", "test-002 has no record cccc; its records are: 20241121T010000.000001Z-aaaa1111, "
             "20241121T020000.000001Z-bbbb2222"),
    ("dddd", "record dddd is a record of test-001, not of test-002"),
    ("  ", "--rid is empty; give a record id (plancli show ID lists them)"),
])
def test_a_rid_that_names_no_one_record_is_refused_by_name(cli, tiny, ledger, given, message):
    append_record(ledger, Record("test-001", "in_progress", on=SAME_DAY, rid="20241121T030000.000001Z-dddd4444"))
    r = _run(cli, tiny, ledger, "record", "test-002", "--retract", "--rid", given, "--note", "x")
    assert (r.code, r.err) == (2, f"plancli: error: {message}\n")


def test_a_withdrawn_record_cannot_be_withdrawn_again_and_rid_needs_retract(cli, tiny, ledger):
    assert _run(cli, tiny, ledger, "record", "test-002", "--retract", "--rid", "aaaa", "--note", "误填",
                "--on", "2024-11-21").code == 0
    r = _run(cli, tiny, ledger, "record", "test-002", "--retract", "--rid", "aaaa", "--note", "again")
    assert (r.code, r.err) == (2, "plancli: error: record 20241121T010000.000001Z-aaaa1111 was already "
                                  "withdrawn on 2024-11-21 (误填)\n")
    r = _run(cli, tiny, ledger, "record", "test-002", "--status", "met", "--rid", "aaaa")
    assert (r.code, r.err) == (2, "plancli: error: --rid names the record to withdraw: give it with --retract\n")


def test_named_record_in_the_core(tiny, ledger):
    records = load_ledger(ledger)
    assert named_record(records, "test-002", "bbbb2").source == "台账 科技厅.xlsx"
    with pytest.raises(LedgerError):
        named_record(records, "test-001", "bbbb")


def test_a_withdrawn_row_is_never_imported_again(cli, tiny, ledger, tmp_path):
    book = tmp_path / "月报.csv"  # no unit's name: its rows count, no 报送 is recorded
    book.write_text("编号,实际值,数据截至日期\ntest-002,1.2,2024-11-20\n", encoding="utf-8")
    assert _run(cli, tiny, ledger, "record", "test-002", "--retract", "--rid", "aaaa", "--note", "误填").code == 0
    before = len(load_ledger(ledger))
    r = _run(cli, tiny, ledger, "import", str(book), "--format", "json")
    assert [(x["item"], x["action"]) for x in json.loads(r.out)] == [("test-002", "withdrawn")]
    assert r.err.endswith(f"{book}: which unit sent this file is not known (no export marker, no unit in the "
                          "file name), so rows were not checked against the unit; name the file after the unit "
                          "(省科技厅.xlsx)\nrecorded 0 of 1 filled rows (1 already recorded)\n")
    assert len(load_ledger(ledger)) == before
    zh = _run(cli, tiny, ledger, "import", str(book), "--format", "plain", lang="zh")
    assert "曾撤回，不再记录" in zh.out


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_who_entered_it_is_the_repositorys_git_name(cli, tiny, ledger):
    subprocess.run(["git", "init", "-q", str(tiny.parent)], check=True)
    subprocess.run(["git", "-C", str(tiny.parent), "config", "user.name", "督查办 李明"], check=True)
    assert _run(cli, tiny, ledger, "record", "test-001", "--status", "in_progress", "--on", "2024-10-01").code == 0
    assert load_ledger(ledger)[-1].entered_by == "督查办 李明"
    assert "(recorded " in _run(cli, tiny, ledger, "show", "test-001", "--format", "plain").out
    assert ", by 督查办 李明)" in _run(cli, tiny, ledger, "show", "test-001", "--format", "plain").out


def test_two_retractions_of_one_record_are_one(tiny, ledger):
    """Two clones withdrew the same wrong record; merged, the ledger has both retractions: one counts
    (the first by order_key, on every clone), validate says so in a note, listings say nothing."""
    reg = load_registry(tiny)
    lines = ledger.read_text(encoding="utf-8")
    a = Record("test-002", "retracted", on=date(2024, 11, 22), note="办公室撤回", retracts="20241121T010000.000001Z-aaaa1111",
               rid="20241122T010000.000001Z-eeee5555", recorded_at="2024-11-22T09:00:00+08:00")
    b = Record("test-002", "retracted", on=date(2024, 11, 23), note="单位撤回", retracts="20241121T010000.000001Z-aaaa1111",
               rid="20241123T010000.000001Z-ffff6666", recorded_at="2024-11-23T09:00:00+08:00")
    results = []
    for first, second in ((a, b), (b, a)):
        ledger.write_text(lines, encoding="utf-8")
        append_record(ledger, first)
        append_record(ledger, second)
        records = load_ledger(ledger)
        assert ledger_warnings(reg, ledger, records) == []
        problems = check_ledger(ledger, records, reg)
        assert [(p.level, p.code) for p in problems] == [("note", "ledger.retracted_twice")]
        results.append((latest_records(records)["test-002"].actual,
                        next(r for r in records if r.rid == problems[0].fields["rid"]).rid))
    assert results[0] == results[1] == (30000.0, "20241121T010000.000001Z-aaaa1111")


def test_validate_strict_passes_with_a_note(cli, tiny, ledger):
    for rid, day in (("r-x", 22), ("r-y", 23)):
        append_record(ledger, Record("test-002", "retracted", on=date(2024, 11, day), note="误填",
                                     retracts="20241121T010000.000001Z-aaaa1111", rid=rid))
    r = cli("validate", "--strict", "--registry", str(tiny), "--progress", str(ledger), "--no-source", "--lang", "en")
    assert r.code == 0, r.out
    assert ": note: record 20241121T010000.000001Z-aaaa1111 of test-002 is withdrawn twice (already at line " in r.out
    due = cli("due", "--registry", str(tiny), "--progress", str(ledger))
    assert "warning" not in due.err
