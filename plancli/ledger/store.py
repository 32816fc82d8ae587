"""The progress ledger (``progress.yaml``): what was achieved, when, on what evidence.

Storage — one record per line. Each record is one line, a JSON object (which is a YAML flow
mapping, so the file is still YAML)::

    records:
      - {"rid": "20261203T091500Z-3f9a1c2b", "id": "kjyf-002", "status": "met", "actual": 36000.0, …}

A line is a whole record, so two branches that add records merge in git with no conflict and no
interleaving when the file is merged line by line (``.gitattributes``: ``progress.yaml merge=union``,
which ``plancli init`` writes), and order in the file never matters:

- every record carries a stable id ``rid`` (written once, never recomputed);
- a retraction names the record it withdraws: ``"retracts": "<rid>"``;
- the latest record of an item is decided by effective date, then recorded time, then ``rid``.

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

Time: every record has an *effective date* (``on``). A status "as of D" uses only records effective
on or before D. A record without ``on`` counts from the date in its ``recorded_at``, an audit stamp.
A retraction corrects the ledger, not the world: the withdrawn record counts at no date.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

from ..vocabulary import EXTENDED, LEDGER_ONLY_STATUSES, LEDGER_STATUSES, RECORD_STATUSES, RETRACTED
from ..yamlio.atomic import atomic_path
from ..yamlio.reader import DataFileError, conflict_marker, load_yaml, read_text
from .record import LedgerError, Record, clean_float, record_from, record_line

__all__ = ["LedgerError", "Record", "RECORD_STATUSES", "RETRACTED", "EXTENDED", "load_ledger", "append_record",
           "append_records", "latest_records", "extensions", "next_withdrawn", "withdrawn", "records_between", "records_entered",
           "history", "order_key", "needs_migration", "HEADER", "default_path", "conflict_marker", "new_rid",
           "record_line", "clean_float"]

HEADER = ("# plancli progress ledger, written by `plancli record`: one record per line, never rewritten.\n"
          "# Order does not matter: an item's latest record (by `on`, then recorded_at, then rid) decides\n"
          "# its status; a `retracted` record withdraws the record named by its `retracts`.\n"
          "records:\n")


_FLOW = re.compile(r"^[ \t]*-[ \t]+(\{.*\})[ \t]*$")
_SKIP = re.compile(r"^[ \t]*(#.*)?$")
_OPEN_FLOW = re.compile(r"^[ \t]*-[ \t]+\{(?!.*\}[ \t]*$)")


def _conflict_error(p: Path, text: str) -> LedgerError | None:
    hit = conflict_marker(text)
    if hit is None:
        return None
    line, marker = hit
    return LedgerError(f"unresolved merge conflict: git left the marker {marker} here; keep the record "
                       "lines of both sides and delete the marker lines (see docs/team.md)", p, line)


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
        raise LedgerError(exc.message, exc.path or p, line) from None
    if doc is None:
        return [], False
    if not isinstance(doc, dict) or not isinstance(doc.get("records", []), list | type(None)):
        raise LedgerError("a ledger must be a mapping with a 'records:' list", p, 1)
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


def needs_migration(path: str | Path) -> bool:
    """True for a ledger with records in the old form (blocks, no ``rid``): the next write rewrites it."""
    p = Path(path)
    if not p.exists():
        return False
    records, current = _parse_text(p, _read_or_raise(p))
    return bool(records) and not current


def load_ledger(path: str | Path) -> list[Record]:
    """Records in file order, each with its ``rid``; a missing ledger is an empty one."""
    p = Path(path)
    if not p.exists():
        return []
    return _parse_text(p, _read_or_raise(p))[0]


# --------------------------------------------------------------------------- the rules of time

def _stamp(recorded_at: str | None) -> str:
    """``recorded_at`` comparable across time zones (UTC), or as written when it is not a time."""
    if not recorded_at:
        return ""
    try:
        t = datetime.fromisoformat(recorded_at)
    except ValueError:
        return recorded_at
    if t.tzinfo is not None:
        t = t.astimezone(UTC).replace(tzinfo=None)
    return t.isoformat()


def order_key(r: Record) -> tuple:
    """Effective date, then recorded time, then rid: the one order of records, whatever the file's."""
    return (r.effective, _stamp(r.recorded_at), r.rid or "")


def withdrawn(records: list[Record]) -> dict[int, Record]:
    """Index of each withdrawn record → the retraction that withdrew it.

    A retraction with ``retracts`` withdraws the record of that rid (of the same item, not itself a
    retraction); a legacy one without it, the item's latest active record above it in the file.
    """
    by_rid: dict[str, int] = {}
    for i, r in enumerate(records):
        if r.rid is not None:
            by_rid.setdefault(r.rid, i)
    out: dict[int, Record] = {}
    for r in records:
        if r.status != RETRACTED or r.retracts is None:
            continue
        j = by_rid.get(r.retracts)
        # withdrawn twice (two clones, merged): the first retraction by order_key stands, on every clone
        if (j is not None and records[j].status != RETRACTED and records[j].item == r.item
                and (j not in out or order_key(r) < order_key(out[j]))):
            out[j] = r
    active: dict[str, list[int]] = {}
    for i, r in enumerate(records):  # legacy retractions: by position, as they were written
        if r.status != RETRACTED:
            if i not in out:
                active.setdefault(r.item, []).append(i)
            continue
        if r.retracts is not None:
            continue
        stack = active.get(r.item)
        if stack:
            j = max(stack, key=lambda k: (records[k].effective, k))
            stack.remove(j)
            out[j] = r
    return out


def latest_records(records: list[Record], as_of: date | None = None) -> dict[str, Record]:
    """The record deciding each item's status as of ``as_of`` (None: every record counts).

    Only records effective on or before ``as_of`` count, withdrawn ones never; the latest by
    ``order_key`` wins (effective date, recorded time, rid).
    """
    gone = withdrawn(records)
    out: dict[str, Record] = {}
    for i, r in enumerate(records):
        # an extension (延期) moves a deadline, a review decision (销号/退办) judges a claim: neither says
        # anything of the work, so neither ever decides a status
        if r.status == RETRACTED or r.status in LEDGER_ONLY_STATUSES or i in gone or (
                as_of is not None and r.effective > as_of):
            continue
        cur = out.get(r.item)
        if cur is None or order_key(r) >= order_key(cur):
            out[r.item] = r
    return out


def extensions(records: list[Record], as_of: date | None = None) -> dict[str, Record]:
    """The extension (延期) in force for each item as of ``as_of`` (None: every record counts): its
    latest ``extended`` record by ``order_key``, effective by then and not withdrawn."""
    gone = withdrawn(records)
    out: dict[str, Record] = {}
    for i, r in enumerate(records):
        if r.status != EXTENDED or i in gone or (as_of is not None and r.effective > as_of):
            continue
        cur = out.get(r.item)
        if cur is None or order_key(r) >= order_key(cur):
            out[r.item] = r
    return out


def next_withdrawn(records: list[Record], item: str) -> Record | None:
    """The record a retraction of ``item`` made now withdraws: its latest active record by
    ``order_key``, an extension included (a retraction withdraws a 延期 like any record)."""
    gone = withdrawn(records)
    live = [r for i, r in enumerate(records) if r.item == item and r.status != RETRACTED and i not in gone]
    return max(live, key=order_key) if live else None


def records_between(records: list[Record], start: date, end: date) -> list[Record]:
    """Records effective from ``start`` to ``end`` (inclusive), in ``order_key`` order; withdrawn
    ones left out, retractions kept (a correction is news)."""
    gone = withdrawn(records)
    hits = [r for i, r in enumerate(records) if i not in gone and start <= r.effective <= end]
    return sorted(hits, key=order_key)


def entered_on(r: Record) -> date | None:
    """The calendar date written in ``recorded_at`` (the recorder's own clock), if any."""
    try:
        return date.fromisoformat((r.recorded_at or "")[:10])
    except ValueError:
        return None


def records_entered(records: list[Record], start: date, end: date) -> list[tuple[Record, Record | None]]:
    """Records *entered* from ``start`` to ``end`` (by ``recorded_at``), whatever their effective
    date, in recorded order; each with, for a retraction, the record it withdrew."""
    by_rid = {r.rid: r for r in records if r.rid}
    gone = withdrawn(records)
    target_of = {id(by): records[j] for j, by in gone.items()}
    hits = [r for r in records if (d := entered_on(r)) is not None and start <= d <= end]
    hits.sort(key=lambda r: (_stamp(r.recorded_at), r.rid or ""))
    return [(r, target_of.get(id(r)) or (by_rid.get(r.retracts) if r.retracts else None)) for r in hits]


def history(records: list[Record], entry_id: str, as_of: date | None = None) -> list[dict]:
    """An entry's records effective up to ``as_of``, in ``order_key`` order, each as a dict; a
    withdrawn one carries ``withdrawn`` (the retraction's date, reason, line and rid)."""
    gone = withdrawn(records)
    hits = [(i, r) for i, r in enumerate(records)
            if r.entry_id == entry_id and (as_of is None or r.effective <= as_of)]
    out = []
    for i, r in sorted(hits, key=lambda t: order_key(t[1])):
        d = r.as_dict()
        by = gone.get(i)
        d["withdrawn"] = ({"on": by.effective.isoformat(), "note": by.note, "line": by.yaml_line,
                           "rid": by.rid} if by else None)
        out.append(d)
    return out


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
        # a lock committed as a symlink: older filelock releases open it with O_TRUNC, emptying its target
        raise LedgerError("security.lock_symlink", p, lock=Path(str(p) + ".lock").name)
    lock = FileLock(str(p) + ".lock")
    try:
        with lock.acquire(timeout=timeout):
            if p.exists() and _read_only(p):
                # Renaming over it would succeed (only the directory must be writable), but a
                # read-only ledger is someone's decision that it must not change.
                raise LedgerError("security.read_only", p)
            old = _read_or_raise(p) if p.exists() else ""
            if old.strip():
                existing, current = _parse_text(p, old)  # refuse to build on a corrupted ledger
                if current:
                    new = old if old.endswith("\n") else old + "\n"
                    if not re.search(r"^records:[ \t]*$", new, re.M):
                        new = _migrated(old, existing)
                else:
                    new = _migrated(old, existing)
                taken = {r.rid for r in existing}
                clash = next((r.rid for r in records if r.rid in taken), None)
                if clash:
                    raise LedgerError(f"record id {clash} is already in the ledger; nothing was recorded", p)
            else:
                existing, new = [], HEADER
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
                raise LedgerError("internal: the ledger would not read back whole; nothing was recorded", p)
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


def _read_only(p: Path) -> bool:
    """True when the ledger must not change: no write bit for anyone (``chmod 444``), whoever runs
    plancli — root included, whom os.access always lets write — or not writable by this user."""
    return not (p.stat().st_mode & 0o222) or not os.access(p, os.W_OK)


def _read_or_raise(p: Path) -> str:
    try:
        return read_text(p)[1]
    except DataFileError as exc:
        raise LedgerError(exc.message, p, exc.line) from None


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
