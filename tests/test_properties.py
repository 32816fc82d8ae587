"""Property-based tests (hypothesis) for the readers of untrusted text: deadline phrases, quantities and
the registry loader. Each either returns a well-formed result or raises its own documented error —
never any other exception.

The regression tests at the end pin inputs that once escaped as the wrong exception type
(malformed Chinese numerals, overflowing quantities, scalars where lists belong).
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from plancli.registry.loading import Registry, load_registry
from plancli.text.deadline import KINDS, Context, Deadline, DeadlineError, Period, parse_deadline
from plancli.text.quantities import (
    COMPARATORS,
    Quantity,
    QuantityError,
    not_target_reason,
    parse_target,
    parse_value,
)
from plancli.yamlio.reader import DataFileError

from .conftest import TINY_REGISTRY, TINY_SOURCE, TINY_UNITS

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
CN_MONTH = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]
CN_DIGIT = "〇一二三四五六七八九"
SPACES = st.sampled_from(["", "", "", " ", "  ", "\u3000", "\t"])


def last_day(y: int, m: int) -> date:
    """Last day of month m, computed without calendar.monthrange (which the code under test uses)."""
    first_of_next = date(y + (m == 12), m % 12 + 1, 1)
    return first_of_next - timedelta(days=1)


def spaced(draw, parts: list[str]) -> str:
    """Join ``parts`` with random whitespace between (and around) them."""
    out = draw(SPACES)
    for p in parts:
        out += p + draw(SPACES)
    return out


# --------------------------------------------------------------------------- known bugs, excluded







# --------------------------------------------------------------------------- parse_deadline

DEADLINE_CHARS = list("0123456789０１２年月日号底末份前内间期半上下季度第每个两一二三四五六七八九十〇零○"
                      "用时到至力争截止于在确保、和及与-—~ 　，。")


@SETTINGS
@given(st.one_of(st.text(), st.lists(st.sampled_from(DEADLINE_CHARS), max_size=20).map("".join)))
@example("2024年、2025年")
@example("每季度")
@example("每年")
@example("2024年1月前")
def test_parse_deadline_returns_a_consistent_deadline_or_deadline_error(text):
    try:
        d = parse_deadline(text)
    except DeadlineError:
        return
    assert isinstance(d, Deadline)
    assert d.dates, d
    assert d.date == d.dates[-1]
    assert list(d.dates) == sorted(d.dates)
    assert d.kind in KINDS


DOC_CONTEXT = Context(doc_date=date(2024, 3, 1), period=Period(date(2024, 1, 1), date(2025, 12, 31)))
CONTEXT_CHARS = DEADLINE_CHARS + list("今明去旬中每季末半十五起自从以来原则上确保预计“”（）")


@SETTINGS
@given(st.lists(st.sampled_from(CONTEXT_CHARS), max_size=16).map("".join))
@example("每年4月底前")
@example("今年底前")
@example("十四五末")
@example("2024年3月至6月")
def test_parse_deadline_in_a_document_context_is_consistent_or_refuses(text):
    try:
        d = parse_deadline(text, DOC_CONTEXT)
    except DeadlineError as exc:
        assert repr(text) in str(exc) or "empty" in str(exc) or "impossible" in str(exc) \
            or "implausible" in str(exc), str(exc)
        return
    assert d.dates and d.date == d.dates[-1] and list(d.dates) == sorted(d.dates)
    assert d.kind in KINDS


@st.composite
def month_phrases(draw):
    y = draw(st.integers(2000, 2100))
    m = draw(st.integers(1, 12))
    year = str(y)
    if draw(st.booleans()):
        year = year.translate(FULLWIDTH)
    elif draw(st.integers(0, 4)) == 0:
        year = "".join(CN_DIGIT[int(c)] for c in year)  # 二〇二四
    month = draw(st.sampled_from([str(m), str(m).translate(FULLWIDTH), f"{m:02d}", CN_MONTH[m - 1]]))
    prefix = draw(st.sampled_from(["", "到", "力争到", "截至", "于", "在", "确保"]))
    suffix = draw(st.sampled_from(["", "底", "底前", "底之前", "底以前", "末", "末前", "份"]))
    end = draw(st.sampled_from(["", "", "，"]))
    parts = [prefix, *year, "年", *month, "月", suffix, end]
    return spaced(draw, [p for p in parts if p]), y, m


@SETTINGS
@given(month_phrases())
@example(("2024年10月底前", 2024, 10))
@example(("２０２４ 年 ２ 月底前", 2024, 2))
@example(("到2100年2月底", 2100, 2))
def test_month_phrase_means_the_last_day_of_that_month(case):
    text, y, m = case
    d = parse_deadline(text)
    assert d.date == last_day(y, m), text
    assert d.dates == (d.date,) and d.kind == "by"


@st.composite
def year_phrases(draw):
    y = draw(st.integers(2000, 2100))
    year = str(y) if draw(st.booleans()) else str(y).translate(FULLWIDTH)
    prefix = draw(st.sampled_from(["", "到", "力争到", "争取到"]))
    suffix = draw(st.sampled_from(["", "底", "年底", "年底前", "年末", "底前", "年底以前"]))
    return spaced(draw, [p for p in (prefix, *year, "年", suffix) if p]), y


@SETTINGS
@given(year_phrases())
def test_year_phrase_means_december_31(case):
    text, y = case
    d = parse_deadline(text)
    assert (d.date, d.kind) == (date(y, 12, 31), "by"), text


# --------------------------------------------------------------------------- parse_value

VALUE_CHARS = list("0123456789.eE+-×xX*—~至到万亿千百十一二两三零%％家个千瓦以上左右约 ,，")


@SETTINGS
@given(st.one_of(st.text(), st.lists(st.sampled_from(VALUE_CHARS), max_size=25).map("".join)))
@example("3.5 万家")
@example("倍增")
@example("")
def test_parse_value_returns_a_quantity_or_value_error(text):
    try:
        q = parse_value(text)
    except QuantityError:
        return
    assert isinstance(q, Quantity)
    assert math.isfinite(q.value)
    assert q.value_max is None or q.value_max >= q.value


TARGET_CHARS = VALUE_CHARS + list("超过突破不低于少于控制在降至以下以内达到分别、和年较比已翻番PMG《》“”〔〕号")


@SETTINGS
@given(st.one_of(st.text(), st.lists(st.sampled_from(TARGET_CHARS), max_size=25).map("".join)))
@example("分别超过90%、75%")
@example("较2023年增长10%以上")
def test_parse_target_returns_values_or_quantity_error(text):
    try:
        t = parse_target(text)
    except QuantityError:
        return
    assert t.values
    for v in t.values:
        assert v.comparator in COMPARATORS and math.isfinite(v.value)
        assert v.value_max is None or v.value_max >= v.value


@SETTINGS
@given(st.lists(st.sampled_from(TARGET_CHARS), min_size=1, max_size=25).map("".join), st.data())
def test_not_target_reason_is_a_reason_or_none(text, data):
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    r = not_target_reason(text, start, end)
    assert r is None or (isinstance(r, str) and r)


def _decimal(k: int, places: int) -> str:
    """k / 10**places written out with exactly ``places`` decimals (or none)."""
    if places == 0:
        return str(k)
    s = str(k).rjust(places + 1, "0")
    return f"{s[:-places]}.{s[-places:]}"


@SETTINGS
@given(st.integers(0, 10**7), st.integers(0, 2), st.booleans(), st.data())
@example(350, 2, False, None)
def test_n_wan_jia(k, places, fullwidth, data):
    n = _decimal(k, places)
    if fullwidth:
        n = n.translate(FULLWIDTH)
    text = f"{n} 万家" if data is None else spaced(data.draw, [n, "万", "家"])
    q = parse_value(text)
    assert q.unit == "家" and q.value_max is None
    assert math.isclose(q.value, k * 10**4 / 10**places, rel_tol=1e-12), text


@SETTINGS
@given(st.integers(0, 10**6), st.integers(0, 10**6), st.sampled_from(["—", "–", "-", "~", "～", "至", "到", "——"]),
       st.data())
def test_a_to_b_ge(a, b, sep, data):
    text = spaced(data.draw, [str(a), sep, str(b), "个"])
    if b < a:
        with pytest.raises(QuantityError, match="backwards"):
            parse_value(text)
        return
    assert parse_value(text) == Quantity(float(a), "个", float(b)), text


@SETTINGS
@given(st.integers(1, 20), st.integers(1, 9999), st.sampled_from(["×", "x", "X", "*"]), st.data())
@example(2, 300, "×", None)
def test_a_times_b_wan_qianwa(a, b10, times, data):
    b = _decimal(b10, 1)  # 0.1 … 999.9
    parts = [str(a), times, b, "万", "千瓦"]
    text = "".join(parts) if data is None else spaced(data.draw, parts)
    q = parse_value(text)
    assert q.unit == "千瓦" and q.value_max is None
    assert math.isclose(q.value, a * b10 * 1000, rel_tol=1e-12), text  # a × b10/10 × 10⁴


# --------------------------------------------------------------------------- the loader

LINES = TINY_REGISTRY.splitlines(keepends=True)
NOISE = list(":{}[]-&*!|>'\"#%@,? \n\t0123456789abc测年月底前万")


@st.composite
def mutated_registries(draw):
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 6))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["del-line", "dup-line", "swap-line", "del-char", "dup-char", "set-char",
                                   "add-char"]))
        if op == "del-line":
            del lines[i]
        elif op == "dup-line":
            lines.insert(i, lines[i])
        elif op == "swap-line":
            lines[i] = draw(st.sampled_from(LINES))
        else:
            s = lines[i]
            j = draw(st.integers(0, max(len(s) - 1, 0)))
            if op == "del-char":
                s = s[:j] + s[j + 1:]
            elif op == "dup-char":
                s = s[:j] + s[j:j + 1] + s[j:]
            else:
                c = draw(st.sampled_from(NOISE))
                s = s[:j] + c + s[j + (op == "set-char"):]
            lines[i] = s
    return "".join(lines)


@pytest.fixture(scope="module")
def mutation_dir(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("mutations")
    (d / "source.txt").write_text(TINY_SOURCE, encoding="utf-8")
    (d / "units.yaml").write_text(TINY_UNITS, encoding="utf-8")
    return d




@SETTINGS
@given(mutated_registries())
@example(TINY_REGISTRY)
@example(TINY_REGISTRY.replace("entries:\n", "entries: \n  - 5\n", 1))
def test_loader_on_mutated_registries_returns_or_raises_registry_error(mutation_dir, text):
    p = mutation_dir / "targets.yaml"
    p.write_text(text, encoding="utf-8")
    try:
        reg = load_registry(p)
    except DataFileError as exc:
        assert str(exc).startswith(str(p)), str(exc)
        return
    assert isinstance(reg, Registry)
    assert all(e.id and e.quote and isinstance(e.line, int) for e in reg.entries)


@SETTINGS
@given(mutated_registries())
def test_validate_mode_collects_problems_instead_of_crashing(mutation_dir, text):
    p = mutation_dir / "targets-v.yaml"
    p.write_text(text, encoding="utf-8")
    problems: list = []
    try:
        load_registry(p, problems)
    except DataFileError:
        return  # structural: unreadable YAML, not a mapping, ...
    assert all(str(x).startswith(f"{p}:") for x in problems)


# --------------------------------------------------------------------------- regressions


@pytest.mark.parametrize("text", ["2024年十十月底前", "二二十年", "十十年末", "2024年二十十月"])
def test_regression_malformed_chinese_numeral(text):
    with pytest.raises(DeadlineError):
        parse_deadline(text)


@pytest.mark.parametrize("text", ["1e400", "9" * 400 + "家", "1e400×0", "1e308×10", "一" + "亿" * 40])
def test_regression_overflowing_quantity(text):
    with pytest.raises(QuantityError):
        parse_value(text)


@pytest.mark.parametrize("text", [
    TINY_REGISTRY.replace("exclusions:\n  - {line: 5, text: 面向16市, reason: descriptive count}\n",
                          "exclusions: 5\n"),
    TINY_REGISTRY.replace("  plans:\n    - {code: test,", "  plans: 7\n  x: [{code: test,").replace(
        "coordinator: [省科技厅]}\n", "coordinator: [省科技厅]}]\n"),
])
def test_regression_scalar_list(mutation_dir, text):
    p = mutation_dir / "scalar.yaml"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError):
        load_registry(p)


def test_regression_numeral_in_registry(mutation_dir):
    text = TINY_REGISTRY.replace("    deadline_text: 2024年10月底前\n", "    deadline_text: 2024年十十月底前\n")
    assert text != TINY_REGISTRY
    p = mutation_dir / "numeral.yaml"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match="deadline_text"):
        load_registry(p)
