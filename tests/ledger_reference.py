"""The ledger's rules of time as they were written before the timeline had an index (plancli's
``ledger/store.py`` and ``query/rows.closing_dates`` on main, issue 24 included): a plain scan of every
record for every question. Kept verbatim as the specification the indexed timeline (and its cache)
must answer like; tests/test_timeline.py and tests/test_ledger_cache.py compare the two."""

from __future__ import annotations

from datetime import UTC, date, datetime

from plancli.ledger.attainment import record_status
from plancli.ledger.record import Record
from plancli.ledger.review import Reviews
from plancli.registry.model import Registry
from plancli.vocabulary import COMPLETED, EXTENDED, LEDGER_ONLY_STATUSES, RETRACTED


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


def closing_dates(reg: Registry, records: list[Record], as_of: date, reviews: Reviews | None = None
                  ) -> dict[str, date]:
    """Item → the date it was closed (done or met, by the value) for good: the first record of the
    last unbroken run of closing records up to ``as_of``. A later re-statement of the same result
    (this year's figure, still met) does not make an item closed on time late. A figure closes only
    from the deadline in force on (``record_status``). With review (``reviews``) only claims accepted by
    ``as_of`` close: the date is the accepted claim's own (the unit delivered then), and a claim returned
    or still pending breaks the run."""
    # only a query with a closed row pays for the imports of the recording checks
    from plancli.ledger.recording import item_deadline

    gone = withdrawn(records)
    moved = extensions(records, as_of)
    active = sorted((r.effective, i, r) for i, r in enumerate(records)
                    if r.status != RETRACTED and r.status not in LEDGER_ONLY_STATUSES and i not in gone
                    and r.effective <= as_of)
    since: dict[str, date] = {}
    deadlines: dict[str, date | None] = {}
    for when, _, r in active:
        e = reg.get(r.entry_id)
        if e is None:
            continue
        if reviews is not None:
            closes = record_status(e, r) in COMPLETED and reviews.accepted(r)
        else:
            if r.item not in deadlines:
                ext = moved.get(r.item)
                deadlines[r.item] = ext.extend_to if ext is not None else item_deadline(reg, e, r.item)
            closes = record_status(e, r, deadlines[r.item]) in COMPLETED
        if not closes:
            since.pop(r.item, None)
        elif r.item not in since:
            since[r.item] = when
    return since


def submitted(records: list[Record]) -> dict[str, list[date]]:
    """``ledger.submissions.submitted`` as issue 24 wrote it (a scan of every record)."""
    from plancli.vocabulary import SUBMITTED

    gone = withdrawn(records)
    out: dict[str, list[date]] = {}
    for i, r in enumerate(records):
        if r.status == SUBMITTED and i not in gone:
            out.setdefault(r.item, []).append(r.effective)
    for dates in out.values():
        dates.sort()
    return out


def latest_notes(records: list[Record], as_of: date) -> dict:
    """``ledger.notes.latest_notes`` as issue 24 wrote it (a scan of every record)."""
    from plancli.ledger.notes import Notes, note_parts
    from plancli.vocabulary import RECORD_STATUSES

    gone = withdrawn(records)
    best: dict = {}
    for i, r in enumerate(records):
        if r.status not in RECORD_STATUSES or i in gone or r.effective > as_of:
            continue
        parts = note_parts(r)
        if not any(parts.values()):
            continue
        key = order_key(r)
        cur = best.get(r.item)
        if cur is None or key >= cur[0]:
            best[r.item] = (key, Notes(r.effective, **parts))
    return {item: n for item, (_, n) in best.items()}


# --------------------------------------------------------------------------- the ledger's warnings
# ``ledger.recording.ledger_warnings`` as it was before it read the timeline's facts (issue 27, third
# round): a scan that builds every record. Kept verbatim; tests/test_ledger_cache.py compares the two.

from pathlib import Path  # noqa: E402

from plancli.ledger.attainment import attainment, is_claim, percent  # noqa: E402
from plancli.ledger.recording import _item_problem  # noqa: E402
from plancli.registry.model import Problem  # noqa: E402
from plancli.text.actuals import written_like  # noqa: E402
from plancli.vocabulary import CLOSED, DECISIONS, SUBMITTED, Status  # noqa: E402
from plancli.words import term  # noqa: E402


def ledger_warnings(reg: Registry, path: Path, records: list[Record]) -> list[Problem]:
    """Records that count nowhere, or that say what their value contradicts, one ``file:line`` each.

    An unknown id or occurrence, the bare id of a recurring entry, an occurrence due before the
    document's date, a retraction with nothing to withdraw, and a met/missed status the actual value
    contradicts without ``forced: true`` (it is counted as the value says). ``validate`` reports
    them as problems; listings print them as warnings instead of ignoring the records silently.
    """
    if not records:
        return []
    gone = withdrawn(records)
    retractions_used = {id(r) for r in gone.values()}
    withdrawn_ids = {id(records[i]) for i in gone}
    items_of: dict[str, list[str]] = {}
    first_line: dict[str, int] = {}
    by_rid = {r.rid: r for r in records if r.rid}
    out = []
    for i, r in enumerate(records):
        e = reg.get(r.entry_id)
        found: tuple | None = None  # (code, fields)
        if r.rid in first_line:
            out.append(Problem.at(str(path), r.yaml_line, "ledger.rid_twice", rid=r.rid, first=first_line[r.rid]))
            continue
        first_line.setdefault(r.rid, r.yaml_line)
        if r.status == RETRACTED and r.retracts is not None and id(r) not in retractions_used:
            t = by_rid.get(r.retracts)
            if t is not None and t.item == r.item and id(t) in withdrawn_ids:
                continue  # the same record withdrawn on two clones: one retraction (validate notes it)
            if t is None:
                found = ("ledger.retracts_unknown", {"item": r.item, "rid": r.retracts})
            elif t.item != r.item:
                found = ("ledger.retracts_other", {"item": r.item, "rid": r.retracts, "other": t.item})
            else:
                found = ("ledger.retracts_retraction", {"item": r.item, "rid": r.retracts})
        elif r.status == SUBMITTED:
            continue  # a unit's 报送: its id is the unit, not an item (ledger.submissions)
        elif e is None:
            found = ("ledger.unknown_item", {"item": r.item})
        else:
            items = items_of.get(e.id) or items_of.setdefault(e.id, reg.items(e))
            if r.item not in items:
                found = ("ledger.ignored", {"item": r.item, "why": _item_problem(reg, e, r.item, items)})
            elif r.forced and not (r.note or "").strip():
                found = ("ledger.forced_without_note", {"item": r.item})
            elif r.status == RETRACTED and id(r) not in retractions_used:
                found = ("ledger.nothing_withdrawn", {"item": r.item})
            elif r.status in DECISIONS and i not in gone:
                found = _decision_problem(reg, r, by_rid.get(r.reviews or ""))
            elif i not in gone and r.status in CLOSED and not r.forced:
                ratio, met = attainment(e, r.actual, r.actual_below)
                if met is not None and met != (r.status != "missed"):
                    found = ("ledger.contradicts", {"item": r.item, "status": Status(r.status),
                                                    "actual": written_like(r.actual, e.value_text, e.unit),
                                                    "pct": percent(ratio),
                                                    "counts": Status.MET if met else Status.MISSED})
        if found:
            out.append(Problem.at(str(path), r.yaml_line, found[0], **found[1]))
    return out + _decided_twice(path, records, gone)


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


def _decided_twice(path: Path, records: list[Record], gone: dict) -> list[Problem]:
    """Claims that two decisions in force decide differently (two clones, one accepting, one returning):
    the later counts, and the office should withdraw the other. The same decision twice is no conflict."""
    seen: dict[str, Record] = {}
    out = []
    for i, r in enumerate(records):
        if r.status not in DECISIONS or i in gone or r.reviews is None:
            continue
        first = seen.setdefault(r.reviews, r)
        if first is not r and first.status != r.status:
            out.append(Problem.at(str(path), r.yaml_line, "ledger.reviews_twice", item=r.item, rid=r.reviews,
                                  first=term(f"status.{first.status}"), second=term(f"status.{r.status}")))
    return out


# ``check_ledger`` and ``retracted_twice`` as they were before they read the timeline's facts (issue 27,
# third round): scans that build every record. Kept verbatim but for their helpers' imports.

from plancli.ledger.recording import _is_time, evidence_problems  # noqa: E402


def check_ledger(path: Path, records: list[Record], reg: Registry) -> list[Problem]:
    """``validate``'s view of a readable ledger: the findings of ``ledger_warnings``, evidence files
    that are missing or changed since they were recorded, and closing records without the evidence
    their document requires (``meta.require_evidence``, e.g. records written before it was set)."""
    gone = withdrawn(records)
    unproven = []
    for i, r in enumerate(records):
        e = reg.get(r.entry_id)
        doc = reg.document_of(e) if e is not None else None
        if i not in gone and doc is not None and r.status in doc.require_evidence and not r.evidence:
            unproven.append(Problem.at(str(path), r.yaml_line, "ledger.unproven", item=r.item, doc=doc.code,
                                       status=Status(r.status)))
    untimed = [Problem.at(str(path), r.yaml_line, "security.recorded_at", "warning", item=r.item, given=r.recorded_at)
               for r in records if r.recorded_at is not None and not _is_time(r.recorded_at)]
    return ledger_warnings(reg, path, records) + evidence_problems(path, records) + unproven + \
        retracted_twice(path, records) + untimed


def retracted_twice(path: Path, records: list[Record]) -> list[Problem]:
    """Retractions of a record another retraction already withdrew — two clones correcting the same
    wrong record, merged: one retraction, said as a note (``validate`` does not fail on it)."""
    gone = withdrawn(records)
    used = {id(r) for r in gone.values()}
    index = {r.rid: i for i, r in enumerate(records) if r.rid}
    out = []
    for r in records:
        if r.status != RETRACTED or r.retracts is None or id(r) in used:
            continue
        j = index.get(r.retracts)
        if j is not None and j in gone and records[j].item == r.item:
            out.append(Problem.at(str(path), r.yaml_line, "ledger.retracted_twice", "note", item=r.item,
                                  rid=r.retracts, first=gone[j].yaml_line))
    return out
