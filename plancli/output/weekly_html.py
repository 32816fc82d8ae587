"""The weekly digest as one self-contained HTML page (no scripts, no external files).

Ids, dates, numbers and statuses never wrap (``white-space: nowrap``); metrics and notes wrap. The
page says its language (``lang``), has a viewport tag for phones, and prints on A4. Every text is
escaped. The document shell and style are the report's (``dashboard.page``).
"""

from __future__ import annotations

from ..vocabulary import LIGHTS, STATUSES
from .render import cell, html_text

__all__ = ["page"]

# Columns whose cells are one token each and must never break (at hyphens or digits).
NOWRAP = frozenset({"item", "plan", "target", "deadline", "days_left", "days_overdue", "status", "actual",
                    "attainment", "effective", "total", "latest", "light", *STATUSES, *LIGHTS})
# Text columns that wrap, but not into a one-character-wide strip on a phone: the table scrolls instead.
GROW = frozenset({"metric", "lead", "label", "evidence", "light_reason", "said"})
NUMERIC = frozenset({"days_left", "days_overdue", "attainment", "total", *STATUSES, *LIGHTS})

# The digest's tables (the page itself — fonts, headings, print on A4 — is the report's): full cell
# borders, one-token cells that never wrap, text cells that keep some width, status colours, totals.
CSS = """
.wrap{overflow-x:auto}
.wrap table{border-collapse:collapse;margin:.4em 0 1em;font-size:.92em}
.wrap td,.wrap th{border:1px solid #ccc;padding:3px 7px;text-align:left;vertical-align:top}
.wrap th{background:#f3f3f3}
td.nw,th.nw{white-space:nowrap}td.num{text-align:right}td.grow,th.grow{min-width:9em}
tr.overdue td.st,tr.missed td.st{color:#b00020;font-weight:600}
tr.due_soon td.st{color:#8a5a00}tr.met td.st,tr.done td.st{color:#1b6e20}
tr.total td{font-weight:600;background:#fafafa}
td.lt{font-weight:600}td.lt-red{color:#b00020}td.lt-yellow{color:#8a5a00}td.lt-blue{color:#1f5fbf}td.lt-green{color:#1b6e20}
@media print{.wrap{overflow:visible}.wrap table{font-size:8.5pt}}
"""


def _cls(name: str) -> str:
    return f' class="{html_text(name)}"' if name else ""


def _table(rows, cols) -> str:
    e = html_text
    head = "".join(f"<th{_cls('nw' if c.key in NOWRAP else 'grow' if c.key in GROW else '')}>{e(c.header)}</th>"
                   for c in cols)
    body = []
    for i, r in enumerate(rows):
        status = r.get("_status") or ("total" if i == len(rows) - 1 and "label" in r else "")
        tds = []
        for c in cols:
            cls = " ".join(x for x in ("nw" if c.key in NOWRAP else "", "grow" if c.key in GROW else "",
                                       "num" if c.key in NUMERIC else "", "st" if c.key == "status" else "",
                                       f"lt lt-{r.get('_light')}" if c.key == "light" else "") if x)
            tds.append(f"<td{_cls(cls)}>{e(cell(r.get(c.key)))}</td>")
        body.append(f"<tr{_cls(status)}>" + "".join(tds) + "</tr>")
    return f'<div class="wrap"><table><thead><tr>{head}</tr></thead><tbody>\n' + "\n".join(body) + \
        "\n</tbody></table></div>"


def page(title: str, summary: str, parts, lang: str, *, note: str, none: str) -> str:
    """The whole page: title, summary line, one table (or “none”) per section, the ``*`` note — in
    the report's document shell and style (``dashboard.page``), so both pages read alike."""
    from .report import page as document

    e = html_text
    body = [f"<p>{e(summary)}</p>"]
    for head, rows, cols in parts:
        body.append(f"<h2>{e(head)}</h2>")
        body.append(_table(rows, cols) if rows else f"<p>({e(none)})</p>")
    if note:
        body.append(f'<p class="note">{e(note)}</p>')
    return document(title, body, lang, css=CSS)
