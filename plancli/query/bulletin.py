"""通报: for one period, one row per unit with its counts and a rank, its red and yellow items with the
unit's own words on them, and the units a bulletin may name (docs/lights.md, "Ranking").

The state is taken at the period's end (or the as-of date, when the period is not over yet); “newly
red” compares it with the day before the period began. Rank rule (1 = best), on shares so that a
unit with many items is not ranked down for its size:

1. a unit that reported on time (报送: a workbook sent back, or a record typed for one of its items;
   within the reporting cycle, or without one within the period) before one that did not — its
   green lights may only say that nothing was reported;
2. then fewer items per item that are red or, with a reporting cycle, not reported within it (a unit
   must not rank higher for not reporting the progress that would light it red);
3. then fewer yellow lights per item;
4. then more items completed (done or met) per item.

Units equal on all four share a rank (1, 2, 2, 4); the table lists them by name. A bulletin names
units (排名靠前 / 排名靠后) only by whole ranks, never out of a tie (``named``), never a unit that did
not report among the first, only a unit with something to put right among the last.

The units are the lead units of the items (``--role support``: the supporting units), only those of
``--unit`` when it is given (``query.counts.unit_groups``); every count is of their items only.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from ..ledger.notes import latest_notes
from ..ledger.record import Record
from ..ledger.submissions import last_submitted, submitted
from ..ledger.timeline import between, indexed, newest, timeline_of
from ..registry.model import Registry
from ..registry.names import QueryError
from ..registry.units import UnitTable
from ..text.dates import to_date
from ..vocabulary import LIGHTS, RECORD_STATUSES, SUBMITTED, Light, Status
from ..words import AnyOf
from .counts import REVIEW_COUNTS, STALE, tally, unit_groups
from .filters import Filters
from .rows import occurrence_rows

__all__ = ["BulletinPeriod", "bulletin_period", "bulletin", "UNIT_KEYS", "RANK_RULE", "FLAGGED_KEYS", "named"]

# The keys of a unit row (JSON ``rows``; xlsx and md columns), in order.
UNIT_KEYS = ("rank", "unit", "items", "closed", "completed", "missed", "overdue", "late", "red", "yellow", "blue",
             "green", "records", "reported", "submissions", "submitted_on", "last_report", "stale", "on_time",
             "red_share", "red_or_stale_share", "completed_share", "named")
RANK_RULE = ("on_time", "red_or_stale_share", "yellow_share", "completed_share")
# The keys of a red or yellow item of a unit (JSON ``flagged[].items``).
FLAGGED_KEYS = ("item", "id", "metric", "comparator", "value_text", "deadline", "lead", "status", "light",
                "light_reason", "days_left", "newly_red", "unreported", "noted_on", "progress", "problems",
                "next_steps")


@dataclass(frozen=True)
class BulletinPeriod:
    start: date
    end: date
    label: str  # 2025-11, 2025Q4, or 2025-10-01..2025-11-15


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
    """The 通报 of ``period``: ``rows`` (one per unit, ranked), ``flagged`` (each unit's red and yellow
    items with its latest 进展情况/存在问题/下一步措施), ``newly_red``, ``named`` and the totals.

    A co-led item counts in full for each of its lead units (its state is theirs together); a report
    counts for the unit that made it: a workbook for its unit, a record typed by hand (which does not
    say who sent it) for every lead unit of its item.
    """
    if period.start > f.as_of:
        raise QueryError("bulletin.not_begun", period=period.label, as_of=f.as_of)
    at = min(period.end, f.as_of)  # a period not over yet is judged as of today
    records = indexed(records)  # one timeline for every question below
    canon = table.canonical if table else None
    groups = unit_groups(f, canon)
    rows = [r for r in occurrence_rows(reg, f.replace(as_of=at), table, records) if groups(r)]
    before = {r["item"]: r["light"] for r in
              occurrence_rows(reg, f.replace(as_of=period.start - timedelta(days=1), lights=[], statuses=[]),
                              table, records)}
    per: dict[str, dict] = {}
    review_keys = REVIEW_COUNTS if reg.review else ()  # 待审核, 已退办 per unit (docs/review.md)
    for u, c in tally(rows, groups).items():
        per[u] = dict.fromkeys(UNIT_KEYS, 0) | {
            "unit": u, "items": c["total"], "closed": c[Status.DONE] + c[Status.MET] + c[Status.MISSED],
            "completed": c[Status.DONE] + c[Status.MET], "missed": c[Status.MISSED], "overdue": c[Status.OVERDUE],
            "late": c["late"], "stale": c["stale"], **{str(lt): c[lt] for lt in LIGHTS},
            **{k: c[k] for k in review_keys}}
    cycles = [s for d in reg.documents if (s := reg.light_settings(doc=d).report_every_days)]
    _reporting(per, rows, groups, records, period, at, min(cycles) if cycles else None)
    for c in per.values():
        c["red_share"] = _share(c["red"], c["items"])
        c["red_or_stale_share"] = _share(c["red"] + c["stale"], c["items"])  # a stale item is yellow, not red
        c["completed_share"] = _share(c["completed"], c["items"])
    _rank(list(per.values()))
    ranked = sorted(per.values(), key=lambda c: (c["rank"], c["unit"]))
    names = named(ranked)
    for c in ranked:
        c["named"] = "best" if c["unit"] in names["best"] else "worst" if c["unit"] in names["worst"] else None
    newly = [r for r in rows if r["light"] == Light.RED and before.get(r["item"]) != Light.RED]
    notes = latest_notes(records, at)
    flagged = []
    for c in ranked:
        mine = [r for r in rows if r["light"] in (Light.RED, Light.YELLOW) and c["unit"] in groups(r)]
        if mine:
            mine.sort(key=lambda r: (r["light"] != Light.RED, r["deadline"] or "", r["item"]))
            flagged.append({"unit": c["unit"], "red": c["red"], "yellow": c["yellow"],
                            "items": [_flagged(r, before, notes) for r in mine]})
    whole = tally(rows, lambda r: ("all",)).get("all", Counter())  # each occurrence once
    counted = {r["item"] for r in rows}
    totals = {"records": sum(item in counted for item in _in_period(records, period, at)[0]),
              "items": len(rows), "units": len(per),
              "closed": whole[Status.DONE] + whole[Status.MET] + whole[Status.MISSED],
              "completed": whole[Status.DONE] + whole[Status.MET], "missed": whole[Status.MISSED],
              "overdue": whole[Status.OVERDUE], "late": whole["late"], **{str(lt): whole[lt] for lt in LIGHTS},
              "reported_units": sum(c["submitted_on"] is not None for c in ranked),
              "late_units": sum(c["on_time"] is False for c in ranked), **{k: whole[k] for k in review_keys}}
    return {"period": {"start": period.start.isoformat(), "end": period.end.isoformat(), "label": period.label},
            "as_of": at.isoformat(), "cycle": bool(cycles), "cycle_days": min(cycles) if cycles else None,
            "role": "support" if f.role == "support" else "lead", "units_asked": list(f.units),
            "rank_rule": list(RANK_RULE), "totals": totals,
            "rows": [{k: c[k] for k in (*UNIT_KEYS, *review_keys)} for c in ranked], "named": names,
            "not_on_time": [c["unit"] for c in ranked if c["on_time"] is False],
            "flagged": flagged, "newly_red": newly, **({"review": True} if reg.review else {})}


def _flagged(r: dict, before: dict, notes: dict) -> dict:
    out = {k: r.get(k) for k in FLAGGED_KEYS if k in r}
    out["newly_red"] = r["light"] == Light.RED and before.get(r["item"]) != Light.RED
    # yellow only for want of a report: the bulletin lists these by id, the others with their reasons
    codes = set(getattr(r.get("light_reason"), "codes", ()))
    out["unreported"] = bool(codes) and codes <= STALE
    n = notes.get(r["item"])
    out.update(n.as_dict() if n else {"noted_on": None, "progress": None, "problems": None, "next_steps": None})
    return out


def _in_period(records, period: BulletinPeriod, at: date) -> tuple[list[str], list[str]]:
    """The items of (reports of items, submissions) effective in the period (up to ``at``), withdrawn
    ones left out: read from the ledger's timeline, no record built."""
    f = timeline_of(records).facts
    hits = [(f.items[f.item_no[i]], f.status(i)) for i in between(records, period.start, at)]
    return [item for item, st in hits if st in RECORD_STATUSES], [item for item, st in hits if st == SUBMITTED]


def _reporting(per: dict[str, dict], rows: list[dict], groups, records: list[Record], period: BulletinPeriod,
               at: date, cycle: int | None) -> None:
    """Each unit's reporting: ``records`` and ``reported`` (records of its items in the period and the
    items they speak for), ``submissions`` (workbooks it sent back in the period), ``last_report`` (its
    last report by ``at``: a workbook, or a record typed by hand for one of its items),
    ``submitted_on`` (that date, when it falls in the period) and ``on_time`` — with a reporting cycle,
    a report within its days of ``at``; without one, a report in the period. A unit with nothing open
    owes no report: ``on_time`` is None."""
    units_of: dict[str, list[str]] = {}
    open_units: set[str] = set()
    for r in rows:
        units_of[r["item"]] = groups(r)
        if r["status"] not in (Status.DONE, Status.MET, Status.MISSED):
            open_units.update(units_of[r["item"]])
    reports, sent = _in_period(records, period, at)
    items: dict[str, set[str]] = {}
    for item in reports:
        for u in units_of.get(item, ()):
            per[u]["records"] += 1
            items.setdefault(u, set()).add(item)
    for item in sent:
        if item in per:
            per[item]["submissions"] += 1
    # a record without a unit was typed by hand: each item's latest one by ``at`` (its facts say whose
    # report a record is, so no record is built and an item's older ones are not even looked at)
    f = timeline_of(records).facts
    by_hand: dict[str, date] = {}
    for item, units in units_of.items():
        i = newest(records, item, at, lambda i: f.unit(i) is None and f.status(i) in RECORD_STATUSES)
        if i >= 0:
            for u in units:
                by_hand[u] = max(by_hand.get(u, date.min), date.fromordinal(f.eff[i]))
    dates = submitted(records)
    for u, c in per.items():
        c["reported"] = len(items.get(u, ()))
        last = max((d for d in (last_submitted(dates.get(u), at), by_hand.get(u)) if d is not None), default=None)
        c["last_report"] = last.isoformat() if last else None
        c["submitted_on"] = last.isoformat() if last and last >= period.start else None
        if u not in open_units:
            c["on_time"] = None
        elif cycle:
            c["on_time"] = last is not None and (at - last).days <= cycle
        else:
            c["on_time"] = c["submitted_on"] is not None


def _key(c: dict) -> tuple:
    return (c["on_time"] is False, c["red_or_stale_share"], _share(c["yellow"] - c["stale"], c["items"]),
            -c["completed_share"])


def _rank(units: list[dict]) -> None:
    """Competition ranking (1, 2, 2, 4) by the rank rule; 1 = best."""
    ordered = sorted(units, key=_key)
    for i, c in enumerate(ordered):
        c["rank"] = ordered[i - 1]["rank"] if i and _key(ordered[i - 1]) == _key(c) else i + 1


def named(ranked: list[dict]) -> dict[str, list[str]]:
    """The units a bulletin may name as 排名靠前 (``best``) and 排名靠后 (``worst``): whole ranks only,
    at most a third of the units and never more than three each, so no unit is named out of a tie;
    among the first only units that reported in the period, among the last only units with something
    to put right (a red or yellow item, or a report not made on time). Whatever a rank cannot name
    whole, it names no one of."""
    n = len(ranked)
    room = min(3, n // 3)
    by_rank: dict[int, list[dict]] = {}
    for c in ranked:
        by_rank.setdefault(c["rank"], []).append(c)
    ranks = sorted(by_rank)

    def take(order, fits) -> list[str]:
        out: list[str] = []
        for k in order:
            group = by_rank[k]
            if len(out) + len(group) > room or not all(fits(c) for c in group):
                break
            out += [c["unit"] for c in group]
        return out

    best = take(ranks, lambda c: c["submitted_on"] is not None)
    worst = take(reversed(ranks), lambda c: c["unit"] not in best and (c["red"] or c["yellow"] or c["on_time"] is False))
    return {"best": best, "worst": sorted(worst, key=lambda u: next(c["rank"] for c in ranked if c["unit"] == u))}
