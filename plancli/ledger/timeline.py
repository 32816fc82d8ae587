"""The ledger's timeline: which record decides an item's status at a date, whatever the file's order.

The rules of time, on records as read (``ledger.storage`` reads and writes the file):

- every record has an *effective date* (``on``); a record without ``on`` counts from the date in its
  ``recorded_at``, an audit stamp. A status "as of D" uses only records effective on or before D;
- the latest record of an item is decided by effective date, then recorded time, then ``rid``
  (``order_key``), so order in the file never matters;
- a retraction names the record it withdraws (``"retracts": "<rid>"``); a legacy one without it
  withdraws the item's latest active record above it in the file. A retraction corrects the
  ledger, not the world: the withdrawn record counts at no date (``withdrawn``);
- an extension (延期) moves a deadline and never decides a status (``extensions``), nor does any other
  status only the ledger writes (a 报送, a review's decision); every status a person records — one
  added later included — decides (``role``).

The index. A ledger of years of reports holds hundreds of thousands of records, and a question is
about a few items at one date. ``Timeline`` indexes the records once — by item, each item's records in
``order_key`` order; all records in that order; records by the day they were entered; which record
each retraction withdrew — from a few facts per record (``Facts``: item, status, effective date,
recorded time, rid, what it retracts, the day entered), never the records themselves. Every question
below asks the index and builds only the records of its answer (``records[i]``), so ``due --unit X``
reads the latest record of its own items and the bulletin of one month the records of that month.
``latest_records`` and ``extensions`` answer as mappings that find an item's record when asked for
it. A ledger read from a file keeps its timeline in a cache (``ledger.cache``); any other sequence of
records gets one built on the spot. The answers are those of a scan of every record (the rules as
first written; tests/ledger_reference.py keeps that scan and the tests compare the two).
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, date, datetime
from functools import cached_property

from ..vocabulary import EXTENDED, LEDGER_ONLY_STATUSES, RETRACTED
from .attainment import DECIDED_BY
from .record import Record

__all__ = ["order_key", "withdrawn", "latest_records", "extensions", "next_withdrawn", "records_between",
           "entered_on", "records_entered", "items_between", "history", "records_of", "role", "between", "with_status",
           "newest",
           "DECIDES", "EXTENDS", "WITHDRAWS", "KEPT", "Facts", "Timeline", "timeline_of", "indexed", "Indexed"]

DECIDES, EXTENDS, WITHDRAWS, OTHER = 0, 1, 2, 3
# The fields of every record its facts keep besides what the index needs: what the status it gives
# is decided by, whose report it is (the bulletin's reporting), and the digest of its evidence file
# (only a record with an evidence file has one: `validate` checks those without building the others).
# A new field of Record needs no change here unless a question is to be answered without building records.
KEPT = (*DECIDED_BY, "unit", "evidence_sha256")
_DECIDED, _UNIT = len(DECIDED_BY), KEPT.index("unit")


def role(status: str) -> int:
    """What a record of ``status`` does on the timeline: withdraw another (a retraction), move a
    deadline (an extension), decide its item's status (a status a person records, a new one included),
    or none of these (any other status only the ledger writes: a 报送, a review's decision)."""
    if status == RETRACTED:
        return WITHDRAWS
    if status == EXTENDED:
        return EXTENDS
    return OTHER if status in LEDGER_ONLY_STATUSES else DECIDES


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


def entered_on(r: Record) -> date | None:
    """The calendar date written in ``recorded_at`` (the recorder's own clock), if any."""
    try:
        return date.fromisoformat((r.recorded_at or "")[:10])
    except ValueError:
        return None


# --------------------------------------------------------------------------- the facts of each record

class Facts:
    """What the timeline needs of each record, column by column, in file order: its item and status
    (numbers into the tables ``items`` and ``statuses``), effective and entered dates as ordinals
    (entered 0: none), recorded time as ``order_key`` compares it, rid ("" for none), the rid it
    retracts (None for none), and the values of ``KEPT``: the fields the status it gives is decided by
    (``attainment.DECIDED_BY``) and the unit whose report it is. Plain values only, so a cache can
    keep them."""

    def __init__(self, items: list[str], statuses: list[str], item_no: array, status_no: array, eff: array,
                 entered: array, stamps, rids, retracts, kept):
        self.items, self.statuses = items, statuses
        self.item_no, self.status_no, self.eff, self.entered = item_no, status_no, eff, entered
        # the other columns: lists, or (from a cache) callables that decode them when first read
        self._text = {"stamps": stamps, "rids": rids, "retracts": retracts, "kept": kept}

    def _column(self, name: str) -> list:
        v = self._text[name]
        if callable(v):
            v = self._text[name] = v()
            if not isinstance(v, list) or len(v) != len(self.item_no):
                raise ValueError(f"a damaged column: {name}")
        return v

    @property
    def stamps(self) -> list[str]:
        return self._column("stamps")

    @property
    def rids(self) -> list[str]:
        return self._column("rids")

    @property
    def retracts(self) -> list[str | None]:
        return self._column("retracts")

    @property
    def kept(self) -> list:
        """Each record's values of ``KEPT``."""
        return self._column("kept")

    def decided(self, i: int) -> list:
        """Record ``i``'s ``attainment.DECIDED_BY`` values: what the status it gives depends on."""
        return self.kept[i][:_DECIDED]

    def unit(self, i: int) -> str | None:
        """Whose report record ``i`` is (``Record.unit``: a workbook's unit; None: typed by hand)."""
        return self.kept[i][_UNIT]

    def __len__(self) -> int:
        return len(self.item_no)

    NUMBERS = ("item_no", "status_no", "eff", "entered")
    TEXTS = ("stamps", "rids", "retracts", "kept")

    @classmethod
    def empty(cls) -> Facts:
        return cls([], [], array("I"), array("I"), array("i"), array("i"), [], [], [], [])

    def status(self, i: int) -> str:
        return self.statuses[self.status_no[i]]

    @classmethod
    def of(cls, records) -> Facts:
        return cls.empty().extended(records)

    def extended(self, records) -> Facts:
        """These facts followed by those of ``records`` (new tables where they bring new names)."""
        items, statuses = list(self.items), list(self.statuses)
        ino = {s: i for i, s in enumerate(items)}
        sno = {s: i for i, s in enumerate(statuses)}
        item_no, status_no, eff, entered = (array(a.typecode, a) for a in (
            self.item_no, self.status_no, self.eff, self.entered))
        stamps, rids, retracts, kept = list(self.stamps), list(self.rids), list(self.retracts), list(self.kept)
        for r in records:
            i = ino.get(r.item)
            if i is None:
                i = ino[r.item] = len(items)
                items.append(r.item)
            s = sno.get(r.status)
            if s is None:
                s = sno[r.status] = len(statuses)
                statuses.append(r.status)
            item_no.append(i)
            status_no.append(s)
            eff.append(r.effective.toordinal())
            d = entered_on(r)
            entered.append(d.toordinal() if d is not None else 0)
            kept.append([getattr(r, name) for name in KEPT])
            stamps.append(_stamp(r.recorded_at))
            rids.append(r.rid or "")
            retracts.append(r.retracts)
        return Facts(items, statuses, item_no, status_no, eff, entered, stamps, rids, retracts, kept)


# --------------------------------------------------------------------------- the index

class Timeline:
    """The index of one ledger's records (see the module docstring), built from its ``Facts`` or
    given whole by a cache (``derived``: the arrays ``gone_by``, ``order``, ``item_order``,
    ``item_start``, ``entered_order``)."""

    ARRAYS = ("gone_by", "order", "item_order", "item_start", "entered_order")

    def __init__(self, facts: Facts, derived: dict[str, array] | None = None):
        self.facts = facts
        self.n = len(facts)
        self.role_of = [role(s) for s in facts.statuses]
        if derived is None:
            derived = self._derive()
        for name in self.ARRAYS:
            setattr(self, name, derived[name])

    @classmethod
    def of(cls, records: Sequence[Record]) -> Timeline:
        return cls(Facts.of(records))

    def derived(self) -> dict[str, array]:
        return {name: getattr(self, name) for name in self.ARRAYS}

    def _derive(self) -> dict[str, array]:
        f, n = self.facts, self.n
        eff, stamps, rids = f.eff, f.stamps, f.rids
        order = sorted(range(n), key=lambda i: (eff[i], stamps[i], rids[i], i))
        buckets: list[list[int]] = [[] for _ in f.items]
        for i in order:  # each item's records keep the one order
            buckets[f.item_no[i]].append(i)
        item_start = array("I", [0])
        item_order = array("I")
        for b in buckets:
            item_order.extend(b)
            item_start.append(len(item_order))
        entered = f.entered
        entered_order = array("I", sorted((i for i in range(n) if entered[i]), key=lambda i: (entered[i], i)))
        return {"gone_by": self._withdrawals(), "order": array("I", order), "item_order": item_order,
                "item_start": item_start, "entered_order": entered_order}

    def _withdrawals(self) -> array:
        """For each record, the position of the retraction that withdrew it (-1: none).

        A retraction with ``retracts`` withdraws the record of that rid (the first of that rid, of the
        same item, not itself a retraction; of two retractions naming it, the first by ``order_key``
        stands, so every clone of a merged ledger agrees); a legacy one
        without it, the item's latest active record above it in the file (by effective date, then
        position)."""
        f, n = self.facts, self.n
        roles = [self.role_of[s] for s in f.status_no]
        item_no, eff, retracts, stamps, rids = f.item_no, f.eff, f.retracts, f.stamps, f.rids
        first: dict[str, int] = {}
        for i, rid in enumerate(rids):
            if rid:
                first.setdefault(rid, i)
        gone = array("i", [-1]) * n
        for i in range(n):
            t = retracts[i]
            if roles[i] != WITHDRAWS or t is None:
                continue
            j = first.get(t)
            # withdrawn twice (two clones, merged): the first retraction by order_key stands, on every clone
            if j is not None and roles[j] != WITHDRAWS and item_no[j] == item_no[i] and (
                    gone[j] < 0 or (eff[i], stamps[i], rids[i]) < (eff[gone[j]], stamps[gone[j]], rids[gone[j]])):
                gone[j] = i
        active: dict[int, list[int]] = {}
        for i in range(n):  # legacy retractions: by position, as they were written
            if roles[i] != WITHDRAWS:
                if gone[i] < 0:
                    active.setdefault(item_no[i], []).append(i)
                continue
            if retracts[i] is not None:
                continue
            stack = active.get(item_no[i])
            if stack:
                j = max(stack, key=lambda k: (eff[k], k))
                stack.remove(j)
                gone[j] = i
        return gone

    # ----------------------------------------------------------------- asking the index

    @cached_property
    def item_index(self) -> dict[str, int]:
        return {s: i for i, s in enumerate(self.facts.items)}

    @cached_property
    def _entry_items(self) -> dict[str, list[int]]:
        out: dict[str, list[int]] = {}
        for i, item in enumerate(self.facts.items):
            out.setdefault(item.split("@", 1)[0], []).append(i)
        return out

    @cached_property
    def roles(self) -> bytes:
        """Each record's role (``role``), by position."""
        return bytes(map(self.role_of.__getitem__, self.facts.status_no))

    def role(self, i: int) -> int:
        return self.roles[i]

    def slice(self, ino: int, as_of: date | None = None) -> range:
        """Positions in ``item_order`` of item ``ino``'s records (effective by ``as_of`` if given)."""
        lo, hi = self.item_start[ino], self.item_start[ino + 1]
        if as_of is not None:
            hi = bisect_right(self.item_order, as_of.toordinal(), lo, hi, key=self.facts.eff.__getitem__)
        return range(lo, hi)

    def latest(self, ino: int, want: int, as_of: date | None) -> int:
        """The position of item ``ino``'s latest record of role ``want`` effective by ``as_of`` and not
        withdrawn, or -1."""
        order, gone, roles = self.item_order, self.gone_by, self.roles
        for k in reversed(self.slice(ino, as_of)):
            i = order[k]
            if gone[i] < 0 and roles[i] == want:
                return i
        return -1

    def deciding_newest_first(self, item: str, as_of: date) -> Iterator[int]:
        """Positions of ``item``'s records that stand (not withdrawn) and decide a status (``role``:
        not a retraction, an extension, a 报送 or a review's decision) effective by ``as_of``, newest
        first by effective date, then by place in the file; found as reached."""
        ino = self.item_index.get(item)
        if ino is None:
            return
        order, gone, roles, eff = self.item_order, self.gone_by, self.roles, self.facts.eff
        ks = self.slice(ino, as_of)
        k = ks.stop - 1
        while k >= ks.start:  # one effective date at a time (the slice is in date order)
            day = eff[order[k]]
            lo = k
            while lo > ks.start and eff[order[lo - 1]] == day:
                lo -= 1
            for i in sorted((order[j] for j in range(lo, k + 1)), reverse=True):
                if gone[i] < 0 and roles[i] == DECIDES:
                    yield i
            k = lo - 1

    def key(self, i: int) -> tuple:
        f = self.facts
        return (f.eff[i], f.stamps[i], f.rids[i])

    @cached_property
    def withdrew(self) -> dict[int, int]:
        """Retraction position → the position of the record it withdrew."""
        return {i: j for j, i in enumerate(self.gone_by) if i >= 0}

    @cached_property
    def last_of_rid(self) -> dict[str, int]:
        return {rid: i for i, rid in enumerate(self.facts.rids) if rid}

    def items_of_entry(self, entry_id: str) -> list[int]:
        return self._entry_items.get(entry_id, [])


def timeline_of(records: Sequence[Record]) -> Timeline:
    """The timeline of ``records``: a ledger's own (kept with it, cached with its file), else one built now."""
    tl = getattr(records, "timeline", None)
    return tl if tl is not None else Timeline.of(records)


class Indexed(Sequence):
    """Records with their timeline built once, for a caller that asks several questions of a plain
    list (a ledger read from a file has its own)."""

    def __init__(self, records: Sequence[Record]):
        self._records = records

    def __getitem__(self, i):
        return self._records[i]

    def __len__(self) -> int:
        return len(self._records)

    @cached_property
    def timeline(self) -> Timeline:
        return Timeline.of(self._records)


def indexed(records: Sequence[Record] | None) -> Sequence[Record]:
    """``records`` as they are when they carry a timeline, else wrapped so that one is built once."""
    if records is None:
        return Indexed([])
    return records if getattr(records, "timeline", None) is not None else Indexed(records)


# --------------------------------------------------------------------------- the questions

class _ByItem(Mapping):
    """item → its record of one role as of one date, found when asked for (a mapping, so callers use
    it as the dict it replaces; iterating it asks for every item)."""

    def __init__(self, records: Sequence[Record], tl: Timeline, want: int, as_of: date | None):
        self._records, self._tl, self._want, self._as_of = records, tl, want, as_of
        self._memo: dict[int, int] = {}

    def _pick(self, ino: int) -> int:
        i = self._memo.get(ino)
        if i is None:
            i = self._memo[ino] = self._tl.latest(ino, self._want, self._as_of)
        return i

    def __getitem__(self, item: str) -> Record:
        ino = self._tl.item_index.get(item)
        i = self._pick(ino) if ino is not None else -1
        if i < 0:
            raise KeyError(item)
        return self._records[i]

    def _found(self) -> list[tuple[int, str]]:
        # in the order a scan of the file meets each item's first counting record (a dict's order)
        tl, out = self._tl, []
        for ino, item in enumerate(tl.facts.items):
            if self._pick(ino) < 0:
                continue
            first = min(tl.item_order[k] for k in tl.slice(ino, self._as_of)
                        if tl.gone_by[tl.item_order[k]] < 0 and tl.role(tl.item_order[k]) == self._want)
            out.append((first, item))
        return sorted(out)

    def __iter__(self) -> Iterator[str]:
        return (item for _, item in self._found())

    def __len__(self) -> int:
        return sum(self._pick(ino) >= 0 for ino in range(len(self._tl.facts.items)))

    def __repr__(self) -> str:
        return repr(dict(self))


def withdrawn(records: Sequence[Record]) -> dict[int, Record]:
    """Index of each withdrawn record → the retraction that withdrew it.

    A retraction with ``retracts`` withdraws the record of that rid (of the same item, not itself a
    retraction); a legacy one without it, the item's latest active record above it in the file.
    """
    gone = timeline_of(records).gone_by
    return {j: records[i] for j, i in enumerate(gone) if i >= 0}


def latest_records(records: Sequence[Record], as_of: date | None = None) -> Mapping[str, Record]:
    """The record deciding each item's status as of ``as_of`` (None: every record counts).

    Only records effective on or before ``as_of`` count, withdrawn ones never; the latest by
    ``order_key`` wins (effective date, recorded time, rid); an extension (延期), a 报送 or a review's
    decision says nothing of the work, so it never decides a status.
    """
    return _ByItem(records, timeline_of(records), DECIDES, as_of)


def extensions(records: Sequence[Record], as_of: date | None = None) -> Mapping[str, Record]:
    """The extension (延期) in force for each item as of ``as_of`` (None: every record counts): its
    latest ``extended`` record by ``order_key``, effective by then and not withdrawn."""
    return _ByItem(records, timeline_of(records), EXTENDS, as_of)


def next_withdrawn(records: Sequence[Record], item: str) -> Record | None:
    """The record a retraction of ``item`` made now withdraws: its latest active record by
    ``order_key`` (the first in the file of equals), an extension included (a retraction withdraws a
    延期 like any record)."""
    tl = timeline_of(records)
    ino = tl.item_index.get(item)
    if ino is None:
        return None
    live = [i for i in (tl.item_order[k] for k in tl.slice(ino)) if tl.gone_by[i] < 0 and tl.role(i) != WITHDRAWS]
    if not live:
        return None
    top = tl.key(live[-1])
    return records[next(i for i in live if tl.key(i) == top)]


def between(records: Sequence[Record], start: date, end: date) -> list[int]:
    """Positions of the records ``records_between`` gives (withdrawn ones left out), found on the index."""
    tl = timeline_of(records)
    key = tl.facts.eff.__getitem__
    lo = bisect_left(tl.order, max(start, date.min).toordinal(), key=key)
    hi = bisect_right(tl.order, end.toordinal(), lo, key=key)
    return [i for i in tl.order[lo:hi] if tl.gone_by[i] < 0]


def records_between(records: Sequence[Record], start: date, end: date) -> list[Record]:
    """Records effective from ``start`` to ``end`` (inclusive), in ``order_key`` order; withdrawn
    ones left out, retractions kept (a correction is news)."""
    return [records[i] for i in between(records, start, end)]


def with_status(records: Sequence[Record], status: str) -> list[int]:
    """Positions (in file order) of the records of ``status`` that no retraction withdrew."""
    tl = timeline_of(records)
    f = tl.facts
    if status not in f.statuses:
        return []
    s, gone = f.statuses.index(status), tl.gone_by
    return [i for i, x in enumerate(f.status_no) if x == s and gone[i] < 0]


def newest(records: Sequence[Record], item: str, as_of: date | None, wanted) -> int:
    """The position of ``item``'s latest record by ``order_key`` effective by ``as_of``, standing (not
    withdrawn), for which ``wanted(i)`` holds, or -1: asked newest first, older ones only as needed."""
    tl = timeline_of(records)
    ino = tl.item_index.get(item)
    if ino is None:
        return -1
    order, gone = tl.item_order, tl.gone_by
    for k in reversed(tl.slice(ino, as_of)):
        i = order[k]
        if gone[i] < 0 and wanted(i):
            return i
    return -1


def items_between(records: Sequence[Record], start: date, end: date) -> list[str]:
    """The item of each record ``records_between`` gives that is not a retraction: what counting a
    period's reports needs, without building the records."""
    tl = timeline_of(records)
    f, roles = tl.facts, tl.roles
    return [f.items[f.item_no[i]] for i in between(records, start, end) if roles[i] != WITHDRAWS]


def records_entered(records: Sequence[Record], start: date, end: date) -> list[tuple[Record, Record | None]]:
    """Records *entered* from ``start`` to ``end`` (by ``recorded_at``), whatever their effective
    date, in recorded order; each with, for a retraction, the record it withdrew (else, for one that
    withdrew nothing, the record its ``retracts`` names)."""
    tl = timeline_of(records)
    f = tl.facts
    key = f.entered.__getitem__
    lo = bisect_left(tl.entered_order, start.toordinal(), key=key)
    hi = bisect_right(tl.entered_order, end.toordinal(), lo, key=key)
    hits = sorted(tl.entered_order[lo:hi], key=lambda i: (f.stamps[i], f.rids[i], i))
    out = []
    for i in hits:
        j = tl.withdrew.get(i)
        if j is None and f.retracts[i]:
            j = tl.last_of_rid.get(f.retracts[i])
        out.append((records[i], records[j] if j is not None else None))
    return out


def records_of(records: Sequence[Record], entry_id: str, as_of: date | None = None) -> list[int]:
    """Positions of an entry's records (any of its items, any role) effective up to ``as_of``, in
    ``order_key`` order (equals in file order)."""
    tl = timeline_of(records)
    f = tl.facts
    hits = [tl.item_order[k] for ino in tl.items_of_entry(entry_id) for k in tl.slice(ino, as_of)]
    return sorted(hits, key=lambda i: (f.eff[i], f.stamps[i], f.rids[i], i))


def history(records: Sequence[Record], entry_id: str, as_of: date | None = None) -> list[dict]:
    """An entry's records effective up to ``as_of``, in ``order_key`` order, each as a dict; a
    withdrawn one carries ``withdrawn`` (the retraction's date, reason, line and rid)."""
    gone = timeline_of(records).gone_by
    out = []
    for i in records_of(records, entry_id, as_of):
        d = records[i].as_dict()
        by = records[gone[i]] if gone[i] >= 0 else None
        d["withdrawn"] = ({"on": by.effective.isoformat(), "note": by.note, "line": by.yaml_line,
                           "rid": by.rid} if by else None)
        out.append(d)
    return out


