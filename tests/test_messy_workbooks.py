"""Issue 25: every cell a unit writes reaches the ledger or is refused by name; 延期 and 佐证 travel in the
workbook. Workbooks are filled the way units fill them: renamed headings, merged cells, other units'
rows, drafts beside the final sheet, formulas saved without values, .xls, .ods, UTF-16 and GB18030
text, 延期 columns, evidence files, the values and dates people type. Each case is recorded exactly
or refused by name, and nothing in between.

Today is 2024-10-20 (the ``cli`` fixture); the tiny registry's items: test-001 突破3.5万家 by 2024-12-31
(省科技厅), test-003 每年20项左右 (省科技厅, supported by 省大数据局), test-004 a milestone by 2024-10-31
(省科技厅, 省大数据局), test-005 ≤0.5 吨标准煤 (省工业和信息化厅).
"""

from __future__ import annotations

import codecs
import json
import os
import re
import subprocess
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest

from plancli.ledger.storage import load_ledger as read_ledger


def load_ledger(path: Path) -> list:
    """The records the rows gave: a workbook of a known unit also records the unit's 报送 (issue 24),
    a record of its own these tests of cells do not look at."""
    return [r for r in read_ledger(path) if r.status != "submitted"]

openpyxl = pytest.importorskip("openpyxl")

HEADER_ROW = 3


def _import(cli, reg: Path, ledger: Path, *args: str, lang: str = "en"):
    new = () if ledger.exists() else ("--new",)
    return cli("import", *args, *new, "--registry", str(reg), "--progress", str(ledger), "--lang", lang)


def _export(cli, reg: Path, ledger: Path, out: Path, lang: str = "zh", *args: str):
    r = cli("export", "--format", "xlsx", "--per-unit", "-o", str(out), "--registry", str(reg),
            "--progress", str(ledger), "--lang", lang, "--as-of", "2024-10-20", *args)
    assert r.code == 0, r.err
    return out


def _fill(src: Path, fills: dict[str, dict[str, object]], save_as: Path, *, edit=None) -> Path:
    """Type values into an exported workbook's cells by item id and heading; ``edit(wb, ws, rows,
    heads)`` does anything else a unit does (merge, rename, add a sheet)."""
    wb = openpyxl.load_workbook(src)
    ws = wb.active
    heads = {c.value: c.column for c in ws[HEADER_ROW]}
    rows = {ws.cell(r, 1).value: r for r in range(HEADER_ROW + 1, ws.max_row + 1)}
    for item, cells in fills.items():
        for head, v in cells.items():
            ws.cell(rows[item], heads[head]).value = v
    if edit is not None:
        edit(wb, ws, rows, heads)
    wb.save(save_as)
    return save_as


def _book(path: Path, sheets: dict[str, list[list]]) -> Path:
    """A hand-made workbook (no export marker): sheet name → rows."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


@pytest.fixture
def handout(cli, tiny, tmp_path):
    """省科技厅's exported workbook (zh) and a fresh ledger path."""
    out = _export(cli, tiny, tmp_path / "p0.yaml", tmp_path / "out")
    return out / "省科技厅.xlsx", tmp_path / "progress.yaml"


# --------------------------------------------------------------------------- 1. nothing filled is dropped


def test_renamed_headings_are_read_as_the_columns_they_name(cli, tiny, tmp_path):
    """实际完成值, 完成状态, 备注 (and 存在的问题, 下一步工作): a figure is never dropped by a renamed heading."""
    path = _book(tmp_path / "省科技厅.xlsx", {"台账": [
        ["编号", "完成状态", "实际完成值", "截至日期", "备注", "存在的问题", "下一步工作"],
        ["test-001", "进行中", "3.4万家", date(2024, 10, 15), "已认定一批", "材料不全", "加快评审"],
    ]})
    ledger = tmp_path / "progress.yaml"
    r = _import(cli, tiny, ledger, str(path))
    assert r.code == 0, r.err
    (rec,) = load_ledger(ledger)
    assert (rec.item, rec.status, rec.actual, rec.on, rec.note, rec.problems, rec.next_steps) == (
        "test-001", "in_progress", 34000.0, date(2024, 10, 15), "已认定一批", "材料不全", "加快评审")


def test_renamed_status_column_gets_the_contradiction_check(cli, tiny, tmp_path):
    """完成状态 已达标 with 3.2万家 against 突破3.5万家 is refused (it used to be recorded as met, no figure)."""
    path = _book(tmp_path / "省科技厅.xlsx", {"台账": [["编号", "完成状态", "实际完成值", "截至日期"],
                                               ["test-001", "已达标", "3.2万家", date(2024, 10, 15)]]})
    r = _import(cli, tiny, tmp_path / "progress.yaml", str(path), lang="zh")
    assert r.code == 2 and r.err.splitlines() == [
        f"plancli: {path}:台账!2: 完成情况“已达标”与实际值 3.2万家 不符：3.2 万家 为目标 >3.5 万家 的 91%，未达标；"
        "期限 2024-12-31 未到，完成情况请填“进行中”",
        "plancli: error: 1 行无法记录，未导入任何数据"]


def test_an_unknown_heading_is_refused_with_the_known_ones_unless_its_column_is_empty(cli, tiny, tmp_path):
    ok = _book(tmp_path / "省科技厅-ok.xlsx", {"台账": [["编号", "完成情况", "数据截至日期", "完成率（%）"],
                                              ["test-004", "已完成", date(2024, 10, 18), None]]})
    ledger = tmp_path / "progress.yaml"
    assert _import(cli, tiny, ledger, str(ok), "--dry-run").code == 0
    bad = _book(tmp_path / "省科技厅.xlsx", {"台账": [["编号", "完成情况", "数据截至日期", "完成率（%）", None],
                                                ["test-004", "已完成", date(2024, 10, 18), "100%", None],
                                                ["test-001", None, None, None, "补充说明"]]})
    r = _import(cli, tiny, ledger, str(bad), lang="zh")
    assert r.code == 2
    lines = r.err.splitlines()
    assert lines[0].startswith(f"plancli: {bad}:台账!D2: 第 D 列“完成率（%）”不是台账的列，但有内容；请改用台账的列名"
                               "（编号、计划、任务/指标、目标、目标值、完成时限、原定时限、当前状态、配合单位、上次填报、完成情况、"
                               "实际值、数据截至日期、进展情况、存在问题、下一步措施、佐证材料、申请延期至、延期理由），或删除该列")
    assert lines[1] == f"plancli: {bad}:台账!E3: 第 E 列没有列名，但有内容；请填写列名或删除该列"
    assert lines[2] == "plancli: error: 2 个文件有误，未导入任何数据"
    assert not ledger.exists()


def test_merged_cells_spread_over_their_rows_and_say_so(cli, tiny, handout, tmp_path):
    src, ledger = handout

    def merge(wb, ws, rows, heads):
        col = openpyxl.utils.get_column_letter
        a, b = rows["test-001"], rows["test-003@2024"]
        ws.merge_cells(f"{col(heads['进展情况'])}{a}:{col(heads['进展情况'])}{b}")
        ws.merge_cells(f"{col(heads['数据截至日期'])}{a - 1}:{col(heads['数据截至日期'])}{b}")

    filled = _fill(src, {"test-004": {"完成情况": "已完成", "数据截至日期": datetime(2024, 10, 18)},
                         "test-001": {"进展情况": "按计划推进"},
                         "test-003@2024": {"实际值": "12项"}}, tmp_path / "merged.xlsx", edit=merge)
    r = _import(cli, tiny, ledger, str(filled), lang="zh")
    assert r.code == 0, r.err
    recs = {x.item: x for x in load_ledger(ledger)}
    assert {k: (v.status, v.on, v.note, v.actual) for k, v in recs.items()} == {
        "test-004": ("done", date(2024, 10, 18), None, None),
        "test-001": ("in_progress", date(2024, 10, 18), "按计划推进", None),
        "test-003@2024": ("in_progress", date(2024, 10, 18), "按计划推进", 12.0),
    }
    assert f"plancli: {filled}:台账!5: 合并单元格 M4:M6 的内容计入其跨越的每一行" in r.err
    assert f"plancli: {filled}:台账!6: 合并单元格 N5:N6 的内容计入其跨越的每一行" in r.err


def test_a_figure_merged_over_two_items_is_refused_naming_the_merge(cli, tiny, handout, tmp_path):
    src, ledger = handout

    def merge(wb, ws, rows, heads):
        col = openpyxl.utils.get_column_letter(heads["实际值"])
        ws.merge_cells(f"{col}{rows['test-001']}:{col}{rows['test-003@2024']}")

    filled = _fill(src, {"test-001": {"实际值": "3.6", "数据截至日期": datetime(2024, 10, 18)},
                         "test-003@2024": {"数据截至日期": datetime(2024, 10, 18)}}, tmp_path / "m.xlsx", edit=merge)
    r = _import(cli, tiny, ledger, str(filled), lang="zh")
    assert r.code == 2
    assert r.err.splitlines()[:2] == [
        f"plancli: {filled}:台账!5: 实际值是合并单元格 L5:L6，跨越多行；一个实际值只能属于一个事项，请取消合并后逐行填写",
        f"plancli: {filled}:台账!6: 实际值是合并单元格 L5:L6，跨越多行；一个实际值只能属于一个事项，请取消合并后逐行填写"]


def _with_formula_values(path: Path, values: dict[str, str]) -> None:
    """Give formula cells a cached value, as Excel saves them (openpyxl writes none)."""
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode("utf-8")
                for ref, v in values.items():
                    start = text.index(f'<c r="{ref}"')
                    end = text.index("</c>", start)
                    cell = text[start:end].replace(' t="str"', "")
                    cell = re.sub(r"<v\s*/>|<v></v>", "", cell)  # openpyxl's empty value, in either spelling
                    text = text[:start] + cell.replace("</f>", f'</f><v>{v}</v>').replace(
                        f'<c r="{ref}"', f'<c r="{ref}" t="str"') + text[end:]
                data = text.encode("utf-8")
            zout.writestr(item, data)
    tmp.replace(path)


def test_a_formula_saved_without_its_value_is_refused_naming_the_cell(cli, tiny, handout, tmp_path):
    src, ledger = handout
    filled = _fill(src, {"test-004": {"完成情况": "已完成", "数据截至日期": datetime(2024, 10, 18),
                                      "进展情况": '=CONCATENATE("平台","已上线")'},
                         "test-001": {"佐证材料": '="通报"&"9号"'}}, tmp_path / "f.xlsx")
    r = _import(cli, tiny, ledger, str(filled), lang="zh")
    assert r.code == 2
    assert r.err.splitlines() == [
        f"plancli: {filled}:台账!4: 单元格 N4 是公式但没有保存计算结果；请在 Excel 或 WPS 中打开并保存后再导入",
        f"plancli: {filled}:台账!5: 单元格 Q5 是公式但没有保存计算结果；请在 Excel 或 WPS 中打开并保存后再导入",
        "plancli: error: 2 行无法记录，未导入任何数据"]
    # saved by Excel, the same formulas carry their values: read as the unit sees them
    _with_formula_values(filled, {"N4": "平台已上线", "Q5": "通报9号"})
    ok = _import(cli, tiny, ledger, str(filled), "--on", "2024-10-19")
    assert ok.code == 0, ok.err
    assert [(x.item, x.note, x.evidence) for x in load_ledger(ledger)] == [
        ("test-004", "平台已上线", None), ("test-001", None, "通报9号")]


# --------------------------------------------------------------------------- 2. rows that are not the unit's


def test_a_row_of_another_units_item_is_refused_unless_accepted(cli, tiny, tmp_path):
    ledger = tmp_path / "progress.yaml"
    out = _export(cli, tiny, ledger, tmp_path / "out")

    def add_row(wb, ws, rows, heads):
        r = ws.max_row + 1
        ws.cell(r, heads["编号"]).value = "test-001"
        ws.cell(r, heads["完成情况"]).value = "进行中"
        ws.cell(r, heads["数据截至日期"]).value = datetime(2024, 10, 18)

    filled = _fill(out / "省工业和信息化厅.xlsx", {}, tmp_path / "gxt.xlsx", edit=add_row)
    r = _import(cli, tiny, ledger, str(filled), lang="zh")
    assert r.code == 2
    assert r.err.splitlines()[0] == (f"plancli: {filled}:台账!5: test-001 不是省工业和信息化厅牵头或配合的事项（牵头单位：省科技厅）；"
                                     "如确由本单位报送，导入时加 --accept-other-units")
    ok = _import(cli, tiny, ledger, str(filled), "--accept-other-units")
    assert ok.code == 0 and [x.item for x in load_ledger(ledger)] == ["test-001"]


def test_a_supporting_unit_may_report_and_the_file_name_names_the_unit(cli, tiny, tmp_path):
    """A hand-made CSV carries no marker: the unit is the one its file name names."""
    path = tmp_path / "省大数据局-10月.csv"
    path.write_text("编号,完成情况,数据截至日期\ntest-004,进行中,2024-10-18\ntest-005,进行中,2024-10-18\n",
                    encoding="utf-8")
    r = _import(cli, tiny, tmp_path / "progress.yaml", str(path))
    assert r.code == 2 and r.err.splitlines() == [
        f"plancli: {path}:3: test-005 is not an item 省大数据局 leads or supports (lead: 省工业和信息化厅); if it is "
        "theirs to report, import with --accept-other-units",
        "plancli: error: 1 rows cannot be recorded; nothing was imported"]


def test_only_the_marked_sheet_is_read_and_a_draft_beside_it_is_listed(cli, tiny, handout, tmp_path):
    src, ledger = handout

    def draft(wb, ws, rows, heads):
        copy = wb.copy_worksheet(ws)
        copy.title = "台账（初稿）"
        copy.cell(rows["test-001"], heads["实际值"]).value = "3.1"  # last week's figure

    filled = _fill(src, {"test-001": {"完成情况": "进行中", "实际值": "3.4", "数据截至日期": datetime(2024, 10, 18)}},
                   tmp_path / "final.xlsx", edit=draft)
    r = _import(cli, tiny, ledger, str(filled), lang="zh")
    assert r.code == 0, r.err
    assert [(x.item, x.actual) for x in load_ledger(ledger)] == [("test-001", 34000.0)]
    assert f"plancli: {filled}: 未读取工作表 台账（初稿）（不是导出的台账表）" in r.err.splitlines()


def test_the_same_item_twice_with_different_figures_is_refused_naming_both_places(cli, tiny, tmp_path):
    head = ["编号", "完成情况", "实际值", "数据截至日期"]
    path = _book(tmp_path / "省科技厅.xlsx", {
        "台账": [head, ["test-001", "进行中", "3.4", date(2024, 10, 18)], ["test-004", "已完成", None, date(2024, 10, 18)]],
        "补报": [head, ["test-001", "进行中", "3.1", date(2024, 10, 18)], ["test-004", "已完成", None, date(2024, 10, 18)]],
    })
    r = _import(cli, tiny, tmp_path / "progress.yaml", str(path), lang="zh")
    assert r.code == 2 and r.err.splitlines() == [
        f"plancli: {path}:补报!2: test-001 在本次导入中已于 {path}:台账!2 填报，两处内容不同；同一事项只能填报一次，请删去其中一处",
        "plancli: error: 1 行无法记录，未导入任何数据"]


# --------------------------------------------------------------------------- 3. 延期 in the workbook


def test_an_extension_asked_in_the_workbook_is_recorded_once(cli, tiny, handout, tmp_path):
    src, ledger = handout
    filled = _fill(src, {"test-004": {"申请延期至": datetime(2024, 12, 31), "延期理由": "等待省政府批复",
                                      "数据截至日期": datetime(2024, 10, 18)}}, tmp_path / "ext.xlsx")
    r = _import(cli, tiny, ledger, str(filled), "--format", "json")
    assert r.code == 0, r.err
    assert [(x["item"], x["status"], x["extend_to"], x["on"]) for x in json.loads(r.out)] == [
        ("test-004", "extended", "2024-12-31", "2024-10-18")]
    (rec,) = load_ledger(ledger)
    assert (rec.status, rec.extend_to, rec.note, rec.source) == ("extended", date(2024, 12, 31), "等待省政府批复",
                                                                 "台账 ext.xlsx")
    again = _import(cli, tiny, ledger, str(filled))
    assert again.code == 0 and again.err.endswith("recorded 0 of 1 filled rows (1 already recorded)\n")
    show = cli("show", "test-004", "--registry", str(tiny), "--progress", str(ledger), "--as-of", "2024-11-15")
    assert "test-004: upcoming (deadline 2024-12-31, extended from 2024-10-31)" in show.out


@pytest.mark.parametrize("cells, message", [
    ({"申请延期至": datetime(2024, 12, 31)}, "申请延期须同时填写“申请延期至”和“延期理由”：缺“延期理由”"),
    ({"延期理由": "资金未到位"}, "申请延期须同时填写“申请延期至”和“延期理由”：缺“申请延期至”"),
    ({"申请延期至": datetime(2024, 10, 30), "延期理由": "x"}, "申请延期至 2024-10-30 不晚于现行期限 2024-10-31"),
    ({"申请延期至": "尽快", "延期理由": "x"},
     "申请延期至：无法识别日期“尽快”（示例：2024-10-31、2024年10月31日、2024年10月底）"),
    ({"完成情况": "延期"}, "完成情况“延期”不是完成状态；申请延期请填写“申请延期至”和“延期理由”两列"),
])
def test_an_extension_the_rules_refuse_is_refused_by_row(cli, tiny, handout, tmp_path, cells, message):
    src, ledger = handout
    filled = _fill(src, {"test-004": cells}, tmp_path / "ext.xlsx")
    r = _import(cli, tiny, ledger, str(filled), "--on", "2024-10-18", lang="zh")
    assert r.code == 2 and r.err.splitlines()[0] == f"plancli: {filled}:台账!4: {message}"


def test_an_extension_asked_after_the_deadline_is_refused(cli, tiny, tmp_path):
    path = tmp_path / "省科技厅.csv"
    path.write_text("编号,申请延期至,延期理由,数据截至日期\ntest-004,2024年12月底,补报,2024-10-31\n", encoding="utf-8")
    r = cli("import", str(path), "--new", "--registry", str(tiny), "--progress", str(tmp_path / "p.yaml"),
            env={"PLANCLI_TODAY": "2024-11-05"})
    assert r.code == 2 and r.err.splitlines()[0] == (
        f"plancli: {path}:2: the extension is asked on 2024-10-31, on or after the deadline 2024-10-31: 延期 is asked "
        "before the deadline passes; speak to the office about an overdue item")


# --------------------------------------------------------------------------- 4. 佐证 kept with the ledger


def test_evidence_beside_the_workbook_is_copied_into_the_store(cli, tiny, handout, tmp_path):
    src, ledger = handout
    inbox = tmp_path / "inbox" / "省科技厅"
    (inbox / "附件").mkdir(parents=True)
    (inbox / "附件" / "验收报告.pdf").write_bytes(b"%PDF-1.7 acceptance")
    filled = _fill(src, {"test-004": {"完成情况": "已完成", "数据截至日期": datetime(2024, 10, 18),
                                      "佐证材料": "附件/验收报告.pdf"}}, inbox / "台账.xlsx")
    dry = _import(cli, tiny, ledger, str(filled), "--dry-run")
    assert dry.code == 0 and not (ledger.parent / "evidence").exists()  # --dry-run copies nothing
    r = _import(cli, tiny, ledger, str(filled))
    assert r.code == 0, r.err
    (rec,) = load_ledger(ledger)
    assert rec.evidence.startswith(f"evidence/{rec.evidence_sha256[:2]}/") and rec.evidence.endswith(".pdf")
    assert (rec.evidence_name, rec.evidence_size) == ("验收报告.pdf", 19)
    assert (ledger.parent / rec.evidence).read_bytes() == b"%PDF-1.7 acceptance"
    assert str(tmp_path) not in ledger.read_text(encoding="utf-8")


@pytest.mark.parametrize("cell", ["/etc/passwd", "../../secret.pdf", "~/.ssh/id_rsa", "../省工信厅/报告.pdf",
                                  "/nonexistent/never.pdf", "link/passwd.pdf"])
def test_evidence_outside_the_workbooks_folder_is_refused_without_saying_whether_it_exists(
        cli, tiny, handout, tmp_path, cell):
    src, ledger = handout
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (tmp_path / "secret.pdf").write_bytes(b"secret")
    (inbox / "link").symlink_to(tmp_path)  # a symlink out of the folder
    (tmp_path / "passwd.pdf").write_bytes(b"root:x:0:0")
    filled = _fill(src, {"test-004": {"完成情况": "已完成", "数据截至日期": datetime(2024, 10, 18), "佐证材料": cell}},
                   inbox / "台账.xlsx")
    r = _import(cli, tiny, ledger, str(filled), lang="zh")
    assert r.code == 2 and r.err.splitlines()[0] == (
        f"plancli: {filled}:台账!4: 佐证材料“{cell}”不在工作簿所在文件夹内；只能引用随工作簿一同报送的文件（同一文件夹或其子文件夹）")
    assert not ledger.exists()


def test_evidence_named_but_not_sent_or_too_large_is_refused(cli, tiny, handout, tmp_path, monkeypatch):
    src, ledger = handout
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "照片.jpg").write_bytes(b"\xff\xd8" + b"x" * 2000)
    filled = _fill(src, {"test-004": {"完成情况": "已完成", "数据截至日期": datetime(2024, 10, 18),
                                      "佐证材料": "验收报告.pdf"},
                         "test-001": {"进展情况": "现场照片", "数据截至日期": datetime(2024, 10, 18),
                                      "佐证材料": "照片.jpg"}}, inbox / "台账.xlsx")
    monkeypatch.setenv("PLANCLI_EVIDENCE_MAX_MB", "0.0015")
    r = _import(cli, tiny, ledger, str(filled), lang="zh")
    assert r.code == 2 and r.err.splitlines()[:2] == [
        f"plancli: {filled}:台账!4: 佐证材料“验收报告.pdf”未随工作簿报送：请把该文件放在工作簿所在文件夹，或改填文字说明",
        f"plancli: {filled}:台账!5: 佐证文件 照片.jpg 超过 0.0015 MB 上限；大文件请用 Git LFS 保存（见 docs/roundtrip.md），"
        "或调高 PLANCLI_EVIDENCE_MAX_MB"]


def _git(*args: str, cwd: Path) -> str:
    env = os.environ | {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@x", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@x", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


@pytest.mark.slow
def test_evidence_imported_in_one_clone_validates_in_another_after_git_pull(cli, tmp_path):
    if subprocess.run(["git", "--version"], capture_output=True).returncode != 0:
        pytest.skip("git is not installed")
    origin = tmp_path / "origin"
    assert cli("init", str(origin)).code == 0
    _git("init", "-q", "-b", "main", cwd=origin) if not (origin / ".git").exists() else None
    _git("add", "-A", cwd=origin)
    _git("commit", "-q", "-m", "registry", cwd=origin)
    _git("clone", "-q", "--bare", str(origin), str(tmp_path / "remote.git"), cwd=tmp_path)
    a, b = tmp_path / "a", tmp_path / "b"
    for clone in (a, b):
        _git("clone", "-q", str(tmp_path / "remote.git"), str(clone), cwd=tmp_path)
    inbox = tmp_path / "inbox"  # the office's inbox: outside both clones
    inbox.mkdir()
    (inbox / "平台验收意见.pdf").write_bytes(b"%PDF-1.4 " + bytes(range(256)) * 40)
    (inbox / "省大数据局.csv").write_text("编号,完成情况,数据截至日期,佐证材料\nszbg-001,已完成,2024-10-15,平台验收意见.pdf\n",
                                       encoding="gb18030")
    r = cli("import", str(inbox / "省大数据局.csv"), "--registry", str(a / "registry.yaml"))
    assert r.code == 0, r.err
    _git("add", "-A", cwd=a)
    _git("commit", "-q", "-m", "台账 省大数据局", cwd=a)
    _git("push", "-q", "origin", "HEAD", cwd=a)
    _git("pull", "-q", cwd=b)
    v = cli("validate", "--strict", "--registry", str(b / "registry.yaml"))
    assert v.code == 0, v.out + v.err
    (rec,) = load_ledger(b / "progress.yaml")
    assert (rec.evidence_name, (b / rec.evidence).is_file()) == ("平台验收意见.pdf", True)
    assert str(tmp_path) not in (b / "progress.yaml").read_text(encoding="utf-8")


# --------------------------------------------------------------------------- 5. formats offices send


def _ods(path: Path, rows: list[list], *, sheet: str = "台账", names: str = "", extra: str = "") -> Path:
    """An .ods as LibreOffice writes one: each row a list of cells, a cell text, a number, a date, a
    ('pct', 0.96), ('merge', text, rows) or None; trailing empty rows repeated a million times."""
    def cell(v) -> str:
        if v is None:
            return '<table:table-cell/>'
        if isinstance(v, tuple) and v[0] == "pct":
            return f'<table:table-cell office:value-type="percentage" office:value="{v[1]}"><text:p>x</text:p></table:table-cell>'
        if isinstance(v, tuple) and v[0] == "merge":
            return (f'<table:table-cell table:number-rows-spanned="{v[2]}" office:value-type="string">'
                    f'<text:p>{v[1]}</text:p></table:table-cell>')
        if v == "covered":
            return '<table:covered-table-cell/>'
        if isinstance(v, date):
            return f'<table:table-cell office:value-type="date" office:date-value="{v.isoformat()}"><text:p>{v}</text:p></table:table-cell>'
        if isinstance(v, int | float):
            return f'<table:table-cell office:value-type="float" office:value="{v}"><text:p>{v}</text:p></table:table-cell>'
        return (f'<table:table-cell office:value-type="string"><text:p>{v}</text:p>'
                '<office:annotation><text:p>批注不是内容</text:p></office:annotation></table:table-cell>')

    body = "".join("<table:table-row>" + "".join(cell(v) for v in row)
                   + '<table:table-cell table:number-columns-repeated="1000"/></table:table-row>' for row in rows)
    body += '<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>'
               f'<table:table table:name="{sheet}">{body}</table:table>{extra}{names}'
               '</office:spreadsheet></office:body></office:document-content>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content)
    return path


def test_an_ods_from_libreoffice_reads_dates_percentages_merges_and_the_marker(cli, write_registry, tmp_path):
    from .conftest import TINY_REGISTRY

    reg = write_registry(TINY_REGISTRY.replace("value_text: 20 项\n    value: 20\n    unit: 项",
                                               "value_text: 90%\n    value: 90\n    unit: \"%\""))
    names = ('<table:named-expressions><table:named-range table:name="plancli.ledger" '
             'table:cell-range-address="$台账.$A$2:.$F$2"/>'
             '<table:named-expression table:name="plancli.unit" table:expression="&quot;省科技厅&quot;"/>'
             '<table:named-expression table:name="plancli.as_of" table:expression="&quot;2024-10-20&quot;"/>'
             '</table:named-expressions>')
    path = _ods(tmp_path / "省科技厅.ods", [
        ["省科技厅 目标任务台账"],
        ["编号", "完成情况", "实际值", "数据截至日期", "进展情况", "存在问题"],
        ["test-003@2024", "已达标", ("pct", 0.96), date(2024, 10, 15), ("merge", "统一调度", 2), "无"],
        ["test-004", "已完成", None, "9月底", "covered", "-"],
    ], names=names, extra='<table:table table:name="草稿"><table:table-row><table:table-cell office:value-type="string">'
                          '<text:p>编号</text:p></table:table-cell></table:table-row></table:table>')
    ledger = tmp_path / "progress.yaml"
    r = _import(cli, reg, ledger, str(path), lang="zh")
    assert r.code == 0, r.err
    assert [(x.item, x.status, x.actual, x.actual_text, x.on, x.note, x.problems) for x in load_ledger(ledger)] == [
        ("test-003@2024", "met", 96.0, "96%", date(2024, 10, 15), "统一调度", None),
        ("test-004", "done", None, None, date(2024, 9, 30), "统一调度", None)]
    assert f"plancli: {path}: 未读取工作表 草稿（不是导出的台账表）" in r.err


def test_an_xls_from_old_excel_is_read_with_its_dates_and_merges(cli, tiny, tmp_path):
    xlwt = pytest.importorskip("xlwt")
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("台账")
    for c, h in enumerate(["编号", "完成情况", "实际值", "数据截至日期", "进展情况"]):
        ws.write(0, c, h)
    day = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    ws.write(1, 0, "test-001")
    ws.write(1, 1, "进行中")
    ws.write(1, 2, "3.4万家")
    ws.write(1, 3, datetime(2024, 10, 15), day)
    ws.write_merge(1, 2, 4, 4, "稳步推进")
    ws.write(2, 0, "test-004")
    ws.write(2, 1, "已完成")
    ws.write(2, 3, datetime(2024, 10, 16), day)
    path = tmp_path / "省科技厅.xls"
    wb.save(str(path))
    ledger = tmp_path / "progress.yaml"
    r = _import(cli, tiny, ledger, str(path))
    assert r.code == 0, r.err
    assert [(x.item, x.status, x.actual, x.on, x.note) for x in load_ledger(ledger)] == [
        ("test-001", "in_progress", 34000.0, date(2024, 10, 15), "稳步推进"),
        ("test-004", "done", None, date(2024, 10, 16), "稳步推进")]
    assert f"plancli: {path}:台账!3: merged cell E2:E3: its value is read on every row it spans" in r.err


@pytest.mark.parametrize("encoding, delimiter", [("utf-16", "\t"), ("utf-16", ","), ("gb18030", ","),
                                                 ("utf-8-sig", ";")])
def test_unicode_text_and_chinese_csv_read_the_same(cli, tiny, tmp_path, encoding, delimiter):
    """Excel's "Unicode text" (UTF-16, tabs), a UTF-16 CSV, a GB18030 CSV (WPS on a Chinese system), a
    semicolon CSV (a European locale)."""
    rows = [["编号", "完成情况", "实际值", "数据截至日期", "进展情况"],
            ["test-001", "进行中", "3.2万余家", "2024年10月15日", "正在认定"]]
    path = tmp_path / "省科技厅.txt"
    path.write_bytes("\r\n".join(delimiter.join(r) for r in rows).encode(encoding))
    ledger = tmp_path / "progress.yaml"
    r = _import(cli, tiny, ledger, str(path))
    assert r.code == 0, r.err
    (rec,) = load_ledger(ledger)
    assert (rec.item, rec.actual, rec.actual_below, rec.on, rec.note) == (
        "test-001", 32000.0, 33000.0, date(2024, 10, 15), "正在认定")


@pytest.mark.parametrize("name, data, message", [
    ("省科技厅.xls", "<html><body><table><tr><td>编号</td></tr></table></body></html>".encode(),
     "这是网页表格（HTML）改名为 .xls，不是工作簿；请在 Excel 或 WPS 中打开后另存为 .xlsx"),
    ("省科技厅.et", b"\x00\x01WPS ET binary\x00\x00", "无法作为台账读取（.et 不是可读取的表格格式）；请另存为 .xlsx"),
    ("省科技厅.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 600,
     "工作簿设有打开密码（已加密）；请取消密码后另存为 .xlsx"),
    ("省科技厅.xlsx", b"PK\x03\x04 truncated", "文件已损坏，无法读取；请在 Excel 或 WPS 中打开后另存为 .xlsx"),
    ("省科技厅.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600,
     "文件已损坏，无法读取；请在 Excel 或 WPS 中打开后另存为 .xlsx"),
])
def test_a_file_that_cannot_be_read_is_the_files_problem_said_in_the_readers_words(cli, tiny, tmp_path, name, data,
                                                                                 message):
    path = tmp_path / name
    path.write_bytes(data)
    r = _import(cli, tiny, tmp_path / "progress.yaml", str(path), lang="zh")
    assert (r.code, r.err.splitlines()) == (2, [f"plancli: {path}: {message}",
                                                "plancli: error: 1 个文件有误，未导入任何数据"])


# --------------------------------------------------------------------------- 6. what people type


@pytest.mark.parametrize("typed, value, below", [
    ("八十项", 80.0, None), ("一千二百", 1200.0, None), ("3千", 3000.0, None), ("1.2千", 1200.0, None),
    ("12", 12.0, None), ("十二项", 12.0, None), ("100多项", 100.0, 200.0),
    ("十余项", 10.0, 20.0), ("-", None, None), ("无", None, None), ("—", None, None),
])
def test_values_people_type(cli, tiny, tmp_path, typed, value, below):
    path = tmp_path / "省科技厅.csv"
    path.write_text(f"编号,完成情况,实际值,数据截至日期,进展情况\ntest-003@2024,进行中,{typed},2024-10-15,推进中\n",
                    encoding="utf-8")
    ledger = tmp_path / "progress.yaml"
    r = _import(cli, tiny, ledger, str(path))
    assert r.code == 0, r.err
    (rec,) = load_ledger(ledger)
    assert (rec.actual, rec.actual_below) == (value, below)


@pytest.mark.parametrize("typed, year_of, on", [
    ("2024年9月底", None, date(2024, 9, 30)), ("2024.09.20", None, date(2024, 9, 20)),
    ("9月底", None, date(2024, 9, 30)), ("二〇二四年九月三十日", None, date(2024, 9, 30)),
    ("12月底", "2024-12-20", date(2024, 12, 31)),  # in January 2025, the December workbook's 12月底 is 2024's
])
def test_dates_people_type(cli, tiny, handout, tmp_path, typed, year_of, on):
    src, ledger = handout
    filled = _fill(src, {"test-001": {"完成情况": "进行中", "数据截至日期": typed}}, tmp_path / "d.xlsx")
    env = {}
    if year_of:  # a workbook made on year_of, filled in and imported the next January
        out = _export(cli, Path(tiny), tmp_path / "p0.yaml", tmp_path / "dec", "zh", "--as-of", year_of)
        filled = _fill(out / "省科技厅.xlsx", {"test-001": {"完成情况": "进行中", "数据截至日期": typed}},
                       tmp_path / "d.xlsx")
        env = {"PLANCLI_TODAY": "2025-01-10"}
    r = cli("import", str(filled), "--new", "--registry", str(tiny), "--progress", str(ledger), env=env)
    assert r.code == 0, r.err
    assert [x.on for x in load_ledger(ledger)] == [on]


def test_refusal_advice_fits_the_date(cli, write_registry, tmp_path):
    """150 of ≈200 reported 已达标: before the deadline the advice is 进行中; after it, 未达标."""
    from .conftest import TINY_REGISTRY

    reg = write_registry(TINY_REGISTRY.replace('deadline_text: 2024 年\n    deadline: "2024-12-31"',
                                               'deadline_text: 2024年9月底\n    deadline: "2024-09-30"', 1))
    path = tmp_path / "省科技厅.csv"
    path.write_text("编号,完成情况,实际值,数据截至日期\ntest-001,已达标,3.1,2024-10-15\n", encoding="utf-8")
    r = _import(cli, reg, tmp_path / "p.yaml", str(path), lang="zh")
    assert r.err.splitlines()[0] == (f"plancli: {path}:2: 完成情况“已达标”与实际值 3.1 不符：3.1 万家 为目标 >3.5 万家 的 89%，"
                                     "未达标；完成情况请填“未达标”")
    path.write_text("编号,完成情况,实际值,数据截至日期\ntest-001,已达标,3.1,2024-09-15\n", encoding="utf-8")
    r = _import(cli, reg, tmp_path / "p.yaml", str(path), lang="zh")
    assert r.err.splitlines()[0].endswith("未达标；期限 2024-09-30 未到，完成情况请填“进行中”")


def test_a_figure_written_with_yu_is_more_than_and_meets_a_greater_than_target(cli, tiny, tmp_path):
    """3.5万余家 against 突破3.5万家 is met (more than 35000); 3.2万余家 is not (under 33000)."""
    path = tmp_path / "省科技厅.csv"
    path.write_text("编号,完成情况,实际值,数据截至日期\ntest-001,已达标,3.5万余家,2024-10-15\n", encoding="utf-8")
    ledger = tmp_path / "progress.yaml"
    assert _import(cli, tiny, ledger, str(path)).code == 0
    show = cli("show", "test-001", "--registry", str(tiny), "--progress", str(ledger))
    assert "test-001: met (deadline 2024-12-31), actual >3.5 万家" in show.out
    assert "actual=>3.5 万家 (typed 3.5万余家)" in show.out


# --------------------------------------------------------------------------- 7. the next workbook remembers


def test_notes_problems_and_next_steps_are_kept_shown_and_the_next_workbook_remembers(cli, tiny, handout, tmp_path):
    src, ledger = handout
    filled = _fill(src, {"test-001": {"完成情况": "进行中", "实际值": "3.4", "数据截至日期": datetime(2024, 10, 15),
                                      "进展情况": "第二批认定中", "存在问题": "评审专家不足", "下一步措施": "增补专家库"}},
                   tmp_path / "f.xlsx")
    assert _import(cli, tiny, ledger, str(filled)).code == 0
    show = cli("show", "test-001", "--registry", str(tiny), "--progress", str(ledger), "--lang", "zh")
    assert ("note: 第二批认定中" in show.out or "备注：第二批认定中" in show.out)
    assert "存在问题：评审专家不足" in show.out and "下一步措施：增补专家库" in show.out
    for lang, latest in (("zh", "进行中 3.4 万家（2024-10-15）"), ("en", "in progress 3.4 万家 (2024-10-15)")):
        out = _export(cli, tiny, ledger, tmp_path / f"next-{lang}", lang)
        ws = openpyxl.load_workbook(out / "省科技厅.xlsx").active
        heads = [c.value for c in ws[HEADER_ROW]]
        row = next(r for r in ws.iter_rows(min_row=HEADER_ROW + 1) if r[0].value == "test-001")
        assert row[heads.index("上次填报" if lang == "zh" else "Last report")].value == latest


# --------------------------------------------------------------------------- bounded reading


def _xlsx_with_sheet(path: Path, sheet_xml: bytes) -> Path:
    """An otherwise valid workbook whose first sheet's XML is ``sheet_xml``."""
    wb = openpyxl.Workbook()
    wb.active.title = "台账"
    wb.save(path)
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            zout.writestr(item, sheet_xml if item.filename == "xl/worksheets/sheet1.xml" else zin.read(item.filename))
    tmp.replace(path)
    return path


_NS = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


@pytest.mark.parametrize("xml, message", [
    (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><worksheet ' + _NS + b'><sheetData/></worksheet>',
     "xl/worksheets/sheet1.xml has a DOCTYPE declaration, which no spreadsheet program writes; not read; save the "
     "file as .xlsx"),
    (b'<worksheet ' + _NS + b'><sheetData><row r="1"><c r="A1"></row></sheetData></worksheet>',
     "xl/worksheets/sheet1.xml is malformed at line 1, column 111 (the file may be damaged); open it in Excel or "
     "WPS and save it as .xlsx"),
    (b'<worksheet ' + _NS + b'><dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is>'
     b'<t>\xe7\xbc\x96\xe5\x8f\xb7</t></is></c></row><row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is>'
     b'</c></row></sheetData></worksheet>',
     "sheet '台账' holds values beyond row 10000, the limit of a 台账; delete what is below"),
    (b'<worksheet ' + _NS + b'><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>' + b"x" * 40_000
     + b'</t></is></c></row></sheetData></worksheet>',
     "cell 台账!A1 is longer than 32767 characters; shorten it"),
])
def test_hostile_sheet_xml_is_refused_as_the_files_problem(cli, tiny, tmp_path, xml, message):
    path = _xlsx_with_sheet(tmp_path / "x.xlsx", xml)
    r = _import(cli, tiny, tmp_path / "progress.yaml", str(path))
    assert (r.code, r.err.splitlines()) == (2, [f"plancli: {path}: {message}",
                                                "plancli: error: 1 file(s) cannot be read as a 台账; nothing was imported"])


def test_a_zip_bomb_stops_at_the_unpacked_limit(cli, tiny, tmp_path, monkeypatch):
    from plancli.ledger import workbooks

    monkeypatch.setitem(workbooks.LIMITS, "unpacked_mb", 1)
    empty_rows = b"<row/>" * 400_000
    path = _xlsx_with_sheet(tmp_path / "bomb.xlsx", b'<worksheet ' + _NS + b'><sheetData>' + empty_rows
                            + b'</sheetData></worksheet>')
    assert path.stat().st_size < 200_000  # small on disk, megabytes unpacked
    r = _import(cli, tiny, tmp_path / "progress.yaml", str(path))
    assert r.code == 2 and r.err.splitlines()[0] == (
        f"plancli: {path}: the workbook unpacks to more than 1 MB (a zip bomb, or damaged); save it as .xlsx")


def test_an_ods_repeating_a_filled_row_a_million_times_is_refused(cli, tiny, tmp_path):
    path = _ods(tmp_path / "r.ods", [["编号", "完成情况"]],
                extra='<table:table table:name="b"><table:table-row table:number-rows-repeated="1000000">'
                      '<table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell>'
                      '</table:table-row></table:table>')
    r = _import(cli, tiny, tmp_path / "progress.yaml", str(path))
    assert r.code == 2 and r.err.splitlines()[0] == (
        f"plancli: {path}: sheet 'b' holds values beyond row 10000, the limit of a 台账; delete what is below")


def test_utf16_and_bom_sniffing_do_not_guess_binary_as_text(tmp_path):
    from plancli.ledger.workbooks import read_book

    p = tmp_path / "t.txt"
    p.write_bytes(codecs.BOM_UTF16_LE + "编号\t完成情况\r\ntest-004\t已完成\r\n".encode("utf-16-le"))
    (sheet,) = read_book(p).sheets
    assert sheet.cells[(2, 2)].value == "已完成"


def test_docs_list_every_refusal_of_an_import():
    """docs/roundtrip.md names every code import can refuse a file or row with (and its notices)."""
    from plancli.words import catalogue

    doc = (Path(__file__).resolve().parents[1] / "docs" / "roundtrip.md").read_text(encoding="utf-8")
    codes = [c for c in catalogue() if c.startswith(("import.", "evidence.")) and not c.startswith(
        ("import.action.", "import.summary")) and c not in ("import.to", "evidence.bad_limit", "evidence.no_file")]
    assert [c for c in codes if f"`{c}`" not in doc] == []
