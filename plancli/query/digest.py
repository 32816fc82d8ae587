"""The weekly digest as data: who holds what is overdue, what changed this week, what was achieved.

Meant for cron on Mondays, and useful on any day — including a day when every deadline has passed,
when a list of what *became* overdue is empty but the digest must still say what is open and who
holds it. ``digest`` returns plain data (the JSON of ``plancli weekly --format json``, keys in the
README); ``output.weekly`` writes it for people.

Sections:

1. per lead unit (or per plan) counts: overdue, due soon, in progress, met, done, missed, total,
   with a totals row that counts each occurrence once;
2. open overdue items grouped by lead unit (or plan), each with days overdue and its latest record;
3. newly overdue: deadline in the 7 days before as-of; newly red: red now and not 7 days before, each
   with its reason and the unit's latest 进展情况/存在问题/下一步措施;
4. due in the next N days (as-of included);
5. records *effective* last week (Monday–Sunday before as-of's week): the record's ``on`` date,
   else the date it was recorded, with actual, attainment and met;
6. records *entered* last week (by ``recorded_at``), whatever date they speak for: a figure entered
   today for last January, and retractions with their reason and the record they withdrew — what
   changed in the ledger, which section 5 alone would never show.
"""

from __future__ import annotations

from datetime import date, timedelta

from ..ledger.attainment import attainment
from ..ledger.record import Record
from ..ledger.timeline import entered_on, records_between, records_entered
from ..registry.model import Registry, target_text
from ..registry.units import UnitTable
from ..text.dates import week_bounds
from ..vocabulary import LIGHTS, STATUSES, Light, Review, Status
from .counts import REVIEW_COUNTS, lead_units, tally
from .filters import Filters, select_entries
from .report import explain
from .rows import occurrence_rows

__all__ = ["digest", "effective_date", "COUNT_KEYS", "BY"]

COUNT_KEYS = (*(s for s in STATUSES if s != Status.UPCOMING), "total", *LIGHTS)  # upcoming: not news for a week
BY = ("unit", "plan")


def effective_date(r: Record) -> date | None:
    """The day a record speaks for (``ledger.Record.effective``: its ``on`` date, else the date
    written in its ``recorded_at``); None when it has neither."""
    return r.effective if r.effective != date.min else None


def _group_keys(row: dict, by: str, table: UnitTable | None, chosen: set[str]) -> list[str]:
    """The groups a row belongs to: its plan, or its lead units (canonical). When ``--unit`` picked
    units that lead the item, only those: a unit's digest does not repeat its items under co-leads."""
    if by == "plan":
        return [row["plan"]]
    leads = lead_units(row, table.canonical if table else None)
    mine = [n for n in leads if n in chosen]
    return mine or leads


def _item(row: dict) -> dict:
    row["target"] = target_text(row.get("comparator"), row.get("value_text"))
    dl = row.get("days_left")
    row["days_overdue"] = -dl if row["status"] == "overdue" and dl is not None else None
    return row


def _record_row(by_id: dict, r: Record) -> dict | None:
    e = by_id.get(r.entry_id)
    if e is None:
        return None
    ratio, met = attainment(e, r.actual, r.actual_below)
    d = r.as_dict()
    d.update({"effective": effective_date(r).isoformat(), "plan": e.plan, "metric": e.metric,
              "unit": e.unit, "value_text": e.value_text, "target": target_text(e.comparator, e.value_text),
              "attainment": ratio, "met": met})
    return d


def digest(reg: Registry, table: UnitTable | None, records: list[Record], f: Filters, *,
           days: int = 7, by: str = "unit") -> dict:
    """Everything the weekly digest says, as plain data (keys: README, “Weekly digest”)."""
    if by not in BY:
        raise ValueError(f"by must be one of {BY}, not {by!r}")
    rows = [_item(r) for r in occurrence_rows(reg, f, table, records)]
    # red now and not a week ago, with the unit's latest words on it (what a director asks first)
    week_before = {r["item"]: r["light"] for r in
                   occurrence_rows(reg, f.replace(as_of=f.as_of - timedelta(days=7), lights=[], statuses=[]),
                                   table, records)}
    newly_red = explain([r for r in rows if r["light"] == Light.RED and week_before.get(r["item"]) != Light.RED],
                        records, f.as_of)
    chosen = set(f.units)
    plan_short = {code: p.short for code, p in reg.plans.items()}
    per = tally(rows, lambda r: _group_keys(r, by, table, chosen))
    keys = (*COUNT_KEYS, *REVIEW_COUNTS) if reg.review else COUNT_KEYS  # 待审核, 已退办 (docs/review.md)
    counts = {k: {key: c[key] for key in keys} for k, c in per.items()}
    groups: dict[str, list[dict]] = {}
    for r in rows:
        if r["status"] == Status.OVERDUE:
            for k in _group_keys(r, by, table, chosen):
                groups.setdefault(k, []).append(r)
    whole = tally(rows, lambda r: ("all",)).get("all")  # each occurrence once, however many lead units it has
    totals = {key: whole[key] if whole else 0 for key in keys}

    def name_label(k: str) -> dict:
        return {"name": k, "label": plan_short.get(k, k) if by == "plan" else k}

    order = sorted(counts, key=lambda k: (-counts[k]["overdue"], -counts[k]["total"], k))
    week_ago = (f.as_of - timedelta(days=7)).isoformat()
    today, horizon = f.as_of.isoformat(), (f.as_of + timedelta(days=days)).isoformat()
    start, end = week_bounds(f.as_of)
    ids = {e.id for e in select_entries(reg, f, table)}
    by_id = reg.by_id()
    recorded = [d for r in records_between(records, start, end)
                if r.entry_id in ids and (d := _record_row(by_id, r)) is not None]
    entered = []
    for r, gone in records_entered(records, start, end):
        if r.entry_id not in ids or (d := _record_row(by_id, r)) is None:
            continue
        d["entered"] = entered_on(r).isoformat()
        d["backdated"] = r.effective < start
        d["withdrew"] = gone.as_dict() if gone is not None else None
        entered.append(d)
    review = {}
    if reg.review:  # the claims sent back, with the reason the unit must act on (docs/review.md)
        review["returned"] = [r for r in rows if r.get("review") == Review.RETURNED]
    return {
        "as_of": today, "week": [start.isoformat(), end.isoformat()], "days": days, "by": by,
        "units": list(f.units), "plans": list(f.plans), "docs": list(f.docs),
        "overdue_total": totals["overdue"],
        "counts": [name_label(k) | counts[k] for k in order],
        "totals": totals,
        "overdue": [name_label(k) | {"items": groups[k]} for k in order if k in groups],
        "newly_overdue": [r for r in rows if r["status"] == "overdue" and r["deadline"] >= week_ago],
        "newly_red": newly_red,
        "due_next": [r for r in rows if r["status"] in (Status.DUE_SOON, Status.UPCOMING, Status.IN_PROGRESS)
                     and r["deadline"] and today <= r["deadline"] <= horizon],
        "recorded_last_week": recorded,
        "entered_last_week": entered,
    } | review


