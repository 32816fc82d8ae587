"""`plancli weekly`: newly overdue, due in the next days, recorded last week — plain, json, md and html.

All expectations are worked out by hand for Monday 2024-10-28: the week before runs 2024-10-21 … 10-27,
“newly overdue” means a deadline in 10-21 … 10-27, “due next” a deadline in 10-28 … 11-04 (7 days).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from .conftest import TINY_REGISTRY

AS_OF = "2024-10-28"

LEDGER = """\
records:
  - id: test-002            # Sunday before the week: not shown
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
  - id: test-005            # this week: not shown
    status: in_progress
    recorded_at: '2024-10-28T00:00:00+00:00'
"""


def _weekly(cli, reg: Path, progress: Path, *args: str):
    return cli("weekly", "--as-of", AS_OF, "--registry", str(reg), "--progress", str(progress), *args)


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    p = tmp_path / "progress.yaml"
    p.write_text(LEDGER, encoding="utf-8")
    return p


def test_weekly_json_on_the_tiny_registry(cli, tiny, ledger):
    r = _weekly(cli, tiny, ledger, "--format", "json")
    assert (r.code, r.err) == (0, "")
    s = json.loads(r.out)
    assert set(s) == {"as_of", "week", "newly_overdue", "due_next", "recorded_last_week", "overdue_total"}
    assert s["as_of"] == AS_OF and s["week"] == ["2024-10-21", "2024-10-27"]
    assert s["newly_overdue"] == [] and s["overdue_total"] == 0
    # test-004 (2024年10月底前) is the only deadline in 10-28 … 11-04
    [due] = s["due_next"]
    assert (due["item"], due["deadline"], due["days_left"], due["status"], due["lead"], due["support"]) == (
        "test-004", "2024-10-31", 3, "due_soon", ["省科技厅"], ["省大数据局"])
    assert due["quote"] == "2024年10月底前，完成平台迭代更新"
    rec = s["recorded_last_week"]
    assert [(x["item"], x["status"], x["actual"], x["actual_text"]) for x in rec] == [
        ("test-001", "in_progress", 32000, "3.2万家"), ("test-003@2024", "met", 21, "21项")]
    assert rec[0]["source"] == "省科技厅月报" and rec[1]["id"] == "test-003"


def test_weekly_plain_on_the_tiny_registry(cli, tiny, ledger):
    r = _weekly(cli, tiny, ledger, "--format", "plain")
    assert r.code == 0
    lines = r.out.splitlines()
    assert lines[:2] == [f"plancli weekly — 全部单位 — {AS_OF}", "Open overdue items in total: 0"]
    heads = [ln for ln in lines if re.match(r"^(Newly|Due|Recorded) ", ln)]
    assert heads == [f"Newly overdue (deadline in the 7 days before {AS_OF}): 0",
                     "Due in the next 7 days: 1",
                     "Recorded last week (2024-10-21 – 2024-10-27): 2"]
    row = next(ln for ln in lines if ln.startswith("test-004"))
    assert row.split() == ["test-004", "平台迭代更新", "—", "2024-10-31", "3", "due_soon", "省科技厅"]
    recorded = [ln.split()[:4] for ln in lines if ln.startswith("2024-10-2")]
    # old records without on: count from the date written in recorded_at
    assert recorded == [["2024-10-21", "test-001", "in_progress", "3.2万家"],
                        ["2024-10-27", "test-003@2024", "met", "21项"]]
    # table is plain text for reports
    assert _weekly(cli, tiny, ledger, "--format", "table").out == r.out


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
    assert title == f"plancli weekly — 省工业和信息化厅 — {AS_OF}"


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
    assert r.code == 0
    md = r.out
    assert md.startswith(f"# plancli weekly — 全部单位 — {AS_OF}\n\nOpen overdue items in total: 0\n")
    assert f"### Newly overdue (deadline in the 7 days before {AS_OF})\n\n(none)\n" in md
    assert "### Due in the next 7 days\n\n| id | metric | target | deadline | days | status | lead |\n" in md
    assert "| test-004 | 平台迭代更新 | — | 2024-10-31 | 3 | due_soon | 省科技厅 |\n" in md
    assert "### Recorded last week (2024-10-21 – 2024-10-27)\n\n| on | id | status | actual | source |\n" in md
    assert "| 2024-10-21 | test-001 | in_progress | 3.2万家 | 省科技厅月报 |\n" in md
    assert "| 2024-10-27 | test-003@2024 | met | 21项 |  |\n" in md


def test_weekly_markdown_escapes_markup(cli, hostile):
    reg, p = hostile
    md = _weekly(cli, reg, p, "--format", "md").out
    assert "<script" not in md and "<img" not in md
    assert '| test-004 | &lt;script>"x&amp;y"&lt;/script>\\|新 |' in md
    assert "&lt;img src=x onerror=alert(1)>" in md


def test_weekly_html(cli, tiny, ledger):
    r = _weekly(cli, tiny, ledger, "--format", "html")
    assert r.code == 0
    h = r.out
    assert h.startswith("<!DOCTYPE html>") and h.rstrip().endswith("</html>")
    assert '<meta charset="utf-8">' in h
    assert f"<title>plancli weekly — 全部单位 — {AS_OF}</title>" in h
    assert "<h2>Newly overdue (deadline in the 7 days before 2024-10-28) (0)</h2>\n<p>(none)</p>" in h
    assert "<h2>Due in the next 7 days (1)</h2>" in h
    assert ('<tr class="due_soon"><td>test-004</td><td>平台迭代更新</td><td>—</td><td>2024-10-31</td>'
            "<td>3</td><td>due_soon</td><td>省科技厅</td></tr>") in h
    assert "<h2>Recorded last week (2024-10-21 – 2024-10-27) (2)</h2>" in h
    assert "<td>3.2万家</td><td>省科技厅月报</td>" in h


def test_weekly_html_escapes_script_from_the_registry(cli, hostile):
    reg, p = hostile
    h = _weekly(cli, reg, p, "--format", "html").out
    assert "<script" not in h.lower() and "<img" not in h.lower()
    assert "<td>&lt;script&gt;&quot;x&amp;y&quot;&lt;/script&gt;|新</td>" in h
    assert "<td>&lt;img src=x onerror=alert(1)&gt;</td>" in h


def test_weekly_rejects_unknown_formats(cli, tiny, ledger):
    r = _weekly(cli, tiny, ledger, "--format", "csv")
    assert r.code == 2 and r.err.startswith("plancli: error: Invalid value for '--format' / '-f': 'csv' is not one of") and r.err.count("\n") == 1


def test_weekly_refuses_a_corrupted_ledger(cli, tiny, tmp_path):
    p = tmp_path / "progress.yaml"
    p.write_text("records:\n  - id: test-001\n    status: almost\n", encoding="utf-8")
    r = _weekly(cli, tiny, p)
    assert r.code == 2 and r.err.startswith(f"plancli: error: {p}:2: record test-001: status must be one of")
