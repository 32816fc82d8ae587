"""Every command end to end, with exact output on the tiny registry and real runs on the shipped one."""

import json
import re
import subprocess
import sys

import pytest

from .conftest import ROOT

DUE_PLAIN = """\
id             plan    metric            target         deadline     days    status    light    lead
-------------  ------  ----------------  -------------  -----------  ------  --------  -------  ----------------
test-004       test    平台迭代更新      —              2024-10-31   11      due_soon  blue     省科技厅
test-001       test    高新技术企业数量  >3.5 万家      2024-12-31   72      upcoming  green    省科技厅
test-003@2024  test    前沿技术攻关项目  ≈20 项         2024-12-31   72      upcoming  green    省科技厅
test-002       test    高新技术企业数量  >3.8 万家      2025-12-31   437     upcoming  green    省科技厅
test-003@2025  test    前沿技术攻关项目  ≈20 项         2025-12-31   437     upcoming  green    省科技厅
test-005       test    单位能耗          ≤0.5 吨标准煤  2025-12-31*  437     upcoming  green    省工业和信息化厅
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
        assert r.out.splitlines()[1] == "|---|---|---|---|---|---|---|---|---|"


def test_overdue_and_fail(cli, tiny):
    r = cli("overdue", "--registry", str(tiny), "--as-of", "2025-01-05", "--format", "plain", "--fail")
    assert r.code == 1
    assert [line.split()[0] for line in r.out.splitlines()[2:]] == ["test-004", "test-001", "test-003@2024"]
    ok = cli("overdue", "--registry", str(tiny), "--as-of", "2024-06-01", "--fail", "--format", "json")
    assert (ok.code, ok.out) == (0, "[]\n")


def test_empty_listing_exits_zero(cli, tiny):
    r = cli("due", "--registry", str(tiny), "--plan", "测试", "--before", "2024-01-31", "--format", "plain")
    assert (r.code, r.out, r.err) == (0, "", "")


@pytest.mark.parametrize(("lang", "message"), [("en", "Nothing matches.\n"), ("zh", "没有符合条件的事项。\n")])
@pytest.mark.parametrize("fmt", ["table", "plain", "md"])
def test_empty_listing_on_a_terminal_says_so_on_stderr(cli, tiny, monkeypatch, fmt, lang, message):
    monkeypatch.setattr("plancli.cli.human._is_terminal", lambda stream: True)
    r = cli("due", "--registry", str(tiny), "--before", "2024-01-31", "--format", fmt, "--lang", lang)
    assert (r.code, r.out, r.err) == (0, "", message)  # stdout stays empty for scripts
    j = cli("due", "--registry", str(tiny), "--before", "2024-01-31", "--format", "json")
    assert (j.out, j.err) == ("[]\n", "")  # a machine format is its own answer


@pytest.mark.parametrize(("as_of", "before"), [("2024/10/20", "2024/12/31"), ("20241020", "20241231"),
                                                ("2024.10.20", "2024.12.31"), ("2024年10月20日", "2024年12月31日")])
def test_dates_as_people_type_them(cli, tiny, as_of, before):
    iso = cli("due", "--registry", str(tiny), "--as-of", "2024-10-20", "--before", "2024-12-31", "--format", "json")
    r = cli("due", "--registry", str(tiny), "--as-of", as_of, "--before", before, "--format", "json")
    assert (r.code, r.err) == (0, "") and r.out == iso.out
    assert [x["item"] for x in json.loads(r.out)] == ["test-004", "test-001", "test-003@2024"]


@pytest.mark.parametrize(("option", "value"), [("--as-of", "9999-12-25"), ("--as-of", "0001-01-01"),
                                               ("--before", "9999-12-31"), ("--as-of", "2200-01-01")])
def test_a_date_beyond_the_calendars_reach_is_one_line_not_an_internal_error(cli, tiny, option, value):
    """A window reckoned from 9999-12-25 runs past the calendar's end (OverflowError, exit 3, before)."""
    r = cli("due", "--registry", str(tiny), option, value, "--format", "json")
    assert (r.code, r.out) == (2, "")
    assert r.err == f"plancli: error: {option}: the date {value} is out of range (years 1900-2199)\n"


def test_as_of_today(cli, tiny):
    from datetime import date

    r = cli("due", "--registry", str(tiny), "--as-of", "today", "--format", "json")
    days = [x["days_left"] for x in json.loads(r.out) if x["item"] == "test-004"]
    assert days == [(date(2024, 10, 31) - date.today()).days]


def test_plan_codes_and_ids_in_any_case(cli, tiny):
    lower = cli("due", "--registry", str(tiny), "--plan", "test", "--format", "json")
    assert cli("due", "--registry", str(tiny), "--plan", "TEST", "--format", "json").out == lower.out
    assert cli("show", "TEST-004", "--registry", str(tiny)).out == cli("show", "test-004", "--registry", str(tiny)).out


def test_a_unit_guessed_from_part_of_a_name_is_said(cli, tiny):
    # 工信 is part of the alias 省工信厅 only: the listing runs, and stderr says what it read
    r = cli("due", "--registry", str(tiny), "--unit", "工信", "--format", "plain")
    assert r.code == 0 and r.out.splitlines()[2].startswith("test-005")
    assert r.err == "--unit '工信' read as 省工业和信息化厅 (part of its name)\n"
    zh = cli("due", "--registry", str(tiny), "--unit", "工信", "--format", "json", "--lang", "zh")
    assert zh.err == "--unit “工信”按“省工业和信息化厅”处理（名称的一部分）\n"
    sure = cli("due", "--registry", str(tiny), "--unit", "工信厅", "--format", "plain")
    assert sure.err == ""  # 省 + 工信厅 is an alias: no guess
    amb = cli("due", "--registry", str(tiny), "--unit", "信息化", "--format", "plain")
    assert (amb.code, amb.out) == (2, "")
    assert amb.err == "plancli: error: unit '信息化' is ambiguous; give one of: 省委网信办、省工业和信息化厅\n"


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
light      test-003@2024: green (no record yet: nothing to judge)
status     test-003@2025: upcoming (deadline 2025-12-31)
light      test-003@2025: green (not started yet)
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
    # A unit one character off a known name or alias (省工信厅) is a problem: a typo, not a new unit.
    assert (f"{p}:{entry_line}: test-005: unit '省工信局' is not in the unit table; did you mean 省工业和信息化厅? "
            "(one character off a known unit)") in r.out
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
    from plancli.cli.application import COMMAND_MODULES

    return sorted(COMMAND_MODULES)


def test_every_command_has_help_and_is_in_the_command_reference(cli):
    """Every command answers --help with an example and has its section in docs/commands.md (the README
    is a guide to the everyday cycle; the reference lives in docs/)."""
    reference = (ROOT / "docs" / "commands.md").read_text(encoding="utf-8")
    assert len(_commands()) >= 13
    for name in _commands():
        r = cli(name, "--help")
        assert r.code == 0 and "Example" in r.out, name
        assert re.search(rf"^### plancli {re.escape(name)}\b", reference, re.M), f"{name} missing from docs/commands.md"


def test_main_job_on_the_shipped_registry_as_a_subprocess():
    """`make run` as a user runs it: the installed console script, no terminal, today's date."""
    r = subprocess.run([sys.executable, "-m", "plancli", "due", "--unit", "省大数据局", "--format", "json"],
                       capture_output=True, text=True, encoding="utf-8", check=False,
                       env={"PATH": "/usr/bin:/bin", "PLANCLI_TODAY": "2024-06-01"}, cwd="/")
    assert r.returncode == 0 and r.stderr == ""
    rows = json.loads(r.stdout)
    assert len(rows) > 20 and rows[0]["deadline"] >= "2024-06-01"


# --------------------------------------------------------------------------- people's language, widths

def test_due_in_chinese(cli, tiny):
    r = cli("due", "--registry", str(tiny), "--format", "plain", "--lang", "zh")
    lines = r.out.splitlines()
    assert lines[0].split() == ["编号", "计划", "指标", "目标", "期限", "天数", "状态", "亮灯", "牵头单位"]
    assert lines[2].split() == ["test-004", "test", "平台迭代更新", "—", "2024-10-31", "11", "即将到期", "蓝灯",
                                "省科技厅"]
    # PLANCLI_LANG and the locale choose it too; --lang wins; JSON never changes
    assert cli("due", "--registry", str(tiny), "--format", "plain", env={"PLANCLI_LANG": "zh"}).out == r.out
    assert cli("due", "--registry", str(tiny), "--format", "plain", "--lang", "en",
               env={"PLANCLI_LANG": "zh"}).out == DUE_PLAIN
    env = {"PLANCLI_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "zh_CN.UTF-8"}
    assert cli("due", "--registry", str(tiny), "--format", "plain", env=env).out == r.out
    assert cli("due", "--registry", str(tiny), "--format", "json", "--lang", "zh").out == \
        cli("due", "--registry", str(tiny), "--format", "json").out


def test_list_stats_units_plans_in_chinese(cli, tiny):
    kinds = {ln.split()[2] for ln in cli("list", "--registry", str(tiny), "--lang", "zh").out.splitlines()[2:]}
    assert kinds == {"量化目标", "节点任务"}
    stats = cli("stats", "--registry", str(tiny), "--lang", "zh").out.splitlines()[0].split()
    assert stats == ["名称", "条目", "合计", "已逾期", "即将到期", "未到期", "进行中", "已达标", "已完成", "未达标", "未写明时间",
                     "红/黄/蓝/绿灯"]
    units = cli("units", "--registry", str(tiny), "--lang", "zh").out.splitlines()[0].split()
    assert units == ["单位", "牵头", "配合", "别名"]
    plans = cli("plans", "--registry", str(tiny), "--lang", "zh").out.splitlines()[0].split()
    assert plans[:3] == ["代码", "简称", "类别"] and plans[-2:] == ["已逾期", "即将到期"]


def test_table_off_a_terminal_is_wide_and_show_follows_the_width(cli, tiny, monkeypatch):
    monkeypatch.delenv("COLUMNS", raising=False)
    r = cli("due", "--registry", str(tiny), "--format", "table")
    # on a terminal the plan column goes: every id already starts with its plan code
    assert r.out.splitlines()[0].split() == ["id", "metric", "target", "deadline", "days", "status", "light", "lead"]
    assert "高新技术企业数量" in r.out and "…" not in r.out  # 200 columns: nothing cut
    narrow = cli("show", "test-002", "--registry", str(tiny), "--format", "table", env={"COLUMNS": "40"})
    lines = narrow.out.splitlines()
    assert max(len(ln.rstrip()) for ln in lines) <= 40
    # the quote wraps inside the value column, under itself
    src = next(i for i, ln in enumerate(lines) if ln.startswith("source"))
    assert lines[src + 1].startswith(" " * 8)
    joined = "".join("".join(ln[8:].split()) for ln in lines[src:src + 3])
    assert joined == "line5:高新技术企业2024年突破3.5万家、2025年突破3.8万家"  # every character, in order


# --------------------------------------------------------------------------- shell completion

class _Ctx:
    def __init__(self, **params):
        self.params = params


@pytest.mark.parametrize(("fn", "typed", "expected"), [
    ("complete_unit", "大数", [("大数据局", "省大数据局")]),
    ("complete_unit", "省工", [("省工业和信息化厅", "省工业和信息化厅"), ("省工信厅", "省工业和信息化厅")]),
    ("complete_plan", "sz", [("szbg", "数字变革")]),
    ("complete_plan", "SZ", [("SZBG", "数字变革")]),
    ("complete_plan", "数字", [("数字变革", "szbg")]),
    ("complete_id", "szbg-01", [(f"szbg-01{i}", None) for i in range(10)]),
    ("complete_id", "KJYF-001@", [("KJYF-001@2024", None), ("KJYF-001@2025", None)]),
])
def test_completion_on_the_shipped_registry(fn, typed, expected):
    from plancli.cli import options

    got = getattr(options, fn)(_Ctx(), typed)
    if expected and expected[0][1] is None:
        got = [(v, None) for v, _ in got]
    assert got == expected


def test_completion_reads_the_registry_named_on_the_line(tiny):
    from plancli.cli.options import complete_id, complete_unit

    assert ("省工信厅", "省工业和信息化厅") in complete_unit(_Ctx(registry=str(tiny)), "省工")
    assert [v for v, _ in complete_id(_Ctx(registry=str(tiny)), "test-00")] == [f"test-00{i}" for i in range(1, 6)]
    assert complete_id(_Ctx(registry=str(tiny.parent / "missing.yaml")), "x") == []  # never breaks the shell


def test_completion_through_the_shell_protocol():
    env = {"PATH": "/usr/bin:/bin", "_PLANCLI_COMPLETE": "complete_bash", "COMP_WORDS": "plancli due --unit 大数",
           "COMP_CWORD": "3"}
    r = subprocess.run([sys.executable, "-m", "plancli"], capture_output=True, text=True, encoding="utf-8",
                       check=False, env=env, cwd="/")
    assert (r.returncode, r.stdout.split()) == (0, ["大数据局"])


def test_show_docs_and_record_messages_in_chinese(cli, tiny, tmp_path):
    fields = [ln.split()[0] for ln in cli("show", "test-004", "--registry", str(tiny), "--lang", "zh").out.splitlines()]
    assert fields[:2] == ["项目", "-" * 8] and fields[2:6] == ["编号", "类型", "文件", "计划"]
    assert "牵头单位" in fields and "原文" in fields and "状态" in fields
    docs = cli("docs", "--registry", str(tiny), "--lang", "zh").out.splitlines()[0].split()
    assert docs[:4] == ["代码", "文件", "日期", "标题"]
    p = tmp_path / "progress.yaml"
    r = cli("record", "--new", "test-004", "--status", "done", "--on", "2024-10-30", "--registry", str(tiny), "--progress",
            str(p), "--lang", "zh")
    assert (r.code, r.out, r.err) == (0, "", f"已记录 test-004：已完成，日期 2024-10-30 → {p}\n")
    r = cli("record", "--new", "test-001", "--status", "met", "--actual", "3.6万家", "--on", "2024-10-30", "--registry", str(tiny),
            "--progress", str(p), "--lang", "zh")
    assert r.err == f"已记录 test-001：已达标，日期 2024-10-30（实际值 3.6 万家，为目标 >3.5 万家 的 103%） → {p}\n"
    r = cli("record", "--new", "test-001", "--status", "met", "--actual", "3.6万家", "--on", "2024-10-30", "--registry", str(tiny),
            "--progress", str(p), "--lang", "en")
    assert r.err == f"recorded test-001: met on 2024-10-30 (actual 3.6 万家, 103% of >3.5 万家) → {p}\n"


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


def test_command_modules_map_every_command_to_its_module():
    """A run imports only its command's module (application.COMMAND_MODULES): the map must be whole."""
    from plancli.cli.application import COMMAND_MODULES, COMMANDS, load_commands

    load_commands()
    registered = {name: fn.__module__.rsplit(".", 1)[1] for name, (fn, _) in COMMANDS.items()}
    assert registered == COMMAND_MODULES


def test_a_run_builds_only_its_command(cli, monkeypatch):
    """The lazy root group (typer's cls= hook) builds the one command a run names; --help lists every
    command from its help text and builds none (issue 27)."""
    from plancli.cli import application

    built = []
    real = application.build_command

    def spy(name):
        built.append(name)
        return real(name)

    monkeypatch.setattr(application, "build_command", spy)
    assert cli("units", "--format", "json").code == 0
    assert built == []  # the fast path (docs/cli.md) builds no typer command at all
    assert cli("units", "--format", "JSON").code == 0  # a choice in other case: typer reads it
    assert built == ["units"]  # only the command that runs
    built.clear()
    r = cli("--help")
    assert r.code == 0 and built == []
    assert all(f"  {name} " in r.out for name in application.COMMAND_MODULES) and len(application.COMMAND_MODULES) >= 16
