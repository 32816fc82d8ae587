"""Drafting a registry for a new source text: extract."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from .commands import command
from .options import LangOpt, choice

DraftFormat = choice("DraftFormat", ("yaml", "json"))


@command("extract")
def extract_cmd(
    source: Annotated[Path, typer.Argument(help="The plan's text (UTF-8, one paragraph a line).",
                                           show_default=False)],
    doc_date: Annotated[str | None, typer.Option(
        "--doc-date", help="Document date YYYY-MM-DD [default: the date line near the top of the text].",
        show_default=False)] = None,
    period: Annotated[str | None, typer.Option(
        "--period", help="Plan period START:END (2024-01-01:2025-12-31 or 2024:2025) [default: from the "
                         "title, else inferred from the text (its goals 到YYYY年, the document year) and marked as such].", show_default=False)] = None,
    fmt: Annotated[DraftFormat, typer.Option(  # type: ignore[valid-type]
        "--format", "-f", case_sensitive=False, help="yaml (the registry format) or json.")] = "yaml",
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write the draft to this file, and its unit table beside it "
                               "(<name>.units.yaml), instead of printing it. Never overwrites.",
        show_default=False)] = None,
    lang: LangOpt = None,
) -> None:
    """Draft a registry for a new plan text: every target, milestone and other number, for review.

    Entries are marked `draft: true`. Example: plancli extract plan.txt -o draft.yaml
    """
    from ..extract import extract, parse_period, read_source, to_json, to_yaml, write_draft
    from ..output.language import pick_lang
    from ..text.dates import to_date
    from ..words import say

    f = getattr(fmt, "value", fmt)
    text = read_source(source)
    name = os.path.relpath(source.resolve(), output.resolve().parent) if output else str(source)
    lg = pick_lang(lang)
    draft = extract(text, source_name=name, doc_date=to_date(doc_date, "--doc-date") if doc_date else None,
                    period=parse_period(period) if period else None, lang=lg)
    summary = say("extract.summary", lg, entries=len(draft["entries"]), exclusions=len(draft["exclusions"]),
                  plans=len(draft["meta"]["plans"]))
    if output:
        written = write_draft(draft, output, f, lg)
        print(say("extract.wrote", lg, draft=written[0], summary=summary, units=written[1]), file=sys.stderr)
    else:
        sys.stdout.write(to_json(draft) if f == "json" else to_yaml(draft, lg))
        print(say("extract.printed", lg, source=source, summary=summary), file=sys.stderr)
