"""Exports: RFC 5545 calendar, CSV, JSON and an SQLite database.

* ``ics`` — one all-day VEVENT per deadline occurrence (most calendar apps hide VTODO), with the
  metric, target, units and source quote in the description. UIDs are derived from the item id
  (``kjyf-002@2024@plancli``), so re-importing updates events instead of duplicating them.
* ``csv`` / ``json`` — the full registry joined with the latest status, one row per occurrence.
* ``sqlite`` — tables ``plans``, ``targets``, ``units``, ``target_units`` (entry ↔ unit, role),
  ``occurrences`` and ``records``, with foreign keys, for any SQL tool.
"""

from __future__ import annotations

import io
import sqlite3
import sys
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

from .errors import PlancliError
from .fsutil import atomic_path, atomic_write_bytes
from .ledger import Record, withdrawn
from .model import Registry
from .query import CONTRACT, Filters, entry_dict, occurrence_rows, target_text
from .render import render
from .units import UnitTable

__all__ = ["ExportError", "EXPORTERS", "export", "to_ics", "to_csv", "to_json", "to_sqlite", "write_output"]


class ExportError(PlancliError):
    """An export that cannot be written as asked."""


def _rows(reg, table, records, f: Filters):
    return occurrence_rows(reg, f, table, records)


def to_ics(reg: Registry, table: UnitTable | None, records: list[Record], f: Filters) -> bytes:
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", "-//plancli//鲁政发〔2024〕5号//ZH")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "plancli deadlines")
    stamp = datetime.combine(f.as_of, time(0, 0), tzinfo=UTC)
    for r in _rows(reg, table, records, f):
        if not r["deadline"]:
            continue
        d = datetime.fromisoformat(r["deadline"]).date()
        ev = Event()
        ev.add("uid", f"{r['item']}@plancli")
        ev.add("dtstamp", stamp)
        ev.add("dtstart", d)
        ev.add("dtend", d + timedelta(days=1))
        target = f" {r['value_text']}" if r["value_text"] else ""
        ev.add("summary", f"{r['metric']}{target} [{r['item']}]")
        desc = [f"计划: {r['plan_name']} ({r['plan']})", f"指标: {r['metric']}",
                f"目标: {target_text(r['comparator'], r['value_text'])}",
                f"期限: {r['deadline_text'] or '未写明（按计划期末）'}",
                f"牵头单位: {'、'.join(r['lead'])}", f"配合单位: {'、'.join(r['support']) or '—'}",
                f"状态: {r['status']}", f"原文 (第{r['line']}行): {r['quote']}"]
        ev.add("description", "\n".join(desc))
        ev.add("categories", [r["plan"], r["kind"]])
        cal.add_component(ev)
    return cal.to_ical()


def to_csv(reg, table, records, f) -> bytes:
    buf = io.StringIO()
    render(_rows(reg, table, records, f), [], "csv", buf, fields=CONTRACT)
    return buf.getvalue().encode("utf-8")


def to_json(reg, table, records, f) -> bytes:
    buf = io.StringIO()
    render(_rows(reg, table, records, f), [], "json", buf, fields=CONTRACT)
    return buf.getvalue().encode("utf-8")


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
                          status TEXT, days_left INT, actual REAL, attainment REAL, met INT);
CREATE TABLE records (seq INTEGER PRIMARY KEY, item TEXT, target_id TEXT REFERENCES targets(id),
                      status TEXT, actual REAL, actual_text TEXT, "on" TEXT, source TEXT, note TEXT,
                      recorded_at TEXT, effective TEXT, forced INT, withdrawn_by INT REFERENCES records(seq));
CREATE INDEX target_units_unit ON target_units(unit);
CREATE INDEX occurrences_deadline ON occurrences(deadline);
"""


def to_sqlite(reg: Registry, table: UnitTable | None, records: list[Record], f: Filters, path: Path) -> None:
    """Build the database in a temporary file, then move it into place (no half-written file)."""
    with atomic_path(Path(path)) as tmp:
        con = sqlite3.connect(tmp)
        try:
            with con:
                _fill(con, reg, table, records, f)
        finally:
            con.close()


def _fill(con, reg: Registry, table: UnitTable | None, records: list[Record], f: Filters) -> None:
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
        d = entry_dict(reg, e)
        con.execute("INSERT INTO targets VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", (
            e.id, e.kind, e.plan, e.section, e.task, e.metric, e.value, e.value_max, e.unit,
            e.comparator, e.value_text, d["deadline"], e.deadline_text, int(e.deadline_inferred),
            e.recurring, int(e.units_inferred), e.quote, e.line))
        for role, group in (("lead", e.lead), ("support", e.support)):
            for n in dict.fromkeys(canon(x) for x in group):
                con.execute("INSERT OR IGNORE INTO target_units VALUES (?,?,?)", (e.id, n, role))
    for r in _rows(reg, table, records, f):
        con.execute("INSERT INTO occurrences VALUES (?,?,?,?,?,?,?,?)", (
            r["item"], r["id"], r["deadline"], r["status"], r["days_left"], r["actual"],
            r["attainment"], None if r["met"] is None else int(r["met"])))
    # seq is the 1-based position in the ledger; withdrawn_by points at the retraction's seq.
    pos = {id(r): k for k, r in enumerate(records)}
    by = {i: pos[id(r)] for i, r in withdrawn(records).items()}
    con.executemany("INSERT INTO records (seq, item, target_id, status, actual, actual_text, \"on\", "
                    "source, note, recorded_at, effective, forced, withdrawn_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    [(i + 1, r.item, r.entry_id if r.entry_id in keep else None, r.status, r.actual,
                      r.actual_text, r.on.isoformat() if r.on else None, r.source, r.note, r.recorded_at,
                      r.as_dict()["effective"], int(r.forced), by[i] + 1 if i in by else None)
                     for i, r in enumerate(records)])


def write_output(data: bytes, output: Path | None) -> None:
    if output is None or str(output) == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    atomic_write_bytes(Path(output), data)




# format → writer of bytes (sqlite is written straight to its file).
EXPORTERS = {"ics": to_ics, "csv": to_csv, "json": to_json}


def export(fmt: str, reg: Registry, table: UnitTable | None, records: list[Record], f: Filters,
           output: Path | None) -> None:
    """Write the filtered occurrences in ``fmt`` to ``output`` (stdout when None or ``-``)."""
    if fmt == "sqlite":
        if output is None:
            raise ExportError("--format sqlite needs a file: plancli export --format sqlite PATH")
        to_sqlite(reg, table, records, f, output)
        return
    writer = EXPORTERS.get(fmt)
    if writer is None:
        raise ExportError(f"unknown export format {fmt!r}; choose ics, csv, json or sqlite")
    write_output(writer(reg, table, records, f), output)
