"""The fast path: a listing command with ordinary options, run without importing typer.

Importing typer (and the click it carries) costs about as much as the query it would parse the line
for: ~40 ms of the ~60 ms of `plancli due --unit 省大数据局 --format json` on the shipped registry. The
commands people run most from scripts and by hand every day — the listings of ``cli/listings``, a
module that imports no typer — are parsed here from a table of their options (``fastpath_table``),
which is generated from the typer commands themselves (``fastpath_gen``; a test regenerates it and
fails when the checked-in table differs). The command function is then called with exactly the
keywords typer would call it with, inside the same error edge (``edge.guarded``).

The parser reads only what it is sure of: ``--option value``, ``--option=value``, ``-o value``, flags,
and the command's own arguments. Anything else — ``--help``, an unknown option, combined short
flags (``-uX``), ``--``, a value that is empty, starts with ``-`` or is not one of the choices, a
missing value, a single-valued option given twice, an unreadable path, an environment variable that
starts shell completion — returns ``None``, and the run goes to the typer application with its
argv unchanged: help, usage errors and their exit codes are typer's own.
"""

from __future__ import annotations

import os
from functools import partial

from .commands import PROG
from .fastpath_table import COMMANDS

# click starts shell completion when this is set (typer's completion protocol, `_PLANCLI_COMPLETE`)
COMPLETE_VAR = f"_{PROG}_COMPLETE".replace("-", "_").upper()


class _Unsure(Exception):
    """The line holds something the fast path does not read: the typer application reads it."""


def parse(args: list[str]) -> partial | None:
    """The run of ``args`` as a call of its command — ``_call(name, module, keywords)``, the keywords
    those typer would pass — or None when typer must read the line."""
    if not args or COMPLETE_VAR in os.environ:
        return None
    spec = COMMANDS.get(args[0])
    if spec is None:
        return None
    module, arguments, options = spec
    try:
        values, positional = _read(args[1:], options)
        kwargs = _keywords(values, positional, arguments, options)
    except _Unsure:
        return None
    return partial(_call, args[0], module, kwargs)


def _read(words: list[str], options) -> tuple[dict, list[str]]:
    """The options given on the line (parameter → converted value, a list for a repeatable option)
    and the positional words."""
    by_name = {name: opt for opt in options for name in opt[1]}
    values: dict = {}
    positional: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        i += 1
        if not word.startswith("-"):
            positional.append(_sure(word))
            continue
        name, eq, value = word.partition("=") if word.startswith("--") else (word, "", "")
        opt = by_name.get(name)
        if opt is None:  # --help, an unknown option, -uX, --, -
            raise _Unsure
        param, _, kind, multiple = opt[:4]
        if kind == "flag":
            if eq:
                raise _Unsure
            got = True
        else:
            if not eq:
                if i == len(words):  # a missing value
                    raise _Unsure
                value = words[i]
                i += 1
            got = _convert(kind, value)
        if multiple:
            values.setdefault(param, []).append(got)
        elif param in values:  # click keeps the last; said twice is not what the fast path is sure of
            raise _Unsure
        else:
            values[param] = got
    return values, positional


def _keywords(values: dict, positional: list[str], arguments, options) -> dict:
    """Every parameter of the command as typer passes it: given, else from its environment variable,
    else its default."""
    if len(positional) != len(arguments):
        raise _Unsure
    kwargs = {param: _convert(kind, word) for (param, kind), word in zip(arguments, positional, strict=True)}
    for param, _, kind, _, envvar, default in options:
        if param in values:
            kwargs[param] = values[param]
        elif envvar and os.environ.get(envvar):  # click reads an empty variable as unset
            kwargs[param] = _convert(kind, os.environ[envvar])
        elif default is not None and kind not in ("flag", "text", "path"):
            kwargs[param] = _choices(kind)(default)
        else:
            kwargs[param] = default
    return kwargs


def _sure(value: str) -> str:
    """A value the fast path reads as typer would: not empty and not like an option."""
    if not value or value.startswith("-"):
        raise _Unsure
    return value


def _convert(kind: str, value: str):
    """``value`` as typer converts it for a parameter of ``kind``."""
    _sure(value)
    if kind == "text":
        return value
    if kind == "path":
        # click's Path refuses an existing path it cannot read, with its own usage error
        if os.path.exists(value) and not os.access(value, os.R_OK):
            raise _Unsure
        from pathlib import Path

        return Path(value)
    try:
        return _choices(kind)(value)  # exactly as the choice is spelled (click also reads other cases)
    except ValueError:
        raise _Unsure from None


def _choices(kind: str):
    """The Enum named ``kind`` of ``cli.selection`` (the choices a fast-path option takes)."""
    from . import selection

    return getattr(selection, kind)


def _call(name: str, module: str, kwargs: dict):
    """Import the command's module (which registers it) and call the command as typer would."""
    from importlib import import_module

    from .commands import COMMANDS as REGISTERED

    import_module(f"{__package__}.{module}")
    fn, _ = REGISTERED[name]
    return fn(**kwargs)
