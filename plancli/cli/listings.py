"""Listing commands: due, overdue, list, show, plans, stats, units, docs.

This module imports no typer: its commands run on the fast path (``fastpath``) as well as through the
typer application. The typer options of their parameters are annotations kept as text, read when
typer builds a command (``options.sign``), their names imported only for the type checker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

from ..output.render import Column, is_machine, render
from ..vocabulary import STATUSES, Status
from .commands import command
from .edge import EXIT_CHECK
from .human import cells_in, columns_in, say_empty
from .selection import By, Selection, format_name, with_selection

if TYPE_CHECKING:  # the names of the annotations (options.sign reads them in options' namespace)
    import typer

    from .options import AsOfOpt, LangOpt, ProgressOpt, RegistryOpt, SoonOpt, complete_id, format_option
    from .selection import Detail, Listing

# Token columns never wrap; metric and lead take the slack of a terminal and are cut with “…”.
FLEX = "ellipsis"
METRIC_MIN = 17  # eight Chinese characters and “…”: what a narrow terminal still shows of a metric
OCC_COLUMNS = [
    Column("item", "id"), Column("plan", "plan"), Column("metric", "metric", 28, FLEX, METRIC_MIN),
    Column("target", "target", 18), Column("deadline_shown", "deadline"),
    Column("days_left", "days"), Column("status", "status"), Column("light", "light"),
    Column("lead_shown", "lead", 30, FLEX),
]
ENTRY_COLUMNS = [
    Column("id", "id"), Column("plan", "plan"), Column("kind", "kind"), Column("metric", "metric", 28, FLEX, METRIC_MIN),
    Column("target", "target", 18), Column("deadline_shown", "deadline"), Column("status", "status"),
    Column("light", "light"), Column("lead_shown", "lead", 30, FLEX),
]
CO_LEAD = Column("co_lead", "co-lead", 30, FLEX)
STAT_COLUMNS = [Column("name", "name", None, FLEX)] + [
    Column(k, k) for k in ("entries", "total", *STATUSES, "no_date_stated", "lights")]  # lights: red/yellow/blue/green in one cell
PLAN_COLUMNS = [Column("code", "code"), Column("short", "short", None, FLEX)] + [
    Column(k, k) for k in ("group", "lines", "complete", "entries", "targets", "milestones", "no_date_stated",
                           Status.OVERDUE, Status.DUE_SOON)]
DOC_COLUMNS = [Column("code", "code"), Column("doc", "doc"), Column("date", "date"),
               Column("title", "title", 30, FLEX), Column("complete", "complete"), Column("entries", "entries"),
               Column("overdue", "overdue"), Column("met", "met"), Column("archived", "archived")]
UNIT_COLUMNS = [Column("name", "unit"), Column("lead", "lead"), Column("support", "support"),
                Column("aliases", "aliases", 40, FLEX)]


def _listing(rows: list[dict], columns: list[Column], fmt: str, sel: Selection, f, ws) -> None:
    """Occurrence/entry rows: machine formats get the contract, people the decorated columns."""
    from ..query.rows import contract

    if is_machine(fmt):
        render(rows, columns, fmt, fields=contract(ws.registry))
        return
    _human(rows, fitted(rows, columns, f, fmt), fmt, sel.language(), f, ws.units)


def fitted(rows: list[dict], columns: list[Column], f, fmt: str = "table") -> list[Column]:
    """Leave out what the question already answers, so the metric gets the room.

    With ``--unit``, the lead column shows only the *other* lead units (``co-lead``) and goes when
    there are none. On a terminal (``table``) the plan column goes when every id already starts
    with its plan code (plain text keeps it: scripts cut columns by position).
    """
    from ..output.listing import decorate

    out = list(columns)
    if f is not None and f.units:
        decorate(rows, f, None)
        i = next((k for k, c in enumerate(out) if c.key == "lead_shown"), None)
        if i is not None:
            if any(r["co_lead"] for r in rows):
                out[i] = CO_LEAD
            else:
                del out[i]
    if fmt == "table" and rows and all(str(r.get("id", "")).startswith(f"{r.get('plan')}-") for r in rows):
        out = [c for c in out if c.key != "plan"]
    return out


def _human(rows: list[dict], columns: list[Column], fmt: str, lang: str, f=None, table=None, **kw) -> None:
    """Rows for people: decorated, in ``lang``; nothing at all on stdout when nothing matched."""
    from ..output.listing import decorate, footnotes

    if not rows:
        say_empty(lang)
        return
    shown = decorate(rows, f, table)
    render(cells_in(shown, lang), columns_in(columns, lang, **kw), fmt)
    if fmt == "table":  # on a terminal, what the marks mean (plain text stays rows only: scripts cut it)
        for note in footnotes(rows, lang):
            print(note)


@command()
@with_selection
def due(fmt: format_option(Listing) = None, *, sel: Selection) -> None:
    """List open deadlines, soonest first (每年 targets once per year).

    Example: plancli due --unit 省大数据局 --within 30d
    """
    from ..query.rows import occurrence_rows

    ws = sel.workspace()
    f = sel.filters(ws)
    rows = occurrence_rows(ws.registry, f, ws.units, ws.records, open_only=True)
    _listing(rows, OCC_COLUMNS, format_name(fmt), sel, f, ws)


@command()
@with_selection
def overdue(
    fmt: format_option(Listing) = None,
    fail: Annotated[bool, typer.Option("--fail", help="Exit 1 when anything is overdue (for CI).")] = False,
    *, sel: Selection,
) -> int | None:
    """List deadlines that have passed with no done/met record.

    Example: plancli overdue --plan 数字变革 --fail
    """
    from ..query.rows import overdue_rows

    ws = sel.workspace()
    f = sel.filters(ws)
    rows = overdue_rows(ws.registry, f, ws.units, ws.records)
    _listing(rows, OCC_COLUMNS, format_name(fmt), sel, f, ws)
    if fail and rows:
        return EXIT_CHECK
    return None


@command("list")
@with_selection
def list_(fmt: format_option(Listing) = None, *, sel: Selection) -> None:
    """List registry entries, one row each, with the status of their most pressing deadline.

    Example: plancli list --plan kjyf --kind target --format csv > kjyf.csv
    """
    from ..query.rows import entry_rows

    ws = sel.workspace()
    f = sel.filters(ws)
    _listing(entry_rows(ws.registry, f, ws.units, ws.records), ENTRY_COLUMNS, format_name(fmt), sel, f, ws)


@command()
def show(
    entry_id: Annotated[str, typer.Argument(metavar="ID", help="Entry id, e.g. kjyf-001.",
                                            autocompletion=complete_id)],
    as_of: AsOfOpt = None, fmt: format_option(Detail) = None,
    registry: RegistryOpt = None, progress: ProgressOpt = None, lang: LangOpt = None,
) -> None:
    """Show everything about one entry: target, deadline, units, source quote and history.

    Example: plancli show szbg-001
    """
    from ..output.language import pick_lang
    from ..output.listing import detail_lines
    from ..query.detail import entry_detail
    from ..text.dates import to_today
    from ..words import say
    from ..workspace import open_workspace

    ws = open_workspace(registry, progress)
    e = ws.registry.find(entry_id.split("@", 1)[0])
    d = entry_detail(ws.registry, e, ws.records, to_today(as_of), str(ws.ledger_path))
    f = format_name(fmt)
    if f == "json":
        render([d], [], "json")
        return
    lang_ = pick_lang(lang)
    if progress is None and ws.registry.path.parent not in ws.ledger_path.parents:
        # the installed package's registry and no repository around: say where records go, and why
        d["ledger"] += say("show.per_user_ledger", lang_)
    # a terminal table follows the terminal's width: the source quote wraps inside its cell
    render([{"field": k, "value": v} for k, v in detail_lines(ws.registry, e, d, lang_)],
           columns_in([Column("field", "field"), Column("value", "value", None, "fold")], lang_), f)


@command()
def plans(
    as_of: AsOfOpt = None, soon: SoonOpt = "14d", fmt: format_option(Listing) = None,
    registry: RegistryOpt = None, progress: ProgressOpt = None, lang: LangOpt = None,
) -> None:
    """List the plans with their entry counts and completeness in the source.

    Example: plancli plans --format json
    """
    from ..output.language import pick_lang
    from ..query.counts import plan_summary
    from ..query.filters import make_filters
    from ..workspace import open_workspace

    ws = open_workspace(registry, progress)
    f = make_filters(ws.registry, None, as_of=as_of, soon=soon)
    fmt_ = format_name(fmt)
    rows = plan_summary(ws.registry, ws.records, f)
    if is_machine(fmt_):
        render(rows, PLAN_COLUMNS, fmt_)
    else:
        render(rows, columns_in(PLAN_COLUMNS, pick_lang(lang)), fmt_)


@command()
@with_selection
def stats(
    fmt: format_option(Listing) = None,
    by: Annotated[By, typer.Option("--by", help="Count per plan or per unit.")] = By.plan,
    *, sel: Selection,
) -> None:
    """Count deadlines per plan or per lead unit: met, missed, in progress, overdue, upcoming.

    Example: plancli stats --by unit --as-of 2025-06-30
    """
    from ..query.counts import stats as count_stats

    ws = sel.workspace()
    rows, fmt_ = count_stats(ws.registry, ws.units, ws.records, sel.filters(ws), by.value), format_name(fmt)
    if is_machine(fmt_):
        render(rows, STAT_COLUMNS, fmt_)
    else:
        for r in rows:  # four counts in one narrow cell, so the table still fits 80 columns
            r["lights"] = "/".join(str(r[k]) for k in ("red", "yellow", "blue", "green"))
        review = [Column(k, k) for k in ("pending", "returned")] if rows and "pending" in rows[0] else []
        _human(rows, STAT_COLUMNS + review, fmt_, sel.language())


@command()
def units(
    fmt: format_option(Listing) = None, registry: RegistryOpt = None,
    all_: Annotated[bool, typer.Option("--all", help="Include units with no items.")] = False,
    lang: LangOpt = None,
) -> None:
    """List every unit with its aliases and its counts of lead and support entries.

    Example: plancli units --format csv
    """
    from ..output.language import pick_lang
    from ..query.counts import unit_summary
    from ..workspace import open_workspace

    ws = open_workspace(registry)
    rows, fmt_ = unit_summary(ws.registry, ws.units, all_), format_name(fmt)
    render(rows, UNIT_COLUMNS if is_machine(fmt_) else columns_in(UNIT_COLUMNS, pick_lang(lang), unit_table=True),
           fmt_)


@command()
def docs(
    as_of: AsOfOpt = None, fmt: format_option(Listing) = None,
    registry: RegistryOpt = None, progress: ProgressOpt = None, lang: LangOpt = None,
) -> None:
    """List the documents of the registry with their counts, completeness, overdue and met.

    Example: plancli docs --format json
    """
    from ..output.language import pick_lang
    from ..query.counts import doc_summary
    from ..query.filters import make_filters
    from ..workspace import open_workspace

    ws = open_workspace(registry, progress)
    f = make_filters(ws.registry, None, as_of=as_of)
    rows, fmt_ = doc_summary(ws.registry, ws.records, f), format_name(fmt)
    render(rows, DOC_COLUMNS if is_machine(fmt_) else columns_in(DOC_COLUMNS, pick_lang(lang)), fmt_)
