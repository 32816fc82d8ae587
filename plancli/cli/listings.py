"""Listing commands: due, overdue, list, show, plans, stats, units."""

from __future__ import annotations

from typing import Annotated

import typer

from ..render import Column, is_machine, render
from .app import EXIT_CHECK, command
from .options import (
    AsOfOpt,
    By,
    Detail,
    Listing,
    ProgressOpt,
    RegistryOpt,
    Selection,
    SoonOpt,
    _fmt,
    _fmt_opt,
    with_selection,
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
STAT_COLUMNS = [Column(k, k) for k in ("name", "entries", "total", "overdue", "due_soon", "upcoming",
                                       "in_progress", "met", "done", "missed", "no_date_stated")]
PLAN_COLUMNS = [Column(k, k) for k in ("code", "short", "group", "lines", "complete", "entries", "targets",
                                       "milestones", "no_date_stated", "overdue", "due_soon")]
DOC_COLUMNS = [Column("code", "code"), Column("doc", "doc"), Column("date", "date"),
               Column("title", "title", 30), Column("complete", "complete"), Column("entries", "entries"),
               Column("overdue", "overdue"), Column("met", "met")]
UNIT_COLUMNS = [Column("name", "unit"), Column("lead", "lead"), Column("support", "support"),
                Column("aliases", "aliases", 40)]


def _listing(rows: list[dict], columns: list[Column], fmt: str) -> None:
    """Occurrence/entry rows: machine formats get the contract, people the decorated columns."""
    from ..query import CONTRACT

    if is_machine(fmt):
        render(rows, columns, fmt, fields=CONTRACT)
        return
    from ..query import decorate

    render(decorate(rows), columns, fmt)


@command()
@with_selection
def due(fmt: _fmt_opt(Listing) = None, *, sel: Selection) -> None:
    """List open deadlines, soonest first (每年 targets once per year).

    Example: plancli due --unit 省大数据局 --within 30d
    """
    from ..query import occurrence_rows

    ws = sel.workspace()
    rows = occurrence_rows(ws.registry, sel.filters(ws), ws.units, ws.records, open_only=True)
    _listing(rows, OCC_COLUMNS, _fmt(fmt))


@command()
@with_selection
def overdue(
    fmt: _fmt_opt(Listing) = None,
    fail: Annotated[bool, typer.Option("--fail", help="Exit 1 when anything is overdue (for CI).")] = False,
    *, sel: Selection,
) -> None:
    """List deadlines that have passed with no done/met record.

    Example: plancli overdue --plan 数字变革 --fail
    """
    from ..query import overdue_rows

    ws = sel.workspace()
    rows = overdue_rows(ws.registry, sel.filters(ws), ws.units, ws.records)
    _listing(rows, OCC_COLUMNS, _fmt(fmt))
    if fail and rows:
        raise typer.Exit(EXIT_CHECK)


@command("list")
@with_selection
def list_(fmt: _fmt_opt(Listing) = None, *, sel: Selection) -> None:
    """List registry entries, one row each, with the status of their most pressing deadline.

    Example: plancli list --plan kjyf --kind target --format csv > kjyf.csv
    """
    from ..query import entry_rows

    ws = sel.workspace()
    _listing(entry_rows(ws.registry, sel.filters(ws), ws.units, ws.records), ENTRY_COLUMNS, _fmt(fmt))


@command()
def show(
    entry_id: Annotated[str, typer.Argument(metavar="ID", help="Entry id, e.g. kjyf-001.")],
    as_of: AsOfOpt = None, fmt: _fmt_opt(Detail) = None,
    registry: RegistryOpt = None, progress: ProgressOpt = None,
) -> None:
    """Show everything about one entry: target, deadline, units, source quote and history.

    Example: plancli show szbg-001
    """
    from ..query import detail_pairs, entry_detail, to_today
    from ..workspace import open_workspace

    ws = open_workspace(registry, progress)
    e = ws.registry.find(entry_id.split("@", 1)[0])
    d = entry_detail(ws.registry, e, ws.records, to_today(as_of), str(ws.ledger_path))
    f = _fmt(fmt)
    if f == "json":
        render([d], [], "json")
        return
    render([{"field": k, "value": v} for k, v in detail_pairs(ws.registry, e, d)],
           [Column("field", "field"), Column("value", "value")], "plain" if f == "table" else f)


@command()
def plans(
    as_of: AsOfOpt = None, soon: SoonOpt = "14d", fmt: _fmt_opt(Listing) = None,
    registry: RegistryOpt = None, progress: ProgressOpt = None,
) -> None:
    """List the plans with their entry counts and completeness in the source.

    Example: plancli plans --format json
    """
    from ..counts import plan_summary
    from ..query import make_filters
    from ..workspace import open_workspace

    ws = open_workspace(registry, progress)
    f = make_filters(ws.registry, None, as_of=as_of, soon=soon)
    render(plan_summary(ws.registry, ws.records, f), PLAN_COLUMNS, _fmt(fmt))


@command()
@with_selection
def stats(
    fmt: _fmt_opt(Listing) = None,
    by: Annotated[By, typer.Option("--by", help="Count per plan or per unit.")] = By.plan,
    *, sel: Selection,
) -> None:
    """Count deadlines per plan or per lead unit: met, missed, in progress, overdue, upcoming.

    Example: plancli stats --by unit --as-of 2025-06-30
    """
    from ..counts import stats as count_stats

    ws = sel.workspace()
    render(count_stats(ws.registry, ws.units, ws.records, sel.filters(ws), by.value), STAT_COLUMNS, _fmt(fmt))


@command()
def units(
    fmt: _fmt_opt(Listing) = None, registry: RegistryOpt = None,
    all_: Annotated[bool, typer.Option("--all", help="Include units with no items.")] = False,
) -> None:
    """List every unit with its aliases and its counts of lead and support entries.

    Example: plancli units --format csv
    """
    from ..counts import unit_summary
    from ..workspace import open_workspace

    ws = open_workspace(registry)
    render(unit_summary(ws.registry, ws.units, all_), UNIT_COLUMNS, _fmt(fmt))


@command()
def docs(
    as_of: AsOfOpt = None, fmt: _fmt_opt(Listing) = None,
    registry: RegistryOpt = None, progress: ProgressOpt = None,
) -> None:
    """List the documents of the registry with their counts, completeness, overdue and met.

    Example: plancli docs --format json
    """
    from ..counts import doc_summary
    from ..query import make_filters
    from ..workspace import open_workspace

    ws = open_workspace(registry, progress)
    f = make_filters(ws.registry, None, as_of=as_of)
    render(doc_summary(ws.registry, ws.records, f), DOC_COLUMNS, _fmt(fmt))
