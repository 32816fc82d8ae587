"""催办: what each unit has to be told, one summary per unit (``plancli notify``, ``plancli notice``).

A unit is told about the open items it leads whose light asks for something (docs/lights.md): red
(overdue, far behind), yellow (behind, or not reported within the cycle), blue (due within
``near_days``); items returned by review; and its reports — how many items were not reported within
the cycle and when the next report falls due. Items newly red, yellow or blue since ``since`` (the
last cycle: a week by default) are marked, so a unit sees at a glance what changed. One message per
unit per run, not one per item: the 2024 rules on cutting formalism for the grassroots ask for fewer,
better messages.

Nothing here knows about a channel or a language: a ``Reminder`` holds the unit's contract rows
(``query.rows``) and counts; ``output.reminders`` writes them for each channel.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..ledger.record import Record
from ..registry.model import Registry
from ..registry.units import UnitTable
from ..vocabulary import LIGHTS, Light
from .filters import Filters
from .lights import occurrence_start
from .rows import occurrence_rows

__all__ = ["TOLD", "STALE", "Reminder", "reminders", "red_items"]

TOLD = (Light.RED, Light.YELLOW, Light.BLUE)  # the lights a unit is told about
STALE = frozenset({"stale", "never_reported"})  # a report not made within the cycle (query.lights)
_RANK = {lt: i for i, lt in enumerate(LIGHTS)}


@dataclass(frozen=True)
class Reminder:
    """One unit's 催办: its items to be told (contract rows, most urgent first) and what sums them up."""

    unit: str
    as_of: date
    since: date
    rows: tuple[dict, ...]  # red, then yellow, then blue; soonest deadline first within a light
    new: frozenset[str] = frozenset()  # items whose light got worse since ``since`` (into red/yellow/blue)
    returned: tuple[dict, ...] = ()  # items returned by review (issue 29), each a row with ``review_note``
    report_missing: tuple[str, ...] = ()  # items not reported within the cycle (stale/never_reported)
    report_due: date | None = None  # the next report date, when it falls within near_days
    near_days: int = 14
    open_items: int = 0  # every open item the unit leads in the selection (context for the counts)
    counts: dict = field(default_factory=dict)

    @property
    def items(self) -> tuple[dict, ...]:
        """Every row the unit is told about: returned items first (they wait on the unit), then by light."""
        seen = {r["item"] for r in self.returned}
        return self.returned + tuple(r for r in self.rows if r["item"] not in seen)


def _count(rows: Iterable[dict], new: frozenset[str], returned: tuple, missing: tuple) -> dict:
    c = dict.fromkeys((*(str(lt) for lt in TOLD), "new", "returned", "report_missing"), 0)
    for r in rows:
        c[str(r["light"])] += 1
        c["new"] += r["item"] in new
    c["returned"], c["report_missing"] = len(returned), len(missing)
    return c


def _next_report(reg: Registry, rows: list[dict], as_of: date) -> date | None:
    """The earliest next report date of ``rows`` that falls within its document's near_days of
    ``as_of``: the last report (or the start of the occurrence) plus the reporting cycle.

    The hook for per-unit 报送 (issue 24): until submissions exist, a unit's report is due item by
    item, as the lights' ``stale``/``never_reported`` reasons read it."""
    due = None
    for r in rows:
        e = reg.get(r["id"])
        if e is None:
            continue
        settings = reg.light_settings(e)
        cycle = settings.report_every_days
        if not cycle or not r["deadline"]:
            continue
        doc = reg.document_of(e)
        deadline = date.fromisoformat(r["deadline"])
        start = occurrence_start(e, deadline, reg.issued(e), doc.period.start if doc else as_of)
        last = date.fromisoformat(r["recorded_on"]) if r.get("recorded_on") else start
        when = max(last, start) + timedelta(days=cycle)
        if as_of <= when <= as_of + timedelta(days=settings.near_days) and (due is None or when < due):
            due = when
    return due


def _by_lead(rows: Iterable[dict], table: UnitTable | None, units: list[str]) -> dict[str, list[dict]]:
    canon = table.canonical if table else (lambda n: n)
    want = set(units)
    out: dict[str, list[dict]] = {}
    for r in rows:
        for u in dict.fromkeys(canon(n) for n in r["lead"]):
            if not want or u in want:
                out.setdefault(u, []).append(r)
    return out


def reminders(reg: Registry, table: UnitTable | None, records: list[Record], f: Filters, *,
              since: date, new_only: bool = False, returned_items: Iterable[Mapping] = ()) -> list[Reminder]:
    """One ``Reminder`` per lead unit with something to be told, by unit name.

    ``f`` selects the items as every listing does (``--unit`` keeps the messages of those units;
    ``--light`` narrows the lights told). ``since``: an item whose light is worse now than on that
    day is new. ``new_only``: a unit is told only what is new (and what was returned).

    ``returned_items`` is the hook for review (issue 29, 审核/退办): rows of items returned to their
    unit, each with ``review_note``; empty until review exists. They are always told.
    """
    every = occurrence_rows(reg, f.replace(lights=[]), table, records, open_only=True)
    before = {r["item"]: r["light"] for r in
              occurrence_rows(reg, f.replace(as_of=since, lights=[], statuses=[]), table, records)}
    wanted = set(f.lights) if f.lights else {str(lt) for lt in TOLD}
    told = [r for r in every if r["light"] in TOLD and r["light"] in wanted]
    new = frozenset(r["item"] for r in told
                    if _RANK[r["light"]] < _RANK[before.get(r["item"], Light.GREEN)])
    if new_only:
        told = [r for r in told if r["item"] in new]
    told.sort(key=lambda r: (_RANK[r["light"]], r["deadline"] or "9999", r["item"]))
    returned = _by_lead([dict(r) for r in returned_items], table, f.units)
    everything = _by_lead(every, table, f.units)
    by_unit = _by_lead(told, table, f.units)
    order = {n: i for i, n in enumerate(table.names())} if table else {}
    out = []
    for unit in sorted(set(by_unit) | set(returned), key=lambda u: (order.get(u, len(order)), u)):
        rows, back = by_unit.get(unit, []), tuple(returned.get(unit, ()))
        mine = everything.get(unit, [])
        missing = tuple(r["item"] for r in mine if STALE & set(getattr(r["light_reason"], "codes", ())))
        first = reg.get(rows[0]["id"]) if rows else None
        out.append(Reminder(
            unit=unit, as_of=f.as_of, since=since, rows=tuple(rows), new=new & {r["item"] for r in rows},
            returned=back, report_missing=missing, report_due=_next_report(reg, mine, f.as_of),
            near_days=reg.light_settings(first).near_days, open_items=len(mine),
            counts=_count(rows, new, back, missing)))
    return out


def red_items(reg: Registry, table: UnitTable | None, records: list[Record], f: Filters) -> dict[str, list[dict]]:
    """Lead unit → its red items (overdue, missed, far behind): what a 督办单 demands a remedy for.

    Missed items count too (closed, but the remedy is still owed)."""
    rows = occurrence_rows(reg, f.replace(lights=[Light.RED]), table, records)
    rows.sort(key=lambda r: (r["deadline"] or "9999", r["item"]))
    return _by_lead(rows, table, f.units)
