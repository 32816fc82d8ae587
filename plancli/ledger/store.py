"""The progress ledger (``data/progress.yaml``): what was achieved, when, on what evidence.

The ledger is history. ``append_record`` never rewrites or drops an earlier record: it takes a file
lock (so two cron jobs and a person cannot interleave), re-reads and re-validates the file (a
hand-corrupted ledger is reported with ``file:line`` instead of being overwritten), appends the new
record as text (keeping comments and hand formatting), writes a temporary file in the same
directory, fsyncs it and renames it over the old one — a crash leaves either the old or the new
ledger, never half of one.

Time: every record has an *effective date* (``on``: when it happened or was assessed). A status
"as of D" uses only records effective on or before D; among those the latest effective date wins,
file order breaking ties. A record without ``on`` (ledgers written before it was stored) counts
from the calendar date written in its ``recorded_at``. ``recorded_at`` is an audit stamp only.

Corrections: a ``retracted`` record withdraws the record that decided its item's status when the
retraction was written (the item's latest active record above it in the file). A retraction corrects
the ledger, not the world, so the withdrawn record counts at no date; both stay in the history.
"""

from __future__ import annotations

import dataclasses
import os
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from ..text.deadline import DeadlineError, parse_date
from ..vocabulary import EXTENDED, RECORD_STATUSES, RETRACTED
from ..yamlio.atomic import atomic_path
from ..yamlio.reader import RegistryError, load_yaml, read_text

__all__ = ["LedgerError", "Record", "RECORD_STATUSES", "RETRACTED", "EXTENDED", "load_ledger", "append_record",
           "append_records", "latest_records", "next_withdrawn", "extensions", "withdrawn", "records_between", "history", "HEADER", "default_path"]

_LEDGER_STATUSES = (*RECORD_STATUSES, RETRACTED, EXTENDED)
HEADER = ("# plancli progress ledger: append-only history written by `plancli record`.\n"
          "# The latest record (by its `on` date) of an item decides its status; earlier ones are kept\n"
          "# as history. A `retracted` record withdraws the item's latest record.\n"
          "records:\n")


class LedgerError(RegistryError):
    """A ledger that cannot be read or written."""


@dataclass(frozen=True)
class Record:
    item: str  # entry id, or id@2024 / id@2024Q1 for one occurrence of a recurring entry
    status: str
    actual: float | None = None
    actual_text: str | None = None
    on: date | None = None
    source: str | None = None
    note: str | None = None
    recorded_at: str | None = None
    yaml_line: int = 0
    forced: bool = False  # status kept against the value (`record --force --note`)
    evidence: str | None = None  # 佐证材料: text, URL or file path as given
    evidence_sha256: str | None = None  # for a file: its digest and size when recorded
    evidence_size: int | None = None
    extend_to: date | None = None  # an `extended` record: the new deadline

    @property
    def entry_id(self) -> str:
        return self.item.split("@", 1)[0]

    @property
    def effective(self) -> date:
        """``on``; for a record without it, the date written in ``recorded_at``; else always."""
        if self.on is not None:
            return self.on
        try:
            return date.fromisoformat((self.recorded_at or "")[:10])
        except ValueError:
            return date.min

    def as_dict(self) -> dict:
        return {"item": self.item, "id": self.entry_id, "status": self.status, "actual": self.actual,
                "actual_text": self.actual_text, "on": self.on.isoformat() if self.on else None,
                "effective": self.effective.isoformat() if self.effective != date.min else None,
                "source": self.source, "note": self.note, "forced": self.forced,
                "evidence": self.evidence, "evidence_sha256": self.evidence_sha256,
                "evidence_size": self.evidence_size,
                "extend_to": self.extend_to.isoformat() if self.extend_to else None,
                "recorded_at": self.recorded_at, "line": self.yaml_line}


def _parse(path: Path, doc) -> list[Record]:
    if doc is None:
        return []
    if not isinstance(doc, dict) or not isinstance(doc.get("records", []), list | type(None)):
        raise LedgerError("a ledger must be a mapping with a 'records:' list", path, 1)
    out = []
    for d in doc.get("records") or []:
        line = getattr(d, "line", None)
        if not isinstance(d, dict):
            raise LedgerError("each record must be a mapping", path, line)
        item, status = d.get("id"), d.get("status")
        if not isinstance(item, str) or not item:
            raise LedgerError("record without an 'id'", path, line)
        if status not in _LEDGER_STATUSES:
            raise LedgerError(f"record {item}: status must be one of {', '.join(_LEDGER_STATUSES)}, "
                              f"not {status!r}", path, line)
        forced = d.get("forced", False)
        if not isinstance(forced, bool):
            raise LedgerError(f"record {item}: forced must be true or false, not {forced!r}", path,
                              d.key_lines.get("forced", line))
        actual = d.get("actual")
        if actual is not None and (isinstance(actual, bool) or not isinstance(actual, int | float)):
            raise LedgerError(f"record {item}: actual must be a number, not {actual!r}", path, line)
        on = None
        if d.get("on") is not None:
            try:
                on = parse_date(str(d["on"]))
            except DeadlineError as exc:
                raise LedgerError(f"record {item}: on: {exc}", path, d.key_lines.get("on", line)) from None
        text = {k: (str(d[k]) if d.get(k) is not None else None)
                for k in ("actual_text", "source", "note", "recorded_at", "evidence", "evidence_sha256")}
        size = d.get("evidence_size")
        if size is not None and (isinstance(size, bool) or not isinstance(size, int) or size < 0):
            raise LedgerError(f"record {item}: evidence_size must be a whole number of bytes, not {size!r}", path,
                              d.key_lines.get("evidence_size", line))
        extend_to = None
        if d.get("extend_to") is not None:
            try:
                extend_to = parse_date(str(d["extend_to"]))
            except DeadlineError as exc:
                raise LedgerError(f"record {item}: extend_to: {exc}", path,
                                  d.key_lines.get("extend_to", line)) from None
        if (status == EXTENDED) != (extend_to is not None):
            raise LedgerError(f"record {item}: an {EXTENDED} record needs extend_to: DATE, and only it has one",
                              path, line)
        if on is None and text["recorded_at"] is not None and date.min == Record(item, status, on=None,
                                                                                  recorded_at=text["recorded_at"]).effective:
            raise LedgerError(f"record {item}: recorded_at {text['recorded_at']!r} does not start with a date; "
                              "give the record an on: date", path, d.key_lines.get("recorded_at", line))
        out.append(Record(item, status, float(actual) if actual is not None else None, on=on,
                          yaml_line=line or 0, forced=forced, evidence_size=size, extend_to=extend_to, **text))
    return out


def load_ledger(path: str | Path) -> list[Record]:
    """Records in file order; a missing ledger is an empty one."""
    p = Path(path)
    if not p.exists():
        return []
    try:
        return _parse(p, load_yaml(p))
    except LedgerError:
        raise
    except RegistryError as exc:
        raise LedgerError(exc.message, exc.path or p, exc.line) from None


def withdrawn(records: list[Record]) -> dict[int, Record]:
    """Index of each withdrawn record → the retraction that withdrew it (see the module docstring)."""
    active: dict[str, list[int]] = {}
    out: dict[int, Record] = {}
    for i, r in enumerate(records):
        if r.status != RETRACTED:
            active.setdefault(r.item, []).append(i)
            continue
        stack = active.get(r.item)
        if stack:
            j = max(stack, key=lambda k: (records[k].effective, k))
            stack.remove(j)
            out[j] = r
    return out


def next_withdrawn(records: list[Record], item: str) -> Record | None:
    """The record a retraction of ``item`` appended now would withdraw (the rule of ``withdrawn``):
    its latest active record, an extension included."""
    gone = withdrawn(records)
    live = [(r.effective, i) for i, r in enumerate(records)
            if r.item == item and r.status != RETRACTED and i not in gone]
    return records[max(live)[1]] if live else None


def latest_records(records: list[Record], as_of: date | None = None) -> dict[str, Record]:
    """The record deciding each item's status as of ``as_of`` (None: every record counts).

    Only records effective on or before ``as_of`` count, withdrawn ones never; the latest effective
    date wins, the later line on the same date.
    """
    gone = withdrawn(records)
    out: dict[str, Record] = {}
    for i, r in enumerate(records):
        if r.status in (RETRACTED, EXTENDED) or i in gone or (as_of is not None and r.effective > as_of):
            continue
        cur = out.get(r.item)
        if cur is None or r.effective >= cur.effective:
            out[r.item] = r
    return out


def extensions(records: list[Record], as_of: date | None = None) -> dict[str, Record]:
    """The extension in force for each item as of ``as_of`` (None: every record counts): its latest
    ``extended`` record effective by then and not withdrawn (the later line on the same date)."""
    gone = withdrawn(records)
    out: dict[str, Record] = {}
    for i, r in enumerate(records):
        if r.status != EXTENDED or i in gone or (as_of is not None and r.effective > as_of):
            continue
        cur = out.get(r.item)
        if cur is None or r.effective >= cur.effective:
            out[r.item] = r
    return out


def records_between(records: list[Record], start: date, end: date) -> list[Record]:
    """Records effective from ``start`` to ``end`` (inclusive), oldest first, file order within a
    day; withdrawn ones left out, retractions kept (a correction is news)."""
    gone = withdrawn(records)
    hits = [(r.effective, i, r) for i, r in enumerate(records) if i not in gone and start <= r.effective <= end]
    return [r for _, _, r in sorted(hits, key=lambda t: (t[0], t[1]))]


def history(records: list[Record], entry_id: str, as_of: date | None = None) -> list[dict]:
    """An entry's records effective up to ``as_of``, in file order, each as a dict; a withdrawn one
    carries ``withdrawn`` (the retraction's date and reason)."""
    gone = withdrawn(records)
    out = []
    for i, r in enumerate(records):
        if r.entry_id != entry_id or (as_of is not None and r.effective > as_of):
            continue
        d = r.as_dict()
        by = gone.get(i)
        d["withdrawn"] = {"on": by.effective.isoformat(), "note": by.note, "line": by.yaml_line} if by else None
        out.append(d)
    return out


def _yaml_str(s: str) -> str:
    # JSON string syntax is valid YAML and escapes quotes, newlines and control characters.
    import json

    return json.dumps(s, ensure_ascii=False)


def _yaml_float(x: float) -> str:
    """A float YAML reads back as a float: YAML 1.1 wants a dot before the exponent (5.0e-05)."""
    t = format(float(x), ".17g")
    if "e" in t and "." not in t.split("e")[0]:
        t = t.replace("e", ".0e")
    elif "e" not in t and "." not in t and t not in ("inf", "-inf", "nan"):
        t += ".0"
    return t


def _record_text(r: Record, indent: str = "  ") -> str:
    pad = indent + "  "
    lines = [f"{indent}- id: {_yaml_str(r.item)}", f"{pad}status: {r.status}"]
    if r.actual is not None:
        lines.append(f"{pad}actual: {_yaml_float(r.actual)}")
    for k in ("actual_text", "source", "note", "evidence", "evidence_sha256"):
        v = getattr(r, k)
        if v is not None:
            lines.append(f"{pad}{k}: {_yaml_str(v)}")
    if r.evidence_size is not None:
        lines.append(f"{pad}evidence_size: {int(r.evidence_size)}")
    if r.extend_to is not None:
        lines.append(f"{pad}extend_to: '{r.extend_to.isoformat()}'")
    if r.forced:
        lines.append(f"{pad}forced: true")
    if r.on is not None:
        lines.append(f"{pad}on: '{r.on.isoformat()}'")
    lines.append(f"{pad}recorded_at: '{r.recorded_at}'")
    return "\n".join(lines) + "\n"


def append_record(path: str | Path, record: Record, *, timeout: float = 30.0) -> Record:
    """Append one record atomically under a lock; return it with its timestamp."""
    return append_records(path, [record], timeout=timeout)[0]


def append_records(path: str | Path, records: list[Record], *, timeout: float = 30.0) -> list[Record]:
    """Append records atomically under one lock, all or nothing; return them with their timestamps."""
    from filelock import FileLock, Timeout

    p = Path(path)
    # local time with its offset: what the person saw on their clock
    stamp = datetime.now().astimezone().replace(microsecond=0).isoformat()
    records = [r if r.recorded_at is not None else dataclasses.replace(r, recorded_at=stamp) for r in records]
    if not records:
        return []
    p.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(p) + ".lock")
    try:
        with lock.acquire(timeout=timeout):
            if p.exists() and not os.access(p, os.W_OK):
                # Renaming over it would succeed (only the directory must be writable), but a
                # read-only ledger is someone's decision that it must not change.
                raise LedgerError("ledger is read-only; nothing was recorded", p)
            old = _read_or_raise(p) if p.exists() else ""
            indent = "  "
            if old.strip():
                _parse(p, _load_or_raise(p, old))  # refuse to build on a corrupted ledger
                new = old if old.endswith("\n") else old + "\n"
                if re.search(r"^records:[ \t]*\[[ \t]*\][ \t]*$", new, re.M):
                    new = re.sub(r"^records:[ \t]*\[[ \t]*\][ \t]*$", "records:", new, count=1, flags=re.M)
                elif re.search(r"^records:\s*\[", new, re.M):
                    raise LedgerError("ledger writes 'records:' as a [flow] list; use one '- id:' block "
                                      "per record to append", p)
                if not re.search(r"^records:", new, re.M):
                    new += "records:\n"
                m = re.search(r"^( *)- ", new.split("records:", 1)[1], re.M)
                indent = m.group(1) if m else "  "  # match how existing records are indented
            else:
                new = HEADER
            new += "".join(_record_text(r, indent) for r in records)
            _parse(p, _load_or_raise(p, new))  # the result must read back
            _atomic_write(p, new)
    except Timeout:
        raise LedgerError(f"ledger is locked by another process (waited {timeout:g}s)", p) from None
    except PermissionError as exc:
        raise LedgerError(f"cannot write ledger: {exc.strerror}", p) from None
    except OSError as exc:
        if isinstance(exc, LedgerError):
            raise
        raise LedgerError(f"cannot write ledger: {exc.strerror or exc}", p) from None
    return records


def _read_or_raise(p: Path) -> str:
    try:
        return read_text(p)[1]
    except RegistryError as exc:
        raise LedgerError(exc.message, p, exc.line) from None


def _load_or_raise(p: Path, text: str):
    try:
        return load_yaml(p, text)
    except LedgerError:
        raise
    except RegistryError as exc:
        raise LedgerError(exc.message, p, exc.line) from None


def _atomic_write(p: Path, text: str) -> None:
    with atomic_path(p) as tmp, open(tmp, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())


def default_path(registry_path: Path) -> Path:
    """progress.yaml beside the registry (data/progress.yaml in a checkout); for an installed
    package or a read-only directory, the user's data directory."""
    beside = registry_path.parent / "progress.yaml"
    # Inside an installed package the ledger would be hidden in site-packages and orphaned by an
    # upgrade: keep it in the user's data directory instead.
    installed = any(part in ("site-packages", "dist-packages") for part in registry_path.parts)
    if beside.exists() or (not installed and os.access(registry_path.parent, os.W_OK)):
        return beside
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "plancli" / "progress.yaml"
