"""Counting for ``stats``, ``plans`` and ``units``: how many deadlines stand where, per plan or unit.

Rows are plain dicts with fixed keys (the JSON/CSV contract of those commands).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

from ..ledger.record import Record
from ..registry.model import Registry
from ..registry.units import UnitTable
from ..vocabulary import LIGHTS, STATUSES, Review
from .filters import Filters, visible_plans
from .rows import occurrence_rows

__all__ = ["STAT_KEYS", "REVIEW_COUNTS", "STALE", "lead_units", "unit_groups", "tally", "only", "count_by", "stats",
           "plan_summary", "unit_summary",
           "doc_summary"]

# total = overdue + due_soon + upcoming + in_progress + met + done + missed (one status per
# occurrence); no_date_stated is a flag counted across them: the source states no time (deadline =
# end of the plan period).
STAT_KEYS = ("name", "entries", "total", *STATUSES, "no_date_stated", *LIGHTS)  # red + yellow + blue + green = total, too


# With review (``review: required``, docs/review.md): occurrences whose claim awaits a decision (待审核)
# and whose claim was sent back (已退办) — counted by ``tally`` and added to the rows of stats, the
# digest, the report and the bulletin.
REVIEW_COUNTS = ("pending", "returned")

# The reasons of a light that say a report was not made within the reporting cycle.
STALE = frozenset({"stale", "never_reported"})


def lead_units(row: dict, canon: Callable[[str], str] | None = None) -> list[str]:
    """A row's lead units by their canonical names, each once (an item names a unit once however written)."""
    return list(dict.fromkeys(canon(n) if canon else n for n in row["lead"]))


def unit_groups(f: Filters, canon: Callable[[str], str] | None = None) -> Callable[[dict], list[str]]:
    """The units a row counts for in a per-unit count (``stats --by unit``, the bulletin): its lead
    units — with ``--role support``, its supporting units — and, with ``--unit``, only the units asked
    for. A co-led item counts in full for each of its leads: they answer for it together."""
    role_key = "support" if f.role == "support" else "lead"
    want = set(f.units)

    def groups(row: dict) -> list[str]:
        names = list(dict.fromkeys(canon(n) if canon else n for n in row[role_key]))
        return [n for n in names if n in want] if want else names

    return groups


def tally(rows: Iterable[dict], groups: Callable[[dict], Iterable], keys: Iterable | None = None) -> dict:
    """The one count of rows per group, for stats, the digest, the report's charts and the bulletin.

    ``groups(row)`` names the groups a row counts in (its plan, its lead units, its month …). Each
    group's Counter has ``total`` (occurrences), ``entries`` (distinct entries), one count per status
    and per light, and the flags ``no_date_stated``, ``late`` and ``stale`` (not reported within the
    cycle). ``keys`` fixes the groups and their order (a group it does not name is not counted);
    without it, groups come in the order they are first met.
    """
    out: dict = {k: Counter() for k in keys} if keys is not None else {}
    ids: dict = {}
    fixed = keys is not None
    for r in rows:
        for k in groups(r):
            c = out.get(k)
            if c is None:
                if fixed:
                    continue
                c = out[k] = Counter()
            c["total"] += 1
            c[r["status"]] += 1
            c[r["light"]] += 1
            c["no_date_stated"] += bool(r["deadline_inferred"])
            c["late"] += bool(r.get("late"))
            c["stale"] += bool(STALE & set(getattr(r.get("light_reason"), "codes", ())))
            if "review" in r:
                c["pending"] += r["review"] == Review.PENDING
                c["returned"] += r["review"] == Review.RETURNED
            ids.setdefault(k, set()).add(r["id"])
    for k, c in out.items():
        c["entries"] = len(ids.get(k, ()))
    return out


def only(c: Counter, keys: Iterable[str]) -> Counter:
    """The counts of ``keys`` alone (a chart's segments add up to its bar)."""
    return Counter({k: c[k] for k in keys if c[k]})


def count_by(rows: Iterable[dict], key_fn: Callable[[dict], Iterable[str]], keys: Iterable[str],
             extra: Iterable[str] = ()) -> list[dict]:
    """Per key: entries, occurrences (``total``) and occurrences per status, in the order of ``keys``;
    ``extra``: more counts of ``tally`` (the review's ``pending`` and ``returned``)."""
    wanted = [s for s in STAT_KEYS if s != "name"] + list(extra)
    return [{"name": k} | {s: c[s] for s in wanted} for k, c in tally(rows, key_fn, keys).items()]


def stats(reg: Registry, table: UnitTable, records: list[Record], f: Filters, by: str) -> list[dict]:
    """Status counts per plan (``by="plan"``) or per lead unit (``by="unit"``, units with items only;
    ``--unit``/``--role`` pick the units and the role counted: ``unit_groups``)."""
    rows = occurrence_rows(reg, f, table, records)
    extra = REVIEW_COUNTS if reg.review else ()
    if by == "plan":
        return count_by(rows, lambda r: [r["plan"]], visible_plans(reg, f), extra)
    counted = count_by(rows, unit_groups(f, table.canonical), table.names(), extra)
    return [c for c in counted if c["total"]]


def plan_summary(reg: Registry, records: list[Record], f: Filters) -> list[dict]:
    """Per plan: source lines, completeness, coordinator, entry counts, no_date_stated, overdue, due soon."""
    # every plan is listed, those of archived documents too: count them all, truthfully
    counts = {c["name"]: c for c in count_by(occurrence_rows(reg, f.replace(all_docs=True), None, records),
                                             lambda r: [r["plan"]], list(reg.plans))}
    per_plan: dict[str, Counter] = {code: Counter() for code in reg.plans}
    for e in reg.entries:
        c = per_plan.setdefault(e.plan, Counter())
        c["entries"] += 1
        c[e.kind + "s"] += 1
        c["no_date_stated"] += e.deadline_inferred
    rows = []
    for p in reg.plans.values():
        c, n = counts[p.code], per_plan[p.code]
        rows.append({"code": p.code, "name": p.name, "short": p.short, "group": p.group,
                     "lines": f"{p.first_line}-{p.last_line}", "complete": p.complete,
                     "coordinator": list(p.coordinator), "entries": n["entries"],
                     "targets": n["targets"], "milestones": n["milestones"], "no_date_stated": n["no_date_stated"],
                     "overdue": c["overdue"], "due_soon": c["due_soon"]})
    return rows


def unit_summary(reg: Registry, table: UnitTable, include_all: bool = False) -> list[dict]:
    """Every unit with its aliases and lead/support entry counts, busiest first."""
    lead, sup = Counter(), Counter()
    for e in reg.entries:  # an entry counts once per unit even if it names the unit twice
        lead.update({table.canonical(n) for n in e.lead})
        sup.update({table.canonical(n) for n in e.support})
    rows = [{"name": u.name, "aliases": list(u.aliases), "lead": lead[u.name], "support": sup[u.name]}
            for u in table.units if lead[u.name] or sup[u.name] or include_all]
    rows.sort(key=lambda r: (-r["lead"], -r["support"], r["name"]))
    return rows


def doc_summary(reg: Registry, records: list[Record], f: Filters) -> list[dict]:
    """Per document: number, title, issuer, date, period, completeness, entry counts, overdue, met,
    and whether it is archived (every document is listed, archived ones too)."""
    rows = occurrence_rows(reg, f.replace(all_docs=True), None, records)
    out = []
    for d in reg.documents:
        codes = set(d.plan_codes)
        es = [e for e in reg.entries if e.plan in codes]
        occ = [r for r in rows if r["plan"] in codes]
        out.append({"code": d.code, "doc": d.label, "number": d.number, "title": d.title, "issuer": d.issuer,
                    "date": d.date, "period": f"{d.period.start}…{d.period.end}",
                    "complete": all(reg.plans[c].complete for c in d.plan_codes if c in reg.plans),
                    "plans": len(codes), "entries": len(es),
                    "targets": sum(e.kind == "target" for e in es),
                    "milestones": sum(e.kind == "milestone" for e in es),
                    "overdue": sum(r["status"] == "overdue" for r in occ),
                    "met": sum(r["status"] == "met" for r in occ),
                    "file": str(d.path), "archived": d.archived})
    return out
