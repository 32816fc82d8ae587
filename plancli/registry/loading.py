"""Parse a registry file (``data/targets.yaml``) into a ``model.Registry``, strictly.

Every field is checked and every problem is reported with its ``file:line``: normally the first
one raises ``RegistryError``; ``validate`` passes a list and gets them all. Dates are parsed here
(the YAML reader keeps them as strings), so ``2024-13-40`` is an impossible date with its line.
"""

from __future__ import annotations

import functools
import operator
import os
import re
from dataclasses import dataclass, replace
from datetime import date
from itertools import compress, repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..text.deadline import DEFAULT_PERIOD, Deadline, DeadlineError, Period, parse_date, parse_deadline
from ..vocabulary import RECORD_STATUSES
from ..words import LANGS, say, term
from ..yamlio import cache
from ..yamlio.events import gc_paused
from ..yamlio.reader import DataFileError, LineDict, decode, load_yaml, read_bytes
from .model import (
    COMPARATORS,
    ENTRY_FIELDS,
    KINDS,
    LIGHT_KEYS,
    RECURRING,
    REVIEW_MODES,
    SCORING_KEYS,
    SCORING_WEIGHTS,
    SECTIONS,
    Document,
    Entry,
    Exclusion,
    LightSettings,
    Plan,
    Problem,
    Registry,
    entry_to_row,
)

if TYPE_CHECKING:
    from ..yamlio.fastlane import Rows

__all__ = [
    "RegistryError", "Problem", "Plan", "Entry", "Exclusion", "Registry",
    "load_registry", "shipped_registry_path", "is_index", "sha256_of", "index_around", "INDEX_NAME",
]

INDEX_NAME = "registry.yaml"  # a registry repository's index (``plancli init``)


class RegistryError(DataFileError):
    """A registry index or document file that does not say what a registry must."""


def shipped_registry_path() -> Path:
    """The registry shipped with the package (``data/registry.yaml``: the index of its documents)."""
    # The data package's own __file__: importlib.resources would import zipfile & co. (~2 ms) on the
    # hot path to say the same for a package installed as files (which setuptools always does).
    from .. import data

    return Path(data.__file__).parent / "registry.yaml"


def is_index(path: Path) -> bool:
    """True for a registry index (a file whose first 4 KiB hold a ``documents:`` list), not a document."""
    return bool(_INDEX.search(read_bytes(path, 4096)))


def index_around(start: Path) -> Path | None:
    """The nearest ``registry.yaml`` with a ``documents:`` list in ``start`` or a folder above it,
    as git finds ``.git``; None when there is none (or ``start`` is gone)."""
    try:
        here = start.resolve()
    except (OSError, ValueError):  # the current directory was deleted under us
        return None
    for d in (here, *here.parents):
        f = d / INDEX_NAME
        try:
            if f.is_file() and is_index(f):
                return f
        except (OSError, DataFileError):
            continue
    return None


# --------------------------------------------------------------------------- confinement
# Every file a registry names — its documents, their sources and unit tables, the ledger — must lie
# inside the registry's repository once symlinks are resolved (docs/security.md): a registry comes
# by merge request or from another office, and ``ledger: /tmp/x.yaml`` or ``source: ../../.ssh/id_rsa``
# must neither send records out of the repository nor read a file the repository does not hold. A
# path outside is refused by file:line before anything is opened, in words that do not say whether
# it exists.

def repository_root(p: Path, index: bool) -> tuple[Path, bool]:
    """The folder everything ``p`` names must lie in, and whether it is a repository: an index's own
    folder; for a document read alone, the nearest folder above it holding a registry index or a
    ``.git`` (a git work tree), else the document's own folder (False)."""
    folder = p.parent.resolve()
    if index:
        return folder, True
    for d in (folder, *folder.parents):
        try:
            if (d / ".git").exists() or ((d / INDEX_NAME).is_file() and is_index(d / INDEX_NAME)):
                return d, True
        except (OSError, DataFileError):
            continue
    return folder, False


def confined(root: tuple[Path, bool], base: Path, given: str, key: str, where: Path, line: int | None) -> Path:
    """``base / given`` when it lies inside ``root`` (see ``repository_root``) after resolving
    symlinks, else RegistryError."""
    if Path(given).is_absolute() or given.startswith("~"):
        raise RegistryError("security.absolute", where, line, key=key, given=given)
    p = base / given
    try:
        # realpath, not resolve(): it follows symlinks (lstat, never open) and does not stat the target
        inside = Path(os.path.realpath(p)).is_relative_to(root[0])
    except (OSError, ValueError):  # a NUL byte, a name too long for the system
        raise RegistryError("security.not_a_path", where, line, key=key, given=given) from None
    if not inside:
        raise RegistryError("security.outside" if root[1] else "security.outside_folder", where, line, key=key,
                            given=given, root=root[0])
    return p


# The paths a document's meta names: (key as people read it, the keys leading to it).
DOCUMENT_PATHS = (("source.file", ("source", "file")), ("units_file", ("units_file",)), ("ledger", ("ledger",)))


def _check_document_paths(doc: Document, root: tuple[Path, bool], problems: list[Problem] | None) -> Document:
    """``doc``, every path its meta names checked; with ``problems`` (validate) each refused one is
    reported and marked ``refused``, so nothing opens it."""
    refused = []
    for key, keys in DOCUMENT_PATHS:
        given: Any = doc.meta
        for k in keys:
            given = given.get(k) if isinstance(given, dict) else None
        if isinstance(given, str) and given:
            try:
                confined(root, doc.path.parent, given, key, doc.path, None)
            except RegistryError as exc:
                exc.line = _key_line(doc.path, ("meta", *keys))  # the error path re-reads the file for its line
                _report(problems, exc)
                refused.append(key)
    return replace(doc, refused=tuple(refused)) if refused else doc


class _Collector:
    """Raise on the first problem (normal use) or collect them all (``validate``)."""

    def __init__(self, path: Path, problems: list[Problem] | None):
        self.path = path
        self.problems = problems

    def __call__(self, line: int | None, code: str, **fields) -> None:
        if self.problems is None:
            raise RegistryError(code, self.path, line, **fields)
        self.problems.append(Problem.at(str(self.path), line, code, **fields))


@dataclass(frozen=True)
class At:
    """Who a problem is about, said before it: an entry's id (``kjyf-001: ``), a plan, an exclusion,
    the period; nothing for the document itself."""

    kind: str = ""
    id: str = ""

    def text(self, lang: str) -> str:
        if self.kind == "entry":
            return self.id + say("punct.colon", lang)
        return say(f"registry.at.{self.kind}", lang) if self.kind else ""


NOWHERE = At()


def _str(d: LineDict, key: str, report, *, required=True, where: At = NOWHERE) -> str | None:
    v = d.get(key)
    if v.__class__ is str:  # the common case first: 11 text fields per entry
        return v
    if v is None:
        if required:
            report(d.line, "registry.missing_field", where=where, key=key)
        return None
    if isinstance(v, bool) or not isinstance(v, str | int | float):
        report(d.key_lines.get(key, d.line), "registry.not_text", where=where, key=key, kind=type(v).__name__)
        return None
    return str(v)


def _num(d: LineDict, key: str, report, where: At = NOWHERE) -> float | None:
    v = d.get(key)
    if v is None:
        return None
    if isinstance(v, bool) or not isinstance(v, int | float):
        report(d.key_lines.get(key, d.line), "registry.not_number", where=where, key=key, given=v)
        return None
    return float(v)


def _int(d: LineDict, key: str, report, *, required=False, where: At = NOWHERE) -> int | None:
    v = d.get(key)
    if v is None:
        if required:
            report(d.line, "registry.missing_field", where=where, key=key)
        return None
    if isinstance(v, bool) or not isinstance(v, int):
        report(d.key_lines.get(key, d.line), "registry.not_integer", where=where, key=key, given=v)
        return None
    return v


def _bool(d: LineDict, key: str, report, where: At = NOWHERE) -> bool:
    v = d.get(key, False)
    if v is None:
        return False
    if not isinstance(v, bool):
        report(d.key_lines.get(key, d.line), "registry.not_bool", where=where, key=key, given=v)
        return False
    return v


def _units(d: LineDict, key: str, report, where: At = NOWHERE) -> tuple[str, ...]:
    v = d.get(key)
    if v is None:
        return ()
    if isinstance(v, str):
        v = [v]
    got = _unit_list(v) if isinstance(v, list) else None
    if got is None:
        report(d.key_lines.get(key, d.line), "registry.not_units", where=where, key=key)
        return ()
    return got


# Registries repeat a few hundred unit lists: one shared tuple each (less memory, smaller cache).
_UNIT_LISTS: dict[tuple, tuple[str, ...]] = {}


def _unit_list(v: list) -> tuple[str, ...] | None:
    """``_units`` of a list in which nothing is wrong (one shared tuple per list), else None."""
    t = tuple(v)
    try:
        got = _UNIT_LISTS.get(t)
    except TypeError:
        return None  # a list in the list
    if got is None and all(isinstance(x, str) and x.strip() for x in t):
        got = _UNIT_LISTS.setdefault(t, tuple(x.strip() for x in t))
    return got
# parse_date/parse_deadline are pure and their inputs repeat (a few hundred distinct phrases and
# dates in 100k entries): read each once. Errors are not cached, so each is raised at its own line.
_read_date = functools.lru_cache(maxsize=4096)(parse_date)
_read_deadline = functools.lru_cache(maxsize=4096)(parse_deadline)


def _date(d: LineDict, key: str, report, where: At = NOWHERE) -> date | None:
    v = d.get(key)
    if v is None:
        return None
    try:
        return _read_date(str(v))
    except DeadlineError as exc:
        report(d.key_lines.get(key, d.line), "registry.field_error", where=where, key=key, error=exc)
        return None


def _period(meta: LineDict, report) -> Period:
    p = meta.get("period")
    if p is None:
        return DEFAULT_PERIOD
    if not isinstance(p, dict):
        report(meta.key_lines.get("period", meta.line), "registry.period_shape")
        return DEFAULT_PERIOD
    start = _date(p, "start", report, At("period")) or DEFAULT_PERIOD.start
    end = _date(p, "end", report, At("period")) or DEFAULT_PERIOD.end
    if end < start:
        report(p.line, "registry.period_backwards")
        return DEFAULT_PERIOD
    return Period(start, end)


def parse_plan(d: Any, report) -> Plan | None:
    if not isinstance(d, dict):
        report(None, "registry.plan_shape")
        return None
    code = _str(d, "code", report, where=At("plan"))
    name = _str(d, "name", report, where=At("plan"))
    if not code or not name:
        return None
    return Plan(
        code=code, name=name,
        short=_str(d, "short", report, required=False) or name,
        group=_str(d, "group", report, required=False) or "",
        first_line=_int(d, "first_line", report) or 0,
        last_line=_int(d, "last_line", report) or 0,
        complete=_bool(d, "complete", report) if "complete" in d else True,
        coordinator=_units(d, "coordinator", report),
        coordinator_quote=_str(d, "coordinator_quote", report, required=False),
        coordinator_line=_int(d, "coordinator_line", report),
    )


def parse_entry(d: Any, plans: dict[str, Plan], period: Period, report) -> Entry | None:
    """Turn one mapping into an Entry, reporting every schema problem with its line."""
    if not isinstance(d, dict):
        report(None, "registry.entry_shape")
        return None
    n0 = len(report.problems) if report.problems is not None else 0
    eid = _str(d, "id", report)
    w = At("entry", eid) if eid else NOWHERE
    kind = _str(d, "kind", report, where=w)
    if kind is not None and kind not in KINDS:
        report(d.key_lines.get("kind", d.line), "registry.bad_kind", where=w, choices=list(KINDS), given=kind)
    plan = _str(d, "plan", report, where=w)
    if plan is not None and plans and plan not in plans:
        report(d.key_lines.get("plan", d.line), "registry.unknown_plan", where=w, given=plan)
    section = _str(d, "section", report, where=w)
    if section is not None and section not in SECTIONS:
        report(d.key_lines.get("section", d.line), "registry.bad_section", where=w, choices=list(SECTIONS))
    comparator = _str(d, "comparator", report, required=False, where=w)
    if comparator is not None and comparator not in COMPARATORS:
        report(d.key_lines.get("comparator", d.line), "registry.bad_comparator", where=w,
               choices=" ".join(COMPARATORS), given=comparator)
    recurring = d.get("recurring")
    if recurring not in RECURRING:
        report(d.key_lines.get("recurring", d.line), "registry.bad_recurring", where=w)
        recurring = None
    deadline = _date(d, "deadline", report, w)
    deadline_text = _str(d, "deadline_text", report, required=False, where=w)
    inferred = _bool(d, "deadline_inferred", report, w)
    if deadline_text is not None:
        try:
            parsed: Deadline | None = _read_deadline(deadline_text, period)
        except DeadlineError as exc:
            report(d.key_lines.get("deadline_text", d.line), "registry.field_error", where=w, key="deadline_text",
                   error=exc)
            parsed = None
        if parsed is not None:
            if deadline is None:
                deadline = parsed.date
            elif deadline != parsed.date:
                report(d.key_lines.get("deadline", d.line), "registry.deadline_mismatch", where=w, deadline=deadline,
                       text=deadline_text, reads=parsed.date)
            want = parsed.kind if parsed.kind in ("yearly", "quarterly") else None
            if recurring != want:
                report(d.key_lines.get("recurring", d.line), "registry.recurring_should_be", where=w,
                       want=want or term("registry.empty"), text=deadline_text)
    elif deadline is None:
        deadline, inferred = period.end, True
    value = _num(d, "value", report, w)
    value_max = _num(d, "value_max", report, w)
    line = _int(d, "line", report, required=True, where=w)
    quote = _str(d, "quote", report, where=w)
    task = _int(d, "task", report, where=w)
    metric = _str(d, "metric", report, where=w)
    value_text = _str(d, "value_text", report, required=False, where=w)
    unit = _str(d, "unit", report, required=False, where=w)
    lead, support = _units(d, "lead", report, w), _units(d, "support", report, w)
    units_inferred = _bool(d, "units_inferred", report, w)
    _bool(d, "draft", report, w)  # optional: true on an entry `plancli extract` wrote, until reviewed
    note = _str(d, "note", report, required=False, where=w)
    outside = _bool(d, "outside_period", report, w)
    baseline = _num(d, "baseline", report, w)
    start = _date(d, "start", report, w)
    if start is not None and deadline is not None and start >= deadline:
        report(d.key_lines.get("start", d.line), "registry.start_after_deadline", where=w, start=start,
               deadline=deadline)
    # Every field is checked before giving up, so validate reports all of an entry's problems.
    if report.problems is not None and len(report.problems) > n0:
        return None
    if eid is None or quote is None or line is None or metric is None:
        return None
    p = plans.get(plan or "")
    return Entry(
        id=eid, kind=kind or "target", plan=plan or "", group=p.group if p else "",
        section=section or "", task=task, metric=metric, value_text=value_text,
        value=value, value_max=value_max, unit=unit, comparator=comparator,
        deadline_text=deadline_text, deadline=deadline, deadline_inferred=inferred,
        recurring=recurring, lead=lead, support=support, units_inferred=units_inferred,
        quote=quote, line=line, note=note, yaml_line=d.line, outside_period=outside,
        baseline=baseline, start=start,
    )


# The fields of an entry row, in the order ``_entry_row`` writes them (model.entry_to_row's order).
_ROW_ORDER = ("id", "kind", "plan", "group", "section", "task", "metric", "value_text", "value", "value_max", "unit",
              "comparator", "deadline_text", "deadline", "deadline_inferred", "recurring", "lead", "support",
              "units_inferred", "quote", "line", "note", "yaml_line", "outside_period", "baseline", "start", "_occ")
# The keys ``_entry_row`` reads, in the order it unpacks them.
_ROW_KEYS = ("id", "kind", "plan", "section", "metric", "quote", "comparator", "recurring", "deadline_text", "value_text",
             "unit", "note", "deadline_inferred", "units_inferred", "outside_period", "draft", "line", "task", "value",
             "value_max", "baseline", "lead", "support", "deadline", "start")
_TEXT_OR_NONE = (str, type(None))
_NUMBER = (int, float)
_NUMBER_OR_NONE = (int, float, type(None))
_BOOL_OR_NONE = (bool, type(None))
_YEARLY_QUARTERLY = ("yearly", "quarterly")


def _entry_row(d: Any, plans: dict[str, Plan], period: Period) -> tuple | None:
    """The row (model.entry_to_row) of an entry in which nothing is wrong, or None when anything is
    unusual: ``parse_entry`` then reads it and reports every problem. The same checks, done once
    per entry inline (no call per field, no ``At`` built for words no one will read): 100k entries
    in 0.3 s instead of 1 s."""
    if not isinstance(d, LineDict):  # (the fast lane's own subclass too: key lines worked out when asked)
        return None
    (eid, kind, plan, section, metric, quote, comparator, recurring, deadline_text, value_text, unit, note, inferred,
     units_inferred, outside, draft, line, task, value, value_max, baseline, lead, support, deadline, start) = \
        map(d.get, _ROW_KEYS)  # (one C-speed pass for the 25 lookups)
    if eid.__class__ is not str or metric.__class__ is not str or quote.__class__ is not str \
            or kind not in KINDS or section not in SECTIONS or plan.__class__ is not str \
            or (plans and plan not in plans) or kind.__class__ is not str or section.__class__ is not str:
        return None
    if (comparator is not None and (comparator.__class__ is not str or comparator not in COMPARATORS)) \
            or (recurring is not None and (recurring.__class__ is not str or recurring not in _YEARLY_QUARTERLY)) \
            or deadline_text.__class__ not in _TEXT_OR_NONE or value_text.__class__ not in _TEXT_OR_NONE \
            or unit.__class__ not in _TEXT_OR_NONE or note.__class__ not in _TEXT_OR_NONE:
        return None
    if inferred.__class__ not in _BOOL_OR_NONE or units_inferred.__class__ not in _BOOL_OR_NONE \
            or outside.__class__ not in _BOOL_OR_NONE or draft.__class__ not in _BOOL_OR_NONE \
            or line.__class__ is not int or (task is not None and task.__class__ is not int) \
            or value.__class__ not in _NUMBER_OR_NONE or value_max.__class__ not in _NUMBER_OR_NONE \
            or baseline.__class__ not in _NUMBER_OR_NONE:
        return None
    try:
        lead = () if lead is None else _unit_list(lead) if lead.__class__ is list else None
        support = () if support is None else _unit_list(support) if support.__class__ is list else None
        if lead is None or support is None:
            return None  # not a list of unit names: parse_entry says what is wrong
        if deadline is not None:
            deadline = _read_date(str(deadline))
        if start is not None:
            start = _read_date(str(start))
        inferred = bool(inferred)
        parsed = _read_deadline(deadline_text, period) if deadline_text is not None else None
    except (DeadlineError, TypeError):  # an impossible date, an unreadable phrase, a unit list of lists
        return None
    dated = _deadline_of(parsed, deadline, recurring, start, inferred, deadline_text, period)
    if dated is _BAD:
        return None
    p = plans.get(plan)
    return (eid, kind, plan, p.group if p else "", section, task, metric, value_text,
            None if value is None else float(value), None if value_max is None else float(value_max), unit,
            comparator, deadline_text, dated[0], dated[1], recurring,
            lead, support, bool(units_inferred), quote, line, note, d.line, bool(outside),
            None if baseline is None else float(baseline), start, dated[2])


def parse_lights(d: Any, report, line: int | None) -> dict:
    """A ``lights:`` mapping (docs/lights.md) → the keys it sets, each checked; {} when absent."""
    if d is None:
        return {}
    if not isinstance(d, dict):
        report(line, "registry.lights_shape")
        return {}
    out: dict = {}
    for key, v in d.items():
        at = d.key_lines.get(key, d.line)
        if key not in LIGHT_KEYS:
            report(at, "registry.lights_unknown", key=key, known=list(LIGHT_KEYS))
        elif key in ("behind_yellow", "behind_red"):
            if isinstance(v, bool) or not isinstance(v, int | float) or not 0 <= v <= 100:
                report(at, "registry.lights_points", key=key, given=v)
            else:
                out[key] = float(v)
        elif v is None and key == "report_every_days":
            out[key] = None  # no reporting cycle (overrides an index's)
        elif isinstance(v, bool) or not isinstance(v, int) or v < (1 if key == "report_every_days" else 0):
            report(at, "registry.lights_days", key=key, low=1 if key == "report_every_days" else 0, given=v)
        else:
            out[key] = v
    s = LightSettings(**out)
    if s.behind_yellow > s.behind_red:
        report(d.key_lines.get("behind_yellow", d.line), "registry.lights_order", yellow=f"{s.behind_yellow:g}",
               red=f"{s.behind_red:g}")
    return out


def parse_review(v: Any, report, line: int | None) -> bool:
    """``review:`` of the index: ``required`` or ``off`` (absent: off)."""
    if v is None:
        return False
    if v not in REVIEW_MODES:
        report(line, "registry.review", given=v, choices=list(REVIEW_MODES))
        return False
    return v == "required"


def parse_scoring(d: Any, report, line: int | None) -> dict:
    """A ``scoring:`` mapping (docs/review.md) → the keys it sets, each checked; {} when absent."""
    if d is None:
        return {}
    if not isinstance(d, dict):
        report(line, "registry.scoring_shape")
        return {}
    out: dict = {}
    for key, v in d.items():
        at = d.key_lines.get(key, d.line)
        if key not in SCORING_KEYS:
            import difflib  # here, not at the top: only a misspelt key is looked up

            near = difflib.get_close_matches(str(key), SCORING_KEYS, n=1, cutoff=0.7)
            if near:
                report(at, "registry.scoring_near", key=key, near=near[0])
            else:
                report(at, "registry.scoring_unknown", key=key, known=list(SCORING_KEYS))
        elif isinstance(v, bool) or not isinstance(v, int | float) or v != v or abs(v) > 1e6:
            report(at, "registry.scoring_number", key=key, given=v)
        elif key in SCORING_WEIGHTS and v < 0:
            report(at, "registry.scoring_weight", key=key, given=v)
        else:
            out[key] = float(v)
    return out


OFFICE_KEYS = ("name", "contact", "phone", "address")


def parse_office(d: Any, report, line: int | None) -> dict:
    """An ``office:`` mapping — who runs the 台账 and signs its 督办单 (docs/notify.md) — as the keys
    it sets, each checked; {} when absent."""
    if d is None:
        return {}
    if not isinstance(d, dict):
        report(line, "office.not_mapping")
        return {}
    out = {}
    for key, v in d.items():
        at = getattr(d, "key_lines", {}).get(key, getattr(d, "line", line))
        if key not in OFFICE_KEYS:
            report(at, "office.unknown_key", key=key, known=list(OFFICE_KEYS))
        elif not isinstance(v, str | int) or isinstance(v, bool) or not str(v).strip():
            report(at, "office.not_text", key=key)
        else:
            out[key] = str(v).strip()
    return out


def parse_exclusion(d: Any, report) -> Exclusion | None:
    if not isinstance(d, dict):
        report(None, "registry.exclusion_shape")
        return None
    line = _int(d, "line", report, required=True, where=At("exclusion"))
    text = _str(d, "text", report, where=At("exclusion"))
    reason = _str(d, "reason", report, where=At("exclusion"))
    if line is None or text is None or reason is None:
        return None
    return Exclusion(line, text, reason, d.line)


def load_registry(path: str | Path | None = None, problems: list[Problem] | None = None) -> Registry:
    """Load a registry: an index of documents (``documents:``) or a single document file.

    With ``problems`` given, collect problems instead of raising on the first. Each document is
    cached in parsed form on its own (see ``cache``), so an edit re-reads that document only;
    PLANCLI_NO_CACHE=1 disables the cache, PLANCLI_CACHE_DIR moves it.
    """
    p = Path(path) if path is not None else shipped_registry_path()
    if not is_index(p):  # a document: read in full only on a cache miss
        doc, plans, rows, key = load_document(p, problems)
        doc = _check_document_paths(doc, repository_root(p, index=False), problems)
        ledger = doc.meta.get("ledger")
        ledger_path = p.parent / ledger if ledger and "ledger" not in doc.refused else None
        office = parse_office(doc.meta.get("office"), _Collector(p, problems), None)
        return Registry.of(p, [doc], plans, rows=rows, ledger_path=ledger_path,
                           office=office, source_key=_source_key(None, [(p, key)]))
    index, index_key = cache.load_yaml_keyed(p)  # every run reads the index: no PyYAML import when unchanged
    files = index.get("documents") if isinstance(index, dict) else None
    if not isinstance(files, list) or not files or not all(isinstance(f, str) and f for f in files):
        raise RegistryError("registry.index_documents", p, 1)
    # archived: documents no longer tracked day to day; loaded and validated (their ids stay taken,
    # their records stay valid) but left out of the default lists (--doc or --all-docs shows them).
    archived = index.get("archived") or []
    if not isinstance(archived, list) or not all(isinstance(f, str) and f for f in archived):
        raise RegistryError("registry.index_archived", p, index.key_lines.get("archived", 1))
    files = [*files, *archived]
    ledger = index.get("ledger")
    if ledger is not None and not isinstance(ledger, str):
        raise RegistryError("registry.index_ledger", p, index.key_lines.get("ledger"))
    root = repository_root(p, index=True)
    ledger_path = confined(root, p.parent, ledger, "ledger", p, index.key_lines.get("ledger")) if ledger else None
    lights = parse_lights(index.get("lights"), _Collector(p, problems), index.key_lines.get("lights"))
    lang = index.get("lang")
    if lang is not None and lang not in LANGS:
        raise RegistryError("registry.lang", p, index.key_lines.get("lang"), given=lang, choices=list(LANGS))
    review = parse_review(index.get("review"), _Collector(p, problems), index.key_lines.get("review"))
    scoring = parse_scoring(index.get("scoring"), _Collector(p, problems), index.key_lines.get("scoring"))
    office = parse_office(index.get("office"), _Collector(p, problems), index.key_lines.get("office"))
    docs, plans, rows, keys = [], {}, [], []
    seen_ids: dict[str, str] = {}
    seen_plans: dict[str, str] = {}
    for n, f in enumerate(files):
        dp = p.parent / f
        is_archived = n >= len(files) - len(archived)
        key = "archived" if is_archived else "documents"
        line = index.key_lines.get(key, 1) + (n - (len(files) - len(archived)) if is_archived else n) + 1
        confined(root, p.parent, f, key, p, line)  # before anything looks at the file
        if not dp.is_file():
            raise RegistryError("registry.document_missing", p, line, file=dp)
        doc, doc_plans, doc_rows, key = load_document(dp, problems)
        keys.append((dp, key))
        doc = _check_document_paths(doc, root, problems)
        if is_archived:
            doc = replace(doc, archived=True)
        if any(d.path.resolve() == dp.resolve() for d in docs):
            raise RegistryError("registry.document_twice", p, line, file=f)
        if any(d.code == doc.code for d in docs):
            _report(problems, RegistryError("registry.doc_code_twice", p, line, name=doc.code))
        for code in doc_plans:
            if code in seen_plans:
                _report(problems, RegistryError("registry.plan_code_twice", dp, name=code, first=seen_plans[code],
                                                second=dp))
            seen_plans[code] = str(dp)
        for r in doc_rows:  # ids are unique across the set: the ledger names items by id alone
            eid, yl = r[_ID], r[_YAML_LINE]
            if eid in seen_ids:
                _report(problems, RegistryError("registry.id_in_two", dp, yl, id=eid, first=seen_ids[eid],
                                                second=f"{dp}:{yl}"))
                continue
            seen_ids[eid] = f"{dp}:{yl}"
            rows.append(r)
        docs.append(doc)
        plans.update(doc_plans)
    return Registry.of(p, docs, plans, rows=rows, ledger_path=ledger_path,
                       lights=lights, lang=lang, review=review, scoring=scoring, office=office,
                       source_key=_source_key(index_key, keys))


def _source_key(index_key: str | None, docs: list[tuple[Path, str | None]]) -> str | None:
    """What the registry's content is known by: its files' content keys (from the cache), or None
    when one is unknown (caching off, or read for validate)."""
    keys = [k for _, k in docs]
    if None in keys:
        return None
    return "|".join([index_key or "-", *(f"{p}={k}" for p, k in docs)])


_INDEX = re.compile(rb"^documents:", re.M)
_ID, _YAML_LINE = (ENTRY_FIELDS.index(k) for k in ("id", "yaml_line"))
assert _ROW_ORDER == ENTRY_FIELDS, "_entry_row writes the fields of an Entry in their order"
# The cached rows are tuples of an Entry's fields: a cache written before a field was added is never read.
CACHE_SALT = ",".join(ENTRY_FIELDS)
# The only classes a cached document may hold (yamlio.cache builds nothing else).
_CACHED = {c.__name__: c for c in (Document, Plan, Exclusion, Period)}


def _report(problems: list[Problem] | None, exc: RegistryError) -> None:
    if problems is None:
        raise exc
    problems.append(Problem.of(exc))


def _key_line(p: Path, keys: tuple[str, ...]) -> int | None:
    """The line of the key ``keys`` leads to in the YAML file ``p`` (None if it cannot be found)."""
    try:
        d: Any = load_yaml(p)
    except DataFileError:
        return None
    line = None
    for k in keys:
        if not isinstance(d, LineDict) or k not in d:
            return line
        line, d = d.key_lines.get(k, line), d[k]
    return line


def load_document(p: Path, problems: list[Problem] | None = None, raw: bytes | None = None
                  ) -> tuple[Document, dict[str, Plan], list[tuple], str | None]:
    """One document file → its Document, plans, entry rows and content key (None when not cached);
    cached by content when clean."""
    key = cache.stat_key(p, CACHE_SALT) if problems is None and raw is None else None
    where = cache.followed(key)  # unchanged since a run that cached it: not even read
    hit = cache.get(where, _CACHED, LineDict) if where is not None else None
    if hit is None:
        raw = read_bytes(p) if raw is None else raw
        where = cache.cache_file(raw, "document", CACHE_SALT) if problems is None else None
        hit = cache.get(where, _CACHED, LineDict)
        if hit is None:  # decoding a 50 MB file is only needed on a miss
            with gc_paused():  # millions of new objects, no cycles: collections would be pure cost
                doc, plans, rows = _parse_document(p, load_yaml(p, decode(p, raw), raw, _AS_ROWS), problems,
                                                   where is not None)
                packed = cache.put(where, {"doc": doc, "plans": plans}, {"rows": rows})
                if packed is None and isinstance(rows, cache.Columns):
                    rows = list(rows)  # not written after all: the rows as a list, as when not cached
                hit = {"doc": doc, "plans": plans, "rows": packed["rows"] if packed else rows}
        cache.remember_stat(key, p, where, CACHE_SALT)
    doc, plans, rows = hit["doc"], hit["plans"], hit["rows"]
    # The cache is keyed by content: the same text under another name is another document, so
    # the path (and the code a document without one takes from its file name) is set here.
    code = str((doc.meta.get("document") or {}).get("code") or p.stem)
    return (replace(doc, path=p, code=code), {c: replace(pl, doc=code) for c, pl in plans.items()}, rows,
            cache.entry_name(where))


def _parse_document(p: Path, doc: Any, problems: list[Problem] | None, packed: bool = False
                    ) -> tuple[Document, dict[str, Plan], list[tuple] | cache.Columns]:
    """One document's Document, plans and entry rows (model.entry_to_row); with ``packed``, the rows
    may come as the ``cache.Columns`` the cache would pack them into."""
    report = _Collector(p, problems)
    if doc is None:
        raise RegistryError("registry.empty_file", p, 1)
    if not isinstance(doc, dict):
        raise RegistryError("registry.file_shape", p, 1)
    meta = doc.get("meta") or LineDict.at(1)
    if not isinstance(meta, dict):
        raise RegistryError("registry.meta_shape", p, doc.key_lines.get("meta"))
    period = _period(meta, report)
    for key in ("plans",):
        if not isinstance(meta.get(key) or [], list):
            raise RegistryError("registry.meta_list", p, meta.key_lines.get(key, meta.line), key=key)
    for key in ("exclusions",):
        if not isinstance(doc.get(key) or [], list):
            raise RegistryError("registry.list", p, doc.key_lines.get(key), key=key)
    src = meta.get("source")
    if src is not None and (not isinstance(src, dict) or not isinstance(src.get("file", ""), str)):
        raise RegistryError("registry.meta_source", p, meta.key_lines.get("source", meta.line))
    if not isinstance(meta.get("units_file", ""), str) or not isinstance(meta.get("ledger", ""), str):
        raise RegistryError("registry.meta_files", p, meta.key_lines.get("units_file", meta.line))
    need = meta.get("require_evidence")
    if need is not None and (not isinstance(need, list) or any(x not in RECORD_STATUSES for x in need)):
        raise RegistryError("registry.require_evidence", p, meta.key_lines.get("require_evidence", meta.line),
                            choices=list(RECORD_STATUSES))
    if meta.get("document") is not None and not isinstance(meta.get("document"), dict):
        raise RegistryError("registry.meta_document", p, meta.key_lines.get("document", meta.line))
    if isinstance(meta.get("document"), dict):  # 2024-02-30 would silently count every occurrence
        _date(meta["document"], "date", report, At("document"))
    plans: dict[str, Plan] = {}
    for pd in meta.get("plans") or []:
        plan = parse_plan(pd, report)
        if plan:
            if plan.code in plans:
                report(getattr(pd, "line", None), "registry.plan_twice", name=plan.code)
            plans[plan.code] = plan
    raw_entries = doc.get("entries")
    if raw_entries is None:
        raw_entries = []
    rows: list[tuple] | cache.Columns
    # (imported here: compiling the fast lane's patterns is no cost of a run that finds its cache)
    from ..yamlio.fastlane import Rows

    if isinstance(raw_entries, Rows):  # read in bulk as rows: checked and packed column by column
        rows = _entries_of(raw_entries, plans, period, report, packed)
    elif not isinstance(raw_entries, list):
        raise RegistryError("registry.list", p, doc.key_lines.get("entries"), key="entries")
    else:
        rows = _in_order(len(raw_entries), {}, raw_entries.__getitem__, plans, period, report)
    exclusions = [x for x in (parse_exclusion(d, report) for d in (doc.get("exclusions") or [])) if x]
    lights = parse_lights(doc.get("lights"), report, doc.key_lines.get("lights"))
    return Document("", p, dict(meta), period, tuple(plans), tuple(exclusions), lights), plans, rows


def _in_order(n: int, ready: dict[int, tuple], item, plans: dict[str, Plan], period: Period, report) -> list[tuple]:
    """The rows of ``n`` entries in the document's order: entry ``i``'s row is ``ready[i]``, else
    the mapping ``item(i)`` read by ``_entry_row``, else by ``parse_entry`` (which reports what is
    wrong); an id seen before is reported at its second place."""
    rows: list[tuple] = []
    seen: dict[str, int] = {}
    for i in range(n):
        row = ready.get(i)
        if row is None:
            d = item(i)
            row = _entry_row(d, plans, period)
            if row is None:
                e = parse_entry(d, plans, period, report)
                if e is None:
                    continue
                e.occurrences(period)  # computed once, in the document's own period, stored with the entry
                row = entry_to_row(e)
        eid = row[_ID]
        if eid in seen:
            report(row[_YAML_LINE], "registry.id_twice", id=eid, first=seen[eid])
            continue
        seen[eid] = row[_YAML_LINE]
        rows.append(row)
    return rows


# --------------------------------------------------------------------------- entries by column
# A document's entries read in bulk come as ``fastlane.Rows``: each field's distinct values once, and
# for each entry the index of its value of each field — no mapping per entry. They are checked here
# column by column: each distinct value of a field once, by the checks of ``_entry_row`` (a
# registry's 100k entries repeat a few hundred kinds, plans, phrases, dates and unit lists), and the
# deadline's fields once per distinct combination. When every entry passes and no id comes twice, the
# rows are ``cache.Columns`` straight away — the form the cache writes and every later run reads —
# with no tuple built per entry and no second pass to pack them. Anything else goes entry by entry, in
# order, as before (``_in_order``): an entry that does not pass is read again as a mapping, by
# ``_entry_row`` and ``parse_entry``, which report every problem at its line.

_AS_ROWS = {"entries": _ROW_KEYS}
_BAD = object()  # a value ``_entry_row`` would not take: its entry goes the long way


def _entries_of(items: Rows, plans: dict[str, Plan], period: Period, report, packed: bool
                ) -> list[tuple] | cache.Columns:
    """The rows of a document's entries read as ``Rows`` (see above); with ``packed``, as the
    ``Columns`` the cache packs them into (equal values shared) when every entry passed."""
    n = len(items)
    whole = None not in items.rows
    at = None if whole else [i for i, r in enumerate(items.rows) if r is not None]
    rows = items.rows if at is None else [items.rows[i] for i in at]
    ready: dict[int, tuple] = {}
    if rows:
        ok, cols = _by_column(items.tables, rows, items.lines if at is None else [items.lines[i] for i in at],
                              plans, period)
        if ok is True and whole and len(items.tables[0]) == n:  # (every id is some row's: none twice)
            return cache.compact(cols) if packed else list(cols)
        picked = range(len(rows)) if ok is True else list(compress(range(len(rows)), ok))
        ready = dict(zip(picked if at is None else [at[i] for i in picked], cols.take(picked), strict=True))
    return _in_order(n, ready, items.item, plans, period, report)


def _by_column(tables: list[list], rows: list[tuple], lines: list[int], plans: dict[str, Plan], period: Period
               ) -> tuple[bool | list[bool], cache.Columns]:
    """The rows ``_entry_row`` gives for ``rows`` (each the indices of its values of ``_ROW_KEYS`` in
    ``tables``; first lines ``lines``), as ``cache.Columns``, and True when every one passed — else,
    for each row, whether it passed (the Columns hold something else for the others)."""
    n = len(rows)
    raw = dict(zip(_ROW_KEYS, tables, strict=True))
    at = dict(zip(_ROW_KEYS, zip(*rows, strict=True), strict=True))
    conv = {k: check(raw[k]) for k, check in _CHECKS.items()}
    conv["plan"] = [v if v.__class__ is str and not (plans and v not in plans) else _BAD for v in raw["plan"]]
    parsed = [None if v is None else _checked(_read_deadline, v, period) if v.__class__ is str else _BAD
              for v in raw["deadline_text"]]
    # the deadline's fields, once per distinct combination: the five indices of a row as one number
    fields = ("deadline_text", "deadline", "recurring", "start", "deadline_inferred")
    code = at[fields[0]]
    for k in fields[1:]:
        code = map(operator.add, map(operator.mul, code, repeat(len(raw[k]))), at[k])
    code = list(code)
    combos = list(dict.fromkeys(code))  # in the order of first rows
    combo_at = list(map({c: i for i, c in enumerate(combos)}.__getitem__, code))
    deadlines = [_deadline_of(parsed[t], conv["deadline"][d], conv["recurring"][r], conv["start"][s],
                              conv["deadline_inferred"][i], raw["deadline_text"][t], period)
                 for t, d, r, s, i in map(_indices(*(len(raw[k]) for k in fields)), combos)]
    # whether each row passed: a flag per distinct value, read row by row only in a column that has a bad one
    checked = [(conv[k], at[k]) for k in conv] + [(parsed, at["deadline_text"]), (deadlines, combo_at)]
    failed = [map([v is _BAD for v in values].__getitem__, where) for values, where in checked
              if _BAD in values]  # (``in``: an object() equals itself only)
    ok: bool | list[bool] = True
    if failed:
        ok = [not x for x in functools.reduce(lambda a, b: map(operator.or_, a, b), failed)]
    # the rows' columns, in model.entry_to_row's order: the values, and where each row's is
    made = {k: (conv[k], at[k]) for k in _ROW_KEYS}
    made["group"] = [_BAD if v is _BAD else plans[v].group if v in plans else "" for v in conv["plan"]], at["plan"]
    for j, k in enumerate(("deadline", "deadline_inferred", "_occ")):
        made[k] = [_BAD if d is _BAD else d[j] for d in deadlines], combo_at
    made["yaml_line"] = lines, range(n)
    # a table taken as it was read (texts, whole numbers, flags, each once) or the lines holds no two alike
    apart = {j for j, k in enumerate(_ROW_ORDER) if made[k][0] is raw.get(k) or k == "yaml_line"}
    return ok, cache.columns(n, [made[k][0] for k in _ROW_ORDER], [made[k][1] for k in _ROW_ORDER], apart)


def _indices(*sizes: int):
    """The indices a number made as ``_by_column`` makes one (each index times the next size, plus
    the next index) was made of."""
    def of(code: int) -> tuple[int, ...]:
        out = []
        for size in reversed(sizes[1:]):
            code, i = divmod(code, size)
            out.append(i)
        return (code, *reversed(out))
    return of


def _checked(f, *args):
    """``f(*args)``, or ``_BAD`` where it fails (``_entry_row`` gives up, the long way decides)."""
    try:
        return f(*args)
    except Exception:  # noqa: BLE001 - whatever it is, the entry by entry reading meets it again
        return _BAD


def _deadline_of(parsed, deadline, recurring, start, inferred, text, period: Period):
    """An entry's (deadline as an ordinal, inferred, occurrences) from its fields checked one by one
    (``parsed``: its deadline_text read; dates as dates), or ``_BAD`` where they do not agree (or one
    is ``_BAD``): ``parse_entry`` then says what is wrong. For ``_entry_row`` and ``_by_column``."""
    if any(x is _BAD for x in (parsed, deadline, recurring, start, inferred)):
        return _BAD
    inferred = bool(inferred)
    if parsed is not None:
        if deadline is None:
            deadline = parsed.date
        elif deadline != parsed.date:
            return _BAD
        if recurring != (parsed.kind if parsed.kind in _YEARLY_QUARTERLY else None):
            return _BAD
    elif deadline is None:
        deadline, inferred = period.end, True
    if start is not None and deadline is not None and start >= deadline:
        return _BAD
    if deadline is None:
        occ = ()
    elif recurring and text:
        occ = tuple(x.toordinal() for x in parsed.dates)
    else:
        occ = (deadline.toordinal(),)
    return None if deadline is None else deadline.toordinal(), inferred, occ


def _column(check, kinds: frozenset | None = None):
    """A check of a field's distinct values: ``check`` of each (``_BAD`` where it fails) — or, when
    every value is of ``kinds`` (which it takes as they are), the values themselves."""
    def of(values: list) -> list:
        if kinds is not None and kinds.issuperset(map(type, values)):
            return values
        return [_checked(check, v) for v in values]
    return of


def _of_kinds(*kinds: type):
    def check(v):
        return v if v.__class__ in kinds else _BAD
    return _column(check, frozenset(kinds))


def _one_of(choices: tuple, optional: bool):
    def check(v):
        return v if (optional and v is None) or (v.__class__ is str and v in choices) else _BAD
    return _column(check)


def _true(v):
    return bool(v) if v is None or v.__class__ is bool else _BAD


def _number(v):
    return None if v is None else float(v) if v.__class__ in _NUMBER else _BAD


def _unit_names(v):
    if v is None:
        return ()
    got = _unit_list(v) if isinstance(v, tuple) else None  # (a list is a tuple in Rows)
    return _BAD if got is None else got


def _a_date(v):
    return None if v is None else _read_date(str(list(v) if isinstance(v, tuple) else v))


_NONE = type(None)
# What ``_entry_row`` takes of each field and makes of it (the plan is checked against the document's
# plans, the deadline's fields together: see ``_by_column``).
_CHECKS = {
    "id": _of_kinds(str), "kind": _one_of(KINDS, False), "section": _one_of(SECTIONS, False),
    "metric": _of_kinds(str), "quote": _of_kinds(str), "comparator": _one_of(COMPARATORS, True),
    "recurring": _one_of(_YEARLY_QUARTERLY, True), "deadline_text": _of_kinds(str, _NONE),
    "value_text": _of_kinds(str, _NONE), "unit": _of_kinds(str, _NONE), "note": _of_kinds(str, _NONE),
    "deadline_inferred": _of_kinds(bool, _NONE), "units_inferred": _column(_true),
    "outside_period": _column(_true), "draft": _of_kinds(bool, _NONE), "line": _of_kinds(int),
    "task": _of_kinds(int, _NONE), "value": _column(_number), "value_max": _column(_number),
    "baseline": _column(_number), "lead": _column(_unit_names), "support": _column(_unit_names),
    "deadline": _column(_a_date), "start": _column(_a_date),
}
assert {*_CHECKS, "plan"} == set(_ROW_KEYS), "every field _entry_row reads is checked by column too"


def sha256_of(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()
