"""报送: a unit sending its 台账 back is an act of its own, recorded by ``import`` (docs/lights.md).

The workbook says "没有进展的事项留空即可": a unit that returns its workbook on time with most rows
blank has reported. So each workbook ``import`` reads whose unit it knows becomes one ``submitted``
record besides the rows' own records — its id the unit, its date the import's ``--on`` (else today as
plancli reads it), with the workbook's name and how many rows were filled. Rows read from it carry
the unit too (``Record.unit``): the report is that unit's, not its co-leads'. The reporting-cycle
lights and the bulletin's 本期报送/按时报送 read these (``submitted``).

Whose workbook it is: ``import --unit``; else the marker ``export --per-unit`` wrote in it (the defined
name ``plancli.unit``), else a unit named in its file name (``ledger.importing``).
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from ..vocabulary import SUBMITTED
from .record import Record
from .storage import load_ledger
from .timeline import timeline_of, with_status

__all__ = ["submissions_of", "submitted", "last_submitted"]


def submissions_of(planned, ledger_path: Path, *, received: date) -> list:
    """One ``submitted`` record per file of the import whose unit is known (``planned.units``: what the
    workbook's marker says, ``import --unit``, or its file name), as a ``Planned`` like a row of the
    import; the file's planned rows are marked as that unit's (``Record.unit``). A unit already
    recorded as reporting on ``received``, or the same file imported again, adds nothing."""
    import hashlib  # only an import pays for it, never a query

    from .importing import Planned

    ledger = load_ledger(ledger_path)
    active = [ledger[i] for i in with_status(ledger, SUBMITTED)]
    seen = {(r.item, r.effective) for r in active} | {(r.item, r.workbook_sha256) for r in active if r.workbook_sha256}
    out = []
    for where, who in planned.units.items():
        if who is None:
            continue
        path = Path(where)
        rows = [p for p in planned if p.where.startswith(f"{where}:")]
        for p in rows:
            p.record = dataclasses.replace(p.record, unit=who)
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        rec = Record(item=who, status=SUBMITTED, on=received, source=f"台账 {path.name}", workbook=path.name,
                     rows_filled=len({p.where for p in rows}), unit=who, workbook_sha256=digest)
        s = Planned(where, rec)
        # one 报送 per unit and day; the same file imported again (an old workbook) is not a new one
        if (who, received) in seen or (who, digest) in seen:
            s.action = "already recorded" if all(q.record.item != who for q in out) else "repeated"
        seen |= {(who, received), (who, digest)}
        out.append(s)
    return out


def submitted(records: Sequence[Record]) -> dict[str, list[date]]:
    """Unit → the dates it sent its 台账 back (withdrawn submissions left out), earliest first. Read
    from the ledger's timeline (each record's item, status and date): no record is built."""
    f = timeline_of(records).facts
    out: dict[str, list[date]] = {}
    for i in with_status(records, SUBMITTED):
        out.setdefault(f.items[f.item_no[i]], []).append(date.fromordinal(f.eff[i]))
    for dates in out.values():
        dates.sort()
    return out


def last_submitted(dates: list[date] | None, as_of: date) -> date | None:
    """The latest of ``dates`` (sorted) on or before ``as_of``."""
    if not dates:
        return None
    i = bisect.bisect_right(dates, as_of)
    return dates[i - 1] if i else None
