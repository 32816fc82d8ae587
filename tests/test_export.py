"""`plancli export`: an RFC 5545 calendar, CSV with a BOM, JSON and an SQLite database."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml
from icalendar import Calendar

from plancli.ledger.record import Record
from plancli.ledger.storage import append_record

from .conftest import SHIPPED, TINY_REGISTRY

# The documented JSON/CSV contract (README “Output contract”): these columns, in this order.
CONTRACT = [
    "id", "item", "occurrence", "kind", "plan", "plan_name", "group", "section", "task", "metric",
    "value", "value_max", "unit", "comparator", "value_text", "deadline", "deadline_text",
    "deadline_inferred", "recurring", "lead", "support", "units_inferred", "quote", "line",
    "status", "days_left", "record_status", "actual", "attainment", "met", "recorded_on", "doc",
    "light", "light_reason", "late", "days_late",
    "deadline_original", "note", "evidence",
    "actual_below", "evidence_name",
]

# The six deadline occurrences of the tiny registry (test-003 is 每年 → 2024 and 2025) and their dates.
TINY_OCCURRENCES = {
    "test-001": date(2024, 12, 31), "test-002": date(2025, 12, 31), "test-003@2024": date(2024, 12, 31),
    "test-003@2025": date(2025, 12, 31), "test-004": date(2024, 10, 31), "test-005": date(2025, 12, 31),
}
TINY_QUOTES = {
    "test-001": "高新技术企业 2024 年突破 3.5 万家",
    "test-002": "高新技术企业 2024 年突破 3.5 万家、2025 年突破 3.8 万家",
    "test-003": "每年组织实施 20 项左右前沿技术攻关项目",
    "test-004": "2024年10月底前，完成平台迭代更新",
    "test-005": "单位能耗降至 0.5 吨标准煤以内",
}


def _export(cli, reg: Path, progress: Path, fmt: str, *args: str):
    # Chinese labels through PLANCLI_LANG, as a user in a C locale (cron) would set them
    return cli("export", "--format", fmt, "--registry", str(reg), "--progress", str(progress), *args,
               env={"PLANCLI_LANG": "zh"})


def _events(path: Path) -> dict[str, object]:
    cal = Calendar.from_ical(path.read_bytes())
    events = cal.walk("VEVENT")
    uids = [str(e["uid"]) for e in events]
    assert len(uids) == len(set(uids)), "UIDs must be unique"
    return {u: e for u, e in zip(uids, events, strict=True)}


# --------------------------------------------------------------------------- ics


def test_ics_one_all_day_event_per_occurrence(cli, tiny, tmp_path):
    out = tmp_path / "deadlines.ics"
    r = _export(cli, tiny, tmp_path / "progress.yaml", "ics", "-o", str(out))
    assert (r.code, r.out, r.err) == (0, "", "")
    cal = Calendar.from_ical(out.read_bytes())
    assert str(cal["version"]) == "2.0" and "plancli" in str(cal["prodid"])
    events = _events(out)
    assert set(events) == {f"{item}@plancli" for item in TINY_OCCURRENCES}
    for item, d in TINY_OCCURRENCES.items():
        ev = events[f"{item}@plancli"]
        assert ev["dtstart"].dt == d and type(ev["dtstart"].dt) is date  # all-day, not a datetime
        assert ev["dtend"].dt == d + timedelta(days=1)
        assert str(ev["summary"]).endswith(f"[{item}]")
        desc = str(ev["description"])
        assert TINY_QUOTES[item.split("@")[0]] in desc
        assert "牵头单位: 省科技厅" in desc or "牵头单位: 省工业和信息化厅" in desc
    desc4 = str(events["test-004@plancli"]["description"])
    assert "配合单位: 省大数据局" in desc4 and "状态: 即将到期 (due_soon)" in desc4
    assert "期限: 2024年10月底前" in desc4
    # RFC 5545: content lines are folded at 75 octets, CRLF-terminated
    raw = out.read_bytes()
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n")
    assert max(len(line) for line in raw.split(b"\r\n")) <= 75


def test_ics_uids_are_stable_across_exports(cli, tiny, tmp_path):
    p = tmp_path / "progress.yaml"
    a, b, c = tmp_path / "a.ics", tmp_path / "b.ics", tmp_path / "c.ics"
    assert _export(cli, tiny, p, "ics", "-o", str(a)).code == 0
    assert _export(cli, tiny, p, "ics", "-o", str(b)).code == 0
    assert a.read_bytes() == b.read_bytes()  # same inputs → the same file

    # a record and another day change statuses, never the identity of the events
    assert cli("record", "--new", "test-004", "--status", "done", "--on", "2024-10-01", "--registry", str(tiny), "--progress", str(p)).code == 0
    assert _export(cli, tiny, p, "ics", "-o", str(c), "--as-of", "2024-11-15").code == 0
    first, later = _events(a), _events(c)
    assert set(first) == set(later)
    assert "状态: 即将到期 (due_soon)" in str(first["test-004@plancli"]["description"])
    assert "状态: 已完成 (done)" in str(later["test-004@plancli"]["description"])
    assert str(later["test-004@plancli"]["summary"]) == "✓ 已完成 平台迭代更新 [test-004]"


SPECIAL = TINY_REGISTRY.replace(
    "metric: 平台迭代更新",
    'metric: "平台迭代更新, 第二期; 含\\\\备份"',
).replace(
    "quote: 2024年10月底前，完成平台迭代更新",
    'quote: "2024年10月底前，完成平台迭代更新, 覆盖A;B\\n第二行: 备份\\\\目录"',
)


def test_ics_text_escaping_survives_a_round_trip(cli, write_registry, tmp_path):
    reg = write_registry(SPECIAL, name="special.yaml")
    out = tmp_path / "s.ics"
    assert _export(cli, reg, tmp_path / "progress.yaml", "ics", "-o", str(out)).code == 0
    ev = _events(out)["test-004@plancli"]
    assert str(ev["summary"]) == "平台迭代更新, 第二期; 含\\备份 [test-004]"
    desc = str(ev["description"]).split("\n")
    assert desc[1] == "指标: 平台迭代更新, 第二期; 含\\备份"
    # the quote's own newline survives as a newline, its comma and semicolon as themselves
    assert desc[-2:] == ["原文 (第9行): 2024年10月底前，完成平台迭代更新, 覆盖A;B", "第二行: 备份\\目录"]
    raw = out.read_bytes().decode("utf-8")
    unfolded = raw.replace("\r\n ", "")
    assert "SUMMARY:平台迭代更新\\, 第二期\\; 含\\\\备份 [test-004]" in unfolded


def test_ics_for_one_unit_to_stdout(cli, tiny, tmp_path):
    r = _export(cli, tiny, tmp_path / "progress.yaml", "ics", "--unit", "大数据局")
    assert r.code == 0
    cal = Calendar.from_ical(r.out.encode("utf-8"))
    assert sorted(str(e["uid"]) for e in cal.walk("VEVENT")) == [
        "test-003@2024@plancli", "test-003@2025@plancli", "test-004@plancli"]


def _progress(cli, tiny, tmp_path) -> Path:
    """met, missed and in progress on the tiny registry; on 2025-01-10 test-004 is then overdue."""
    p = tmp_path / "progress.yaml"
    for args in (("test-001", "--status", "met", "--actual", "3.6万家"),
                 ("test-003@2024", "--status", "missed", "--actual", "18项"),
                 ("test-005", "--status", "in_progress")):
        assert cli("record", "--new", *args, "--on", "2024-10-15", "--registry", str(tiny), "--progress", str(p)).code == 0
    return p


# item → SUMMARY on 2025-01-10: the status leads (not for due_soon/upcoming, whose date says it)
SUMMARIES = {
    "zh": {"test-001": "✓ 已达标 高新技术企业数量 3.5 万家 [test-001]",
           "test-003@2024": "✗ 未达标 前沿技术攻关项目 20 项 [test-003@2024]",
           "test-004": "⚠ 已逾期 平台迭代更新 [test-004]",
           "test-005": "… 进行中 单位能耗 0.5 吨标准煤 [test-005]",
           "test-002": "高新技术企业数量 3.8 万家 [test-002]",
           "test-003@2025": "前沿技术攻关项目 20 项 [test-003@2025]"},
    "en": {"test-001": "✓ met 高新技术企业数量 3.5 万家 [test-001]",
           "test-003@2024": "✗ missed 前沿技术攻关项目 20 项 [test-003@2024]",
           "test-004": "⚠ overdue 平台迭代更新 [test-004]",
           "test-005": "… in progress 单位能耗 0.5 吨标准煤 [test-005]",
           "test-002": "高新技术企业数量 3.8 万家 [test-002]",
           "test-003@2025": "前沿技术攻关项目 20 项 [test-003@2025]"},
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_ics_summary_leads_with_the_status(cli, tiny, tmp_path, lang):
    p = _progress(cli, tiny, tmp_path)
    r = _export(cli, tiny, p, "ics", "--as-of", "2025-01-10", "--lang", lang)
    assert r.code == 0, r.err
    events = {str(e["uid"]).removesuffix("@plancli"): e for e in Calendar.from_ical(r.out.encode()).walk("VEVENT")}
    assert {k: str(e["summary"]) for k, e in events.items()} == SUMMARIES[lang]
    desc = str(events["test-001"]["description"])
    # the actual value as the target is written (3.6 万家), not in plain units
    assert ("实际值: 3.6 万家 (103%)" if lang == "zh" else "Actual: 3.6 万家 (103%)") in desc


def test_ics_open_leaves_done_and_met_out(cli, tiny, tmp_path):
    p = _progress(cli, tiny, tmp_path)
    assert cli("record", "--new", "test-004", "--status", "done", "--on", "2024-10-30", "--registry", str(tiny),
               "--progress", str(p)).code == 0
    r = _export(cli, tiny, p, "ics", "--as-of", "2025-01-10", "--open")
    uids = sorted(str(e["uid"]).removesuffix("@plancli") for e in Calendar.from_ical(r.out.encode()).walk("VEVENT"))
    # test-001 (met) and test-004 (done) need nothing more; a missed target still needs attention
    assert uids == ["test-002", "test-003@2024", "test-003@2025", "test-005"]


@pytest.mark.parametrize(("span", "days"), [
    ("7d", {"test-004": 7, "test-001": 7}),
    ("2w", {"test-004": 14, "test-001": 14}),
    ("1m", {"test-004": 31, "test-001": 31}),   # a calendar month: 2024-09-30 → 10-31, 11-30 → 12-31
    ("1y", {"test-004": 366, "test-002": 365}),  # 2023-10-31 → 2024-10-31 spans 29 February
])
def test_ics_remind_adds_one_alarm_per_event(cli, tiny, tmp_path, span, days):
    r = _export(cli, tiny, tmp_path / "p.yaml", "ics", "--remind", span)
    assert r.code == 0, r.err
    events = {str(e["uid"]).removesuffix("@plancli"): e for e in Calendar.from_ical(r.out.encode()).walk("VEVENT")}
    for item, ev in events.items():
        alarms = ev.walk("VALARM")
        assert len(alarms) == 1 and str(alarms[0]["action"]) == "DISPLAY"
        assert str(alarms[0]["description"]).endswith(str(ev["summary"]))
        if item in days:
            assert alarms[0]["trigger"].dt == -timedelta(days=days[item]), item
    plain = _export(cli, tiny, tmp_path / "p.yaml", "ics")
    assert "BEGIN:VALARM" not in plain.out


def test_ics_calendar_name_says_what_it_holds(cli, tiny, tmp_path):
    def name(*args, lang="zh"):
        r = _export(cli, tiny, tmp_path / "p.yaml", "ics", "--lang", lang, *args)
        assert r.code == 0, r.err
        return str(Calendar.from_ical(r.out.encode())["x-wr-calname"])

    assert name() == "plancli 目标任务期限 — 全部单位 · 全部计划"
    assert name("--unit", "大数据局", "--plan", "test") == "plancli 目标任务期限 — 省大数据局 · 测试"
    assert name("--unit", "大数据局", "--status", "overdue") == "plancli 目标任务期限 — 省大数据局 · 全部计划 (已逾期)"
    assert name("--plan", "测试", lang="en") == "plancli deadlines — all units · 测试"


FILTERS = [  # listing option → predicate on an exported row (as-of 2024-10-20)
    (("--status", "due_soon"), lambda r: r["status"] == "due_soon"),
    (("--status", "upcoming", "--status", "overdue"), lambda r: r["status"] in ("upcoming", "overdue")),
    (("--kind", "milestone"), lambda r: r["kind"] == "milestone"),
    (("--before", "2024-12-31"), lambda r: r["deadline"] <= "2024-12-31"),
    (("--after", "2025-01-01"), lambda r: r["deadline"] >= "2025-01-01"),
    (("--within", "30d"), lambda r: r["deadline"] <= "2024-11-19"),
    (("--unit", "省工信厅", "--role", "lead"), lambda r: r["lead"] == ["省工业和信息化厅"]),
    (("--soon", "90d", "--status", "due_soon"), lambda r: r["deadline"] <= "2025-01-18"),
]


@pytest.mark.parametrize(("args", "keep"), FILTERS)
@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_exports_take_every_listing_filter(cli, tiny, tmp_path, args, keep, fmt):
    everything = json.loads(_export(cli, tiny, tmp_path / "p.yaml", "json").out)
    r = _export(cli, tiny, tmp_path / "p.yaml", fmt, *args)
    assert r.code == 0, r.err
    if fmt == "json":
        items = [x["item"] for x in json.loads(r.out)]
    else:
        items = [x["item"] for x in csv.DictReader(io.StringIO(r.out.lstrip("\ufeff")))]
    want = [x["item"] for x in everything if keep(x)]
    assert items == want and 0 < len(want) < len(everything)


# --------------------------------------------------------------------------- csv / json


def test_csv_has_a_bom_and_the_contract_columns(cli, tiny, tmp_path):
    p = tmp_path / "progress.yaml"
    append_record(p, Record("test-003@2024", "met", actual=21.0, actual_text="21项", on=date(2024, 10, 1)))
    out = tmp_path / "d.csv"
    assert _export(cli, tiny, p, "csv", "-o", str(out)).code == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\xef\xbb\xbf") == 1
    assert raw.endswith(b"\r\n")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows[0] == CONTRACT
    body = [dict(zip(CONTRACT, r, strict=True)) for r in rows[1:]]
    assert sorted(r["item"] for r in body) == sorted(TINY_OCCURRENCES)
    by_item = {r["item"]: r for r in body}
    y24 = by_item["test-003@2024"]
    assert (y24["id"], y24["occurrence"], y24["deadline"], y24["recurring"]) == (
        "test-003", "2024", "2024-12-31", "yearly")
    assert (y24["lead"], y24["support"], y24["comparator"], y24["value"]) == ("省科技厅", "省大数据局", "~", "20")
    assert (y24["status"], y24["record_status"], y24["actual"], y24["met"]) == ("met", "met", "21", "yes")
    assert by_item["test-003@2025"]["status"] == "upcoming" and by_item["test-003@2025"]["actual"] == ""
    assert by_item["test-004"]["days_left"] == "11"  # 2024-10-20 → 2024-10-31


def test_csv_neutralises_formulas(cli, write_registry, tmp_path):
    reg = write_registry(TINY_REGISTRY.replace("metric: 平台迭代更新", 'metric: "=HYPERLINK(\\"http://x\\")"'),
                         name="formula.yaml")
    out = tmp_path / "d.csv"
    assert _export(cli, reg, tmp_path / "progress.yaml", "csv", "-o", str(out)).code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_bytes().decode("utf-8-sig"), newline="")))
    assert {r["item"]: r["metric"] for r in rows}["test-004"] == "'=HYPERLINK(\"http://x\")"


def test_json_export_carries_records(cli, tiny, tmp_path):
    p = tmp_path / "progress.yaml"
    assert cli("record", "--new", "test-001", "--status", "met", "--actual", "3.6万家", "--on", "2024-10-01",
               "--registry", str(tiny), "--progress", str(p)).code == 0
    r = _export(cli, tiny, p, "json")
    assert r.code == 0
    rows = json.loads(r.out)
    assert [list(x) for x in rows] == [CONTRACT] * 6
    by_item = {x["item"]: x for x in rows}
    assert set(by_item) == set(TINY_OCCURRENCES)
    t1 = by_item["test-001"]
    # 36000 / 35000 = 1.02857… → 1.0286
    assert (t1["value"], t1["actual"], t1["attainment"], t1["met"], t1["status"]) == (35000, 36000, 1.0286, True, "met")
    assert by_item["test-003@2025"]["occurrence"] == "2025" and by_item["test-005"]["deadline_inferred"] is True
    out = tmp_path / "d.json"
    assert _export(cli, tiny, p, "json", "-o", str(out)).code == 0
    assert json.loads(out.read_text(encoding="utf-8")) == rows


# --------------------------------------------------------------------------- sqlite


def test_sqlite_join_on_the_tiny_registry(cli, tiny, tmp_path):
    p = tmp_path / "progress.yaml"
    append_record(p, Record("test-003@2024", "met", actual=21.0, actual_text="21项", on=date(2024, 10, 1)))
    append_record(p, Record("test-999", "done"))  # an unknown item must not break the foreign keys
    db = tmp_path / "d.db"
    r = _export(cli, tiny, p, "sqlite", "-o", str(db))
    assert (r.code, r.out) == (0, "")
    con = sqlite3.connect(db)
    try:
        tables = {n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert tables == {"plans", "targets", "units", "target_units", "occurrences", "records"}
        q = """SELECT COUNT(DISTINCT t.id), COUNT(*) FROM targets t
               JOIN target_units tu ON tu.target_id = t.id
               JOIN occurrences o ON o.target_id = t.id
               WHERE tu.unit = ? AND tu.role = ?"""
        assert con.execute(q, ("省大数据局", "support")).fetchone() == (2, 3)   # test-003 ×2, test-004
        assert con.execute(q, ("省大数据局", "lead")).fetchone() == (0, 0)
        assert con.execute(q, ("省科技厅", "lead")).fetchone() == (4, 5)
        assert con.execute(q, ("省工业和信息化厅", "lead")).fetchone() == (1, 1)
        assert con.execute("SELECT status, met, actual, attainment FROM occurrences WHERE item='test-003@2024'"
                           ).fetchone() == ("met", 1, 21.0, 1.05)
        assert con.execute("SELECT COUNT(*) FROM occurrences").fetchone() == (6,)
        assert con.execute("SELECT item, target_id, status FROM records ORDER BY seq").fetchall() == [
            ("test-003@2024", "test-003", "met"), ("test-999", None, "done")]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        con.close()
    assert not [x for x in os.listdir(tmp_path) if x.endswith(".tmp")]


def test_sqlite_join_on_the_shipped_registry(cli, tmp_path):
    """Count a unit's items from the YAML by hand, and ask the database the same question."""
    doc = yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))
    units = yaml.safe_load((SHIPPED.parent / "units.yaml").read_text(encoding="utf-8"))["units"]
    canon = {n: u["name"] for u in units for n in [u["name"], *(u.get("aliases") or [])]}
    occurrences = {None: 1, "yearly": 2, "quarterly": 8}  # plan period 2024-01-01 … 2025-12-31

    def by_hand(unit: str, role: str) -> tuple[int, int]:
        hits = [e for e in doc["entries"] if unit in {canon.get(n, n) for n in e.get(role) or []}]
        return len(hits), sum(occurrences[e.get("recurring")] for e in hits)

    supporters = sorted({canon.get(n, n) for e in doc["entries"] for n in e.get("support") or []})
    busiest = max(supporters, key=lambda u: (by_hand(u, "support")[0], u))
    assert by_hand("省大数据局", "lead")[0] > 5  # the bureau leads many tasks of the real plans

    db = tmp_path / "shipped.db"
    r = cli("export", "--format", "sqlite", "-o", str(db), "--registry", str(SHIPPED),
            "--progress", str(tmp_path / "none.yaml"))
    assert r.code == 0, r.err
    con = sqlite3.connect(db)
    q = """SELECT COUNT(DISTINCT t.id), COUNT(*) FROM targets t
           JOIN target_units tu ON tu.target_id = t.id
           JOIN occurrences o ON o.target_id = t.id
           WHERE tu.unit = ? AND tu.role = ?"""
    try:
        for unit, role in [("省大数据局", "lead"), ("省大数据局", "support"), (busiest, "support"),
                           ("省科技厅", "lead"), ("省科技厅", "support")]:
            assert con.execute(q, (unit, role)).fetchone() == by_hand(unit, role), (unit, role)
        assert con.execute("SELECT COUNT(*) FROM targets").fetchone() == (len(doc["entries"]),)
        assert con.execute("SELECT COUNT(*) FROM plans").fetchone() == (len(doc["meta"]["plans"]),)
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        con.close()


# --------------------------------------------------------------------------- errors and files


@pytest.mark.parametrize(("args", "message"), [
    (("--format", "sqlite"), "--format sqlite needs a file: plancli export --format sqlite PATH"),
    (("--format", "xlsx"), "--format xlsx needs a file: plancli export --format xlsx PATH"),
    (("--format", "pdf"), "'pdf' is not one of 'ics', 'csv', 'json', 'sqlite', 'xlsx'"),
    (("--format", "csv", "--remind", "7d"), "--remind is for --format ics (calendar reminders)"),
    (("--format", "ics", "--remind", "soon"), "cannot read span 'soon'"),
    (("--format", "ics", "--status", "late"), "'late' is not one of 'overdue'"),
    (("--format", "ics", "--lang", "fr"), "--lang: unknown language 'fr'"),
    (("--format", "ics", "--unit", "不存在的单位"), "unknown unit '不存在的单位'"),
])
def test_export_usage_errors(cli, tiny, tmp_path, args, message):
    r = cli("export", *args, "--registry", str(tiny), "--progress", str(tmp_path / "p.yaml"))
    assert r.code == 2 and r.err.startswith("plancli: error: ") and r.err.count("\n") == 1
    assert message in r.err


def test_export_into_a_missing_directory_is_one_line(cli, tiny, tmp_path):
    r = _export(cli, tiny, tmp_path / "p.yaml", "ics", "-o", str(tmp_path / "nope" / "d.ics"))
    assert r.code == 2 and r.err.startswith("plancli: error: ") and r.err.count("\n") == 1
    assert not (tmp_path / "nope").exists()


def test_export_replaces_an_old_file_whole(cli, tiny, tmp_path):
    out = tmp_path / "d.csv"
    out.write_bytes(b"old content that is much longer than nothing\n" * 1000)
    assert _export(cli, tiny, tmp_path / "p.yaml", "csv", "-o", str(out)).code == 0
    assert b"old content" not in out.read_bytes()
    assert len(out.read_bytes().decode("utf-8-sig").splitlines()) == 7  # header + 6 occurrences


@pytest.mark.parametrize("fmt", ["ics", "sqlite"])
def test_exported_files_follow_the_umask(cli, tiny, tmp_path, fmt):
    out = tmp_path / f"d.{fmt}"
    old = os.umask(0o022)
    try:
        assert _export(cli, tiny, tmp_path / "p.yaml", fmt, "-o", str(out)).code == 0
    finally:
        os.umask(old)
    assert out.stat().st_mode & 0o777 == 0o644


def test_sqlite_path_as_argument(cli, tiny, tmp_path):
    import sqlite3

    db = tmp_path / "p.db"
    assert cli("export", "--format", "sqlite", str(db), "--registry", str(tiny)).code == 0
    assert sqlite3.connect(db).execute("SELECT count(*) FROM targets").fetchone() == (5,)
    clash = cli("export", "--format", "csv", str(db), "-o", str(tmp_path / "other.csv"), "--registry", str(tiny))
    assert clash.code == 2 and "give the output file once" in clash.err


def test_sqlite_records_carry_effective_date_override_and_withdrawal(cli, tiny, tmp_path):
    p = tmp_path / "progress.yaml"
    append_record(p, Record("test-001", "in_progress", actual=30000.0, on=date(2024, 6, 30)))
    append_record(p, Record("test-001", "met", actual=20000.0, on=date(2024, 9, 30), forced=True, note="口径调整"))
    append_record(p, Record("test-001", "retracted", on=date(2024, 10, 10), note="录错"))
    db = tmp_path / "d.db"
    assert _export(cli, tiny, p, "sqlite", "-o", str(db)).code == 0
    con = sqlite3.connect(db)
    try:
        assert con.execute("SELECT seq, status, effective, forced, withdrawn_by FROM records ORDER BY seq"
                           ).fetchall() == [(1, "in_progress", "2024-06-30", 0, None),
                                            (2, "met", "2024-09-30", 1, 3),
                                            (3, "retracted", "2024-10-10", 0, None)]
        # the occurrence follows the record left standing (in_progress), not the withdrawn override
        assert con.execute("SELECT status, actual FROM occurrences WHERE item='test-001'").fetchone() == (
            "in_progress", 30000.0)
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        con.close()


def test_ics_reminds_only_of_open_items_and_gives_the_light(cli, tiny, tmp_path):
    p = _progress(cli, tiny, tmp_path)
    assert cli("record", "test-004", "--status", "done", "--on", "2024-11-05", "--registry", str(tiny),
               "--progress", str(p)).code == 0
    r = _export(cli, tiny, p, "ics", "--as-of", "2025-01-10", "--remind", "7d")
    events = {str(e["uid"]).removesuffix("@plancli"): e for e in Calendar.from_ical(r.out.encode()).walk("VEVENT")}
    statuses = {k: json_row["status"] for k, json_row in _json_rows(cli, tiny, p).items()}
    for item, ev in events.items():
        assert bool(ev.walk("VALARM")) == (statuses[item] not in ("done", "met", "missed")), item
    desc = str(events["test-004"]["description"])
    assert "亮灯: 绿灯 (已完成)，逾期 5 天办结" in desc  # done on 11-05, five days after 10-31
    assert "亮灯: 红灯 (最新记录为未达标)" in str(events["test-003@2024"]["description"])  # missed


def _json_rows(cli, tiny, p):
    r = _export(cli, tiny, p, "json", "--as-of", "2025-01-10")
    return {x["item"]: x for x in json.loads(r.out)}
