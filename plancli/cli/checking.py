"""The data's own checks: validate, coverage, parse-deadline."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ..output.render import is_machine, render
from .commands import command
from .edge import EXIT_CHECK
from .options import (
    Check,
    ContactsOpt,
    LangOpt,
    Listing,
    ProgressOpt,
    RegistryOpt,
    format_name,
    format_option,
)


@command("validate")
def validate_cmd(
    path: Annotated[Path | None, typer.Argument(help="Registry to check [default: --registry].",
                                                show_default=False)] = None,
    registry: RegistryOpt = None, progress: ProgressOpt = None, fmt: format_option(Check) = None,
    no_source: Annotated[bool, typer.Option("--no-source", help="Skip the checks against the source text.")] = False,
    strict: Annotated[bool, typer.Option(
        "--strict", help="Warnings are problems too (exit 1): the CI gate.")] = False,
    contacts: ContactsOpt = None,
    lang: LangOpt = None,
) -> None:
    """Check a registry (and its ledger): schema, ids, units, deadlines, quotes against the source.

    Prints `file:line: problem` for each problem (`file:line: warning: …` for warnings), in the
    reader's language (--lang); exit 1 if any problem (with --strict: any warning too), 0 when clean
    or only warnings. The ledger's checks: unknown items, duplicate record ids, retractions of
    unknown records, merge-conflict markers. contacts.yaml (notify's routes): unknown units and keys,
    and any secret written in it. JSON keeps the English `problem` and adds its `code`.
    Example: plancli validate --strict
    """
    from ..checks.validate import validate as run_checks
    from ..output.language import pick_lang
    from ..words import say, visible

    lg = pick_lang(lang)
    reg, problems = run_checks(path or registry, progress, check_source=not no_source, contacts=contacts)
    errors = [p for p in problems if p.level == "error"]
    if format_name(fmt) == "json":
        render([{"file": p.path, "line": p.line, "level": p.level, "code": p.code_of, "problem": p.message}
                for p in problems], [], "json")
    else:
        for p in problems:
            print(visible(p.located(lg), ""))
        warned = sum(p.level == "warning" for p in problems)  # a note (level note) informs, never fails
        print(say("validate.summary", lg, path=reg.path, entries=len(reg.entries), exclusions=len(reg.exclusions),
                  docs=say("validate.in_documents", lg, n=len(reg.documents)) if len(reg.documents) > 1 else "",
                  problems=say("validate.problem_one", lg) if len(errors) == 1
                  else say("validate.problems", lg, n=len(errors)),
                  warnings="" if not warned else say("validate.warning_one", lg) if warned == 1
                  else say("validate.warnings", lg, n=warned),
                  strict=say("validate.strict_fails", lg) if strict and warned else ""), file=sys.stderr)
    if errors or (strict and any(p.level == "warning" for p in problems)):
        raise typer.Exit(EXIT_CHECK)


@command("coverage")
def coverage_cmd(registry: RegistryOpt = None, fmt: format_option(Listing) = None, lang: LangOpt = None) -> None:
    """Scan the source for numbers and dates that no entry and no exclusion accounts for.

    Prints `source:line: token not in the registry: …context…` for each, in the reader's language
    (--lang). Exit 1 if any is found. Example: plancli coverage --format json
    """
    from ..checks.coverage import registry_gaps
    from ..output.language import pick_lang
    from ..registry.loading import load_registry
    from ..repository import registry_path
    from ..words import say

    reg = load_registry(registry_path(registry))
    gaps, lines = registry_gaps(reg)
    f = format_name(fmt)
    if is_machine(f):
        render([{"source": name} | g.as_dict() for name, g in gaps], [], f,
               fields=["source", "line", "token", "context"])
    else:
        lg = pick_lang(lang)
        for name, g in gaps:
            print(say("coverage.gap", lg, source=name, line=g.line, token=g.token, context=g.context))
        print(say("coverage.summary", lg, gaps=len(gaps), lines=lines, plans=len(reg.plans)), file=sys.stderr)
    if gaps:
        raise typer.Exit(EXIT_CHECK)


@command("parse-deadline")
def parse_deadline_cmd(
    text: Annotated[str, typer.Argument(help="A deadline phrase, e.g. 2024年10月底前.")],
    start: Annotated[str | None, typer.Option("--start", help="Plan period start [default: from the registry].")] = None,
    end: Annotated[str | None, typer.Option("--end", help="Plan period end [default: from the registry].")] = None,
    doc_date: Annotated[str | None, typer.Option(
        "--doc-date", help="Date of the document: year-less phrases (10月底前, 明年) are read in its year.")] = None,
    year: Annotated[int | None, typer.Option("--year", help="Year to read year-less phrases in.")] = None,
    fmt: format_option(Check) = None, registry: RegistryOpt = None,
) -> None:
    """Read a Chinese deadline phrase and print its date(s).

    Example: plancli parse-deadline "2024 年 10 月底前" --format json
    """
    from ..registry.loading import load_registry
    from ..repository import registry_path
    from ..text.dates import to_date
    from ..text.deadline import Context, Period, parse_deadline

    period = load_registry(registry_path(registry)).period if not (start and end) else None  # only read when needed
    if start or end:
        period = Period(to_date(start, "--start") if start else period.start,
                        to_date(end, "--end") if end else period.end)
    ctx = Context(doc_date=to_date(doc_date, "--doc-date") if doc_date else None, period=period, year=year)
    d = parse_deadline(text, ctx)
    if format_name(fmt) == "json":
        import json

        print(json.dumps(d.as_dict(), ensure_ascii=False))
    else:
        print(f"{d.date.isoformat()}\t{d.kind}\t{' '.join(x.isoformat() for x in d.dates)}")
