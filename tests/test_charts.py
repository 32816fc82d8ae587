"""plancli.output.charts: the counts behind the report's charts, and the charts as SVG fragments."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from plancli.output.charts import (
    _ticks,
    attainment_chart,
    by_month_chart,
    open_by_lead_chart,
    status_by_plan_chart,
)
from plancli.query.filters import Filters
from plancli.query.report import report_counts, time_bins
from plancli.query.rows import occurrence_rows
from plancli.vocabulary import OPEN as OPEN_STATUSES
from plancli.workspace import open_workspace

from .conftest import SHIPPED

AS_OF = "2025-03-01"

# Real progress on real entries of the shipped registry, recorded through the CLI as a user would.
RECORDS = [
    ("kjyf-002", "met", "3.6万家", "2024-12-31"),      # > 3.5 万家
    ("szbg-014", "missed", "4.2万个", "2024-12-31"),   # 5 万个
    ("msgs-011", "met", "62%", "2024-12-31"),          # ≥ 60%
    ("msgs-038", "missed", "18万套", "2024-12-31"),    # 20 万套
    ("fxfk-023", "met", "90个", "2024-05-31"),         # 84 个
    ("xny-005", "missed", "380万千瓦", "2024-12-31"),  # 415 万千瓦
    ("yshj-009", "done", None, "2024-10-30"),          # milestone
    ("szbg-001", "in_progress", None, "2025-01-15"),
]


def make_ledger(cli, path: Path) -> Path:
    """Record RECORDS through the CLI into ``path`` (used by test_dashboard too)."""
    for item, status, actual, on in RECORDS:
        args = ["record", "--new", item, "--status", status, "--progress", str(path)]
        if actual:
            args += ["--actual", actual]
        if on:
            args += ["--on", on]
        r = cli(*args)
        assert r.code == 0, r.err
    return path


@pytest.fixture
def ledger(cli, tmp_path) -> Path:
    return make_ledger(cli, tmp_path / "progress.yaml")


@pytest.fixture(scope="module")
def shipped():
    ws = open_workspace(SHIPPED)
    return ws.registry, ws.units


def _rows(shipped, ledger=None, **kw):
    from plancli.ledger.storage import load_ledger

    reg, table = shipped
    records = load_ledger(ledger) if ledger else []
    return occurrence_rows(reg, Filters(as_of=date.fromisoformat(AS_OF), **kw), table, records)


# --------------------------------------------------------------------------- numbers


def test_aggregate_agrees_with_stats(cli, shipped, ledger):
    """The chart numbers equal what `plancli stats` counts on its own path, per plan and per lead unit."""
    reg, table = shipped
    rows = _rows(shipped, ledger)
    agg = report_counts(rows, table.canonical, list(reg.plans))
    for by, part in (("plan", agg["by_plan"]), ("unit", agg["by_lead"])):
        r = cli("stats", "--by", by, "--as-of", AS_OF, "--progress", str(ledger), "--format", "json")
        assert r.code == 0, r.err
        stats = {s["name"]: s for s in json.loads(r.out)}
        for name, counts in part.items():
            for status in set(OPEN_STATUSES if by == "unit" else counts):
                assert counts.get(status, 0) == stats[name][status], (by, name, status)
    assert sum(agg["totals"].values()) == len(rows) == sum(sum(c.values()) for c in agg["by_plan"].values())
    assert list(agg["by_plan"]) == [p for p in reg.plans if agg["by_plan"].get(p)]  # registry order
    # months: every month from the first to the last deadline, in order, none missing
    months = [m for m in agg["by_month"] if m]
    assert months == sorted(months) and months[0] == min(r["deadline"][:7] for r in rows if r["deadline"])
    # the first deadline is 2024-05-31: 每季度's 2024Q1 (2024-03-31) falls before the document's date
    # (2024-04-22) and is not an occurrence; the last is the end of the period
    assert (months[0], months[-1], len(set(months))) == ("2024-05", "2025-12", 20)
    assert sum(sum(c.values()) for c in agg["by_month"].values()) == len(rows)
    # attainment: the six recorded actual values, worst first, met per comparator
    att = [(r["item"], r["met"]) for r in agg["attainment"]]
    # 4.2/5 = 0.84, 18/20 = 0.90, 380/415 = 0.916, 3.6/3.5 = 1.029, 62/60 = 1.033, 90/84 = 1.071
    assert att == [("szbg-014", False), ("msgs-038", False), ("xny-005", False), ("kjyf-002", True),
                   ("msgs-011", True), ("fxfk-023", True)]


def test_lead_units_are_canonical_and_open_only(shipped, ledger):
    reg, table = shipped
    rows = _rows(shipped, ledger)
    agg = report_counts(rows, table.canonical)
    assert set(agg["by_lead"]) <= set(table.names())
    assert all(set(c) <= set(OPEN_STATUSES) for c in agg["by_lead"].values())
    counts = [sum(c.values()) for c in agg["by_lead"].values()]
    assert counts == sorted(counts, reverse=True)


def test_fragments_take_counts(shipped):
    """Each chart takes the counts query.report computed and returns one <figure> fragment, so other
    pages can reuse them (output never runs the row engine itself)."""
    rows = _rows(shipped, plans=["xny"])
    agg = report_counts(rows)
    for frag in (status_by_plan_chart(agg, "en"), open_by_lead_chart(agg, "en"), by_month_chart(agg, "en")):
        assert frag.startswith('<figure class="chart"') and frag.count("<svg ") == 1
    assert "No target has a recorded actual value yet." in attainment_chart(agg, "en")
    assert "(none)" in status_by_plan_chart(report_counts([]), "en")
    assert len(rows) == 12


@pytest.mark.parametrize(("top", "ticks"), [
    (1, [0, 1]), (4, [0, 1, 2, 3, 4]), (7, [0, 2, 4, 6, 8]), (64, [0, 20, 40, 60, 80]),
    (141, [0, 50, 100, 150]), (226, [0, 50, 100, 150, 200, 250]), (0, [0, 1]), (12000, [0, 5000, 10000, 15000]),
])
def test_axis_ticks_are_few_and_round(top, ticks):
    assert _ticks(top) == ticks


def test_drawing_leaves_the_import_system_clean(shipped):
    """pygal's map-plugin import hook is removed: later imports raise no ImportWarning (an error under
    this suite's filterwarnings, and noise in any program that imports after drawing)."""
    import importlib
    import sys
    import warnings

    by_month_chart(report_counts(_rows(shipped, plans=["kjyf"])), "zh")
    assert not any(type(f).__module__ == "pygal" for f in sys.meta_path)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(ModuleNotFoundError):
            importlib.import_module("plancli_no_such_module")


def _months(first: str, last: str) -> dict:
    """Every month from first to last with one deadline each (as aggregate's by_month holds them)."""
    from collections import Counter

    y, m = map(int, first.split("-"))
    out = {}
    while f"{y:04d}-{m:02d}" <= last:
        out[f"{y:04d}-{m:02d}"] = Counter(overdue=1)
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


@pytest.mark.parametrize(("first", "last", "unit", "labels"), [
    ("2024-03", "2025-12", "month", ["2024-03", "2024-04"]),                 # 鲁政发〔2024〕5号: 22 months
    ("2024-01", "2025-12", "month", ["2024-01", "2025-12"]),                 # 24: still months
    ("2021-01", "2025-12", "quarter", ["2021Q1", "2021Q2", "2025Q4"]),       # 十四五: 60 months
    ("2012-10", "2025-12", "year", ["2012", "2013", "2025"]),                # 2012 + 2024 documents
])
def test_long_spans_are_binned_so_labels_stay_legible(first, last, unit, labels):
    months = _months(first, last)
    got_unit, bins = time_bins(months)
    assert got_unit == unit
    assert set(labels) <= set(bins) and list(bins) == sorted(bins)
    assert sum(sum(c.values()) for c in bins.values()) == len(months)  # nothing lost in binning
    assert len(bins) <= 24


def test_undated_items_stay_last_after_binning():
    from collections import Counter

    months = {**_months("2012-01", "2025-12"), None: Counter(undated=2)}
    unit, bins = time_bins(months)
    assert unit == "year" and list(bins)[-1] is None and bins[None] == Counter(undated=2)


@pytest.mark.parametrize(("status", "met", "colour"), [
    ("in_progress", False, "in_progress"),  # 60 % reported while the work goes on: not a miss
    ("met", True, "met"),
    ("missed", False, "missed"),
    ("overdue", False, "overdue"),          # the deadline passed short of the target
    ("done", False, "missed"),
])
def test_the_attainment_bar_takes_the_colour_of_its_rows_status(status, met, colour):
    from plancli.output.charts import COLORS, attainment_chart

    row = {"item": "t-1", "metric": "m", "attainment": 1.0 if met else 0.6, "met": met, "status": status}
    svg = attainment_chart({"attainment": [row]}, "en")
    assert COLORS[colour] in svg
    others = {"missed", "in_progress", "overdue"} - {colour}  # (met's green is the chart style's own)
    assert not [s for s in others if COLORS[s] in svg], others
