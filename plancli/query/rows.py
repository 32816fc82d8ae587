"""The row engine: one row per deadline occurrence (or per entry) in the output contract.

Returns plain dicts in the documented JSON contract (README, “Output contract”), so every output
format renders the same data. Nothing here knows about the terminal.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from datetime import date

from ..ledger.attainment import attainment, closes, record_status
from ..ledger.record import Record
from ..ledger.review import Reviews, ReviewState
from ..ledger.submissions import last_submitted, submitted
from ..ledger.timeline import extensions, indexed, latest_records, timeline_of
from ..registry.model import Entry, Registry
from ..registry.units import UnitTable
from ..vocabulary import CLOSED, COMPLETED, LIGHTS, URGENCY, Review, Status
from .filters import Filters, select_entries
from .lights import judge, occurrence_start

__all__ = ["CONTRACT", "REVIEW_KEYS", "contract", "occurrence_rows", "entry_rows", "overdue_rows", "export_rows",
           "entry_dict", "closed_since", "closing_dates", "settled"]

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
    # issue 25: a figure written with 余/多 (more than actual, less than actual_below); the name an
    # evidence file of the store was sent under
    "actual_below", "evidence_name",
)
# Every occurrence has exactly one status (they add up to stats' total). "No time stated in the
# source" is not a status but a flag: deadline_inferred (stats: no_date_stated).
# With ``review: required`` in the registry index (docs/review.md) every row also carries where its
# claim stands (``review``: pending, accepted, returned or null) and the decision's words.
REVIEW_KEYS = ("review", "review_note")


def contract(reg: Registry) -> tuple[str, ...]:
    """The keys of a row for this registry: ``CONTRACT``, and ``REVIEW_KEYS`` when it asks for review."""
    return (*CONTRACT, *REVIEW_KEYS) if reg.review else CONTRACT


def settled(e: Entry, rec: Record | None, deadline: date | None, review: ReviewState | None) -> str | None:
    """What an item's deciding record ``rec`` makes of it, before its ``deadline`` (the one in force)
    is compared with today: the one rule of open and closed. ``review``: its review state when the
    registry asks for review (None when it does not).

    Closing is explicit (docs/lights.md): a done/met record (its figure checked) closes the item, and
    so does a figure effective on or after the deadline that reaches the target (``record_status``).
    With review only the office closes an item as done/met (docs/review.md): a claim (报结) not
    accepted — pending or returned — leaves it in progress, and so does a figure, however good, until
    it is claimed. A missed record closes it either way.
    """
    if rec is None:
        return None
    recorded = record_status(e, rec, deadline)
    if review is not None and recorded in COMPLETED and review.state != Review.ACCEPTED:
        return Status.IN_PROGRESS
    return recorded


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
    doc = reg.document_of(e)
    return _entry_fields(e, plan.name if plan else e.plan, doc.label if doc else None)


def _entry_fields(e: Entry, plan_name: str, doc_label: str | None) -> dict:
    return {
        "id": e.id, "kind": e.kind, "plan": e.plan, "plan_name": plan_name,
        "group": e.group, "section": e.section, "task": e.task, "metric": e.metric,
        "value": e.value, "value_max": e.value_max, "unit": e.unit, "comparator": e.comparator,
        "value_text": e.value_text, "deadline": e.deadline.isoformat() if e.deadline else None,
        "deadline_text": e.deadline_text, "deadline_inferred": e.deadline_inferred,
        "recurring": e.recurring, "lead": list(e.lead), "support": list(e.support),
        "units_inferred": e.units_inferred, "quote": e.quote, "line": e.line,
        "doc": doc_label,
    }


def _progress_fields(e: Entry, rec: Record | None) -> dict:
    if rec is None:
        return dict(_NO_PROGRESS)
    actual = rec.actual
    ratio, met = attainment(e, actual, rec.actual_below)
    return {"record_status": rec.status, "actual": actual,
            "attainment": ratio, "met": met, "recorded_on": rec.effective.isoformat(),
            "note": rec.note, "evidence": rec.evidence,
            "actual_below": rec.actual_below, "evidence_name": rec.evidence_name}


# An occurrence with no record: nothing reported (attainment of no figure is (None, None)).
_NO_PROGRESS = dict.fromkeys(("record_status", "actual", "attainment", "met", "recorded_on", "note", "evidence",
                              "actual_below", "evidence_name"))


def occurrence_rows(reg: Registry, f: Filters, table: UnitTable | None = None,
                    records: list[Record] | None = None, *, open_only: bool = False) -> list[dict]:
    """One row per deadline occurrence (每年 → one per year), soonest first, then by id.

    Each row has its light (``query.lights.judge``). Closing is explicit: a record ``met``/``done``
    (its figure checked), or a figure effective on or after the deadline that reaches the target; a
    figure before the deadline that already reaches it leaves the item open, ``met: true``, its light
    saying it awaits 销号. A closing that came after the deadline is ``late``.
    """
    # Each item's latest record and extension are looked up when its row asks (a mapping over the
    # ledger's timeline): a query reads the records of its own items, never the whole ledger.
    records = indexed(records)
    latest = latest_records(records, f.as_of)  # only what had happened by as_of counts
    sent = submitted(records)  # 报送: a unit that sent its workbook back reported every row of it
    canon = table.canonical if table else None
    # with review: required, where each claim stands as of as_of (docs/review.md)
    reviews = Reviews(reg, records, f.as_of, latest) if reg.review else None
    moved = extensions(records, f.as_of)  # 延期 asked by as_of moves the deadline
    named = timeline_of(records).item_index  # the items the ledger names: no other has a record or extension
    horizon = f.horizon()
    soon_end = f.as_of + f.soon  # a span's arithmetic (relativedelta's is slow): once per query, not per row
    # What depends on an entry's plan only (its document, settings, date), worked out once per plan;
    # and the light of an occurrence nothing was recorded for, once per (status, deadline, start):
    # 100k-entry registries have a few hundred of each.
    by_plan: dict[str, tuple] = {}
    lit_blank: dict[tuple, tuple] = {}
    rows = []
    for e in select_entries(reg, f, table):
        of_plan = by_plan.get(e.plan)
        if of_plan is None:
            doc, plan = reg.document_of(e), reg.plans.get(e.plan)
            of_plan = by_plan[e.plan] = (reg.light_settings(e), reg.issued(e), doc.period.start if doc else f.as_of,
                                         plan.name if plan else e.plan, doc.label if doc else None)
        settings, issued, period_start, plan_name, doc_label = of_plan
        base = None
        for d in reg.occurrences(e) or (None,):
            label = e.label(d) if d else None
            item = f"{e.id}@{label}" if label else e.id
            original = None
            rec = None
            if item in named or e.id in named:
                ext = moved.get(item)
                if ext is not None:  # the extended deadline decides status, filters and order
                    original, d = d, ext.extend_to
                rec = latest.get(item) or (latest.get(e.id) if label is None else None)
            if d is not None:
                if f.before and d > f.before:
                    continue
                if f.after and d < f.after:
                    continue
                if horizon and d > horizon:
                    continue
            review = reviews(e, item) if reviews is not None else None
            # a figure closes the item only when it speaks for the deadline or later (docs/lights.md); with
            # review, only the office closes it as done/met (docs/review.md)
            status = _status(d, settled(e, rec, d, review) if rec is not None else None, f, soon_end)
            if status == Status.OVERDUE and review is not None and review.state == Review.PENDING \
                    and d is not None and review.claim.effective <= d:
                status = Status.IN_PROGRESS  # claimed by the deadline: the office owes the decision
            if open_only and status in CLOSED:
                continue
            if f.statuses and status not in f.statuses:
                continue
            if base is None:  # the entry's own fields, shared by its occurrences' rows
                base = _entry_fields(e, plan_name, doc_label)
            row = {**base, "item": item, "occurrence": label, "deadline": d.isoformat() if d else None,
                   "deadline_original": original.isoformat() if original else None,
                   "days_left": (d - f.as_of).days if d else None, "status": status,
                   **(_NO_PROGRESS if rec is None else _progress_fields(e, rec))}
            if review is not None:
                row["review"], row["review_note"] = review.state, review.note
            # Lateness and the light go by the row's final deadline (an extension may have moved it),
            # never by the entry's as written; its start is still the occurrence's own.
            late = None
            if d is not None and status in (Status.DONE, Status.MET):
                when = closed_since(e, records, item, f.as_of, d, reviews) or (rec.effective if rec else None)
                late = (when - d).days if when and when > d else 0
            start = occurrence_start(e, d, issued, period_start) if d else f.as_of
            reported = _reported(sent, e.lead, canon, f.as_of) if sent and settings.report_every_days else None
            if rec is None and reported is None and review is None:
                # nothing recorded: the light depends on these alone (progress: whether there is a figure)
                # (settings by identity: one object per document, held by ``by_plan`` while this runs)
                key = (status, d, start, id(settings), e.kind == "target" and e.value is not None)
                lit = lit_blank.get(key)
                if lit is None:
                    j = judge(e, row, rec, settings, f.as_of, start=start, deadline=d)
                    lit = lit_blank[key] = (j.light, j.why())
                light, why = lit
            else:
                j = judge(e, row, rec, settings, f.as_of, start=start, deadline=d, reported=reported)
                light, why = j.light, j.why()
            if f.lights and light not in f.lights:
                continue
            row["light"], row["light_reason"] = light, why
            row["late"], row["days_late"] = bool(late) if late is not None else None, late or None
            rows.append(row)
    rows.sort(key=lambda r: (r["deadline"] or "9999-99-99", r["id"], r["occurrence"] or ""))
    return rows


def _reported(sent: dict[str, list[date]], lead, canon, as_of: date) -> date | None:
    """The last day by ``as_of`` one of the lead units sent its workbook back (a co-lead's 报送 covers
    the item's row too: it is in both workbooks)."""
    days = [last_submitted(sent.get(canon(n) if canon else n), as_of) for n in lead]
    return max((d for d in days if d is not None), default=None)


@functools.lru_cache(maxsize=4096)
def _iso_date(text: str | None) -> date | None:
    """A row's ISO deadline as a date; a few hundred distinct dates serve 100k rows."""
    return date.fromisoformat(text) if text else None


def closing_dates(reg: Registry, records, as_of: date, reviews: Reviews | None = None) -> Mapping[str, date]:
    """Item → the date it was closed for good (``closed_since``, with the item's deadline in force as
    of ``as_of``: its extension's, else the registry's), for every item of the ledger: a mapping that
    works an item out when asked for it."""
    return _Closings(reg, indexed(records), as_of, reviews)


class _Closings(Mapping):
    def __init__(self, reg: Registry, records, as_of: date, reviews: Reviews | None):
        self._reg, self._records, self._as_of, self._reviews = reg, records, as_of, reviews
        self._moved = extensions(records, as_of)
        self._memo: dict[str, date | None] = {}

    def _since(self, item: str) -> date | None:
        if item not in self._memo:
            from ..ledger.recording import item_deadline  # (what a query with a closed row pays for)

            e = self._reg.get(item.split("@", 1)[0])
            if e is None:
                self._memo[item] = None
            else:
                ext = self._moved.get(item)
                deadline = ext.extend_to if ext is not None else item_deadline(self._reg, e, item)
                self._memo[item] = closed_since(e, self._records, item, self._as_of, deadline, self._reviews)
        return self._memo[item]

    def __getitem__(self, item: str) -> date:
        since = self._since(item)
        if since is None:
            raise KeyError(item)
        return since

    def __iter__(self):
        return (item for item in timeline_of(self._records).facts.items if self._since(item) is not None)

    def __len__(self) -> int:
        return sum(1 for _ in self)


def closed_since(e: Entry, records, item: str, as_of: date, deadline: date | None,
                 reviews: Reviews | None = None) -> date | None:
    """The date ``item`` (of entry ``e``, its deadline in force ``deadline``) was closed (done or met,
    by the value) for good: the first record of the last unbroken run of closing records up to
    ``as_of``, walked back from the newest (an item's older reports are never read). A later
    re-statement of the same result (this year's figure, still met) does not make an item closed on
    time late. A figure closes only from the deadline in force on (``record_status``). With review
    (``reviews``) only claims accepted by ``as_of`` close: the date is the accepted claim's own (the
    unit delivered then), and a claim returned or still pending breaks the run."""
    tl = timeline_of(records)
    f = tl.facts
    since = None
    for i in tl.deciding_newest_first(item, as_of):  # from the timeline's facts: no record is built
        on = date.fromordinal(f.eff[i])
        if reviews is not None:  # (the review's decisions are on the record: it is built)
            ok = record_status(e, records[i]) in COMPLETED and reviews.accepted(records[i])
        else:
            ok = closes(e, f.status(i), on, deadline, *f.decided(i))
        if not ok:
            break
        since = on
    return since


def overdue_rows(reg: Registry, f: Filters, table: UnitTable | None = None,
                 records: list[Record] | None = None) -> list[dict]:
    """Occurrences past their deadline with no done/met record (``--status`` may only narrow it)."""
    if f.statuses and "overdue" not in f.statuses:
        return []
    return occurrence_rows(reg, f.replace(statuses=["overdue"]), table, records, open_only=True)


_RANK = {s: i for i, s in enumerate(URGENCY)}
_LIGHT_RANK = {lt: i for i, lt in enumerate(LIGHTS)}


def _occurrence_reason(r: dict, several: bool):
    """An occurrence's light_reason, prefixed with its label (``2024: missed``) when there are several."""
    reason = r["light_reason"]
    if not several or not r["occurrence"]:
        return reason
    return reason.replace(occurrence=r["occurrence"])


def entry_rows(reg: Registry, f: Filters, table: UnitTable | None = None,
               records: list[Record] | None = None) -> list[dict]:
    """One row per registry entry; status is that of its most pressing occurrence."""
    f_all = f.replace(statuses=[], lights=[])
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
                                          "deadline_original", "note", "evidence", "actual_below",
                                          "evidence_name", *REVIEW_KEYS) if k in worst})
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


def export_rows(reg: Registry, f: Filters, table: UnitTable | None = None, records: list[Record] | None = None, *,
                open_only: bool = False) -> list[dict]:
    """Every occurrence passing the filters, for an export; ``open_only`` (``export --open``) leaves out
    what needs nothing more: done and met (missed stays: it needs attention)."""
    rows = occurrence_rows(reg, f, table, records)
    return [r for r in rows if r["status"] not in (Status.DONE, Status.MET)] if open_only else rows
