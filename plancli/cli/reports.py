"""Reports people read or forward: weekly (the digest), report (the HTML page), export, bulletin (通报)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from .commands import command
from .edge import UsageError
from .options import (
    Bulletin,
    By,
    Export,
    Report,
    Selection,
    Weekly,
    format_name,
    format_option,
    with_selection,
)


@command()
@with_selection
def weekly(
    days: Annotated[int, typer.Option("--days", min=0, max=3660, help="Look-ahead for 'due next'.")] = 7,
    fmt: format_option(Weekly, "plain") = None,
    by: Annotated[By, typer.Option("--by", help="Group overdue items and counts per lead unit or plan.")] = By.unit,
    *, sel: Selection,
) -> None:
    """Print the weekly digest: who holds what is overdue, counts per unit, what became overdue,
    what is due next, and records effective last week.

    Example (cron, Mondays): plancli weekly --unit 省大数据局 --format md
    """
    from ..output.scope import filter_scope
    from ..output.weekly import weekly_report
    from ..query.digest import digest

    ws = sel.workspace()
    f = sel.filters(ws)
    lang_ = sel.office_language(ws)
    data = digest(ws.registry, ws.units, ws.records, f, days=days, by=by.value)
    weekly_report(data, format_name(fmt), sys.stdout, lang=lang_, scope=filter_scope(ws.registry, f, lang_))


@command()
@with_selection
def export(
    fmt: Annotated[Export, typer.Option("--format", "-f", case_sensitive=False,
                                        help="ics, csv, json, sqlite or xlsx.")],
    path: Annotated[Path | None, typer.Argument(
        metavar="[PATH]", help="File to write (same as --output).", show_default=False)] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="File to write [default: stdout; required for sqlite and xlsx].")] = None,
    open_: Annotated[bool, typer.Option("--open", help="Leave out items that are done or met.")] = False,
    remind: Annotated[str | None, typer.Option(
        "--remind", help="ics: a reminder SPAN before each deadline (7d, 2w, 1m).")] = None,
    per_unit: Annotated[bool, typer.Option(
        "--per-unit", help="xlsx/csv: one 台账 per lead unit (its open items and fill-in columns) in the "
        "directory PATH; read them back with plancli import.")] = False,
    return_by: Annotated[str | None, typer.Option(
        "--return-by", help="--per-unit: the date units send the 台账 back, printed in its instructions "
        "[default: the next 25th].", show_default=False)] = None,
    *, sel: Selection,
) -> None:
    """Export deadlines to a calendar (ics), CSV, JSON, Excel (xlsx) or an SQLite database.

    Example: plancli export --format ics --unit 省大数据局 --open --remind 7d -o 大数据局.ics
    Example: plancli export --format xlsx --plan 数字变革 -o szbg.xlsx
    Example: plancli export --format xlsx --per-unit --return-by 2026-12-25 -o 台账/
    """
    from ..output.export import export as run_export
    from ..query.rows import export_rows
    from ..text.dates import parse_span

    if path is not None and output is not None and path != output:
        raise UsageError("cli.output_twice")
    if return_by is not None and not per_unit:
        raise UsageError("cli.return_by_alone")
    if per_unit:
        _per_unit(fmt.value, output or path, return_by, sel)
        return
    reminder = parse_span(remind) if remind is not None else None
    ws = sel.workspace()
    lang_ = sel.office_language(ws)
    f = sel.filters(ws)
    rows = export_rows(ws.registry, f, ws.units, ws.records, open_only=open_)
    run_export(fmt.value, rows, ws.registry, ws.units, ws.records, f, output or path, lang=lang_, remind=reminder)


@command()
@with_selection
def report(
    fmt: Annotated[Report, typer.Option("--format", "-f", case_sensitive=False, help="html, md or json.")]
    = Report.html,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="File to write (atomically) [default: stdout].", show_default=False)] = None,
    *, sel: Selection,
) -> None:
    """A report people read: one offline HTML dashboard (charts and item tables), Markdown or JSON.

    Example: plancli report --unit 省大数据局 --lang zh -o 大数据局.html
    """
    from ..output.export import write_output
    from ..output.report import render_report
    from ..output.scope import filter_scope
    from ..query.report import report as make_report
    from ..query.rows import contract

    ws = sel.workspace()
    lang_ = sel.office_language(ws)
    f = sel.filters(ws)
    rep = make_report(ws.registry, ws.units, ws.records, f)
    text = render_report(rep, fmt.value, lang_, scope=filter_scope(ws.registry, f, lang_), fields=contract(ws.registry),
                         footer=f"plancli · {ws.registry.path.name}")
    write_output(text.encode("utf-8"), output)


@command()
@with_selection
def bulletin(
    month: Annotated[str | None, typer.Option("--month", help="The month to report on (2025-11).")] = None,
    quarter: Annotated[str | None, typer.Option("--quarter", help="The quarter to report on (2025Q4).")] = None,
    since: Annotated[str | None, typer.Option("--since", help="First day of the period (with --until).")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Last day of the period (with --since).")] = None,
    fmt: format_option(Bulletin, "table on a terminal, else md") = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="File to write (atomically) [default: stdout; required for xlsx].",
        show_default=False)] = None,
    *, sel: Selection,
) -> None:
    """Write the 通报 of a period: one row per lead unit, ranked (1 = best), and the items newly red.

    The period is --month, --quarter or --since/--until; by default the last full month before
    --as-of. Rank rule and columns: docs/lights.md.

    Example: plancli bulletin --month 2025-11 --lang zh --format html -o 通报-2025-11.html
    """
    from ..output.bulletin import bulletin_table, bulletin_text, bulletin_xlsx
    from ..output.export import publish
    from ..output.scope import filter_scope
    from ..query.bulletin import bulletin as make_bulletin
    from ..query.bulletin import bulletin_period

    ws = sel.workspace()
    lang_ = sel.office_language(ws)
    f = sel.filters(ws)
    period = bulletin_period(f.as_of, month=month, quarter=quarter, since=since, until=until)
    b = make_bulletin(ws.registry, ws.units, ws.records, f, period)
    scope = filter_scope(ws.registry, f, lang_)
    # on a terminal: the paragraphs, then the tables fitted to its width
    publish(fmt.value if fmt is not None else None, output, table=lambda out: bulletin_table(b, lang_, scope, out),
            xlsx=lambda: bulletin_xlsx(b, lang_, scope), text=lambda f_: bulletin_text(b, f_, lang_, scope),
            needs_file="export.bulletin_needs_file")
def _per_unit(fmt: str, out: Path | None, return_by: str | None, sel: Selection) -> None:
    """``export --per-unit``: one 台账 per lead unit, and a line per file on stderr."""
    from datetime import timedelta

    from ..output.export import calendar_name
    from ..output.handout import write_handouts
    from ..query.rows import occurrence_rows
    from ..text.dates import to_date
    from ..words import say

    if fmt not in ("xlsx", "csv"):
        raise UsageError("cli.per_unit_format")
    if out is None or str(out) == "-":
        raise UsageError("cli.per_unit_needs_dir")
    if out.exists() and not out.is_dir():
        raise UsageError("cli.per_unit_is_file", out=out)
    ws = sel.workspace()
    lang_ = sel.office_language(ws)
    f = sel.filters(ws)
    today = f.as_of
    by = to_date(return_by, "--return-by") if return_by else (
        today.replace(day=25) if today.day <= 25 else (today.replace(day=28) + timedelta(days=4)).replace(day=25))
    rows = occurrence_rows(ws.registry, f, ws.units, ws.records, open_only=True)
    written = write_handouts(rows, ws.units, out, fmt, lang_, by=by, title=calendar_name(ws.registry, f, lang_),
                             only=f.units or None, as_of=today)
    for p, n in written:
        print(f"{p}\t{n}", file=sys.stderr)
    print(say("export.per_unit_written", lang_, n=len(written), rows=sum(n for _, n in written), out=out, by=by),
          file=sys.stderr)

