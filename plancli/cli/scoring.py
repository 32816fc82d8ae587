"""考核: ``score`` gives each unit its points for a period, every point listed."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .commands import command
from .options import (
    AsOfOpt,
    LangOpt,
    ProgressOpt,
    RegistryOpt,
    choice,
    complete_plan,
    complete_unit,
    format_option,
)

ScoreFormat = choice("ScoreFormat", ("table", "md", "html", "json", "xlsx"))


@command()
def score(
    year: Annotated[str | None, typer.Option("--year", help="The year to score (2024) [default: this year].",
                                             show_default=False)] = None,
    since: Annotated[str | None, typer.Option("--since", help="First day of the period (with --until).")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Last day of the period (with --since).")] = None,
    fmt: format_option(ScoreFormat, "table on a terminal, else md") = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="File to write (atomically) [default: stdout; required for xlsx].",
        show_default=False)] = None,
    unit: Annotated[list[str] | None, typer.Option(
        "--unit", "-u", help="Only these units' rows and points (ranks stay among all units).",
        autocompletion=complete_unit)] = None,
    plan: Annotated[list[str] | None, typer.Option(
        "--plan", "-p", help="Score the items of this plan only (repeatable).", autocompletion=complete_plan)] = None,
    doc: Annotated[list[str] | None, typer.Option(
        "--doc", "-d", help="Score the items of this document only (repeatable).")] = None,
    all_docs: Annotated[bool, typer.Option("--all-docs", help="Include archived documents.")] = False,
    as_of: AsOfOpt = None, registry: RegistryOpt = None, progress: ProgressOpt = None, lang: LangOpt = None,
) -> None:
    """Score each unit for a period (考核): a base, plus or minus points for every item closed on time,
    late, missed or overdue, every report late or not filed, every 退办 and every 延期.

    The rules are `scoring:` in the registry index, else the documented defaults (docs/review.md).
    Ties share a rank. md, html and xlsx list every point, so a unit can check its score by hand.

    Example: plancli score --year 2024 --lang zh --format html -o 考核-2024.html

    Example: plancli score --year 2024 --format xlsx -o 考核-2024.xlsx
    """
    from ..output.export import publish
    from ..output.language import pick_lang
    from ..output.scope import filter_scope
    from ..output.score import score_table, score_text, score_xlsx
    from ..query.filters import make_filters
    from ..query.score import score as make_score
    from ..query.score import score_period
    from ..workspace import open_workspace
    from .edge import warn

    ws = open_workspace(registry, progress)
    warn(ws.ledger_warnings())
    lang_ = pick_lang(lang, registry=ws.registry.lang)
    f = make_filters(ws.registry, ws.units, units=unit or (), plans=plan or (), docs=doc or (), as_of=as_of,
                     all_docs=all_docs)
    s = make_score(ws.registry, ws.units, ws.records, f, score_period(f.as_of, year=year, since=since, until=until))
    scope = filter_scope(ws.registry, f, lang_)
    publish(fmt.value if fmt is not None else None, output, table=lambda out: score_table(s, lang_, scope, out),
            xlsx=lambda: score_xlsx(s, lang_, scope), text=lambda f_: score_text(s, f_, lang_, scope),
            needs_file="score.needs_file")
