"""Dates and spans people type on the command line: ``2025-06-30``, ``2025/6/30``, ``today``, ``7d``, ``2 周``.

Every form ``text.deadline.parse_date`` reads, plus ``today`` (今天); spans of days, weeks, months or
years for ``--within``, ``--soon`` and ``--remind``; and the week before a date for the digest.
``read_day`` reads the dates people type into a workbook: those, and the one-day phrases of the
deadline reader (2024年10月底 → 2024-10-31; 10月底, 上半年, 三季度末 in a given year).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ..errors import PlancliError
from .deadline import Context, DeadlineError, parse_date, parse_deadline

if TYPE_CHECKING:
    from dateutil.relativedelta import relativedelta

__all__ = ["DateInputError", "TODAY_WORDS", "parse_span", "to_date", "to_today", "week_bounds", "read_day"]


class DateInputError(PlancliError):
    """A date or span typed on the command line that cannot be read."""


_SPAN_UNITS = {  # unit word → (timedelta or relativedelta keyword, days it spans at most)
    **dict.fromkeys(("d", "day", "days", "天", "日"), ("days", 1)),
    **dict.fromkeys(("w", "wk", "week", "weeks", "周"), ("weeks", 7)),
    **dict.fromkeys(("m", "mo", "month", "months", "月", "个月"), ("months", 31)),
    **dict.fromkeys(("y", "yr", "year", "years", "年"), ("years", 366)),
}


def parse_span(text: str) -> timedelta | relativedelta:
    """``7d``, ``2w``, ``1m``, ``1y`` (also 7 天 / 2 周 / 1 月 / 1 年) → a relative span of ≤ 100 years.

    Days and weeks are a ``timedelta`` (a date plus either is the same date); months and years a
    ``relativedelta`` (1m from 01-31 is 02-28/29), whose module is imported only then: every listing
    reads ``--soon 14d``, and dateutil with the calendar and locale it loads is ~2 ms of start-up."""
    m = re.fullmatch(r"\s*(\d+)\s*([a-z]+|天|日|周|个月|月|年)\s*", text or "")
    if not m or m.group(2) not in _SPAN_UNITS:
        raise DateInputError("dates.bad_span", text=text)
    n = int(m.group(1))
    kw, days = _SPAN_UNITS[m.group(2)]
    if n * days > 100 * 366:  # date arithmetic beyond year 9999 would overflow
        raise DateInputError("dates.span_too_long", text=text)
    if kw in ("days", "weeks"):
        return timedelta(**{kw: n})
    from dateutil.relativedelta import relativedelta

    return relativedelta(**{kw: n})


TODAY_WORDS = ("today", "今天", "今日")
FIRST_YEAR, LAST_YEAR = 1900, 2199  # the years a date typed on the command line may name


def to_date(text: str, what: str) -> date:
    """A date typed on the command line: any form ``parse_date`` reads, or ``today``."""
    if str(text).strip().lower() in TODAY_WORDS:
        return date.today()
    try:
        day = parse_date(text)
    except DeadlineError as exc:
        raise DateInputError("dates.bad_date", what=what, error=exc) from None
    # A typed date far off (9999-12-25, a slip of the keys) is refused here: every window reckoned
    # from it (--soon, a month's bulletin, a year's spans) would run past the calendar's end.
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise DateInputError("dates.out_of_range", what=what, text=text, first=FIRST_YEAR, last=LAST_YEAR)
    return day


def to_today(as_of: str | None) -> date:
    """``--as-of`` as a date; today when it is not given."""
    return to_date(as_of, "--as-of") if as_of else date.today()

def week_bounds(as_of: date) -> tuple[date, date]:
    """Monday..Sunday of the week before ``as_of``'s week (for “recorded last week”)."""
    monday = as_of - timedelta(days=as_of.weekday())
    return monday - timedelta(days=7), monday - timedelta(days=1)


def read_day(text: str, year: int) -> date:
    """One day as people write it in a table: any form ``parse_date`` reads, or a phrase the deadline
    reader reads as one day (2024年10月底, 2024年10月, 10月底 and 10月20日 in ``year``, 年底); a
    phrase of several dates or a span (每季度, 2024—2025年) is refused."""
    try:
        return parse_date(text)
    except DeadlineError:
        pass
    try:
        d = parse_deadline(text, Context(year=year))
    except DeadlineError:
        raise DateInputError("dates.not_a_day", text=text) from None
    if d.kind != "by" or len(d.dates) != 1:
        raise DateInputError("dates.not_a_day", text=text)
    return d.date
