"""Two monthly cycles of an office, replayed (issue 24): what the 通报 tells the director must hold up.

The office keeps the shipped registry (鲁政发〔2024〕5号) in a git repository with a 31-day reporting
cycle. Three units work in clones of it: 省科技厅, 省发展改革委 and 省大数据局. Each cycle the office
exports the per-unit workbooks, the units fill them in with a spreadsheet program (openpyxl here),
import them and commit; the office merges the clones in both orders and publishes the bulletin.

October: 省工业和信息化厅 (co-lead of cyst-013 with 发改委) sends a workbook whose cyst-013 row holds a
figure meant for another row (14万辆, the same date as 发改委's 58.6万辆); the office and 发改委 both
withdraw that record by its id, each in its own clone. 省大数据局 returns its workbook with all but
two rows blank. 省海洋局, co-lead of 发改委's nuclear, wind and solar targets, never reports.
November: 省科技厅 returns its workbook with every row blank; 省大数据局 sends nothing; the office
imports 工信厅's October workbook again by mistake.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest

from plancli.ledger.storage import load_ledger

# the clones and the workbooks as the other round-trip tests make them: git without the user's
# config, cells typed into a unit's workbook by heading
from .test_roundtrip import _fill
from .test_team import _git

openpyxl = pytest.importorskip("openpyxl")
GIT = shutil.which("git")
pytestmark = pytest.mark.skipif(GIT is None, reason="needs git")

KJT, FGW, DSJ, GXT, HYJ = "省科技厅", "省发展改革委", "省大数据局", "省工业和信息化厅", "省海洋局"
UNITS = {"kjt": KJT, "fgw": FGW, "dsj": DSJ}
PEOPLE = {"origin": "督查办 李明", "kjt": "科技厅 王芳", "fgw": "发改委 赵强", "dsj": "大数据局 陈静"}
HEADER_ROW = 3
LONG_PROBLEM = ("部分部门事项清单梳理滞后，跨部门数据共享接口尚未全部打通，省政府办公厅牵头的联审机制尚未建立，"
                "需协调各部门于11月底前完成事项梳理和接口联调")
WIND_PROBLEM = "部分海上风电项目受用海审批影响并网推迟，预计12月中旬集中并网"
NEXT_STEPS = "提请省政府办公厅召开联审会议，11月底前完成指引定稿"


def _ids(path: Path) -> list[str]:
    ws = openpyxl.load_workbook(path).active
    return [ws.cell(r, 1).value for r in range(HEADER_ROW + 1, ws.max_row + 1)]


class Office:
    """The replay's cast: run a command in a clone on a given day; clone, commit, merge."""

    def __init__(self, cli, tmp: Path, monkeypatch):
        self.cli, self.tmp, self.mp = cli, tmp, monkeypatch

    def run(self, where: str, today: str, *args: str, ok: bool = True):
        self.mp.chdir(self.tmp / where)
        self.mp.setenv("PLANCLI_TODAY", today)
        r = self.cli(*args)
        if ok:
            assert r.code == 0, (args, r.err)
        return r

    def json(self, where: str, today: str, *args: str):
        return json.loads(self.run(where, today, *args, "--format", "json").out)

    def clone(self, source: str, name: str) -> None:
        _git(self.tmp, "clone", "-q", str(self.tmp / source), name)
        _git(self.tmp / name, "config", "user.name", PEOPLE.get(name, name))

    def commit(self, where: str, message: str) -> None:
        _git(self.tmp / where, "add", "-A")
        _git(self.tmp / where, "commit", "-qm", message)

    def merge(self, name: str, base: str, *others: str) -> None:
        """``name``: a clone of ``base`` that pulled ``others`` in that order."""
        self.clone(base, name)
        for o in others:
            _git(self.tmp / name, "pull", "-q", "--no-rebase", "--no-edit", str(self.tmp / o), "main")
        assert "<<<<<<<" not in (self.tmp / name / "progress.yaml").read_text(encoding="utf-8")


def _statuses(office: Office, where: str, today: str) -> dict:
    rows = office.json(where, today, "list", "--as-of", today)
    return {r["id"]: (r["status"], r["record_status"], r["light"]) for r in rows if r["record_status"]}


def _assert_named_fairly(b: dict) -> None:
    """No unit named out of a tie; no unit named first that did not report; none named last without
    something to put right; the HTML colours exactly the named ones (checked by the caller)."""
    rank_of = {r["unit"]: r["rank"] for r in b["rows"]}
    by_unit = {r["unit"]: r for r in b["rows"]}
    for side in ("best", "worst"):
        for u in b["named"][side]:
            tied = {x for x, k in rank_of.items() if k == rank_of[u]}
            assert tied <= set(b["named"][side]), (side, u, tied)
            assert by_unit[u]["named"] == side
    for u in b["named"]["best"]:
        assert by_unit[u]["submitted_on"] is not None
    for u in b["named"]["worst"]:
        r = by_unit[u]
        assert r["red"] or r["yellow"] or r["on_time"] is False
    assert len(b["named"]["best"]) <= 3 and len(b["named"]["worst"]) <= 3
    assert {r["unit"] for r in b["rows"] if r["named"]} == {*b["named"]["best"], *b["named"]["worst"]}


def test_two_monthly_cycles_of_three_units_in_git_clones(cli, tmp_path, monkeypatch):
    office = Office(cli, tmp_path, monkeypatch)
    origin = tmp_path / "origin"
    assert cli("init", str(origin), "--no-git").code == 0
    index = origin / "registry.yaml"
    index.write_text(index.read_text(encoding="utf-8") + "lights:\n  report_every_days: 31\n", encoding="utf-8")
    _git(tmp_path, "init", "-q", "-b", "main", str(origin))
    _git(origin, "config", "user.name", PEOPLE["origin"])
    office.commit("origin", "registry")

    # ------------------------------------------------------------------ October: export, fill, import
    out1 = tmp_path / "mail-oct"
    office.run("origin", "2024-10-20", "export", "--format", "xlsx", "--per-unit", "--as-of", "2024-10-20", "--lang", "zh",
               *(x for u in (KJT, FGW, DSJ, GXT) for x in ("--unit", u)), "-o", str(out1))
    when = datetime(2024, 10, 20)
    wrong = _fill(out1 / f"{GXT}.xlsx", {"cyst-013": {"实际值": "14", "数据截至日期": when, "进展情况": "产量统计"}},
                  tmp_path / "工信厅-10月.xlsx")  # 14万辆 typed into the wrong row
    office.run("origin", "2024-10-24", "import", str(wrong))
    office.commit("origin", "10月 工信厅台账")
    for name in UNITS:
        office.clone("origin", name)
    filled = {
        "kjt": {"kjyf-001@2024": {"完成情况": "进行中", "实际值": "9.8%", "数据截至日期": datetime(2024, 9, 30),
                                  "进展情况": "前三季度全省研发经费投入同比增长9.8%"}},
        "fgw": {"cyst-013": {"实际值": "58.6", "数据截至日期": when, "进展情况": "1—10月新能源整车产量58.6万辆"},
                "xny-001": {"实际值": "0.7", "数据截至日期": when, "进展情况": "新能源装机稳步增长",
                            "存在问题": WIND_PROBLEM}},
        "dsj": {"szbg-011": {"实际值": "92%", "数据截至日期": when, "进展情况": "上半年智慧社区覆盖率92%"},
                "yshj-010": {"完成情况": "进行中", "数据截至日期": when, "进展情况": "工作指引初稿已完成",
                             "存在问题": LONG_PROBLEM, "下一步措施": NEXT_STEPS}},
    }
    for name, unit in UNITS.items():
        book = _fill(out1 / f"{unit}.xlsx", filled[name], tmp_path / f"{name}-10月.xlsx")
        r = office.run(name, "2024-10-25", "import", str(book), "--lang", "en")
        n = len(filled[name])
        assert f"{unit} sent back {book.name} ({n} rows filled): reported on 2024-10-25" in r.err
        office.commit(name, f"{unit} 10月台账")

    for name, order in (("oct-a", ("kjt", "fgw", "dsj")), ("oct-b", ("dsj", "fgw", "kjt"))):
        office.merge(name, "origin", *order)
        r = office.run(name, "2024-11-03", "validate", "--strict")
        assert r.code == 0, r.out
    oct_args = ("bulletin", "--month", "2024-10", "--as-of", "2024-11-03", "--lang", "zh")
    b1 = [office.json(name, "2024-11-03", *oct_args) for name in ("oct-a", "oct-b")]
    assert b1[0]["rows"] == b1[1]["rows"] and b1[0]["flagged"] == b1[1]["flagged"]  # either merge order
    b = b1[0]
    rows = {r["unit"]: r for r in b["rows"]}
    # reporting is the units' act: four units sent workbooks, each dated the day it was imported
    assert {u: rows[u]["submitted_on"] for u in (KJT, FGW, DSJ, GXT)} == {
        KJT: "2024-10-25", FGW: "2024-10-25", DSJ: "2024-10-25", GXT: "2024-10-24"}
    assert all(rows[u]["on_time"] for u in (KJT, FGW, DSJ, GXT))
    # the rows they left blank, as the workbook allows, are reported: no item of theirs is stale
    assert all(rows[u]["stale"] == 0 for u in (KJT, FGW, DSJ))
    # 省海洋局 co-leads 发改委's targets and reported nothing: it is neither on time nor named first
    assert (rows[HYJ]["submitted_on"], rows[HYJ]["on_time"], rows[HYJ]["named"]) == (None, False, None)
    assert min(rows[u]["rank"] for u in (KJT, FGW, DSJ, GXT)) < rows[HYJ]["rank"]
    _assert_named_fairly(b)
    # no target closed by a figure before its deadline
    assert b["totals"]["completed"] == 0
    st = _statuses(office, "oct-a", "2024-11-03")
    for item in ("kjyf-001", "cyst-013", "szbg-011"):
        assert st[item][0] == "in_progress", (item, st[item])

    # ------------------------------------------------------------------ a wrong record withdrawn by its id
    shown = office.json("oct-a", "2024-11-03", "show", "cyst-013")[0]
    same_day = [r for r in shown["records"] if r["effective"] == "2024-10-20"]
    assert [(r["actual"], r["source"], r["unit"], r["entered_by"]) for r in same_day] == [
        (140000.0, f"台账 {wrong.name}", GXT, PEOPLE["origin"]),
        (586000.0, "台账 fgw-10月.xlsx", FGW, PEOPLE["fgw"])]
    bad = same_day[0]["rid"]
    r = office.run("oct-a", "2024-11-04", "record", "cyst-013", "--retract", "--rid", bad.rpartition("-")[2],
                   "--note", "工信厅误填，数字属其他事项", "--on", "2024-11-04", "--lang", "zh")
    assert f"已撤回 cyst-013 的记录 {bad}：进行中，日期 2024-10-20，实际值 14万辆，来源：台账 {wrong.name}" in r.err
    # 发改委 saw the same slip in its own clone and withdrew it too, by the same id
    _git(tmp_path / "fgw", "pull", "-q", "--no-rebase", "--no-edit", str(tmp_path / "origin"), "main")
    office.run("fgw", "2024-11-04", "record", "cyst-013", "--retract", "--rid", bad[:24], "--note", "非本事项数字",
               "--on", "2024-11-04")
    office.commit("oct-a", "撤回误填")
    office.commit("fgw", "撤回误填")
    twice = []
    for name, base, other in (("fix-a", "oct-a", "fgw"), ("fix-b", "fgw", "oct-a")):
        office.merge(name, base, other)
        r = office.run(name, "2024-11-04", "validate", "--strict")  # one retraction: a note, not a failure
        assert r.code == 0 and ": note: record " in r.out and "withdrawn twice" in r.out, r.out
        due = office.run(name, "2024-11-04", "due", "--plan", "cyst")
        assert "warning" not in due.err
        twice.append(_statuses(office, name, "2024-11-04")["cyst-013"])
    assert twice[0] == twice[1] == ("in_progress", "in_progress", "green")
    cyst = office.json("fix-a", "2024-11-04", "show", "cyst-013")[0]["occurrences"][0]
    assert (cyst["actual"], str(cyst["light_reason"])) == (586000.0, "figure meets the target, awaiting 销号")

    # ------------------------------------------------------------------ November
    out2 = tmp_path / "mail-nov"
    office.run("fix-a", "2024-11-20", "export", "--format", "xlsx", "--per-unit", "--as-of", "2024-11-20", "--lang", "zh",
               *(x for u in (KJT, FGW, DSJ) for x in ("--unit", u)), "-o", str(out2))
    # the items whose figure already reaches the target are still asked for: the year's figure is owed
    assert "kjyf-001@2024" in _ids(out2 / f"{KJT}.xlsx")
    assert "cyst-013" in _ids(out2 / f"{FGW}.xlsx")
    assert "szbg-011" in _ids(out2 / f"{DSJ}.xlsx")
    for name in ("kjt2", "fgw2"):
        office.clone("fix-a", name)
    blank = _fill(out2 / f"{KJT}.xlsx", {}, tmp_path / "kjt-11月.xlsx")  # nothing new: every row blank
    r = office.run("kjt2", "2024-11-25", "import", str(blank), "--lang", "en")
    assert f"{KJT} sent back kjt-11月.xlsx (0 rows filled): reported on 2024-11-25" in r.err
    office.commit("kjt2", "科技厅 11月台账")
    nov = _fill(out2 / f"{FGW}.xlsx", {
        "cyst-013": {"实际值": "59", "数据截至日期": datetime(2024, 11, 20), "进展情况": "1—11月产量59万辆"},
        "xny-001": {"实际值": "0.72", "数据截至日期": datetime(2024, 11, 20), "进展情况": "新增并网200万千瓦",
                    "存在问题": WIND_PROBLEM}}, tmp_path / "fgw-11月.xlsx")
    office.run("fgw2", "2024-11-25", "import", str(nov))
    # the office imports 工信厅's October workbook again by mistake: the withdrawn figure stays withdrawn
    again = office.run("fgw2", "2024-11-25", "import", str(wrong), "--format", "json")
    assert [(x["item"], x["action"]) for x in json.loads(again.out)] == [("cyst-013", "withdrawn")]
    assert f"{GXT}: this 报送 is already recorded" in again.err or "报送已记录过" in again.err
    office.commit("fgw2", "发改委 11月台账")
    for name, order in (("nov-a", ("kjt2", "fgw2")), ("nov-b", ("fgw2", "kjt2"))):
        office.merge(name, "fix-a", *order)
        assert office.run(name, "2024-12-02", "validate", "--strict").code == 0
    nov_args = ("bulletin", "--month", "2024-11", "--as-of", "2024-12-02", "--lang", "zh")
    b2 = [office.json(name, "2024-12-02", *nov_args) for name in ("nov-a", "nov-b")]
    assert b2[0]["rows"] == b2[1]["rows"] and b2[0]["flagged"] == b2[1]["flagged"]
    b = b2[0]
    rows = {r["unit"]: r for r in b["rows"]}
    led = load_ledger(tmp_path / "nov-a" / "progress.yaml")
    assert sum(r.status == "in_progress" and r.actual == 140000.0 for r in led) == 1  # never brought back
    # 科技厅 returned a blank workbook on time: reported, nothing stale; 大数据局 sent nothing in 36 days
    assert (rows[KJT]["submitted_on"], rows[KJT]["on_time"], rows[KJT]["stale"]) == ("2024-11-25", True, 0)
    assert (rows[DSJ]["submitted_on"], rows[DSJ]["on_time"]) == (None, False)
    assert (rows[GXT]["submitted_on"], rows[GXT]["on_time"]) == (None, False)  # the old file is not a new 报送
    assert rows[HYJ]["named"] is None and DSJ in b["not_on_time"] and KJT not in b["not_on_time"]
    _assert_named_fairly(b)
    assert b["named"]["best"] == [KJT, FGW]  # the two units that reported on time, each a rank of its own
    assert b["totals"]["completed"] == 0
    st = _statuses(office, "nov-a", "2024-12-02")
    assert [st[i][0] for i in ("kjyf-001", "cyst-013", "szbg-011")] == ["in_progress"] * 3
    # every red and yellow item, per unit, with its reason and the unit's own words
    flagged = {g["unit"]: {i["item"]: i for i in g["items"]} for g in b["flagged"]}
    red = flagged[DSJ]["yshj-010"]
    assert (red["light"], red["newly_red"], red["problems"], red["noted_on"]) == ("red", True, LONG_PROBLEM,
                                                                                  "2024-10-20")
    assert (red["progress"], red["next_steps"]) == ("工作指引初稿已完成", NEXT_STEPS)
    assert flagged["省政府办公厅"]["yshj-010"]["problems"] == LONG_PROBLEM  # the co-lead answers for it too
    yellow = flagged[FGW]["xny-001"]
    assert (yellow["light"], yellow["problems"], yellow["noted_on"]) == ("yellow", WIND_PROBLEM, "2024-11-20")

    md = office.run("nov-a", "2024-12-02", *nov_args[:-2], "--lang", "zh", "--format", "md").out
    assert f"存在问题：{LONG_PROBLEM}；下一步措施：{NEXT_STEPS}" in md and f"存在问题：{WIND_PROBLEM}" in md
    page = office.run("nov-a", "2024-12-02", *nov_args[:-2], "--lang", "zh", "--format", "html").out
    assert LONG_PROBLEM in page and "<details>" in page  # cut in the cell, whole one click away
    assert page.count('<tr class="top">') == 2 and "排名靠前的单位：省科技厅、省发展改革委。" in page
    report = office.run("nov-a", "2024-12-02", "report", "--as-of", "2024-11-30", "--lang", "zh").out
    assert LONG_PROBLEM in report and WIND_PROBLEM in report
    digest = office.json("nov-a", "2024-12-02", "weekly", "--as-of", "2024-11-05")
    newly = {r["item"]: r for r in digest["newly_red"]}
    assert newly["yshj-010"]["problems"] == LONG_PROBLEM

    # ------------------------------------------------------------------ scoped to the units asked for
    two = office.json("nov-a", "2024-12-02", *nov_args, "--unit", KJT, "--unit", DSJ)
    assert [r["unit"] for r in two["rows"]] == [KJT, DSJ] and [r["rank"] for r in two["rows"]] == [1, 2]
    assert two["totals"]["units"] == 2
    assert two["totals"]["items"] == rows[KJT]["items"] + rows[DSJ]["items"]  # they lead no item together
    assert {g["unit"] for g in two["flagged"]} <= {KJT, DSJ}
    stats = office.json("nov-a", "2024-12-02", "stats", "--by", "unit", "--unit", KJT, "--as-of", "2024-11-30")
    assert [(s["name"], s["total"]) for s in stats] == [(KJT, rows[KJT]["items"])]
    support = office.json("nov-a", "2024-12-02", *nov_args, "--unit", HYJ, "--role", "support")
    assert [r["unit"] for r in support["rows"]] == [HYJ] and support["role"] == "support"

    # ------------------------------------------------------------------ what the director reads
    _screenshot(office, tmp_path, nov_args)


def _screenshot(office: Office, tmp_path: Path, nov_args: tuple) -> None:
    """The November 通报 of six of the units, in headless Chromium: docs/bulletin.png (skipped without
    a browser; the same picture every run: the generation time is fixed)."""
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        return
    page = tmp_path / "bulletin.html"
    units = [x for u in (KJT, FGW, DSJ, GXT, HYJ, "省政府办公厅") for x in ("--unit", u)]
    office.mp.setenv("SOURCE_DATE_EPOCH", "1733100000")
    office.run("nov-a", "2024-12-02", *nov_args, *units, "--format", "html", "-o", str(page))
    text = page.read_text(encoding="utf-8")
    assert "排名靠前的单位：省科技厅、省发展改革委。排名靠后的单位：省大数据局、省政府办公厅。" in text
    shot = tmp_path / "bulletin.png"
    subprocess.run([exe, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                    "--disable-extensions", f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1200,1600",
                    f"--screenshot={shot}", page.as_uri()], capture_output=True, timeout=180, check=False)
    assert shot.exists() and shot.stat().st_size > 100_000  # a blank page compresses to a few KB
    shutil.copyfile(shot, Path(__file__).resolve().parents[1] / "docs" / "bulletin.png")

