"""The confirmation lines of `record`, in the reader's language: what was written, and what it means."""

from __future__ import annotations

from ..ledger.attainment import attainment, percent, record_status
from ..ledger.record import Record
from ..registry.model import Entry, target_text
from ..text.actuals import written_like
from ..words import say, word_or_code

__all__ = ["describe", "describe_retraction", "describe_extension", "describe_claim", "describe_decision"]


def describe(e: Entry, rec: Record, lang: str = "en", deadline=None) -> str:
    """The confirmation line of ``record``: the value as the target is written, with attainment, and
    what the record counts as when that is not its status (a figure as of the ``deadline`` closes)."""
    def st(code: str) -> str:
        return word_or_code(code, lang)

    text = say("msg.recorded", lang, item=rec.item, status=st(rec.status)) + say("msg.on", lang, on=rec.effective)
    if rec.actual is not None:
        ratio, _ = attainment(e, rec.actual, rec.actual_below)
        shown = written_like(rec.actual, e.value_text, e.unit)
        text += (say("msg.actual", lang, actual=shown, pct=percent(ratio), target=target_text(e.comparator, e.value_text))
                 if ratio is not None else say("msg.actual_only", lang, actual=shown))
    if rec.evidence_name:
        text += say("msg.evidence_file", lang, name=rec.evidence_name, path=rec.evidence)
    elif rec.evidence:
        text += say("msg.evidence", lang, evidence=rec.evidence)
    if rec.forced:
        text += say("msg.forced", lang, note=rec.note)
    elif record_status(e, rec, deadline) != rec.status:
        text += say("msg.counts_as", lang, status=st(record_status(e, rec, deadline)))
    elif rec.status == "in_progress" and deadline is not None and attainment(e, rec.actual)[1]:
        text += say("msg.awaiting_close", lang, deadline=deadline)  # progress, not the result (lights.md)
    return text


def describe_retraction(rec: Record, gone: Record, lang: str = "en", e: Entry | None = None) -> str:
    """The confirmation line of ``record --retract``: which record was withdrawn (its id, the figure
    as the target is written and its source, so a slip shows at once), and why."""
    what = ""
    if gone.actual is not None:
        shown = written_like(gone.actual, e.value_text, e.unit) if e is not None else gone.actual_text or f"{gone.actual:g}"
        what += say("msg.retracted.actual", lang, actual=shown)
    if gone.extend_to is not None:
        what += say("msg.retracted.to", lang, d=gone.extend_to)
    if gone.source:
        what += say("msg.retracted.source", lang, source=gone.source)
    return say("msg.retracted", lang, item=gone.item, rid=gone.rid, status=word_or_code(gone.status, lang),
               on=gone.effective, what=what, note=rec.note)


def describe_extension(rec: Record, was, lang: str = "en") -> str:
    """The confirmation line of ``record --extend-to``: the new deadline, the one it replaces, why."""
    return say("msg.extended", lang, item=rec.item, to=rec.extend_to, was=was, on=rec.effective, note=rec.note)


def describe_claim(e: Entry, claim: Record, lang: str = "en") -> str:
    """A 报结 claim in a few words: its date, its status and its figure as the target is written."""
    figure = ""
    if claim.actual is not None:
        figure = say("review.msg.figure", lang, figure=written_like(claim.actual, e.value_text, e.unit))
    return say("review.msg.claim", lang, on=claim.effective, figure=figure, status=word_or_code(claim.status, lang))


def describe_decision(e: Entry, rec: Record, claim: Record, lang: str = "en") -> str:
    """The confirmation line of ``review accept`` / ``review return``: the claim decided, when, by whom, why."""
    return say(f"review.msg.{rec.status}", lang, item=rec.item, claim=describe_claim(e, claim, lang),
               on=rec.effective, by=rec.entered_by or "—",
               note=say("review.msg.note", lang, note=rec.note) if rec.note else "")
