"""Queries: occurrences, statuses, filters, ordering and attainment."""

from datetime import date

import pytest
from dateutil.relativedelta import relativedelta

from plancli.ledger.attainment import attainment
from plancli.ledger.record import Record
from plancli.query.filters import Filters, QueryError
from plancli.query.rows import entry_rows, occurrence_rows
from plancli.registry.loading import Entry, load_registry
from plancli.registry.names import resolve_plan
from plancli.registry.units import load_units
from plancli.text.dates import DateInputError, parse_span

from .conftest import SHIPPED


@pytest.fixture
def reg(tiny):
    return load_registry(tiny)


@pytest.fixture
def table(tiny):
    return load_units(tiny.parent / "units.yaml")


def _items(rows):
    return [(r["item"], r["status"]) for r in rows]


def test_yearly_targets_appear_once_per_year_soonest_first(reg):
    rows = occurrence_rows(reg, Filters(as_of=date(2024, 10, 20)))
    assert [r["item"] for r in rows] == [
        "test-004", "test-001", "test-003@2024", "test-002", "test-003@2025", "test-005"]
    assert [r["days_left"] for r in rows] == [11, 72, 72, 437, 437, 437]


@pytest.mark.parametrize(("as_of", "status"), [
    (date(2024, 10, 16), "upcoming"),   # 15 days before: outside the default 14-day window
    (date(2024, 10, 17), "due_soon"),
    (date(2024, 10, 31), "due_soon"),   # 月底前 includes the last day of the month
    (date(2024, 11, 1), "overdue"),
    (date(2024, 10, 1), "upcoming"),
])
def test_month_end_deadline_is_inclusive(reg, as_of, status):
    rows = occurrence_rows(reg, Filters(as_of=as_of))
    assert dict(_items(rows))["test-004"] == status


def test_unit_and_role_filters(reg, table):
    f = Filters(as_of=date(2024, 10, 20), units=["省大数据局"])
    assert [r["item"] for r in occurrence_rows(reg, f, table)] == ["test-004", "test-003@2024", "test-003@2025"]
    f.role = "lead"
    assert occurrence_rows(reg, f, table) == []
    f.units, f.role = ["省工业和信息化厅", "省大数据局"], "any"
    assert len(occurrence_rows(reg, f, table)) == 4


def test_date_window_filters(reg):
    f = Filters(as_of=date(2024, 10, 20), within=parse_span("2w"))
    assert [r["item"] for r in occurrence_rows(reg, f)] == ["test-004"]
    f = Filters(as_of=date(2024, 10, 20), after=date(2025, 1, 1), before=date(2025, 12, 31))
    assert [r["item"] for r in occurrence_rows(reg, f)] == ["test-002", "test-003@2025", "test-005"]


def test_within_includes_overdue_items(reg):
    f = Filters(as_of=date(2025, 1, 5), within=parse_span("7d"))
    assert _items(occurrence_rows(reg, f)) == [
        ("test-004", "overdue"), ("test-001", "overdue"), ("test-003@2024", "overdue")]


def test_records_decide_status(reg):
    recs = [Record("test-004", "in_progress"), Record("test-004", "done"),
            Record("test-003@2024", "missed", actual=15), Record("test-001", "met", actual=36000)]
    rows = occurrence_rows(reg, Filters(as_of=date(2025, 1, 5)), records=recs)
    st = dict(_items(rows))
    assert st["test-004"] == "done" and st["test-003@2024"] == "missed" and st["test-001"] == "met"
    assert st["test-003@2025"] == "upcoming"
    assert occurrence_rows(reg, Filters(as_of=date(2025, 1, 5)), records=recs, open_only=True)[0]["item"] == "test-002"
    r1 = next(r for r in rows if r["item"] == "test-001")
    assert (r1["actual"], r1["attainment"], r1["met"]) == (36000, pytest.approx(36000 / 35000, abs=1e-4), True)


def test_entry_rows_take_the_most_pressing_occurrence(reg):
    rows = entry_rows(reg, Filters(as_of=date(2025, 1, 5)),
                      records=[Record("test-003@2024", "met", actual=21)])
    st = {r["id"]: r["status"] for r in rows}
    assert st == {"test-004": "overdue", "test-001": "overdue", "test-002": "upcoming",
                  "test-003": "upcoming", "test-005": "upcoming"}


def _e(comparator, value, value_max=None):
    return Entry(id="x-001", kind="target", plan="x", group="", section="主要任务", task=1, metric="m",
                 value_text="v", value=value, value_max=value_max, unit="家", comparator=comparator,
                 deadline_text=None, deadline=date(2025, 12, 31), deadline_inferred=True, recurring=None,
                 lead=("a",), support=(), units_inferred=False, quote="q", line=1)


@pytest.mark.parametrize(("comparator", "value", "actual", "ratio", "met"), [
    (">=", 100, 100, 1.0, True),
    (">=", 100, 99, 0.99, False),
    (">", 100, 100, 1.0, False),
    (">", 100, 101, 1.01, True),
    ("~", 100, 96, 0.96, True),     # ≈: met from 95 %
    ("~", 100, 94, 0.94, False),
    ("=", 100, 100, 1.0, True),
    ("<=", 0.5, 0.4, 1.25, True),   # ≤: lower is better, ratio inverted
    ("<=", 0.5, 0.6, 0.8333, False),
    ("<", 10, 10, 1.0, False),
])
def test_attainment_respects_the_comparator(comparator, value, actual, ratio, met):
    assert attainment(_e(comparator, value), actual) == (pytest.approx(ratio, abs=1e-4), met)


def test_attainment_for_a_range_uses_the_lower_bound():
    assert attainment(_e("range", 3, 5), 4) == (pytest.approx(4 / 3, abs=1e-4), True)
    assert attainment(_e("range", 3, 5), 2) == (pytest.approx(2 / 3, abs=1e-4), False)
    assert attainment(_e("range", 3, 5), None) == (None, None)


@pytest.mark.parametrize(("text", "delta"), [
    ("7d", relativedelta(days=7)), ("2w", relativedelta(weeks=2)), ("1m", relativedelta(months=1)),
    ("1y", relativedelta(years=1)), ("10 天", relativedelta(days=10)),
])
def test_spans(text, delta):
    """A span moves a date as the relativedelta would (days and weeks are a timedelta since issue 27:
    the same date either way, without importing dateutil for --soon 14d on every listing)."""
    span = parse_span(text)
    for base in (date(2024, 1, 31), date(2024, 2, 29), date(2023, 12, 31), date(2024, 10, 20)):
        assert (base + span, base - span) == (base + delta, base - delta)


@pytest.mark.parametrize("text", ["", "7", "d", "-1d", "1 fortnight"])
def test_bad_spans(text):
    with pytest.raises(DateInputError):
        parse_span(text)


def test_plan_resolution_on_the_shipped_registry():
    reg = load_registry(SHIPPED)
    assert resolve_plan(reg, "szbg") == "szbg"
    assert resolve_plan(reg, "数字变革") == "szbg"
    assert resolve_plan(reg, "数字变革创新行动计划") == "szbg"
    assert resolve_plan(reg, "新能源") == "xny"
    assert resolve_plan(reg, "SZBG") == resolve_plan(reg, "Szbg") == "szbg"  # codes in any case
    with pytest.raises(QueryError, match="ambiguous"):
        resolve_plan(reg, "创新")
    with pytest.raises(QueryError, match="unknown plan"):
        resolve_plan(reg, "十大扩需求")


def test_shipped_registry_answer_for_big_data_bureau():
    reg = load_registry(SHIPPED)
    table = load_units(SHIPPED.parent / "units.yaml")
    f = Filters(as_of=date(2024, 6, 1), units=[table.resolve("大数据局")])
    rows = occurrence_rows(reg, f, table)
    assert rows and all(any(table.canonical(n) == "省大数据局" for n in r["lead"] + r["support"]) for r in rows)
    keys = [(r["deadline"], r["id"], r["occurrence"] or "") for r in rows]
    assert keys == sorted(keys)
    # The 2024-10-31 milestone of 营商环境 task 1 (line 132) is led by 省大数据局 among others.
    assert any(r["deadline"] == "2024-10-31" and r["line"] == 132 for r in rows)


def test_entry_detail_and_pairs_without_the_cli(tiny):
    from plancli.output.listing import detail_lines
    from plancli.query.detail import entry_detail

    reg = load_registry(tiny)
    e = reg.find("test-003")
    recs = [Record("test-003@2024", "met", actual=21.0, on=date(2024, 12, 31))]
    d = entry_detail(reg, e, recs, date(2025, 1, 10))
    assert [o["item"] for o in d["occurrences"]] == ["test-003@2024", "test-003@2025"]
    assert d["occurrences"][0]["status"] == "met" and d["history"][0]["actual"] == 21.0
    pairs = dict(detail_lines(reg, e, d))
    assert pairs["target"] == "≈20 项 (= 20 项)" and pairs["recurring"] == "yearly"


def test_make_filters_is_keyword_only_and_resolves_names(tiny):
    from plancli.query.filters import QueryError, make_filters

    reg = load_registry(tiny)
    table = load_units(tiny.parent / "units.yaml")
    f = make_filters(reg, table, units=["工信厅"], plans=["测试"], as_of="2024-10-20", within="2w")
    assert (f.units, f.plans, f.as_of) == (["省工业和信息化厅"], ["test"], date(2024, 10, 20))
    with pytest.raises(TypeError):
        make_filters(reg, table, ["省科技厅"])  # positional filters are refused
    with pytest.raises(QueryError, match="unknown status"):
        make_filters(reg, table, statuses=["late"])


@pytest.mark.parametrize("word", ["today", "Today", " TODAY ", "今天", "今日"])
def test_today_on_the_command_line(word):
    from datetime import date

    from plancli.text.dates import to_date

    assert to_date(word, "--as-of") == date.today()


def test_ids_in_any_case():
    reg = load_registry(SHIPPED)
    assert reg.find("SZBG-014").id == reg.find("Szbg-014").id == "szbg-014"
