"""`plancli bulletin` (通报): the period, the ranking rule, newly red items, and every format."""

from __future__ import annotations

import json
from datetime import date

import pytest

from plancli.ledger.record import Record
from plancli.ledger.storage import append_record
from plancli.query.bulletin import RANK_RULE, bulletin_period
from plancli.registry.names import QueryError


@pytest.mark.parametrize(("kw", "start", "end", "label"), [
    ({}, date(2025, 11, 1), date(2025, 11, 30), "2025-11"),  # the last full month before as-of
    ({"month": "2025-02"}, date(2025, 2, 1), date(2025, 2, 28), "2025-02"),
    ({"quarter": "2025Q4"}, date(2025, 10, 1), date(2025, 12, 31), "2025Q4"),
    ({"quarter": "2024q1"}, date(2024, 1, 1), date(2024, 3, 31), "2024Q1"),
    ({"since": "2025-10-01", "until": "2025-11-15"}, date(2025, 10, 1), date(2025, 11, 15), "2025-10-01..2025-11-15"),
])
def test_the_period(kw, start, end, label):
    p = bulletin_period(date(2025, 12, 3), **kw)
    assert (p.start, p.end, p.label) == (start, end, label)


@pytest.mark.parametrize(("kw", "zh", "en"), [
    ({}, "2025年11月", "2025-11"),
    ({"quarter": "2025Q4"}, "2025年第四季度", "2025Q4"),
    ({"since": "2025-10-01", "until": "2025-11-15"}, "2025年10月1日至2025年11月15日", "2025-10-01 – 2025-11-15"),
])
def test_the_period_reads_as_a_bulletin_names_it(kw, zh, en):
    """The period's name is said at the edge (output.bulletin, from the catalogue), not made in query/."""
    from dataclasses import asdict

    from plancli.output.bulletin import period_name

    p = bulletin_period(date(2025, 12, 3), **kw)
    b = {"period": {k: str(v) for k, v in asdict(p).items()}}
    assert (period_name(b, "zh"), period_name(b, "en")) == (zh, en)


@pytest.mark.parametrize(("kw", "message"), [
    ({"month": "2025-13"}, "--month: cannot read '2025-13' (use e.g. 2025-11)"),
    ({"quarter": "2025Q5"}, "--quarter: cannot read '2025Q5' (use e.g. 2025Q4)"),
    ({"month": "2025-11", "quarter": "2025Q4"}, "give one period: --month or --quarter"),
    ({"since": "2025-10-01"}, "--since and --until go together (or use --month / --quarter)"),
    ({"since": "2025-10-01", "until": "2025-09-01"}, "--until 2025-09-01 is before --since 2025-10-01"),
])
def test_bad_periods_are_refused(kw, message):
    with pytest.raises(QueryError) as e:
        bulletin_period(date(2025, 12, 3), **kw)
    assert str(e.value) == message


@pytest.fixture
def ledger(tiny):
    p = tiny.parent / "progress.yaml"
    for rec in (Record("test-002", "in_progress", 30000.0, on=date(2024, 11, 20)),
                Record("test-005", "in_progress", 0.6, on=date(2024, 10, 5))):
        append_record(p, rec)
    return p


def _json(cli, tiny, *args):
    r = cli("bulletin", "--registry", str(tiny), "--as-of", "2024-12-05", "--format", "json", *args)
    assert r.code == 0, r.err
    return json.loads(r.out)


def test_units_ranked_by_the_rule_and_newly_red(cli, tiny, ledger):
    b = _json(cli, tiny)
    assert b["period"] == {"start": "2024-11-01", "end": "2024-11-30", "label": "2024-11"}
    assert b["as_of"] == "2024-11-30" and b["rank_rule"] == list(RANK_RULE)
    # 省科技厅 leads five occurrences, one red (test-004, due 10-31, overdue since November), and reported
    # in November (test-002 on 11-20); 省工业和信息化厅 leads test-005 (≤ target, no baseline: green) and
    # reported nothing in November. Its one green light says only that nothing was reported: a unit
    # that did not report ranks after one that did (issue 24; it used to rank first).
    rows = [(r["rank"], r["unit"], r["items"], r["red"], r["overdue"], r["records"], r["red_share"], r["on_time"],
             r["submitted_on"]) for r in b["rows"]]
    assert rows == [(1, "省科技厅", 5, 1, 1, 1, 0.2, True, "2024-11-20"),
                    (2, "省工业和信息化厅", 1, 0, 0, 0, 0.0, False, None)]
    assert [r["item"] for r in b["newly_red"]] == ["test-004"]
    assert b["totals"]["items"] == 6 and b["totals"]["red"] == 1 and b["totals"]["records"] == 1
    assert b["not_on_time"] == ["省工业和信息化厅"]  # no reporting cycle: the period is the due date
    assert b["named"] == {"best": [], "worst": []}  # two units: too few to name a first or a last
    [g] = b["flagged"]
    assert (g["unit"], [(i["item"], i["light"], i["newly_red"]) for i in g["items"]]) == (
        "省科技厅", [("test-004", "red", True)])


def test_a_reporting_cycle_judges_reports_on_time(cli, tiny, ledger, write_registry):
    write_registry(tiny.read_text(encoding="utf-8") + "lights: {report_every_days: 30}\n")
    rows = {r["unit"]: r for r in _json(cli, tiny)["rows"]}
    # test-005 was last reported on 10-05: 56 days before 11-30, beyond the 30-day cycle: 工信厅 has not
    # reported on time. 省科技厅 reported (test-002 on 11-20), though it never reported test-001 …
    assert rows["省工业和信息化厅"]["on_time"] is False and rows["省工业和信息化厅"]["stale"] == 1
    assert rows["省科技厅"]["on_time"] is True and rows["省科技厅"]["reported"] == 1
    # not reporting does not rank a unit up: 工信厅's one item is unreported (1 of 1); 科技厅 has one red
    # (test-004) and two unreported (test-001, test-003@2024) of five (test-003@2025 has not started)
    assert (rows["省工业和信息化厅"]["red_or_stale_share"], rows["省科技厅"]["red_or_stale_share"]) == (1.0, 0.6)
    assert (rows["省科技厅"]["rank"], rows["省工业和信息化厅"]["rank"]) == (1, 2)


def test_ties_share_a_rank(cli, tiny):
    rows = _json(cli, tiny, "--month", "2024-05")["rows"]  # nothing recorded, nothing red yet: all equal
    assert [r["rank"] for r in rows] == [1, 1] and [r["unit"] for r in rows] == sorted(r["unit"] for r in rows)


def test_markdown_in_chinese_reads_like_a_bulletin(cli, tiny, ledger):
    r = cli("bulletin", "--registry", str(tiny), "--as-of", "2024-12-05", "--lang", "zh")
    assert r.code == 0, r.err
    lines = r.out.splitlines()
    assert lines[0] == "# 关于2024年11月目标任务推进情况的通报"
    assert lines[4].startswith("截至2024年11月30日，纳入统计的目标任务共 6 项（全部单位 · 全部计划），涉及牵头单位 2 个。")
    assert "2024年11月应报送进展的 2 个单位中，1 个单位按期报送。未按期报送的单位（1 个）：省工业和信息化厅。" in lines
    assert "## 一、各牵头单位推进情况排名" in lines
    assert "## 二、红灯、黄灯事项及原因（红灯 1 项、黄灯 0 项，其中本期新亮红灯 1 项）" in lines
    assert "| 1 | 省科技厅 | 5 | 0 | 0 | 0 | 1 | 0 | 1 | 0 | 0% | 2024-11-20 | 是 |" in lines
    assert "| 2 | 省工业和信息化厅 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0% | 未报送 | 否 |" in lines
    assert "### （一）省科技厅：红灯 1 项、黄灯 0 项" in lines
    assert "| test-004 | 平台迭代更新 | — | 2024-10-31 | 红灯（本期新亮） | 已逾期 30 天 | 单位未说明情况 |" in lines
    assert lines[-1].startswith("请亮红灯、黄灯的牵头单位认真分析原因")


def test_html_is_a_page_in_the_reports_style(cli, tiny, ledger, tmp_path):
    out = tmp_path / "b.html"
    r = cli("bulletin", "--registry", str(tiny), "--as-of", "2024-12-05", "--lang", "zh", "-f", "html", "-o", str(out))
    assert (r.code, r.out) == (0, "")
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="zh-CN">' in page and "@page{size:A4" in page
    assert "<title>关于2024年11月目标任务推进情况的通报</title>" in page and "各牵头单位亮灯情况" in page
    assert "<script" not in page and '<td class="num nw c-red"><b>1</b></td>' in page


def test_xlsx_needs_a_file_and_reads_back(cli, tiny, ledger, tmp_path):
    r = cli("bulletin", "--registry", str(tiny), "-f", "xlsx")
    assert r.code == 2 and r.err == "plancli: error: --format xlsx needs a file: plancli bulletin --format xlsx -o FILE\n"
    from openpyxl import load_workbook

    out = tmp_path / "b.xlsx"
    assert cli("bulletin", "--registry", str(tiny), "--as-of", "2024-12-05", "--lang", "zh", "-f", "xlsx",
               "-o", str(out)).code == 0
    wb = load_workbook(out)
    ranking, flagged, newly = wb.worksheets
    assert [c.value for c in ranking[1]][:3] == ["名次", "牵头单位", "事项"]
    assert [c.value for c in ranking[2]][:3] == [1, "省科技厅", 5]
    assert [c.value for c in flagged[1]] == ["牵头单位", "编号", "指标", "目标", "期限", "亮灯", "亮灯原因", "进展情况",
                                             "存在问题", "下一步措施", "填报日期"]
    assert [c.value for c in flagged[2]][:7] == ["省科技厅", "test-004", "平台迭代更新", "—", "2024-10-31",
                                                 "红灯（本期新亮）", "已逾期 30 天"]
    assert [c.value for c in newly[2]][:2] == ["test-004", "平台迭代更新"]


def test_the_shipped_registry_ranks_every_lead_unit(cli):
    b = json.loads(cli("bulletin", "--as-of", "2026-12-03", "--format", "json", "--lang", "en").out)
    stats = json.loads(cli("stats", "--by", "unit", "--as-of", "2026-11-30", "--format", "json").out)
    assert {r["unit"] for r in b["rows"]} == {s["name"] for s in stats}
    assert {r["unit"]: r["items"] for r in b["rows"]} == {s["name"]: s["total"] for s in stats}
    ranks = [r["rank"] for r in b["rows"]]
    assert ranks[0] == 1 and ranks == sorted(ranks) and max(ranks) <= len(ranks)
    keys = [(r["on_time"] is False, r["red_or_stale_share"], (r["yellow"] - r["stale"]) / r["items"],
             -r["completed_share"]) for r in b["rows"]]
    assert keys == sorted(keys)  # the documented rule, in order (issue 24: reporting first, records no longer)
    # nothing reported in the shipped ledger: every unit owes a report, none is named first or last
    assert b["named"] == {"best": [], "worst": []} and len(b["not_on_time"]) == len(b["rows"])


def test_a_period_not_begun_is_refused_and_one_under_way_is_judged_as_of_today(cli, tiny):
    r = cli("bulletin", "--registry", str(tiny), "--month", "2024-11")  # today is 2024-10-20
    assert (r.code, r.err) == (2, "plancli: error: the period 2024-11 has not begun by 2024-10-20 (--as-of)\n")
    assert _json(cli, tiny, "--month", "2024-12")["as_of"] == "2024-12-05"


def test_a_report_before_the_period_within_the_cycle_reads_as_on_time(cli, tiny, ledger, write_registry):
    """With a 60-day cycle, 工信厅's report of 10-05 is on time on 11-30 though it falls before November:
    its 本期报送 cell says when it last reported (a bare 未报送 beside 按时报送 是 reads as a contradiction)
    and the opening counts it among the units on time, so those and the units named as late add up."""
    write_registry(tiny.read_text(encoding="utf-8") + "lights: {report_every_days: 60}\n")
    rows = {r["unit"]: r for r in _json(cli, tiny)["rows"]}
    assert (rows["省工业和信息化厅"]["on_time"], rows["省工业和信息化厅"]["submitted_on"],
            rows["省工业和信息化厅"]["last_report"]) == (True, None, "2024-10-05")
    r = cli("bulletin", "--registry", str(tiny), "--as-of", "2024-12-05", "--lang", "zh")
    lines = r.out.splitlines()
    assert "2024年11月应报送进展的 2 个单位中，2 个单位按期报送。" in lines
    assert "| 1 | 省工业和信息化厅 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0% | 最近 2024-10-05 | 是 |" in lines
    en = cli("bulletin", "--registry", str(tiny), "--as-of", "2024-12-05", "--lang", "en").out
    assert "| last 2024-10-05 | yes |" in en and "Of the 2 units owing a report for 2024-11, 2 reported on time." in en
