"""The plancli command line: parse options, call one core function, render its result.

The package is the only place that imports typer, and a listing run with ordinary options does not
import it at all (docs/cli.md): ``edge`` holds the entry point (``main``, ``run``) and the one error
edge; ``fastpath`` parses the listing commands' options from a table generated from the typer
commands (``fastpath_table``, written by ``fastpath_gen``); ``application`` holds the Typer
application (a lazy root group) every other run goes to; ``commands`` which module holds which
command; ``selection`` the listing filters and choices, ``options`` the options as typer reads them;
one module per group of commands: ``listings`` (due, overdue, list, show, plans, stats, units, docs —
typer-free), ``checking`` (validate, coverage, parse-deadline), ``recording`` (record, import),
``reports`` (weekly, report, export, bulletin), ``review``, ``scoring``, ``extract``, ``team``,
``notify``. A run imports only the module of the command it runs (``commands.COMMAND_MODULES``).
"""

from __future__ import annotations

from .commands import COMMAND_MODULES, load_commands
from .edge import EXIT_CHECK, EXIT_INTERNAL, EXIT_INTERRUPT, EXIT_OK, EXIT_USAGE, UsageError, main, run

__all__ = ["app", "main", "run", "load_commands", "UsageError", "COMMAND_MODULES", "EXIT_OK", "EXIT_CHECK",
           "EXIT_USAGE", "EXIT_INTERNAL", "EXIT_INTERRUPT"]


def __getattr__(name: str):
    if name == "app":  # the Typer application, imported only by who asks for it (typer costs ~30 ms)
        from .application import app

        return app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
