"""Quantities as written → numbers in plain units, and actual values converted to a target's unit."""

import pytest

from plancli.values import QuantityError, convert, parse_value


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
