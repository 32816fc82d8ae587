"""考核: `plancli score` on a scripted year of records, every point checked by hand.

The tiny registry (conftest): test-001 (>3.5 万家, due 2024-12-31, lead 省科技厅), test-002 (>3.8 万家,
due 2025-12-31), test-003 (≈20 项 每年, lead 省科技厅, support 省大数据局), test-004 (a milestone due
2024-10-31, lead 省科技厅, support 省大数据局), test-005 (≤0.5, due 2025-12-31, lead 省工业和信息化厅).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook


def _index(tiny: Path, *extra: str) -> Path:
    p = tiny.parent / "registry.yaml"
    p.write_text("documents:\n  - targets.yaml\n" + "".join(f"{x}\n" for x in extra), encoding="utf-8")
    return p


def _run(cli, reg: Path, *args: str, today: str = "2025-01-15"):
    return cli(*args, "--registry", str(reg), env={"PLANCLI_TODAY": today})


def _script(cli, reg: Path) -> None:
    """A year of 2024 as an office lives it."""
    for today, *args in (
            ("2024-09-01", "record", "test-002", "--extend-to", "2026-06-30", "--note", "经省政府同意延期", "--on",
             "2024-09-01"),
            ("2024-11-05", "record", "test-004", "--status", "done", "--on", "2024-11-05"),
            ("2024-12-20", "record", "test-001", "--status", "met", "--actual", "3.6万家", "--on", "2024-12-20")):
        assert _run(cli, reg, *args, today=today).code == 0, args


def _score(cli, reg: Path, *args: str, today: str = "2025-01-15") -> dict:
    r = _run(cli, reg, "score", "--format", "json", *args, today=today)
    assert r.code == 0, r.err
    return json.loads(r.out)


def _events(s: dict, unit: str) -> list[tuple]:
    row = next(r for r in s["rows"] if r["unit"] == unit)
    return [(e["kind"], e["item"], e["role"], e["points"], e["weight"], e["value"]) for e in row["events"]]


def test_a_scripted_year_scores_by_the_default_rules(cli, tiny):
    reg = _index(tiny)
    _script(cli, reg)
    s = _score(cli, reg, "--year", "2024")
    # By hand (docs/review.md): 省科技厅 100 + 2 (test-001 on time) + 1 (test-004 five days late)
    # − 3 (test-003@2024 open at the year's end) − 0.5 (test-002's 延期) = 99.5; 省大数据局, supporting
    # test-003 and test-004 at half weight: 100 + 0.5 − 1.5 = 99; 省工业和信息化厅 has nothing due: 100.
    assert [(r["rank"], r["unit"], r["score"]) for r in s["rows"]] == [
        (1, "省工业和信息化厅", 100), (2, "省科技厅", 99.5), (3, "省大数据局", 99)]
    assert _events(s, "省科技厅") == [
        ("closed_on_time", "test-001", "lead", 2, 1, 2), ("closed_late", "test-004", "lead", 1, 1, 1),
        ("overdue_open", "test-003@2024", "lead", -3, 1, -3), ("extended", "test-002", "lead", -0.5, 1, -0.5)]
    assert _events(s, "省大数据局") == [("closed_late", "test-004", "support", 1, 0.5, 0.5),
                                     ("overdue_open", "test-003@2024", "support", -3, 0.5, -1.5)]
    late = next(e for e in s["events"] if e["item"] == "test-004" and e["role"] == "lead")
    assert (late["date"], late["deadline"], late["days"]) == ("2024-11-05", "2024-10-31", 5)
    row = next(r for r in s["rows"] if r["unit"] == "省科技厅")
    assert {k: row[k] for k in ("base", "items", "reports", "returns", "extensions", "closed_on_time", "closed_late",
                                "overdue_open", "extended")} == {
        "base": 100, "items": 0, "reports": 0, "returns": 0, "extensions": -0.5, "closed_on_time": 1,
        "closed_late": 1, "overdue_open": 1, "extended": 1}
    assert s["period"] == {"start": "2024-01-01", "end": "2024-12-31", "label": "2024"}
    assert s["rules"]["base"] == 100 and s["rules_set"] == []


def test_every_point_is_on_the_events_sheet(cli, tiny, tmp_path):
    reg = _index(tiny)
    _script(cli, reg)
    out = tmp_path / "考核.xlsx"
    assert _run(cli, reg, "score", "--year", "2024", "--format", "xlsx", "-o", str(out), "--lang", "zh").code == 0
    wb = load_workbook(out)
    assert wb.sheetnames == ["得分", "计分明细", "计分规则"]
    totals = wb["得分"]
    heads = [c.value for c in totals[1]]
    assert heads[:4] == ["名次", "单位", "得分", "基础分"]
    scores = {r[1]: (r[2], r[3]) for r in totals.iter_rows(min_row=2, values_only=True)}
    events = wb["计分明细"]
    eh = [c.value for c in events[1]]
    assert eh == ["单位", "身份", "计分项", "编号", "事项", "期限", "日期", "天数", "备注", "分值", "权重", "得分", "说明"]
    summed: dict[str, float] = {}
    for r in events.iter_rows(min_row=2, values_only=True):
        summed[r[0]] = summed.get(r[0], 0) + r[eh.index("得分")]
        assert r[eh.index("得分")] == r[eh.index("分值")] * r[eh.index("权重")]  # each point: rule × weight
    for unit, (score, base) in scores.items():  # the base plus a unit's points is its score
        assert base + summed.get(unit, 0) == score
    first = next(r for r in events.iter_rows(min_row=2, values_only=True) if r[3] == "test-004" and r[1] == "牵头")
    assert (first[2], first[eh.index("说明")]) == ("逾期办结", "2024-11-05 办结，逾期 5 天（期限 2024-10-31）")
    rules = {r[1]: r[2] for r in wb["计分规则"].iter_rows(min_row=2, values_only=True) if r[1]}
    assert rules["overdue_open"] == -3 and rules["support_weight"] == 0.5


def test_a_custom_rule_changes_the_points(cli, tiny):
    reg = _index(tiny, "scoring:", "  base: 80", "  closed_late: 0", "  overdue_open: -5", "  support_weight: 0",
                 "  extended: 0")
    _script(cli, reg)
    s = _score(cli, reg, "--year", "2024")
    # 省科技厅 80 + 2 + 0 − 5 + 0 = 77; 省大数据局 at weight 0 keeps its base; both others 80
    assert [(r["rank"], r["unit"], r["score"]) for r in s["rows"]] == [
        (1, "省大数据局", 80), (1, "省工业和信息化厅", 80), (3, "省科技厅", 77)]  # a tie shares a rank
    assert s["rules_set"] == ["base", "closed_late", "extended", "overdue_open", "support_weight"]
    md = _run(cli, reg, "score", "--year", "2024", "--format", "md", "--lang", "zh").out
    assert "以下规则中 base、closed_late、extended、overdue_open、support_weight 由登记册" in md
    assert "最高 80 分（省大数据局、省工业和信息化厅），最低 77 分（省科技厅）" in md


def test_with_review_only_accepted_claims_close_and_returns_cost(cli, tiny):
    reg = _index(tiny, "review: required")
    for today, *args in (
            ("2024-10-25", "record", "test-004", "--status", "done", "--on", "2024-10-25"),
            ("2024-10-28", "review", "return", "test-004", "--reason", "未见验收报告", "--by", "督查室"),
            ("2024-11-02", "record", "test-004", "--status", "done", "--on", "2024-11-02"),
            ("2024-11-04", "review", "accept", "test-004", "--by", "督查室"),
            ("2024-12-20", "record", "test-001", "--status", "met", "--actual", "3.6万家", "--on", "2024-12-20"),
            ("2024-12-30", "record", "test-003@2024", "--status", "met", "--actual", "21", "--on", "2024-12-30")):
        assert _run(cli, reg, *args, today=today).code == 0, args
    # test-001's claim of December is accepted in January: it counts for 2024, on time
    assert _run(cli, reg, "review", "accept", "test-001", "--by", "督查室", today="2025-01-08").code == 0
    s = _score(cli, reg, "--year", "2024")
    assert _events(s, "省科技厅") == [
        ("closed_on_time", "test-001", "lead", 2, 1, 2),
        ("closed_late", "test-004", "lead", 1, 1, 1),  # closed on the second claim's date, 2 days late
        ("pending_review", "test-003@2024", "lead", 0, 1, 0),  # not decided yet: listed, not scored
        ("returned", "test-004", "lead", -1, 1.0, -1)]
    returned = next(e for e in s["events"] if e["kind"] == "returned")
    assert (returned["date"], returned["note"]) == ("2024-10-28", "未见验收报告")
    assert next(r for r in s["rows"] if r["unit"] == "省科技厅")["score"] == 102


def test_reports_late_and_not_filed_by_the_reporting_cycle(cli, tiny):
    reg = _index(tiny, "lights:", "  report_every_days: 30")
    # windows from the document's period start (2024-01-01, the tiny document has no date):
    # 01-01..01-30, 01-31..02-29, 03-01..03-30; the next, 03-31..04-29, only takes late reports
    for on in ("2024-01-15", "2024-03-05"):
        assert _run(cli, reg, "record", "test-001", "--status", "in_progress", "--actual", "3万家", "--on", on,
                    today="2024-04-15").code == 0
    s = _score(cli, reg, "--since", "2024-01-01", "--until", "2024-03-31", today="2024-04-15")
    mine = [(e["kind"], e["note"], e["date"], e["days"], e["value"]) for e in s["events"] if e["unit"] == "省科技厅"]
    assert mine == [("report_late", "2024-01-31..2024-02-29", "2024-03-05", 5, -1)]
    other = [(e["kind"], e["deadline"]) for e in s["events"] if e["unit"] == "省工业和信息化厅"]
    assert other == [("report_missing", "2024-01-30"), ("report_missing", "2024-02-29"), ("report_missing", "2024-03-30")]
    assert not any(e["unit"] == "省大数据局" for e in s["events"])  # leads nothing: reports nothing
    zh = _run(cli, reg, "score", "--since", "2024-01-01", "--until", "2024-03-31", "--format", "md", "--lang", "zh",
              today="2024-04-15").out
    assert "2024-01-31 至 2024-02-29 报送期应于 2024-02-29 前报送，2024-03-05 才报送（迟 5 天）" in zh


def test_unit_narrows_the_rows_not_the_ranks(cli, tiny):
    reg = _index(tiny)
    _script(cli, reg)
    s = _score(cli, reg, "--year", "2024", "--unit", "省大数据局")
    assert [(r["rank"], r["unit"], r["score"]) for r in s["rows"]] == [(3, "省大数据局", 99)]
    assert {e["unit"] for e in s["events"]} == {"省大数据局"} and s["units"] == 3


@pytest.mark.parametrize(("args", "message"), [
    (("--year", "2024", "--since", "2024-01-01"), "give --year or --since/--until, not both"),
    (("--year", "24"), "--year must be a year such as 2024, not '24'"),
    (("--since", "2024-01-01"), "--since and --until go together"),
    (("--since", "2024-03-01", "--until", "2024-01-01"), "--until 2024-01-01 is before --since 2024-03-01"),
    (("--year", "2031"), "the period 2031 has not begun (today is 2025-01-15)"),
    (("--format", "xlsx"), "--format xlsx needs a file: -o FILE"),
])
def test_periods_and_outputs_that_cannot_be_are_refused(cli, tiny, args, message):
    r = _run(cli, _index(tiny), "score", *args)
    assert r.code == 2 and message in r.err and r.err.count("\n") == 1, r.err


def test_the_zh_page_reads_as_an_office_writes(cli, tiny):
    reg = _index(tiny, "review: required")
    _script(cli, reg)
    html = _run(cli, reg, "score", "--year", "2024", "--format", "html", "--lang", "zh").out
    assert "<title>2024年度目标任务考核得分</title>" in html and 'lang="zh-CN"' in html
    for heading in ("一、各单位得分及排名", "二、计分规则", "三、计分明细"):
        assert f"<h2>{heading}</h2>" in html
    # with review, the two claims of the script await a decision (0 points): 100 − 3 − 0.5
    assert "省科技厅：96.5 分（名次 3，4 项计分）" in html and "报结，待审核，暂不计分" in html
    assert "<script" not in html and "http" not in html.split("<body>", 1)[1].replace("http://www.w3.org", "")


def test_a_workbook_sent_back_blank_is_a_report(cli, tiny, tmp_path):
    """报送 is the unit's act (issue 24's submissions): a workbook returned with every row blank reports
    for its window, late here (the first window ends 01-30; it came on 02-10)."""
    reg = _index(tiny, "lights:", "  report_every_days: 30")
    out = tmp_path / "tz"
    assert _run(cli, reg, "export", "--format", "xlsx", "--per-unit", "--unit", "省工信厅", "-o", str(out),
                today="2024-02-01").code == 0
    r = _run(cli, reg, "import", str(out / "省工业和信息化厅.xlsx"), "--on", "2024-02-10", today="2024-02-10")
    assert r.code == 0, r.err
    s = _score(cli, reg, "--since", "2024-01-01", "--until", "2024-03-31", "--unit", "省工信厅", today="2024-04-15")
    assert [(e["kind"], e["deadline"], e["date"], e["days"]) for e in s["events"]] == [
        ("report_late", "2024-01-30", "2024-02-10", 11), ("report_missing", "2024-03-30", None, None)]
