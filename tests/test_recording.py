"""Issue 8: the ledger must never say something false — each case as it was found, then each rule.

Cases run on the shipped registry (data/targets.yaml) with a ledger in tmp_path; the ``cli`` fixture
pretends today is 2024-10-20 for queries (PLANCLI_TODAY). ``record`` dates by the real clock.
"""

from __future__ import annotations

import json
import time
from datetime import date, datetime
from pathlib import Path

import pytest

from plancli.ledger.record import Record
from plancli.ledger.recording import ledger_warnings, record_progress, retract_latest
from plancli.ledger.storage import append_record, load_ledger
from plancli.ledger.timeline import latest_records, records_between
from plancli.registry.loading import load_registry
from plancli.vocabulary import RETRACTED
from plancli.workspace import open_workspace

from .conftest import SHIPPED


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    return tmp_path / "progress.yaml"


def run(cli, ledger: Path, *args: str):
    return cli(*args, "--progress", str(ledger))


def _json(cli, ledger: Path, *args: str):
    r = run(cli, ledger, *args, "--format", "json")
    assert r.code in (0, 1), r.err
    return json.loads(r.out)


def _error(r) -> str:
    assert r.code == 2, (r.code, r.out, r.err)
    assert r.err.startswith("plancli: error: ") and r.err.count("\n") == 1, r.err
    return r.err


# --------------------------------------------------------------------------- 1. status against value


def test_case1_met_with_26_percent_of_the_target_is_refused(cli, ledger):
    # kjyf-003: 高新技术企业 2025 年突破 3.8 万家. 1万家 is 26 % of it.
    err = _error(run(cli, ledger, "record", "--new", "kjyf-003", "--status", "met", "--actual", "1万家", "--on", "2024-10-01"))
    assert "--status met contradicts --actual 1万家: 1 万家 is 26% of the target >3.8 万家, so it is not met" in err
    assert "--force --note" in err
    assert not ledger.exists()  # nothing written


def test_missed_with_a_value_that_meets_the_target_is_refused(cli, ledger):
    err = _error(run(cli, ledger, "record", "--new", "kjyf-003", "--status", "missed", "--actual", "4万家",
                      "--on", "2024-10-01"))
    assert "4 万家 is 105% of the target >3.8 万家, so it is met; record --status met" in err
    assert not ledger.exists()


def test_override_needs_a_reason_is_stored_and_shown(cli, ledger):
    args = ("record", "--new", "kjyf-003", "--status", "met", "--actual", "1万家", "--on", "2024-10-01", "--force")
    assert "--force needs --note" in _error(run(cli, ledger, *args))
    r = run(cli, ledger, *args, "--note", "省科技厅按新口径认定达标")
    assert r.code == 0, r.err
    assert r.err == ("recorded kjyf-003: met on 2024-10-01 (actual 1 万家, 26% of >3.8 万家); "
                     f"status kept against the value (forced): 省科技厅按新口径认定达标 → {ledger}\n")
    [rec] = load_ledger(ledger)
    assert (rec.status, rec.forced, rec.note) == ("met", True, "省科技厅按新口径认定达标")
    text = run(cli, ledger, "show", "kjyf-003", "--format", "plain").out
    assert "kjyf-003: met (deadline 2025-12-31), actual 1 万家 (26% of the target)" in text
    assert "[FORCED: status kept against the value]" in text and "note: 省科技厅按新口径认定达标" in text
    [occ] = _json(cli, ledger, "show", "kjyf-003")[0]["occurrences"]
    assert (occ["status"], occ["met"], occ["attainment"]) == ("met", False, 0.2632)  # both said, not hidden


def test_a_hand_written_contradiction_counts_as_the_value_says_and_warns(cli, ledger):
    # what issue 8 found: status met, actual 10000 (26 %) — show said met, JSON met: false, stats met
    ledger.write_text("records:\n  - id: kjyf-003\n    status: met\n    actual: 10000\n"
                      "    on: '2024-10-01'\n", encoding="utf-8")
    [occ] = _json(cli, ledger, "show", "kjyf-003")[0]["occurrences"]
    assert (occ["status"], occ["record_status"], occ["met"]) == ("missed", "met", False)
    text = run(cli, ledger, "show", "kjyf-003", "--format", "plain").out
    assert "recorded as met but the value says missed" in text
    r = run(cli, ledger, "stats", "--plan", "kjyf", "--format", "json")
    [row] = json.loads(r.out)
    assert (row["met"], row["missed"]) == (0, 1)
    assert r.err == (f"plancli: warning: {ledger}:2: record kjyf-003: status met but actual 1 万家 is 26% of "
                     "the target, so it counts as missed (write forced: true and a note to keep the status)\n")
    listed = {x["id"]: (x["status"], x["met"]) for x in _json(cli, ledger, "list", "--plan", "kjyf")}
    assert listed["kjyf-003"] == ("missed", False)


def test_met_and_missed_follow_the_comparator(cli, ledger):
    # kjyf-002 突破 3.5 万家 (>): exactly 3.5 万家 is not met
    assert run(cli, ledger, "record", "--new", "kjyf-002", "--status", "missed", "--actual", "3.5万家",
                "--on", "2024-10-01").code == 0
    assert "is 100% of the target >3.5 万家, so it is not met" in _error(
        run(cli, ledger, "record", "--new", "kjyf-002", "--status", "met", "--actual", "3.5万家", "--on", "2024-10-01"))


# --------------------------------------------------------------------------- 2. time


def test_case2_a_record_counts_from_its_on_date(cli, ledger):
    assert run(cli, ledger, "record", "--new", "yshj-009", "--status", "done", "--on", "2024-10-30").code == 0
    before = _json(cli, ledger, "show", "yshj-009", "--as-of", "2024-10-20")[0]
    assert [o["status"] for o in before["occurrences"]] == ["due_soon"]
    assert before["history"] == []  # history up to as-of
    after = _json(cli, ledger, "show", "yshj-009", "--as-of", "2024-10-30")[0]
    assert [o["status"] for o in after["occurrences"]] == ["done"]
    assert [h["on"] for h in after["history"]] == ["2024-10-30"]
    # overdue/due as of dates before it do not see it either
    assert "yshj-009" in [x["item"] for x in _json(cli, ledger, "due", "--as-of", "2024-10-29")]
    assert "yshj-009" not in [x["item"] for x in _json(cli, ledger, "due", "--as-of", "2024-10-30")]


def test_case2_weekly_lists_a_record_in_the_week_of_its_on_date(cli, ledger):
    assert run(cli, ledger, "record", "--new", "yshj-009", "--status", "done", "--on", "2024-10-30").code == 0
    week = _json(cli, ledger, "weekly", "--as-of", "2024-11-04")
    assert week["week"] == ["2024-10-28", "2024-11-03"]
    assert [(r["item"], r["effective"]) for r in week["recorded_last_week"]] == [("yshj-009", "2024-10-30")]
    # the week it was typed in (2026) is not the week it happened in
    assert _json(cli, ledger, "weekly", "--as-of", "2024-11-11")["recorded_last_week"] == []


def test_the_latest_effective_date_decides_not_the_line(tmp_path):
    p = tmp_path / "progress.yaml"
    append_record(p, Record("yshj-009", "done", on=date(2024, 10, 30)))
    append_record(p, Record("yshj-009", "in_progress", on=date(2024, 9, 1), note="补录九月进展"))  # backfilled
    recs = load_ledger(p)
    assert latest_records(recs)["yshj-009"].status == "done"
    assert latest_records(recs, date(2024, 10, 1))["yshj-009"].status == "in_progress"
    assert "yshj-009" not in latest_records(recs, date(2024, 8, 31))


def test_records_without_on_count_from_the_date_in_recorded_at(tmp_path):
    p = tmp_path / "progress.yaml"
    p.write_text("records:\n  - id: yshj-009\n    status: done\n    recorded_at: '2024-10-22T01:30:00+08:00'\n",
                 encoding="utf-8")
    [r] = load_ledger(p)
    assert r.effective == date(2024, 10, 22)  # the calendar date as written, not converted to UTC
    assert latest_records([r], date(2024, 10, 21)) == {}
    assert records_between([r], date(2024, 10, 21), date(2024, 10, 27)) == [r]


def test_an_on_date_in_the_future_is_refused(cli, ledger):
    tomorrow = date.fromordinal(date.today().toordinal() + 1).isoformat()
    err = _error(run(cli, ledger, "record", "--new", "yshj-009", "--status", "done", "--on", tomorrow))
    assert f"--on {tomorrow} is in the future" in err
    assert not ledger.exists()


@pytest.fixture
def shanghai(monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_on_defaults_to_the_local_date_and_recorded_at_keeps_its_offset(cli, ledger, shanghai):
    r = run(cli, ledger, "record", "--new", "yshj-009", "--status", "done")
    assert r.code == 0, r.err
    [rec] = load_ledger(ledger)
    assert rec.recorded_at.endswith("+08:00")  # a Monday-morning record in China stays on Monday
    assert rec.on == datetime.fromisoformat(rec.recorded_at).date() == date.today()


# --------------------------------------------------------------------------- 3. values as the target is written


@pytest.mark.parametrize(("item", "status", "actual", "stored", "line"), [
    ("xny-001", "met", "1.02", 1.02e8, "recorded xny-001: met on 2024-10-01 (actual 1.02 亿千瓦, 102% of ≥1 亿千瓦)"),
    ("kjyf-002", "met", "3.6", 36000, "recorded kjyf-002: met on 2024-10-01 (actual 3.6 万家, 103% of >3.5 万家)"),
    ("szbg-004", "met", "99.2", 99.2, "recorded szbg-004: met on 2024-10-01 (actual 99.2%, 100% of ≈99%)"),
    ("xny-001", "missed", "9800万千瓦", 9.8e7,
     "recorded xny-001: missed on 2024-10-01 (actual 0.98 亿千瓦, 98% of ≥1 亿千瓦)"),
    ("xny-001", "in_progress", "0.5", 5e7,
     "recorded xny-001: in_progress on 2024-10-01 (actual 0.5 亿千瓦, 50% of ≥1 亿千瓦)"),
    # done with a value: the value decides (met), and the line says so
    ("xny-001", "done", "1.1", 1.1e8,
     "recorded xny-001: done on 2024-10-01 (actual 1.1 亿千瓦, 110% of ≥1 亿千瓦); counts as met"),
])
def test_case3_bare_numbers_take_the_targets_multiplier(cli, ledger, item, status, actual, stored, line):
    r = run(cli, ledger, "record", "--new", item, "--status", status, "--actual", actual, "--on", "2024-10-01")
    assert r.code == 0, r.err
    assert r.err == f"{line} → {ledger}\n"
    [rec] = load_ledger(ledger)
    assert (rec.actual, rec.actual_text) == (pytest.approx(stored), actual)


def test_done_with_a_value_short_of_the_target_is_refused(cli, ledger):
    err = _error(run(cli, ledger, "record", "--new", "xny-001", "--status", "done", "--actual", "0.98", "--on", "2024-10-01"))
    assert "--status done contradicts --actual 0.98: 0.98 亿千瓦 is 98% of the target ≥1 亿千瓦, so it is not met" in err


@pytest.mark.parametrize(("item", "actual", "message"), [
    ("szbg-004", "0.99", "--actual: '0.99' against a percentage target is ambiguous: write 99% for the fraction"),
    ("kjyf-002", "3,6万家", "--actual: cannot read '3,6万家': '3,6' has a comma that is not a thousands separator"),
])
def test_case3_ambiguous_values_are_refused(cli, ledger, item, actual, message):
    assert message in _error(run(cli, ledger, "record", "--new", item, "--status", "done", "--actual", actual,
                                  "--on", "2024-10-01"))
    assert not ledger.exists()


# --------------------------------------------------------------------------- 5. corrections


def test_case5_retract_withdraws_the_latest_record_and_keeps_history(cli, ledger):
    rec = ("record", "--new", "kjyf-002")
    assert run(cli, ledger, *rec, "--status", "in_progress", "--actual", "3.2万家", "--on", "2024-06-30").code == 0
    assert run(cli, ledger, *rec, "--status", "met", "--actual", "3.6万家", "--on", "2024-10-01").code == 0
    assert "--retract needs --note" in _error(run(cli, ledger, *rec, "--retract"))
    assert "--retract withdraws a record" in _error(run(cli, ledger, *rec, "--retract", "--status", "met",
                                                         "--note", "x"))
    r = run(cli, ledger, *rec, "--retract", "--note", "通报数字有误")
    recs = load_ledger(ledger)
    # the confirmation names the record withdrawn by its id, with its figure (issue 24: it said neither)
    assert (r.code, r.err) == (0, f"retracted kjyf-002 record {recs[1].rid}: met on 2024-10-01, actual 3.6 万家 "
                                  f"(通报数字有误) → {ledger}\n")
    assert [x.status for x in recs] == ["in_progress", "met", RETRACTED]  # nothing dropped
    shown = _json(cli, ledger, "show", "kjyf-002")[0]
    assert [o["status"] for o in shown["occurrences"]] == ["in_progress"]  # falls back
    assert [(h["status"], bool(h["withdrawn"])) for h in shown["history"]] == [
        ("in_progress", False), ("met", True)]  # the retraction itself is dated today (after as-of)
    text = run(cli, ledger, "show", "kjyf-002", "--as-of", date.today().isoformat(), "--format", "plain").out
    lines = [ln for ln in text.splitlines() if ln.startswith("record")]
    assert "met actual=3.6 万家" in lines[1] and f"[WITHDRAWN on {date.today()}: 通报数字有误]" in lines[1]
    assert f"{date.today()} kjyf-002 retracted note: 通报数字有误" in lines[2]
    # a second retraction withdraws the next one; a third has nothing left
    assert run(cli, ledger, *rec, "--retract", "--note", "六月数字也有误").code == 0
    assert "kjyf-002" not in latest_records(load_ledger(ledger))
    assert "kjyf-002 has no record to retract" in _error(run(cli, ledger, *rec, "--retract", "--note", "x"))


def test_retract_in_the_core_returns_the_withdrawn_record(tmp_path):
    reg = load_registry(SHIPPED)
    p = tmp_path / "progress.yaml"
    first, _ = record_progress(reg, p, "yshj-009", status="done", on=date(2024, 10, 30))
    rec, gone, e = retract_latest(reg, p, "yshj-009", note="写错了事项")
    assert (rec.status, e.id) == (RETRACTED, "yshj-009")
    assert (gone.item, gone.status, gone.on, gone.recorded_at) == ("yshj-009", "done", date(2024, 10, 30),
                                                                   first.recorded_at)
    assert ledger_warnings(reg, p, load_ledger(p)) == []


# --------------------------------------------------------------------------- bad records are loud


BAD_LEDGER = ("records:\n"
              "  - id: kjyf-999\n    status: done\n    on: '2024-06-01'\n"           # 2: unknown id
              "  - id: kjyf-001\n    status: met\n    on: '2024-06-01'\n"           # 5: bare id of a 每年 entry
              "  - id: fxfk-001@2024Q1\n    status: done\n    on: '2024-06-01'\n"   # 8: before the document
              "  - id: yshj-009\n    status: retracted\n    note: x\n    on: '2024-06-01'\n")  # 11: nothing to withdraw


@pytest.mark.parametrize("command", [("due",), ("overdue",), ("weekly",), ("stats",), ("stats", "--by", "unit"),
                                     ("list",)])
def test_bad_records_are_warned_about_by_every_listing(cli, ledger, command):
    ledger.write_text(BAD_LEDGER, encoding="utf-8")
    r = run(cli, ledger, *command, "--format", "json")
    assert r.code == 0, r.err
    assert r.err.splitlines() == [
        f"plancli: warning: {ledger}:2: record for unknown item 'kjyf-999' is ignored",
        f"plancli: warning: {ledger}:5: record 'kjyf-001' is ignored: kjyf-001 recurs (年均); record one "
        "occurrence: kjyf-001@2024, kjyf-001@2025",
        f"plancli: warning: {ledger}:8: record 'fxfk-001@2024Q1' is ignored: fxfk-001@2024Q1 fell due "
        "2024-03-31, before the document's own date 2024-04-22: it is not an occurrence; use one of "
        + ", ".join(f"fxfk-001@{q}" for q in ("2024Q2", "2024Q3", "2024Q4", "2025Q1", "2025Q2", "2025Q3", "2025Q4")),
        f"plancli: warning: {ledger}:11: retraction of yshj-009 has no earlier record to withdraw",
    ]
    json.loads(r.out)  # stdout stays clean data


def test_validate_reports_the_same_records_as_problems(cli, ledger):
    ledger.write_text(BAD_LEDGER, encoding="utf-8")
    r = run(cli, ledger, "validate")
    assert r.code == 1
    problems = [ln for ln in r.out.splitlines() if ": warning: " not in ln]  # (the old format is one)
    assert [ln.split(": ", 1)[0] for ln in problems] == [f"{ledger}:{n}" for n in (2, 5, 8, 11)]


def test_a_good_ledger_gives_no_warnings(cli, ledger):
    assert run(cli, ledger, "record", "--new", "kjyf-001@2024", "--status", "met", "--actual", "10.5%",
                "--on", "2024-10-01").code == 0
    assert run(cli, ledger, "due", "--format", "json").err == ""


# --------------------------------------------------------------------------- occurrences and the document date


@pytest.mark.parametrize("eid", ["fxfk-001", "tjls-002"])
def test_no_quarter_falls_due_before_the_document(eid):
    reg = load_registry(SHIPPED)
    e = reg.find(eid)
    assert reg.issued(e) == date(2024, 4, 22)
    assert e.occurrences()[0] == date(2024, 3, 31)  # what 每季度 alone reads as
    assert reg.occurrences(e)[0] == date(2024, 6, 30)
    assert reg.items(e)[0] == f"{eid}@2024Q2" and len(reg.items(e)) == 7


def test_recording_a_quarter_before_the_document_says_why(cli, ledger):
    err = _error(run(cli, ledger, "record", "--new", "tjls-002@2024Q1", "--status", "done", "--on", "2024-03-31"))
    assert "tjls-002@2024Q1 fell due 2024-03-31, before the document's own date 2024-04-22" in err


def test_no_occurrence_of_the_shipped_registry_predates_the_document():
    reg = load_registry(SHIPPED)
    assert all(d >= reg.issued(e) for e in reg.entries for d in reg.occurrences(e))


# --------------------------------------------------------------------------- status vocabulary


STATUS_COLUMNS = ("overdue", "due_soon", "upcoming", "in_progress", "met", "done", "missed")


@pytest.mark.parametrize("by", ["plan", "unit"])
@pytest.mark.parametrize("as_of", ["2024-05-01", "2024-10-20", "2026-01-01"])
def test_stats_columns_add_up_to_total(cli, ledger, by, as_of):
    # issue 8 found `total 54 = overdue 54` and also `undated 16` for szbg
    run(cli, ledger, "record", "--new", "yshj-009", "--status", "done", "--on", "2024-10-30")
    run(cli, ledger, "record", "--new", "kjyf-002", "--status", "met", "--actual", "3.6万家", "--on", "2024-10-01")
    rows = _json(cli, ledger, "stats", "--by", by, "--as-of", as_of)
    assert rows and all(sum(r[k] for k in STATUS_COLUMNS) == r["total"] for r in rows)
    assert all(0 <= r["no_date_stated"] <= r["total"] for r in rows)
    szbg = {r["name"]: r for r in _json(cli, ledger, "stats", "--as-of", as_of)}["szbg"]
    assert szbg["no_date_stated"] == sum(o["deadline_inferred"] for o in
                                         _json(cli, ledger, "due", "--plan", "szbg", "--as-of", as_of))


def test_undated_is_not_a_status_any_more(cli, ledger):
    r = run(cli, ledger, "due", "--status", "undated")
    assert r.code == 2 and "'undated' is not one of" in r.err
    help_text = cli("due", "--help").out
    assert "undated" not in help_text


def test_the_workspace_warns_through_the_core(tmp_path):
    p = tmp_path / "progress.yaml"
    p.write_text("records:\n  - id: nope-001\n    status: done\n", encoding="utf-8")
    ws = open_workspace(SHIPPED, p)
    [w] = ws.ledger_warnings()
    assert (w.path, w.line) == (str(p), 2) and "unknown item 'nope-001'" in w.message


def test_show_writes_a_bare_number_as_the_target_and_keeps_what_was_typed(cli, ledger):
    assert run(cli, ledger, "record", "--new", "xny-001", "--status", "met", "--actual", "1.02", "--on", "2024-10-01").code == 0
    text = run(cli, ledger, "show", "xny-001", "--format", "plain").out
    assert "xny-001: met (deadline 2024-12-31), actual 1.02 亿千瓦 (102% of the target)" in text
    assert "2024-10-01 xny-001 met actual=1.02 亿千瓦 (typed 1.02)" in text


def test_a_forced_record_without_a_reason_is_warned_about(cli, ledger):
    ledger.write_text("records:\n  - id: kjyf-003\n    status: met\n    actual: 10000\n    forced: true\n"
                      "    on: '2024-10-01'\n", encoding="utf-8")
    r = run(cli, ledger, "stats", "--plan", "kjyf", "--format", "json")
    assert r.err == (f"plancli: warning: {ledger}:2: record kjyf-003: forced: true needs a note saying why "
                     "the status stands\n")
    assert json.loads(r.out)[0]["met"] == 1  # forced still counts as recorded; the warning asks for the why


def test_record_needs_a_status_or_a_retraction(cli, ledger):
    assert "give --status done|met|missed|in_progress (or --retract)" in _error(run(cli, ledger, "record", "--new", "yshj-009"))
    assert not ledger.exists()


def test_weekly_lists_a_retraction_as_news_and_not_the_withdrawn_record(cli, ledger):
    assert run(cli, ledger, "record", "--new", "yshj-009", "--status", "done", "--on", "2024-10-30").code == 0
    assert run(cli, ledger, "record", "--new", "yshj-009", "--retract", "--note", "未完成，撤回", "--on", "2024-10-31").code == 0
    week = _json(cli, ledger, "weekly", "--as-of", "2024-11-04")
    assert [(r["item"], r["status"], r["effective"]) for r in week["recorded_last_week"]] == [
        ("yshj-009", "retracted", "2024-10-31")]
    for lang, word in (("zh", "已撤回"), ("en", "retracted")):
        r = run(cli, ledger, "weekly", "--as-of", "2024-11-04", "--format", "md", "--lang", lang)
        assert r.code == 0 and word in r.out, r.err


ENGLISH_WORDS = ("met", "missed", "done", "in_progress", "in progress", "overdue", "upcoming", "due_soon",
                 "milestone", "target", "red", "yellow", "blue", "green", "actual", "deadline", "source", "note",
                 "evidence", "FORCED", "WITHDRAWN", "recorded", "extended", "inferred", "records", "line", "typed")


def test_show_in_chinese_has_no_english_status_kind_or_field(cli, tiny, tmp_path):
    """`show ID --lang zh`: statuses, lights, kinds, field names and every phrase around them in Chinese;
    only ids, dates, numbers and paths stay as they are."""
    import re

    p = tmp_path / "progress.yaml"
    for args in (("test-001", "--status", "met", "--actual", "3.6万家", "--on", "2024-10-01", "--source", "通报",
                  "--evidence", "省科技厅通报", "--note", "按时完成"),
                 ("test-001", "--retract", "--note", "数字有误"),
                 ("test-001", "--status", "met", "--actual", "1万家", "--on", "2024-10-02", "--force", "--note", "新口径"),
                 ("test-004", "--extend-to", "2025-03-31", "--on", "2024-10-05", "--note", "经同意延期")):
        r = cli("record", *args, "--registry", str(tiny), "--progress", str(p), *(() if p.exists() else ("--new",)))
        assert r.code == 0, r.err
    for item in ("test-001", "test-004", "test-003"):
        out = cli("show", item, "--lang", "zh", "--format", "plain", "--registry", str(tiny), "--progress", str(p)).out
        text = out.replace(str(p), "")
        found = [w for w in ENGLISH_WORDS if re.search(rf"(?<![A-Za-z]){w}(?![A-Za-z])", text)]
        assert found == [], (item, found, out)
        assert "已达标" in out or "未到期" in out or "即将到期" in out
