"""The messages of text/, checks/ and extract/ are catalogue codes, said in the reader's language.

English stays word for word what it was (scripts and the other tests read it); Chinese reads as an
office writes; an error carried inside another is said in the same language.
"""

from __future__ import annotations

import ast
import json
import re
from datetime import date

import pytest

from plancli.checks.validate import validate
from plancli.errors import PlancliError
from plancli.extract import ExtractError, parse_period, read_source
from plancli.registry.model import Problem
from plancli.text.actuals import convert
from plancli.text.dates import DateInputError, parse_span, to_date
from plancli.text.deadline import (
    Context,
    DeadlineContextError,
    DeadlineError,
    ImpossibleDateError,
    Period,
    UnreadableDeadlineError,
    parse_date,
    parse_deadline,
)
from plancli.text.quantities import QuantityError, parse_target, parse_value
from plancli.words import catalogue, has

from .conftest import ROOT

P = Period(date(2024, 1, 1), date(2025, 12, 31))


def _raise(call):
    with pytest.raises(PlancliError) as got:
        call()
    return got.value


@pytest.mark.parametrize(("call", "kind", "en", "zh"), [
    (lambda: parse_deadline("每月28日前", P), UnreadableDeadlineError,
     "cannot read deadline phrase '每月28日前': only yearly, half-yearly and quarterly schedules are read",
     "无法识别期限表述“每月28日前”：只识别每年、每半年和每季度的周期"),
    (lambda: parse_deadline("自2019年起", P), UnreadableDeadlineError,
     "cannot read deadline phrase '自2019年起': it marks a start, not a deadline",
     "无法识别期限表述“自2019年起”：它表示起点，不是期限"),
    (lambda: parse_deadline("上半年前", Context(year=2024)), UnreadableDeadlineError,
     "cannot read deadline phrase '上半年前': ambiguous: the end of it, or before it starts?",
     "无法识别期限表述“上半年前”：有两种读法：是到期末，还是在开始之前？"),
    (lambda: parse_deadline("10月底前", Context()), DeadlineContextError,
     "'10月底前' has no year: give the document date (--doc-date) or --year",
     "“10月底前”没有年份：请给出文件日期（--doc-date）或 --year"),
    (lambda: parse_deadline("每年", Context(year=2024)), DeadlineContextError,
     "'每年' recurs every year of the plan period: give the plan period (--start/--end)",
     "“每年”在计划期内每年重复：请给出计划期（--start/--end）"),
    (lambda: parse_deadline("2024年13月", P), ImpossibleDateError,
     "impossible month 13 in 2024 in '2024年13月'",
     "“2024年13月”：2024年没有13月"),
    (lambda: parse_deadline("", P), DeadlineError, "empty deadline phrase", "期限表述为空"),
    (lambda: parse_date("2024-10"), DeadlineError,
     "not a date: '2024-10' (expected YYYY-MM-DD, YYYY/MM/DD or YYYYMMDD)",
     "“2024-10”不是日期（应为 YYYY-MM-DD、YYYY/MM/DD 或 YYYYMMDD）"),
    (lambda: to_date("2024-13-01", "--as-of"), DateInputError,
     "--as-of: impossible date '2024-13-01': month must be in 1..12",
     "--as-of：日期“2024-13-01”不存在"),
    (lambda: parse_span("7x"), DateInputError,
     "cannot read span '7x' (use e.g. 7d, 2w, 1m, 1y)", "无法识别时长“7x”（例如 7d、2w、1m、1y，或 7天、2周）"),
    (lambda: parse_value("万人"), QuantityError, "not a quantity: '万人'", "“万人”不是数值"),
    (lambda: parse_value("5-3家"), QuantityError, "range runs backwards in '5-3家'", "“5-3家”的范围上下限颠倒"),
    (lambda: parse_target("加快发展"), QuantityError, "no target value in '加快发展'", "“加快发展”中没有目标值"),
    (lambda: convert("3,6万家", "家", "3.5 万家"), QuantityError,
     "cannot read '3,6万家': '3,6' has a comma that is not a thousands separator (groups of three digits); "
     "write the decimal point: 3.6",
     "无法识别“3,6万家”：“3,6”中的逗号不是千位分隔符（须每三位一组）；小数请用小数点：3.6"),
    (lambda: convert("0.99", "%", "99%"), QuantityError,
     "'0.99' against a percentage target is ambiguous: write 99% for the fraction 0.99, or 0.99% if you mean that",
     "“0.99”对应百分比目标，含义不明：如指比例 0.99，请写 99%；如指 0.99%，请写 0.99%"),
    (lambda: convert("5 家", "亿元", "1 亿元"), QuantityError,
     "unit '家' of '5 家' does not match the target's unit '亿元'", "“5 家”的单位“家”与目标单位“亿元”不符"),
    (lambda: parse_period("2024"), ExtractError,
     "--period '2024': expected START:END, e.g. 2024-01-01:2025-12-31 or 2024:2025",
     "--period“2024”：应为 START:END，如 2024-01-01:2025-12-31 或 2024:2025"),
    (lambda: parse_period("2025:2024"), ExtractError,
     "--period '2025:2024': plan period ends (2024-12-31) before it starts (2025-01-01)",
     "--period“2025:2024”：计划期结束日（2024-12-31）早于开始日（2025-01-01）"),
])
def test_an_error_of_the_readers_is_a_code_said_in_either_language(call, kind, en, zh):
    exc = _raise(call)
    assert type(exc) is kind and has(exc.code)
    assert str(exc) == exc.message == en
    assert exc.text("zh") == zh


def test_an_unreadable_file_is_said_with_its_place(tmp_path):
    p = tmp_path / "plan.txt"
    p.write_bytes("第一行\n".encode() + b"\xff")
    exc = _raise(lambda: read_source(p))
    assert exc.located("en") == f"{p}:2: not UTF-8 (byte 0xff); convert the text to UTF-8"
    assert exc.located("zh") == f"{p}:2: 不是 UTF-8 编码（字节 0xff）；请将文本转为 UTF-8"


# --------------------------------------------------------------------------- problems of validate


def test_a_problem_is_a_code_with_fields_said_in_zh():
    p = Problem.at("t.yaml", 12, "validate.quote_missing", id="test-005", at=11)
    assert str(p) == "t.yaml:12: test-005: quote not found at source line 11 (it does not occur in the source)"
    assert p.located("zh") == "t.yaml:12: test-005：原文第 11 行找不到引文（原文中没有这段话）"
    w = Problem.at("t.yaml", 3, "validate.unit_unknown", "warning", id="test-001", name="省不存在厅")
    assert w.located("zh") == "t.yaml:3: 警告：test-001：单位“省不存在厅”不在单位表中；请将其加入 units.yaml"
    assert w.code_of == "validate.unit_unknown" and Problem("t.yaml", 1, "finished text").code_of is None


def test_a_problem_that_carries_an_error_says_it_in_the_same_language(tiny, write_registry):
    text = tiny.read_text(encoding="utf-8")
    p = write_registry(text.replace("value_text: 0.5 吨标准煤", "value_text: 5-3 吨标准煤")
                           .replace("quote: 单位能耗降至 0.5 吨标准煤以内", "quote: 单位能耗降至 5-3 吨标准煤以内"))
    _, problems = validate(p, tiny.parent / "none.yaml")
    (bad,) = [x for x in problems if x.code == "validate.value_text_unreadable"]
    assert bad.message == "test-005: value_text: range runs backwards in '5-3 吨标准煤'"
    assert bad.text("zh") == "test-005：value_text：“5-3 吨标准煤”的范围上下限颠倒"


def test_validate_speaks_the_readers_language_and_json_keeps_english_with_a_code(cli, tiny, write_registry):
    text = tiny.read_text(encoding="utf-8")
    p = write_registry(text.replace("lead: [省工业和信息化厅]", "lead: [省工业和信息化斤]")
                           .replace("quote: 单位能耗降至 0.5 吨标准煤以内", "quote: 单位能耗下降至 0.5 吨标准煤以内"))
    zh = cli("validate", str(p), "--progress", str(tiny.parent / "none.yaml"), "--lang", "zh")
    assert zh.code == 1
    assert zh.out.splitlines() == [
        f"{p}:68: test-005：单位“省工业和信息化斤”不在单位表中；是否应为省工业和信息化厅？（与已知单位只差一个字）",
        f"{p}:68: test-005：原文第 11 行找不到引文（原文中没有这段话）",
    ]
    assert zh.err == f"{p}：5 条事项，1 条排除，2 个问题\n"
    en = cli("validate", str(p), "--progress", str(tiny.parent / "none.yaml"))
    assert en.err == f"{p}: 5 entries, 1 exclusions, 2 problems\n"
    assert "test-005: quote not found at source line 11 (it does not occur in the source)" in en.out
    rows = json.loads(cli("validate", str(p), "--progress", str(tiny.parent / "none.yaml"), "--lang", "zh",
                          "--format", "json").out)
    assert [(r["code"], r["level"]) for r in rows] == [("validate.unit_typo", "error"),
                                                       ("validate.quote_missing", "error")]
    assert rows[1]["problem"] == "test-005: quote not found at source line 11 (it does not occur in the source)"
    assert set(rows[0]) == {"file", "line", "level", "code", "problem"}


def test_coverage_speaks_the_readers_language(cli, tiny, write_registry):
    text = tiny.read_text(encoding="utf-8")
    p = write_registry(text.replace("  - {line: 5, text: 面向16市, reason: descriptive count}\n", "")
                       .replace("exclusions:\n", "exclusions: []\n"))
    zh = cli("coverage", "--registry", str(p), "--lang", "zh")
    assert zh.code == 1
    assert zh.out == "source.txt:5：“16”不在登记表中：…面向16市开展试点…\n"
    assert zh.err == "coverage：1 个计划的 13 行原文中有 1 处数字未登记\n"
    en = cli("coverage", "--registry", str(p))
    assert en.out == "source.txt:5: '16' not in the registry: …面向16市开展试点…\n"
    assert en.err == "coverage: 1 unaccounted number(s) in 13 source lines of 1 plans\n"


def test_a_deadline_error_reaches_the_cli_edge_in_chinese(cli):
    r = cli("parse-deadline", "每月28日前", "--start", "2024-01-01", "--end", "2025-12-31", env={"PLANCLI_LANG": "zh"})
    assert r.code == 2
    assert r.err == "plancli: error: 无法识别期限表述“每月28日前”：只识别每年、每半年和每季度的周期\n"


# --------------------------------------------------------------------------- the catalogue


def _codes_used(pkg: str) -> set[str]:
    """Every string literal of pkg that names an entry of the text/checks catalogue areas."""
    found = set()
    for p in (ROOT / "plancli" / pkg).rglob("*.py"):
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and re.fullmatch(
                    r"(?:numeral|deadline|dates|quantity|actual|validate|coverage|extract|problem)\.[a-z_0-9]+",
                    node.value):
                found.add(node.value)
    return found


@pytest.mark.parametrize("pkg", ["text", "checks", "extract", "cli"])
def test_every_code_used_is_in_the_catalogue_in_both_languages(pkg):
    words = catalogue()
    for code in _codes_used(pkg):
        assert code in words, f"{pkg} uses {code!r}, which the catalogue lacks"
        zh, en = words[code]
        assert zh and en and zh != en


@pytest.mark.parametrize("module", ["text", "checks"])
def test_zh_says_no_field_the_english_does_not_have(module):
    from importlib import import_module

    field = re.compile(r"{(\w+)")
    for code, (zh, en) in import_module(f"plancli.words.{module}").WORDS.items():
        assert set(field.findall(zh)) <= set(field.findall(en)), code
        assert "'" not in zh.replace("!r}", ""), f"{code}: Chinese quotes a field with “…”, not '…'"


@pytest.mark.parametrize("pkg", ["text", "checks", "extract"])
def test_no_literal_message_is_raised(pkg):
    """Every error and problem of text/, checks/ and extract/ starts from a catalogue code."""
    for p in (ROOT / "plancli" / pkg).rglob("*.py"):
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            name = getattr(node, "func", None) and getattr(node.func, "id", getattr(node.func, "attr", ""))
            if isinstance(node, ast.Call) and node.args and (name.endswith("Error") or name == "at"):
                first = node.args[2] if name == "at" else node.args[0]
                assert not isinstance(first, ast.JoinedStr), f"{p.name}:{node.lineno}: an f-string message"
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    assert has(first.value), f"{p.name}:{node.lineno}: {first.value!r} is no catalogue code"
