"""The 台账 each lead unit fills in: one workbook (or CSV) per unit, read back by ``plancli import``.

A workbook holds the unit's open items (the columns people know: 任务, 目标, 完成时限 …) and the
fill-in columns of ``ledger.importing.FILL_COLUMNS`` (完成情况, 实际值, 数据截至日期, 进展情况,
存在问题, 下一步措施, 佐证材料, 申请延期至, 延期理由). Above the header: the unit's name and how to
fill it in, by when. The sheet is protected except the fill-in cells (no password: it guards against
slips, not people), the status cell offers the status labels in the reader's language, and 编号
stays, so the rows come back to their items whatever a unit does to the order of rows or columns.
上次填报 carries the last report (status, figure, date) so a unit sees what it said last time.

The workbook carries a marker, three defined names that Excel, WPS and LibreOffice keep through
edits, renames and re-saves (also as .xls or .ods): ``plancli.ledger`` (the 台账 sheet's header row:
``import`` reads that sheet and lists the others as ignored), ``plancli.unit`` (whose it is: rows of
items the unit neither leads nor supports are refused) and ``plancli.as_of`` (the date it was made
as of: a year-less 10月底 is read in its year).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

from ..ledger.importing import FILL_COLUMNS, ITEM_COLUMNS, MARK_AS_OF, MARK_UNIT, MARKER, status_choices
from ..registry.model import target_text
from ..registry.units import UnitTable
from ..text.actuals import multiplier_of, written_like
from ..vocabulary import OPEN, Review
from ..words import joined, say, word
from ..yamlio.atomic import atomic_write_bytes

__all__ = ["HANDOUT_COLUMNS", "by_lead_unit", "handout_xlsx", "handout_csv", "write_handouts", "file_name",
           "target_number", "last_report"]

# (key, kind) of the item columns, headed by the catalogue's handout.col.<key>; the fill-in columns
# (fill.<key>) follow.
HANDOUT_COLUMNS: list[tuple[str, str]] = [
    ("item", "text"), ("plan", "name"), ("metric", "wrap"), ("target", "text"), ("target_value", "num"),
    ("deadline", "date"), ("deadline_original", "date"), ("status_label", "text"), ("support", "wrap"),
    ("latest", "wrap"),
]
_FILL_KIND = {"status": "list", "actual": "text", "on": "date", "notes": "wrap", "problems": "wrap",
              "next_steps": "wrap", "evidence": "wrap", "extend_to": "date", "extend_reason": "wrap"}
assert tuple(k for k, _ in HANDOUT_COLUMNS) == ITEM_COLUMNS  # import reads the same columns
_WIDTH = {"text": 14, "name": 22, "wrap": 36, "date": 12, "num": 12, "list": 10}
_WRAPPED = ("wrap", "name")  # kinds whose text wraps inside the cell
LINE_POINTS = 15  # the height of one line of 11-point text
_FILL_COLOR = "FFF2CC"  # the cells a unit fills in: light yellow, as 台账 templates mark them


def target_number(r: Mapping) -> tuple[float | None, str]:
    """The target as a number the way it is written, and what follows it: 3.5 万家 → (3.5, '万家')."""
    if r.get("value") is None:
        return None, ""
    factor, word = multiplier_of(r.get("value_text"))
    return round(r["value"] / factor, 9), f"{word}{r.get('unit') or ''}"


def by_lead_unit(rows: Sequence[Mapping], table: UnitTable | None) -> dict[str, list[Mapping]]:
    """Open rows grouped by their lead units' canonical names (an item led by two units is in both)."""
    out: dict[str, list[Mapping]] = {}
    for r in rows:
        if r["status"] not in OPEN:
            continue
        for n in dict.fromkeys(table.canonical(x) if table else x for x in r["lead"]):
            out.setdefault(n, []).append(r)
    return dict(sorted(out.items()))


def file_name(unit: str, ext: str) -> str:
    """A file name from a unit's name (characters no file system takes become _)."""
    return re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", unit).strip(". ") + "." + ext


# With review (``review: required``, docs/review.md) the rows carry where their claim stands, and the
# workbook says it in a column of its own after the last report: 待审核, or 已退办 with the reason.
REVIEW_COLUMN = ("review", "wrap")


def item_columns(rows: Sequence[Mapping]) -> list[tuple[str, str]]:
    """The item columns of a workbook of ``rows``: ``HANDOUT_COLUMNS``, and the review's when reviewed."""
    return HANDOUT_COLUMNS + [REVIEW_COLUMN] if any("review" in r for r in rows) else HANDOUT_COLUMNS


def _heads(lang: str, columns: Sequence[tuple[str, str]] = HANDOUT_COLUMNS) -> list[str]:
    return [say(f"handout.col.{k}", lang) for k, _ in columns] + [say(f"fill.{k}", lang) for k in FILL_COLUMNS]


def review_cell(r: Mapping, lang: str) -> str | None:
    """Where the row's claim stands, as the unit reads it: 待审核, or 已退办：reason (what to put right)."""
    state = r.get("review")
    if not state or state == Review.ACCEPTED:
        return None
    text = say(f"review.{state}", lang)
    return text + say("punct.colon", lang) + r["review_note"] if state == Review.RETURNED and r.get("review_note") else text


def wrapped_lines(text, width: float) -> int:
    """How many lines ``text`` takes in a wrapping cell ``width`` characters wide (CJK counts two)."""
    from wcwidth import wcswidth

    usable = max(int(width) - 2, 1)  # the cell's own padding
    return sum(max(1, -(-max(wcswidth(part), 0) // usable)) for part in str(text).split("\n"))


def last_report(r: Mapping, lang: str) -> str | None:
    """上次填报: the last record's status, figure (as the target is written) and date, in ``lang``:
    ``已达标 3.6 万家（2024-10-15）`` / ``met 3.6 万家 (2024-10-15)``; None when nothing was reported."""
    if not r.get("record_status"):
        return None
    parts = [word(r["record_status"], lang)]
    if r.get("actual") is not None:
        parts.append(written_like(r["actual"], r["value_text"], r["unit"], more=r.get("actual_below") is not None))
    on = r.get("recorded_on")
    return " ".join(parts) + (say("punct.paren", lang, x=on) if on else "")


def _values(r: Mapping, lang: str, columns: Sequence[tuple[str, str]] = HANDOUT_COLUMNS) -> list:
    latest = last_report(r, lang)
    out = []
    for key, kind in columns:
        if key == "review":
            v = review_cell(r, lang)
        elif key == "target":
            v = target_text(r.get("comparator"), r.get("value_text"))
        elif key == "target_value":
            v = target_number(r)[0]
        elif key == "status_label":
            v = word(r["status"], lang)
        elif key == "latest":
            v = latest
        elif key == "plan":
            v = r.get("plan_name") or r.get("plan")
        elif key == "support":
            v = joined(r.get("support") or [], lang)
        else:
            v = r.get(key)
        if kind == "date" and v:
            v = date.fromisoformat(v)
        out.append(v)
    return out + [None] * len(FILL_COLUMNS)


def instructions(lang: str, by: date, review: bool = False) -> str:
    """How to fill the workbook in, by when; with review, what 待审核 and 已退办 ask of the unit."""
    text = say("handout.how", lang, by=by.isoformat(), choices=joined(status_choices(lang), lang))
    return text + say("handout.how.review", lang) if review else text


def _mark(wb, sheet: str, ncol: int, unit: str, as_of: date | None) -> None:
    """The defined names ``import`` recognises the workbook by (the module docstring)."""
    from openpyxl.utils import get_column_letter
    from openpyxl.workbook.defined_name import DefinedName

    quoted = sheet.replace("'", "''")
    names = {MARKER: f"'{quoted}'!$A$3:${get_column_letter(ncol)}$3", MARK_UNIT: _constant(unit)}
    if as_of is not None:
        names[MARK_AS_OF] = _constant(as_of.isoformat())
    for name, text in names.items():
        wb.defined_names[name] = DefinedName(name, attr_text=text)


def _constant(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def handout_xlsx(unit: str, rows: Sequence[Mapping], lang: str, *, by: date, title: str,
                 as_of: date | None = None) -> bytes:
    """One unit's workbook as bytes."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    from .xlsx import data_row

    wb = Workbook()
    ws = wb.active
    ws.title = say("handout.sheet", lang)
    columns = item_columns(rows)
    heads = _heads(lang, columns)
    kinds = [k for _, k in columns] + [_FILL_KIND[k] for k in FILL_COLUMNS]
    n_item, ncol = len(columns), len(heads)
    last = get_column_letter(ncol)
    ws.append(data_row(ws, [say("handout.title", lang, unit=unit, n=len(rows))]))
    ws.append(data_row(ws, [instructions(lang, by, REVIEW_COLUMN in columns)]))
    ws.append(data_row(ws, heads))
    ws.merge_cells(f"A1:{last}1")
    ws.merge_cells(f"A2:{last}2")
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"].alignment = Alignment(wrap_text=True, vertical="top")
    ws.row_dimensions[2].height = 75
    fill = PatternFill("solid", start_color=_FILL_COLOR, end_color=_FILL_COLOR)
    wrap, top = Alignment(wrap_text=True, vertical="top"), Alignment(vertical="top")
    open_cell = Protection(locked=False)
    for i, cell in enumerate(ws[3]):
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        if i >= n_item:
            cell.fill = fill
    for k, r in enumerate(rows, start=4):
        ws.append(data_row(ws, _values(r, lang, columns)))
        _, suffix = target_number(r)
        for i, kind in enumerate(kinds):
            c = ws.cell(row=k, column=i + 1)
            c.alignment = wrap if kind in _WRAPPED else top
            if kind == "date":
                c.number_format = "yyyy-mm-dd"
            elif kind == "num" and suffix:
                c.number_format = f'#,##0.###"{suffix}"'
            if i >= n_item:
                c.fill = fill
                c.protection = open_cell
        # 实际值: as typed (5.3, 5.3万家, 96%)
        ws.cell(row=k, column=n_item + 1 + FILL_COLUMNS.index("actual")).number_format = "@"
        # Row heights are written, not left to the reader: LibreOffice (and Excel, for some files)
        # does not grow a row for wrapped text, and a cut task is a task the unit cannot read.
        lines = max((wrapped_lines(v, _WIDTH[kind]) for v, kind in zip(_values(r, lang, columns), kinds, strict=True)
                     if kind in _WRAPPED and v), default=1)
        if lines > 1:
            ws.row_dimensions[k].height = LINE_POINTS * lines
    first, end = 4, max(4, len(rows) + 3)
    status_col = get_column_letter(n_item + 1)
    dv = DataValidation(type="list", formula1='"' + ",".join(status_choices(lang)) + '"', allow_blank=True,
                        showErrorMessage=True, errorTitle=say("handout.sheet", lang),
                        error=say("handout.bad_status", lang))
    dv.add(f"{status_col}{first}:{status_col}{end}")
    ws.add_data_validation(dv)
    day = DataValidation(type="date", operator="greaterThan", formula1="36526", allow_blank=True,
                         showErrorMessage=True, error=say("handout.bad_date", lang))
    for key in ("on", "extend_to"):
        col = get_column_letter(n_item + 1 + FILL_COLUMNS.index(key))
        day.add(f"{col}{first}:{col}{end}")
    ws.add_data_validation(day)
    for i, kind in enumerate(kinds):
        ws.column_dimensions[get_column_letter(i + 1)].width = _WIDTH[kind]
    ws.freeze_panes = "C4"  # the header and 编号/计划 stay in view
    ws.auto_filter.ref = f"A3:{last}{end}"
    # Protected against slips (no password): only the fill-in cells take input; sorting, filtering and
    # resizing stay allowed.
    ws.protection.sheet = True
    ws.protection.autoFilter = False
    ws.protection.sort = False
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.print_title_rows = "3:3"
    # Units print their 台账 to sign it off: landscape A4, every column on the page's width.
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    wb.properties.title = title
    wb.properties.creator = "plancli"
    _mark(wb, ws.title, ncol, unit, as_of)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def handout_csv(rows: Sequence[Mapping], lang: str) -> bytes:
    """The same columns as CSV (UTF-8 with a BOM, as Excel expects; no title or instructions)."""
    from .render import csv_cell

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    columns = item_columns(rows)
    w.writerow(_heads(lang, columns))
    for r in rows:
        w.writerow([csv_cell(v.isoformat() if isinstance(v, date) else ("" if v is None else f"{v:g}"
                                                                             if isinstance(v, float) else str(v)))
                    for v in _values(r, lang, columns)])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def write_handouts(rows: Sequence[Mapping], table: UnitTable | None, out_dir: Path, fmt: str, lang: str, *,
                   by: date, title: str, only: Sequence[str] | None = None,
                   as_of: date | None = None) -> list[tuple[Path, int]]:
    """One file per lead unit in ``out_dir`` (created); each written atomically. Returns (path, rows).

    ``only`` (the units of ``--unit``): just their workbooks, not those of the other lead units of
    the items they support."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for unit, mine in by_lead_unit(rows, table).items():
        if only is not None and unit not in only:
            continue
        path = out_dir / file_name(unit, fmt)
        data = (handout_xlsx(unit, mine, lang, by=by, title=f"{title} — {unit}", as_of=as_of) if fmt == "xlsx"
                else handout_csv(mine, lang))
        atomic_write_bytes(path, data)
        written.append((path, len(mine)))
    return written
