"""Closing is explicit (docs/lights.md): a figure before the deadline never closes an item by itself.

The three cases of issue 24, on the shipped registry: kjyf-001@2024 (R&D growth ≈10 %) at 9.8 % in
September; cyst-013 (≈60万辆 of new-energy vehicles in 2024) at 58.6万 in October; szbg-011 (≥90 %
community coverage by 2025) at 92 % at mid-year. Each stays open — in `due`, in the unit's next
workbook, counted as in progress — its light saying the figure awaits 销号; a `met` record closes it,
and so does a figure effective on or after the deadline.
"""

from __future__ import annotations

import json

import pytest

from plancli.ledger.record import Record
from plancli.ledger.storage import append_record
from plancli.text.dates import to_date

CASES = [  # (item, actual, unit of actual, on, as-of, lead unit of its workbook)
    ("kjyf-001@2024", 9.8, "9.8%", "2024-09-30", "2024-10-15", "省科技厅"),
    ("cyst-013", 586000.0, "58.6万辆", "2024-10-31", "2024-11-10", "省发展改革委"),
    ("szbg-011", 92.0, "92%", "2025-06-30", "2025-07-10", "省大数据局"),
]


@pytest.fixture
def ledger(tmp_path):
    p = tmp_path / "progress.yaml"
    for item, actual, text, on, _, _ in CASES:
        append_record(p, Record(item, "in_progress", actual, text, on=to_date(on, "on"), source="月报"))
    return p


def _rows(cli, ledger, command, as_of, *args):
    r = cli(command, "--progress", str(ledger), "--as-of", as_of, "--format", "json", *args)
    assert r.code == 0, r.err
    return {x["item"]: x for x in json.loads(r.out)}


@pytest.mark.parametrize(("item", "as_of"), [(c[0], c[4]) for c in CASES])
def test_a_figure_before_the_deadline_keeps_the_item_open(cli, ledger, item, as_of):
    row = _rows(cli, ledger, "due", as_of)[item]  # still in `due`: the unit still owes the year's figure
    assert (row["status"], row["record_status"], row["met"], row["light"]) == ("in_progress", "in_progress", True,
                                                                              "green")
    assert str(row["light_reason"]) == "figure meets the target, awaiting 销号"
    zh = cli("show", item.split("@")[0], "--progress", str(ledger), "--as-of", as_of, "--lang", "zh", "--format", "plain")
    assert f"{item}：绿灯（已达目标值，待销号）" in zh.out


@pytest.mark.parametrize(("item", "as_of", "unit"), [(c[0], c[4], c[5]) for c in CASES])
def test_it_stays_in_the_next_workbook_and_counts_as_in_progress(cli, ledger, tmp_path, item, as_of, unit):
    from openpyxl import load_workbook

    out = tmp_path / "out"
    r = cli("export", "--format", "xlsx", "--per-unit", "--unit", unit, "--progress", str(ledger), "--as-of", as_of,
            "-o", str(out))
    assert r.code == 0, r.err
    ids = [row[0].value for row in load_workbook(out / f"{unit}.xlsx").active.iter_rows(min_row=4)]
    assert item in ids
    stats = json.loads(cli("stats", "--by", "unit", "--unit", unit, "--role", "lead", "--progress", str(ledger),
                           "--as-of", as_of, "--format", "json").out)
    mine = {s["name"]: s for s in stats}[unit]
    assert mine["met"] == 0 and mine["in_progress"] >= 1


def test_past_the_deadline_it_is_overdue_and_says_the_figure_is_there(cli, ledger):
    row = _rows(cli, ledger, "overdue", "2025-01-15")["kjyf-001@2024"]
    assert (row["status"], row["light"], row["met"]) == ("overdue", "red", True)
    assert str(row["light_reason"]) == "overdue by 15 days; figure meets the target, awaiting 销号"


def test_a_met_record_closes_it_and_the_figure_is_still_checked(cli, ledger):
    append_record(ledger, Record("cyst-013", "met", 586000.0, "58.6万辆", on=to_date("2024-11-05", "on")))
    row = _rows(cli, ledger, "list", "2024-11-10")["cyst-013"]
    assert (row["status"], row["light"], str(row["light_reason"]), row["late"]) == ("met", "green", "met", False)
    # a met record whose figure falls short counts as the figure says: missed
    append_record(ledger, Record("cyst-013", "met", 500000.0, "50万辆", on=to_date("2024-11-06", "on")))
    assert _rows(cli, ledger, "list", "2024-11-10")["cyst-013"]["status"] == "missed"


@pytest.mark.parametrize(("on", "status", "late"), [
    ("2024-12-31", "met", False),  # the figure as of the deadline is the year's result
    ("2025-01-20", "met", True),   # after it, too (closed late: the figure came after the deadline)
])
def test_a_figure_on_or_after_the_deadline_decides(cli, ledger, on, status, late):
    append_record(ledger, Record("kjyf-001@2024", "in_progress", 10.2, "10.2%", on=to_date(on, "on")))
    row = _rows(cli, ledger, "list", "2025-02-01")["kjyf-001"]
    occ = json.loads(cli("show", "kjyf-001", "--progress", str(ledger), "--as-of", "2025-02-01",
                         "--format", "json").out)[0]["occurrences"]
    first = next(o for o in occ if o["item"] == "kjyf-001@2024")
    assert (first["status"], first["late"]) == (status, late)
    assert row["id"] == "kjyf-001"


def test_a_short_figure_at_the_deadline_leaves_it_overdue_until_someone_says_missed(cli, ledger):
    append_record(ledger, Record("cyst-013", "in_progress", 550000.0, "55万辆", on=to_date("2024-12-31", "on")))
    row = _rows(cli, ledger, "overdue", "2025-01-10")["cyst-013"]
    assert (row["status"], row["met"], row["light"]) == ("overdue", False, "red")


def test_the_report_digest_and_bulletin_count_it_as_in_progress(cli, ledger):
    rep = json.loads(cli("report", "--progress", str(ledger), "--as-of", "2024-11-10", "--format", "json").out)
    assert rep["totals"]["met"] == 0
    assert {i["item"]: i["status"] for i in rep["items"]}["cyst-013"] == "in_progress"
    dig = json.loads(cli("weekly", "--progress", str(ledger), "--as-of", "2024-11-10", "--format", "json").out)
    assert dig["totals"]["met"] == 0
    b = json.loads(cli("bulletin", "--progress", str(ledger), "--as-of", "2024-11-10", "--format", "json").out)
    assert b["totals"]["completed"] == 0
