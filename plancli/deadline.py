"""Deadline phrases of Chinese planning documents, normalised to dates.

Plans state time the way officials write it, not as ISO dates. This module reads those phrases
relative to the plan period (for 鲁政发〔2024〕5号: 2024-01-01 … 2025-12-31) and refuses anything it
cannot read — a silent guess would hand a civil servant a wrong deadline.

Phrases read (spaces anywhere, full-width digits and Chinese numerals such as 二〇二四年十月 allowed):

=====================================  ==========================  ==========
phrase                                 date(s)                     kind
=====================================  ==========================  ==========
2024年10月底前, 2024年10月底, 2024年10月  2024-10-31                  by
2024年10月前 (before October starts)   2024-09-30                  by
2024年10月15日, 2024-10-15             2024-10-15                  by
2024年, 到2025年, 力争到2025年,         year-end, e.g. 2025-12-31   by
2024年年底前, 2024年底, 2025年年底以前
2024年上半年 / 下半年                  2024-06-30 / 2024-12-31     by
2024年第三季度, 2024年三季度            2024-09-30                  by
2024年、2025年                         2024-12-31, 2025-12-31      by
每年, 每年年底前, 年均                 Dec 31 of every plan year   yearly
每季度                                 every quarter end           quarterly
两年, 用两年时间, 力争用2年时间, 两年内,  end of the plan period      period
2024—2025年, 2024-2025年
=====================================  ==========================  ==========

``date`` is always the last date; ``dates`` lists every occurrence in order.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date

from .errors import PlancliError
from .sourcetext import compact

__all__ = ["DeadlineError", "Deadline", "Period", "Context", "parse_deadline", "parse_date"]


class DeadlineError(PlancliError, ValueError):
    """A deadline phrase or date that cannot be read."""


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise DeadlineError(f"plan period ends ({self.end}) before it starts ({self.start})")

    @property
    def years(self) -> list[int]:
        return list(range(self.start.year, self.end.year + 1))


DEFAULT_PERIOD = Period(date(2024, 1, 1), date(2025, 12, 31))


@dataclass(frozen=True)
class Context:
    """What a phrase may need from its document: the document's date (a year-less 10月底前 is read
    in the year of the document) and the plan period (每年 = every year of the period).

    ``year`` overrides the year a year-less phrase is read in (``parse-deadline --year``).
    """

    doc_date: date | None = None
    period: Period | None = None
    year: int | None = None


@dataclass(frozen=True)
class Deadline:
    text: str
    date: date
    dates: tuple[date, ...] = field(default_factory=tuple)
    kind: str = "by"  # by | yearly | quarterly | period

    def as_dict(self) -> dict:
        return {
            "text": self.text,
            "date": self.date.isoformat(),
            "dates": [d.isoformat() for d in self.dates],
            "kind": self.kind,
        }


_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_DASHES = "—–－~～至到\\-"


def _cn_small(s: str) -> int:
    """Chinese numeral below 100 (十, 十二, 二十, 三十一) or a digit-by-digit string (二〇二四)."""
    if s.isdigit():
        return int(s)
    if "十" in s:
        tens, _, units = s.partition("十")
        if len(tens) > 1 or len(units) > 1 or "十" in units or (tens and tens not in _CN_DIGITS) \
                or (units and units not in _CN_DIGITS):
            raise DeadlineError(f"cannot read Chinese numeral {s!r}")
        return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)
    if not s or any(ch not in _CN_DIGITS for ch in s):
        raise DeadlineError(f"cannot read Chinese numeral {s!r}")
    n = 0
    for ch in s:
        n = n * 10 + _CN_DIGITS[ch]
    return n


_NUM = r"(?:\d+|[〇零○一二三四五六七八九十两]+)"


def _year(s: str) -> int:
    y = _cn_small(s) if not s.isdigit() else int(s)
    if not 1900 <= y <= 2200:
        raise DeadlineError(f"implausible year {s!r}")
    return y


def _month_end(y: int, m: int) -> date:
    if not 1 <= m <= 12:
        raise DeadlineError(f"impossible month {m} in {y}")
    return date(y, m, calendar.monthrange(y, m)[1])


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
        raise DeadlineError(f"not a date: {text!r} (expected YYYY-MM-DD, YYYY/MM/DD or YYYYMMDD)")
    y, mo, d = (_cn_small(g) for g in parts)
    try:
        return date(y, mo, d)
    except ValueError as exc:
        raise DeadlineError(f"impossible date {text!r}: {exc}") from None


_PREFIX = re.compile(r"^(?:力争|争取|计划|预计|确保)?(?:到|至|于|在|截至|截止到?|截止至)?")
_SUFFIX = re.compile(r"(?:之前|以前|前|为止|内)$")


def parse_deadline(text: str, ctx: Context | Period | None = DEFAULT_PERIOD) -> Deadline:
    """Read one deadline phrase; raise DeadlineError if it is not one of the documented forms.

    ``ctx`` is a Context, or a bare Period (the plan period alone).
    """
    if isinstance(ctx, Context):
        period = ctx.period or DEFAULT_PERIOD
    else:
        period = ctx or DEFAULT_PERIOD
    if text is None or not str(text).strip():
        raise DeadlineError("empty deadline phrase")
    raw = str(text)
    t = compact(raw)
    t = re.sub(r"[，,。；;：:]+$", "", t)
    core = _PREFIX.sub("", t, count=1)

    # Recurrences first: they carry no year.
    if re.fullmatch(r"(?:每年(?:度)?|每一年)(?:年底|年末|底)?(?:之前|以前|前)?|年均", core):
        ds = tuple(d for d in (date(y, 12, 31) for y in period.years) if d <= period.end)
        if not ds:
            raise DeadlineError(f"{raw!r} has no year end inside the plan period {period.start}…{period.end}")
        return Deadline(raw, ds[-1], ds, "yearly")
    if re.fullmatch(r"每季度?|每个季度", core):
        ends = (_month_end(y, q * 3) for y in period.years for q in (1, 2, 3, 4))
        ds = tuple(d for d in ends if period.start <= d <= period.end)
        if not ds:
            raise DeadlineError(f"{raw!r} has no quarter end inside the plan period {period.start}…{period.end}")
        return Deadline(raw, ds[-1], ds, "quarterly")

    # Plan-length phrases: 两年, 用两年时间, 两年内, 2024—2025年.
    m = re.fullmatch(r"(?:用)?(\d{1,2}|[一二三四五六七八九十两]+)(?:年|个年头)(?:时间)?(?:内|以内)?", core)
    if m:
        n = _cn_small(m.group(1))
        if n < 1 or n > 50:
            raise DeadlineError(f"implausible span in {raw!r}")
        end = date(period.start.year + n - 1, 12, 31)
        return Deadline(raw, end, (end,), "period")
    m = re.fullmatch(rf"({_NUM})年?[{_DASHES}]({_NUM})年(?:间|期间)?", core)
    if m:
        y1, y2 = _year(m.group(1)), _year(m.group(2))
        if y2 < y1:
            raise DeadlineError(f"year range runs backwards in {raw!r}")
        end = date(y2, 12, 31)
        return Deadline(raw, end, (end,), "period")

    # Lists of years: 2024年、2025年
    parts = re.split(r"[、和及与]", core)
    if len(parts) > 1:
        ds = tuple(sorted(parse_deadline(p, period).date for p in parts))
        return Deadline(raw, ds[-1], ds, "by")

    core = _SUFFIX.sub("", core)
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", core)
    if m:
        d = parse_date(core)
        return Deadline(raw, d, (d,), "by")
    m = re.fullmatch(rf"({_NUM})年(?:({_NUM})月(?:({_NUM})[日号]|(底|末|份))?)?"
                     rf"(年底|年末|底|末|全年|上半年|下半年|(?:第)?([一二三四1234])季度)?", core)
    if m:
        y = _year(m.group(1))
        if m.group(2):
            mo = _cn_small(m.group(2))
            if m.group(3):
                d = parse_date(f"{y}-{mo}-{_cn_small(m.group(3))}")
            elif not m.group(4) and t.endswith("前") and not t.endswith("底前"):
                # "10月前" = before October starts: the last day of September.
                if not 1 <= mo <= 12:
                    raise DeadlineError(f"impossible month {mo} in {raw!r}")
                d = _month_end(y - 1, 12) if mo == 1 else _month_end(y, mo - 1)
            else:
                d = _month_end(y, mo)
            if m.group(5):
                raise DeadlineError(f"cannot read deadline phrase {raw!r}")
        else:
            tail = m.group(5) or ""
            if tail == "上半年":
                d = date(y, 6, 30)
            elif m.group(6):
                d = _month_end(y, int(_cn_small(m.group(6))) * 3)
            else:
                d = date(y, 12, 31)
        return Deadline(raw, d, (d,), "by")
    raise DeadlineError(f"cannot read deadline phrase {raw!r}")
