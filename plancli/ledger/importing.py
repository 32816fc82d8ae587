"""Reading filled 台账 back: every cell a unit filled reaches the ledger, or its row is refused by name.

An office sends each lead unit its workbook (``export --format xlsx --per-unit``); the unit fills in
the fill-in columns and sends it back; ``plancli import`` reads it (docs/roundtrip.md is the
reference: columns, synonyms, formats, refusals). The file itself is read by ``workbooks`` (what it
is, within limits); this module reads the 台账 in it:

* **Which sheets.** A workbook ``export --per-unit`` wrote carries a marker (the defined name
  ``plancli.ledger`` pointing at its header row, with ``plancli.unit`` and ``plancli.as_of``): only
  that sheet is read, and other sheets that hold anything are listed as ignored (a draft
  "台账（初稿）" beside the final one does not count). A workbook without the marker (a unit's own,
  a CSV) is read on every sheet whose header row (in its first rows) has an id column and a fill-in
  column.
* **Which columns.** Headings are compared without spaces, letter case or a parenthesised hint, in
  zh or en, with the synonyms offices use (实际完成值, 完成状态, 备注 …: ``SYNONYMS``). A heading
  plancli does not know is refused with the known ones, unless its column is empty; so is a column
  with no heading that holds something, and a second column for the same field.
* **Nothing filled is dropped.** A row with any fill-in cell filled is recorded or refused: a formula
  saved without its value is refused naming the cell; a merged cell's value applies to every row it
  spans (said in the output), except a figure (实际值) or an id merged over several rows, or a merge
  across two fill-in columns, which is refused naming the merge. "-", "—", "/", 无 read as empty.
* **Whose rows.** A row for an item the workbook's unit neither leads nor supports is refused naming
  the item's lead units (``accept_other_units`` takes them). The same item twice in one import (two
  rows, sheets or files) must be the same report; different figures or statuses are refused naming
  both places.
* **延期.** 申请延期至 and 延期理由 filled together become an extension record under the rules of
  ``record --extend-to`` (``recording.check_extension``); one without the other is refused.
* **Every row** goes through ``check_progress``: the checks of ``record``. Evidence files come only
  from the workbook's folder and are copied into the evidence store when the records are written.
* A row equal to an active ledger record (item, status, value, date, evidence; an extension's new
  date) is "already recorded" and adds nothing, so importing the same sheet twice is harmless.
* All or nothing: if any file or row is wrong nothing is written, and every wrong one is named
  (``FILE:SHEET!ROW: problem``; ``FILE:SHEET!N5`` for a cell; ``FILE`` for the file). The records are
  appended under the ledger lock in one write.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from ..errors import PlancliError, Said
from ..registry.model import Entry, Registry
from ..registry.units import UnitTable
from ..text.dates import DateInputError, read_day
from ..vocabulary import EXTENDED, RECORD_STATUSES, Status
from ..words import has, say, word
from .evidence import Proof, keep, proof_from_workbook
from .record import LedgerError, Record
from .recording import check_extension, check_progress, clean_text, resolve_item
from .storage import append_records, load_ledger
from .timeline import withdrawn
from .workbooks import Book, Cell, Sheet, WorkbookError, cell_name, column_letter, read_book

__all__ = ["FILL_COLUMNS", "ITEM_COLUMNS", "MORE_ITEM_COLUMNS", "SYNONYMS", "MARKER", "MARK_UNIT", "MARK_AS_OF", "ImportRefused",
           "RowProblem", "Notice", "Planned", "Imported", "plan_import", "import_files", "status_choices",
           "heading_words"]

# The fill-in columns of a 台账, in the order the workbook shows them; their headings are the
# catalogue's fill.<key> (完成情况, 实际值 …).
FILL_COLUMNS: tuple[str, ...] = ("status", "actual", "on", "notes", "problems", "next_steps", "evidence",
                                 "extend_to", "extend_reason")
# The columns plancli writes for the unit to read (handout.col.<key>); 编号 is how a row finds its item.
ITEM_COLUMNS: tuple[str, ...] = ("item", "plan", "metric", "target", "target_value", "deadline",
                                 "deadline_original", "status_label", "support", "latest")
# Item columns a workbook has only sometimes: with review, 审核情况 (docs/review.md). Read and ignored.
MORE_ITEM_COLUMNS: tuple[str, ...] = ("review",)
# Other headings offices give the same columns (docs/roundtrip.md lists them).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "item": ("id", "item", "事项编号", "任务编号", "指标编号"),
    "status": ("完成状态", "进展状态", "办理状态", "填报状态", "状态", "是否完成", "statusreported", "reportedstatus",
               "report_status", "status"),
    "actual": ("实际完成值", "实际完成", "完成值", "完成数", "实际完成数", "实际数", "actualvalue",
               "actual"),
    "on": ("截至日期", "截止日期", "统计截至日期", "数据日期", "填报日期", "asof", "on", "date"),
    "notes": ("工作进展", "进展", "推进情况", "进展情况说明", "完成情况说明", "备注", "progressnotes", "progress", "notes",
              "note"),
    "problems": ("问题", "存在的问题", "困难问题", "存在困难", "problems", "issues"),
    "next_steps": ("下一步工作", "下步措施", "下一步打算", "下一步计划", "nextsteps"),
    "evidence": ("佐证", "佐证资料", "证明材料", "支撑材料", "附件", "evidence"),
    "extend_to": ("延期至", "拟延期至", "延期时限", "申请延期时限", "extendto"),
    "extend_reason": ("延期原因", "申请延期理由", "reasonforextension", "extensionreason"),
    # read and ignored: what units add about who filled it in, and the office's own serial numbers
    "ignored": ("序号", "牵头单位", "责任单位", "责任处室", "联系人", "联系电话", "填报人", "审核人", "负责人", "no."),
}
# The defined names export --per-unit writes into a workbook: the 台账 sheet's header row, the unit
# it is for, the date it was made as of (a year-less 10月底 is read in that year).
MARKER, MARK_UNIT, MARK_AS_OF = "plancli.ledger", "plancli.unit", "plancli.as_of"
# What people write in a cell to say "nothing": read as empty.
EMPTY_WORDS = frozenset({"-", "--", "—", "——", "－", "–", "/", "／", "无", "暂无", "空", "略", "n/a", "na", "none"})
# Status words people write beyond the labels (已完成 …): done, met, in progress. 未完成 is not one
# (missed, or in progress?): it is refused with the choices.
_MORE_STATUS = {
    Status.DONE: ("完成", "已办结", "办结", "已销号", "申请销号", "已落实", "已完成销号"),
    Status.MET: ("达标", "已实现", "已达到"),
    Status.MISSED: ("未达到",),
    Status.IN_PROGRESS: ("推进中", "正在推进", "正在进行", "有序推进", "按序时推进", "在建", "进行"),
}
_EXTENSION_WORDS = ("延期", "申请延期", "已延期", "拟延期")
# Fields a merged range may give every row it spans; a figure (实际值) belongs to one item.
_SPREADS = frozenset({"status", "on", "notes", "problems", "next_steps", "evidence", "extend_to", "extend_reason"})
_HEADER_SCAN = 15  # rows searched for the header (the workbook's title and instructions come first)


def status_choices(lang: str) -> list[str]:
    """What the workbook's status drop-down offers: the record statuses' labels in ``lang``."""
    return [word(s, lang) for s in RECORD_STATUSES]


def heading_words(key: str, lang: str) -> str:
    """A column's heading as export writes it."""
    return say(f"fill.{key}" if key in FILL_COLUMNS else f"handout.col.{key}", lang)


def _norm(text) -> str:
    t = re.sub(r"[（(].*?[）)]", "", str(text or ""))
    return re.sub(r"[\s*＊:：]", "", t).casefold()


def _headings() -> dict[str, str]:
    out: dict[str, str] = {}
    for key, names in SYNONYMS.items():
        for n in names:
            out.setdefault(_norm(n), key)
    for key in (*ITEM_COLUMNS, *MORE_ITEM_COLUMNS, *FILL_COLUMNS):
        for lang in ("zh", "en"):
            out[_norm(heading_words(key, lang))] = key if key == "item" or key in FILL_COLUMNS else "ignored"
    return out


_HEADING: dict[str, str] | None = None


def _heading(text) -> str | None:
    global _HEADING
    if _HEADING is None:
        _HEADING = _headings()
    return _HEADING.get(_norm(text))


def _status_words() -> dict[str, str]:
    out = {_norm(w): s for s in RECORD_STATUSES for w in (s, word(s, "zh"), word(s, "en"))}
    for s, words in _MORE_STATUS.items():
        out.update({_norm(w): str(s) for w in words})
    return out


# --------------------------------------------------------------------------- what is said


@dataclass(frozen=True)
class RowProblem:
    """Why one row (or one file) of an import cannot be recorded: where it is, and the error.
    ``kind``: ``row``, or ``file`` for a file or sheet that cannot be read as a 台账 at all."""

    where: str
    error: PlancliError
    kind: str = "row"

    def text(self, lang: str = "en") -> str:
        """``FILE:SHEET!ROW: problem`` in ``lang``, in the words of a workbook: an error of ``record``
        is said by its ``import.`` entry when it has one (完成情况, not --status)."""
        e = self.error
        said = say("import." + e.code, lang, **e.fields) if has("import." + e.code) else e.text(lang)
        return f"{self.where}: {said}"

    def __str__(self) -> str:
        return self.text("en")


@dataclass(frozen=True)
class Notice(Said):
    """Something an import did that its reader should know (a merged cell spread over rows, sheets
    left unread, a workbook whose unit is not known): ``where`` and a catalogue code with fields."""

    where: str
    code: str
    fields: dict = field(default_factory=dict)

    def located(self, lang: str = "en") -> str:
        return f"{self.where}: {self.text(lang)}"


class ImportRefused(LedgerError):
    """Files and rows of an import that cannot be read or recorded; nothing was written."""

    def __init__(self, problems: list[RowProblem], notices: list[Notice] | None = None):
        self.problems = problems
        self.notices = notices or []
        files = sum(p.kind == "file" for p in problems)
        rows = len(problems) - files
        code = "import.refused_both" if files and rows else "import.refused_files" if files else "import.refused"
        super().__init__(code, n=rows, files=files)


@dataclass
class Planned:
    """One record a filled row gives: where it is, the record, and whether the ledger has it already."""

    where: str
    record: Record
    action: str = "record"  # record | already recorded | repeated (an earlier row of this import) | withdrawn
    merged: tuple[str, ...] = ()  # merged ranges that gave this row a value
    proof: Proof | None = field(default=None, repr=False)  # an evidence file to copy into the store

    def as_dict(self) -> dict:
        r = self.record
        return {"where": self.where, "action": self.action, "item": r.item, "status": r.status,
                "actual": r.actual, "actual_text": r.actual_text, "on": r.on.isoformat() if r.on else None,
                "evidence": r.evidence, "evidence_name": r.evidence_name, "note": r.note, "problems": r.problems,
                "next_steps": r.next_steps, "extend_to": r.extend_to.isoformat() if r.extend_to else None,
                "merged": list(self.merged)}


class Imported(list):
    """The planned records of an import (a list of ``Planned``), its ``notices``, and the unit each
    file is from (``units``: path → unit, None when unknown)."""

    def __init__(self, planned=(), notices=(), units=None):
        super().__init__(planned)
        self.notices: list[Notice] = list(notices)
        self.units: dict[str, str | None] = dict(units or {})


# --------------------------------------------------------------------------- reading one 台账


@dataclass
class _Table:
    """One sheet read as a 台账: where its header is and which column holds which field."""

    sheet: Sheet
    header: int
    cols: dict[str, int]


def _header_at(sheet: Sheet, r: int) -> dict[str, int] | None:
    cols: dict[str, int] = {}
    for c, cell in sorted(sheet.row(r).items()):
        key = _heading(cell.value)
        if key is not None and key != "ignored" and key not in cols:
            cols[key] = c
    # An id column and a column only a 台账 has (a plain export also has 编号 and 实际值).
    return cols if "item" in cols and cols.keys() & {"status", "notes", "on", "problems", "next_steps",
                                                     "extend_to"} else None


def _find_header(sheet: Sheet, at: int | None = None) -> _Table | None:
    rows = [at] if at else []
    rows += [r for r in range(1, _HEADER_SCAN + 1) if r != at]
    for r in rows:
        cols = _header_at(sheet, r)
        if cols is not None:
            return _Table(sheet, r, cols)
    return None


def _known_headings(lang: str) -> list[str]:
    return [heading_words(k, lang) for k in (*ITEM_COLUMNS, *FILL_COLUMNS)]


def _check_columns(t: _Table, where: str) -> list[RowProblem]:
    """Headings plancli does not know, columns without a heading and a field given two columns: each
    refused when its column holds anything below the header (an empty one is harmless)."""
    below: dict[int, int] = {}  # column → first row below the header with a value
    for (r, c), cell in t.sheet.cells.items():
        if r > t.header and (cell.value is not None or cell.missing) and (c not in below or r < below[c]):
            below[c] = r
    problems = []
    heads = t.sheet.row(t.header)
    for c in sorted(below):
        head = heads.get(c)
        text = str(head.value).strip() if head is not None and head.value is not None else ""
        key = _heading(text) if text else None
        at = f"{where}{'!' if t.sheet.name is not None else ':'}{cell_name(below[c], c)}"
        if not text:
            problems.append(RowProblem(at, LedgerError("import.unnamed_column", column=column_letter(c)), "file"))
        elif key is None:
            problems.append(RowProblem(at, LedgerError("import.unknown_column", heading=text, column=column_letter(c),
                                                       known=_known_headings("zh"), known_en=_known_headings("en")),
                                       "file"))
        elif key != "ignored" and t.cols.get(key) != c:
            first = heads[t.cols[key]].value
            problems.append(RowProblem(at, LedgerError("import.column_twice", heading=text, first=str(first).strip(),
                                                       column=column_letter(c)), "file"))
    return problems


def _empty(v) -> bool:
    if v is None:
        return True
    if isinstance(v, str):
        t = v.strip()
        return not t or t.casefold() in EMPTY_WORDS
    return False


def _text(v) -> str | None:
    if _empty(v):
        return None
    if isinstance(v, float):
        v = f"{v:.15g}"
    if isinstance(v, datetime):
        v = v.date().isoformat() if v.time() == datetime.min.time() else v.isoformat(sep=" ")
    elif isinstance(v, date):
        v = v.isoformat()
    return str(v).strip()


_SERIAL = (25_000, 80_000)  # Excel day numbers of 1968 … 2119: a date cell shown as a number


def _day(v, default: date | None, year: int, what: str) -> date | None:
    """A date cell, a number a date cell became (its Excel serial), or text the date readers read
    (2024-10-31, 2024年10月31日, 2024年10月底, 10月底 in ``year``)."""
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v
    if isinstance(v, int | float) and not isinstance(v, bool) and _SERIAL[0] <= v <= _SERIAL[1]:
        from openpyxl.utils.datetime import from_excel

        return from_excel(v).date()
    t = _text(v)
    if t is None:
        return default
    t = re.sub(r"[ T]00:00(:00)?$", "", t)  # a date cell a program wrote out with its midnight
    try:
        return read_day(t, year)
    except DateInputError as exc:
        raise LedgerError(f"import.bad_{what}", error=exc) from None


@dataclass
class _Row:
    where: str
    cells: dict[str, object]        # field → value (after merges)
    missing: list[str]              # cells of a formula without its value
    merged: list[str]               # merged ranges that gave it a value
    refused_merges: list[tuple[str, str]]  # (range, field) merges it cannot take


def _rows(t: _Table, where: str) -> list[_Row]:
    """The rows below the header, each as its fields, with merged ranges spread (or refused)."""
    sheet, header = t.sheet, t.header
    col_key = {c: k for k, c in t.cols.items()}
    spread: dict[tuple[int, int], tuple[Cell, str]] = {}  # (row, col) → (cell, range) from a merge
    refused: dict[int, list[tuple[str, str]]] = {}
    for r1, c1, r2, c2 in sheet.merges:
        if r1 <= header:
            continue  # a merge of the title or header rows
        rng = f"{cell_name(r1, c1)}:{cell_name(r2, c2)}"
        keys = [col_key[c] for c in range(c1, c2 + 1) if c in col_key and col_key[c] != "item"]
        top = sheet.cells.get((r1, c1))
        has_value = top is not None and (top.value is not None or top.missing)
        if len([k for k in keys if k in FILL_COLUMNS]) > 1 and has_value:
            for r in range(r1, r2 + 1):
                refused.setdefault(r, []).append((rng, "、".join(heading_words(k, "zh") for k in keys)))
            continue
        if r2 == r1 or not has_value:
            continue
        key = col_key.get(c1)
        if key is None:
            continue
        if key == "item" or key not in _SPREADS:
            for r in range(r1, r2 + 1):
                refused.setdefault(r, []).append((rng, heading_words(key, "zh")))
            continue
        for r in range(r1 + 1, r2 + 1):
            spread[(r, c1)] = (top, rng)
    rows_at = sorted({r for r, _ in sheet.cells if r > header} | {r for r, _ in spread} | set(refused))
    out = []
    for r in rows_at:
        cells: dict[str, object] = {}
        missing, merged = [], []
        for key, c in t.cols.items():
            got = sheet.cells.get((r, c))
            if got is None and (r, c) in spread:
                got, rng = spread[(r, c)]
                if not _empty(got.value) or got.missing:
                    merged.append(rng)
            if got is None:
                continue
            if got.missing:
                missing.append(cell_name(r, c))
            cells[key] = got.value
        at = f"{where}!{r}" if sheet.name is not None else f"{where}:{r}"
        out.append(_Row(at, cells, missing, sorted(set(merged)), refused.get(r, [])))
    return out


# --------------------------------------------------------------------------- a plan of the import


@dataclass
class _Context:
    reg: Registry
    ledger_path: Path
    table: UnitTable | None
    records: list[Record]
    active: dict[tuple, Record]
    on: date | None
    today: date | None
    accept_other_units: bool
    seen: dict[tuple, tuple[str, tuple]] = field(default_factory=dict)  # (item, kind) → (where, report)
    withdrawn: set[tuple] = field(default_factory=set)  # the reports of withdrawn records


def _unit_of(book: Book, path: Path, table: UnitTable | None) -> str | None:
    """The unit a workbook is from: the marker export wrote, else a unit named in the file's name."""
    if table is None:
        return None
    named = book.names.get(MARK_UNIT)
    if isinstance(named, str) and table.known(named):
        return table.canonical(named)
    stem = path.stem
    if table.known(stem):
        return table.canonical(stem)
    hits = {table.canonical(n) for u in table.units for n in (u.name, *u.aliases) if len(n) >= 3 and n in stem}
    return hits.pop() if len(hits) == 1 else None


def _as_of_year(book: Book, ctx: _Context) -> int:
    made = book.names.get(MARK_AS_OF)
    if isinstance(made, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", made):
        return int(made[:4])
    return (ctx.on or ctx.today or date.today()).year


def _units_of(e: Entry, table: UnitTable | None) -> tuple[list[str], list[str]]:
    canon = table.canonical if table is not None else (lambda n: n)
    return [canon(n) for n in e.lead], [canon(n) for n in e.support]


def plan_import(reg: Registry, ledger_path: Path, files: list[Path], *, on: date | None = None,
                today: date | None = None, table: UnitTable | None = None,
                accept_other_units: bool = False, named: str | None = None) -> Imported:
    """Every filled row of ``files`` as the records it would append, checked; raises ``ImportRefused``
    naming every wrong file and row. Nothing is written. ``named`` (``import --unit``): the unit every
    file is from, whatever it says."""
    records = load_ledger(ledger_path)
    gone = withdrawn(records)
    active = {_key(r): r for i, r in enumerate(records) if i not in gone}
    ctx = _Context(reg, ledger_path, table, records, active, on, today, accept_other_units)
    # A record someone withdrew is never brought back by importing the old workbook again (issue 24).
    ctx.withdrawn = {_key(records[i]) for i in gone} - active.keys()
    units: dict[str, str | None] = {}
    problems: list[RowProblem] = []
    notices: list[Notice] = []
    planned: list[Planned] = []
    for path in files:
        path = Path(path)
        if not path.is_file():
            problems.append(RowProblem(str(path), LedgerError("import.no_file"), "file"))
            continue
        try:
            book = read_book(path)
        except WorkbookError as exc:
            problems.append(RowProblem(str(path), exc, "file"))
            continue
        tables, ignored = _tables(book)
        if ignored and tables:
            notices.append(Notice(str(path), "import.sheets_ignored", {"sheets": ignored}))
        if not tables:
            zh = [say("fill." + k, "zh") for k in FILL_COLUMNS]
            both = [f"{z}/{say('fill.' + k, 'en')}" for z, k in zip(zh, FILL_COLUMNS, strict=True)]
            problems.append(RowProblem(str(path), LedgerError("import.no_table", zh=zh, both=both), "file"))
            continue
        unit = units[str(path)] = named or _unit_of(book, path, table)
        if unit is None and table is not None and not accept_other_units:
            notices.append(Notice(str(path), "import.unit_unknown", {}))
        year = _as_of_year(book, ctx)
        for t in tables:
            where = f"{path}:{t.sheet.name}" if t.sheet.name is not None else str(path)
            bad = _check_columns(t, where)
            if bad:
                problems += bad
                continue
            for row in _rows(t, where):
                got, bad_row, said = _row(ctx, path, row, unit, year)
                planned += got
                problems += bad_row
                notices += said
    if problems:
        raise ImportRefused(problems, notices)
    return Imported(planned, notices, units)


def _tables(book: Book) -> tuple[list[_Table], list[str]]:
    """The 台账 sheets of a workbook, and the sheets holding anything that are not read."""
    mark = book.names.get(MARKER)
    marked = mark if isinstance(mark, tuple) else None
    tables, ignored = [], []
    for sheet in book.sheets:
        t = None
        if marked is None or sheet.name == marked[0]:
            t = _find_header(sheet, marked[1] if marked else None)
        if t is not None:
            tables.append(t)
        elif sheet.cells and sheet.name is not None:
            ignored.append(sheet.name)
    if marked is not None and not tables:  # the marked sheet lost its header: read as a unit's own
        return _tables(Book(book.kind, book.sheets, {}))
    return tables, ignored


def _row(ctx: _Context, path: Path, row: _Row, unit: str | None,
         year: int) -> tuple[list[Planned], list[RowProblem], list[Notice]]:
    """The records of one row (progress and/or extension), or why it cannot be recorded; and notices."""
    cells = row.cells
    filled = {k for k in FILL_COLUMNS if not _empty(cells.get(k))}
    if not row.missing and not row.refused_merges and (not filled or filled == {"on"}):
        return [], [], []  # a blank row; a date alone reports nothing
    where = row.where
    if row.refused_merges:
        rng, heading = row.refused_merges[0]
        return [], [RowProblem(where, LedgerError("import.merged", range=rng, heading=heading))], []
    if row.missing:
        return [], [RowProblem(where, LedgerError("import.formula_no_value", cells=row.missing))], []
    item = _text(cells.get("item"))
    if item is None:
        return [], [RowProblem(where, LedgerError("import.no_id"))], []
    try:
        out = _records(ctx, path, row, item, cells, filled, unit, year)
    except PlancliError as exc:
        return [], [RowProblem(where, exc)], []
    return out, [], [Notice(where, "import.merged_spread", {"range": rng}) for rng in row.merged]


def _records(ctx: _Context, path: Path, row: _Row, item: str, cells: dict, filled: set, unit: str | None,
             year: int) -> list[Planned]:
    e, item_id = resolve_item(ctx.reg, item)
    if unit is not None and not ctx.accept_other_units:
        lead, support = _units_of(e, ctx.table)
        if unit not in lead and unit not in support:
            raise LedgerError("import.other_unit", item=item_id, unit=unit, lead=lead)
    for key in ("actual", "notes", "problems", "next_steps", "evidence", "extend_reason"):
        clean_text(key, _text(cells.get(key)), f"fill.{key}")  # each cell in its own column's words
    on = _day(cells.get("on"), ctx.on, year, "date")
    source = f"台账 {path.name}"
    out: list[Planned] = []
    progress = filled & {"status", "actual", "notes", "problems", "next_steps", "evidence"}
    ext = filled & {"extend_to", "extend_reason"}
    proof = proof_from_workbook(_text(cells.get("evidence")), path.parent) if "evidence" in filled else Proof()
    if progress:
        status = _status(cells.get("status"))  # a wrong status first: it is what the unit must fix
        if on is None:
            raise LedgerError("import.no_date")
        rec, _ = check_progress(ctx.reg, ctx.ledger_path, item_id, status=str(status),
                                actual=_text(cells.get("actual")), on=on, source=source,
                                note=_text(cells.get("notes")), evidence=proof, today=ctx.today,
                                records=ctx.records, problems=_text(cells.get("problems")),
                                next_steps=_text(cells.get("next_steps")))
        out.append(_planned(ctx, row, rec, proof))
    if ext:
        if ext != {"extend_to", "extend_reason"}:
            raise LedgerError("import.extend_incomplete", missing=heading_words(
                "extend_reason" if "extend_to" in ext else "extend_to", "zh"),
                missing_en=heading_words("extend_reason" if "extend_to" in ext else "extend_to", "en"))
        to = _day(cells.get("extend_to"), None, year, "extend_to")
        reason = _text(cells.get("extend_reason"))
        asked = on or ctx.on or ctx.today or date.today()
        same = next((r for r in ctx.active.values() if r.item == item_id and r.status == EXTENDED
                     and r.extend_to == to), None)
        if same is not None:
            p = Planned(row.where, same, "already recorded", tuple(row.merged))
        else:
            eproof = Proof() if progress else proof
            rec, _, _ = check_extension(ctx.reg, ctx.ledger_path, item_id, to, note=reason, on=asked,
                                        source=source, evidence=eproof, today=ctx.today, records=ctx.records)
            p = _planned(ctx, row, rec, eproof)
        out.append(p)
    for p in out:
        _once(ctx, p)
    return out


def _status(v) -> str:
    text = _text(v)
    if text is None:
        return Status.IN_PROGRESS  # progress reported without closing the item (docs/roundtrip.md)
    global _STATUS_WORDS
    if _STATUS_WORDS is None:
        _STATUS_WORDS = _status_words()
    status = _STATUS_WORDS.get(_norm(text))
    if status is not None:
        return status
    if _norm(text) in {_norm(w) for w in _EXTENSION_WORDS}:
        raise LedgerError("import.status_extension", given=text)
    if len(text) > 8:  # a sentence: the unit wrote its progress into the status column
        raise LedgerError("import.status_sentence", given=text[:20] + ("…" if len(text) > 20 else ""),
                          labels=status_choices("zh"), codes=list(RECORD_STATUSES))
    raise LedgerError("import.bad_status", given=text, labels=status_choices("zh"), codes=list(RECORD_STATUSES))


_STATUS_WORDS: dict[str, str] | None = None


def _planned(ctx: _Context, row: _Row, rec: Record, proof: Proof) -> Planned:
    key = _key(rec)
    action = "already recorded" if key in ctx.active else "withdrawn" if key in ctx.withdrawn else "record"
    return Planned(row.where, rec, action, tuple(row.merged), proof if proof.file is not None else None)


def _report(r: Record) -> tuple:
    """What one row reports of an item: two rows of one import must report the same."""
    return (r.status, None if r.actual is None else round(r.actual, 9), r.actual_below, r.effective, r.evidence,
            r.note, r.problems, r.next_steps, r.extend_to)


def _once(ctx: _Context, p: Planned) -> None:
    """The same item twice in one import: the same report is 'repeated' (recorded once); a different
    one is refused naming both places."""
    kind = "extension" if p.record.status == EXTENDED else "progress"
    k = (p.record.item, kind)
    report = _report(p.record)
    if k not in ctx.seen:
        ctx.seen[k] = (p.where, report)
        return
    first, was = ctx.seen[k]
    if was != report:
        raise LedgerError("import.twice", item=p.record.item, first=first)
    p.action = "repeated"


def _key(r: Record) -> tuple:
    """What makes two records the same report (docs/roundtrip.md: "already recorded")."""
    return (r.item, r.status, None if r.actual is None else round(r.actual, 9), r.effective, r.evidence,
            r.extend_to)


def import_files(reg: Registry, ledger_path: Path, files: list[Path], *, on: date | None = None,
                 dry_run: bool = False, today: date | None = None, table: UnitTable | None = None,
                 accept_other_units: bool = False, unit: str | None = None,
                 received: date | None = None) -> Imported:
    """``plan_import``, then (unless ``dry_run``) copy the evidence files into the store and append
    every new record in one locked write. Each file whose unit is known adds its unit's 报送
    (``ledger.submissions``), dated ``on``, else ``received`` (today as plancli reads it), else today."""
    from .submissions import submissions_of

    planned = plan_import(reg, ledger_path, files, on=on, today=today, table=table,
                          accept_other_units=accept_other_units, named=unit)
    planned += submissions_of(planned, ledger_path, received=on or received or today or date.today())
    new = [p for p in planned if p.action == "record"]
    if not dry_run and new:
        for p in new:
            if p.proof is not None and p.proof.file is not None:
                keep(ledger_path, p.proof.file)

        def known(existing: list[Record], rec: Record) -> bool:  # asked again under the ledger's lock
            if not cache:  # withdrawn records too: a retraction made meanwhile is not undone
                cache.update(_key(r) for r in existing)
            return _key(rec) in cache

        cache: set = set()
        written = {_key(r): r for r in append_records(ledger_path, [p.record for p in new], skip=known)}
        for p in new:  # a row another import wrote meanwhile is "already recorded", not recorded twice
            if _key(p.record) in written:
                p.record = written[_key(p.record)]
            else:
                p.action = "already recorded"
    return planned
