"""审核: a done/met record is a 报结 claim the office decides on, when the registry asks for review.

With ``review: required`` in the registry index (docs/review.md) an item does not close the moment a
unit records ``done`` or ``met``: that record is a **claim** (报结). The office decides on it with a
ledger record of its own — ``accepted`` (销号: the item closes, on the claim's date) or ``returned``
(退办: the item is open again, the reason said to the unit) — naming the claim by its ``rid``
(``reviews``). A decision is one JSON line like every record: it merges in git, counts from its
effective date, and is withdrawn by a retraction like any record.

The rule, in one place (``review_of``), used by the rows (status, light, workbook), by ``review``'s
own list and by ``decide``:

- the item's deciding record (``ledger.timeline.latest_records``) is a claim: its state is its latest
  decision effective by then (``decisions``) — ``accepted``, ``returned`` — or ``pending``;
- otherwise, a claim sent back (退办) stays ``returned`` while the unit reports progress after it, so
  the reason keeps reaching the unit until it claims again;
- otherwise there is nothing to review (``None``).
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from ..registry.model import Entry, Registry
from ..vocabulary import ACCEPTED, DECISIONS, RECORD_STATUSES, RETURNED, Review
from .attainment import is_claim
from .record import Record
from .timeline import latest_records, order_key, withdrawn

__all__ = ["ReviewState", "NO_REVIEW", "is_claim", "decisions", "latest_claims", "review_of", "review_states",
           "Reviews", "say_decision"]


class ReviewState(NamedTuple):  # not a dataclass: half a millisecond of every run's start-up
    """Where an item's claim stands: ``state`` (None: nothing to review), the claim and its decision."""

    state: Review | None = None
    claim: Record | None = None
    decision: Record | None = None

    @property
    def note(self) -> str | None:
        """The decision's words: the reason of a 退办, the remark of a 销号 (JSON ``review_note``)."""
        return self.decision.note if self.decision is not None else None


NO_REVIEW = ReviewState()


def decisions(records: list[Record], as_of: date | None = None, gone: dict | None = None) -> dict[str, Record]:
    """Claim rid → the decision in force on it as of ``as_of`` (None: every record counts): its latest
    ``accepted``/``returned`` record by ``order_key``, effective by then and not withdrawn (``gone``:
    ``withdrawn(records)`` when the caller has it)."""
    gone = withdrawn(records) if gone is None else gone
    out: dict[str, Record] = {}
    for i, r in enumerate(records):
        if r.status not in DECISIONS or r.reviews is None or i in gone or (as_of is not None and r.effective > as_of):
            continue
        cur = out.get(r.reviews)
        if cur is None or order_key(r) >= order_key(cur):
            out[r.reviews] = r
    return out


def latest_claims(reg: Registry, records: list[Record], as_of: date | None = None,
                  gone: dict | None = None) -> dict[str, Record]:
    """Item → its latest claim (by ``order_key``) effective by ``as_of``, withdrawn ones left out."""
    gone = withdrawn(records) if gone is None else gone
    out: dict[str, Record] = {}
    for i, r in enumerate(records):
        if i in gone or r.status not in RECORD_STATUSES or (as_of is not None and r.effective > as_of):
            continue
        e = reg.get(r.entry_id)
        if e is None or not is_claim(e, r):
            continue
        cur = out.get(r.item)
        if cur is None or order_key(r) >= order_key(cur):
            out[r.item] = r
    return out


def review_of(e: Entry, rec: Record | None, claim: Record | None, decided: dict[str, Record]) -> ReviewState:
    """The review state of one item: ``rec`` its deciding record, ``claim`` its latest claim,
    ``decided`` the decisions in force (``decisions``), all as of the same date."""
    if rec is not None and is_claim(e, rec):
        d = decided.get(rec.rid or "")
        return ReviewState(Review(d.status) if d is not None else Review.PENDING, rec, d)
    if claim is not None:
        d = decided.get(claim.rid or "")
        if d is not None and d.status == RETURNED:
            return ReviewState(Review.RETURNED, claim, d)
    return NO_REVIEW


class Reviews:
    """The review state of every item as of one date: ``reviews(e, item)`` → ``ReviewState``; the
    ledger's indexes (latest records, latest claims, decisions in force) are computed once."""

    def __init__(self, reg: Registry, records: list[Record], as_of: date | None = None,
                 latest: dict[str, Record] | None = None):
        gone = withdrawn(records)
        self.latest = latest if latest is not None else latest_records(records, as_of)
        self.claims = latest_claims(reg, records, as_of, gone)
        self.decided = decisions(records, as_of, gone)

    def __call__(self, e: Entry, item: str) -> ReviewState:
        rec = self.latest.get(item) or (self.latest.get(e.id) if "@" not in item else None)
        return review_of(e, rec, self.claims.get(item), self.decided)

    def accepted(self, rec: Record) -> bool:
        """Whether the office has accepted ``rec`` (a claim) by then: 销号."""
        d = self.decided.get(rec.rid or "")
        return d is not None and d.status == ACCEPTED


def review_states(reg: Registry, records: list[Record], as_of: date | None = None) -> Reviews:
    """Every item's review state as of ``as_of`` (see ``Reviews``)."""
    return Reviews(reg, records, as_of)


def say_decision(status: str):
    """A decision as a field of a message: its catalogue word (销号 / 退办), said in the reader's language."""
    from ..words import term

    return term(f"status.{status}")
