"""The confirmation lines of `record`, in the reader's language: what was written, and what it means."""

from __future__ import annotations

from ..ledger.attainment import attainment, percent, record_status
from ..ledger.store import Record
from ..registry.model import Entry, target_text
from ..text.actuals import written_like
from ..words import say, word_or_code

__all__ = ["describe", "describe_retraction", "describe_extension"]


def describe(e: Entry, rec: Record, lang: str = "en") -> str:
    """The confirmation line of ``record``: the value as the target is written, with attainment."""
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
    elif record_status(e, rec) != rec.status:
        text += say("msg.counts_as", lang, status=st(record_status(e, rec)))
    return text


def describe_retraction(rec: Record, gone: Record, lang: str = "en") -> str:
    """The confirmation line of ``record --retract``: which record was withdrawn, and why."""
    return say("msg.retracted", lang, item=gone.item, status=word_or_code(gone.status, lang), on=gone.effective,
               note=rec.note)


def describe_extension(rec: Record, was, lang: str = "en") -> str:
    """The confirmation line of ``record --extend-to``: the new deadline, the one it replaces, why."""
    return say("msg.extended", lang, item=rec.item, to=rec.extend_to, was=was, on=rec.effective, note=rec.note)
