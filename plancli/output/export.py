"""Exports: RFC 5545 calendar, CSV, JSON, an Excel workbook and an SQLite database.

Every export takes the listing filters (unit, plan, dates, status, kind); ``open_only`` (``--open``)
leaves out what needs nothing more (done, met).

* ``ics`` — one all-day VEVENT per deadline occurrence (most calendar apps hide VTODO), with the
  metric, target, units and source quote in the description. UIDs are derived from the item id
  (``kjyf-002@2024@plancli``), so re-importing updates events instead of duplicating them. The
  SUMMARY starts with the status (``✓ 已达标``, ``✗ 未达标``, ``⚠ 已逾期``); the calendar's name says
  what it holds (unit, plan); ``remind`` adds a VALARM before the deadline of each *open* item (a
  done, met or missed one has nothing left to remind of); the description gives the light and why.
* ``csv`` / ``json`` — the full registry joined with the latest status, one row per occurrence.
* ``xlsx`` — the same rows for Excel/WPS (see plancli.output.xlsx).
* ``sqlite`` — tables ``plans``, ``targets``, ``units``, ``target_units`` (entry ↔ unit, role),
  ``occurrences`` and ``records``, with foreign keys, for any SQL tool.
"""

from __future__ import annotations

import io
import sqlite3
import sys
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

from dateutil.relativedelta import relativedelta

from ..errors import PlancliError
from ..ledger.record import Record
from ..ledger.timeline import withdrawn
from ..query.filters import Filters
from ..query.rows import contract
from ..registry.model import Registry, target_text
from ..registry.units import UnitTable
from ..text.actuals import written_like
from ..vocabulary import Status, is_open
from ..words import joined, keeps_codes, said, say, word
from ..yamlio.atomic import atomic_path, atomic_write_bytes
from .render import render
from .scope import filter_scope

__all__ = ["ExportError", "publish", "EXPORTERS", "EXPORT_FORMATS", "export", "to_ics", "to_csv", "to_json", "to_xlsx",
           "to_sqlite", "write_output", "calendar_name", "ics_summary"]

EXPORT_FORMATS = ("ics", "csv", "json", "sqlite", "xlsx")


class ExportError(PlancliError):
    """An export that cannot be written as asked."""


# A mark before the status in a calendar SUMMARY, so a month view tells them apart at a glance.
# due_soon/upcoming are left unmarked: the event's date already says it, and the label would go
# stale in the calendar after import.
_MARK = {Status.MET: "✓ ", Status.DONE: "✓ ", Status.MISSED: "✗ ", Status.OVERDUE: "⚠ ", Status.IN_PROGRESS: "… "}


def calendar_name(reg: Registry, f: Filters, lang: str) -> str:
    """X-WR-CALNAME: what the calendar holds, from the filters (``plancli 目标任务期限 — 省大数据局 · 数字变革``)."""
    name = f"plancli {say('ics.calendar', lang)} — {filter_scope(reg, f, lang)}"
    if f.statuses:
        name += " (" + joined([word(s, lang) for s in f.statuses], lang) + ")"
    return name


def ics_summary(r: dict, lang: str) -> str:
    """``✓ 已达标 全社会研发经费投入年均增长率 10% [kjyf-001@2024]``: status first, the item id last."""
    target = f" {r['value_text']}" if r["value_text"] else ""
    status = r["status"]
    head = f"{_MARK[status]}{word(status, lang)} " if status in _MARK else ""
    return f"{head}{r['metric']}{target} [{r['item']}]"


def to_ics(rows: list[dict], *, reg: Registry, f: Filters, lang: str = "zh",
           remind: relativedelta | None = None, **_) -> bytes:
    """The calendar; ``remind`` adds a VALARM that long before each deadline (``7d`` → TRIGGER -P7D)."""
    from icalendar import Alarm, Calendar, Event

    cal = Calendar()
    cal.add("prodid", "-//plancli//鲁政发〔2024〕5号//ZH")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", calendar_name(reg, f, lang))
    stamp = datetime.combine(f.as_of, time(0, 0), tzinfo=UTC)
    def L(key: str) -> str:  # noqa: N802 - a label, short: the description is all labels
        return say(key, lang)
    for r in rows:
        if not r["deadline"]:
            continue
        d = datetime.fromisoformat(r["deadline"]).date()
        ev = Event()
        ev.add("uid", f"{r['item']}@plancli")
        ev.add("dtstamp", stamp)
        ev.add("dtstart", d)
        ev.add("dtend", d + timedelta(days=1))
        summary = ics_summary(r, lang)
        ev.add("summary", summary)
        status = word(r["status"], lang) + ("" if keeps_codes(lang) else f" ({r['status']})")
        desc = [f"{L('col.plan')}: {r['plan_name']} ({r['plan']})", f"{L('col.metric')}: {r['metric']}",
                f"{L('col.target')}: {target_text(r['comparator'], r['value_text'])}",
                f"{L('col.deadline')}: {r['deadline_text'] or L('ics.no_time')}"
                + (say("report.extended_from", lang, d=r["deadline_original"]) if r["deadline_original"] else ""),
                f"{L('col.lead')}: {'、'.join(r['lead'])}", f"{L('col.support')}: {'、'.join(r['support']) or '—'}",
                f"{L('col.status')}: {status}",
                f"{L('ics.source').format(line=r['line'])}: {r['quote']}"]
        if r.get("actual") is not None:
            att = f" ({r['attainment']:.0%})" if r.get("attainment") is not None else ""
            desc.insert(7, f"{L('col.actual')}: {written_like(r['actual'], r['value_text'], r['unit'])}" + att)
        # 亮灯: the light and why, and a closing that came late (docs/lights.md)
        light = f"{L('col.light')}: {word(r['light'], lang)} ({said(r['light_reason'], lang)})"
        if r.get("late"):
            light += L("punct.comma") + L("report.late").format(days=r["days_late"])
        desc.insert(desc.index(next(x for x in desc if x.startswith(L("col.status")))) + 1, light)
        if r.get("evidence"):
            desc.insert(-1, f"{L('col.record_evidence')}: {r.get('evidence_name') or r['evidence']}")
        ev.add("description", "\n".join(desc))
        ev.add("categories", [r["plan"], r["kind"]])
        if remind is not None and is_open(r["status"]):  # nothing to remind of once it is closed
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", f"{L('ics.reminder')}: {summary}")
            alarm.add("trigger", -timedelta(days=(d - (d - remind)).days))  # 1m before 03-31 = 31 days
            ev.add_component(alarm)
        cal.add_component(ev)
    return cal.to_ical()


def to_csv(rows: list[dict], *, reg: Registry, **_) -> bytes:
    buf = io.StringIO()
    render(rows, [], "csv", buf, fields=contract(reg))
    return buf.getvalue().encode("utf-8")


def to_json(rows: list[dict], *, reg: Registry, **_) -> bytes:
    buf = io.StringIO()
    render(rows, [], "json", buf, fields=contract(reg))
    return buf.getvalue().encode("utf-8")


def to_xlsx(rows: list[dict], *, reg: Registry, f: Filters, lang: str = "zh", **_) -> bytes:
    """An Excel workbook of the same rows (see plancli.output.xlsx); headings and statuses in ``lang``."""
    from .xlsx import to_xlsx_bytes

    plans = {p.code: p.short for p in reg.plans.values()}
    return to_xlsx_bytes(rows, lang, title=calendar_name(reg, f, lang),
                         plan_labels=plans)


_SCHEMA = """
CREATE TABLE plans (code TEXT PRIMARY KEY, name TEXT, short TEXT, "group" TEXT, first_line INT,
                    last_line INT, complete INT);
CREATE TABLE units (name TEXT PRIMARY KEY, aliases TEXT);
CREATE TABLE targets (id TEXT PRIMARY KEY, kind TEXT, plan TEXT REFERENCES plans(code), section TEXT,
                      task INT, metric TEXT, value REAL, value_max REAL, unit TEXT, comparator TEXT,
                      value_text TEXT, deadline TEXT, deadline_text TEXT, deadline_inferred INT,
                      recurring TEXT, units_inferred INT, quote TEXT, line INT);
CREATE TABLE target_units (target_id TEXT REFERENCES targets(id), unit TEXT REFERENCES units(name),
                           role TEXT CHECK (role IN ('lead','support')), PRIMARY KEY (target_id, unit, role));
CREATE TABLE occurrences (item TEXT PRIMARY KEY, target_id TEXT REFERENCES targets(id), deadline TEXT,
                          status TEXT, days_left INT, actual REAL, attainment REAL, met INT,
                          deadline_original TEXT);
CREATE TABLE records (seq INTEGER PRIMARY KEY, item TEXT, target_id TEXT REFERENCES targets(id),
                      status TEXT, actual REAL, actual_text TEXT, "on" TEXT, source TEXT, note TEXT,
                      recorded_at TEXT, effective TEXT, forced INT, withdrawn_by INT REFERENCES records(seq),
                      rid TEXT, retracts TEXT, evidence TEXT, evidence_sha256 TEXT, evidence_size INT,
                      extend_to TEXT);
CREATE INDEX target_units_unit ON target_units(unit);
CREATE INDEX occurrences_deadline ON occurrences(deadline);
"""


def to_sqlite(rows: list[dict], reg: Registry, table: UnitTable | None, records: list[Record], path: Path) -> None:
    """Build the database in a temporary file, then move it into place (no half-written file)."""
    with atomic_path(Path(path)) as tmp:
        con = sqlite3.connect(tmp)
        try:
            with con:
                _fill(con, rows, reg, table, records)
        finally:
            con.close()


def _fill(con, rows: list[dict], reg: Registry, table: UnitTable | None, records: list[Record]) -> None:
    con.executescript(_SCHEMA)
    con.executemany("INSERT INTO plans VALUES (?,?,?,?,?,?,?)",
                    [(p.code, p.name, p.short, p.group, p.first_line, p.last_line, int(p.complete))
                     for p in reg.plans.values()])
    canon = table.canonical if table else (lambda n: n)
    names = {u.name: "、".join(u.aliases) for u in (table.units if table else [])}
    for e in reg.entries:
        for n in (*e.lead, *e.support):
            names.setdefault(canon(n), "")
    con.executemany("INSERT INTO units VALUES (?,?)", sorted(names.items()))
    keep = {e.id for e in reg.entries}
    for e in reg.entries:
        con.execute("INSERT INTO targets VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", (
            e.id, e.kind, e.plan, e.section, e.task, e.metric, e.value, e.value_max, e.unit,
            e.comparator, e.value_text, e.deadline.isoformat() if e.deadline else None, e.deadline_text, int(e.deadline_inferred),
            e.recurring, int(e.units_inferred), e.quote, e.line))
        for role, group in (("lead", e.lead), ("support", e.support)):
            for n in dict.fromkeys(canon(x) for x in group):
                con.execute("INSERT OR IGNORE INTO target_units VALUES (?,?,?)", (e.id, n, role))
    for r in rows:
        con.execute("INSERT INTO occurrences VALUES (?,?,?,?,?,?,?,?,?)", (
            r["item"], r["id"], r["deadline"], r["status"], r["days_left"], r["actual"],
            r["attainment"], None if r["met"] is None else int(r["met"]), r["deadline_original"]))
    # seq is the 1-based position in the ledger; withdrawn_by points at the retraction's seq.
    pos = {id(r): k for k, r in enumerate(records)}
    by = {i: pos[id(r)] for i, r in withdrawn(records).items()}
    con.executemany("INSERT INTO records (seq, item, target_id, status, actual, actual_text, \"on\", "
                    "source, note, recorded_at, effective, forced, withdrawn_by, rid, retracts, evidence, "
                    "evidence_sha256, evidence_size, extend_to) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    [(i + 1, r.item, r.entry_id if r.entry_id in keep else None, r.status, r.actual,
                      r.actual_text, r.on.isoformat() if r.on else None, r.source, r.note, r.recorded_at,
                      r.as_dict()["effective"], int(r.forced), by[i] + 1 if i in by else None, r.rid,
                      r.retracts, r.evidence, r.evidence_sha256, r.evidence_size,
                      r.extend_to.isoformat() if r.extend_to else None)
                     for i, r in enumerate(records)])


def write_output(data: bytes, output: Path | None) -> None:
    if output is None or str(output) == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    atomic_write_bytes(Path(output), data)


def publish(fmt: str | None, output: Path | None, *, table, xlsx, text, needs_file: str) -> None:
    """A document of several forms (the bulletin, the scores) written where it was asked for: ``table``
    (a callable writing to a stream) on a terminal when no format and no file is given, else ``md``;
    ``xlsx`` (a callable giving bytes) only to a file (``needs_file``: the code of the refusal); any
    other format through ``text(fmt)``, to ``output`` or stdout."""
    from .render import default_format

    fmt = fmt or ("table" if output is None and default_format() == "table" else "md")
    if fmt == "table":
        table(sys.stdout)
        return
    if fmt == "xlsx":
        if output is None or str(output) == "-":
            raise ExportError(needs_file)
        write_output(xlsx(), output)
        return
    write_output(text(fmt).encode("utf-8"), output)


# format → writer of bytes (sqlite is written straight to its file).
EXPORTERS = {"ics": to_ics, "csv": to_csv, "json": to_json, "xlsx": to_xlsx}


def export(fmt: str, rows: list[dict], reg: Registry, table: UnitTable | None, records: list[Record], f: Filters,
           output: Path | None, *, lang: str = "zh", remind: relativedelta | None = None) -> None:
    """Write ``rows`` (``query.rows.export_rows``) in ``fmt`` to ``output`` (stdout when None or ``-``).

    ``remind`` (ics only) adds a reminder before each deadline; ``lang`` is the language of the
    calendar's and the workbook's texts.
    """
    if fmt not in EXPORT_FORMATS:
        raise ExportError("export.unknown_format", given=fmt, choices=list(EXPORT_FORMATS))
    if remind is not None and fmt != "ics":
        raise ExportError("export.remind_ics")
    if fmt in ("sqlite", "xlsx") and (output is None or str(output) == "-"):
        raise ExportError("export.needs_file", fmt=fmt)
    if fmt == "sqlite":
        to_sqlite(rows, reg, table, records, output)
        return
    write_output(EXPORTERS[fmt](rows, reg=reg, f=f, lang=lang, remind=remind), output)
