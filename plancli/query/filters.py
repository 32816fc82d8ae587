"""What a listing asks for: the filters as typed, resolved (``make_filters``), and the entries they pick.

``Filters`` holds canonical unit names, plan and document codes, dates and spans; ``select_entries``
gives the entries passing the document, plan, kind and unit/role filters (dates are checked per
occurrence by the row engine, ``query.rows``).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ..registry.model import Entry, Registry, UnitTest
from ..registry.names import QueryError, match_unit, resolve_doc, resolve_plan
from ..registry.units import UnitTable
from ..text.dates import parse_span, to_date, to_today
from ..vocabulary import LIGHTS, STATUSES

if TYPE_CHECKING:
    from dateutil.relativedelta import relativedelta

__all__ = ["QueryError", "ROLES", "Filters", "make_filters", "visible_plans", "select_entries", "unit_predicate"]

ROLES = ("any", "lead", "support")


class Filters:
    """A listing's question, resolved: canonical unit names, plan and document codes, dates and spans.

    A plain class, not a dataclass: every listing imports this module, and a dataclass's methods are
    compiled from text each time (~2 ms for these fourteen fields). ``replace`` is a copy with some
    fields changed, as ``dataclasses.replace`` would make it."""

    __slots__ = ("units", "role", "plans", "before", "after", "within", "as_of", "statuses", "soon", "kinds", "docs",
                 "all_docs", "guessed_units", "lights")

    def __init__(self, *, units: list[str] | None = None, role: str = "any", plans: list[str] | None = None,
                 before: date | None = None, after: date | None = None,
                 within: timedelta | relativedelta | None = None, as_of: date | None = None,
                 statuses: list[str] | None = None, soon: timedelta | relativedelta = timedelta(days=14),
                 kinds: list[str] | None = None, docs: list[str] | None = None, all_docs: bool = False,
                 guessed_units: list[tuple[str, str]] | None = None, lights: list[str] | None = None) -> None:
        self.units = [] if units is None else units  # canonical names
        self.role = role  # lead | support | any
        self.plans = [] if plans is None else plans  # codes
        self.before = before
        self.after = after
        self.within = within  # text.dates.parse_span
        self.as_of = date.today() if as_of is None else as_of
        self.statuses = [] if statuses is None else statuses
        self.soon = soon
        self.kinds = [] if kinds is None else kinds
        self.docs = [] if docs is None else docs  # document codes
        self.all_docs = all_docs  # archived documents too (--all-docs); naming one with --doc/--plan also shows it
        self.guessed_units = [] if guessed_units is None else guessed_units  # (as typed, unit read) to say
        self.lights = [] if lights is None else lights  # --light: only rows with these lights

    def replace(self, **changes) -> Filters:
        """A copy with ``changes``."""
        return Filters(**{k: getattr(self, k) for k in self.__slots__} | changes)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not Filters:
            return NotImplemented
        return all(getattr(self, k) == getattr(other, k) for k in self.__slots__)

    __hash__ = None  # type: ignore[assignment]  # mutable fields, as the dataclass it was

    def __repr__(self) -> str:
        return f"Filters({', '.join(f'{k}={getattr(self, k)!r}' for k in self.__slots__)})"

    def horizon(self) -> date | None:
        return self.as_of + self.within if self.within is not None else None


def make_filters(reg: Registry, table: UnitTable | None, *, units: Iterable[str] = (), role: str = "any",
                 plans: Iterable[str] = (), before: str | None = None, after: str | None = None,
                 within: str | None = None, as_of: str | None = None, statuses: Iterable[str] = (),
                 soon: str = "14d", kinds: Iterable[str] = (), docs: Iterable[str] = (),
                 lights: Iterable[str] = (), all_docs: bool = False) -> Filters:
    """Filters from option values as typed: unit and plan names resolved, dates and spans read."""
    if role not in ROLES:
        raise QueryError("filters.bad_role", given=role)
    lights = list(lights)
    for lt in lights:
        if lt not in LIGHTS:
            raise QueryError("filters.bad_light", given=lt, choices=list(LIGHTS))
    statuses = list(statuses)
    for s in statuses:
        if s not in STATUSES:
            raise QueryError("filters.bad_status", given=s, choices=list(STATUSES))
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


def unit_predicate(f: Filters, table: UnitTable | None) -> UnitTest | None:
    """The --unit/--role filter as a ``UnitTest`` (a predicate on (lead, support) that can also be
    asked of each role's list alone), or None when there is none."""
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

    def judged(use: bool):
        seen: dict[tuple, bool] = {}

        def test(names: tuple) -> bool:
            hit = seen.get(names)
            if hit is None:
                hit = seen[names] = use and any(canon(n) in want for n in names)
            return hit

        return test

    return UnitTest(judged(use_lead), judged(use_support))


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
    return reg.select(None if whole else set(plans), set(f.kinds) or None, unit_predicate(f, table))
