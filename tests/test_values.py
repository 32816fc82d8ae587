"""Quantities as written → numbers in plain units, and actual values converted to a target's unit."""

import re

import pytest

from plancli.values import QuantityError, convert, multiplier_of, parse_value, written_like


@pytest.mark.parametrize(("text", "value", "unit", "value_max"), [
    ("3.5 万家", 35000, "家", None),
    ("2.2万亿元", 2.2e12, "元", None),
    ("1.45 万亿元", 1.45e12, "元", None),
    ("１．４５ 万亿元", 1.45e12, "元", None),
    ("10%", 10, "%", None),
    ("10％", 10, "%", None),
    ("3—5 家", 3, "家", 5),
    ("1-2 个", 1, "个", 2),
    ("2×30万千瓦", 600000, "千瓦", None),
    ("415万千瓦", 4150000, "千瓦", None),
    ("1 亿千瓦", 1e8, "千瓦", None),
    ("3000亿元", 3e11, "元", None),
    ("3 个百分点", 3, "个百分点", None),
    ("8000 人", 8000, "人", None),
    ("千万", 1e7, "", None),
    ("千万千瓦", 1e7, "千瓦", None),
    ("百万千瓦", 1e6, "千瓦", None),
    ("两百家", 200, "家", None),
    ("千", 1000, "", None),
    ("倍增", 2, "倍", None),
    ("1.2e4", 12000, "", None),
    ("20 项左右", 20, "项", None),
])
def test_parse_value(text, value, unit, value_max):
    q = parse_value(text)
    assert q.value == pytest.approx(value) and q.unit == unit
    assert q.value_max == (pytest.approx(value_max) if value_max is not None else None)


@pytest.mark.parametrize("text", ["", "abc", "约", "5—3 家", "3.5.1 万"])
def test_not_a_quantity(text):
    with pytest.raises(QuantityError):
        parse_value(text)


@pytest.mark.parametrize(("actual", "unit", "expected"), [
    ("717.7万千瓦", "千瓦", 7177000),
    ("4.2万个", "个", 42000),
    ("96%", "%", 96),
    ("1.2e4", "家", 12000),
    ("3.6万家", "家", 36000),
    ("2.3万亿元", "元", 2.3e12),
    ("2 个百分点", "个百分点", 2),
    ("2 百分点", "个百分点", 2),
])
def test_convert_actual_to_target_unit(actual, unit, expected):
    assert convert(actual, unit) == pytest.approx(expected)


@pytest.mark.parametrize(("actual", "unit"), [("5 家", "元"), ("96%", "家"), ("3 万吨", "千瓦")])
def test_convert_refuses_other_units(actual, unit):
    with pytest.raises(QuantityError, match="does not match"):
        convert(actual, unit)


def test_every_value_in_the_shipped_registry_reads_back():
    from plancli.registry import load_registry

    from .conftest import SHIPPED

    for e in load_registry(SHIPPED).entries:
        if e.value_text:
            q = parse_value(e.value_text)
            assert q.value == pytest.approx(e.value), e.id


# --------------------------------------------------------------------------- actual values against a target
# Issue 8: `--actual 1.02` against “1 亿千瓦” was stored as 1.02 千瓦. A bare number (no unit, no
# multiplier) is read as the target is written: with the multiplier of the target's value_text.
# Each value_text is a real one of the shipped registry (its entry id in the last column).

@pytest.mark.parametrize(("actual", "value_text", "unit", "expected", "entry"), [
    ("1.02", "1 亿千瓦", "千瓦", 1.02e8, "xny-001"),
    ("2.5", "2.3亿千瓦", "千瓦", 2.5e8, "fxfk-010"),
    ("1350", "1300 亿千瓦时", "千瓦时", 1.35e11, "fxfk-011"),
    ("3.6", "3.5 万家", "家", 36000, "kjyf-002"),
    ("1", "3.8 万家", "家", 10000, "kjyf-003"),
    ("230", "220 亿元", "元", 2.3e10, "yshj-017"),
    ("99.5", "99%", "%", 99.5, "szbg-004"),
    ("2.5", "3 个百分点", "个百分点", 2.5, "szbg-006"),
    ("65", "2×30万千瓦", "千瓦", 650000, "parse_value docstring"),  # × then 万: the multiplier is still 万
    # a value with its own multiplier or unit is read as written, whatever the target's
    ("1.02亿千瓦", "1 亿千瓦", "千瓦", 1.02e8, "xny-001"),
    ("10200万千瓦", "1 亿千瓦", "千瓦", 1.02e8, "xny-001"),
    ("3.6万", "3.5 万家", "家", 36000, "kjyf-002"),
    ("36000家", "3.5 万家", "家", 36000, "kjyf-002"),
    ("99%", "99%", "%", 99, "szbg-004"),
    ("1,234家", "3.5 万家", "家", 1234, "kjyf-002"),  # groups of three digits: a thousands separator
    ("12,345,678千瓦", "1 亿千瓦", "千瓦", 12345678, "xny-001"),
])
def test_actual_is_read_as_the_target_is_written(actual, value_text, unit, expected, entry):
    assert convert(actual, unit, value_text) == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize(("actual", "value_text", "unit", "message"), [
    # issue 8: 0.99 against “99%” was stored as 0.99 %
    ("0.99", "99%", "%", "ambiguous: write 99% for the fraction 0.99, or 0.99% if you mean that"),
    ("1", "100%", "%", "ambiguous: write 100% for the fraction 1"),
    ("0.5", "50%", "%", "ambiguous"),
    # issue 8: 3,6万家 became 360000; a decimal comma is never read as a thousands separator
    ("3,6万家", "3.5 万家", "家", "'3,6' has a comma that is not a thousands separator"),
    ("3，6万家", "3.5 万家", "家", "write the decimal point: 3.6"),
    ("1,2345", "3.5 万家", "家", "not a thousands separator"),
    ("1,23", "1 亿千瓦", "千瓦", "not a thousands separator"),
    ("12,34,567", "1 亿千瓦", "千瓦", "not a thousands separator"),
])
def test_ambiguous_actuals_are_refused(actual, value_text, unit, message):
    with pytest.raises(QuantityError, match=re.escape(message)):
        convert(actual, unit, value_text)


@pytest.mark.parametrize(("value", "value_text", "unit", "written"), [
    (1.02e8, "1 亿千瓦", "千瓦", "1.02 亿千瓦"),      # not 1.02e+08 千瓦
    (2.5e8, "2.3亿千瓦", "千瓦", "2.5亿千瓦"),        # spacing as the target has it
    (10000, "3.8 万家", "家", "1 万家"),
    (99.5, "99%", "%", "99.5%"),
    (7177000, "700 万千瓦", "千瓦", "717.7 万千瓦"),
    (0.45, "0.5 吨标准煤", "吨标准煤", "0.45 吨标准煤"),
    (650000, "2×30万千瓦", "千瓦", "65万千瓦"),
])
def test_written_like_the_target(value, value_text, unit, written):
    assert written_like(value, value_text, unit) == written


@pytest.mark.parametrize(("value_text", "factor", "word"), [
    ("1 亿千瓦", 1e8, "亿"), ("2.2万亿元", 1e12, "万亿"), ("3.5 万家", 1e4, "万"), ("99%", 1, ""),
    ("3—5 家", 1, ""), ("千万千瓦", 1, ""), ("突破 3.5 万家", 1e4, "万"), (None, 1, ""),
])
def test_multiplier_of_a_value_text(value_text, factor, word):
    assert multiplier_of(value_text) == (factor, word)
