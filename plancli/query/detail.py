"""Everything ``show`` tells about one entry, as data: its fields, occurrences, records and ledger."""

from __future__ import annotations

from datetime import date

from ..ledger.store import Record, history
from ..registry.model import Entry, Registry
from .filters import Filters
from .rows import entry_dict, occurrence_rows

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
                                            "record_status", "actual", "actual_below", "attainment", "met", "note", "evidence",
                                            "light", "light_reason", "late", "days_late")}
                        for r in occ if r["id"] == e.id]
    d["history"] = history(records, e.id, as_of)  # what had been recorded by as_of
    # the same records by their ids, as a correction names them (record ID --retract --rid RID)
    d["records"] = [{k: h.get(k) for k in RECORD_KEYS} for h in d["history"]]
    d["records_after_as_of"] = sum(r.entry_id == e.id and r.effective > as_of for r in records)
    d["note"] = e.note
    d["ledger"] = ledger
    return d
