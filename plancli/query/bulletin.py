"""通报: for one period, one row per lead unit with its counts and a rank, and the items newly red.

The state is taken at the period's end (or the as-of date, when the period is not over yet); “newly
red” compares it with the day before the period began. Rank rule (docs/lights.md, 1 = best), on
shares so that a unit with many items is not ranked down for its size:

1. fewer items per item that are red or, with a reporting cycle, not reported within it (a unit
   must not rank higher for not reporting the progress that would light it red);
2. then fewer yellow lights per item;
3. then more items completed (done or met) per item;
4. then more records entered in the period.

Units equal on all four share a rank (1, 2, 2, 4); the table lists them by name.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from ..ledger.store import RETRACTED, Record, records_between
from ..registry.model import Registry
from ..registry.names import QueryError
from ..registry.units import UnitTable
from ..text.dates import to_date
from ..vocabulary import LIGHTS, Light, Status
from ..words import AnyOf
from .counts import REVIEW_COUNTS, lead_units, tally
from .filters import Filters
from .rows import occurrence_rows

__all__ = ["BulletinPeriod", "bulletin_period", "bulletin", "UNIT_KEYS", "RANK_RULE"]

# The keys of a unit row (JSON ``rows``; xlsx and md columns), in order.
UNIT_KEYS = ("rank", "unit", "items", "closed", "completed", "missed", "overdue", "late", "red", "yellow", "blue",
             "green", "records", "reported", "stale", "on_time", "red_share", "red_or_stale_share", "completed_share")
RANK_RULE = ("red_or_stale_share", "yellow_share", "completed_share", "records")


@dataclass(frozen=True)
class BulletinPeriod:
    start: date
    end: date
    label: str  # 2025-11, 2025Q4, or 2025-10-01..2025-11-15

    def zh(self) -> str:
        """The period as a 通报 names it: 2025年11月, 2025年第四季度, 2025年10月1日至11月15日."""
        if re.fullmatch(r"\d{4}-\d{2}", self.label):
            return f"{self.start.year}年{self.start.month}月"
        if m := re.fullmatch(r"(\d{4})Q([1-4])", self.label):
            return f"{m.group(1)}年第{'一二三四'[int(m.group(2)) - 1]}季度"
        return f"{self.start.year}年{self.start.month}月{self.start.day}日至{self.end.year}年{self.end.month}月{self.end.day}日"


def bulletin_period(as_of: date, *, month: str | None = None, quarter: str | None = None,
                    since: str | None = None, until: str | None = None) -> BulletinPeriod:
    """The period asked for; by default the last full month before ``as_of``."""
    given = [n for n, v in (("--month", month), ("--quarter", quarter)) if v] + (
        ["--since/--until"] if since or until else [])
    if len(given) > 1:
        raise QueryError("bulletin.one_period", given=AnyOf(given))
    if month:
        m = re.fullmatch(r"\s*(\d{4})-(\d{1,2})\s*", month)
        if not m or not 1 <= int(m.group(2)) <= 12:
            raise QueryError("bulletin.bad_month", given=month)
        start = date(int(m.group(1)), int(m.group(2)), 1)
        return BulletinPeriod(start, start + relativedelta(months=1) - timedelta(days=1), f"{start:%Y-%m}")
    if quarter:
        m = re.fullmatch(r"\s*(\d{4})\s*[Qq]([1-4])\s*", quarter)
        if not m:
            raise QueryError("bulletin.bad_quarter", given=quarter)
        start = date(int(m.group(1)), 3 * int(m.group(2)) - 2, 1)
        return BulletinPeriod(start, start + relativedelta(months=3) - timedelta(days=1), f"{start.year}Q{m.group(2)}")
    if since or until:
        if not (since and until):
            raise QueryError("bulletin.since_until")
        start, end = to_date(since, "--since"), to_date(until, "--until")
        if end < start:
            raise QueryError("bulletin.until_before_since", end=end, start=start)
        return BulletinPeriod(start, end, f"{start}..{end}")
    first = as_of.replace(day=1)
    start = first - relativedelta(months=1)
    return BulletinPeriod(start, first - timedelta(days=1), f"{start:%Y-%m}")


def _share(n: int, d: int) -> float:
    return round(n / d, 4) if d else 0.0


def bulletin(reg: Registry, table: UnitTable | None, records: list[Record], f: Filters, period: BulletinPeriod) -> dict:
    """The 通报 of ``period``: ``rows`` (one per lead unit, ranked), ``newly_red`` and the totals.

    Every occurrence counts once for each of its lead units (names read through the unit table).
    """
    if period.start > f.as_of:
        raise QueryError("bulletin.not_begun", period=period.label, as_of=f.as_of)
    at = min(period.end, f.as_of)  # a period not over yet is judged as of today
    rows = occurrence_rows(reg, replace(f, as_of=at), table, records)
    before = {r["item"]: r["light"] for r in
              occurrence_rows(reg, replace(f, as_of=period.start - timedelta(days=1), lights=[], statuses=[]),
                              table, records)}
    canon = table.canonical if table else None
    in_period = [r for r in records_between(records, period.start, min(period.end, at)) if r.status != RETRACTED]
    # Every occurrence counts once for each of its lead units (query.counts.tally, the one count).
    per: dict[str, dict] = {}
    review_keys = REVIEW_COUNTS if reg.review else ()  # 待审核, 已退办 per unit (docs/review.md)
    for u, c in tally(rows, lambda r: lead_units(r, canon)).items():
        per[u] = dict.fromkeys(UNIT_KEYS, 0) | {
            "unit": u, "items": c["total"], "closed": c[Status.DONE] + c[Status.MET] + c[Status.MISSED],
            "completed": c[Status.DONE] + c[Status.MET], "missed": c[Status.MISSED], "overdue": c[Status.OVERDUE],
            "late": c["late"], "stale": c["stale"], **{str(lt): c[lt] for lt in LIGHTS},
            **{k: c[k] for k in review_keys}}
    items_of: dict[str, set[str]] = {}
    for r in rows:
        for u in lead_units(r, canon):
            items_of.setdefault(u, set()).add(r["item"])
    has_cycle = any(reg.light_settings(doc=d).report_every_days for d in reg.documents)
    item_unit: dict[str, list[str]] = {}
    for u, items in items_of.items():
        for it in items:
            item_unit.setdefault(it, []).append(u)
    reported: dict[str, set[str]] = {}
    for rec in in_period:
        units = item_unit.get(rec.item) or item_unit.get(rec.entry_id) or []
        for u in units:
            per[u]["records"] += 1
            reported.setdefault(u, set()).add(rec.item)
    for u, c in per.items():
        c["reported"] = len(reported.get(u, ()))
        c["on_time"] = (c["stale"] == 0) if has_cycle else None
        c["red_share"] = _share(c["red"], c["items"])
        c["red_or_stale_share"] = _share(c["red"] + c["stale"], c["items"])  # a stale item is yellow, not red
        c["completed_share"] = _share(c["completed"], c["items"])
    _rank(list(per.values()))
    ranked = sorted(per.values(), key=lambda c: (c["rank"], c["unit"]))
    newly = [r for r in rows if r["light"] == Light.RED and before.get(r["item"]) != Light.RED]
    whole = tally(rows, lambda r: ("all",)).get("all", Counter())  # each occurrence once
    totals = {"records": sum(c["records"] for c in per.values()), "items": len(rows), "units": len(per),
              "closed": whole[Status.DONE] + whole[Status.MET] + whole[Status.MISSED],
              "completed": whole[Status.DONE] + whole[Status.MET], "missed": whole[Status.MISSED],
              "overdue": whole[Status.OVERDUE], "late": whole["late"], **{str(lt): whole[lt] for lt in LIGHTS},
              **{k: whole[k] for k in review_keys}}
    return {"period": {"start": period.start.isoformat(), "end": period.end.isoformat(), "label": period.label},
            "as_of": at.isoformat(), "cycle": has_cycle, "rank_rule": list(RANK_RULE), "totals": totals,
            "rows": [{k: c[k] for k in (*UNIT_KEYS, *review_keys)} for c in ranked], "newly_red": newly,
            **({"review": True} if reg.review else {})}


def _rank(units: list[dict]) -> None:
    """Competition ranking (1, 2, 2, 4) by the rank rule; 1 = best."""
    def key(c: dict) -> tuple:
        return (c["red_or_stale_share"], _share(c["yellow"] - c["stale"], c["items"]), -c["completed_share"],
                -c["records"])

    ordered = sorted(units, key=key)
    for i, c in enumerate(ordered):
        c["rank"] = ordered[i - 1]["rank"] if i and key(ordered[i - 1]) == key(c) else i + 1
