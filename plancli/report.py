"""The weekly deadline list: what became overdue, what is due next, what was recorded.

Meant for cron on Mondays. ``md`` is a Markdown document to paste into a message, ``html`` a
self-contained page (inline CSS, every text escaped), ``plain`` aligned text, ``json`` the three
lists under fixed keys.
"""

from __future__ import annotations

import html
import json
from datetime import timedelta
from typing import TextIO

from .ledger import Record, records_between
from .model import Registry
from .query import CONTRACT, Filters, occurrence_rows, select_entries, target_text, week_bounds
from .render import Column, cell, md_escape, render
from .units import UnitTable

__all__ = ["weekly_sections", "weekly_report"]

COLUMNS = [Column("item", "id"), Column("metric", "metric", 30), Column("target", "target", 18),
           Column("deadline", "deadline"), Column("days_left", "days"), Column("status", "status"),
           Column("lead", "lead", 30)]
REC_COLUMNS = [Column("effective", "on"), Column("item", "id"), Column("status", "status"),
               Column("actual_text", "actual"), Column("source", "source", 30)]


def weekly_sections(reg: Registry, table: UnitTable | None, records: list[Record], f: Filters,
                    days: int) -> dict:
    """Three lists for the week that ends on the day before ``f.as_of``'s Monday."""
    start, end = week_bounds(f.as_of)
    rows = occurrence_rows(reg, f, table, records, open_only=True)
    week_ago = f.as_of - timedelta(days=7)
    newly = [r for r in rows if r["status"] == "overdue" and r["deadline"] >= week_ago.isoformat()]
    horizon = (f.as_of + timedelta(days=days)).isoformat()
    upcoming = [r for r in rows if r["status"] in ("due_soon", "upcoming", "in_progress")
                and r["deadline"] and f.as_of.isoformat() <= r["deadline"] <= horizon]
    ids = {e.id for e in select_entries(reg, f, table)}
    recorded = [r.as_dict() for r in records_between(records, start, end) if r.entry_id in ids]
    still = [r for r in rows if r["status"] == "overdue"]
    for r in newly + upcoming + still:
        r["target"] = target_text(r.get("comparator"), r.get("value_text"))
    return {"as_of": f.as_of.isoformat(), "week": [start.isoformat(), end.isoformat()],
            "newly_overdue": newly, "due_next": upcoming, "recorded_last_week": recorded,
            "overdue_total": len(still)}


def weekly_report(reg: Registry, table, records, f: Filters, days: int, fmt: str, out: TextIO) -> None:
    s = weekly_sections(reg, table, records, f, days)
    who = "、".join(f.units) if f.units else "全部单位"
    title = f"plancli weekly — {who} — {s['as_of']}"
    parts = [(f"Newly overdue (deadline in the 7 days before {s['as_of']})", s["newly_overdue"], COLUMNS),
             (f"Due in the next {days} days", s["due_next"], COLUMNS),
             (f"Recorded last week ({s['week'][0]} – {s['week'][1]})", s["recorded_last_week"], REC_COLUMNS)]
    summary = f"Open overdue items in total: {s['overdue_total']}"
    if fmt == "json":
        keep = CONTRACT
        for k in ("newly_overdue", "due_next"):
            s[k] = [{x: r.get(x) for x in keep} for r in s[k]]
        out.write(json.dumps(s, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "md":
        out.write(f"# {md_escape(title)}\n\n{summary}\n\n")
        for head, rows, cols in parts:
            render(rows, cols, "md", out, title=head)
            out.write("\n")
    elif fmt == "html":
        out.write(_html(title, summary, parts))
    else:
        out.write(title + "\n" + summary + "\n\n")
        for head, rows, cols in parts:
            out.write(f"{head}: {len(rows)}\n")
            render(rows, cols, "plain", out)
            out.write("\n")


def _html(title: str, summary: str, parts) -> str:
    e = html.escape
    body = [f"<h1>{e(title)}</h1>", f"<p>{e(summary)}</p>"]
    for head, rows, cols in parts:
        body.append(f"<h2>{e(head)} ({len(rows)})</h2>")
        if not rows:
            body.append("<p>(none)</p>")
            continue
        body.append("<table><thead><tr>" + "".join(f"<th>{e(c.header)}</th>" for c in cols) + "</tr></thead><tbody>")
        for r in rows:
            cls = e(str(r.get("status") or ""))
            body.append(f'<tr class="{cls}">' + "".join(f"<td>{e(cell(r.get(c.key)))}</td>" for c in cols) + "</tr>")
        body.append("</tbody></table>")
    css = ("body{font-family:system-ui,'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:2em}"
           "table{border-collapse:collapse;margin-bottom:1.5em}td,th{border:1px solid #ccc;padding:4px 8px;"
           "text-align:left}tr.overdue td{background:#fde8e8}tr.due_soon td{background:#fff6d6}")
    return ("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
            f"<title>{e(title)}</title><style>{css}</style></head><body>\n"
            + "\n".join(body) + "\n</body></html>\n")
