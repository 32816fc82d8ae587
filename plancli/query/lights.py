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
from dataclasses import dataclass
from datetime import date

from ..ledger.store import Record
from ..registry.model import Entry, LightSettings
from ..vocabulary import CLOSED, LIGHTS, Light, Status

__all__ = ["Reason", "Judgement", "ReasonText", "reason_in", "judge", "progress", "time_gone", "occurrence_start", "reason_text",
           "RATE_UNITS"]

RATE_UNITS = ("%", "个百分点", "百分点")  # a share or a rate: 0 is no natural start
_RANK = {light: i for i, light in enumerate(LIGHTS)}


@dataclass(frozen=True)
class Reason:
    """One finding: a code and its figures; ``reason_text`` writes it in a language."""

    code: str
    days: int | None = None
    done: float | None = None  # share of the target reached, 0..1+
    gone: float | None = None  # share of the time gone, 0..1
    cycle: int | None = None


@dataclass(frozen=True)
class Judgement:
    light: Light
    reasons: tuple[Reason, ...]

    def text(self) -> ReasonText:
        """The reasons in English (the JSON ``light_reason``), carrying their Chinese for people."""
        return _text_of(self.reasons)


class ReasonText(str):
    """A row's ``light_reason``: the English text (what JSON and CSV write — it *is* that string),
    with the same reasons in Chinese as ``.zh`` for the human outputs (``reason_in``)."""

    zh: str = ""
    codes: tuple[str, ...] = ()  # the reasons' codes (stale, overdue …), for counting without parsing text


@functools.lru_cache(maxsize=4096)
def _text_of(reasons: tuple[Reason, ...]) -> ReasonText:
    """Reasons repeat across thousands of rows (``no record yet``): each text is written once."""
    t = ReasonText(reason_text(reasons, "en"))
    t.zh = reason_text(reasons, "zh")
    t.codes = tuple(r.code for r in reasons)
    return t


def reason_in(value, lang: str) -> str:
    """A row's ``light_reason`` in ``lang`` (the English text where no translation travels with it)."""
    if value is None:
        return ""
    return getattr(value, "zh", "") or str(value) if lang == "zh" else str(value)


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
          start: date, deadline: date | None = None) -> Judgement:
    """The light of one occurrence (``row``: its final ``deadline``, ``status`` and ``met``).

    ``deadline`` may be passed as a date when the caller has it (it must be the row's)."""
    status = row["status"]
    if deadline is None and row.get("deadline"):
        deadline = date.fromisoformat(row["deadline"])
    found: list[tuple[Light, Reason]] = []
    if status in CLOSED:
        if status == Status.MISSED:
            found.append((Light.RED, Reason("missed")))
        elif rec is not None and rec.status == Status.IN_PROGRESS:
            found.append((Light.GREEN, Reason("met_awaiting_close")))
        else:
            found.append((Light.GREEN, Reason(str(status))))
        return _worst(found)
    if deadline is not None and deadline < as_of:
        found.append((Light.RED, Reason("overdue", days=(as_of - deadline).days)))
    share, why = progress(e, rec.actual if rec else None)
    if deadline is not None and as_of <= deadline:
        gone = time_gone(start, deadline, as_of)
        if as_of < start:
            found.append((Light.GREEN, Reason("not_started")))
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
        last = rec.effective if rec is not None and rec.effective >= start else start
        if (as_of - last).days > cycle:
            found.append((Light.YELLOW, Reason("stale" if rec is not None else "never_reported",
                                               days=(as_of - last).days, cycle=cycle)))
    if not found:
        found.append((Light.GREEN, Reason("no_record")))
    return _worst(found)


def _worst(found: list[tuple[Light, Reason]]) -> Judgement:
    if len(found) == 1:  # the common case
        return Judgement(found[0][0], (found[0][1],))
    light = min((lt for lt, _ in found), key=_RANK.__getitem__)
    return Judgement(light, tuple(r for lt, r in found if lt == light))


def _pct(x: float | None) -> str:
    return f"{x * 100:.0f}%" if x is not None else "?"


# code → (zh, en) template; {days} {done} {gone} {cycle} are filled in.
_TEXT = {
    Status.OVERDUE: ("已逾期 {days} 天", "overdue by {days} days"),
    Status.MISSED: ("最新记录为未达标", "latest record: missed"),
    "behind": ("落后序时进度：完成 {done}，时间已过 {gone}", "behind schedule: {done} done, {gone} of time gone"),
    "on_schedule": ("符合序时进度：完成 {done}，时间已过 {gone}", "on schedule: {done} done, {gone} of time gone"),
    "near": ("{days} 天内到期", "due in {days} days"),
    "stale": ("已 {days} 天未报送进展（报送周期 {cycle} 天）", "no report for {days} days (cycle {cycle} days)"),
    "never_reported": ("{days} 天未报送进展（报送周期 {cycle} 天）", "never reported in {days} days (cycle {cycle} days)"),
    Status.DONE: ("已完成", "done"),
    Status.MET: ("已达标", "met"),
    "met_awaiting_close": ("数值已达标，待销号", "figure meets the target, awaiting 销号"),
    "not_started": ("尚未开始", "not started yet"),
    "no_record": ("尚无进展记录，无从判断", "no record yet: nothing to judge"),
    "no_figure": ("无量化数值，按期限判断", "no figure: judged by its deadline"),
    "no_baseline_le": ("“≤”目标无基数，不作序时判断", "≤ target without a baseline: no schedule judgement"),
    "no_baseline_rate": ("比率目标无基数，不作序时判断", "rate without a baseline: no schedule judgement"),
    "baseline_is_target": ("基数等于目标，不作序时判断", "baseline equals the target: no schedule judgement"),
}


def reason_text(reasons: tuple[Reason, ...], lang: str = "en") -> str:
    """The reasons as one line in ``lang`` (zh or en); the JSON ``light_reason`` is the English one."""
    i = 0 if lang == "zh" else 1
    sep = "；" if lang == "zh" else "; "
    return sep.join(_TEXT[r.code][i].format(days=r.days, cycle=r.cycle, done=_pct(r.done), gone=_pct(r.gone))
                    for r in reasons)
