"""What a record says of its item: how far a figure reaches its target, and the status it gives.

One rule, used by recording (to refuse a contradiction), by the queries (a row's status) and by every
output that prints attainment.
"""

from __future__ import annotations

from datetime import date

from ..registry.model import Entry
from ..vocabulary import CLOSED, COMPLETED, RETRACTED, Status
from .store import Record

__all__ = ["attainment", "record_status", "percent", "is_claim"]


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
    if rec.status in CLOSED and not rec.forced:
        _, met = attainment(e, rec.actual, rec.actual_below)
        if met is not None:
            return Status.MET if met else Status.MISSED
    if (rec.status == Status.IN_PROGRESS and deadline is not None and rec.effective >= deadline
            and attainment(e, rec.actual, rec.actual_below)[1]):
        return Status.MET
    return rec.status


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
