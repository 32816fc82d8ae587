"""审核: ``review`` lists the claims (报结) awaiting a decision; ``review accept`` closes one (销号),
``review return`` sends one back (退办). Only with ``review: required`` in the registry index."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from ..output.render import Column, is_machine, render
from .application import CONTEXT
from .commands import group, piped
from .options import (
    AsOfOpt,
    LangOpt,
    Listing,
    ProgressOpt,
    RegistryOpt,
    complete_id,
    complete_plan,
    complete_unit,
    format_name,
    format_option,
)

app = typer.Typer(name="review", add_completion=False, rich_markup_mode=None, pretty_exceptions_enable=False,
                  context_settings=CONTEXT)

# headed in Chinese by cli.human.HEADINGS (English keeps the short keys)
COLUMNS = [Column("item", "id"), Column("lead_units", "lead", 24, "ellipsis"), Column("figure", "figure", 16),
           Column("claimed_on", "claimed"), Column("waiting_days", "waiting"), Column("entered_by", "by", 12, "ellipsis"),
           Column("evidence", "evidence", 30, "ellipsis")]

ByOpt = Annotated[str | None, typer.Option(
    "--by", help="Who decides [default: git's user.name, else the OS user].", show_default=False)]
OnOpt = Annotated[str | None, typer.Option(
    "--on", help="Date of the decision [default: today, as --as-of/PLANCLI_TODAY read it].", show_default=False)]
IdArg = Annotated[str, typer.Argument(metavar="ID", help="The item (ID, or ID@2024 for one year of a 每年 target).",
                                      autocompletion=complete_id)]


@app.callback(invoke_without_command=True)
@piped
def review(
    ctx: typer.Context,
    fmt: format_option(Listing) = None,
    unit: Annotated[list[str] | None, typer.Option(
        "--unit", "-u", help="Only items this unit leads (repeatable).", autocompletion=complete_unit)] = None,
    plan: Annotated[list[str] | None, typer.Option(
        "--plan", "-p", help="Only this plan (repeatable).", autocompletion=complete_plan)] = None,
    doc: Annotated[list[str] | None, typer.Option("--doc", "-d", help="Only this document (repeatable).")] = None,
    as_of: AsOfOpt = None, registry: RegistryOpt = None, progress: ProgressOpt = None, lang: LangOpt = None,
) -> None:
    """List the claims (报结) awaiting review, oldest first; `review accept|return ID` decides one.

    A done/met record is a claim when the registry index says `review: required` (docs/review.md):
    the item stays open until the office accepts it (销号) or returns it (退办) with a reason.

    Example: plancli review --unit 省科技厅
    Example: plancli review accept kjyf-002 --note "佐证齐全"
    Example: plancli review return kjyf-003 --reason "统计口径与年报不一致，请补充省统计局数据"
    """
    if ctx.invoked_subcommand is not None:
        return
    from ..output.language import pick_lang
    from ..query.filters import make_filters
    from ..query.review import PENDING_KEYS, pending_claims
    from ..words import say
    from ..workspace import open_workspace
    from .edge import warn
    from .human import columns_in, say_empty

    ws = open_workspace(registry, progress)
    warn(ws.ledger_warnings())
    lang_ = pick_lang(lang)
    if not ws.registry.review:
        print(say("review.off_note", lang_, registry=ws.registry.path), file=sys.stderr)
    f = make_filters(ws.registry, ws.units, units=unit or (), role="lead", plans=plan or (), docs=doc or (),
                     as_of=as_of, all_docs=True)
    rows = pending_claims(ws.registry, ws.units, ws.records, f)
    fmt_ = format_name(fmt)
    if is_machine(fmt_):
        render(rows, COLUMNS, fmt_, fields=list(PENDING_KEYS))
        return
    if not rows:
        say_empty(lang_)
        return
    shown = [r | {"figure": r["figure"] or say(f"status.{r['status']}", lang_), "lead_units": r["lead"]} for r in rows]
    render(shown, columns_in(COLUMNS, lang_), fmt_)


@app.command("accept")
@piped
def accept(
    item: IdArg,
    note: Annotated[str | None, typer.Option("--note", help="Remark kept with the decision.")] = None,
    by: ByOpt = None, on: OnOpt = None,
    registry: RegistryOpt = None, progress: ProgressOpt = None, lang: LangOpt = None,
) -> None:
    """Accept an item's claim (销号): the item closes, on the date it was claimed.

    Example: plancli review accept kjyf-002 --note "佐证齐全，予以销号"
    """
    _decide(item, "accepted", note, by, on, registry, progress, lang)


@app.command("return")
@piped
def return_(
    item: IdArg,
    reason: Annotated[str | None, typer.Option(
        "--reason", help="Why it goes back (required): shown to the unit in show, its next 台账 and the digest.",
        show_default=False)] = None,
    by: ByOpt = None, on: OnOpt = None,
    registry: RegistryOpt = None, progress: ProgressOpt = None, lang: LangOpt = None,
) -> None:
    """Return an item's claim to its unit (退办) with the reason: the item is open again.

    Example: plancli review return kjyf-003 --reason "佐证材料不全，请补充认定文件"
    """
    _decide(item, "returned", reason, by, on, registry, progress, lang)


group("review", app)


def _decide(item, decision, note, by, on, registry, progress, lang) -> None:
    import os

    from ..ledger.recording import decide
    from ..output.language import pick_lang
    from ..output.messages import describe_decision
    from ..text.dates import to_date, to_today
    from ..workspace import open_workspace

    ws = open_workspace(registry, progress)
    today = to_today(os.environ.get("PLANCLI_TODAY") or None)
    # who: --by, else the ledger's own stamp (git's user.name of its repository, else the OS user)
    rec, claim, e = decide(ws.registry, ws.ledger_path, item, decision, note=note, by=(by or "").strip() or None,
                           on=to_date(on, "--on") if on else None, today=today)
    print(f"{describe_decision(e, rec, claim, pick_lang(lang))} → {ws.ledger_path}", file=sys.stderr)
