"""The plancli command line: parse options, call one core function, render its result.

The package is the only place (with ``render``) that imports typer. ``application`` holds the Typer
application and the one error edge; ``options`` the shared options; the command modules
(``listings``, ``checks``, ``progress``, ``extract``) one thin function per command. A run imports
only the module of the command it runs (see ``application.COMMAND_MODULES``); ``plancli.cli.app``
loads them all.
"""

from __future__ import annotations

from .application import (
    EXIT_CHECK,
    EXIT_INTERNAL,
    EXIT_INTERRUPT,
    EXIT_OK,
    EXIT_USAGE,
    UsageError,
    _run,
    load_commands,
    main,
)

__all__ = ["app", "main", "_run", "load_commands", "UsageError", "EXIT_OK", "EXIT_CHECK", "EXIT_USAGE",
           "EXIT_INTERNAL", "EXIT_INTERRUPT"]


def __getattr__(name: str):
    if name == "app":  # the whole application, every command registered
        from . import application

        load_commands()
        return application.app
    raise AttributeError(name)
