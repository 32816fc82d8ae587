"""What people type, resolved: a plan, a document or a unit as written on the command line.

People type short forms (数字变革, szbg, 鲁政发, 组织部); each is resolved to one code or canonical name,
or refused with the candidates — never silently read as something else.
"""

from __future__ import annotations

from ..errors import PlancliError
from .model import Registry
from .units import AmbiguousUnitError, UnitTable

__all__ = ["QueryError", "resolve_plan", "resolve_doc", "match_unit"]


class QueryError(PlancliError, ValueError):
    """A filter that cannot be applied (unknown plan, bad span or date)."""


def resolve_plan(reg: Registry, text: str) -> str:
    """Plan code from a code, full name, short form or unique fragment (数字变革, szbg)."""
    t = "".join(text.split())
    for p in reg.plans.values():
        if t.lower() == p.code.lower() or t in (p.name, p.short) or t == p.name.removesuffix("行动计划"):
            return p.code
    hits = [p.code for p in reg.plans.values() if t and (t in p.name or t in p.short)]
    if len(hits) == 1:
        return hits[0]
    names = "、".join(f"{p.short}({p.code})" for p in reg.plans.values())
    if hits:
        raise QueryError("names.plan_ambiguous", given=text, hits=hits)
    raise QueryError("names.plan_unknown", given=text, names=names)


def resolve_doc(reg: Registry, text: str) -> str:
    """Document code from its code, number (鲁政发〔2024〕5号) or a unique fragment of either or of its title."""
    t = "".join(text.split()).casefold()
    for d in reg.documents:
        if t in (d.code.casefold(), (d.number or "").casefold()):
            return d.code
    hits = [d.code for d in reg.documents
            if t and any(t in x.casefold() for x in (d.code, d.number or "", d.title))]
    if len(hits) == 1:
        return hits[0]
    names = "、".join(f"{d.label}({d.code})" for d in reg.documents)
    if hits:
        raise QueryError("names.doc_ambiguous", given=text, hits=hits)
    raise QueryError("names.doc_unknown", given=text, names=names)


def match_unit(reg: Registry, table: UnitTable, text: str, doc_codes: list[str]) -> tuple[str, bool]:
    """A --unit as typed → (unit, guessed); with --doc, a part several units share is read among
    the units those documents name."""
    try:
        return table.match(text)
    except AmbiguousUnitError:
        if not doc_codes:
            raise
        plans = {c for c, p in reg.plans.items() if p.doc in doc_codes}
        among = {table.canonical(n) for e in reg.select(plans) for n in (*e.lead, *e.support)}
        return table.match(text, among)
