"""Reading filled 台账 back: the rows units filled in, checked like `record`, appended all or nothing.

An office sends each lead unit its workbook (``export --format xlsx --per-unit``); the unit fills in
the fill-in columns and sends it back; ``plancli import`` reads it. What is read, and how:

* Any sheet whose header row (found in its first rows) has an id column (编号 / ID) and at least one
  fill-in column; other sheets, extra columns and column order do not matter. Headings are zh or en
  (``FILL_COLUMNS``), compared without spaces, letter case or a parenthesised hint. CSV files with
  the same headings are read the same way (UTF-8, or GB18030 as WPS/Excel save it in China).
* A row with no fill-in cell filled is skipped. A row with a status reads it as a code or as its zh/en
  label; a row with notes, a value or evidence but no status records ``in_progress`` (progress reported,
  item not closed). Notes and problems (存在问题) are kept together as the record's note.
* Every row goes through ``check_progress``: the checks of ``record`` (unknown ids, status against
  the value, units and multipliers, dates not in the future, evidence a document requires).
* A row equal to an active ledger record (item, status, value, date and evidence) is "already
  recorded" and adds nothing, so importing the same sheet twice is harmless.
* All or nothing: if any row is wrong nothing is written, and every wrong row is named
  ``FILE:SHEET!ROW: problem``. The records are appended under the ledger lock in one write.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from ..errors import PlancliError
from ..registry.model import Registry
from ..text.deadline import DeadlineError, parse_date
from ..vocabulary import RECORD_STATUSES, Status
from ..words import has, say, word
from .recording import check_progress, clean_text
from .store import LedgerError, Record, append_records, load_ledger, withdrawn

__all__ = ["FILL_COLUMNS", "ImportRefused", "RowProblem", "Planned", "plan_import", "import_files",
           "status_choices", "PROBLEMS_PREFIX"]

# The fill-in columns of a 台账, in the order the workbook shows them; their headings are the
# catalogue's fill.<key> (完成情况, 实际值 …).
FILL_COLUMNS: tuple[str, ...] = ("status", "actual", "on", "notes", "evidence", "problems")
# Other headings people (or other tools) give the same columns.
_ALIASES = {
    "item": ("编号", "id", "item", "事项编号"),
    "status": ("完成情况", "statusreported", "reportedstatus", "填报状态", "report_status"),
    "actual": ("实际值", "actualvalue", "actual", "完成值"),
    "on": ("数据截至日期", "截至日期", "asof", "on", "date"),
    "notes": ("进展情况", "progressnotes", "progress", "notes", "note"),
    "evidence": ("佐证材料", "evidence"),
    "problems": ("存在问题", "problems", "issues"),
}
PROBLEMS_PREFIX = "存在问题："
_HEADER_SCAN = 15  # rows searched for the header (the workbook's title and instructions come first)


@dataclass(frozen=True)
class RowProblem:
    """Why one row (or one file) of an import cannot be recorded: where it is, and the error."""

    where: str
    error: PlancliError
    whole_file: bool = False  # the file itself cannot be read (not a row of it)

    def text(self, lang: str = "en") -> str:
        """``FILE:SHEET!ROW: problem`` in ``lang``, in the words of a workbook: an error of ``record``
        is said by its ``import.`` entry when it has one (完成情况, not --status)."""
        e = self.error
        said = say("import." + e.code, lang, **e.fields) if has("import." + e.code) else e.text(lang)
        return f"{self.where}: {said}"

    def __str__(self) -> str:
        return self.text("en")


class ImportRefused(LedgerError):
    """Rows of an import that cannot be recorded; nothing was written. ``problems``: one per row."""

    def __init__(self, problems: list[RowProblem]):
        self.problems = problems
        files = sum(p.whole_file for p in problems)
        rows = len(problems) - files
        # a file that cannot be read is said as the file's, never counted as a row
        code = "import.refused" if not files else "security.import_files" if not rows else "security.import_both"
        super().__init__(code, n=rows or files, files=files, rows=rows)


@dataclass
class Planned:
    """One filled row: where it is, what it would record, and whether the ledger has it already."""

    where: str
    record: Record
    action: str = "record"  # record | already recorded | repeated (an earlier row of this import)

    def as_dict(self) -> dict:
        r = self.record
        return {"where": self.where, "action": self.action, "item": r.item, "status": r.status,
                "actual": r.actual, "actual_text": r.actual_text, "on": r.on.isoformat() if r.on else None,
                "evidence": r.evidence, "note": r.note}


def status_choices(lang: str) -> list[str]:
    """What the workbook's status drop-down offers: the record statuses' labels in ``lang``."""
    return [word(s, lang) for s in RECORD_STATUSES]


def _norm(text) -> str:
    t = re.sub(r"[（(].*?[）)]", "", str(text or ""))
    return re.sub(r"[\s*＊:：]", "", t).casefold()


_HEADING = {_norm(a): key for key, names in _ALIASES.items() for a in names}
_STATUS_WORDS = {_norm(w): s for s in RECORD_STATUSES for w in (s, word(s, "zh"), word(s, "en"))}


def _header(row: tuple) -> dict[str, int] | None:
    cols: dict[str, int] = {}
    for i, v in enumerate(row):
        key = _HEADING.get(_norm(v))
        if key is not None and key not in cols:
            cols[key] = i
    # An id column and a column only a 台账 has (a plain export also has 编号 and 实际值).
    return cols if "item" in cols and cols.keys() & {"status", "notes", "on", "problems"} else None


def _cell_text(v) -> str | None:
    if v is None:
        return None
    if isinstance(v, float):
        v = f"{v:.15g}"
    t = str(v).strip()
    return t or None


def _sheets(path: Path) -> list[tuple[str | None, list[tuple]]]:
    """(sheet name, rows) of a workbook, or (None, rows) of a CSV file."""
    if path.suffix.lower() == ".csv":
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("gb18030", errors="replace")
        return [(None, _csv_rows(path, text))]
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise LedgerError("import.not_a_workbook", path, error=str(exc)) from None
    try:
        return [(ws.title, [tuple(_value(c) for c in row) for row in ws.iter_rows()]) for ws in wb.worksheets]
    finally:
        wb.close()


def _csv_rows(path: Path, text: str) -> list[tuple]:
    """The rows of a CSV file; a cell past the csv module's limit (131 072 characters: no 台账 has one)
    or a file it cannot split is refused at its line, not a crash."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        return [tuple(r) for r in reader]
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            raise LedgerError("security.csv_cell_too_long", path, reader.line_num, limit=csv.field_size_limit()) \
                from None
        raise LedgerError("security.csv_unreadable", path, reader.line_num, error=str(exc)) from None


def _value(cell):
    """A cell's value; a number shown as a percentage (96% typed into a General cell is stored as
    0.96 with a % format) comes back as the text people see, so it is read against a % target."""
    v = getattr(cell, "value", None)
    if isinstance(v, int | float) and not isinstance(v, bool) and "%" in (getattr(cell, "number_format", "") or ""):
        return f"{v * 100:.10g}%"
    return v


def _date(v, default: date | None) -> date | None:
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v
    t = _cell_text(v)
    if t is None:
        if default is None:
            raise LedgerError("import.no_date")
        return default
    t = re.sub(r"[ T]00:00(:00)?$", "", t)  # a date cell a program wrote out with its midnight
    try:
        return parse_date(t)
    except DeadlineError as exc:
        raise LedgerError("import.bad_date", error=exc) from None


def _rows_of(path: Path, sheet: str | None, rows: list[tuple]):
    """(where, cells by key) of each filled row below the header; None when the sheet has no header."""
    found = next(((n, c) for n, row in enumerate(rows[:_HEADER_SCAN]) if (c := _header(row)) is not None), None)
    if found is None:
        return None
    n, cols = found
    out = []
    for k, row in enumerate(rows[n + 1:], start=n + 2):
        cells = {key: (row[i] if i < len(row) else None) for key, i in cols.items()}
        where = f"{path}:{sheet}!{k}" if sheet is not None else f"{path}:{k}"
        out.append((where, cells))
    return out


def plan_import(reg: Registry, ledger_path: Path, files: list[Path], *, on: date | None = None,
                today: date | None = None) -> list[Planned]:
    """Every filled row of ``files`` as the record it would append, checked; raises ``ImportRefused``
    naming every wrong row. Nothing is written."""
    problems: list[RowProblem] = []
    planned: list[Planned] = []
    records = load_ledger(ledger_path)
    gone = withdrawn(records)
    seen = {_key(r) for i, r in enumerate(records) if i not in gone}
    for path in files:
        path = Path(path)
        if not path.is_file():
            problems.append(RowProblem(str(path), LedgerError("import.no_file"), whole_file=True))
            continue
        try:
            sheets = _sheets(path)
        except (LedgerError, OSError) as exc:
            where = f"{path}:{exc.line}" if isinstance(exc, PlancliError) and exc.line else str(path)
            problems.append(RowProblem(where, exc if isinstance(exc, PlancliError)
                                       else LedgerError("import.unreadable", error=exc.strerror or str(exc)),
                                       whole_file=True))
            continue
        found = False
        for sheet, rows in sheets:
            got = _rows_of(path, sheet, rows)
            if got is None:
                continue  # a sheet of notes, a chart, a summary: not a 台账
            found = True
            for where, cells in got:
                item = _cell_text(cells.get("item"))
                filled = {k: cells.get(k) for k in FILL_COLUMNS if _cell_text(cells.get(k)) is not None
                          or isinstance(cells.get(k), date)}
                if not filled or set(filled) == {"on"}:
                    continue  # blank row (a date alone reports nothing)
                if item is None:
                    problems.append(RowProblem(where, LedgerError("import.no_id")))
                    continue
                try:
                    rec = _record(reg, ledger_path, path, item, cells, on, today)
                except PlancliError as exc:
                    problems.append(RowProblem(where, exc))
                    continue
                p = Planned(where, rec)
                key = _key(rec)
                if key in seen:
                    p.action = "already recorded" if all(key != _key(q.record) for q in planned) else "repeated"
                seen.add(key)
                planned.append(p)
        if not found:
            zh = [say("fill." + k, "zh") for k in FILL_COLUMNS]
            both = [f"{z}/{say('fill.' + k, 'en')}" for z, k in zip(zh, FILL_COLUMNS, strict=True)]
            problems.append(RowProblem(str(path), LedgerError("import.no_table", zh=zh, both=both),
                                       whole_file=True))
    if problems:
        raise ImportRefused(problems)
    return planned


def _record(reg: Registry, ledger_path: Path, path: Path, item: str, cells: dict, on: date | None,
            today: date | None) -> Record:
    text = _cell_text(cells.get("status"))
    if text is None:
        status = Status.IN_PROGRESS  # progress reported without closing the item (docs/roundtrip.md)
    else:
        status = _STATUS_WORDS.get(_norm(text))
        if status is None:
            raise LedgerError("import.bad_status", given=text, labels=status_choices("zh"),
                              codes=list(RECORD_STATUSES))
    # each cell checked in its own column's words, before the two are kept together as the note
    notes = clean_text("note", _cell_text(cells.get("notes")), "fill.notes")
    problems = clean_text("note", _cell_text(cells.get("problems")), "fill.problems")
    note = "；".join(x for x in (notes, PROBLEMS_PREFIX + problems if problems else None) if x) or None
    rec, _ = check_progress(reg, ledger_path, item, status=str(status), actual=_cell_text(cells.get("actual")),
                            on=_date(cells.get("on"), on), source=f"台账 {path.name}", note=note,
                            evidence=_cell_text(cells.get("evidence")), evidence_base=path.parent, today=today)
    return rec


def _key(r: Record) -> tuple:
    """What makes two records the same report (docs/roundtrip.md: "already recorded")."""
    return (r.item, r.status, None if r.actual is None else round(r.actual, 9), r.effective, r.evidence)


def import_files(reg: Registry, ledger_path: Path, files: list[Path], *, on: date | None = None,
                 dry_run: bool = False, today: date | None = None) -> list[Planned]:
    """``plan_import``, then (unless ``dry_run``) append every new record in one locked write."""
    planned = plan_import(reg, ledger_path, files, on=on, today=today)
    new = [p for p in planned if p.action == "record"]
    if not dry_run and new:
        def known(existing: list[Record], rec: Record) -> bool:  # asked again under the ledger's lock
            if not cache:
                gone = withdrawn(existing)
                cache.update(_key(r) for i, r in enumerate(existing) if i not in gone)
            return _key(rec) in cache

        cache: set = set()
        written = {_key(r): r for r in append_records(ledger_path, [p.record for p in new], skip=known)}
        for p in new:  # a row another import wrote meanwhile is "already recorded", not recorded twice
            if _key(p.record) in written:
                p.record = written[_key(p.record)]
            else:
                p.action = "already recorded"
    return planned
