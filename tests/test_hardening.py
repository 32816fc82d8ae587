"""Issue “unbreakable by bad input”: every bad registry, option, output path or process event ends in
one ``plancli: error:`` line (with ``file:line`` where there is one) and the documented exit code —
never a traceback, never executed YAML, never a half-written or clobbered file.

Exit codes (README): 0 ok (also an empty result), 1 check failed, 2 usage/input error, 3 internal
error (a bug), 130 interrupted.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shlex
import shutil
import signal
import stat
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest
import yaml

from plancli.registry.loading import load_registry
from plancli.yamlio.reader import DataFileError

from .conftest import SHIPPED, TINY_REGISTRY

# Any SGR sequence that sets a colour (foreground, background, bright, 256/truecolour).
COLOUR = re.compile(r"\x1b\[(?:\d+;)*(?:3\d|4\d|9[0-7]|10[0-7])(?:;\d+)*m")


def line_of(text: str, needle: str, nth: int = 1) -> int:
    """1-based line on which the ``nth`` occurrence of ``needle`` starts."""
    pos = -1
    for _ in range(nth):
        pos = text.index(needle, pos + 1)
    return text[:pos].count("\n") + 1


def assert_one_line_error(res, code: int = 2) -> str:
    """The error edge: exact exit code, empty stdout, one stderr line, no traceback."""
    assert res.code == code, (res.code, res.err)
    assert res.out == ""
    assert res.err.startswith("plancli: error: "), res.err
    assert res.err.count("\n") == 1, res.err
    assert "Traceback" not in res.err
    return res.err.removeprefix("plancli: error: ").rstrip("\n")


def replaced(old: str, new: str, text: str = TINY_REGISTRY) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def sub_env(**extra: str) -> dict:
    """The test environment for a child process; PLANCLI_CACHE_DIR (conftest) keeps ~/.cache clean."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PLANCLI_REGISTRY", "PLANCLI_PROGRESS", "PLANCLI_TODAY")}
    env.update({"NO_COLOR": "1", "PLANCLI_TODAY": "2024-10-20", **extra})
    return env


def repeated_registry(path: Path, n: int, note: str | None = None) -> Path:
    """The tiny registry with its last entry repeated ``n`` times under distinct ids."""
    head, _, rest = TINY_REGISTRY.partition("entries:\n")
    entries = rest.split("exclusions:")[0]
    block = entries[entries.index("  - id: test-005"):]
    if note is not None:
        block += f"    note: {note}\n"
    with path.open("w", encoding="utf-8") as fh:
        fh.write(head + "entries:\n")
        for i in range(n):
            fh.write(block.replace("test-005", f"test-{i + 1:03d}"))
    return path


# =========================================================================== YAML structure


@pytest.mark.parametrize("where", ["entry", "top"])
def test_duplicate_key_names_the_second_key_line(where, write_registry, cli):
    if where == "entry":  # a second `metric:` inside test-003 (PyYAML would silently keep the last)
        text = replaced("    unit: 项\n", "    unit: 项\n    metric: 重复的指标\n")
        first = line_of(text, "    metric: 前沿技术攻关项目")
        second = line_of(text, "    metric: 重复的指标")
        key = "metric"
    else:
        text = TINY_REGISTRY + "entries: []\n"
        first, second, key = line_of(text, "entries:"), line_of(text, "entries:", 2), "entries"
    assert first < second
    p = write_registry(text)
    with pytest.raises(DataFileError) as exc:
        load_registry(p)
    assert str(exc.value) == f"{p}:{second}: duplicate key {key!r} (first at line {first})"
    msg = assert_one_line_error(cli("list", "--registry", str(p)))
    assert msg == f"{p}:{second}: duplicate key {key!r} (first at line {first})"


def test_anchor_and_alias_are_refused(write_registry, cli):
    text = replaced("    lead: [省科技厅]\n", "    lead: &lead [省科技厅]\n")
    text = replaced("    lead: [省科技厅]\n", "    lead: *lead\n", text)
    p = write_registry(text)
    msg = assert_one_line_error(cli("due", "--registry", str(p)))
    assert msg.startswith(f"{p}:{line_of(text, '&lead')}: ")
    assert "anchors/aliases" in msg


BILLION_LAUGHS = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
meta: {note: *i}
entries: [*i]
"""


def test_billion_laughs_is_refused_with_bounded_memory(write_registry, cli):
    p = write_registry(BILLION_LAUGHS)
    tracemalloc.start()
    try:
        with pytest.raises(DataFileError, match="anchors/aliases"):
            load_registry(p)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # 9**9 ≈ 387 million "lol"s if expanded; refused at the first alias instead.
    assert peak < 10 * 2**20, f"peak {peak} bytes"
    assert "anchors/aliases" in assert_one_line_error(cli("validate", str(p)))


def _tag_payloads(marker: Path) -> dict[str, str]:
    m = str(marker)
    return {
        "apply-os.system": f"!!python/object/apply:os.system [{json.dumps('touch ' + shlex.quote(m))}]",
        "apply-os.mkdir": f"!!python/object/apply:os.mkdir [{json.dumps(m)}]",
        "name": "!!python/name:os.system",
        "module": "!!python/module:os",
        "tuple": "!!python/tuple [1, 2]",
        "object": "!!python/object:argparse.Namespace {a: 1}",
    }


def test_python_tag_payload_would_run_under_an_unsafe_loader(tmp_path):
    """Control for the next test: the payload is real, PyYAML's unsafe loader does create the file."""
    marker = tmp_path / "made-by-unsafe-load"
    yaml.unsafe_load("x: " + _tag_payloads(marker)["apply-os.mkdir"] + "\n")
    assert marker.exists()


@pytest.mark.parametrize("kind", ["apply-os.system", "apply-os.mkdir", "name", "module", "tuple", "object"])
def test_python_tags_are_refused_and_never_executed(kind, tmp_path, write_registry, cli):
    marker = tmp_path / "pwned"
    tag = _tag_payloads(marker)[kind]
    text = replaced("    line: 11\n", f"    line: 11\n    note: {tag}\n")
    p = write_registry(text)
    with pytest.raises(DataFileError) as exc:
        load_registry(p)
    assert exc.value.line == line_of(text, "    note: !!python")
    assert "unsupported YAML tag" in exc.value.message
    msg = assert_one_line_error(cli("list", "--registry", str(p)))
    assert msg.startswith(f"{p}:{line_of(text, '    note: !!python')}: invalid YAML: unsupported YAML tag")
    assert not marker.exists()


# =========================================================================== wrong types

WRONG_TYPES = {
    "value-text": ("    value: 35000\n", '    value: "abc"\n', '    value: "abc"',
                   "test-001: field 'value' must be a number, not 'abc'"),
    "task-text": ("    task: 2\n", '    task: "x"\n', "    task: \"x\"",
                  "test-005: field 'task' must be an integer, not 'x'"),
    "lead-number": ("    lead: [省工业和信息化厅]\n", "    lead: 5\n", "    lead: 5",
                    "test-005: field 'lead' must be a list of unit names"),
    "impossible-date": ('    deadline: "2024-10-31"\n', "    deadline: 2024-13-40\n", "    deadline: 2024-13-40",
                        "test-004: deadline: impossible date '2024-13-40'"),
}


@pytest.mark.parametrize("case", list(WRONG_TYPES))
def test_wrong_type_is_named_with_its_line(case, write_registry, cli):
    old, new, at, message = WRONG_TYPES[case]
    text = replaced(old, new)
    p = write_registry(text)
    msg = assert_one_line_error(cli("due", "--registry", str(p)))
    assert msg.startswith(f"{p}:{line_of(text, at)}: {message}"), msg


def test_validate_reports_every_wrong_type_at_once(write_registry, cli):
    """One problem in each of four entries: validate lists all four with their lines, exit 1."""
    cases = {**WRONG_TYPES, "lead-number": (
        "    lead: [省科技厅]\n    support: [省大数据局]\n    quote: 每年",
        "    lead: 5\n    support: [省大数据局]\n    quote: 每年", "    lead: 5",
        "test-003: field 'lead' must be a list of unit names")}
    text = TINY_REGISTRY
    for old, new, _, _ in cases.values():
        text = replaced(old, new, text)
    p = write_registry(text)
    res = cli("validate", str(p), "--format", "plain")
    assert res.code == 1
    assert "Traceback" not in res.err
    for _, _, at, message in cases.values():
        assert f"{p}:{line_of(text, at)}: {message}" in res.out


def test_validate_reports_two_problems_of_one_entry(write_registry, cli):
    text = replaced("    task: 2\n", '    task: "x"\n')
    text = replaced("    lead: [省工业和信息化厅]\n", "    lead: 5\n", text)
    p = write_registry(text)
    res = cli("validate", str(p), "--format", "plain")
    assert res.code == 1
    task_line = line_of(text, '    task: "x"')
    assert f"{p}:{task_line}: test-005: field 'task'" in res.out
    assert f"{p}:{line_of(text, '    lead: 5')}: test-005: field 'lead'" in res.out


# =========================================================================== encodings and shapes


def test_gbk_registry_is_reported_as_not_utf8_with_its_line(write_registry, cli):
    p = write_registry(TINY_REGISTRY, encoding="gbk")
    first_cjk = next(i for i, line in enumerate(TINY_REGISTRY.splitlines(), 1) if not line.isascii())
    msg = assert_one_line_error(cli("list", "--registry", str(p)))
    assert msg.startswith(f"{p}:{first_cjk}: not UTF-8 (byte 0x")
    assert "save the file as UTF-8" in msg


def test_utf8_bom_gives_the_same_output_as_without(write_registry, cli):
    plain = write_registry(TINY_REGISTRY, name="plain.yaml")
    bom = write_registry("\ufeff" + TINY_REGISTRY, name="bom.yaml")
    assert bom.read_bytes().startswith(b"\xef\xbb\xbf")
    for args in (("list", "--format", "json"), ("due", "--format", "plain")):
        a = cli(*args, "--registry", str(plain))
        b = cli(*args, "--registry", str(bom))
        assert a.code == b.code == 0
        # A document without a code is named by its file: the only difference allowed.
        assert a.out and a.out == b.out.replace('"doc": "bom"', '"doc": "plain"')


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n"])
def test_empty_registry_file(text, write_registry, cli):
    p = write_registry(text)
    assert assert_one_line_error(cli("due", "--registry", str(p))) == \
        f"{p}:1: empty registry file (expected meta:, entries:)"


def test_registry_that_is_a_list(write_registry, cli):
    entries = TINY_REGISTRY.partition("entries:\n")[2].split("exclusions:")[0]
    p = write_registry(entries)  # the entries alone: a YAML list, not a mapping
    assert assert_one_line_error(cli("list", "--registry", str(p))) == \
        f"{p}:1: a registry must be a mapping with meta: and entries:"


@pytest.mark.parametrize("old,new", [
    ("exclusions:\n  - {line: 5, text: 面向16市, reason: descriptive count}\n", "exclusions: 5\n"),
    ("  plans:\n    - {code: test,", "  plans: 5\n  plans_: [{code: test,"),
])
def test_scalar_where_a_list_belongs(old, new, write_registry, cli):
    text = replaced(old, new)
    if "plans_" in new:
        text = replaced("coordinator: [省科技厅]}\n", "coordinator: [省科技厅]}]\n", text)
    p = write_registry(text)
    msg = assert_one_line_error(cli("list", "--registry", str(p)))
    assert msg.startswith(f"{p}:")


@pytest.mark.parametrize("old,new,command", [
    ("source: {file: source.txt}", "source: 5", "validate"),
    ("source: {file: source.txt}", "source: {file: 5}", "coverage"),
    ("meta:\n", "meta:\n  units_file: 5\n", "due"),
])
def test_meta_paths_of_the_wrong_type(old, new, command, write_registry, cli):
    p = write_registry(replaced(old, new))
    res = cli(command, str(p)) if command == "validate" else cli(command, "--registry", str(p))
    assert res.code in (1, 2), res.err
    assert "internal error" not in res.err and "Traceback" not in res.err


@pytest.mark.slow
def test_fifty_megabyte_registry_loads_or_fails_cleanly(tmp_path, tiny, monkeypatch):
    monkeypatch.setenv("PLANCLI_NO_CACHE", "1")  # keep a 50 MB entry out of the cache directory
    note = "这是一段用于放大文件体积的说明文字，" * 90  # ~4.9 kB of UTF-8 per entry
    n = 10_300
    p = repeated_registry(tmp_path / "big.yaml", n, note)
    assert p.stat().st_size >= 50_000_000
    try:
        reg = load_registry(p)
    except DataFileError as exc:  # a clean refusal is acceptable; anything else propagates
        assert str(exc).startswith(str(p))
    else:
        assert len(reg.entries) == n
        assert reg.entries[-1].id == f"test-{n:03d}"
        assert reg.entries[-1].note == note


# =========================================================================== options


def test_unknown_unit_suggests_close_names(tiny, cli):
    msg = assert_one_line_error(cli("due", "--unit", "省大数剧局", "--registry", str(tiny)))
    assert msg.startswith("unknown unit '省大数剧局'; did you mean 省大数据局")


def test_unknown_unit_on_the_shipped_registry(cli, tmp_path):
    msg = assert_one_line_error(cli("due", "--unit", "省大数剧局", "--registry", str(SHIPPED),
                                    "--progress", str(tmp_path / "p.yaml")))
    assert msg.startswith("unknown unit '省大数剧局'; did you mean ") and "省大数据局" in msg


def test_unknown_plan_lists_the_plans(tiny, cli):
    msg = assert_one_line_error(cli("due", "--plan", "没有这个计划", "--registry", str(tiny)))
    assert msg == "unknown plan '没有这个计划'; plans are: 测试(test)"


@pytest.mark.parametrize("option", ["--as-of", "--before", "--after"])
def test_impossible_date_option(option, tiny, cli):
    msg = assert_one_line_error(cli("due", option, "2024-02-30", "--registry", str(tiny)))
    assert msg.startswith(f"{option}: impossible date '2024-02-30'")


@pytest.mark.parametrize("phrase,expected", [
    ("明年春天", "cannot read deadline phrase '明年春天'"),
    ("2024年10月底前前", "cannot read deadline phrase '2024年10月底前前'"),
    ("每两天", "cannot read deadline phrase '每两天'"),
    ("年", "cannot read deadline phrase '年'"),
    ("2024年13月底前", "impossible month 13"),
    ("2024年2月30日", "impossible date"),
    ("3000年", "implausible year"),
])
def test_garbled_deadline_phrase(phrase, expected, tiny, cli):
    msg = assert_one_line_error(cli("parse-deadline", phrase, "--registry", str(tiny)))
    assert msg.startswith(expected), msg


@pytest.mark.parametrize("phrase", ["2024年十十月底前", "二二十年"])
def test_malformed_chinese_numeral_phrase(phrase, tiny, cli):
    assert "cannot read" in assert_one_line_error(cli("parse-deadline", phrase, "--registry", str(tiny)))


@pytest.mark.parametrize("phrase,start,end", [
    ("每季度", "2024-11-01", "2024-11-30"),
    ("每年", "2025-11-01", "2024-11-30"),
])
def test_parse_deadline_with_an_empty_period(phrase, start, end, tiny, cli):
    assert_one_line_error(cli("parse-deadline", phrase, "--start", start, "--end", end,
                              "--registry", str(tiny)))


def test_record_an_overflowing_actual(tiny, cli, tmp_path):
    ledger = tmp_path / "progress.yaml"
    msg = assert_one_line_error(cli("record", "--new", "test-005", "--status", "met", "--actual", "1e400",
                                    "--registry", str(tiny), "--progress", str(ledger)))
    assert "1e400" in msg
    assert not ledger.exists()


@pytest.mark.parametrize("args", [("due", "--within", "99999999y"), ("due", "--soon", "99999999y"),
                                  ("weekly", "--days", "99999999")])
def test_huge_spans(args, tiny, cli):
    assert_one_line_error(cli(*args, "--registry", str(tiny)))


# =========================================================================== output safety

HOSTILE = replaced("    metric: 单位能耗\n", '    metric: "=HYPERLINK(\\"http://evil\\",\\"x\\")"\n')
HOSTILE = replaced("    quote: 单位能耗降至 0.5 吨标准煤以内\n", "    quote: \"+cmd|' /C calc'!A0\"\n", HOSTILE)
HOSTILE = replaced("    lead: [省工业和信息化厅]\n", '    lead: ["@SUM(1+1)", 省工业和信息化厅]\n', HOSTILE)
HOSTILE = replaced("    metric: 平台迭代更新\n", '    metric: "<script>alert(\\"x&y\\")</script>"\n', HOSTILE)
HOSTILE = replaced("    lead: [省科技厅]\n    support: [省大数据局]\n    quote: 2024年10月底前",
                   "    lead: [\"<b>省科技厅</b>|x\"]\n    support: [省大数据局]\n    quote: 2024年10月底前", HOSTILE)
MULTILINE_METRIC = '指标,含"引号",\n第二行'
MULTILINE_QUOTE = '他说："好,的" \'单引号\'\r\n结尾'
HOSTILE = replaced("    metric: 高新技术企业数量\n", f"    metric: {json.dumps(MULTILINE_METRIC)}\n", HOSTILE)
HOSTILE = replaced("    quote: 高新技术企业 2024 年突破 3.5 万家\n", f"    quote: {json.dumps(MULTILINE_QUOTE)}\n",
                   HOSTILE)


def _csv_rows(text: str) -> dict[str, dict]:
    assert text.startswith("\ufeff")
    return {r["item"]: r for r in csv.DictReader(io.StringIO(text[1:], newline=""))}


@pytest.mark.parametrize("lead_char", ["=", "+", "-", "@"])
def test_formula_cells_are_defused_in_csv(lead_char, write_registry, cli):
    metric = f"{lead_char}1+2*cmd()"
    p = write_registry(replaced("    metric: 单位能耗\n", f"    metric: {json.dumps(metric)}\n"))
    res = cli("due", "--format", "csv", "--registry", str(p))
    assert res.code == 0
    assert _csv_rows(res.out)["test-005"]["metric"] == "'" + metric


def test_hostile_text_in_csv_export(write_registry, cli, tmp_path):
    p = write_registry(HOSTILE)
    out = tmp_path / "export.csv"
    res = cli("export", "--format", "csv", "-o", str(out), "--registry", str(p))
    assert res.code == 0, res.err
    rows = _csv_rows(out.read_bytes().decode("utf-8"))
    assert rows["test-005"]["metric"] == "'=HYPERLINK(\"http://evil\",\"x\")"
    assert rows["test-005"]["quote"] == "'+cmd|' /C calc'!A0"
    assert rows["test-005"]["lead"] == "'@SUM(1+1)、省工业和信息化厅"
    # commas, quotes and line breaks survive the round trip unchanged
    assert rows["test-001"]["metric"] == MULTILINE_METRIC
    assert rows["test-001"]["quote"] == MULTILINE_QUOTE
    assert rows["test-004"]["metric"] == '<script>alert("x&y")</script>'
    # every row has every column: no field spilled into the next line
    header = out.read_bytes().decode("utf-8")[1:].split("\r\n", 1)[0].split(",")
    assert all(len(r) == len(header) and None not in r and None not in r.values() for r in rows.values())


def test_hostile_text_is_escaped_in_weekly_html(write_registry, cli):
    p = write_registry(HOSTILE)
    res = cli("weekly", "--format", "html", "--as-of", "2024-10-28", "--registry", str(p))
    assert res.code == 0, res.err
    assert "test-004" in res.out  # the hostile row is in the report (due 2024-10-31)
    assert "<script>" not in res.out and "<b>" not in res.out
    assert "&lt;script&gt;alert(&quot;x&amp;y&quot;)&lt;/script&gt;" in res.out
    assert "&lt;b&gt;省科技厅&lt;/b&gt;|x" in res.out


def test_hostile_text_is_escaped_in_weekly_md(write_registry, cli):
    p = write_registry(HOSTILE)
    res = cli("weekly", "--format", "md", "--as-of", "2024-10-28", "--registry", str(p))
    assert res.code == 0, res.err
    # No tag can open: every < is escaped (a lone > is inert in Markdown/HTML text).
    assert "<" not in res.out.replace("<br>", "")
    row = next(line for line in res.out.splitlines() if line.startswith("| test-004"))
    assert "&lt;script" in row and "x&amp;y" in row
    assert "&lt;b" in row and "\\|x" in row
    header = next(line for line in res.out.splitlines() if line.startswith("| ID | Plan |"))
    unescaped = re.compile(r"(?<!\\)\|")
    assert len(unescaped.findall(row)) == len(unescaped.findall(header)) == 10


# =========================================================================== output destinations


def _no_new_files(directory: Path, before: set[str]) -> None:
    assert set(os.listdir(directory)) == before, set(os.listdir(directory)) ^ before


@pytest.mark.parametrize("fmt", ["csv", "sqlite"])
def test_export_into_a_missing_directory(fmt, tiny, cli):
    before = set(os.listdir(tiny.parent))
    target = tiny.parent / "no-such-dir" / f"out.{fmt}"
    msg = assert_one_line_error(cli("export", "--format", fmt, "-o", str(target), "--registry", str(tiny)))
    assert "No such file or directory" in msg and str(target.parent) in msg
    assert not target.parent.exists()
    _no_new_files(tiny.parent, before)


def test_export_below_a_regular_file(tiny, cli):
    before = set(os.listdir(tiny.parent))
    msg = assert_one_line_error(cli("export", "--format", "csv", "-o", str(tiny / "out.csv"),
                                    "--registry", str(tiny)))
    assert "Not a directory" in msg
    assert tiny.read_text(encoding="utf-8").startswith("meta:")
    _no_new_files(tiny.parent, before)


def test_export_onto_a_directory(tiny, cli):
    d = tiny.parent / "adir"
    d.mkdir()
    before = set(os.listdir(tiny.parent))
    msg = assert_one_line_error(cli("export", "--format", "json", "-o", str(d), "--registry", str(tiny)))
    assert "Is a directory" in msg
    assert d.is_dir() and not any(d.iterdir())
    _no_new_files(tiny.parent, before)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores directory permissions")
def test_export_into_an_unwritable_directory(tiny, cli):
    d = tiny.parent / "ro"
    d.mkdir()
    d.chmod(0o555)
    try:
        msg = assert_one_line_error(cli("export", "--format", "csv", "-o", str(d / "out.csv"),
                                        "--registry", str(tiny)))
        assert "Permission denied" in msg
        assert list(d.iterdir()) == []
    finally:
        d.chmod(0o755)


@pytest.mark.skipif(not Path("/dev/full").exists() or os.geteuid() == 0,
                    reason="needs /dev/full; as root a regression would replace the machine's device "
                           "node, so root runs the private copy (test_export_to_a_character_device_...)")
def test_export_to_dev_full(tiny, cli):
    assert_one_line_error(cli("export", "--format", "csv", "-o", "/dev/full", "--registry", str(tiny)))
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_export_to_a_character_device_keeps_the_device(tiny, cli):
    """A private copy of /dev/full (char 1,7) in tmp_path stands in for the real one."""
    node = tiny.parent / "full"
    try:
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
    except (PermissionError, AttributeError, OSError) as exc:
        pytest.skip(f"cannot create a device node here: {exc}")
    res = cli("export", "--format", "csv", "-o", str(node), "--registry", str(tiny))
    assert stat.S_ISCHR(os.lstat(node).st_mode), "the device node was replaced by a regular file"
    assert_one_line_error(res)


# =========================================================================== terminal and environment


def test_empty_result_prints_nothing_and_exits_0(tiny, cli):
    base = ("due", "--before", "2024-01-31", "--registry", str(tiny))  # first deadline: 2024-10-31
    j = cli(*base, "--format", "json")
    assert (j.code, j.out, j.err) == (0, "[]\n", "")
    p = cli(*base, "--format", "plain")
    assert (p.code, p.out, p.err) == (0, "", "")
    assert cli("overdue", "--fail", "--format", "json", "--registry", str(tiny)).code == 0


def test_no_color_is_respected(cli, monkeypatch, tmp_path):
    args = ("due", "--plan", "szbg", "--as-of", "2025-06-30", "--format", "table",
            "--registry", str(SHIPPED), "--progress", str(tmp_path / "p.yaml"))
    monkeypatch.setenv("FORCE_COLOR", "1")  # pretend a colour terminal
    monkeypatch.delenv("NO_COLOR")
    coloured = cli(*args)
    assert coloured.code == 0 and COLOUR.search(coloured.out), "control: overdue rows are red"
    monkeypatch.setenv("NO_COLOR", "1")
    plain = cli(*args)
    assert plain.code == 0 and "szbg-001" in plain.out
    assert not COLOUR.search(plain.out)


def test_cron_environment(tmp_path):
    # No TTY, no COLUMNS, no HOME, LANG=C. (The cache directory is pointed into tmp_path only so the
    # test writes nothing into the real ~/.cache; test_no_home_directory covers a missing home.)
    env = {"PATH": os.environ["PATH"], "LANG": "C", "PLANCLI_CACHE_DIR": str(tmp_path / "cache")}
    res = subprocess.run([sys.executable, "-m", "plancli", "due", "--unit", "省大数据局", "--format", "plain"],
                         env=env, cwd=tmp_path, stdin=subprocess.DEVNULL, capture_output=True, timeout=120)
    assert res.returncode == 0, res.stderr
    assert res.stderr == b""
    out = res.stdout.decode("utf-8")  # strict: raises if the text was mangled by the C locale
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["id", "plan", "metric"]
    assert "省政府办公厅" in out  # a co-lead: the unit asked for is not repeated on every line
    assert "\x1b" not in out


def test_no_home_directory(tiny, cli, monkeypatch):
    import pwd

    def no_entry(uid):
        raise KeyError(f"getpwuid(): uid not found: {uid}")

    for var in ("HOME", "XDG_CACHE_HOME", "PLANCLI_CACHE_DIR", "PLANCLI_NO_CACHE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr(pwd, "getpwuid", no_entry)
    with pytest.raises(RuntimeError):
        Path.home()  # precondition: this is what Python does without a home
    res = cli("due", "--format", "json", "--registry", str(tiny))
    assert res.code == 0, res.err
    assert [r["item"] for r in json.loads(res.out)][:1] == ["test-004"]


def test_damaged_cache_entry_is_rebuilt(tiny, cli, monkeypatch, tmp_path):
    cache = tmp_path / "cache"
    monkeypatch.setenv("PLANCLI_CACHE_DIR", str(cache))
    first = cli("due", "--format", "json", "--registry", str(tiny))
    assert first.code == 0
    entries = sorted((cache / "plancli").glob("*.cache"))
    assert [e.name.split("-")[0] for e in entries] == ["document", "yaml", "yaml"], \
        "control: the document and both unit tables (shipped + local) cached"
    for entry in entries:
        good = entry.read_bytes()
        for garbage in (b"", b"not a pickle", b"\x80\x05N.", good[:40]):
            entry.write_bytes(garbage)
            again = cli("due", "--format", "json", "--registry", str(tiny))
            assert (again.code, again.out, again.err) == (0, first.out, "")


def test_unusable_cache_directory_only_costs_speed(tiny, cli, monkeypatch):
    monkeypatch.setenv("PLANCLI_CACHE_DIR", str(tiny))  # a regular file, not a directory
    res = cli("due", "--format", "json", "--registry", str(tiny))
    assert res.code == 0 and res.err == "" and json.loads(res.out)


def test_closed_stdout_pipe_ends_quietly(tmp_path, cli):
    args = ["due", "--format", "json", "--registry", str(SHIPPED), "--progress", str(tmp_path / "p.yaml")]
    # Precondition: the output is far larger than a pipe buffer, so the writer really hits EPIPE.
    assert len(cli(*args).out.encode()) > 256 * 1024
    head = shutil.which("head")
    if head is None:
        pytest.skip("no head(1)")
    errf = tmp_path / "stderr"
    with errf.open("wb") as err:
        writer = subprocess.Popen([sys.executable, "-m", "plancli", *args], stdout=subprocess.PIPE,
                                  stderr=err, stdin=subprocess.DEVNULL, env=sub_env())
        reader = subprocess.Popen([head, "-1"], stdin=writer.stdout, stdout=subprocess.PIPE)
        writer.stdout.close()
        first, _ = reader.communicate(timeout=120)
        rc = writer.wait(timeout=120)
    assert first == b"[\n"
    assert rc == 0
    assert errf.read_bytes() == b""


def _rss_mb(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) // 1024
    except OSError:
        return None
    return None


def test_ctrl_c_exits_130_without_a_traceback(tmp_path, tiny):
    # ~18 MB: several seconds of loading left after the wait below, even on a loaded machine (with
    # 30 000 entries a busy machine sometimes let validate finish between the wait and the signal)
    big = repeated_registry(tmp_path / "big.yaml", 60_000)
    proc = subprocess.Popen([sys.executable, "-m", "plancli", "validate", str(big)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                            env=sub_env())
    try:
        # Wait until imports are done and the registry is being built (memory well above the ~25 MB of
        # a bare start); without /proc fall back to a fixed pause.
        if _rss_mb(proc.pid) is None:
            time.sleep(1.5)
        else:
            for _ in range(600):
                if proc.poll() is not None or (_rss_mb(proc.pid) or 0) > 120:
                    break
                time.sleep(0.02)
        if proc.poll() is not None:
            proc.communicate()
            pytest.skip("validate finished before it could be interrupted")
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 130, err
    assert b"Traceback" not in err and b"KeyboardInterrupt" not in err
