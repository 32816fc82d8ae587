"""A registry repository for a team: init."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .application import command


@command()
def init(
    directory: Annotated[Path, typer.Argument(metavar="DIR", help="New (or empty) directory to make.")],
    empty: Annotated[bool, typer.Option(
        "--empty", help="A skeleton with one example document instead of the shipped registry.")] = False,
    no_git: Annotated[bool, typer.Option("--no-git", help="Do not run `git init` in it.")] = False,
) -> None:
    """Make a registry repository a team shares in git: registry, ledger, git merge rules, CI script.

    Commands run inside it (or any subdirectory) use it; --registry / PLANCLI_REGISTRY still win.

    Example: plancli init tz && cd tz && git add -A && git commit -m registry
    """
    from ..repository import init_repository

    made = init_repository(directory, empty=empty, git=not no_git)
    print(f"plancli: made a registry repository in {made.root} ({len(made.files)} files"
          + ("; git initialised" if made.git else "") + ")")
    print(f"next: cd {made.root} && git add -A && git commit -m 'registry' && plancli validate --strict")
