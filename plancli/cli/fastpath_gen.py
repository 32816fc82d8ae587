"""Write ``fastpath_table.py``, the options of the fast-path commands, from the typer commands.

Run ``make fastpath-table`` (``python -m plancli.cli.fastpath_gen``) after changing an option of a
listing command; ``tests/test_fastpath.py`` regenerates the table and fails while the checked-in one
differs, so the fast path cannot drift from what typer parses. Every command of a module in
``FAST_MODULES`` (modules that import no typer) is built through the typer application, exactly as a
run builds it, and each of its parameters is written down with what typer would pass for it. A
parameter of a shape the fast path does not read (a count, a callback, a type other than text, path,
flag or choice, …) stops the generation with its name: teach ``fastpath`` that shape, or leave the
command to typer.
"""

from __future__ import annotations

import inspect
import sys
import typing
from enum import Enum
from pathlib import Path

from . import selection
from .application import CONTEXT, build_command
from .commands import COMMAND_MODULES, COMMANDS

FAST_MODULES = ("listings",)  # command modules that import no typer (a test holds them to it)
TABLE = Path(__file__).with_name("fastpath_table.py")

HEADER = '''"""The commands the fast path parses and their options — generated from the typer commands: do not edit.

Written by `make fastpath-table` (plancli/cli/fastpath_gen.py); tests/test_fastpath.py regenerates it
and fails while this file differs. See docs/cli.md.
"""

# command → (module, arguments, options)
#   an argument: (parameter, kind)
#   an option:   (parameter, names, kind, repeatable, environment variable, default)
#   kind: "flag" (True when given), "text", "path" (a pathlib.Path), or the name of an Enum of
#   cli.selection (one of its values, as spelled); default: what typer passes when the option is
#   absent (an Enum's value for a choice)
COMMANDS = {
'''


class NotFast(Exception):
    """A parameter of a shape the fast path does not read."""


def _enum_of(annotation) -> type[Enum] | None:
    """The Enum inside ``annotation`` (Annotated, Optional and list taken off), if any."""
    for arg in (annotation, *typing.get_args(annotation)):
        if isinstance(arg, type) and issubclass(arg, Enum):
            return arg
        if typing.get_args(arg) and arg is not annotation:
            found = _enum_of(arg)
            if found is not None:
                return found
    return None


def _enum_name(enum: type[Enum], where: str) -> str:
    names = [name for name in selection.CHOICES if getattr(selection, name) is enum]
    if not names:
        raise NotFast(f"{where}: its choices ({enum.__name__}) are not an Enum of cli.selection")
    return names[0]


def _kind(param, annotation, where: str) -> str:
    """What the fast path converts a value of ``param`` (a click parameter) into."""
    t = param.type
    if t.name == "boolean" and getattr(param, "is_flag", False):
        if param.secondary_opts or not getattr(param, "is_bool_flag", False) or param.default is not False:
            raise NotFast(f"{where}: a flag other than --name (True when given)")
        return "flag"
    if t.name in ("text", "str"):  # click names its string type text, the click typer carries str
        return "text"
    if t.name == "path":
        plain = dict(exists=False, file_okay=True, dir_okay=True, writable=False, readable=True,
                     resolve_path=False, allow_dash=False)
        if any(getattr(t, k) != v for k, v in plain.items()):
            raise NotFast(f"{where}: a path with checks the fast path does not make")
        return "path"
    if t.name == "choice":
        enum = _enum_of(annotation)
        if enum is None or [m.value for m in enum] != list(t.choices):
            raise NotFast(f"{where}: choices that are not an Enum's values")
        return _enum_name(enum, where)
    raise NotFast(f"{where}: a value of type {t.name}")


def describe(name: str) -> tuple[str, tuple, tuple]:
    """(module, arguments, options) of one command, read from the click command typer builds."""
    cmd = build_command(name)
    fn, _ = COMMANDS[name]
    signature = inspect.signature(fn)  # as options.sign left it: typer's annotations read
    if cmd.context_settings != CONTEXT or getattr(cmd, "no_args_is_help", False):
        raise NotFast(f"{name}: context settings the fast path does not read")
    arguments, options = [], []
    for p in cmd.params:
        where = f"{name} {p.name}"
        if (p.nargs != 1 or p.callback is not None or p.is_eager or not p.expose_value
                or getattr(p, "deprecated", False) or getattr(p, "prompt", None) or getattr(p, "count", False)):
            raise NotFast(f"{where}: a parameter the fast path does not read")
        kind = _kind(p, signature.parameters[p.name].annotation, where)
        if p.param_type_name == "argument":
            if not p.required or p.multiple:
                raise NotFast(f"{where}: an optional or repeated argument")
            arguments.append((p.name, kind))
            continue
        if p.required or (p.multiple and p.envvar) or not isinstance(p.envvar, (str, type(None))):
            raise NotFast(f"{where}: a required option, or one read from several variables")
        default = signature.parameters[p.name].default
        if isinstance(default, Enum):
            default = default.value
        if default is not None and not isinstance(default, (str, bool)):
            raise NotFast(f"{where}: a default of type {type(default).__name__}")
        options.append((p.name, tuple(p.opts), kind, bool(p.multiple), p.envvar, default))
    return COMMAND_MODULES[name], tuple(arguments), tuple(options)


def render() -> str:
    """The text of fastpath_table.py for the commands as they are now."""
    out = [HEADER]
    for name, module in COMMAND_MODULES.items():
        if module not in FAST_MODULES:
            continue
        module, arguments, options = describe(name)
        out.append(f"    {name!r}: ({module!r}, {arguments!r}, (\n")
        out += [f"        {opt!r},\n" for opt in options]
        out.append("    )),\n")
    out.append("}\n")
    return "".join(out)


def main() -> int:
    text = render()
    if TABLE.exists() and TABLE.read_text(encoding="utf-8") == text:
        print(f"{TABLE}: up to date")
        return 0
    TABLE.write_text(text, encoding="utf-8")
    print(f"{TABLE}: written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
