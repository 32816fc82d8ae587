"""What people read of a listing and of ``show``: the human-only cells of rows, and an entry's lines.

``decorate`` adds the cells only people read (the target as written, the deadline with its marks, the
lead units with the asked ones first); ``detail_lines`` writes ``query.detail.entry_detail`` as
(field, value) lines. The machine formats never see either.
"""

from __future__ import annotations

from ..registry.model import Entry, Registry, target_text
from ..registry.units import UnitTable
from ..text.actuals import written_like
from ..vocabulary import CLOSED, DECISIONS, RETURNED, Review
from ..words import keeps_codes, said, say, word_or_code

__all__ = ["decorate", "detail_lines", "footnotes", "FIELDS", "INFERRED_MARK", "EXTENDED_MARK"]

INFERRED_MARK, EXTENDED_MARK = "*", "+"


def footnotes(rows: list[dict], lang: str) -> list[str]:
    """What the marks of ``decorate`` mean, for the rows that carry them."""
    notes = []
    if any(r.get("deadline_inferred") for r in rows):
        notes.append(say("listing.note.inferred", lang))
    if any(r.get("deadline_original") for r in rows):
        notes.append(say("listing.note.extended", lang))
    return notes


def decorate(rows: list[dict], f=None, table: UnitTable | None = None) -> list[dict]:
    """Human-only columns: ``target`` as written with its comparator; ``deadline_shown``, the deadline
    in force with a mark — ``*`` when the source states none (the end of the plan period), ``+`` when it
    was extended (延期; ``show`` and the footnote give the original) — one short token, so a listing
    keeps its width at 80 columns; ``lead_shown``: the lead units with the ones ``--unit`` asked for
    first, so a narrow terminal that cuts the cell still shows them; and ``co_lead``: the lead units
    ``--unit`` did not ask for."""
    want = set(f.units) if f else set()

    def first(n: str) -> bool:
        return (table.canonical(n) if table else n) not in want

    for r in rows:
        r["target"] = target_text(r.get("comparator"), r.get("value_text"))
        d = r.get("deadline") or ""
        r["deadline_shown"] = d + ("*" if d and r.get("deadline_inferred") else "")
        if r.get("deadline_original"):
            r["deadline_shown"] += EXTENDED_MARK
        lead = r.get("lead") or []
        r["lead_shown"] = "、".join(sorted(lead, key=first) if want else lead)
        # what --unit did not already answer: the other lead units (co-leads, or the leads of an
        # item the asked unit supports)
        r["co_lead"] = "、".join(n for n in lead if not want or first(n)) if want else r["lead_shown"]
    return rows


# the field names of ``show``, as people read them (English keeps the keys)
FIELDS = {"id": "col.item", "kind": "col.kind", "document": "col.document", "plan": "col.plan",
          "section": "col.section", "metric": "col.metric", "target": "col.target", "deadline": "col.deadline",
          "recurring": "col.recurring", "lead": "col.lead", "support": "col.support", "source": "col.source",
          "note": "col.note", "status": "col.status", "record": "col.record", "ledger": "col.ledger",
          "light": "col.light", "review": "col.review"}


def detail_lines(reg: Registry, e: Entry, d: dict, lang: str = "en") -> list[tuple[str, str]]:
    """``entry_detail`` as (field, value) lines a person reads, in ``lang`` (English keeps the field
    keys and the status codes people type)."""
    def w(key: str, /, **fields) -> str:
        return say(key, lang, **fields)

    def st(code: str | None) -> str:
        return word_or_code(code, lang)

    pairs = [
        ("id", e.id), ("kind", st(e.kind)), ("document", _doc_line(reg, e, lang)),
        ("plan", w("show.plan", name=d["plan_name"], code=e.plan, group=e.group)),
        ("section", e.section + (w("show.task", task=e.task) if e.task is not None else "")),
        ("metric", e.metric),
        ("target", target_text(e.comparator, e.value_text)
         + (w("show.value", value=f"{e.value:g} {e.unit or ''}".rstrip()) if e.value is not None else "")),
        ("deadline", w("show.deadline", d=e.deadline, text=e.deadline_text or w("show.no_time"))
         + (w("show.inferred_period_end") if e.deadline_inferred else "")),
        ("recurring", w(f"show.recurring.{e.recurring}") if e.recurring else w("show.no")),
        ("lead", "、".join(e.lead) + (w("show.inferred_coordinator") if e.units_inferred else "")),
        ("support", "、".join(e.support) or "—"),
        ("source", w("show.source_line", line=e.line, quote=e.quote)),
    ]
    if e.note:
        pairs.append(("note", e.note))
    for o in d["occurrences"]:
        extra = ""
        if o["actual"] is not None:
            extra = w("show.actual", actual=written_like(o["actual"], e.value_text, e.unit,
                                                         more=o.get("actual_below") is not None))
            extra += w("show.attainment", pct=f"{o['attainment']:.0%}") if o["attainment"] is not None else ""
        if o["record_status"] in CLOSED and o["record_status"] != o["status"] and not o.get("review"):
            extra += w("show.recorded_as", recorded=st(o["record_status"]), status=st(o["status"]))
        if o.get("late"):
            extra += w("show.closed_late", days=o["days_late"])
        moved = w("show.extended_from", d=o["deadline_original"]) if o.get("deadline_original") else ""
        pairs.append(("status", w("show.status", item=o["item"], status=st(o["status"]), deadline=o["deadline"],
                                  moved=moved) + extra))
        pairs.append(("light", w("show.light", item=o["item"], light=st(o["light"]),
                                 why=said(o["light_reason"], lang))))
        if o.get("review"):
            pairs.append(("review", _review_line(o, w)))
    for h in d["history"]:
        text = f"{h['effective'] or w('show.no_date')} {h['item']} {st(h['status'])}"
        text += w("show.rec.claim") if h.get("claim") else ""
        decided = h["status"] in DECISIONS and h.get("entered_by")  # who decided, said up front
        text += w("show.rec.decided_by", by=h["entered_by"]) if decided else ""
        if h["actual"] is not None:
            shown = written_like(h["actual"], e.value_text, e.unit, more=h.get("actual_below") is not None)
            typed = h["actual_text"]
            same = typed is None or "".join(typed.split()) == "".join(shown.split())
            text += w("show.rec.actual", actual=shown) + ("" if same else w("show.rec.typed", typed=typed))
        text += w("show.rec.to", d=h["extend_to"]) if h.get("extend_to") else ""
        text += w("show.rec.source", source=h["source"]) if h["source"] else ""
        if h["note"]:
            text += w("show.rec.reason" if h["status"] == RETURNED else "show.rec.note", note=h["note"])
        text += w("show.rec.problems", text=h["problems"]) if h.get("problems") else ""
        text += w("show.rec.next_steps", text=h["next_steps"]) if h.get("next_steps") else ""
        if h.get("evidence"):
            shown = w("show.rec.stored", name=h["evidence_name"], path=h["evidence"]) if h.get("evidence_name") \
                else h["evidence"]
            text += w("show.rec.evidence", evidence=shown) + (
                w("show.rec.file", size=h["evidence_size"], sha=h["evidence_sha256"][:12])
                if h.get("evidence_sha256") else "")
        text += w("show.rec.forced") if h["forced"] else ""
        if h["withdrawn"]:
            text += w("show.rec.withdrawn", on=h["withdrawn"]["on"], note=h["withdrawn"]["note"])
        text += w("show.rec.recorded", at=h["recorded_at"],
                  by=w("show.rec.by", by=h["entered_by"]) if h.get("entered_by") and not decided else "")
        pairs.append(("record", text + (w("show.rec.rid", rid=h["rid"]) if h.get("rid") else "")))
    if d.get("ledger"):
        n, later = len(d["history"]), d.get("records_after_as_of") or 0
        count = w("show.ledger.one" if n == 1 else "show.ledger.many", n=n)
        pairs.append(("ledger", w("show.ledger", path=d["ledger"], count=count,
                                  later=w("show.ledger.later", n=later) if later else "")))
    if not keeps_codes(lang):
        pairs = [(say(FIELDS[k], lang) if k in FIELDS else k, v) for k, v in pairs]
    return pairs


def _review_line(o: dict, w) -> str:
    """Where an occurrence's claim stands: pending since when and by whom, or the decision, its date,
    who took it and its words (a 退办's reason)."""
    c, dec = o.get("claim") or {}, o.get("decision") or {}
    if o["review"] == Review.PENDING:
        return w("show.review.pending", item=o["item"], on=c.get("on"), days=o.get("waiting_days"),
                 by=w("show.review.by", by=c["by"]) if c.get("by") else "")
    by = w("show.review.by", by=dec["by"]) if dec.get("by") else ""
    if o["review"] == Review.RETURNED:
        return w("show.review.returned", item=o["item"], on=dec.get("on"), by=by, note=dec.get("note") or "")
    return w("show.review.accepted", item=o["item"], on=dec.get("on"), by=by,
             note=w("show.review.note", note=dec["note"]) if dec.get("note") else "")


def _doc_line(reg: Registry, e: Entry, lang: str) -> str:
    doc = reg.document_of(e)
    if doc is None:
        return "—"
    return say("show.document", lang, label=doc.label, code=doc.code) if doc.label != doc.code else doc.code
