"""The report (``plancli report``): its rows and the counts behind its cards and charts.

``report`` runs the row engine once for the filters; ``report_counts`` counts those rows (through
``query.counts.tally``) the way the dashboard shows them. ``output.report`` only renders the result.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from ..ledger.notes import NOTE_PARTS, latest_notes
from ..ledger.record import Record
from ..registry.model import Registry
from ..registry.units import UnitTable
from ..vocabulary import LIGHTS, OPEN, STATUSES, Light
from .counts import REVIEW_COUNTS, lead_units, only, tally
from .filters import Filters
from .rows import occurrence_rows

__all__ = ["Report", "report", "report_counts", "time_bins", "explain", "NOTE_KEYS"]


@dataclass
class Report:
    """What a report shows: the occurrences, their counts, and how plans are named and ordered."""

    rows: list[dict]
    counts: dict
    filters: Filters
    plan_labels: dict[str, str] = field(default_factory=dict)
    plan_order: list[str] = field(default_factory=list)
    canon: Callable[[str], str] | None = None


def report(reg: Registry, table: UnitTable | None, records: list[Record], f: Filters) -> Report:
    """Every occurrence passing ``f``, counted for the dashboard; a red or yellow one carries its
    unit's latest 进展情况/存在问题/下一步措施 (``explain``)."""
    rows = explain(occurrence_rows(reg, f, table, records), records, f.as_of)
    canon = table.canonical if table else None
    order = list(reg.plans)
    return Report(rows, report_counts(rows, canon, order), f, {p.code: p.short for p in reg.plans.values()},
                  order, canon)


NOTE_KEYS = ("noted_on", *NOTE_PARTS)


def explain(rows: list[dict], records: list[Record], as_of: date, lights=(Light.RED, Light.YELLOW)) -> list[dict]:
    """``rows`` with, on those lit ``lights``, the texts of the latest report of their item that has any
    (``ledger.notes``: 进展情况, 存在问题, 下一步措施, and its date); None where there is none."""
    notes = latest_notes(records, as_of) if any(r["light"] in lights for r in rows) else {}
    for r in rows:
        n = notes.get(r["item"]) if r["light"] in lights else None
        r.update(n.as_dict() if n else dict.fromkeys(NOTE_KEYS))
    return rows


def report_counts(rows: Sequence[Mapping], canon: Callable[[str], str] | None = None,
                  plan_order: Sequence[str] | None = None) -> dict:
    """Counts behind the cards and charts, keyed by contract codes.

    ``totals`` and ``lights``: every row; ``by_plan``: plan → status → n; ``by_lead``: canonical lead
    unit → open status → n (an item with two lead units counts for each), most first;
    ``lights_by_lead``: lead unit → light → n, most red then yellow first; ``by_month``: ``YYYY-MM``
    (every month from the first to the last deadline, empty ones included) → status → n, undated
    under ``None``; ``attainment``: the rows with a recorded actual value, lowest attainment first.
    """
    everything = tally(rows, lambda r: ("all",)).get("all", Counter())
    per_plan = tally(rows, lambda r: (r["plan"],))
    first = [p for p in plan_order or () if p in per_plan]  # the registry's order, then any other plan
    by_plan = {p: only(per_plan[p], STATUSES) for p in [*first, *(p for p in per_plan if p not in first)]}
    per_lead = tally(rows, lambda r: lead_units(r, canon))
    by_lead = {u: only(c, OPEN) for u, c in per_lead.items() if any(c[s] for s in OPEN)}
    lights_by_lead = {u: only(c, LIGHTS) for u, c in per_lead.items()}
    months = tally(rows, lambda r: (r["deadline"][:7] if r.get("deadline") else None,))
    dated = sorted(m for m in months if m)
    by_month: dict[str | None, Counter] = {}
    if dated:
        y, m = map(int, dated[0].split("-"))
        while f"{y:04d}-{m:02d}" <= dated[-1]:
            key = f"{y:04d}-{m:02d}"
            by_month[key] = only(months.get(key, Counter()), STATUSES)
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    if None in months:
        by_month[None] = only(months[None], STATUSES)
    review = {}
    if any("review" in r for r in rows):  # 待审核 and 已退办, in all and per lead unit (docs/review.md)
        review = {"review": {k: everything[k] for k in REVIEW_COUNTS},
                  "review_by_lead": {u: {k: c[k] for k in REVIEW_COUNTS} for u, c in sorted(
                      per_lead.items(), key=lambda kv: (-kv[1]["returned"], -kv[1]["pending"], kv[0]))
                      if any(c[k] for k in REVIEW_COUNTS)}}
    return review | {
        "totals": only(everything, STATUSES), "lights": only(everything, LIGHTS),
        "by_plan": {p: c for p, c in by_plan.items() if c},
        "by_lead": dict(sorted(by_lead.items(), key=lambda kv: (-sum(kv[1].values()), -kv[1]["overdue"], kv[0]))),
        "lights_by_lead": dict(sorted(lights_by_lead.items(), key=lambda kv: (
            *(-kv[1][lt] for lt in LIGHTS[:2]), -sum(kv[1].values()), kv[0]))),
        "by_month": by_month,
        "attainment": sorted((r for r in rows if r.get("attainment") is not None),
                             key=lambda r: (r["attainment"], r["item"])),
    }


def time_bins(by_month: Mapping[str | None, Counter]) -> tuple[str, dict[str | None, Counter]]:
    """The month counts in bins a chart can label: months up to two years, quarters up to six,
    years beyond (a registry of 2012–2025 documents spans 160 months). Undated stays last."""
    dated = [m for m in by_month if m]
    if len(dated) <= 24:
        return "month", dict(by_month)
    if len(dated) <= 72:
        unit, key = "quarter", (lambda m: f"{m[:4]}Q{(int(m[5:7]) - 1) // 3 + 1}")
    else:
        unit, key = "year", (lambda m: m[:4])
    out: dict[str | None, Counter] = {}
    for m in dated:
        out.setdefault(key(m), Counter()).update(by_month[m])
    if None in by_month:
        out[None] = by_month[None]
    return unit, out
