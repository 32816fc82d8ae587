"""Actual values typed into `record`, read against a target as it is written (plancli/actuals.py)."""

import re

import pytest

from plancli.text.actuals import convert, multiplier_of, written_like
from plancli.text.quantities import QuantityError


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
