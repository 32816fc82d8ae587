"""The 台账 round trip (issue 18): a workbook per unit out, `plancli import` back in; 延期 and 佐证.

Workbooks are filled with openpyxl the way a unit's spreadsheet program saves them: cells typed
into the yellow columns, dates as dates, numbers as numbers, rows and sheets moved about.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from pathlib import Path

import pytest

from plancli.ledger.storage import load_ledger
from plancli.output.render import csv_cell

openpyxl = pytest.importorskip("openpyxl")

HEADER_ROW = 3  # title, instructions, then the headings


def _per_unit(cli, reg: Path, ledger: Path, out: Path, *args: str, lang: str = "zh"):
    # --lang, not PLANCLI_LANG: the environment would stay set for the test's later commands too
    return cli("export", "--format", "xlsx", "--per-unit", "-o", str(out), "--registry", str(reg),
               "--progress", str(ledger), "--lang", lang, *args)


def _import(cli, reg: Path, ledger: Path, *args: str):
    new = () if ledger.exists() else ("--new",)
    return cli("import", *args, *new, "--registry", str(reg), "--progress", str(ledger))


def _fill(path: Path, fills: dict[str, dict[str, object]], save_as: Path) -> Path:
    """Type values into the fill-in cells of a handout, by item id and heading."""
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    heads = {c.value: c.column for c in ws[HEADER_ROW]}
    rows = {ws.cell(r, 1).value: r for r in range(HEADER_ROW + 1, ws.max_row + 1)}
    for item, cells in fills.items():
        for head, v in cells.items():
            ws.cell(rows[item], heads[head]).value = v
    wb.save(save_as)
    return save_as


@pytest.fixture
def handouts(cli, tiny, tmp_path):
    ledger = tmp_path / "progress.yaml"
    out = tmp_path / "台账"
    r = _per_unit(cli, tiny, ledger, out)
    assert r.code == 0, r.err
    return out, ledger


def test_per_unit_export_writes_one_protected_workbook_per_lead_unit(cli, tiny, handouts):
    out, _ = handouts
    assert sorted(p.name for p in out.iterdir()) == ["省工业和信息化厅.xlsx", "省科技厅.xlsx"]
    ws = openpyxl.load_workbook(out / "省科技厅.xlsx").active
    assert ws["A1"].value == "省科技厅 目标任务台账（5 项）"
    assert "2024-10-25 前报送" in ws["A2"].value  # the next 25th after --as-of 2024-10-20
    heads = [c.value for c in ws[HEADER_ROW]]
    assert heads == ["编号", "计划", "任务/指标", "目标", "目标值", "完成时限", "原定时限", "当前状态", "配合单位",
                     "上次填报", "完成情况", "实际值", "数据截至日期", "进展情况", "存在问题", "下一步措施", "佐证材料",
                     "申请延期至", "延期理由"]
    ids = [ws.cell(r, 1).value for r in range(HEADER_ROW + 1, ws.max_row + 1)]
    assert ids == ["test-004", "test-001", "test-003@2024", "test-002", "test-003@2025"]
    first = HEADER_ROW + 1
    # the target as a number written as the target is, shown with its words
    assert ws.cell(first + 1, 5).value == 3.5 and ws.cell(first + 1, 5).number_format == '#,##0.###"万家"'
    assert ws.protection.sheet is True
    assert ws.cell(first, 1).protection.locked is True and ws.cell(first, 11).protection.locked is False
    (dv_status, dv_date) = ws.data_validations.dataValidation
    assert dv_status.formula1 == '"已完成,已达标,未达标,进行中"' and str(dv_status.sqref) == "K4:K8"
    assert dv_date.type == "date" and str(dv_date.sqref) == "M4:M8 R4:R8"  # 数据截至日期 and 申请延期至


def test_round_trip_dry_run_then_import_then_show_and_digest_agree(cli, tiny, handouts, tmp_path):
    out, ledger = handouts
    filled = _fill(out / "省科技厅.xlsx", {
        "test-001": {"完成情况": "已达标", "实际值": 3.6, "数据截至日期": datetime(2024, 10, 15),
                     "佐证材料": "省科技厅通报〔2024〕9号", "进展情况": "已认定"},
        "test-004": {"进展情况": "平台测试中", "存在问题": "经费未到位", "数据截至日期": datetime(2024, 10, 16)},
    }, tmp_path / "filled.xlsx")

    dry = _import(cli, tiny, ledger, str(filled), "--dry-run", "--format", "json")
    assert dry.code == 0, dry.err
    assert not ledger.exists()
    rows = json.loads(dry.out)
    assert [(r["where"], r["action"], r["item"], r["status"], r["actual"], r["on"]) for r in rows] == [
        (f"{filled}:台账!4", "record", "test-004", "in_progress", None, "2024-10-16"),
        (f"{filled}:台账!5", "record", "test-001", "met", 36000, "2024-10-15"),
    ]
    # the workbook says whose it is (export --per-unit wrote it): the unit's 报送 is recorded too,
    # dated today as plancli reads it (PLANCLI_TODAY), whatever rows it left blank
    sent = "省科技厅 sent back filled.xlsx (2 rows filled): "
    assert dry.err == f"{sent}would be recorded as reported on 2024-10-20\n" \
                      "would record 2 of 2 filled rows; nothing written (--dry-run)\n"

    r = _import(cli, tiny, ledger, str(filled))
    assert r.code == 0 and r.err == f"{sent}reported on 2024-10-20\nrecorded 2 of 2 filled rows in {ledger}\n"
    recs = load_ledger(ledger)
    # 进展情况 and 存在问题 are kept apart (issue 25: the next workbook and show read them back); the rows
    # are the unit's, and the unit's 报送 is recorded too (issue 24)
    assert [(x.item, x.status, x.actual, x.on, x.evidence, x.note, x.problems, x.unit) for x in recs] == [
        ("test-004", "in_progress", None, date(2024, 10, 16), None, "平台测试中", "经费未到位", "省科技厅"),
        ("test-001", "met", 36000.0, date(2024, 10, 15), "省科技厅通报〔2024〕9号", "已认定", None, "省科技厅"),
        ("省科技厅", "submitted", None, date(2024, 10, 20), None, None, None, "省科技厅"),
    ]
    assert (recs[2].workbook, recs[2].rows_filled, recs[2].source) == ("filled.xlsx", 2, "台账 filled.xlsx")

    show = cli("show", "test-001", "--lang", "en", "--registry", str(tiny), "--progress", str(ledger))
    assert "test-001: met (deadline 2024-12-31), actual 3.6 万家 (103% of the target)" in show.out
    assert "evidence: 省科技厅通报〔2024〕9号" in show.out
    digest = json.loads(cli("weekly", "--format", "json", "--as-of", "2024-10-21", "--registry", str(tiny),
                            "--progress", str(ledger)).out)
    assert [(d["item"], d["status"], d["evidence"]) for d in digest["recorded_last_week"]] == [
        ("test-001", "met", "省科技厅通报〔2024〕9号"), ("test-004", "in_progress", None)]

    again = _import(cli, tiny, ledger, str(filled))
    assert again.code == 0 and again.err == "省科技厅: this 报送 is already recorded (filled.xlsx: the same day or the " \
                                            "same file)\n" \
                                            "recorded 0 of 2 filled rows (2 already recorded)\n"
    assert len(load_ledger(ledger)) == 3


def test_a_wrong_row_refuses_the_whole_file_and_names_every_wrong_row(cli, tiny, handouts, tmp_path):
    out, ledger = handouts
    filled = _fill(out / "省科技厅.xlsx", {
        "test-001": {"完成情况": "已达标", "实际值": "3.2", "数据截至日期": datetime(2024, 10, 15)},
        "test-002": {"完成情况": "进行中", "数据截至日期": datetime(2024, 10, 15), "进展情况": "ok"},
        "test-004": {"完成情况": "搞定", "数据截至日期": datetime(2024, 10, 15)},
        "test-003@2024": {"完成情况": "进行中", "实际值": "12项"},
    }, tmp_path / "bad.xlsx")
    r = _import(cli, tiny, ledger, str(filled), "--lang", "en")
    assert r.code == 2 and r.out == ""
    assert r.err.splitlines() == [
        f"plancli: {filled}:台账!4: status '搞定' is not one of 已完成, 已达标, 未达标, 进行中 "
        "(done, met, missed, in_progress)",
        # in October the 2024 target is not due yet: the advice is in_progress, never missed (issue 25)
        f"plancli: {filled}:台账!5: status met contradicts actual 3.2: 3.2 万家 is 91% of the target "
        ">3.5 万家, so it is not met; the deadline 2024-12-31 has not passed: report status in_progress",
        f"plancli: {filled}:台账!6: the date the figure is as of (数据截至日期) is empty; fill it in or "
        "import with --on DATE",
        "plancli: error: 3 rows cannot be recorded; nothing was imported",
    ]
    assert not ledger.exists()  # the good row (test-002) was not written either
    # in Chinese, in the workbook's own words: its headings and status words, never --status or codes
    r = _import(cli, tiny, ledger, str(filled), "--lang", "zh")
    assert r.err.splitlines() == [
        f"plancli: {filled}:台账!4: 完成情况“搞定”不是 已完成、已达标、未达标、进行中 之一",
        f"plancli: {filled}:台账!5: 完成情况“已达标”与实际值 3.2 不符：3.2 万家 为目标 >3.5 万家 的 91%，未达标；"
        "期限 2024-12-31 未到，完成情况请填“进行中”",
        f"plancli: {filled}:台账!6: 数据截至日期为空；请填写，或导入时用 --on 日期 指定",
        "plancli: error: 3 行无法记录，未导入任何数据",
    ]


def test_a_hand_made_workbook_with_moved_columns_extra_sheets_and_english_headings_imports(cli, tiny, tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = "说明"
    wb.active.append(["本表由办公室汇总"])
    ws = wb.create_sheet("Progress")
    ws.append(["Notes for the office"])
    ws.append(["Evidence", "Progress notes", "As of", "ID", "Actual value (as the target)", "Status reported"])
    ws.append([None, None, None, "test-005", None, None])  # blank row: skipped
    ws.append(["https://gxt.shandong.gov.cn/r", None, date(2024, 10, 1), "test-005", "0.45", "met"])
    ws.append([None, "调研中", "2024-10-02", "test-003@2024", None, None])
    wb.create_sheet("图表")
    path = tmp_path / "hand.xlsx"
    wb.save(path)
    ledger = tmp_path / "progress.yaml"
    r = _import(cli, tiny, ledger, str(path))
    assert r.code == 0, r.err
    assert [(x.item, x.status, x.actual, x.evidence, x.on) for x in load_ledger(ledger)] == [
        ("test-005", "met", 0.45, "https://gxt.shandong.gov.cn/r", date(2024, 10, 1)),
        ("test-003@2024", "in_progress", None, None, date(2024, 10, 2)),
    ]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030"])
def test_csv_with_the_same_columns_imports_and_on_fills_empty_dates(cli, tiny, tmp_path, encoding):
    path = tmp_path / "填报.csv"
    path.write_bytes("编号,完成情况,实际值,数据截至日期,进展情况\r\ntest-004,已完成,,,按期完成\r\n,,,,\r\n"
                     .encode(encoding))
    ledger = tmp_path / "progress.yaml"
    refused = _import(cli, tiny, ledger, str(path))
    assert refused.code == 2 and f"{path}:2: the date the figure is as of" in refused.err
    r = _import(cli, tiny, ledger, str(path), "--on", "2024-10-18")
    assert r.code == 0, r.err
    assert [(x.item, x.status, x.on, x.note) for x in load_ledger(ledger)] == [
        ("test-004", "done", date(2024, 10, 18), "按期完成")]


def test_per_unit_csv_has_the_workbook_columns_and_a_file_per_unit(cli, tiny, tmp_path):
    out = tmp_path / "csv"
    r = cli("export", "--format", "csv", "--per-unit", "-o", str(out), "--registry", str(tiny),
            "--progress", str(tmp_path / "p.yaml"), env={"PLANCLI_LANG": "en"})
    assert r.code == 0, r.err
    rows = list(csv.reader(io.StringIO((out / "省工业和信息化厅.csv").read_text(encoding="utf-8-sig"))))
    assert rows[0][0] == "ID" and rows[0][-9:] == ["Status reported", "Actual value", "As of", "Progress notes",
                                                    "Problems", "Next steps", "Evidence", "Extend to",
                                                    "Reason for extension"]
    assert [r[0] for r in rows[1:]] == ["test-005"]


@pytest.mark.parametrize("args, message", [
    (("--format", "json", "--per-unit"), "--per-unit writes xlsx or csv 台账 (--format xlsx|csv)"),
    (("--format", "xlsx", "--per-unit"), "--per-unit needs a directory: plancli export --format xlsx --per-unit -o DIR/"),
    (("--format", "xlsx", "--return-by", "2024-10-25", "-o", "x.xlsx"),
     "--return-by is for --per-unit (the date printed in each unit's 台账)"),
])
def test_per_unit_usage_errors(cli, tiny, args, message):
    r = cli("export", *args, "--registry", str(tiny))
    assert (r.code, r.err) == (2, f"plancli: error: {message}\n")


def test_import_of_a_file_without_a_ledger_sheet_is_refused(cli, tiny, tmp_path):
    p = tmp_path / "other.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["编号", "实际值"])  # a plain export has these too: not a 台账
    wb.save(p)
    r = _import(cli, tiny, tmp_path / "progress.yaml", str(p), str(tmp_path / "gone.xlsx"))
    assert r.code == 2
    assert r.err.splitlines()[:2] == [
        f"plancli: {p}: no sheet has an id column (编号/ID) and fill-in columns "
        "(完成情况/Status reported, 实际值/Actual value, 数据截至日期/As of, 进展情况/Progress notes, "
        "存在问题/Problems, 下一步措施/Next steps, 佐证材料/Evidence, 申请延期至/Extend to, 延期理由/Reason for extension)",
        f"plancli: {tmp_path / 'gone.xlsx'}: no such file"]


# --------------------------------------------------------------------------- 延期


def _record(cli, tiny, ledger, *args):
    new = () if ledger.exists() else ("--new",)
    return cli("record", *args, *new, "--registry", str(tiny), "--progress", str(ledger))


def test_an_extension_moves_the_deadline_keeps_the_original_and_can_be_retracted(cli, tiny, tmp_path):
    ledger = tmp_path / "progress.yaml"
    r = _record(cli, tiny, ledger, "test-004", "--extend-to", "2024-12-31", "--note", "经同意延期", "--on", "2024-10-01")
    assert (r.code, r.err) == (0, "extended test-004: deadline 2024-10-31 moved to 2024-12-31 on 2024-10-01 (经同意延期)"
                                 f" → {ledger}\n")

    def row(as_of: str) -> dict:
        out = cli("list", "--format", "json", "--as-of", as_of, "--registry", str(tiny), "--progress", str(ledger))
        return next(x for x in json.loads(out.out) if x["id"] == "test-004")

    # 2024-11-15: past the original deadline, not the extended one
    r = row("2024-11-15")
    assert (r["deadline"], r["deadline_original"], r["status"], r["days_left"]) == (
        "2024-12-31", "2024-10-31", "upcoming", 46)
    assert row("2024-09-30")["deadline_original"] is None  # asked on 10-01: not in force before
    over = cli("overdue", "--format", "json", "--as-of", "2024-11-15", "--registry", str(tiny), "--progress", str(ledger))
    assert "test-004" not in [x["item"] for x in json.loads(over.out)]
    show = cli("show", "test-004", "--lang", "en", "--as-of", "2024-11-15", "--registry", str(tiny), "--progress", str(ledger))
    assert "test-004: upcoming (deadline 2024-12-31, extended from 2024-10-31)" in show.out
    assert "2024-10-01 test-004 extended to 2024-12-31 note: 经同意延期" in show.out

    plain = cli("list", "--format", "plain", "--as-of", "2024-11-15", "--registry", str(tiny), "--progress", str(ledger))
    # a listing keeps the extended deadline one short token (its column stays narrow at 80 columns);
    # show gives the original, and a terminal table says what + means under the table
    assert " 2024-12-31+ " in plain.out and "2024-10-31" not in plain.out
    table = cli("list", "--format", "table", "--as-of", "2024-11-15", "--registry", str(tiny), "--progress",
                str(ledger), "--lang", "zh")
    assert "2024-12-31+" in table.out and table.out.rstrip().endswith("+ 已延期：显示延期后的期限，原定期限见 plancli show 编号")

    back = _record(cli, tiny, ledger, "test-004", "--retract", "--note", "批复撤回", "--on", "2024-10-02")
    assert back.code == 0 and "extended on 2024-10-01 to 2024-12-31 (批复撤回)" in back.err
    r = row("2024-11-15")
    assert (r["deadline"], r["deadline_original"], r["status"]) == ("2024-10-31", None, "overdue")


@pytest.mark.parametrize("args, message", [
    (("--extend-to", "2024-12-31", "--on", "2024-10-01"), "--extend-to needs --note giving the reason for the extension"),
    (("--extend-to", "2024-10-30", "--note", "x", "--on", "2024-10-01"),
     "--extend-to 2024-10-30 is not later than the deadline in force 2024-10-31"),
    (("--extend-to", "2024-12-31", "--note", "x", "--on", "2024-10-31"),
     "the extension is asked on 2024-10-31, on or after the deadline 2024-10-31: 延期 is asked before the "
     "deadline passes (give --force to record it anyway)"),
    (("--extend-to", "2024-12-31", "--status", "done", "--note", "x"),
     "--extend-to moves a deadline; give it no --status, --actual or --retract"),
])
def test_extension_refusals(cli, tiny, tmp_path, args, message):
    ledger = tmp_path / "progress.yaml"
    r = _record(cli, tiny, ledger, "test-004", *args)
    assert (r.code, r.err) == (2, f"plancli: error: {message}\n")
    assert not ledger.exists()


def test_a_late_extension_needs_force_and_is_marked(cli, tiny, tmp_path):
    ledger = tmp_path / "progress.yaml"
    r = _record(cli, tiny, ledger, "test-003@2024", "--extend-to", "2025-03-31", "--note", "补报", "--on",
                "2025-01-05", "--force")
    assert r.code == 0, r.err
    (rec,) = load_ledger(ledger)
    assert (rec.item, rec.status, rec.extend_to, rec.forced) == ("test-003@2024", "extended", date(2025, 3, 31), True)


# --------------------------------------------------------------------------- 佐证


def test_file_evidence_is_copied_into_the_store_and_validate_reports_changes(cli, tiny, tmp_path):
    """Issue 25: a file given to --evidence is copied into the evidence store beside the ledger (the
    ledger holds only that relative path and the name it was sent under); validate checks the copy."""
    ledger = tmp_path / "progress.yaml"
    proof = tmp_path / "inbox" / "通报.pdf"
    proof.parent.mkdir()
    proof.write_bytes(b"%PDF-1.4 report")
    r = _record(cli, tiny, ledger, "test-004", "--status", "done", "--on", "2024-10-10", "--evidence", str(proof))
    (rec,) = load_ledger(ledger)
    stored = f"evidence/{rec.evidence_sha256[:2]}/{rec.evidence_sha256}.pdf"
    assert r.code == 0 and r.err.endswith(f"; evidence: 通报.pdf (kept as {stored}; commit it with the ledger) → {ledger}\n")
    assert (rec.evidence, rec.evidence_name, rec.evidence_size) == (stored, "通报.pdf", 15)
    assert (tmp_path / stored).read_bytes() == b"%PDF-1.4 report"
    assert str(tmp_path) not in ledger.read_text(encoding="utf-8")  # no local path in the ledger
    proof.unlink()  # the inbox is emptied: the ledger does not care
    ok = cli("validate", "--registry", str(tiny), "--progress", str(ledger))
    assert ok.code == 0, ok.out
    (tmp_path / stored).write_bytes(b"%PDF-1.4 edited!")
    changed = cli("validate", "--registry", str(tiny), "--progress", str(ledger))
    assert changed.code == 1
    assert (f"{ledger}:5: record test-004: evidence file {stored} changed since it was recorded "
            "(15 → 16 bytes, sha256 differs)") in changed.out
    (tmp_path / stored).unlink()
    gone = cli("validate", "--registry", str(tiny), "--progress", str(ledger))
    assert gone.code == 1 and f"{ledger}:5: record test-004: evidence file {stored} is missing" in gone.out


def test_a_registry_can_require_evidence_for_closing_statuses(cli, tiny, write_registry, tmp_path):
    from .conftest import TINY_REGISTRY

    reg = write_registry(TINY_REGISTRY.replace("meta:\n", "meta:\n  require_evidence: [met, done]\n", 1))
    ledger = tmp_path / "progress.yaml"
    r = _record(cli, reg, ledger, "test-004", "--status", "done", "--on", "2024-10-10")
    assert (r.code, r.err) == (2, "plancli: error: targets requires evidence (佐证材料) for done: give --evidence "
                                  "TEXT|PATH|URL\n")
    assert _record(cli, reg, ledger, "test-004", "--status", "in_progress", "--on", "2024-10-10").code == 0
    assert _record(cli, reg, ledger, "test-004", "--status", "done", "--on", "2024-10-10", "--evidence",
                   "验收报告").code == 0
    # a record written before the rule was set is reported by validate
    from plancli.ledger.record import Record
    from plancli.ledger.storage import append_record

    plain = tmp_path / "old.yaml"
    append_record(plain, Record("test-004", "done", on=date(2024, 10, 10)))
    v = cli("validate", "--registry", str(reg), "--progress", str(plain))
    assert v.code == 1 and (f"{plain}:5: record test-004: targets requires evidence (佐证材料) for done, "
                            "and the record has none") in v.out
    bad = write_registry(TINY_REGISTRY.replace("meta:\n", "meta:\n  require_evidence: [finished]\n", 1))
    r = cli("validate", "--registry", str(bad))
    assert r.code == 2 and "meta.require_evidence must be a list of record statuses" in r.err


# --------------------------------------------------------------------------- exports people forward


@pytest.mark.parametrize("cell, shown", [
    ("=", "="), (">=", ">="), ("<=", "<="), ("-5", "-5"), ("+3.5%", "+3.5%"), ("1,000", "1,000"),
    ("-", "-"), ("省科技厅", "省科技厅"),
    ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"), ("@SUM(A1)", "'@SUM(A1)"), ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
    ("-2+3", "'-2+3"), ("\t=1", "'\t=1"),
])
def test_the_csv_formula_guard_quotes_only_what_a_spreadsheet_would_run(cell, shown):
    assert csv_cell(cell) == shown


def test_csv_keeps_the_comparator_and_carries_note_evidence_and_the_original_deadline(cli, tiny, tmp_path):
    ledger = tmp_path / "progress.yaml"
    assert _record(cli, tiny, ledger, "test-001", "--status", "met", "--actual", "3.6万家", "--on", "2024-10-01",
                   "--note", "年报", "--evidence", "https://example.org/r").code == 0
    assert _record(cli, tiny, ledger, "test-004", "--extend-to", "2024-12-31", "--note", "延期",
                   "--on", "2024-10-01").code == 0
    r = cli("export", "--format", "csv", "--registry", str(tiny), "--progress", str(ledger))
    rows = {x["item"]: x for x in csv.DictReader(io.StringIO(r.out.lstrip("\ufeff")))}
    assert rows["test-003@2024"]["comparator"] == "~" and rows["test-001"]["comparator"] == ">"
    assert (rows["test-001"]["note"], rows["test-001"]["evidence"]) == ("年报", "https://example.org/r")
    assert (rows["test-004"]["deadline"], rows["test-004"]["deadline_original"]) == ("2024-12-31", "2024-10-31")


def test_xlsx_export_writes_values_as_the_target_is_written(cli, tiny, tmp_path):
    ledger = tmp_path / "progress.yaml"
    assert _record(cli, tiny, ledger, "test-001", "--status", "met", "--actual", "53000家", "--on", "2024-10-01",
                   "--evidence", "通报").code == 0
    out = tmp_path / "x.xlsx"
    assert cli("export", "--format", "xlsx", "-o", str(out), "--registry", str(tiny), "--progress", str(ledger),
               env={"PLANCLI_LANG": "zh"}).code == 0
    ws = openpyxl.load_workbook(out).active
    heads = [c.value for c in ws[1]]
    row = next(r for r in ws.iter_rows(min_row=2) if r[0].value == "test-001")
    cell = dict(zip(heads, row, strict=True))
    assert (cell["实际值"].value, cell["实际值"].number_format) == (5.3, '#,##0.###"万家"')
    assert (cell["目标值"].value, cell["目标值"].number_format) == (3.5, '#,##0.###"万家"')
    assert cell["佐证材料"].value == "通报" and cell["原定期限"].value is None


def test_import_waits_for_a_record_holding_the_ledger_lock_and_loses_nothing(tiny, tmp_path):
    """A `record` in progress holds the lock: the import waits for it, then appends after it."""
    import threading
    import time

    from filelock import FileLock

    from plancli.ledger.importing import import_files
    from plancli.ledger.record import Record
    from plancli.ledger.storage import append_record
    from plancli.registry.loading import load_registry

    ledger = tmp_path / "progress.yaml"
    path = tmp_path / "t.csv"
    path.write_text("编号,完成情况,数据截至日期\ntest-004,done,2024-10-10\n", encoding="utf-8")
    lock = FileLock(str(ledger) + ".lock")
    lock.acquire()
    done: list = []
    worker = threading.Thread(target=lambda: done.append(import_files(load_registry(tiny), ledger, [path])))
    worker.start()
    time.sleep(0.3)
    assert worker.is_alive() and not ledger.exists()  # waiting for the lock
    lock.release()
    append_record(ledger, Record("test-001", "in_progress", on=date(2024, 10, 1)))
    worker.join(10)
    assert [p.action for p in done[0]] == ["record"]
    assert sorted(r.item for r in load_ledger(ledger)) == ["test-001", "test-004"]


def test_sqlite_and_ics_carry_extensions_and_evidence(cli, tiny, tmp_path):
    import sqlite3

    ledger = tmp_path / "progress.yaml"
    assert _record(cli, tiny, ledger, "test-004", "--extend-to", "2024-12-31", "--note", "延期",
                   "--on", "2024-10-01").code == 0
    assert _record(cli, tiny, ledger, "test-001", "--status", "in_progress", "--on", "2024-10-02",
                   "--evidence", "周报").code == 0
    db = tmp_path / "x.sqlite"
    assert cli("export", "--format", "sqlite", "-o", str(db), "--registry", str(tiny), "--progress", str(ledger)).code == 0
    con = sqlite3.connect(db)
    try:
        assert con.execute("SELECT deadline, deadline_original FROM occurrences WHERE item='test-004'").fetchone() == (
            "2024-12-31", "2024-10-31")
        assert con.execute("SELECT status, extend_to, evidence FROM records ORDER BY seq").fetchall() == [
            ("extended", "2024-12-31", None), ("in_progress", None, "周报")]
    finally:
        con.close()
    from icalendar import Calendar

    ics = cli("export", "--format", "ics", "--registry", str(tiny), "--progress", str(ledger), "--lang", "en").out
    events = {str(e["uid"]): e for e in Calendar.from_ical(ics).walk("VEVENT")}
    moved = events["test-004@plancli"]
    assert moved.decoded("dtstart") == date(2024, 12, 31)
    assert "Deadline: 2024年10月底前 (extended, was 2024-10-31)" in str(moved["description"])
    assert "Evidence: 周报" in str(events["test-001@plancli"]["description"])


def test_a_percentage_typed_into_a_general_cell_is_read_as_a_percentage(cli, write_registry, tmp_path):
    from .conftest import TINY_REGISTRY

    text = TINY_REGISTRY.replace("value_text: 20 项\n    value: 20\n    unit: 项",
                                 "value_text: 90%\n    value: 90\n    unit: \"%\"")
    assert text != TINY_REGISTRY
    reg = write_registry(text)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["编号", "完成情况", "实际值", "数据截至日期"])
    ws.append(["test-003@2024", "已达标", 0.96, date(2024, 10, 1)])
    ws["C2"].number_format = "0%"  # what Excel stores when 96% is typed into a General cell
    path = tmp_path / "pct.xlsx"
    wb.save(path)
    ledger = tmp_path / "progress.yaml"
    r = _import(cli, reg, ledger, str(path))
    assert r.code == 0, r.err
    (rec,) = load_ledger(ledger)
    assert (rec.actual, rec.actual_text) == (96.0, "96%")


def test_per_unit_with_unit_writes_only_that_units_workbook(cli, tiny, tmp_path):
    out = tmp_path / "one"
    r = cli("export", "--format", "csv", "--per-unit", "--unit", "省大数据局", "-o", str(out),
            "--registry", str(tiny), "--progress", str(tmp_path / "p.yaml"))
    # 省大数据局 leads nothing (it supports 省科技厅's items): no workbook of someone else's
    assert r.code == 0 and list(out.iterdir()) == []
    r = cli("export", "--format", "csv", "--per-unit", "--unit", "省工信厅", "-o", str(out),
            "--registry", str(tiny), "--progress", str(tmp_path / "p.yaml"))
    assert r.code == 0 and [p.name for p in out.iterdir()] == ["省工业和信息化厅.csv"]


def test_a_row_sent_twice_in_one_import_is_recorded_once_and_an_evidence_file_beside_it_is_hashed(
        cli, tiny, tmp_path):
    sent = tmp_path / "sent"
    sent.mkdir()
    (sent / "验收报告.pdf").write_bytes(b"%PDF proof")
    text = "编号,完成情况,数据截至日期,佐证材料\ntest-004,done,2024-10-10 00:00:00,验收报告.pdf\n"
    (sent / "a.csv").write_text(text, encoding="utf-8")
    (sent / "b.csv").write_text(text, encoding="utf-8")
    ledger = tmp_path / "progress.yaml"
    r = _import(cli, tiny, ledger, str(sent / "a.csv"), str(sent / "b.csv"), "--format", "json")
    assert r.code == 0, r.err
    assert [x["action"] for x in json.loads(r.out)] == ["record", "repeated"]
    (rec,) = load_ledger(ledger)
    # the file is copied into the evidence store (issue 25), named by its content, its name kept
    assert (rec.evidence_name, rec.evidence_size, rec.on) == ("验收报告.pdf", 10, date(2024, 10, 10))
    assert (tmp_path / rec.evidence).read_bytes() == b"%PDF proof"


def test_the_same_sheet_imported_twice_at_once_records_its_rows_once(tiny, tmp_path, monkeypatch):
    """The "already recorded" check is made again under the ledger's lock: a second import that wrote
    the same rows after this one read the ledger (and before it took the lock) leaves nothing to add."""
    from plancli.ledger import importing
    from plancli.registry.loading import load_registry

    ledger = tmp_path / "progress.yaml"
    path = tmp_path / "t.csv"
    path.write_text("编号,完成情况,数据截至日期\ntest-004,done,2024-10-10\n", encoding="utf-8")
    reg = load_registry(tiny)
    real_plan = importing.plan_import

    def plan_then_race(*args, **kwargs):
        planned = real_plan(*args, **kwargs)
        monkeypatch.setattr(importing, "plan_import", real_plan)
        importing.import_files(reg, ledger, [path])  # the other import, between our read and our write
        return planned

    monkeypatch.setattr(importing, "plan_import", plan_then_race)
    planned = importing.import_files(reg, ledger, [path])
    assert [p.action for p in planned] == ["already recorded"]
    assert [(r.item, r.status) for r in load_ledger(ledger)] == [("test-004", "done")]


@pytest.mark.parametrize(("text", "width", "lines"), [
    ("平台迭代更新", 36, 1),                        # 12 cells in a 34-cell line
    ("高新技术企业数量" * 3, 36, 2),                # 48 cells
    ("数字变革创新行动计划", 22, 1),                # a plan name on one line at its column's width
    ("第一行\n第二行", 36, 2),                      # a line break the text carries
])
def test_wrapped_lines_count_cjk_as_two_cells(text, width, lines):
    from plancli.output.handout import wrapped_lines

    assert wrapped_lines(text, width) == lines


def test_a_per_unit_workbook_prints_on_the_page_width_and_shows_long_tasks_whole(cli, write_registry, tmp_path):
    """Rows with a long task are written tall enough for it (LibreOffice does not grow them), and the
    sheet prints landscape, every column on the page's width."""
    from plancli.output.handout import LINE_POINTS

    from .conftest import TINY_REGISTRY

    long_metric = TINY_REGISTRY.replace("metric: 高新技术企业数量", "metric: " + "高新技术企业数量" * 4, 1)
    out = tmp_path / "台账"
    assert _per_unit(cli, write_registry(long_metric), tmp_path / "p.yaml", out).code == 0
    ws = openpyxl.load_workbook(out / "省科技厅.xlsx").active
    heights = {ws.cell(r, 1).value: ws.row_dimensions[r].height for r in range(HEADER_ROW + 1, ws.max_row + 1)}
    assert heights["test-001"] >= 2 * LINE_POINTS   # the long metric wraps onto two lines or more
    assert heights["test-004"] is None               # a short one keeps the default height
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
