"""报送: a unit sending its 台账 back is an act of its own, recorded by ``import`` (docs/lights.md).

The workbook says "没有进展的事项留空即可": a unit that returns its workbook on time with most rows
blank has reported. So each workbook ``import`` reads whose unit it knows becomes one ``submitted``
record besides the rows' own records — its id the unit, its date the import's ``--on`` (else today as
plancli reads it), with the workbook's name and how many rows were filled. Rows read from it carry
the unit too (``Record.unit``): the report is that unit's, not its co-leads'. The reporting-cycle
lights and the bulletin's 本期报送/按时报送 read these (``submitted``).

Whose workbook it is: ``import --unit``; else what ``export --per-unit`` wrote in it — the document
property ``plancli.unit``, else the title row (``省科技厅 目标任务台账（29 项）``) — else its file name
(``省科技厅.xlsx``, also a CSV's), each only when it names a unit the registry knows.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

from ..vocabulary import SUBMITTED
from .store import Record, load_ledger, withdrawn

__all__ = ["UNIT_PROPERTY", "workbook_unit", "submissions_of", "submitted", "last_submitted"]

UNIT_PROPERTY = "plancli.unit"  # the custom document property of a per-unit workbook naming its unit


def _title_pattern() -> re.Pattern:
    """The title row of a per-unit workbook (``handout.title``) in either language, its unit captured."""
    from ..words import catalogue

    forms = [f"^{re.escape(t)}$".replace(re.escape("{unit}"), f"(?P<u{i}>.+?)").replace(re.escape("{n}"), r"\d+")
             for i, t in enumerate(catalogue()["handout.title"])]
    return re.compile("|".join(forms))


def _named_in(path: Path) -> list[str]:
    """What a workbook says of its unit: the property ``export --per-unit`` wrote, then its title rows."""
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        return []
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True)
    except Exception:  # noqa: BLE001 - the rows' reader (importing) says what is wrong with the file
        return []
    try:
        out = [p.value for p in wb.custom_doc_props if p.name == UNIT_PROPERTY and isinstance(p.value, str)]
        title = _title_pattern()
        for ws in wb.worksheets:
            first = next(ws.iter_rows(min_row=1, max_row=1, max_col=1, values_only=True), (None,))
            m = title.match(str(first[0] or "").strip())
            if m:
                out.append(next(v for v in m.groupdict().values() if v))
        return out
    finally:
        wb.close()


def workbook_unit(path: Path, known: Callable[[str], str | None]) -> str | None:
    """The unit whose workbook ``path`` is (``known(name)``: its canonical name, or None), or None."""
    for name in (*_named_in(path), path.stem):
        unit = known(name.strip())
        if unit:
            return unit
    return None


def submissions_of(files: Iterable[Path], planned: list, known: Callable[[str], str | None], ledger_path: Path, *,
                   received: date, unit: str | None = None) -> list:
    """One ``submitted`` record per file whose unit is known (``Planned``, like a row of the import),
    and the file's planned rows marked as that unit's (``Record.unit``). ``unit`` (``import --unit``)
    names the unit of every file. A unit already recorded as reporting on ``received`` adds nothing."""
    import hashlib  # only an import pays for it, never a query

    from .importing import Planned

    active = [r for r in withdrawn_free(load_ledger(ledger_path)) if r.status == SUBMITTED]
    seen = {(r.item, r.effective) for r in active} | {(r.item, r.workbook_sha256) for r in active if r.workbook_sha256}
    out = []
    for path in map(Path, files):
        who = unit or workbook_unit(path, known)
        if who is None:
            continue
        rows = [p for p in planned if p.where.startswith(f"{path}:")]
        for p in rows:
            p.record = dataclasses.replace(p.record, unit=who)
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        rec = Record(item=who, status=SUBMITTED, on=received, source=f"台账 {path.name}", workbook=path.name,
                     rows_filled=len(rows), unit=who, workbook_sha256=digest)
        s = Planned(str(path), rec)
        # one 报送 per unit and day; the same file imported again (an old workbook) is not a new one
        if (who, received) in seen or (who, digest) in seen:
            s.action = "already recorded" if all(q.record.item != who for q in out) else "repeated"
        seen |= {(who, received), (who, digest)}
        out.append(s)
    return out


def withdrawn_free(records: list[Record]) -> list[Record]:
    """The records no retraction withdrew."""
    gone = withdrawn(records)
    return [r for i, r in enumerate(records) if i not in gone]


def submitted(records: list[Record]) -> dict[str, list[date]]:
    """Unit → the dates it sent its 台账 back (withdrawn submissions left out), earliest first."""
    out: dict[str, list[date]] = {}
    for r in withdrawn_free(records) if any(r.status == SUBMITTED for r in records) else ():
        if r.status == SUBMITTED:
            out.setdefault(r.item, []).append(r.effective)
    for dates in out.values():
        dates.sort()
    return out


def last_submitted(dates: list[date] | None, as_of: date) -> date | None:
    """The latest of ``dates`` (sorted) on or before ``as_of``."""
    if not dates:
        return None
    i = bisect.bisect_right(dates, as_of)
    return dates[i - 1] if i else None
