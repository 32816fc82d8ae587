"""Progress and reports: record, weekly, export, report."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from .application import UsageError, command
from .options import (
    By,
    Export,
    LangOpt,
    ProgressOpt,
    RecordStatus,
    RegistryOpt,
    Report,
    Selection,
    Weekly,
    _fmt,
    _fmt_opt,
    complete_id,
    with_selection,
)


@command()
def record(
    item: Annotated[str, typer.Argument(metavar="ID", help="Entry id; ID@2024 for one year of a 每年 target.",
                                        autocompletion=complete_id)],
    status: Annotated[RecordStatus | None, typer.Option(
        "--status", help="done, met, missed or in_progress (not with --retract).", show_default=False)] = None,
    actual: Annotated[str | None, typer.Option(
        "--actual", help="Achieved value as written: 717.7万千瓦, 96%; a bare number takes the target's "
        "multiplier (1.02 against 1 亿千瓦 = 1.02 亿千瓦).")] = None,
    on: Annotated[str | None, typer.Option(
        "--on", help="Date it happened / was assessed; statuses as of earlier dates ignore the record "
        "[default: today, local time].", show_default=False)] = None,
    source: Annotated[str | None, typer.Option("--source", help="Evidence: document, URL, report.")] = None,
    note: Annotated[str | None, typer.Option("--note", help="Remark; the reason with --force or --retract.")] = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Keep a met/missed that the actual value contradicts (needs --note).")] = False,
    retract: Annotated[bool, typer.Option(
        "--retract", help="Withdraw the item's latest record (needs --note); history keeps both.")] = False,
    registry: RegistryOpt = None, progress: ProgressOpt = None, lang: LangOpt = None,
) -> None:
    """Record progress on an item in the ledger (never rewrites the registry).

    Example: plancli record kjyf-002 --status met --actual 3.6万家 --on 2024-12-31 --source 省科技厅通报
    Example: plancli record kjyf-002 --retract --note "通报数字有误"
    """
    from ..i18n import pick_lang
    from ..query import to_date
    from ..recording import describe, describe_retraction, record_progress, retract_latest
    from ..workspace import open_workspace

    when = to_date(on, "--on") if on else None
    ws = open_workspace(registry, progress)
    lang_ = pick_lang(lang)
    if retract:
        if status is not None or actual is not None or force:
            raise UsageError("--retract withdraws a record; give it no --status, --actual or --force")
        rec, gone, _ = retract_latest(ws.registry, ws.ledger_path, item, note=note, on=when, source=source)
        print(describe_retraction(rec, gone, lang_), file=sys.stderr)
        return
    if status is None:
        raise UsageError("give --status done|met|missed|in_progress (or --retract)")
    rec, e = record_progress(ws.registry, ws.ledger_path, item, status=status.value, actual=actual, on=when,
                             source=source, note=note, force=force)
    print(describe(e, rec, lang_), file=sys.stderr)


@command()
@with_selection
def weekly(
    days: Annotated[int, typer.Option("--days", min=0, max=3660, help="Look-ahead for 'due next'.")] = 7,
    fmt: _fmt_opt(Weekly, "plain") = None,
    by: Annotated[By, typer.Option("--by", help="Group overdue items and counts per lead unit or plan.")] = By.unit,
    *, sel: Selection,
) -> None:
    """Print the weekly digest: who holds what is overdue, counts per unit, what became overdue,
    what is due next, and records effective last week.

    Example (cron, Mondays): plancli weekly --unit 省大数据局 --format md
    """
    from ..report import weekly_report

    ws = sel.workspace()
    f = _fmt(fmt)
    weekly_report(ws.registry, ws.units, ws.records, sel.filters(ws), days, f,
                  sys.stdout, lang=sel.language(), by=by.value)


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
    *, sel: Selection,
) -> None:
    """Export deadlines to a calendar (ics), CSV, JSON, Excel (xlsx) or an SQLite database.

    Example: plancli export --format ics --unit 省大数据局 --open --remind 7d -o 大数据局.ics
    Example: plancli export --format xlsx --plan 数字变革 -o szbg.xlsx
    """
    from ..export import export as run_export
    from ..query import parse_span

    if path is not None and output is not None and path != output:
        raise UsageError("give the output file once: as PATH or as --output")
    lang_ = sel.language()
    reminder = parse_span(remind) if remind is not None else None
    ws = sel.workspace()
    run_export(fmt.value, ws.registry, ws.units, ws.records, sel.filters(ws), output or path, lang=lang_,
               open_only=open_, remind=reminder)


# --------------------------------------------------------------------------- report (dashboard)
# One thin command over plancli.dashboard.build_report; kept apart so it merges cleanly.


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
    from ..dashboard import build_report
    from ..export import write_output

    lang_ = sel.language()
    ws = sel.workspace()
    text = build_report(ws.registry, ws.units, ws.records, sel.filters(ws), fmt.value, lang_)
    write_output(text.encode("utf-8"), output)
