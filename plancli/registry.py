"""Load and check the target registry (``data/targets.yaml``).

The registry is hand-edited YAML, so the loader is strict where PyYAML is lenient: duplicate keys
(PyYAML silently keeps the last), anchors/aliases (the “billion laughs” blow-up), ``!!python/...``
tags and implicit timestamps are all refused with ``file:line`` messages. Dates stay strings until
this module parses them, so ``2024-13-40`` is reported as an impossible date rather than crashing.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import pickle
import re
import sys
from dataclasses import dataclass, field, fields
from datetime import date
from pathlib import Path
from typing import Any

from . import __version__
from .deadline import DEFAULT_PERIOD, Deadline, DeadlineError, Period, parse_date, parse_deadline
from .errors import PlancliError

__all__ = [
    "RegistryError", "Problem", "Plan", "Entry", "Exclusion", "Registry",
    "load_yaml", "load_registry", "default_registry_path",
]

KINDS = ("target", "milestone")
SECTIONS = ("总体目标", "主要任务", "推进措施")
COMPARATORS = (">=", ">", "~", "=", "<=", "<", "range")
RECURRING = (None, "yearly", "quarterly")


class RegistryError(PlancliError):
    """A registry (or ledger, or unit table) file that cannot be used."""


@dataclass(frozen=True)
class Problem:
    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line or 0}: {self.message}"


# --------------------------------------------------------------------------- strict YAML

class _LineDict(dict):
    """A mapping that remembers where it and each of its keys stand in the file."""

    line: int = 0
    key_lines: dict


def _construct_mapping(loader, node):
    m = _LineDict()
    m.line = node.start_mark.line + 1
    m.key_lines = {}
    for key_node, value_node in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            raise RegistryError("YAML merge keys (<<) are not allowed", line=key_node.start_mark.line + 1)
        key = loader.construct_object(key_node, deep=True)
        kl = key_node.start_mark.line + 1
        try:
            hash(key)
        except TypeError:
            raise RegistryError("a mapping key must be a plain value", line=kl) from None
        if key in m:
            raise RegistryError(f"duplicate key {key!r} (first at line {m.key_lines[key]})", line=kl)
        m.key_lines[key] = kl
        m[key] = loader.construct_object(value_node, deep=True)
    return m


@functools.cache
def _loader():
    """The strict loader, built on first use: a cached registry never needs PyYAML imported."""
    import yaml

    base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser where available

    class StrictLoader(base):  # type: ignore[misc, valid-type]
        def construct_object(self, node, deep=False):
            if node in self.constructed_objects or node in self.recursive_objects:
                raise RegistryError("YAML anchors/aliases (&id001, *id001) are not allowed; write each "
                                    "value out (yaml.dump: use a Dumper whose ignore_aliases returns True)",
                                    line=node.start_mark.line + 1)
            return super().construct_object(node, deep=deep)

    StrictLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
    # Keep dates as strings: this module parses them and reports impossible ones with their line.
    # Booleans are only true/false (YAML 1.2): in YAML 1.1 the ledger key `on:` and a value `no`
    # would silently turn into booleans.
    bool_tag = "tag:yaml.org,2002:bool"
    StrictLoader.yaml_implicit_resolvers = {
        k: [(tag, rx) for tag, rx in v if tag not in ("tag:yaml.org,2002:timestamp", bool_tag)]
        for k, v in base.yaml_implicit_resolvers.items()
    }
    StrictLoader.add_implicit_resolver(bool_tag, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                       list("tTfF"))
    return yaml, StrictLoader


def _read_bytes(p: Path) -> bytes:
    try:
        return p.read_bytes()
    except FileNotFoundError:
        raise RegistryError("file not found", p) from None
    except IsADirectoryError:
        raise RegistryError("is a directory, not a YAML file", p) from None
    except PermissionError:
        raise RegistryError("permission denied", p) from None


def _decode(p: Path, raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")  # a BOM from Windows editors is harmless
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise RegistryError(
            f"not UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8", p, line) from None


def read_text(path: str | Path) -> tuple[bytes, str]:
    """Raw bytes and UTF-8 text of a file; a BOM is accepted, anything not UTF-8 is refused."""
    p = Path(path)
    raw = _read_bytes(p)
    return raw, _decode(p, raw)


def load_yaml(path: str | Path, text: str | None = None) -> Any:
    """Parse one YAML file strictly; every failure is a RegistryError naming file and line."""
    p = Path(path)
    if text is None:
        text = read_text(p)[1]
    yaml, loader = _loader()
    try:
        return yaml.load(text, Loader=loader)  # noqa: S506 - strict safe loader
    except RegistryError as exc:
        exc.path = str(p)
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        what = (exc.problem or str(exc)).split("\n")[0]
        if "could not determine a constructor" in what or "tag" in (exc.problem or ""):
            what = f"unsupported YAML tag ({what}); only plain data is allowed"
        raise RegistryError(f"invalid YAML: {what}", p, line) from None
    except yaml.YAMLError as exc:
        raise RegistryError(f"invalid YAML: {str(exc).splitlines()[0]}", p) from None
    except RecursionError:
        raise RegistryError("YAML nested too deeply", p) from None


# --------------------------------------------------------------------------- model


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
    _occ: tuple[date, ...] | None = field(default=None, repr=False, compare=False)

    def occurrences(self, period: Period) -> tuple[date, ...]:
        """Every deadline date of the entry: one per year for 每年, one per quarter for 每季度."""
        if self._occ is None:
            if self.deadline is None:
                self._occ = ()
            elif self.recurring and self.deadline_text:
                self._occ = parse_deadline(self.deadline_text, period).dates
            else:
                self._occ = (self.deadline,)
        return self._occ


@dataclass(frozen=True)
class Exclusion:
    line: int
    text: str
    reason: str
    yaml_line: int = 0


_FIELDS = tuple(f.name for f in fields(Entry))
_PLAN, _KIND, _LEAD, _SUPPORT = (_FIELDS.index(k) for k in ("plan", "kind", "lead", "support"))
_DEADLINE, _OCC = _FIELDS.index("deadline"), _FIELDS.index("_occ")


def _entry_to_row(e: Entry) -> tuple:
    row = [getattr(e, k) for k in _FIELDS]
    row[_DEADLINE] = e.deadline.toordinal() if e.deadline else None
    row[_OCC] = tuple(d.toordinal() for d in e._occ) if e._occ is not None else None
    return tuple(row)


def _entry_from_row(row: tuple) -> Entry:
    e = object.__new__(Entry)
    d = dict(zip(_FIELDS, row, strict=True))
    d["deadline"] = date.fromordinal(d["deadline"]) if d["deadline"] is not None else None
    if d["_occ"] is not None:
        d["_occ"] = tuple(map(date.fromordinal, d["_occ"]))
    e.__dict__.update(d)
    return e


@dataclass
class Registry:
    path: Path
    meta: dict
    period: Period
    plans: dict[str, Plan]
    _entries: list[Entry] | None
    exclusions: list[Exclusion]
    # From the cache, entries arrive as plain tuples (fast to unpickle) and become Entry objects
    # only when needed: a filtered query on 100k entries builds only the ones that match.
    _rows: list[tuple] | None = field(default=None, repr=False)

    @property
    def entries(self) -> list[Entry]:
        if self._entries is None:
            self._entries = [_entry_from_row(r) for r in self._rows or []]
            self._rows = None
        return self._entries

    def select(self, plans=None, kinds=None, units=None) -> list[Entry]:
        """Entries of ``plans``/``kinds`` (None = all) whose ``units(lead, support)`` is true."""
        if self._entries is None and self._rows is not None:
            out = []
            for r in self._rows:
                if (plans and r[_PLAN] not in plans) or (kinds and r[_KIND] not in kinds):
                    continue
                if units is not None and not units(r[_LEAD], r[_SUPPORT]):
                    continue
                out.append(_entry_from_row(r))
            return out
        return [e for e in self.entries
                if (not plans or e.plan in plans) and (not kinds or e.kind in kinds)
                and (units is None or units(e.lead, e.support))]

    @property
    def source_path(self) -> Path | None:
        src = (self.meta.get("source") or {}).get("file")
        return (self.path.parent / src) if src else None

    @property
    def units_path(self) -> Path:
        return self.path.parent / (self.meta.get("units_file") or "units.yaml")

    def by_id(self) -> dict[str, Entry]:
        return {e.id: e for e in self.entries}


def default_registry_path() -> Path:
    """The registry shipped with the package (``data/targets.yaml`` in the repository)."""
    from importlib.resources import files

    return Path(str(files("plancli.data").joinpath("targets.yaml")))


# --------------------------------------------------------------------------- loading


class _Collector:
    """Raise on the first problem (normal use) or collect them all (``validate``)."""

    def __init__(self, path: Path, problems: list[Problem] | None):
        self.path = path
        self.problems = problems

    def __call__(self, line: int | None, message: str) -> None:
        if self.problems is None:
            raise RegistryError(message, self.path, line)
        self.problems.append(Problem(str(self.path), line, message))


def _str(d: _LineDict, key: str, report, *, required=True, where="") -> str | None:
    v = d.get(key)
    if v is None:
        if required:
            report(d.line, f"{where}missing field '{key}'")
        return None
    if isinstance(v, bool) or not isinstance(v, str | int | float):
        report(d.key_lines.get(key, d.line), f"{where}field '{key}' must be text, not {type(v).__name__}")
        return None
    return str(v)


def _num(d: _LineDict, key: str, report, where="") -> float | None:
    v = d.get(key)
    if v is None:
        return None
    if isinstance(v, bool) or not isinstance(v, int | float):
        report(d.key_lines.get(key, d.line), f"{where}field '{key}' must be a number, not {v!r}")
        return None
    return float(v)


def _int(d: _LineDict, key: str, report, *, required=False, where="") -> int | None:
    v = d.get(key)
    if v is None:
        if required:
            report(d.line, f"{where}missing field '{key}'")
        return None
    if isinstance(v, bool) or not isinstance(v, int):
        report(d.key_lines.get(key, d.line), f"{where}field '{key}' must be an integer, not {v!r}")
        return None
    return v


def _bool(d: _LineDict, key: str, report, where="") -> bool:
    v = d.get(key, False)
    if v is None:
        return False
    if not isinstance(v, bool):
        report(d.key_lines.get(key, d.line), f"{where}field '{key}' must be true or false, not {v!r}")
        return False
    return v


def _units(d: _LineDict, key: str, report, where="") -> tuple[str, ...]:
    v = d.get(key)
    if v is None:
        return ()
    if isinstance(v, str):
        v = [v]
    if not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v):
        report(d.key_lines.get(key, d.line), f"{where}field '{key}' must be a list of unit names")
        return ()
    return tuple(x.strip() for x in v)


def _date(d: _LineDict, key: str, report, where="") -> date | None:
    v = d.get(key)
    if v is None:
        return None
    try:
        return parse_date(str(v))
    except DeadlineError as exc:
        report(d.key_lines.get(key, d.line), f"{where}{key}: {exc}")
        return None


def _period(meta: _LineDict, report) -> Period:
    p = meta.get("period")
    if p is None:
        return DEFAULT_PERIOD
    if not isinstance(p, dict):
        report(meta.key_lines.get("period", meta.line), "meta.period must be a mapping with start and end")
        return DEFAULT_PERIOD
    start = _date(p, "start", report, "period ") or DEFAULT_PERIOD.start
    end = _date(p, "end", report, "period ") or DEFAULT_PERIOD.end
    if end < start:
        report(p.line, "period ends before it starts")
        return DEFAULT_PERIOD
    return Period(start, end)


def parse_plan(d: Any, report) -> Plan | None:
    if not isinstance(d, dict):
        report(None, "each plan must be a mapping")
        return None
    code = _str(d, "code", report, where="plan: ")
    name = _str(d, "name", report, where="plan: ")
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
        report(None, "each entry must be a mapping")
        return None
    n0 = len(report.problems) if report.problems is not None else 0
    eid = _str(d, "id", report)
    w = f"{eid}: " if eid else ""
    kind = _str(d, "kind", report, where=w)
    if kind is not None and kind not in KINDS:
        report(d.key_lines.get("kind", d.line), f"{w}kind must be one of {', '.join(KINDS)}, not {kind!r}")
    plan = _str(d, "plan", report, where=w)
    if plan is not None and plans and plan not in plans:
        report(d.key_lines.get("plan", d.line), f"{w}unknown plan {plan!r}")
    section = _str(d, "section", report, where=w)
    if section is not None and section not in SECTIONS:
        report(d.key_lines.get("section", d.line), f"{w}section must be one of {', '.join(SECTIONS)}")
    comparator = _str(d, "comparator", report, required=False, where=w)
    if comparator is not None and comparator not in COMPARATORS:
        report(d.key_lines.get("comparator", d.line),
               f"{w}comparator must be one of {' '.join(COMPARATORS)}, not {comparator!r}")
    recurring = d.get("recurring")
    if recurring not in RECURRING:
        report(d.key_lines.get("recurring", d.line), f"{w}recurring must be yearly, quarterly or empty")
        recurring = None
    deadline = _date(d, "deadline", report, w)
    deadline_text = _str(d, "deadline_text", report, required=False, where=w)
    inferred = _bool(d, "deadline_inferred", report, w)
    if deadline_text is not None:
        try:
            parsed: Deadline | None = parse_deadline(deadline_text, period)
        except DeadlineError as exc:
            report(d.key_lines.get("deadline_text", d.line), f"{w}deadline_text: {exc}")
            parsed = None
        if parsed is not None:
            if deadline is None:
                deadline = parsed.date
            elif deadline != parsed.date:
                report(d.key_lines.get("deadline", d.line),
                       f"{w}deadline {deadline} does not match deadline_text "
                       f"{deadline_text!r} (reads as {parsed.date})")
            want = parsed.kind if parsed.kind in ("yearly", "quarterly") else None
            if recurring != want:
                report(d.key_lines.get("recurring", d.line),
                       f"{w}recurring should be {want or 'empty'} for {deadline_text!r}")
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
        quote=quote, line=line, note=note, yaml_line=d.line,
    )


def parse_exclusion(d: Any, report) -> Exclusion | None:
    if not isinstance(d, dict):
        report(None, "each exclusion must be a mapping")
        return None
    line = _int(d, "line", report, required=True, where="exclusion: ")
    text = _str(d, "text", report, where="exclusion: ")
    reason = _str(d, "reason", report, where="exclusion: ")
    if line is None or text is None or reason is None:
        return None
    return Exclusion(line, text, reason, d.line)


def load_yaml_cached(path: str | Path) -> Any:
    """``load_yaml`` for small read-mostly files (the unit table), cached like the registry."""
    raw, text = read_text(path)
    cache = _cache_file(raw, "yaml")
    if cache is not None:
        with contextlib.suppress(Exception), open(cache, "rb") as fh:
            d = pickle.load(fh)  # noqa: S301 - our own file in the user's private cache dir
            if isinstance(d, dict) and d.get("format") == _CACHE_FORMAT:
                return d["doc"]
    doc = load_yaml(path, text)
    _write_cache(cache, {"format": _CACHE_FORMAT, "doc": doc})
    return doc


def _cache_file(raw: bytes, kind: str = "registry") -> Path | None:
    """Where the parsed form of a registry with these bytes is kept, or None if caching is off.

    Keyed by content (not mtime), so an edited file is never served stale; the key includes the
    plancli and Python versions because the pickled objects are theirs.
    """
    if os.environ.get("PLANCLI_NO_CACHE"):
        return None
    base = os.environ.get("PLANCLI_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME")
    try:
        root = Path(base) if base else Path.home() / ".cache"
    except (RuntimeError, KeyError):  # no home directory (container with an arbitrary uid)
        return None
    tag = f"{__version__}|{sys.version_info[:2]}|".encode()
    return root / "plancli" / f"{kind}-{hashlib.sha256(tag + raw).hexdigest()[:32]}.pickle"


_CACHE_FORMAT = 2


def _cache_get(cache: Path | None, p: Path) -> Registry | None:
    if cache is None:
        return None
    try:
        with open(cache, "rb") as fh:
            d = pickle.load(fh)  # noqa: S301 - our own file in the user's private cache dir
        if d.get("format") != _CACHE_FORMAT:
            return None
        return Registry(p, d["meta"], d["period"], d["plans"], None, d["exclusions"], d["rows"])
    except FileNotFoundError:
        return None
    except Exception:  # noqa: BLE001 - a damaged cache entry is rebuilt, never an error
        return None


def _cache_put(cache: Path | None, reg: Registry) -> None:
    if cache is None:
        return
    # Share equal values (unit lists, plan codes, sections, units, repeated quotes) so pickle
    # writes each once and loading builds each once.
    # Keyed by type too: 1 == True == 1.0 would otherwise stand in for one another.
    shared: dict = {}
    rows = [tuple(shared.setdefault((type(v), v), v) for v in _entry_to_row(e)) for e in reg.entries]
    data = {"format": _CACHE_FORMAT, "meta": reg.meta, "period": reg.period, "plans": reg.plans,
            "exclusions": reg.exclusions, "rows": rows}
    _write_cache(cache, data)


def _write_cache(cache: Path | None, data: Any) -> None:
    """Write atomically (temp file + rename) so concurrent runs never read half a pickle."""
    if cache is None:
        return
    from .fsutil import atomic_path

    try:
        cache.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with atomic_path(cache, private=True) as tmp, open(tmp, "wb") as fh:
            pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
    except OSError:
        pass  # a read-only home or a full disk only costs speed


def load_registry(path: str | Path | None = None, problems: list[Problem] | None = None) -> Registry:
    """Load a registry. With ``problems`` given, collect schema problems instead of raising.

    A registry that loads cleanly is cached in parsed form (see ``_cache_file``); set
    PLANCLI_NO_CACHE=1 to disable, PLANCLI_CACHE_DIR to move it.
    """
    p = Path(path) if path is not None else default_registry_path()
    raw = _read_bytes(p)
    cache = _cache_file(raw) if problems is None else None
    hit = _cache_get(cache, p)
    if hit is not None:
        return hit  # decoding a 50 MB file is only needed on a miss
    reg = _parse_registry(p, load_yaml(p, _decode(p, raw)), problems)
    if cache is not None:
        for e in reg.entries:
            e.occurrences(reg.period)  # computed once, stored with the entry
        _cache_put(cache, reg)
    return reg


def _parse_registry(p: Path, doc: Any, problems: list[Problem] | None) -> Registry:
    report = _Collector(p, problems)
    if doc is None:
        raise RegistryError("empty registry file (expected meta:, entries:)", p, 1)
    if not isinstance(doc, dict):
        raise RegistryError("a registry must be a mapping with meta: and entries:", p, 1)
    meta = doc.get("meta") or _LineDict()
    if not isinstance(meta, dict):
        raise RegistryError("meta must be a mapping", p, doc.key_lines.get("meta"))
    if not hasattr(meta, "line"):
        meta = _LineDict(meta)
        meta.line, meta.key_lines = 1, {}
    period = _period(meta, report)
    for key in ("plans",):
        if not isinstance(meta.get(key) or [], list):
            raise RegistryError(f"meta.{key} must be a list", p, meta.key_lines.get(key, meta.line))
    for key in ("exclusions",):
        if not isinstance(doc.get(key) or [], list):
            raise RegistryError(f"{key} must be a list", p, doc.key_lines.get(key))
    src = meta.get("source")
    if src is not None and (not isinstance(src, dict) or not isinstance(src.get("file", ""), str)):
        raise RegistryError("meta.source must be a mapping with a text 'file'", p,
                            meta.key_lines.get("source", meta.line))
    if not isinstance(meta.get("units_file", ""), str):
        raise RegistryError("meta.units_file must be a file name", p, meta.key_lines.get("units_file", meta.line))
    plans: dict[str, Plan] = {}
    for pd in meta.get("plans") or []:
        plan = parse_plan(pd, report)
        if plan:
            if plan.code in plans:
                report(getattr(pd, "line", None), f"duplicate plan code {plan.code!r}")
            plans[plan.code] = plan
    raw_entries = doc.get("entries")
    if raw_entries is None:
        raw_entries = []
    if not isinstance(raw_entries, list):
        raise RegistryError("entries must be a list", p, doc.key_lines.get("entries"))
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    for d in raw_entries:
        e = parse_entry(d, plans, period, report)
        if e is None:
            continue
        if e.id in seen:
            report(e.yaml_line, f"duplicate id {e.id!r} (first at line {seen[e.id]})")
            continue
        seen[e.id] = e.yaml_line
        entries.append(e)
    exclusions = [x for x in (parse_exclusion(d, report) for d in (doc.get("exclusions") or [])) if x]
    return Registry(p, dict(meta), period, plans, entries, exclusions)


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
