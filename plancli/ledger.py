"""The progress ledger (``data/progress.yaml``): what was achieved, when, on what evidence.

The ledger is history. ``append_record`` never rewrites or drops an earlier record: it takes a file
lock (so two cron jobs and a person cannot interleave), re-reads and re-validates the file (a
hand-corrupted ledger is reported with ``file:line`` instead of being overwritten), appends the new
record as text (keeping comments and hand formatting), writes a temporary file in the same
directory, fsyncs it and renames it over the old one — a crash leaves either the old or the new
ledger, never half of one.
"""

from __future__ import annotations

import dataclasses
import os
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from .deadline import DeadlineError, parse_date
from .fsutil import atomic_path
from .model import Entry, Problem, Registry
from .yamlfile import RegistryError, load_yaml, read_text

__all__ = ["LedgerError", "Record", "RECORD_STATUSES", "load_ledger", "append_record", "latest_records",
           "check_ledger", "HEADER", "default_path", "resolve_item", "record_progress"]

RECORD_STATUSES = ("done", "met", "missed", "in_progress")
HEADER = ("# plancli progress ledger: append-only history written by `plancli record`.\n"
          "# The latest record of an item decides its status; earlier ones are kept as history.\n"
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

    @property
    def entry_id(self) -> str:
        return self.item.split("@", 1)[0]

    def as_dict(self) -> dict:
        return {"item": self.item, "id": self.entry_id, "status": self.status, "actual": self.actual,
                "actual_text": self.actual_text, "on": self.on.isoformat() if self.on else None,
                "source": self.source, "note": self.note, "recorded_at": self.recorded_at}


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
        if status not in RECORD_STATUSES:
            raise LedgerError(f"record {item}: status must be one of {', '.join(RECORD_STATUSES)}, "
                              f"not {status!r}", path, line)
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
                for k in ("actual_text", "source", "note", "recorded_at")}
        out.append(Record(item, status, float(actual) if actual is not None else None, on=on,
                          yaml_line=line or 0, **text))
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


def latest_records(records: list[Record]) -> dict[str, Record]:
    """Latest record per item; file order is history order, so later wins."""
    out: dict[str, Record] = {}
    for r in records:
        out[r.item] = r
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
    for k in ("actual_text", "source", "note"):
        v = getattr(r, k)
        if v is not None:
            lines.append(f"{pad}{k}: {_yaml_str(v)}")
    if r.on is not None:
        lines.append(f"{pad}on: '{r.on.isoformat()}'")
    lines.append(f"{pad}recorded_at: '{r.recorded_at}'")
    return "\n".join(lines) + "\n"


def append_record(path: str | Path, record: Record, *, timeout: float = 30.0) -> Record:
    """Append one record atomically under a lock; return it with its timestamp."""
    from filelock import FileLock, Timeout

    p = Path(path)
    if record.recorded_at is None:
        stamp = datetime.now(UTC).replace(microsecond=0).isoformat()
        record = dataclasses.replace(record, recorded_at=stamp)
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
            new += _record_text(record, indent)
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
    return record


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


def check_ledger(path: Path, records: list[Record], known_items) -> list[Problem]:
    """Problems of a readable ledger: unknown ids / occurrences (``known_items(item) -> bool``)."""
    out = []
    for r in records:
        if not known_items(r.item):
            out.append(Problem(str(path), r.yaml_line, f"record for unknown item {r.item!r}"))
    return out


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


def resolve_item(reg: Registry, item: str) -> tuple[Entry, str]:
    """The entry and the ledger item id of ``ID`` or ``ID@2024``; a 每年 entry needs its occurrence."""
    eid, _, occ = item.partition("@")
    e = reg.find(eid)
    items = e.items()
    if occ:
        if f"{e.id}@{occ}" not in items:
            raise LedgerError(f"{e.id} has no occurrence {occ!r}; use one of {', '.join(sorted(items))}")
        return e, f"{e.id}@{occ}"
    if e.recurring:
        raise LedgerError(f"{e.id} recurs ({e.deadline_text}); record one occurrence: {', '.join(sorted(items))}")
    return e, e.id


def record_progress(reg: Registry, path: Path, item: str, *, status: str, actual: str | None = None,
                    on: date | None = None, source: str | None = None, note: str | None = None
                    ) -> tuple[Record, Entry]:
    """Check one progress report against the registry and append it to the ledger at ``path``."""
    from .values import QuantityError, convert

    e, item_id = resolve_item(reg, item)
    if status not in RECORD_STATUSES:
        raise LedgerError(f"--status must be one of {', '.join(RECORD_STATUSES)}, not {status!r}")
    value = None
    if actual is not None:
        if e.kind != "target" or e.value is None:
            raise LedgerError(f"{e.id} is a milestone; --actual needs a quantified target")
        try:
            value = convert(actual, e.unit or "")
        except QuantityError as exc:
            raise LedgerError(f"--actual: {exc}") from None
    rec = append_record(path, Record(item=item_id, status=status, actual=value, actual_text=actual, on=on,
                                     source=source, note=note))
    return rec, e
