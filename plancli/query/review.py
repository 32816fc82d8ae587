"""审核: the claims (报结) awaiting the office's decision, oldest first — what ``plancli review`` lists.

The state of a claim is decided by one rule, ``ledger.review.review_of`` (docs/review.md); this
module only asks it for every item the filters pick, as of the as-of date.
"""

from __future__ import annotations

from ..ledger.attainment import attainment
from ..ledger.record import Record
from ..ledger.recording import item_deadline
from ..ledger.review import review_states
from ..ledger.timeline import extensions, order_key
from ..registry.model import Registry, target_text
from ..registry.units import UnitTable
from ..text.actuals import written_like
from ..vocabulary import Review
from .filters import Filters, select_entries
from .rows import occurrence_rows

__all__ = ["PENDING_KEYS", "pending_claims", "returned_rows"]

# The keys of a pending claim (JSON rows of ``plancli review``), in order.
PENDING_KEYS = ("item", "id", "metric", "target", "lead", "deadline", "status", "actual", "attainment", "figure",
                "evidence", "source", "note", "claimed_on", "entered", "entered_by", "rid", "waiting_days", "in_time")


def pending_claims(reg: Registry, table: UnitTable | None, records: list[Record], f: Filters) -> list[dict]:
    """Every claim awaiting a decision as of ``f.as_of`` for the items the filters pick, oldest first
    (by the claim's date, then when it was entered); none when the registry does not ask for review."""
    if not reg.review:
        return []
    state = review_states(reg, records, f.as_of)
    moved = extensions(records, f.as_of)
    found: list[tuple[tuple, dict]] = []
    for e in select_entries(reg, f, table):
        for item in reg.items(e):
            st = state(e, item)
            if st.state != Review.PENDING:
                continue
            c = st.claim
            ext = moved.get(item)
            deadline = ext.extend_to if ext is not None else item_deadline(reg, e, item)
            ratio, _ = attainment(e, c.actual)
            found.append((order_key(c), {
                "item": item, "id": e.id, "metric": e.metric, "target": target_text(e.comparator, e.value_text),
                "lead": list(dict.fromkeys(table.canonical(n) if table else n for n in e.lead)),
                "deadline": deadline.isoformat() if deadline else None, "status": c.status, "actual": c.actual,
                "attainment": ratio,
                "figure": written_like(c.actual, e.value_text, e.unit) if c.actual is not None else None,
                "evidence": c.evidence, "source": c.source, "note": c.note, "claimed_on": c.effective.isoformat(),
                "entered": c.recorded_at, "entered_by": c.entered_by, "rid": c.rid, "waiting_days": (f.as_of - c.effective).days,
                "in_time": deadline is None or c.effective <= deadline}))
    found.sort(key=lambda t: t[0])
    return [row for _, row in found]


def returned_rows(reg: Registry, table: UnitTable | None, records: list[Record], f: Filters) -> list[dict]:
    """The open items whose claim the office sent back (退办), as rows with their ``review_note``: what
    each unit must put right (``notify`` tells them; none without review)."""
    if not reg.review:
        return []
    rows = occurrence_rows(reg, f, table, records, open_only=True)
    return [r for r in rows if r.get("review") == Review.RETURNED]
