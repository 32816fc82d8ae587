"""A registry repository for a team: init."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .commands import command


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
    import shlex

    from ..output.language import pick_lang
    from ..repository import init_repository
    from ..words import say

    made = init_repository(directory, empty=empty, git=not no_git)
    lang_ = pick_lang(None)
    print(say("init.made", lang_, root=made.root, n=len(made.files),
              git=say("init.git", lang_) if made.git else ""))
    # the path quoted as a shell word: a directory with spaces or quotes still pastes as one command
    print(say("init.next", lang_, root=shlex.quote(str(made.root))))
