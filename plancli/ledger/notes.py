"""What units write beside their figures: 进展情况, 存在问题, 下一步措施 — the reasons a director reads.

A row of a 台账 reaches the ledger with its texts in the record: 进展情况 as its ``note`` and the others
in fields of their own (``problems``, ``next_steps``), as ``import`` keeps them apart; records written
before that have the one ``note`` the import wrote then, ``进展；存在问题：问题``. ``note_parts`` reads either; a note
typed by hand with no marker is 进展情况. ``latest_notes`` finds, per item, the latest record that says
anything, so a bulletin shows the unit's own latest words even when its last row had none.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from ..vocabulary import RECORD_STATUSES
from .record import Record
from .timeline import indexed, newest, timeline_of

__all__ = ["NOTE_PARTS", "MARKERS", "Notes", "note_parts", "latest_notes"]

NOTE_PARTS = ("progress", "problems", "next_steps")
# The marker each part after the first carries in a one-text note (what `import` writes).
MARKERS = {"problems": "存在问题：", "next_steps": "下一步措施："}
_SPLIT = re.compile("(" + "|".join(map(re.escape, MARKERS.values())) + ")")
_BY_MARKER = {m: k for k, m in MARKERS.items()}


@dataclass(frozen=True)
class Notes:
    """The three texts of one record, and the record's effective date."""

    on: date
    progress: str | None = None
    problems: str | None = None
    next_steps: str | None = None

    def as_dict(self) -> dict:
        return {"noted_on": self.on.isoformat(), **{k: getattr(self, k) for k in NOTE_PARTS}}


def _clean(text: str | None) -> str | None:
    t = (text or "").strip().strip("；;").strip()
    return t or None


def note_parts(rec: Record) -> dict[str, str | None]:
    """进展情况, 存在问题 and 下一步措施 of a record: its ``problems`` and ``next_steps`` fields with its
    ``note`` as 进展情况 when it has them (issue 25's import), else all three read from its note."""
    problems, steps = _clean(getattr(rec, "problems", None)), _clean(getattr(rec, "next_steps", None))
    if problems or steps:
        return {"progress": _clean(rec.note), "problems": problems, "next_steps": steps}
    parts = dict.fromkeys(NOTE_PARTS)
    key = "progress"
    for piece in _SPLIT.split(rec.note or ""):
        if piece in _BY_MARKER:
            key = _BY_MARKER[piece]
            continue
        text = _clean(piece)
        if text:
            parts[key] = text if parts[key] is None else f"{parts[key]}；{text}"
    return parts


def latest_notes(records: Sequence[Record], as_of: date) -> Mapping[str, Notes]:
    """Item → the texts of its latest report (effective by ``as_of``, not withdrawn) that has any.

    A mapping that finds an item's notes when asked for them, newest report first on the ledger's
    timeline: a bulletin that quotes its red items reads their latest records, never the ledger."""
    return _LatestNotes(indexed(records), as_of)


class _LatestNotes(Mapping):
    def __init__(self, records: Sequence[Record], as_of: date):
        self._records, self._as_of = records, as_of
        self._facts = timeline_of(records).facts
        self._memo: dict[str, Notes | None] = {}

    def _find(self, item: str) -> Notes | None:
        if item not in self._memo:
            f, records = self._facts, self._records
            parts: dict = {}

            def says(i: int) -> bool:  # a report (not a retraction, an extension, a 报送) that says anything
                if f.status(i) not in RECORD_STATUSES:
                    return False
                parts.clear()
                parts.update(note_parts(records[i]))
                return any(parts.values())

            i = newest(records, item, self._as_of, says)
            self._memo[item] = Notes(records[i].effective, **parts) if i >= 0 else None
        return self._memo[item]

    def __getitem__(self, item: str) -> Notes:
        found = self._find(item)
        if found is None:
            raise KeyError(item)
        return found

    def __iter__(self):
        return (item for item in self._facts.items if self._find(item) is not None)

    def __len__(self) -> int:
        return sum(1 for _ in self)
