"""One ledger record: the ``Record`` dataclass and how it is written as one line and read back.

Every field of ``Record`` that differs from its default is written under its own name (``item`` is
written as ``id``, the key ledgers always used) and read back by its declared type — date, number,
integer, true/false or text — so a new optional field needs no change here or in ``storage``.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import math
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..text.deadline import DeadlineError, parse_date
from ..vocabulary import DECISIONS, EXTENDED, LEDGER_STATUSES
from ..words import term
from ..yamlio.reader import DataFileError

__all__ = ["LedgerError", "Record", "INDENT", "clean_float", "record_from", "record_line"]

INDENT = "  "


class LedgerError(DataFileError):
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
    yaml_line: int = 0  # where it was read (never written)
    forced: bool = False  # status kept against the value (`record --force --note`)
    rid: str | None = None  # stable record id, written once
    retracts: str | None = None  # on a retraction: the rid of the record it withdraws
    evidence: str | None = None  # 佐证材料: text, URL or file path as given
    evidence_sha256: str | None = None  # for a file: its digest and size when recorded
    evidence_size: int | None = None
    extend_to: date | None = None  # an `extended` record (延期): the new deadline
    actual_below: float | None = None  # a figure written with 余/多: more than actual, less than this
    evidence_name: str | None = None  # a file in the evidence store: the name it was sent under
    problems: str | None = None  # 存在问题, as the unit wrote them (the note holds 进展情况)
    next_steps: str | None = None  # 下一步措施
    entered_by: str | None = None  # who entered it: git user.name of the ledger's repository, else the OS user
    unit: str | None = None  # whose report it is: the unit of the workbook a row was read from
    workbook: str | None = None  # a `submitted` record (报送): the file the unit sent back
    rows_filled: int | None = None  # a `submitted` record: how many of its rows the unit filled in
    workbook_sha256: str | None = None  # a `submitted` record: the file's digest (the same file is one 报送)
    reviews: str | None = None  # a review decision (销号 / 退办): the rid of the 报结 claim it decides

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
                "recorded_at": self.recorded_at, "line": self.yaml_line, "rid": self.rid,
                "retracts": self.retracts, "evidence": self.evidence, "evidence_sha256": self.evidence_sha256,
                "evidence_size": self.evidence_size, "evidence_name": self.evidence_name,
                "extend_to": self.extend_to.isoformat() if self.extend_to else None,
                "actual_below": self.actual_below, "problems": self.problems, "next_steps": self.next_steps,
                "entered_by": self.entered_by, "unit": self.unit, "workbook": self.workbook,
                "rows_filled": self.rows_filled, "workbook_sha256": self.workbook_sha256, "reviews": self.reviews}


# --------------------------------------------------------------------------- fields, generically

_NOT_WRITTEN = {"yaml_line"}
_KEY = {"item": "id"}  # field → key in the file (legacy name)


def _fields() -> list[dataclasses.Field]:
    return [f for f in dataclasses.fields(Record) if f.name not in _NOT_WRITTEN]


def clean_float(x: float) -> float:
    """15 significant digits: what a person typed, without binary noise (3.2000000000000002 → 3.2)."""
    return float(f"{float(x):.15g}")


# A ledger repeats a few hundred dates in 100k records: each is read once (errors are not kept, so
# a bad one is refused at each line).
_read_date = functools.lru_cache(maxsize=4096)(parse_date)


class _Bad(Exception):
    """A value its field's type refuses: the code and fields of the error, placed by ``record_from``."""

    def __init__(self, code: str, **fields):
        super().__init__(code)
        self.code, self.fields = code, fields


def _converter(f: dataclasses.Field):
    """``(value, item) -> value``: a value read from the file, checked and converted by the field's
    declared type (chosen once per field, not per value); a refused one raises ``_Bad``."""
    t, key = str(f.type), _KEY.get(f.name, f.name)
    if t.startswith("bool"):
        def as_bool(v, item):
            if not isinstance(v, bool):
                raise _Bad("files.record.not_bool", item=item, field=f.name, value=v)
            return v
        return as_bool
    if "date" in t and "datetime" not in t:
        def as_date(v, item):
            try:
                return _read_date(str(v))
            except DeadlineError as exc:
                raise _Bad("files.record.bad_date", item=item, field=key, problem=exc) from None
        return as_date
    if "float" in t or t.startswith("int"):
        number = clean_float if "float" in t else int

        def as_number(v, item):
            if isinstance(v, bool) or not isinstance(v, int | float):
                raise _Bad("files.record.not_number", item=item, field=key, value=v)
            if not math.isfinite(v):  # JSON's NaN and 1e999: a value no target can be compared with
                raise _Bad("security.not_finite", item=item, key=key, given=v)
            return number(v)
        return as_number

    def as_text(v, item):
        if v.__class__ is str:
            return v
        if isinstance(v, dict | list):
            raise _Bad("files.record.not_text", item=item, field=key,
                       kind=term("files.type.dict" if isinstance(v, dict) else "files.type.list"))
        return str(v)
    return as_text


_CONVERTERS: dict[str, tuple[str, object]] | None = None


def _converters() -> dict[str, tuple[str, object]]:
    """key in the file → (field, converter) of every field read generically; computed once."""
    global _CONVERTERS
    if _CONVERTERS is None:
        _CONVERTERS = {_KEY.get(f.name, f.name): (f.name, _converter(f)) for f in _fields()
                       if _KEY.get(f.name, f.name) not in ("id", "status")}
    return _CONVERTERS


def record_from(d: dict, path: Path, line: int, key_lines: dict | None = None,
                 statuses: tuple[str, ...] | None = None) -> Record:
    if not isinstance(d, dict):
        raise LedgerError("files.record.not_mapping", path, line)
    item, status = d.get("id"), d.get("status")
    if not isinstance(item, str) or not item:
        raise LedgerError("files.record.no_id", path, line)
    statuses = statuses or LEDGER_STATUSES
    if status not in statuses:
        # the codes a file holds; the decisions of review are written by `plancli review`, never by hand
        raise LedgerError("files.record.bad_status", path, line, item=item,
                          statuses=[str(s) for s in statuses if s not in DECISIONS], status=status)
    conv = _CONVERTERS or _converters()
    kw = {}
    try:
        for key, v in d.items():
            got = conv.get(key)
            if got is not None:
                kw[got[0]] = None if v is None else got[1](v, item)
    except _Bad:
        for key, (_, read) in conv.items():  # again in the order of the fields: the first bad one is named
            v = d.get(key)
            try:
                if v is not None:
                    read(v, item)
            except _Bad as bad:
                raise LedgerError(bad.code, path, (key_lines or {}).get(key, line), **bad.fields) from None
        raise  # pragma: no cover - the same values fail the same way
    rec = Record(item, status, yaml_line=line, **kw)
    if (status == EXTENDED) != (rec.extend_to is not None):
        raise LedgerError("files.record.extend_to", path, line, item=item, status=EXTENDED)
    if status in DECISIONS and rec.reviews is None:
        raise LedgerError("files.record.reviews", path, line, item=item, status=status)
    if rec.evidence_size is not None and rec.evidence_size < 0:
        raise LedgerError("files.record.evidence_size", path, (key_lines or {}).get("evidence_size", line),
                          item=item, value=rec.evidence_size)
    if rec.on is None and rec.recorded_at is not None and rec.effective == date.min:  # (effective: only then)
        raise LedgerError("files.record.recorded_at", path, (key_lines or {}).get("recorded_at", line),
                          item=item, value=rec.recorded_at)
    return rec


def record_line(r: Record) -> str:
    """One record as one line of the ledger: a JSON object, every non-default field."""
    d: dict = {"rid": r.rid, "id": r.item, "status": r.status}
    for f in _fields():
        key = _KEY.get(f.name, f.name)
        v = getattr(r, f.name)
        if key in d or v is None or v == f.default:
            continue
        if isinstance(v, date):
            v = v.isoformat()
        elif isinstance(v, float):
            v = clean_float(v)
        d[key] = v
    text = json.dumps(d, ensure_ascii=False)
    if _BREAKS.search(text):  # JSON leaves them raw, but they end a line for Python's splitlines
        text = _BREAKS.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return f"{INDENT}- " + text + "\n"


_BREAKS = re.compile("[\x85\u2028\u2029]")


# --------------------------------------------------------------------------- reading
