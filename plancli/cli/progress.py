"""Progress and reports: record, weekly, export."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from .app import UsageError, command
from .options import (
    Export,
    ProgressOpt,
    RecordStatus,
    RegistryOpt,
    Selection,
    Weekly,
    _fmt,
    _fmt_opt,
    with_selection,
)


@command()
def record(
    item: Annotated[str, typer.Argument(metavar="ID", help="Entry id; ID@2024 for one year of a 每年 target.")],
    status: Annotated[RecordStatus, typer.Option("--status", help="done, met, missed or in_progress.")],
    actual: Annotated[str | None, typer.Option("--actual", help="Achieved value as written: 717.7万千瓦, 96%.")] = None,
    on: Annotated[str | None, typer.Option("--on", help="Date achieved/assessed [default: today].")] = None,
    source: Annotated[str | None, typer.Option("--source", help="Evidence: document, URL, report.")] = None,
    note: Annotated[str | None, typer.Option("--note", help="Free remark.")] = None,
    registry: RegistryOpt = None, progress: ProgressOpt = None,
) -> None:
    """Record progress on an item in the ledger (never rewrites the registry).

    Example: plancli record kjyf-001 --status met --actual 3.6万家 --on 2024-12-31 --source 省科技厅通报
    """
    from ..ledger import record_progress
    from ..query import to_date
    from ..workspace import open_workspace

    ws = open_workspace(registry, progress)
    rec, e = record_progress(ws.registry, ws.ledger_path, item, status=status.value, actual=actual,
                             on=to_date(on, "--on") if on else None, source=source, note=note)
    print(f"recorded {rec.item}: {rec.status}"
          + (f" (actual {rec.actual:g} {e.unit or ''})" if rec.actual is not None else ""), file=sys.stderr)


@command()
@with_selection
def weekly(
    days: Annotated[int, typer.Option("--days", min=0, max=3660, help="Look-ahead for 'due next'.")] = 7,
    fmt: _fmt_opt(Weekly, "plain") = None,
    *, sel: Selection,
) -> None:
    """Print the weekly deadline list: newly overdue, due in the next days, recorded last week.

    Example (cron, Mondays): plancli weekly --unit 省大数据局 --format md
    """
    from ..report import weekly_report

    ws = sel.workspace()
    f = _fmt(fmt)
    weekly_report(ws.registry, ws.units, ws.records, sel.filters(ws), days, "plain" if f == "table" else f,
                  sys.stdout)


@command()
@with_selection
def export(
    fmt: Annotated[Export, typer.Option("--format", "-f", case_sensitive=False, help="ics, csv, json or sqlite.")],
    path: Annotated[Path | None, typer.Argument(
        metavar="[PATH]", help="File to write (same as --output).", show_default=False)] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="File to write [default: stdout; required for sqlite].")] = None,
    *, sel: Selection,
) -> None:
    """Export deadlines to a calendar (ics), CSV, JSON or an SQLite database.

    Example: plancli export --format ics --unit 省大数据局 -o 大数据局.ics
    Example: plancli export --format sqlite plancli.db
    """
    from ..export import export as run_export

    if path is not None and output is not None and path != output:
        raise UsageError("give the output file once: as PATH or as --output")
    ws = sel.workspace()
    run_export(fmt.value, ws.registry, ws.units, ws.records, sel.filters(ws), output or path)
