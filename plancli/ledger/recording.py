"""Recording progress: one report checked against the registry, then appended to the ledger.

``record_progress`` refuses what the ledger must never say: a status the actual value contradicts
(unless forced with a reason), a value read in the wrong unit or magnitude, a date in the future, an
item the registry does not have. ``retract_latest`` withdraws a record without editing the file.
``ledger_warnings`` finds records already in a ledger that count nowhere or contradict their value.
The storage and the time rules are in ``ledger``; the one attainment rule is ``query.attainment``.
"""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path, PurePosixPath

from ..registry.model import Entry, Problem, Registry, target_text
from ..text.actuals import read_actual, written_like
from ..text.quantities import QuantityError
from ..vocabulary import (
    CLOSED,
    DECISIONS,
    EXTENDED,
    RECORD_STATUSES,
    RETRACTED,
    RETURNED,
    SUBMITTED,
    Review,
    Status,
)
from ..words import UNSHOWABLE, term
from .attainment import attainment, is_claim, percent
from .evidence import Proof, digest, keep, proof_given
from .record import LedgerError, Record
from .review import decisions, review_states, say_decision
from .storage import append_record, load_ledger
from .timeline import KEPT, extensions, next_withdrawn, timeline_of, withdrawn

__all__ = ["clean_text", "resolve_item", "today_or", "ledger_warnings", "check_progress", "check_extension", "record_progress",
           "retract_latest", "named_record", "extend_deadline", "item_deadline", "deadline_in_force", "evidence_path",
           "evidence_problems", "decide"]


# Where the timeline's facts keep what a record's status is decided by (ledger.timeline.KEPT).
_FORCED, _ACTUAL, _BELOW, _SHA = (KEPT.index(name) for name in ("forced", "actual", "actual_below", "evidence_sha256"))

# An actual more than this many times its target is a typo or a wrong unit until someone says why.
IMPLAUSIBLE = 1000


def _item_problem(reg: Registry, e: Entry, item: str, items: list[str]) -> LedgerError:
    """Why ``item`` is not one of ``e``'s ledger items (``items``), in words a person can act on."""
    _, _, occ = item.partition("@")
    if not occ:
        return LedgerError("record.recurs", id=e.id, deadline_text=e.deadline_text, items=items)
    before = [d for d in e.occurrences() if e.label(d) == occ and d not in reg.occurrences(e)]
    if before:
        return LedgerError("record.before_document", item=item, due=before[0], issued=reg.issued(e), items=items)
    return LedgerError("record.no_occurrence", id=e.id, occurrence=occ, items=items)


def resolve_item(reg: Registry, item: str) -> tuple[Entry, str]:
    """The entry and the ledger item id of ``ID`` or ``ID@2024``; a 每年 entry needs its occurrence."""
    e = reg.find(item.partition("@")[0])
    items = reg.items(e)
    occ = item.partition("@")[2]
    # KJYF-001@2024q1 as typed from a printed list: the id and the occurrence in any letter case
    want = next((i for i in items if i.lower() == f"{e.id}@{occ}".lower()), f"{e.id}@{occ}") if occ else e.id
    if want not in items:
        raise _item_problem(reg, e, want, items)
    return e, want


def ledger_warnings(reg: Registry, path: Path, records: list[Record]) -> list[Problem]:
    """Records that count nowhere, or that say what their value contradicts, one ``file:line`` each.

    An unknown id or occurrence, the bare id of a recurring entry, an occurrence due before the
    document's date, a retraction with nothing to withdraw, and a met/missed status the actual value
    contradicts without ``forced: true`` (it is counted as the value says). ``validate`` reports
    them as problems; listings print them as warnings instead of ignoring the records silently.

    Every record is judged from the facts its timeline keeps (item, status, rid, what it retracts,
    forced, actual); a record is built only when it is named in a warning or its note or the claim it
    decides is needed. A ledger of years that grew by one record is checked without building the
    200,000 others (tests/ledger_reference.py keeps the scan this replaces; the tests compare them).
    """
    if not records:
        return []
    tl = timeline_of(records)
    f = tl.facts
    gone_by = tl.gone_by
    used = tl.withdrew  # retractions that withdrew a record (→ what they withdrew)
    rids, retracts, kept = f.rids, f.retracts, f.kept
    last_of = tl.last_of_rid  # rid → its last record, as a dict of the records kept
    item_verdict: dict[int, tuple | None] = {}  # item number → (code, fields) that no record of it counts
    first_of: dict[str, int] = {}
    found_at: list[tuple[int, str, dict]] = []
    for i in range(len(f)):
        rid = rids[i]
        if rid in first_of:
            found_at.append((i, "ledger.rid_twice", {"rid": rid or None, "first": records[first_of[rid]].yaml_line}))
            continue
        first_of[rid] = i
        status = f.statuses[f.status_no[i]]
        ino = f.item_no[i]
        item = f.items[ino]
        found: tuple | None = None
        if status == RETRACTED and retracts[i] is not None and i not in used:
            j = last_of.get(retracts[i])
            if j is not None and f.item_no[j] == ino and gone_by[j] >= 0:
                continue  # the same record withdrawn on two clones: one retraction (validate notes it)
            if j is None:
                found = ("ledger.retracts_unknown", {"item": item, "rid": retracts[i]})
            elif f.item_no[j] != ino:
                found = ("ledger.retracts_other", {"item": item, "rid": retracts[i], "other": f.items[f.item_no[j]]})
            else:
                found = ("ledger.retracts_retraction", {"item": item, "rid": retracts[i]})
        elif status == SUBMITTED:
            continue  # a unit's 报送: its id is the unit, not an item (ledger.submissions)
        else:
            if ino not in item_verdict:
                item_verdict[ino] = _item_verdict(reg, item)
            e, found = item_verdict[ino] or (None, None)
            if found is not None:
                pass
            elif kept[i][_FORCED] and not (records[i].note or "").strip():
                found = ("ledger.forced_without_note", {"item": item})
            elif status == RETRACTED and i not in used:
                found = ("ledger.nothing_withdrawn", {"item": item})
            elif status in DECISIONS and gone_by[i] < 0:
                r = records[i]
                found = _decision_problem(reg, r, records[last_of[r.reviews]] if r.reviews in last_of else None)
            elif gone_by[i] < 0 and status in CLOSED and not kept[i][_FORCED]:
                ratio, met = attainment(e, kept[i][_ACTUAL], kept[i][_BELOW])
                if met is not None and met != (status != "missed"):
                    found = ("ledger.contradicts", {"item": item, "status": Status(status),
                                                    "actual": written_like(kept[i][_ACTUAL], e.value_text, e.unit),
                                                    "pct": percent(ratio),
                                                    "counts": Status.MET if met else Status.MISSED})
        if found:
            found_at.append((i, *found))
    out = [Problem.at(str(path), records[i].yaml_line, code, **fields) for i, code, fields in found_at]
    return out + _decided_twice(path, records, tl)


def _item_verdict(reg: Registry, item: str) -> tuple[Entry | None, tuple | None]:
    """(entry, None) for an item the registry counts; (None, (code, fields)) for one no record of it
    counts: an unknown id, or an occurrence its entry does not have."""
    e = reg.get(item.split("@", 1)[0])
    if e is None:
        return None, ("ledger.unknown_item", {"item": item})
    items = reg.items(e)
    if item not in items:
        return None, ("ledger.ignored", {"item": item, "why": _item_problem(reg, e, item, items)})
    return e, None


def _decision_problem(reg: Registry, r: Record, claim: Record | None) -> tuple | None:
    """Why a review decision decides nothing: the claim it names is not in the ledger, is another
    item's record, or is no claim (done/met) at all."""
    if claim is None:
        return "ledger.reviews_unknown", {"item": r.item, "rid": r.reviews}
    if claim.item != r.item:
        return "ledger.reviews_other", {"item": r.item, "rid": r.reviews, "other": claim.item}
    e = reg.get(claim.entry_id)
    if e is not None and not is_claim(e, claim):
        return "ledger.reviews_not_claim", {"item": r.item, "rid": r.reviews}
    return None


def _decided_twice(path: Path, records: list[Record], tl) -> list[Problem]:
    """Claims that two decisions in force decide differently (two clones, one accepting, one returning):
    the later counts, and the office should withdraw the other. The same decision twice is no conflict."""
    f, gone_by = tl.facts, tl.gone_by
    seen: dict[str, Record] = {}
    out = []
    for i in range(len(f)):
        if f.statuses[f.status_no[i]] not in DECISIONS or gone_by[i] >= 0:
            continue
        r = records[i]
        if r.reviews is None:
            continue
        first = seen.setdefault(r.reviews, r)
        if first is not r and first.status != r.status:
            out.append(Problem.at(str(path), r.yaml_line, "ledger.reviews_twice", item=r.item, rid=r.reviews,
                                  first=term(f"status.{first.status}"), second=term(f"status.{r.status}")))
    return out


def check_ledger(path: Path, records: list[Record], reg: Registry) -> list[Problem]:
    """``validate``'s view of a readable ledger: the findings of ``ledger_warnings``, evidence files
    that are missing or changed since they were recorded, and closing records without the evidence
    their document requires (``meta.require_evidence``, e.g. records written before it was set).

    Like ``ledger_warnings`` it reads the timeline's facts and builds only the records it must look
    at: closing records of a document that requires evidence, records with an evidence file, records
    whose ``recorded_at`` is not a time (tests/ledger_reference.py keeps the scan of every record)."""
    tl = timeline_of(records)
    f, gone_by = tl.facts, tl.gone_by
    kept, stamps = f.kept, f.stamps
    required: dict[int, tuple] = {}  # item number → (document, the statuses it requires evidence for)
    unproven, untimed, with_files = [], [], []
    for i in range(len(f)):
        ino = f.item_no[i]
        if ino not in required:
            e = reg.get(f.items[ino].split("@", 1)[0])
            doc = reg.document_of(e) if e is not None else None
            required[ino] = (doc, doc.require_evidence if doc is not None else ())
        doc, statuses = required[ino]
        status = f.statuses[f.status_no[i]]
        if gone_by[i] < 0 and status in statuses:
            r = records[i]
            if not r.evidence:
                unproven.append(Problem.at(str(path), r.yaml_line, "ledger.unproven", item=r.item, doc=doc.code,
                                           status=Status(status)))
        # a time is kept as a time (timeline._stamp); anything else as written, or "" for none
        if not stamps[i] or not _is_time(stamps[i]):
            r = records[i]
            if r.recorded_at is not None and not _is_time(r.recorded_at):
                untimed.append(Problem.at(str(path), r.yaml_line, "security.recorded_at", "warning", item=r.item,
                                          given=r.recorded_at))
        if kept[i][_SHA] is not None:
            with_files.append(i)
    return ledger_warnings(reg, path, records) + evidence_problems(path, [records[i] for i in with_files]) + \
        unproven + retracted_twice(path, records) + untimed


def retracted_twice(path: Path, records: list[Record]) -> list[Problem]:
    """Retractions of a record another retraction already withdrew — two clones correcting the same
    wrong record, merged: one retraction, said as a note (``validate`` does not fail on it)."""
    tl = timeline_of(records)
    f, gone_by = tl.facts, tl.gone_by
    used, index = tl.withdrew, tl.last_of_rid
    out = []
    for i, t in enumerate(f.retracts):
        if t is None or i in used or f.statuses[f.status_no[i]] != RETRACTED:
            continue
        j = index.get(t)
        if j is not None and gone_by[j] >= 0 and f.item_no[j] == f.item_no[i]:
            r = records[i]
            out.append(Problem.at(str(path), r.yaml_line, "ledger.retracted_twice", "note", item=r.item,
                                  rid=r.retracts, first=records[gone_by[j]].yaml_line))
    return out


def _is_time(text: str) -> bool:
    """``recorded_at`` as plancli writes it: an ISO date and time (a bare date passes as its midnight)."""
    try:
        datetime.fromisoformat(text)
    except ValueError:
        return False
    return True


# What each text of a record is called where it was typed: the option of ``record`` and the column
# of a 台账 (``import`` says an error of a row in the workbook's words).
_TYPED_AS = {"actual": ("--actual", "fill.actual"), "source": ("--source", "security.column.file_name"),
             "note": ("--note", "fill.notes"), "notes": ("--note", "fill.notes"),
             "evidence": ("--evidence", "fill.evidence"), "problems": ("--note", "fill.problems"),
             "next_steps": ("--note", "fill.next_steps"), "extend_reason": ("--note", "fill.extend_reason")}


def clean_text(key: str, text, column: str | None = None):
    """A text of a record as it will be stored: line ends made ``\\n`` (a CSV saved on Windows
    carries ``\\r\\n`` inside a cell); any other control character, escape sequence, line or
    paragraph separator, bidirectional override or byte that was not UTF-8 refused (docs/security.md):
    stored, it would break every workbook exported from the ledger, or act on a terminal that shows it."""
    if not isinstance(text, str):  # None, or evidence already read (a Proof: see _clean_proof)
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    m = next((m for m in UNSHOWABLE.finditer(text) if m.group() not in "\n\t"), None)
    if m is not None:
        option, column = _TYPED_AS[key][0], column or _TYPED_AS[key][1]
        code = "security.not_utf8" if "\ud800" <= m.group() <= "\udfff" else "security.control_char"
        raise LedgerError(code, option=option, column=term(column), char=f"U+{ord(m.group()):04X}", pos=m.start() + 1)
    return text


def _clean_proof(proof: Proof) -> Proof:
    """Evidence as it will be stored (its text, or the name a file was sent under), checked like any text."""
    for key in ("evidence", "evidence_name"):
        clean_text("evidence", proof.fields.get(key))
    return proof


def today_or(today: date | None, on: date | None) -> date:
    """``on`` (default: today on the user's clock, local time), refused when it is in the future."""
    today = today or date.today()
    if on is not None and on > today:
        raise LedgerError("record.future", on=on, today=today)
    return on or today


def evidence_path(ledger_path: Path, rec: Record) -> Path | None:
    """The file a record's evidence names (None when it is text or a URL, or a path that is not the
    ledger's to open: absolute, or climbing out of the ledger's directory)."""
    if rec.evidence is None or rec.evidence_sha256 is None or not _confined(rec.evidence):
        return None
    return ledger_path.parent / rec.evidence


def _confined(text: str) -> bool:
    """A path relative to the ledger's directory that stays inside it (as the evidence store writes)."""
    p = PurePosixPath(text.replace("\\", "/"))
    return bool(p.parts) and not p.is_absolute() and ".." not in p.parts and not text.startswith("~") \
        and ":" not in p.parts[0]


def _inside(p: Path, folder: Path) -> bool:
    """``p`` lies in ``folder`` once symlinks are resolved (lstat only: nothing is opened)."""
    try:
        return Path(os.path.realpath(p)).is_relative_to(os.path.realpath(folder))
    except (OSError, ValueError):
        return False


def evidence_problems(path: Path, records: list[Record]) -> list[Problem]:
    """Evidence files that are gone or no longer what was recorded (``validate``), one ``file:line``
    each; a file path the ledger cannot carry to another clone (absolute, or outside the ledger's
    directory) is reported without being opened. Files are hashed in chunks, each once."""
    out = []
    seen: dict[Path, tuple[str, int] | None] = {}
    for r in records:
        if r.evidence is not None and r.evidence_sha256 is not None and (
                not _confined(r.evidence) or not _inside(path.parent / r.evidence, path.parent)):
            # written outside, or a symlink of the repository out of it: never opened (a CI log would
            # tell the size of whatever it points to)
            out.append(Problem.at(str(path), r.yaml_line, "ledger.evidence_outside", item=r.item))
            continue
        f = evidence_path(path, r)
        if f is None:
            continue
        if f not in seen:
            try:
                seen[f] = digest(f, limit=1 << 62) if f.is_file() else None
            except OSError:
                seen[f] = None
        now = seen[f]
        shown = r.evidence
        if now is None:
            out.append(Problem.at(str(path), r.yaml_line, "ledger.evidence_missing", item=r.item, file=shown))
        elif now[0] != r.evidence_sha256:
            out.append(Problem.at(str(path), r.yaml_line, "ledger.evidence_changed", item=r.item, file=shown,
                                  was=r.evidence_size, now=now[1]))
    return out


def deadline_in_force(reg: Registry, records: list[Record], e: Entry, item_id: str) -> date | None:
    """The deadline of ``item_id`` now: the last extension's date, else the registry's."""
    current = extensions(records).get(item_id)
    return current.extend_to if current is not None else item_deadline(reg, e, item_id)


def check_progress(reg: Registry, path: Path, item: str, *, status: str, actual: str | None = None,
                   on: date | None = None, source: str | None = None, note: str | None = None,
                   evidence: str | Proof | None = None, force: bool = False, today: date | None = None,
                   records: list[Record] | None = None, **more) -> tuple[Record, Entry]:
    """The record ``record`` would append, checked against the registry; nothing is written.

    A closing status (done, met, missed) must agree with ``actual`` under the entry's comparator
    (``query.attainment``): done/met need the target met, missed needs it not met. A contradiction is
    refused unless ``force`` with a ``note`` saying why (stored as ``forced``); the advice fits the
    date: before the deadline in force a figure short of the target is 进行中 (in_progress), not
    未达标. A document whose ``meta.require_evidence`` names the status refuses a record without
    evidence. ``evidence``: what was given (``record --evidence``) or a ``Proof`` already read (a
    workbook's cell); ``more``: other fields of the record (problems, next_steps).
    """
    actual, source, note, evidence = (clean_text(k, v) for k, v in (("actual", actual), ("source", source),
                                                                      ("note", note), ("evidence", evidence)))
    more = {k: clean_text(k, v) if k in _TYPED_AS else v for k, v in more.items()}
    e, item_id = resolve_item(reg, item)
    if status not in RECORD_STATUSES:
        raise LedgerError("record.bad_status", choices=list(RECORD_STATUSES), given=status)
    on = today_or(today, on)
    if force and not (note or "").strip():
        raise LedgerError("record.force_needs_note")
    proof = _clean_proof(evidence if isinstance(evidence, Proof) else proof_given(evidence, path))
    doc = reg.document_of(e)
    if doc is not None and status in doc.require_evidence and not proof:
        raise LedgerError("record.evidence_required", doc=doc.code, status=Status(status))
    value, below, forced = None, None, False
    if actual is not None:
        if e.kind != "target" or e.value is None:
            raise LedgerError("record.actual_on_milestone", id=e.id)
        try:
            read = read_actual(actual, e.unit or "", e.value_text)
        except QuantityError as exc:
            raise LedgerError("record.actual_unreadable", error=exc) from None
        value, below = read.value, read.below
        ratio, met = attainment(e, value, below)
        if e.value and value and abs(value) > IMPLAUSIBLE * abs(e.value) and not force:
            raise LedgerError("record.implausible", actual=actual, times=f"{abs(value) / abs(e.value):.3g}",
                              target=target_text(e.comparator, e.value_text))
        if met is not None and status in CLOSED and met != (status != "missed"):
            if not force:
                due = deadline_in_force(reg, load_ledger(path) if records is None else records, e, item_id)
                early = not met and due is not None and on < due
                raise LedgerError("record.contradicts_early" if early else "record.contradicts",
                                  status=Status(status), actual=actual,
                                  shown=written_like(value, e.value_text, e.unit, more=below is not None),
                                  pct=percent(ratio), target=target_text(e.comparator, e.value_text),
                                  verdict=term("verdict.met" if met else "verdict.not_met"),
                                  suggest=Status.MET if met else Status.IN_PROGRESS if early else Status.MISSED,
                                  due=due)
            forced = True
    rec = Record(item=item_id, status=status, actual=value, actual_text=actual, on=on, source=source, note=note,
                 forced=forced, actual_below=below, **proof.fields, **more)
    return rec, e


def record_progress(reg: Registry, path: Path, item: str, *, status: str, actual: str | None = None,
                    on: date | None = None, source: str | None = None, note: str | None = None,
                    evidence: str | None = None, force: bool = False,
                    today: date | None = None) -> tuple[Record, Entry]:
    """Check one progress report against the registry (``check_progress``) and append it to the
    ledger; an evidence file is copied into the evidence store first."""
    proof = proof_given(clean_text("evidence", evidence), path)
    rec, e = check_progress(reg, path, item, status=status, actual=actual, on=on, source=source, note=note,
                            evidence=proof, force=force, today=today)
    _keep(path, proof)
    return append_record(path, rec), e


def _keep(path: Path, proof: Proof) -> None:
    if proof.file is not None:
        keep(path, proof.file)


def item_deadline(reg: Registry, e: Entry, item_id: str) -> date | None:
    """The registry's deadline of one ledger item (an occurrence's own date for ID@2024)."""
    _, _, occ = item_id.partition("@")
    for d in reg.occurrences(e):
        if (e.label(d) or "") == occ:
            return d
    return e.deadline


def check_extension(reg: Registry, path: Path, item: str, extend_to: date, *, note: str | None,
                    on: date | None = None, source: str | None = None, evidence: str | Proof | None = None,
                    force: bool = False, today: date | None = None,
                    records: list[Record] | None = None) -> tuple[Record, Entry, date | None]:
    """The extension (延期) ``extend_deadline`` would append, checked; nothing is written.

    The reason (``note``) is required. Asked on or after the deadline in force (the original one, or
    the last extension's) it is refused unless ``force``: 延期 is asked before a deadline passes. The
    new date must be later than the deadline in force. Returns (record, entry, the deadline it replaces).
    """
    source, note, evidence = (clean_text(k, v) for k, v in (("source", source), ("note", note),
                                                            ("evidence", evidence)))
    e, item_id = resolve_item(reg, item)
    if not (note or "").strip():
        raise LedgerError("record.extend_needs_note")
    on = today_or(today, on)
    was = deadline_in_force(reg, load_ledger(path) if records is None else records, e, item_id)
    if was is not None and extend_to <= was:
        raise LedgerError("record.extend_not_later", to=extend_to, was=was)
    if was is not None and on >= was and not force:
        raise LedgerError("record.extend_too_late", on=on, was=was)
    proof = _clean_proof(evidence if isinstance(evidence, Proof) else proof_given(evidence, path))
    rec = Record(item=item_id, status=EXTENDED, on=on, source=source, note=note, extend_to=extend_to,
                 forced=bool(force and was is not None and on >= was), **proof.fields)
    return rec, e, was


def extend_deadline(reg: Registry, path: Path, item: str, extend_to: date, *, note: str | None,
                    on: date | None = None, source: str | None = None, evidence: str | None = None,
                    force: bool = False, today: date | None = None) -> tuple[Record, Entry, date]:
    """Append an extension (延期) of ``item``'s deadline to ``extend_to`` (``check_extension``'s rules).
    Returns (record, entry, the deadline it replaces)."""
    proof = proof_given(clean_text("evidence", evidence), path)
    rec, e, was = check_extension(reg, path, item, extend_to, note=note, on=on, source=source, evidence=proof,
                                  force=force, today=today)
    _keep(path, proof)
    return append_record(path, rec), e, was


def retract_latest(reg: Registry, path: Path, item: str, *, note: str | None, on: date | None = None,
                   source: str | None = None, evidence: str | None = None, rid: str | None = None,
                   today: date | None = None) -> tuple[Record, Record, Entry]:
    """Append a retraction of one of ``item``'s records: the one ``rid`` names (its id, or a unique
    beginning of it, or of the part after its ``-``; ``show`` lists them), else its latest (the one
    deciding its status now). The reason (``note``) is required. Returns (retraction, withdrawn
    record, entry)."""
    source, note, evidence = (clean_text(k, v) for k, v in (("source", source), ("note", note),
                                                            ("evidence", evidence)))
    e, item_id = resolve_item(reg, item)
    if not (note or "").strip():
        raise LedgerError("record.retract_needs_note")
    on = today_or(today, on)
    records = load_ledger(path)
    target = named_record(records, item_id, rid) if rid is not None else next_withdrawn(records, item_id)
    if target is None:
        raise LedgerError("record.nothing_to_retract", item=item_id)
    proof = _clean_proof(proof_given(evidence, path))
    _keep(path, proof)
    rec = append_record(path, Record(item=item_id, status=RETRACTED, on=on, source=source, note=note,
                                     retracts=target.rid, **proof.fields))
    return rec, target, e


def named_record(records: list[Record], item_id: str, rid: str) -> Record:
    """The record of ``item_id`` that ``rid`` names: its whole id, a beginning of it, or a beginning of
    its random part (after ``-``) — one record only; refused by name when it names none, several, a
    record of another item, or one already withdrawn."""
    want = rid.strip()
    if not want:
        raise LedgerError("record.rid_empty")

    def names(r: Record) -> bool:
        return bool(r.rid) and (r.rid.startswith(want) or r.rid.rpartition("-")[2].startswith(want))

    hits = [r for r in records if r.status != RETRACTED and names(r)]
    mine = [r for r in hits if r.item == item_id]
    if not mine:
        if hits:
            raise LedgerError("record.rid_other_item", rid=want, item=item_id, other=hits[0].item)
        rids = [r.rid for r in records if r.item == item_id and r.status != RETRACTED and r.rid]
        raise LedgerError("record.rid_unknown", rid=want, item=item_id, rids=rids or ["—"])
    if len(mine) > 1:
        raise LedgerError("record.rid_ambiguous", rid=want, rids=[r.rid for r in mine])
    target = mine[0]
    gone = withdrawn(records)
    by = next((gone[i] for i, r in enumerate(records) if r is target and i in gone), None)
    if by is not None:
        raise LedgerError("record.rid_withdrawn", rid=target.rid, on=by.effective, note=by.note or "")
    return target


def decide(reg: Registry, path: Path, item: str, decision: str, *, note: str | None, by: str | None,
           on: date | None = None, today: date | None = None) -> tuple[Record, Record, Entry]:
    """Append the office's decision (``accepted`` 销号 or ``returned`` 退办) on ``item``'s pending claim.

    Refused when the registry does not ask for review, when the item has no claim awaiting a decision
    as of ``on`` (none, or decided already: a decision is changed by retracting it), when a 退办 gives
    no reason, or when ``on`` is before the claim or in the future. Returns (decision, claim, entry)."""
    if decision not in DECISIONS:
        raise ValueError(decision)
    note = clean_text("note", note)  # a 退办's reason reaches the unit's workbook and the digest: data only
    if not reg.review:
        raise LedgerError("review.off", registry=reg.path)
    e, item_id = resolve_item(reg, item)
    if decision == RETURNED and not (note or "").strip():
        raise LedgerError("review.return_needs_reason")
    on = today_or(today, on)
    records = load_ledger(path)
    st = review_states(reg, records, on)(e, item_id)
    if st.state is None:
        later = review_states(reg, records)(e, item_id)  # a claim made after the date asked for
        if later.state == Review.PENDING and on < later.claim.effective:
            raise LedgerError("review.before_claim", on=on, claimed=later.claim.effective)
        raise LedgerError("review.no_claim", item=item_id)
    every = decisions(records)  # a later-dated decision counts too: one decision per claim
    done = every.get(st.claim.rid or "")
    if done is not None:
        raise LedgerError("review.decided", item=item_id, on=done.effective, by=done.entered_by or "—",
                          decision=say_decision(done.status))
    if st.state != Review.PENDING:
        raise LedgerError("review.no_claim", item=item_id)
    if on < st.claim.effective:
        raise LedgerError("review.before_claim", on=on, claimed=st.claim.effective)
    rec = append_record(path, Record(item=item_id, status=decision, on=on, note=(note or "").strip() or None,
                                     reviews=st.claim.rid, entered_by=by))
    return rec, st.claim, e


