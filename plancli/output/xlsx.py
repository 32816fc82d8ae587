"""Excel workbook export: the rows of the output contract as a sheet people filter and sort.

What makes it usable in Excel/WPS rather than a CSV opened by hand: a frozen, bold header row;
an autofilter on every column; deadlines and record dates as real dates (sortable, filterable
by month); days left, actual values and attainment as numbers (attainment formatted as a
percentage); column widths measured in display cells, so a Chinese column is as wide as its text
(wcwidth counts a CJK character as two); each status cell coloured as in the HTML report. A second
sheet counts statuses per plan.

Headings and status names are in the chosen language; the contract's codes stay available in the
``status code`` column, so a filter written against codes keeps working.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date

from ..vocabulary import LIGHTS, STATUS_ORDER, Light, Status
from ..words import UNSHOWABLE, joined, said, say, visible, word

__all__ = ["to_xlsx_bytes", "SHEET_COLUMNS", "data_row"]

# (key, heading key, kind): kind picks the cell type and format.
SHEET_COLUMNS = [
    ("item", "col.item", "text"), ("plan", "col.plan", "text"), ("kind", "col.kind", "text"),
    ("metric", "col.metric", "wrap"), ("target", "col.target", "text"), ("deadline", "col.deadline", "date"),
    ("deadline_text", "col.deadline_text", "text"), ("days_left", "col.days_left", "int"),
    ("status_label", "col.status", "status"), ("status", "col.status_code", "text"),
    # 亮灯 (docs/lights.md): the light in words on its colour, why, and how late a closing came
    ("light_label", "col.light", "light"), ("light_reason", "col.light_reason", "wrap"),
    ("days_late", "col.days_late", "int"),
    ("lead", "col.lead", "wrap"), ("support", "col.support", "wrap"), ("actual", "col.actual", "written"),
    ("unit", "col.unit", "text"), ("attainment", "col.attainment", "pct"),
    ("recorded_on", "col.recorded_on", "date"), ("doc", "col.doc", "text"), ("line", "col.line", "int"),
    ("quote", "col.source", "wrap"),
    # issue 18: the numeric target, 延期 and the deciding record's note and 佐证 (kept together)
    ("target_value", "col.target_value", "written"), ("deadline_original", "col.deadline_original", "date"),
    ("note", "col.record_note", "wrap"), ("evidence", "col.record_evidence", "wrap"),
]
# With review (docs/review.md): where each claim stands, and the decision's words (a 退办's reason).
REVIEW_COLUMNS = [("review_label", "col.review", "text"), ("review_note", "col.review_note", "wrap")]
MAX_WIDTH = {"wrap": 48, "text": 28, "written": 16}  # display cells; longer text wraps inside the cell
# Light fills for status cells (the report's colours, lightened so black text stays readable).
FILLS = {
    Status.OVERDUE: "F6D5D1", Status.DUE_SOON: "FBE3C9", Status.IN_PROGRESS: "E6D5EE", Status.UPCOMING: "D3E6F5",
    Status.MISSED: "E8C4C0", Status.MET: "C9EBD4", Status.DONE: "DDF2E4",
    Light.RED: "F4B6B0", Light.YELLOW: "FCE69A", Light.BLUE: "BFD3F5", Light.GREEN: "BFE6C8",
}


_LEADS = ("=", "+", "-", "@")  # what makes Excel or WPS read typed text as a formula


def data_row(ws, values: Sequence) -> list:
    """``values`` as a row of ``ws`` that carries data, never code (docs/security.md): text is a
    string cell even when it starts with = (openpyxl would write ``=HYPERLINK(…)`` as a live
    formula), marked so that Excel keeps it text when someone edits the cell (quotePrefix), and
    characters a workbook cannot hold are written out (``\\x1b``) instead of breaking the file.
    Every xlsx plancli writes appends its rows through here."""
    from openpyxl.cell.cell import Cell

    out = list(values)
    for i, v in enumerate(out):
        if v.__class__ is not str or not v:
            continue
        if UNSHOWABLE.search(v):
            v = out[i] = visible(v, "\n\t")
        if v.startswith(_LEADS):
            c = Cell(ws, value=v)
            c.data_type = "s"
            c.quotePrefix = True
            out[i] = c
    return out


def _width(s: str) -> int:
    from wcwidth import wcswidth

    w = wcswidth(s)
    return w if w >= 0 else len(s)


def _value(r: Mapping, key: str, kind: str, lang: str):
    from ..registry.model import target_text
    from ..text.actuals import multiplier_of

    if key == "target":
        return target_text(r.get("comparator"), r.get("value_text"))
    if key == "status_label":
        return word(r.get("status"), lang)
    if key == "light_label":
        return word(r.get("light"), lang)
    if key == "review_label":
        return say(f"review.{r['review']}", lang) if r.get("review") else None
    if key == "light_reason":

        return said(r.get("light_reason"), lang) or None
    if key == "kind":
        return say(f"kind.{r['kind']}", lang) if r.get("kind") else None
    if kind == "written":  # a number as the target is written: 5.3 (万个), shown with its words
        v = r.get("value") if key == "target_value" else r.get(key)
        if v is None:
            return None
        factor, _ = multiplier_of(r.get("value_text"))
        return round(v / factor, 9)
    if key == "deadline_text":
        if r.get("deadline_inferred"):
            return say("report.inferred_note", lang)
        return r.get("deadline_text")
    v = r.get(key)
    if kind == "date":
        return date.fromisoformat(v) if v else None
    if isinstance(v, list | tuple):
        return joined(v, lang)
    return v


def _words(r: Mapping) -> str:
    """What follows the number in the target as written: 万家 for 3.5 万家, % for 99%."""
    from ..text.actuals import multiplier_of

    _, word = multiplier_of(r.get("value_text"))
    return (word + (r.get("unit") or "")).replace('"', "")


def _text_of(v) -> str:
    if v is None:
        return ""
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, float):
        return f"{v:g}"
    return str(v)


def to_xlsx_bytes(rows: Sequence[Mapping], lang: str, *, title: str = "plancli",
                  plan_labels: Mapping[str, str] | None = None) -> bytes:
    """The workbook as bytes (written by the caller atomically)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = say("report.items", lang)[:31]
    columns = SHEET_COLUMNS + REVIEW_COLUMNS if any("review" in r for r in rows) else SHEET_COLUMNS
    heads = [say(h, lang) for _, h, _ in columns]
    ws.append(data_row(ws, heads))
    widths = [_width(h) + 3 for h in heads]  # + the autofilter button
    fills = {s: PatternFill("solid", start_color=c, end_color=c) for s, c in FILLS.items()}
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    for row, r in enumerate(rows, start=2):  # not ws.max_row: it scans every cell (quadratic)
        values = [_value(r, key, kind, lang) for key, _, kind in columns]
        if plan_labels and values[1] in plan_labels:
            values[1] = plan_labels[values[1]]
        ws.append(data_row(ws, values))
        for i, ((_, _, kind), v) in enumerate(zip(columns, values, strict=True)):
            c = ws.cell(row=row, column=i + 1)
            c.alignment = wrap if kind == "wrap" else top
            if kind == "date" and v is not None:
                c.number_format = "yyyy-mm-dd"
            elif kind == "pct" and v is not None:
                c.number_format = "0.0%"
            elif kind == "num" and v is not None:
                c.number_format = "#,##0.###"
            elif kind == "written" and v is not None:
                c.number_format = f'#,##0.###"{_words(r)}"'  # the value stays a number; Excel shows 5.3万个
            elif kind == "status" and r.get("status") in fills:
                c.fill = fills[r["status"]]
            elif kind == "light" and r.get("light") in fills:
                c.fill = fills[r["light"]]
            widths[i] = max(widths[i], min(_width(_text_of(v)) + 1, MAX_WIDTH.get(kind, 60)))
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(vertical="center")
    for i, w in enumerate(widths):
        ws.column_dimensions[get_column_letter(i + 1)].width = w + 1
    ws.freeze_panes = "B2"  # header row and the id column stay in view
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(rows) + 1}"
    _summary_sheet(wb, rows, lang, plan_labels)
    wb.properties.title = title
    wb.properties.creator = "plancli"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _summary_sheet(wb, rows: Sequence[Mapping], lang: str, plan_labels: Mapping[str, str] | None) -> None:
    """Counts per plan and status: the numbers of the report's first chart."""
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(say("report.summary", lang)[:31])
    per_plan: dict[str, Counter] = {}
    lit: dict[str, Counter] = {}
    for r in rows:
        per_plan.setdefault(r["plan"], Counter())[r["status"]] += 1
        lit.setdefault(r["plan"], Counter())[r.get("light")] += 1
    used = [s for s in STATUS_ORDER if any(c[s] for c in per_plan.values())]
    lights = [lt for lt in LIGHTS if any(c[lt] for c in lit.values())]  # after the total: they add up to it too
    ws.append(data_row(ws, [say("col.plan", lang), *(word(s, lang) for s in used), say("report.total", lang),
                            *(word(lt, lang) for lt in lights)]))
    for plan, c in per_plan.items():
        ws.append(data_row(ws, [(plan_labels or {}).get(plan, plan), *(c[s] for s in used), sum(c.values()),
                                *(lit[plan][lt] for lt in lights)]))
    ws.append(data_row(ws, [say("report.total", lang), *(sum(c[s] for c in per_plan.values()) for s in used),
                            len(rows), *(sum(c[lt] for c in lit.values()) for lt in lights)]))
    coloured = [None, *used, None, *lights]
    for i, cell in enumerate(ws[1]):
        cell.font = Font(bold=True)
        if i < len(coloured) and coloured[i]:
            color = FILLS[coloured[i]]
            cell.fill = PatternFill("solid", start_color=color, end_color=color)
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
    for i in range(ws.max_column):
        col = get_column_letter(i + 1)
        ws.column_dimensions[col].width = max(_width(str(c.value or "")) for c in ws[col]) + 3
    ws.freeze_panes = "B2"
