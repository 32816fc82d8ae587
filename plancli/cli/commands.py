"""Which module holds which command, and the decorator that registers a command — without typer.

A command module registers its functions here as it is imported (``@command()``); the typer side
(``application.build_command``) and the fast path (``fastpath``) both find them in ``COMMANDS``. This
module imports nothing but the standard library, so a command module that imports only typer-free
modules (``listings``) can be imported, and its commands run, without typer (docs/cli.md).
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable

PROG = "plancli"  # the program's name in usage lines and in click's completion variable, _PLANCLI_COMPLETE

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


class PipeClosed(Exception):
    """stdout's reader went away; not an OSError, so the CLI framework does not turn it into exit 1."""


def piped(fn):
    """``fn`` with a closed stdout reported as PipeClosed (see edge.main)."""

    @functools.wraps(fn)
    def wrapper(*a, **k):
        try:
            return fn(*a, **k)
        except BrokenPipeError:
            raise PipeClosed() from None

    return wrapper


def command(name: str | None = None, **kwargs):
    """Declare a command: its module registers it here when imported; the typer application builds it
    when asked for (``application.build_command``), the fast path calls it as it is."""

    def register(fn):
        COMMANDS[name or fn.__name__.replace("_", "-")] = (piped(fn), kwargs)
        return fn

    return register


def group(name: str, sub) -> None:
    """Declare a command with subcommands (``review``, ``review accept``): a Typer of its own, declared
    after its callback (which runs without a subcommand) and commands, each wrapped in ``piped``."""
    COMMANDS[name] = (sub.registered_callback.callback, {"group": sub})


def load_commands(names=None) -> None:
    """Import the command modules of ``names`` (all when None), which registers their commands."""
    wanted = {COMMAND_MODULES[n] for n in names} if names else set(COMMAND_MODULES.values())
    for mod in dict.fromkeys(COMMAND_MODULES.values()):  # the order --help lists them in
        if mod in wanted:
            importlib.import_module(f"{__package__}.{mod}")
