"""亮灯: the light rule on hand-checked cases, its settings, and the lights in every listing."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from plancli.ledger.record import Record
from plancli.query.lights import judge, occurrence_start, progress, reason_text, time_gone
from plancli.registry.model import Entry, LightSettings

START, DEADLINE = date(2024, 1, 1), date(2024, 12, 31)  # 365 days: 219 days gone is 60 % of the time
AT_60 = START + timedelta(days=219)


def entry(**kw) -> Entry:
    base = dict(id="t-001", kind="target", plan="t", group="", section="总体目标", task=None, metric="企业数量",
                value_text="100 家", value=100.0, value_max=None, unit="家", comparator=">=",
                deadline_text="2024年", deadline=DEADLINE, deadline_inferred=False, recurring=None,
                lead=("省科技厅",), support=(), units_inferred=False, quote="q", line=1)
    return Entry(**(base | kw))


def light_of(e: Entry, status: str, actual: float | None, as_of: date, settings=LightSettings(),
             rec_on: date | None = None):
    rec_status = status if status in ("met", "done", "missed") else "in_progress"
    rec = Record(e.id, rec_status, actual=actual, on=rec_on or as_of) if actual is not None or rec_on else None
    j = judge(e, {"status": status, "deadline": e.deadline.isoformat()}, rec, settings, as_of, start=START)
    return j.light, str(j.why())


def test_time_gone_is_the_share_of_the_span():
    assert time_gone(START, DEADLINE, AT_60) == pytest.approx(0.6)
    assert time_gone(START, DEADLINE, date(2023, 6, 1)) == 0 and time_gone(START, DEADLINE, date(2025, 6, 1)) == 1


@pytest.mark.parametrize(("status", "actual", "as_of", "light", "reason"), [
    # behind 序时进度 by 50, 12 and 0 points (60 % of the time gone)
    ("in_progress", 10, AT_60, "red", "behind schedule: 10% done, 60% of time gone"),
    ("in_progress", 48, AT_60, "yellow", "behind schedule: 48% done, 60% of time gone"),
    ("in_progress", 60, AT_60, "green", "on schedule: 60% done, 60% of time gone"),
    ("in_progress", 95, AT_60, "green", "on schedule: 95% done, 60% of time gone"),
    # overdue, near, far, met, missed
    ("overdue", None, date(2025, 1, 5), "red", "overdue by 5 days"),
    ("overdue", 90, date(2025, 1, 5), "red", "overdue by 5 days"),
    ("due_soon", None, date(2024, 12, 25), "blue", "due in 6 days"),
    ("in_progress", 99, date(2024, 12, 25), "blue", "due in 6 days"),
    ("in_progress", 50, date(2024, 12, 25), "red", "behind schedule: 50% done, 98% of time gone"),
    ("upcoming", None, date(2024, 3, 1), "green", "no record yet: nothing to judge"),
    ("met", 120, date(2025, 2, 1), "green", "met"),
    ("done", None, date(2025, 2, 1), "green", "done"),
    ("missed", 80, date(2025, 2, 1), "red", "latest record: missed"),
])
def test_hand_checked_lights(status, actual, as_of, light, reason):
    assert light_of(entry(), status, actual, as_of) == (light, reason)


def test_a_milestone_is_judged_by_its_deadline_only():
    m = entry(kind="milestone", value=None, value_text=None, unit=None, comparator=None)
    assert light_of(m, "upcoming", None, AT_60) == ("green", "no figure: judged by its deadline")
    assert light_of(m, "due_soon", None, date(2024, 12, 20))[0] == "blue"


def test_the_settings_change_the_lights():
    e = entry()
    loose = LightSettings(behind_yellow=15, behind_red=60, near_days=3)
    assert light_of(e, "in_progress", 48, AT_60, loose)[0] == "green"  # 12 points behind: within 15
    assert light_of(e, "in_progress", 10, AT_60, loose)[0] == "yellow"  # 50 behind: yellow under 60
    assert light_of(e, "due_soon", None, date(2024, 12, 25), loose)[0] == "green"  # 6 days: not within 3
    strict = LightSettings(behind_yellow=0, behind_red=5)
    assert light_of(e, "in_progress", 58, AT_60, strict)[0] == "yellow"


def test_stale_reports_light_yellow_only_when_a_cycle_is_set():
    e, monthly = entry(), LightSettings(report_every_days=30)
    fresh, stale = AT_60 - timedelta(days=20), AT_60 - timedelta(days=45)
    assert light_of(e, "in_progress", 60, AT_60, monthly, rec_on=fresh)[0] == "green"
    assert light_of(e, "in_progress", 60, AT_60, monthly, rec_on=stale) == (
        "yellow", "no report for 45 days (cycle 30 days)")
    assert light_of(e, "in_progress", 60, AT_60, rec_on=stale)[0] == "green"  # no cycle: no judgement
    assert light_of(e, "upcoming", None, AT_60, monthly) == ("yellow", "never reported in 219 days (cycle 30 days)")


def test_worst_rule_wins_and_reasons_of_that_light_are_all_kept():
    light, reason = light_of(entry(), "in_progress", 80, date(2024, 12, 25), LightSettings(report_every_days=7),
                             rec_on=date(2024, 11, 1))
    assert (light, reason) == ("yellow", "behind schedule: 80% done, 98% of time gone; no report for 54 days (cycle 7 days)")


def test_progress_needs_a_baseline_for_le_targets_and_rates():
    le = entry(comparator="<=", value=0.5, value_text="0.5 吨", unit="吨")
    assert progress(le, 0.9) == (None, "no_baseline_le")
    assert light_of(le, "in_progress", 0.9, AT_60) == ("green", "≤ target without a baseline: no schedule judgement")
    rate = entry(value=60.0, value_text="60%", unit="%")
    assert progress(rate, 55) == (None, "no_baseline_rate")
    # from a baseline of 1.0 down to 0.5: 0.9 is 20 % of the way, at 60 % of the time → 40 behind: red
    with_base = entry(comparator="<=", value=0.5, value_text="0.5 吨", unit="吨", baseline=1.0)
    assert progress(with_base, 0.9)[0] == pytest.approx(0.2)
    assert light_of(with_base, "in_progress", 0.9, AT_60)[0] == "red"
    assert progress(entry(value=60.0, value_text="60%", unit="%", baseline=50.0), 56)[0] == pytest.approx(0.6)


def test_reasons_read_in_chinese():
    e = entry()
    j = judge(e, {"status": "in_progress", "deadline": "2024-12-31"}, Record(e.id, "in_progress", 10.0, on=AT_60),
              LightSettings(), AT_60, start=START)
    assert reason_text(j.reasons, "zh") == "落后序时进度：完成 10%，时间已过 60%" == j.why().text("zh")


@pytest.mark.parametrize(("recurring", "deadline", "start"), [
    (None, date(2025, 12, 31), date(2024, 4, 22)),  # the document's date
    ("yearly", date(2025, 12, 31), date(2025, 1, 1)),  # its own year
    ("yearly", date(2024, 12, 31), date(2024, 4, 22)),  # … never before the document
    ("quarterly", date(2025, 6, 30), date(2025, 4, 1)),
])
def test_the_clock_starts_at_the_occurrence(recurring, deadline, start):
    assert occurrence_start(entry(recurring=recurring), deadline, date(2024, 4, 22), date(2024, 1, 1)) == start
    assert occurrence_start(entry(start=date(2024, 9, 1)), deadline, date(2024, 4, 22), date(2024, 1, 1)) == \
        date(2024, 9, 1)


# --------------------------------------------------------------------------- end to end on the tiny registry

@pytest.fixture
def ledger(tiny):
    """Three records, written through the ledger's own API (whatever its file format)."""
    from plancli.ledger.storage import append_record

    p = tiny.parent / "progress.yaml"
    for rec in (Record("test-001", "in_progress", 36000.0, on=date(2025, 1, 10)),
                Record("test-004", "done", on=date(2024, 11, 30)),
                Record("test-002", "in_progress", 20000.0, on=date(2025, 6, 30))):
        append_record(p, rec)
    return p


def _rows(cli, tiny, *args):
    r = cli("due", "--registry", str(tiny), "--format", "json", "--as-of", "2025-07-01", *args)
    assert r.code == 0, r.err
    return {x["item"]: x for x in json.loads(r.out)}


def test_closing_truths_late_and_closed_by_a_figure_after_the_deadline(cli, tiny, ledger):
    r = cli("list", "--registry", str(tiny), "--format", "json", "--as-of", "2025-07-01")
    rows = {x["id"]: x for x in json.loads(r.out)}
    # an in_progress figure effective after the deadline that meets the target is the result: met,
    # late by 10 days (a figure before the deadline closes nothing: tests/test_closing.py)
    t1 = rows["test-001"]
    assert (t1["status"], t1["record_status"], t1["met"], t1["late"], t1["days_late"], t1["light"]) == (
        "met", "in_progress", True, True, 10, "green")
    assert str(t1["light_reason"]) == "met"
    t4 = rows["test-004"]  # a milestone done 30 days after its deadline
    assert (t4["status"], t4["late"], t4["days_late"]) == ("done", True, 30)
    t2 = rows["test-002"]  # 20000 of 38000 (53 %) with 75 % of 2024-01-01..2025-12-31 gone: 22 points behind
    assert (t2["status"], t2["light"], t2["late"]) == ("in_progress", "yellow", None)
    assert str(t2["light_reason"]) == "behind schedule: 53% done, 75% of time gone"
    assert not any(x["status"] == "overdue" and x["met"] for x in rows.values())


def test_light_filter_is_repeatable_and_checked(cli, tiny, ledger):
    every = _rows(cli, tiny)
    assert {k: v["light"] for k, v in every.items()} == {
        "test-002": "yellow", "test-003@2024": "red", "test-003@2025": "green", "test-005": "green"}
    assert set(_rows(cli, tiny, "--light", "red", "-l", "yellow")) == {"test-002", "test-003@2024"}
    bad = cli("due", "--registry", str(tiny), "--light", "amber")
    assert bad.code == 2 and "amber" in bad.err


def test_the_lights_settings_of_the_registry_file(cli, tiny, ledger, write_registry):
    text = tiny.read_text(encoding="utf-8")
    write_registry(text + "lights: {behind_yellow: 25, report_every_days: 30}\n")
    rows = _rows(cli, tiny)
    assert rows["test-002"]["light"] == "green"  # 22 points behind: within 25
    assert rows["test-005"]["light"] == "yellow" and "never reported" in str(rows["test-005"]["light_reason"])


@pytest.mark.parametrize(("lights", "message"), [
    ("lights: [1, 2]", "lights must be a mapping (near_days, behind_yellow, behind_red, report_every_days)"),
    ("lights: {near: 3}", "lights: unknown key 'near'; known: near_days, behind_yellow, behind_red, report_every_days"),
    ("lights: {behind_red: 130}", "lights.behind_red must be a number of percentage points from 0 to 100, not 130"),
    ("lights: {report_every_days: 0}", "lights.report_every_days must be a whole number of days from 1, not 0"),
    ("lights: {behind_yellow: 40, behind_red: 20}", "lights.behind_yellow (40) must not exceed behind_red (20)"),
])
def test_bad_lights_settings_name_file_and_line(cli, tiny, write_registry, lights, message):
    text = tiny.read_text(encoding="utf-8")
    p = write_registry(text + lights + "\n")
    line = text.count("\n") + 1
    r = cli("due", "--registry", str(p))
    assert r.code == 2 and r.err == f"plancli: error: {p}:{line}: {message}\n"


def test_the_light_column_in_tables(cli, tiny, ledger):
    out = cli("due", "--registry", str(tiny), "--format", "plain", "--as-of", "2025-07-01", "--lang", "zh").out
    lines = {ln.split()[0]: ln.split() for ln in out.splitlines()[2:]}
    assert lines["test-002"][-3:] == ["进行中", "黄灯", "省科技厅"] and lines["test-003@2024"][-3:-1] == ["已逾期", "红灯"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_due_for_one_unit_gives_the_metric_room_at_80_columns(cli, lang, tmp_path):
    """`due --unit 省大数据局` at 80 columns: eight characters of every metric, the unit asked for not
    repeated (only the other lead units), and every id, date, status and light whole."""
    from rich.cells import cell_len

    from plancli.output.listing import decorate, footnotes

    # one item extended (延期): its deadline must not widen the date column at the metric's cost
    ledger = tmp_path / "progress.yaml"
    assert cli("record", "szbg-001", "--extend-to", "2025-12-31", "--on", "2024-11-01", "--note", "经同意延期",
               "--progress", str(ledger), "--new").code == 0
    args = ("due", "--unit", "省大数据局", "--as-of", "2025-06-01", "--lang", lang, "--progress", str(ledger))
    rows = decorate(json.loads(cli(*args, "--format", "json").out))
    assert any(r["deadline_original"] for r in rows)
    out = cli(*args, "--format", "table", env={"COLUMNS": "80"}).out
    lines = out.splitlines()
    notes = footnotes(rows, lang)
    assert all(cell_len(ln) <= 80 for ln in lines) and len(lines) == 2 + len(rows) + len(notes) == 2 + len(rows) + 2
    assert lines[-len(notes):] == notes
    assert lines[0].split()[-1] == ("其他牵头单位" if lang == "zh" else "co-lead")
    for ln, r in zip(lines[2:], rows, strict=False):
        assert r["metric"][:8] in ln, (r["metric"], ln)
        assert ln.startswith(r["item"] + " ") and r["deadline_shown"] in ln
        assert "省大数据局" not in ln


def test_index_lights_apply_to_every_document_and_a_documents_own_win(tiny, tmp_path):
    from plancli.registry.loading import load_registry

    text = tiny.read_text(encoding="utf-8")
    second = text.replace("meta:\n", "meta:\n  document: {code: second}\n", 1).replace("test-", "sec-").replace(
        "code: test,", "code: sec,").replace("plan: test", "plan: sec")
    (tiny.parent / "second.yaml").write_text(second + "lights: {near_days: 3}\n", encoding="utf-8")
    idx = tiny.parent / "registry.yaml"
    idx.write_text("documents:\n  - targets.yaml\n  - second.yaml\nlights: {near_days: 30, behind_red: 50}\n",
                   encoding="utf-8")
    reg = load_registry(idx)
    first, own = reg.light_settings(reg.get("test-001")), reg.light_settings(reg.get("sec-001"))
    assert (first.near_days, first.behind_red, first.behind_yellow) == (30, 50, 10)
    assert (own.near_days, own.behind_red) == (3, 50)  # its own key wins, the index fills the rest


def test_validate_lists_every_lights_problem(cli, tiny, write_registry):
    text = tiny.read_text(encoding="utf-8")
    n = text.count("\n")  # lights: is line n + 1
    p = write_registry(text + "lights:\n  behind_red: 130\n  near: 3\n")
    r = cli("validate", "--registry", str(p), "--no-source")
    assert r.code == 1
    assert f"{p}:{n + 2}: lights.behind_red must be a number of percentage points from 0 to 100, not 130" in r.out
    assert f"{p}:{n + 3}: lights: unknown key 'near'" in r.out


def test_baseline_and_start_are_read_and_checked(cli, tiny, write_registry):
    text = tiny.read_text(encoding="utf-8")
    entry5 = "    quote: 单位能耗降至 0.5 吨标准煤以内\n"
    assert entry5 in text
    p = write_registry(text.replace(entry5, entry5 + "    baseline: 1.0\n    start: \"2024-07-01\"\n"))
    rows = json.loads(cli("due", "--registry", str(p), "--as-of", "2025-07-01", "--format", "json").out)
    # test-005: from 1.0 down to 0.5 — no record: nothing to judge, but no longer “no baseline”
    assert str(next(r for r in rows if r["id"] == "test-005")["light_reason"]) == "no record yet: nothing to judge"
    bad = write_registry(text.replace(entry5, entry5 + "    start: \"2026-01-01\"\n"))
    r = cli("due", "--registry", str(bad))
    assert r.code == 2 and "test-005: start 2026-01-01 is not before the deadline 2025-12-31" in r.err


def test_list_shows_the_worst_light_of_an_entry_and_which_occurrence(cli, tiny):
    from plancli.ledger.storage import append_record

    append_record(tiny.parent / "progress.yaml", Record("test-003@2024", "missed", 12.0, on=date(2025, 1, 5)))
    rows = {r["id"]: r for r in json.loads(
        cli("list", "--registry", str(tiny), "--as-of", "2025-03-01", "--format", "json").out)}
    t3 = rows["test-003"]  # 2025 is upcoming and green; 2024 was missed: the entry shows red, and says why
    assert (t3["status"], t3["light"], str(t3["light_reason"])) == ("upcoming", "red", "2024: latest record: missed")


def test_show_writes_the_light_and_its_reason_in_the_readers_language(cli, tiny):
    zh = cli("show", "test-004", "--lang", "zh", "--format", "plain", "--registry", str(tiny))
    en = cli("show", "test-004", "--lang", "en", "--format", "plain", "--registry", str(tiny))
    assert zh.code == en.code == 0
    [zh_light] = [ln for ln in zh.out.splitlines() if ln.startswith("亮灯")]
    [en_light] = [ln for ln in en.out.splitlines() if ln.startswith("light")]
    assert zh_light.split(None, 1)[1] == "test-004：蓝灯（11 天内到期）"  # full-width, as an office writes
    assert en_light.split(None, 1)[1] == "test-004: blue (due in 11 days)"


@pytest.mark.parametrize("settings", [{}, {"near_days": 40, "behind_yellow": 5}, {"report_every_days": 30}])
@pytest.mark.parametrize("as_of", ["2024-04-01", "2024-10-20", "2024-12-20", "2025-06-30", "2026-02-01"])
def test_every_row_without_a_record_has_the_light_judge_gives_it(settings, as_of):
    """The row engine works out the light of an occurrence nothing was recorded for once per
    (status, deadline, start, settings, figure or not); asked of each row on its own, judge agrees."""
    from dataclasses import replace

    from plancli.query.filters import make_filters
    from plancli.query.rows import occurrence_rows
    from plancli.registry.loading import load_registry

    from .conftest import SHIPPED

    reg = load_registry(SHIPPED)
    reg.documents[:] = [replace(d, lights={**d.lights, **settings}) for d in reg.documents]
    reg.__dict__.pop("_light_settings", None)
    f = make_filters(reg, None, as_of=as_of)
    rows = occurrence_rows(reg, f)
    assert len(rows) > 300
    for row in rows:
        e = reg.get(row["id"])
        d = date.fromisoformat(row["deadline"])
        doc = reg.document_of(e)
        start = occurrence_start(e, d, reg.issued(e), doc.period.start)
        j = judge(e, row, None, reg.light_settings(e), f.as_of, start=start, deadline=d)
        assert (row["light"], str(row["light_reason"])) == (j.light, str(j.why())), row["item"]
    if as_of in ("2024-10-20", "2024-12-20"):  # mid-plan (before it all is green, after it all is red)
        assert len({row["light"] for row in rows}) >= 3
