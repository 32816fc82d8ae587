"""Options shared by the commands as typer reads them: formats, the ledger and registry options, shell
completion, and ``sign``, which gives a command the signature typer builds it from.

No ``from __future__ import annotations`` here: typer reads these annotations at run time, and an
annotation kept as a string is compiled and evaluated then. The listing filters (``Selection``) and
the choices a listing needs at run time are in ``selection``, which imports no typer (the fast path).
"""

import inspect
import typing
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from ..vocabulary import RECORD_STATUSES
from .selection import (  # noqa: F401 - the choices and filters, named here for the command modules
    FIELDS,
    By,
    Detail,
    Kind,
    LightChoice,
    Listing,
    Role,
    Selection,
    StatusChoice,
    choice,
    format_name,
    with_selection,
)

RecordStatus = choice("RecordStatus", RECORD_STATUSES)
Check = choice("Check", ("table", "plain", "json"))
Weekly = choice("Weekly", ("plain", "md", "html", "json", "table"))
Export = choice("Export", ("ics", "csv", "json", "sqlite", "xlsx"))
Report = choice("Report", ("html", "md", "json"))
Bulletin = choice("Bulletin", ("table", "md", "html", "json", "xlsx"))


def format_option(choices: type[Enum], default_help: str = "table on a terminal, else plain"):
    names = ", ".join(m.value for m in choices)  # type: ignore[attr-defined]
    return Annotated[choices | None, typer.Option(
        "--format", "-f", case_sensitive=False, show_default=False, help=f"{names} [default: {default_help}].")]


# --------------------------------------------------------------------------- shared options

RegistryOpt = Annotated[Path | None, typer.Option(
    "--registry", envvar="PLANCLI_REGISTRY",
    help="Registry file [default: the registry repository around the current directory (plancli init), "
    "else the shipped registry].",
    show_default=False)]
ProgressOpt = Annotated[Path | None, typer.Option(
    "--progress", envvar="PLANCLI_PROGRESS",
    help="Progress ledger [default: progress.yaml beside the registry].", show_default=False)]
NewLedgerOpt = Annotated[bool, typer.Option(
    "--new", help="Start a new ledger at --progress (a --progress that does not exist is refused "
    "otherwise: a typo must not start a second ledger).")]


def require_ledger(progress: Path | None, new: bool) -> None:
    """Refuse a --progress that does not exist unless --new says the ledger is new on purpose."""
    if progress is not None and not new and not progress.exists():
        from .edge import UsageError

        raise UsageError("cli.no_ledger", ledger=progress)


ContactsOpt = Annotated[Path | None, typer.Option(
    "--contacts", envvar="PLANCLI_CONTACTS",
    help="Routes of notify (docs/notify.md) [default: contacts.yaml beside the registry].", show_default=False)]
AsOfOpt = Annotated[str | None, typer.Option(
    "--as-of", envvar="PLANCLI_TODAY", help="Pretend today is DATE [default: today].", show_default=False)]
SoonOpt = Annotated[str, typer.Option("--soon", help="Window for due_soon.")]
LangOpt = Annotated[str | None, typer.Option(
    "--lang", help="Language of headings, statuses and messages: zh or en "
    "[default: PLANCLI_LANG, else the locale: zh* → zh, otherwise en]. JSON/CSV never change.",
    show_default=False)]


# --------------------------------------------------------------------------- shell completion
# These run only while the shell completes a word (never on a normal run): they read the registry
# named so far on the line (--registry / PLANCLI_REGISTRY, else the shipped one), from its cache.

def _completing_workspace(ctx: typer.Context):
    from ..workspace import open_workspace

    return open_workspace((ctx.params or {}).get("registry"))


def _starting(incomplete: str, candidates) -> list[tuple[str, str]]:
    """(value, help) pairs whose value starts with what is typed — shells complete by prefix — in
    the letter case typed (SZ → SZBG, sz → szbg), once each."""
    k = incomplete.strip()
    up = k != k.lower()
    out: dict[str, str] = {}
    for value, helptext in candidates:
        v = value.upper() if up else value
        if v.startswith(k) or (not k and value):
            out.setdefault(v, helptext)
    return list(out.items())


def complete_unit(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Unit names, aliases and their forms without 省 (大数 → 大数据局, 省工 → 省工信厅 …)."""
    try:
        units = _completing_workspace(ctx).units.units
    except Exception:  # noqa: BLE001 - a broken registry must not break the shell
        return []
    cands = []
    for u in units:
        for n in (u.name, *u.aliases):
            cands += [(n, u.name), (n.removeprefix("山东省").removeprefix("省"), u.name)]
    return _starting(incomplete, cands)


def complete_plan(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Plan codes and short names (sz → szbg, 数字 → 数字变革)."""
    try:
        plans = list(_completing_workspace(ctx).registry.plans.values())
    except Exception:  # noqa: BLE001
        return []
    return _starting(incomplete, [(p.code, p.short) for p in plans] + [(p.short, p.code) for p in plans])


def complete_id(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Entry ids; after ``@``, the occurrences of a 每年 entry (kjyf-001@2024)."""
    try:
        reg = _completing_workspace(ctx).registry
    except Exception:  # noqa: BLE001
        return []
    k = incomplete.strip().lower()
    entries = [e for e in reg.entries if e.id.startswith(k.split("@", 1)[0])]
    if "@" in k:
        return _starting(incomplete, [(i, e.metric) for e in entries for i in e.items(reg.period)])
    return _starting(incomplete, [(e.id, e.metric) for e in entries])


def sign(command) -> None:
    """Give ``command`` (a command function as registered) the signature typer builds it from: its
    own parameters with their annotations read — in its module's names, then this module's (a module
    that runs without typer names typer's side only under ``TYPE_CHECKING``) — followed, for a listing
    (``with_selection``), by Selection's fields as keyword-only parameters."""
    fn = inspect.unwrap(command)
    names = {**globals(), **fn.__globals__}
    hints = typing.get_type_hints(fn, globalns=names, include_extras=True)
    params = [p.replace(annotation=hints.get(p.name, p.annotation)) for p in inspect.signature(fn).parameters.values()
              if p.name != "sel"]
    if getattr(command, "selection", False):
        params = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in params] + list(_selection_fields())
    command.__signature__ = inspect.Signature(params)
    command.__annotations__ = {p.name: p.annotation for p in params if p.annotation is not inspect.Parameter.empty}


def _selection_fields() -> list[inspect.Parameter]:
    """Selection's fields as keyword-only parameters, their annotations read."""
    hints = typing.get_type_hints(Selection, globalns={**globals(), **vars(inspect.getmodule(Selection))},
                                  include_extras=True)
    return [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=getattr(Selection, name),
                              annotation=hints[name]) for name in FIELDS]
