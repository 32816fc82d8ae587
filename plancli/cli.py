"""The plancli command line: a thin layer over registry, query, ledger and render.

Domain errors are raised in the core and turned into one line on stderr and an exit code here,
once, in ``main``. Exit codes: 0 ok, 1 check failed (validate/coverage problems, overdue with
--fail), 2 usage or input error, 3 internal error, 130 interrupted.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from . import __version__
from .deadline import Period, parse_deadline
from .errors import PlancliError
from .query import target_text
from .registry import Registry, RegistryError, load_registry
from .render import Column, render

EXIT_OK, EXIT_CHECK, EXIT_USAGE, EXIT_INTERNAL, EXIT_INTERRUPT = 0, 1, 2, 3, 130


class UsageError(PlancliError):
    """Bad input detected by the CLI itself (exit 2)."""


app = typer.Typer(
    name="plancli",
    help="Check targets and deadlines of government action plans (鲁政发〔2024〕5号).",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

class _PipeClosed(Exception):
    """stdout's reader went away; not an OSError, so the CLI framework does not turn it into exit 1."""


def command(*args, **kwargs):
    """``app.command`` whose callback reports a closed stdout as _PipeClosed (see main)."""

    def register(fn):
        @functools.wraps(fn)
        def wrapper(*a, **k):
            try:
                return fn(*a, **k)
            except BrokenPipeError:
                raise _PipeClosed() from None

        return app.command(*args, **kwargs)(wrapper)

    return register


# --------------------------------------------------------------------------- shared options
# Declared once; every listing command takes the same filters.

RegistryOpt = Annotated[Path | None, typer.Option(
    "--registry", envvar="PLANCLI_REGISTRY", help="Registry file [default: the shipped registry].",
    show_default=False)]
ProgressOpt = Annotated[Path | None, typer.Option(
    "--progress", envvar="PLANCLI_PROGRESS",
    help="Progress ledger [default: progress.yaml beside the registry].", show_default=False)]
UnitOpt = Annotated[list[str] | None, typer.Option(
    "--unit", "-u", help="Responsible unit: name, alias or short form (repeat for any of several).")]
RoleOpt = Annotated[str, typer.Option("--role", help="Match --unit as lead, support or any.")]
PlanOpt = Annotated[list[str] | None, typer.Option(
    "--plan", "-p", help="Plan: code, name or short form (repeatable).")]
BeforeOpt = Annotated[str | None, typer.Option("--before", help="Deadline on or before DATE.")]
AfterOpt = Annotated[str | None, typer.Option("--after", help="Deadline on or after DATE.")]
WithinOpt = Annotated[str | None, typer.Option(
    "--within", help="Deadline within SPAN of --as-of (7d, 2w, 1m, 1y); includes overdue items.")]
AsOfOpt = Annotated[str | None, typer.Option(
    "--as-of", envvar="PLANCLI_TODAY", help="Pretend today is DATE [default: today].", show_default=False)]
StatusOpt = Annotated[list[str] | None, typer.Option(
    "--status", "-s", help="Only these statuses (overdue, due_soon, upcoming, undated, in_progress, "
                           "done, met, missed); repeatable.")]
SoonOpt = Annotated[str, typer.Option("--soon", help="Window for due_soon.")]
KindOpt = Annotated[str | None, typer.Option("--kind", help="target or milestone.")]
FormatOpt = Annotated[str | None, typer.Option(
    "--format", "-f", help="table, plain, json, csv or md [default: table on a terminal, else plain].",
    show_default=False)]


def _fmt(fmt: str | None, allowed=("table", "plain", "json", "csv", "md")) -> str:
    from .render import default_format

    f = (fmt or default_format()).lower()
    if f not in allowed:
        raise UsageError(f"unknown format {fmt!r}; choose one of {', '.join(allowed)}")
    return f


def _registry(path: Path | None) -> Registry:
    return load_registry(path)


def _units(reg: Registry):
    from .units import load_units

    return load_units(reg.units_path)


def _ledger_path(reg: Registry, progress: Path | None) -> Path:
    """--progress / PLANCLI_PROGRESS, else progress.yaml beside the registry (data/progress.yaml in a
    checkout); for an installed package or a read-only directory, the user's data directory."""
    if progress is not None:
        return progress
    beside = reg.path.parent / "progress.yaml"
    # Inside an installed package the ledger would be hidden in site-packages and orphaned by an
    # upgrade: keep it in the user's data directory instead.
    installed = any(part in ("site-packages", "dist-packages") for part in reg.path.parts)
    if beside.exists() or (not installed and os.access(reg.path.parent, os.W_OK)):
        return beside
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "plancli" / "progress.yaml"


def _records(reg: Registry, progress: Path | None):
    from .ledger import load_ledger

    return load_ledger(_ledger_path(reg, progress))


def _filters(reg: Registry, table, unit, role, plan, before, after, within, as_of, status, soon, kind):
    from .query import STATUSES, Filters, parse_span, resolve_plan, to_date

    if role not in ("any", "lead", "support"):
        raise UsageError(f"--role must be lead, support or any, not {role!r}")
    for s in status or []:
        if s not in STATUSES:
            raise UsageError(f"unknown status {s!r}; choose from {', '.join(STATUSES)}")
    if kind not in (None, "target", "milestone"):
        raise UsageError(f"--kind must be target or milestone, not {kind!r}")
    return Filters(
        units=[table.resolve(u) for u in unit or []], role=role,
        plans=[resolve_plan(reg, p) for p in plan or []],
        before=to_date(before, "--before") if before else None,
        after=to_date(after, "--after") if after else None,
        within=parse_span(within) if within else None,
        as_of=to_date(as_of, "--as-of") if as_of else date.today(),
        statuses=list(status or []), soon=parse_span(soon), kinds=[kind] if kind else [],
    )


OCC_COLUMNS = [
    Column("item", "id"), Column("plan", "plan"), Column("metric", "metric", 28),
    Column("target", "target", 18), Column("deadline_shown", "deadline"),
    Column("days_left", "days"), Column("status", "status"), Column("lead", "lead", 30),
]
ENTRY_COLUMNS = [
    Column("id", "id"), Column("plan", "plan"), Column("kind", "kind"), Column("metric", "metric", 28),
    Column("target", "target", 18), Column("deadline_shown", "deadline"), Column("status", "status"),
    Column("lead", "lead", 30),
]
CONTRACT = [
    "id", "item", "occurrence", "kind", "plan", "plan_name", "group", "section", "task", "metric",
    "value", "value_max", "unit", "comparator", "value_text", "deadline", "deadline_text",
    "deadline_inferred", "recurring", "lead", "support", "units_inferred", "quote", "line",
    "status", "days_left", "record_status", "actual", "attainment", "met", "recorded_on",
]


def _decorate(rows: list[dict]) -> list[dict]:
    """Human-only columns: target as written with its comparator, inferred deadlines starred."""
    for r in rows:
        r["target"] = target_text(r.get("comparator"), r.get("value_text"))
        d = r.get("deadline") or ""
        r["deadline_shown"] = d + ("*" if d and r.get("deadline_inferred") else "")
    return rows


def _listing(rows, columns, fmt, title=None):
    f = _fmt(fmt)
    render(_decorate(rows) if f not in ("json", "csv") else rows, columns, f, title=title,
           fields=CONTRACT if f in ("json", "csv") else None)


def _occ_query(registry, progress, unit, role, plan, before, after, within, as_of, status, soon, kind,
               *, open_only=True, extra_status=None):
    from .query import occurrence_rows

    reg = _registry(registry)
    table = _units(reg)
    f = _filters(reg, table, unit, role, plan, before, after, within, as_of, status, soon, kind)
    if extra_status:
        f.statuses = [s for s in (f.statuses or extra_status) if s in extra_status]
        if not f.statuses:
            return reg, []
    return reg, occurrence_rows(reg, f, table, _records(reg, progress), open_only=open_only)


@command()
def due(
    unit: UnitOpt = None, role: RoleOpt = "any", plan: PlanOpt = None, before: BeforeOpt = None,
    after: AfterOpt = None, within: WithinOpt = None, as_of: AsOfOpt = None, status: StatusOpt = None,
    soon: SoonOpt = "14d", kind: KindOpt = None, fmt: FormatOpt = None,
    registry: RegistryOpt = None, progress: ProgressOpt = None,
) -> None:
    """List open deadlines, soonest first (每年 targets once per year).

    Example: plancli due --unit 省大数据局 --within 30d
    """
    _, rows = _occ_query(registry, progress, unit, role, plan, before, after, within, as_of, status,
                         soon, kind)
    _listing(rows, OCC_COLUMNS, fmt)


@command()
def overdue(
    unit: UnitOpt = None, role: RoleOpt = "any", plan: PlanOpt = None, before: BeforeOpt = None,
    after: AfterOpt = None, within: WithinOpt = None, as_of: AsOfOpt = None, status: StatusOpt = None,
    soon: SoonOpt = "14d", kind: KindOpt = None, fmt: FormatOpt = None,
    registry: RegistryOpt = None, progress: ProgressOpt = None,
    fail: Annotated[bool, typer.Option("--fail", help="Exit 1 when anything is overdue (for CI).")] = False,
) -> None:
    """List deadlines that have passed with no done/met record.

    Example: plancli overdue --plan 数字变革 --fail
    """
    _, rows = _occ_query(registry, progress, unit, role, plan, before, after, within, as_of, status,
                         soon, kind, extra_status=["overdue"])
    _listing(rows, OCC_COLUMNS, fmt)
    if fail and rows:
        raise typer.Exit(EXIT_CHECK)


@command("list")
def list_(
    unit: UnitOpt = None, role: RoleOpt = "any", plan: PlanOpt = None, before: BeforeOpt = None,
    after: AfterOpt = None, within: WithinOpt = None, as_of: AsOfOpt = None, status: StatusOpt = None,
    soon: SoonOpt = "14d", kind: KindOpt = None, fmt: FormatOpt = None,
    registry: RegistryOpt = None, progress: ProgressOpt = None,
) -> None:
    """List registry entries, one row each, with the status of their most pressing deadline.

    Example: plancli list --plan kjyf --kind target --format csv > kjyf.csv
    """
    from .query import entry_rows

    reg = _registry(registry)
    table = _units(reg)
    f = _filters(reg, table, unit, role, plan, before, after, within, as_of, status, soon, kind)
    _listing(entry_rows(reg, f, table, _records(reg, progress)), ENTRY_COLUMNS, fmt)


@command()
def show(
    entry_id: Annotated[str, typer.Argument(metavar="ID", help="Entry id, e.g. kjyf-001.")],
    as_of: AsOfOpt = None, fmt: FormatOpt = None,
    registry: RegistryOpt = None, progress: ProgressOpt = None,
) -> None:
    """Show everything about one entry: target, deadline, units, source quote and history.

    Example: plancli show szbg-001
    """
    from .query import Filters, entry_dict, occurrence_rows, to_date

    reg = _registry(registry)
    e = _find_entry(reg, entry_id.split("@", 1)[0])
    records = _records(reg, progress)
    f = Filters(as_of=to_date(as_of, "--as-of") if as_of else date.today())
    occ = [r for r in occurrence_rows(reg, f, None, records) if r["id"] == e.id]
    history = [r.as_dict() for r in records if r.entry_id == e.id]
    d = entry_dict(reg, e)
    d["occurrences"] = [{k: r[k] for k in ("item", "deadline", "days_left", "status", "actual",
                                            "attainment", "met")} for r in occ]
    d["history"] = history
    d["note"] = e.note
    f_ = _fmt(fmt, ("table", "plain", "json", "md"))
    if f_ == "json":
        render([d], [], "json")
        return
    inferred = " (inferred: end of plan period)" if e.deadline_inferred else ""
    who = " (inferred: plan coordinator)" if e.units_inferred else ""
    pairs = [
        ("id", e.id), ("kind", e.kind), ("plan", f"{d['plan_name']} ({e.plan}, {e.group})"),
        ("section", e.section + (f" / task {e.task}" if e.task is not None else "")),
        ("metric", e.metric),
        ("target", target_text(e.comparator, e.value_text)
         + (f" (= {e.value:g} {e.unit or ''}".rstrip() + ")" if e.value is not None else "")),
        ("deadline", f"{e.deadline} ({e.deadline_text or 'no time stated'}){inferred}"),
        ("recurring", e.recurring or "no"), ("lead", "、".join(e.lead) + who),
        ("support", "、".join(e.support) or "—"),
        ("source", f"line {e.line}: {e.quote}"),
    ]
    if e.note:
        pairs.append(("note", e.note))
    for o in d["occurrences"]:
        extra = f", actual {o['actual']:g} ({o['attainment']:.0%})" if o["actual"] is not None and \
            o["attainment"] is not None else ""
        pairs.append(("status", f"{o['item']}: {o['status']} (deadline {o['deadline']}){extra}"))
    for h in history:
        pairs.append(("record", f"{h['recorded_at']} {h['item']} {h['status']}"
                      + (f" actual={h['actual_text'] or h['actual']}" if h["actual"] is not None else "")
                      + (f" on {h['on']}" if h["on"] else "") + (f" source: {h['source']}" if h["source"] else "")
                      + (f" note: {h['note']}" if h["note"] else "")))
    render([{"field": k, "value": v} for k, v in pairs], [Column("field", "field"), Column("value", "value")],
           "plain" if f_ == "table" else f_)


def _find_entry(reg: Registry, eid: str):
    import difflib

    by_id = reg.by_id()
    if eid in by_id:
        return by_id[eid]
    close = difflib.get_close_matches(eid, list(by_id), n=3, cutoff=0.6)
    raise UsageError(f"unknown id {eid!r}" + (f"; did you mean {', '.join(close)}?" if close else ""))


def _count_rows(reg, table, records, f, key_fn, keys):
    from .query import occurrence_rows

    rows = occurrence_rows(reg, f, table, records)
    out = {k: {"name": k, "total": 0, "entries": set(), "overdue": 0, "due_soon": 0, "upcoming": 0,
               "undated": 0, "in_progress": 0, "met": 0, "done": 0, "missed": 0} for k in keys}
    for r in rows:
        for k in key_fn(r):
            if k in out:
                c = out[k]
                c["total"] += 1
                c["entries"].add(r["id"])
                c[r["status"]] += 1
                if r["deadline_inferred"] and r["status"] != "undated":
                    c["undated"] += 1  # no time stated in the source
    for c in out.values():
        c["entries"] = len(c["entries"])
    return list(out.values())


STAT_COLUMNS = [Column(k, k) for k in ("name", "entries", "total", "overdue", "due_soon", "upcoming",
                                       "undated", "in_progress", "met", "done", "missed")]


@command()
def plans(
    as_of: AsOfOpt = None, soon: SoonOpt = "14d", fmt: FormatOpt = None,
    registry: RegistryOpt = None, progress: ProgressOpt = None,
) -> None:
    """List the plans with their entry counts and completeness in the source.

    Example: plancli plans --format json
    """
    from .query import Filters, parse_span, to_date

    reg = _registry(registry)
    f = Filters(as_of=to_date(as_of, "--as-of") if as_of else date.today(), soon=parse_span(soon))
    counts = {c["name"]: c for c in _count_rows(reg, None, _records(reg, progress), f,
                                               lambda r: [r["plan"]], list(reg.plans))}
    rows = []
    for p in reg.plans.values():
        es = [e for e in reg.entries if e.plan == p.code]
        c = counts[p.code]
        rows.append({"code": p.code, "name": p.name, "short": p.short, "group": p.group,
                     "lines": f"{p.first_line}-{p.last_line}", "complete": p.complete,
                     "coordinator": list(p.coordinator), "entries": len(es),
                     "targets": sum(e.kind == "target" for e in es),
                     "milestones": sum(e.kind == "milestone" for e in es),
                     "undated": sum(e.deadline_inferred for e in es),
                     "overdue": c["overdue"], "due_soon": c["due_soon"]})
    cols = [Column(k, k) for k in ("code", "short", "group", "lines", "complete", "entries", "targets",
                                   "milestones", "undated", "overdue", "due_soon")]
    render(rows, cols, _fmt(fmt))


@command()
def stats(
    unit: UnitOpt = None, role: RoleOpt = "any", plan: PlanOpt = None, before: BeforeOpt = None,
    after: AfterOpt = None, within: WithinOpt = None, as_of: AsOfOpt = None, status: StatusOpt = None,
    soon: SoonOpt = "14d", kind: KindOpt = None, fmt: FormatOpt = None,
    registry: RegistryOpt = None, progress: ProgressOpt = None,
    by: Annotated[str, typer.Option("--by", help="Count per plan or per unit.")] = "plan",
) -> None:
    """Count deadlines per plan or per lead unit: met, missed, in progress, overdue, upcoming.

    Example: plancli stats --by unit --as-of 2025-06-30
    """
    reg = _registry(registry)
    table = _units(reg)
    f = _filters(reg, table, unit, role, plan, before, after, within, as_of, status, soon, kind)
    records = _records(reg, progress)
    if by == "plan":
        rows = _count_rows(reg, table, records, f, lambda r: [r["plan"]], f.plans or list(reg.plans))
    elif by == "unit":
        rows = _count_rows(reg, table, records, f,
                           lambda r: {table.canonical(n) for n in r["lead"]}, table.names())
        rows = [r for r in rows if r["total"]]
    else:
        raise UsageError(f"--by must be plan or unit, not {by!r}")
    render(rows, STAT_COLUMNS, _fmt(fmt))


@command()
def units(
    fmt: FormatOpt = None, registry: RegistryOpt = None,
    all_: Annotated[bool, typer.Option("--all", help="Include units with no items.")] = False,
) -> None:
    """List every unit with its aliases and its counts of lead and support entries.

    Example: plancli units --format csv
    """
    reg = _registry(registry)
    table = _units(reg)
    from collections import Counter

    lead, sup = Counter(), Counter()
    for e in reg.entries:  # one pass; an entry counts once per unit even if named twice
        lead.update({table.canonical(n) for n in e.lead})
        sup.update({table.canonical(n) for n in e.support})
    rows = [{"name": u.name, "aliases": list(u.aliases), "lead": lead[u.name], "support": sup[u.name]}
            for u in table.units if lead[u.name] or sup[u.name] or all_]
    rows.sort(key=lambda r: (-r["lead"], -r["support"], r["name"]))
    render(rows, [Column("name", "unit"), Column("lead", "lead"), Column("support", "support"),
                  Column("aliases", "aliases", 40)], _fmt(fmt))


@command()
def validate(
    path: Annotated[Path | None, typer.Argument(help="Registry to check [default: --registry].",
                                                show_default=False)] = None,
    registry: RegistryOpt = None, progress: ProgressOpt = None, fmt: FormatOpt = None,
) -> None:
    """Check a registry (and its ledger): schema, ids, units, deadlines, quotes against the source.

    Prints `file:line: problem` for each problem; exit 1 if any, 0 when clean.
    Example: plancli validate data/targets.yaml
    """
    from .checks import check_against_source, check_units
    from .ledger import LedgerError, check_ledger, load_ledger
    from .registry import Problem, sha256_of
    from .sourcetext import SourceText
    from .units import load_units

    problems: list[Problem] = []
    reg = load_registry(path or registry, problems)
    try:
        table = load_units(reg.units_path)
        problems += check_units(str(reg.path), reg.entries, table.known)
    except RegistryError as exc:
        problems.append(Problem(exc.path or str(reg.units_path), exc.line, exc.message))
    src_path = reg.source_path
    if src_path is None or not src_path.exists():
        problems.append(Problem(str(reg.path), None, f"source file not found: {src_path}"))
    else:
        want = (reg.meta.get("source") or {}).get("sha256")
        if want and sha256_of(src_path) != str(want):
            problems.append(Problem(str(reg.path), None, f"source file {src_path} does not match its sha256"))
        problems += check_against_source(str(reg.path), reg.entries, reg.exclusions, reg.plans,
                                         SourceText.read(src_path))
    ledger = _ledger_path(reg, progress)
    try:
        records = load_ledger(ledger)
        items = {r["item"] for r in _all_items(reg)}
        problems += check_ledger(ledger, records, lambda i: i in items)
    except LedgerError as exc:
        problems.append(Problem(exc.path or str(ledger), exc.line, exc.message))
    f = _fmt(fmt, ("table", "plain", "json"))
    if f == "json":
        render([{"file": p.path, "line": p.line, "problem": p.message} for p in problems], [], "json")
    else:
        for p in problems:
            print(p)
        print(f"{reg.path}: {len(reg.entries)} entries, {len(reg.exclusions)} exclusions, "
              f"{len(problems)} problem{'s' if len(problems) != 1 else ''}", file=sys.stderr)
    if problems:
        raise typer.Exit(EXIT_CHECK)


def _all_items(reg: Registry) -> list[dict]:
    from .query import Filters, occurrence_rows

    return occurrence_rows(reg, Filters(), None, [])


@command()
def coverage(
    registry: RegistryOpt = None, fmt: FormatOpt = None,
) -> None:
    """Scan the source for numbers and dates that no entry and no exclusion accounts for.

    Exit 1 if any is found. Example: plancli coverage --format json
    """
    from .coverage import find_gaps
    from .sourcetext import SourceText

    reg = _registry(registry)
    if reg.source_path is None or not reg.source_path.exists():
        raise UsageError(f"source file not found: {reg.source_path}")
    src = SourceText.read(reg.source_path)
    ranges = [(p.first_line, p.last_line) for p in reg.plans.values()]
    gaps = find_gaps(src, reg.entries, reg.exclusions, ranges)
    f = _fmt(fmt, ("table", "plain", "json", "csv", "md"))
    if f in ("json", "csv"):
        render([g.as_dict() for g in gaps], [], f, fields=["line", "token", "context"])
    else:
        for g in gaps:
            print(f"{reg.source_path.name}:{g.line}: {g.token!r} not in the registry: …{g.context}…")
        lines = sum(max(0, p.last_line - p.first_line + 1) for p in reg.plans.values())
        print(f"coverage: {len(gaps)} unaccounted number(s) in {lines} source lines of "
              f"{len(reg.plans)} plans", file=sys.stderr)
    if gaps:
        raise typer.Exit(EXIT_CHECK)


@command("parse-deadline")
def parse_deadline_cmd(
    text: Annotated[str, typer.Argument(help="A deadline phrase, e.g. 2024年10月底前.")],
    start: Annotated[str | None, typer.Option("--start", help="Plan period start [default: from the registry].")] = None,
    end: Annotated[str | None, typer.Option("--end", help="Plan period end [default: from the registry].")] = None,
    fmt: FormatOpt = None, registry: RegistryOpt = None,
) -> None:
    """Read a Chinese deadline phrase and print its date(s).

    Example: plancli parse-deadline "2024 年 10 月底前" --format json
    """
    from .query import to_date

    period = _registry(registry).period if not (start and end) else None  # only read when needed
    if start or end:
        period = Period(to_date(start, "--start") if start else period.start,
                        to_date(end, "--end") if end else period.end)
    d = parse_deadline(text, period)
    f = _fmt(fmt, ("table", "plain", "json"))
    if f == "json":
        import json

        print(json.dumps(d.as_dict(), ensure_ascii=False))
    else:
        print(f"{d.date.isoformat()}\t{d.kind}\t{' '.join(x.isoformat() for x in d.dates)}")


# --------------------------------------------------------------------------- ledger, reports


@command()
def record(
    item: Annotated[str, typer.Argument(metavar="ID", help="Entry id; ID@2024 for one year of a 每年 target.")],
    status: Annotated[str, typer.Option("--status", help="done, met, missed or in_progress.")],
    actual: Annotated[str | None, typer.Option("--actual", help="Achieved value as written: 717.7万千瓦, 96%.")] = None,
    on: Annotated[str | None, typer.Option("--on", help="Date achieved/assessed [default: today].")] = None,
    source: Annotated[str | None, typer.Option("--source", help="Evidence: document, URL, report.")] = None,
    note: Annotated[str | None, typer.Option("--note", help="Free remark.")] = None,
    registry: RegistryOpt = None, progress: ProgressOpt = None,
) -> None:
    """Record progress on an item in the ledger (never rewrites the registry).

    Example: plancli record kjyf-001 --status met --actual 3.6万家 --on 2024-12-31 --source 省科技厅通报
    """
    from .ledger import RECORD_STATUSES, Record, append_record
    from .query import to_date
    from .values import QuantityError, convert

    reg = _registry(registry)
    eid, _, occ = item.partition("@")
    e = _find_entry(reg, eid)
    if status not in RECORD_STATUSES:
        raise UsageError(f"--status must be one of {', '.join(RECORD_STATUSES)}, not {status!r}")
    items = {r["item"] for r in _all_items(reg) if r["id"] == e.id}
    if occ:
        if f"{e.id}@{occ}" not in items:
            raise UsageError(f"{e.id} has no occurrence {occ!r}; use one of {', '.join(sorted(items))}")
    elif e.recurring:
        raise UsageError(f"{e.id} recurs ({e.deadline_text}); record one occurrence: {', '.join(sorted(items))}")
    value = None
    if actual is not None:
        if e.kind != "target" or e.value is None:
            raise UsageError(f"{e.id} is a milestone; --actual needs a quantified target")
        try:
            value = convert(actual, e.unit or "")
        except QuantityError as exc:
            raise UsageError(f"--actual: {exc}") from None
    when = to_date(on, "--on") if on else None
    rec = append_record(_ledger_path(reg, progress), Record(
        item=item if occ else e.id, status=status, actual=value, actual_text=actual, on=when,
        source=source, note=note))
    print(f"recorded {rec.item}: {rec.status}" + (f" (actual {value:g} {e.unit or ''})" if value is not None else ""),
          file=sys.stderr)


@command()
def weekly(
    unit: UnitOpt = None, role: RoleOpt = "any", plan: PlanOpt = None, as_of: AsOfOpt = None,
    days: Annotated[int, typer.Option("--days", min=0, max=3660, help="Look-ahead for 'due next'.")] = 7,
    fmt: Annotated[str | None, typer.Option("--format", "-f", help="plain, md, html or json.")] = None,
    registry: RegistryOpt = None, progress: ProgressOpt = None,
) -> None:
    """Print the weekly deadline list: newly overdue, due in the next days, recorded last week.

    Example (cron, Mondays): plancli weekly --unit 省大数据局 --format md
    """
    from .report import weekly_report

    reg = _registry(registry)
    table = _units(reg)
    f = _filters(reg, table, unit, role, plan, None, None, None, as_of, None, "14d", None)
    fmt_ = _fmt(fmt, ("plain", "md", "html", "json", "table"))
    weekly_report(reg, table, _records(reg, progress), f, days, "plain" if fmt_ == "table" else fmt_,
                  sys.stdout, CONTRACT)


@command()
def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help="ics, csv, json or sqlite.")],
    path: Annotated[Path | None, typer.Argument(
        metavar="[PATH]", help="File to write (same as --output).", show_default=False)] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="File to write [default: stdout; required for sqlite].")] = None,
    unit: UnitOpt = None, role: RoleOpt = "any", plan: PlanOpt = None, as_of: AsOfOpt = None,
    registry: RegistryOpt = None, progress: ProgressOpt = None,
) -> None:
    """Export deadlines to a calendar (ics), CSV, JSON or an SQLite database.

    Example: plancli export --format ics --unit 省大数据局 -o 大数据局.ics
    Example: plancli export --format sqlite plancli.db
    """
    from . import export as ex

    if path is not None and output is not None and path != output:
        raise UsageError("give the output file once: as PATH or as --output")
    output = output or path

    reg = _registry(registry)
    table = _units(reg)
    f = _filters(reg, table, unit, role, plan, None, None, None, as_of, None, "14d", None)
    records = _records(reg, progress)
    if fmt == "sqlite":
        if output is None:
            raise UsageError("--format sqlite needs a file: plancli export --format sqlite PATH")
        ex.to_sqlite(reg, table, records, f, output, CONTRACT)
    elif fmt in ("ics", "csv", "json"):
        data = getattr(ex, f"to_{fmt}")(reg, table, records, f, CONTRACT)
        ex.write_output(data, output)
    else:
        raise UsageError(f"unknown export format {fmt!r}; choose ics, csv, json or sqlite")


def _version(value: bool) -> None:
    if value:
        print(f"plancli {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Check targets and deadlines of government action plans (鲁政发〔2024〕5号).

    Example: plancli due --unit 省大数据局
    """


# --------------------------------------------------------------------------- the one error edge


def _fail(msg: str, code: int) -> int:
    with contextlib.suppress(Exception):  # stdout may be gone already
        sys.stdout.flush()
    print(f"plancli: error: {msg}", file=sys.stderr)
    return code


def _run(argv: list[str] | None = None) -> int:
    try:
        rc = app(args=argv, prog_name="plancli", standalone_mode=False)
        return rc if isinstance(rc, int) else EXIT_OK
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        print("", file=sys.stderr)
        return EXIT_INTERRUPT
    except PlancliError as exc:
        return _fail(str(exc), EXIT_USAGE)
    except KeyboardInterrupt:
        return EXIT_INTERRUPT
    except (BrokenPipeError, _PipeClosed):
        raise BrokenPipeError from None
    except Exception as exc:  # noqa: BLE001 - the one edge where errors become messages
        if type(exc).__name__ == "NoArgsIsHelpError":  # bare `plancli`: the help text, unmangled
            print(exc.format_message(), file=sys.stderr)
            return EXIT_USAGE
        if hasattr(exc, "format_message") and hasattr(exc, "exit_code"):  # the parser's usage errors
            ctx = getattr(exc, "ctx", None)
            where = f" (see `{ctx.command_path} --help`)" if ctx is not None else ""
            msg = " ".join(exc.format_message().split())
            return _fail(f"{msg}{where}", EXIT_USAGE)
        if isinstance(exc, OSError):
            where = f": {exc.filename}" if getattr(exc, "filename", None) else ""
            return _fail(f"{exc.strerror or exc}{where}", EXIT_USAGE)
        if os.environ.get("PLANCLI_DEBUG"):
            raise
        return _fail(f"internal error: {type(exc).__name__}: {exc} (set PLANCLI_DEBUG=1 for details)",
                     EXIT_INTERNAL)


def main(argv: list[str] | None = None) -> None:
    # Under cron the locale may be C/POSIX: force UTF-8 so Chinese text is never mangled.
    for stream in (sys.stdout, sys.stderr):
        try:
            if (stream.encoding or "").lower().replace("-", "") != "utf8":
                stream.reconfigure(encoding="utf-8")
        except (AttributeError, ValueError):
            pass
    try:
        rc = _run(argv)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (plancli due | head -1): stop quietly, as cat and grep do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        rc = EXIT_OK
    except KeyboardInterrupt:
        rc = EXIT_INTERRUPT
    sys.exit(rc)


# --------------------------------------------------------------------------- extract (draft a registry)
# One thin command over plancli.extract: parse options, draft, print or write.


@command("extract")
def extract_cmd(
    source: Annotated[Path, typer.Argument(help="The plan's text (UTF-8, one paragraph a line).",
                                           show_default=False)],
    doc_date: Annotated[str | None, typer.Option(
        "--doc-date", help="Document date YYYY-MM-DD [default: the date line near the top of the text].",
        show_default=False)] = None,
    period: Annotated[str | None, typer.Option(
        "--period", help="Plan period START:END (2024-01-01:2025-12-31 or 2024:2025) [default: from the "
                         "title, e.g. …行动计划（2024—2025年）].", show_default=False)] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="yaml (the registry format) or json.")] = "yaml",
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write the draft to this file, and its unit table beside it "
                               "(<name>.units.yaml), instead of printing it. Never overwrites.",
        show_default=False)] = None,
) -> None:
    """Draft a registry for a new plan text: every target, milestone and other number, for review.

    Entries are marked `draft: true`. Example: plancli extract plan.txt -o draft.yaml
    """
    from .extract import extract, parse_period, read_source, to_json, to_yaml, write_draft
    from .query import to_date

    if fmt not in ("yaml", "json"):
        raise UsageError(f"unknown format {fmt!r}; choose yaml or json")
    text = read_source(source)
    name = os.path.relpath(source.resolve(), output.resolve().parent) if output else str(source)
    draft = extract(text, source_name=name, doc_date=to_date(doc_date, "--doc-date") if doc_date else None,
                    period=parse_period(period) if period else None)
    summary = (f"{len(draft['entries'])} draft entries, {len(draft['exclusions'])} exclusions, "
               f"{len(draft['meta']['plans'])} plans")
    if output:
        written = write_draft(draft, output, fmt)
        print(f"wrote {written[0]} ({summary}) and {written[1]}", file=sys.stderr)
    else:
        sys.stdout.write(to_json(draft) if fmt == "json" else to_yaml(draft))
        print(f"{source}: {summary}", file=sys.stderr)
