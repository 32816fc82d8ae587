"""The weekly digest as one self-contained HTML page (no scripts, no external files).

Ids, dates, numbers and statuses never wrap (``white-space: nowrap``); metrics and notes wrap. The
page says its language (``lang``), has a viewport tag for phones, and prints on A4. Every text is
escaped. If the dashboard's page helpers are on main they can replace ``page``; the data stays.
"""

from __future__ import annotations

import html

from .i18n import html_lang
from .render import cell

__all__ = ["page"]

# Columns whose cells are one token each and must never break (at hyphens or digits).
NOWRAP = frozenset({"item", "plan", "target", "deadline", "days_left", "days_overdue", "status", "actual",
                    "attainment", "met", "effective", "overdue", "due_soon", "in_progress", "done", "missed",
                    "total", "latest"})
# Text columns that wrap, but not into a one-character-wide strip on a phone: the table scrolls instead.
GROW = frozenset({"metric", "lead", "label", "evidence"})
NUMERIC = frozenset({"days_left", "days_overdue", "attainment", "overdue", "due_soon", "in_progress", "met",
                     "done", "missed", "total"})

CSS = """
body{font-family:system-ui,-apple-system,'Segoe UI','Noto Sans CJK SC','Source Han Sans SC',
'Microsoft YaHei',sans-serif;margin:1.5em auto;max-width:1200px;padding:0 1em;color:#222;line-height:1.45}
h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.6em}
.wrap{overflow-x:auto}
table{border-collapse:collapse;margin:.4em 0 1em;font-size:.92em}
td,th{border:1px solid #ccc;padding:3px 7px;text-align:left;vertical-align:top}
th{background:#f3f3f3}
td.nw,th.nw{white-space:nowrap}td.num{text-align:right}td.grow,th.grow{min-width:9em}
tr.overdue td.st,tr.missed td.st{color:#b00020;font-weight:600}
tr.due_soon td.st{color:#8a5a00}tr.met td.st,tr.done td.st{color:#1b6e20}
tr.total td{font-weight:600;background:#fafafa}
.note{color:#555;font-size:.9em}
@media print{@page{size:A4;margin:12mm}body{margin:0;max-width:none}.wrap{overflow:visible}
table{font-size:8.5pt}tr{break-inside:avoid}h2{break-after:avoid}}
"""


def _cls(name: str) -> str:
    return f' class="{html.escape(name)}"' if name else ""


def _table(rows, cols) -> str:
    e = html.escape
    head = "".join(f"<th{_cls('nw' if c.key in NOWRAP else 'grow' if c.key in GROW else '')}>{e(c.header)}</th>"
                   for c in cols)
    body = []
    for i, r in enumerate(rows):
        status = r.get("_status") or ("total" if i == len(rows) - 1 and "label" in r else "")
        tds = []
        for c in cols:
            cls = " ".join(x for x in ("nw" if c.key in NOWRAP else "", "grow" if c.key in GROW else "",
                                       "num" if c.key in NUMERIC else "", "st" if c.key == "status" else "") if x)
            tds.append(f"<td{_cls(cls)}>{e(cell(r.get(c.key)))}</td>")
        body.append(f"<tr{_cls(status)}>" + "".join(tds) + "</tr>")
    return f'<div class="wrap"><table><thead><tr>{head}</tr></thead><tbody>\n' + "\n".join(body) + \
        "\n</tbody></table></div>"


def page(title: str, summary: str, parts, lang: str, *, note: str, none: str) -> str:
    """The whole page: title, summary line, one table (or “none”) per section, the ``*`` note."""
    e = html.escape
    body = [f"<h1>{e(title)}</h1>", f"<p>{e(summary)}</p>"]
    for head, rows, cols in parts:
        body.append(f"<h2>{e(head)}</h2>")
        body.append(_table(rows, cols) if rows else f"<p>({e(none)})</p>")
    if note:
        body.append(f'<p class="note">{e(note)}</p>')
    return (f'<!DOCTYPE html>\n<html lang="{html_lang(lang)}"><head><meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{e(title)}</title><style>{CSS}</style></head><body>\n"
            + "\n".join(body) + "\n</body></html>\n")
