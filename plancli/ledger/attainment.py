"""What a record says of its item: how far a figure reaches its target, and the status it gives.

One rule, used by recording (to refuse a contradiction), by the queries (a row's status) and by every
output that prints attainment.
"""

from __future__ import annotations

from datetime import date

from ..registry.model import Entry
from ..vocabulary import CLOSED, COMPLETED, RETRACTED, Status
from .record import Record

__all__ = ["attainment", "record_status", "status_given", "closes", "DECIDED_BY", "percent", "is_claim"]

# The fields of a record, besides its status and effective date, that the status it gives is decided
# by: what the ledger's timeline keeps of every record (its facts), so that a question need not build
# the record. A field that comes to change a status is named here and read by ``status_given``; the
# timeline and its cache then keep it without any change of theirs.
DECIDED_BY = ("forced", "actual", "actual_below")


def attainment(e: Entry, actual: float | None, below: float | None = None) -> tuple[float | None, bool | None]:
    """(actual ÷ target, met) respecting the comparator; ≤ targets invert the ratio.

    ≈ (左右) counts as met from 95 % of the target; a range is met from its lower bound. ``below``: a
    figure written with 余/多 is more than ``actual`` and less than ``below``; it is met or not only
    when every value between says the same (3.2万余家 against 突破3.5万家: not met; against 3.25万家:
    unknown, None).
    """
    if actual is None or e.value is None or e.kind != "target":
        return None, None
    v = e.value
    c = e.comparator
    if c in ("<=", "<"):
        ratio = (v / actual) if actual else None
        met = actual <= v if c == "<=" else actual < v
    else:
        ratio = (actual / v) if v else None
        if c == ">":
            met = actual > v
        elif c == "~":
            met = actual >= 0.95 * v
        else:  # >=, =, range (lower bound)
            met = actual >= v
    if below is not None:  # more than actual, less than below
        if c in ("<=", "<"):
            met = True if below <= v else False if actual >= v else None
        else:
            bar = 0.95 * v if c == "~" else v
            met = True if actual >= bar else False if below <= bar else None
    return (round(ratio, 4) if ratio is not None else None), met


def record_status(e: Entry, rec: Record, deadline: date | None = None) -> str:
    """The status a record gives its item (docs/lights.md, "Closing is explicit").

    A closing record (done, met, missed) of a quantified target with an actual value counts as the
    value says (``attainment``: met or missed), unless it was forced with a reason. A figure recorded
    ``in_progress`` closes nothing by itself: only one effective on or after the item's ``deadline``
    (the one in force) that reaches the target is the result, and reads ``met``; before the deadline
    it is progress (9.8 % of a ≈10 % annual growth in September is not the year's figure)."""
    return status_given(e, rec.status, rec.effective, deadline, *(getattr(rec, f) for f in DECIDED_BY))


def status_given(e: Entry, status: str, effective: date, deadline: date | None, forced: bool,
                 actual: float | None, actual_below: float | None) -> str:
    """``record_status`` from a record's status, effective date and ``DECIDED_BY`` fields alone."""
    if status in CLOSED and not forced:
        _, met = attainment(e, actual, actual_below)
        if met is not None:
            return Status.MET if met else Status.MISSED
    if (status == Status.IN_PROGRESS and deadline is not None and effective >= deadline
            and attainment(e, actual, actual_below)[1]):
        return Status.MET
    return status


def closes(e: Entry, status: str, effective: date, deadline: date | None, *decided) -> bool:
    """Whether a record (its status, effective date and ``DECIDED_BY`` fields) closes its item with
    the deadline ``deadline`` in force: done, or met by the value."""
    return status_given(e, status, effective, deadline, *decided) in (Status.DONE, Status.MET)


def is_claim(e: Entry, r: Record) -> bool:
    """A record that says its item is done or met (by the value): with review, a 报结 the office decides on."""
    return r.status != RETRACTED and record_status(e, r) in COMPLETED


def percent(ratio: float | None) -> str:
    """``ratio`` as a percentage; a small negative one keeps its sign and a decimal (-0.4%, not -0%)."""
    if ratio is None:
        return "n/a"
    if -0.005 < ratio < 0:
        return f"{ratio:.1%}"
    return f"{ratio:.0%}"
