"""The one Chinese-numeral grammar (plancli.text.numerals) and the readers that share it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from plancli.text.deadline import parse_deadline
from plancli.text.numerals import (
    MEASURE_WORDS,
    TRADITIONAL,
    NumeralError,
    measure_words,
    numeral_prefix,
    read_numeral,
    simplified,
)
from plancli.text.quantities import parse_target, parse_value
from plancli.text.source import SourceText
from plancli.text.tokens import tokens

from .conftest import ROOT


@pytest.mark.parametrize(("text", "value"), [
    # positional, as plans write them
    ("十", 10), ("十二", 12), ("二十", 20), ("三十一", 31), ("一十", 10), ("一百", 100),
    ("两千五百", 2500), ("一千零五十", 1050), ("一千零十", 1010), ("一万零二", 10002),
    ("十二万三千", 123000), ("三千零五万", 30_050_000), ("千万", 10_000_000), ("百万", 1_000_000),
    ("三亿五千万", 350_000_000), ("一万亿", 10**12), ("千亿", 10**11), ("亿亿", None), ("一亿亿", 10**16),
    # the spoken short form: a last digit right after its unit
    ("一万二", 12000), ("两千五", 2500), ("三百五", 350), ("一亿五", 150_000_000), ("十二万三", 123_000),
    # decimals
    ("三点五", 3.5), ("零点五", 0.5), ("一点二亿", 120_000_000.0), ("三点五万", 35000.0),
    # digits one by one (years), zeros
    ("〇", 0), ("零", 0), ("二〇二四", 2024), ("二零二四", 2024), ("二○二五", 2025),
    # Arabic digits, full-width too
    ("2024", 2024), ("２０２４", 2024), ("3.5", 3.5),
    # financial and traditional forms
    ("貳", 2), ("壹佰贰拾", 120), ("叁仟", 3000), ("兩萬", 20000), ("陸", 6),
])
def test_read_numeral(text, value):
    if value is None:
        with pytest.raises(NumeralError):
            read_numeral(text)
        return
    got = read_numeral(text)
    assert got == value and type(got) is type(value)


@pytest.mark.parametrize("text", ["", "万", "亿", "点五", "十十", "二十百", "一万万", "二二十", "零百", "一百千",
                                  "一千零百", "一亿二亿", "3万", "十点", "家"])
def test_what_is_not_a_numeral_is_refused(text):
    with pytest.raises(NumeralError, match="numeral"):
        read_numeral(text)


@pytest.mark.parametrize(("text", "stop", "found"), [
    ("两百家", (), (200, "家")),
    ("一千零五十个", (), (1050, "个")),
    ("二十家", (), (20, "家")),
    ("十二万三千人", (), (123000, "人")),
    ("三点五万家", (), (35000.0, "家")),
    ("十点钟", (), (10, "点钟")),                       # 点 without a digit after it is no decimal
    ("千万千瓦", ("千瓦", "万千瓦"), (1000, "万千瓦")),  # a unit that begins inside the numeral stays out
    ("一万二千瓦", ("千瓦",), (12000, "千瓦")),
    ("零售网点", (), None),                              # a zero opens only a decimal
    ("零点五米", (), (0.5, "米")),
    ("陆上风电", (), None),                              # financial digits only in a whole numeral
    ("家", (), None),
])
def test_numeral_prefix(text, stop, found):
    assert numeral_prefix(text, stop) == found


def test_one_traditional_map_keeps_positions():
    keys = [chr(k) for k in TRADITIONAL]
    assert len(keys) == len(set(keys))
    assert all(isinstance(v, int) for v in TRADITIONAL.values())  # one character for one
    assert simplified("萬億兩個於內達過") == "万亿两个于内达过"


def test_measure_words_are_one_list_taken_by_kind():
    everything = measure_words()
    assert len(everything) == len(set(everything))
    assert set(everything) == {w for ws in MEASURE_WORDS.values() for w in ws}
    assert everything.index("千瓦时") < everything.index("千瓦") < everything.index("个")
    assert "年" not in measure_words("count", "unit", "span") and "年" in measure_words("calendar")


# The readers share the grammar: what one reads, the others read the same way.
@pytest.mark.parametrize(("phrase", "date"), [
    ("二〇二四年十月底前", "2024-10-31"),
    ("二零二五年十二月三十一日", "2025-12-31"),
    ("两年内", "2025-12-31"),
    ("“十四五”期末", "2025-12-31"),
    ("2024年10月底前", "2024-10-31"),
    ("二〇二四年十月底前完成", None),
])
def test_deadlines_read_numerals_with_the_one_reader(phrase, date):
    if date is None:
        with pytest.raises(ValueError):
            parse_deadline(phrase)
        return
    assert parse_deadline(phrase).date.isoformat() == date


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("二十家", 20, "家"),                 # was 2 of 十家
    ("十二万三千人", 123000, "人"),
    ("一千零五十家", 1050, "家"),
    ("两千五百家", 2500, "家"),
    ("三点五万家", 35000, "家"),
    ("三萬人", 30000, "人"),
    ("50场次", 50, "场次"),               # a measure word of the one list, no longer cut to 场
])
def test_quantities_read_numerals_with_the_one_reader(text, value, unit):
    q = parse_value(text)
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize("text", ["万人", "亿元", "零售网点"])
def test_a_multiplier_or_a_word_alone_is_no_quantity(text):
    with pytest.raises(ValueError):
        parse_value(text)


def test_targets_in_chinese_numerals():
    assert parse_target("突破二十家").values[0].value == 20
    assert parse_target("超过一千零五十家").values[0].value == 1050
    assert parse_target("翻两番").values[0].value == 4


def test_coverage_tokens_read_traditional_text_and_report_it_as_written():
    src = SourceText(Path("x"), "到2025年，新增就業三萬人，建設兩個基地，實施十大工程。\n")
    assert [t for _, _, t in tokens(src, 1, 1)] == ["2025", "三萬", "兩", "十"]


def test_no_reader_spells_the_numerals_again():
    """The numeral tables live in text/numerals.py only: no other module maps 一二三… to numbers or
    holds its own traditional map or measure-word list."""
    digit_map = re.compile(r"""["']一["']\s*:\s*1\b|enumerate\(["']〇?一二三""")
    for p in (ROOT / "plancli").rglob("*.py"):
        if p.name == "numerals.py":
            continue
        text = p.read_text(encoding="utf-8")
        assert not digit_map.search(text), p
        assert "str.maketrans(\"萬" not in text and "於後內" not in text, p
        assert "MEASURE_WORDS = (" not in text, p
