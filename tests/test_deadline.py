"""Deadline phrases → dates: the documented table, phrases from the real source, and refusals."""

from datetime import date

import pytest

from plancli.deadline import DeadlineError, Period, parse_date, parse_deadline
from plancli.registry import load_registry

from .conftest import SHIPPED, SOURCE

D = date


@pytest.mark.parametrize(("phrase", "expected", "kind"), [
    # month ends, inclusive of the last day
    ("2024年10月底前", D(2024, 10, 31), "by"),
    ("2024 年 10 月底前", D(2024, 10, 31), "by"),       # PDF spaces
    ("２０２４年１０月底", D(2024, 10, 31), "by"),        # full-width digits
    ("二〇二四年十月", D(2024, 10, 31), "by"),            # Chinese numerals
    ("二〇二五年六月底前", D(2025, 6, 30), "by"),
    ("2025年6月底前", D(2025, 6, 30), "by"),
    ("2024年2月底前", D(2024, 2, 29), "by"),             # leap year
    ("2025年2月底", D(2025, 2, 28), "by"),
    ("2024年5月底前", D(2024, 5, 31), "by"),
    ("2024年10月前", D(2024, 9, 30), "by"),              # before October starts
    ("2024年1月前", D(2023, 12, 31), "by"),
    ("2024年2月29日", D(2024, 2, 29), "by"),
    ("2024-10-15", D(2024, 10, 15), "by"),
    ("二〇二四年十月十五日", D(2024, 10, 15), "by"),
    # year ends
    ("2024年", D(2024, 12, 31), "by"),
    ("2025 年", D(2025, 12, 31), "by"),
    ("到2025年", D(2025, 12, 31), "by"),
    ("力争到 2025 年", D(2025, 12, 31), "by"),
    ("2024年年底前", D(2024, 12, 31), "by"),
    ("2024年底", D(2024, 12, 31), "by"),
    ("到2024年年底", D(2024, 12, 31), "by"),
    ("2025年年底以前", D(2025, 12, 31), "by"),
    ("2025 年年底", D(2025, 12, 31), "by"),
    # half-years and quarters
    ("2024年上半年", D(2024, 6, 30), "by"),
    ("2024年下半年", D(2024, 12, 31), "by"),
    ("2025年第三季度", D(2025, 9, 30), "by"),
    ("2024年一季度", D(2024, 3, 31), "by"),
    # plan-length phrases → end of the period
    ("两年", D(2025, 12, 31), "period"),
    ("用两年时间", D(2025, 12, 31), "period"),
    ("力争用2年时间", D(2025, 12, 31), "period"),
    ("两年内", D(2025, 12, 31), "period"),
    ("2024—2025年", D(2025, 12, 31), "period"),
    ("2024-2025年", D(2025, 12, 31), "period"),
])
def test_phrase_to_date(phrase, expected, kind):
    d = parse_deadline(phrase)
    assert (d.date, d.kind) == (expected, kind)
    assert d.dates[-1] == d.date


@pytest.mark.parametrize(("phrase", "dates", "kind"), [
    ("每年", [D(2024, 12, 31), D(2025, 12, 31)], "yearly"),
    ("年均", [D(2024, 12, 31), D(2025, 12, 31)], "yearly"),
    ("每年年底前", [D(2024, 12, 31), D(2025, 12, 31)], "yearly"),
    ("每季度", [D(2024, 3, 31), D(2024, 6, 30), D(2024, 9, 30), D(2024, 12, 31),
              D(2025, 3, 31), D(2025, 6, 30), D(2025, 9, 30), D(2025, 12, 31)], "quarterly"),
    ("2024年、2025年", [D(2024, 12, 31), D(2025, 12, 31)], "by"),
])
def test_recurring_and_lists(phrase, dates, kind):
    d = parse_deadline(phrase)
    assert list(d.dates) == dates and d.kind == kind and d.date == dates[-1]


def test_period_is_a_parameter():
    p = Period(D(2023, 1, 1), D(2027, 12, 31))
    assert [x.year for x in parse_deadline("每年", p).dates] == [2023, 2024, 2025, 2026, 2027]
    assert parse_deadline("三年", p).date == D(2025, 12, 31)
    assert parse_deadline("两年", p).date == D(2024, 12, 31)


@pytest.mark.parametrize("phrase", [
    "", "   ", "明年", "近期", "2024年13月底前", "2024年0月", "2024年10月前底", "三年行动", "年底",
    "12345", "9999年",
])
def test_unreadable_phrases_are_errors(phrase):
    with pytest.raises(DeadlineError):
        parse_deadline(phrase)


@pytest.mark.parametrize("text", ["2024-13-01", "2023-02-29", "2024-02-30", "2024/13/01", "20240230", "2024-10/01",
                                  "202410", "tomorrow", "today"])
def test_impossible_dates(text):
    with pytest.raises(DeadlineError):
        parse_date(text)


# How dates are typed: ISO, with slashes or dots (Excel/WPS and 2024/10/31 in notices), eight digits
# (file names, 20241031), and the Chinese form used in the documents themselves.
@pytest.mark.parametrize(("text", "iso"), [
    ("2024-10-31", "2024-10-31"), ("2024/10/31", "2024-10-31"), ("2025/1/1", "2025-01-01"),
    ("2024.10.31", "2024-10-31"), ("20250101", "2025-01-01"), (" 2024 / 10 / 31 ", "2024-10-31"),
    ("2024年10月31日", "2024-10-31"), ("二〇二四年十月三十一日", "2024-10-31"), ("２０２４－１０－３１", "2024-10-31"),
])
def test_dates_as_people_type_them(text, iso):
    assert parse_date(text).isoformat() == iso


def test_every_deadline_phrase_in_the_shipped_registry_parses_to_its_date():
    reg = load_registry(SHIPPED)
    phrases = [e for e in reg.entries if e.deadline_text]
    assert len(phrases) > 200
    for e in phrases:
        assert parse_deadline(e.deadline_text, reg.period).date == e.deadline, e.id


def test_phrases_as_they_stand_in_the_source():
    text = SOURCE.read_text(encoding="utf-8")
    for phrase, expected in [("2024年10月底前", D(2024, 10, 31)), ("2024年6月底前", D(2024, 6, 30)),
                             ("2024年5月底前", D(2024, 5, 31)), ("2025年6月底前", D(2025, 6, 30)),
                             ("2025年年底以前", D(2025, 12, 31)), ("到2024年年底", D(2024, 12, 31)),
                             ("力争用2年时间", D(2025, 12, 31))]:
        assert phrase in text
        assert parse_deadline(phrase).date == expected
