"""The Typer application and the one error edge.

Domain errors (``errors.PlancliError``) are raised in the core and turned into one line on stderr
and an exit code here, once, in ``run``. Exit codes: 0 ok, 1 check failed (validate/coverage
problems, overdue with --fail), 2 usage or input error, 3 internal error, 130 interrupted.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import importlib
import inspect
import os
import sys
from collections.abc import Callable
from gettext import gettext
from typing import Annotated

import typer
import typer.main
from typer.core import TyperCommand, TyperGroup

from .. import __version__
from ..errors import PlancliError

EXIT_OK, EXIT_CHECK, EXIT_USAGE, EXIT_INTERNAL, EXIT_INTERRUPT = 0, 1, 2, 3, 130


class UsageError(PlancliError):
    """Bad input detected by the CLI itself (exit 2)."""


class _PipeClosed(Exception):
    """stdout's reader went away; not an OSError, so the CLI framework does not turn it into exit 1."""


# command → the module that defines it, in the order --help lists them. A run imports only the module
# of its command and builds only that command's parameters (typer would otherwise build all of them on
# every run: ~20 ms of a 90 ms query).
COMMAND_MODULES = {
    "due": "listings", "overdue": "listings", "list": "listings", "show": "listings", "plans": "listings",
    "stats": "listings", "units": "listings", "docs": "listings",
    "validate": "checking", "coverage": "checking", "parse-deadline": "checking",
    "record": "recording", "import": "recording",
    "weekly": "reports", "export": "reports", "report": "reports", "bulletin": "reports",
    "review": "review", "score": "scoring",
    "extract": "extract",
    "init": "team",
    "notify": "notify", "notice": "notify",
}

# name → (callback, typer command settings), filled by @command as a command module is imported.
COMMANDS: dict[str, tuple[Callable, dict]] = {}


def piped(fn):
    """``fn`` with a closed stdout reported as _PipeClosed (see main)."""

    @functools.wraps(fn)
    def wrapper(*a, **k):
        try:
            return fn(*a, **k)
        except BrokenPipeError:
            raise _PipeClosed() from None

    return wrapper


def command(name: str | None = None, **kwargs):
    """Declare a command: its module registers it here when imported; ``LazyGroup`` builds it when
    asked for."""

    def register(fn):
        COMMANDS[name or fn.__name__.replace("_", "-")] = (piped(fn), kwargs)
        return fn

    return register


def group(name: str, sub: typer.Typer) -> None:
    """Declare a command with subcommands (``review``, ``review accept``): a Typer of its own, declared
    after its callback (which runs without a subcommand) and commands, each wrapped in ``piped``."""
    COMMANDS[name] = (sub.registered_callback.callback, {"group": sub})


def load_commands(names=None) -> None:
    """Import the command modules of ``names`` (all when None), which registers their commands."""
    wanted = {COMMAND_MODULES[n] for n in names} if names else set(COMMAND_MODULES.values())
    for mod in dict.fromkeys(COMMAND_MODULES.values()):  # the order --help lists them in
        if mod in wanted:
            importlib.import_module(f"{__package__}.{mod}")


def build_command(name: str):
    """The click command of one plancli command, built through typer's public ``get_command``."""
    load_commands([name])
    fn, kwargs = COMMANDS[name]
    if "group" in kwargs:
        return typer.main.get_command(kwargs["group"])
    if hasattr(fn, "sign_parameters"):  # a listing's shared options (options.with_selection)
        fn.sign_parameters(fn)
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
    name="plancli",
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




# A kind of warning found more often than this is summed up in one line (validate lists them all).
WARN_EACH = 3
WARN_PLACES = 3  # the places a summary line names


def warn(problems, lang: str = "en") -> None:
    """The one place ledger warnings reach the user, on stderr. A kind of problem found up to
    ``WARN_EACH`` times is printed as it is, ``plancli: warning: file:line: …``; a kind found more
    often is one line with its count and its first places (a ledger with thousands of records of a
    recurring id must not bury the answer under thousands of lines)."""
    by_kind: dict[str, list] = {}
    for p in problems:
        by_kind.setdefault(p.code, []).append(p)
    from ..words import has, joined, say, visible

    for code, found in by_kind.items():
        kind = f"files.summary.{code}"  # the kind of problem in a few words (words/files.py)
        if len(found) <= WARN_EACH or not has(kind):
            for p in found:
                print(f"plancli: warning: {visible(p.located(lang), '')}", file=sys.stderr)
            continue
        places, path = [], None
        for p in found[:WARN_PLACES]:
            places.append(f"{p.path}:{p.line or 0}" if p.path != path else f":{p.line or 0}")
            path = p.path
        line = say("files.warnings.summary", lang, problem=say(kind, lang), count=len(found),
                   places=joined(places, lang),
                   more=say("files.warnings.more", lang) if len(found) > WARN_PLACES else "")
        print(f"plancli: warning: {visible(line, '')}", file=sys.stderr)


def _fail(msg: str, code: int) -> int:
    with contextlib.suppress(Exception):  # stdout may be gone already
        sys.stdout.flush()
    from ..words import visible

    # one line, and nothing in it the terminal would obey (a file name or a cell may hold ESC)
    print(f"plancli: error: {visible(msg, '')}", file=sys.stderr)
    return code


def run(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else list(argv)
    root = typer.main.get_command(app)
    try:
        rc = root.main(args=args, prog_name="plancli", standalone_mode=False)
        return rc if isinstance(rc, int) else EXIT_OK
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        print("", file=sys.stderr)
        return EXIT_INTERRUPT
    except PlancliError as exc:  # in the reader's language: --lang on the line, else PLANCLI_LANG, else the locale
        from ..output.language import lang_in_args

        return _fail(exc.located(lang_in_args(args)), EXIT_USAGE)
    except KeyboardInterrupt:
        return EXIT_INTERRUPT
    except (BrokenPipeError, _PipeClosed):
        raise BrokenPipeError from None
    except typer.TyperException as exc:  # the parser's usage errors (click's ClickException)
        if not args:  # bare `plancli` (no_args_is_help): the help text, unmangled, and a usage exit code
            print(exc.format_message(), file=sys.stderr)
            return EXIT_USAGE
        ctx = getattr(exc, "ctx", None)
        where = f" (see `{ctx.command_path} --help`)" if ctx is not None else ""
        msg = " ".join(exc.format_message().split())
        return _fail(f"{msg}{where}", EXIT_USAGE)
    except OSError as exc:
        where = f": {exc.filename}" if getattr(exc, "filename", None) else ""
        return _fail(f"{exc.strerror or exc}{where}", EXIT_USAGE)
    except Exception as exc:  # noqa: BLE001 - the one edge where errors become messages
        if os.environ.get("PLANCLI_DEBUG"):
            raise
        return _fail(f"internal error: {type(exc).__name__}: {exc} (set PLANCLI_DEBUG=1 for details)",
                     EXIT_INTERNAL)


def main(argv: list[str] | None = None) -> None:
    # One run lasts well under a second (or a few on a huge registry) and builds no reference cycles,
    # so the cyclic collector would only walk the loaded registry again and again: 5 ms of the hot
    # path, 50 ms of a warm and 0.2 s of a cold query at 100k entries. Memory is still freed by
    # reference counting (peak RSS of every command measured unchanged).
    gc.disable()
    # Under cron the locale may be C/POSIX: force UTF-8 so Chinese text is never mangled.
    for stream in (sys.stdout, sys.stderr):
        try:
            if (stream.encoding or "").lower().replace("-", "") != "utf8":
                stream.reconfigure(encoding="utf-8")
        except (AttributeError, ValueError):
            pass
    try:
        rc = run(argv)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (plancli due | head -1): stop quietly, as cat and grep do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        rc = EXIT_OK
    except KeyboardInterrupt:
        rc = EXIT_INTERRUPT
    sys.exit(rc)
