"""Recording progress: record."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from .commands import command
from .edge import UsageError
from .options import (
    LangOpt,
    Listing,
    NewLedgerOpt,
    ProgressOpt,
    RecordStatus,
    RegistryOpt,
    complete_id,
    complete_unit,
    format_name,
    format_option,
    require_ledger,
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
    source: Annotated[str | None, typer.Option("--source", help="Where the figure comes from: document, report.")] = None,
    evidence: Annotated[str | None, typer.Option(
        "--evidence", help="佐证材料: text, URL or a file (stored with its sha256 and size; validate checks it).")] = None,
    extend_to: Annotated[str | None, typer.Option(
        "--extend-to", help="延期: move the item's deadline to DATE, keeping the original (needs --note; "
        "asked on or after the deadline needs --force).", show_default=False)] = None,
    note: Annotated[str | None, typer.Option("--note", help="Remark; the reason with --force or --retract.")] = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Keep a met/missed that the actual value contradicts (needs --note).")] = False,
    retract: Annotated[bool, typer.Option(
        "--retract", help="Withdraw the item's latest record, or the one --rid names (needs --note); history "
        "keeps both.")] = False,
    rid: Annotated[str | None, typer.Option(
        "--rid", help="With --retract: the record to withdraw, by its id as `plancli show ID` lists it (a "
        "unique beginning is enough).", show_default=False)] = None,
    new: NewLedgerOpt = False,
    registry: RegistryOpt = None, progress: ProgressOpt = None, lang: LangOpt = None,
) -> None:
    """Record progress on an item in the ledger (never rewrites the registry).

    Example: plancli record kjyf-002 --status met --actual 3.6万家 --on 2024-12-31 --source 省科技厅通报
    Example: plancli record kjyf-002 --retract --note "通报数字有误"
    Example: plancli record kjyf-002 --retract --rid 20261203T0908 --note "误填了他单位的数字"
    Example: plancli record kjyf-003 --extend-to 2025-06-30 --note "经省政府同意延期"
    """
    from ..ledger.recording import deadline_in_force, extend_deadline, record_progress, retract_latest
    from ..output.language import pick_lang
    from ..output.messages import describe, describe_extension, describe_retraction
    from ..text.dates import to_date
    from ..workspace import open_workspace

    when = to_date(on, "--on") if on else None
    require_ledger(progress, new)
    ws = open_workspace(registry, progress)
    lang_ = pick_lang(lang)
    if extend_to is not None:
        if retract or status is not None or actual is not None:
            raise UsageError("cli.extend_alone")
        rec, e, was = extend_deadline(ws.registry, ws.ledger_path, item, to_date(extend_to, "--extend-to"),
                                      note=note, on=when, source=source, evidence=evidence, force=force)
        print(f"{describe_extension(rec, was, lang_)} → {ws.ledger_path}", file=sys.stderr)
        return
    if rid is not None and not retract:
        raise UsageError("cli.rid_needs_retract")
    if retract:
        if status is not None or actual is not None or force:
            raise UsageError("cli.retract_alone")
        rec, gone, e = retract_latest(ws.registry, ws.ledger_path, item, note=note, on=when, source=source,
                                      evidence=evidence, rid=rid)
        print(f"{describe_retraction(rec, gone, lang_, e)} → {ws.ledger_path}", file=sys.stderr)
        return
    if status is None:
        raise UsageError("cli.no_status")
    rec, e = record_progress(ws.registry, ws.ledger_path, item, status=status.value, actual=actual, on=when,
                             source=source, note=note, evidence=evidence, force=force)
    claim = ""
    if ws.registry.review:  # a done/met record is a claim the office still has to accept (docs/review.md)
        from ..ledger.attainment import is_claim
        from ..words import say

        claim = say("msg.claim_pending", lang_, item=rec.item) if is_claim(e, rec) else ""
    print(f"{describe(e, rec, lang_, deadline_in_force(ws.registry, ws.records, e, rec.item))}{claim} → "
          f"{ws.ledger_path}", file=sys.stderr)




@command("import")
def import_(
    files: Annotated[list[Path], typer.Argument(
        metavar="FILE...", help="Filled 台账: .xlsx/.xlsm, .xls, .ods workbooks or .csv/.tsv/.txt (UTF-8, UTF-16, "
        "GB18030) files.", show_default=False)],
    dry_run: Annotated[bool, typer.Option("--dry-run", "-n", help="Print what would be recorded; write nothing.")]
    = False,
    on: Annotated[str | None, typer.Option(
        "--on", help="Date for rows whose 数据截至日期 is empty [default: such a row is an error].",
        show_default=False)] = None,
    accept_other_units: Annotated[bool, typer.Option(
        "--accept-other-units", help="Record rows of items the workbook's unit neither leads nor supports "
        "[default: such a row is an error].")] = False,
    fmt: format_option(Listing) = None,
    unit: Annotated[str | None, typer.Option(
        "--unit", "-u", help="The unit whose 台账 these are [default: what the workbook says (export --per-unit "
        "writes it), else its file name].", autocompletion=complete_unit, show_default=False)] = None,
    new: NewLedgerOpt = False,
    registry: RegistryOpt = None, progress: ProgressOpt = None, lang: LangOpt = None,
) -> None:
    """Record the filled rows of 台账 workbooks (export --per-unit), all or nothing.

    Every filled cell is recorded or its row refused by name: each row is checked as `record` checks
    it; if any file or row is wrong nothing is written and each is printed as FILE:SHEET!ROW: problem
    (exit 2). Rows already in the ledger add nothing. Evidence files beside a workbook are copied into
    the evidence store; 申请延期至 + 延期理由 record an extension (docs/roundtrip.md).
    Each workbook of a known unit also records its 报送 (the unit reported, dated --on, else today),
    however many rows it left blank.

    Example: plancli import 台账/*.xlsx --dry-run
    Example: plancli import 省科技厅.xlsx 省工业和信息化厅.csv
    """
    import os

    from ..ledger.importing import ImportRefused, import_files
    from ..output.language import pick_lang
    from ..output.render import Column, is_machine, render
    from ..text.dates import to_date, to_today
    from ..vocabulary import SUBMITTED
    from ..words import say, visible
    from ..workspace import open_workspace
    from .human import cells_in, columns_in

    when = to_date(on, "--on") if on else None
    if not dry_run:
        require_ledger(progress, new)
    ws = open_workspace(registry, progress)
    lang_ = pick_lang(lang)
    who = ws.units.resolve(unit) if unit is not None else None
    try:
        planned = import_files(ws.registry, ws.ledger_path, list(files), on=when, dry_run=dry_run, table=ws.units,
                               accept_other_units=accept_other_units, unit=who,
                               received=to_today(os.environ.get("PLANCLI_TODAY") or None))
    except ImportRefused as exc:  # each file and row in the reader's language; the edge prints the count
        for notice in exc.notices:
            print(f"plancli: {notice.located(lang_)}", file=sys.stderr)
        for problem in exc.problems:
            print(f"plancli: {visible(problem.text(lang_), '')}", file=sys.stderr)
        raise
    notices = planned.notices
    sent = [p for p in planned if p.record.status == SUBMITTED]  # the 报送 of each file: said apart
    planned = [p for p in planned if p.record.status != SUBMITTED]
    rows = [p.as_dict() for p in planned]
    f = format_name(fmt)
    columns = columns_in([Column("where", "where"), Column("action", "action"), Column("item", "item"),
                          Column("status", "status"), Column("actual_text", "actual"), Column("on", "on"),
                          Column("evidence", "evidence", 24, "ellipsis"), Column("note", "note", 30, "ellipsis")],
                         lang_)
    if rows or is_machine(f):
        # people read the file's name, not the path typed; an extension's new date where a figure goes
        short = {str(p): p.name for p in files}
        shown = rows if is_machine(f) else [
            r | {"action": say(f"import.action.{r['action'].replace(' ', '_')}", lang_),
                 "evidence": r["evidence_name"] or r["evidence"],
                 "where": next((short[k] + r["where"][len(k):] for k in short if r["where"].startswith(k + ":")),
                               r["where"]),
                 "actual_text": say("import.to", lang_, d=r["extend_to"]) if r["extend_to"] else r["actual_text"]}
            for r in cells_in([dict(r) for r in rows], lang_)]
        render(shown, columns, f, sys.stdout, fields=list(rows[0]) if rows else None)
    for notice in notices:
        print(f"plancli: {notice.located(lang_)}", file=sys.stderr)
    _say_submissions(sent, lang_, dry_run)
    new = sum(p.action == "record" for p in planned)
    old = len(planned) - new
    print(say("import.summary.dry" if dry_run else "import.summary", lang_, new=new, n=len(planned),
              already=say("import.summary.already", lang_, n=old) if old else "",
              where=say("import.summary.where", lang_, ledger=ws.ledger_path) if not dry_run and new else ""),
          file=sys.stderr)
    if ws.registry.review:  # the rows that claim done or met await the office (docs/review.md)
        from ..ledger.attainment import is_claim

        claims = sum(p.action == "record" and (e := ws.registry.get(p.record.entry_id)) is not None
                     and is_claim(e, p.record) for p in planned)
        if claims:
            print(say("review.imported_claims", lang_, n=claims), file=sys.stderr)


def _say_submissions(sent: list, lang: str, dry_run: bool) -> None:
    """One line per workbook of a known unit on stderr: the 报送 it records (a file of no known unit is
    said by the import's own notice)."""
    from ..words import say

    for s in sent:
        r = s.record
        key = "import.submitted" if s.action == "record" else "import.submitted_already"
        print(say(key + (".dry" if dry_run and s.action == "record" else ""), lang, unit=r.item, on=r.effective,
                  file=r.workbook, n=r.rows_filled), file=sys.stderr)
