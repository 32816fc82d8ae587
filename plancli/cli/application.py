"""The typer application: the lazy root group, each command built on demand, typer's own errors.

Every run that the fast path (``fastpath``) is not sure of comes here, through the one error edge
(``edge.guarded``): ``invoke`` turns typer's usage errors and exits into exit codes and lets domain
errors through to the edge.
"""

from __future__ import annotations

import inspect
import sys
from gettext import gettext
from typing import Annotated

import typer
import typer.main
from typer.core import TyperCommand, TyperGroup

from .. import __version__
from .commands import COMMAND_MODULES, COMMANDS, PROG, load_commands
from .edge import EXIT_INTERRUPT, EXIT_USAGE, fail


def build_command(name: str):
    """The click command of one plancli command, built through typer's public ``get_command``."""
    load_commands([name])
    fn, kwargs = COMMANDS[name]
    if "group" in kwargs:
        return typer.main.get_command(kwargs["group"])
    from .options import sign

    sign(fn)  # its annotations read as typer reads them (and a listing's shared options added)
    one = typer.Typer(add_completion=False, rich_markup_mode=None, pretty_exceptions_enable=False,
                      context_settings=CONTEXT)
    one.command(name, **kwargs)(fn)
    return typer.main.get_command(one)


class LazyGroup(TyperGroup):
    """The root group, loading commands on demand: click's documented lazy-subcommand pattern
    (override ``list_commands`` and ``get_command``), through typer's documented ``cls=`` hook."""

    def list_commands(self, ctx) -> list[str]:
        return list(COMMAND_MODULES)

    def get_command(self, ctx, cmd_name: str):
        if cmd_name not in COMMAND_MODULES:
            return None
        if cmd_name not in self.commands:  # a run asks for one command
            self.commands[cmd_name] = build_command(cmd_name)
        return self.commands[cmd_name]

    def format_commands(self, ctx, formatter) -> None:
        """The root ``--help``'s list of commands, from each command's help text alone: no command's
        parameters are built (click would build all 19 to print one line each)."""
        load_commands()
        shown = [(name, COMMANDS[name]) for name in self.list_commands(ctx)]
        shown = [(name, fn, kw) for name, (fn, kw) in shown if not kw.get("hidden")]
        limit = formatter.width - 6 - max(len(name) for name, _, _ in shown)
        rows = []
        for name, fn, kw in shown:
            # what typer gives the command (help=, else the docstring) and click shortens
            stub = TyperCommand(name, help=kw.get("help") or inspect.getdoc(fn), short_help=kw.get("short_help"),
                                deprecated=kw.get("deprecated", False))
            rows.append((name, stub.get_short_help_str(limit)))
        with formatter.section(gettext("Commands")):
            formatter.write_dl(rows)


CONTEXT = {"help_option_names": ["-h", "--help"]}
app = typer.Typer(
    name=PROG,
    cls=LazyGroup,
    no_args_is_help=True,
    help="Check targets and deadlines of government action plans (鲁政发〔2024〕5号).",
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings=CONTEXT,
)


def _version(value: bool) -> None:
    if value:
        print(f"plancli {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Check targets and deadlines of government action plans (鲁政发〔2024〕5号).

    Example: plancli due --unit 省大数据局
    """


def invoke(args: list[str]):
    """Run ``args`` through the typer application: the command's return value, or the exit code of
    typer's own ending (help, ``--version``, a usage error). Domain errors go on to the edge."""
    root = typer.main.get_command(app)
    try:
        return root.main(args=args, prog_name=PROG, standalone_mode=False)
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:  # click's own ^C: it has said its newline
        return EXIT_INTERRUPT
    except typer.TyperException as exc:  # the parser's usage errors (click's ClickException)
        if not args:  # bare `plancli` (no_args_is_help): the help text, unmangled, and a usage exit code
            print(exc.format_message(), file=sys.stderr)
            return EXIT_USAGE
        ctx = getattr(exc, "ctx", None)
        where = f" (see `{ctx.command_path} --help`)" if ctx is not None else ""
        msg = " ".join(exc.format_message().split())
        return fail(f"{msg}{where}", EXIT_USAGE)
