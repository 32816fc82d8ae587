"""The weekly digest: who holds what is overdue, what changed this week, what was achieved.

Meant for cron on Mondays, and useful on any day — including a day when every deadline has passed,
when a list of what *became* overdue is empty but the report must still say what is open and who
holds it. ``digest`` returns plain data (the JSON of ``plancli weekly --format json``, keys in the
README); ``weekly_report`` writes it as Markdown, a self-contained HTML page, plain text or JSON,
its headings and statuses in Chinese or English (``i18n``). Status codes and JSON keys never change.

Sections:

1. per lead unit (or per plan) counts: overdue, due soon, in progress, met, done, missed, total,
   with a totals row that counts each occurrence once;
2. open overdue items grouped by lead unit (or plan), each with days overdue and its latest record;
3. newly overdue: deadline in the 7 days before as-of;
4. due in the next N days (as-of included);
5. records *effective* last week (Monday–Sunday before as-of's week): the record's ``on`` date,
   else the date it was recorded, with actual, attainment and met;
6. records *entered* last week (by ``recorded_at``), whatever date they speak for: a figure entered
   today for last January, and retractions with their reason and the record they withdrew — what
   changed in the ledger, which section 5 alone would never show.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta
from typing import TextIO

from ..ledger.attainment import attainment
from ..ledger.record import Record
from ..ledger.timeline import entered_on, records_between, records_entered
from ..query.filters import Filters, select_entries
from ..query.rows import occurrence_rows
from ..registry.model import Registry, target_text
from ..registry.units import UnitTable
from ..text.actuals import written_like
from ..text.dates import week_bounds
from ..vocabulary import LIGHTS, STATUSES, Status
from ..words import say, word
from .render import Column, md_escape, render
from .report import deadline_cell
from .scope import filter_scope

__all__ = ["digest", "weekly_report", "records_between", "effective_date", "COUNT_KEYS", "BY"]

COUNT_KEYS = (*(s for s in STATUSES if s != Status.UPCOMING), "total", *LIGHTS)  # upcoming: not news for a week
BY = ("unit", "plan")


def effective_date(r: Record) -> date | None:
    """The day a record speaks for (``ledger.Record.effective``: its ``on`` date, else the date
    written in its ``recorded_at``); None when it has neither."""
    return r.effective if r.effective != date.min else None


def _group_keys(row: dict, by: str, table: UnitTable | None, chosen: set[str]) -> list[str]:
    """The groups a row belongs to: its plan, or its lead units (canonical). When ``--unit`` picked
    units that lead the item, only those: a unit's digest does not repeat its items under co-leads."""
    if by == "plan":
        return [row["plan"]]
    leads = list(dict.fromkeys(table.canonical(n) if table else n for n in row["lead"]))
    mine = [n for n in leads if n in chosen]
    return mine or leads


def _item(row: dict) -> dict:
    row["target"] = target_text(row.get("comparator"), row.get("value_text"))
    dl = row.get("days_left")
    row["days_overdue"] = -dl if row["status"] == "overdue" and dl is not None else None
    return row


def _record_row(by_id: dict, r: Record) -> dict | None:
    e = by_id.get(r.entry_id)
    if e is None:
        return None
    ratio, met = attainment(e, r.actual)
    d = r.as_dict()
    d.update({"effective": effective_date(r).isoformat(), "plan": e.plan, "metric": e.metric,
              "unit": e.unit, "value_text": e.value_text, "target": target_text(e.comparator, e.value_text),
              "attainment": ratio, "met": met})
    return d


def digest(reg: Registry, table: UnitTable | None, records: list[Record], f: Filters, *,
           days: int = 7, by: str = "unit") -> dict:
    """Everything the weekly digest says, as plain data (keys: README, “Weekly digest”)."""
    if by not in BY:
        raise ValueError(f"by must be one of {BY}, not {by!r}")
    rows = [_item(r) for r in occurrence_rows(reg, f, table, records)]
    chosen = set(f.units)
    plan_short = {code: p.short for code, p in reg.plans.items()}
    counts: dict[str, dict] = {}
    groups: dict[str, list[dict]] = {}
    for r in rows:
        for k in _group_keys(r, by, table, chosen):
            c = counts.setdefault(k, dict.fromkeys(COUNT_KEYS, 0))
            c["total"] += 1
            c[r["light"]] += 1
            if r["status"] in c:
                c[r["status"]] += 1
            if r["status"] == "overdue":
                groups.setdefault(k, []).append(r)
    totals = dict.fromkeys(COUNT_KEYS, 0)
    for r in rows:  # each occurrence once, however many lead units it has
        totals["total"] += 1
        totals[r["light"]] += 1
        if r["status"] in totals:
            totals[r["status"]] += 1

    def name_label(k: str) -> dict:
        return {"name": k, "label": plan_short.get(k, k) if by == "plan" else k}

    order = sorted(counts, key=lambda k: (-counts[k]["overdue"], -counts[k]["total"], k))
    week_ago = (f.as_of - timedelta(days=7)).isoformat()
    today, horizon = f.as_of.isoformat(), (f.as_of + timedelta(days=days)).isoformat()
    start, end = week_bounds(f.as_of)
    ids = {e.id for e in select_entries(reg, f, table)}
    by_id = reg.by_id()
    recorded = [d for r in records_between(records, start, end)
                if r.entry_id in ids and (d := _record_row(by_id, r)) is not None]
    entered = []
    for r, gone in records_entered(records, start, end):
        if r.entry_id not in ids or (d := _record_row(by_id, r)) is None:
            continue
        d["entered"] = entered_on(r).isoformat()
        d["backdated"] = r.effective < start
        d["withdrew"] = gone.as_dict() if gone is not None else None
        entered.append(d)
    return {
        "as_of": today, "week": [start.isoformat(), end.isoformat()], "days": days, "by": by,
        "units": list(f.units), "plans": list(f.plans), "docs": list(f.docs),
        "overdue_total": totals["overdue"],
        "counts": [name_label(k) | counts[k] for k in order],
        "totals": totals,
        "overdue": [name_label(k) | {"items": groups[k]} for k in order if k in groups],
        "newly_overdue": [r for r in rows if r["status"] == "overdue" and r["deadline"] >= week_ago],
        "due_next": [r for r in rows if r["status"] in (Status.DUE_SOON, Status.UPCOMING, Status.IN_PROGRESS)
                     and r["deadline"] and today <= r["deadline"] <= horizon],
        "recorded_last_week": recorded,
        "entered_last_week": entered,
    }


# --------------------------------------------------------------------------- rendering

def _pct(x: float | None) -> str:
    return "" if x is None else f"{x:.0%}"


def _yes_no(v: bool | None, lang: str) -> str:
    return "" if v is None else say("digest.yes" if v else "digest.no", lang)


def _latest(r: dict, lang: str) -> str:
    """The latest record of an item in one cell: 进行中 · 32000 家 (91%) · 2024-10-21."""
    if not r.get("record_status"):
        return "—"
    parts = [word(r["record_status"], lang)]
    if r.get("actual") is not None:
        parts.append(written_like(r["actual"], r.get("value_text"), r.get("unit"))
                     + (f" ({_pct(r['attainment'])})" if r.get("attainment") is not None else ""))
    if r.get("recorded_on"):
        parts.append(r["recorded_on"])
    return " · ".join(parts)


def _shown(r: dict, lang: str) -> dict:
    """Display cells of an occurrence row."""
    return {"item": r["item"], "plan": r["plan"], "metric": r["metric"], "target": r["target"],
            "deadline": deadline_cell(r, lang), "days_left": r.get("days_left"), "days_overdue": r.get("days_overdue"),
            "status": word(r["status"], lang), "lead": "、".join(r["lead"]),
            "latest": _latest(r, lang), "_status": r["status"],
            "light": word(r["light"], lang), "_light": r["light"]}


def _shown_entered(d: dict, lang: str) -> dict:
    row = _shown_record(d, lang)
    w = d.get("withdrew")
    if w:
        change = say("digest.withdrew", lang).format(item=w["item"], status=word(w["status"], lang),
                                                      effective=w["effective"] or "—", note=d["note"] or "")
    else:
        change = " · ".join(x for x in (say("digest.backdated", lang) if d["backdated"] else "",
                                        d["note"] or "") if x)
    return row | {"entered": d["entered"], "change": change}


def _shown_record(d: dict, lang: str) -> dict:
    return {"item": d["item"], "metric": d["metric"], "status": word(d["status"], lang),
            "target": d["target"],
            # as the target is written (a bare 1.02 typed against 1 亿千瓦 reads 1.02亿千瓦), one token
            "actual": "" if d["actual"] is None else written_like(d["actual"], d["value_text"], d["unit"]).replace(" ", ""),
            "attainment": _pct(d["attainment"]), "met": _yes_no(d["met"], lang), "effective": d["effective"],
            "evidence": "; ".join(x for x in (d["source"], d.get("evidence"),
                                              d.get("extend_to") and f"→ {d['extend_to']}") if x),
            "_status": d["status"]}


# On a terminal these take the slack and are cut with …; the other columns are tokens that never wrap.
FLEX = frozenset({"metric", "lead", "latest", "evidence", "label", "change"})


def _cols(lang: str, *spec) -> list[Column]:
    """Columns with headings in ``lang``."""
    return [Column(k, say(f"col.{k}", lang), w, "ellipsis" if k in FLEX else None) for k, w in spec]


def _sections(s: dict, lang: str) -> list[tuple[str, list[dict], list[Column]]]:
    """(heading, display rows, columns) of every table of the digest, in reading order."""
    by_plan = s["by"] == "plan"
    occ = _cols(lang, ("item", None), ("plan", None), ("metric", 30), ("target", 16), ("deadline", None),
                ("days_left", None), ("status", None), ("light", None), ("lead", 30))
    over = _cols(lang, ("item", None), ("lead" if by_plan else "plan", 24 if by_plan else None),
                 ("metric", 30), ("target", 16), ("deadline", None), ("days_overdue", None), ("light", None),
                 ("latest", 30))
    recs = _cols(lang, ("item", None), ("metric", 30), ("status", None), ("target", 16), ("actual", 16),
                 ("attainment", None), ("met", None), ("effective", None), ("evidence", 24))
    ents = _cols(lang, ("item", None), ("metric", 24), ("status", None), ("actual", 16), ("effective", None),
                 ("entered", None), ("change", 36))
    name_key = "plan" if by_plan else "lead"
    counts = [Column("label", say(f"col.{name_key}", lang), None, "ellipsis")] + [  # a status heads its count
        Column(k, word(k, lang) if k != "total" else say("col.total", lang)) for k in COUNT_KEYS]
    total_row = {"label": say("digest.total", lang)} | s["totals"]
    out = [(say(f"digest.counts_by_{s['by']}", lang), s["counts"] + [total_row], counts)]
    for g in s["overdue"]:
        head = say(f"digest.overdue_{s['by']}", lang).format(name=g["label"], n=len(g["items"]))
        out.append((head, [_shown(r, lang) for r in g["items"]], over))
    w0, w1 = s["week"]
    wk = (date.fromisoformat(s["as_of"]) - timedelta(days=7)).isoformat()
    last = (date.fromisoformat(s["as_of"]) - timedelta(days=1)).isoformat()
    out += [
        (say("digest.newly", lang).format(start=wk, end=last), [_shown(r, lang) for r in s["newly_overdue"]], occ),
        (say("digest.due_next", lang).format(days=s["days"]), [_shown(r, lang) for r in s["due_next"]], occ),
        (say("digest.records", lang).format(start=w0, end=w1),
         [_shown_record(d, lang) for d in s["recorded_last_week"]], recs),
        (say("digest.entered", lang).format(start=w0, end=w1),
         [_shown_entered(d, lang) for d in s["entered_last_week"]], ents),
    ]
    return out


def _summary(s: dict, lang: str) -> str:
    t = s["totals"]
    return say("digest.summary", lang).format(
        overdue=t["overdue"], due=len(s["due_next"]), days=s["days"], newly=len(s["newly_overdue"]),
        records=len(s["recorded_last_week"]), entered=len(s["entered_last_week"]), met=t["met"], done=t["done"], missed=t["missed"], total=t["total"]
    ) + say("digest.lights", lang).format(**{k: t[k] for k in LIGHTS})


def weekly_report(reg: Registry, table, records, f: Filters, days: int, fmt: str, out: TextIO, *,
                  lang: str = "en", by: str = "unit") -> None:
    """Write the digest in ``fmt`` (md, html, plain, json; ``table``: plain text whose tables fit the
    terminal) to ``out``."""
    s = digest(reg, table, records, f, days=days, by=by)
    if fmt == "json":
        out.write(json.dumps(s, ensure_ascii=False, indent=1, default=str) + "\n")
        return
    # the scope reads as on the dashboard: 省大数据局 · 营商环境, 全部单位 · 全部计划
    title = say("digest.title", lang).format(scope=filter_scope(reg, f, lang), as_of=s["as_of"])
    summary, parts = _summary(s, lang), _sections(s, lang)
    none = say("report.none", lang)
    starred = any(r.get("deadline", "").endswith("*") for _, rows, _ in parts for r in rows
                  if isinstance(r.get("deadline"), str))
    note = say("report.inferred_note", lang) if starred else ""
    if fmt == "html":
        from .weekly_html import page

        out.write(page(title, summary, parts, lang, note=note, none=none))
        return
    if fmt == "md":
        out.write(f"# {md_escape(title)}\n\n{md_escape(summary)}\n\n")
        for head, rows, cols in parts:
            out.write(f"## {md_escape(head)}\n\n")
            if rows:  # Markdown viewers wrap long cells: show metrics whole
                render(rows, [replace(c, max_width=None) for c in cols], "md", out)
            else:
                out.write(f"({none})\n")
            out.write("\n")
        if note:
            out.write(md_escape(note) + "\n")
        return
    out.write(f"{title}\n{summary}\n\n")
    for head, rows, cols in parts:
        out.write(f"{head}\n")
        if rows:
            render(rows, cols, "table" if fmt == "table" else "plain", out)
        else:
            out.write(f"({none})\n")
        out.write("\n")
    if note:
        out.write(note + "\n")
