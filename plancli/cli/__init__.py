"""The plancli command line: parse options, call one core function, render its result.

The package is the only place (with ``render``) that imports typer. ``app`` holds the Typer
application and the one error edge; ``options`` the shared options; the command modules
(``listings``, ``checks``, ``progress``, ``extract``) one thin function per command.
"""

from __future__ import annotations

from . import checks, extract, listings, progress  # noqa: F401 - importing registers the commands
from .app import EXIT_CHECK, EXIT_INTERNAL, EXIT_INTERRUPT, EXIT_OK, EXIT_USAGE, UsageError, _run, app, main

__all__ = ["app", "main", "_run", "UsageError", "EXIT_OK", "EXIT_CHECK", "EXIT_USAGE", "EXIT_INTERNAL",
           "EXIT_INTERRUPT"]
