"""Deadline phrases → dates: the documented table, phrases from the real source, and refusals."""

from datetime import date

import pytest

from plancli.registry.loading import load_registry
from plancli.text.deadline import Context, DeadlineError, Period, parse_date, parse_deadline

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
    ("2021年8月份前", D(2021, 7, 31), "by"),            # 份 names the month: before August starts, as 8月前
    ("2021年8月份", D(2021, 8, 31), "by"),              # counter-case: the month itself, to its end
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
    # the Spring Festival, a lunar date (到2022年春节前: 登封's 欠薪 plan, bench city2021_dengfeng_qianxin line 19)
    ("到2022年春节前", D(2022, 1, 31), "by"),
    ("2024年春节之前", D(2024, 2, 9), "by"),
    ("2025年春节", D(2025, 1, 29), "by"),
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


# --------------------------------------------------------------------------- the generalised grammar
# Constructed phrases, one per form of the module docstring's table, read against a document of
# 2024-03-01 and the plan period 2024-2025 (the real-document phrases are in test_deadline_phrases.py).

DOC = Context(doc_date=D(2024, 3, 1), period=Period(D(2024, 1, 1), D(2025, 12, 31)))


@pytest.mark.parametrize(("phrase", "expected", "kind"), [
    # year-less phrases are read in the document's year
    ("10月底前", D(2024, 10, 31), "by"),
    ("6月30日前", D(2024, 6, 30), "by"),
    ("10月前", D(2024, 9, 30), "by"),
    ("上半年", D(2024, 6, 30), "by"),
    ("下半年", D(2024, 12, 31), "by"),
    ("第三季度", D(2024, 9, 30), "by"),
    ("年底前", D(2024, 12, 31), "by"),
    ("年内", D(2024, 12, 31), "by"),
    ("今年内", D(2024, 12, 31), "by"),
    ("今年底前", D(2024, 12, 31), "by"),
    ("明年6月底前", D(2025, 6, 30), "by"),
    ("去年底", D(2023, 12, 31), "by"),
    # 旬 and quarters
    ("10月上旬", D(2024, 10, 10), "by"),
    ("10月中旬前", D(2024, 10, 20), "by"),
    ("二〇二五年十二月下旬", D(2025, 12, 31), "by"),
    ("2024年2月下旬", D(2024, 2, 29), "by"),
    ("第二季度末", D(2024, 6, 30), "by"),
    ("二季度末", D(2024, 6, 30), "by"),
    ("前三季度", D(2024, 9, 30), "by"),
    ("首季度", D(2024, 3, 31), "by"),
    ("一季度", D(2024, 3, 31), "by"),
    # named five-year periods
    ("十三五", D(2020, 12, 31), "period"),
    ("“十四五”期间", D(2025, 12, 31), "period"),
    ("十四五时期", D(2025, 12, 31), "period"),
    ("十四五末", D(2025, 12, 31), "by"),
    ("到“十四五”末", D(2025, 12, 31), "by"),
    ("十五五", D(2030, 12, 31), "period"),
    ("第十四个五年规划期间", D(2025, 12, 31), "period"),
    # ranges: the end counts; a missing year or month comes from the start
    ("2024年3月至6月", D(2024, 6, 30), "by"),
    ("2019年1至5月", D(2019, 5, 31), "by"),  # (宜昌's campaign stages: the start's 月 left to the end)
    ("2024年3月—2025年6月", D(2025, 6, 30), "by"),
    ("2024年3月–6月", D(2024, 6, 30), "by"),
    ("2024年3月－6月", D(2024, 6, 30), "by"),
    ("2024年3月～6月", D(2024, 6, 30), "by"),
    ("2024年3月~6月", D(2024, 6, 30), "by"),
    ("2024年3月到6月", D(2024, 6, 30), "by"),
    ("3月1日至15日", D(2024, 3, 15), "by"),
    ("2024—2025年", D(2025, 12, 31), "period"),
    ("2024年至2025年", D(2025, 12, 31), "period"),
    ("（2024—2025年）", D(2025, 12, 31), "period"),
    # suffixes and leading words, in combination
    ("2024年6月以前", D(2024, 5, 31), "by"),
    ("2024年6月底之前", D(2024, 6, 30), "by"),
    ("2024年6月以内", D(2024, 6, 30), "by"),
    ("2024年6月末", D(2024, 6, 30), "by"),
    ("2024年底为止", D(2024, 12, 31), "by"),
    ("2024年年末", D(2024, 12, 31), "by"),
    ("2024年内", D(2024, 12, 31), "by"),
    ("原则上于2024年底前", D(2024, 12, 31), "by"),
    ("力争于明年底前", D(2025, 12, 31), "by"),
    ("确保在今年6月底之前", D(2024, 6, 30), "by"),
    ("截至2024年12月31日", D(2024, 12, 31), "by"),
    ("计划2025年6月", D(2025, 6, 30), "by"),
    ("预计今年三季度", D(2024, 9, 30), "by"),
    ("争取到2025年", D(2025, 12, 31), "by"),
    # numerals and spacing
    ("二〇二五年", D(2025, 12, 31), "by"),
    ("二○二四年底", D(2024, 12, 31), "by"),
    ("二零二四年十月", D(2024, 10, 31), "by"),
    ("２０２５年６月底前", D(2025, 6, 30), "by"),
    ("2024 — 2025 年", D(2025, 12, 31), "period"),
    ("三年内", D(2026, 12, 31), "period"),
])
def test_generalised_phrase_in_a_document_context(phrase, expected, kind):
    d = parse_deadline(phrase, DOC)
    assert (d.date, d.kind) == (expected, kind)


@pytest.mark.parametrize(("phrase", "dates", "kind"), [
    ("每年4月底前", [D(2024, 4, 30), D(2025, 4, 30)], "yearly"),
    ("每年的3月10日前", [D(2024, 3, 10), D(2025, 3, 10)], "yearly"),
    ("每年一季度", [D(2024, 3, 31), D(2025, 3, 31)], "yearly"),
    ("每季度末", [D(y, m, d) for y in (2024, 2025) for m, d in ((3, 31), (6, 30), (9, 30), (12, 31))], "quarterly"),
    ("每季度结束前", [D(y, m, d) for y in (2024, 2025) for m, d in ((3, 31), (6, 30), (9, 30), (12, 31))],
     "quarterly"),
    ("每半年", [D(2024, 6, 30), D(2024, 12, 31), D(2025, 6, 30), D(2025, 12, 31)], "half-yearly"),
    ("2024年6月、12月", [D(2024, 6, 30), D(2024, 12, 31)], "by"),
])
def test_schedules_and_lists_in_a_document_context(phrase, dates, kind):
    d = parse_deadline(phrase, DOC)
    assert (list(d.dates), d.kind) == (dates, kind)


def test_a_schedule_keeps_only_the_occurrences_inside_the_period():
    ctx = Context(period=Period(D(2024, 5, 1), D(2025, 12, 31)))
    assert parse_deadline("每年4月底前", ctx).dates == (D(2025, 4, 30),)


def test_the_context_year_overrides_the_document_year():
    assert parse_deadline("10月底前", Context(doc_date=D(2024, 3, 1), year=2026)).date == D(2026, 10, 31)


@pytest.mark.parametrize(("phrase", "ctx", "words"), [
    ("10月底前", None, "has no year: give the document date (--doc-date) or --year"),
    ("今年内", Period(D(2024, 1, 1), D(2025, 12, 31)), "has no year"),
    ("每年", Context(doc_date=D(2024, 3, 1)), "recurs every year of the plan period: give the plan period"),
    ("三年内", Context(doc_date=D(2024, 3, 1)), "counts from the start of the plan period"),
    ("自2019年起", DOC, "marks a start, not a deadline"),
    ("从2024年开始", DOC, "marks a start, not a deadline"),
    ("2024年以来", DOC, "marks a start, not a deadline"),
    ("长期坚持", DOC, "names no date"),
    ("适时", DOC, "names no date"),
    ("持续推进", DOC, "names no date"),
    ("每月", DOC, "only yearly, half-yearly and quarterly"),
    ("第三季度前", DOC, "ambiguous"),
    ("2025年3月至2024年6月", DOC, "runs backwards"),
    ("今年底底", DOC, "cannot read deadline phrase"),
])
def test_undatable_phrases_name_the_phrase_and_the_reason(phrase, ctx, words):
    with pytest.raises(DeadlineError) as err:
        parse_deadline(phrase, ctx) if ctx is not None else parse_deadline(phrase, Context())
    assert repr(phrase) in str(err.value) and words in str(err.value)


@pytest.mark.parametrize(("phrase", "ctx", "words"), [
    ("10月底前", Context(year=99999), "implausible context year 99999"),
    ("去年底", Context(doc_date=D(1, 1, 1)), "implausible context year 1"),
    ("每年1月前", Context(period=Period(D(1, 1, 1), D(1, 12, 31))), "impossible date"),
])
def test_contexts_out_of_range_are_errors_not_crashes(phrase, ctx, words):
    with pytest.raises(DeadlineError, match=words):
        parse_deadline(phrase, ctx)


@pytest.mark.parametrize(("phrase", "expected"), [
    # a campaign's span named from its start (慈利's 义务植树 drive: bench county2021_cili_yiwuzhishu line 7; 东阳's 隐患
    # 排查: dept2025_dongyang_wenwuyinhuan line 11): due when it ends
    ("自3月12日起至30日止", D(2024, 3, 30)),
    ("3月12日起至30日止", D(2024, 3, 30)),
    ("即日起至2025年3月底", D(2025, 3, 31)),
    ("从即日起至2024年6月30日", D(2024, 6, 30)),
])
def test_a_span_from_its_start_is_due_when_it_ends(phrase, expected):
    assert parse_deadline(phrase, Context(year=2024)).date == expected


def test_a_start_alone_is_still_refused():
    with pytest.raises(DeadlineError):
        parse_deadline("自2019年起", Context(year=2024))
