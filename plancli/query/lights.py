"""亮灯: the one rule that gives every occurrence its light (red, yellow, blue, green) and a reason.

Pure: an entry, its row (the final ``deadline`` — after any extension — ``status``, ``met``), the
latest record, the settings (``lights:`` of the registry file) and the as-of date → a ``Judgement``.
Every rule that applies is found; the worst light wins and its reasons are kept (docs/lights.md):

- red: past the deadline and not closed; the latest record is ``missed``; behind 序时进度 by more
  than ``behind_red`` percentage points;
- yellow: behind by more than ``behind_yellow`` points; with ``report_every_days`` set, no record
  for the item within that many days;
- blue: due within ``near_days`` and not closed;
- green: on schedule, met, done, or nothing to judge yet.

序时进度 (the share of time gone) runs from the occurrence's start (``start``) to its deadline;
progress is the latest figure against the target — from the entry's ``baseline`` when it has one;
a ``≤`` target or a rate (``%``, 个百分点) without a baseline gets no schedule judgement.
"""

from __future__ import annotations

import functools
from datetime import date
from typing import NamedTuple

from ..ledger.record import Record
from ..registry.model import Entry, LightSettings
from ..vocabulary import CLOSED, LIGHTS, Light, Review, Status
from ..words import say

__all__ = ["Reason", "Reasons", "Judgement", "judge", "judge_work", "progress", "time_gone", "occurrence_start", "reason_text",
           "RATE_UNITS"]

RATE_UNITS = ("%", "个百分点", "百分点")  # a share or a rate: 0 is no natural start
_RANK = {light: i for i, light in enumerate(LIGHTS)}


class Reason(NamedTuple):
    """One finding: a code and its figures; ``reason_text`` writes it in a language.

    (Reason and Judgement are named tuples, not dataclasses: each dataclass costs every run about
    half a millisecond of start-up to build, and these are only made and read inside this module.)"""

    code: str
    days: int | None = None
    done: float | None = None  # share of the target reached, 0..1+
    gone: float | None = None  # share of the time gone, 0..1
    cycle: int | None = None
    note: str | None = None  # the words of a decision (退办: its reason)


class Reasons:
    """Why an occurrence has its light: the reasons found (codes and figures) and, for an entry row
    that sums up several occurrences, the occurrence they belong to (``2024``). Codes, never prose:
    ``text(lang)`` says them through the catalogue (``reason.*``); ``str()`` is the English text the
    JSON/CSV contract writes as ``light_reason``.

    Immutable and hashable (said once per language, ``_said``), and no tuple: the JSON writer writes
    it as its text. Written out rather than a frozen dataclass, whose methods every run would compile."""

    __slots__ = ("reasons", "occurrence")

    def __init__(self, reasons: tuple[Reason, ...], occurrence: str | None = None) -> None:
        object.__setattr__(self, "reasons", reasons)
        object.__setattr__(self, "occurrence", occurrence)

    def __setattr__(self, name: str, value) -> None:
        raise AttributeError(f"Reasons is immutable: cannot set {name}")

    def replace(self, **changes) -> Reasons:
        """A copy with ``changes``."""
        return Reasons(**{"reasons": self.reasons, "occurrence": self.occurrence} | changes)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not Reasons:
            return NotImplemented
        return (self.reasons, self.occurrence) == (other.reasons, other.occurrence)

    def __hash__(self) -> int:
        return hash((self.reasons, self.occurrence))

    def __repr__(self) -> str:
        return f"Reasons(reasons={self.reasons!r}, occurrence={self.occurrence!r})"

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(r.code for r in self.reasons)

    def text(self, lang: str = "en") -> str:
        return _said(self, lang)

    def __str__(self) -> str:
        return _said(self, "en")


class Judgement(NamedTuple):
    light: Light
    reasons: tuple[Reason, ...]

    def why(self) -> Reasons:
        """The row's ``light_reason``."""
        return Reasons(self.reasons)


@functools.lru_cache(maxsize=4096)
def _said(r: Reasons, lang: str) -> str:
    """Reasons repeat across thousands of rows (``no record yet``): each is said once per language."""
    text = reason_text(r.reasons, lang)
    if r.occurrence:
        text = f"{r.occurrence}{say('punct.colon', lang)}{text}"
    return text


def occurrence_start(e: Entry, deadline: date, issued: date | None, period_start: date) -> date:
    """Where the clock of one occurrence starts: the entry's own ``start``; for a 每年 / 每季度
    occurrence the start of its year / quarter; else the document's date (its period's start when
    it has none). Never before the document's date: work cannot start before it is asked for."""
    if e.start is not None:
        return e.start
    begin = issued or period_start
    if e.recurring == "yearly":
        return max(date(deadline.year, 1, 1), begin)
    if e.recurring == "quarterly":
        return max(date(deadline.year, (deadline.month - 1) // 3 * 3 + 1, 1), begin)
    return begin


def time_gone(start: date, deadline: date, as_of: date) -> float:
    """序时进度: the share of [start, deadline] gone by ``as_of``, 0..1."""
    span = (deadline - start).days
    if span <= 0:
        return 1.0 if as_of >= deadline else 0.0
    return min(max((as_of - start).days / span, 0.0), 1.0)


def progress(e: Entry, actual: float | None) -> tuple[float | None, str | None]:
    """(share of the way from the start figure to the target, why there is none).

    From the ``baseline`` when the entry has one: (actual − baseline) ÷ (target − baseline), which
    reads ≤ targets (a figure to bring down) the right way round too. Without one, counts and sums
    start from 0 (actual ÷ target); a ≤ target or a rate has no natural start: no judgement.
    """
    if e.kind != "target" or e.value is None:
        return None, "no_figure"
    if actual is None:
        return None, "no_record"
    if e.baseline is not None:
        if e.baseline == e.value:
            return None, "baseline_is_target"
        return max((actual - e.baseline) / (e.value - e.baseline), 0.0), None
    if e.comparator in ("<=", "<"):
        return None, "no_baseline_le"
    if (e.unit or "") in RATE_UNITS:
        return None, "no_baseline_rate"
    if e.value <= 0:
        return None, "no_figure"
    return max(actual / e.value, 0.0), None


def judge(e: Entry, row: dict, rec: Record | None, settings: LightSettings, as_of: date, *,
          start: date, deadline: date | None = None, reported: date | None = None) -> Judgement:
    """The light of one occurrence (``row``: its final ``deadline``, ``status`` and ``met``).

    ``deadline`` may be passed as a date when the caller has it (it must be the row's). ``reported``:
    the last day a lead unit sent back the workbook holding the item (报送), which reports it for the
    reporting cycle even when its row was left blank, as the workbook allows."""
    if deadline is None and row.get("deadline"):
        deadline = date.fromisoformat(row["deadline"])
    j = judge_work(e, row, rec, settings, as_of, start=start, deadline=deadline, reported=reported)
    return _reviewed(j, row, rec, as_of) if "review" in row else j  # the registry asks for review (docs/review.md)


def _reviewed(j: Judgement, row: dict, rec: Record | None, as_of: date) -> Judgement:
    """A light with what the review says: a claim made by the deadline and awaiting the office's decision
    is green (the unit has done its part; the status says it is open); a claim made late stays red for
    the lateness; either way the reason says it awaits review. A claim sent back keeps its light by the
    work, the reason of the 退办 said first. A figure that meets the target but was never claimed says so."""
    review = row["review"]
    # "figure reaches the target, awaiting 销号" is said here by what the review knows instead
    work = tuple(r for r in j.reasons if r.code != "met_awaiting_close")
    if review == Review.PENDING and rec is not None:
        waiting = Reason("review_pending", days=(as_of - rec.effective).days)
        if row["status"] != Status.OVERDUE:
            return Judgement(Light.GREEN, (waiting,))
        return Judgement(j.light, (*work, waiting))
    if review == Review.RETURNED:
        return Judgement(j.light, (Reason("review_returned", note=row.get("review_note")), *work))
    if row["status"] not in CLOSED and row.get("met") and rec is not None and rec.status == Status.IN_PROGRESS:
        return Judgement(j.light, (*(work or (Reason("no_record"),)), Reason("met_unclaimed")))
    return j


def judge_work(e: Entry, row: dict, rec: Record | None, settings: LightSettings, as_of: date, *,
               start: date, deadline: date | None, reported: date | None = None) -> Judgement:
    """The light by the work alone: the rules of docs/lights.md, worst first."""
    status = row["status"]
    found: list[tuple[Light, Reason]] = []
    if status in CLOSED:
        found.append((Light.RED, Reason("missed")) if status == Status.MISSED else (Light.GREEN, Reason(str(status))))
        return _worst(found)
    # Open, and the latest figure already reaches the target: progress, not the result, until a record
    # closes it or a figure speaks for the deadline (docs/lights.md, "Closing is explicit").
    reached = bool(row.get("met"))
    if deadline is not None and deadline < as_of:
        found.append((Light.RED, Reason("overdue", days=(as_of - deadline).days)))
    share, why = progress(e, rec.actual if rec else None)
    if deadline is not None and as_of <= deadline:
        gone = time_gone(start, deadline, as_of)
        if as_of < start:
            found.append((Light.GREEN, Reason("not_started")))
        elif reached:
            found.append((Light.GREEN, Reason("met_awaiting_close")))
        elif share is not None:
            behind = (gone - share) * 100
            if behind > settings.behind_red:
                found.append((Light.RED, Reason("behind", done=share, gone=gone)))
            elif behind > settings.behind_yellow:
                found.append((Light.YELLOW, Reason("behind", done=share, gone=gone)))
            else:
                found.append((Light.GREEN, Reason("on_schedule", done=share, gone=gone)))
        else:
            found.append((Light.GREEN, Reason(why or "no_record")))
        if 0 <= (deadline - as_of).days <= settings.near_days:
            found.append((Light.BLUE, Reason("near", days=(deadline - as_of).days)))
    cycle = settings.report_every_days
    if cycle and as_of >= start:
        seen = max((d for d in (rec.effective if rec is not None else None, reported) if d is not None), default=None)
        last = seen if seen is not None and seen >= start else start
        if (as_of - last).days > cycle:
            found.append((Light.YELLOW, Reason("stale" if seen is not None else "never_reported",
                                               days=(as_of - last).days, cycle=cycle)))
    if not found:
        found.append((Light.GREEN, Reason("no_record")))
    j = _worst(found)
    if reached and all(r.code != "met_awaiting_close" for r in j.reasons):  # red or blue: say it all the same
        j = Judgement(j.light, (*j.reasons, Reason("met_awaiting_close")))
    return j


def _worst(found: list[tuple[Light, Reason]]) -> Judgement:
    if len(found) == 1:  # the common case
        return Judgement(found[0][0], (found[0][1],))
    light = min((lt for lt, _ in found), key=_RANK.__getitem__)
    return Judgement(light, tuple(r for lt, r in found if lt == light))


def _pct(x: float | None) -> str:
    return f"{x * 100:.0f}%" if x is not None else "?"


def reason_text(reasons: tuple[Reason, ...], lang: str = "en") -> str:
    """The reasons as one line in ``lang`` (the catalogue's ``reason.*`` entries)."""
    return say("punct.semicolon", lang).join(say(f"reason.{r.code}", lang, days=r.days, cycle=r.cycle, done=_pct(r.done),
                                                 gone=_pct(r.gone), note=r.note) for r in reasons)
