"""Everything ``show`` tells about one entry, as data: its fields, occurrences, records and ledger."""

from __future__ import annotations

from datetime import date

from ..ledger.record import Record
from ..ledger.review import Reviews, is_claim
from ..ledger.timeline import history, records_of
from ..registry.model import Entry, Registry
from .filters import Filters
from .rows import REVIEW_KEYS, entry_dict, occurrence_rows

__all__ = ["entry_detail", "RECORD_KEYS"]

# The keys of each of ``show``'s ``records`` (JSON): a record by its id, what it says, where it comes
# from, who entered it, and whether it was withdrawn (its date, reason, line and rid) — README contract.
RECORD_KEYS = ("rid", "item", "status", "on", "effective", "actual", "actual_text", "source", "note", "evidence",
               "extend_to", "retracts", "unit", "entered_by", "recorded_at", "withdrawn")


def entry_detail(reg: Registry, e: Entry, records: list[Record], as_of: date, ledger: str | None = None) -> dict:
    """Everything ``show`` tells about one entry: the contract fields, its occurrences with their
    status as of ``as_of``, its note, the full history of its records and which ledger held them."""
    occ = occurrence_rows(reg, Filters(as_of=as_of, plans=[e.plan]), None, records)
    d = entry_dict(reg, e)
    d["occurrences"] = [{k: r[k] for k in ("item", "deadline", "deadline_original", "days_left", "status",
                                            "record_status", "actual", "actual_below", "attainment", "met", "note",
                                            "evidence", "light", "light_reason", "late", "days_late", *REVIEW_KEYS)
                                  if k in r}
                        for r in occ if r["id"] == e.id]
    d["history"] = history(records, e.id, as_of)  # what had been recorded by as_of
    # the same records by their ids, as a correction names them (record ID --retract --rid RID)
    d["records"] = [{k: h.get(k) for k in RECORD_KEYS} for h in d["history"]]
    if reg.review:  # the trail of the review: each claim marked, each occurrence's claim and decision
        reviews = Reviews(reg, records, as_of)
        by_rid = {r.rid: r for r in (records[i] for i in records_of(records, e.id))}
        for h in d["history"]:
            rec = by_rid.get(h["rid"])
            h["claim"] = rec is not None and is_claim(e, rec)
        for o in d["occurrences"]:
            st = reviews(e, o["item"])
            c, dec = st.claim, st.decision
            o["claim"] = {"on": c.effective.isoformat(), "by": c.entered_by, "rid": c.rid} if c is not None else None
            o["decision"] = ({"status": dec.status, "on": dec.effective.isoformat(), "by": dec.entered_by, "note": dec.note,
                              "rid": dec.rid} if dec is not None else None)
            o["waiting_days"] = (as_of - c.effective).days if c is not None and dec is None else None
    d["records_after_as_of"] = len(records_of(records, e.id)) - len(records_of(records, e.id, as_of))
    d["note"] = e.note
    d["ledger"] = ledger
    return d
