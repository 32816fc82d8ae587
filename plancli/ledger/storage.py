"""The ledger's storage (``progress.yaml``): its file format, reading, appending under the lock, migration.

One record per line. Each record is one line, a JSON object (which is a YAML flow mapping, so the
file is still YAML)::

    records:
      - {"rid": "20261203T091500Z-3f9a1c2b", "id": "kjyf-002", "status": "met", "actual": 36000.0, …}

A line is a whole record, so two branches that add records merge in git with no conflict and no
interleaving when the file is merged line by line (``.gitattributes``: ``progress.yaml merge=union``,
which ``plancli init`` writes), and order in the file never matters: every record carries a stable
id ``rid`` (written once, never recomputed), and which record counts when is the timeline's
business (``ledger.timeline``).

Every field of ``Record`` (``ledger.record``) that differs from its default is written under its own
name (``item`` is written as ``id``) and read back by its declared type, so a new optional field needs
no change here.

Legacy ledgers (one ``- id:`` block per record, no ``rid``) are still read: their records get a
deterministic ``rid`` (a hash of their content and position among identical records, so every clone
computes the same), and a retraction without ``retracts`` withdraws what it withdrew before (the
item's latest active record above it in the file). The next write migrates the file to one line per
record, with those ids and with each legacy retraction's target written out as ``retracts``.

Writing: ``append_records`` takes a file lock (``progress.yaml.lock``), re-reads and re-validates the
file (a corrupted or half-merged ledger is refused with ``file:line``), appends the new lines as
text (comments and everything else kept) and renames a fsynced temporary file over the old one — a
crash leaves either the old or the new ledger, never half of one; several records are written all
or none.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
from array import array
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path

from ..text.source import lazy_re
from ..vocabulary import LEDGER_STATUSES, RETRACTED
from ..yamlio.atomic import atomic_path
from ..yamlio.reader import DataFileError, conflict_marker, decode, load_yaml, read_text
from .record import LedgerError, Record, clean_float, record_from, record_line
from .timeline import Timeline, withdrawn

__all__ = ["load_ledger", "append_record", "append_records", "needs_migration", "HEADER", "default_path",
           "new_rid", "Ledger", "Lines", "scan", "parse_ledger", "identity_of", "NotLineByLine"]

HEADER = ("# plancli progress ledger, written by `plancli record`: one record per line, never rewritten.\n"
          "# Order does not matter: an item's latest record (by `on`, then recorded_at, then rid) decides\n"
          "# its status; a `retracted` record withdraws the record named by its `retracts`.\n"
          "records:\n")


_FLOW = lazy_re(r"^[ \t]*-[ \t]+(\{.*\})[ \t]*$")
_SKIP = lazy_re(r"^[ \t]*(#.*)?$")
_OPEN_FLOW = lazy_re(r"^[ \t]*-[ \t]+\{(?!.*\}[ \t]*$)")  # a record line whose mapping is left open


def _conflict_error(p: Path, text: str) -> LedgerError | None:
    hit = conflict_marker(text)
    if hit is None:
        return None
    line, marker = hit
    return LedgerError("files.ledger.conflict", p, line, marker=marker)


def _sha256(text: str) -> str:
    import hashlib  # ~3 ms: only legacy ledgers need it, never the hot path of a current one

    return hashlib.sha256(text.encode()).hexdigest()


def _legacy_rids(records: list[Record]) -> list[Record]:
    """Give records without ``rid`` a deterministic one: the same file gives the same ids on every
    clone, so two people migrating one old ledger write the same lines."""
    seen: dict[str, int] = {}
    out = []
    for r in records:
        if r.rid is not None:
            out.append(r)
            continue
        body = json.dumps([r.item, r.status, r.actual, r.actual_text, r.on and r.on.isoformat(),
                           r.source, r.note, r.recorded_at, r.forced], ensure_ascii=False)
        n = seen[body] = seen.get(body, 0) + 1
        out.append(dataclasses.replace(r, rid="L" + _sha256(f"{body}#{n}")[:15]))
    return out


def _parse_text(p: Path, text: str) -> tuple[list[Record], bool]:
    """Records of a ledger's text, and whether it is already one record per line with ids."""
    err = _conflict_error(p, text)
    if err:
        raise err
    lines = text.splitlines()
    flow, ok, stop = [], True, 0
    statuses = LEDGER_STATUSES
    for n, ln in enumerate(lines, 1):
        stop = n
        if _SKIP.match(ln) or ln.strip() == "records:":
            continue
        m = _FLOW.match(ln)
        if not m:
            ok = False
            break
        try:
            d = json.loads(m.group(1))
        except RecursionError:  # [[[[… a hundred thousand deep: refused at its line, not a crash
            raise LedgerError("security.json_too_deep", p, n) from None
        except ValueError:
            # A YAML flow mapping written by hand: the YAML reader reads it. A line that is not even
            # that is named here, at its own line (the whole file's parser would stop a line later).
            _one_line_yaml(p, m.group(1), n)
            ok = False
            break
        flow.append(record_from(d, p, n, statuses=statuses))
    if ok:
        return _legacy_rids(flow), all(r.rid for r in flow)
    try:
        doc = load_yaml(p, text)
    except LedgerError:
        raise
    except DataFileError as exc:
        line = exc.line
        if line and line > stop and _OPEN_FLOW.match(lines[stop - 1]):
            # a record line left open: the parser finds out only at the next record (or the end)
            after = next((k for k in range(stop + 1, len(lines) + 1) if not _SKIP.match(lines[k - 1])),
                         len(lines) + 1)
            line = stop if line <= after else line
        raise LedgerError(exc.code, exc.path or p, line, **exc.fields) from None
    if doc is None:
        return [], False
    if not isinstance(doc, dict) or not isinstance(doc.get("records", []), list | type(None)):
        raise LedgerError("files.ledger.not_records", p, 1)
    for key in doc:
        if key != "records":  # records under a misspelt key would be dropped without a word
            raise LedgerError("security.ledger_key", p, doc.key_lines.get(key), key=key)
    items = doc.get("records") or []
    at = _item_lines(lines, doc.key_lines.get("records", 1), len(items))
    out = [record_from(d, p, getattr(d, "line", None) or at[k], getattr(d, "key_lines", None))
           for k, d in enumerate(items)]
    return _legacy_rids(out), False


def _one_line_yaml(p: Path, text: str, n: int) -> None:
    """Raise a ledger error at line ``n`` unless ``text`` (one line) reads as YAML."""
    try:
        load_yaml(p, text)
    except DataFileError as exc:
        raise LedgerError(exc.code, p, n, **exc.fields) from None


def _item_lines(lines: list[str], start: int, count: int) -> list[int]:
    """The line of each of the ``count`` entries of the block list under ``records:`` (line
    ``start``), so that an entry that is not a mapping is named at its line; ``start`` for each when
    the list is not written one ``- `` per entry."""
    found, indent = [], None
    for n in range(start, len(lines)):
        m = re.match(r"^([ \t]*)-(?:[ \t]|$)", lines[n])
        if m and (indent is None or len(m.group(1)) == indent):
            indent = len(m.group(1))
            found.append(n + 1)
    return found if len(found) == count else [start] * count


# --------------------------------------------------------------------------- a ledger as read

_FLOW_B = lazy_re(rb"^[ \t]*-[ \t]+(\{.*\})[ \t]*$")  # (compiled when a ledger is read)
_SKIP_B = lazy_re(rb"^[ \t]*(#.*)?$")
# Line breaks str.splitlines() honours and a split at b"\n" does not (a lone \r among them): a file
# holding one is read as text (``_parse_text``), never line by line.
_ODD_BREAK = lazy_re(rb"\r(?!\n)|[\x0b\x0c\x1c\x1d\x1e]|\xc2\x85|\xe2\x80[\xa8\xa9]")


def _odd_break(raw: bytes, start: int) -> bool:
    # bytes.find per byte runs at memory speed; the pattern only confirms a hit (a lone \r)
    view = raw[start:] if start else raw
    return any(b in view for b in (b"\r", b"\x0b", b"\x0c", b"\x1c", b"\x1d", b"\x1e", b"\xc2\x85", b"\xe2\x80\xa8",
                                   b"\xe2\x80\xa9")) and _ODD_BREAK.search(view) is not None


class Lines:
    """Where each record of a current ledger file stands: the byte offset and length of its JSON
    object and its line number, so a record is read from the file only when asked for."""

    def __init__(self, off: array, size: array, line: array):
        self.off, self.size, self.line = off, size, line

    @classmethod
    def empty(cls) -> Lines:
        return cls(array("Q"), array("I"), array("I"))

    def __len__(self) -> int:
        return len(self.off)

    def extended(self, other: Lines) -> Lines:
        return Lines(self.off + other.off, self.size + other.size, self.line + other.line)


_DECODE = json.JSONDecoder().raw_decode


def _json(text: bytes):
    """``json.loads`` of one record's object as a current line holds it (UTF-8, checked when the
    file was read; nothing around the braces), without its detour through encoding detection."""
    s = text.decode("utf-8")
    obj, end = _DECODE(s)
    if end != len(s):
        raise ValueError("extra data")
    return obj


class NotLineByLine(Exception):
    """Raised by ``scan`` at a line that is not a record of the current form."""


def scan(p: Path, raw: bytes, lines: Lines, start: int = 0, first_line: int = 1) -> Iterator[Record]:
    """The records of ``raw[start:]`` (lines numbered from ``first_line``), one at a time, each one's
    place added to ``lines``, while every line there is a record of the current form (one JSON object
    with its rid) or blank, a comment or ``records:``; ``NotLineByLine`` at anything else (the caller
    reads the whole file as text). A record line that says something impossible is refused here,
    with its line, exactly as the full read refuses it."""
    try:
        text = decode(p, raw[start:]) if start else decode(p, raw)
    except DataFileError as exc:
        raise LedgerError(exc.code, p, (exc.line or 1) + first_line - 1, **exc.fields) from None
    err = _conflict_error(p, text)
    if err:
        err.line = (err.line or 0) + first_line - 1  # the marker's line in the whole file
        raise err
    del text
    if _odd_break(raw, start):
        raise NotLineByLine
    at = start + (3 if start == 0 and raw.startswith(b"\xef\xbb\xbf") else 0)  # a BOM, as read_text drops it
    statuses = LEDGER_STATUSES
    n = first_line - 1
    end = len(raw)
    while at < end:
        nl = raw.find(b"\n", at)
        stop = end if nl < 0 else nl
        ln = raw[at:stop - 1] if stop > at and raw[stop - 1] == 13 else raw[at:stop]  # \r\n
        n += 1
        if not (_SKIP_B.match(ln) or ln.strip() == b"records:"):
            m = _FLOW_B.match(ln)
            if m is None:
                raise NotLineByLine
            try:
                d = _json(m.group(1))
            except RecursionError:  # [[[[… a hundred thousand deep: refused at its line, not a crash
                raise LedgerError("security.json_too_deep", p, n) from None
            except ValueError:
                raise NotLineByLine from None  # a YAML flow mapping written by hand: the YAML reader reads it
            r = record_from(d, p, n, statuses=statuses)
            if r.rid is None:
                raise NotLineByLine  # an old record: the full read gives it its id
            lines.off.append(at + m.start(1))
            lines.size.append(m.end(1) - m.start(1))
            lines.line.append(n)
            yield r
        at = stop + 1


class Ledger(Sequence):
    """The records of one ledger in file order, each built when first asked for (and kept: the same
    record is the same object), with the timeline of them all (``ledger.timeline``).

    A ledger of the current form read from a file keeps only where each record stands (``Lines``)
    and reads a record back from the file when asked for it, checking that the file is still the
    one read; any other ledger holds its records. ``current``: one record per line, every one with
    its rid (else the next write migrates it); ``key``: what its content is known by (a digest),
    for what is derived from it and cached; None when unknown."""

    def __init__(self, path: Path, n: int, *, records: list[Record] | None = None, lines: Lines | None = None,
                 identity: tuple | None = None, timeline: Timeline | None = None, current: bool = True,
                 key: str | None = None):
        self.path, self._n, self.current, self.key = path, n, current, key
        self._records: list[Record | None] = records if records is not None else [None] * n
        assert len(self._records) == n
        self._whole = records is not None and all(r is not None for r in records)  # every record built
        self._lines, self._identity = lines, identity
        self._fd: int | None = None
        if timeline is not None:
            self.timeline = timeline

    @classmethod
    def of(cls, path: Path, records: list[Record], *, current: bool = True) -> Ledger:
        return cls(path, len(records), records=list(records), current=current)

    def __len__(self) -> int:
        return self._n

    @property
    def lines(self) -> Lines | None:
        """Where each record stands in the file (None for a ledger that holds its records)."""
        return self._lines

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(self._n))]
        r = self._records[i]
        if r is None:
            self._read([i if i >= 0 else i + self._n])
            r = self._records[i]
        return r

    def __iter__(self) -> Iterator[Record]:
        if not self._whole:
            if self._lines is not None:
                self._read([i for i, r in enumerate(self._records) if r is None])
            self._whole = True
        return iter(self._records)

    def __eq__(self, other) -> bool:
        return isinstance(other, Sequence) and not isinstance(other, str) and list(self) == list(other)

    def __repr__(self) -> str:
        return f"Ledger({str(self.path)!r}, {self._n} records)"

    @cached_property
    def timeline(self) -> Timeline:
        return Timeline.of(self)

    def _file(self) -> int:
        """The ledger file, opened once and checked to be still the one read (a replaced ledger is
        refused rather than answered from another file's lines); closed with the ledger."""
        if self._fd is None:
            fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
            if identity_of(os.fstat(fd)) != self._identity:
                os.close(fd)
                raise LedgerError("files.ledger.changed", self.path)
            self._fd = fd
        return self._fd

    def __del__(self):
        if getattr(self, "_fd", None) is not None:
            os.close(self._fd)

    def _read(self, wanted: list[int]) -> None:
        """Read records back from their places in the file."""
        lines, statuses = self._lines, LEDGER_STATUSES
        assert lines is not None
        try:
            fd = self._file()
            whole = _pread(fd, self._identity[2], 0) if len(wanted) > 64 else None
            for i in wanted:
                off, size = lines.off[i], lines.size[i]
                text = whole[off:off + size] if whole is not None else _pread(fd, size, off)
                self._records[i] = record_from(_json(text), self.path, lines.line[i], statuses=statuses)
        except (OSError, ValueError):
            raise LedgerError("files.ledger.changed", self.path) from None


def _pread(fd: int, size: int, off: int) -> bytes:
    if hasattr(os, "pread"):
        return os.pread(fd, size, off)
    os.lseek(fd, off, os.SEEK_SET)  # pragma: no cover - Windows
    return os.read(fd, size)


def identity_of(st: os.stat_result) -> tuple:
    """What says a ledger file is still the one read: device, inode, size, modification and change
    time (which no tool can set back: an edit of the same size with the old mtime restored is seen)."""
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def parse_ledger(p: Path, raw: bytes, identity: tuple | None) -> Ledger:
    """A ledger from its whole bytes: line by line when it is of the current form (keeping of each
    record only its facts and place, never the record), else as text."""
    lines = Lines.empty()
    try:
        records = list(scan(p, raw, lines))
    except NotLineByLine:
        records, current = _parse_text(p, decode(p, raw))
        return Ledger.of(p, records, current=current)
    # The records just read are kept for this run (its questions need not read them again); the
    # cache keeps only their facts and places.
    return Ledger(p, len(lines), records=records, lines=lines, identity=identity, timeline=Timeline.of(records))


def needs_migration(path: str | Path) -> bool:
    """True for a ledger with records in the old form (blocks, no ``rid``): the next write rewrites it."""
    ledger = load_ledger(path)
    return bool(ledger) and not ledger.current


def load_ledger(path: str | Path) -> Ledger:
    """Records in file order, each with its ``rid``; a missing ledger is an empty one. Read through
    the ledger's cache (``ledger.cache``): an unchanged file is not read again, an appended one only
    from where it grew."""
    p = Path(path)
    if not p.exists():
        return Ledger.of(p, [])
    from .cache import read_ledger  # (a run with no ledger does not import the cache)

    return read_ledger(p)


# --------------------------------------------------------------------------- writing

_last_us = [0]


def new_rid(now: datetime | None = None) -> str:
    """A record id: the UTC time of writing to the microsecond, then 32 random bits. Two records
    one person writes in the same second still sort in the order written (the time part grows
    within a process); records of two clones never share an id."""
    now = (now or datetime.now(UTC)).astimezone(UTC)
    us = max(int(now.timestamp() * 1_000_000), _last_us[0] + 1)  # strictly increasing in a run
    _last_us[0] = us
    t = datetime.fromtimestamp(us / 1_000_000, UTC)
    import secrets  # (and random): only a run that writes pays for them

    return t.strftime("%Y%m%dT%H%M%S.%fZ") + "-" + secrets.token_hex(4)


def _stamped(r: Record, who: str | None) -> Record:
    if r.entered_by is None and who:  # who entered it (ledger.who): an audit note, like the time
        r = dataclasses.replace(r, entered_by=who)
    if r.recorded_at is None:  # local time with its offset: what the person saw on their clock
        stamp = datetime.now().astimezone().replace(microsecond=0).isoformat()
        r = dataclasses.replace(r, recorded_at=stamp)
    if r.rid is None:
        r = dataclasses.replace(r, rid=new_rid())
    if r.actual is not None:
        r = dataclasses.replace(r, actual=clean_float(r.actual))
    return r


def _migrated(old: str, records: list[Record]) -> str:
    """A legacy ledger rewritten one record per line: its leading comments, then every record with
    its (deterministic) rid and each legacy retraction's target written out."""
    gone = withdrawn(records)
    target = {id(by): records[j].rid for j, by in gone.items()}
    lead = []
    for ln in old.splitlines():
        if not ln.startswith("#") and ln.strip():
            break
        lead.append(ln + "\n")
    head = "".join(lead) if any(ln.strip() for ln in lead) else HEADER.rsplit("records:", 1)[0]
    out = head + "records:\n"
    for r in records:
        if r.status == RETRACTED and r.retracts is None and id(r) in target:
            r = dataclasses.replace(r, retracts=target[id(r)])
        out += record_line(r)
    return out


def append_record(path: str | Path, record: Record, *, timeout: float = 30.0) -> Record:
    """Append one record atomically under the ledger's lock; return it with its rid and timestamp."""
    return append_records(path, [record], timeout=timeout)[0]


def append_records(path: str | Path, records: list[Record], *, timeout: float = 30.0,
                   skip: Callable[[list[Record], Record], bool] | None = None) -> list[Record]:
    """Append several records under one lock, all or none; return them as written (rid, stamp).

    ``skip(existing, record)``, asked under the lock with the ledger's records as they are then,
    leaves out a record the ledger already has (``import``: the same sheet imported twice at once
    must not record its rows twice); the records left out are not returned."""
    from filelock import FileLock, Timeout

    from .who import entering_person

    p = Path(path)
    records = [_stamped(r, entering_person(p.absolute())) for r in records]
    p.parent.mkdir(parents=True, exist_ok=True)
    if os.path.islink(str(p) + ".lock"):
        # a lock committed as a symlink: filelock before 4 opens it with O_TRUNC, emptying its target
        raise LedgerError("security.lock_symlink", p, lock=Path(str(p) + ".lock").name)
    lock = FileLock(str(p) + ".lock")
    try:
        with lock.acquire(timeout=timeout):
            if p.exists() and _read_only(p):
                # Renaming over it would succeed (only the directory must be writable), but a
                # read-only ledger is someone's decision that it must not change.
                raise LedgerError("files.ledger.read_only", p)
            old = _read_or_raise(p) if p.exists() else ""
            if old.strip():
                # refuse to build on a corrupted ledger: read (through its cache: only what was
                # appended since the last read is parsed again) and checked whole
                existing = load_ledger(p)
                if existing.current:
                    new = old if old.endswith("\n") else old + "\n"
                    if not re.search(r"^records:[ \t]*$", new, re.M):
                        new = _migrated(old, existing)
                else:
                    new = _migrated(old, existing)
                taken = set(existing.timeline.facts.rids)
                clash = next((r.rid for r in records if r.rid in taken), None)
                if clash:
                    raise LedgerError("files.ledger.rid_taken", p, rid=clash)
            else:
                existing, new = Ledger.of(p, []), HEADER
            if skip is not None:
                records = [r for r in records if not skip(existing, r)]
                if not records:
                    return []
            added = "".join(record_line(r) for r in records)
            migrating = not new.startswith(old) or not old.strip()
            new += added
            # The result must read back with every record: the whole file after a migration, else
            # the appended lines (the rest was just read).
            back, _ = _parse_text(p, new if migrating else "records:\n" + added)
            if len(back) != (len(existing) if migrating else 0) + len(records):
                raise LedgerError("files.ledger.not_whole", p)
            _atomic_write(p, new)
    except Timeout:
        raise LedgerError("files.ledger.locked", p, timeout=timeout) from None
    except PermissionError as exc:
        raise LedgerError("files.ledger.cannot_write", p, reason=exc.strerror) from None
    except OSError as exc:
        if isinstance(exc, LedgerError):
            raise
        raise LedgerError("files.ledger.cannot_write", p, reason=exc.strerror or str(exc)) from None
    return records


def _read_only(p: Path) -> bool:
    """True when the ledger must not change: no write bit for anyone (``chmod 444``), whoever runs
    plancli — root included, whom os.access always lets write — or not writable by this user."""
    return not (p.stat().st_mode & 0o222) or not os.access(p, os.W_OK)


def _read_or_raise(p: Path) -> str:
    try:
        return read_text(p)[1]
    except DataFileError as exc:
        raise LedgerError(exc.code, p, exc.line, **exc.fields) from None


def _atomic_write(p: Path, text: str) -> None:
    with atomic_path(p) as tmp, open(tmp, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())


def default_path(registry_path: Path) -> Path:
    """progress.yaml beside the registry. Only for the registry shipped inside an installed package
    (no workspace: see ``plancli init``) is it the user's data directory instead, since
    site-packages is neither writable nor kept across upgrades."""
    beside = registry_path.parent / "progress.yaml"
    installed = any(part in ("site-packages", "dist-packages") for part in registry_path.parts)
    if beside.exists() or not installed:
        return beside
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "plancli" / "progress.yaml"
