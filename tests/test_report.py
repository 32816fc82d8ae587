"""`plancli weekly`: newly overdue, due in the next days, recorded last week — plain, json, md and html.

All expectations are worked out by hand for Monday 2024-10-28: the week before runs 2024-10-21 … 10-27,
“newly overdue” means a deadline in 10-21 … 10-27, “due next” a deadline in 10-28 … 11-04 (7 days).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import TINY_REGISTRY

AS_OF = "2024-10-28"

LEDGER = """\
records:
  - id: test-002            # effective the Sunday before the week: not shown
    status: in_progress
    recorded_at: '2024-10-20T23:59:59+00:00'
  - id: test-001            # Monday of last week: shown
    status: in_progress
    actual: 32000
    actual_text: 3.2万家
    source: 省科技厅月报
    recorded_at: '2024-10-21T08:00:00+00:00'
  - id: test-003@2024       # last second of Sunday: shown
    status: met
    actual: 21
    actual_text: 21项
    recorded_at: '2024-10-27T23:59:59+00:00'
  - id: test-005            # recorded last week, but effective 10-01: not shown
    status: in_progress
    on: '2024-10-01'
    recorded_at: '2024-10-22T00:00:00+00:00'
  - id: test-002            # recorded this week, effective last Thursday: shown
    status: in_progress
    actual: 36000
    actual_text: 3.6万家
    on: '2024-10-24'
    recorded_at: '2024-10-28T06:00:00+00:00'
"""


def _weekly(cli, reg: Path, progress: Path, *args: str, env: dict | None = None):
    return cli("weekly", "--as-of", AS_OF, "--registry", str(reg), "--progress", str(progress), *args, env=env)


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    p = tmp_path / "progress.yaml"
    p.write_text(LEDGER, encoding="utf-8")
    return p


DIGEST_KEYS = {"as_of", "week", "days", "by", "units", "plans", "docs", "overdue_total", "counts", "totals", "overdue",
               "newly_overdue", "newly_red", "due_next", "recorded_last_week", "entered_last_week"}


def test_weekly_json_on_the_tiny_registry(cli, tiny, ledger):
    r = _weekly(cli, tiny, ledger, "--format", "json")
    assert (r.code, r.err) == (0, "")
    s = json.loads(r.out)
    assert set(s) == DIGEST_KEYS
    assert (s["as_of"], s["week"], s["days"], s["by"]) == (AS_OF, ["2024-10-21", "2024-10-27"], 7, "unit")
    assert s["newly_overdue"] == [] and s["overdue_total"] == 0 and s["overdue"] == []
    # 省科技厅 leads test-001..004 (test-003 twice: 2024 and 2025), 省工业和信息化厅 test-005
    assert [(c["name"], c["due_soon"], c["in_progress"], c["met"], c["total"]) for c in s["counts"]] == [
        ("省科技厅", 1, 2, 1, 5), ("省工业和信息化厅", 0, 1, 0, 1)]
    assert s["totals"] == {"overdue": 0, "due_soon": 1, "in_progress": 3, "met": 1, "done": 0, "missed": 0,
                           "total": 6, "red": 0, "yellow": 0, "blue": 1, "green": 5}
    # test-004 (2024年10月底前) is the only deadline in 10-28 … 11-04
    [due] = s["due_next"]
    assert (due["item"], due["deadline"], due["days_left"], due["status"], due["lead"], due["support"]) == (
        "test-004", "2024-10-31", 3, "due_soon", ["省科技厅"], ["省大数据局"])
    assert due["quote"] == "2024年10月底前，完成平台迭代更新" and due["target"] == "—"
    assert due["days_overdue"] is None
    rec = s["recorded_last_week"]
    # effective date = `on`, else the day recorded: test-002's record of 10-28 speaks for 10-24,
    # test-005's record of 10-22 for 10-01
    assert [(x["item"], x["effective"], x["status"], x["actual"], x["attainment"], x["met"]) for x in rec] == [
        ("test-001", "2024-10-21", "in_progress", 32000, round(32000 / 35000, 4), False),
        ("test-002", "2024-10-24", "in_progress", 36000, round(36000 / 38000, 4), False),
        ("test-003@2024", "2024-10-27", "met", 21, 1.05, True)]
    assert rec[0]["source"] == "省科技厅月报" and rec[2]["id"] == "test-003" and rec[2]["target"] == "≈20 项"


def test_weekly_plain_on_the_tiny_registry_in_chinese(cli, tiny, ledger):
    r = _weekly(cli, tiny, ledger, "--format", "plain", "--lang", "zh")
    assert r.code == 0
    lines = r.out.splitlines()
    assert lines[:2] == [f"每周进展摘要 — 全部单位 · 全部计划 — {AS_OF}",
                         "逾期未办结 0 项（本周新增 0 项）；未来 7 天到期 1 项；已达标 1 项，已完成 0 项，未达标 0 项"
                         "（共 6 项）；上周生效记录 3 条，录入 3 条。亮灯：红灯 0 项，黄灯 0 项，蓝灯 1 项，绿灯 5 项。"]
    assert lines[4].split() == ["牵头单位", "已逾期", "即将到期", "进行中", "已达标", "已完成", "未达标", "合计",
                                "红灯", "黄灯", "蓝灯", "绿灯"]
    assert lines[6].split() == ["省科技厅", "0", "1", "2", "1", "0", "0", "5", "0", "0", "1", "4"]
    assert lines[8].split() == ["合计", "0", "1", "3", "1", "0", "0", "6", "0", "0", "1", "5"]
    assert "本周新增逾期（期限在 2024-10-21 至 2024-10-27）" in lines and "(无)" in lines
    row = next(ln for ln in lines if ln.startswith("test-004"))
    assert row.split() == ["test-004", "test", "平台迭代更新", "—", "2024-10-31", "3", "即将到期", "蓝灯", "省科技厅"]
    entered_at = next(i for i, ln in enumerate(lines) if ln.startswith("上周录入的记录"))
    recorded = [ln.split() for ln in lines[:entered_at] if ln.startswith(("test-001", "test-002", "test-003@"))]
    assert recorded == [["test-001", "高新技术企业数量", "进行中", ">3.5", "万家", "3.2万家", "91%", "否",
                         "2024-10-21", "省科技厅月报"],
                        ["test-002", "高新技术企业数量", "进行中", ">3.8", "万家", "3.6万家", "95%", "否", "2024-10-24"],
                        ["test-003@2024", "前沿技术攻关项目", "已达标", "≈20", "项", "21项", "105%", "是", "2024-10-27"]]
    # a table on a terminal: the same text, its tables fitted to the width, no token broken
    from rich.cells import cell_len

    t = _weekly(cli, tiny, ledger, "--format", "table", "--lang", "zh", env={"COLUMNS": "80"}).out.splitlines()
    assert t[:2] == lines[:2] and all(cell_len(ln.rstrip()) <= 80 for ln in t[2:])
    entered_at = next(i for i, ln in enumerate(t) if ln.startswith("上周录入的记录"))
    rows = [ln.split() for ln in t[:entered_at] if ln.startswith("test-")]
    assert [r[0] for r in rows] == ["test-004", "test-001", "test-002", "test-003@2024"]
    # entered last week, whatever date it speaks for: test-005 entered 10-22 for 10-01 is news too
    entered = [ln.split() for ln in lines[entered_at:] if ln.startswith("test-")]
    assert [(r[0], r[-1]) for r in entered] == [("test-001", "2024-10-21"), ("test-005", "补录"),
                                                 ("test-003@2024", "2024-10-27")]
    assert rows[1][2:9] == ["进行中", ">3.5", "万家", "3.2万家", "91%", "否", "2024-10-21"]  # tokens whole
    assert rows[1][1].endswith("…")  # the metric gave way
    # the language may come from the environment; codes in JSON do not change with it
    assert _weekly(cli, tiny, ledger, "--format", "plain", env={"PLANCLI_LANG": "zh_CN.UTF-8"}).out == r.out
    zh = json.loads(_weekly(cli, tiny, ledger, "--format", "json", "--lang", "zh").out)
    assert zh == json.loads(_weekly(cli, tiny, ledger, "--format", "json").out)


def test_weekly_refuses_an_unknown_language(cli, tiny, ledger):
    r = _weekly(cli, tiny, ledger, "--lang", "fr")
    assert (r.code, r.out) == (2, "")
    assert r.err == "plancli: error: --lang: unknown language 'fr'; choose one of zh, en\n"


def test_weekly_with_no_ledger(cli, tiny, tmp_path):
    s = json.loads(_weekly(cli, tiny, tmp_path / "none.yaml", "--format", "json").out)
    assert [x["item"] for x in s["due_next"]] == ["test-004"]
    assert s["recorded_last_week"] == [] and s["newly_overdue"] == []


@pytest.mark.parametrize(("days", "items"), [("2", []), ("3", ["test-004"]), ("70", [
    "test-004", "test-001", "test-003@2024"])])
def test_weekly_look_ahead_is_inclusive(cli, tiny, tmp_path, days, items):
    # 10-28 + 3 days = 10-31, the deadline of test-004; + 70 days = 2025-01-06 reaches the 2024 year-end items
    s = json.loads(_weekly(cli, tiny, tmp_path / "none.yaml", "--days", days, "--format", "json").out)
    assert [x["item"] for x in s["due_next"]] == items


def test_closed_and_in_progress_items_in_due_next(cli, tiny, tmp_path):
    p = tmp_path / "progress.yaml"
    p.write_text("records:\n  - id: test-004\n    status: done\n    recorded_at: '2024-10-22T09:00:00+00:00'\n",
                 encoding="utf-8")
    s = json.loads(_weekly(cli, tiny, p, "--format", "json").out)
    assert s["due_next"] == []  # done before its deadline: nothing left to chase
    assert [x["item"] for x in s["recorded_last_week"]] == ["test-004"]

    p.write_text("records:\n  - id: test-004\n    status: in_progress\n", encoding="utf-8")
    s = json.loads(_weekly(cli, tiny, p, "--format", "json").out)
    assert [(x["item"], x["status"]) for x in s["due_next"]] == [("test-004", "in_progress")]
    assert s["recorded_last_week"] == []  # no recorded_at: not “last week”


# Extra milestones around the week: 10-21 is newly overdue, 10-20 is older, 11-04 is the last day of the
# look-ahead and 11-05 is past it.
EXTRA = "".join(f"""\
  - id: test-{n:03d}
    kind: milestone
    plan: test
    section: 主要任务
    task: 1
    metric: 节点{n}
    deadline_text: {phrase}
    lead: [{lead}]
    quote: {phrase}完成节点{n}
    line: 9
""" for n, phrase, lead in [(6, "2024年10月21日", "省科技厅"), (7, "2024年10月20日", "省大数据局"),
                            (8, "2024年11月4日", "省工信厅"), (9, "2024年11月5日", "省科技厅")])
AROUND = TINY_REGISTRY.replace("exclusions:", EXTRA + "exclusions:")


@pytest.fixture
def around(write_registry) -> Path:
    assert AROUND.count("kind: milestone") == 5
    return write_registry(AROUND, name="around.yaml")


def test_newly_overdue_and_due_next(cli, around, tmp_path):
    p = tmp_path / "progress.yaml"
    s = json.loads(_weekly(cli, around, p, "--format", "json").out)
    assert [(x["item"], x["days_left"]) for x in s["newly_overdue"]] == [("test-006", -7)]
    assert [(x["item"], x["days_left"]) for x in s["due_next"]] == [("test-004", 3), ("test-008", 7)]
    assert s["overdue_total"] == 2  # test-006 and test-007

    p.write_text("records:\n  - id: test-007\n    status: done\n    recorded_at: '2024-10-23T10:00:00+08:00'\n"
                 "  - id: test-006\n    status: missed\n    recorded_at: '2024-10-26T10:00:00+08:00'\n",
                 encoding="utf-8")
    s = json.loads(_weekly(cli, around, p, "--format", "json").out)
    assert s["newly_overdue"] == [] and s["overdue_total"] == 0
    assert [(x["item"], x["status"]) for x in s["recorded_last_week"]] == [("test-007", "done"),
                                                                          ("test-006", "missed")]


def test_weekly_for_one_unit(cli, around, tmp_path):
    p = tmp_path / "progress.yaml"
    p.write_text("records:\n"
                 "  - id: test-005\n    status: in_progress\n    recorded_at: '2024-10-23T00:00:00+00:00'\n"
                 "  - id: test-001\n    status: in_progress\n    recorded_at: '2024-10-23T00:00:00+00:00'\n",
                 encoding="utf-8")
    gx = json.loads(_weekly(cli, around, p, "--unit", "工信", "--format", "json").out)
    assert [x["item"] for x in gx["due_next"]] == ["test-008"]  # 省工信厅 is an alias
    assert gx["newly_overdue"] == [] and gx["overdue_total"] == 0
    assert [x["item"] for x in gx["recorded_last_week"]] == ["test-005"]

    big = json.loads(_weekly(cli, around, p, "--unit", "大数据局", "--format", "json").out)
    assert [x["item"] for x in big["due_next"]] == ["test-004"]  # as supporting unit
    assert big["overdue_total"] == 1 and big["newly_overdue"] == []  # test-007 is older than a week
    assert big["recorded_last_week"] == []

    lead = json.loads(_weekly(cli, around, p, "--unit", "大数据局", "--role", "lead", "--format", "json").out)
    assert lead["due_next"] == [] and lead["overdue_total"] == 1

    title = _weekly(cli, around, p, "--unit", "工信", "--format", "plain").out.splitlines()[0]
    assert title == f"Weekly digest — 省工业和信息化厅 · all plans — {AS_OF}"
    # an item the unit only supports is grouped under its lead; its own items under itself only
    assert [c["name"] for c in big["counts"]] == ["省大数据局", "省科技厅"]
    assert [(g["name"], [x["item"] for x in g["items"]]) for g in big["overdue"]] == [("省大数据局", ["test-007"])]


def test_overdue_items_grouped_by_lead_unit_and_by_plan(cli, around, tmp_path):
    # 10-28: test-006 (10-21, 省科技厅) is 7 days overdue, test-007 (10-20, 省大数据局) 8 days
    p = tmp_path / "progress.yaml"
    p.write_text("records:\n  - id: test-007\n    status: in_progress\n    on: '2024-10-25'\n"
                 "    note: 已完成初稿\n    recorded_at: '2024-10-25T09:00:00+08:00'\n", encoding="utf-8")
    s = json.loads(_weekly(cli, around, p, "--format", "json").out)
    groups = [(g["name"], [(x["item"], x["days_overdue"], x["record_status"], x["recorded_on"]) for x in g["items"]])
              for g in s["overdue"]]
    # equal overdue counts: the unit with more items in all comes first
    assert groups == [("省科技厅", [("test-006", 7, None, None)]),
                      ("省大数据局", [("test-007", 8, "in_progress", "2024-10-25")])]
    assert [x["item"] for x in s["newly_overdue"]] == ["test-006"]
    assert s["totals"]["overdue"] == s["overdue_total"] == 2
    md = _weekly(cli, around, p, "--format", "md").out
    assert "## Open overdue: 省大数据局 (1)\n\n| ID | Plan | Metric | Target | Deadline | Days overdue | Light | Latest record |" in md
    assert "| test-007 | test | 节点7 | — | 2024-10-20 | 8 | red | in progress · 2024-10-25 |\n" in md

    by_plan = json.loads(_weekly(cli, around, p, "--by", "plan", "--format", "json").out)
    assert [(g["name"], g["label"], [x["item"] for x in g["items"]]) for g in by_plan["overdue"]] == [
        ("test", "测试", ["test-007", "test-006"])]  # oldest deadline first
    assert [(c["name"], c["overdue"], c["total"]) for c in by_plan["counts"]] == [("test", 2, 10)]
    zh = _weekly(cli, around, p, "--by", "plan", "--format", "md", "--lang", "zh").out
    assert "## 逾期未办结：测试（2 项）\n\n| 编号 | 牵头单位 | 指标 | 目标 | 期限 | 逾期天数 | 亮灯 | 最新记录 |" in zh
    assert "| test-007 | 省大数据局 | 节点7 | — | 2024-10-20 | 8 | 红灯 | 进行中 · 2024-10-25 |" in zh


# --------------------------------------------------------------------------- md and html

# 25 display columns: short enough that the 30-column metric cell is not clipped
HOSTILE = TINY_REGISTRY.replace("metric: 平台迭代更新", "metric: '<script>\"x&y\"</script>|新'")
HOSTILE_LEDGER = ("records:\n  - id: test-001\n    status: in_progress\n"
                  "    source: '<img src=x onerror=alert(1)>'\n    recorded_at: '2024-10-22T00:00:00+00:00'\n")


@pytest.fixture
def hostile(write_registry, tmp_path):
    p = tmp_path / "progress.yaml"
    p.write_text(HOSTILE_LEDGER, encoding="utf-8")
    return write_registry(HOSTILE, name="hostile.yaml"), p


def test_weekly_markdown(cli, tiny, ledger):
    r = _weekly(cli, tiny, ledger, "--format", "md")
    assert (r.code, r.err) == (0, "")
    assert r.out == f"""\
# Weekly digest — all units · all plans — {AS_OF}

Open overdue: 0 (0 new this week); due in the next 7 days: 1; met 1, done 0, missed 0 (of 6); \
records effective last week: 3, entered: 3. Lights: red 0, yellow 0, blue 1, green 5.

## Status per lead unit

| Lead unit | overdue | due soon | in progress | met | done | missed | Total | red | yellow | blue | green |
|---|---|---|---|---|---|---|---|---|---|---|---|
| 省科技厅 | 0 | 1 | 2 | 1 | 0 | 0 | 5 | 0 | 0 | 1 | 4 |
| 省工业和信息化厅 | 0 | 0 | 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 1 |
| Total | 0 | 1 | 3 | 1 | 0 | 0 | 6 | 0 | 0 | 1 | 5 |

## Newly overdue (deadline 2024-10-21 – 2024-10-27)

(none)

## Newly red (red now, not on 2024-10-21)

(none)

## Due in the next 7 days

| ID | Plan | Metric | Target | Deadline | Days left | Status | Light | Lead unit |
|---|---|---|---|---|---|---|---|---|
| test-004 | test | 平台迭代更新 | — | 2024-10-31 | 3 | due soon | blue | 省科技厅 |

## Records effective last week (2024-10-21 – 2024-10-27)

| ID | Metric | Status | Target | Actual | Attainment | Met | Effective | Evidence |
|---|---|---|---|---|---|---|---|---|
| test-001 | 高新技术企业数量 | in progress | >3.5 万家 | 3.2万家 | 91% | no | 2024-10-21 | 省科技厅月报 |
| test-002 | 高新技术企业数量 | in progress | >3.8 万家 | 3.6万家 | 95% | no | 2024-10-24 |  |
| test-003@2024 | 前沿技术攻关项目 | met | ≈20 项 | 21项 | 105% | yes | 2024-10-27 |  |

## Records entered last week (2024-10-21 – 2024-10-27, backdated ones and retractions included)

| ID | Metric | Status | Actual | Effective | Entered | Change |
|---|---|---|---|---|---|---|
| test-001 | 高新技术企业数量 | in progress | 3.2万家 | 2024-10-21 | 2024-10-21 |  |
| test-005 | 单位能耗 | in progress |  | 2024-10-01 | 2024-10-22 | backdated |
| test-003@2024 | 前沿技术攻关项目 | met | 21项 | 2024-10-27 | 2024-10-27 |  |

"""


def test_weekly_markdown_escapes_markup(cli, hostile):
    reg, p = hostile
    md = _weekly(cli, reg, p, "--format", "md").out
    assert "<script" not in md and "<img" not in md
    assert '| test-004 | test | &lt;script>"x&amp;y"&lt;/script>\\|新 |' in md
    assert "&lt;img src=x onerror=alert(1)>" in md


def test_weekly_html(cli, tiny, ledger):
    h = _weekly(cli, tiny, ledger, "--format", "html").out
    assert h.startswith('<!DOCTYPE html>\n<html lang="en">') and h.rstrip().endswith("</html>")
    assert '<meta charset="utf-8">' in h and '<meta name="viewport" content="width=device-width' in h
    assert f"<title>Weekly digest — all units · all plans — {AS_OF}</title>" in h
    assert "<h2>Newly overdue (deadline 2024-10-21 – 2024-10-27)</h2>\n<p>(none)</p>" in h
    # ids, dates, days and statuses never wrap; the metric may
    assert ('<tr class="due_soon"><td class="nw">test-004</td><td class="nw">test</td><td class="grow">平台迭代更新</td>'
            '<td class="nw">—</td><td class="nw">2024-10-31</td><td class="nw num">3</td>'
            '<td class="nw st">due soon</td><td class="nw lt lt-blue">blue</td><td class="grow">省科技厅</td></tr>') in h
    assert ('<td class="nw">3.2万家</td><td class="nw num">91%</td><td class="nw num">no</td>'
            '<td class="nw">2024-10-21</td><td class="grow">省科技厅月报</td>') in h
    assert "T08:00:00" not in h  # dates, not raw UTC timestamps
    assert "td.nw,th.nw{white-space:nowrap}" in h
    zh = _weekly(cli, tiny, ledger, "--format", "html", "--lang", "zh").out
    assert zh.startswith('<!DOCTYPE html>\n<html lang="zh-CN">') and "<th class=\"grow\">指标</th>" in zh


def test_weekly_html_marks_inferred_deadlines(cli, around, tmp_path):
    # test-005 states no time: its deadline is the plan's end, starred, with the note under the page
    h = _weekly(cli, around, tmp_path / "none.yaml", "--as-of", "2025-12-28", "--format", "html").out
    assert '<td class="nw">2025-12-31*</td>' in h
    assert '<p class="note">* no time stated in the source: end of the plan period.</p>' in h


def test_weekly_html_escapes_script_from_the_registry(cli, hostile):
    reg, p = hostile
    h = _weekly(cli, reg, p, "--format", "html").out
    assert "<script" not in h.lower() and "<img" not in h.lower()
    assert '<td class="grow">&lt;script&gt;&quot;x&amp;y&quot;&lt;/script&gt;|新</td>' in h
    assert '<td class="grow">&lt;img src=x onerror=alert(1)&gt;</td>' in h


def test_weekly_rejects_unknown_formats(cli, tiny, ledger):
    r = _weekly(cli, tiny, ledger, "--format", "csv")
    assert r.code == 2 and r.err.startswith("plancli: error: Invalid value for '--format' / '-f': 'csv' is not one of") and r.err.count("\n") == 1


def test_weekly_refuses_a_corrupted_ledger(cli, tiny, tmp_path):
    p = tmp_path / "progress.yaml"
    p.write_text("records:\n  - id: test-001\n    status: almost\n", encoding="utf-8")
    r = _weekly(cli, tiny, p)
    assert r.code == 2 and r.err.startswith(f"plancli: error: {p}:2: record test-001: status must be one of")


# --------------------------------------------------------------------------- the shipped registry today

TODAY = "2026-11-28"  # every deadline of 鲁政发〔2024〕5号 (plan period ends 2025-12-31) has passed


def test_digest_on_the_shipped_registry_today_says_who_holds_what(cli, tmp_path):
    none = str(tmp_path / "none.yaml")
    s = json.loads(cli("weekly", "--as-of", TODAY, "--progress", none, "--format", "json").out)
    overdue = json.loads(cli("overdue", "--as-of", TODAY, "--progress", none, "--format", "json").out)
    stats = json.loads(cli("stats", "--by", "unit", "--as-of", TODAY, "--progress", none, "--format", "json").out)
    # nothing is due next and nothing became overdue this week, but the open items are all there
    assert s["newly_overdue"] == [] and s["due_next"] == [] and s["recorded_last_week"] == []
    assert s["overdue_total"] == s["totals"]["overdue"] == s["totals"]["total"] == len(overdue) > 300
    # per lead unit the same counts as `stats --by unit`, busiest first
    assert {c["name"]: c["overdue"] for c in s["counts"]} == {c["name"]: c["overdue"] for c in stats}
    assert [c["overdue"] for c in s["counts"]] == sorted((c["overdue"] for c in s["counts"]), reverse=True)
    # every overdue item is listed under each of its lead units, with its days overdue
    listed = {(g["name"], x["item"]) for g in s["overdue"] for x in g["items"]}
    assert {x for _, x in listed} == {r["item"] for r in overdue}
    assert sum(len(g["items"]) for g in s["overdue"]) == sum(c["overdue"] for c in stats)
    for g in s["overdue"]:
        assert [x["deadline"] for x in g["items"]] == sorted(x["deadline"] for x in g["items"])
        for x in g["items"]:
            assert x["days_overdue"] == -x["days_left"] > 0 and x["status"] == "overdue"


def test_digest_md_on_the_shipped_registry_for_one_unit(cli, tmp_path):
    # 省审计厅 leads one item, tjls-003 (line 830: 2025年年底以前，建立…离任审计评价指标体系): 332 days
    # from 2025-12-31 to 2026-11-28. A record effective last week (Mon 11-16 … Sun 11-22) shows twice:
    # as the latest record of the overdue item, and among last week's records.
    p = tmp_path / "progress.yaml"
    p.write_text("records:\n  - id: tjls-003\n    status: in_progress\n    on: '2026-11-18'\n"
                 "    source: 省审计厅函\n    recorded_at: '2026-11-27T10:00:00+00:00'\n", encoding="utf-8")
    r = cli("weekly", "--unit", "审计厅", "--as-of", TODAY, "--progress", str(p), "--format", "md", "--lang", "zh")
    assert (r.code, r.err) == (0, "")
    assert r.out == """\
# 每周进展摘要 — 省审计厅 · 全部计划 — 2026-11-28

逾期未办结 1 项（本周新增 0 项）；未来 7 天到期 0 项；已达标 0 项，已完成 0 项，未达标 0 项（共 1 项）；上周生效记录 1 条，录入 0 条。\
亮灯：红灯 1 项，黄灯 0 项，蓝灯 0 项，绿灯 0 项。

## 各牵头单位事项状态

| 牵头单位 | 已逾期 | 即将到期 | 进行中 | 已达标 | 已完成 | 未达标 | 合计 | 红灯 | 黄灯 | 蓝灯 | 绿灯 |
|---|---|---|---|---|---|---|---|---|---|---|---|
| 省审计厅 | 1 | 0 | 0 | 0 | 0 | 0 | 1 | 1 | 0 | 0 | 0 |
| 合计 | 1 | 0 | 0 | 0 | 0 | 0 | 1 | 1 | 0 | 0 | 0 |

## 逾期未办结：省审计厅（1 项）

| 编号 | 计划 | 指标 | 目标 | 期限 | 逾期天数 | 亮灯 | 最新记录 |
|---|---|---|---|---|---|---|---|
| tjls-003 | tjls | 建立自然资源资产离任审计评价指标体系 | — | 2025-12-31 | 332 | 红灯 | 进行中 · 2026-11-18 |

## 本周新增逾期（期限在 2026-11-21 至 2026-11-27）

(无)

## 本周新亮红灯事项（2026-11-21 以来转为红灯）

(无)

## 未来 7 天到期

(无)

## 上周生效的进展记录（2026-11-16 至 2026-11-22）

| 编号 | 指标 | 状态 | 目标 | 实际值 | 完成率 | 是否达标 | 生效日期 | 依据 |
|---|---|---|---|---|---|---|---|---|
| tjls-003 | 建立自然资源资产离任审计评价指标体系 | 进行中 | — |  |  |  | 2026-11-18 | 省审计厅函 |

## 上周录入的记录（2026-11-16 至 2026-11-22，含补录与撤回）

(无)

"""


def test_digest_for_one_document(cli, tmp_path):
    none = str(tmp_path / "none.yaml")
    s = json.loads(cli("weekly", "--doc", "gz633", "--as-of", TODAY, "--progress", none, "--format", "json").out)
    every = json.loads(cli("overdue", "--doc", "gz633", "--as-of", TODAY, "--progress", none, "--format", "json").out)
    assert s["docs"] == ["gz633"] and s["overdue_total"] == len(every) > 0
    assert {x["plan"] for g in s["overdue"] for x in g["items"]} == {r["plan"] for r in every}
    title = cli("weekly", "--doc", "gz633", "--as-of", TODAY, "--progress", none, "--format", "plain").out
    assert title.splitlines()[0] == f"Weekly digest — all units · gz633 — {TODAY}"
