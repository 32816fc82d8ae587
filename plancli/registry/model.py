"""The registry's data model: plans, entries, exclusions, and the Registry that holds them.

Plain typed objects, no I/O. A Registry stores its entries as compact rows (tuples, dates as
ordinals) — the form the cache stores column by column (yamlio.cache.pack_rows) — and builds ``Entry`` objects only when asked:
``select()`` filters on the rows and builds just the entries that match, which halves a filtered
query on 100k entries. ``entries`` builds (and keeps) them all.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from datetime import date
from functools import cached_property
from itertools import compress
from pathlib import Path
from typing import NamedTuple

from ..errors import PlancliError, Said
from ..text.deadline import DeadlineError, Period, parse_date, parse_deadline
from ..words import has, say

__all__ = ["Problem", "Plan", "Entry", "Exclusion", "Document", "Registry", "UnknownIdError", "KINDS", "SECTIONS",
           "COMPARATORS", "RECURRING", "UnitTest", "LightSettings", "ScoringRules", "SCORING_KEYS", "REVIEW_MODES"]

KINDS = ("target", "milestone")
SECTIONS = ("总体目标", "主要任务", "推进措施")
COMPARATORS = (">=", ">", "~", "=", "<=", "<", "range")
RECURRING = (None, "yearly", "quarterly")


# How comparators read to a person: ≥ 以上/不少于, > 突破/超过, ≈ 左右, ≤ 以内/降至; '=' and a range need no sign.
SYMBOL = {">=": "≥", ">": ">", "~": "≈", "=": "", "<=": "≤", "<": "<", "range": ""}


def target_text(comparator: str | None, value_text: str | None) -> str:
    """The target as a person reads it: ``≥3.5 万家``; ``—`` for a milestone."""
    return (SYMBOL.get(comparator or "", "") + value_text) if value_text else "—"



class UnknownIdError(PlancliError):
    """An entry id (or occurrence) that the registry does not have."""


@dataclass(frozen=True)
class Problem(Said):
    """One finding of ``validate``, ``file:line: problem`` (``file:line: warning: problem``).

    Like an error, a problem carries a code of the words catalogue and the fields of its entry, and
    is said in the reader's language at the edge (``located(lang)``); ``message`` and ``str()`` are
    the English. A check that still writes prose passes its finished text as the code (``code_of``
    is then None). ``of(exc)`` is the problem an error describes, with its code and fields.
    """

    path: str
    line: int | None
    code: str
    level: str = "error"  # error | warning | note (a warning fails only validate --strict; a note never)
    fields: dict = field(default_factory=dict, hash=False)

    @classmethod
    def at(cls, path: str, line: int | None, code: str, level: str = "error", **fields) -> Problem:
        return cls(path, line, code, level, fields)

    @classmethod
    def of(cls, exc: PlancliError, path: str | None = None) -> Problem:
        """The problem ``exc`` describes, where it happened (``path`` when the error names none)."""
        return cls(exc.path or path or "", exc.line, exc.code, "error", exc.fields)

    @property
    def code_of(self) -> str | None:
        """The catalogue code, or None for a problem written as finished text."""
        return self.code if has(self.code) else None

    def located(self, lang: str = "en") -> str:
        tag = say(f"problem.{self.level}", lang) if self.level != "error" else ""
        return f"{self.path}:{self.line or 0}: {tag}{self.text(lang)}"

    def __str__(self) -> str:
        return self.located("en")


@dataclass(frozen=True)
class Plan:
    code: str
    name: str
    short: str
    group: str
    first_line: int
    last_line: int
    complete: bool
    coordinator: tuple[str, ...]
    coordinator_quote: str | None = None
    coordinator_line: int | None = None
    doc: str = ""  # code of the document the plan belongs to


@dataclass
class Entry:
    id: str
    kind: str
    plan: str
    group: str
    section: str
    task: int | None
    metric: str
    value_text: str | None
    value: float | None
    value_max: float | None
    unit: str | None
    comparator: str | None
    deadline_text: str | None
    deadline: date | None
    deadline_inferred: bool
    recurring: str | None
    lead: tuple[str, ...]
    support: tuple[str, ...]
    units_inferred: bool
    quote: str
    line: int
    note: str | None = None
    yaml_line: int = 0
    outside_period: bool = False  # the deadline lies outside the document's period on purpose
    baseline: float | None = None  # the figure work starts from (序时进度 of ≤ targets and rates)
    start: date | None = None  # when work on the entry starts, if not the document's date
    _occ: tuple[date, ...] | None = field(default=None, repr=False, compare=False)

    def occurrences(self, period: Period | None = None, since: date | None = None) -> tuple[date, ...]:
        """Every deadline date of the entry: one per year for 每年, one per quarter for 每季度.

        Computed when the entry is parsed, in its own document's period; ``period`` is only needed
        for an entry built by hand. ``since`` is the document's date: a recurrence cannot fall due
        before the document that sets it (每季度 in a notice of 2024-04-22 starts with 2024Q2, not with
        2024Q1 ending 2024-03-31).
        """
        if self._occ is None:
            if self.deadline is None:
                self._occ = ()
            elif self.recurring and self.deadline_text:
                self._occ = parse_deadline(self.deadline_text, period).dates
            else:
                self._occ = (self.deadline,)
        if since is None or not self.recurring:
            return self._occ
        return tuple(d for d in self._occ if d >= since)

    def label(self, d: date) -> str | None:
        """The occurrence label of deadline ``d``: ``2024`` (每年), ``2024Q1`` (每季度), else None."""
        if self.recurring == "yearly":
            return str(d.year)
        if self.recurring == "quarterly":
            return f"{d.year}Q{(d.month - 1) // 3 + 1}"
        return None

    def items(self, period: Period | None = None, since: date | None = None) -> list[str]:
        """Ids of the entry's occurrences as the ledger names them: ``id`` or ``id@2024``."""
        labels = [self.label(d) for d in self.occurrences(period, since)]
        return [f"{self.id}@{lb}" for lb in labels if lb] or [self.id]


@dataclass(frozen=True)
class Exclusion:
    line: int
    text: str
    reason: str
    yaml_line: int = 0


class LightSettings(NamedTuple):
    """The ``lights:`` settings of a registry file (docs/lights.md); the defaults are the documented ones.
    (LightSettings and ScoringRules are named tuples, not dataclasses: each dataclass costs every run
    about half a millisecond of start-up to build.)"""

    near_days: int = 14  # blue: due within this many days and not closed
    behind_yellow: float = 10  # yellow: behind 序时进度 by more than this many percentage points
    behind_red: float = 30  # red: behind by more than this many points
    report_every_days: int | None = None  # yellow: no record within this many days (None: no cycle)


LIGHT_KEYS = LightSettings._fields

# ``review:`` of the registry index: ``required`` makes a done/met record a 报结 claim the office must
# accept (销号) before the item closes (docs/review.md); ``off`` (the default) closes it at once.
REVIEW_MODES = ("required", "off")


class ScoringRules(NamedTuple):
    """The ``scoring:`` rules of the registry index (考核, docs/review.md); the defaults are the documented ones.

    Item points go to every lead unit times ``lead_weight`` and to every supporting unit times
    ``support_weight``; the points for reports, 退办 and 延期 go to the lead units as they are."""

    base: float = 100  # every unit starts with this
    closed_on_time: float = 2  # an item due in the period, closed (done/met, 销号) by its deadline
    closed_late: float = 1  # closed after its deadline
    missed: float = -5  # closed as missed (未达标)
    overdue_open: float = -3  # past its deadline and still open at the period's end
    lead_weight: float = 1  # a 牵头 unit's share of an item's points
    support_weight: float = 0.5  # a 配合 unit's share
    report_late: float = -1  # a report (报送) of the reporting cycle filed after its due date
    report_missing: float = -2  # a report of the cycle not filed at all
    returned: float = -1  # a 报结 claim sent back (退办)
    extended: float = -0.5  # an extension (延期) asked


SCORING_KEYS = ScoringRules._fields
# Shares, not points: a negative weight would turn a reward into a penalty.
SCORING_WEIGHTS = ("lead_weight", "support_weight")


@dataclass(frozen=True)
class Document:
    """One source document of a registry: its meta, period, plans and exclusions."""

    code: str  # short key people type (--doc), unique in the registry
    path: Path  # the document's YAML file
    meta: dict
    period: Period
    plan_codes: tuple[str, ...]
    exclusions: tuple[Exclusion, ...]
    lights: dict = field(default_factory=dict)  # the keys its own ``lights:`` sets (over the index's)
    archived: bool = False  # listed under the index's ``archived:``: kept, validated, not in default lists
    # meta keys whose paths lie outside the repository (``validate`` lists them): never opened
    refused: tuple[str, ...] = ()

    def _doc(self, key: str):
        return (self.meta.get("document") or {}).get(key)

    @property
    def number(self) -> str | None:
        v = self._doc("number")
        return str(v) if v else None

    @property
    def label(self) -> str:
        """What output rows call the document (``doc``): its number, else its code."""
        return self.number or self.code

    @property
    def title(self) -> str:
        return str(self._doc("title") or self.code)

    @property
    def issuer(self) -> str | None:
        v = self._doc("issuer")
        return str(v) if v else None

    @property
    def date(self) -> str | None:
        v = self._doc("date")
        return str(v) if v else None

    @property
    def source_path(self) -> Path | None:
        src = (self.meta.get("source") or {}).get("file")
        return (self.path.parent / src) if src and "source.file" not in self.refused else None

    @property
    def units_path(self) -> Path | None:
        """The document's own unit table (``meta.units_file``, default units.yaml beside it), if it
        exists: a document copied alone elsewhere falls back to the shipped table."""
        if "units_file" in self.refused:
            return None
        p = self.path.parent / (self.meta.get("units_file") or "units.yaml")
        return p if p.exists() else None

    @cached_property  # asked once per record by validate: 200k times for a ledger of years
    def require_evidence(self) -> tuple[str, ...]:
        """Statuses a record needs evidence (佐证材料) for: ``meta.require_evidence: [met, done]``."""
        return tuple(str(s) for s in (self.meta.get("require_evidence") or ()))

    @property
    def missing_units_file(self) -> Path | None:
        """``meta.units_file`` when it names a file that does not exist (a validate warning)."""
        named = self.meta.get("units_file")
        if not named or "units_file" in self.refused:
            return None
        return self.path.parent / named if not (self.path.parent / named).exists() else None


# --------------------------------------------------------------------------- compact rows

ENTRY_FIELDS = _FIELDS = tuple(f.name for f in fields(Entry))
_PLAN, _KIND, _LEAD, _SUPPORT = (_FIELDS.index(k) for k in ("plan", "kind", "lead", "support"))
_DEADLINE, _OCC, _ID = _FIELDS.index("deadline"), _FIELDS.index("_occ"), _FIELDS.index("id")


def entry_to_row(e: Entry) -> tuple:
    row = [getattr(e, k) for k in _FIELDS]
    row[_DEADLINE] = e.deadline.toordinal() if e.deadline else None
    row[_OCC] = tuple(d.toordinal() for d in e._occ) if e._occ is not None else None
    return tuple(row)


def entry_from_row(row: tuple) -> Entry:
    e = object.__new__(Entry)
    e.__dict__ = d = dict(zip(_FIELDS, row, strict=True))
    if d["deadline"] is not None:
        d["deadline"] = date.fromordinal(d["deadline"])
    if d["_occ"] is not None:
        d["_occ"] = tuple(map(date.fromordinal, d["_occ"]))
    return e


UnitPredicate = Callable[[tuple[str, ...], tuple[str, ...]], bool]


class UnitTest:
    """A unit filter asked of each role's list on its own (``lead(t)``, ``support(t)``): an entry
    passes when either says yes. Cached rows ask it once per distinct list (``Registry.select``).
    (A plain class: a dataclass costs the hot path a millisecond of start-up to build.)"""

    __slots__ = ("lead", "support")

    def __init__(self, lead: Callable[[tuple[str, ...]], bool], support: Callable[[tuple[str, ...]], bool]):
        self.lead, self.support = lead, support

    def __call__(self, lead: tuple[str, ...], support: tuple[str, ...]) -> bool:
        return self.lead(lead) or self.support(support)


@dataclass
class Registry:
    """A loaded registry: one or more documents. Build with ``Registry.of(...)``."""

    path: Path  # what was loaded: a registry index or a single document file
    documents: list[Document]
    plans: dict[str, Plan]
    _rows: list[tuple] = field(default_factory=list, repr=False)
    _built: list[Entry | None] = field(default_factory=list, repr=False)
    _all: list[Entry] | None = field(default=None, repr=False)
    ledger_path: Path | None = None  # named by the index (``ledger:``) or the document (meta.ledger)
    lights: dict = field(default_factory=dict)  # the index's ``lights:`` keys (a document's own win)
    # What the content of its files is known by (their cache keys): what is derived from the registry
    # and a ledger may be cached under it. None when unknown (not cached, or built by hand).
    source_key: str | None = None
    office: dict = field(default_factory=dict)  # ``office:``: who runs the 台账 (name, contact, phone, address)
    lang: str | None = None  # the index's ``lang:``: the language of what leaves the office (zh, en)
    review: bool = False  # the index's ``review: required``: a done/met record is a claim awaiting 销号
    scoring: dict = field(default_factory=dict)  # the index's ``scoring:`` keys (over ScoringRules' defaults)

    @classmethod
    def of(cls, path: Path, documents: list[Document], plans: dict[str, Plan], *,
           entries: Iterable[Entry] = (), rows: list[tuple] | None = None,
           ledger_path: Path | None = None, lights: dict | None = None, lang: str | None = None,
           review: bool = False, scoring: dict | None = None, office: dict | None = None,
           source_key: str | None = None) -> Registry:
        more = {"ledger_path": ledger_path, "lights": lights or {}, "lang": lang, "review": review,
                "scoring": scoring or {}, "office": office or {}, "source_key": source_key}
        if rows is not None:
            return cls(path, documents, plans, rows, [None] * len(rows), **more)
        built = list(entries)
        return cls(path, documents, plans, [entry_to_row(e) for e in built], built, **more)

    @cached_property
    def scoring_rules(self) -> ScoringRules:
        """The 考核 rules: the index's ``scoring:`` over the documented defaults."""
        return ScoringRules(**self.scoring)

    @cached_property
    def _light_settings(self) -> dict[str, LightSettings]:
        return {d.code: LightSettings(**{**self.lights, **d.lights}) for d in self.documents}

    def light_settings(self, e: Entry | None = None, *, doc: Document | None = None) -> LightSettings:
        """The lights settings for ``e`` (or ``doc``): its document's ``lights:``, else the index's, else
        the defaults."""
        if doc is None:
            doc = self.document_of(e) if e is not None else (self.documents[0] if self.documents else None)
        return self._light_settings.get(doc.code) if doc is not None else LightSettings(**self.lights)

    # The first document answers for the registry where one document is meant (parse-deadline's
    # default period; the meta of a single-document registry).
    @property
    def meta(self) -> dict:
        return self.documents[0].meta if self.documents else {}

    @property
    def period(self) -> Period:
        return self.documents[0].period if self.documents else Period(date(2024, 1, 1), date(2025, 12, 31))

    @property
    def exclusions(self) -> list[Exclusion]:
        return [x for d in self.documents for x in d.exclusions]

    @property
    def source_path(self) -> Path | None:
        return self.documents[0].source_path if self.documents else None

    @cached_property
    def _by_code(self) -> dict[str, Document]:
        return {d.code: d for d in self.documents}

    def document(self, code: str) -> Document:
        return self._by_code[code]  # asked once per row of a listing: a dict, not a scan

    @property
    def archived_plans(self) -> frozenset[str]:
        """Plan codes of the archived documents (left out of default lists)."""
        return frozenset(c for d in self.documents if d.archived for c in d.plan_codes)

    def document_of(self, e: Entry) -> Document | None:
        """The document an entry belongs to (plan codes are unique across documents)."""
        p = self.plans.get(e.plan)
        return self.document(p.doc) if p is not None and p.doc else (self.documents[0] if self.documents else None)

    @property
    def rows(self) -> list[tuple]:
        return self._rows

    def _entry(self, i: int) -> Entry:
        e = self._built[i]
        if e is None:
            e = self._built[i] = entry_from_row(self._rows[i])
        return e

    @property
    def entries(self) -> list[Entry]:
        if self._all is None:
            self._all = [self._entry(i) for i in range(len(self._rows))]
        return self._all

    @property
    def from_cache(self) -> bool:
        """True while no entry has been built from the cached rows yet."""
        return all(e is None for e in self._built)

    def unit_names(self) -> list[str]:
        """Every unit the entries name as lead or support, in order of first mention, read from the
        rows: no entry is built (building 100k entries to list ~100 names cost 0.4 s)."""
        names: dict[str, None] = {}
        firsts = getattr(self._rows, "firsts", None)
        if firsts is not None:  # cached rows: each distinct unit list where it first appears, in row order
            lists = [*((2 * i, t) for i, t in firsts(_LEAD).items()), *((2 * i + 1, t) for i, t in firsts(_SUPPORT).items())]
            lists.sort(key=operator.itemgetter(0))  # a row's lead list before its support list
            for _, t in lists:
                names.update(dict.fromkeys(t))
            return list(names)
        seen: set[int] = set()  # unit tuples are shared between rows: look at each once
        for r in self._rows:
            for t in (r[_LEAD], r[_SUPPORT]):
                if id(t) not in seen:
                    seen.add(id(t))
                    names.update(dict.fromkeys(t))
        return list(names)

    def select(self, plans=None, kinds=None, units: UnitPredicate | UnitTest | None = None) -> list[Entry]:
        """Entries of ``plans``/``kinds`` (None = all) whose ``units(lead, support)`` is true."""
        rows = self._rows
        if hasattr(rows, "mask") and (units is None or isinstance(units, UnitTest)):
            # cached rows: each test is asked once per distinct value of its column, and only the
            # entries that pass are built (C-speed maps over the columns' indices)
            keep = []
            if plans:
                keep.append(rows.mask(_PLAN, plans.__contains__))
            if kinds:
                keep.append(rows.mask(_KIND, kinds.__contains__))
            if units is not None:
                keep.append(map(operator.or_, rows.mask(_LEAD, units.lead), rows.mask(_SUPPORT, units.support)))
            picked = range(len(rows))
            if keep:
                both = keep[0]
                for more in keep[1:]:
                    both = map(operator.and_, both, more)
                picked = compress(picked, both)
            picked = list(picked)
            fresh = [i for i in picked if self._built[i] is None]
            for i, row in zip(fresh, rows.take(fresh), strict=True):
                self._built[i] = entry_from_row(row)
            return [self._built[i] for i in picked]
        out = []
        for i, r in enumerate(rows):
            if (plans and r[_PLAN] not in plans) or (kinds and r[_KIND] not in kinds):
                continue
            if units is not None and not units(r[_LEAD], r[_SUPPORT]):
                continue
            out.append(self._entry(i))
        return out

    @cached_property
    def _issued(self) -> dict[str, date | None]:
        """Plan code → the date of its document (``meta.document.date``)."""
        dates = {}
        for d in self.documents:
            try:  # read as the loader checked it (2024-04-22, 2024年4月22日 …)
                dates[d.code] = parse_date(d.date) if d.date else None
            except DeadlineError:
                dates[d.code] = None
        first = self.documents[0].code if self.documents else None
        return {code: dates.get(p.doc or first) for code, p in self.plans.items()}

    def issued(self, e: Entry) -> date | None:
        """The date of ``e``'s document: no occurrence of ``e`` falls due before it."""
        return self._issued.get(e.plan)

    def occurrences(self, e: Entry) -> tuple[date, ...]:
        """Deadlines of ``e`` in its document's period and not before the document's date."""
        return e.occurrences(None, self.issued(e))

    def items(self, e: Entry) -> list[str]:
        """Ledger ids of ``e``'s occurrences (see ``occurrences``)."""
        return e.items(None, self.issued(e))

    def by_id(self) -> dict[str, Entry]:
        return {e.id: e for e in self.entries}

    @cached_property
    def _row_of(self) -> dict[str, int]:
        column = getattr(self._rows, "column", None)
        if column is not None:
            return dict(zip(column(_ID), range(len(self._rows)), strict=True))
        return {r[_ID]: i for i, r in enumerate(self._rows)}

    def get(self, eid: str) -> Entry | None:
        """The entry with id ``eid`` or None, building only that entry (checking a ledger's ids
        must not build every entry of a large registry)."""
        i = self._row_of.get(eid)
        return self._entry(i) if i is not None else None

    def find(self, eid: str) -> Entry:
        """The entry with id ``eid`` (any letter case); an unknown id suggests the closest ones."""
        by_id = self.by_id()
        if eid in by_id:
            return by_id[eid]
        if eid.lower() in by_id:  # SZBG-014 as typed from a printed list
            return by_id[eid.lower()]
        import difflib

        close = difflib.get_close_matches(eid, list(by_id), n=3, cutoff=0.6)
        if close:
            raise UnknownIdError("registry.unknown_id_near", given=eid, close=close)
        raise UnknownIdError("registry.unknown_id", given=eid)
