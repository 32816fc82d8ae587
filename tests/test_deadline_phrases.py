"""Deadline phrases copied verbatim from real government documents (tests/phrase_sources.py), each read
in the context of its own document: its date (a year-less phrase is read in that year) and, for a
schedule, the period it recurs over. Undatable phrases must be refused with the phrase named.

Columns: source key, phrase, expected (ISO date, kind) or ("error", words the message must contain).
"""

from __future__ import annotations

import pytest

from plancli.text.deadline import Context, DeadlineError, parse_deadline

from .phrase_sources import SOURCES

ROWS: list[tuple[str, str, tuple[str, str]]] = [
    # national
    ("gwr2022", "“十四五”规划期内", ("2025-12-31", "period")),
    ("gf2020", "年内", ("2020-12-31", "by")),
    # an air campaign's autumn-and-winter season: October to the March after
    ("houma2025", "2025—2026年秋冬季", ("2026-03-31", "period")),
    # a month whose 月 the page dropped before 底
    ("rencheng2021", "2022年8底前", ("2022-08-31", "by")),
    # the end of a five-year term, 期末 (round eighty-nine)
    ("dongguan2022", "到“十四五”期末", ("2025-12-31", "by")),
    ("gwr2024full", "今年", ("2024-12-31", "by")),
    ("gwr2025", "今年", ("2025-12-31", "by")),
    ("gwr2025b", "2025 年", ("2025-12-31", "by")),
    ("gwr2025b", "“十四五”", ("2025-12-31", "period")),
    ("xinhua2025", "2024年末", ("2024-12-31", "by")),
    ("xinhua2025", "“十四五”时期", ("2025-12-31", "period")),
    ("xinhua2025", "“十五五”", ("2030-12-31", "period")),
    ("xinhua2025", "到2025年", ("2025-12-31", "by")),
    ("mee2020", "2019—2020年", ("2020-12-31", "period")),
    ("mee2020", "2019年10月—2020年3月", ("2020-03-31", "by")),
    # provinces
    ("shanxi2008", "于每年的3月10日前", ("2010-03-10", "yearly")),
    ("shanxi2008", "3月31日前", ("error", "has no year")),
    ("shanxi2008", "自2008年5月1日起", ("error", "marks a start")),
    ("shanxi2017", "2017年5月15日", ("2017-05-15", "by")),
    ("shanxi2017", "“十三五”", ("2020-12-31", "period")),
    ("shanxi2025", "截至今年9月底", ("2025-09-30", "by")),
    ("shanxi2025", "“十二五”以来", ("error", "marks a start")),
    ("shandong2014", "从2014年开始", ("error", "marks a start")),
    ("shandong2014", "2015年", ("2015-12-31", "by")),
    ("shandong2014", "2016年", ("2016-12-31", "by")),
    ("guangdong2023", "到2024年", ("2024-12-31", "by")),
    ("guangdong2023", "到2025年", ("2025-12-31", "by")),
    ("zhejiang14", "到2025年", ("2025-12-31", "by")),
    ("zhejiang14", "“十四五”时期", ("2025-12-31", "period")),
    ("zhejiang2025", "2025年", ("2025-12-31", "by")),
    ("gansu2025", "“十四五”", ("2025-12-31", "period")),
    ("gansu2025", "“十五五”", ("2030-12-31", "period")),
    ("gansu2025", "2025年", ("2025-12-31", "by")),
    ("sichuan2022", "2022年10月18日", ("2022-10-18", "by")),
    ("sichuan2022", "“十四五”", ("2025-12-31", "period")),
    # cities, districts, counties
    ("lishan2023", "2023年3月28日", ("2023-03-28", "by")),
    ("xinyu2023", "到2023年底", ("2023-12-31", "by")),
    ("xinyu2023", "2023年8月7日", ("2023-08-07", "by")),
    ("panjin2021", "于2021年2月3日前", ("2021-02-03", "by")),
    ("panjin2021", "于2月7日前", ("2021-02-07", "by")),
    ("panjin2021", "于每月28日前", ("error", "only yearly, half-yearly and quarterly")),
    ("panjin2021", "年底", ("2021-12-31", "by")),
    ("panjin2021", "2021年1月25日", ("2021-01-25", "by")),
    ("xianyang2022", "2022年10月底前", ("2022-10-31", "by")),
    ("chengdu2001", "于4月15日前", ("2001-04-15", "by")),
    ("chengdu2001", "每月10日前", ("error", "only yearly, half-yearly and quarterly")),
    ("chengdu2001", "二○○一年四月四日", ("2001-04-04", "by")),
    ("city2025", "于2025年2月5日前", ("2025-02-05", "by")),
    ("city2025", "自2025年第二季度起", ("error", "marks a start")),
    ("city2025", "每個季度第1個月的20日前", ("error", "cannot read deadline phrase")),
    ("city2025", "每季度", ("2025-12-31", "quarterly")),
    ("jiande2023", "到2027年", ("2027-12-31", "by")),
    ("jiande2023", "(2023—2027年)", ("2027-12-31", "period")),
    ("jiande2023", "2023年4月6日", ("2023-04-06", "by")),
    ("qingyuan2021", "二 〇 三五年", ("2035-12-31", "by")),
    ("qingyuan2021", "“十三五”以来", ("error", "marks a start")),
    ("qingyuan2021", "2021 年 3 月", ("2021-03-31", "by")),
    ("qingyuan2021", "“十三五”期间", ("2020-12-31", "period")),
    ("qingyuan2021", "2015 年末", ("2015-12-31", "by")),
    ("lujiang2021", "“ 十三五 ” 时期", ("2020-12-31", "period")),
    ("lujiang2021", "“ 十三五 ” 期间", ("2020-12-31", "period")),
    ("lujiang2021", "2021 年 5 月", ("2021-05-31", "by")),
    ("lujiang2021", "2021 年 1 月 13 日", ("2021-01-13", "by")),
    ("lujiang2021", "2035 年", ("2035-12-31", "by")),
    ("bengbu2018", "到2020年", ("2020-12-31", "by")),
    # a traditional-script page: 時期, 期間
    ("mianxian2021", "2021—2025 年", ("2025-12-31", "period")),
    ("mianxian2021", "到2035 年", ("2035-12-31", "by")),
    ("mianxian2021", "“十四五”時期", ("2025-12-31", "period")),
    ("mianxian2021", "“十三五”期間", ("2020-12-31", "period")),
    ("xuancheng2020", "1-11月份", ("2020-11-30", "by")),
    ("xuancheng2020", "四季度", ("2020-12-31", "by")),
    ("xuancheng2020", "2020-12-24", ("2020-12-24", "by")),
    ("shouxian2022", "1-6月", ("2022-06-30", "by")),
    ("shouxian2022", "上半年", ("2022-06-30", "by")),
    ("shouxian2022", "2022-08-23", ("2022-08-23", "by")),
    ("jinzhai2025", "7月9日至17日", ("2025-07-17", "by")),
    ("jinzhai2025", "上半年", ("2025-06-30", "by")),
    ("elht2024", "2024年1月17日至19日", ("2024-01-19", "by")),
    ("elht2024", "2024-04-02", ("2024-04-02", "by")),
    ("gaotang2024", "2024年3月28日", ("2024-03-28", "by")),
    ("gaotang2024", "每季度", ("2024-12-31", "quarterly")),
    ("dawa2021", "每季度", ("2021-12-31", "quarterly")),
    ("dawa2021", "2021年1月25日", ("2021-01-25", "by")),
    ("jingan2018", "(2018—2020年)", ("2020-12-31", "period")),
    ("zhenba2024", "2024年04月06日", ("2024-04-06", "by")),
    ("huzhou2024", "2024年4月3日", ("2024-04-03", "by")),
    ("huzhou2024", "2024-04-03", ("2024-04-03", "by")),
    ("shaoxing2025", "2025-02-18", ("2025-02-18", "by")),
    ("shaoxing2025", "2025年", ("2025-12-31", "by")),
    ("chengkou2025", "2025年2月17日", ("2025-02-17", "by")),
    ("bozhou2025", "2025-01-14", ("2025-01-14", "by")),
    ("beijing2016", "2016年5月28日", ("2016-05-28", "by")),
    ("hechi2024", "2024年6月12日", ("2024-06-12", "by")),
    ("liaoyuan2024", "2024年4月22日", ("2024-04-22", "by")),
    # Guangzhou 633 实施意见 (2012), the second shipped document: a start with a span is datable
    ("gz633", "2012年起5年内", ("2016-12-31", "period")),
    ("gz633", "5年内", ("2016-12-31", "period")),
    ("gz633", "每年", ("2016-12-31", "yearly")),
]


@pytest.mark.parametrize(("key", "phrase", "expected"), ROWS, ids=[f"{k}:{p}" for k, p, _ in ROWS])
def test_real_phrase(key, phrase, expected):
    ctx = SOURCES[key].context()
    if expected[0] == "error":
        with pytest.raises(DeadlineError) as err:
            parse_deadline(phrase, ctx)
        assert repr(phrase) in str(err.value) and expected[1] in str(err.value)
        return
    d = parse_deadline(phrase, ctx)
    assert (d.date.isoformat(), d.kind) == expected
    assert d.dates[-1] == d.date and list(d.dates) == sorted(d.dates)
    if d.kind in ("yearly", "quarterly", "half-yearly"):
        assert all(ctx.period.start <= x <= ctx.period.end for x in d.dates)


def test_the_table_spans_many_documents():
    assert {k for k, _, _ in ROWS} <= SOURCES.keys()
    assert len({k for k, _, _ in ROWS}) >= 10
    assert len({(k, p) for k, p, _ in ROWS}) == len(ROWS)  # no row twice


# Phrases that a document could contain but that name no date; constructed, not quoted.
@pytest.mark.parametrize(("phrase", "ctx", "words"), [
    ("长期坚持", Context(doc_date=None), "names no date"),
    ("适时", Context(year=2024), "names no date"),
    ("持续推进", Context(year=2024), "names no date"),
    ("尽快", Context(year=2024), "names no date"),
    ("三年内", Context(year=2024), "give the plan period"),
    ("每年4月底前", Context(year=2024), "give the plan period"),
    ("10月底前", Context(), "has no year: give the document date (--doc-date) or --year"),
    ("明年6月底前", Context(), "has no year"),
    ("上半年前", Context(year=2024), "ambiguous"),
    ("2024年13月底前", Context(), "impossible month 13"),
    ("2025年2月29日", Context(), "impossible date"),
    ("1990年春节前", Context(), "no Spring Festival date known for 1990"),
    ("十四五五", Context(), "cannot read deadline phrase"),
    ("asdf", Context(), "cannot read deadline phrase"),
    ("2024年10月底前前", Context(), "cannot read deadline phrase"),
])
def test_undatable_phrases_are_refused_by_name(phrase, ctx, words):
    with pytest.raises(DeadlineError) as err:
        parse_deadline(phrase, ctx)
    assert repr(phrase) in str(err.value) and words in str(err.value)
