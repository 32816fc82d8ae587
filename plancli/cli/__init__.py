"""The plancli command line: parse options, call one core function, render its result.

The package is the only place that imports typer. ``application`` holds the Typer application (a
lazy root group) and the one error edge; ``options`` the shared options; one module per group of
commands: ``listings`` (due, overdue, list, show, plans, stats, units, docs), ``checking`` (validate,
coverage, parse-deadline), ``recording`` (record), ``reports`` (weekly, report, export), ``extract``.
A run imports only the module of the command it runs (``application.COMMAND_MODULES``).
"""

from __future__ import annotations

from .application import (
    COMMAND_MODULES,
    EXIT_CHECK,
    EXIT_INTERNAL,
    EXIT_INTERRUPT,
    EXIT_OK,
    EXIT_USAGE,
    UsageError,
    app,
    load_commands,
    main,
    run,
)

__all__ = ["app", "main", "run", "load_commands", "UsageError", "COMMAND_MODULES", "EXIT_OK", "EXIT_CHECK",
           "EXIT_USAGE", "EXIT_INTERNAL", "EXIT_INTERRUPT"]
