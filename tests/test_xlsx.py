"""`plancli export --format xlsx`: read back with openpyxl, as Excel would open it."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from wcwidth import wcswidth

from plancli.output.xlsx import FILLS, SHEET_COLUMNS

AS_OF = "2025-03-01"


@pytest.fixture
def workbook(cli, tmp_path):
    """The shipped registry with three real records, exported in Chinese; returns (workbook, rows as JSON)."""
    progress = tmp_path / "progress.yaml"
    for args in (("kjyf-002", "--status", "met", "--actual", "3.6万家", "--on", "2024-12-31"),
                 ("szbg-014", "--status", "missed", "--actual", "4.2万个", "--on", "2025-01-15"),
                 ("yshj-009", "--status", "done", "--on", "2024-10-30")):
        assert cli("record", "--new", *args, "--progress", str(progress)).code == 0
    out = tmp_path / "plancli.xlsx"
    common = ("--as-of", AS_OF, "--progress", str(progress))
    r = cli("export", "--format", "xlsx", "-o", str(out), "--lang", "zh", *common)
    assert (r.code, r.out, r.err) == (0, "", "")
    rows = json.loads(cli("export", "--format", "json", *common).out)
    return load_workbook(out), rows


def _col(ws, heading: str) -> int:
    return [c.value for c in ws[1]].index(heading) + 1


def test_header_frozen_and_filtered(workbook):
    wb, rows = workbook
    ws = wb.worksheets[0]
    assert wb.sheetnames == ["事项明细", "概览"]
    assert [c.value for c in ws[1]][:9] == ["编号", "计划", "类型", "指标", "目标", "期限", "原文期限", "剩余天数", "状态"]
    assert all(c.font.b for c in ws[1])
    assert ws.freeze_panes == "B2"
    assert ws.auto_filter.ref == f"A1:{get_column_letter(len(SHEET_COLUMNS))}{len(rows) + 1}"
    assert ws.max_row == len(rows) + 1 and ws.max_column == len(SHEET_COLUMNS)


def test_cells_have_real_types(workbook):
    wb, rows = workbook
    ws = wb.worksheets[0]
    by_item = {ws.cell(row=i, column=1).value: i for i in range(2, ws.max_row + 1)}
    assert list(by_item) == [r["item"] for r in rows]  # same rows, same order as the JSON export
    i = by_item["kjyf-002"]

    def cell(heading):
        return ws.cell(row=i, column=_col(ws, heading))

    assert cell("期限").value == datetime(2024, 12, 31) and cell("期限").number_format == "yyyy-mm-dd"
    assert cell("记录日期").value == datetime(2024, 12, 31)
    assert cell("剩余天数").value == -60 and cell("行号").value == 26 and cell("文件").value == "鲁政发〔2024〕5号"
    # written as the target is (3.6 万家, not 36000), still a number
    assert (cell("实际值").value, cell("实际值").number_format) == (3.6, '#,##0.###"万家"')
    assert (cell("目标值").value, cell("目标值").number_format) == (3.5, '#,##0.###"万家"')
    assert cell("计量单位").value == "家"
    assert cell("完成率").value == pytest.approx(36000 / 35000, abs=1e-4) and cell("完成率").number_format == "0.0%"
    assert cell("状态").value == "已达标" and cell("状态代码").value == "met"
    assert cell("亮灯").value == "绿灯" and cell("亮灯").fill.start_color.rgb.endswith("BFE6C8")
    assert cell("亮灯原因").value == "已达标" and cell("逾期办结天数").value is None  # met on 2024-12-31: on time
    assert cell("目标").value == ">3.5 万家" and cell("计划").value == "科技研发"
    assert cell("原文").value == rows[[r["item"] for r in rows].index("kjyf-002")]["quote"]
    # an inferred deadline says so in words (a date cell cannot carry the '*')
    inferred = next(r for r in rows if r["deadline_inferred"])
    assert ws.cell(row=by_item[inferred["item"]], column=_col(ws, "原文期限")).value.startswith("*")


@pytest.mark.parametrize(("item", "status"), [("kjyf-002", "met"), ("szbg-014", "missed"),
                                              ("yshj-009", "done"), ("szbg-001", "overdue")])
def test_status_cells_are_coloured(workbook, item, status):
    wb, _ = workbook
    ws = wb.worksheets[0]
    row = next(i for i in range(2, ws.max_row + 1) if ws.cell(row=i, column=1).value == item)
    c = ws.cell(row=row, column=_col(ws, "状态"))
    assert c.fill.fgColor.rgb.endswith(FILLS[status])
    assert ws.cell(row=row, column=_col(ws, "状态代码")).value == status


def test_column_widths_count_chinese_as_two(workbook):
    wb, rows = workbook
    ws = wb.worksheets[0]
    from openpyxl.utils import get_column_letter

    def width(heading):
        return ws.column_dimensions[get_column_letter(_col(ws, heading))].width

    longest_lead = max(wcswidth("、".join(r["lead"])) for r in rows)
    assert width("牵头单位") >= min(longest_lead, 48)  # CJK text measured in display cells, capped
    assert width("编号") >= max(len(r["item"]) for r in rows)  # ids fit on one line
    assert width("期限") >= 10
    assert width("状态") >= wcswidth("即将到期") or width("状态") >= wcswidth("已逾期")
    # len() would undercount: 新一代信息技术 is 7 characters but 14 cells wide
    assert width("计划") >= wcswidth("新一代信息技术") == 14


def test_summary_sheet_counts(workbook):
    wb, rows = workbook
    ws = wb["概览"]
    heads = [c.value for c in ws[1]]
    assert heads[0] == "计划" and "事项总数" in heads and "已逾期" in heads
    total = [c.value for c in ws[ws.max_row]]
    assert total[0] == "事项总数" and total[heads.index("事项总数")] == len(rows)
    # after the total, the lights: they add up to it too
    lights = heads[heads.index("事项总数") + 1:]
    assert set(lights) <= {"红灯", "黄灯", "蓝灯", "绿灯"} and sum(total[heads.index(h)] for h in lights) == len(rows)
    assert total[heads.index("红灯")] == sum(r["light"] == "red" for r in rows)
    assert total[heads.index("已达标")] == 1 and total[heads.index("未达标")] == 1
    assert total[heads.index("已逾期")] == sum(r["status"] == "overdue" for r in rows)


def test_english_headings(cli, tmp_path):
    out = tmp_path / "en.xlsx"
    assert cli("export", "--format", "xlsx", "--plan", "xny", "-o", str(out), "--lang", "en").code == 0
    ws = load_workbook(out).worksheets[0]
    assert [c.value for c in ws[1]][:3] == ["ID", "Plan", "Kind"]
    assert {ws.cell(row=i, column=1).value for i in range(2, ws.max_row + 1)} == {f"xny-{n:03d}" for n in range(1, 13)}
