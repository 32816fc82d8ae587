"""The listing filters as typed (``Selection``) and the choices of the listing commands — without typer.

A listing runs on the fast path (``fastpath``) with no typer in the process, so what it needs at run
time lives here: the Enum choices its options take, ``format_name``, ``Selection`` and its behaviour
(the workspace, the filters, the reader's language). What typer needs to parse and document the
options — the ``typer.Option`` of each field — is written as the fields' annotations, kept as text
(``from __future__ import annotations``) and read only when the typer application builds a command
(``options.sign``); they name typer's side through the ``TYPE_CHECKING`` imports below.
"""

from __future__ import annotations

import functools
import sys
from enum import Enum
from typing import TYPE_CHECKING, Annotated

from ..vocabulary import LIGHTS, STATUSES

if TYPE_CHECKING:  # names of the annotations, read by options.sign in options' namespace
    import typer

    from .options import (
        AsOfOpt,
        Kind,
        LangOpt,
        LightChoice,
        ProgressOpt,
        RegistryOpt,
        SoonOpt,
        StatusChoice,
        complete_plan,
        complete_unit,
    )


def choice(name: str, values) -> type[Enum]:
    """An Enum typer shows as [a|b|c] in --help and checks while parsing (typos are refused)."""
    return Enum(name, {v: v for v in values}, type=str)  # type: ignore[return-value]


# The choices of the listing options: attribute → (the Enum's name, its values). Each is made the first
# time it is named (``__getattr__`` below; Role and By here, as Selection and stats name them as
# defaults): making an Enum costs ~0.2 ms, and a run names only the choices on its line.
CHOICES = {
    "Role": ("Role", ("any", "lead", "support")),
    "By": ("By", ("plan", "unit")),
    "Kind": ("Kind", ("target", "milestone")),
    "StatusChoice": ("Status", STATUSES),
    "LightChoice": ("Light", LIGHTS),
    "Listing": ("Listing", ("table", "plain", "json", "csv", "md")),  # what render() writes
    "Detail": ("Detail", ("table", "plain", "json", "md")),
}


def __getattr__(name: str) -> type[Enum]:
    if name not in CHOICES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    made = globals()[name] = choice(*CHOICES[name])
    return made


Role = __getattr__("Role")
By = __getattr__("By")


def format_name(value: Enum | None) -> str:
    """The chosen format's name; without --format a terminal gets a table, a pipe plain text."""
    if value is not None:
        return value.value
    from ..output.render import default_format

    return default_format()


class Selection:
    """The listing filters as typed on the command line; declared once, shared by every listing.

    Each field is an option of every listing command (``with_selection``): its annotation is the
    typer option, its class attribute the default. A plain class, not a dataclass: one is made per
    run, and a dataclass's methods are compiled from text each time its module is imported."""

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

    def __init__(self, **given) -> None:
        for name in FIELDS:
            setattr(self, name, given.pop(name, getattr(Selection, name)))
        if given:
            raise TypeError(f"Selection has no field {', '.join(given)}")

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
        from .edge import warn

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
        if f.guessed_units:
            from ..words import say

            for text, name in f.guessed_units:
                print(say("msg.unit_chosen", self.language(), text=text, unit=name), file=sys.stderr)
        return f


FIELDS = tuple(Selection.__annotations__)  # the fields, in the order --help lists them


def with_selection(fn):
    """Add the ``Selection`` options to a command; it receives them whole as ``sel``.

    typer reads parameters from the signature: ``options.sign`` gives the command (as registered) its
    own parameters followed by Selection's fields, for the one command a run builds. Called by typer
    or by the fast path, the command gets the same keywords and makes the same ``Selection``."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        sel = Selection(**{k: kwargs.pop(k) for k in FIELDS if k in kwargs})
        return fn(*args, sel=sel, **kwargs)

    wrapper.selection = True
    return wrapper
