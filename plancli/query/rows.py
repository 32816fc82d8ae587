"""Queries over the registry: who is responsible, by when, and what is overdue.

Returns plain dicts in the documented JSON contract (README, “Output contract”), so every output
format renders the same data. Nothing here knows about the terminal.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from ..ledger.attainment import attainment, record_status
from ..ledger.store import RETRACTED, Record, extensions, history, latest_records, withdrawn
from ..registry.model import Entry, Registry, target_text
from ..registry.names import QueryError, match_unit, resolve_doc, resolve_plan
from ..registry.units import UnitTable
from ..text.deadline import DeadlineError, parse_date
from ..vocabulary import CLOSED, LIGHTS, STATUSES, URGENCY, Status
from .lights import judge, occurrence_start

__all__ = [
    "QueryError", "CONTRACT", "Filters", "make_filters", "parse_span", "resolve_plan", "occurrence_rows", "entry_rows",
    "entry_dict", "entry_detail", "detail_pairs", "overdue_rows", "decorate", "to_date", "to_today", "STATUSES", "ROLES", "attainment", "select_entries",
    "target_text", "week_bounds", "record_status", "visible_plans",
]

# The keys of every occurrence/entry row, in order: the JSON/CSV contract (README, “Output contract”).
CONTRACT = (
    "id", "item", "occurrence", "kind", "plan", "plan_name", "group", "section", "task", "metric",
    "value", "value_max", "unit", "comparator", "value_text", "deadline", "deadline_text",
    "deadline_inferred", "recurring", "lead", "support", "units_inferred", "quote", "line",
    "status", "days_left", "record_status", "actual", "attainment", "met", "recorded_on", "doc",
    # 亮灯 (docs/lights.md): the light and why; a closing record dated after the deadline is late
    "light", "light_reason", "late", "days_late",
    # issue 18 (the 台账 round trip): 延期 and the deciding record's note and 佐证
    "deadline_original", "note", "evidence",
)
ROLES = ("any", "lead", "support")
# Every occurrence has exactly one of these (they add up to stats' total). "No time stated in the
# source" is not a status but a flag: deadline_inferred (stats: no_date_stated).
# The statuses themselves are the vocabulary's (plancli.vocabulary).




_SPAN_UNITS = {  # unit word → (relativedelta keyword, days it spans at most)
    **dict.fromkeys(("d", "day", "days", "天", "日"), ("days", 1)),
    **dict.fromkeys(("w", "wk", "week", "weeks", "周"), ("weeks", 7)),
    **dict.fromkeys(("m", "mo", "month", "months", "月", "个月"), ("months", 31)),
    **dict.fromkeys(("y", "yr", "year", "years", "年"), ("years", 366)),
}


def parse_span(text: str) -> relativedelta:
    """``7d``, ``2w``, ``1m``, ``1y`` (also 7 天 / 2 周 / 1 月 / 1 年) → a relative span of ≤ 100 years."""
    m = re.fullmatch(r"\s*(\d+)\s*([a-z]+|天|日|周|个月|月|年)\s*", text or "")
    if not m or m.group(2) not in _SPAN_UNITS:
        raise QueryError(f"cannot read span {text!r} (use e.g. 7d, 2w, 1m, 1y)")
    n = int(m.group(1))
    kw, days = _SPAN_UNITS[m.group(2)]
    if n * days > 100 * 366:  # date arithmetic beyond year 9999 would overflow
        raise QueryError(f"span {text!r} is too long (at most 100 years)")
    return relativedelta(**{kw: n})


TODAY_WORDS = ("today", "今天", "今日")


def to_date(text: str, what: str) -> date:
    """A date typed on the command line: any form ``parse_date`` reads, or ``today``."""
    if str(text).strip().lower() in TODAY_WORDS:
        return date.today()
    try:
        return parse_date(text)
    except DeadlineError as exc:
        raise QueryError(f"{what}: {exc}") from None


def to_today(as_of: str | None) -> date:
    """``--as-of`` as a date; today when it is not given."""
    return to_date(as_of, "--as-of") if as_of else date.today()


@dataclass(kw_only=True)
class Filters:
    units: list[str] = field(default_factory=list)  # canonical names
    role: str = "any"  # lead | support | any
    plans: list[str] = field(default_factory=list)  # codes
    before: date | None = None
    after: date | None = None
    within: relativedelta | None = None
    as_of: date = field(default_factory=date.today)
    statuses: list[str] = field(default_factory=list)
    soon: relativedelta = field(default_factory=lambda: relativedelta(days=14))
    kinds: list[str] = field(default_factory=list)
    docs: list[str] = field(default_factory=list)  # document codes
    all_docs: bool = False  # archived documents too (--all-docs); naming one with --doc/--plan also shows it
    guessed_units: list[tuple[str, str]] = field(default_factory=list)  # (as typed, unit read) to say
    lights: list[str] = field(default_factory=list)  # --light: only rows with these lights

    def horizon(self) -> date | None:
        return self.as_of + self.within if self.within is not None else None


def make_filters(reg: Registry, table: UnitTable | None, *, units: Iterable[str] = (), role: str = "any",
                 plans: Iterable[str] = (), before: str | None = None, after: str | None = None,
                 within: str | None = None, as_of: str | None = None, statuses: Iterable[str] = (),
                 soon: str = "14d", kinds: Iterable[str] = (), docs: Iterable[str] = (),
                 lights: Iterable[str] = (), all_docs: bool = False) -> Filters:
    """Filters from option values as typed: unit and plan names resolved, dates and spans read."""
    if role not in ROLES:
        raise QueryError(f"--role must be lead, support or any, not {role!r}")
    lights = list(lights)
    for lt in lights:
        if lt not in LIGHTS:
            raise QueryError(f"unknown light {lt!r}; choose from {', '.join(LIGHTS)}")
    statuses = list(statuses)
    for s in statuses:
        if s not in STATUSES:
            raise QueryError(f"unknown status {s!r}; choose from {', '.join(STATUSES)}")
    doc_codes = [resolve_doc(reg, d) for d in docs]
    matched = [match_unit(reg, table, u, doc_codes) if table else (u, False) for u in units]
    return Filters(
        units=[name for name, _ in matched], role=role,
        guessed_units=[(u, name) for u, (name, guessed) in zip(units, matched, strict=True) if guessed],
        plans=[resolve_plan(reg, p) for p in plans],
        before=to_date(before, "--before") if before else None,
        after=to_date(after, "--after") if after else None,
        within=parse_span(within) if within else None,
        as_of=to_today(as_of),
        statuses=statuses, soon=parse_span(soon), kinds=list(kinds), docs=doc_codes, lights=lights,
        all_docs=all_docs,
    )


def _unit_pred(f: Filters, table: UnitTable | None):
    """Predicate on (lead, support) for the --unit/--role filter, or None when there is none."""
    if not f.units:
        return None
    want = set(f.units)
    memo: dict[str, str] = {}  # names repeat across entries: canonicalise each once

    def canon(n: str) -> str:
        c = memo.get(n)
        if c is None:
            c = memo[n] = table.canonical(n) if table else n
        return c

    use_lead, use_support = f.role in ("any", "lead"), f.role in ("any", "support")
    # The same unit lists recur across thousands of entries: each list is judged once. (Memoised per
    # list, not per (lead, support) pair: at 100k entries most pairs are new, most lists are not.)
    leads: dict[tuple, bool] = {}
    supports: dict[tuple, bool] = {}

    def pred(lead, support) -> bool:
        hit = leads.get(lead)
        if hit is None:
            hit = leads[lead] = use_lead and any(canon(n) in want for n in lead)
        if hit:
            return True
        hit = supports.get(support)
        if hit is None:
            hit = supports[support] = use_support and any(canon(n) in want for n in support)
        return hit

    return pred


def _status(d: date | None, recorded: str | None, f: Filters, soon_end: date) -> str:
    """Closed records win; work in progress is still overdue once its deadline has passed."""
    if recorded in CLOSED:
        return recorded
    if d is None:  # a registry always gives a deadline (end of the plan period when none is stated)
        return recorded or "upcoming"
    if d < f.as_of:
        return "overdue"
    if recorded is not None:  # in_progress, deadline not yet passed
        return recorded
    if d <= soon_end:
        return "due_soon"
    return "upcoming"


def entry_dict(reg: Registry, e: Entry) -> dict:
    """The stable JSON fields of an entry (see README: Output contract)."""
    plan = reg.plans.get(e.plan)
    return {
        "id": e.id, "kind": e.kind, "plan": e.plan, "plan_name": plan.name if plan else e.plan,
        "group": e.group, "section": e.section, "task": e.task, "metric": e.metric,
        "value": e.value, "value_max": e.value_max, "unit": e.unit, "comparator": e.comparator,
        "value_text": e.value_text, "deadline": e.deadline.isoformat() if e.deadline else None,
        "deadline_text": e.deadline_text, "deadline_inferred": e.deadline_inferred,
        "recurring": e.recurring, "lead": list(e.lead), "support": list(e.support),
        "units_inferred": e.units_inferred, "quote": e.quote, "line": e.line,
        "doc": doc.label if (doc := reg.document_of(e)) else None,
    }


def visible_plans(reg: Registry, f: Filters) -> list[str]:
    """The plan codes a listing covers: those named (--plan, --doc), else every plan but those of
    archived documents (unless --all-docs)."""
    plans = list(f.plans)
    if f.docs:
        of_docs = [c for c, p in reg.plans.items() if p.doc in f.docs]
        plans = [c for c in plans if c in of_docs] if plans else of_docs
        return plans
    if plans or f.all_docs:
        return plans or list(reg.plans)
    gone = reg.archived_plans
    return [c for c in reg.plans if c not in gone]


def select_entries(reg: Registry, f: Filters, table: UnitTable | None = None) -> list[Entry]:
    """Entries passing the document, plan, kind and unit/role filters (dates are checked per
    occurrence). Plan codes are unique across documents, so --doc narrows the plans; archived
    documents are left out unless named or asked for (``visible_plans``)."""
    plans = visible_plans(reg, f)
    if not plans:
        return []
    whole = len(plans) == len(reg.plans)
    return reg.select(None if whole else set(plans), set(f.kinds) or None, _unit_pred(f, table))


def _progress_fields(e: Entry, rec: Record | None) -> dict:
    actual = rec.actual if rec else None
    ratio, met = attainment(e, actual)
    return {"record_status": rec.status if rec else None, "actual": actual,
            "attainment": ratio, "met": met, "recorded_on": rec.effective.isoformat() if rec else None,
            "note": rec.note if rec else None, "evidence": rec.evidence if rec else None}


def occurrence_rows(reg: Registry, f: Filters, table: UnitTable | None = None,
                    records: list[Record] | None = None, *, open_only: bool = False) -> list[dict]:
    """One row per deadline occurrence (每年 → one per year), soonest first, then by id.

    Each row has its light (``query.lights.judge``). A figure recorded ``in_progress`` that already
    meets the target reads ``met`` (record_status stays ``in_progress``: met, awaiting 销号), so no row
    is ever ``overdue`` and ``met`` at once; a closing that came after the deadline is ``late``.
    """
    latest = latest_records(records or [], f.as_of)  # only what had happened by as_of counts
    moved = extensions(records or [], f.as_of)  # 延期 asked by as_of moves the deadline
    horizon = f.horizon()
    soon_end = f.as_of + f.soon  # relativedelta arithmetic is slow: once per query, not per row
    closed_on: dict[str, date] | None = None  # built on the first closed row: most queries need none
    rows = []
    for e in select_entries(reg, f, table):
        settings, issued = reg.light_settings(e), reg.issued(e)
        doc = reg.document_of(e)
        period_start = doc.period.start if doc else f.as_of
        for d in reg.occurrences(e) or (None,):
            label = e.label(d) if d else None
            item = f"{e.id}@{label}" if label else e.id
            original = None
            ext = moved.get(item) if moved else None
            if ext is not None:  # the extended deadline decides status, filters and order
                original, d = d, ext.extend_to
            if d is not None:
                if f.before and d > f.before:
                    continue
                if f.after and d < f.after:
                    continue
                if horizon and d > horizon:
                    continue
            rec = latest.get(item) or (latest.get(e.id) if label is None else None)
            progress = _progress_fields(e, rec)
            recorded = record_status(e, rec) if rec else None
            if recorded == Status.IN_PROGRESS and progress["met"]:
                recorded = Status.MET  # the figure is there: met, awaiting 销号 (docs/lights.md)
            status = _status(d, recorded, f, soon_end)
            if open_only and status in CLOSED:
                continue
            if f.statuses and status not in f.statuses:
                continue
            row = entry_dict(reg, e)
            row.update({
                "item": item, "occurrence": label,
                "deadline": d.isoformat() if d else None,
                "deadline_original": original.isoformat() if original else None,
                "days_left": (d - f.as_of).days if d else None, "status": status,
            })
            row.update(progress)
            # Lateness and the light go by the row's final deadline (an extension may have moved it),
            # never by the entry's as written; its start is still the occurrence's own.
            final = _iso_date(row["deadline"])
            late = None
            if final is not None and status in (Status.DONE, Status.MET):
                if closed_on is None:
                    closed_on = closing_dates(reg, records or [], f.as_of)
                when = closed_on.get(item) or (rec.effective if rec else None)
                late = (when - final).days if when and when > final else 0
            start = occurrence_start(e, d, issued, period_start) if d else f.as_of
            j = judge(e, row, rec, settings, f.as_of, start=start, deadline=final)
            if f.lights and j.light not in f.lights:
                continue
            row.update({"light": j.light, "light_reason": j.why(), "late": bool(late) if late is not None else None,
                        "days_late": late or None})
            rows.append(row)
    rows.sort(key=lambda r: (r["deadline"] or "9999-99-99", r["id"], r["occurrence"] or ""))
    return rows


@functools.lru_cache(maxsize=4096)
def _iso_date(text: str | None) -> date | None:
    """A row's ISO deadline as a date; a few hundred distinct dates serve 100k rows."""
    return date.fromisoformat(text) if text else None


def closing_dates(reg: Registry, records: list[Record], as_of: date) -> dict[str, date]:
    """Item → the date it was closed (done or met, by the value) for good: the first record of the
    last unbroken run of closing records up to ``as_of``. A later re-statement of the same result
    (this year's figure, still met) does not make an item closed on time late."""
    gone = withdrawn(records)
    active = sorted((r.effective, i, r) for i, r in enumerate(records)
                    if r.status != RETRACTED and i not in gone and r.effective <= as_of)
    since: dict[str, date] = {}
    for when, _, r in active:
        e = reg.get(r.entry_id)
        if e is None:
            continue
        st = record_status(e, r)
        closes = st in (Status.DONE, Status.MET) or (st == Status.IN_PROGRESS and attainment(e, r.actual)[1])
        if not closes:
            since.pop(r.item, None)
        elif r.item not in since:
            since[r.item] = when
    return since


def overdue_rows(reg: Registry, f: Filters, table: UnitTable | None = None,
                 records: list[Record] | None = None) -> list[dict]:
    """Occurrences past their deadline with no done/met record (``--status`` may only narrow it)."""
    if f.statuses and "overdue" not in f.statuses:
        return []
    return occurrence_rows(reg, replace(f, statuses=["overdue"]), table, records, open_only=True)


def decorate(rows: list[dict], f: Filters | None = None, table: UnitTable | None = None, *,
             extended: str = " (was {d})") -> list[dict]:
    """Human-only columns: ``target`` as written with its comparator, inferred deadlines starred,
    an extended deadline followed by the original (``extended``, formatted with ``d``), and
    ``lead_shown``: the lead units with the ones ``--unit`` asked for first, so a narrow terminal
    that cuts the cell still shows them, and ``co_lead``: the lead units ``--unit`` did not ask for."""
    want = set(f.units) if f else set()

    def first(n: str) -> bool:
        return (table.canonical(n) if table else n) not in want

    for r in rows:
        r["target"] = target_text(r.get("comparator"), r.get("value_text"))
        d = r.get("deadline") or ""
        r["deadline_shown"] = d + ("*" if d and r.get("deadline_inferred") else "")
        if r.get("deadline_original"):
            r["deadline_shown"] += extended.format(d=r["deadline_original"])
        lead = r.get("lead") or []
        r["lead_shown"] = "、".join(sorted(lead, key=first) if want else lead)
        # what --unit did not already answer: the other lead units (co-leads, or the leads of an
        # item the asked unit supports)
        r["co_lead"] = "、".join(n for n in lead if not want or first(n)) if want else r["lead_shown"]
    return rows


_RANK = {s: i for i, s in enumerate(URGENCY)}
_LIGHT_RANK = {lt: i for i, lt in enumerate(LIGHTS)}


def _occurrence_reason(r: dict, several: bool):
    """An occurrence's light_reason, prefixed with its label (``2024: missed``) when there are several."""
    reason = r["light_reason"]
    if not several or not r["occurrence"]:
        return reason
    return replace(reason, occurrence=r["occurrence"])


def entry_rows(reg: Registry, f: Filters, table: UnitTable | None = None,
               records: list[Record] | None = None) -> list[dict]:
    """One row per registry entry; status is that of its most pressing occurrence."""
    f_all = replace(f, statuses=[], lights=[])
    occ = occurrence_rows(reg, f_all, table, records)
    by_id: dict[str, list[dict]] = {}
    for r in occ:
        by_id.setdefault(r["id"], []).append(r)
    rows = []
    for e in reg.entries:
        group = by_id.get(e.id)
        if not group:
            continue
        worst = min(group, key=lambda r: (_RANK[r["status"]], r["deadline"] or ""))
        row = entry_dict(reg, e)
        row.update({k: worst[k] for k in ("status", "days_left", "record_status", "actual",
                                          "attainment", "met", "recorded_on", "late", "days_late",
                                          "deadline_original", "note", "evidence")})
        row["item"], row["occurrence"] = e.id, None
        row["next_deadline"] = worst["deadline"]
        if len(group) == 1 and worst["deadline_original"]:  # one deadline, extended: the row says so
            row["deadline"] = worst["deadline"]
        # The entry shows its worst light (a red 2024 is not hidden by a green 2025), saying which one.
        lit = min(group, key=lambda r: (_LIGHT_RANK[r["light"]], r["deadline"] or ""))
        row["light"], row["light_reason"] = lit["light"], _occurrence_reason(lit, len(group) > 1)
        if f.statuses and row["status"] not in f.statuses:
            continue
        if f.lights and row["light"] not in f.lights:
            continue
        rows.append(row)
    rows.sort(key=lambda r: (r["deadline"] or "9999", r["id"]))
    return rows


def week_bounds(as_of: date) -> tuple[date, date]:
    """Monday..Sunday of the week before ``as_of``'s week (for “recorded last week”)."""
    monday = as_of - timedelta(days=as_of.weekday())
    return monday - timedelta(days=7), monday - timedelta(days=1)


def entry_detail(reg: Registry, e: Entry, records: list[Record], as_of: date, ledger: str | None = None) -> dict:
    """Everything ``show`` tells about one entry: the contract fields, its occurrences with their
    status as of ``as_of``, its note, the full history of its records and which ledger held them."""
    occ = occurrence_rows(reg, Filters(as_of=as_of, plans=[e.plan]), None, records)
    d = entry_dict(reg, e)
    d["occurrences"] = [{k: r[k] for k in ("item", "deadline", "deadline_original", "days_left", "status",
                                            "record_status", "actual", "attainment", "met", "note", "evidence",
                                            "light", "light_reason", "late", "days_late")}
                        for r in occ if r["id"] == e.id]
    d["history"] = history(records, e.id, as_of)  # what had been recorded by as_of
    d["records_after_as_of"] = sum(r.entry_id == e.id and r.effective > as_of for r in records)
    d["note"] = e.note
    d["ledger"] = ledger
    return d


def detail_pairs(reg: Registry, e: Entry, d: dict) -> list[tuple[str, str]]:
    """``entry_detail`` as (field, value) lines a person reads."""
    inferred = " (inferred: end of plan period)" if e.deadline_inferred else ""
    who = " (inferred: plan coordinator)" if e.units_inferred else ""
    pairs = [
        ("id", e.id), ("kind", e.kind), ("document", _doc_line(reg, e)),
        ("plan", f"{d['plan_name']} ({e.plan}, {e.group})"),
        ("section", e.section + (f" / task {e.task}" if e.task is not None else "")),
        ("metric", e.metric),
        ("target", target_text(e.comparator, e.value_text)
         + (f" (= {e.value:g} {e.unit or ''}".rstrip() + ")" if e.value is not None else "")),
        ("deadline", f"{e.deadline} ({e.deadline_text or 'no time stated'}){inferred}"),
        ("recurring", e.recurring or "no"), ("lead", "、".join(e.lead) + who),
        ("support", "、".join(e.support) or "—"),
        ("source", f"line {e.line}: {e.quote}"),
    ]
    if e.note:
        pairs.append(("note", e.note))
    from ..text.actuals import written_like

    for o in d["occurrences"]:
        extra = ""
        if o["actual"] is not None:
            extra = f", actual {written_like(o['actual'], e.value_text, e.unit)}"
            extra += f" ({o['attainment']:.0%} of the target)" if o["attainment"] is not None else ""
        if o["record_status"] in CLOSED and o["record_status"] != o["status"]:
            extra += f", recorded as {o['record_status']} but the value says {o['status']}"
        if o.get("late"):
            extra += f", closed {o['days_late']} days late"
        moved = f", extended from {o['deadline_original']}" if o.get("deadline_original") else ""
        pairs.append(("status", f"{o['item']}: {o['status']} (deadline {o['deadline']}{moved}){extra}"))
        pairs.append(("light", f"{o['item']}: {o['light']} ({o['light_reason']})"))
    for h in d["history"]:
        text = f"{h['effective'] or '(no date)'} {h['item']} {h['status']}"
        if h["actual"] is not None:
            shown = written_like(h["actual"], e.value_text, e.unit)
            typed = h["actual_text"]
            same = typed is None or "".join(typed.split()) == "".join(shown.split())
            text += f" actual={shown}" + ("" if same else f" (typed {typed})")
        text += f" to {h['extend_to']}" if h.get("extend_to") else ""
        text += f" source: {h['source']}" if h["source"] else ""
        text += f" note: {h['note']}" if h["note"] else ""
        if h.get("evidence"):
            text += f" evidence: {h['evidence']}" + (f" ({h['evidence_size']} bytes, sha256 {h['evidence_sha256'][:12]}…)"
                                                      if h.get("evidence_sha256") else "")
        text += " [FORCED: status kept against the value]" if h["forced"] else ""
        if h["withdrawn"]:
            w = h["withdrawn"]
            text += f" [WITHDRAWN on {w['on']}: {w['note']}]"
        pairs.append(("record", text + f" (recorded {h['recorded_at']})"))
    if d.get("ledger"):
        n = len(d["history"])
        later = d.get("records_after_as_of") or 0
        pairs.append(("ledger", f"{d['ledger']} ({n} record{'s' if n != 1 else ''} of this entry"
                      + (f"; {later} more dated after the as-of date)" if later else ")")))
    return pairs


def _doc_line(reg: Registry, e: Entry) -> str:
    doc = reg.document_of(e)
    if doc is None:
        return "—"
    return f"{doc.label} ({doc.code})" if doc.label != doc.code else doc.code
