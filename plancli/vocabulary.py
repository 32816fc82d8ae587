"""The one vocabulary of plancli: the statuses of an item, and their orders (their words are in ``plancli.words``).

Every listing, count, chart, export and ledger check takes its status names from here, so a status is
spelled once. A ``Status`` is a ``StrEnum``: it *is* its contract string (``Status.OVERDUE == "overdue"``),
so JSON, CSV and YAML keep writing the plain codes of the output contract (README, "Output contract").
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["Status", "STATUSES", "STATUS_ORDER", "URGENCY", "OPEN", "CLOSED", "COMPLETED", "RECORD_STATUSES",
           "RETRACTED", "EXTENDED", "SUBMITTED", "ACCEPTED", "RETURNED", "DECISIONS", "LEDGER_ONLY_STATUSES",
           "LEDGER_STATUSES", "is_open", "is_closed", "Light", "LIGHTS", "Review", "REVIEWS"]


class Status(StrEnum):
    """Every occurrence of an item has exactly one status (they add up to stats' total)."""

    OVERDUE = "overdue"          # deadline passed, not closed
    DUE_SOON = "due_soon"        # deadline within --soon
    UPCOMING = "upcoming"        # deadline later
    IN_PROGRESS = "in_progress"  # latest record says work goes on, deadline not passed
    MET = "met"                  # a target reached
    DONE = "done"                # a milestone closed
    MISSED = "missed"            # a target not reached (closed)


# The order statuses are declared, offered by --status and counted in the columns of stats, plans and
# the digest (an output contract: README, "Output contract").
STATUSES: tuple[Status, ...] = tuple(Status)
# The order people read them in: most urgent first, closed last (tables, charts, the report).
STATUS_ORDER: tuple[Status, ...] = (Status.OVERDUE, Status.DUE_SOON, Status.IN_PROGRESS, Status.UPCOMING,
                                    Status.MISSED, Status.MET, Status.DONE)
# The order an entry's occurrences are ranked in to give the entry one status (`list`): work already
# under way outranks a deadline that is merely near.
URGENCY: tuple[Status, ...] = (Status.OVERDUE, Status.IN_PROGRESS, Status.DUE_SOON, Status.UPCOMING,
                               Status.MISSED, Status.MET, Status.DONE)
OPEN: tuple[Status, ...] = (Status.OVERDUE, Status.DUE_SOON, Status.IN_PROGRESS, Status.UPCOMING)
CLOSED: tuple[Status, ...] = (Status.DONE, Status.MET, Status.MISSED)
# Closed as achieved: what a 报结 claims, and what review (``review: required``) must accept (销号).
COMPLETED: tuple[Status, ...] = (Status.DONE, Status.MET)
# What `record --status` takes; RETRACTED is written by `record --retract` and is never a row status.
RECORD_STATUSES: tuple[Status, ...] = (Status.DONE, Status.MET, Status.MISSED, Status.IN_PROGRESS)
RETRACTED = "retracted"
# Written by `record --extend-to` (延期): moves an item's deadline, keeps the original. A ledger-only
# status like RETRACTED: never a row status, never chosen with --status.
EXTENDED = "extended"
# Written by `import` for each workbook a unit sent back (报送, docs/lights.md "Reporting"): the
# record's id is the unit, not an item; it says the unit reported on that date, whatever rows it left
# blank. Ledger-only too.
SUBMITTED = "submitted"
# Written by `plancli review accept|return` (docs/review.md): the office's decision on a 报结 claim, naming
# the claim's rid (``reviews``). 销号 closes the item; 退办 sends it back to its unit, open again.
ACCEPTED = "accepted"
RETURNED = "returned"
DECISIONS: tuple[str, ...] = (ACCEPTED, RETURNED)
# Statuses only the ledger writes (never a row status, never chosen with --status): none of them says
# anything of the work, so none ever decides an item's status.
LEDGER_ONLY_STATUSES: tuple[str, ...] = (EXTENDED, SUBMITTED, *DECISIONS)
# Every status a ledger record may carry.
LEDGER_STATUSES: tuple[str, ...] = (*RECORD_STATUSES, RETRACTED, *LEDGER_ONLY_STATUSES)

def is_open(status: str | None) -> bool:
    return status in OPEN


def is_closed(status: str | None) -> bool:
    return status in CLOSED


class Light(StrEnum):
    """亮灯: every occurrence also has one light (query.lights decides it; docs/lights.md)."""

    RED = "red"        # overdue, missed, or far behind 序时进度
    YELLOW = "yellow"  # behind 序时进度, or no report within the reporting cycle
    BLUE = "blue"      # due soon and not closed
    GREEN = "green"    # on schedule, met, done, or nothing to judge yet


# Worst first: the order rules are weighed in (the worst wins), --light offers, and columns count.
LIGHTS: tuple[Light, ...] = (Light.RED, Light.YELLOW, Light.BLUE, Light.GREEN)


class Review(StrEnum):
    """Where a 报结 claim stands with the office (``review: required``; docs/review.md): the JSON key
    ``review`` of a row. None when the item has no claim, or review is off."""

    PENDING = "pending"    # 待审核: claimed done/met, no decision yet (the item stays open)
    ACCEPTED = "accepted"  # 已销号: the office accepted the claim (the item is closed)
    RETURNED = "returned"  # 已退办: sent back with a reason (the item is open again)


REVIEWS: tuple[Review, ...] = tuple(Review)
