"""Options shared by the commands, declared once: choices, formats and the listing filters.

No ``from __future__ import annotations`` here: typer reads these annotations at run time, and an
annotation kept as a string is compiled and evaluated then (1–2 ms of every listing's start-up).
"""

import functools
import inspect
import sys
import typing
from dataclasses import dataclass, fields
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from ..output.render import default_format
from ..vocabulary import LIGHTS, RECORD_STATUSES, STATUSES


def choice(name: str, values) -> type[Enum]:
    """An Enum typer shows as [a|b|c] in --help and checks while parsing (typos are refused)."""
    return Enum(name, {v: v for v in values}, type=str)  # type: ignore[return-value]


Role = choice("Role", ("any", "lead", "support"))
Kind = choice("Kind", ("target", "milestone"))
By = choice("By", ("plan", "unit"))
StatusChoice = choice("Status", STATUSES)
RecordStatus = choice("RecordStatus", RECORD_STATUSES)
LightChoice = choice("Light", LIGHTS)

LISTING = ("table", "plain", "json", "csv", "md")  # what render() writes
Listing = choice("Listing", LISTING)
Detail = choice("Detail", ("table", "plain", "json", "md"))
Check = choice("Check", ("table", "plain", "json"))
Weekly = choice("Weekly", ("plain", "md", "html", "json", "table"))
Export = choice("Export", ("ics", "csv", "json", "sqlite", "xlsx"))
Report = choice("Report", ("html", "md", "json"))
Bulletin = choice("Bulletin", ("table", "md", "html", "json", "xlsx"))


def format_option(choices: type[Enum], default_help: str = "table on a terminal, else plain"):
    names = ", ".join(m.value for m in choices)  # type: ignore[attr-defined]
    return Annotated[choices | None, typer.Option(
        "--format", "-f", case_sensitive=False, show_default=False, help=f"{names} [default: {default_help}].")]


def format_name(value: Enum | None) -> str:
    """The chosen format's name; without --format a terminal gets a table, a pipe plain text."""
    return value.value if value is not None else default_format()


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
        from .application import UsageError

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


@dataclass(kw_only=True)
class Selection:
    """The listing filters as typed on the command line; declared once, shared by every listing."""

    unit: Annotated[list[str] | None, typer.Option(
        "--unit", "-u", help="Responsible unit: name, alias or short form (repeat for any of several).",
        autocompletion=complete_unit)] = None
    role: Annotated[Role, typer.Option("--role", help="Match --unit as lead, support or any.")] = Role.any
    plan: Annotated[list[str] | None, typer.Option(
        "--plan", "-p", help="Plan: code, name or short form (repeatable).", autocompletion=complete_plan)] = None
    doc: Annotated[list[str] | None, typer.Option(
        "--doc", "-d", help="Document: code, number (鲁政发〔2024〕5号) or part of its title (repeatable).")] = None
    all_docs: Annotated[bool, typer.Option(
        "--all-docs", help="Include archived documents (left out unless named with --doc).")] = False
    before: Annotated[str | None, typer.Option("--before", help="Deadline on or before DATE.")] = None
    after: Annotated[str | None, typer.Option("--after", help="Deadline on or after DATE.")] = None
    within: Annotated[str | None, typer.Option(
        "--within", help="Deadline within SPAN of --as-of (7d, 2w, 1m, 1y); includes overdue items.")] = None
    as_of: AsOfOpt = None
    status: Annotated[list[StatusChoice] | None, typer.Option(
        "--status", "-s", help="Only these statuses; repeatable.")] = None
    light: Annotated[list[LightChoice] | None, typer.Option(
        "--light", "-l", help="Only these lights (亮灯, docs/lights.md): red, yellow, blue, green; repeatable.")
    ] = None
    soon: SoonOpt = "14d"
    kind: Annotated[Kind | None, typer.Option("--kind", help="target or milestone.")] = None
    registry: RegistryOpt = None
    progress: ProgressOpt = None
    lang: LangOpt = None

    def language(self) -> str:
        """The language of what this run prints for the person at the terminal: --lang, PLANCLI_LANG, locale."""
        from ..output.language import pick_lang

        return pick_lang(self.lang)

    def office_language(self, ws) -> str:
        """The language of what leaves the office (workbooks, bulletin, report, digest, calendar):
        --lang, PLANCLI_LANG, else the registry's ``lang:``, else the locale."""
        from ..output.language import pick_lang

        return pick_lang(self.lang, registry=ws.registry.lang)

    def workspace(self):
        """The workspace of the listing; records that count nowhere are warned about, not ignored."""
        from ..workspace import open_workspace
        from .application import warn

        ws = open_workspace(self.registry, self.progress)
        warn(ws.ledger_warnings(), self.language())
        return ws

    def filters(self, ws):
        from ..query.filters import make_filters

        f = make_filters(
            ws.registry, ws.units, units=self.unit or (), role=self.role.value, plans=self.plan or (),
            before=self.before, after=self.after, within=self.within, as_of=self.as_of,
            statuses=[s.value for s in self.status or ()], soon=self.soon,
            kinds=[self.kind.value] if self.kind else (), docs=self.doc or (), all_docs=self.all_docs,
            lights=[lt.value for lt in self.light or ()])
        # A --unit read from a part of one unit's name is a guess: say on stderr which unit it is.
        from ..words import say

        for text, name in f.guessed_units:
            print(say("msg.unit_chosen", self.language(), text=text, unit=name), file=sys.stderr)
        return f


def with_selection(fn):
    """Add the ``Selection`` options to a command; it receives them whole as ``sel``.

    typer reads parameters from the signature, so the command's signature lists its own parameters
    followed by Selection's fields. Working that out evaluates every option's annotation, so it is
    done for the one command a run builds (``sign_parameters``, called by ``build_command``), not
    for every listing as its module is imported.
    """

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        sel = Selection(**{k: kwargs.pop(k) for k in _selection_fields()})
        return fn(*args, sel=sel, **kwargs)

    wrapper.sign_parameters = functools.partial(_sign_parameters, fn)
    return wrapper


@functools.cache
def _selection_fields() -> dict[str, inspect.Parameter]:
    """Selection's fields as keyword-only parameters, their annotations evaluated (once a run)."""
    hints = typing.get_type_hints(Selection, include_extras=True)
    return {f.name: inspect.Parameter(f.name, inspect.Parameter.KEYWORD_ONLY, default=f.default,
                                      annotation=hints[f.name]) for f in fields(Selection)}


def _sign_parameters(fn, command) -> None:
    """Give ``command`` (``fn`` wrapped, as registered) the parameters typer reads: ``fn``'s own,
    then Selection's."""
    own_hints = typing.get_type_hints(fn, include_extras=True)
    own = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY, annotation=own_hints[p.name])
           for p in inspect.signature(fn).parameters.values() if p.name != "sel"]
    params = own + list(_selection_fields().values())
    command.__signature__ = inspect.Signature(params)
    command.__annotations__ = {p.name: p.annotation for p in params}
