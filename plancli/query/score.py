"""考核: points per unit for a period, from the ledger and the registry, by the rules of ``scoring:``.

Every point is an **event** a person can check by hand: which unit, for what (an item closed on
time, a report not filed, a 退办 …), on which date, the rule's points, the unit's weight and the
points it gives. A unit's score is the base plus the sum of its events; units are ranked by score,
equal scores sharing a rank (1, 2, 2, 4). The rules and a worked example: docs/review.md.

What counts in a period (``since``..``until``, e.g. the year 2024), judged as of ``as_of``:

- **items** whose deadline in force (after any 延期 asked by the period's end) falls in the period, each
  once, for each of its lead units (× ``lead_weight``) and supporting units (× ``support_weight``):
  closed on time (done/met — with review, accepted — on or before the deadline), closed late, missed,
  or overdue and still open. The unit's own records count up to the period's end; the office's
  decisions (销号/退办) and corrections up to ``as_of``, so a year-end claim accepted in January counts
  for the year it was made. A claim still awaiting review is listed with 0 points (not yet decided);
- **reports** (报送), with a reporting cycle (``lights.report_every_days``): the period is cut into
  windows of that many days; in each window that a lead unit has open items of the document, it
  reports when it sends its workbook back (a submission) or a record of one of them is effective in the
  window (a row read from its workbook is its own report, not its co-leads'); a report that only comes
  in the next window is late, none by then is not filed. Lead units only;
- **退办** (each return dated in the period) and **延期** (each extension asked in the period), for the
  item's lead units.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..ledger.record import Record
from ..ledger.review import Reviews
from ..ledger.submissions import submitted
from ..ledger.timeline import records_between, withdrawn
from ..registry.model import Registry, ScoringRules
from ..registry.names import QueryError
from ..registry.units import UnitTable
from ..text.dates import to_date
from ..vocabulary import DECISIONS, EXTENDED, OPEN, RECORD_STATUSES, RETRACTED, RETURNED, Review, Status
from .counts import lead_units
from .filters import Filters, select_entries
from .rows import closing_dates, occurrence_rows

__all__ = ["ScorePeriod", "score_period", "score", "EVENT_KEYS", "UNIT_KEYS", "EVENT_KINDS", "RULE_OF", "GROUP_OF"]

# The keys of an event (JSON ``events``; the events sheet), in order.
EVENT_KEYS = ("unit", "role", "kind", "item", "metric", "deadline", "date", "days", "note", "points", "weight",
              "value")
# The keys of a unit's row (JSON ``rows``; the totals sheet), in order; ``events`` follows in JSON.
# ``items``, ``reports``, ``returns``, ``extensions``: the points of each group of events; the event kinds
# (``closed_on_time`` … ``extended``): how many events of the kind.
UNIT_KEYS = ("rank", "unit", "score", "base", "items", "reports", "returns", "extensions", "closed_on_time",
             "closed_late", "missed", "overdue_open", "pending_review", "report_late", "report_missing", "returned",
             "extended")
# Event kind → the group of points it adds to.
GROUP_OF = {**dict.fromkeys(("closed_on_time", "closed_late", "missed", "overdue_open", "pending_review"), "items"),
            "report_late": "reports", "report_missing": "reports", "returned": "returns", "extended": "extensions"}
# Event kinds → the rule that gives their points (``pending_review`` gives none: not decided yet).
RULE_OF = {"closed_on_time": "closed_on_time", "closed_late": "closed_late", "missed": "missed",
           "overdue_open": "overdue_open", "pending_review": None, "report_late": "report_late",
           "report_missing": "report_missing", "returned": "returned", "extended": "extended"}
EVENT_KINDS = tuple(RULE_OF)


@dataclass(frozen=True)
class ScorePeriod:
    start: date
    end: date
    label: str  # 2024, or 2024-01-01..2024-06-30


def score_period(as_of: date, *, year: str | None = None, since: str | None = None,
                 until: str | None = None) -> ScorePeriod:
    """``--year 2024``, or ``--since``/``--until``; by default the calendar year of ``as_of``."""
    if year and (since or until):
        raise QueryError("score.one_period")
    if year:
        m = re.fullmatch(r"\s*(\d{4})\s*年?\s*", year)
        if not m or not 1900 <= int(m.group(1)) <= 9999:
            raise QueryError("score.bad_year", given=year)
        y = int(m.group(1))
        return ScorePeriod(date(y, 1, 1), date(y, 12, 31), str(y))
    if since or until:
        if not (since and until):
            raise QueryError("score.since_until")
        start, end = to_date(since, "--since"), to_date(until, "--until")
        if end < start:
            raise QueryError("score.until_before_since", end=end, start=start)
        return ScorePeriod(start, end, f"{start}..{end}")
    return ScorePeriod(date(as_of.year, 1, 1), date(as_of.year, 12, 31), str(as_of.year))


def _event(unit: str, role: str, kind: str, rules: ScoringRules, weight: float = 1.0, **fields) -> dict:
    rule = RULE_OF[kind]
    points = getattr(rules, rule) if rule else 0.0
    ev = dict.fromkeys(EVENT_KEYS) | fields | {"unit": unit, "role": role, "kind": kind, "points": points,
                                                "weight": weight, "value": round(points * weight, 4)}
    return ev


def _as_counted(records: list[Record], end: date) -> list[Record]:
    """The ledger as the period saw it: the units' records effective by its end; the office's decisions
    and the corrections (retractions) whenever made — a claim of December decided in January counts
    for December, and a record withdrawn counts at no date."""
    return [r for r in records if r.effective <= end or r.status == RETRACTED or r.status in DECISIONS]


def score(reg: Registry, table: UnitTable | None, records: list[Record], f: Filters, period: ScorePeriod) -> dict:
    """The 考核 of ``period`` as of ``f.as_of``: ``rows`` (one per unit, ranked, each with its events),
    ``events`` (all of them), the ``rules`` applied and the period. ``f.units`` only narrows the rows
    shown: ranks are among every unit of the documents and plans in scope."""
    if period.start > f.as_of:
        raise QueryError("score.not_begun", period=period.label, as_of=f.as_of)
    rules = reg.scoring_rules
    canon = table.canonical if table else (lambda n: n)
    everyone = f.replace(units=[], role="any", statuses=[], lights=[], before=None, after=None, within=None)
    counted = _as_counted(records, period.end)
    rows = occurrence_rows(reg, everyone, table, counted)
    reviews = Reviews(reg, counted, f.as_of) if reg.review else None
    closed_on = closing_dates(reg, counted, f.as_of, reviews)
    events: list[dict] = []
    entries = select_entries(reg, everyone, table)
    units = {canon(n): None for e in entries for n in (*e.lead, *e.support)}
    for r in rows:
        d = date.fromisoformat(r["deadline"]) if r["deadline"] else None
        if d is None or not period.start <= d <= period.end:
            continue
        kind, when, days = _item_kind(r, d, closed_on, f.as_of)
        if kind is None:
            continue
        common = {"item": r["item"], "metric": r["metric"], "deadline": r["deadline"], "date": when, "days": days,
                  "note": r.get("review_note") if r.get("review") == Review.RETURNED else None}
        for u in lead_units(r, canon):
            events.append(_event(u, "lead", kind, rules, rules.lead_weight, **common))
        for u in dict.fromkeys(canon(n) for n in r["support"]):
            if u not in lead_units(r, canon):
                events.append(_event(u, "support", kind, rules, rules.support_weight, **common))
    ids = {e.id: e for e in entries}
    at = min(period.end, f.as_of)
    for rec in records_between(records, period.start, at):
        e = ids.get(rec.entry_id)
        if e is None or rec.status not in (RETURNED, EXTENDED):
            continue
        kind = "returned" if rec.status == RETURNED else "extended"
        for u in dict.fromkeys(canon(n) for n in e.lead):
            events.append(_event(u, "lead", kind, rules, item=rec.item, metric=e.metric, date=rec.effective.isoformat(),
                                 deadline=rec.extend_to.isoformat() if rec.extend_to else None, note=rec.note))
    events += _report_events(reg, table, records, everyone, period, rules, canon)
    for ev in events:
        units.setdefault(ev["unit"], None)
    out_rows = _totals(list(units), events, rules)
    ends = {k: {"score": r["score"], "units": [u["unit"] for u in out_rows if u["score"] == r["score"]]}
            for k, r in (("top", out_rows[0]), ("low", out_rows[-1]))} if out_rows else {"top": None, "low": None}
    shown = set(f.units)
    if shown:
        out_rows = [u for u in out_rows if u["unit"] in shown]
        events = [ev for ev in events if ev["unit"] in shown]
    order = {u["unit"]: i for i, u in enumerate(out_rows)}
    events.sort(key=lambda ev: (order.get(ev["unit"], len(order)), EVENT_KINDS.index(ev["kind"]),
                                ev["deadline"] or "", ev["item"] or "", ev["role"]))
    for u in out_rows:
        u["events"] = [ev for ev in events if ev["unit"] == u["unit"]]
    return {"period": {"start": period.start.isoformat(), "end": period.end.isoformat(), "label": period.label},
            "as_of": f.as_of.isoformat(), "rules": {k: getattr(rules, k) for k in _rule_keys()},
            "rules_set": sorted(reg.scoring), "review": reg.review, "units": len(units), **ends,
            "rows": out_rows, "events": events}


def _rule_keys() -> tuple[str, ...]:
    return ScoringRules._fields


def _item_kind(r: dict, deadline: date, closed_on: dict[str, date], as_of: date) -> tuple[str | None, str | None, int | None]:
    """(event kind, its date, days late or overdue) of an item due in the period, as it stands."""
    st = r["status"]
    if st in (Status.DONE, Status.MET):
        when = closed_on.get(r["item"]) or (date.fromisoformat(r["recorded_on"]) if r["recorded_on"] else None)
        late = (when - deadline).days if when and when > deadline else 0
        return ("closed_late" if late else "closed_on_time"), (when.isoformat() if when else None), late or None
    if st == Status.MISSED:
        return "missed", r["recorded_on"], None
    if r.get("review") == Review.PENDING:
        return "pending_review", r["recorded_on"], None
    if st == Status.OVERDUE:
        return "overdue_open", None, (as_of - deadline).days
    return None, None, None


def _windows(anchor: date, period: ScorePeriod, cycle: int) -> list[tuple[date, date]]:
    """The reporting windows of a cycle of ``cycle`` days counted from ``anchor`` (the document's date)
    whose due date (last day) falls in the period, and the one after them (a late report comes in it).
    Windows run on across periods, so each is counted once, in the period of its due date."""
    k = max((period.start - anchor).days // cycle - 1, 0)
    out = []
    while True:
        a = anchor + timedelta(days=k * cycle)
        b = a + timedelta(days=cycle - 1)
        if b > period.end:
            out.append((a, b))  # the next window: only where a late report may come
            return out
        if b >= period.start:
            out.append((a, b))
        k += 1


def _report_events(reg: Registry, table: UnitTable | None, records: list[Record], f: Filters, period: ScorePeriod,
                   rules: ScoringRules, canon) -> list[dict]:
    """报送 per reporting window for each document with a cycle: filed, late (only in the next window, which
    may run past the period's end) or not filed, for every lead unit with open items of the document at
    the window's end."""
    gone = withdrawn(records)
    reports = [r for i, r in enumerate(records) if i not in gone and r.status in RECORD_STATUSES]
    sent = {canon(u): dates for u, dates in submitted(records).items()}  # 报送: workbooks sent back
    out: list[dict] = []
    for doc in reg.documents:
        cycle = reg.light_settings(doc=doc).report_every_days
        if not cycle or (f.docs and doc.code not in f.docs) or (doc.archived and not f.all_docs and not f.docs):
            continue
        scope = f.replace(docs=[doc.code], all_docs=True)
        leads_of: dict[str, list[str]] = {}
        for e in select_entries(reg, scope, table):
            leads_of[e.id] = list(dict.fromkeys(canon(n) for n in e.lead))
        if not leads_of:
            continue
        dates: dict[str, list[date]] = {u: list(d) for u, d in sent.items()}
        for r in reports:
            leads = leads_of.get(r.entry_id, ())
            # a row read from a unit's workbook is that unit's report, not its co-leads' (Record.unit)
            for u in ([canon(r.unit)] if r.unit is not None and canon(r.unit) in leads else leads):
                dates.setdefault(u, []).append(r.effective)
        try:  # reports are due from the document's date, in cycles counted from it
            anchor = date.fromisoformat(doc.date) if doc.date else doc.period.start
        except ValueError:
            anchor = doc.period.start
        windows = _windows(anchor, period, cycle)
        for k, (a, b) in enumerate(windows[:-1]):
            if b > f.as_of:
                break
            open_now = occurrence_rows(reg, scope.replace(as_of=b), table, records, open_only=True)
            due = {u for r in open_now if r["status"] in OPEN for u in lead_units(r, canon)}
            nxt = windows[k + 1][1]
            for u in sorted(due):
                filed = [x for x in dates.get(u, ()) if a <= x <= b]
                if filed:
                    continue
                later = sorted(x for x in dates.get(u, ()) if b < x <= min(nxt, f.as_of))
                common = {"metric": doc.label, "deadline": b.isoformat(), "note": f"{a.isoformat()}..{b.isoformat()}"}
                if later:
                    out.append(_event(u, "lead", "report_late", rules, date=later[0].isoformat(),
                                      days=(later[0] - b).days, **common))
                else:
                    out.append(_event(u, "lead", "report_missing", rules, **common))
    return out


def _totals(units: list[str], events: list[dict], rules: ScoringRules) -> list[dict]:
    """One row per unit: the base, its points by kind and in all, ranked (ties share a rank)."""
    per = {u: dict.fromkeys(UNIT_KEYS, 0) | {"unit": u, "base": rules.base} for u in units}
    for ev in events:
        c = per[ev["unit"]]
        c[ev["kind"]] += 1
        group = GROUP_OF[ev["kind"]]
        c[group] = round(c[group] + ev["value"], 4)
    for c in per.values():
        c["score"] = round(c["base"] + c["items"] + c["reports"] + c["returns"] + c["extensions"], 4)
    ordered = sorted(per.values(), key=lambda c: (-c["score"], c["unit"]))
    for i, c in enumerate(ordered):
        c["rank"] = ordered[i - 1]["rank"] if i and ordered[i - 1]["score"] == c["score"] else i + 1
    return [{k: c[k] for k in UNIT_KEYS} for c in ordered]
