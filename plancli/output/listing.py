"""What people read of a listing and of ``show``: the human-only cells of rows, and an entry's lines.

``decorate`` adds the cells only people read (the target as written, the deadline with its marks, the
lead units with the asked ones first); ``detail_lines`` writes ``query.detail.entry_detail`` as
(field, value) lines. The machine formats never see either.
"""

from __future__ import annotations

from ..registry.model import Entry, Registry, target_text
from ..registry.units import UnitTable
from ..text.actuals import written_like
from ..vocabulary import CLOSED

__all__ = ["decorate", "detail_lines"]


def decorate(rows: list[dict], f=None, table: UnitTable | None = None, *,
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


def detail_lines(reg: Registry, e: Entry, d: dict) -> list[tuple[str, str]]:
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
