"""审核: with `review: required` a done/met record is a claim (报结) the office accepts (销号) or returns (退办).

Every test runs the command line on a tiny registry index it writes itself (the tiny document of
conftest, `review: required` in the index), on the dates of PLANCLI_TODAY.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from plancli.ledger.storage import load_ledger

from .test_team import _git

GIT = shutil.which("git")


def _index(tiny: Path, *extra: str) -> Path:
    """A registry index over the tiny document, with ``extra`` lines (``review: required`` …)."""
    p = tiny.parent / "registry.yaml"
    p.write_text("documents:\n  - targets.yaml\n" + "".join(f"{x}\n" for x in extra), encoding="utf-8")
    return p


@pytest.fixture
def reviewed(tiny):
    return _index(tiny, "review: required")


def _run(cli, reg: Path, *args: str, today: str = "2024-10-20"):
    return cli(*args, "--registry", str(reg), env={"PLANCLI_TODAY": today})


def _rows(cli, reg: Path, command: str = "due", today: str = "2024-10-20", *args: str) -> dict:
    r = _run(cli, reg, command, "--format", "json", *args, today=today)
    assert r.code == 0, r.err
    return {x["item"]: x for x in json.loads(r.out)}


# --------------------------------------------------------------------------- the loop


def test_a_met_record_is_a_claim_that_stays_open_until_accepted(cli, reviewed):
    assert _run(cli, reviewed, "record", "test-001", "--status", "met", "--actual", "3.6万家", "--on", "2024-10-01",
                "--evidence", "省科技厅认定文件").code == 0
    row = _rows(cli, reviewed)["test-001"]  # still in `due`
    assert (row["status"], row["record_status"], row["review"], row["review_note"]) == (
        "in_progress", "met", "pending", None)
    assert (row["light"], str(row["light_reason"])) == ("green", "claimed done, awaiting review (19 days)")
    listed = json.loads(_run(cli, reviewed, "review", "--format", "json").out)
    assert [(c["item"], c["claimed_on"], c["figure"], c["evidence"], c["waiting_days"], c["in_time"])
            for c in listed] == [("test-001", "2024-10-01", "3.6 万家", "省科技厅认定文件", 19, True)]
    r = _run(cli, reviewed, "review", "accept", "test-001", "--note", "佐证齐全", "--by", "王科长")
    assert r.code == 0 and "accepted test-001 (claimed met on 2024-10-01, actual 3.6 万家): 2024-10-20, by 王科长" in r.err
    assert "test-001" not in _rows(cli, reviewed)  # closed: no longer due
    row = _rows(cli, reviewed, "list")["test-001"]
    assert (row["status"], row["review"], row["review_note"], row["late"]) == ("met", "accepted", "佐证齐全", False)
    assert json.loads(_run(cli, reviewed, "review", "--format", "json").out) == []
    decision = load_ledger(reviewed.parent / "progress.yaml")[-1]
    assert (decision.status, decision.entered_by, decision.on.isoformat(), decision.reviews) == (
        "accepted", "王科长", "2024-10-20", load_ledger(reviewed.parent / "progress.yaml")[0].rid)
    assert decision.recorded_at  # the time it was entered is kept


def test_return_reopens_with_the_reason_shown_to_the_unit(cli, reviewed, tmp_path):
    assert _run(cli, reviewed, "record", "test-004", "--status", "done", "--on", "2024-10-10").code == 0
    r = _run(cli, reviewed, "review", "return", "test-004", "--reason", "佐证材料不全，请补充验收报告", "--by", "李四",
             "--lang", "zh")
    assert r.code == 0 and r.err.startswith("已退办 test-004（2024-10-10 报结“已完成”）：2024-10-20，李四；佐证材料不全")
    row = _rows(cli, reviewed)["test-004"]
    assert (row["status"], row["review"], row["review_note"]) == ("in_progress", "returned", "佐证材料不全，请补充验收报告")
    assert str(row["light_reason"]).startswith("returned by review: 佐证材料不全，请补充验收报告")
    # show: the trail and the reason
    shown = _run(cli, reviewed, "show", "test-004", "--format", "plain", "--lang", "zh").out
    assert "审核      test-004：已退办（2024-10-20，李四）：佐证材料不全，请补充验收报告" in shown
    assert "2024-10-20 test-004 退办 审核人：李四 理由：佐证材料不全，请补充验收报告" in shown
    # the unit's next workbook: the row is there, with the reason, and what to do about it
    out = tmp_path / "tz"
    assert _run(cli, reviewed, "export", "--format", "xlsx", "--per-unit", "-o", str(out), "--lang", "zh").code == 0
    ws = load_workbook(out / "省科技厅.xlsx").active
    heads = [c.value for c in ws[3]]
    col = heads.index("审核情况")
    cells = {row[0].value: row[col].value for row in ws.iter_rows(min_row=4)}
    assert cells["test-004"] == "已退办：佐证材料不全，请补充验收报告"
    assert "按审核意见整改后重新填报" in ws["A2"].value
    # the export workbook the office keeps: two more columns, the state and the reason
    book = tmp_path / "all.xlsx"
    assert _run(cli, reviewed, "export", "--format", "xlsx", "-o", str(book), "--lang", "zh").code == 0
    sheet = load_workbook(book).active
    heads = [c.value for c in sheet[1]]
    assert heads[-2:] == ["审核", "审核意见"]
    assert {r[0]: r[-2:] for r in sheet.iter_rows(min_row=2, values_only=True)}["test-004"] == (
        "已退办", "佐证材料不全，请补充验收报告")
    # the digest: counted per unit, listed with the reason
    digest = json.loads(_run(cli, reviewed, "weekly", "--format", "json").out)
    assert [(r["item"], r["review_note"]) for r in digest["returned"]] == [("test-004", "佐证材料不全，请补充验收报告")]
    assert digest["totals"]["returned"] == 1 and digest["totals"]["pending"] == 0
    md = _run(cli, reviewed, "weekly", "--format", "md", "--lang", "zh").out
    assert "## 审核退办、待整改的事项（1 项）" in md and "佐证材料不全，请补充验收报告" in md


def test_the_whole_trail_claim_return_claim_accept(cli, reviewed):
    ledger = reviewed.parent / "progress.yaml"
    steps = [("2024-10-25", "record", "test-004", "--status", "done", "--on", "2024-10-25"),
             ("2024-10-28", "review", "return", "test-004", "--reason", "未见验收报告", "--by", "李四"),
             ("2024-11-03", "record", "test-004", "--status", "done", "--on", "2024-11-02", "--evidence", "省科技厅验收报告 第3号"),
             ("2024-11-05", "review", "accept", "test-004", "--by", "王科长")]
    for today, *args in steps:
        assert _run(cli, reviewed, *args, today=today).code == 0, args
    row = _rows(cli, reviewed, "list", "2024-11-05")["test-004"]
    # closed on the second claim's date (2024-11-02), two days after the deadline: the returned claim
    # of 10-25 does not count as closing
    assert (row["status"], row["review"], row["late"], row["days_late"]) == ("done", "accepted", True, 2)
    shown = _run(cli, reviewed, "show", "test-004", "--format", "plain", today="2024-11-05").out
    trail = [ln.split(None, 1)[1] for ln in shown.splitlines() if ln.startswith("record")]
    assert [t.split(" (recorded")[0] for t in trail] == [
        "2024-10-25 test-004 done (claim)",
        "2024-10-28 test-004 returned by 李四 reason: 未见验收报告",
        "2024-11-02 test-004 done (claim) evidence: 省科技厅验收报告 第3号",
        "2024-11-05 test-004 accepted by 王科长"]
    assert "review     test-004: accepted (2024-11-05, by 王科长)" in shown
    assert len(load_ledger(ledger)) == 4
    # as of a date inside the loop, the state of then
    assert _rows(cli, reviewed, "list", "2024-10-30")["test-004"]["review"] == "returned"
    assert _rows(cli, reviewed, "list", "2024-11-03")["test-004"]["review"] == "pending"


def test_a_claim_made_in_time_is_not_overdue_while_the_office_decides_but_a_late_one_is(cli, reviewed):
    assert _run(cli, reviewed, "record", "test-004", "--status", "done", "--on", "2024-10-30",
                today="2024-10-30").code == 0
    assert _run(cli, reviewed, "record", "test-003@2024", "--status", "met", "--actual", "21", "--on", "2025-01-10",
                today="2025-01-10").code == 0
    rows = _rows(cli, reviewed, "due", "2025-01-15")
    in_time, late = rows["test-004"], rows["test-003@2024"]
    assert (in_time["status"], in_time["light"], str(in_time["light_reason"])) == (
        "in_progress", "green", "claimed done, awaiting review (77 days)")
    assert (late["status"], late["light"], str(late["light_reason"])) == (
        "overdue", "red", "overdue by 15 days; claimed done, awaiting review (5 days)")
    assert "test-004" not in _rows(cli, reviewed, "overdue", "2025-01-15")
    # accepted, the late claim is closed late from its own date, not the decision's
    assert _run(cli, reviewed, "review", "accept", "test-003@2024", "--by", "x", today="2025-01-20").code == 0
    occ = {o["item"]: o for o in json.loads(_run(cli, reviewed, "show", "test-003", "--format", "json",
                                                 today="2025-01-20").out)[0]["occurrences"]}
    assert (occ["test-003@2024"]["status"], occ["test-003@2024"]["days_late"]) == ("met", 10)


def test_a_figure_that_meets_the_target_is_no_claim_until_claimed(cli, reviewed):
    assert _run(cli, reviewed, "record", "test-001", "--status", "in_progress", "--actual", "3.6万家",
                "--on", "2024-10-01").code == 0
    row = _rows(cli, reviewed)["test-001"]
    assert (row["status"], row["met"], row["review"]) == ("in_progress", True, None)
    assert "not yet claimed done" in str(row["light_reason"])
    assert json.loads(_run(cli, reviewed, "review", "--format", "json").out) == []


def test_a_decision_is_withdrawn_like_any_record(cli, reviewed):
    assert _run(cli, reviewed, "record", "test-001", "--status", "met", "--actual", "3.6万家", "--on", "2024-10-01").code == 0
    assert _run(cli, reviewed, "review", "accept", "test-001", "--by", "x").code == 0
    assert _rows(cli, reviewed, "list")["test-001"]["review"] == "accepted"
    r = _run(cli, reviewed, "record", "test-001", "--retract", "--note", "误点销号")
    assert r.code == 0 and "retracted test-001 record " in r.err and ": accepted on 2024-10-20 (误点销号)" in r.err
    assert _rows(cli, reviewed)["test-001"]["review"] == "pending"
    assert _run(cli, reviewed, "review", "return", "test-001", "--reason", "数字待核实", "--by", "x").code == 0
    assert _rows(cli, reviewed)["test-001"]["review"] == "returned"


@pytest.mark.parametrize(("setup", "args", "message"), [
    ((), ("review", "accept", "test-001"), "test-001 has no claim awaiting review"),
    ((("record", "test-001", "--status", "met", "--actual", "3.6万家", "--on", "2024-10-01"),),
     ("review", "return", "test-001"), "return needs --reason"),
    ((("record", "test-001", "--status", "met", "--actual", "3.6万家", "--on", "2024-10-01"),),
     ("review", "accept", "test-001", "--on", "2024-09-30"), "--on 2024-09-30 is before the claim (2024-10-01)"),
    ((("record", "test-001", "--status", "met", "--actual", "3.6万家", "--on", "2024-10-01"),),
     ("review", "accept", "test-001", "--on", "2024-10-21"), "--on 2024-10-21 is in the future (today is 2024-10-20)"),
    ((("record", "test-001", "--status", "met", "--actual", "3.6万家", "--on", "2024-10-01"),
      ("review", "accept", "test-001", "--by", "甲")),
     ("review", "return", "test-001", "--reason", "再看看"),
     "the claim of test-001 was decided on 2024-10-20 by 甲 (accepted); to change the decision, withdraw it first"),
    ((), ("review", "accept", "test-999"), "test-999"),
    ((), ("review", "accept", "test-003"), "test-003 recurs"),
])
def test_decisions_that_cannot_be_taken_are_refused_in_one_line(cli, reviewed, setup, args, message):
    for step in setup:
        assert _run(cli, reviewed, *step).code == 0
    before = (reviewed.parent / "progress.yaml").read_bytes() if (reviewed.parent / "progress.yaml").exists() else b""
    r = _run(cli, reviewed, *args)
    assert r.code == 2 and r.err.count("\n") == 1 and message in r.err and "Traceback" not in r.err, r.err
    after = (reviewed.parent / "progress.yaml").read_bytes() if (reviewed.parent / "progress.yaml").exists() else b""
    assert after == before  # nothing written


def test_review_off_changes_nothing_and_says_so(cli, tiny):
    plain = _index(tiny)
    assert _run(cli, plain, "record", "test-001", "--status", "met", "--actual", "3.6万家", "--on", "2024-10-01").code == 0
    rows = _rows(cli, plain, "list")
    assert rows["test-001"]["status"] == "met" and "review" not in rows["test-001"]  # no new keys
    r = _run(cli, plain, "review")
    assert r.code == 0 and r.out == "" and "does not ask for review" in r.err
    r = _run(cli, plain, "review", "accept", "test-001")
    assert r.code == 2 and "this registry does not ask for review: set review: required in" in r.err
    stats = json.loads(_run(cli, plain, "stats", "--by", "unit", "--format", "json").out)
    assert "pending" not in stats[0]


def test_the_review_list_is_oldest_first_and_filtered_by_unit(cli, reviewed):
    for item, on, extra in (("test-004", "2024-10-12", ()), ("test-001", "2024-10-02", ("--actual", "3.6万家")),
                            ("test-003@2024", "2024-10-05", ("--actual", "20"))):
        assert _run(cli, reviewed, "record", item, "--status", "met" if extra else "done", "--on", on, *extra).code == 0
    listed = json.loads(_run(cli, reviewed, "review", "--format", "json").out)
    assert [c["item"] for c in listed] == ["test-001", "test-003@2024", "test-004"]
    assert json.loads(_run(cli, reviewed, "review", "--unit", "省工信厅", "--format", "json").out) == []
    zh = _run(cli, reviewed, "review", "--format", "plain", "--lang", "zh").out.splitlines()
    assert zh[0].split() == ["编号", "牵头单位", "报结情况", "报结日期", "已等待天数", "录入人", "佐证材料"]
    assert zh[2].split()[:5] == ["test-001", "省科技厅", "3.6", "万家", "2024-10-02"]


def test_counts_per_unit_in_stats_bulletin_and_report(cli, reviewed):
    assert _run(cli, reviewed, "record", "test-001", "--status", "met", "--actual", "3.6万家", "--on", "2024-10-01").code == 0
    assert _run(cli, reviewed, "record", "test-004", "--status", "done", "--on", "2024-10-02").code == 0
    assert _run(cli, reviewed, "review", "return", "test-004", "--reason", "不全", "--by", "x").code == 0
    stats = {r["name"]: r for r in json.loads(_run(cli, reviewed, "stats", "--by", "unit", "--format", "json").out)}
    assert (stats["省科技厅"]["pending"], stats["省科技厅"]["returned"]) == (1, 1)
    b = json.loads(_run(cli, reviewed, "bulletin", "--since", "2024-10-01", "--until", "2024-10-20", "--format", "json").out)
    row = next(r for r in b["rows"] if r["unit"] == "省科技厅")
    assert (row["pending"], row["returned"], b["totals"]["pending"], b["totals"]["returned"]) == (1, 1, 1, 1)
    md = _run(cli, reviewed, "bulletin", "--since", "2024-10-01", "--until", "2024-10-20", "--format", "md",
              "--lang", "zh").out
    assert "| 待审核 | 已退办 |" in md and "已报结待审核事项 1 项，审核退办待整改事项 1 项" in md
    rep = json.loads(_run(cli, reviewed, "report", "--format", "json").out)
    assert rep["review"] == {"pending": 1, "returned": 1}
    assert rep["review_by_lead"] == [{"unit": "省科技厅", "pending": 1, "returned": 1}]
    html = _run(cli, reviewed, "report", "--format", "html", "--lang", "zh").out
    assert "审核情况" in html and 'title="不全"' in html


def _fill(book: Path, item: str, cells: dict) -> None:
    """Fill the cells of one item's row of a unit's workbook, by heading, as the unit would."""
    wb = load_workbook(book)
    ws = wb.active
    heads = [c.value for c in ws[3]]
    for row in ws.iter_rows(min_row=4):
        if row[0].value == item:
            for head, value in cells.items():
                row[heads.index(head)].value = value
    wb.save(book)


def test_the_workbook_round_trip_makes_a_claim(cli, reviewed, tmp_path):
    """A unit fills 已达标 in its workbook; the import is a claim; the office accepts it."""
    out = tmp_path / "tz"
    assert _run(cli, reviewed, "export", "--format", "xlsx", "--per-unit", "-o", str(out), "--lang", "zh").code == 0
    _fill(out / "省科技厅.xlsx", "test-001", {"完成情况": "已达标", "实际值": "3.6", "数据截至日期": "2024-10-15"})
    r = _run(cli, reviewed, "import", str(out / "省科技厅.xlsx"))
    assert r.code == 0 and "1 of them claim done or met and await review (plancli review)" in r.err
    assert _rows(cli, reviewed)["test-001"]["review"] == "pending"
    # the next workbook still has the item, marked as awaiting review
    again = tmp_path / "tz2"
    assert _run(cli, reviewed, "export", "--format", "xlsx", "--per-unit", "-o", str(again), "--lang", "zh").code == 0
    ws = load_workbook(again / "省科技厅.xlsx").active
    col = [c.value for c in ws[3]].index("审核情况")
    assert {r[0].value: r[col].value for r in ws.iter_rows(min_row=4)}["test-001"] == "待审核"
    # sent back with the review's column filled in by plancli: read (and ignored), the new row recorded
    _fill(again / "省科技厅.xlsx", "test-004", {"完成情况": "进行中", "进展情况": "验收准备中", "数据截至日期": "2024-10-18"})
    r = _run(cli, reviewed, "import", str(again / "省科技厅.xlsx"))
    assert r.code == 0, r.err
    assert _rows(cli, reviewed)["test-004"]["record_status"] == "in_progress"
    assert _run(cli, reviewed, "review", "accept", "test-001", "--by", "x").code == 0
    assert "test-001" not in _rows(cli, reviewed)


# --------------------------------------------------------------------------- the ledger and the registry


def test_validate_names_decisions_that_decide_nothing_and_conflicting_ones(cli, reviewed):
    p = reviewed.parent / "progress.yaml"
    assert _run(cli, reviewed, "record", "test-001", "--status", "met", "--actual", "3.6万家", "--on", "2024-10-01").code == 0
    claim = load_ledger(p)[0].rid
    with p.open("a", encoding="utf-8") as fh:
        fh.write('  - {"rid": "d1", "id": "test-001", "status": "accepted", "on": "2024-10-02", "reviews": "nope"}\n')
        fh.write(f'  - {{"rid": "d2", "id": "test-001", "status": "accepted", "on": "2024-10-03", "reviews": "{claim}"}}\n')
        fh.write(f'  - {{"rid": "d3", "id": "test-001", "status": "returned", "on": "2024-10-04", "reviews": "{claim}", '
                 '"note": "x"}\n')
    r = _run(cli, reviewed, "validate")
    assert r.code == 1
    assert f"{p}:6: review decision on test-001 names record nope, which the ledger does not have" in r.out
    assert f"{p}:8: the claim {claim} of test-001 has two different decisions (accepted, returned)" in r.out
    # the later decision counts: returned
    assert _rows(cli, reviewed)["test-001"]["review"] == "returned"
    # a decision written by hand without the claim it decides is refused with its line
    p.write_text(p.read_text(encoding="utf-8") + '  - {"rid": "d4", "id": "test-001", "status": "accepted"}\n',
                 encoding="utf-8")
    r = _run(cli, reviewed, "due")
    assert r.code == 2 and f"{p}:9: record test-001: a review decision (accepted) needs reviews: RID" in r.err


@pytest.mark.parametrize(("lines", "message"), [
    (("review: maybe",), "registry.yaml:3: review must be one of required, off, not 'maybe'"),
    (("scoring:", "  bas: 90"), "registry.yaml:4: scoring: unknown key 'bas'; did you mean base?"),
    (("scoring:", "  praise: 1"), "registry.yaml:4: scoring: unknown key 'praise'; known: base, closed_on_time"),
    (("scoring:", "  missed: lots"), "registry.yaml:4: scoring.missed must be a number of points, not 'lots'"),
    (("scoring:", "  support_weight: -1"), "registry.yaml:4: scoring.support_weight is a weight and must not be negative"),
    (("scoring: 5",), "registry.yaml:3: scoring must be a mapping"),
])
def test_the_index_keys_are_checked_with_file_and_line(cli, tiny, lines, message):
    reg = _index(tiny, *lines)
    r = _run(cli, reg, "due")
    assert r.code == 2 and message in r.err, r.err
    r = _run(cli, reg, "validate")
    assert r.code in (1, 2) and message in r.out + r.err


# --------------------------------------------------------------------------- two clones


@pytest.mark.skipif(GIT is None, reason="needs git")
def test_two_clones_deciding_different_items_merge_to_the_same_statuses(cli, tmp_path, monkeypatch):
    """The office in two clones: 甲 accepts one claim, 乙 returns another; merged either way, the same."""
    monkeypatch.setenv("PLANCLI_TODAY", "2025-01-10")
    origin = tmp_path / "origin"
    assert cli("init", str(origin), "--no-git").code == 0
    index = origin / "registry.yaml"
    index.write_text(index.read_text(encoding="utf-8") + "review: required\n", encoding="utf-8")
    _git(tmp_path, "init", "-q", "-b", "main", str(origin))
    monkeypatch.chdir(origin)
    assert cli("record", "kjyf-002", "--status", "met", "--actual", "3.6万家", "--on", "2024-12-20").code == 0
    assert cli("record", "kjyf-004", "--status", "met", "--actual", "5.2万家", "--on", "2024-12-28").code == 0
    _git(origin, "add", "-A")
    _git(origin, "commit", "-qm", "claims")
    for name, who in (("jia", "甲"), ("yi", "乙")):
        _git(tmp_path, "clone", "-q", str(origin), name)
        _git(tmp_path / name, "config", "user.name", who)
    monkeypatch.chdir(tmp_path / "jia")
    assert cli("review", "accept", "kjyf-002", "--note", "佐证齐全").code == 0
    monkeypatch.chdir(tmp_path / "yi")
    assert cli("review", "return", "kjyf-004", "--reason", "数据口径与省统计局不一致").code == 0
    for name in ("jia", "yi"):
        _git(tmp_path / name, "commit", "-qam", name)
    seen = []
    for first, second in (("jia", "yi"), ("yi", "jia")):
        merged = tmp_path / f"{first}+{second}"
        _git(tmp_path, "clone", "-q", str(tmp_path / first), merged.name)
        _git(merged, "pull", "-q", "--no-rebase", "--no-edit", str(tmp_path / second), "main")
        monkeypatch.chdir(merged)
        assert cli("validate", "--strict").code == 0
        rows = json.loads(cli("list", "--plan", "kjyf", "--format", "json").out)
        seen.append({x["id"]: (x["status"], x["review"], x["review_note"]) for x in rows if x["review"]})
        decisions = {r.item: r.entered_by for r in load_ledger(merged / "progress.yaml") if r.reviews}
        assert decisions == {"kjyf-002": "甲", "kjyf-004": "乙"}  # who: git's user.name of each clone
    assert seen[0] == seen[1] == {"kjyf-002": ("met", "accepted", "佐证齐全"),
                                  "kjyf-004": ("overdue", "returned", "数据口径与省统计局不一致")}


def test_notify_tells_the_unit_what_was_returned_and_why(cli, reviewed):
    assert _run(cli, reviewed, "record", "test-004", "--status", "done", "--on", "2024-10-10").code == 0
    assert _run(cli, reviewed, "review", "return", "test-004", "--reason", "未见验收报告", "--by", "x").code == 0
    contacts = reviewed.parent / "contacts.yaml"
    contacts.write_text("units:\n  省科技厅:\n    wecom: {url_env: T29_HOOK}\n", encoding="utf-8")
    r = cli("notify", "--dry-run", "--contacts", str(contacts), "--registry", str(reviewed), "--lang", "zh",
            env={"PLANCLI_TODAY": "2024-10-20", "T29_HOOK": "http://127.0.0.1:9/hook"})
    assert r.code == 0, r.err
    content = json.loads(r.out[r.out.index("{"):r.out.rindex("}") + 1])["markdown"]["content"]
    assert "退回 1 项" in content and "test-004 平台迭代更新" in content and "未见验收报告" in content


def test_a_figure_from_the_deadline_on_closes_only_without_review(cli, tiny):
    """Closing is explicit (issue 24): without review the year's figure closes the item; with review
    only a claim accepted does (docs/review.md)."""
    for extra, status in (((), "met"), (("review: required",), "overdue")):
        reg = _index(tiny, *extra)
        (reg.parent / "progress.yaml").unlink(missing_ok=True)
        assert _run(cli, reg, "record", "test-001", "--status", "in_progress", "--actual", "3.6万家",
                    "--on", "2025-01-05", today="2025-01-06").code == 0
        row = _rows(cli, reg, "list", "2025-01-10")["test-001"]
        assert row["status"] == status, extra
    assert "figure meets the target, not yet claimed done" in str(row["light_reason"])


def test_a_decisions_reason_is_refused_with_a_control_character(cli, reviewed):
    """A 退办's reason goes into the unit's next workbook and the digest: like every text of a record,
    one carrying an escape sequence is refused by name and nothing is written."""
    assert _run(cli, reviewed, "record", "test-004", "--status", "done", "--on", "2024-10-10").code == 0
    before = (reviewed.parent / "progress.yaml").read_bytes()
    r = _run(cli, reviewed, "review", "return", "test-004", "--reason", "不全\x1b[2J", "--by", "李四", "--lang", "zh")
    assert r.code == 2 and "U+001B" in r.err and "\x1b" not in r.err
    assert (reviewed.parent / "progress.yaml").read_bytes() == before
