"""Deadline phrases of Chinese planning documents, normalised to dates.

Plans state time the way officials write it, not as ISO dates. This module reads those phrases
against a ``Context``: the document's date (a year-less 10月底前 or 今年底前 is read in the year of
the document), and the plan period (每年 = every year of the period; 两年 = the plan's length). It
refuses anything it cannot date — a silent guess would hand a civil servant a wrong deadline — and
the error names the phrase and, where a context is missing, which one.

Phrases read. Spaces may stand anywhere; digits may be full-width; Chinese numerals (二〇二四年十月,
二○二五年, 二零二四年), quotes (“十四五”), brackets (（2024—2025年）) and the traditional forms of the time
words (於, 個, 後, 內 …) are fine; any run of the leading words 原则上 于 在 力争 争取 确保 到 至 截至
截止 计划 预计 最迟 is dropped (原则上于2024年底前). *Y* is the context year: ``Context.year``, else the
year of ``Context.doc_date``. Each line is: phrases → date(s) [kind].

- 2024年10月底前, 2024年10月底, 2024年10月末, 2024年10月, 10月份, 10月底前 → 2024-10-31 (Y-10-31) [by]
- 2024年10月前, 10月以前, 10月份前 (before October starts) → 2024-09-30 [by]
- 2024年10月15日, 6月30日前, 2024-10-15, 二○○一年四月四日 → that day [by]
- 10月上旬 / 10月中旬 / 10月下旬 → Y-10-10 / Y-10-20 / Y-10-31 [by]
- 2024年, 到2025年, 2024年年底前, 2024年底为止, 2025年末, 2024年度, 年底前, 年内, 今年内, 今年底前
  → Dec 31 of that year [by]
- 明年6月底前, 去年底, 截至今年9月底 → relative to Y (今年 = Y, 明年 = Y+1, 去年 = Y-1) [by]
- 上半年 / 下半年 → Y-06-30 / Y-12-31 [by]
- 2022年春节前, 到2022年春节前 → the day before that year's Spring Festival (2022-01-31); 2022年春节 → the day
  itself (2022-02-01), for 2000–2040 [by]
- 第三季度, 三季度末, 二季度末, 首季度, 一季度 → the end of that quarter; 前三季度 → Y-09-30 [by]
- 2024年、2025年; 2024年6月、12月 → every date listed [by]
- 自3月12日起至30日止, 即日起至2025年3月底 (a span from its start, or from the day the notice goes out) → its end [by]
- 2024年3月至6月, 2024年3月—2025年6月, 1-11月份, 7月9日至17日 (至 到 — – - － ～ ~) → the end of the
  range; an end without year or month takes them from the start [by]
- 2024—2025年, 2024年至2025年, 2019—2020年 → Dec 31 of the last year [period]
- 十三五, “十四五”期间, 十四五时期, “十四五”规划期内, 十五五, 第十四个五年规划 → 2020-12-31, 2025-12-31,
  2030-12-31 [period]; 十四五末, “十四五”期末 → 2025-12-31 [by]
- 每年, 年均, 每年年底前 → Dec 31 of every year of the plan period [yearly]
- 每年4月底前, 每年的3月10日前, 每年一季度 → that date in every year of the plan period [yearly]
- 每季度, 每季度末, 每季度结束前 → every quarter end in the plan period [quarterly]
- 每半年 → every Jun 30 and Dec 31 in the plan period [half-yearly]
- 两年, 用两年时间, 力争用2年时间, 两年内, 三年内 → Dec 31 of year N of the plan period [period]
- 2012年起5年内, 自2024年起三年内 (a start with a span) → Dec 31 of year N counted from that year [period]

A schedule keeps only the occurrences inside the plan period. Refused, with a DeadlineError that
quotes the phrase and says why: no date at all (长期坚持, 适时, 持续推进, 近期, 尽快, 常态化); a start,
not an end (自2019年起, 从2024年开始, “十三五”以来); a monthly or weekly schedule (每月28日前); a year-less
phrase when the context has no year (``'10月底前' has no year: give the document date (--doc-date)
or --year``); a schedule or span when the context has no plan period (三年内, 每年); the ambiguous
三季度前 / 上半年前 (the end of it, or before it starts?); impossible dates; anything else.

The registry calls ``parse_deadline(text, period)`` with a bare Period: its phrases all carry a year.

``date`` is always the last date; ``dates`` lists every occurrence in order. ``kind`` is ``by`` (one
deadline), ``yearly``, ``quarterly``, ``half-yearly`` (recurring over the plan period) or ``period``
(the whole span of a plan or a named five-year period).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

from ..errors import PlancliError
from ..words import term
from .numerals import DIGITS, NONZERO, NumeralError, read_numeral, simplified
from .source import compact, lazy_re

__all__ = ["DeadlineError", "Deadline", "Period", "Context", "parse_deadline", "parse_date", "KINDS",
           "ImpossibleDateError", "AmbiguousDeadlineError", "UnreadableDeadlineError", "DeadlineContextError"]

KINDS = ("by", "yearly", "quarterly", "half-yearly", "period")


class DeadlineError(PlancliError, ValueError):
    """A deadline phrase or date that cannot be read."""


# The kinds of DeadlineError, told apart by class (never by the wording of the message).
class ImpossibleDateError(DeadlineError):
    """A date that does not exist or is implausible (month 13, 2月30日, year 99)."""


class AmbiguousDeadlineError(DeadlineError):
    """A phrase with two readings (上半年前: the end of it, or before it starts?)."""


class UnreadableDeadlineError(DeadlineError):
    """A phrase that is not a deadline plancli can read (每月, 自…起, 常态化)."""


class DeadlineContextError(DeadlineError):
    """A phrase that needs context it was not given (a year, the plan period) or lies outside it."""


class _NoPoint(DeadlineError):
    """Inside the grammar only: this text is not one point in time (try the next reading)."""


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise DeadlineError("deadline.period_backwards", end=self.end, start=self.start)

    @property
    def years(self) -> list[int]:
        return list(range(self.start.year, self.end.year + 1))


DEFAULT_PERIOD = Period(date(2024, 1, 1), date(2025, 12, 31))


class Context(NamedTuple):
    """What a phrase may need from its document: the document's date (a year-less 10月底前 is read
    in the year of the document) and the plan period (每年 = every year of the period).

    ``year`` overrides the year a year-less phrase is read in (``parse-deadline --year``).
    """

    doc_date: date | None = None
    period: Period | None = None
    year: int | None = None

    @property
    def base_year(self) -> int | None:
        if self.year is not None:
            return self.year
        return self.doc_date.year if self.doc_date is not None else None


class Deadline(NamedTuple):
    """A phrase read: its text, its (last) date, every date it names, its kind. A named tuple, not a
    dataclass: every run imports this module, and a dataclass's methods are compiled each time."""

    text: str
    date: date
    dates: tuple[date, ...] = ()
    kind: str = "by"  # one of KINDS

    def as_dict(self) -> dict:
        return {
            "text": self.text,
            "date": self.date.isoformat(),
            "dates": [d.isoformat() for d in self.dates],
            "kind": self.kind,
        }


def _num(s: str) -> int:
    """A number of a phrase (2024, 二〇二四, 十二, 两): the one numeral reader, refusing as a deadline does."""
    try:
        return int(read_numeral(s))
    except NumeralError as exc:
        raise DeadlineError(exc.code, **exc.fields) from None


_NUM = rf"(?:\d+|[{DIGITS}十]+)"


def _year(s: str) -> int:
    y = _num(s)
    if not 1900 <= y <= 2200:
        raise ImpossibleDateError("deadline.implausible_year", text=s)
    return y


def _month_end(y: int, m: int) -> date:
    if not 1 <= m <= 12:
        raise ImpossibleDateError("deadline.impossible_month", month=m, year=y)
    # date arithmetic, not calendar.monthrange: the calendar module costs 3 ms at every start-up
    return date(y, 12, 31) if m == 12 else date(y, m + 1, 1) - timedelta(days=1)


def _day(y: int, m: int, d: int) -> date:
    if not 1 <= m <= 12:
        raise ImpossibleDateError("deadline.impossible_month", month=m, year=y)
    try:
        return date(y, m, d)
    except ValueError as exc:  # why: Python's words, kept in English
        raise ImpossibleDateError("deadline.impossible_day", year=y, month=m, day=d, why=str(exc)) from None


def parse_date(text: str) -> date:
    """Parse a written date; impossible dates raise DeadlineError.

    Reads 2024-10-31, 2024/10/31, 2024.10.31, 20241031 and 2024年10月31日 (the ways dates are typed
    and copied from Chinese documents and spreadsheets).
    """
    t = compact(str(text))
    m = re.fullmatch(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})", t)
    if m:
        parts = m.group(1, 3, 4)
    elif m := re.fullmatch(r"(\d{4})(\d{2})(\d{2})", t) or re.fullmatch(rf"({_NUM})年({_NUM})月({_NUM})[日号]", t):
        parts = m.groups()
    else:
        raise DeadlineError("deadline.not_a_date", text=str(text))
    y, mo, d = (_num(g) for g in parts)
    try:
        return date(y, mo, d)
    except ValueError as exc:
        raise ImpossibleDateError("deadline.impossible_date", text=str(text), why=str(exc)) from None


# --------------------------------------------------------------------------- the grammar

# Leading words that do not change the date: 原则上于2024年底前, 力争到2025年, 截至2024年底.
_LEAD = lazy_re(r"^(?:原则上|力争|争取|确保|计划|预计|最迟|最晚|不晚于|务必|截止到|截止至|截止|截至|到|至|于|在)")
_QUOTES = lazy_re(r"[“”\"‘’'「」『』]")
# A phrase wrapped in brackets: （2024—2025年）.
_BRACKETS = lazy_re(r"^[(\[【〔](.*)[)\]】〕]$")
_RELATIVE = {"今": 0, "本": 0, "当": 0, "明": 1, "次": 1, "后": 2, "去": -1, "上": -1}
_XUN = {"上旬": 10, "中旬": 20}

# One point in time. The year part may be absent (read in the context year) or relative (今年, 明年).
_POINT = lazy_re(
    rf"(?:(?P<y>{_NUM})年度?|(?P<rel>[今本当明次后去上])年度?)?"
    r"(?:"
    rf"(?P<mo>{_NUM})月(?:(?P<d>{_NUM})[日号]|(?P<xun>上旬|中旬|下旬)|(?P<mend>底|末|份|月底|月末))?"
    r"|(?P<half>上半年|下半年)"
    r"|(?P<fest>春节)"
    r"|前(?P<qfirst>[一二三123])(?:个)?季度"
    r"|第?(?P<q>[一二三四1234首])季度?(?P<qend>末|底)?"
    r"|(?P<yend>年底|年末|年终|底|末|全年|年内|内)"
    r")?"
    r"(?P<suf>之前|以前|前|以内|内|为止|止)?")

# Recurrences: 每年4月底前, 每季度末, 每半年. (年均 = every year.)
_YEARLY = lazy_re(r"(?:每年度?|每一年|每个年度|年均)(?P<rest>.*)")
_QUARTERLY = lazy_re(r"(?:每季度?|每个季度|每一季度)(?:结束前|结束时|末|底|末前|底前)?")
_HALFYEARLY = lazy_re(r"每半年(?:度)?(?:结束前|末|底)?")
# A span counted from the start of the plan period: 两年, 用两年时间, 三年内.
_SPAN = lazy_re(rf"(?:用)?(?P<n>\d{{1,2}}|[{NONZERO}十]+)(?:年|个年头)(?:时间)?(?:内|以内|左右)?")
# A named five-year plan: 十四五, 第十四个五年规划. The n-th plan ends in 1970 + 5 (n - 3) (3rd: 1966-70).
_FIVE_YEAR = lazy_re(rf"(?:第?十(?P<a>[{NONZERO}])个?五年(?:规划)?|十(?P<b>[{NONZERO}])五(?:规划)?)"
                        r"(?P<tail>期间|时期末?|期末|末期|末|期内|期|内)?(?:前)?")
_RANGE_SEP = lazy_re(r"—+|–|-|~|至|到")
_LIST_SEP = lazy_re(r"[、和及与]")

# Words of phrases that name no date, and of phrases that mark a start: used only to explain a refusal.
_UNDATED = lazy_re(r"长期|适时|持续|逐步|常态|近期|尽快|及时|定期|稳步|今后|未来|下一步|择机|视情")
# A start with a span (2012年起5年内, 自2024年起三年内): datable, unlike a start alone (自2019年起).
_FROM_SPAN = lazy_re(rf"(?:自|从)?(?P<y>{_NUM})年(?:起|开始)(?:的|用)?(?P<n>\d{{1,2}}|[{NONZERO}十]+)"
                     r"(?:年|个年头)(?:时间)?(?:内|以内)?")
_START = lazy_re(r"^(?:自|从|由)|(?:起|开始|以来|以后|之后|后)$")


# The day of the Spring Festival (正月初一) of each year: a lunar date no rule of the Gregorian calendar gives. Plans
# date pay and relief by it (到2022年春节前实现欠薪存量清零: 登封's 欠薪治理 plan, round hundred-and-twenty-fourth's held-out
# set); a year outside the table is refused, never guessed.
_SPRING_FESTIVAL = {
    2000: (2, 5), 2001: (1, 24), 2002: (2, 12), 2003: (2, 1), 2004: (1, 22), 2005: (2, 9), 2006: (1, 29),
    2007: (2, 18), 2008: (2, 7), 2009: (1, 26), 2010: (2, 14), 2011: (2, 3), 2012: (1, 23), 2013: (2, 10),
    2014: (1, 31), 2015: (2, 19), 2016: (2, 8), 2017: (1, 28), 2018: (2, 16), 2019: (2, 5), 2020: (1, 25),
    2021: (2, 12), 2022: (2, 1), 2023: (1, 22), 2024: (2, 10), 2025: (1, 29), 2026: (2, 17), 2027: (2, 6),
    2028: (1, 26), 2029: (2, 13), 2030: (2, 3), 2031: (1, 23), 2032: (2, 11), 2033: (1, 31), 2034: (2, 19),
    2035: (2, 8), 2036: (1, 28), 2037: (2, 15), 2038: (2, 4), 2039: (1, 24), 2040: (2, 12),
}


class _Point(NamedTuple):
    date: date
    year: int | None        # the year written or inherited (None for a relative year)
    month: int | None
    year_only: bool


class _NeedsYear(Exception):
    """The phrase is well-formed but has no year and the context gives none."""


def _point(s: str, base: int | None) -> _Point:
    """Read one point in time (no recurrence, no range). Raise DeadlineError if it is none."""
    m = _POINT.fullmatch(s)
    if not m or not s or s in ("前", "内", "以内", "以前", "之前", "止", "为止"):
        raise _NoPoint
    g = m.groupdict()
    if g["y"]:
        y = _year(g["y"])
    elif g["rel"]:
        if base is None:
            raise _NeedsYear
        y = base + _RELATIVE[g["rel"]]
    else:
        if not (g["mo"] or g["half"] or g["qfirst"] or g["q"] or g["yend"]):
            raise _NoPoint
        if g["yend"] == "内" or g["yend"] == "底" or g["yend"] == "末":
            raise _NoPoint  # a bare 底 / 内 belongs to a year
        if base is None:
            raise _NeedsYear
        y = base
    suf = g["suf"] or ""
    if g["mo"]:
        mo = _num(g["mo"])
        if g["d"]:
            d = _day(y, mo, _num(g["d"]))
        elif g["xun"]:
            d = _month_end(y, mo) if g["xun"] == "下旬" else _day(y, mo, _XUN[g["xun"]])
        elif g["mend"] in (None, "份") and suf in ("前", "之前", "以前"):
            # "10月前" = before October starts: the last day of September (10月份前 too: 份 names the month, no end of it —
            # 平潭's 国企 plan, round hundred-and-forty-first's held-out set).
            if not 1 <= mo <= 12:
                raise ImpossibleDateError("deadline.impossible_month", month=mo, year=y)
            d = _month_end(y - 1, 12) if mo == 1 else _month_end(y, mo - 1)
        else:
            d = _month_end(y, mo)
        return _Point(d, y, mo, False)
    if (g["half"] or g["qfirst"] or (g["q"] and not g["qend"])) and suf in ("前", "之前", "以前"):
        raise AmbiguousDeadlineError("deadline.ambiguous")
    if g["half"]:
        return _Point(date(y, 6, 30) if g["half"] == "上半年" else date(y, 12, 31), y, None, False)
    if g["fest"]:
        if y not in _SPRING_FESTIVAL:
            raise UnreadableDeadlineError("deadline.festival_year", year=y, text=s)
        d = date(y, *_SPRING_FESTIVAL[y])
        return _Point(d - timedelta(days=1) if suf in ("前", "之前", "以前") else d, y, d.month, False)
    if g["qfirst"] or g["q"]:
        q = 1 if g["q"] == "首" else _num(g["qfirst"] or g["q"])
        return _Point(_month_end(y, q * 3), y, q * 3, False)
    return _Point(date(y, 12, 31), y, None, True)


def _inherit(start: str, end: str) -> tuple[str, str]:
    """Fill what the second half of a range or list leaves out from the first: 2024年3月至6月 →
    6月 is 2024年6月; 2024—2025年 → 2024 is 2024年; 3月1日至15日 → 15日 is 3月15日; 2019年1至5月 → 1 is 1月."""
    unit = re.match(rf"{_NUM}(年|月|日|号)", end)
    if unit and re.fullmatch(rf"(?:{_NUM}年)?{_NUM}", start) and (unit.group(1) != "年" or re.fullmatch(_NUM, start)):
        start += unit.group(1)  # (2019年1至5月: the start is 2019年1月, as 2024—2025年's is 2024年)
    ym = re.match(rf"(?:{_NUM}年|[今本当明次后去上]年)", start)
    if ym and not re.match(rf"(?:{_NUM}年|[今本当明次后去上]年)", end):
        mm = re.match(rf"{_NUM}月", start[ym.end():])
        if mm and re.fullmatch(rf"{_NUM}[日号].*", end):
            end = mm.group(0) + end
        end = ym.group(0) + end
    elif re.fullmatch(rf"{_NUM}月{_NUM}[日号]", start) and re.fullmatch(rf"{_NUM}[日号].*", end):
        end = re.match(rf"{_NUM}月", start).group(0) + end
    return start, end


def _strip_lead(t: str) -> str:
    while True:
        u = _LEAD.sub("", t, count=1)
        if u == t:
            return u
        t = u


def parse_deadline(text: str, ctx: Context | Period | None = DEFAULT_PERIOD) -> Deadline:
    """Read one deadline phrase (the forms in the module docstring) against ``ctx``; raise
    DeadlineError, naming the phrase, for anything else.

    ``ctx`` is a Context, or a bare Period (the plan period alone, no document date: the registry's
    call). A Context without a period cannot read 每年 or 两年 and says so.
    """
    if isinstance(ctx, Context):
        context = ctx
    else:
        context = Context(period=ctx or DEFAULT_PERIOD)
    if text is None or not str(text).strip():
        raise DeadlineError("deadline.empty")
    raw = str(text)
    try:
        return _parse(raw, context)
    except _NeedsYear:
        raise DeadlineContextError("deadline.no_year", text=raw) from None


def _parse(raw: str, ctx: Context) -> Deadline:
    t = simplified(_QUOTES.sub("", compact(raw)))
    t = re.sub(r"[，,。；;：:!！]+$", "", t)
    # a notice's day with its weekday and the close of the working day: 2025年2月17日(星期一)下班前 is 2025年2月17日前
    t = re.sub(r"(?<=[日号])[(（](?:星期|周|礼拜)[一二三四五六日天][)）]", "", t)
    t = re.sub(r"(?<=[日号])下班(?:之前|以前|前)$", "前", t)
    b = _BRACKETS.fullmatch(t)
    if b:
        t = b.group(1)
    t = re.sub(r"(?<=年)(1[0-2]|[1-9])(?=[底末])", r"\1月", t)  # 2022年8底前: the month's 月 a page dropped
    # a campaign's span from its start (自3月12日起至30日止, 即日起至2025年3月底): due when it ends — the start named with
    # 起, or as the day the notice goes out (即日, 印发之日), dates nothing of its own
    t = re.sub(r"^(?:自|从)?(?:即日|今日|本通知印发之日|本方案印发之日|印发之日|发布之日)起(?=至|到)", "", t)
    t = re.sub(r"(?<=[日号月])起(?=至|到)", "", t)
    t = re.sub(r"^(?:自|从)(?=\d|[今本当明])(?=.*(?:至|到))", "", t)
    core = _strip_lead(t)
    base = ctx.base_year
    if base is not None and not 1900 <= base <= 2200:
        raise DeadlineContextError("deadline.context_year", year=base, text=raw)
    period = ctx.period

    def need_period(what: str) -> Period:
        if period is None:
            raise DeadlineContextError("deadline.needs_period", text=raw, what=term(what))
        return period

    def recurring(ds: list[date], kind: str, p: Period) -> Deadline:
        inside = tuple(sorted(d for d in ds if p.start <= d <= p.end))
        if not inside:
            raise DeadlineContextError("deadline.no_occurrence", text=raw, start=p.start, end=p.end)
        return Deadline(raw, inside[-1], inside, kind)

    def fail(why: str | DeadlineError | None = None) -> DeadlineError:
        """The refusal, with why where the phrase shows it: a code of the catalogue or an error."""
        if core.startswith(("每月", "每个月", "每周", "每日", "每天")):
            why = "deadline.why_schedule"
        elif _START.search(core):
            why = "deadline.why_start"
        elif _UNDATED.search(core):
            why = "deadline.why_undated"
        if why is None:
            return UnreadableDeadlineError("deadline.unreadable", text=raw)
        return UnreadableDeadlineError("deadline.unreadable_why", text=raw,
                                       why=term(why) if isinstance(why, str) else why)

    try:
        # Recurrences carry no year of their own: they repeat over the plan period.
        m = _YEARLY.fullmatch(core)
        if m:
            rest = _strip_lead(re.sub(r"^的", "", m.group("rest")))  # 每年的3月10日前
            if core.startswith("年均") and rest:
                raise fail()
            if re.match(rf"{_NUM}年|[今本当明次后去上]年", rest):
                raise fail()  # 每年 cannot carry a year of its own
            p = need_period("deadline.recurs_yearly")
            if not rest or re.fullmatch(r"(?:年底|年末|底|末)?(?:之前|以前|前)?", rest):
                return recurring([date(y, 12, 31) for y in p.years], "yearly", p)
            return recurring([_point(rest, y).date for y in p.years], "yearly", p)
        if _QUARTERLY.fullmatch(core):
            p = need_period("deadline.recurs_quarterly")
            return recurring([_month_end(y, q * 3) for y in p.years for q in (1, 2, 3, 4)], "quarterly", p)
        if _HALFYEARLY.fullmatch(core):
            p = need_period("deadline.recurs_half_yearly")
            return recurring([d for y in p.years for d in (date(y, 6, 30), date(y, 12, 31))], "half-yearly", p)

        m = _FIVE_YEAR.fullmatch(core)
        if m:
            n = _num("十" + (m.group("a") or m.group("b")))
            end = date(1970 + 5 * (n - 3), 12, 31)
            kind = "by" if (m.group("tail") or "") in ("末", "期末", "末期", "时期末") else "period"
            return Deadline(raw, end, (end,), kind)

        m = _FROM_SPAN.fullmatch(core)
        if m:
            y, n = _year(m.group("y")), _num(m.group("n"))
            if n < 1 or n > 50:
                raise fail("deadline.why_span")
            end = date(y + n - 1, 12, 31)
            return Deadline(raw, end, (end,), "period")

        m = _SPAN.fullmatch(core)
        if m:
            n = _num(m.group("n"))
            if n < 1 or n > 50:
                raise fail("deadline.why_span")
            p = need_period("deadline.counts_from_start")
            end = date(p.start.year + n - 1, 12, 31)
            return Deadline(raw, end, (end,), "period")

        if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", core):
            d = parse_date(core)
            return Deadline(raw, d, (d,), "by")

        # Lists: 2024年、2025年; 2024年6月、12月 (the later items inherit the year).
        parts = _LIST_SEP.split(core)
        if len(parts) > 1:
            if any(not p for p in parts):
                raise fail()
            ds = []
            prev = parts[0]
            for p in parts:
                _, p = _inherit(prev, _strip_lead(p))
                ds.append(_point(p, base).date)
                prev = p
            ds.sort()
            return Deadline(raw, ds[-1], tuple(ds), "by")

        # An air campaign's autumn-and-winter season (2025—2026年秋冬季): October to the March after, due when it ends.
        m = re.fullmatch(rf"(?P<a>{_NUM})年?(?:—+|–|-|~|～|至)(?P<b>{_NUM})年秋冬季(?:期间)?", core)
        if m:
            a, z = _year(m.group("a")), _year(m.group("b"))
            if z != a + 1:
                raise fail("deadline.why_backwards" if z <= a else None)
            return Deadline(raw, date(z, 3, 31), (date(z, 3, 31),), "period")

        # Ranges: the end counts; 2024—2025年 is a plan period.
        sep = _RANGE_SEP.search(core, 1)
        if sep:
            left, right = core[:sep.start()], core[sep.end():]
            right = re.sub(r"(?<=年)(?:期间|间)$", "", right)
            left, right = _inherit(left, right)
            a, z = _point(left, base), _point(right, base)
            if z.date < a.date:
                raise fail("deadline.why_backwards")
            kind = "period" if a.year_only and z.year_only else "by"
            return Deadline(raw, z.date, (z.date,), kind)

        p = _point(core, base)
        return Deadline(raw, p.date, (p.date,), "by")
    except ImpossibleDateError as exc:
        raise ImpossibleDateError("deadline.impossible_in", error=exc, text=raw) from None
    except (UnreadableDeadlineError, DeadlineContextError):
        raise
    except AmbiguousDeadlineError as exc:
        raise fail(exc) from None
    except DeadlineError:  # no reading of the grammar fits (no point, an unreadable numeral)
        raise fail() from None
    except ValueError as exc:  # a date before year 1 or after 9999 (a plan period of 0001-…)
        raise ImpossibleDateError("deadline.impossible_date_in", text=raw, why=str(exc)) from None
