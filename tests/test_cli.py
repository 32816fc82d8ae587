"""Every command end to end, with exact output on the tiny registry and real runs on the shipped one."""

import json
import re
import subprocess
import sys

import pytest

from plancli.cli import app

from .conftest import ROOT

DUE_PLAIN = """\
id             plan    metric            target         deadline     days    status    lead
-------------  ------  ----------------  -------------  -----------  ------  --------  ----------------
test-004       test    平台迭代更新      —              2024-10-31   11      due_soon  省科技厅
test-001       test    高新技术企业数量  >3.5 万家      2024-12-31   72      upcoming  省科技厅
test-003@2024  test    前沿技术攻关项目  ≈20 项         2024-12-31   72      upcoming  省科技厅
test-002       test    高新技术企业数量  >3.8 万家      2025-12-31   437     upcoming  省科技厅
test-003@2025  test    前沿技术攻关项目  ≈20 项         2025-12-31   437     upcoming  省科技厅
test-005       test    单位能耗          ≤0.5 吨标准煤  2025-12-31*  437     upcoming  省工业和信息化厅
"""


def test_due_plain_exact(cli, tiny):
    r = cli("due", "--registry", str(tiny), "--format", "plain")
    assert (r.code, r.out, r.err) == (0, DUE_PLAIN, "")


def test_due_is_plain_text_when_piped(cli, tiny):
    # capsys is not a terminal, so the default format must be plain (no rich box drawing, no ANSI).
    r = cli("due", "--registry", str(tiny))
    assert r.out == DUE_PLAIN


def test_registry_from_environment(cli, tiny):
    assert cli("due", env={"PLANCLI_REGISTRY": str(tiny)}).out == DUE_PLAIN


def test_due_for_a_unit_by_short_form(cli, tiny):
    r = cli("due", "--registry", str(tiny), "--unit", "大数据局", "--format", "json")
    rows = json.loads(r.out)
    assert [x["item"] for x in rows] == ["test-004", "test-003@2024", "test-003@2025"]
    assert rows[1]["occurrence"] == "2024" and rows[1]["recurring"] == "yearly"


def test_due_role_lead_excludes_supporting_units(cli, tiny):
    r = cli("due", "--registry", str(tiny), "-u", "省大数据局", "--role", "lead", "--format", "json")
    assert (r.code, r.out) == (0, "[]\n")


CONTRACT_KEYS = {"id", "kind", "plan", "group", "section", "task", "metric", "value", "unit", "comparator",
                 "value_text", "deadline", "deadline_text", "recurring", "lead", "support", "quote", "line",
                 "status", "days_left"}


def test_json_contract_keys_and_values(cli, tiny):
    rows = json.loads(cli("due", "--registry", str(tiny), "--format", "json").out)
    assert set(rows[0]) >= CONTRACT_KEYS
    r1 = next(x for x in rows if x["id"] == "test-001")
    assert r1 | {} == r1 and {k: r1[k] for k in ("kind", "plan", "group", "section", "task", "value", "unit",
                                                "comparator", "value_text", "deadline", "deadline_text",
                                                "lead", "support", "line", "status", "days_left")} == {
        "kind": "target", "plan": "test", "group": "十大创新", "section": "总体目标", "task": None,
        "value": 35000, "unit": "家", "comparator": ">", "value_text": "3.5 万家", "deadline": "2024-12-31",
        "deadline_text": "2024 年", "lead": ["省科技厅"], "support": [], "line": 5, "status": "upcoming",
        "days_left": 72}


@pytest.mark.parametrize("fmt", ["table", "plain", "json", "csv", "md"])
def test_every_format_renders_the_same_rows(cli, tiny, fmt):
    r = cli("due", "--registry", str(tiny), "--format", fmt, "--within", "2w")
    assert r.code == 0 and r.err == ""
    assert "test-004" in r.out and "test-001" not in r.out
    assert "\x1b[" not in r.out  # NO_COLOR and not a terminal
    if fmt == "csv":
        assert r.out.startswith("\ufeffid,item,occurrence,kind,plan,")
    if fmt == "md":
        assert r.out.splitlines()[1] == "|---|---|---|---|---|---|---|---|"


def test_overdue_and_fail(cli, tiny):
    r = cli("overdue", "--registry", str(tiny), "--as-of", "2025-01-05", "--format", "plain", "--fail")
    assert r.code == 1
    assert [line.split()[0] for line in r.out.splitlines()[2:]] == ["test-004", "test-001", "test-003@2024"]
    ok = cli("overdue", "--registry", str(tiny), "--as-of", "2024-06-01", "--fail", "--format", "json")
    assert (ok.code, ok.out) == (0, "[]\n")


def test_empty_listing_exits_zero(cli, tiny):
    r = cli("due", "--registry", str(tiny), "--plan", "测试", "--before", "2024-01-31", "--format", "plain")
    assert (r.code, r.out, r.err) == (0, "", "")


def test_list_and_status_filter(cli, tiny):
    r = cli("list", "--registry", str(tiny), "--status", "due_soon", "--format", "csv")
    lines = r.out.lstrip("\ufeff").splitlines()
    assert len(lines) == 2 and lines[1].startswith("test-004,test-004,,milestone,test,")


# The value column is as wide as its widest cell (the ledger path, which lives in tmp_path).
SHOW_PLAIN = """\
field      value
---------  {dashes}
id         test-003
kind       target
document   targets
plan       测试行动计划 (test, 十大创新)
section    主要任务 / task 1
metric     前沿技术攻关项目
target     ≈20 项 (= 20 项)
deadline   2025-12-31 (每年)
recurring  yearly
lead       省科技厅
support    省大数据局
source     line 9: 每年组织实施 20 项左右前沿技术攻关项目
status     test-003@2024: upcoming (deadline 2024-12-31)
status     test-003@2025: upcoming (deadline 2025-12-31)
ledger     {ledger} (0 records of this entry)
"""


def test_show_exact(cli, tiny):
    r = cli("show", "test-003", "--registry", str(tiny), "--format", "plain")
    ledger = tiny.parent / "progress.yaml"  # the ledger beside the registry, named so no record is hidden
    width = len(f"{ledger} (0 records of this entry)")
    assert (r.code, r.out) == (0, SHOW_PLAIN.format(dashes="-" * width, ledger=ledger))


def test_show_marks_inferred_values(cli, tiny):
    out = cli("show", "test-001", "--registry", str(tiny), "--format", "plain").out
    assert "(inferred: plan coordinator)" in out
    out5 = cli("show", "test-005", "--registry", str(tiny), "--format", "plain").out
    assert "2025-12-31 (no time stated) (inferred: end of plan period)" in out5
    d = json.loads(cli("show", "test-005", "--registry", str(tiny), "--format", "json").out)[0]
    assert d["deadline_inferred"] is True and d["units_inferred"] is False


def test_show_unknown_id_suggests(cli, tiny):
    r = cli("show", "test-01", "--registry", str(tiny))
    assert r.code == 2 and r.out == ""
    assert r.err.startswith("plancli: error: unknown id 'test-01'; did you mean") and r.err.count("\n") == 1


PLANS_PLAIN = """\
code    short    group     lines    complete    entries    targets    milestones    no_date_stated    overdue    due_soon
------  -------  --------  -------  ----------  ---------  ---------  ------------  ----------------  ---------  ----------
test    测试     十大创新  1-13     yes         5          4          1             1                 0          1
"""


def test_plans_exact(cli, tiny):
    assert cli("plans", "--registry", str(tiny), "--format", "plain").out == PLANS_PLAIN


def test_stats_per_unit(cli, tiny):
    rows = json.loads(cli("stats", "--registry", str(tiny), "--by", "unit", "--format", "json").out)
    by = {r["name"]: r for r in rows}
    assert set(by) == {"省科技厅", "省工业和信息化厅"}
    assert (by["省科技厅"]["entries"], by["省科技厅"]["total"], by["省科技厅"]["due_soon"]) == (4, 5, 1)
    assert by["省工业和信息化厅"]["no_date_stated"] == 1


def test_units_lists_counts(cli, tiny):
    rows = json.loads(cli("units", "--registry", str(tiny), "--format", "json").out)
    assert [(r["name"], r["lead"], r["support"]) for r in rows] == [
        ("省科技厅", 4, 0), ("省工业和信息化厅", 1, 0), ("省大数据局", 0, 2)]


def test_validate_and_coverage_clean_on_tiny(cli, tiny):
    v = cli("validate", str(tiny))
    assert (v.code, v.out) == (0, "")
    assert v.err == f"{tiny}: 5 entries, 1 exclusions, 0 problems\n"
    c = cli("coverage", "--registry", str(tiny))
    assert c.code == 0 and c.out == ""


def test_validate_reports_file_line_problems(cli, tiny, write_registry):
    from .conftest import TINY_REGISTRY

    p = write_registry(TINY_REGISTRY.replace("quote: 单位能耗降至 0.5 吨标准煤以内", "quote: 单位能耗降至 0.4 吨标准煤以内")
                       .replace("lead: [省工业和信息化厅]", "lead: [省工信局]"))
    r = cli("validate", str(p))
    assert r.code == 1
    lines = r.out.splitlines()
    assert len(lines) == 3
    entry_line = TINY_REGISTRY[: TINY_REGISTRY.index("  - id: test-005")].count("\n") + 1
    assert all(x.startswith((f"{p}:{entry_line}: test-005: ", f"{p}:{entry_line}: warning: test-005: "))
               for x in lines)
    # A unit the table does not know is a warning with the closest known name, not an error.
    assert f"{p}:{entry_line}: warning: test-005: unit '省工信局' is not in the unit table; did you mean" in r.out
    assert any("quote not found at source line 11" in x for x in lines)
    assert any("value_text '0.5 吨标准煤' does not occur in the quote" in x for x in lines)


def test_coverage_reports_missing_numbers(cli, tiny, write_registry):
    from .conftest import TINY_REGISTRY

    p = write_registry(TINY_REGISTRY.replace("  - {line: 5, text: 面向16市, reason: descriptive count}\n", ""))
    r = cli("coverage", "--registry", str(p), "--format", "json")
    assert r.code == 1
    assert json.loads(r.out) == [{"source": "source.txt", "line": 5, "token": "16", "context": "面向16市开展试点"}]


@pytest.mark.parametrize(("phrase", "out"), [
    ("2024 年 10 月底前", {"text": "2024 年 10 月底前", "date": "2024-10-31", "dates": ["2024-10-31"], "kind": "by"}),
    ("每年", {"text": "每年", "date": "2025-12-31", "dates": ["2024-12-31", "2025-12-31"], "kind": "yearly"}),
    ("两年内", {"text": "两年内", "date": "2025-12-31", "dates": ["2025-12-31"], "kind": "period"}),
])
def test_parse_deadline_json(cli, phrase, out):
    r = cli("parse-deadline", phrase, "--format", "json")
    assert r.code == 0 and json.loads(r.out) == out


def test_parse_deadline_period_override(cli):
    r = cli("parse-deadline", "每年", "--start", "2023-01-01", "--end", "2027-12-31", "--format", "plain")
    assert r.out == "2027-12-31\tyearly\t2023-12-31 2024-12-31 2025-12-31 2026-12-31 2027-12-31\n"


@pytest.mark.parametrize(("args", "message"), [
    (["parse-deadline", "明年"], "plancli: error: '明年' has no year: give the document date (--doc-date) or --year\n"),
    (["parse-deadline", "适时"], "plancli: error: cannot read deadline phrase '适时': it names no date\n"),
    (["due", "--unit", "省大数局"], "plancli: error: unknown unit '省大数局'; did you mean 省大数据局、省药监局?\n"),
    (["due", "--as-of", "2024-13-01"], "plancli: error: --as-of: impossible date '2024-13-01': month must be in 1..12\n"),
    (["due", "--within", "soon"], "plancli: error: cannot read span 'soon' (use e.g. 7d, 2w, 1m, 1y)\n"),
    (["due", "--format", "xml"], "plancli: error: Invalid value for '--format' / '-f': 'xml' is not one of 'table', "
                                    "'plain', 'json', 'csv', 'md'. (see `plancli due --help`)\n"),
    (["due", "--status", "late"], None),
    (["due", "--plan", "十大扩需求"], None),
])
def test_bad_input_is_one_line_exit_2(cli, tiny, args, message):
    r = cli(*args, "--registry", str(tiny)) if args[0] != "parse-deadline" else cli(*args)
    assert r.code == 2 and r.out == ""
    assert r.err.count("\n") == 1 and r.err.startswith("plancli: error: ") and "Traceback" not in r.err
    if message:
        assert r.err == message


def test_malformed_registry_is_exit_2_with_file_line(cli, write_registry):
    p = write_registry("meta: {}\nentries:\n  - id: a\n    id: b\n")
    r = cli("due", "--registry", str(p))
    assert (r.code, r.err) == (2, f"plancli: error: {p}:4: duplicate key 'id' (first at line 3)\n")


def test_usage_error_exit_2(cli):
    r = cli("due", "--no-such-option")
    assert r.code == 2 and "No such option" in r.err


def test_version(cli):
    from plancli import __version__

    r = cli("--version")
    assert (r.code, r.out) == (0, f"plancli {__version__}\n")


def _commands():
    return sorted(c.name or c.callback.__name__ for c in app.registered_commands)


def test_every_command_has_help_and_is_in_the_readme(cli):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(_commands()) >= 13
    for name in _commands():
        r = cli(name, "--help")
        assert r.code == 0 and "Example" in r.out, name
        assert re.search(rf"plancli {re.escape(name)}\b", readme), f"{name} missing from README"


def test_main_job_on_the_shipped_registry_as_a_subprocess():
    """`make run` as a user runs it: the installed console script, no terminal, today's date."""
    r = subprocess.run([sys.executable, "-m", "plancli", "due", "--unit", "省大数据局", "--format", "json"],
                       capture_output=True, text=True, encoding="utf-8", check=False,
                       env={"PATH": "/usr/bin:/bin", "PLANCLI_TODAY": "2024-06-01"}, cwd="/")
    assert r.returncode == 0 and r.stderr == ""
    rows = json.loads(r.stdout)
    assert len(rows) > 20 and rows[0]["deadline"] >= "2024-06-01"


@pytest.mark.parametrize(("args", "out"), [
    (["10月底前", "--doc-date", "2023-05-04"], "2023-10-31\tby\t2023-10-31\n"),
    (["明年6月底前", "--doc-date", "2023-05-04"], "2024-06-30\tby\t2024-06-30\n"),
    (["10月底前", "--doc-date", "2023-05-04", "--year", "2026"], "2026-10-31\tby\t2026-10-31\n"),
    (["每年4月底前", "--year", "2024", "--start", "2024-01-01", "--end", "2025-12-31"],
     "2025-04-30\tyearly\t2024-04-30 2025-04-30\n"),
])
def test_parse_deadline_reads_year_less_phrases_in_the_document_year(cli, args, out):
    r = cli("parse-deadline", *args, "--format", "plain")
    assert (r.code, r.out) == (0, out)


def test_parse_deadline_rejects_a_bad_doc_date(cli):
    r = cli("parse-deadline", "10月底前", "--doc-date", "2023-13-01")
    assert r.code == 2 and r.err.startswith("plancli: error: --doc-date: impossible date")
