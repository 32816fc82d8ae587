"""The one error edge and the entry point, without typer.

Domain errors (``errors.PlancliError``) are raised in the core and turned into one line on stderr and
an exit code here, once, in ``guarded`` — for a run on the fast path (``fastpath``: the listing
commands with ordinary options, parsed without typer) and for a run through the typer application
alike. Exit codes: 0 ok, 1 check failed (validate/coverage problems, overdue with --fail), 2 usage or
input error, 3 internal error, 130 interrupted.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from collections.abc import Callable

from ..errors import PlancliError
from .commands import PipeClosed

EXIT_OK, EXIT_CHECK, EXIT_USAGE, EXIT_INTERNAL, EXIT_INTERRUPT = 0, 1, 2, 3, 130


class UsageError(PlancliError):
    """Bad input detected by the CLI itself (exit 2)."""


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
    if not by_kind:
        return
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


def fail(msg: str, code: int) -> int:
    """Say ``msg`` as the run's one error line on stderr; return the exit ``code``."""
    with contextlib.suppress(Exception):  # stdout may be gone already
        sys.stdout.flush()
    from ..words import visible

    # one line, and nothing in it the terminal would obey (a file name or a cell may hold ESC)
    print(f"plancli: error: {visible(msg, '')}", file=sys.stderr)
    return code


def guarded(call: Callable[[], object], args: list[str]) -> int:
    """Run ``call`` (one command, on either path) and turn what it raises into an exit code and one
    line on stderr. The typer path turns its own exceptions (usage errors, ``typer.Exit``) into codes
    before they reach here (``application.invoke``)."""
    try:
        rc = call()
        return rc if isinstance(rc, int) else EXIT_OK
    except PlancliError as exc:  # in the reader's language: --lang on the line, else PLANCLI_LANG, else the locale
        from ..output.language import lang_in_args

        return fail(exc.located(lang_in_args(args)), EXIT_USAGE)
    except KeyboardInterrupt:
        print("", file=sys.stderr)  # the shell's ^C leaves the line open
        return EXIT_INTERRUPT
    except (BrokenPipeError, PipeClosed):
        raise BrokenPipeError from None
    except OSError as exc:
        where = f": {exc.filename}" if getattr(exc, "filename", None) else ""
        return fail(f"{exc.strerror or exc}{where}", EXIT_USAGE)
    except Exception as exc:  # noqa: BLE001 - the one edge where errors become messages
        if os.environ.get("PLANCLI_DEBUG"):
            raise
        return fail(f"internal error: {type(exc).__name__}: {exc} (set PLANCLI_DEBUG=1 for details)", EXIT_INTERNAL)


def run(argv: list[str] | None = None, *, fast: bool = True) -> int:
    """One run of plancli on ``argv`` (default ``sys.argv[1:]``): its exit code.

    A listing command with options the fast path is sure of runs without typer (``fastpath``);
    anything else — help, an unknown option, a value that does not parse, completion — goes to the
    typer application unchanged. ``fast=False`` sends every run to typer (the tests compare both)."""
    args = sys.argv[1:] if argv is None else list(argv)
    if fast:
        from .fastpath import parse

        call = parse(args)
        if call is not None:
            return guarded(call, args)
    from .application import invoke

    return guarded(lambda: invoke(args), args)


def main(argv: list[str] | None = None, *, fast: bool = True) -> None:
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
        rc = run(argv, fast=fast)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (plancli due | head -1): stop quietly, as cat and grep do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        rc = EXIT_OK
    except KeyboardInterrupt:
        rc = EXIT_INTERRUPT
    sys.exit(rc)
