"""counts: stats/plans/units counting, tested on the core without the CLI."""

from __future__ import annotations

from datetime import date

from plancli.ledger.record import Record
from plancli.query.counts import count_by, plan_summary, stats, unit_summary
from plancli.query.filters import Filters, make_filters
from plancli.query.rows import occurrence_rows
from plancli.workspace import open_workspace


def test_count_by_counts_occurrences_and_distinct_entries():
    rows = [{"id": "a-001", "plan": "a", "status": "overdue", "deadline_inferred": False, "light": "red"},
            {"id": "a-001", "plan": "a", "status": "met", "deadline_inferred": False, "light": "green"},
            {"id": "a-002", "plan": "a", "status": "upcoming", "deadline_inferred": True, "light": "yellow"},
            {"id": "b-001", "plan": "b", "status": "done", "deadline_inferred": False, "light": "green"}]
    a, b, c = count_by(rows, lambda r: [r["plan"]], ["a", "b", "c"])
    assert (a["entries"], a["total"], a["overdue"], a["met"], a["upcoming"], a["no_date_stated"]) == (2, 3, 1, 1, 1, 1)
    assert (a["red"], a["yellow"], a["blue"], a["green"], b["green"]) == (1, 1, 0, 1, 1)  # they add up to total
    assert (b["total"], b["done"]) == (1, 1)
    assert c["total"] == 0 and c["name"] == "c"  # every asked-for key is listed, even with nothing


def test_stats_by_plan_and_unit_on_tiny(tiny):
    ws = open_workspace(tiny, tiny.parent / "progress.yaml")
    f = make_filters(ws.registry, ws.units, as_of="2024-10-20")
    (plan,) = stats(ws.registry, ws.units, [], f, "plan")
    assert (plan["name"], plan["entries"], plan["total"]) == ("test", 5, 6)  # 每年 → two occurrences
    by_unit = {r["name"]: r for r in stats(ws.registry, ws.units, [], f, "unit")}
    assert set(by_unit) == {"省科技厅", "省工业和信息化厅"}  # 省大数据局 leads nothing
    assert by_unit["省科技厅"]["total"] == 5


def test_stats_follow_the_ledger(tiny):
    ws = open_workspace(tiny, tiny.parent / "progress.yaml")
    f = make_filters(ws.registry, ws.units, as_of="2024-11-05")
    recs = [Record("test-004", "done", on=date(2024, 10, 30))]
    (plan,) = stats(ws.registry, ws.units, recs, f, "plan")
    assert plan["done"] == 1 and plan["overdue"] == 0


def test_plan_summary_matches_the_entries_of_the_shipped_registry():
    ws = open_workspace()
    rows = {r["code"]: r for r in plan_summary(ws.registry, [], Filters(as_of=date(2024, 5, 1)))}
    assert set(rows) == set(ws.registry.plans)
    for code, r in rows.items():
        es = [e for e in ws.registry.entries if e.plan == code]
        assert r["entries"] == len(es) == r["targets"] + r["milestones"]
        assert r["no_date_stated"] == sum(e.deadline_inferred for e in es)
    assert rows["xny"]["complete"] is False
    # every plan is listed, an archived document's too, with its true counts
    occ = occurrence_rows(ws.registry, Filters(as_of=date(2024, 5, 1), all_docs=True))
    assert sum(r["overdue"] for r in rows.values()) == sum(o["status"] == "overdue" for o in occ)
    assert rows["gzrc"]["overdue"] == sum(o["status"] == "overdue" for o in occ if o["plan"] == "gzrc") > 0


def test_unit_summary_counts_each_entry_once_per_unit():
    ws = open_workspace()
    rows = unit_summary(ws.registry, ws.units)
    big = {r["name"]: r for r in rows}["省大数据局"]
    leads = sum(any(ws.units.canonical(n) == "省大数据局" for n in e.lead) for e in ws.registry.entries)
    assert big["lead"] == leads > 0
    assert all(r["lead"] or r["support"] for r in rows)
    assert len(unit_summary(ws.registry, ws.units, include_all=True)) == len(ws.units.units)
