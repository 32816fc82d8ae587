"""The progress ledger: `plancli record`, history, value conversion, statuses, locking and safe writes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

from plancli.ledger import storage as ledger
from plancli.ledger.attainment import attainment
from plancli.ledger.record import LedgerError, Record
from plancli.ledger.storage import HEADER, append_record, load_ledger
from plancli.ledger.timeline import latest_records
from plancli.registry.loading import Entry
from plancli.text.actuals import convert
from plancli.text.quantities import QuantityError
from plancli.vocabulary import RECORD_STATUSES

from .conftest import ROOT, TINY_REGISTRY


def _one_line_error(r, code: int = 2) -> str:
    assert r.code == code, (r.code, r.out, r.err)
    assert r.err.startswith("plancli: error: "), r.err
    assert r.err.count("\n") == 1 and r.err.endswith("\n"), r.err
    assert "Traceback" not in r.err
    return r.err


def _temp_files(d: Path) -> list[str]:
    return sorted(p.name for p in d.iterdir() if p.name.endswith(".tmp"))


def _rec(cli, tiny: Path, progress: Path, *args: str):
    """``plancli record``; dated 2024-10-15 (before the fixture's as-of, 2024-10-20) unless the test
    gives --on: a record counts only from its effective date."""
    if "--on" not in args and "--retract" not in args:
        args = (*args, "--on", "2024-10-15")
    return cli("record", "--new", *args, "--registry", str(tiny), "--progress", str(progress))


def _json(cli, tiny: Path, progress: Path, *args: str):
    r = cli(*args, "--registry", str(tiny), "--progress", str(progress), "--format", "json")
    assert r.code in (0, 1), r.err
    return json.loads(r.out)


# --------------------------------------------------------------------------- recording each status


@pytest.mark.parametrize("status", ["done", "met", "missed", "in_progress"])
def test_record_each_status_and_read_it_back(cli, tiny, tmp_path, status):
    progress = tmp_path / "progress.yaml"
    r = _rec(cli, tiny, progress, "test-004", "--status", status, "--source", "省科技厅通报")
    assert (r.code, r.out) == (0, "")
    assert r.err == f"recorded test-004: {status} on 2024-10-15 → {progress}\n"
    recs = load_ledger(progress)
    assert [(x.item, x.status, x.source, x.actual) for x in recs] == [("test-004", status, "省科技厅通报", None)]
    assert recs[0].recorded_at  # stamped by append_record
    assert progress.read_text(encoding="utf-8").startswith(HEADER)
    # every listing shows the recorded status for the item
    rows = _json(cli, tiny, progress, "list")
    assert {x["id"]: x["status"] for x in rows}["test-004"] == status
    assert {x["id"]: x["record_status"] for x in rows}["test-004"] == status


@pytest.mark.parametrize("status", RECORD_STATUSES)
def test_ledger_api_round_trip(tmp_path, status):
    p = tmp_path / "sub" / "progress.yaml"  # the directory is created on first write
    note = 'quotes " and \' , colon: x # not a comment\nsecond line\t-tab, yes, no, ~, null, 😀'
    rec = append_record(p, Record("test-001", status, actual=36000.0, actual_text="3.6万家",
                                  source="https://example.org/a?b=1&c=2", note=note))
    assert rec.recorded_at is not None
    assert date.fromisoformat(rec.recorded_at[:10])  # an ISO timestamp
    [back] = load_ledger(p)
    assert (back.item, back.status, back.actual, back.actual_text, back.source, back.note, back.recorded_at) == (
        "test-001", status, 36000.0, "3.6万家", "https://example.org/a?b=1&c=2", note, rec.recorded_at)
    assert back.entry_id == "test-001" and back.yaml_line == HEADER.count("\n") + 1  # after the header
    d = back.as_dict()
    assert d["id"] == "test-001" and d["item"] == "test-001" and d["status"] == status


def test_ledger_api_keeps_an_explicit_timestamp_and_occurrence(tmp_path):
    p = tmp_path / "progress.yaml"
    append_record(p, Record("test-003@2024", "met", actual=21.0, recorded_at="2024-10-21T08:00:00+00:00"))
    [back] = load_ledger(p)
    assert (back.item, back.entry_id, back.recorded_at) == ("test-003@2024", "test-003", "2024-10-21T08:00:00+00:00")


def test_on_date_survives_a_round_trip(cli, tiny, tmp_path):
    p = tmp_path / "progress.yaml"
    append_record(p, Record("test-001", "met", on=date(2024, 12, 31)))
    assert load_ledger(p)[0].on == date(2024, 12, 31)
    r = _rec(cli, tiny, p, "test-002", "--status", "done", "--on", "2024-11-30")
    assert r.code == 0
    hist = _json(cli, tiny, p, "show", "test-002", "--as-of", "2024-12-01")[0]["history"]
    assert hist[0]["on"] == "2024-11-30"


@pytest.mark.parametrize("value", [5e-05, 1e-07, 1e16, 2.2e12, 0.1 + 0.2, 123456789.123, 0.0, -3.5])
def test_any_float_actual_reads_back_exactly(tmp_path, value):
    p = tmp_path / "progress.yaml"
    append_record(p, Record("test-005", "met", actual=value))
    [back] = load_ledger(p)
    assert back.actual == float(f"{value:.15g}") and isinstance(back.actual, float)


def test_stored_actual_has_no_float_noise(tmp_path):
    p = tmp_path / "progress.yaml"
    append_record(p, Record("test-005", "met", actual=3.2000000000000002))
    assert '"actual": 3.2,' in p.read_text(encoding="utf-8")


def test_missing_ledger_is_empty_and_comments_are_kept(tmp_path):
    p = tmp_path / "progress.yaml"
    assert load_ledger(p) == []
    old = ("# hand-written header, keep me\n"
           "records:\n"
           "  - id: test-001   # first report\n"
           "    status: in_progress\n"
           "    recorded_at: '2024-10-01T00:00:00+00:00'\n")
    p.write_text(old, encoding="utf-8")
    append_record(p, Record("test-001", "met"))
    text = p.read_text(encoding="utf-8")
    # the legacy ledger is migrated to one record per line; its leading comments stay
    assert text.startswith("# hand-written header, keep me\nrecords:\n  - {\"rid\": \"L")
    assert [r.status for r in load_ledger(p)] == ["in_progress", "met"]
    append_record(p, Record("test-002", "met"))
    assert p.read_text(encoding="utf-8").startswith(text)  # from now on: only appended


def test_ledger_of_only_comments_gets_a_records_key(tmp_path):
    p = tmp_path / "progress.yaml"
    p.write_text("# nothing yet\n", encoding="utf-8")
    append_record(p, Record("test-004", "done"))
    assert p.read_text(encoding="utf-8").startswith("# nothing yet\nrecords:\n")
    assert [r.item for r in load_ledger(p)] == ["test-004"]


def test_empty_flow_list_is_turned_into_a_block_list(tmp_path):
    p = tmp_path / "progress.yaml"
    p.write_text("# kept\nrecords: []\n", encoding="utf-8")
    append_record(p, Record("test-004", "done"))
    assert [r.item for r in load_ledger(p)] == ["test-004"]
    assert p.read_text(encoding="utf-8").startswith("# kept\nrecords:\n  - {\"rid\": ")


def test_non_empty_flow_list_is_migrated_to_one_record_per_line(tmp_path):
    p = tmp_path / "progress.yaml"
    p.write_text("records: [{id: test-001, status: done}]\n", encoding="utf-8")
    append_record(p, Record("test-004", "done"))
    assert [r.item for r in load_ledger(p)] == ["test-001", "test-004"]
    assert p.read_text(encoding="utf-8").count("\n  - {") == 2


def test_appends_to_a_ledger_written_by_yaml_dump(tmp_path):
    p = tmp_path / "progress.yaml"
    p.write_text(yaml.safe_dump({"records": [{"id": "test-001", "status": "done"}]}, allow_unicode=True),
                 encoding="utf-8")
    assert [r.item for r in load_ledger(p)] == ["test-001"]  # plancli itself reads it fine
    append_record(p, Record("test-002", "done"))
    assert [r.item for r in load_ledger(p)] == ["test-001", "test-002"]


# --------------------------------------------------------------------------- history


def test_history_is_kept_and_the_latest_record_decides(cli, tiny, tmp_path):
    p = tmp_path / "progress.yaml"
    assert _rec(cli, tiny, p, "test-001", "--status", "in_progress", "--actual", "3.2万家", "--note", "第一次").code == 0
    assert _rec(cli, tiny, p, "test-001", "--status", "met", "--actual", "3.6万家", "--source", "省科技厅通报").code == 0
    assert _rec(cli, tiny, p, "test-004", "--status", "done").code == 0
    recs = load_ledger(p)
    assert [(r.item, r.status, r.actual) for r in recs] == [
        ("test-001", "in_progress", 32000.0), ("test-001", "met", 36000.0), ("test-004", "done", None)]
    assert {k: v.status for k, v in latest_records(recs).items()} == {"test-001": "met", "test-004": "done"}

    shown = _json(cli, tiny, p, "show", "test-001")[0]
    assert [(h["status"], h["actual_text"], h["note"], h["source"]) for h in shown["history"]] == [
        ("in_progress", "3.2万家", "第一次", None), ("met", "3.6万家", None, "省科技厅通报")]
    assert [(o["item"], o["status"], o["actual"]) for o in shown["occurrences"]] == [("test-001", "met", 36000)]

    text = cli("show", "test-001", "--registry", str(tiny), "--progress", str(p), "--format", "plain").out
    records = [ln for ln in text.splitlines() if ln.startswith("record")]
    assert len(records) == 2
    assert "in_progress actual=3.2 万家" in records[0] and "note: 第一次" in records[0]
    assert "met actual=3.6 万家" in records[1] and "source: 省科技厅通报" in records[1]
    # 36000 / 35000 = 1.0286 → shown as 103 %, the value written as the target is (3.6 万家)
    assert "test-001: met (deadline 2024-12-31), actual 3.6 万家 (103% of the target)" in text


def test_later_record_can_reopen_an_item(cli, tiny, tmp_path):
    p = tmp_path / "progress.yaml"
    _rec(cli, tiny, p, "test-004", "--status", "done")
    _rec(cli, tiny, p, "test-004", "--status", "in_progress", "--note", "返工")
    due = _json(cli, tiny, p, "due")
    assert {x["item"]: x["status"] for x in due}["test-004"] == "in_progress"
    assert len(_json(cli, tiny, p, "show", "test-004")[0]["history"]) == 2


# --------------------------------------------------------------------------- values


@pytest.mark.parametrize(("text", "unit", "expected"), [
    ("717.7万千瓦", "千瓦", 7177000),
    ("1.5亿元", "元", 150000000),
    ("15000万元", "元", 150000000),
    ("2.2万亿元", "元", 2.2e12),
    ("96%", "%", 96),
    ("96％", "%", 96),
    ("3.6万家", "家", 36000),
    ("3.6万", "家", 36000),  # a bare multiplier takes the target's unit
    ("36000", "家", 36000),
    ("1.2e4", "家", 12000),
    ("2个百分点", "个百分点", 2),
])
def test_convert_actual_values(text, unit, expected):
    assert convert(text, unit) == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize(("text", "unit"), [("5 家", "元"), ("96%", "家"), ("5亿元", "家"), ("3万千瓦", "吨标准煤")])
def test_convert_refuses_a_mismatched_unit(text, unit):
    with pytest.raises(QuantityError, match="does not match the target's unit"):
        convert(text, unit)


UNITS_REGISTRY = TINY_REGISTRY.replace(
    # test-002: a percentage target
    "value_text: 3.8 万家\n    value: 38000\n    unit: 家\n    comparator: \">\"",
    "value_text: 96%\n    value: 96\n    unit: \"%\"\n    comparator: \">=\"",
).replace(
    # test-005: a capacity in 千瓦
    "value_text: 0.5 吨标准煤\n    value: 0.5\n    unit: 吨标准煤\n    comparator: \"<=\"",
    "value_text: 700 万千瓦\n    value: 7000000\n    unit: 千瓦\n    comparator: \">=\"",
).replace("exclusions:", """\
  - id: test-006
    kind: target
    plan: test
    section: 主要任务
    task: 2
    metric: 投资额
    value_text: 1.2 亿元
    value: 120000000
    unit: 元
    comparator: ">="
    deadline_text: 2025 年
    lead: [省工业和信息化厅]
    quote: 投资 1.2 亿元
    line: 11
exclusions:""")


@pytest.fixture
def ureg(write_registry):
    assert UNITS_REGISTRY.count("test-006") == 1 and "unit: 千瓦" in UNITS_REGISTRY and 'unit: "%"' in UNITS_REGISTRY
    return write_registry(UNITS_REGISTRY, name="units_targets.yaml")


@pytest.mark.parametrize(("item", "actual", "value", "ratio", "met"), [
    ("test-005", "717.7万千瓦", 7177000, 1.0253, True),      # 7177000 / 7000000
    ("test-005", "690万千瓦", 6900000, 0.9857, False),
    ("test-002", "96%", 96, 1.0, True),
    ("test-002", "95.5", 95.5, 0.9948, False),              # bare number: already in %
    ("test-006", "1.5亿元", 150000000, 1.25, True),
    ("test-006", "9000万元", 90000000, 0.75, False),
    ("test-001", "3.6万家", 36000, 1.0286, True),            # > 35000
    ("test-001", "3.5万家", 35000, 1.0, False),              # 突破 is strict
])
def test_record_actual_converts_units_and_attainment(cli, ureg, tmp_path, item, actual, value, ratio, met):
    p = tmp_path / "progress.yaml"
    r = _rec(cli, ureg, p, item, "--status", "met" if met else "missed", "--actual", actual)
    assert r.code == 0, r.err
    [rec] = load_ledger(p)
    assert (rec.actual, rec.actual_text) == (pytest.approx(value), actual)
    [occ] = _json(cli, ureg, p, "show", item)[0]["occurrences"]
    assert (occ["actual"], occ["attainment"], occ["met"]) == (pytest.approx(value), ratio, met)


@pytest.mark.parametrize(("item", "actual", "message"), [
    ("test-001", "5亿元", "--actual: unit '元' of '5亿元' does not match the target's unit '家'"),
    ("test-002", "96家", "--actual: unit '家' of '96家' does not match the target's unit '%'"),
    ("test-005", "7万吨", "does not match the target's unit '千瓦'"),
    ("test-006", "很多", "--actual: not a quantity"),
    ("test-004", "3", "test-004 is a milestone; --actual needs a quantified target"),
])
def test_record_refuses_a_mismatched_actual(cli, ureg, tmp_path, item, actual, message):
    p = tmp_path / "progress.yaml"
    err = _one_line_error(_rec(cli, ureg, p, item, "--status", "met", "--actual", actual))
    assert message in err
    assert not p.exists()  # nothing written


def test_small_actual_value_can_be_recorded(cli, tiny, tmp_path):
    p = tmp_path / "progress.yaml"
    r = _rec(cli, tiny, p, "test-005", "--status", "met", "--actual", "0.00005")
    assert r.code == 0, r.err
    assert load_ledger(p)[0].actual == pytest.approx(5e-05)


# --------------------------------------------------------------------------- occurrences, ids, dates


def test_yearly_target_is_recorded_per_occurrence(cli, tiny, tmp_path):
    p = tmp_path / "progress.yaml"
    assert _rec(cli, tiny, p, "test-003@2024", "--status", "met", "--actual", "21项").code == 0
    [rec] = load_ledger(p)
    assert (rec.item, rec.entry_id, rec.actual) == ("test-003@2024", "test-003", 21.0)
    occ = _json(cli, tiny, p, "show", "test-003")[0]["occurrences"]
    # 21 / 20 = 1.05; 2025 is untouched
    assert [(o["item"], o["status"], o["attainment"], o["met"]) for o in occ] == [
        ("test-003@2024", "met", 1.05, True), ("test-003@2025", "upcoming", None, None)]
    due = [x["item"] for x in _json(cli, tiny, p, "due")]
    assert "test-003@2024" not in due and "test-003@2025" in due


def test_bare_id_of_a_recurring_entry_is_refused(cli, tiny, tmp_path):
    p = tmp_path / "progress.yaml"
    err = _one_line_error(_rec(cli, tiny, p, "test-003", "--status", "met"))
    assert "test-003 recurs (每年); record one occurrence: test-003@2024, test-003@2025" in err
    assert not p.exists()


@pytest.mark.parametrize(("item", "message"), [
    ("test-003@2026", "test-003 has no occurrence '2026'; use one of test-003@2024, test-003@2025"),
    ("test-001@2024", "test-001 has no occurrence '2024'; use one of test-001"),
])
def test_occurrence_that_does_not_exist_is_refused(cli, tiny, tmp_path, item, message):
    p = tmp_path / "progress.yaml"
    assert message in _one_line_error(_rec(cli, tiny, p, item, "--status", "met"))
    assert not p.exists()


@pytest.mark.parametrize("item", ["test-01", "test-0001", "tset-004"])
def test_unknown_id_is_refused_with_a_suggestion(cli, tiny, tmp_path, item):
    p = tmp_path / "progress.yaml"
    err = _one_line_error(_rec(cli, tiny, p, item, "--status", "done"))
    assert f"unknown id {item!r}; did you mean " in err
    assert "test-00" in err.split("did you mean", 1)[1]
    assert not p.exists()


def test_unknown_status_is_refused(cli, tiny, tmp_path):
    p = tmp_path / "progress.yaml"
    err = _one_line_error(_rec(cli, tiny, p, "test-004", "--status", "finished"))
    assert "--status': 'finished' is not one of 'done', 'met', 'missed', 'in_progress'" in err
    assert not p.exists()


@pytest.mark.parametrize(("on", "message"), [
    ("2024-02-30", "--on: impossible date '2024-02-30'"),
    ("2025-02-29", "--on: impossible date '2025-02-29'"),  # 2025 is not a leap year
    ("2024-13-01", "--on: impossible date '2024-13-01'"),
    ("yesterday", "--on: not a date: 'yesterday'"),
])
def test_impossible_on_date_is_refused(cli, tiny, tmp_path, on, message):
    p = tmp_path / "progress.yaml"
    assert message in _one_line_error(_rec(cli, tiny, p, "test-004", "--status", "done", "--on", on))
    assert not p.exists()


def test_leap_day_is_a_valid_on_date(cli, tiny, tmp_path):
    p = tmp_path / "progress.yaml"
    assert _rec(cli, tiny, p, "test-004", "--status", "done", "--on", "2024-02-29").code == 0
    assert '"on": "2024-02-29"' in p.read_text(encoding="utf-8")


# --------------------------------------------------------------------------- attainment


def _entry(comparator, value, *, kind="target", value_max=None) -> Entry:
    return Entry(id="x-001", kind=kind, plan="x", group="", section="主要任务", task=1, metric="m",
                 value_text=None, value=value, value_max=value_max, unit="家", comparator=comparator,
                 deadline_text=None, deadline=date(2025, 12, 31), deadline_inferred=True, recurring=None,
                 lead=("省科技厅",), support=(), units_inferred=False, quote="q", line=1)


@pytest.mark.parametrize(("comparator", "value", "actual", "expected"), [
    (">=", 100, 100, (1.0, True)),
    (">=", 100, 99.5, (0.995, False)),
    (">", 100, 100, (1.0, False)),          # 突破/超过: equal is not enough
    (">", 100, 100.5, (1.005, True)),
    ("=", 50, 50, (1.0, True)),
    ("=", 50, 49, (0.98, False)),
    ("~", 20, 19, (0.95, True)),            # 左右: met from 95 %
    ("~", 20, 18.9, (0.945, False)),
    ("~", 20, 25, (1.25, True)),
    ("<=", 0.5, 0.4, (1.25, True)),         # ≤ targets invert the ratio: 0.5 / 0.4
    ("<=", 0.5, 0.5, (1.0, True)),
    ("<=", 0.5, 0.6, (0.8333, False)),
    ("<=", 0.5, 0, (None, True)),           # zero actual: no ratio, but met
    ("<", 10, 10, (1.0, False)),
    ("<", 10, 8, (1.25, True)),
])
def test_attainment_per_comparator(comparator, value, actual, expected):
    assert attainment(_entry(comparator, value), actual) == expected


@pytest.mark.parametrize(("actual", "expected"), [
    (4, (1.3333, True)),    # inside 3—5
    (3, (1.0, True)),       # the lower bound counts
    (2.9, (0.9667, False)),
    (6, (2.0, True)),       # above the range is still met
])
def test_attainment_for_a_range(actual, expected):
    assert attainment(_entry("range", 3, value_max=5), actual) == expected


def test_attainment_is_undefined_without_numbers():
    assert attainment(_entry(">=", 100), None) == (None, None)
    assert attainment(_entry(None, None, kind="milestone"), 5) == (None, None)
    assert attainment(_entry(">=", None), 5) == (None, None)


# --------------------------------------------------------------------------- statuses in listings


def test_closed_records_leave_overdue(cli, tiny, tmp_path):
    p = tmp_path / "progress.yaml"
    args = ("--as-of", "2024-11-15")
    assert [x["item"] for x in _json(cli, tiny, p, "overdue", *args)] == ["test-004"]
    assert cli("overdue", *args, "--registry", str(tiny), "--progress", str(p), "--fail").code == 1

    _rec(cli, tiny, p, "test-004", "--status", "done")
    assert _json(cli, tiny, p, "overdue", *args) == []
    assert cli("overdue", *args, "--registry", str(tiny), "--progress", str(p), "--fail").code == 0
    assert "test-004" not in [x["item"] for x in _json(cli, tiny, p, "due", *args)]
    assert {x["id"]: x["status"] for x in _json(cli, tiny, p, "list", *args)}["test-004"] == "done"


def test_statuses_in_due_overdue_list_and_stats(cli, tiny, tmp_path):
    p = tmp_path / "progress.yaml"
    _rec(cli, tiny, p, "test-004", "--status", "missed", "--note", "未按期完成")
    _rec(cli, tiny, p, "test-001", "--status", "met", "--actual", "3.6万家")
    _rec(cli, tiny, p, "test-003@2025", "--status", "in_progress")
    args = ("--as-of", "2025-01-15")

    # test-001 (met) and test-004 (missed) are past their deadline but closed; test-003@2024 has no record
    assert [x["item"] for x in _json(cli, tiny, p, "overdue", *args)] == ["test-003@2024"]
    due = {x["item"]: x["status"] for x in _json(cli, tiny, p, "due", *args)}
    assert due == {"test-003@2024": "overdue", "test-002": "upcoming", "test-003@2025": "in_progress",
                   "test-005": "upcoming"}
    listed = {x["id"]: x["status"] for x in _json(cli, tiny, p, "list", *args)}
    # test-003: its most pressing occurrence (2024, overdue) outranks the in-progress 2025 one
    assert listed == {"test-004": "missed", "test-001": "met", "test-002": "upcoming", "test-003": "overdue",
                      "test-005": "upcoming"}
    missed = _json(cli, tiny, p, "list", *args, "--status", "missed")
    assert [x["id"] for x in missed] == ["test-004"]

    [plan] = _json(cli, tiny, p, "stats", *args)
    counts = {k: plan[k] for k in ("total", "entries", "overdue", "due_soon", "upcoming", "in_progress", "met",
                                   "done", "missed")}
    assert counts == {"total": 6, "entries": 5, "overdue": 1, "due_soon": 0, "upcoming": 2, "in_progress": 1,
                      "met": 1, "done": 0, "missed": 1}
    by_unit = {r["name"]: r for r in _json(cli, tiny, p, "stats", *args, "--by", "unit")}
    assert set(by_unit) == {"省科技厅", "省工业和信息化厅"}
    sci = by_unit["省科技厅"]
    assert (sci["total"], sci["overdue"], sci["missed"], sci["met"], sci["in_progress"], sci["upcoming"]) == (
        5, 1, 1, 1, 1, 1)


def test_in_progress_item_past_its_deadline_is_overdue(cli, tiny, tmp_path):
    p = tmp_path / "progress.yaml"
    _rec(cli, tiny, p, "test-004", "--status", "in_progress")
    assert [x["item"] for x in _json(cli, tiny, p, "overdue", "--as-of", "2024-11-15")] == ["test-004"]


# --------------------------------------------------------------------------- validate


def test_validate_reports_records_for_unknown_items(cli, tiny, tmp_path):
    p = tmp_path / "progress.yaml"
    p.write_text("records:\n"
                 "  - id: test-001\n"          # 2  fine
                 "    status: met\n"
                 "  - id: test-999\n"          # 4  no such entry
                 "    status: done\n"
                 "  - id: test-003\n"          # 6  recurring: needs an occurrence
                 "    status: met\n"
                 "  - id: test-003@2024\n"     # 8  fine
                 "    status: met\n"
                 "  - id: test-003@2026\n"     # 10 outside the plan period
                 "    status: met\n"
                 "  - id: test-004@2024\n"     # 12 not recurring
                 "    status: done\n", encoding="utf-8")
    r = cli("validate", "--registry", str(tiny), "--progress", str(p))
    assert r.code == 1
    assert r.out.splitlines() == [
        f"{p}:4: record for unknown item 'test-999' is ignored",
        f"{p}:6: record 'test-003' is ignored: test-003 recurs (每年); record one occurrence: "
        "test-003@2024, test-003@2025",
        f"{p}:10: record 'test-003@2026' is ignored: test-003 has no occurrence '2026'; use one of "
        "test-003@2024, test-003@2025",
        f"{p}:12: record 'test-004@2024' is ignored: test-004 has no occurrence '2024'; use one of test-004",
        f"{p}:1: warning: ledger in the old format (records without rid): the next `plancli record` rewrites "
        "it one record per line; commit that before branching so that records merge (docs/team.md)",
    ]
    assert r.err.endswith("4 problems, 1 warning\n")


def test_validate_is_clean_with_a_good_ledger(cli, tiny, tmp_path):
    p = tmp_path / "progress.yaml"
    _rec(cli, tiny, p, "test-003@2024", "--status", "met")
    _rec(cli, tiny, p, "test-005", "--status", "in_progress")
    r = cli("validate", "--registry", str(tiny), "--progress", str(p))
    assert (r.code, r.out) == (0, "")
    assert r.err.endswith("0 problems\n")


# --------------------------------------------------------------------------- corrupted ledgers

GOOD = ("records:\n"
        "  - id: test-001\n"
        "    status: in_progress\n")
CORRUPT = {
    # line 5: `a: b` inside a plain scalar value
    "yaml": (GOOD + "  - id: test-002\n    note: a: b\n    status: done\n", 5, "invalid YAML"),
    # line 4: the record whose status is wrong
    "status": (GOOD + "  - id: test-002\n    status: finished\n", 4,
               "record test-002: status must be one of done, met, missed, in_progress, retracted, extended, submitted, not 'finished'"),
    # line 6: an impossible date under a quoted `on` key (the unquoted form is tested below)
    "date": (GOOD + "  - id: test-002\n    status: done\n    \"on\": 2024-02-30\n", 6,
             "record test-002: on: impossible date '2024-02-30'"),
    "actual": (GOOD + "  - id: test-002\n    status: done\n    actual: 3.6万\n", 6,
               "record test-002: actual must be a number, not '3.6万'"),
}


@pytest.mark.parametrize("kind", sorted(CORRUPT))
def test_corrupted_ledger_gives_file_line_and_is_not_overwritten(cli, tiny, tmp_path, kind):
    text, line, message = CORRUPT[kind]
    p = tmp_path / "progress.yaml"
    p.write_text(text, encoding="utf-8")
    before = p.read_bytes()

    err = _one_line_error(cli("due", "--registry", str(tiny), "--progress", str(p)))
    assert err.startswith(f"plancli: error: {p}:{line}: ") and message in err

    err = _one_line_error(_rec(cli, tiny, p, "test-004", "--status", "done"))
    assert err.startswith(f"plancli: error: {p}:{line}: ") and message in err
    assert p.read_bytes() == before
    assert _temp_files(tmp_path) == []

    with pytest.raises(LedgerError) as exc:
        append_record(p, Record("test-004", "done"))
    assert (exc.value.path, exc.value.line) == (str(p), line)
    assert p.read_bytes() == before

    v = cli("validate", "--registry", str(tiny), "--progress", str(p))
    assert v.code == 1 and v.out.startswith(f"{p}:{line}: ") and message in v.out


def test_impossible_on_date_written_by_hand_is_reported(cli, tiny, tmp_path):
    p = tmp_path / "progress.yaml"
    p.write_text(GOOD + "  - id: test-002\n    status: done\n    on: '2024-02-30'\n", encoding="utf-8")
    err = _one_line_error(cli("due", "--registry", str(tiny), "--progress", str(p)))
    assert f"{p}:6: " in err and "impossible date" in err


def test_bom_ledger_is_read_and_appended(cli, tiny, tmp_path):
    p = tmp_path / "progress.yaml"
    p.write_bytes(b"\xef\xbb\xbf" + GOOD.encode())  # a BOM from a Windows editor is harmless
    assert _rec(cli, tiny, p, "test-004", "--status", "done").code == 0
    assert [r.item for r in load_ledger(p)] == ["test-001", "test-004"]


def _gbk_ledger(tmp_path: Path) -> Path:
    q = tmp_path / "progress.yaml"
    q.write_bytes(GOOD.encode() + "    note: 完成\n".encode("gbk"))  # line 4 is not UTF-8
    return q


def test_non_utf8_ledger_is_reported_with_its_line(cli, tiny, tmp_path):
    q = _gbk_ledger(tmp_path)
    err = _one_line_error(cli("due", "--registry", str(tiny), "--progress", str(q)))
    assert f"{q}:4: not UTF-8" in err


def test_record_on_a_non_utf8_ledger_is_a_clear_error(cli, tiny, tmp_path):
    q = _gbk_ledger(tmp_path)
    before = q.read_bytes()
    r = _rec(cli, tiny, q, "test-004", "--status", "done")
    assert q.read_bytes() == before
    assert f"{q}:4: not UTF-8" in _one_line_error(r)


# --------------------------------------------------------------------------- crash safety


def _boom(*_a, **_k):
    raise OSError(28, "No space left on device")


@pytest.mark.parametrize("fn", ["replace", "fsync"])
def test_crash_mid_write_keeps_the_old_ledger(tmp_path, monkeypatch, fn):
    p = tmp_path / "progress.yaml"
    append_record(p, Record("test-001", "in_progress"))
    before = p.read_bytes()
    monkeypatch.setattr(ledger.os, fn, _boom)
    with pytest.raises(LedgerError, match="cannot write ledger: No space left on device"):
        append_record(p, Record("test-001", "met"))
    monkeypatch.undo()
    assert p.read_bytes() == before
    assert _temp_files(tmp_path) == []
    assert [r.status for r in load_ledger(p)] == ["in_progress"]
    append_record(p, Record("test-001", "met"))  # the lock was released
    assert [r.status for r in load_ledger(p)] == ["in_progress", "met"]


def test_interrupt_mid_write_keeps_the_old_ledger(tmp_path, monkeypatch):
    p = tmp_path / "progress.yaml"
    append_record(p, Record("test-001", "in_progress"))
    before = p.read_bytes()

    def interrupted(*_a, **_k):
        raise KeyboardInterrupt

    monkeypatch.setattr(ledger.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        append_record(p, Record("test-001", "met"))
    monkeypatch.undo()
    assert p.read_bytes() == before and _temp_files(tmp_path) == []


def test_crash_on_first_write_leaves_no_ledger(tmp_path, monkeypatch):
    p = tmp_path / "progress.yaml"
    monkeypatch.setattr(ledger.os, "fsync", _boom)
    with pytest.raises(LedgerError):
        append_record(p, Record("test-001", "met"))
    monkeypatch.undo()
    assert not p.exists() and _temp_files(tmp_path) == []


def test_crash_through_the_cli_is_one_line(cli, tiny, tmp_path, monkeypatch):
    p = tmp_path / "progress.yaml"
    _rec(cli, tiny, p, "test-001", "--status", "in_progress")
    before = p.read_bytes()
    monkeypatch.setattr(ledger.os, "replace", _boom)
    err = _one_line_error(_rec(cli, tiny, p, "test-001", "--status", "met"))
    monkeypatch.undo()
    assert f"{p}: cannot write ledger: No space left on device" in err
    assert p.read_bytes() == before and _temp_files(tmp_path) == []


def test_existing_file_mode_is_kept(tmp_path):
    p = tmp_path / "progress.yaml"
    p.write_text(GOOD, encoding="utf-8")
    p.chmod(0o640)
    append_record(p, Record("test-004", "done"))
    assert p.stat().st_mode & 0o777 == 0o640


def test_a_held_lock_times_out_with_a_clear_error(tmp_path):
    from filelock import FileLock

    p = tmp_path / "progress.yaml"
    p.write_text(GOOD, encoding="utf-8")
    with FileLock(str(p) + ".lock"), pytest.raises(LedgerError, match="locked by another process"):
        append_record(p, Record("test-004", "done"), timeout=0.05)
    assert p.read_text(encoding="utf-8") == GOOD


# --------------------------------------------------------------------------- read-only ledgers


def _make_read_only(path: Path, mode: int) -> None:
    path.chmod(mode)
    if os.access(path, os.W_OK):
        path.chmod(0o755 if path.is_dir() else 0o644)
        pytest.skip("chmod does not stop this user from writing (running as root?)")


def test_read_only_ledger_file_is_refused(cli, tiny, tmp_path):
    p = tmp_path / "progress.yaml"
    p.write_text(GOOD, encoding="utf-8")
    p.chmod(0o444)  # refused by its mode bits, whoever runs plancli: root too (no skip)
    try:
        r = _rec(cli, tiny, p, "test-004", "--status", "done")
        assert p.read_text(encoding="utf-8") == GOOD
        err = _one_line_error(r)
        assert str(p) in err
    finally:
        p.chmod(0o644)


def test_read_only_directory_is_refused_and_loses_nothing(cli, tiny, tmp_path):
    d = tmp_path / "ro"
    d.mkdir()
    p = d / "progress.yaml"
    p.write_text(GOOD, encoding="utf-8")
    _make_read_only(d, 0o555)
    try:
        err = _one_line_error(_rec(cli, tiny, p, "test-004", "--status", "done"))
        assert f"{p}: cannot write ledger: Permission denied" in err
        assert p.read_text(encoding="utf-8") == GOOD
        assert [r.item for r in load_ledger(p)] == ["test-001"]
    finally:
        d.chmod(0o755)


# --------------------------------------------------------------------------- concurrency


@pytest.mark.slow
def test_parallel_record_processes_lose_nothing(cli, tiny, tmp_path):
    """Twelve `plancli record` processes started together: every record lands, the file stays valid."""
    p = tmp_path / "progress.yaml"
    items = ["test-001", "test-002", "test-003@2024", "test-003@2025", "test-004", "test-005"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("PLANCLI_")}
    env.update(PYTHONPATH=str(ROOT), NO_COLOR="1")
    procs = [subprocess.Popen(
        [sys.executable, "-m", "plancli", "record", "--new", items[i % len(items)], "--status", "in_progress",
         "--note", f"worker {i}", "--registry", str(tiny), "--progress", str(p)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=tmp_path) for i in range(12)]
    results = [(pr.wait(timeout=120), pr.stdout.read(), pr.stderr.read()) for pr in procs]
    for pr in procs:
        pr.stdout.close()
        pr.stderr.close()
    assert [code for code, _, _ in results] == [0] * 12, [err for _, _, err in results]

    recs = load_ledger(p)
    assert sorted(r.note for r in recs) == sorted(f"worker {i}" for i in range(12))
    assert {r.note: r.item for r in recs} == {f"worker {i}": items[i % len(items)] for i in range(12)}
    text = p.read_text(encoding="utf-8")
    assert text.startswith(HEADER) and text.count("records:") == 1
    assert _temp_files(tmp_path) == []
    r = cli("validate", "--registry", str(tiny), "--progress", str(p))
    assert r.code == 0 and r.err.endswith("0 problems\n")


def test_read_only_ledger_is_refused_even_for_root(tmp_path, monkeypatch):
    """Root may rename over a 0444 file; plancli must still treat read-only as 'do not change'."""
    import plancli.ledger.storage as ledger_mod

    p = tmp_path / "progress.yaml"
    append_record(p, Record("test-001", "done"))
    before = p.read_bytes()
    real_access = os.access
    monkeypatch.setattr(ledger_mod.os, "access",
                        lambda path, mode: False if (str(path) == str(p) and mode == os.W_OK) else real_access(path, mode))
    with pytest.raises(LedgerError, match="read-only; nothing was recorded"):
        append_record(p, Record("test-002", "done"))
    assert p.read_bytes() == before


def test_resolve_item_without_the_cli(tiny):
    from plancli.ledger.record import LedgerError
    from plancli.ledger.recording import resolve_item
    from plancli.registry.loading import load_registry
    from plancli.registry.model import UnknownIdError

    reg = load_registry(tiny)
    assert resolve_item(reg, "test-003@2025")[1] == "test-003@2025"
    assert resolve_item(reg, "test-004") == (reg.find("test-004"), "test-004")
    with pytest.raises(LedgerError, match="recurs"):
        resolve_item(reg, "test-003")
    with pytest.raises(LedgerError, match="no occurrence '2026'"):
        resolve_item(reg, "test-003@2026")
    with pytest.raises(UnknownIdError, match="did you mean"):
        resolve_item(reg, "test-04")
